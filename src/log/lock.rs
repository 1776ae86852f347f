//! The one-writer rule: a process that writes a turn log holds an exclusive advisory lock on it for as
//! long as it writes (`run`, `resume`, `play`, `branch`'s new log). Two `resume`s of one log would
//! otherwise both append the same turns and leave a log that no command can read.
//!
//! The lock is taken on the open file (with `fs4`: `flock` on Unix, `LockFileEx` on Windows), so it is
//! released when the process ends, however it ends: a killed game never leaves a stale lock behind.
//! A log that is replaced by a rename (created, or rewritten by `play`'s undo) is locked before the
//! rename, so no other process can take the new file in between.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

/// Proof that this process is the only writer of a log: the lock lasts as long as this value.
#[derive(Debug)]
pub struct LogLock {
    // Dropping the file closes it, and closing it releases the lock.
    _file: File,
    path: PathBuf,
}

impl LogLock {
    /// The log this lock guards.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Locks an existing log before reading it to write (`resume`). Fails with [`io::ErrorKind::WouldBlock`]
/// and a message naming the file when another process holds the lock, and with the system's error
/// (no such file, a directory, …) when the file cannot be opened.
pub fn lock_existing(path: &Path) -> io::Result<LogLock> {
    let file = File::open(path)?;
    lock_file(file, path)
}

/// Takes the exclusive lock on an open file, refusing at once (no waiting) if another process holds it.
/// `path` is the log the lock guards, for messages.
pub(super) fn lock_file(file: File, path: &Path) -> io::Result<LogLock> {
    match fs4::FileExt::try_lock(&file) {
        Ok(()) => Ok(LogLock { _file: file, path: path.to_path_buf() }),
        Err(fs4::TryLockError::WouldBlock) => Err(in_use(path)),
        Err(fs4::TryLockError::Error(e)) => Err(e),
    }
}

/// The error for a log another process is writing.
pub(super) fn in_use(path: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::WouldBlock,
        format!(
            "{} is being written by another good-offices process (a `run`, `resume`, `play` or `branch` of this \
             game); wait for it to finish or stop it, then try again",
            path.display()
        ),
    )
}
