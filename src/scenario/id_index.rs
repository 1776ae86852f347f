//! Finding an id's rank among a scenario's ids of one kind (actors, disputes, bodies): asked dozens of
//! times a turn, by every rule, bot and check.
//!
//! A general hash map hashes the whole string and then compares it byte by byte through the C
//! library. Ids are short, so here an id is read as three words — its length and its first and last
//! eight bytes — which for an id of up to sixteen bytes *are* the id: the table compares those words
//! and never the bytes. Only a longer id (rare) is confirmed by comparing it whole. The ids are the
//! scenario's own and fixed once it is loaded, so a simple multiplicative hash over the words does.
//!
//! Most ids asked for are the engine's own `Id`s, whose text is the one stored copy (interned): for
//! those the index first looks the address up, which needs neither the words nor the text.

/// An id as words: exact for ids of up to 16 bytes (see the module's note).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Key {
    len: usize,
    head: u64,
    tail: u64,
}

impl Key {
    fn of(id: &str) -> Key {
        let b = id.as_bytes();
        let n = b.len();
        let word = |w: &[u8; 8]| u64::from_le_bytes(*w);
        let half = |w: &[u8; 4]| u64::from(u32::from_le_bytes(*w));
        // Overlapping reads cover every byte without a loop: bytes 0..8 and n-8..n, or 0..4 and
        // n-4..n, or the first, middle and last byte.
        let (head, tail) = if let (Some(h), Some(t)) = (b.first_chunk::<8>(), b.last_chunk::<8>()) {
            (word(h), word(t))
        } else if let (Some(h), Some(t)) = (b.first_chunk::<4>(), b.last_chunk::<4>()) {
            (half(h) | half(t) << 32, 0)
        } else if let (Some(&first), Some(&last)) = (b.first(), b.last()) {
            (u64::from(first) | u64::from(b[n / 2]) << 8 | u64::from(last) << 16, 0)
        } else {
            (0, 0)
        };
        Key { len: n, head, tail }
    }

    fn exact(&self) -> bool {
        self.len <= 16
    }

    fn hash(&self) -> u64 {
        (self.head ^ self.tail.rotate_left(29) ^ self.len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }
}

use super::{Id, IdKey};

const EMPTY: u32 = u32::MAX;

#[derive(Debug, Default)]
pub struct IdIndex {
    /// Open addressing, linear probing; a power of two at least twice the number of ids.
    slots: Vec<(Key, u32)>,
    /// `64 - log2(slots.len())`: the hash's top bits pick the slot.
    shift: u32,
    /// The same, by the address of the id's stored text (`Id`): a text at that address and of that
    /// length is the id, as stored texts are never freed or changed.
    by_address: Vec<(usize, u32)>,
    /// Each id's rank by its number (`Id::number`), `EMPTY` for the numbers of other ids: an `Id` is
    /// found with one read.
    by_number: Vec<u32>,
    /// The ids by rank, to confirm an id longer than 16 bytes.
    ids: Vec<Id>,
}

fn address_hash(address: usize) -> u64 {
    // Stored texts are at least byte-aligned and close together: mix all the bits.
    (address as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

impl IdIndex {
    /// An index of `ids`, each at its position as its rank. Of repeated ids the first keeps its rank
    /// (validation refuses repeats; should one slip through, that is what a map's `or_insert` did).
    pub fn new(ids: impl IntoIterator<Item = Id>) -> IdIndex {
        let ids: Vec<Id> = ids.into_iter().collect();
        let size = (ids.len() * 2).next_power_of_two().max(4);
        let mut index = IdIndex {
            slots: vec![(Key { len: 0, head: 0, tail: 0 }, EMPTY); size],
            shift: 64 - size.trailing_zeros(),
            by_address: vec![(0, EMPTY); size],
            by_number: vec![EMPTY; ids.iter().map(|id| id.number() + 1).max().unwrap_or(0)],
            ids,
        };
        for rank in 0..index.ids.len() {
            let id = index.ids[rank];
            if index.by_text(&id).is_some() {
                continue;
            }
            let key = Key::of(&id);
            let mut slot = index.first_slot(&key);
            while index.slots[slot].1 != EMPTY {
                slot = (slot + 1) & (size - 1);
            }
            index.slots[slot] = (key, rank as u32);
            let mut slot = (address_hash(id.as_ptr() as usize) >> index.shift) as usize;
            while index.by_address[slot].1 != EMPTY {
                slot = (slot + 1) & (size - 1);
            }
            index.by_address[slot] = (id.as_ptr() as usize, rank as u32);
            index.by_number[id.number()] = rank as u32;
        }
        index
    }

    fn first_slot(&self, key: &Key) -> usize {
        (key.hash() >> self.shift) as usize
    }

    /// The rank of `id`, if it is one of the ids.
    pub fn get(&self, id: impl IdKey) -> Option<usize> {
        match id.as_id() {
            Some(id) => self.by_number.get(id.number()).filter(|&&rank| rank != EMPTY).map(|&rank| rank as usize),
            None => self.by_address(id.text()).or_else(|| self.by_text(id.text())),
        }
    }

    /// The rank of `id` if it is the stored text of one of the ids (an `Id`'s).
    fn by_address(&self, id: &str) -> Option<usize> {
        let address = id.as_ptr() as usize;
        let mask = self.by_address.len().wrapping_sub(1);
        let mut slot = (address_hash(address) >> self.shift) as usize;
        while let Some(&(at, rank)) = self.by_address.get(slot) {
            if rank == EMPTY {
                return None;
            }
            if at == address && self.ids[rank as usize].len() == id.len() {
                return Some(rank as usize);
            }
            slot = (slot + 1) & mask;
        }
        None
    }

    fn by_text(&self, id: &str) -> Option<usize> {
        let key = Key::of(id);
        let mask = self.slots.len() - 1;
        let mut slot = self.first_slot(&key);
        // The table is never full (twice the ids), so an empty slot ends every search.
        while let Some(&(k, rank)) = self.slots.get(slot) {
            if rank == EMPTY {
                return None;
            }
            if k == key && (key.exact() || self.ids[rank as usize] == id) {
                return Some(rank as usize);
            }
            slot = (slot + 1) & mask;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_is_found_at_its_rank_and_no_other_id_is_found() {
        // Ids of every length from 0 to 40, and near misses: the same length with one byte changed
        // at the start, the middle or the end, a prefix, an extension.
        let base = "abcdefghijklmnopqrstuvwxyz0123456789-ABCD";
        let ids: Vec<String> = (0..=40).map(|n| base[..n].to_string()).collect();
        let stored_before = Id::from("stored before the index, not in it");
        let index = IdIndex::new(ids.iter().map(Id::from));
        assert_eq!(index.get(stored_before), None);
        for (rank, id) in ids.iter().enumerate() {
            // By a copy of the text (found by the text), by the stored text (by its address) and by
            // the id (by its number).
            assert_eq!(index.get(id), Some(rank), "{id:?}");
            assert_eq!(index.get(Id::from(id).as_str()), Some(rank), "{id:?}");
            assert_eq!(index.get(Id::from(id)), Some(rank), "{id:?}");
            // A prefix of a stored text starts at its address, but is another id.
            if let Some(shorter) = id.len().checked_sub(1) {
                assert_eq!(index.get(&Id::from(id)[..shorter]), Some(shorter), "{id:?}");
            }
            for at in [0, id.len() / 2, id.len().saturating_sub(1)] {
                if id.is_empty() {
                    continue;
                }
                let mut changed = id.clone().into_bytes();
                changed[at] = b'_';
                let changed = String::from_utf8(changed).unwrap();
                assert_eq!(index.get(&changed), None, "{changed:?}");
            }
            assert_eq!(index.get(&format!("{id}!")), None);
            // An id stored after the index was built (a number past its table).
            assert_eq!(index.get(Id::from(format!("{id}?"))), None);
        }
    }

    #[test]
    fn a_scenario_s_ids_and_unicode() {
        let ids =
            ["cambodia", "thailand", "security-council", "asean-secretariat", "secretary-general", "côte-d'ivoire"];
        let index = IdIndex::new(ids.map(Id::from));
        for (rank, id) in ids.iter().enumerate() {
            assert_eq!(index.get(*id), Some(rank));
        }
        for other in ["cambodja", "thailand ", "security-counci1", "asean-secretariaT", "", "côte-d'ivoirE"] {
            assert_eq!(index.get(other), None, "{other:?}");
        }
        // A repeated id keeps its first rank.
        assert_eq!(IdIndex::new(["a", "b", "a"].map(Id::from)).get("a"), Some(0));
        assert_eq!(IdIndex::new(std::iter::empty()).get("a"), None);
    }
}
