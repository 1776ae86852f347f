//! What the next turn of a log of format 3 is packed against: the texts that the last checkpoint's
//! block and the last block packed, as they were written. Turns repeat each other, so a turn compresses
//! well against the one before; a checkpoint (every row of the state) compresses well against the last
//! checkpoint, whose rows the turns between store only in part. Both texts are the log's own bytes, not
//! this engine's rendering of a record, so a log stays readable whatever later engines add to a record.

use super::state_rows::is_checkpoint;

/// The texts a log's next turn is packed against (empty before the first turn).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tail {
    /// The text of the last checkpoint's block, when the last block is not that checkpoint.
    checkpoint: String,
    /// The text of the last block.
    last: String,
}

impl Tail {
    /// The dictionary of the next turn's block: the last checkpoint's text, then the last block's
    /// (deflate prefers the nearest, and its window keeps the last 32 KiB).
    pub(super) fn dictionary(&self) -> String {
        format!("{}{}", self.checkpoint, self.last)
    }

    /// The tail once the block of `turn`, which packs `text`, is added.
    pub(super) fn after(&self, turn: u32, text: String) -> Tail {
        if is_checkpoint(turn) {
            return Tail { checkpoint: String::new(), last: text };
        }
        let checkpoint = if self.checkpoint.is_empty() { self.last.clone() } else { self.checkpoint.clone() };
        Tail { checkpoint, last: text }
    }
}
