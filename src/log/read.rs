//! Reading a log's bytes with a bound, whatever the file is: a special file such as `/dev/zero` or a
//! pipe has no length to check first, and reading it to its end would run until memory is exhausted.

use std::io::{self, Read};

/// Reads at most `cap` bytes of `reader`. `Ok(None)` when there is more: the caller refuses the file.
/// Reads `cap + 1` bytes at most, so a file of exactly `cap` bytes is accepted and anything longer is
/// noticed without reading on.
pub fn read_capped(reader: impl Read, cap: u64) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    reader.take(cap.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= cap).then_some(bytes))
}

/// `256 MiB` for a byte count that is a whole number of MiB, else the bytes.
pub(super) fn size_words(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes.is_multiple_of(MIB) { format!("{} MiB", bytes / MIB) } else { format!("{bytes} bytes") }
}
