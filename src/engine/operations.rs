//! Missions on the ground, each an entity of the world with its own life cycle: unarmed observers,
//! and peace operations with a mandate — tasks, an authorised strength, a deployed strength that
//! force generation builds up turn by turn, a budget, an end date that the Council may extend.
//! Between turns they are rows of the state ([`Snapshot::operations`]), sorted by key.
//!
//! [`Snapshot::operations`]: super::state::Snapshot::operations

use bevy_ecs::prelude::*;
use serde::{Deserialize, Serialize};

use super::keyed::Keyed;
use crate::scenario::{Id, Task};

/// What kind of mission: at most one of each kind in a dispute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum OperationKind {
    /// Unarmed observers, sent with both parties' consent: all of them at once.
    Observers,
    /// A peace operation under a mandate.
    PeaceOperation,
    /// A regional or multinational force, led by a state or a regional organisation and paid by its
    /// contributors; a UN operation mandated in its dispute takes it over.
    RegionalForce,
    /// A commission of inquiry at work; it reports when its term (`until`) is over.
    Inquiry,
}

/// One mission in one dispute.
#[derive(Component, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Operation {
    pub dyad: Id,
    pub kind: OperationKind,
    /// The body that mandated it (the Council, the Assembly), or the actor that sent observers.
    pub mandated_by: Id,
    /// Under Chapter VII: it may deploy and act without the parties' consent.
    pub enforcement: bool,
    /// The mandated tasks, in `Task` order (none for observers).
    pub tasks: Vec<Task>,
    /// The strength authorised.
    pub authorised: u32,
    /// The strength on the ground.
    pub deployed: u32,
    /// Whether its budget is approved. A Council operation is paid from assessed contributions the
    /// General Assembly approves: where the scenario has an Assembly, it must vote the budget
    /// (`FinanceOperation`); elsewhere the Assembly, not played, is taken to have approved it.
    pub financed: bool,
    /// The turn it was mandated in.
    pub since: u32,
    /// The last turn of its mandate; none: until the Council ends it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<u32>,
}

/// What tells one mission from another: one of each kind in a dispute.
pub type OperationKey = (Id, OperationKind);

impl Keyed for Operation {
    type Key = OperationKey;
    fn key(&self) -> OperationKey {
        (self.dyad, self.kind)
    }
}

impl Operation {
    pub fn has(&self, task: Task) -> bool {
        self.tasks.contains(&task)
    }
}

/// An observer mission of `size` sent to `dyad` by `sender` in turn `turn`: unarmed, with the
/// parties' consent, all of it at once, until it is withdrawn.
pub fn observers(dyad: Id, size: u32, sender: Id, turn: u32) -> Operation {
    Operation {
        dyad,
        kind: OperationKind::Observers,
        mandated_by: sender,
        enforcement: false,
        tasks: Vec::new(),
        authorised: size,
        deployed: size,
        financed: true,
        since: turn,
        until: None,
    }
}
