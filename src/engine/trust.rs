//! Trust between a party and a third party, stored only where the scenario gives it or it has moved
//! (every other pair is at its baseline: `state::baseline_trust`).
//!
//! A hash map keyed by `(party, third)` and hashed by the two ids' numbers (`Id::number`: no text is
//! read; bots and rules ask for trust many times a turn); iterated and written to the log in
//! `(party, third)` order. It is looked up by `Id`s, or by texts (which are first found as ids).

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use hashbrown::HashMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::scenario::{Id, IdKey};

#[derive(Debug, Clone, Default)]
pub struct TrustTable {
    pairs: HashMap<Pair, Trust, foldhash::fast::FixedState>,
    /// Which key layout the map has: a fresh number whenever a key is added or removed, copied with
    /// the map. Two tables with the same layout hold the same keys in the same buckets, so a game
    /// copies its trust out of the world after each turn value by value, without looking keys up.
    layout: u64,
}

#[derive(Debug, Clone, Copy)]
struct Trust {
    value: f64,
    /// The pair's baseline (`state::baseline_trust`) when known: drift compares every stored pair
    /// with it every turn. Not part of the table's value (not written, not compared).
    baseline: Option<f64>,
}

/// Tables are equal when they hold the same values for the same pairs.
impl PartialEq for TrustTable {
    fn eq(&self, other: &TrustTable) -> bool {
        self.pairs.len() == other.pairs.len()
            && self.pairs.iter().all(|(k, t)| other.pairs.get(k).is_some_and(|o| o.value == t.value))
    }
}

fn fresh_layout() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// A `(party, third)` key, hashed by the ids' numbers. (The numbers depend on the order a process
/// first saw the ids, so the map's storage order may differ between processes: it is never iterated
/// where order matters.)
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Pair(Id, Id);

impl Hash for Pair {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64((self.0.number() as u64) << 32 | self.1.number() as u64);
    }
}

/// The id a key names, if it names one: a text that was never an id names none (so no pair has it).
fn known(key: impl IdKey) -> Option<Id> {
    key.as_id().or_else(|| Id::find(key.text()))
}

/// The id a key names, stored now if it is new text.
fn stored(key: impl IdKey) -> Id {
    key.as_id().unwrap_or_else(|| Id::from(key.text()))
}

impl TrustTable {
    pub fn get(&self, party: impl IdKey, third: impl IdKey) -> Option<f64> {
        let key = Pair(known(party)?, known(third)?);
        self.pairs.get(&key).map(|t| t.value)
    }

    pub fn insert(&mut self, party: impl IdKey, third: impl IdKey, value: f64) {
        *self.slot(party, third, || value) = value;
    }

    /// The stored value of a pair, inserted at `baseline` first if the pair is not stored yet.
    pub fn slot(&mut self, party: impl IdKey, third: impl IdKey, baseline: impl FnOnce() -> f64) -> &mut f64 {
        match self.pairs.entry(Pair(stored(party), stored(third))) {
            hashbrown::hash_map::Entry::Occupied(slot) => &mut slot.into_mut().value,
            hashbrown::hash_map::Entry::Vacant(slot) => {
                let b = baseline();
                self.layout = fresh_layout();
                &mut slot.insert(Trust { value: b, baseline: Some(b) }).value
            }
        }
    }

    /// Notes every stored pair's baseline (as `baseline` gives it), for [`TrustTable::unordered`].
    pub fn learn_baselines(&mut self, baseline: impl Fn(&str, &str) -> f64) {
        for (Pair(p, t), trust) in &mut self.pairs {
            trust.baseline = Some(baseline(p, t));
        }
    }

    /// Every stored pair, in `(party, third)` order.
    pub fn iter(&self) -> impl Iterator<Item = ((&str, &str), f64)> {
        let mut pairs: Vec<((&str, &str), f64)> =
            self.pairs.iter().map(|(Pair(p, t), v)| ((p.as_str(), t.as_str()), v.value)).collect();
        pairs.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        pairs.into_iter()
    }

    /// Every stored pair with its baseline if known, in no particular order (for sums and searches
    /// that do not depend on it).
    pub fn unordered(&self) -> impl Iterator<Item = ((Id, Id), f64, Option<f64>)> {
        self.pairs.iter().map(|(&Pair(p, t), v)| ((p, t), v.value, v.baseline))
    }

    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.iter().map(|(pair, _)| pair)
    }

    pub fn retain(&mut self, mut keep: impl FnMut((&str, &str), f64) -> bool) {
        self.pairs.retain(|Pair(p, t), v| keep((p, t), v.value));
        self.layout = fresh_layout();
    }

    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// Copies `from`'s values over this table's: value by value when both have the same key layout
    /// (what a game's copies of its state have after the first copy), else key by key, allocating
    /// only if this table lacks a pair.
    pub fn refresh_from(&mut self, from: &TrustTable) {
        if self.layout == from.layout && self.pairs.len() == from.pairs.len() {
            for ((key, to), (from_key, t)) in self.pairs.iter_mut().zip(&from.pairs) {
                debug_assert_eq!(key, from_key, "tables of the same layout hold the same keys in order");
                *to = *t;
            }
            return;
        }
        let mut missing = false;
        for (key, t) in &from.pairs {
            match self.pairs.get_mut(key) {
                Some(slot) => *slot = *t,
                None => missing = true,
            }
        }
        if missing || self.pairs.len() != from.pairs.len() {
            self.pairs.clone_from(&from.pairs);
            self.layout = from.layout;
        } else if self.pairs.keys().eq(from.pairs.keys()) {
            // The same keys in the same order (two tables built alike, such as a game's state and the
            // scenario's start it goes back to on a restart): the next copy can go value by value.
            self.layout = from.layout;
        }
    }
}

impl FromIterator<((Id, Id), f64)> for TrustTable {
    fn from_iter<I: IntoIterator<Item = ((Id, Id), f64)>>(pairs: I) -> TrustTable {
        let mut table = TrustTable::default();
        for ((p, t), v) in pairs {
            table.insert(p, t, v);
        }
        // Read from a file: the baselines are not known (`learn_baselines`).
        for t in table.pairs.values_mut() {
            t.baseline = None;
        }
        table
    }
}

impl Serialize for TrustTable {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for TrustTable {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<TrustTable, D::Error> {
        Ok(BTreeMap::<(Id, Id), f64>::deserialize(deserializer)?.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_as_one_map_of_pairs_in_order() {
        let mut t = TrustTable::default();
        t.insert("b", "x", 40.0);
        t.insert("a", "y", 60.0);
        t.insert("a", "x", 55.5);
        let text = ron::to_string(&t).expect("serialisable");
        assert_eq!(text, r#"{("a","x"):55.5,("a","y"):60.0,("b","x"):40.0}"#);
        let back: TrustTable = ron::from_str(&text).expect("readable");
        assert_eq!(back, t);
        assert_eq!(back.get("a", "y"), Some(60.0));
        assert_eq!(back.get("a", "z"), None);
        assert_eq!(back.len(), 3);
        // Looked up by ids or by texts alike; a text that was never an id is in no pair.
        assert_eq!(back.get(Id::from("a"), Id::from("y")), Some(60.0));
        assert_eq!(back.get("a", Id::from("x")), Some(55.5));
        assert_eq!(back.get("never an id anywhere", "x"), None);
    }

    #[test]
    fn a_copy_kept_up_to_date_holds_the_same_values_whether_keys_were_added_or_not() {
        let mut world: TrustTable = [((Id::from("a"), Id::from("x")), 40.0)].into_iter().collect();
        let mut state = world.clone();
        *world.slot("a", "x", || 0.0) += 5.0;
        state.refresh_from(&world);
        assert_eq!(state.get("a", "x"), Some(45.0));
        *world.slot("b", "y", || 70.0) -= 1.0;
        state.refresh_from(&world);
        assert_eq!((state.get("b", "y"), state.len()), (Some(69.0), 2));
        *world.slot("b", "y", || 0.0) -= 1.0;
        state.refresh_from(&world);
        assert_eq!(state, world);
        assert_eq!(state.get("b", "y"), Some(68.0));
        // A table with other keys in another layout is brought to the same values too.
        let mut other: TrustTable = [((Id::from("c"), Id::from("z")), 1.0)].into_iter().collect();
        other.refresh_from(&world);
        assert_eq!(other, world);
    }

    #[test]
    fn tables_built_alike_share_their_layout_after_one_copy() {
        let build = || -> TrustTable {
            [((Id::from("a"), Id::from("x")), 40.0), ((Id::from("b"), Id::from("y")), 60.0)].into_iter().collect()
        };
        let (start, mut game) = (build(), build());
        assert_ne!(start.layout, game.layout, "each table built gets its own layout number");
        *game.slot("a", "x", || 0.0) += 5.0;
        game.refresh_from(&start);
        assert_eq!(
            (game.layout, game.get("a", "x")),
            (start.layout, Some(40.0)),
            "copied key by key, then the layout adopted"
        );
        *game.slot("b", "y", || 0.0) -= 5.0;
        game.refresh_from(&start);
        assert_eq!(game, start, "and the next copy, value by value, is right");
    }

    #[test]
    fn baselines_are_not_part_of_a_tables_value() {
        let mut learned: TrustTable = [((Id::from("a"), Id::from("x")), 40.0)].into_iter().collect();
        let read = learned.clone();
        assert_eq!(read.unordered().next(), Some(((Id::from("a"), Id::from("x")), 40.0, None)));
        learned.learn_baselines(|_, _| 40.0);
        assert_eq!(learned.unordered().next(), Some(((Id::from("a"), Id::from("x")), 40.0, Some(40.0))));
        assert_eq!(learned, read);
        assert_eq!(ron::to_string(&learned).expect("writable"), ron::to_string(&read).expect("writable"));
    }

    #[test]
    fn a_slot_starts_at_its_baseline_and_keeps_its_value() {
        let mut t = TrustTable::default();
        *t.slot("a", "b", || 50.0) += 5.0;
        *t.slot("a", "b", || 0.0) += 5.0;
        assert_eq!(t.get("a", "b"), Some(60.0));
        t.retain(|_, v| v < 60.0);
        assert!(t.is_empty());
    }
}
