//! Turns saved by an engine that kept less bookkeeping. Since scenario format 2 the state keeps each
//! dispute's toll (`DyadState::deaths`, moved by a `DisputeDeaths` effect beside each `Deaths` one)
//! and the toll at the start of each turn (`Globals::toll_at_turn_start`); a log saved before has
//! neither. Such turns are completed by playing them again: when a turn re-resolves to the saved one
//! in everything the older engine wrote, the re-resolved record (the same turn with the bookkeeping)
//! takes its place, so a resumed old game goes on exactly as a new one, and `replay --verify` still
//! verifies it. A turn that differs in anything else is left as saved, with every turn after it.

use std::sync::Arc;

use super::Game;
use super::record::TurnRecord;
use crate::scenario::Scenario;

/// Whether a record was saved before the toll's bookkeeping: an engine that keeps it has noted the
/// toll at the start of every turn played.
pub fn predates_dispute_tolls(record: &TurnRecord) -> bool {
    record.state.globals.toll_at_turn_start.is_empty()
}

/// The record as an engine without the toll's bookkeeping wrote it.
fn as_older_engines_wrote(mut record: TurnRecord) -> TurnRecord {
    record.effects.retain(|e| !e.target.starts_with("DisputeDeaths("));
    record.state.dyads.iter_mut().for_each(|d| d.deaths = 0);
    record.state.globals.toll_at_turn_start.clear();
    record
}

/// Completes the records of a game (all of its turns from the first, as a log holds them) where
/// they predate the toll's bookkeeping. Returns how many were completed.
pub fn complete(scenario: &Arc<Scenario>, seed: u64, records: &mut [TurnRecord]) -> usize {
    if !records.iter().any(predates_dispute_tolls) {
        return 0;
    }
    let mut game = Game::new(scenario.clone(), seed);
    let mut completed = 0;
    for stored in records.iter_mut() {
        let again = game.play_turn(&stored.input());
        if !predates_dispute_tolls(stored) {
            if *stored != again {
                break;
            }
            continue;
        }
        let full = again.clone();
        if as_older_engines_wrote(again) != *stored {
            break;
        }
        *stored = full;
        completed += 1;
    }
    completed
}
