//! An id (of an actor, a body, a dispute, an inject): a string the engine compares, copies and
//! hashes in every rule, check and bot, dozens of times a turn.
//!
//! Each distinct id text is stored once for the life of the process (interned), with a number of
//! its own (0, 1, 2, ... in the order the texts were first seen), and an `Id` is a reference to that
//! one entry. So two ids are equal exactly when they point at the same entry: a comparison is one
//! pointer comparison instead of a byte-by-byte one, a copy is one word, never an allocation, and
//! a scenario's index finds an `Id`'s rank by its number without reading the text
//! (`scenario::id_index`). The price is that an id's text, once seen, is never freed: a process sees
//! the ids of the scenarios and orders it reads, a few hundred short strings.
//!
//! Ordering and hashing go by the text, as a `str`'s do (so maps keyed by `Id` can be searched with
//! a `&str`, and everything sorted by id sorts as before).

use std::borrow::Borrow;
use std::collections::HashMap;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::{LazyLock, Mutex};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Clone, Copy)]
pub struct Id(&'static Entry);

/// An id text's one stored copy, and its number.
struct Entry {
    text: &'static str,
    number: u32,
}

/// Every id text seen so far, each stored once.
static ENTRIES: LazyLock<Mutex<HashMap<&'static str, &'static Entry>>> =
    LazyLock::new(|| Mutex::new(HashMap::from([("", &EMPTY)])));

/// The empty id's entry (a `static`, so a default needs no lock), number 0.
static EMPTY: Entry = Entry { text: "", number: 0 };

impl Id {
    /// The id whose text is `text`: the one stored entry of it, stored now if it is new.
    pub fn new(text: &str) -> Id {
        // A panic while the lock was held cannot have left the map half-changed (an insert either
        // happened or not), so a poisoned lock is still good to use.
        let mut entries = ENTRIES.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(entry) = entries.get(text) {
            return Id(entry);
        }
        let number = u32::try_from(entries.len()).expect("fewer than 4 billion distinct ids");
        let entry: &'static Entry = Box::leak(Box::new(Entry { text: Box::leak(text.into()), number }));
        entries.insert(entry.text, entry);
        Id(entry)
    }

    /// The id whose text is `text` if that text was ever stored (without storing it).
    pub fn find(text: &str) -> Option<Id> {
        let entries = ENTRIES.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        entries.get(text).map(|entry| Id(entry))
    }

    pub fn as_str(&self) -> &'static str {
        self.0.text
    }

    /// The id's number: distinct ids have distinct numbers, given in the order the texts were first
    /// seen, so a process's numbers stay small.
    pub fn number(&self) -> usize {
        self.0.number as usize
    }
}

/// What a scenario's ids are looked up by (`Scenario::actor`, a view's rows, the effects ledger):
/// an `Id`, found by its number, or any text, found by its words.
pub trait IdKey: Copy {
    /// The id, if this is one.
    fn as_id(&self) -> Option<Id>;
    fn text(&self) -> &str;

    /// Whether this names `id`.
    fn names(&self, id: Id) -> bool {
        match self.as_id() {
            Some(own) => own == id,
            None => id == self.text(),
        }
    }
}

impl IdKey for Id {
    fn as_id(&self) -> Option<Id> {
        Some(*self)
    }
    fn text(&self) -> &str {
        self.0.text
    }
}

impl IdKey for &Id {
    fn as_id(&self) -> Option<Id> {
        Some(**self)
    }
    fn text(&self) -> &str {
        self.0.text
    }
}

impl IdKey for &str {
    fn as_id(&self) -> Option<Id> {
        None
    }
    fn text(&self) -> &str {
        self
    }
}

impl IdKey for &String {
    fn as_id(&self) -> Option<Id> {
        None
    }
    fn text(&self) -> &str {
        self
    }
}

impl Default for Id {
    fn default() -> Id {
        Id(&EMPTY)
    }
}

impl PartialEq for Id {
    fn eq(&self, other: &Id) -> bool {
        // One stored entry per text: the same text is the same entry.
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for Id {}

impl PartialOrd for Id {
    fn partial_cmp(&self, other: &Id) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Id {
    fn cmp(&self, other: &Id) -> std::cmp::Ordering {
        if self == other { std::cmp::Ordering::Equal } else { self.0.text.cmp(other.0.text) }
    }
}

impl Hash for Id {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // As the text hashes, so that maps keyed by ids can be searched with a `&str`.
        self.0.text.hash(state);
    }
}

impl std::ops::Deref for Id {
    type Target = str;
    fn deref(&self) -> &str {
        self.0.text
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        self.0.text
    }
}

impl Borrow<str> for Id {
    fn borrow(&self) -> &str {
        self.0.text
    }
}

impl From<&str> for Id {
    fn from(text: &str) -> Id {
        Id::new(text)
    }
}

impl From<&String> for Id {
    fn from(text: &String) -> Id {
        Id::new(text)
    }
}

impl From<String> for Id {
    fn from(text: String) -> Id {
        Id::new(&text)
    }
}

impl From<Id> for String {
    fn from(id: Id) -> String {
        id.0.text.to_string()
    }
}

impl PartialEq<&Id> for Id {
    fn eq(&self, other: &&Id) -> bool {
        self == *other
    }
}

impl PartialEq<Id> for &Id {
    fn eq(&self, other: &Id) -> bool {
        *self == other
    }
}

impl PartialEq<&Id> for String {
    fn eq(&self, other: &&Id) -> bool {
        self == other.0.text
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        // Often `other` is an id's own text: then the address says it all.
        std::ptr::eq(self.0.text, other) || self.0.text == other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

impl PartialEq<String> for Id {
    fn eq(&self, other: &String) -> bool {
        self.0.text == other
    }
}

impl PartialEq<Id> for str {
    fn eq(&self, other: &Id) -> bool {
        *other == *self
    }
}

impl PartialEq<Id> for &str {
    fn eq(&self, other: &Id) -> bool {
        *other == **self
    }
}

impl PartialEq<Id> for String {
    fn eq(&self, other: &Id) -> bool {
        self == other.0.text
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.0.text, f)
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0.text, f)
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.text)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Id, D::Error> {
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = Id;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Id, E> {
                Ok(Id::new(text))
            }
        }
        deserializer.deserialize_str(Text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_of_the_same_text_are_equal_and_order_by_text() {
        let a = Id::new("thailand");
        let b = Id::from(String::from("thailand"));
        assert_eq!(a, b);
        assert!(std::ptr::eq(a.as_str(), b.as_str()), "one stored copy");
        assert_ne!(a, Id::new("cambodia"));
        assert!(Id::new("cambodia") < a && a < Id::new("thailandx"));
        assert_eq!(a, "thailand");
        assert_eq!(Id::default(), Id::new(""));
        let mut set = std::collections::HashSet::new();
        set.insert(a);
        assert!(set.contains("thailand"), "searched by text");
        assert_eq!(ron::to_string(&a).unwrap(), "\"thailand\"");
        assert_eq!(ron::from_str::<Id>("\"thailand\"").unwrap(), a);
    }

    #[test]
    fn each_text_has_one_number_and_finding_stores_nothing() {
        let (a, b) = (Id::new("numbered-a"), Id::new("numbered-b"));
        assert_ne!(a.number(), b.number());
        assert_eq!(Id::new("numbered-a").number(), a.number());
        assert_eq!(Id::default().number(), 0);
        assert_eq!(Id::find("numbered-b"), Some(b));
        assert_eq!(Id::find("never stored by any test"), None);
        assert_eq!(Id::find("never stored by any test"), None, "looking a text up does not store it");
        assert!(a.names(a) && "numbered-a".names(a) && !"numbered-b".names(a));
    }
}
