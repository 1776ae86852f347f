//! The end of a game: early stop rules, the facilitator's "end now", the outcome class (the first
//! that holds), each role's objectives scored.

use crate::engine::record::{EndRecord, ObjectiveScore};
use crate::engine::view::View;

/// Whether the game ends before its last turn: a stop rule holds, or the facilitator ends it now
/// (`end_now`). Either way the fighting it cuts short is counted (`rules::toll`).
pub fn stops_early(view: &View, end_now: bool) -> bool {
    view.turn < view.scenario.meta.turns
        && (end_now || view.scenario.ending.stop_when.iter().any(|r| view.holds(&r.when)))
}

/// The reason given when the facilitator ends the game after `turn`.
pub fn ended_by_facilitator(turn: u32) -> String {
    format!("the facilitator ended the game after turn {turn}")
}

/// Whether the game ends after this turn, and how it is classed. The scenario's own ending (a stop
/// rule, then the last turn) gives the reason when it holds; otherwise `end_now` ends it with the
/// facilitator's reason. Objectives are scored the same way whatever ended the game.
pub fn assess(view: &View, end_now: bool) -> Option<EndRecord> {
    let s = view.scenario;
    let stop = s.ending.stop_when.iter().find(|r| view.holds(&r.when));
    let (reason, by_facilitator) = match stop {
        Some(rule) => (rule.note.clone(), false),
        None if view.turn >= s.meta.turns => (format!("the last turn ({}) has been played", s.meta.turns), false),
        None if end_now => (ended_by_facilitator(view.turn), true),
        None => return None,
    };
    let outcome = s.ending.outcomes.iter().find(|o| view.holds(&o.when));
    Some(EndRecord {
        reason,
        outcome: outcome.map_or_else(|| "unclassified".to_string(), |o| o.id.clone()),
        outcome_title: outcome.map_or_else(|| "Unclassified".to_string(), |o| o.title.clone()),
        objectives: score_objectives(view, None),
        by_facilitator,
    })
}

/// Every role's objectives (or only `actor`'s) scored on the view's state: what the end scores, and
/// what a group is shown of its own objectives during the game ("if the game ended now").
pub fn score_objectives(view: &View, actor: Option<&str>) -> Vec<ObjectiveScore> {
    let mut objectives = Vec::new();
    for a in view.scenario.actors.iter().filter(|a| actor.is_none_or(|id| a.id == id)) {
        for o in &a.objectives {
            let met = view.holds(&o.goal);
            objectives.push(ObjectiveScore {
                actor: a.id,
                objective: o.id,
                met,
                points: if met { o.points } else { 0 },
            });
        }
    }
    objectives
}
