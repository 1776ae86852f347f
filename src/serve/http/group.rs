//! A group's page and the changes it makes. The group is the one its link's token names: no form
//! field can name another (the role is never read from the request), so a group can neither see nor
//! act for another.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::form::{Fields, Raw, unprocessable};
use super::reply::{back, counted, plain};
use super::{Shared, access};
use crate::engine::record::Ballot;
use crate::orders::Message;
use crate::play::{Command, parse_command};
use crate::scenario::ToolKind;
use crate::serve::choices::{draft_body, is_draft};
use crate::serve::menus::Menu;
use crate::serve::room::{Change, Refused};
use crate::serve::stats;

pub async fn page(State(state): State<Shared>, Path(token): Path<String>) -> Response {
    let role = match access::group(&state, &token) {
        Ok(role) => role,
        Err(refused) => return refused,
    };
    make_menu(&state, &role, &token).await;
    let mut room = state.room();
    if room.join(&role) {
        // The projector takes the group's code down (and the console shows it joined) at once.
        state.announce(Change::Joined(role.clone()));
    }
    let menu = room.menu_now(&role, &token);
    let public = room.public();
    counted(&stats::GROUP_PAGE, || {
        crate::serve::pages::group::render(
            &room,
            &role,
            &token,
            room.notice(&role),
            menu.as_deref(),
            &public,
            state.announced(),
        )
    })
}

/// Makes the group's menu of orders on tokio's blocking pool if none is kept for the room as it is
/// (`serve::menus`): the runtime's one thread goes on serving other requests meanwhile, instead of
/// checking some hundreds of orders for each page opened. If the room changes before the page is
/// rendered, the page makes its menu again, in place (`Room::menu_now`).
async fn make_menu(state: &Shared, role: &str, token: &str) {
    let Menu::Make(job) = state.room().menu(role, token) else { return };
    // A job that failed to run (a panic) leaves the menu to be made in place.
    if let Ok((key, menu)) = tokio::task::spawn_blocking(|| job.render()).await {
        state.room().keep_menu(role, key, menu);
    }
}

/// Runs one change a group asked for: the token first (403), then its rate (429), then the form
/// (413, 400, 422); a change the rules refuse is told on the page, in the rules' words.
async fn change(
    state: &Shared,
    token: &str,
    raw: Option<Raw>,
    act: impl FnOnce(&Shared, &str, &Fields) -> Result<(Result<(), Refused>, Change, String), Response>,
) -> Response {
    let role = match access::group_change(state, token) {
        Ok(role) => role,
        Err(refused) => return refused,
    };
    // A change that needs no field (lock in, resolve) reads no body.
    let fields = match raw.map(Fields::read) {
        None => Fields::none(),
        Some(Ok(fields)) => fields,
        Some(Err(refused)) => return refused,
    };
    let (result, what, done) = match act(state, &role, &fields) {
        Ok(outcome) => outcome,
        Err(refused) => return refused,
    };
    if let Some(failed) = settle(state, &role, result, what, done).await {
        return failed;
    }
    back(&format!("/g/{token}"))
}

/// Tells the group how its change went, on its page, and the pages concerned that something changed.
/// A change is confirmed only once the journal holding it is synced (outside the room's lock, so
/// that changes made together share their syncs); one that could not be saved is refused with a 500
/// and the reason.
pub(super) async fn settle(
    state: &Shared,
    page: &str,
    result: Result<(), Refused>,
    what: Change,
    done: String,
) -> Option<Response> {
    let saved = match result {
        Ok(()) => {
            let syncer = state.room().journal_syncer();
            let started = std::time::Instant::now();
            let synced = syncer.sync().await;
            stats::JOURNAL_WAIT.add(started.elapsed(), 0);
            synced.map_err(Refused::Io)
        }
        Err(refused) => Err(refused),
    };
    let mut room = state.room();
    match saved {
        Ok(()) => {
            room.notify(page, done);
            drop(room);
            state.announce(what);
            None
        }
        Err(Refused::Rule(why)) => {
            room.notify(page, format!("Not possible: {why}."));
            None
        }
        Err(Refused::Io(e)) => Some(plain(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("The change could not be saved ({e}); tell the facilitator."),
        )),
    }
}

fn order_from_line(state: &Shared, role: &str, line: &str) -> Result<crate::scenario::OrderSpec, Response> {
    let scenario = state.room().session.scenario.clone();
    match parse_command(&format!("order {role} {line}"), &scenario) {
        Ok(Command::Order(order)) => Ok(order),
        Ok(_) => Err(unprocessable("The form does not hold an order.")),
        Err(why) => Err(unprocessable(format!("The order cannot be read: {why}."))),
    }
}

pub async fn order(State(state): State<Shared>, Path(token): Path<String>, raw: Raw) -> Response {
    change(&state, &token, Some(raw), |state, role, fields| {
        let order = order_from_line(state, role, fields.one("order")?)?;
        let words = crate::play::describe(&state.room().session.scenario, &order);
        let result = state.room().give_order(order);
        Ok((result, Change::Group(role.to_string()), format!("Order noted: {words}.")))
    })
    .await
}

/// The draft builder: a chapter and the contents ticked, for the Council or the Assembly.
pub async fn draft(State(state): State<Shared>, Path(token): Path<String>, raw: Raw) -> Response {
    change(&state, &token, Some(raw), |state, role, fields| {
        let tool = fields.one("tool")?;
        let Some(tool) = ToolKind::ALL.iter().copied().filter(|t| is_draft(*t)).find(|t| format!("{t:?}") == tool)
        else {
            return Err(unprocessable(format!("`{tool}` is not a kind of draft.")));
        };
        let chapter = match fields.one("chapter")? {
            "VI" => "VI",
            "VII" => "VII",
            other => return Err(unprocessable(format!("`{other}` is not a chapter; send VI or VII."))),
        };
        let contents: Vec<&str> = fields.all("content").collect();
        if contents.iter().any(|c| c.is_empty() || c.contains(char::is_whitespace) || c.contains('+')) {
            return Err(unprocessable("A draft's content cannot be read."));
        }
        if contents.is_empty() {
            let why = Refused::Rule("tick at least one thing the draft should do".to_string());
            return Ok((Err(why), Change::Group(role.to_string()), String::new()));
        }
        let scenario = state.room().session.scenario.clone();
        let Some(body) = draft_body(&scenario, tool) else {
            return Err(unprocessable("There is no body for this draft in the scenario."));
        };
        let line = format!("{tool:?} body:{body} chapter={chapter} contents={}", contents.join("+"));
        let order = order_from_line(state, role, &line)?;
        let words = crate::play::describe(&scenario, &order);
        let result = state.room().give_order(order);
        Ok((result, Change::Group(role.to_string()), format!("Order noted: {words}.")))
    })
    .await
}

pub async fn withdraw(State(state): State<Shared>, Path(token): Path<String>, raw: Raw) -> Response {
    change(&state, &token, Some(raw), |state, role, fields| {
        let index = fields.one("index")?;
        let index: usize = index.parse().map_err(|_| unprocessable(format!("`{index}` is not an order's number.")))?;
        let result = state.room().withdraw(role, index);
        Ok((result, Change::Group(role.to_string()), "The order is taken back.".to_string()))
    })
    .await
}

pub async fn lock(State(state): State<Shared>, Path(token): Path<String>) -> Response {
    change(&state, &token, None, |state, role, _| {
        let result = state.room().lock(role);
        Ok((
            result,
            Change::Locks(role.to_string()),
            "Your orders are locked in. Unlock them to change them.".to_string(),
        ))
    })
    .await
}

pub async fn unlock(State(state): State<Shared>, Path(token): Path<String>) -> Response {
    change(&state, &token, None, |state, role, _| {
        let result = state.room().unlock(role);
        Ok((
            result,
            Change::Locks(role.to_string()),
            "Your orders are unlocked: change them, then lock them in again.".to_string(),
        ))
    })
    .await
}

pub async fn ballot(State(state): State<Shared>, Path(token): Path<String>, raw: Raw) -> Response {
    change(&state, &token, Some(raw), |state, role, fields| {
        let ballot = match fields.one("ballot")? {
            "yes" => Ballot::Yes,
            "no" => Ballot::No,
            "abstain" => Ballot::Abstain,
            "position" => {
                let result = state.room().clear_ballot(role);
                let done = "Your ballot is taken back: you vote as your role's position decides.".to_string();
                return Ok((result, Change::Group(role.to_string()), done));
            }
            other => {
                return Err(unprocessable(format!("`{other}` is not a ballot; send yes, no, abstain or position.")));
            }
        };
        let result = state.room().ballot(role, ballot);
        Ok((result, Change::Group(role.to_string()), format!("Your ballot is noted: {ballot:?}.")))
    })
    .await
}

pub async fn message(State(state): State<Shared>, Path(token): Path<String>, raw: Raw) -> Response {
    change(&state, &token, Some(raw), |state, role, fields| {
        let text = fields.one("text")?.replace("\r\n", "\n");
        let receivers: Vec<String> = fields.all("to").map(str::to_string).collect();
        if receivers.is_empty() {
            let why = Refused::Rule("choose who the message is for".to_string());
            return Ok((Err(why), Change::Group(role.to_string()), String::new()));
        }
        // A message to all is a message with no receivers named.
        let to = if receivers.iter().any(|r| r == "all") { Vec::new() } else { receivers };
        let message = Message { from: role.to_string(), to: to.clone(), text };
        let result = state.room().send(message);
        Ok((result, Change::Message { from: role.to_string(), to }, "Message sent.".to_string()))
    })
    .await
}
