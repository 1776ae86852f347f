//! The room's web server: routes, what each request may do, and the replies. Every page is
//! rendered on the server; the only script reloads a page when the room changes (server-sent events)
//! and counts the timer down. Links carry their token in the path (`/g/TOKEN`), so a state-changing
//! request always carries its token in the request itself, never only in a cookie: another site
//! cannot forge one.

mod access;
mod assets;
mod console;
mod form;
mod group;
mod live;
mod projector;
mod reply;

use std::sync::{Arc, Mutex, MutexGuard};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use tokio::sync::broadcast;

use super::limits::{MAX_BODY_BYTES, RateLimiter};
use super::room::{Change, Room};

/// What every request handler shares.
pub struct AppState {
    room: Mutex<Room>,
    changes: broadcast::Sender<Change>,
    /// How many changes have been announced: a page is rendered with the count of the moment, and its
    /// event stream, opened after the page has loaded, reloads it at once if a change came in between
    /// (announced before the stream listened, so never sent to it).
    announced: std::sync::atomic::AtomicU64,
    limiter: Mutex<RateLimiter>,
    projector_page: projector::KeptPage,
    /// The start of every link the room prints and shows, e.g. `http://192.168.1.20:8080`.
    base: String,
}

pub type Shared = Arc<AppState>;

impl AppState {
    pub fn new(room: Room, base: String) -> Shared {
        // A page that falls this far behind is told to reload anyway (`live.rs`).
        let (changes, _) = broadcast::channel(256);
        Arc::new(AppState {
            room: Mutex::new(room),
            changes,
            announced: Default::default(),
            limiter: Mutex::default(),
            projector_page: Default::default(),
            base,
        })
    }

    /// The room, for one request. A handler never panics while holding it; if one ever did, the room
    /// goes on with the state as it was (every change is journaled before it is confirmed).
    pub fn room(&self) -> MutexGuard<'_, Room> {
        self.room.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Tells the pages concerned that the room changed.
    pub fn announce(&self, change: Change) {
        self.announced.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        // No page listening is not an error.
        let _ = self.changes.send(change);
    }

    /// How many changes have been announced so far (see `announced`).
    pub fn announced(&self) -> u64 {
        self.announced.load(std::sync::atomic::Ordering::SeqCst)
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    /// A link to a holder's page.
    pub fn link(&self, prefix: &str, token: &super::token::Token) -> String {
        format!("{}/{prefix}/{token}", self.base)
    }
}

/// Every route of the room.
pub fn router(state: Shared) -> Router {
    Router::new()
        .route("/", get(reply::home))
        .route("/assets/room.css", get(assets::css))
        .route("/assets/live.js", get(assets::script))
        .route("/g/{token}", get(group::page))
        .route("/g/{token}/order", post(group::order))
        .route("/g/{token}/draft", post(group::draft))
        .route("/g/{token}/withdraw", post(group::withdraw))
        .route("/g/{token}/lock", post(group::lock))
        .route("/g/{token}/unlock", post(group::unlock))
        .route("/g/{token}/ballot", post(group::ballot))
        .route("/g/{token}/message", post(group::message))
        .route("/g/{token}/events", get(live::group))
        .route("/p/{token}", get(projector::page))
        .route("/p/{token}/events", get(live::projector))
        .route("/f/{token}", get(console::page))
        .route("/f/{token}/resolve", post(console::resolve))
        .route("/f/{token}/inject", post(console::inject))
        .route("/f/{token}/undo", post(console::undo))
        .route("/f/{token}/end", post(console::end_now))
        .route("/f/{token}/timer", post(console::timer))
        .route("/f/{token}/relink", post(console::relink))
        .route("/f/{token}/orders", get(console::orders))
        .route("/f/{token}/debrief", get(console::debrief))
        .route("/f/{token}/join", get(console::join_sheet))
        .route("/f/{token}/events", get(live::console))
        .fallback(reply::not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::map_response(reply::secure_headers))
        .with_state(state)
}
