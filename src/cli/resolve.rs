//! A SCENARIO argument is a path or a built-in id.

use std::path::Path;

use crate::diagnostics::{Diagnostic, Report, SourceFile, did_you_mean, render_human};
use crate::scenario::builtin::{BUILT_INS, find};
use crate::scenario::{LoadError, Loaded, load_path};

/// Loads a scenario named by path or built-in id. A path that exists wins over a built-in id.
pub fn load(arg: &str) -> Result<Loaded, Report> {
    let path = Path::new(arg);
    if path.exists() {
        return load_path(path).map_err(|e| match e {
            LoadError::Invalid(report) => report,
            LoadError::Unreadable { path, reason } => unreadable(&path, reason),
        });
    }
    if let Some(builtin) = find(arg) {
        return builtin.load();
    }
    let reason = match did_you_mean(arg, BUILT_INS.iter().map(|b| b.id)) {
        Some(id) => format!("no such file, and no built-in scenario of that id; did you mean `{id}`?"),
        None => {
            "no such file, and no built-in scenario of that id; run `good-offices list` for the built-in ids".into()
        }
    };
    Err(unreadable(arg, reason))
}

fn unreadable(path: &str, reason: String) -> Report {
    Report {
        source: SourceFile::new(path, ""),
        diagnostics: vec![Diagnostic::error("unreadable", format!("cannot read `{path}`: {reason}"), (0, 0))],
    }
}

/// Loads or prints the diagnostics to stderr; `None` means the caller exits with code 2.
pub fn load_or_report(arg: &str) -> Option<Loaded> {
    match load(arg) {
        Ok(loaded) => {
            eprint!("{}", render_human(&loaded.report));
            Some(loaded)
        }
        Err(report) => {
            eprint!("{}", render_human(&report));
            None
        }
    }
}
