//! Putting a whole log file in place at once: a new game's log (its header) and `play`'s undo (the log
//! without its last turn). The text is written to a temporary file in the same folder, synced, locked,
//! and only then given the log's name, so the log's name never points at a half-written file: a kill
//! leaves either no log, the complete new one, or (for undo) the complete old one — and at worst a
//! stray `.NAME.PID.tmp` file beside it.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::lock::{LogLock, lock_file};

/// Creates a log holding `text` (its comment and header lines), locked by this process. An existing
/// file is never overwritten (`AlreadyExists`), except an empty one: that is what a game killed
/// before its header was written by an older version leaves, and it holds no game.
pub(super) fn create_new(path: &Path, text: &str) -> io::Result<LogLock> {
    let tmp = temporary_beside(path);
    let lock = write_locked(&tmp, path, text)?;
    let placed = match fs::hard_link(&tmp, path) {
        // A hard link never replaces an existing file: the check and the creation are one step.
        Ok(()) => fs::remove_file(&tmp),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => take_over_if_empty(&tmp, path),
        // A file system without hard links: check, then rename (a race with another `run` is possible).
        Err(_) if path.exists() => take_over_if_empty(&tmp, path),
        Err(_) => fs::rename(&tmp, path),
    };
    if let Err(e) = placed {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    sync_parent(path);
    Ok(lock)
}

/// Replaces a log with `text` in one step, and returns the lock on the new file: the caller must hold
/// the lock on the old one (the rename makes the old lock guard nothing).
pub(super) fn replace(path: &Path, text: &str) -> io::Result<LogLock> {
    let tmp = temporary_beside(path);
    let lock = write_locked(&tmp, path, text)?;
    if let Err(e) = fs::rename(&tmp, path) {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    sync_parent(path);
    Ok(lock)
}

/// `DIR/.NAME.PID.tmp`: in the log's folder, so the rename stays on one file system; named by the
/// process, so two games started at once do not share one.
fn temporary_beside(path: &Path) -> PathBuf {
    let name = path.file_name().map_or_else(|| "log".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

/// Writes `text` to the new file `tmp`, locked for the log `log`, and syncs it to disk.
fn write_locked(tmp: &Path, log: &Path, text: &str) -> io::Result<LogLock> {
    // A leftover from a killed process of the same id is ours to replace.
    let _ = fs::remove_file(tmp);
    let mut file = OpenOptions::new().write(true).create_new(true).open(tmp)?;
    let written = file.write_all(text.as_bytes()).and_then(|()| file.sync_all());
    if let Err(e) = written {
        let _ = fs::remove_file(tmp);
        return Err(e);
    }
    lock_file(file, log).inspect_err(|_| {
        let _ = fs::remove_file(tmp);
    })
}

/// Renames `tmp` over `path` if `path` is an empty file no other process holds; otherwise `path` is a
/// game (`AlreadyExists`) or in use (`WouldBlock`).
fn take_over_if_empty(tmp: &Path, path: &Path) -> io::Result<()> {
    let existing = File::open(path)?;
    let _held = lock_file(existing, path)?;
    if fs::metadata(path)?.len() > 0 {
        return Err(io::Error::new(io::ErrorKind::AlreadyExists, format!("{}: already exists", path.display())));
    }
    fs::rename(tmp, path)
}

/// Makes a new file's directory entry durable too (best effort: not every platform can open a directory).
pub(super) fn sync_parent(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent() {
        let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}
