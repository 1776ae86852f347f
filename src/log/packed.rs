//! The body of a turn block in log formats 2 and 3: the record's RON text, compressed (deflate, with a
//! preset dictionary: in format 3 the texts of the blocks before, `tail.rs`; in format 2 the record
//! before) and written in base64 lines of 76 characters.
//!
//! Turns repeat each other: the same fields, orders, explanations and rows, with other numbers. A turn
//! compressed on its own keeps little of that; compressed against the turn before it, a built-in
//! game's turns take 5–10 % of the bytes of format 1's plain text (docs/log-format.md). The price is
//! that a turn is unpacked after the turn before it, which is how a log is always read.
//!
//! The same text and dictionary give the same bytes on every machine (deflate at its best level, no
//! header: the chained checksums guard the block).

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};

/// Characters of base64 per line: what the `base64` tool writes, so lines stay short in an editor.
pub const LINE_CHARS: usize = 76;

/// The largest record text a block may unpack to. A 12,000-actor turn is a few megabytes; anything
/// larger is a damaged or hostile block, refused before it can exhaust memory.
pub const MAX_RECORD_TEXT: u64 = 64 * 1024 * 1024;

/// `text` compressed against `dictionary` (empty for none) and encoded as base64 lines, each ending
/// in `\n`.
pub fn pack(text: &str, dictionary: &str) -> String {
    let mut deflate = Compress::new(Compression::best(), false);
    if !dictionary.is_empty() {
        deflate.set_dictionary(window(dictionary)).expect("a fresh raw deflate stream takes a dictionary");
    }
    let input = text.as_bytes();
    let mut compressed = Vec::with_capacity(input.len() / 4 + 64);
    loop {
        let consumed = deflate.total_in() as usize;
        let status = deflate
            .compress_vec(&input[consumed..], &mut compressed, FlushCompress::Finish)
            .expect("compressing to memory cannot fail");
        if status == Status::StreamEnd {
            break;
        }
        compressed.reserve(compressed.capacity().max(1024));
    }
    let encoded = STANDARD.encode(compressed);
    let mut out = String::with_capacity(encoded.len() + encoded.len() / LINE_CHARS + 1);
    for chunk in encoded.as_bytes().chunks(LINE_CHARS) {
        out.push_str(std::str::from_utf8(chunk).expect("base64 is ASCII"));
        out.push('\n');
    }
    out
}

/// The part of a dictionary deflate can refer to: its last 32 KiB (a longer one costs time, not bytes).
fn window(dictionary: &str) -> &[u8] {
    let bytes = dictionary.as_bytes();
    &bytes[bytes.len().saturating_sub(32 * 1024)..]
}

/// Why a block's lines could not be unpacked.
#[derive(Debug, Clone, PartialEq)]
pub enum Unpack {
    /// Line `line` (0-based, within the body) has a character that is not base64, at byte `col`.
    NotBase64 { line: usize, col: usize },
    /// The base64 decodes, but not to a deflate stream of UTF-8 text.
    NotDeflate(String),
    /// It unpacks to more than [`MAX_RECORD_TEXT`] bytes.
    TooLarge,
}

/// The record text of a block body made by [`pack`] with the same dictionary.
pub fn unpack(body: &str, dictionary: &str) -> Result<String, Unpack> {
    let mut encoded = Vec::with_capacity(body.len());
    for (line, text) in body.lines().enumerate() {
        if let Some(col) =
            text.bytes().position(|b| !(b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'='))
        {
            return Err(Unpack::NotBase64 { line, col });
        }
        encoded.extend_from_slice(text.as_bytes());
    }
    let compressed = STANDARD.decode(&encoded).map_err(|e| Unpack::NotDeflate(format!("bad base64: {e}")))?;
    let mut inflate = Decompress::new(false);
    if !dictionary.is_empty() {
        inflate.set_dictionary(window(dictionary)).map_err(|e| Unpack::NotDeflate(e.to_string()))?;
    }
    let mut text = Vec::with_capacity(compressed.len() * 4 + 1024);
    loop {
        let (consumed, produced) = (inflate.total_in(), inflate.total_out());
        let status = inflate
            .decompress_vec(&compressed[consumed as usize..], &mut text, FlushDecompress::Finish)
            .map_err(|e| Unpack::NotDeflate(e.to_string()))?;
        if text.len() as u64 > MAX_RECORD_TEXT {
            return Err(Unpack::TooLarge);
        }
        match status {
            Status::StreamEnd if inflate.total_in() as usize == compressed.len() => break,
            Status::StreamEnd => return Err(Unpack::NotDeflate("bytes after the end of the stream".into())),
            _ if inflate.total_in() == consumed && inflate.total_out() == produced && text.len() < text.capacity() => {
                return Err(Unpack::NotDeflate("the stream ends early".into()));
            }
            _ => text.reserve(text.capacity().max(1024)),
        }
    }
    String::from_utf8(text).map_err(|_| Unpack::NotDeflate("the text is not UTF-8".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_packed_text_unpacks_to_itself_in_lines_of_76() {
        let text = "(\n    turn: 1,\n    note: \"Kufuor → Annan\",\n)\n".repeat(400);
        for dictionary in ["", "(turn: 0, note: \"Kufuor\")"] {
            let packed = pack(&text, dictionary);
            assert!(packed.lines().all(|l| l.len() <= LINE_CHARS));
            assert!(packed.lines().rev().skip(1).all(|l| l.len() == LINE_CHARS));
            assert_eq!(unpack(&packed, dictionary), Ok(text.clone()));
        }
    }

    #[test]
    fn the_turn_before_as_dictionary_shrinks_a_turn_and_is_needed_to_read_it() {
        let before = "(turn: 1, dates: \"7–13 January 2008\", explanation: \"the AU panel's talks went on\")\n";
        let now = "(turn: 2, dates: \"14–20 January 2008\", explanation: \"the AU panel's talks went on\")\n";
        let alone = pack(now, "");
        let against = pack(now, before);
        assert!(against.len() < alone.len(), "{} vs {}", against.len(), alone.len());
        assert_eq!(pack(now, before), against, "the same bytes every time");
        assert_eq!(unpack(&against, before).as_deref(), Ok(now));
        assert_ne!(unpack(&against, "").as_deref(), Ok(now), "without the dictionary it does not read back");
    }

    #[test]
    fn damaged_bodies_are_refused_with_the_reason() {
        assert_eq!(unpack("H4sI\nAA-A\n", ""), Err(Unpack::NotBase64 { line: 1, col: 2 }));
        assert!(matches!(unpack("AAAA\n", ""), Err(Unpack::NotDeflate(_))));
        let packed = pack("(turn: 1)", "");
        let cut = &packed[..packed.len() - 5];
        assert!(matches!(unpack(cut, ""), Err(Unpack::NotDeflate(_))), "{:?}", unpack(cut, ""));
    }
}
