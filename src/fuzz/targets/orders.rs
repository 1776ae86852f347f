//! The orders loader, checked against the built-in scenario the file names most actors of; orders
//! that pass are played for a few turns and the log replayed.

use std::sync::Arc;

use super::{BuiltIns, Target};
use crate::diagnostics::render_human;
use crate::engine::OrderSource;
use crate::fuzz::corpus::Kind;
use crate::scenario::Scenario;

const TURNS: u32 = 3;

pub struct OrdersTarget {
    pub builtins: Arc<BuiltIns>,
}

impl OrdersTarget {
    /// The scenario an orders file is most likely meant for: the most actor ids in its text.
    fn scenario_for(&self, text: &str) -> &Arc<Scenario> {
        let named = |s: &Scenario| s.actors.iter().filter(|a| text.contains(a.id.as_str())).count();
        // `max_by_key` keeps the last of equals; reversed, ties go to the first (the tutorial).
        self.builtins.0.iter().rev().max_by_key(|s| named(s)).expect("there are built-in scenarios")
    }
}

impl Target for OrdersTarget {
    fn name(&self) -> &'static str {
        "orders"
    }

    fn kind(&self) -> Kind {
        Kind::Orders
    }

    fn exec(&self, input: &[u8]) -> Result<(), String> {
        // An orders file is read as text: bytes that are not UTF-8 are refused before parsing.
        let Ok(text) = std::str::from_utf8(input) else { return Ok(()) };
        let scenario = self.scenario_for(text);
        match crate::orders::parse_orders_for("fuzz-orders.ron", text, scenario) {
            Err(report) => {
                render_human(&report);
                Ok(())
            }
            Ok(checked) => {
                if let Some(w) = &checked.warnings {
                    render_human(w);
                }
                let text = crate::scenario::builtin::find(&scenario.meta.id).map_or("", |b| b.text);
                super::play_and_replay(scenario, text, OrderSource::File(checked.file), TURNS).map(drop)
            }
        }
    }
}
