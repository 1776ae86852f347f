//! Resealing a mutated log: every turn block's checksum recomputed over its changed lines, as a person
//! who edits a log by hand and fixes the checksums would. Without it nearly every mutated log stops at
//! the checksum, and the code that reads a turn's contents is never reached.

use crate::engine::rng::fnv1a;

/// The bytes with each `--- end turn N fnv1a XXXX` line's checksum made to match the lines since the
/// `--- turn N` line before it. Works on any bytes; other lines are left as they are.
pub fn reseal(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    // Where the current block's lines start in `out`, after its `--- turn N` line.
    let mut body_start = None;
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        if line.starts_with(b"--- turn ") {
            out.extend_from_slice(line);
            body_start = Some(out.len());
        } else if let (true, Some(start)) = (line.starts_with(b"--- end turn "), body_start) {
            let sum = fnv1a(&out[start..]);
            let keep = line.iter().rposition(|&b| b == b' ').map_or(line.len(), |i| i + 1);
            out.extend_from_slice(&line[..keep]);
            out.extend_from_slice(format!("{sum:016x}").as_bytes());
            if line.ends_with(b"\n") {
                out.push(b'\n');
            }
            body_start = None;
        } else {
            out.extend_from_slice(line);
        }
    }
    out
}
