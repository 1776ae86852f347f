//! The turn engine: an ECS world per game, a schedule of phases per turn, one place that applies effects.

mod dates;
mod game;
pub mod keyed;
pub mod ledger;
pub mod older_records;
pub mod operations;
pub mod record;
pub mod regimes;
pub mod rng;
pub mod rows;
pub mod schedule;
pub mod setup;
pub mod state;
pub mod state_check;
pub mod tracks;
pub mod trust;
pub mod uses;
pub mod view;

pub use dates::{MONTHS, pretty_date, turn_dates};
pub use game::Game;
mod source;
pub use source::{OrderSource, play};
