use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressStyle};

use super::game_io::{Failed, load_scenario_arg};
use crate::diagnostics::did_you_mean;
use crate::names::count;
use crate::scenario::{BotPolicy, Scenario};
use crate::sweep::{
    MAX_TRACE_BYTES, Policy, policies, profile, render_csv, render_json, render_profile_csv, render_profile_html,
    render_profile_json, render_profile_table, render_table, summarise, sweep, sweep_traced, trace_bytes,
};

/// More games than this is a typo, not a plan: a million games of a big scenario take hours.
pub const MAX_RUNS: u64 = 1_000_000;

/// More threads than this is a typo too: a sweep is CPU-bound, and thousands of threads only take
/// time to start (a million took 20 s before the first game).
pub const MAX_THREADS: i64 = 256;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A scenario file or a built-in id.
    pub scenario: String,
    /// How many games to play (1 to 1,000,000).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=MAX_RUNS))]
    pub runs: u64,
    /// The first game's seed; game i uses seed + i.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// What every seat does: its own bot policy, the historical course, or hold.
    #[arg(long, value_enum, default_value_t = PolicyArg::Bots)]
    pub policy: PolicyArg,
    /// One role's policy instead: ROLE=POLICY (hold, historical, hawk, dove, cautious-mediator, best-response).
    #[arg(long = "seat-policy", value_name = "ROLE=POLICY")]
    pub seat_policy: Vec<String>,
    /// Instead of the summary, the profile: turn by turn, the spread across games (10/25/50/75/90th
    /// percentiles) of the deaths and of each dispute's stage and way out.
    #[arg(long)]
    pub profile: bool,
    /// How to print it: a table to read, CSV or JSON for a spreadsheet or a script, or (with --profile)
    /// an HTML page of fan charts.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Write the output to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Worker threads, 0 to 256 (0: one per core). The result does not depend on it.
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u16).range(0..=MAX_THREADS))]
    pub threads: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PolicyArg {
    Bots,
    Historical,
    Hold,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
    Html,
}

fn parse_seat(arg: &str, roles: &[&str]) -> Result<(String, BotPolicy), String> {
    let Some((role, policy)) = arg.split_once('=') else {
        return Err(format!("`--seat-policy {arg}`: write ROLE=POLICY, e.g. `--seat-policy thailand=dove`"));
    };
    if !roles.contains(&role) {
        let hint = did_you_mean(role, roles.iter().copied())
            .map_or_else(|| format!("the roles are: {}", roles.join(", ")), |r| format!("did you mean `{r}`?"));
        return Err(format!("`--seat-policy {arg}`: there is no role `{role}`; {hint}"));
    }
    match BotPolicy::ALL.into_iter().find(|p| p.cli_name() == policy) {
        Some(p) => Ok((role.to_string(), p)),
        None => {
            let names: Vec<&str> = BotPolicy::ALL.iter().map(|p| p.cli_name()).collect();
            let hint = did_you_mean(policy, names.iter().copied())
                .map_or_else(|| format!("choose one of: {}", names.join(", ")), |p| format!("did you mean `{p}`?"));
            Err(format!("`--seat-policy {arg}`: there is no policy `{policy}`; {hint}"))
        }
    }
}

pub fn run(args: &Args) -> Result<(), Failed> {
    if args.format == Format::Html && !args.profile {
        eprintln!(
            "error: `--format html` draws the profile's fan charts: add `--profile`, or choose `--format table`, \
             `csv` or `json` for the summary"
        );
        return Err(Failed(super::EXIT_INVALID));
    }
    let loaded = load_scenario_arg(&args.scenario)?;
    let scenario = Arc::new(loaded.scenario);
    if args.profile {
        fits_in_memory(&scenario, args.runs)?;
    }
    let roles: Vec<&str> = scenario.actors.iter().map(|a| a.id.as_str()).collect();
    let mut overrides = BTreeMap::new();
    for arg in &args.seat_policy {
        match parse_seat(arg, &roles) {
            Ok((role, p)) => {
                overrides.insert(crate::scenario::Id::from(role), p);
            }
            Err(message) => {
                eprintln!("error: {message}");
                return Err(Failed(super::EXIT_INVALID));
            }
        }
    }
    let base = match args.policy {
        PolicyArg::Bots => Policy::Bots,
        PolicyArg::Historical => Policy::Historical,
        PolicyArg::Hold => Policy::Hold,
    };
    let bar = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(args.runs);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} games, {eta} left").expect("a valid template"),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let seats = policies(&scenario, base, &overrides);
    let threads = usize::from(args.threads);
    let progress = |n| bar.set_position(n);
    let text = if args.profile {
        let games = sweep_traced(&scenario, &seats, args.runs, args.seed, threads, &progress);
        bar.finish_and_clear();
        let profile = profile(&scenario, args.seed, &seats, &games.map_err(pool_failed)?);
        match args.format {
            Format::Table => render_profile_table(&profile),
            Format::Csv => render_profile_csv(&profile),
            Format::Json => render_profile_json(&profile) + "\n",
            Format::Html => render_profile_html(&profile),
        }
    } else {
        let results = sweep(&scenario, &seats, args.runs, args.seed, threads, &progress);
        bar.finish_and_clear();
        let summary = summarise(&scenario, args.seed, &seats, &results.map_err(pool_failed)?);
        match args.format {
            Format::Table => render_table(&summary),
            Format::Csv => render_csv(&summary),
            // `--format html` without `--profile` was refused above: the summary has no charts.
            Format::Json | Format::Html => render_json(&summary) + "\n",
        }
    };
    match &args.out {
        Some(path) => write(path, &text),
        None => {
            super::output::print_out(&text);
            Ok(())
        }
    }
}

fn pool_failed(e: crate::sweep::PoolError) -> Failed {
    eprintln!("error: {e}");
    Failed(super::EXIT_FAILURE)
}

/// A profile keeps every game's figures turn by turn until the quantiles are taken: refuse, before
/// any game is played, a sweep whose figures would not fit in [`MAX_TRACE_BYTES`].
fn fits_in_memory(scenario: &Scenario, runs: u64) -> Result<(), Failed> {
    if trace_bytes(scenario, runs) <= MAX_TRACE_BYTES {
        return Ok(());
    }
    let per_game = trace_bytes(scenario, 1).max(1);
    eprintln!(
        "error: `--profile` keeps every game's figures turn by turn, and {} games of `{}` ({} turns, {}) \
         would need more than {} MiB; profile at most {} games (the quantiles of that many are as good for a chart)",
        count(runs),
        scenario.meta.id,
        scenario.meta.turns,
        match scenario.conflict.dyads.len() {
            1 => "1 dispute".to_string(),
            n => format!("{n} disputes"),
        },
        MAX_TRACE_BYTES / (1024 * 1024),
        count(MAX_TRACE_BYTES / per_game)
    );
    Err(Failed(super::EXIT_INVALID))
}

/// Writes the output to `path` (`--out`); a file that cannot be written is a runtime failure.
fn write(path: &Path, text: &str) -> Result<(), Failed> {
    std::fs::write(path, text).map_err(|e| {
        eprintln!("error: cannot write {}: {e}; check that its folder exists and can be written to", path.display());
        Failed(super::EXIT_FAILURE)
    })?;
    super::output::println_out!("wrote {}", path.display());
    Ok(())
}
