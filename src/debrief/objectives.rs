//! How the game ended and each role's objectives, met or not, as the engine scored them in the last turn's
//! record. The objective's words and its full points come from the scenario.

use crate::engine::record::{EndRecord, ObjectiveScore, TurnRecord};
use crate::engine::state::Snapshot;
use crate::engine::view::View;
use crate::names::Names;
use crate::scenario::Scenario;

#[derive(Debug, Clone, PartialEq)]
pub struct Ending {
    pub turn: u32,
    pub reason: String,
    pub outcome_title: String,
    /// The scenario's text for that outcome.
    pub outcome_text: String,
    /// The facilitator ended the game ("end now and score") before the scenario's own end.
    pub by_facilitator: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RoleScore {
    pub role: String,
    /// Played by a group in the room (a seat in the log's header).
    pub seat: bool,
    pub points: u32,
    pub max: u32,
    pub rows: Vec<ObjectiveRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ObjectiveRow {
    pub text: String,
    pub met: bool,
    pub points: u32,
    pub max: u32,
    /// For an objective not met, each part of its goal that failed with the value it ended at ("the
    /// number of people killed ended at 1,234 (needed at most 1,000)"); empty when met.
    pub shortfall: Vec<super::shortfall::Miss>,
}

/// The end of the game, if the last turn ended it.
pub fn ending<'r>(names: Names<'_>, records: &'r [TurnRecord]) -> Option<(Ending, &'r EndRecord)> {
    let r = records.last()?;
    let end = r.end.as_ref()?;
    let text = names.scenario.ending.outcomes.iter().find(|o| o.id == end.outcome).map(|o| o.text.clone());
    Some((
        Ending {
            turn: r.turn,
            reason: end.reason.clone(),
            outcome_title: end.outcome_title.clone(),
            outcome_text: text.unwrap_or_default(),
            by_facilitator: end.by_facilitator,
        },
        end,
    ))
}

/// Each role's scores in the order the record lists them; `state` is the state the end scored (the last
/// record's), for the values of the objectives not met.
pub fn scores(names: Names<'_>, end: &EndRecord, seats: &[String], state: &Snapshot) -> Vec<RoleScore> {
    let view = View::of_snapshot(names.scenario, state, state.globals.turn);
    scores_of(names, &end.objectives, seats, &view)
}

/// One role's objectives as they would be scored if the game ended on `state` (the state after the
/// last completed turn), by the end's own scoring (`rules::assessment::score_objectives`): what a
/// group is shown of its objectives while it plays. `None` for a role without objectives.
pub fn standing(scenario: &Scenario, state: &Snapshot, role: &str) -> Option<RoleScore> {
    let view = View::of_snapshot(scenario, state, state.globals.turn);
    let scored = crate::rules::assessment::score_objectives(&view, Some(role));
    scores_of(Names::new(scenario), &scored, &[role.to_string()], &view).pop()
}

/// Scored objectives grouped by role, in the order they are listed.
fn scores_of(names: Names<'_>, objectives: &[ObjectiveScore], seats: &[String], view: &View<'_>) -> Vec<RoleScore> {
    let mut roles: Vec<RoleScore> = Vec::new();
    let mut ids: Vec<&str> = Vec::new();
    for o in objectives {
        let spec = names.scenario.actor(o.actor).and_then(|a| a.objectives.iter().find(|x| x.id == o.objective));
        let row = ObjectiveRow {
            text: spec.map_or_else(|| o.objective.to_string(), |x| x.text.clone()),
            met: o.met,
            points: o.points,
            max: spec.map_or(o.points, |x| x.points),
            shortfall: match spec {
                Some(x) if !o.met => super::shortfall::shortfall(view, &x.goal),
                _ => Vec::new(),
            },
        };
        match ids.iter().position(|id| *id == o.actor) {
            Some(i) => {
                roles[i].points += row.points;
                roles[i].max += row.max;
                roles[i].rows.push(row);
            }
            None => {
                ids.push(&o.actor);
                roles.push(RoleScore {
                    role: names.actor(&o.actor),
                    seat: seats.iter().any(|s| *s == o.actor),
                    points: row.points,
                    max: row.max,
                    rows: vec![row],
                });
            }
        }
    }
    roles
}
