//! Every built-in scenario loads with no errors and no warnings, and is what it says it is.

use good_offices::scenario::builtin::BUILT_INS;
use good_offices::scenario::{BodyKind, ToolKind};

#[test]
fn every_builtin_validates_without_warnings() {
    for b in BUILT_INS {
        let loaded = b.load().unwrap_or_else(|r| panic!("{}", good_offices::diagnostics::render_human(&r)));
        let warnings = good_offices::diagnostics::render_human(&loaded.report);
        assert!(warnings.is_empty(), "{} has warnings:\n{warnings}", b.id);
        assert_eq!(loaded.scenario.meta.id, b.id, "file name and meta.id agree");
    }
}

#[test]
fn historical_builtins_cite_sources_and_have_a_course() {
    for b in BUILT_INS {
        let s = b.load().expect("loads").scenario;
        if s.meta.fictional {
            continue;
        }
        assert!(s.meta.sources.len() >= 3, "{} cites {} sources", b.id, s.meta.sources.len());
        assert!(!s.historical_course.is_empty(), "{} has a historical course", b.id);
        for turn in &s.historical_course {
            assert!(!turn.sources.is_empty(), "{} turn {} cites no source", b.id, turn.turn);
        }
    }
}

#[test]
fn the_tutorial_is_short_and_marked_fictional() {
    let s = good_offices::scenario::builtin::find("tutorial-river-dispute")
        .expect("built in")
        .load()
        .expect("loads")
        .scenario;
    assert!(s.meta.fictional);
    assert!(s.meta.turns <= 6, "playable in under an hour");
    let kinds: Vec<_> = s.actors.iter().map(|a| a.kind).collect();
    use good_offices::scenario::ActorKind::*;
    for k in [RegionalOrganisation, Envoy, CivilSociety] {
        assert!(kinds.contains(&k), "tutorial has a {k:?}");
    }
    assert!(s.injects.iter().any(|i| i.trigger == good_offices::scenario::Trigger::Facilitator));
}

fn council_of(id: &str) -> (Vec<String>, Vec<String>, Vec<(u32, String)>) {
    let s = good_offices::scenario::builtin::find(id).expect("built in").load().expect("loads").scenario;
    let council = s.bodies.iter().find(|b| b.is_council()).expect("has a Council");
    match &council.kind {
        BodyKind::SecurityCouncil { members, permanent, presidency } => {
            let mut m: Vec<String> = members.iter().map(|x| x.to_string()).collect();
            m.sort();
            let mut p: Vec<String> = permanent.iter().map(|x| x.to_string()).collect();
            p.sort();
            (m, p, presidency.clone())
        }
        _ => unreachable!(),
    }
}

fn names(id: &str, ids: &[String]) -> Vec<String> {
    let s = good_offices::scenario::builtin::find(id).expect("built in").load().expect("loads").scenario;
    let mut v: Vec<String> = ids.iter().map(|i| s.actor(i).expect("member is an actor").name.clone()).collect();
    v.sort();
    v
}

#[test]
fn cambodia_thailand_has_the_council_of_2011_with_brazil_presiding_first() {
    let (members, permanent, presidency) = council_of("cambodia-thailand-2011");
    assert_eq!(members.len(), 15);
    assert_eq!(permanent.len(), 5);
    let elected: Vec<String> = names("cambodia-thailand-2011", &members)
        .into_iter()
        .filter(|n| !names("cambodia-thailand-2011", &permanent).contains(n))
        .collect();
    assert_eq!(
        elected,
        [
            "Bosnia and Herzegovina",
            "Brazil",
            "Colombia",
            "Gabon",
            "Germany",
            "India",
            "Lebanon",
            "Nigeria",
            "Portugal",
            "South Africa"
        ]
    );
    assert_eq!(presidency[0].0, 1);
    assert_eq!(names("cambodia-thailand-2011", &[presidency[0].1.clone()]), ["Brazil"]);
}

#[test]
fn kenya_has_the_council_of_2008() {
    let (members, permanent, _) = council_of("kenya-2008");
    let elected: Vec<String> =
        names("kenya-2008", &members).into_iter().filter(|n| !names("kenya-2008", &permanent).contains(n)).collect();
    assert_eq!(
        elected,
        [
            "Belgium",
            "Burkina Faso",
            "Costa Rica",
            "Croatia",
            "Indonesia",
            "Italy",
            "Libya",
            "Panama",
            "South Africa",
            "Viet Nam"
        ]
    );
}

#[test]
fn historical_courses_follow_the_record() {
    let s = good_offices::scenario::builtin::find("cambodia-thailand-2011")
        .expect("built in")
        .load()
        .expect("loads")
        .scenario;
    let uses =
        |tool: ToolKind| s.historical_course.iter().flat_map(|t| &t.orders).filter(move |o| o.tool == tool).count();
    assert!(uses(ToolKind::PressElements) >= 1, "7 Feb elements to the press");
    assert!(uses(ToolKind::PressStatement) >= 1, "14 Feb press statement");
    assert!(uses(ToolKind::IcjApplication) == 1, "28 Apr application to the ICJ");
    assert!(uses(ToolKind::ProvisionalMeasures) == 1, "18 Jul provisional measures");
    assert_eq!(uses(ToolKind::DraftResolution), 0, "the Council adopted no resolution");

    let k = good_offices::scenario::builtin::find("kenya-2008").expect("built in").load().expect("loads").scenario;
    let signers: Vec<&str> = k
        .historical_course
        .iter()
        .flat_map(|t| &t.orders)
        .filter(|o| o.tool == ToolKind::SignAgreement)
        .map(|o| o.actor.as_str())
        .collect();
    assert_eq!(signers.len(), 2, "both parties sign the National Accord");
    let mediators: std::collections::BTreeSet<&str> = k
        .historical_course
        .iter()
        .flat_map(|t| &t.orders)
        .filter(|o| o.tool == ToolKind::Mediation)
        .map(|o| o.actor.as_str())
        .collect();
    assert_eq!(mediators.len(), 1, "a single mediation track: {mediators:?}");
}
