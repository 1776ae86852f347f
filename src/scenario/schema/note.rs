//! An order's free-text note. The historical course's notes are long (a sentence with its date) and
//! are copied with their order every turn a historical bot plays it: a long note is shared, not
//! copied, and a short one (a bot's "bot") is kept inline. Reads and writes as a plain string.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Clone, Default)]
pub struct Note(Text);

#[derive(Clone)]
enum Text {
    Inline(compact_str::CompactString),
    Shared(Arc<str>),
}

impl Default for Text {
    fn default() -> Self {
        Text::Inline(compact_str::CompactString::default())
    }
}

impl Note {
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Text::Inline(s) => s,
            Text::Shared(s) => s,
        }
    }
}

impl From<&str> for Note {
    fn from(s: &str) -> Note {
        // What fits inline is copied as cheaply as a pointer would be.
        if s.len() <= std::mem::size_of::<compact_str::CompactString>() {
            Note(Text::Inline(s.into()))
        } else {
            Note(Text::Shared(Arc::from(s)))
        }
    }
}

impl From<String> for Note {
    fn from(s: String) -> Note {
        Note::from(s.as_str())
    }
}

impl Deref for Note {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Note {
    fn eq(&self, other: &Note) -> bool {
        self.as_str() == other.as_str()
    }
}

impl fmt::Debug for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Note {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Note {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Note, D::Error> {
        String::deserialize(d).map(Note::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_reads_and_writes_as_its_text_short_or_long() {
        let long = "Natalegawa in Phnom Penh (7 Feb) and Bangkok (8 Feb), «shuttle»";
        for text in ["", "bot", long] {
            let note = Note::from(text);
            assert_eq!(&*note, text);
            assert_eq!(note.clone(), note);
            let ron_text = ron::to_string(&note).unwrap();
            assert_eq!(ron_text, ron::to_string(text).unwrap());
            let back: Note = ron::from_str(&ron_text).unwrap();
            assert_eq!(back.as_str(), text);
        }
        assert!(matches!(Note::from(long).0, Text::Shared(_)), "a long note is shared, not copied");
    }
}
