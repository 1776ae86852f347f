//! Good Offices: a simulation engine for preventive-diplomacy role-play workshops.
//!
//! A scenario (RON) is loaded and validated into a [`scenario::Scenario`]; the command line in
//! [`cli`] lists, validates and briefs scenarios. See `docs/architecture.md` for the map.

pub mod bots;
pub mod brief;
pub mod calibration;
pub mod cli;
pub mod course_check;
pub mod debrief;
pub mod diagnostics;
pub mod engine;
pub mod fast_hash;
pub mod fuzz;
pub mod journal;
pub mod log;
pub mod model;
pub mod names;
pub mod orders;
pub mod play;
pub mod read_capped;
pub mod rules;
pub mod scenario;
pub mod serve;
pub mod sweep;
pub mod template;

pub use scenario::{LoadError, Loaded, Scenario};

/// mimalloc instead of the system allocator: a turn makes many small, short-lived allocations (ids,
/// effects, records), which mimalloc serves several times faster than glibc (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
