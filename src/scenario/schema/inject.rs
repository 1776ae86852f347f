use serde::{Deserialize, Serialize};

use super::{Condition, Id, Var};

/// A scripted event: news from the ground, an outside shock, a deadline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inject {
    pub id: Id,
    pub title: String,
    /// What the room is told when it fires.
    pub text: String,
    pub trigger: Trigger,
    #[serde(default)]
    pub effects: Vec<EffectSpec>,
    /// Source ids for a historical inject.
    #[serde(default)]
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Trigger {
    /// Fires during this turn, after the orders are resolved (the injects phase).
    AtTurn(u32),
    /// Fires in the first turn at whose injects phase the condition holds.
    When(Condition),
    /// Fired by the facilitator during play (`injects: ["id"]` in a turn's orders).
    Facilitator,
}

/// A change an inject makes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum EffectSpec {
    /// Add to a variable (negative to lower it); results are kept within the variable's range.
    Shift(Var, f64),
    /// Set a variable.
    Set(Var, f64),
    /// Version 2: whether a side now accepts mediation in a dispute: `AcceptsMediation(dyad, side, true)`.
    AcceptsMediation(Id, Id, bool),
    /// Version 2: whether a side now accepts observers in a dispute.
    AcceptsObservers(Id, Id, bool),
    /// Version 2: the dispute's ceasefire breaks down (nothing happens if there is none).
    BreakCeasefire(Id),
}
