//! The turn engine: an ECS world per game, a schedule of phases per turn, one place that applies effects.

pub mod record;
pub mod rng;
pub mod state;
