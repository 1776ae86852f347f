//! A small fluent builder that runs the real `good-offices` executable.

pub mod browser;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub struct Run {
    args: Vec<String>,
    dir: Option<PathBuf>,
    /// `GOOD_OFFICES_SCENARIOS` for the run; never the tester's own (a folder of their scenarios
    /// would change which file an id names).
    scenario_folders: Option<String>,
    stdin: Option<Vec<u8>>,
    /// A file (or a device such as /dev/zero) given as standard input instead.
    stdin_file: Option<PathBuf>,
}

/// Starts a command line: `good_offices(["validate", "x.ron"])`.
pub fn good_offices<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    Run {
        args: args.into_iter().map(|a| a.as_ref().to_string()).collect(),
        dir: None,
        scenario_folders: None,
        stdin: None,
        stdin_file: None,
    }
}

impl Run {
    pub fn in_dir(mut self, dir: &Path) -> Self {
        self.dir = Some(dir.to_path_buf());
        self
    }

    /// Sets `GOOD_OFFICES_SCENARIOS` (otherwise it is unset).
    pub fn scenario_folders(mut self, list: &str) -> Self {
        self.scenario_folders = Some(list.to_string());
        self
    }

    /// Feeds this text to standard input (otherwise it is empty).
    pub fn stdin(self, text: &str) -> Self {
        self.stdin_bytes(text.as_bytes())
    }

    /// Feeds these bytes, UTF-8 or not, to standard input.
    pub fn stdin_bytes(mut self, bytes: &[u8]) -> Self {
        self.stdin = Some(bytes.to_vec());
        self
    }

    /// Gives this file (or device) as standard input.
    pub fn stdin_file(mut self, path: &Path) -> Self {
        self.stdin_file = Some(path.to_path_buf());
        self
    }

    /// Runs and asserts the exit code.
    pub fn expect_code(self, code: i32) -> Finished {
        self.output().expect_code(code)
    }

    pub fn output(self) -> Finished {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_good-offices"));
        let stdin = match (&self.stdin, &self.stdin_file) {
            (Some(_), _) => Stdio::piped(),
            (None, Some(path)) => Stdio::from(std::fs::File::open(path).expect("the stdin file opens")),
            (None, None) => Stdio::null(),
        };
        cmd.args(&self.args).stdin(stdin);
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        if let Some(dir) = &self.dir {
            cmd.current_dir(dir);
        }
        match &self.scenario_folders {
            Some(list) => cmd.env("GOOD_OFFICES_SCENARIOS", list),
            None => cmd.env_remove("GOOD_OFFICES_SCENARIOS"),
        };
        let mut child = cmd.spawn().expect("the good-offices binary runs");
        if let Some(text) = &self.stdin {
            use std::io::Write;
            let mut pipe = child.stdin.take().expect("piped stdin");
            // The program may stop reading early (a game that ends); a closed pipe is fine.
            let _ = pipe.write_all(text);
        }
        let out = child.wait_with_output().expect("the program finishes");
        Finished { args: self.args, out }
    }
}

pub struct Finished {
    args: Vec<String>,
    pub out: Output,
}

impl Finished {
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.out.stdout).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.out.stderr).into_owned()
    }

    pub fn code(&self) -> i32 {
        self.out.status.code().expect("exited normally, not by a signal")
    }

    /// Asserts the exit code, showing both streams when it differs.
    pub fn expect_code(self, code: i32) -> Self {
        assert_eq!(
            self.code(),
            code,
            "`good-offices {}` exited {} (expected {code})\n--- stdout\n{}\n--- stderr\n{}",
            self.args.join(" "),
            self.code(),
            self.stdout(),
            self.stderr()
        );
        self
    }

    pub fn stderr_has(self, needle: &str) -> Self {
        assert!(self.stderr().contains(needle), "stderr lacks {needle:?}:\n{}", self.stderr());
        self
    }

    pub fn stdout_has(self, needle: &str) -> Self {
        assert!(self.stdout().contains(needle), "stdout lacks {needle:?}:\n{}", self.stdout());
        self
    }
}

/// A fresh empty directory under the target dir, unique per test name.
pub fn scratch_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// The valid scenario the malformed corpus mutates.
pub fn base_scenario() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/base-scenario.ron"))
        .expect("tests/data/base-scenario.ron")
}

/// Compares `actual` with the golden file `tests/golden/NAME`, showing the first differing line;
/// `UPDATE_GOLDEN=1` rewrites the file after a deliberate change (review its diff like code).
pub fn assert_golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden");
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} missing: run with UPDATE_GOLDEN=1", path.display()));
    if actual != expected {
        let line = actual.lines().zip(expected.lines()).position(|(a, e)| a != e).unwrap_or(0);
        panic!(
            "{} differs at line {}:\n  golden: {}\n  now:    {}\n(UPDATE_GOLDEN=1 rewrites it after a deliberate change)",
            path.display(),
            line + 1,
            expected.lines().nth(line).unwrap_or(""),
            actual.lines().nth(line).unwrap_or("")
        );
    }
}

/// A built-in scenario, loaded and validated.
pub fn built_in(id: &str) -> std::sync::Arc<good_offices::scenario::Scenario> {
    std::sync::Arc::new(good_offices::scenario::builtin::find(id).expect("built in").load().expect("valid").scenario)
}

/// The mediation tracks among `orders`, as `actor Tool` (`… with partner` for a joint envoy), in the
/// order given: what the tests of the cautious mediators' lead compare.
pub fn mediation_track<'o>(orders: impl IntoIterator<Item = &'o good_offices::scenario::OrderSpec>) -> Vec<String> {
    use good_offices::scenario::ToolKind::*;
    orders
        .into_iter()
        .filter(|o| matches!(o.tool, Mediation | ChairFacilitation | GoodOffices | JointEnvoy))
        .map(|o| {
            format!("{} {:?}{}", o.actor, o.tool, o.with.as_ref().map(|w| format!(" with {w}")).unwrap_or_default())
        })
        .collect()
}

/// A log's text with one character of turn `n`'s packed body changed (`A` ↔ `B`), as a careless edit
/// or a bad copy would: the turn's checksum no longer matches.
pub fn tamper_turn(log: &str, n: u32) -> String {
    let opening = format!("\n--- turn {n}\n");
    let body = log.rfind(&opening).unwrap_or_else(|| panic!("no turn {n} in the log")) + opening.len();
    let at = body + log[body..].find(['A', 'B']).expect("a base64 body holds an A or a B");
    let swapped = if &log[at..=at] == "A" { "B" } else { "A" };
    format!("{}{swapped}{}", &log[..at], &log[at + 1..])
}

/// The header of a room game of built-in `loaded` (seed 3), as `play` and `serve` write it, with the
/// scenario's text carried.
pub fn room_header(loaded: &good_offices::Loaded, seats: &[&str], source: &str) -> good_offices::log::LogHeader {
    good_offices::log::LogHeader {
        format: good_offices::log::LOG_FORMAT,
        engine: env!("CARGO_PKG_VERSION").into(),
        scenario: loaded.scenario.meta.id.clone(),
        scenario_hash: good_offices::log::scenario_hash(&loaded.report.source.text),
        seed: 3,
        seats: seats.iter().map(|s| s.to_string()).collect(),
        source: source.into(),
        scenario_text: loaded.report.source.text.clone(),
    }
}

/// The number a group's menu gives `tool` of `actor` (its tools in order, from 1).
pub fn menu_number(
    scenario: &good_offices::scenario::Scenario,
    actor: &str,
    tool: good_offices::scenario::ToolKind,
) -> usize {
    let tools = &scenario.actor(actor).unwrap_or_else(|| panic!("an actor `{actor}`")).tools;
    1 + tools.iter().position(|t| *t == tool).unwrap_or_else(|| panic!("`{actor}` holds {tool:?}"))
}
