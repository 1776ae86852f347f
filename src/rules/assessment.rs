//! The end of a game: early stop rules, the outcome class (the first that holds), each role's
//! objectives scored.

use crate::engine::record::{EndRecord, ObjectiveScore};
use crate::engine::view::View;

/// Whether a stop rule ends the game before its last turn.
pub fn stops_early(view: &View) -> bool {
    view.turn < view.scenario.meta.turns && view.scenario.ending.stop_when.iter().any(|r| view.holds(&r.when))
}

/// Whether the game ends after this turn, and how it is classed.
pub fn assess(view: &View) -> Option<EndRecord> {
    let s = view.scenario;
    let stop = s.ending.stop_when.iter().find(|r| view.holds(&r.when));
    let reason = match stop {
        Some(rule) => rule.note.clone(),
        None if view.turn >= s.meta.turns => format!("the last turn ({}) has been played", s.meta.turns),
        None => return None,
    };
    let outcome = s.ending.outcomes.iter().find(|o| view.holds(&o.when));
    let mut objectives = Vec::new();
    for a in &s.actors {
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
    Some(EndRecord {
        reason,
        outcome: outcome.map_or_else(|| "unclassified".to_string(), |o| o.id.clone()),
        outcome_title: outcome.map_or_else(|| "Unclassified".to_string(), |o| o.title.clone()),
        objectives,
    })
}
