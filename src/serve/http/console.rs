//! The facilitator's console and its changes: resolve the turn, fire an inject, undo the last turn
//! (confirmed), end the game now and score it (confirmed), pause or extend the timer, give a group a
//! new link; and its pages: every order of the
//! resolved turns, the debrief so far, the join sheet.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};

use super::form::{Fields, Raw, unprocessable};
use super::group::settle;
use super::reply::{back, page as html};
use super::{Shared, access};
use crate::serve::pages;
use crate::serve::room::{Change, Refused};

/// The console's notices are kept under this name (no role has it: role ids have no spaces).
pub const CONSOLE: &str = "the facilitator";

pub async fn page(State(state): State<Shared>, Path(token): Path<String>) -> Response {
    if let Err(refused) = access::facilitator(&state, &token) {
        return refused;
    }
    let room = state.room();
    html(pages::console::render(&room, &state, &token, room.notice(CONSOLE), state.announced()))
}

/// Runs one change the facilitator asked for, like a group's (`group::change`).
async fn change(
    state: &Shared,
    token: &str,
    raw: Option<Raw>,
    act: impl FnOnce(&Shared, &Fields) -> Result<(Result<(), Refused>, Change, String), Response>,
) -> Response {
    if let Err(refused) = access::console_change(state, token) {
        return refused;
    }
    // A change that needs no field (lock in, resolve) reads no body.
    let fields = match raw.map(Fields::read) {
        None => Fields::none(),
        Some(Ok(fields)) => fields,
        Some(Err(refused)) => return refused,
    };
    let (result, what, done) = match act(state, &fields) {
        Ok(outcome) => outcome,
        Err(refused) => return refused,
    };
    if let Some(failed) = settle(state, CONSOLE, result, what, done).await {
        return failed;
    }
    back(&format!("/f/{token}"))
}

pub async fn resolve(State(state): State<Shared>, Path(token): Path<String>) -> Response {
    change(&state, &token, None, |state, _| {
        let mut room = state.room();
        let result = room.resolve();
        let done = match &result {
            Ok(turn) => {
                let mut done = format!("Turn {turn} is resolved and saved to the log.");
                if let Some(end) = room.session.records.last().and_then(|r| r.end.as_ref()) {
                    done.push_str(&format!(" The game ends: {}", end.reason));
                }
                done
            }
            Err(_) => String::new(),
        };
        Ok((result.map(|_| ()), Change::Public, done))
    })
    .await
}

pub async fn inject(State(state): State<Shared>, Path(token): Path<String>, raw: Raw) -> Response {
    change(&state, &token, Some(raw), |state, fields| {
        let id = fields.one("inject")?;
        let result = state.room().fire_inject(id);
        Ok((result, Change::Console, format!("The inject `{id}` will be announced when the turn is resolved.")))
    })
    .await
}

pub async fn undo(State(state): State<Shared>, Path(token): Path<String>, raw: Raw) -> Response {
    change(&state, &token, Some(raw), |state, fields| {
        if fields.all("confirm").next() != Some("undo") {
            let why = Refused::Rule("tick the box to confirm the undo".to_string());
            return Ok((Err(why), Change::Console, String::new()));
        }
        let result = state.room().undo();
        let done = match &result {
            Ok(turn) => format!("Turn {turn} is taken back; the groups give their orders for it again."),
            Err(_) => String::new(),
        };
        Ok((result.map(|_| ()), Change::Public, done))
    })
    .await
}

/// Ends the game now and scores it, once the facilitator has ticked the box that confirms it.
pub async fn end_now(State(state): State<Shared>, Path(token): Path<String>, raw: Raw) -> Response {
    change(&state, &token, Some(raw), |state, fields| {
        if fields.all("confirm").next() != Some("end") {
            let why = Refused::Rule("tick the box to confirm that the game ends now".to_string());
            return Ok((Err(why), Change::Console, String::new()));
        }
        let mut room = state.room();
        let result = room.end_now();
        let done = match &result {
            Ok(turn) => {
                let reason = room.session.records.last().and_then(|r| r.end.as_ref()).map(|e| e.reason.clone());
                format!("Turn {turn} is resolved and the game is over: {}.", reason.unwrap_or_default())
            }
            Err(_) => String::new(),
        };
        Ok((result.map(|_| ()), Change::Public, done))
    })
    .await
}

/// The longest extension at once: a timer is for a turn, not a day.
const MAX_EXTENSION_MINUTES: u32 = 120;

pub async fn timer(State(state): State<Shared>, Path(token): Path<String>, raw: Raw) -> Response {
    change(&state, &token, Some(raw), |state, fields| {
        let mut room = state.room();
        let done = match fields.one("action")? {
            "pause" => {
                room.timer.pause();
                "The timer is paused.".to_string()
            }
            "resume" => {
                room.timer.resume();
                "The timer runs again.".to_string()
            }
            "extend" => {
                let text = fields.one("minutes")?;
                let minutes =
                    text.parse::<u32>().ok().filter(|m| (1..=MAX_EXTENSION_MINUTES).contains(m)).ok_or_else(|| {
                        unprocessable(format!("`{text}` is not 1 to {MAX_EXTENSION_MINUTES} minutes."))
                    })?;
                room.timer.extend(minutes);
                format!("The timer is extended by {minutes} minutes.")
            }
            other => {
                return Err(unprocessable(format!("`{other}` is not a timer action; send pause, resume or extend.")));
            }
        };
        Ok((Ok(()), Change::Public, done))
    })
    .await
}

pub async fn relink(State(state): State<Shared>, Path(token): Path<String>, raw: Raw) -> Response {
    change(&state, &token, Some(raw), |state, fields| {
        let role = fields.one("role")?;
        let mut room = state.room();
        let result = room.relink(role);
        let done = match room.keys.token_of(role) {
            Some(fresh) if result.is_ok() => {
                format!("{role} has a new link (the old one no longer works): {}", state.link("g", fresh))
            }
            _ => String::new(),
        };
        // The group's open pages lose their link: nothing to announce to them.
        Ok((result, Change::Console, done))
    })
    .await
}

pub async fn orders(State(state): State<Shared>, Path(token): Path<String>) -> Response {
    if let Err(refused) = access::facilitator(&state, &token) {
        return refused;
    }
    let room = state.room();
    html(pages::orders::render(&room.session, &token))
}

pub async fn debrief(State(state): State<Shared>, Path(token): Path<String>) -> Response {
    if let Err(refused) = access::facilitator(&state, &token) {
        return refused;
    }
    let room = state.room();
    let session = &room.session;
    let name = session.log_path.display().to_string();
    let game = crate::debrief::GameLog { name: &name, header: &session.header, records: &session.records };
    let report = crate::debrief::Debrief::new(&session.scenario, &game);
    axum::response::Html(crate::debrief::html::render(&report)).into_response()
}

pub async fn join_sheet(State(state): State<Shared>, Path(token): Path<String>) -> Response {
    if let Err(refused) = access::facilitator(&state, &token) {
        return refused;
    }
    let room = state.room();
    html(pages::join::render(&room, &state))
}
