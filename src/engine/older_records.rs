//! Turns saved by an engine that kept less bookkeeping. Since scenario format 2 the state keeps each
//! dispute's toll (`DyadState::deaths`, moved by a `DisputeDeaths` effect beside each `Deaths` one)
//! and the toll at the start of each turn (`Globals::toll_at_turn_start`); a log saved before has
//! neither. Such turns are completed by playing them again: when a turn re-resolves to the saved one
//! in everything the older engine wrote, the re-resolved record (the same turn with the bookkeeping)
//! takes its place, so a resumed old game goes on exactly as a new one, and `replay --verify` still
//! verifies it. A turn that differs in anything else is left as saved, with every turn after it.
//!
//! Sanction regimes are completed the same way. Before they were entities, an engine kept an
//! actor's sanctions as a list on the actor and an arms embargo as a flag on each of its disputes,
//! and named the effects `Sanction(target, kind)` and `ArmsEmbargo(dispute)`; such a game, from its
//! first turn naming them, is played again and its records take the regimes.

use std::sync::Arc;

use super::Game;
use super::record::{EffectRecord, TurnRecord};
use crate::scenario::Scenario;

/// Whether a record was saved before the toll's bookkeeping: an engine that keeps it has noted the
/// toll at the start of every turn played.
pub fn predates_dispute_tolls(record: &TurnRecord) -> bool {
    record.state.globals.toll_at_turn_start.is_empty()
}

/// Whether a record names sanctions as an engine without regimes did.
fn names_sanctions_the_old_way(record: &TurnRecord) -> bool {
    record.effects.iter().any(|e| e.target.starts_with("Sanction(") || e.target.starts_with("ArmsEmbargo("))
}

/// The record as an older engine wrote it: without the toll's bookkeeping when `tolls`, and always
/// without sanction regimes (a game with none is written the same either way).
fn as_older_engines_wrote(mut record: TurnRecord, tolls: bool) -> TurnRecord {
    if tolls {
        record.effects.retain(|e| !e.target.starts_with("DisputeDeaths("));
        record.state.dyads.iter_mut().for_each(|d| d.deaths = 0);
        record.state.globals.toll_at_turn_start.clear();
    }
    record.effects = without_regimes(std::mem::take(&mut record.effects));
    record.state.sanctions.clear();
    record
}

/// Effect records as an engine without regimes wrote them: `Sanctions("pnu", ArmsEmbargo, "unsc")`
/// was `Sanction("pnu", ArmsEmbargo)`, and an embargo newly imposed also set `ArmsEmbargo(dispute)`
/// on each dispute of its target, just before cutting the target's arms there (a flag nothing read).
fn without_regimes(effects: Vec<EffectRecord>) -> Vec<EffectRecord> {
    let mut old = Vec::with_capacity(effects.len());
    // The target of an embargo newly imposed by the cause, as the arms' effects name it (`"pnu"`).
    let mut embargoed: Option<(String, String)> = None;
    for e in effects {
        if let Some((target, cause)) = &embargoed
            && e.cause == *cause
            && let Some(dispute) = e.target.strip_prefix("Arms(").and_then(|t| t.strip_suffix(&format!(", {target})")))
        {
            old.push(EffectRecord {
                target: format!("ArmsEmbargo({dispute})"),
                before: "no".into(),
                after: "yes".into(),
                cause: e.cause.clone(),
            });
        }
        let Some((target_and_kind, _imposer)) =
            e.target.strip_prefix("Sanctions(").and_then(|t| t.strip_suffix(')')).and_then(|t| t.rsplit_once(", "))
        else {
            old.push(e);
            continue;
        };
        if let Some((target, "ArmsEmbargo")) = target_and_kind.split_once(", ")
            && e.after == "yes"
        {
            embargoed = Some((target.to_string(), e.cause.clone()));
        }
        old.push(EffectRecord { target: format!("Sanction({target_and_kind})"), ..e });
    }
    old
}

/// Completes the records of a game (all of its turns from the first, as a log holds them) where
/// they predate the toll's bookkeeping. Returns how many were completed.
pub fn complete(scenario: &Arc<Scenario>, seed: u64, records: &mut [TurnRecord]) -> usize {
    let old_sanctions_from = records.iter().position(names_sanctions_the_old_way);
    if !records.iter().any(predates_dispute_tolls) && old_sanctions_from.is_none() {
        return 0;
    }
    let mut game = Game::new(scenario.clone(), seed);
    let mut completed = 0;
    for (i, stored) in records.iter_mut().enumerate() {
        let again = game.play_turn(&stored.input());
        let tolls = predates_dispute_tolls(stored);
        if !tolls && old_sanctions_from.is_none_or(|from| i < from) {
            if *stored != again {
                break;
            }
            continue;
        }
        let full = again.clone();
        if as_older_engines_wrote(again, tolls) != *stored {
            break;
        }
        *stored = full;
        completed += 1;
    }
    completed
}
