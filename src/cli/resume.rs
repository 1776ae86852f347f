use std::path::PathBuf;

use super::game_io::{Failed, SourceArgs, load_log, lock_log, play_and_save, scenario_and_text_of, source_from_header};
use crate::engine::state::Snapshot;
use crate::engine::{Game, OrderSource};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The turn log of the game to continue.
    pub log: PathBuf,
    /// The scenario file, only for a log of format 1 whose scenario is not built in (newer logs carry it).
    #[arg(long, value_name = "PATH")]
    pub scenario: Option<String>,
    /// Orders for the turns to come; by default the source the game was started with.
    #[command(flatten)]
    pub source: SourceArgs,
    /// Stop after this many more turns.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub turns: Option<u32>,
}

pub fn run(args: &Args) -> Result<(), Failed> {
    // Locked before it is read: a second writer is refused before it reads a state that is about to
    // move on, and the lock is held until the last turn is written.
    let mut lock = lock_log(&args.log)?;
    let mut loaded = load_log(&args.log)?;
    let (scenario, text) = scenario_and_text_of(&loaded.header, &args.log, args.scenario.as_deref())?;
    super::game_io::fit_and_complete(&mut loaded, &scenario, &args.log)?;
    // A torn last turn is cut off first, so the resumed log ends as an uninterrupted one would.
    if let Err(e) = crate::log::truncate_to(&args.log, loaded.valid_len) {
        eprintln!("error: cannot repair {}: {e}", args.log.display());
        return Err(Failed(super::EXIT_FAILURE));
    }
    if loaded.records.last().is_some_and(|r| r.end.is_some()) {
        super::output::println_out!("This game is already over; nothing to resume.");
        return Ok(());
    }
    super::game_io::upgrade_if_older(&args.log, &mut loaded, &text, &mut lock)?;
    // A game played in the room goes on in the room: the same seats, orders from the groups.
    if loaded.header.source.starts_with("play") && !args.source.given() {
        return super::play::resume(loaded, scenario, lock);
    }
    let source = if args.source.orders.is_some() || args.source.course.is_some() {
        args.source.source(&scenario)?.0
    } else if args.source.bots {
        // `--bots` alone keeps the orders the game was started with and fills the empty seats.
        let base = if loaded.header.source.starts_with("branch of ") {
            OrderSource::Hold
        } else {
            source_from_header(&loaded.header, &scenario, &args.log)?
        };
        match base {
            OrderSource::Bots { .. } => base,
            other => OrderSource::with_scenario_bots(other, &scenario),
        }
    } else {
        source_from_header(&loaded.header, &scenario, &args.log)?
    };
    let ended = loaded.records.last().is_some_and(|r| r.end.is_some());
    let state = loaded.records.last().map_or_else(|| Snapshot::initial(&scenario), |r| r.state.clone());
    let mut game = Game::resume(scenario, loaded.header.seed, state, ended);
    if game.is_over() {
        super::output::println_out!("This game is already over; nothing to resume.");
        return Ok(());
    }
    play_and_save(&mut game, &source, args.turns, &args.log, loaded.records.last(), &loaded.tail)
}
