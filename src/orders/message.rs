//! A message between groups during a turn: the negotiation that goes with the orders. Messages are
//! part of a turn's input (an orders file or the web room gives them), kept in the turn's record so the
//! debrief can set what groups said beside what they then did. They change nothing in the model.

use serde::{Deserialize, Serialize};

/// The longest message a group can send, in characters: a paragraph, not a document.
pub const MAX_MESSAGE_CHARS: usize = 2_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Message {
    /// The sending actor's id.
    pub from: String,
    /// The receiving actors' ids, in the order given; empty for a message to every group.
    #[serde(default)]
    pub to: Vec<String>,
    pub text: String,
}

impl Message {
    /// Whether `actor` may read this message: its sender, a receiver, or anyone for a message to all.
    pub fn readable_by(&self, actor: &str) -> bool {
        self.from == actor || self.to.is_empty() || self.to.iter().any(|t| t == actor)
    }
}
