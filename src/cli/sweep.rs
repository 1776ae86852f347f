use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::sync::Arc;

use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressStyle};

use super::game_io::{Failed, load_scenario_arg};
use crate::diagnostics::did_you_mean;
use crate::scenario::BotPolicy;
use crate::sweep::{Policy, policies, render_csv, render_json, render_table, summarise, sweep};

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
    /// How to print the summary: a table to read, or CSV or JSON for a spreadsheet or a script.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
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
    let loaded = load_scenario_arg(&args.scenario)?;
    let scenario = Arc::new(loaded.scenario);
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
    let results = sweep(&scenario, &seats, args.runs, args.seed, usize::from(args.threads), &|n| bar.set_position(n));
    bar.finish_and_clear();
    let results = results.map_err(|e| {
        eprintln!("error: {e}");
        Failed(super::EXIT_FAILURE)
    })?;
    let summary = summarise(&scenario, args.seed, &seats, &results);
    let text = match args.format {
        Format::Table => render_table(&summary),
        Format::Csv => render_csv(&summary),
        Format::Json => render_json(&summary) + "\n",
    };
    super::output::print_out(&text);
    Ok(())
}
