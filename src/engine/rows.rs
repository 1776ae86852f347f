//! The state's rows (dyads, actors) of one kind, in id order, found by id through the scenario's index
//! (`scenario::lookup`) instead of a map rebuilt for every phase of every turn.
//!
//! In a game the world's row entities are listed in id order once ([`RowEntities`]), so a phase reads
//! a row by its rank straight from the world, and gathers nothing; a snapshot keeps its rows in id
//! order already.

use std::borrow::Borrow;

use bevy_ecs::component::Mutable;
use bevy_ecs::prelude::*;

use super::state::{ActorState, DyadState};
use crate::scenario::{Id, IdKey, Scenario};

/// The world's row entities of each kind, in id order (the entity of rank `n` at `n`; kept in the
/// game's `Setup`): spawned once for a game, so the rules never depend on the order the ECS stores or
/// iterates them in.
#[derive(Debug, Default, Clone)]
pub struct RowEntities {
    pub dyads: Vec<Entity>,
    pub actors: Vec<Entity>,
    /// Whether the world has every row of the scenario, so that the row of an id is always the one
    /// at the id's rank (a partial state, as some tests build, has gaps: its rows are searched).
    pub complete: bool,
}

/// Reads a row of the world (a query for its component).
pub trait Fetch<T> {
    fn fetch(&self, row: Entity) -> &T;
}

impl<T: Component> Fetch<T> for Query<'_, '_, &'static T> {
    fn fetch(&self, row: Entity) -> &T {
        self.get(row).expect("a row entity keeps its row for the whole game")
    }
}

/// A phase reads the rows through the same query it later writes them with.
impl<T: Component<Mutability = Mutable>> Fetch<T> for Query<'_, '_, &'static mut T> {
    fn fetch(&self, row: Entity) -> &T {
        self.get(row).expect("a row entity keeps its row for the whole game")
    }
}

/// Writes a row of the world (and reads it, as [`Fetch`]).
pub trait FetchMut<T>: Fetch<T> {
    fn fetch_mut(&mut self, row: Entity) -> &mut T;
}

impl<T: Component<Mutability = Mutable>> FetchMut<T> for Query<'_, '_, &'static mut T> {
    fn fetch_mut(&mut self, row: Entity) -> &mut T {
        self.get_mut(row).expect("a row entity keeps its row for the whole game").into_inner()
    }
}

/// A state row with a stable id.
pub trait Row {
    fn id(&self) -> Id;
    /// The rank of `id` among this kind of row in the scenario.
    fn rank(scenario: &Scenario, id: impl IdKey) -> Option<usize>;
}

impl Row for DyadState {
    fn id(&self) -> Id {
        self.id
    }

    fn rank(scenario: &Scenario, id: impl IdKey) -> Option<usize> {
        scenario.lookup().dyad_rank(id)
    }
}

impl Row for ActorState {
    fn id(&self) -> Id {
        self.id
    }

    fn rank(scenario: &Scenario, id: impl IdKey) -> Option<usize> {
        scenario.lookup().actor_rank(id)
    }
}

/// Where the row `id` is among `len` rows, `is_at(i)` telling whether row `i` has that id: at its rank
/// when the state has every row of the scenario, else (a partial state, as some tests build) wherever
/// a search finds it.
fn locate<T: Row>(
    scenario: &Scenario,
    len: usize,
    id: impl IdKey,
    mut is_at: impl FnMut(usize) -> bool,
) -> Option<usize> {
    match T::rank(scenario, id) {
        Some(r) if r < len && is_at(r) => Some(r),
        _ => (0..len).find(|&i| is_at(i)),
    }
}

/// [`locate`] in a slice of rows.
fn position<T: Row, R: Borrow<T>>(scenario: &Scenario, rows: &[R], id: impl IdKey) -> Option<usize> {
    locate::<T>(scenario, rows.len(), id, |i| id.names(rows[i].borrow().id()))
}

pub struct Rows<'a, T> {
    rows: Store<'a, T>,
    scenario: &'a Scenario,
}

/// Where the rows are: gathered, a snapshot's own slice (borrowed as it is: a bot weighing its options
/// views many copies of a state, and must not pay for the rows each time), or the world's entities,
/// read one by one as the rules ask for them (a phase reads few of them).
enum Store<'a, T> {
    Gathered(Vec<&'a T>),
    Slice(&'a [T]),
    /// The world's rows; `complete` as in [`RowEntities`].
    World {
        entities: &'a [Entity],
        query: &'a dyn Fetch<T>,
        complete: bool,
    },
}

impl<'a, T: Row> Rows<'a, T> {
    /// A snapshot's rows, taken in the order it keeps them: id order (`Snapshot::initial` sorts them,
    /// a game keeps them so, `Game::resume` sorts a saved state's). Checking would cost as much as
    /// the view itself, which a bot builds for every option it weighs.
    pub fn of_slice(scenario: &'a Scenario, rows: &'a [T]) -> Self {
        Rows { rows: Store::Slice(rows), scenario }
    }

    /// Rows in any order: sorted by id unless they already are.
    pub fn in_id_order(scenario: &'a Scenario, rows: impl Iterator<Item = &'a T>) -> Self {
        let mut rows: Vec<&'a T> = rows.collect();
        if !rows.is_sorted_by(|a, b| a.id() <= b.id()) {
            rows.sort_by_key(|r| r.id());
        }
        Rows { rows: Store::Gathered(rows), scenario }
    }

    /// The world's rows, read through `query` from the entities listed in id order (`complete` as in
    /// [`RowEntities`]).
    pub fn world(scenario: &'a Scenario, entities: &'a [Entity], complete: bool, query: &'a dyn Fetch<T>) -> Self {
        Rows { rows: Store::World { entities, query, complete }, scenario }
    }

    fn at(&self, i: usize) -> &'a T {
        match &self.rows {
            Store::Gathered(v) => v[i],
            Store::Slice(s) => &s[i],
            Store::World { entities, query, .. } => query.fetch(entities[i]),
        }
    }

    pub fn get(&self, id: impl IdKey) -> Option<&'a T> {
        self.find(id).map(|(_, row)| row)
    }

    /// Where the row `id` is among the rows (its rank, when the state has every row).
    pub fn position(&self, id: impl IdKey) -> Option<usize> {
        self.find(id).map(|(i, _)| i)
    }

    /// The row `id` and its position. Reading a row from the world is a fetch, so the row checked
    /// is the one returned.
    fn find(&self, id: impl IdKey) -> Option<(usize, &'a T)> {
        // Every row at its rank: the rank is the row.
        if let Store::World { entities, query, complete: true } = &self.rows {
            let r = T::rank(self.scenario, id).filter(|&r| r < entities.len())?;
            return Some((r, query.fetch(entities[r])));
        }
        let mut found = None;
        let i = locate::<T>(self.scenario, self.len(), id, |i| {
            let row = self.at(i);
            found = Some(row);
            id.names(row.id())
        })?;
        found.map(|row| (i, row))
    }

    /// Every row, in id order.
    pub fn values(&self) -> impl Iterator<Item = &'a T> + '_ {
        (0..self.len()).map(|i| self.at(i))
    }

    pub fn len(&self) -> usize {
        match &self.rows {
            Store::Gathered(v) => v.len(),
            Store::Slice(s) => s.len(),
            Store::World { entities, .. } => entities.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The same, writable: what the effects ledger changes.
pub struct RowsMut<'a, T> {
    rows: StoreMut<'a, T>,
    scenario: &'a Scenario,
    /// The positions of the rows handed out for writing, in the order asked for (repeats included).
    touched: Vec<usize>,
}

enum StoreMut<'a, T> {
    /// A snapshot's rows, borrowed as they are (a bot applies each option's effects to one copy).
    Slice(&'a mut [T]),
    /// The world's rows; `complete` as in [`RowEntities`].
    World { entities: &'a [Entity], query: &'a mut dyn FetchMut<T>, complete: bool },
}

impl<'a, T: Row> RowsMut<'a, T> {
    /// A snapshot's rows, in the id order it keeps them (see [`Rows::of_slice`]).
    pub fn of_slice(scenario: &'a Scenario, rows: &'a mut [T]) -> Self {
        RowsMut { rows: StoreMut::Slice(rows), scenario, touched: Vec::new() }
    }

    /// The world's rows, written through `query` to the entities listed in id order (`complete` as
    /// in [`RowEntities`]); the positions written to are added to `touched`.
    pub fn world(
        scenario: &'a Scenario,
        entities: &'a [Entity],
        complete: bool,
        query: &'a mut dyn FetchMut<T>,
        touched: Vec<usize>,
    ) -> Self {
        RowsMut { rows: StoreMut::World { entities, query, complete }, scenario, touched }
    }

    pub fn get_mut(&mut self, id: impl IdKey) -> Option<&mut T> {
        let i = match &mut self.rows {
            StoreMut::Slice(rows) => position::<T, _>(self.scenario, rows, id)?,
            // Every row at its rank: the rank is the row, with no fetch to confirm it (the ledger
            // asks for a row at every effect).
            StoreMut::World { entities, complete: true, .. } => {
                T::rank(self.scenario, id).filter(|&r| r < entities.len())?
            }
            StoreMut::World { entities, query, complete: false } => {
                locate::<T>(self.scenario, entities.len(), id, |i| id.names(query.fetch(entities[i]).id()))?
            }
        };
        self.touched.push(i);
        Some(match &mut self.rows {
            StoreMut::Slice(rows) => &mut rows[i],
            StoreMut::World { entities, query, .. } => query.fetch_mut(entities[i]),
        })
    }

    /// The positions (ranks, for rows from the world) of the rows written to, in the order asked
    /// for (repeats included).
    pub fn into_touched(self) -> Vec<usize> {
        self.touched
    }
}
