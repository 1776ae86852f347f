//! Trust between a party and a third party, stored only where the scenario gives it or it has moved
//! (every other pair is at its baseline: `state::baseline_trust`).
//!
//! Kept as party → third → value so a lookup by two borrowed ids allocates nothing; written to the log
//! as one map keyed by `(party, third)`, in that order.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct TrustTable(BTreeMap<String, BTreeMap<String, f64>>);

impl TrustTable {
    pub fn get(&self, party: &str, third: &str) -> Option<f64> {
        self.0.get(party)?.get(third).copied()
    }

    pub fn insert(&mut self, party: &str, third: &str, value: f64) {
        *self.slot(party, third, || value) = value;
    }

    /// The stored value of a pair, inserted from `baseline` first if the pair is not stored yet.
    pub fn slot(&mut self, party: &str, third: &str, baseline: impl FnOnce() -> f64) -> &mut f64 {
        if !self.0.contains_key(party) {
            self.0.insert(party.to_string(), BTreeMap::new());
        }
        let row = self.0.get_mut(party).expect("inserted above");
        if !row.contains_key(third) {
            row.insert(third.to_string(), baseline());
        }
        row.get_mut(third).expect("inserted above")
    }

    /// Every stored pair, in `(party, third)` order.
    pub fn iter(&self) -> impl Iterator<Item = ((&str, &str), f64)> {
        self.0.iter().flat_map(|(p, row)| row.iter().map(move |(t, v)| ((p.as_str(), t.as_str()), *v)))
    }

    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.iter().map(|(pair, _)| pair)
    }

    pub fn retain(&mut self, mut keep: impl FnMut((&str, &str), f64) -> bool) {
        for (p, row) in &mut self.0 {
            row.retain(|t, v| keep((p, t), *v));
        }
        self.0.retain(|_, row| !row.is_empty());
    }

    pub fn len(&self) -> usize {
        self.0.values().map(BTreeMap::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.0.values().all(BTreeMap::is_empty)
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
