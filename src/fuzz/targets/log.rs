//! The log reader; a log that reads and belongs to a built-in scenario then goes where `resume`,
//! `replay` and `debrief` take it: its states checked, its turns re-resolved, a turn played on.
//! A mutated log replays differently as a matter of course (its checksums were resealed over changed
//! orders), so only a panic is a finding here.

use std::sync::Arc;

use super::{BuiltIns, Target};
use crate::engine::state_check::{check_state, rows_fit};
use crate::engine::{Game, OrderSource};
use crate::fuzz::corpus::Kind;

pub struct LogTarget {
    pub builtins: Arc<BuiltIns>,
}

impl Target for LogTarget {
    fn name(&self) -> &'static str {
        "log"
    }

    fn kind(&self) -> Kind {
        Kind::Log
    }

    fn exec(&self, input: &[u8]) -> Result<(), String> {
        let loaded = match crate::log::parse_bytes("fuzz.log", input) {
            Ok(loaded) => loaded,
            Err(e) => {
                let _ = e.to_string();
                return Ok(());
            }
        };
        let Some(scenario) = self.builtins.find(&loaded.header.scenario) else { return Ok(()) };
        let fits = loaded
            .records
            .iter()
            .all(|r| rows_fit(&r.state, scenario) && check_state(&r.state, scenario, r.turn).is_ok());
        if !fits {
            return Ok(());
        }
        let _ = super::replay(scenario, loaded.header.seed, &loaded.records);
        let state = loaded.last_state().cloned().unwrap_or_else(|| crate::engine::state::Snapshot::initial(scenario));
        let ended = loaded.records.last().is_some_and(|r| r.end.is_some());
        let mut game = Game::resume(scenario.clone(), loaded.header.seed, state, ended);
        if !game.is_over() {
            let source = OrderSource::with_scenario_bots(OrderSource::Hold, scenario);
            let orders = source.orders(scenario, game.state(), game.next_turn());
            game.play_turn(&orders);
        }
        Ok(())
    }
}
