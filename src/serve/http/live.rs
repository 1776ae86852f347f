//! Live updates: each page listens to a stream of server-sent events and reloads when a change it
//! shows happens. An event says only "reload" (never what changed), so a stream leaks nothing a page
//! would not show anyway; each stream sends only the changes its page shows, and the projector's and
//! the console's gather a burst of them into one reload (`gather`).

use std::convert::Infallible;

use axum::extract::{Path, Query, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream::{self, Stream};
use std::time::Duration;

use tokio::sync::broadcast::Receiver;
use tokio::sync::broadcast::error::RecvError;

use super::{Shared, access};
use crate::serve::room::Change;

/// The changes a page shows.
#[derive(Clone)]
enum Listener {
    Group(String),
    Projector,
    Console,
}

impl Listener {
    fn shows(&self, change: &Change) -> bool {
        match (self, change) {
            (_, Change::Public) => true,
            (Listener::Console | Listener::Projector, Change::Locks(_) | Change::Joined(_)) => true,
            (Listener::Group(me), Change::Locks(who)) => me == who,
            (Listener::Console, _) => true,
            (Listener::Group(me), Change::Group(who)) => me == who,
            (Listener::Group(me), Change::Message { from, to }) => {
                from == me || to.is_empty() || to.iter().any(|t| t == me)
            }
            _ => false,
        }
    }
}

impl Listener {
    /// Whether this page waits a moment for more changes before it reloads: the projector and the
    /// console for anything but a public change. When forty groups lock in within a second, each
    /// screen otherwise reloads forty times (sixty projectors: 2,400 page requests in that second,
    /// just when the groups' own orders and locks come in).
    fn gathers(&self, change: &Change) -> bool {
        matches!(self, Listener::Projector | Listener::Console) && *change != Change::Public
    }
}

/// How long the projector and the console wait for the room to be quiet before they reload: a group
/// shown as locked in this much later is not noticed in a room. Each change shown restarts the wait,
/// so a burst (forty groups locking in within a second, as the turn's orders come in) costs one
/// reload after it rather than one in the middle of it; a resolution is never held back (`gather`).
const QUIET: Duration = Duration::from_millis(200);

/// The longest a change waits while others keep coming: a room that is never quiet still updates.
const AT_MOST: Duration = Duration::from_secs(1);

/// Takes the changes that come until the room has been quiet for [`QUIET`] (at most [`AT_MOST`]),
/// ending at once on a public one (a resolved turn); `None` when the room has closed.
async fn gather(changes: &mut Receiver<Change>, listener: &Listener) -> Option<()> {
    let latest = tokio::time::Instant::now() + AT_MOST;
    let mut until = (tokio::time::Instant::now() + QUIET).min(latest);
    loop {
        match tokio::time::timeout_at(until, changes.recv()).await {
            // The time is up, or a resolution: reload now.
            Err(_) | Ok(Ok(Change::Public)) => return Some(()),
            Ok(Ok(change)) if listener.shows(&change) => until = (tokio::time::Instant::now() + QUIET).min(latest),
            Ok(Ok(_) | Err(RecvError::Lagged(_))) => continue,
            Ok(Err(RecvError::Closed)) => return None,
        }
    }
}

/// The count of announced changes the page was rendered at (`AppState::announced`).
#[derive(serde::Deserialize)]
pub struct Since {
    since: Option<u64>,
}

fn events(
    state: &Shared,
    listener: Listener,
    Since { since }: Since,
) -> Sse<impl Stream<Item = Result<Event, Infallible>> + use<>> {
    let changes = state.changes.subscribe();
    // A change announced after the page was rendered but before this stream listened was never sent
    // to it: reload at once (a change since that the page does not show costs one reload, no more).
    let missed = since.is_some_and(|at| state.announced() > at);
    let stream = stream::unfold((changes, listener, missed), |(mut changes, listener, missed)| async move {
        if !missed {
            loop {
                match changes.recv().await {
                    Ok(change) if listener.shows(&change) => {
                        if listener.gathers(&change) && gather(&mut changes, &listener).await.is_none() {
                            return None;
                        }
                        break;
                    }
                    Ok(_) => continue,
                    // Missed some changes: reload to be sure.
                    Err(RecvError::Lagged(_)) => break,
                    Err(RecvError::Closed) => return None,
                }
            }
        }
        crate::serve::stats::EVENTS.add(std::time::Duration::ZERO, 0);
        Some((Ok(Event::default().event("change").data("reload")), (changes, listener, false)))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

pub async fn group(State(state): State<Shared>, Path(token): Path<String>, Query(since): Query<Since>) -> Response {
    match access::group(&state, &token) {
        Ok(role) => events(&state, Listener::Group(role), since).into_response(),
        Err(refused) => refused,
    }
}

pub async fn projector(State(state): State<Shared>, Path(token): Path<String>, Query(since): Query<Since>) -> Response {
    match access::projector(&state, &token) {
        Ok(()) => events(&state, Listener::Projector, since).into_response(),
        Err(refused) => refused,
    }
}

pub async fn console(State(state): State<Shared>, Path(token): Path<String>, Query(since): Query<Since>) -> Response {
    match access::facilitator(&state, &token) {
        Ok(()) => events(&state, Listener::Console, since).into_response(),
        Err(refused) => refused,
    }
}
