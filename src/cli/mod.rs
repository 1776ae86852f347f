//! The command line: one file per subcommand; this file parses arguments and maps results to exit codes.

mod branch;
mod brief;
mod debrief;
mod game_io;
mod list;
mod lookup;
mod new;
mod output;
mod play;
mod replay;
mod resolve;
mod resume;
mod run;
mod serve;
mod sweep;
mod validate;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit codes: 0 success, 1 a runtime failure (I/O), 2 invalid input (usage, a scenario).
pub const EXIT_OK: u8 = 0;
pub const EXIT_FAILURE: u8 = 1;
pub const EXIT_INVALID: u8 = 2;

/// Good Offices: resolve preventive-diplomacy role-play turns from a scenario, and explain them.
#[derive(Debug, Parser)]
#[command(name = "good-offices", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// A folder of scenarios: a SCENARIO given as an id is also looked for there as ID.ron (after the
    /// current folder, before the GOOD_OFFICES_SCENARIOS folders and the built-ins). May be repeated.
    #[arg(long = "scenarios", id = "scenario_dirs", value_name = "DIR", global = true)]
    pub scenario_dirs: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the built-in scenarios: id, title, turns, roles.
    List,
    /// Check scenario files (paths or built-in ids) and report every problem with file:line:col.
    Validate(validate::Args),
    /// Print the public situation and the private role sheets as Markdown.
    Brief(brief::Args),
    /// Print a commented scenario template that validates, to start a new scenario from.
    New(new::Args),
    /// Play in the workshop room: each group enters its orders in private; every turn is saved.
    Play(play::Args),
    /// Play a game without prompts, from an orders file or the historical course, saving each turn.
    Run(run::Args),
    /// Continue a saved game from its turn log.
    Resume(resume::Args),
    /// Re-resolve a logged game turn by turn; with --verify, check it is byte-identical.
    Replay(replay::Args),
    /// What if? Play a game again from turn N with some decisions changed, into a new log.
    Branch(branch::Args),
    /// The debrief report: what happened, why, and what would have happened otherwise.
    Debrief(debrief::Args),
    /// The room on the groups' own devices: a page per group, the projector and the facilitator's console.
    Serve(serve::Args),
    /// Play many games with bots to see how a scenario tends to end: outcome shares, toll, objectives.
    Sweep(sweep::Args),
}

/// Runs the command line and returns the process exit code.
pub fn run(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_INVALID } else { EXIT_OK });
        }
    };
    if let Some(dir) = cli.scenario_dirs.iter().find(|d| !d.is_dir()) {
        eprintln!(
            "error: `--scenarios {}`: no such folder; give a folder that holds scenario files (ID.ron)",
            dir.display()
        );
        return ExitCode::from(EXIT_INVALID);
    }
    lookup::set_option_dirs(cli.scenario_dirs);
    let code = match cli.command {
        Command::List => list::run(),
        Command::Validate(args) => validate::run(&args),
        Command::Brief(args) => brief::run(&args),
        Command::New(args) => new::run(&args),
        Command::Play(args) => exit(play::run(&args)),
        Command::Run(args) => exit(run::run(&args)),
        Command::Resume(args) => exit(resume::run(&args)),
        Command::Replay(args) => exit(replay::run(&args)),
        Command::Branch(args) => exit(branch::run(&args)),
        Command::Debrief(args) => exit(debrief::run(&args)),
        Command::Sweep(args) => exit(sweep::run(&args)),
        Command::Serve(args) => exit(serve::run(&args)),
    };
    ExitCode::from(code)
}

fn exit(result: game_io::CmdResult) -> u8 {
    match result {
        Ok(()) => EXIT_OK,
        Err(game_io::Failed(code)) => code,
    }
}
