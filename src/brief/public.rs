//! The public situation sheet everyone reads.

use super::doc::{Line, Sheet, em, strong, text};
use super::{issue_name, kind_name, names, pretty_date};
use crate::model::glasl::{phase_name, stage_name};
use crate::scenario::schema::{BodyKind, DecisionRule, Dyad, Scenario};

/// The public situation report: the crisis, the parties, the actors and the bodies.
pub fn public(s: &Scenario) -> Sheet {
    let m = &s.meta;
    let mut sheet = Sheet::new(m.title.clone(), &m.language);
    sheet.note(vec![text(format!("{}.", scenario_line(s)))]);
    sheet.h2("The situation");
    sheet.prose(&m.summary);
    sheet.h2(if s.conflict.dyads.len() == 1 { "The dispute" } else { "The disputes" });
    sheet.bullets(s.conflict.dyads.iter().map(|d| dyad_line(s, d)).collect());
    sheet.para(vec![text(toll_line(s))]);
    let start = crate::engine::state::Snapshot::initial(s);
    if let Some(line) = crate::names::Names::new(s).sanctions_in_force(&start.sanctions) {
        sheet.para(vec![text(line)]);
    }
    sheet.h2("Who is involved");
    let rows = s
        .actors
        .iter()
        .map(|a| vec![vec![text(a.name.clone())], vec![text(kind_name(a.kind))], vec![text(a.public_profile.trim())]])
        .collect();
    sheet.table(&["Actor", "Kind", "In public"], rows);
    if !s.bodies.is_empty() {
        sheet.h2("Bodies");
        let items = s
            .bodies
            .iter()
            .map(|b| {
                let detail = match &b.kind {
                    BodyKind::SecurityCouncil { members, permanent, .. } => {
                        format!("15 members; permanent: {}. Members: {}.", names(s, permanent), names(s, members))
                    }
                    BodyKind::GeneralAssembly { size, .. } => format!("{size} member states."),
                    BodyKind::Regional { members, decision, chair } => {
                        let chair = chair
                            .as_ref()
                            .map(|c| format!(" Chair: {}.", names(s, std::slice::from_ref(c))))
                            .unwrap_or_default();
                        format!("Members: {}. Decides by {}.{chair}", names(s, members), decision_name(*decision))
                    }
                    BodyKind::Court { court, jurisdiction } => {
                        format!("{}; jurisdiction accepted by {}.", court_name(*court), names(s, jurisdiction))
                    }
                };
                vec![strong(b.name.clone()), text(format!(" — {detail}"))]
            })
            .collect();
        sheet.bullets(items);
    }
    sheet
}

/// "A fictional scenario. 6 turns of 7 days each" or "A historical scenario from 4 February 2011. ...".
pub fn scenario_line(s: &Scenario) -> String {
    let m = &s.meta;
    let kind = if m.fictional {
        "A fictional scenario".to_string()
    } else {
        format!("A historical scenario from {}", pretty_date(&m.start_date))
    };
    let days = m.turn_length.days();
    format!("{kind}. {} turn{} of {days} day{} each", m.turns, plural(m.turns), plural(days))
}

/// The starting toll as a sentence that agrees with the stage and the summary beside it.
///
/// A scenario may count its dead from the first day of the game (Kenya's count starts on 31 December
/// 2007, after the first killings; Liberia's in the war's fourth year). "Toll so far: 0 dead" next to
/// "stage 7, limited destructive blows" and a summary of killings would then tell the groups that
/// nobody has died. So a zero toll is said to be the game's own count whenever the scenario is
/// historical or a dispute has reached phase III, where blows are struck.
pub fn toll_line(s: &Scenario) -> String {
    let t = &s.conflict.toll;
    let counts = format!(
        "{} dead, {} displaced",
        super::words::number(t.deaths as f64),
        super::words::number(t.displaced as f64)
    );
    let Some(from) = count_starts_in_game(s) else {
        return format!("Toll so far: {counts}.");
    };
    format!(
        "Toll counted in this game: {counts} so far. The count starts on {from}: \
         people killed or driven from their homes before then are not in it."
    )
}

/// When the scenario's toll is the game's own count of a conflict that had killed before it began,
/// where that count starts ("the first day of the game, 31 December 2007"); `None` when the toll
/// says all there is. The situation report of both rooms says so too, turn after turn.
pub fn count_starts_in_game(s: &Scenario) -> Option<String> {
    let blows = s.conflict.dyads.iter().any(|d| d.stage >= BLOWS_STAGE);
    if s.conflict.toll.deaths > 0 || (s.meta.fictional && !blows) {
        return None;
    }
    Some(if s.meta.fictional {
        "the first turn of the game".to_string()
    } else {
        format!("the first day of the game, {}", pretty_date(&s.meta.start_date))
    })
}

/// Glasl's stage 7, limited destructive blows: from here on the stage itself says people are harmed.
const BLOWS_STAGE: u8 = 7;

/// "The Mirra water dispute — Doravia and Kessland; about resources. Escalation: stage 3 of 9, ...".
pub fn dyad_line(s: &Scenario, d: &Dyad) -> Line {
    vec![
        strong(d.name.clone()),
        text(format!(
            " — {} and {}; about {}. Escalation: stage {} of 9, ",
            names(s, std::slice::from_ref(&d.sides.0)),
            names(s, std::slice::from_ref(&d.sides.1)),
            issue_name(d.issue),
            d.stage
        )),
        em(stage_name(d.stage)),
        text(format!(" ({}).", phase_name(d.stage))),
    ]
}

pub fn decision_name(d: DecisionRule) -> String {
    match d {
        DecisionRule::Consensus => "consensus (nobody objects)".into(),
        DecisionRule::SimpleMajority => "simple majority (more than half of those voting)".into(),
        DecisionRule::QualifiedMajority(p) => {
            format!("qualified majority ({}% of those voting)", super::words::number(p))
        }
    }
}

pub fn court_name(c: crate::scenario::schema::CourtKind) -> &'static str {
    use crate::scenario::schema::CourtKind;
    match c {
        CourtKind::Icj => "International Court of Justice",
        CourtKind::Icc => "International Criminal Court",
        CourtKind::Other => "A court",
    }
}

pub fn plural(n: u32) -> &'static str {
    if n == 1 { "" } else { "s" }
}
