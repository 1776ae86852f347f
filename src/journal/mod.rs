//! The journal of the turn in progress, `LOG.journal`, shared by both rooms: every order,
//! withdrawal, lock, ballot, inject and message a room accepts is appended as one line and synced
//! before the group is told it is done, so a room stopped or killed mid-turn and carried on (`serve
//! --resume LOG` on phones, `resume LOG` at the terminal) loses nothing a group entered, locked or
//! sent. In `serve` the line is written while the room is held and synced after it is let go
//! ([`Syncer`]) by the journal's own sync thread, one sync at a time for every line written so far:
//! changes from many groups at once share a sync instead of queueing behind each other's (group
//! commit, `sync.rs`); `play`, one keyboard, syncs each line as it is written ([`Journal::append`]).
//! A "lock" is a group's entry finished: locked in on a phone, handed over at the terminal.
//!
//! Each line is `CHECKSUM RON`, the checksum FNV-1a over the RON text in 16 hexadecimal digits. The
//! first line is `Turn(N)`: the turn the events belong to. When the turn is resolved and appended to
//! the log, a fresh journal for the next turn replaces this one; a kill between the two leaves a
//! journal whose turn is already in the log, which is stale and ignored. A last line without its end
//! (a write the kill cut short) is dropped; a line whose checksum fails ends the reading there.

mod sync;

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;

use serde::{Deserialize, Serialize};

use self::sync::{Counts, SyncThread};
use crate::engine::record::Ballot;
use crate::engine::rng::fnv1a;
use crate::orders::Message;
use crate::scenario::OrderSpec;

/// The largest journal read back: a turn of 193 groups writing their longest messages is well below.
const MAX_JOURNAL_BYTES: u64 = 64 * 1024 * 1024;

/// One thing the room accepted during a turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Event {
    /// The first line: the turn the following events belong to.
    Turn(u32),
    /// An order a group gave (it passed `check` when given).
    Order(OrderSpec),
    /// A group took back its order at this place among its orders.
    Withdraw(String, usize),
    /// A group locked its orders in (`serve`), or handed over after entering them (`play`).
    Lock(String),
    /// A group unlocked its orders to change them.
    Unlock(String),
    /// A Council member's ballot on the turn's drafts.
    Ballot(String, Ballot),
    /// A Council member took its ballot back: it votes as its role's position decides (the rules'
    /// vote), as a member that never cast one.
    ClearBallot(String),
    /// The facilitator fired an inject for this turn.
    Inject(String),
    Message(Message),
}

/// What a journal holds for the coming turn, and what was left out of it.
#[derive(Debug, Default)]
pub struct Recovered {
    pub events: Vec<Event>,
    /// Why lines, or the whole journal, were not used: for the facilitator's terminal.
    pub warnings: Vec<String>,
}

/// The open journal of the turn in progress.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: Arc<File>,
    counts: Arc<Counts>,
    syncing: SyncThread,
}

/// Syncs the journal up to a line already written; usable without holding the room.
#[derive(Debug, Clone)]
pub struct Syncer {
    syncing: SyncThread,
    mark: u64,
}

impl Syncer {
    /// Returns once the line (and those before it) is on the disk; the runtime serves meanwhile.
    pub async fn sync(self) -> std::io::Result<()> {
        // Nothing written yet (a fresh journal): nothing to wait for.
        if self.mark == 0 {
            return Ok(());
        }
        self.syncing.sync_through(self.mark).await
    }
}

/// `LOG.journal`, beside the log.
pub fn journal_path(log: &Path) -> PathBuf {
    crate::serve::keys::with_suffix(log, ".journal")
}

/// One event as its line, with the checksum and the line's end.
fn line(event: &Event) -> std::io::Result<String> {
    let body = ron::to_string(event).map_err(std::io::Error::other)?;
    Ok(format!("{:016x} {body}\n", fnv1a(body.as_bytes())))
}

impl Journal {
    /// Starts the journal of `turn` with the events it already holds: written whole to a temporary
    /// file, synced and renamed over the old journal, so there is always one journal, old or new.
    pub fn start(path: &Path, turn: u32, events: &[Event]) -> std::io::Result<Journal> {
        let mut text = line(&Event::Turn(turn))?;
        for event in events {
            text.push_str(&line(event)?);
        }
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
        let mut file = File::create(&tmp)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, path)?;
        sync_folder(path);
        let file = Arc::new(OpenOptions::new().append(true).open(path)?);
        let counts = Arc::new(Counts::default());
        let syncing = SyncThread::start(file.clone(), counts.clone())?;
        Ok(Journal { path: path.to_path_buf(), file, counts, syncing })
    }

    /// Writes one event's line (one `write` on a file opened for appending); it survives a kill of
    /// this process at once, and a power cut once synced ([`Journal::syncer`]).
    pub fn write(&mut self, event: &Event) -> std::io::Result<()> {
        (&*self.file).write_all(line(event)?.as_bytes())?;
        self.counts.written.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }

    /// Appends one event and syncs it, blocking: when this returns, the event survives a power cut.
    /// (Not for the runtime's thread: the room writes, then awaits [`Journal::syncer`].)
    pub fn append(&mut self, event: &Event) -> std::io::Result<()> {
        self.write(event)?;
        self.syncing.sync_through_blocking(self.counts.written.load(Ordering::SeqCst))
    }

    /// What syncs every line written so far (and maybe more).
    pub fn syncer(&self) -> Syncer {
        Syncer { syncing: self.syncing.clone(), mark: self.counts.written.load(Ordering::SeqCst) }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Reads the journal at `path` for the coming turn `turn`. No journal, or a stale one (of another
/// turn), gives no events; a stale one is said in the warnings.
pub fn recover(path: &Path, turn: u32) -> Recovered {
    let mut recovered = Recovered::default();
    let bytes = match crate::read_capped::read_capped(path, MAX_JOURNAL_BYTES) {
        Ok(crate::read_capped::Capped::Read(bytes)) => bytes,
        Ok(crate::read_capped::Capped::TooLarge { .. }) => {
            recovered.warnings.push(format!("{}: too large to be a journal; not used", path.display()));
            return recovered;
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return recovered,
        Err(e) => {
            recovered.warnings.push(format!("{}: cannot be read ({e}); not used", path.display()));
            return recovered;
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    let mut events = Vec::new();
    let mut rest = text.as_ref();
    let mut number = 0;
    while !rest.is_empty() {
        number += 1;
        let Some(end) = rest.find('\n') else {
            recovered.warnings.push(format!(
                "{}: line {number} was cut short by the stop and is dropped (it was not yet confirmed to anyone)",
                path.display()
            ));
            break;
        };
        let (this, next) = rest.split_at(end);
        rest = &next[1..];
        match parse_line(this) {
            Some(event) => events.push(event),
            None => {
                recovered.warnings.push(format!(
                    "{}: line {number} fails its checksum; it and the lines after it are not used",
                    path.display()
                ));
                break;
            }
        }
    }
    match events.first() {
        Some(Event::Turn(t)) if *t == turn => {
            events.remove(0);
            recovered.events = events;
        }
        Some(Event::Turn(t)) => recovered.warnings.push(format!(
            "{}: a journal of turn {t}, but the log's next turn is {turn}; it is stale and not used",
            path.display()
        )),
        _ if events.is_empty() && recovered.warnings.is_empty() => {}
        _ => recovered.warnings.push(format!("{}: does not start with its turn; not used", path.display())),
    }
    recovered
}

fn parse_line(line: &str) -> Option<Event> {
    let (sum, body) = line.split_once(' ')?;
    let sum = u64::from_str_radix(sum, 16).ok()?;
    (sum == fnv1a(body.as_bytes())).then_some(())?;
    ron::from_str(body).ok()
}

/// Syncs the folder holding `path`, so a rename into it survives a power cut; best effort (not every
/// system can open a folder).
pub fn sync_folder(path: &Path) {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && let Ok(dir) = File::open(dir)
    {
        let _ = dir.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("go-journal-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir.join("game.log.journal")
    }

    fn message(text: &str) -> Event {
        Event::Message(Message { from: "a".into(), to: vec!["b".into()], text: text.into() })
    }

    #[test]
    fn events_read_back_in_order_and_a_torn_last_line_is_dropped() {
        let path = scratch("torn");
        let mut journal = Journal::start(&path, 3, &[Event::Lock("a".into())]).unwrap();
        journal.append(&message("line one\nline two, \"quoted\"")).unwrap();
        journal.append(&Event::Unlock("a".into())).unwrap();
        let whole = recover(&path, 3);
        assert_eq!(whole.events.len(), 3);
        assert_eq!(whole.events[1], message("line one\nline two, \"quoted\""));
        assert!(whole.warnings.is_empty());
        // Cut the last line short, as a kill in the middle of a write would.
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, &text[..text.len() - 5]).unwrap();
        let cut = recover(&path, 3);
        assert_eq!(cut.events, whole.events[..2]);
        assert!(cut.warnings[0].contains("line 4 was cut short"), "{:?}", cut.warnings);
    }

    #[test]
    fn a_sync_covers_every_line_written_before_it_started() {
        let path = scratch("group-commit");
        let mut journal = Journal::start(&path, 1, &[]).unwrap();
        journal.write(&Event::Lock("a".into())).unwrap();
        let first = journal.syncer();
        journal.write(&Event::Lock("b".into())).unwrap();
        let second = journal.syncer();
        assert_eq!((first.mark, second.mark), (1, 2));
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        runtime.block_on(second.sync()).unwrap();
        assert_eq!(journal.counts.syncs.load(Ordering::SeqCst), 1);
        // The first change's sync finds its line on the disk already: no second sync.
        runtime.block_on(first.sync()).unwrap();
        assert_eq!(journal.counts.syncs.load(Ordering::SeqCst), 1);
        assert_eq!(recover(&path, 1).events.len(), 2);
    }

    #[test]
    fn a_journal_of_another_turn_is_stale_and_a_changed_line_fails_its_checksum() {
        let path = scratch("stale");
        Journal::start(&path, 2, &[Event::Lock("a".into())]).unwrap();
        let stale = recover(&path, 3);
        assert!(stale.events.is_empty());
        assert!(stale.warnings[0].contains("stale"), "{:?}", stale.warnings);
        let text = std::fs::read_to_string(&path).unwrap().replace("Lock(\"a\")", "Lock(\"b\")");
        std::fs::write(&path, text).unwrap();
        let changed = recover(&path, 2);
        assert!(changed.events.is_empty());
        assert!(changed.warnings[0].contains("line 2 fails its checksum"), "{:?}", changed.warnings);
        assert!(recover(&path.with_file_name("none.journal"), 1).warnings.is_empty());
    }
}
