//! What a game's systems and its ledger read but never change: the scenario, the seed, whether the
//! record narrates, the world's rows. Its own file so that the ledger, which the rules use, does not
//! import the schedule, which runs the rules: the engine reads top-down (schedule → rules → ledger,
//! state, record, view).

use std::sync::Arc;

use bevy_ecs::prelude::*;

use super::rows::RowEntities;
use crate::scenario::Scenario;

/// What does not change during a game. (The turn being played is the globals' `turn`, set when the
/// turn starts: every system reads it there, one resource fewer to fetch in each.)
#[derive(Resource, Clone)]
pub struct Setup {
    pub scenario: Arc<Scenario>,
    pub seed: u64,
    /// Whether the turn's record lists the effects (a sweep, which prints none, skips them).
    pub narrate: bool,
    /// The world's row entities in id order.
    pub rows: RowEntities,
}
