use serde::{Deserialize, Serialize};

use super::{Id, SanctionKind};

/// The crisis itself: who is in dispute with whom, how far it has escalated, who trusts whom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    pub dyads: Vec<Dyad>,
    /// How far each party trusts each third party, 0–100; pairs not listed start at the third party's
    /// `impartiality`.
    #[serde(default)]
    pub trust: Vec<TrustLink>,
    #[serde(default)]
    pub spoilers: Vec<Spoiler>,
    #[serde(default)]
    pub toll: Toll,
    /// International attention, 0–100.
    #[serde(default = "thirty")]
    pub public_pressure: f64,
    /// How far the third parties speak with one voice, 0–100.
    #[serde(default = "fifty")]
    pub coherence: f64,
    /// Sanction regimes already in force when the game begins (format 2).
    #[serde(default)]
    pub sanctions: Vec<SanctionInForce>,
}

/// A sanction regime in force before turn 1: `kind` on `target`, imposed by `imposed_by` (the
/// Security Council's id, or an actor's for its own measures).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SanctionInForce {
    pub target: Id,
    pub kind: SanctionKind,
    pub imposed_by: Id,
}

fn thirty() -> f64 {
    30.0
}

fn fifty() -> f64 {
    50.0
}

/// Two sides of one dispute, with the numbers of the escalation and ripeness models.
/// Pairs are written `(first side, second side)` in the order of `sides`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dyad {
    /// Unique across actors, bodies and dyads.
    pub id: Id,
    pub name: String,
    pub sides: (Id, Id),
    pub issue: IssueType,
    /// Glasl stage, 1 to 9.
    pub stage: u8,
    /// Richardson: each side's mobilisation, 0–100.
    pub arms: (f64, f64),
    /// Richardson k and l: how strongly each side reacts to the other's arms, 0–1.
    pub reaction: (f64, f64),
    /// Richardson a and b: restraint (fatigue, cost) on each side's own arms, 0–1.
    pub restraint: (f64, f64),
    /// Richardson g and h: standing grievance, -20 (goodwill) to 20, added each turn.
    pub grievance: (f64, f64),
    /// How much the deadlock hurts each side, 0–100 (Zartman).
    pub hurt: (f64, f64),
    /// How strongly each side believes it can win, 0–100.
    pub win_belief: (f64, f64),
    /// How clearly a way out is seen, 0–100.
    pub way_out: f64,
    /// Mutually enticing opportunities on the table, 0–100.
    #[serde(default)]
    pub enticement: f64,
    /// Whether each side accepts mediation at the start.
    #[serde(default)]
    pub accepts_mediation: (bool, bool),
    /// Whether each side accepts observers at the start.
    #[serde(default)]
    pub accepts_observers: (bool, bool),
}

impl Dyad {
    /// 0 for the first side, 1 for the second, `None` for an actor who is not a side.
    pub fn side_of(&self, actor: &str) -> Option<usize> {
        if self.sides.0 == actor {
            Some(0)
        } else if self.sides.1 == actor {
            Some(1)
        } else {
            None
        }
    }
}

/// What the dispute is about (Bercovitch's issue classes, plus governance for power struggles).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum IssueType {
    Resources,
    Ethnic,
    Ideology,
    Sovereignty,
    Security,
    Governance,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrustLink {
    /// A side of some dyad.
    pub party: Id,
    /// Any other actor.
    pub third: Id,
    /// 0–100.
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spoiler {
    pub actor: Id,
    pub dyad: Id,
    /// 0–100.
    pub strength: f64,
}

/// The human cost so far: counts, not scales.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Toll {
    pub deaths: u64,
    pub displaced: u64,
}
