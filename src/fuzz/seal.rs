//! Resealing a mutated log: every checksum recomputed over the changed bytes, as a person who edits a
//! log by hand and fixes the checksums would. Without it nearly every mutated log stops at the first
//! checksum, and the code that reads a turn's contents is never reached.
//!
//! A log of format 3 (as 2) packs its turns (deflate and base64), so mutated packed bytes rarely unpack: the
//! corpus also holds logs [`open`]ed (each turn's RON in plain lines), and resealing packs a body that
//! does not unpack as it stands, so mutations of the RON reach the reader.

use crate::engine::rng::{fnv1a, fnv1a_more};
use crate::log::{pack, unpack};

/// The log with each turn's body unpacked to its RON lines (a body that does not unpack is kept, and
/// the turns after it are kept as they are).
pub fn open(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() * 8);
    let mut body: Option<Vec<u8>> = None;
    // The text the block before packed: what a block of log format 3 is packed against.
    let mut previous_text = String::new();
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        match &mut body {
            None => {
                out.extend_from_slice(line);
                if line.starts_with(b"--- turn ") {
                    body = Some(Vec::new());
                }
            }
            Some(lines) if line.starts_with(b"--- ") => {
                match std::str::from_utf8(lines).ok().and_then(|t| unpack(t, &previous_text).ok()) {
                    Some(text) => {
                        out.extend_from_slice(text.as_bytes());
                        previous_text = text;
                    }
                    None => out.extend_from_slice(lines),
                }
                out.extend_from_slice(line);
                body = line.starts_with(b"--- turn ").then(Vec::new);
            }
            Some(lines) => lines.extend_from_slice(line),
        }
    }
    if let Some(lines) = body {
        out.extend_from_slice(&lines);
    }
    out
}

/// The bytes with every checksum made to match. Works on any bytes; a log of format 1 (no
/// `--- end header` line) has each turn's checksum over its body alone, a log of format 2 or 3 the chain
/// over the header, the scenario (its length set to what stands between its marker lines) and each
/// turn, whose body is packed first if it does not unpack.
pub fn reseal(bytes: &[u8]) -> Vec<u8> {
    let chained = bytes.windows(21).any(|w| w == b"\n--- end header fnv1a");
    let mut out = Vec::with_capacity(bytes.len());
    // The chain so far (formats 2 and 3), and where the current block began in `out` (after its opening line
    // for format 1, at it for formats 2 and 3).
    let mut chain = 0u64;
    // The text the turn before packed: each turn is packed against it.
    let mut previous_text = String::new();
    let mut block_start: Option<usize> = None;
    let lines: Vec<&[u8]> = bytes.split_inclusive(|&b| b == b'\n').collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if chained && line.starts_with(b"--- end header fnv1a ") {
            // The header's checksum leaves out a byte-order mark an editor put in front.
            let bom = if out.starts_with("\u{feff}".as_bytes()) { "\u{feff}".len() } else { 0 };
            chain = fnv1a(&out[bom..]);
            push_sum(&mut out, line, chain);
        } else if chained && line.starts_with(b"--- scenario ") {
            // The scenario runs to the next `--- end scenario` line; its stated length is made true.
            let end = (i..lines.len()).find(|&j| lines[j].starts_with(b"--- end scenario fnv1a "));
            let Some(end) = end else {
                out.extend_from_slice(line);
                continue;
            };
            let mut text: Vec<u8> = lines[i..end].concat();
            if text.last() == Some(&b'\n') {
                text.pop();
            }
            let start = out.len();
            out.extend_from_slice(format!("--- scenario {} bytes\n", text.len()).as_bytes());
            out.extend_from_slice(&text);
            out.push(b'\n');
            chain = fnv1a_more(chain, &out[start..]);
            push_sum(&mut out, lines[end], chain);
            i = end + 1;
        } else if line.starts_with(b"--- turn ") {
            out.extend_from_slice(line);
            block_start = Some(if chained { out.len() - line.len() } else { out.len() });
        } else if let (true, Some(start)) = (line.starts_with(b"--- end turn "), block_start) {
            if chained {
                let opening_len = out[start..].iter().position(|&b| b == b'\n').map_or(0, |p| p + 1);
                let body = out.split_off(start + opening_len);
                match std::str::from_utf8(&body) {
                    Ok(text) => match unpack(text, &previous_text) {
                        Ok(ron) => {
                            out.extend_from_slice(&body);
                            previous_text = ron;
                        }
                        Err(_) => {
                            out.extend_from_slice(pack(text, &previous_text).as_bytes());
                            previous_text = text.to_string();
                        }
                    },
                    Err(_) => out.extend_from_slice(&body),
                }
                chain = fnv1a_more(chain, &out[start..]);
                push_sum(&mut out, line, chain);
            } else {
                let sum = fnv1a(&out[start..]);
                push_sum(&mut out, line, sum);
            }
            block_start = None;
        } else {
            out.extend_from_slice(line);
        }
    }
    out
}

/// `line` with the 16 digits after its last space replaced by `sum`.
fn push_sum(out: &mut Vec<u8>, line: &[u8], sum: u64) {
    let keep = line.iter().rposition(|&b| b == b' ').map_or(line.len(), |i| i + 1);
    out.extend_from_slice(&line[..keep]);
    out.extend_from_slice(format!("{sum:016x}").as_bytes());
    if line.ends_with(b"\n") {
        out.push(b'\n');
    }
}
