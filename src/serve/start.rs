//! Opening a room: for a new game (fresh links, an empty journal) or for a game that was served
//! before (`serve --resume`: the same links from `LOG.room`, and the turn in progress read back from
//! `LOG.journal`).

use std::path::PathBuf;
use std::sync::Arc;

use super::journal::{journal_path, recover};
use super::keys::{RoomKeys, Settings, room_path};
use super::room::Room;
use crate::engine::record::TurnRecord;
use crate::log::{LogHeader, LogLock, Tail};
use crate::play::{Others, Session};
use crate::scenario::Scenario;

/// How the log names a game played in a room, terminal or served: `resume LOG` carries such a game on
/// at the terminal and `serve --resume LOG` on phones.
pub fn source_name(others: Others) -> String {
    format!("play (others: {})", others.name())
}

/// The `--others` of a game played in a room, from its log's header; `None` for a game not played in
/// a room.
pub fn others_of(header: &LogHeader) -> Option<Others> {
    header.source.strip_prefix("play (others: ")?.strip_suffix(')').and_then(Others::parse)
}

/// A room for a new game whose log was just created (`lock` is this process's lock on it): fresh
/// tokens for every link, saved to `LOG.room`.
pub fn open_new(
    scenario: Arc<Scenario>,
    header: LogHeader,
    log_path: PathBuf,
    lock: LogLock,
    others: Others,
    settings: Settings,
) -> std::io::Result<Room> {
    let keys = RoomKeys::new(&header.seats, settings)?;
    let keys_path = room_path(&log_path);
    keys.save(&keys_path)?;
    let session = Session::new(scenario, header, log_path, others, Vec::new(), Tail::default()).holding(lock);
    Ok(Room::open(session, keys, keys_path, Vec::new())?.0)
}

/// A room for a served game read back from its log (already locked, checked and with any torn tail
/// cut off): the links of `LOG.room`, and the journal's changes to the turn in progress applied again.
/// Returns the room and what the facilitator should know (a stale journal, a torn last line).
pub fn open_resumed(
    scenario: Arc<Scenario>,
    header: LogHeader,
    records: Vec<TurnRecord>,
    tail: Tail,
    log_path: PathBuf,
    lock: LogLock,
) -> Result<(Room, Vec<String>), String> {
    let others = others_of(&header).ok_or_else(|| {
        format!(
            "{}: not a game played in a room (its orders come from `{}`); carry it on with `good-offices resume`",
            log_path.display(),
            header.source
        )
    })?;
    let keys_path = room_path(&log_path);
    let keys = RoomKeys::load(&keys_path)?;
    let session = Session::new(scenario, header, log_path, others, records, tail).holding(lock);
    let recovered = recover(&journal_path(&session.log_path), session.next_turn());
    let mut warnings = recovered.warnings;
    let (mut room, problems) =
        Room::open(session, keys, keys_path, recovered.events).map_err(|e| format!("cannot write the journal: {e}"))?;
    room.hide_join_codes();
    warnings.extend(problems);
    Ok((room, warnings))
}
