//! A SCENARIO argument is a path, or an id looked for in the scenario folders and then among the
//! built-ins (`lookup`).

use std::path::Path;

use super::lookup::{self, Near, Place};
use crate::diagnostics::{Diagnostic, Report, SourceFile, did_you_mean, eprint_human};
use crate::scenario::builtin::{BUILT_INS, find};
use crate::scenario::validate::is_id;
use crate::scenario::{LoadError, Loaded, load_path};

/// Loads a scenario named by path or id. A path that exists wins (but not a folder named like the
/// id: `brief ID --out ID/` makes one); then `ID.ron` in the folders `lookup::places` lists, in order;
/// then the built-in of that id.
pub fn load(arg: &str) -> Result<Loaded, Report> {
    let path = Path::new(arg);
    let an_id = is_id(arg);
    if path.exists() && !(an_id && path.is_dir()) {
        return from_file(path);
    }
    if !an_id {
        return Err(no_such_file(arg));
    }
    let places = lookup::places();
    if let Some(file) = lookup::find_file(arg, &places) {
        return from_file(&file);
    }
    match find(arg) {
        Some(builtin) => builtin.load(),
        None => Err(no_such_id(arg, &places)),
    }
}

fn from_file(path: &Path) -> Result<Loaded, Report> {
    load_path(path).map_err(|e| match e {
        LoadError::Invalid(report) => report,
        LoadError::Unreadable { path, reason } => unreadable(&path, reason, None),
    })
}

/// A path (not an id) that names no file.
fn no_such_file(arg: &str) -> Report {
    let reason = match did_you_mean(arg, BUILT_INS.iter().map(|b| b.id)) {
        Some(id) => format!("no such file, and no built-in scenario of that id; did you mean `{id}`?"),
        None => {
            "no such file, and no built-in scenario of that id; run `good-offices list` for the built-in ids".into()
        }
    };
    unreadable(arg, reason, None)
}

/// An id found nowhere: where it was looked for, and the near names that were found.
fn no_such_id(id: &str, places: &[Place]) -> Report {
    let folders: Vec<String> = places
        .iter()
        .map(|p| if p.dir.is_dir() { p.describe() } else { format!("{} (no such folder)", p.describe()) })
        .collect();
    let mut reason = format!("no file {id}.ron in {}, and no built-in scenario of that id", or_list(&folders));
    let near = lookup::near_names(id, places);
    if !near.is_empty() {
        let names: Vec<String> = near.iter().map(near_name).collect();
        reason.push_str(&format!("; did you mean {}?", or_list(&names)));
    }
    let help = format!(
        "give the scenario file's path, or add its folder with `--scenarios DIR` or to {}; \
         `good-offices list` shows the built-in ids",
        lookup::ENV_VAR
    );
    unreadable(id, reason, Some(help))
}

/// `kenya-2008` (built in) or `kenya-2009` (scenarios/kenya-2009.ron).
fn near_name(n: &Near) -> String {
    match &n.file {
        None => format!("`{}` (built in)", n.id),
        Some(file) => format!("`{}` ({})", n.id, file.display()),
    }
}

/// "a", "a or b", "a, b or c".
fn or_list(items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

fn unreadable(path: &str, reason: String, help: Option<String>) -> Report {
    let d = Diagnostic::error("unreadable", format!("cannot read `{path}`: {reason}"), (0, 0)).maybe_help(help);
    Report { source: SourceFile::new(path, ""), diagnostics: vec![d] }
}

/// Loads or prints the diagnostics to stderr; `None` means the caller exits with code 2.
pub fn load_or_report(arg: &str) -> Option<Loaded> {
    match load(arg) {
        Ok(loaded) => {
            eprint_human(&loaded.report);
            Some(loaded)
        }
        Err(report) => {
            eprint_human(&report);
            None
        }
    }
}
