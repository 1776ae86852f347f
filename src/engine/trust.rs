//! Trust between a party and a third party, stored only where the scenario gives it or it has moved
//! (every other pair is at its baseline: `state::baseline_trust`).
//!
//! A hash map keyed by `(party, third)`, looked up with two borrowed ids (no allocation; bots and
//! rules ask for trust many times a turn); iterated and written to the log in `(party, third)` order.

use std::collections::BTreeMap;
use std::hash::Hash;

use hashbrown::{Equivalent, HashMap};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct TrustTable(HashMap<(String, String), f64, foldhash::fast::FixedState>);

/// A `(party, third)` key made of borrowed ids; hashes as the owned key does.
#[derive(Hash)]
struct Pair<'a>(&'a str, &'a str);

impl Equivalent<(String, String)> for Pair<'_> {
    fn equivalent(&self, key: &(String, String)) -> bool {
        self.0 == key.0 && self.1 == key.1
    }
}

// `(String, String)` hashes its two strings in order, as `Pair` does; this test-only check keeps the
// two in step should either change.
#[cfg(test)]
fn same_hash(p: &str, t: &str) -> bool {
    use std::hash::Hasher;
    let h = |x: &dyn Fn(&mut foldhash::fast::FoldHasher<'static>)| {
        let mut hasher = std::hash::BuildHasher::build_hasher(&foldhash::fast::FixedState::default());
        x(&mut hasher);
        hasher.finish()
    };
    h(&|s| (p.to_string(), t.to_string()).hash(s)) == h(&|s| Pair(p, t).hash(s))
}

impl TrustTable {
    pub fn get(&self, party: &str, third: &str) -> Option<f64> {
        self.0.get(&Pair(party, third)).copied()
    }

    pub fn insert(&mut self, party: &str, third: &str, value: f64) {
        *self.slot(party, third, || value) = value;
    }

    /// The stored value of a pair, inserted from `baseline` first if the pair is not stored yet.
    pub fn slot(&mut self, party: &str, third: &str, baseline: impl FnOnce() -> f64) -> &mut f64 {
        if !self.0.contains_key(&Pair(party, third)) {
            self.0.insert((party.to_string(), third.to_string()), baseline());
        }
        self.0.get_mut(&Pair(party, third)).expect("inserted above")
    }

    /// Every stored pair, in `(party, third)` order.
    pub fn iter(&self) -> impl Iterator<Item = ((&str, &str), f64)> {
        let mut pairs: Vec<((&str, &str), f64)> =
            self.0.iter().map(|((p, t), v)| ((p.as_str(), t.as_str()), *v)).collect();
        pairs.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        pairs.into_iter()
    }

    /// Every stored pair, in no particular order (for sums and searches that do not depend on it).
    pub fn unordered(&self) -> impl Iterator<Item = ((&str, &str), f64)> {
        self.0.iter().map(|((p, t), v)| ((p.as_str(), t.as_str()), *v))
    }

    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.iter().map(|(pair, _)| pair)
    }

    pub fn retain(&mut self, mut keep: impl FnMut((&str, &str), f64) -> bool) {
        self.0.retain(|(p, t), v| keep((p, t), *v));
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Copies `from`'s values over this table's, allocating only for pairs this table lacks.
    pub fn refresh_from(&mut self, from: &TrustTable) {
        let mut missing = false;
        for (key, v) in &from.0 {
            match self.0.get_mut(key) {
                Some(slot) => *slot = *v,
                None => missing = true,
            }
        }
        if missing || self.0.len() != from.0.len() {
            self.0.clone_from(&from.0);
        }
    }
}

impl FromIterator<((String, String), f64)> for TrustTable {
    fn from_iter<I: IntoIterator<Item = ((String, String), f64)>>(pairs: I) -> TrustTable {
        let mut table = TrustTable::default();
        for ((p, t), v) in pairs {
            table.insert(&p, &t, v);
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
        Ok(BTreeMap::<(String, String), f64>::deserialize(deserializer)?.into_iter().collect())
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
        assert!(same_hash("a", "x") && same_hash("", "") && same_hash("ab", "c"));
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
