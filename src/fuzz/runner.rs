//! The loop: pick a target in turn, mutate one of its seeds, run it under `catch_unwind`, and file
//! what fails.

use std::cell::{Cell, RefCell};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::corpus::{Corpus, Kind};
use super::mutate::Mutator;
use super::seal::reseal;
use super::targets::Target;
use crate::engine::rng::fnv1a;

pub struct Config {
    /// The mutator's seed: the same seed, targets and corpus give the same inputs.
    pub seed: u64,
    /// Stop after this long …
    pub time_budget: Option<Duration>,
    /// … or after this many executions, whichever comes first.
    pub runs: Option<u64>,
    /// Where findings are saved.
    pub findings_dir: PathBuf,
}

/// What one target did in a run.
#[derive(Debug, Clone, Default)]
pub struct TargetStats {
    pub name: &'static str,
    pub execs: u64,
    pub findings: u64,
    /// The slowest single execution: an input that takes seconds is worth a look even if it passes.
    pub slowest: Duration,
}

#[derive(Debug, Clone)]
pub struct Finding {
    pub target: &'static str,
    /// The panic's message and place, or what the target's check found.
    pub what: String,
    /// Where the input was saved (`None` if it could not be written).
    pub saved: Option<PathBuf>,
}

#[derive(Debug, Default)]
pub struct Summary {
    pub targets: Vec<TargetStats>,
    pub elapsed: Duration,
    pub findings: Vec<Finding>,
}

impl Summary {
    pub fn execs(&self) -> u64 {
        self.targets.iter().map(|t| t.execs).sum()
    }

    pub fn render(&self) -> String {
        let secs = self.elapsed.as_secs_f64();
        let mut s = format!(
            "fuzz: {} executions in {secs:.1} s ({:.0}/s), {} finding(s)\n",
            self.execs(),
            self.execs() as f64 / secs.max(1e-9),
            self.findings.len()
        );
        for t in &self.targets {
            s += &format!(
                "  {:<9} {:>10} executions, {} finding(s), slowest {:.1} ms\n",
                t.name,
                t.execs,
                t.findings,
                t.slowest.as_secs_f64() * 1e3
            );
        }
        s
    }
}

thread_local! {
    /// Set while this thread runs a target: its panics are caught and described, not printed.
    static CATCHING: Cell<bool> = const { Cell::new(false) };
    static LAST_PANIC: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Installs a panic hook that records the message and place of a panic on a thread running a target
/// and leaves every other panic (another test's, the fuzzer's own) to the hook there was before.
fn install_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if CATCHING.with(Cell::get) {
                let place = info.location().map_or(String::new(), |l| format!(" at {}:{}", l.file(), l.line()));
                let message = info
                    .payload()
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| info.payload().downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "a panic without a message".to_string());
                LAST_PANIC.with(|p| *p.borrow_mut() = format!("panic{place}: {message}"));
            } else {
                previous(info);
            }
        }));
    });
}

/// Runs one input: `None` if it passed, else what went wrong.
pub fn check(target: &dyn Target, input: &[u8]) -> Option<String> {
    install_hook();
    CATCHING.with(|c| c.set(true));
    let result = catch_unwind(AssertUnwindSafe(|| target.exec(input)));
    CATCHING.with(|c| c.set(false));
    match result {
        Ok(Ok(())) => None,
        Ok(Err(what)) => Some(what),
        Err(_) => Some(LAST_PANIC.with(|p| std::mem::take(&mut *p.borrow_mut()))),
    }
}

/// The fuzzing loop over `targets`, taken in turn. Prints each new finding as it is found; a finding
/// with the same description as an earlier one (the same panic, the same place) is counted, not saved
/// again.
pub fn run(config: &Config, corpus: &Corpus, targets: &[Box<dyn Target>]) -> Summary {
    let mut mutator = Mutator::new(config.seed);
    let mut summary = Summary {
        targets: targets.iter().map(|t| TargetStats { name: t.name(), ..TargetStats::default() }).collect(),
        ..Summary::default()
    };
    let start = Instant::now();
    let mut i = 0u64;
    while !targets.is_empty()
        && config.runs.is_none_or(|n| i < n)
        && config.time_budget.is_none_or(|b| start.elapsed() < b)
    {
        let t = (i % targets.len() as u64) as usize;
        let target = &*targets[t];
        let input = next_input(&mut mutator, corpus.of(target.kind()), target.kind());
        let began = Instant::now();
        let verdict = check(target, &input);
        let stats = &mut summary.targets[t];
        stats.execs += 1;
        stats.slowest = stats.slowest.max(began.elapsed());
        if let Some(what) = verdict {
            stats.findings += 1;
            if !summary.findings.iter().any(|f| f.target == target.name() && f.what == what) {
                let saved = save(&config.findings_dir, target, &input, &what);
                eprintln!("{}", describe(target.name(), &what, saved.as_deref()));
                summary.findings.push(Finding { target: target.name(), what, saved });
            }
        }
        i += 1;
    }
    summary.elapsed = start.elapsed();
    summary
}

/// A mutated seed of the kind; a log is resealed half the time, so its turns' contents are read.
fn next_input(mutator: &mut Mutator, seeds: &[super::corpus::Seed], kind: Kind) -> Vec<u8> {
    if seeds.is_empty() {
        return Vec::new();
    }
    let seed = &seeds[mutator.below(seeds.len())].bytes;
    let partner = &seeds[mutator.below(seeds.len())].bytes;
    let input = mutator.mutate(seed, partner);
    if kind == Kind::Log && mutator.one_in(2) { reseal(&input) } else { input }
}

fn save(dir: &Path, target: &dyn Target, input: &[u8], what: &str) -> Option<PathBuf> {
    let ext = match target.kind() {
        Kind::Scenario | Kind::Orders => "ron",
        Kind::Log => "log",
        Kind::Play => "txt",
    };
    let path = dir.join(format!("{}-{:016x}.{ext}", target.name(), fnv1a(input)));
    std::fs::create_dir_all(dir).ok()?;
    std::fs::write(&path, input).ok()?;
    // What was found, beside the input, for whoever picks it up later.
    std::fs::write(path.with_extension(format!("{ext}.txt")), format!("{what}\n")).ok()?;
    Some(path)
}

/// How a finding is announced: what, where it was saved, the command that runs it again.
pub fn describe(target: &str, what: &str, saved: Option<&Path>) -> String {
    match saved {
        Some(p) => format!(
            "finding in target `{target}`: {what}\n  saved: {}\n  reproduce: cargo run --example fuzz -- --target {target} --reproduce {}",
            p.display(),
            p.display()
        ),
        None => format!("finding in target `{target}`: {what}\n  (the input could not be saved)"),
    }
}

/// Runs one saved input through a target, without catching a panic (so it prints with its
/// backtrace, under `RUST_BACKTRACE=1`). `Err` is the target's own finding.
pub fn reproduce(target: &dyn Target, input: &[u8]) -> Result<(), String> {
    target.exec(input)
}
