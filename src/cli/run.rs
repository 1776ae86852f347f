use std::path::PathBuf;
use std::sync::Arc;

use super::game_io::{Failed, SourceArgs, create_log, header_for, load_scenario_arg, play_and_save};
use crate::engine::Game;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A scenario file or a built-in id.
    pub scenario: String,
    #[command(flatten)]
    pub source: SourceArgs,
    /// The seed of the game's dice: the same scenario, seed and orders give the same game.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Stop after this many turns (continue later with `resume`).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub turns: Option<u32>,
    /// The turn log to write (the save file); must not exist yet.
    #[arg(long, value_name = "FILE")]
    pub log: PathBuf,
}

pub fn run(args: &Args) -> Result<(), Failed> {
    let loaded = load_scenario_arg(&args.scenario)?;
    let (source, name) = args.source.source(&loaded.scenario)?;
    let header = header_for(&loaded, args.seed, name);
    // Held until the game is written: a second process cannot write this log meanwhile.
    let _lock = create_log(&args.log, &header)?;
    let mut game = Game::new(Arc::new(loaded.scenario), args.seed);
    play_and_save(&mut game, &source, args.turns, &args.log, None, &Default::default())
}
