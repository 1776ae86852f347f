use std::path::PathBuf;

use super::game_io::{Failed, load_log, print_turn, scenario_of};
use crate::engine::Game;
use crate::log::render_record;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The turn log to replay.
    pub log: PathBuf,
    /// The scenario file, only for a log of format 1 whose scenario is not built in (newer logs carry it).
    #[arg(long, value_name = "PATH")]
    pub scenario: Option<String>,
    /// Check only: exit 0 if every turn re-resolves to the same bytes, 1 at the first divergence.
    #[arg(long)]
    pub verify: bool,
}

pub fn run(args: &Args) -> Result<(), Failed> {
    let mut loaded = load_log(&args.log)?;
    let scenario = scenario_of(&loaded.header, &args.log, args.scenario.as_deref())?;
    super::game_io::fit_and_complete(&mut loaded, &scenario, &args.log)?;
    let mut game = Game::new(scenario.clone(), loaded.header.seed);
    for stored in &loaded.records {
        let orders = stored.input();
        let again = game.play_turn(&orders);
        let (a, b) = (render_record(stored), render_record(&again));
        if a != b {
            let line = a.lines().zip(b.lines()).position(|(x, y)| x != y).unwrap_or(0);
            eprintln!(
                "error: turn {} does not re-resolve to the logged result (first difference at line {} of the turn):\n  logged:   {}\n  replayed: {}",
                stored.turn,
                line + 1,
                a.lines().nth(line).unwrap_or("").trim(),
                b.lines().nth(line).unwrap_or("").trim()
            );
            return Err(Failed(super::EXIT_FAILURE));
        }
        if !args.verify {
            print_turn(&scenario, &again);
        }
    }
    super::output::println_out!(
        "{}: all {} turn(s) re-resolve to the same bytes.",
        args.log.display(),
        loaded.records.len()
    );
    Ok(())
}
