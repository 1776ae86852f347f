//! The scenario loader; a mutated scenario that still validates is played for a few turns and its
//! log replayed.

use std::sync::Arc;

use super::Target;
use crate::diagnostics::render_human;
use crate::engine::OrderSource;
use crate::fuzz::corpus::Kind;

/// Turns played of each scenario that validates: enough to reach votes, injects and dynamics,
/// few enough to keep the loop fast.
const TURNS: u32 = 3;

pub struct ScenarioTarget;

impl Target for ScenarioTarget {
    fn name(&self) -> &'static str {
        "scenario"
    }

    fn kind(&self) -> Kind {
        Kind::Scenario
    }

    fn exec(&self, input: &[u8]) -> Result<(), String> {
        // Rendering the report, errors or warnings, is part of what `validate` does with every file.
        let loaded = match crate::scenario::load_bytes("fuzz.ron", input) {
            Ok(loaded) => loaded,
            Err(report) => {
                render_human(&report);
                return Ok(());
            }
        };
        render_human(&loaded.report);
        let text = loaded.report.source.text.clone();
        super::play_and_replay(&Arc::new(loaded.scenario), &text, OrderSource::Hold, TURNS).map(drop)
    }
}
