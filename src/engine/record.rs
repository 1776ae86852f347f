//! What one completed turn leaves in the log: every order and why it was accepted or rejected, every
//! vote with its tally, every outcome with its factors and roll, every effect with its cause, and the
//! state after. A person can read it; the engine can resume, replay and branch from it.

use serde::{Deserialize, Serialize};

use super::state::Snapshot;
use crate::scenario::{Id, OrderSpec, ToolKind};

/// How a member voted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Ballot {
    Yes,
    No,
    Abstain,
    /// Not present at the meeting (the USSR in June 1950). Not counted in the tally; not a veto.
    Absent,
    /// Present but taking no part in the vote: what the records say of a party to the dispute that
    /// abstains under Art. 27(3). Not counted in the tally; not a veto.
    NotParticipating,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TurnRecord {
    pub turn: u32,
    /// The real-world dates the turn stands for, e.g. "4–17 February 2011".
    pub dates: String,
    /// Orders as submitted, before any check (what replay and branch re-resolve).
    pub submitted: Vec<OrderSpec>,
    /// Explicit Council ballots given with the orders (`(member, ballot)`).
    pub ballots: Vec<(String, Ballot)>,
    /// Facilitator injects fired by hand in this turn.
    pub facilitator_injects: Vec<String>,
    /// Messages between groups during the turn, in the order sent (a turn without any
    /// writes none: older logs have none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub messages: Vec<crate::orders::Message>,
    /// The facilitator ended the game with this turn (`end now and score`): part of the turn's input,
    /// so replay and branch end it at the same turn. Written only when set (every older log has none).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub end_now: bool,
    pub rejected: Vec<Rejection>,
    /// Actors that gave no accepted order: they hold.
    pub holding: Vec<Id>,
    pub votes: Vec<VoteRecord>,
    pub outcomes: Vec<OutcomeRecord>,
    /// What the dynamics of each dispute did this turn, with factors and rolls.
    pub dynamics: Vec<DynamicsRecord>,
    pub injects: Vec<InjectRecord>,
    pub effects: Vec<EffectRecord>,
    pub end: Option<EndRecord>,
    pub state: Snapshot,
}

impl TurnRecord {
    /// The turn's input as it was given (orders, ballots, injects), to resolve it again: replay and
    /// its checks. Replayed orders are checked again, whoever gave them (`checked_by_bots` 0).
    pub fn input(&self) -> crate::orders::TurnOrders {
        crate::orders::TurnOrders {
            turn: self.turn,
            orders: self.submitted.clone(),
            ballots: self.ballots.clone(),
            injects: self.facilitator_injects.clone(),
            messages: self.messages.clone(),
            end_now: self.end_now,
            checked_by_bots: 0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rejection {
    pub order: OrderSpec,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoteRecord {
    /// Ids (interned: copied as one word): a vote is recorded in every turn, narrated or not.
    pub body: Id,
    pub sponsor: Id,
    /// What was voted: "draft resolution (Chapter VI: ...)", "press statement", ...
    pub subject: String,
    pub tally: String,
    pub adopted: bool,
    pub vetoed_by: Vec<Id>,
    /// Every member's ballot; on a Council draft as counted, so a party obliged to abstain (Art.
    /// 27(3)) is `NotParticipating` whatever it cast (the explanation gives its position).
    pub ballots: Vec<(Id, Ballot)>,
    pub explanation: String,
}

/// A number that went into a probability or an effect, with its name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Factor {
    /// Borrowed for the rules' own names, so a factor costs no allocation.
    pub name: std::borrow::Cow<'static, str>,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutcomeRecord {
    pub actor: Id,
    pub tool: ToolKind,
    pub target: Option<Id>,
    /// `succeeded`, `failed`, `done` (no roll), `adopted`, `blocked`, ...: a word, not an id, and
    /// borrowed from the rules (no allocation; read back from a log, owned).
    pub result: std::borrow::Cow<'static, str>,
    pub probability: Option<f64>,
    pub roll: Option<f64>,
    pub factors: Vec<Factor>,
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DynamicsRecord {
    pub dyad: Id,
    pub incident_probability: f64,
    pub incident_roll: f64,
    /// Escalation pressure against the threshold (see docs/rules.md).
    pub escalation_pressure: f64,
    pub factors: Vec<Factor>,
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InjectRecord {
    pub id: String,
    pub title: String,
    pub text: String,
}

/// One change to the state, with its cause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EffectRecord {
    /// What changed, e.g. `Stage("preah-vihear")` or `Observers("preah-vihear")`.
    pub target: String,
    pub before: String,
    pub after: String,
    /// Who or what caused it, e.g. `indonesia: Mediation`, `dynamics: incident` or `inject: asean-summit`.
    pub cause: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EndRecord {
    pub reason: String,
    pub outcome: String,
    pub outcome_title: String,
    pub objectives: Vec<ObjectiveScore>,
    /// The game ended because the facilitator ended it, not by the scenario's own ending (a stop rule
    /// or the last turn, which take precedence when they hold in the same turn). Written only when set.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub by_facilitator: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ObjectiveScore {
    pub actor: Id,
    pub objective: Id,
    pub met: bool,
    pub points: u32,
}
