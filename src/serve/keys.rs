//! The room file, `LOG.room`: the links' tokens and the room's settings, kept beside the log so that
//! `serve --resume LOG` serves the same links. It is written whole to a temporary file, synced and
//! renamed over the old one, and created readable by its owner only (mode 0600 on Unix): whoever
//! reads it can act for every group.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::token::Token;

/// The version of the room file's format.
pub const ROOM_FORMAT: u32 = 1;

/// The largest room file read back: a room of 193 groups takes about 15 KiB.
const MAX_ROOM_FILE_BYTES: u64 = 1024 * 1024;

/// Who a link is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holder {
    /// A seated group, by its role id.
    Group(String),
    Projector,
    Facilitator,
}

/// Every link's token and the room's settings.
#[derive(Debug, Clone)]
pub struct RoomKeys {
    /// Each seated group's role id and token, in seat order.
    pub groups: Vec<(String, Token)>,
    pub projector: Token,
    pub facilitator: Token,
    /// The room's settings as `serve` was started with them, used again by `serve --resume`.
    pub settings: Settings,
}

/// What `serve --resume` starts the room with unless told otherwise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub bind: String,
    pub port: u16,
    /// The length of a turn's timer in minutes; 0 for no timer.
    pub turn_minutes: u32,
}

/// The room file as stored: tokens as text.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    format: u32,
    groups: Vec<(String, String)>,
    projector: String,
    facilitator: String,
    settings: Settings,
}

impl RoomKeys {
    /// Fresh tokens for every link.
    pub fn new(seats: &[String], settings: Settings) -> std::io::Result<RoomKeys> {
        let groups = seats.iter().map(|s| Ok((s.clone(), Token::random()?))).collect::<std::io::Result<_>>()?;
        Ok(RoomKeys { groups, projector: Token::random()?, facilitator: Token::random()?, settings })
    }

    /// Whose link a token is, if anyone's.
    pub fn holder(&self, token: &Token) -> Option<Holder> {
        // Every token is compared, so the time taken does not say which one nearly matched.
        let mut found = None;
        for (role, t) in &self.groups {
            if t.same_as(token) {
                found = Some(Holder::Group(role.clone()));
            }
        }
        if self.projector.same_as(token) {
            found = Some(Holder::Projector);
        }
        if self.facilitator.same_as(token) {
            found = Some(Holder::Facilitator);
        }
        found
    }

    pub fn token_of(&self, role: &str) -> Option<&Token> {
        self.groups.iter().find(|(r, _)| r == role).map(|(_, t)| t)
    }

    /// Gives a group a new token: its old link stops working at once.
    pub fn renew(&mut self, role: &str) -> std::io::Result<bool> {
        let fresh = Token::random()?;
        match self.groups.iter_mut().find(|(r, _)| r == role) {
            Some((_, t)) => {
                *t = fresh;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Writes the room file: a temporary file created with mode 0600, synced, renamed over the old one.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let stored = Stored {
            format: ROOM_FORMAT,
            groups: self.groups.iter().map(|(r, t)| (r.clone(), t.to_string())).collect(),
            projector: self.projector.to_string(),
            facilitator: self.facilitator.to_string(),
            settings: self.settings.clone(),
        };
        let text = ron::to_string(&stored).map_err(std::io::Error::other)? + "\n";
        let tmp = temporary_path(path);
        let mut file = private_file(&tmp)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, path).map_err(|e| with_path(path, e))?;
        super::journal::sync_folder(path);
        Ok(())
    }

    /// Reads a room file; the error names the file and says what is wrong.
    pub fn load(path: &Path) -> Result<RoomKeys, String> {
        let capped = crate::read_capped::read_capped(path, MAX_ROOM_FILE_BYTES).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => format!(
                "{}: no such file; a served game keeps its links there, so this log was not served \
                 (carry it on with `good-offices resume`)",
                path.display()
            ),
            _ => format!("{}: {e}", path.display()),
        })?;
        let bytes = match capped {
            crate::read_capped::Capped::Read(bytes) => bytes,
            crate::read_capped::Capped::TooLarge { .. } => {
                return Err(format!("{}: too large for a room file", path.display()));
            }
        };
        let text = String::from_utf8(bytes).map_err(|_| format!("{}: not UTF-8 text", path.display()))?;
        let stored: Stored = ron::from_str(&text).map_err(|e| format!("{}: not a room file: {e}", path.display()))?;
        if stored.format != ROOM_FORMAT {
            return Err(format!("{}: room file format {} is not {ROOM_FORMAT}", path.display(), stored.format));
        }
        let token = |t: &str| Token::parse(t).ok_or_else(|| format!("{}: `{t}` is not a token", path.display()));
        Ok(RoomKeys {
            groups: stored.groups.iter().map(|(r, t)| Ok((r.clone(), token(t)?))).collect::<Result<_, String>>()?,
            projector: token(&stored.projector)?,
            facilitator: token(&stored.facilitator)?,
            settings: stored.settings,
        })
    }
}

/// `LOG.room`, beside the log.
pub fn room_path(log: &Path) -> PathBuf {
    with_suffix(log, ".room")
}

/// The log's path with `suffix` added to its file name (`game.log` → `game.log.room`).
pub fn with_suffix(log: &Path, suffix: &str) -> PathBuf {
    let mut name = log.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(suffix);
    log.with_file_name(name)
}

fn temporary_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

fn with_path(path: &Path, e: std::io::Error) -> std::io::Error {
    std::io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

/// A new file readable and writable by its owner only (where the system has such modes).
fn private_file(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map_err(|e| with_path(path, e))
}
