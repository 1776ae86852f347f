use std::path::PathBuf;

use super::game_io::{Failed, create_log, load_log, play_and_save};
use crate::engine::state::Snapshot;
use crate::engine::{Game, OrderSource};
use crate::orders::{OrdersFile, TurnOrders};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The trunk: the turn log to branch from.
    pub log: PathBuf,
    /// The first turn that is played differently.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub from_turn: u32,
    /// The changed decisions: for each turn, each actor named here plays these orders instead of the
    /// trunk's; everyone else plays as in the trunk.
    #[arg(long, value_name = "FILE")]
    pub orders: PathBuf,
    /// The branch's log (must not exist).
    #[arg(long = "log", value_name = "OUT")]
    pub out: PathBuf,
    /// The scenario file, only for a log of format 1 whose scenario is not built in (newer logs carry it).
    #[arg(long, value_name = "PATH")]
    pub scenario: Option<String>,
}

/// The trunk's orders with the changed actors' orders replaced, turn by turn from `from`.
pub fn merge(trunk: &[crate::engine::record::TurnRecord], changes: &OrdersFile, from: u32, last: u32) -> OrdersFile {
    let turns = (from..=last)
        .map(|turn| {
            let old = trunk.iter().find(|r| r.turn == turn);
            let new = changes.turn(turn);
            let changed: Vec<&str> =
                new.map(|n| n.orders.iter().map(|o| o.actor.as_str()).collect()).unwrap_or_default();
            let mut orders: Vec<_> = old
                .map(|r| r.submitted.iter().filter(|o| !changed.contains(&o.actor.as_str())).cloned().collect())
                .unwrap_or_default();
            orders.extend(new.map(|n| n.orders.clone()).unwrap_or_default());
            let mut ballots = old.map(|r| r.ballots.clone()).unwrap_or_default();
            if let Some(n) = new
                && !n.ballots.is_empty()
            {
                ballots.retain(|(m, _)| !n.ballots.iter().any(|(x, _)| x == m));
                ballots.extend(n.ballots.clone());
            }
            let mut injects = old.map(|r| r.facilitator_injects.clone()).unwrap_or_default();
            injects.extend(new.map(|n| n.injects.clone()).unwrap_or_default());
            // What the groups said stays said; a what-if file may add messages.
            let mut messages = old.map(|r| r.messages.clone()).unwrap_or_default();
            messages.extend(new.map(|n| n.messages.clone()).unwrap_or_default());
            // The facilitator's end, like the facilitator's injects, stays; a what-if file may end
            // the game at a turn of its own.
            let end_now = old.is_some_and(|r| r.end_now) || new.is_some_and(|n| n.end_now);
            TurnOrders { turn, orders, ballots, injects, messages, end_now, checked_by_bots: 0 }
        })
        .collect();
    OrdersFile { turns }
}

pub fn run(args: &Args) -> Result<(), Failed> {
    let mut trunk = load_log(&args.log)?;
    let (scenario, scenario_text) =
        super::game_io::scenario_and_text_of(&trunk.header, &args.log, args.scenario.as_deref())?;
    super::game_io::fit_and_complete(&mut trunk, &scenario, &args.log)?;
    let changes = super::game_io::orders_for(&args.orders, &scenario)?;
    let available = trunk.records.len() as u32 + 1;
    if args.from_turn > available {
        eprintln!(
            "error: {} has {} turn(s); a branch can start at turn {} at the latest",
            args.log.display(),
            trunk.records.len(),
            available
        );
        return Err(Failed(super::EXIT_INVALID));
    }
    if let Some(end) = trunk.records.iter().find(|r| r.end.is_some())
        && args.from_turn > end.turn
    {
        eprintln!(
            "error: the game in {} ended at turn {}; a branch must start at turn {} or earlier",
            args.log.display(),
            end.turn,
            end.turn
        );
        return Err(Failed(super::EXIT_INVALID));
    }
    // The branch is a new log: in the current format, carrying its scenario, whatever the trunk's.
    let mut header = trunk.header.clone();
    header.format = crate::log::LOG_FORMAT;
    header.scenario_text = crate::log::carried_text(&scenario_text);
    header.source =
        format!("branch of {} from turn {} with orders {}", args.log.display(), args.from_turn, args.orders.display());
    // Held until the branch is written: a second process cannot write OUT meanwhile.
    let _lock = create_log(&args.out, &header)?;
    let kept = &trunk.records[..(args.from_turn - 1) as usize];
    let mut tail = crate::log::Tail::default();
    for (i, r) in kept.iter().enumerate() {
        let previous = i.checked_sub(1).map(|b| &kept[b]);
        tail = crate::log::append(&args.out, previous, &tail, r).map_err(|e| {
            eprintln!("error: cannot write {}: {e}", args.out.display());
            Failed(super::EXIT_FAILURE)
        })?;
    }
    let state = kept.last().map_or_else(|| Snapshot::initial(&scenario), |r| r.state.clone());
    let ended = kept.last().is_some_and(|r| r.end.is_some());
    let mut game = Game::resume(scenario.clone(), trunk.header.seed, state, ended);
    let merged = merge(&trunk.records, &changes, args.from_turn, scenario.meta.turns);
    play_and_save(&mut game, &OrderSource::File(merged), None, &args.out, kept.last(), &tail)
}
