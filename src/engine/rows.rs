//! The state's rows (dyads, actors) of one kind, in id order, found by id through the scenario's index
//! (`scenario::lookup`) instead of a map rebuilt for every phase of every turn.
//!
//! In a game the world's entities carry their [`Rank`] (their place in id order), so the rows are put
//! in order without comparing ids; a snapshot keeps its rows in id order already.

use std::borrow::Borrow;

use bevy_ecs::prelude::*;

use super::state::{ActorState, DyadState};
use crate::scenario::Scenario;

/// An entity's place among the rows of its kind, in id order: fixed for the whole game.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rank(pub usize);

/// A state row with a stable id.
pub trait Row {
    fn id(&self) -> &str;
    /// The rank of `id` among this kind of row in the scenario.
    fn rank(scenario: &Scenario, id: &str) -> Option<usize>;
}

impl Row for DyadState {
    fn id(&self) -> &str {
        &self.id
    }

    fn rank(scenario: &Scenario, id: &str) -> Option<usize> {
        scenario.lookup().dyad_rank(id)
    }
}

impl Row for ActorState {
    fn id(&self) -> &str {
        &self.id
    }

    fn rank(scenario: &Scenario, id: &str) -> Option<usize> {
        scenario.lookup().actor_rank(id)
    }
}

/// Where the row `id` is in `rows`: at its rank when the state has every row of the scenario, else
/// (a partial state, as some tests build) wherever a search finds it.
fn position<T: Row, R: Borrow<T>>(scenario: &Scenario, rows: &[R], id: &str) -> Option<usize> {
    match T::rank(scenario, id) {
        Some(r) if rows.get(r).is_some_and(|row| row.borrow().id() == id) => Some(r),
        _ => rows.iter().position(|row| row.borrow().id() == id),
    }
}

/// Puts rows given with their rank in rank order. The world yields them in spawn order, which is
/// rank order, so this is one pass that checks it; any other order is sorted.
fn by_rank<R>(ranked: impl Iterator<Item = (usize, R)>) -> Vec<R> {
    let mut ranked = ranked.peekable();
    let mut rows = Vec::with_capacity(ranked.size_hint().0);
    while let Some((rank, _)) = ranked.peek() {
        if *rank != rows.len() {
            let mut all: Vec<(usize, R)> = rows.into_iter().enumerate().chain(ranked).collect();
            all.sort_by_key(|(rank, _)| *rank);
            return all.into_iter().map(|(_, row)| row).collect();
        }
        rows.push(ranked.next().expect("peeked").1);
    }
    rows
}

pub struct Rows<'a, T> {
    rows: Store<'a, T>,
    scenario: &'a Scenario,
}

/// Rows gathered one by one (from the world), or a snapshot's own slice, borrowed as it is: a bot
/// weighing its options views many copies of a state, and must not pay for the rows each time.
enum Store<'a, T> {
    Gathered(Vec<&'a T>),
    Slice(&'a [T]),
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
            rows.sort_by(|a, b| a.id().cmp(b.id()));
        }
        Rows { rows: Store::Gathered(rows), scenario }
    }

    /// Rows with their [`Rank`], as the world holds them.
    pub fn ranked(scenario: &'a Scenario, rows: impl Iterator<Item = (&'a Rank, &'a T)>) -> Self {
        Rows { rows: Store::Gathered(by_rank(rows.map(|(r, row)| (r.0, row)))), scenario }
    }

    fn at(&self, i: usize) -> &'a T {
        match &self.rows {
            Store::Gathered(v) => v[i],
            Store::Slice(s) => &s[i],
        }
    }

    pub fn get(&self, id: &str) -> Option<&'a T> {
        self.position(id).map(|i| self.at(i))
    }

    /// Where the row `id` is among the rows (its rank, when the state has every row).
    pub fn position(&self, id: &str) -> Option<usize> {
        match &self.rows {
            Store::Gathered(v) => position::<T, _>(self.scenario, v, id),
            Store::Slice(s) => position::<T, _>(self.scenario, s, id),
        }
    }

    /// Every row, in id order.
    pub fn values(&self) -> impl Iterator<Item = &'a T> + '_ {
        (0..self.len()).map(|i| self.at(i))
    }

    /// Every id, in order.
    pub fn keys(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.values().map(|r| r.id())
    }

    pub fn len(&self) -> usize {
        match &self.rows {
            Store::Gathered(v) => v.len(),
            Store::Slice(s) => s.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The same, writable: what the effects ledger changes.
pub struct RowsMut<'a, T> {
    rows: Vec<&'a mut T>,
    scenario: &'a Scenario,
    /// The positions of the rows handed out for writing, in the order asked for (repeats included).
    touched: Vec<usize>,
}

impl<'a, T: Row> RowsMut<'a, T> {
    /// Rows already in id order (a snapshot's).
    pub fn in_id_order(scenario: &'a Scenario, rows: impl Iterator<Item = &'a mut T>) -> Self {
        let mut rows: Vec<&'a mut T> = rows.collect();
        if !rows.is_sorted_by(|a, b| a.id() <= b.id()) {
            rows.sort_by(|a, b| a.id().cmp(b.id()));
        }
        RowsMut { rows, scenario, touched: Vec::new() }
    }

    /// A snapshot's rows, in the id order it keeps them (see [`Rows::of_slice`]).
    pub fn of_slice(scenario: &'a Scenario, rows: &'a mut [T]) -> Self {
        RowsMut { rows: rows.iter_mut().collect(), scenario, touched: Vec::new() }
    }

    pub fn ranked(scenario: &'a Scenario, rows: impl Iterator<Item = (&'a Rank, &'a mut T)>) -> Self {
        RowsMut { rows: by_rank(rows.map(|(r, row)| (r.0, row))), scenario, touched: Vec::new() }
    }

    /// No rows: for a batch of changes known not to touch this kind.
    pub fn none(scenario: &'a Scenario) -> Self {
        RowsMut { rows: Vec::new(), scenario, touched: Vec::new() }
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut T> {
        let i = position::<T, _>(self.scenario, &self.rows, id)?;
        self.touched.push(i);
        Some(&mut *self.rows[i])
    }

    /// The positions (ranks, for rows from the world) of the rows written to.
    pub fn touched(&self) -> &[usize] {
        &self.touched
    }
}
