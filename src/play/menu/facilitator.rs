//! The facilitator's menu at the terminal: before the groups enter a turn (once a turn has been
//! played, so that a turn can be taken back before anyone enters the next) and after they have
//! entered it. Undo and "end now" are confirmed first; an inject shows what it does before it fires.

use std::io::Write;

use super::{after_turn, choose, say};
use crate::brief::words::Words;
use crate::play::input::Input;
use crate::play::report::situation_report;
use crate::play::session::Session;

/// When the menu is shown in a turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Moment {
    /// The turn's situation has been read out; no group has entered its orders yet.
    BeforeEntry,
    /// Every group has entered its orders (and the Council members their ballots).
    AfterEntry,
}

/// What the room does after the facilitator's choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Next {
    /// Go on: to the groups' entry (before it), or the turn was played (after it).
    GoOn,
    /// The turn being prepared changed (a turn was taken back): start it again from its report.
    Restart,
    /// The game ended now and was scored.
    Ended,
    /// Save and stop.
    Stop,
}

/// The answer to a question: `Ok(None)` at the end of input (the game is saved turn by turn: stopping
/// loses nothing completed), an error when a turn cannot be saved to the log.
type Answer<T> = std::io::Result<Option<T>>;

/// Asks, returning `Ok(None)` from the calling function at the end of input.
macro_rules! ask {
    ($e:expr) => {
        match $e {
            Some(answer) => answer,
            None => return Ok(None),
        }
    };
}

/// The facilitator's menu until a choice moves the room on.
pub(super) fn facilitator_menu(
    session: &mut Session,
    input: &mut Input,
    out: &mut dyn Write,
    at: Moment,
) -> Answer<Next> {
    loop {
        let turn = session.next_turn();
        let first = match at {
            Moment::BeforeEntry => format!("go on: the groups enter their orders for turn {turn}"),
            Moment::AfterEntry => format!("play turn {turn}"),
        };
        let undo = match session.records.last() {
            Some(last) => format!("undo turn {} (asks first)", last.turn),
            None => "undo the last turn (none played yet)".to_string(),
        };
        let inject =
            if session.available_injects().is_empty() { "fire an inject (none left)" } else { "fire an inject" };
        let choices = [
            first,
            inject.to_string(),
            undo,
            "save and stop".to_string(),
            "show the situation report again".to_string(),
            "end the game now and score it (asks first)".to_string(),
        ];
        match ask!(choose(input, out, "Facilitator:", &choices, None)) {
            1 if at == Moment::AfterEntry => {
                session.play_turn()?;
                after_turn(session, out);
                return Ok(Some(Next::GoOn));
            }
            1 => return Ok(Some(Next::GoOn)),
            2 => ask!(fire_inject(session, input, out)),
            3 => {
                if ask!(undo_confirmed(session, input, out)?) {
                    return Ok(Some(Next::Restart));
                }
            }
            4 => return Ok(Some(Next::Stop)),
            5 => say(
                out,
                &situation_report(&session.scenario, session.state(), session.records.last(), session.next_turn()),
            ),
            _ => {
                if ask!(end_confirmed(session, input, out)?) {
                    return Ok(Some(Next::Ended));
                }
            }
        }
    }
}

/// Takes back the last turn once the facilitator confirms. Whether a turn was taken back.
fn undo_confirmed(session: &mut Session, input: &mut Input, out: &mut dyn Write) -> Answer<bool> {
    let Some(last) = session.records.last().map(|r| r.turn) else {
        say(out, "There is no completed turn to take back.");
        return Ok(Some(false));
    };
    let question = format!(
        "Take back turn {last}? The log is rewritten without it, and the orders entered since are dropped: the \
         groups enter turn {last} again."
    );
    let yes = ask!(choose(input, out, &question, &[format!("yes, take back turn {last}"), "no, go back".into()], None));
    if yes != 1 {
        return Ok(Some(false));
    }
    match session.undo()? {
        Some(t) => say(out, &format!("Turn {t} is taken back.")),
        None => say(out, "There is no completed turn to take back."),
    }
    Ok(Some(true))
}

/// Ends the game now, scored, once the facilitator confirms. Whether it ended.
fn end_confirmed(session: &mut Session, input: &mut Input, out: &mut dyn Write) -> Answer<bool> {
    let turn = session.next_turn();
    let question = format!(
        "End the game now? Turn {turn} is resolved with the orders entered so far (a group that entered none \
         holds), then the game ends and every objective is scored as at the end."
    );
    let choices = [format!("yes, resolve turn {turn}, end the game and score it"), "no, go back".to_string()];
    if ask!(choose(input, out, &question, &choices, None)) != 1 {
        return Ok(Some(false));
    }
    session.end_now()?;
    after_turn(session, out);
    Ok(Some(true))
}

/// Fires a facilitator inject after showing its text and what it does, confirmed.
fn fire_inject(session: &mut Session, input: &mut Input, out: &mut dyn Write) -> Option<()> {
    let injects = session.available_injects();
    if injects.is_empty() {
        say(out, "No facilitator inject is left.");
        return Some(());
    }
    let labels: Vec<String> = injects.iter().map(|(_, t)| t.clone()).collect();
    let j = choose(input, out, "Which inject?", &labels, Some("none"))?;
    if j == 0 {
        return Some(());
    }
    let id = injects[j - 1].0.clone();
    let words = Words::new(&session.scenario);
    if let Some(inject) = session.scenario.injects.iter().find(|i| i.id == id.as_str()) {
        say(
            out,
            &format!("{}. {}\nWhat it does: {}", inject.title, inject.text.trim(), words.effects(&inject.effects)),
        );
    }
    let fire = choose(input, out, "Fire it this turn?", &["yes, fire it".into(), "no".into()], None)?;
    if fire == 1 {
        match session.fire_inject(&id) {
            Ok(()) => say(out, "It will be announced when the turn is played."),
            Err(e) => say(out, &e),
        }
    }
    Some(())
}
