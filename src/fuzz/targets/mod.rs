//! What the fuzzer feeds its inputs to: one target per kind of input a user can hand the engine.
//! A target returns `Err` for a finding that is not a panic (a log the engine cannot read back, a
//! replay that diverges); bad input itself is never a finding, only how the engine handles it.

mod game;
mod log;
mod orders;
mod play;
mod scenario;

use std::sync::Arc;

pub use game::{play_and_replay, replay};
pub use log::LogTarget;
pub use orders::OrdersTarget;
pub use play::PlayTarget;
pub use scenario::ScenarioTarget;

use super::corpus::Kind;
use crate::scenario::Scenario;
use crate::scenario::builtin::BUILT_INS;

pub trait Target {
    /// The name `--target` takes and findings are filed under.
    fn name(&self) -> &'static str;
    /// The kind of input it reads (its seeds).
    fn kind(&self) -> Kind;
    /// Runs one input; `Err` says what went wrong when it is not a panic.
    fn exec(&self, input: &[u8]) -> Result<(), String>;
}

/// The built-in scenarios, loaded once: what orders, logs and `play` scripts are read against.
pub struct BuiltIns(pub Vec<Arc<Scenario>>);

impl BuiltIns {
    pub fn load() -> BuiltIns {
        BuiltIns(BUILT_INS.iter().map(|b| Arc::new(b.load().expect("a built-in scenario is valid").scenario)).collect())
    }

    pub fn find(&self, id: &str) -> Option<&Arc<Scenario>> {
        self.0.iter().find(|s| s.meta.id == id)
    }
}

/// Every target, in the order a run takes turns between them.
pub fn all() -> Vec<Box<dyn Target>> {
    let builtins = Arc::new(BuiltIns::load());
    vec![
        Box::new(ScenarioTarget),
        Box::new(OrdersTarget { builtins: builtins.clone() }),
        Box::new(LogTarget { builtins: builtins.clone() }),
        Box::new(PlayTarget::new(builtins)),
    ]
}
