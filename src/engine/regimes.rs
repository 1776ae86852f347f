//! Sanction regimes: measures in force against an actor, each an entity of the world with its own
//! life cycle — imposed by the Council (with a sanctions committee and a panel of experts watching
//! it, Art. 29 and 41) or by a state or bloc on its own, in force turn after turn, lifted by whoever
//! imposed them. Between turns they are rows of the state ([`Snapshot::sanctions`]), sorted by
//! [`SanctionRegime::key`].
//!
//! [`Snapshot::sanctions`]: super::state::Snapshot::sanctions

use bevy_ecs::prelude::*;
use serde::{Deserialize, Serialize};

use super::keyed::Keyed;

use crate::scenario::{Id, SanctionKind};

/// One regime: `kind` on `target`, imposed by `imposed_by` in turn `since`.
#[derive(Component, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SanctionRegime {
    pub target: Id,
    pub kind: SanctionKind,
    /// The Council's id for a Council regime, the imposing actor's for unilateral measures.
    pub imposed_by: Id,
    /// A committee and a panel of experts monitor the regime (every Council regime): evasion is
    /// reported and harder, so an embargo holds better than a unilateral one.
    pub panel: bool,
    /// How hard it bites: 1 for the Council's, 0.6 × the tool's potency for a state's own.
    pub strength: f64,
    /// The turn it was imposed in.
    pub since: u32,
}

/// What tells one regime from another: a second imposition of the same key is the same regime.
pub type RegimeKey = (Id, SanctionKind, Id);

impl Keyed for SanctionRegime {
    type Key = RegimeKey;
    fn key(&self) -> RegimeKey {
        (self.target, self.kind, self.imposed_by)
    }
}
