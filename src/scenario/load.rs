//! Reading a scenario file: bytes → text → typed scenario → semantic checks, every failure a diagnostic.

use std::path::Path;

use ron::extensions::Extensions;

use super::schema::Scenario;
use super::spans::SpanIndex;
use super::syntax::describe_ron_error;
use super::validate::validate;
use crate::diagnostics::{Diagnostic, Report, SourceFile};
use crate::read_capped::{Capped, read_capped, size_words};

/// Larger files are refused, read no further than this: a real scenario is a few hundred kilobytes at most.
pub const MAX_SCENARIO_BYTES: u64 = 8 * 1024 * 1024;

/// A scenario that passed every check, with the warnings it raised and where its values stand.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub scenario: Scenario,
    /// Holds the source and any warnings (never errors).
    pub report: Report,
    pub spans: SpanIndex,
}

/// Why a scenario could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read at all (missing, a directory, no permission).
    Unreadable { path: String, reason: String },
    /// The file was read but is not a valid scenario: every problem found, located.
    Invalid(Report),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Unreadable { path, reason } => write!(f, "{path}: {reason}"),
            LoadError::Invalid(report) => f.write_str(&crate::diagnostics::render_human(report)),
        }
    }
}

impl std::error::Error for LoadError {}

pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    let name = path.display().to_string();
    let unreadable = |reason: String| LoadError::Unreadable { path: name.clone(), reason };
    let meta = std::fs::metadata(path).map_err(|e| unreadable(io_reason(&e)))?;
    if meta.is_dir() {
        return Err(unreadable("is a directory, not a scenario file; give the path of a .ron file".into()));
    }
    let bytes = match read_capped(path, MAX_SCENARIO_BYTES).map_err(|e| unreadable(io_reason(&e)))? {
        Capped::Read(bytes) => bytes,
        Capped::TooLarge { len } => return Err(LoadError::Invalid(too_large(&name, len))),
    };
    load_bytes(&name, &bytes).map_err(LoadError::Invalid)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => {
            "no such file; check the path, or run `good-offices list` for built-in ids".into()
        }
        std::io::ErrorKind::PermissionDenied => "permission denied; check the file's permissions".into(),
        _ => format!("cannot be read: {e}"),
    }
}

fn too_large(name: &str, len: Option<u64>) -> Report {
    let source = SourceFile::new(name, "");
    let d = Diagnostic::error(
        "file-too-large",
        format!("the file {}; scenario files are limited to 8 MiB", size_words(len, MAX_SCENARIO_BYTES)),
        (0, 0),
    )
    .help("a scenario is text of a few hundred kilobytes at most: check that this is the file you meant");
    Report { source, diagnostics: vec![d] }
}

/// Loads a scenario from raw bytes, as read from a file named `name`.
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<Loaded, Report> {
    if bytes.len() as u64 > MAX_SCENARIO_BYTES {
        return Err(too_large(name, Some(bytes.len() as u64)));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            // Show the valid part, so the position can be computed and the line displayed.
            let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
            let at = valid.len();
            let source = SourceFile::new(name, valid);
            let d = Diagnostic::error("not-utf8", "the file is not UTF-8 text", (at, at))
                .label("invalid byte here")
                .help("save the file as UTF-8 (most editors: File → Save with encoding → UTF-8)");
            return Err(Report { source, diagnostics: vec![d] });
        }
    };
    load_str(name, text)
}

/// Loads a scenario from text. A leading byte-order mark is dropped and Windows line endings are
/// read as plain ones (lines and columns stay the same).
pub fn load_str(name: &str, text: &str) -> Result<Loaded, Report> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = if text.contains('\r') { text.replace("\r\n", "\n") } else { text.to_string() };
    let source = SourceFile::new(name, text);
    if source.text.trim().is_empty() {
        let d = Diagnostic::error("empty-file", "the file is empty", (0, 0))
            .help("start from a template: `good-offices new my-scenario --out my-scenario.ron`");
        return Err(Report { source, diagnostics: vec![d] });
    }
    let scenario = match parse(&source.text) {
        Ok(s) => s,
        Err(e) => {
            let d = describe_ron_error(&source, &e);
            return Err(Report { source, diagnostics: vec![d] });
        }
    };
    let spans = SpanIndex::parse(&source.text);
    let diagnostics = validate(&scenario, &spans, &source.text);
    let report = Report { source, diagnostics };
    if report.has_errors() { Err(report) } else { Ok(Loaded { scenario, report, spans }) }
}

/// The RON options every scenario and orders file is read with: `Some(..)` may be left out.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

fn parse(text: &str) -> Result<Scenario, ron::error::SpannedError> {
    ron_options().from_str(text)
}
