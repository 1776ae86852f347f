//! The state a turn block of log formats 2 and 3 stores: the globals and the sanction regimes always, and
//! only the rows (disputes, actors) that changed since the turn before — every row at a checkpoint (turn 1 and every
//! [`CHECKPOINT_EVERY`] turns after). Reading merges a block's rows into the state before it, so the
//! rules for reading do not depend on which turns are checkpoints.

use std::collections::HashMap;

use crate::engine::state::Snapshot;
use crate::scenario::Id;

/// Turns 1, 1 + 5, 1 + 10, … store the whole state: a person (or a future tool) can start reading a
/// state from any of them without the turns before.
pub const CHECKPOINT_EVERY: u32 = 5;

/// Whether the block of `turn` stores every row.
pub fn is_checkpoint(turn: u32) -> bool {
    turn % CHECKPOINT_EVERY == 1
}

/// What the block of a turn stores of `state`: every row at a checkpoint or when there is no state
/// before it (or one of another shape), otherwise the rows that differ from `before`.
pub fn stored(turn: u32, before: Option<&Snapshot>, state: &Snapshot) -> Snapshot {
    let Some(before) = before.filter(|b| !is_checkpoint(turn) && same_rows(b, state)) else {
        return state.clone();
    };
    Snapshot {
        globals: state.globals.clone(),
        dyads: state
            .dyads
            .iter()
            .zip(&before.dyads)
            .filter(|(now, then)| now != then)
            .map(|(now, _)| now.clone())
            .collect(),
        actors: state
            .actors
            .iter()
            .zip(&before.actors)
            .filter(|(now, then)| now != then)
            .map(|(now, _)| now.clone())
            .collect(),
        // Few, and rarely changed: stored whole.
        sanctions: state.sanctions.clone(),
        operations: state.operations.clone(),
        tracks: state.tracks.clone(),
    }
}

fn same_rows(a: &Snapshot, b: &Snapshot) -> bool {
    a.dyads.len() == b.dyads.len()
        && a.actors.len() == b.actors.len()
        && a.dyads.iter().zip(&b.dyads).all(|(x, y)| x.id == y.id)
        && a.actors.iter().zip(&b.actors).all(|(x, y)| x.id == y.id)
}

/// The whole state after a turn: `before` with the block's rows put in place of the rows of the same
/// id (a row of a new id goes at the end, for the state check to refuse), and the block's globals.
pub fn merged(before: Option<&Snapshot>, block: Snapshot) -> Snapshot {
    let Some(before) = before else { return block };
    Snapshot {
        globals: block.globals,
        dyads: merge_rows(&before.dyads, block.dyads, |d| d.id),
        actors: merge_rows(&before.actors, block.actors, |a| a.id),
        sanctions: block.sanctions,
        operations: block.operations,
        tracks: block.tracks,
    }
}

fn merge_rows<R: Clone>(before: &[R], changed: Vec<R>, id: impl Fn(&R) -> Id) -> Vec<R> {
    let mut rows = before.to_vec();
    if changed.is_empty() {
        return rows;
    }
    let index: HashMap<Id, usize> = rows.iter().enumerate().map(|(i, r)| (id(r), i)).collect();
    for row in changed {
        match index.get(&id(&row)) {
            Some(&i) => rows[i] = row,
            None => rows.push(row),
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::builtin::find;

    fn kenya() -> Snapshot {
        let loaded = find("kenya-2008").expect("built in").load().expect("valid");
        Snapshot::initial(&loaded.scenario)
    }

    #[test]
    fn between_checkpoints_a_block_stores_only_the_changed_rows_and_reading_restores_the_whole_state() {
        let before = kenya();
        let mut after = before.clone();
        after.dyads[0].stage += 1;
        after.actors[3].leverage += 5.0;
        after.globals.deaths += 10;
        let block = stored(2, Some(&before), &after);
        assert_eq!((block.dyads.len(), block.actors.len()), (1, 1));
        assert_eq!(block.actors[0].id, after.actors[3].id);
        assert_eq!(merged(Some(&before), block), after);
    }

    #[test]
    fn checkpoints_and_first_turns_store_every_row() {
        let before = kenya();
        for turn in [1, 6, 11] {
            assert_eq!(stored(turn, Some(&before), &before), before, "turn {turn}");
        }
        assert_eq!(stored(3, None, &before), before);
        assert_eq!(stored(3, Some(&before), &before).actors.len(), 0);
    }
}
