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

#[test]
fn liberia_has_the_council_of_2003_and_follows_the_record() {
    let (members, permanent, presidency) = council_of("liberia-2003");
    let elected: Vec<String> = names("liberia-2003", &members)
        .into_iter()
        .filter(|n| !names("liberia-2003", &permanent).contains(n))
        .collect();
    assert_eq!(
        elected,
        [
            "Angola",
            "Bulgaria",
            "Cameroon",
            "Chile",
            "Germany",
            "Guinea",
            "Mexico",
            "Pakistan",
            "Spain",
            "Syrian Arab Republic"
        ]
    );
    // Syria presided in August 2003, when resolution 1497 was adopted (turn 7 starts on 28 July).
    assert!(presidency.contains(&(7, "syria".to_string())), "{presidency:?}");

    let s = good_offices::scenario::builtin::find("liberia-2003").expect("built in").load().expect("loads").scenario;
    assert_eq!(s.format, 2);
    let orders: Vec<_> = s.historical_course.iter().flat_map(|t| t.orders.iter().map(move |o| (t.turn, o))).collect();
    let turn_of = |tool: ToolKind, actor: &str| -> Vec<u32> {
        orders.iter().filter(|(_, o)| o.tool == tool && o.actor == actor).map(|(t, _)| *t).collect()
    };
    // 17 June ceasefire (turn 4), 18 August agreement (turn 8), ECOMIL lands (turn 7).
    assert_eq!(turn_of(ToolKind::OfferCeasefire, "gol"), [4]);
    assert_eq!(turn_of(ToolKind::OfferCeasefire, "lurd"), [4]);
    assert_eq!(turn_of(ToolKind::SignAgreement, "gol"), [8]);
    assert_eq!(turn_of(ToolKind::SignAgreement, "lurd"), [8]);
    assert_eq!(turn_of(ToolKind::DeployRegionalForce, "nigeria"), [7]);
    // Three resolutions: 1478 (timber, turn 1), 1497 (turn 7), 1509 (turn 9), all under Chapter VII.
    assert_eq!(turn_of(ToolKind::DraftResolution, "united-states"), [1, 7, 9]);
    // One mediator, as at the Accra talks.
    let mediators: std::collections::BTreeSet<&str> =
        orders.iter().filter(|(_, o)| o.tool == ToolKind::Mediation).map(|(_, o)| o.actor.as_str()).collect();
    assert_eq!(mediators.into_iter().collect::<Vec<_>>(), ["ecowas-mediator"]);
    // The women's mass action is played by a civil-society actor; the events no tool brings about are
    // injects the course fires in their turn.
    assert_eq!(turn_of(ToolKind::MassAction, "women"), [1, 2, 6, 6, 6]);
    let fired: Vec<(u32, String)> =
        s.historical_course.iter().flat_map(|t| t.injects.iter().map(move |i| (t.turn, i.to_string()))).collect();
    assert_eq!(
        fired,
        [
            (3, "special-court-indictment".to_string()),
            (4, "ceasefire-collapses".to_string()),
            (5, "asylum-offer".to_string()),
            (8, "taylor-resigns".to_string()),
            (10, "assembly-finances-unmil".to_string()),
        ]
    );
    // Every role a group can play has a private briefing and objectives.
    for a in s.actors.iter().filter(|a| !a.briefing.is_empty()) {
        assert!(!a.objectives.is_empty(), "{} has objectives", a.id);
    }
    assert_eq!(s.actors.iter().filter(|a| !a.briefing.is_empty()).count(), 9);
}

#[test]
fn liberias_course_gives_the_votes_of_2003_for_1497_and_1509() {
    use good_offices::engine::{Game, OrderSource, play};
    let s = std::sync::Arc::new(
        good_offices::scenario::builtin::find("liberia-2003").expect("built in").load().expect("loads").scenario,
    );
    let records = play(&mut Game::new(s, 1), &OrderSource::Historical, None);
    let tally = |turn: u32| records.iter().find(|r| r.turn == turn).expect("the turn is played").votes[0].tally.clone();
    assert_eq!(tally(7), "12–0–3", "resolution 1497: France, Germany and Mexico abstain");
    assert_eq!(tally(9), "15–0–0", "resolution 1509: unanimous");
    let end = records.last().and_then(|r| r.end.as_ref()).expect("the game ends");
    assert_eq!(end.outcome, "agreement-and-un-mission");
}
