//! How many times an actor has used each tool (for `max_uses`): one counter per kind of tool, kept in
//! the row itself. A map would allocate on an actor's first order of a game and be cloned whenever the
//! row is copied (into and out of the world, on a restart); a sweep does both millions of times.
//!
//! In a saved state it reads and writes as the map it is — the tools used, in the tools' order, with
//! their counts: `uses: {GoodOffices: 2}` — so logs are the same as with a map.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::scenario::ToolKind;

#[derive(Clone, PartialEq, Eq)]
pub struct UseCounts([u32; ToolKind::ALL.len()]);

impl Default for UseCounts {
    fn default() -> Self {
        UseCounts([0; ToolKind::ALL.len()])
    }
}

impl UseCounts {
    /// How many times `tool` has been used (0 if never).
    pub fn get(&self, tool: ToolKind) -> u32 {
        self.0[tool as usize]
    }

    pub fn set(&mut self, tool: ToolKind, count: u32) {
        self.0[tool as usize] = count;
    }

    /// One use more of `tool`.
    pub fn add_one(&mut self, tool: ToolKind) {
        self.0[tool as usize] += 1;
    }

    /// The tools used at least once, in the tools' order, with their counts.
    pub fn iter(&self) -> impl Iterator<Item = (ToolKind, u32)> + '_ {
        ToolKind::ALL.iter().map(|&t| (t, self.get(t))).filter(|&(_, n)| n > 0)
    }
}

impl fmt::Debug for UseCounts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Serialize for UseCounts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.iter().count()))?;
        for (tool, n) in self.iter() {
            map.serialize_entry(&tool, &n)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for UseCounts {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Counts;
        impl<'de> Visitor<'de> for Counts {
            type Value = UseCounts;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of tools to the number of times each was used, e.g. `{GoodOffices: 2}`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<UseCounts, A::Error> {
                let mut counts = UseCounts::default();
                while let Some((tool, n)) = map.next_entry::<ToolKind, u32>()? {
                    counts.set(tool, n);
                }
                Ok(counts)
            }
        }
        d.deserialize_map(Counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tool_has_its_own_counter() {
        // `tool as usize` indexes the counters: the declaration order must be `ALL`'s.
        for (i, t) in ToolKind::ALL.iter().enumerate() {
            assert_eq!(*t as usize, i, "{t:?}");
        }
    }

    #[test]
    fn counts_read_and_write_as_a_map_in_the_tools_order() {
        let mut u = UseCounts::default();
        u.add_one(ToolKind::Mediation);
        u.add_one(ToolKind::Mediation);
        u.add_one(ToolKind::GoodOffices);
        let text = ron::to_string(&u).unwrap();
        assert_eq!(text, "{GoodOffices:1,Mediation:2}");
        let back: UseCounts = ron::from_str("{Mediation: 2, GoodOffices: 1}").unwrap();
        assert_eq!(back, u);
        assert_eq!(back.get(ToolKind::Mediation), 2);
        assert_eq!(back.get(ToolKind::Strike), 0);
        assert_eq!(ron::to_string(&UseCounts::default()).unwrap(), "{}");
    }
}
