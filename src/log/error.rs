//! Why a turn log could not be loaded: every problem names the file, the line and the column, and says
//! how to fix it.

use std::fmt;

use crate::diagnostics::{Diagnostic, Report, SourceFile, render_human};

/// A log that could not be read or is not a usable turn log.
///
/// Every variant but [`LogError::Io`] carries a [`Report`] whose single error diagnostic points into the
/// file's text; [`LogError::into_report`] gives a report for `Io` too (located at the start of the file).
#[derive(Debug, Clone)]
pub enum LogError {
    /// The file could not be read at all: missing, a directory, too large, no permission.
    /// `wrong_path` when the path names no log (missing, a directory, far too large): the user's
    /// mistake, so invalid input; otherwise the system refused (no permission), a runtime failure.
    Io { path: String, reason: String, wrong_path: bool },
    /// An empty file: a game stopped before its log's header was written (by a version of good-offices
    /// that did not yet create logs in one step). It holds no game; `run` may start one in it.
    Empty(Report),
    /// Not a Good Offices turn log: binary, a scenario or orders file given by mistake, or a
    /// header line that cannot be read.
    NotALog(Report),
    /// A turn log of another format version than [`super::LOG_FORMAT`].
    Format { found: u32, report: Report },
    /// The text is not UTF-8 (after a valid header).
    NotUtf8(Report),
    /// A completely written turn whose checksum does not match: it was changed after it was written.
    /// `turn` 0 is the header or the scenario the log carries (their checksums, from format 2 on).
    Tampered { turn: u32, report: Report },
    /// Turns that are not numbered 1, 2, 3, … in order, or a block whose marker lines and record disagree.
    OutOfOrder(Report),
    /// Any other damage: a stray line, a malformed end line, a turn cut short in the middle of the log, a
    /// record that cannot be read.
    Damaged(Report),
}

impl LogError {
    /// The report of a problem inside the file, or `None` for [`LogError::Io`].
    pub fn report(&self) -> Option<&Report> {
        match self {
            LogError::Io { .. } => None,
            LogError::Empty(r)
            | LogError::NotALog(r)
            | LogError::NotUtf8(r)
            | LogError::OutOfOrder(r)
            | LogError::Damaged(r)
            | LogError::Format { report: r, .. }
            | LogError::Tampered { report: r, .. } => Some(r),
        }
    }

    /// A report for every kind of error, so callers print all file problems the same way.
    pub fn into_report(self) -> Report {
        match self {
            LogError::Io { path, reason, .. } => {
                let d = Diagnostic::error("unreadable-log", format!("the turn log cannot be read: {reason}"), (0, 0))
                    .help("check the path: a turn log is the file given to `--log` when the game was played");
                Report { source: SourceFile::new(path, ""), diagnostics: vec![d] }
            }
            LogError::Empty(r)
            | LogError::NotALog(r)
            | LogError::NotUtf8(r)
            | LogError::OutOfOrder(r)
            | LogError::Damaged(r)
            | LogError::Format { report: r, .. }
            | LogError::Tampered { report: r, .. } => r,
        }
    }

    /// The process exit code the design pins: 2 for invalid input (a path that names no log, a file
    /// that is not a usable log), as for a scenario or an orders file; 1 for a file the system will not
    /// let us read (a runtime failure).
    pub fn exit_code(&self) -> u8 {
        match self {
            LogError::Io { wrong_path: false, .. } => 1,
            _ => 2,
        }
    }

    /// `file:line:col` of the problem (`file:1:1` for [`LogError::Io`]).
    pub fn location(&self) -> String {
        match self {
            LogError::Io { path, .. } => format!("{path}:1:1"),
            other => {
                let r = other.report().expect("every non-Io variant has a report");
                r.diagnostics.first().map(|d| r.location(d)).unwrap_or_else(|| format!("{}:1:1", r.source.name))
            }
        }
    }
}

impl fmt::Display for LogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LogError::Io { path, reason, .. } => write!(f, "{path}: {reason}"),
            other => f.write_str(render_human(other.report().expect("every non-Io variant has a report")).trim_end()),
        }
    }
}

impl std::error::Error for LogError {}

impl From<LogError> for Report {
    fn from(e: LogError) -> Report {
        e.into_report()
    }
}

/// Builds a one-diagnostic report over the log's text.
pub(super) fn report(name: &str, text: &str, d: Diagnostic) -> Report {
    Report { source: SourceFile::new(name, text), diagnostics: vec![d] }
}

/// Whether an I/O error means the path names no file (the user's mistake, not the system's).
pub(super) fn is_wrong_path(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::NotFound | std::io::ErrorKind::IsADirectory | std::io::ErrorKind::NotADirectory
    )
}

/// The reason an I/O error gives, in words that say what to do.
pub(super) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        // The report's help says what to check.
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied; check the file's permissions".into(),
        std::io::ErrorKind::IsADirectory => "is a directory, not a turn log; give the path of the log file".into(),
        _ => format!("cannot be read: {e}"),
    }
}
