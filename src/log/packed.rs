//! The body of a turn block in log format 2: the record's RON text, gzip-compressed and written in
//! base64 lines of 76 characters. A built-in game's turns take a sixth to a fourteenth of the bytes of format
//! 1's plain text (docs/log-format.md), and anyone can still read a turn without the engine:
//! `base64 -d | gunzip` on the block's lines gives its RON.
//!
//! The gzip member is the same bytes on every machine: no file name, modification time 0, the
//! operating system "unknown" (255), the best compression.

use std::io::{Read, Write};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use flate2::{Compression, GzBuilder, read::GzDecoder};

/// Characters of base64 per line: what the `base64` tool writes, so lines stay short in an editor.
pub const LINE_CHARS: usize = 76;

/// The largest record text a block may unpack to. A 12,000-actor turn is a few megabytes; anything
/// larger is a damaged or hostile block, refused before it can exhaust memory.
pub const MAX_RECORD_TEXT: u64 = 64 * 1024 * 1024;

/// `text` compressed and encoded as base64 lines, each ending in `\n`.
pub fn pack(text: &str) -> String {
    let mut gz = GzBuilder::new().mtime(0).operating_system(255).write(Vec::new(), Compression::best());
    gz.write_all(text.as_bytes()).expect("writing to memory cannot fail");
    let compressed = gz.finish().expect("writing to memory cannot fail");
    let encoded = STANDARD.encode(compressed);
    let mut out = String::with_capacity(encoded.len() + encoded.len() / LINE_CHARS + 1);
    for chunk in encoded.as_bytes().chunks(LINE_CHARS) {
        out.push_str(std::str::from_utf8(chunk).expect("base64 is ASCII"));
        out.push('\n');
    }
    out
}

/// Why a block's lines could not be unpacked.
#[derive(Debug, Clone, PartialEq)]
pub enum Unpack {
    /// Line `line` (0-based, within the body) has a character that is not base64, at byte `col`.
    NotBase64 { line: usize, col: usize },
    /// The base64 decodes, but not to a gzip member holding UTF-8 text.
    NotGzip(String),
    /// It unpacks to more than [`MAX_RECORD_TEXT`] bytes.
    TooLarge,
}

/// The record text of a block body made by [`pack`].
pub fn unpack(body: &str) -> Result<String, Unpack> {
    let mut encoded = Vec::with_capacity(body.len());
    for (line, text) in body.lines().enumerate() {
        if let Some(col) =
            text.bytes().position(|b| !(b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'='))
        {
            return Err(Unpack::NotBase64 { line, col });
        }
        encoded.extend_from_slice(text.as_bytes());
    }
    let compressed = STANDARD.decode(&encoded).map_err(|e| Unpack::NotGzip(format!("bad base64: {e}")))?;
    let mut text = String::new();
    let read = GzDecoder::new(compressed.as_slice()).take(MAX_RECORD_TEXT + 1).read_to_string(&mut text);
    match read {
        Ok(n) if n as u64 > MAX_RECORD_TEXT => Err(Unpack::TooLarge),
        Ok(_) => Ok(text),
        Err(e) => Err(Unpack::NotGzip(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_packed_text_unpacks_to_itself_in_lines_of_76() {
        let text = "(\n    turn: 1,\n    note: \"Kufuor → Annan\",\n)\n".repeat(40);
        let packed = pack(&text);
        assert!(packed.lines().all(|l| l.len() <= LINE_CHARS));
        assert!(packed.lines().rev().skip(1).all(|l| l.len() == LINE_CHARS));
        assert_eq!(unpack(&packed), Ok(text));
    }

    #[test]
    fn the_same_text_packs_to_the_same_bytes() {
        // No time stamp or platform byte in the gzip header: logs are byte-identical across machines.
        let packed = pack("(turn: 1)");
        assert_eq!(packed, pack("(turn: 1)"));
        let raw = STANDARD.decode(packed.trim_end()).expect("base64");
        assert_eq!(&raw[..10], &[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255]);
    }

    #[test]
    fn damaged_bodies_are_refused_with_the_reason() {
        assert_eq!(unpack("H4sI\nAA-A\n"), Err(Unpack::NotBase64 { line: 1, col: 2 }));
        assert!(matches!(unpack("AAAA\n"), Err(Unpack::NotGzip(_))));
    }
}
