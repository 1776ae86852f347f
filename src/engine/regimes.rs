//! Sanction regimes: measures in force against an actor, each an entity of the world with its own
//! life cycle — imposed by the Council (with a sanctions committee and a panel of experts watching
//! it, Art. 29 and 41) or by a state or bloc on its own, in force turn after turn, lifted by whoever
//! imposed them. Between turns they are rows of the state ([`Snapshot::sanctions`]), sorted by
//! [`SanctionRegime::key`].
//!
//! [`Snapshot::sanctions`]: super::state::Snapshot::sanctions

use bevy_ecs::prelude::*;
use serde::{Deserialize, Serialize};

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

impl SanctionRegime {
    pub fn key(&self) -> RegimeKey {
        (self.target, self.kind, self.imposed_by)
    }
}

/// The regimes in force, sorted by key, in the order every reader walks them.
pub fn sorted<'a>(regimes: impl Iterator<Item = &'a SanctionRegime>) -> Vec<&'a SanctionRegime> {
    let mut list: Vec<&SanctionRegime> = regimes.collect();
    list.sort_by_key(|r| r.key());
    list
}

/// Where the ledger imposes and lifts regimes: the world's entities during a turn, a copy of the
/// state's rows when a bot looks ahead.
pub trait RegimeStore {
    fn in_force(&self, key: &RegimeKey) -> bool;
    /// Adds the regime (the caller has checked it is not in force).
    fn impose(&mut self, regime: SanctionRegime);
    /// Ends the regime (the caller has checked it is in force).
    fn lift(&mut self, key: &RegimeKey);
}

impl RegimeStore for Vec<SanctionRegime> {
    fn in_force(&self, key: &RegimeKey) -> bool {
        self.iter().any(|r| r.key() == *key)
    }

    fn impose(&mut self, regime: SanctionRegime) {
        let at = self.partition_point(|r| r.key() < regime.key());
        self.insert(at, regime);
    }

    fn lift(&mut self, key: &RegimeKey) {
        self.retain(|r| r.key() != *key);
    }
}

/// The world's regimes during one phase: entities spawned and despawned through `Commands`, which
/// take effect when the phase ends, so the changes made in the phase are kept beside them until then.
pub struct WorldRegimes<'q, 'c, 'w, 's> {
    pub query: &'q Query<'w, 's, (Entity, &'static SanctionRegime)>,
    pub commands: &'c mut Commands<'w, 's>,
    /// Changed in this phase, by key: imposed (the entity spawned for it) or lifted (`None`).
    pub changed: Vec<(RegimeKey, Option<Entity>)>,
}

impl WorldRegimes<'_, '_, '_, '_> {
    /// The entity of a regime in force, whether spawned in this phase or before it.
    fn entity(&self, key: &RegimeKey) -> Option<Entity> {
        match self.changed.iter().rev().find(|(k, _)| k == key) {
            Some((_, spawned)) => *spawned,
            None => self.query.iter().find(|(_, r)| r.key() == *key).map(|(e, _)| e),
        }
    }
}

impl RegimeStore for WorldRegimes<'_, '_, '_, '_> {
    fn in_force(&self, key: &RegimeKey) -> bool {
        self.entity(key).is_some()
    }

    fn impose(&mut self, regime: SanctionRegime) {
        let key = regime.key();
        let e = self.commands.spawn(regime).id();
        self.changed.push((key, Some(e)));
    }

    fn lift(&mut self, key: &RegimeKey) {
        if let Some(e) = self.entity(key) {
            self.commands.entity(e).despawn();
        }
        self.changed.push((*key, None));
    }
}
