//! The turn log: the save file of a game.
//!
//! A log is a text file: a comment line, a header line (format version, engine version, scenario id and
//! content hash, seed, seats, where the orders come from) with its checksum line, the scenario the game
//! was played with, then one block per completed turn. Every block's checksum is chained to the one
//! before, so a changed byte anywhere is refused. See `docs/log-format.md` (and `v2.rs`); logs of
//! format 1 (`v1.rs`) are still read.
//!
//! - [`create`] puts a new log with its header in place in one step and returns the [`LogLock`] a
//!   writer holds (one writer at a time); [`append`] adds one turn with a single write in append mode and a
//!   flush to disk, so a crash leaves either the whole turn or a torn tail, never a lost completed turn.
//! - [`load`] / [`parse`] read a log back (at most [`MAX_LOG_BYTES`], whatever the file is). A torn last turn is dropped with a warning; a changed turn, turns
//!   out of order or a file that is not a log are [`LogError`]s located at file, line and column.
//! - [`truncate_to`] cuts a torn tail before a resumed game appends, so the resumed log ends byte for byte
//!   like one that was never interrupted.
//!
//! Rendering is deterministic: [`render_log`] of a header and its records is exactly the file.

mod before_operations;
mod before_regimes;
mod create;
mod error;
mod format;
mod lock;
mod packed;
mod removed_fields;
mod state_rows;
mod tail;
#[cfg(test)]
mod tests_v1;
#[cfg(test)]
mod tests_v2;
mod v1;
mod v2;

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

pub use error::LogError;
pub use format::render_record;
pub use lock::{LogLock, lock_existing};
pub(crate) use packed::{pack, unpack};
pub use state_rows::CHECKPOINT_EVERY;
pub use tail::Tail;
pub use v2::{COMMENT_LINE, carried_text, tail_of};

use crate::engine::record::TurnRecord;
use crate::engine::rng::fnv1a;
use crate::engine::state::Snapshot;

/// The version of the log format this engine writes.
pub const LOG_FORMAT: u32 = 3;

/// The oldest format this engine still reads (a resumed game of it is rewritten in [`LOG_FORMAT`]).
pub const OLDEST_FORMAT: u32 = 1;

/// Larger files are refused, and no more than this (and one byte) is ever read, whatever the file is
/// (`/dev/zero` included): a long built-in game's log is under 100 KB. [`append`] refuses a turn that
/// would make a log larger, so whatever a game writes can be read back.
pub const MAX_LOG_BYTES: u64 = 256 * 1024 * 1024;

/// The first line of a log after its comment: what a game needs to be resumed, replayed or branched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogHeader {
    /// Always [`LOG_FORMAT`] when written by this engine.
    pub format: u32,
    /// The version of good-offices that wrote the log.
    pub engine: String,
    /// The scenario's id.
    pub scenario: String,
    /// [`scenario_hash`] of the scenario's text.
    pub scenario_hash: String,
    pub seed: u64,
    /// The roles played by people (the other actors are bots or follow the course).
    pub seats: Vec<String>,
    /// Where the orders come from, e.g. `course: historical`, `orders: moves.ron`, `play`.
    pub source: String,
    /// The text of the scenario the game was played with: written after the header line in its own
    /// block, not in it (empty for a log of format 1, which does not carry it).
    #[serde(skip)]
    pub scenario_text: String,
}

impl LogHeader {
    /// Whether the log carries its scenario (format 2 on), so no scenario file is needed to open it.
    pub fn carries_scenario(&self) -> bool {
        self.format >= 2
    }
}

/// A log as read back: its header and every intact turn.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedLog {
    pub header: LogHeader,
    /// The completed turns, numbered 1, 2, 3, … in order.
    pub records: Vec<TurnRecord>,
    /// What was ignored (a torn last turn), each naming the file.
    pub warnings: Vec<String>,
    /// Byte length of the intact prefix (the header and the complete turns). Smaller than the file when a
    /// torn tail was dropped: pass it to [`truncate_to`] before appending.
    pub valid_len: usize,
    /// What the next turn appended is compressed against ([`append`]): the texts of the last blocks
    /// (meaningful for a log of the current format).
    pub tail: Tail,
}

impl LoadedLog {
    /// The last completed turn, 0 if none.
    pub fn last_turn(&self) -> u32 {
        self.records.last().map_or(0, |r| r.turn)
    }

    /// The state after the last completed turn, `None` if no turn was completed.
    pub fn last_state(&self) -> Option<&Snapshot> {
        self.records.last().map(|r| &r.state)
    }
}

/// 16 hexadecimal digits of FNV-1a over a scenario's text, with a leading byte-order mark removed and
/// Windows line endings read as plain ones, so the same scenario hashes the same on every machine.
pub fn scenario_hash(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let hash =
        if text.contains("\r\n") { fnv1a(text.replace("\r\n", "\n").as_bytes()) } else { fnv1a(text.as_bytes()) };
    format!("{hash:016x}")
}

/// The head of a log: its comment and header lines, the header's checksum and the scenario it carries.
pub fn render_header(header: &LogHeader) -> String {
    v2::render_head(header).0
}

/// A whole log in the current format: the head, then every record's block. Always the bytes that
/// [`create`] and one [`append`] per record write.
pub fn render_log(header: &LogHeader, records: &[TurnRecord]) -> String {
    v2::render_log(&LogHeader { format: LOG_FORMAT, ..header.clone() }, records)
}

fn with_path(path: &Path, e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

/// Starts a log: writes the comment and header lines to a temporary file, syncs it and gives it the
/// log's name (see `create.rs`), so a kill never leaves a log without its header. Returns the lock this
/// process holds on the new log: keep it for as long as the game is written. Refuses
/// (`AlreadyExists`) if the file exists and is not empty, so a finished game is never overwritten; an
/// empty file holds no game and is taken over. Another process writing the file is `WouldBlock`.
pub fn create(path: &Path, header: &LogHeader) -> io::Result<LogLock> {
    create::create_new(path, &render_header(header)).map_err(|e| match e.kind() {
        io::ErrorKind::AlreadyExists => io::Error::new(
            e.kind(),
            format!("{}: already exists; choose another log file, or `resume` the game it holds", path.display()),
        ),
        io::ErrorKind::WouldBlock => e,
        _ => with_path(path, e),
    })
}

/// Replaces a whole log with `text` in one step (`play`'s undo), returning the lock on the new file.
/// The caller must hold the lock on the log it replaces.
pub fn replace(path: &Path, text: &str) -> io::Result<LogLock> {
    create::replace(path, text).map_err(|e| with_path(path, e))
}

/// Appends one completed turn: a single `write_all` of the whole block on a file opened in append mode,
/// then `sync_data`. `previous` is the record of the turn before (`None` for turn 1): the block stores
/// only the state's rows that changed since, compressed against `tail` (what the last `append`
/// returned, or [`LoadedLog::tail`]); returns the tail with this block. The file must exist in the current format (see [`create`]) and end with a
/// complete block or the head (after a torn tail, call [`truncate_to`] first): its last checksum, which
/// the new block's is chained to, is read from its end. A turn that would make the log larger than
/// [`MAX_LOG_BYTES`] is refused (`FileTooLarge`), so that a log can always be read back.
pub fn append(path: &Path, previous: Option<&TurnRecord>, tail: &Tail, record: &TurnRecord) -> io::Result<Tail> {
    append_within(path, previous, tail, record, MAX_LOG_BYTES)
}

/// [`append`] with the largest size the log may reach.
fn append_within(
    path: &Path,
    previous: Option<&TurnRecord>,
    tail: &Tail,
    record: &TurnRecord,
    cap: u64,
) -> io::Result<Tail> {
    let mut file = OpenOptions::new().read(true).append(true).open(path).map_err(|e| with_path(path, e))?;
    let len = file.metadata().map_err(|e| with_path(path, e))?.len();
    in_current_format(&mut file).map_err(|e| with_path(path, e))?;
    let chain = last_checksum(&mut file, len).map_err(|e| with_path(path, e))?;
    let (block, _, next) = v2::render_block(chain, previous, tail, record);
    if len + block.len() as u64 > cap {
        return Err(io::Error::new(
            io::ErrorKind::FileTooLarge,
            format!(
                "{}: turn {} would make the log larger than {} MiB, the most a log may hold; the game stops here \
                 (score it with `good-offices debrief`)",
                path.display(),
                record.turn,
                cap / (1024 * 1024)
            ),
        ));
    }
    file.write_all(block.as_bytes()).map_err(|e| with_path(path, e))?;
    file.sync_data().map_err(|e| with_path(path, e))?;
    Ok(next)
}

/// A block of the current format must not be added to a log of an older one (whose blocks end alike):
/// the file must begin with the current format's comment line.
fn in_current_format(file: &mut std::fs::File) -> io::Result<()> {
    use std::io::{Read, Seek, SeekFrom};
    let expected = format!("{COMMENT_LINE}\n");
    let mut start = Vec::with_capacity(expected.len());
    file.seek(SeekFrom::Start(0))?;
    file.take(expected.len() as u64).read_to_end(&mut start)?;
    if start != expected.as_bytes() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("the log is not in log format {LOG_FORMAT}; `good-offices resume` rewrites an older one first"),
        ));
    }
    Ok(())
}

/// The checksum on the last line of a log (`... fnv1a XXXXXXXXXXXXXXXX\n`): every block of format 2
/// ends with one.
fn last_checksum(file: &mut std::fs::File, len: u64) -> io::Result<u64> {
    use std::io::{Read, Seek, SeekFrom};
    const TAIL: &[u8] = b"fnv1a ";
    let tail_len = TAIL.len() as u64 + 17;
    let bad = || {
        io::Error::new(
            io::ErrorKind::InvalidData,
            "the log does not end with a complete block of the current format; `resume` it to repair it",
        )
    };
    if len < tail_len {
        return Err(bad());
    }
    let mut tail = vec![0; tail_len as usize];
    file.seek(SeekFrom::Start(len - tail_len))?;
    file.read_exact(&mut tail)?;
    let hex = tail.strip_prefix(TAIL).and_then(|t| t.strip_suffix(b"\n")).ok_or_else(bad)?;
    let hex = std::str::from_utf8(hex).map_err(|_| bad())?;
    u64::from_str_radix(hex, 16).map_err(|_| bad())
}

/// Rewrites a log of an older format in the current one, in one step (see [`replace`]): what a
/// resumed old game does before it appends. `header` must carry the scenario's text.
pub fn upgrade(path: &Path, log: &LoadedLog, scenario_text: &str) -> io::Result<LogLock> {
    let header = LogHeader { format: LOG_FORMAT, scenario_text: carried_text(scenario_text), ..log.header.clone() };
    replace(path, &render_log(&header, &log.records))
}

/// Reads a log file. See [`parse`].
pub fn load(path: &Path) -> Result<LoadedLog, LogError> {
    let name = path.display().to_string();
    let io_err = |e: &io::Error| LogError::Io {
        path: name.clone(),
        reason: error::io_reason(e),
        wrong_path: error::is_wrong_path(e),
    };
    let meta = std::fs::metadata(path).map_err(|e| io_err(&e))?;
    if meta.is_dir() {
        return Err(LogError::Io {
            path: name,
            reason: "is a directory, not a turn log; give the path of the log file".into(),
            wrong_path: true,
        });
    }
    // Capped whatever the file is: a large regular file is refused without being read, and a special
    // file (such as `/dev/zero`), which reports no length, is read no further than the cap.
    let bytes = match crate::read_capped::read_capped(path, MAX_LOG_BYTES).map_err(|e| io_err(&e))? {
        crate::read_capped::Capped::Read(bytes) => bytes,
        crate::read_capped::Capped::TooLarge { .. } => {
            return Err(LogError::Io {
                path: name,
                reason: format!(
                    "is larger than {} MiB, too large for a turn log; check that this is the log file you meant",
                    MAX_LOG_BYTES / (1024 * 1024)
                ),
                wrong_path: true,
            });
        }
    };
    parse_bytes(&name, &bytes)
}

/// Reads a log from raw bytes, as read from a file named `name`.
///
/// A file that ends in the middle of a character was cut short while a turn was written: that turn is
/// torn. Any other byte that is not UTF-8 is an error at its position (or "not a log" if the file does
/// not even start like one).
pub fn parse_bytes(name: &str, bytes: &[u8]) -> Result<LoadedLog, LogError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(name, text),
        Err(e) if e.error_len().is_none() => {
            // Only the cut character is replaced; every byte before it, and so `valid_len`, is unchanged.
            parse(name, &String::from_utf8_lossy(bytes))
        }
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).expect("the prefix is valid UTF-8");
            format::parse_header(name, valid)?;
            let at = valid.len();
            let d = crate::diagnostics::Diagnostic::error("not-utf8", format!("{name} is not UTF-8 text"), (at, at))
                .label("invalid byte here")
                .help(
                    "the engine writes logs as UTF-8: a program or an editor changed this one; restore the log from a \
                     copy",
                );
            Err(LogError::NotUtf8(error::report(name, valid, d)))
        }
    }
}

/// Reads a log's text (`name` is used in messages).
///
/// - A torn last block (the file ends inside it) is dropped with a warning; `valid_len` is then the
///   length of the intact prefix.
/// - A complete block whose checksum does not match is [`LogError::Tampered`], at its end line.
/// - Turns not numbered 1, 2, 3, … in order are [`LogError::OutOfOrder`].
/// - Text that is not a log at all is [`LogError::NotALog`]; a header of another format is
///   [`LogError::Format`].
pub fn parse(name: &str, text: &str) -> Result<LoadedLog, LogError> {
    format::parse_text(name, text)
}

/// Cuts the file to its first `valid_len` bytes (the [`LoadedLog::valid_len`] of the same file), dropping a
/// torn tail before a resumed game appends. Does nothing if the file already has that length; refuses to
/// make a file longer.
pub fn truncate_to(path: &Path, valid_len: usize) -> io::Result<()> {
    let file = OpenOptions::new().write(true).open(path).map_err(|e| with_path(path, e))?;
    let len = file.metadata().map_err(|e| with_path(path, e))?.len();
    let valid = valid_len as u64;
    if valid > len {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{}: cannot cut to {valid} bytes, the file has only {len}", path.display()),
        ));
    }
    if valid < len {
        file.set_len(valid).map_err(|e| with_path(path, e))?;
        file.sync_all().map_err(|e| with_path(path, e))?;
    }
    Ok(())
}
