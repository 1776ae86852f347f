use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;

use super::game_io::{Failed, header_for, load_scenario_arg};
use crate::diagnostics::did_you_mean;
use crate::log::{LoadedLog, LogLock};
use crate::names::Names;
use crate::play::input::{Input, Line};
use crate::play::{Others, Restored, Room, Session, Stopped, run_lines_in, run_menus_in};
use crate::scenario::Scenario;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A scenario file or a built-in id.
    pub scenario: String,
    /// A role played by a group in the room (repeat for each group).
    #[arg(long = "seat", value_name = "ROLE")]
    pub seats: Vec<String>,
    /// The seed of the game's dice.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The turn log (the save file); by default SCENARIO-seedN.log in this folder.
    #[arg(long, value_name = "FILE")]
    pub log: Option<PathBuf>,
    /// What the seats nobody plays do: their bot policies, the historical course, or hold. Asked at
    /// the start on a terminal when not given; bots otherwise.
    #[arg(long, value_enum)]
    pub others: Option<OthersArg>,
    /// Stop after this many turns, saved (the workshop's time is up); continue later with `resume`.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub turns: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OthersArg {
    Bots,
    Historical,
    Hold,
}

/// Every seat must be a role of the scenario (`play` and `serve`); a seat without a private briefing
/// is warned about on stderr.
pub(super) fn check_seats(seats: &[String], s: &Scenario) -> Result<(), Failed> {
    let roles: Vec<&str> = s.actors.iter().map(|a| a.id.as_str()).collect();
    for seat in seats {
        if !roles.contains(&seat.as_str()) {
            let hint = did_you_mean(seat, roles.iter().copied())
                .map_or_else(|| format!("the roles are: {}", roles.join(", ")), |r| format!("did you mean `{r}`?"));
            eprintln!("error: `{seat}` is not a role in {}: {hint}", s.meta.id);
            return Err(Failed(super::EXIT_INVALID));
        }
    }
    // A seat without a private briefing is playable, but the facilitator should know before the game
    // starts that its group will have no secret instructions (Council members often have none).
    let mut warned: Vec<&str> = Vec::new();
    for seat in seats {
        if let Some(a) = s.actor(seat)
            && !crate::brief::has_briefing(a)
            && !warned.contains(&seat.as_str())
        {
            warned.push(seat);
            eprintln!(
                "warning: {} (`{seat}`) has no private briefing: its group gets only {}",
                a.name,
                crate::brief::without_briefing(a)
            );
        }
    }
    Ok(())
}

pub fn run(args: &Args) -> Result<(), Failed> {
    let loaded = load_scenario_arg(&args.scenario)?;
    check_seats(&args.seats, &loaded.scenario)?;
    let terminal = std::io::stdin().is_terminal();
    let others = match args.others {
        Some(OthersArg::Bots) => Others::Bots,
        Some(OthersArg::Historical) => Others::Historical,
        Some(OthersArg::Hold) => Others::Hold,
        None if terminal => ask_others()?,
        None => Others::Bots,
    };
    let log_path =
        args.log.clone().unwrap_or_else(|| PathBuf::from(format!("{}-seed{}.log", loaded.scenario.meta.id, args.seed)));
    let mut header = header_for(&loaded, args.seed, format!("play (others: {})", others.name()));
    let mut seats = args.seats.clone();
    seats.sort();
    seats.dedup();
    header.seats = seats;
    let lock = super::game_io::create_log(&log_path, &header)?;
    let journal = crate::journal::journal_path(&log_path);
    let session =
        Session::new(Arc::new(loaded.scenario), header, log_path, others, Vec::new(), Default::default()).holding(lock);
    let session = session.journaled().map_err(|e| cannot_journal(&journal, &e))?;
    drive(session, terminal, args.turns)
}

fn ask_others() -> Result<Others, Failed> {
    let stdin = std::io::stdin();
    let mut lock = stdin.lock();
    let mut input = Input::new(&mut lock);
    let mut out = std::io::stdout();
    loop {
        println!(
            "What do the seats nobody plays do?\n  1) follow their bot policies\n  2) follow the historical course\n  3) hold"
        );
        let line = match input.next_line() {
            Ok(Line::Text(line)) => line,
            Ok(Line::End) | Err(_) => return Err(Failed(super::EXIT_INVALID)),
            Ok(Line::Refused { reason, too_long }) => {
                // A terminal's lines end: drop the rest of a long one and ask again.
                if too_long && input.skip_rest_of_line().is_err() {
                    return Err(Failed(super::EXIT_INVALID));
                }
                println!("{reason}: type 1, 2 or 3.");
                continue;
            }
        };
        match line.as_str() {
            "1" => return Ok(Others::Bots),
            "2" => return Ok(Others::Historical),
            "3" => return Ok(Others::Hold),
            other => {
                let _ = std::io::Write::write_all(
                    &mut out,
                    format!("`{other}` is not one of the choices: type 1, 2 or 3.\n").as_bytes(),
                );
            }
        }
    }
}

/// Runs a session on the terminal (menus) or on standard input (the line format), for at most
/// `max_turns` turns.
pub fn drive(mut session: Session, terminal: bool, max_turns: Option<u32>) -> Result<(), Failed> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut out = std::io::stdout();
    // Private screens only when both ends are the terminal: output sent to a file or a pipe stays
    // plain text, and the line format never changes.
    let room = Room { max_turns, private_screens: terminal && out.is_terminal() };
    let result = if terminal {
        run_menus_in(&mut session, &mut input, &mut out, room).map_err(Stopped::Log)
    } else {
        run_lines_in(&mut session, &mut input, &mut out, &mut std::io::stderr(), room)
    };
    let code = match result {
        Ok(()) => super::EXIT_OK,
        Err(Stopped::Log(e)) => {
            eprintln!("error: cannot write {}: {e}", session.log_path.display());
            return Err(Failed(super::EXIT_FAILURE));
        }
        Err(Stopped::Read(e)) => {
            eprintln!("error: cannot read the input: {e}; the game stops before turn {}", session.next_turn());
            super::EXIT_FAILURE
        }
        Err(Stopped::Refused(reason)) => {
            eprintln!(
                "error: {reason}; the game stops before turn {} is played, so that no order of the script is \
                 left out (save the script as UTF-8 text, one command a line)",
                session.next_turn()
            );
            super::EXIT_INVALID
        }
    };
    print_where_saved(&session);
    if code == super::EXIT_OK { Ok(()) } else { Err(Failed(code)) }
}

/// Where the game is, for the facilitator: over, or saved with the command that continues it.
fn print_where_saved(session: &Session) {
    if session.is_over() {
        super::output::println_out!("The game is over. The log is {}.", session.log_path.display());
    } else {
        super::output::println_out!(
            "Saved after turn {}. Continue with: good-offices resume {}",
            session.next_turn() - 1,
            session.log_path.display()
        );
        let names = Names::new(&session.scenario);
        let pending: Vec<String> =
            session.seats.iter().filter(|s| !session.orders_of(s).is_empty()).map(|s| names.actor(s)).collect();
        if !pending.is_empty() {
            super::output::println_out!(
                "The orders entered for turn {} ({}) are kept in {}: `resume` restores them.",
                session.next_turn(),
                pending.join(", "),
                crate::journal::journal_path(&session.log_path).display()
            );
        }
    }
}

/// `resume` of a game that was played in the room: the same seats, the same others.
pub fn resume(loaded: LoadedLog, scenario: Arc<Scenario>, lock: LogLock) -> Result<(), Failed> {
    let others = loaded
        .header
        .source
        .strip_prefix("play (others: ")
        .and_then(|s| s.strip_suffix(')'))
        .and_then(Others::parse)
        .unwrap_or(Others::Bots);
    let log_path = lock.path().to_path_buf();
    let session = Session::new(scenario, loaded.header, log_path, others, loaded.records, loaded.tail).holding(lock);
    if session.is_over() {
        super::output::println_out!("This game is already over; nothing to resume.");
        return Ok(());
    }
    let journal = crate::journal::journal_path(&session.log_path);
    let (session, restored) = session.journaled_resumed().map_err(|e| cannot_journal(&journal, &e))?;
    say_restored(&session, &restored);
    drive(session, std::io::stdin().is_terminal(), None)
}

fn cannot_journal(journal: &std::path::Path, e: &std::io::Error) -> Failed {
    eprintln!("error: cannot write {}: {e}", journal.display());
    Failed(super::EXIT_FAILURE)
}

/// What the journal of the turn in progress gave back: "Restored the orders of Doravia, Kessland
/// entered before the stop." The groups that had handed over are not asked again.
fn say_restored(session: &Session, restored: &Restored) {
    for warning in &restored.warnings {
        eprintln!("warning: {warning}");
    }
    let names = Names::new(&session.scenario);
    let list = |roles: &[String]| roles.iter().map(|r| names.actor(r)).collect::<Vec<_>>().join(", ");
    if !restored.orders_of.is_empty() {
        super::output::println_out!("Restored the orders of {} entered before the stop.", list(&restored.orders_of));
    }
    if !restored.entered.is_empty() {
        super::output::println_out!(
            "Not asked again for turn {} (they had handed over): {}.",
            session.next_turn(),
            list(&restored.entered)
        );
    }
}
