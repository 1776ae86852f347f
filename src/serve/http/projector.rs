//! The projector's page: only what everyone in the room may see, and the join codes of the groups that
//! have not opened their page yet.
//!
//! Every projector reloads at once after a change (a room can have dozens: the big screen, and
//! participants who keep it open on their phones), and they all get the same page. Rendering it for
//! each (0.7 ms and 100 KiB or more with the charts) held the runtime's one thread for tens of
//! milliseconds at the start of a turn, while the groups' orders waited, so the page is kept for what
//! it shows and rendered once.

use std::sync::Mutex;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Response};

use super::{Shared, access};
use crate::serve::stats;

/// What a projector page depends on besides the room's state: every change to what it shows is
/// announced (`AppState::announce`), so the count of announcements stands for the state; the timer
/// moves by itself, so its shown seconds and pause are part of it too.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Shows {
    announced: u64,
    timer: Option<(u64, bool)>,
    token: String,
}

/// The projector's page as last rendered, and what it showed.
#[derive(Debug, Default)]
pub struct KeptPage(Mutex<Option<(Shows, Bytes)>>);

pub async fn page(State(state): State<Shared>, Path(token): Path<String>) -> Response {
    if let Err(refused) = access::projector(&state, &token) {
        return refused;
    }
    let mut room = state.room();
    // Read while the room is held: every change counted here has been made to the room, so the page
    // rendered now shows at least what this count stands for.
    let announced = state.announced();
    let timer = room.timer.left().map(|left| (left.as_secs(), room.timer.is_paused()));
    let shows = Shows { announced, timer, token };
    let mut kept = state.projector_page.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((at, page)) = &*kept
        && *at == shows
    {
        let started = std::time::Instant::now();
        let page = page.clone();
        stats::PROJECTOR_KEPT.add(started.elapsed(), page.len());
        return Html(page).into_response();
    }
    let started = std::time::Instant::now();
    let text = crate::serve::pages::projector::render(&mut room, &shows.token, &state, announced).into_string();
    stats::PROJECTOR_PAGE.add(started.elapsed(), text.len());
    let page = Bytes::from(text);
    *kept = Some((shows, page.clone()));
    Html(page).into_response()
}
