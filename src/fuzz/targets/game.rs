//! A few turns of a game, written as a log, read back and re-resolved: what `run` then
//! `replay --verify` do, in memory.

use std::sync::Arc;

use crate::engine::record::TurnRecord;
use crate::engine::state_check::check_state;
use crate::engine::{Game, OrderSource, play};
use crate::log::{self, LOG_FORMAT, LogHeader, render_log, render_record};
use crate::scenario::Scenario;

/// The dice of every fuzzed game: the inputs vary, the seed need not.
const GAME_SEED: u64 = 7;

/// Plays up to `turns` turns of `scenario` from `source` (bots in the seats it leaves empty), writes
/// the log, reads it back, checks every saved state as `resume` would and re-resolves every turn.
/// Returns the log's text; `Err` if the engine refuses its own log or a turn replays differently.
pub fn play_and_replay(
    scenario: &Arc<Scenario>,
    scenario_text: &str,
    source: OrderSource,
    turns: u32,
) -> Result<String, String> {
    let mut game = Game::new(scenario.clone(), GAME_SEED);
    let source = OrderSource::with_scenario_bots(source, scenario);
    let records = play(&mut game, &source, Some(turns));
    let header = LogHeader {
        format: LOG_FORMAT,
        engine: env!("CARGO_PKG_VERSION").to_string(),
        scenario: scenario.meta.id.clone(),
        scenario_hash: log::scenario_hash(scenario_text),
        seed: GAME_SEED,
        seats: Vec::new(),
        source: "fuzz".to_string(),
        scenario_text: scenario_text.to_string(),
    };
    let text = render_log(&header, &records);
    let loaded = log::parse("fuzz.log", &text).map_err(|e| format!("the engine cannot read its own log: {e}"))?;
    if loaded.records.len() != records.len() {
        return Err(format!("{} turns were written, {} read back", records.len(), loaded.records.len()));
    }
    for r in &loaded.records {
        check_state(&r.state, scenario, r.turn)
            .map_err(|p| format!("turn {} saved {} = {}, which must be {}", r.turn, p.field, p.found, p.expected))?;
    }
    replay(scenario, GAME_SEED, &loaded.records)?;
    Ok(text)
}

/// Re-resolves every logged turn from the scenario's start, as `replay --verify` does; `Err` names the
/// first turn whose bytes differ and the first line that does.
pub fn replay(scenario: &Arc<Scenario>, seed: u64, records: &[TurnRecord]) -> Result<(), String> {
    let mut game = Game::new(scenario.clone(), seed);
    for stored in records {
        let orders = stored.input();
        let (a, b) = (render_record(stored), render_record(&game.play_turn(&orders)));
        if a != b {
            let (x, y) = a.lines().zip(b.lines()).find(|(x, y)| x != y).unwrap_or(("", ""));
            return Err(format!(
                "turn {} re-resolves differently:\n  logged:   {}\n  replayed: {}",
                stored.turn,
                x.trim(),
                y.trim()
            ));
        }
    }
    Ok(())
}
