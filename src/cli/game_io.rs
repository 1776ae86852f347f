//! What `run`, `resume`, `replay` and `branch` share: the order source, opening a log's scenario,
//! playing turns with each one saved the moment it is complete, and the one-line turn summaries.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::resolve::load as load_scenario;
use crate::diagnostics::{Report, eprint_human};
use crate::engine::record::TurnRecord;
use crate::engine::state_check::check_state;
use crate::engine::{Game, OrderSource};
use crate::log::{self, LoadedLog, LogHeader, LogLock};
use crate::names::count;
use crate::orders::load_orders_for;
use crate::scenario::{Loaded, Scenario};

/// How a command failed: the exit code and what was already printed.
pub struct Failed(pub u8);

pub type CmdResult = Result<(), Failed>;

/// `--orders FILE | --course historical` (neither: everyone holds).
#[derive(Debug, Clone, clap::Args)]
pub struct SourceArgs {
    /// An orders file (see docs/orders.md).
    #[arg(long, value_name = "FILE", conflicts_with = "course")]
    pub orders: Option<PathBuf>,
    /// Follow the scenario's historical course: the real actors' orders, turn by turn.
    #[arg(long, value_enum)]
    pub course: Option<Course>,
    /// Seats with no orders from the file or the course are played by their bot policies (docs/bots.md).
    #[arg(long)]
    pub bots: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Course {
    Historical,
}

impl SourceArgs {
    pub fn given(&self) -> bool {
        self.orders.is_some() || self.course.is_some() || self.bots
    }

    /// The order source and how the log names it.
    pub fn source(&self, scenario: &Scenario) -> Result<(OrderSource, String), Failed> {
        let path = self.orders.as_ref().map(|p| p.display().to_string());
        let mut source = match &self.orders {
            Some(p) => OrderSource::File(orders_for(p, scenario)?),
            None if self.course.is_some() => OrderSource::Historical,
            None => OrderSource::Hold,
        };
        if self.bots {
            source = OrderSource::with_scenario_bots(source, scenario);
        }
        let name = source.describe(path.as_deref());
        Ok((source, name))
    }
}

/// The order source a log was started with (`resume` without `--orders`/`--course`/`--bots`). A
/// relative orders path is looked up from the current folder, then from the log's folder.
pub fn source_from_header(header: &LogHeader, scenario: &Scenario, log_path: &Path) -> Result<OrderSource, Failed> {
    if header.source.starts_with("branch of ") {
        eprintln!(
            "error: {} is a what-if branch ({}); say how to go on with --orders FILE, --course historical or --bots",
            log_path.display(),
            header.source
        );
        return Err(Failed(super::EXIT_INVALID));
    }
    let (base, bots) = match header.source.strip_suffix(" + bots") {
        Some(base) => (base, true),
        None => (header.source.as_str(), false),
    };
    let source = if base == "course: historical" {
        OrderSource::Historical
    } else if let Some(path) = base.strip_prefix("orders: ") {
        let mut path = PathBuf::from(path);
        if !path.exists()
            && let Some(beside) = log_path.parent().map(|dir| dir.join(&path))
            && beside.exists()
        {
            path = beside;
        }
        OrderSource::File(orders_for(&path, scenario)?)
    } else {
        OrderSource::Hold
    };
    Ok(if bots { OrderSource::with_scenario_bots(source, scenario) } else { source })
}

/// Loads an orders file for `scenario`: its errors stop the command (exit 2), its warnings (orders
/// naming ids the scenario does not have) are printed and the game goes on.
pub fn orders_for(path: &Path, scenario: &Scenario) -> Result<crate::orders::OrdersFile, Failed> {
    let checked = load_orders_for(path, scenario).map_err(|r| report(&r))?;
    if let Some(w) = &checked.warnings {
        eprint_human(w);
    }
    Ok(checked.file)
}

/// Prints a report to stderr and gives exit code 2.
pub fn report(r: &Report) -> Failed {
    eprint_human(r);
    Failed(super::EXIT_INVALID)
}

pub fn load_scenario_arg(arg: &str) -> Result<Loaded, Failed> {
    match load_scenario(arg) {
        Ok(l) => {
            eprint_human(&l.report);
            Ok(l)
        }
        Err(r) => Err(report(&r)),
    }
}

pub fn load_log(path: &Path) -> Result<LoadedLog, Failed> {
    match log::load(path) {
        Ok(l) => {
            for w in &l.warnings {
                eprintln!("warning: {w}");
            }
            Ok(l)
        }
        Err(e) => {
            let code = e.exit_code();
            eprint_human(&e.into_report());
            Err(Failed(code))
        }
    }
}

/// The scenario a log was played with. See [`scenario_and_text_of`].
pub fn scenario_of(header: &LogHeader, log_path: &Path, explicit: Option<&str>) -> Result<Arc<Scenario>, Failed> {
    scenario_and_text_of(header, log_path, explicit).map(|(scenario, _)| scenario)
}

/// The scenario a log was played with, and its text: the one the log carries (format 2 on), or for an
/// older log `--scenario PATH` or the built-in of the header's id. A scenario given with `--scenario`
/// must hash as the header says, or the log would replay a different game.
pub fn scenario_and_text_of(
    header: &LogHeader,
    log_path: &Path,
    explicit: Option<&str>,
) -> Result<(Arc<Scenario>, String), Failed> {
    if header.carries_scenario() && explicit.is_none() {
        let name = format!("{} (the scenario it carries)", log_path.display());
        return match crate::scenario::load_str(&name, &header.scenario_text) {
            Ok(loaded) => Ok((Arc::new(loaded.scenario), header.scenario_text.clone())),
            Err(r) => {
                eprint_human(&r);
                eprintln!(
                    "error: {}: this version of good-offices cannot read the scenario the log carries (written by \
                     good-offices {}); open the log with that version",
                    log_path.display(),
                    header.engine
                );
                Err(Failed(super::EXIT_INVALID))
            }
        };
    }
    if explicit.is_none() && crate::scenario::builtin::find(&header.scenario).is_none() {
        eprintln!(
            "error: {} was played with the scenario `{}`, which is not built in; give its file with --scenario PATH",
            log_path.display(),
            header.scenario
        );
        return Err(Failed(super::EXIT_INVALID));
    }
    let loaded = load_scenario_arg(explicit.unwrap_or(&header.scenario))?;
    if loaded.scenario.meta.id != header.scenario {
        eprintln!(
            "error: {} is a log of scenario `{}`, not `{}`; give the right one with --scenario PATH",
            log_path.display(),
            header.scenario,
            loaded.scenario.meta.id
        );
        return Err(Failed(super::EXIT_INVALID));
    }
    let hash = log::scenario_hash(&loaded.report.source.text);
    if hash != header.scenario_hash {
        let fix = if header.carries_scenario() {
            "leave out --scenario: the log carries the scenario it was played with"
        } else {
            "use the scenario file the game was played with (--scenario PATH)"
        };
        eprintln!(
            "error: {}: the scenario `{}` has changed since this log was written (content hash {} in the log, {} now); \
             {fix}",
            log_path.display(),
            header.scenario,
            header.scenario_hash,
            hash
        );
        return Err(Failed(super::EXIT_INVALID));
    }
    Ok((Arc::new(loaded.scenario), loaded.report.source.text))
}

/// A game saved in an older log format goes on in the current one: the log is rewritten in one step
/// (carrying its scenario from now on, `scenario_text`) before a turn is added, and `lock` becomes the
/// lock on the new file. Nothing happens to a log of the current format.
pub fn upgrade_if_older(
    path: &Path,
    loaded: &mut LoadedLog,
    scenario_text: &str,
    lock: &mut LogLock,
) -> Result<(), Failed> {
    if loaded.header.format >= log::LOG_FORMAT {
        return Ok(());
    }
    match log::upgrade(path, loaded, scenario_text) {
        Ok(new_lock) => *lock = new_lock,
        Err(e) => {
            eprintln!("error: cannot rewrite {} in the current log format: {e}", path.display());
            return Err(Failed(super::EXIT_FAILURE));
        }
    }
    let carries = if loaded.header.carries_scenario() { "" } else { " and carries its scenario" };
    eprintln!(
        "note: {} was saved in log format {}; it is now rewritten in format {}{carries}",
        path.display(),
        loaded.header.format,
        log::LOG_FORMAT
    );
    loaded.header.format = log::LOG_FORMAT;
    loaded.tail = log::tail_of(&loaded.records);
    loaded.header.scenario_text = log::carried_text(scenario_text);
    Ok(())
}

/// Checks every saved state (`states_fit`), then completes the turns saved before the engine kept
/// each dispute's toll (`engine::older_records`), so an old game is replayed, debriefed and resumed
/// as one saved today.
pub fn fit_and_complete(
    log: &mut LoadedLog,
    scenario: &std::sync::Arc<Scenario>,
    log_path: &Path,
) -> Result<(), Failed> {
    states_fit(log, scenario, log_path)?;
    crate::engine::older_records::complete(scenario, log.header.seed, &mut log.records);
    Ok(())
}

/// Every saved state must be a state of this scenario: the same dyads and actors, every number within
/// its range, every id the scenario's (`engine::state_check`). A log can be edited and its checksums
/// recomputed; the engine must refuse it rather than play on from it.
pub fn states_fit(log: &LoadedLog, scenario: &Scenario, log_path: &Path) -> Result<(), Failed> {
    for r in &log.records {
        if !crate::engine::state_check::rows_fit(&r.state, scenario) {
            eprintln!(
                "error: {}: the state saved after turn {} does not belong to scenario `{}` (its disputes or actors differ); \
                 the log was changed or belongs to another version of the scenario",
                log_path.display(),
                r.turn,
                scenario.meta.id
            );
            return Err(Failed(super::EXIT_INVALID));
        }
        if let Err(p) = check_state(&r.state, scenario, r.turn) {
            eprintln!(
                "error: {}: the state saved after turn {} has {} = {}, but it must be {}; the log was changed and its \
                 checksums recomputed: restore it from a copy, or `branch` from an earlier copy",
                log_path.display(),
                r.turn,
                p.field,
                p.found,
                p.expected
            );
            return Err(Failed(super::EXIT_INVALID));
        }
    }
    Ok(())
}

pub fn header_for(loaded: &Loaded, seed: u64, source: String) -> LogHeader {
    LogHeader {
        format: log::LOG_FORMAT,
        engine: env!("CARGO_PKG_VERSION").to_string(),
        scenario: loaded.scenario.meta.id.clone(),
        scenario_hash: log::scenario_hash(&loaded.report.source.text),
        seed,
        seats: Vec::new(),
        source,
        scenario_text: loaded.report.source.text.clone(),
    }
}

fn io_failure(path: &Path, e: &std::io::Error) -> Failed {
    if e.kind() == std::io::ErrorKind::WouldBlock {
        // The message names the file and says what to do.
        eprintln!("error: {e}");
        return Failed(super::EXIT_FAILURE);
    }
    eprintln!("error: cannot write {}: {e}", path.display());
    Failed(super::EXIT_FAILURE)
}

/// Creates a new game's log and returns the lock on it: hold it while the game is written. An existing
/// log is invalid input (exit 2: resume it instead); a log another process is writing is a runtime
/// failure (exit 1: nothing is wrong with what the user typed, the file is busy).
pub fn create_log(path: &Path, header: &LogHeader) -> Result<LogLock, Failed> {
    match log::create(path, header) {
        Ok(lock) => Ok(lock),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "error: {} already exists; continue that game with `good-offices resume {}`, or choose a new file",
                path.display(),
                path.display()
            );
            Err(Failed(super::EXIT_INVALID))
        }
        Err(e) => Err(io_failure(path, &e)),
    }
}

/// Locks an existing log before it is read to be written (`resume`), so a second writer is refused
/// before it reads a state the first one is about to move on from. A path that cannot be opened is
/// reported as loading it would report it (no such file, a directory: exit 2).
pub fn lock_log(path: &Path) -> Result<LogLock, Failed> {
    match log::lock_existing(path) {
        Ok(lock) => Ok(lock),
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
            eprintln!("error: {e}");
            Err(Failed(super::EXIT_FAILURE))
        }
        Err(e) => {
            load_log(path)?;
            Err(io_failure(path, &e))
        }
    }
}

/// Plays until the game ends or `max_turns` more turns are played, saving each turn as it completes
/// (`last` is the log's last turn, which the next one is stored against, and `tail` what the next is
/// compressed against).
pub fn play_and_save(
    game: &mut Game,
    source: &OrderSource,
    max_turns: Option<u32>,
    log_path: &Path,
    last: Option<&TurnRecord>,
    tail: &log::Tail,
) -> CmdResult {
    let scenario = game.scenario().clone();
    let mut played = 0;
    let mut previous: Option<TurnRecord> = last.cloned();
    let mut tail = tail.clone();
    while !game.is_over() && max_turns.is_none_or(|m| played < m) {
        let orders = source.orders(&scenario, game.state(), game.next_turn());
        let record = game.play_turn(&orders);
        tail = log::append(log_path, previous.as_ref(), &tail, &record).map_err(|e| io_failure(log_path, &e))?;
        print_turn(&scenario, &record);
        previous = Some(record);
        played += 1;
    }
    if game.is_over() {
        super::output::println_out!("The game is over. The log is {}.", log_path.display());
    } else {
        super::output::println_out!(
            "Stopped after turn {}. Continue with: good-offices resume {}",
            game.next_turn() - 1,
            log_path.display()
        );
    }
    Ok(())
}

/// One paragraph a facilitator can read aloud.
pub fn print_turn(scenario: &Scenario, r: &TurnRecord) {
    let mut lines = vec![format!("Turn {} ({}):", r.turn, r.dates)];
    for d in &r.state.dyads {
        let name = scenario.dyad(d.id).map_or(d.id.as_str(), |s| s.name.as_str());
        lines.push(format!(
            "  {name}: stage {} ({}), way out {:.0}",
            d.stage,
            crate::model::glasl::stage_name(d.stage),
            d.way_out
        ));
    }
    let g = &r.state.globals;
    lines.push(format!("  toll: {} dead, {} displaced", count(g.deaths), count(g.displaced)));
    for v in &r.votes {
        lines.push(format!(
            "  vote: {} — {} ({})",
            v.subject,
            if v.adopted { "adopted" } else { "not adopted" },
            v.tally
        ));
    }
    for o in r.outcomes.iter().filter(|o| o.probability.is_some() || o.result != "done") {
        lines.push(format!("  {}", o.explanation));
    }
    for i in &r.injects {
        lines.push(format!("  news: {}", i.title));
    }
    // A refused order is news for the group that gave it: each is shown with its reason.
    for x in &r.rejected {
        lines.push(format!("  rejected: {} — {:?}: {}", x.order.actor, x.order.tool, x.reason));
    }
    if let Some(end) = &r.end {
        lines.push(format!("  The game ends: {}. Outcome: {}.", end.reason.trim_end_matches('.'), end.outcome_title));
    }
    super::output::println_out!("{}", lines.join("\n"));
}
