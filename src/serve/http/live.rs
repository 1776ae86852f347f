//! Live updates: each page listens to a stream of server-sent events and reloads when a change it
//! shows happens. An event says only "reload" (never what changed), so a stream leaks nothing a page
//! would not show anyway; each stream sends only the changes its page shows.

use std::convert::Infallible;

use axum::extract::{Path, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream::{self, Stream};
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
            (Listener::Console | Listener::Projector, Change::Locks(_)) => true,
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

fn events(state: &Shared, listener: Listener) -> Sse<impl Stream<Item = Result<Event, Infallible>> + use<>> {
    let changes = state.changes.subscribe();
    let stream = stream::unfold((changes, listener), |(mut changes, listener)| async move {
        loop {
            match changes.recv().await {
                Ok(change) if listener.shows(&change) => break,
                Ok(_) => continue,
                // Missed some changes: reload to be sure.
                Err(RecvError::Lagged(_)) => break,
                Err(RecvError::Closed) => return None,
            }
        }
        crate::serve::stats::EVENTS.add(std::time::Duration::ZERO, 0);
        Some((Ok(Event::default().event("change").data("reload")), (changes, listener)))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

pub async fn group(State(state): State<Shared>, Path(token): Path<String>) -> Response {
    match access::group(&state, &token) {
        Ok(role) => events(&state, Listener::Group(role)).into_response(),
        Err(refused) => refused,
    }
}

pub async fn projector(State(state): State<Shared>, Path(token): Path<String>) -> Response {
    match access::projector(&state, &token) {
        Ok(()) => events(&state, Listener::Projector).into_response(),
        Err(refused) => refused,
    }
}

pub async fn console(State(state): State<Shared>, Path(token): Path<String>) -> Response {
    match access::facilitator(&state, &token) {
        Ok(()) => events(&state, Listener::Console).into_response(),
        Err(refused) => refused,
    }
}
