//! Where a scenario named by id is looked for: `ID.ron` in the current folder, in each `--scenarios
//! DIR`, in each folder of `GOOD_OFFICES_SCENARIOS`, then among the built-ins — the first found wins.
//! A facilitator keeps a folder of scenarios and names them as the built-ins are named.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::diagnostics::edit_distance;
use crate::scenario::builtin::BUILT_INS;

/// The environment variable that lists folders of scenarios, separated as `PATH` is (`:` on Unix,
/// `;` on Windows).
pub const ENV_VAR: &str = "GOOD_OFFICES_SCENARIOS";

/// How many near names a miss suggests: enough for the typo meant, few enough to read.
const MAX_SUGGESTIONS: usize = 3;

/// The `--scenarios DIR` folders of this command line. Every command resolves its SCENARIO argument
/// deep in code shared with others (a log's scenario too), so the folders are set once, when the
/// command line is parsed, rather than passed down through every command.
static OPTION_DIRS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Sets the `--scenarios` folders (called by `cli::run`).
pub fn set_option_dirs(dirs: Vec<PathBuf>) {
    *OPTION_DIRS.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = dirs;
}

/// A folder searched, and why it is searched: how a message names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub dir: PathBuf,
    pub from: From,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum From {
    CurrentFolder,
    Option,
    Environment,
}

impl Place {
    /// Where the file of `id` would be in this folder: `ID.ron` (plain, in the current folder).
    pub fn file(&self, id: &str) -> PathBuf {
        match self.from {
            From::CurrentFolder => PathBuf::from(format!("{id}.ron")),
            _ => self.dir.join(format!("{id}.ron")),
        }
    }

    /// The folder in a message: "the current folder", "DIR (--scenarios)", "DIR (GOOD_OFFICES_SCENARIOS)".
    pub fn describe(&self) -> String {
        match self.from {
            From::CurrentFolder => "the current folder".into(),
            From::Option => format!("{} (--scenarios)", self.dir.display()),
            From::Environment => format!("{} ({ENV_VAR})", self.dir.display()),
        }
    }
}

/// The folders searched, in order: the current folder, the `--scenarios` folders, the environment's.
pub fn places() -> Vec<Place> {
    let mut out = vec![Place { dir: PathBuf::from("."), from: From::CurrentFolder }];
    let option = OPTION_DIRS.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clone();
    out.extend(option.into_iter().map(|dir| Place { dir, from: From::Option }));
    if let Some(list) = std::env::var_os(ENV_VAR) {
        // An empty entry (`a::b`, a trailing `:`) names no folder; it is not the current one.
        let dirs = std::env::split_paths(&list).filter(|d| !d.as_os_str().is_empty());
        out.extend(dirs.map(|dir| Place { dir, from: From::Environment }));
    }
    out
}

/// Where `id` is found: the first folder that has `ID.ron`, or `None` (then the built-ins).
pub fn find_file(id: &str, places: &[Place]) -> Option<PathBuf> {
    places.iter().map(|p| p.file(id)).find(|f| f.is_file())
}

/// A name that could have been meant, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Near {
    pub id: String,
    /// The file, or `None` for a built-in.
    pub file: Option<PathBuf>,
}

/// The ids near `typed` (edit distance at most a third of the longer name, at least 1, as
/// `did_you_mean` allows) among the built-ins and the `.ron` files of `places`, nearest first; of a
/// name found in several places, the one that would be found first.
pub fn near_names(typed: &str, places: &[Place]) -> Vec<Near> {
    let mut found: Vec<(usize, usize, Near)> = Vec::new();
    let mut consider = |id: String, file: Option<PathBuf>, order: usize| {
        let limit = (id.chars().count().max(typed.chars().count()) / 3).max(1);
        let d = edit_distance(&typed.to_lowercase(), &id.to_lowercase());
        if d <= limit && !found.iter().any(|(_, _, n)| n.id == id) {
            found.push((d, order, Near { id, file }));
        }
    };
    for (order, place) in places.iter().enumerate() {
        for id in ron_stems(&place.dir) {
            let file = place.file(&id);
            consider(id, Some(file), order);
        }
    }
    for b in BUILT_INS {
        consider(b.id.to_string(), None, places.len());
    }
    found.sort_by(|a, b| (a.0, a.1, &a.2.id).cmp(&(b.0, b.1, &b.2.id)));
    found.into_iter().take(MAX_SUGGESTIONS).map(|(_, _, n)| n).collect()
}

/// The names, without `.ron`, of the `.ron` files in `dir`, in name order (none if it cannot be read).
fn ron_stems(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut stems: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron") && p.is_file())
        .filter_map(|p| p.file_stem().and_then(|s| s.to_str()).map(str::to_string))
        .collect();
    stems.sort();
    stems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_found_in_the_first_folder_that_has_it() {
        let root = std::env::temp_dir().join(format!("good-offices-lookup-{}", std::process::id()));
        let (a, b) = (root.join("a"), root.join("b"));
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        std::fs::write(a.join("only-a.ron"), "").unwrap();
        std::fs::write(b.join("only-a.ron"), "").unwrap();
        std::fs::write(b.join("kenya-2009.ron"), "").unwrap();
        let places = [Place { dir: a.clone(), from: From::Option }, Place { dir: b.clone(), from: From::Environment }];
        assert_eq!(find_file("only-a", &places), Some(a.join("only-a.ron")));
        assert_eq!(find_file("kenya-2009", &places), Some(b.join("kenya-2009.ron")));
        assert_eq!(find_file("nowhere", &places), None);
        assert_eq!(
            near_names("kenya-2007", &places),
            [
                Near { id: "kenya-2009".into(), file: Some(b.join("kenya-2009.ron")) },
                Near { id: "kenya-2008".into(), file: None },
            ]
        );
        assert_eq!(places[1].describe(), format!("{} (GOOD_OFFICES_SCENARIOS)", b.display()));
        std::fs::remove_dir_all(&root).unwrap();
    }
}
