//! Driving a session: numbered menus on a terminal, the line format otherwise. A typo never ends the
//! game: the question is asked again with the valid choices.

mod ballots;
mod facilitator;
mod objectives;
mod offers;

use std::io::{BufRead, Write};

use ballots::council_ballots;
use facilitator::{Moment, Next, facilitator_menu};
use objectives::objectives_now;
use offers::{allowed_targets, draft_options, partners, tool_name, why_not};

use super::commands::{Command, parse_command};
use super::input::{Input, Line, Stopped};
use super::report::{end_report, situation_report};
use super::session::Session;
use crate::names::Names;
use crate::scenario::{Chapter, Draft, Id, MediationStyle, OrderSpec, SanctionKind, Scenario, ToolKind};

/// Reads a person's answer; `None` at the end of input (or when it cannot be read: the game is saved
/// turn by turn, so stopping loses nothing completed). A line that is not UTF-8 or too long is refused
/// and `None` is not returned: the caller asks again.
fn read_answer(input: &mut Input, out: &mut dyn Write) -> Option<Option<String>> {
    match input.next_line() {
        Ok(Line::Text(text)) => Some(Some(text)),
        Ok(Line::End) | Err(_) => None,
        Ok(Line::Refused { reason, too_long }) => {
            if too_long && input.skip_rest_of_line().is_err() {
                return None;
            }
            say(out, &format!("{reason}: type your answer again."));
            Some(None)
        }
    }
}

fn say(out: &mut dyn Write, text: &str) {
    let _ = writeln!(out, "{text}");
    let _ = out.flush();
}

/// Asks until the answer is one of the numbered choices; `None` at the end of input.
fn choose(
    input: &mut Input,
    out: &mut dyn Write,
    question: &str,
    choices: &[String],
    zero: Option<&str>,
) -> Option<usize> {
    loop {
        say(out, question);
        if let Some(z) = zero {
            say(out, &format!("  0) {z}"));
        }
        for (i, c) in choices.iter().enumerate() {
            say(out, &format!("  {}) {c}", i + 1));
        }
        let _ = write!(out, "> ");
        let _ = out.flush();
        let Some(answer) = read_answer(input, out)? else { continue };
        match answer.parse::<usize>() {
            Ok(0) if zero.is_some() => return Some(0),
            Ok(n) if (1..=choices.len()).contains(&n) => return Some(n),
            _ => say(
                out,
                &format!(
                    "`{answer}` is not one of the choices: type a number from {} to {}.",
                    if zero.is_some() { 0 } else { 1 },
                    choices.len()
                ),
            ),
        }
    }
}

/// After a turn: where it is saved, and at the end of the game the end report (the last turn's
/// results, how the game ended, every role's objectives scored), in names, not ids.
fn after_turn(session: &Session, out: &mut dyn Write) {
    let r = session.records.last().expect("a turn was played");
    say(out, &format!("Turn {} is resolved and saved to {}.", r.turn, session.log_path.display()));
    if r.end.is_some() {
        say(out, &end_report(&session.scenario, r, &session.seats));
    }
}

/// How the room is run beyond what its input says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Room {
    /// Stop (saved, to be resumed) after this many turns of this session (`play --turns N`).
    pub max_turns: Option<u32>,
    /// Each group's menu on the terminal's alternate screen, its scrollback cleared after it, and a
    /// "pass the laptop" screen between groups: only when both ends are a terminal (a script's output
    /// stays plain text).
    pub private_screens: bool,
}

impl Room {
    /// Whether the session has played all the turns it was to play.
    fn done(&self, played: u32) -> bool {
        self.max_turns.is_some_and(|m| played >= m)
    }
}

/// The line format (docs/facilitator-guide.md). Returns when the input ends, on `stop`, or when the
/// game is over; stops at a line that is not UTF-8 or longer than 64 KiB, since playing on without it
/// could play a turn without an order the script gives (every completed turn is saved already).
pub fn run_lines(
    session: &mut Session,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Stopped> {
    run_lines_in(session, input, out, err, Room::default())
}

/// [`run_lines`], stopping after `room.max_turns` turns.
pub fn run_lines_in(
    session: &mut Session,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
    room: Room,
) -> Result<(), Stopped> {
    let mut input = Input::new(input);
    let mut played = 0;
    say(out, &situation_report(&session.scenario, session.state(), session.records.last(), session.next_turn()));
    while !session.is_over() {
        let line = match input.next_line().map_err(Stopped::Read)? {
            Line::Text(line) => line,
            Line::End => break,
            Line::Refused { reason, .. } => return Err(Stopped::Refused(reason)),
        };
        let result = match parse_command(&line, &session.scenario) {
            Err(e) => Err(e),
            Ok(Command::Nothing) => Ok(()),
            Ok(Command::Order(o)) => session.add_order(o),
            Ok(Command::Withdraw(role)) => session.withdraw_last(&role).map(|_| ()),
            Ok(Command::Ballot(m, b)) => session.ballot(&m, b),
            Ok(Command::Inject(id)) => session.fire_inject(&id),
            Ok(Command::Play) => {
                session.play_turn()?;
                after_turn(session, out);
                played += 1;
                if room.done(played) {
                    say(out, &turns_done(played));
                    break;
                }
                if !session.is_over() {
                    say(
                        out,
                        &situation_report(
                            &session.scenario,
                            session.state(),
                            session.records.last(),
                            session.next_turn(),
                        ),
                    );
                }
                Ok(())
            }
            Ok(Command::EndNow) => {
                session.end_now()?;
                after_turn(session, out);
                Ok(())
            }
            Ok(Command::Undo) => match session.undo()? {
                Some(t) => {
                    say(out, &format!("Turn {t} is taken back."));
                    Ok(())
                }
                None => Err("there is no completed turn to take back".to_string()),
            },
            Ok(Command::Stop) => break,
        };
        if let Err(e) = result {
            let _ = writeln!(err, "line `{line}`: {e}");
        }
    }
    Ok(())
}

/// One group's orders through menus. `None` at the end of input.
fn group_menu(session: &mut Session, role: &str, input: &mut Input, out: &mut dyn Write) -> Option<()> {
    let actor = session.scenario.actor(role).cloned()?;
    say(
        out,
        &format!(
            "\n--- {} ---\nThe other groups look away. Choose up to three moves; they are checked at once.",
            actor.name
        ),
    );
    if let Some(text) = objectives_now(session, role) {
        say(out, &text);
    }
    if actor.tools.iter().any(|t| crate::rules::tracks::is_mediating(*t)) {
        say(out, "One mediating move (mediation, good offices, chair facilitation) per dispute a turn.");
    }
    loop {
        let given: Vec<String> = session.orders_of(role).iter().map(|o| describe(&session.scenario, o)).collect();
        if !given.is_empty() {
            say(out, &format!("Your orders so far: {}", given.join("; ")));
        }
        if !session.room_for_orders(role) {
            say(out, "That is three orders, the most a group can give in a turn.");
            let k =
                choose(input, out, "Done?", &["take back an order".into()], Some("done: hand over to the next group"))?;
            if k == 0 {
                return Some(());
            }
            take_back(session, role, &given, input, out)?;
            continue;
        }
        // Only tools with a target the rules accept now are offered; the others are named with why.
        let (usable, blocked): (Vec<ToolKind>, Vec<ToolKind>) =
            actor.tools_in_hand().partition(|t| !allowed_targets(session, role, *t).is_empty());
        let reasons: Vec<String> = blocked
            .iter()
            .filter_map(|t| why_not(session, role, *t).map(|why| format!("  {}: {why}", tool_name(*t))))
            .collect();
        if !reasons.is_empty() {
            say(out, &format!("Not possible now:\n{}", reasons.join("\n")));
        }
        let mut tools: Vec<String> =
            usable.iter().map(|t| format!("{} — {}", tool_name(*t), t.explanation())).collect();
        // Taking back an order comes after the tools, so a tool keeps its number whatever was given.
        if !given.is_empty() {
            tools.push("take back an order you gave".into());
        }
        let n =
            choose(input, out, "Which tool? (0 when you are done)", &tools, Some("done: hand over to the next group"))?;
        if n == 0 {
            return Some(());
        }
        if n > usable.len() {
            take_back(session, role, &given, input, out)?;
            continue;
        }
        let tool = usable[n - 1];
        let options = allowed_targets(session, role, tool);
        let labels: Vec<String> = options.iter().map(|(l, _)| l.clone()).collect();
        let t = if options.len() == 1 {
            1
        } else {
            choose(input, out, &format!("{} aimed at?", tool_name(tool)), &labels, None)?
        };
        let mut order = OrderSpec::new(Id::from(role), tool, options[t - 1].1.clone());
        match tool {
            ToolKind::Mediation => {
                let styles = [
                    "Facilitative — help them talk",
                    "Formulative — propose solutions",
                    "Directive — add pressure and incentives",
                ];
                let k = choose(input, out, "Which style?", &styles.map(String::from), None)?;
                order.style =
                    Some([MediationStyle::Facilitative, MediationStyle::Formulative, MediationStyle::Directive][k - 1]);
            }
            ToolKind::UnilateralSanctions => {
                let kinds = SanctionKind::ALL;
                let k = choose(input, out, "Which sanction?", &kinds.map(|k| format!("{k:?}")), None)?;
                order.sanction = Some(kinds[k - 1]);
            }
            ToolKind::JointEnvoy | ToolKind::AcceptMediation | ToolKind::RefuseMediation | ToolKind::AppointEnvoy => {
                // Only the partners the rules accept with this target.
                let others = partners(session, role, tool, &order.target);
                let names: Vec<String> = others.iter().map(|a| Names::new(&session.scenario).actor(a)).collect();
                // Consent without a name is to mediation in general (docs/rules.md, "Mediation tracks").
                let zero = match tool {
                    ToolKind::JointEnvoy => None,
                    ToolKind::AppointEnvoy => Some("nobody in particular"),
                    _ => Some("any mediator: mediation in general"),
                };
                let k = choose(input, out, "With whom?", &names, zero)?;
                order.with = (k > 0).then(|| others[k - 1]);
            }
            ToolKind::DraftResolution | ToolKind::AssemblyResolution => {
                let chapter = if tool == ToolKind::DraftResolution {
                    let k = choose(
                        input,
                        out,
                        "Under which chapter?",
                        &["VI — recommendations".into(), "VII — binding, coercive".into()],
                        None,
                    )?;
                    [Chapter::VI, Chapter::VII][k - 1]
                } else {
                    Chapter::VI
                };
                let options = draft_options(session);
                let names = Names::new(&session.scenario);
                let labels: Vec<String> = options.iter().map(|c| names.draft_content(c)).collect();
                let mut contents = Vec::new();
                loop {
                    let k = choose(
                        input,
                        out,
                        "Add to the draft (0 when the draft is complete):",
                        &labels,
                        Some("the draft is complete"),
                    )?;
                    if k == 0 {
                        break;
                    }
                    contents.push(options[k - 1].clone());
                }
                order.draft = Some(Box::new(Draft { chapter, contents }));
            }
            _ => {}
        }
        let summary = describe(&session.scenario, &order);
        let k = choose(
            input,
            out,
            &format!("Give this order? {summary}"),
            &["yes".into(), "no, start again".into()],
            None,
        )?;
        if k == 1 {
            match session.add_order(order) {
                Ok(()) => say(out, "Noted."),
                Err(reason) => say(out, &format!("Not possible: {reason}. Choose again.")),
            }
        }
    }
}

/// Takes back one of the group's orders, chosen from `given` (the orders in words). `None` at the end
/// of input.
fn take_back(
    session: &mut Session,
    role: &str,
    given: &[String],
    input: &mut Input,
    out: &mut dyn Write,
) -> Option<()> {
    let k = choose(input, out, "Which order do you take back?", given, Some("none: keep them all"))?;
    if k > 0 {
        match session.withdraw(role, k - 1) {
            Ok(_) => say(out, &format!("Taken back: {}", given[k - 1])),
            Err(why) => say(out, &format!("Not taken back: {why}.")),
        }
    }
    Some(())
}

/// One order as the group chose it: the tool under the name the menu lists it by, what it is aimed
/// at and what a draft would do in words (never the ids or the file syntax).
pub fn describe(scenario: &Scenario, o: &OrderSpec) -> String {
    let names = Names::new(scenario);
    let mut s = tool_name(o.tool);
    if let Some(t) = &o.target {
        s.push_str(&format!(" → {}", names.target(t)));
    }
    if let Some(st) = o.style {
        s.push_str(&format!(" ({st:?})"));
    }
    if let Some(w) = &o.with {
        s.push_str(&format!(" with {}", names.actor(w)));
    }
    if let Some(k) = o.sanction {
        s.push_str(&format!(" [{k:?}]"));
    }
    if let Some(d) = &o.draft {
        s.push_str(&format!(" [Chapter {:?}: {}]", d.chapter, names.draft_contents(d)));
    }
    s
}

/// Menus on a terminal: each turn the situation, each group in private, then the facilitator.
pub fn run_menus(session: &mut Session, input: &mut dyn BufRead, out: &mut dyn Write) -> std::io::Result<()> {
    run_menus_in(session, input, out, Room::default())
}

/// Switches to the terminal's alternate screen, cleared: a group's menu is not in the scrollback of
/// the main screen, where the next group could scroll up to it.
const ENTER_PRIVATE: &str = "\x1b[?1049h\x1b[2J\x1b[H";
/// Clears the alternate screen, goes back to the main one and clears its scrollback (`ESC[3J`: some
/// terminals keep what the alternate screen showed).
const LEAVE_PRIVATE: &str = "\x1b[2J\x1b[H\x1b[?1049l\x1b[3J";

/// One group's turn at the laptop. With private screens: a "pass the laptop" screen (Enter to go
/// on), then the group's menu on the alternate screen, left cleared. Otherwise the screen is cleared
/// after the menu. `None` at the end of input.
fn group_turn(session: &mut Session, role: &str, input: &mut Input, out: &mut dyn Write, room: Room) -> Option<()> {
    if !room.private_screens {
        group_menu(session, role, input, out)?;
        // Clear the screen so the next group does not see these orders.
        let _ = write!(out, "\x1b[2J\x1b[H");
        return handed_over(session, role, out);
    }
    let name = Names::new(&session.scenario).actor(role);
    say(out, &format!("\nPass the laptop to the group playing {name}, then press Enter."));
    // Whatever is typed is only the signal that the group is there (a refused line counts too).
    read_answer(input, out)?;
    let _ = write!(out, "{ENTER_PRIVATE}");
    let done = group_menu(session, role, input, out);
    let _ = write!(out, "{LEAVE_PRIVATE}");
    let _ = out.flush();
    done?;
    handed_over(session, role, out)
}

/// Notes (journaled) that a group has entered its orders, so a resumed room does not ask it again.
/// Its orders are kept either way; only the note can be missing, and the group is then asked again.
fn handed_over(session: &mut Session, role: &str, out: &mut dyn Write) -> Option<()> {
    if let Err(why) = session.finish_entry(role) {
        say(out, &format!("The end of this group's entry is not saved: {why}."));
    }
    Some(())
}

/// "That is the 3 turns this session was to play (--turns 3)."
fn turns_done(played: u32) -> String {
    format!("That is the {played} turn(s) this session was to play (--turns {played}).")
}

/// [`run_menus`] for a room: private screens and a number of turns as `room` says. Each turn: the
/// situation report; once a turn has been played, the facilitator's menu (to take it back, fire an
/// inject, end the game now … before anyone enters the next); each group's orders in private; the
/// Council ballots; the facilitator's menu again, to play the turn.
pub fn run_menus_in(
    session: &mut Session,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    room: Room,
) -> std::io::Result<()> {
    let input = &mut Input::new(input);
    let mut played = 0;
    'turns: while !session.is_over() {
        say(out, &situation_report(&session.scenario, session.state(), session.records.last(), session.next_turn()));
        if !session.records.is_empty() {
            match facilitator_menu(session, input, out, Moment::BeforeEntry)? {
                Some(Next::GoOn) => {}
                Some(Next::Restart) => continue 'turns,
                Some(Next::Ended) | Some(Next::Stop) | None => return Ok(()),
            }
        }
        let seats = session.seats.clone();
        // A group whose entry a resumed journal kept is not asked again.
        for role in &seats {
            if session.has_entered(role) {
                continue;
            }
            if group_turn(session, role, input, out, room).is_none() {
                return Ok(());
            }
        }
        if council_ballots(session, input, out).is_none() {
            return Ok(());
        }
        match facilitator_menu(session, input, out, Moment::AfterEntry)? {
            Some(Next::GoOn) => {
                played += 1;
                if room.done(played) && !session.is_over() {
                    say(out, &turns_done(played));
                    return Ok(());
                }
            }
            Some(Next::Restart) => continue 'turns,
            Some(Next::Ended) | Some(Next::Stop) | None => return Ok(()),
        }
    }
    Ok(())
}
