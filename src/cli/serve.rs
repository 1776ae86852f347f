//! `good-offices serve`: the room on the groups' own devices (src/serve/). A new game, or `--resume LOG`
//! to carry on a served one with the same links.

use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;
use std::sync::Arc;

use super::game_io::{
    Failed, create_log, fit_and_complete, header_for, load_log, load_scenario_arg, lock_log, scenario_and_text_of,
};
use super::play::OthersArg;
use crate::play::Others;
use crate::serve::{Settings, open_new, open_resumed, run};

/// The port a room listens on unless told otherwise.
const DEFAULT_PORT: u16 = 8080;

/// The turn's timer unless told otherwise: a Kenya turn fits in it once groups order from phones.
const DEFAULT_TURN_MINUTES: u32 = 10;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A scenario file or a built-in id (with --resume: the scenario file of a game not built in).
    pub scenario: Option<String>,
    /// A role played by a group from its own device (repeat for each group).
    #[arg(long = "seat", value_name = "ROLE")]
    pub seats: Vec<String>,
    /// What the seats nobody plays, and groups not locked in when a turn is resolved, do.
    #[arg(long, value_enum, default_value = "bots")]
    pub others: OthersArg,
    /// The seed of the game's dice.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The turn log (the save file); the room keeps LOG.room (the links) and LOG.journal beside it.
    #[arg(long, value_name = "FILE")]
    pub log: Option<PathBuf>,
    /// Carry on a served game from its log: the same links keep working (the game's own seats, seed and
    /// --others are used; --bind, --port and --turn-minutes may be given again).
    // The flags that only make sense for a new game are refused with it (exit 2), rather than silently
    // ignored: a facilitator who types `--others hold` must not believe the bots are switched off.
    #[arg(long, value_name = "LOG", conflicts_with_all = ["log", "seats", "others", "seed"])]
    pub resume: Option<PathBuf>,
    /// The address to listen on: 127.0.0.1 (this machine only) unless given; 0.0.0.0 for the room's network.
    #[arg(long, value_name = "ADDR")]
    pub bind: Option<IpAddr>,
    /// The port to listen on (0: any free port, printed in the links); 8080 unless given.
    #[arg(long, value_name = "N")]
    pub port: Option<u16>,
    /// The length of a turn's timer in minutes (0: no timer); 10 unless given.
    #[arg(long, value_name = "M", value_parser = clap::value_parser!(u32).range(0..=600))]
    pub turn_minutes: Option<u32>,
}

pub fn run(args: &Args) -> Result<(), Failed> {
    let room = match &args.resume {
        Some(log) => match resume(args, log)? {
            Some(room) => room,
            None => return Ok(()),
        },
        None => start(args)?,
    };
    let settings = room.keys.settings.clone();
    let bind = args.bind.or_else(|| settings.bind.parse().ok()).unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    let port = args.port.unwrap_or(settings.port);
    let log_path = room.session.log_path.clone();
    let result = run::serve(room, bind, port, |links: &[(String, String)]| {
        run::print_links(links);
        eprintln!(
            "The room is open; stop it with Ctrl-C (nothing is lost: `good-offices serve --resume {}`).",
            log_path.display()
        );
    });
    match result {
        Ok(()) => Ok(()),
        Err(e) => {
            eprintln!(
                "error: the room cannot be served on {bind}:{port}: {e}; the game is saved: open the room again \
                 with `good-offices serve --resume {} --port N` (another port)",
                log_path.display()
            );
            Err(Failed(super::EXIT_FAILURE))
        }
    }
}

fn start(args: &Args) -> Result<crate::serve::Room, Failed> {
    let Some(scenario_arg) = &args.scenario else {
        eprintln!("error: give a SCENARIO to start a room, or --resume LOG to carry one on");
        return Err(Failed(super::EXIT_INVALID));
    };
    let Some(log_path) = args.log.clone() else {
        eprintln!("error: give the turn log with --log FILE (the room keeps its links beside it)");
        return Err(Failed(super::EXIT_INVALID));
    };
    let loaded = load_scenario_arg(scenario_arg)?;
    let mut seats = args.seats.clone();
    if seats.is_empty() {
        eprintln!("error: give at least one --seat ROLE: the roles groups play from their devices");
        return Err(Failed(super::EXIT_INVALID));
    }
    super::play::check_seats(&seats, &loaded.scenario)?;
    seats.sort();
    seats.dedup();
    let others = match args.others {
        OthersArg::Bots => Others::Bots,
        OthersArg::Historical => Others::Historical,
        OthersArg::Hold => Others::Hold,
    };
    let mut header = header_for(&loaded, args.seed, crate::serve::start::source_name(others));
    header.seats = seats;
    let lock = create_log(&log_path, &header)?;
    let settings = Settings {
        bind: args.bind.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST)).to_string(),
        port: args.port.unwrap_or(DEFAULT_PORT),
        turn_minutes: args.turn_minutes.unwrap_or(DEFAULT_TURN_MINUTES),
    };
    open_new(Arc::new(loaded.scenario), header, log_path.clone(), lock, others, settings).map_err(|e| {
        eprintln!("error: cannot open the room beside {}: {e}", log_path.display());
        Failed(super::EXIT_FAILURE)
    })
}

/// The room of a served game, or `None` when the game is already over.
fn resume(args: &Args, log_path: &std::path::Path) -> Result<Option<crate::serve::Room>, Failed> {
    // Locked before it is read, as `resume` does: a second room on the same log is refused.
    let mut lock = lock_log(log_path)?;
    let mut loaded = load_log(log_path)?;
    let (scenario, text) = scenario_and_text_of(&loaded.header, log_path, args.scenario.as_deref())?;
    fit_and_complete(&mut loaded, &scenario, log_path)?;
    if let Err(e) = crate::log::truncate_to(log_path, loaded.valid_len) {
        eprintln!("error: cannot repair {}: {e}", log_path.display());
        return Err(Failed(super::EXIT_FAILURE));
    }
    super::game_io::upgrade_if_older(log_path, &mut loaded, &text, &mut lock)?;
    if loaded.records.last().is_some_and(|r| r.end.is_some()) {
        super::output::println_out!(
            "This game is already over; nothing to resume. Its debrief: good-offices debrief {}",
            log_path.display()
        );
        return Ok(None);
    }
    let (mut room, warnings) =
        open_resumed(scenario, loaded.header, loaded.records, loaded.tail, log_path.to_path_buf(), lock).map_err(
            |e| {
                eprintln!("error: {e}");
                Failed(super::EXIT_INVALID)
            },
        )?;
    for warning in warnings {
        eprintln!("warning: {warning}");
    }
    if let Some(minutes) = args.turn_minutes {
        room.keys.settings.turn_minutes = minutes;
        room.timer = crate::serve::timer::Timer::new(minutes);
    }
    Ok(Some(room))
}
