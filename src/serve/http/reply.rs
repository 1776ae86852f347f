//! The replies that are not pages: plain-text refusals with their status, redirects after a change,
//! and the headers every reply carries.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};

/// A refusal in plain words, with its status.
pub fn plain(status: StatusCode, text: impl Into<String>) -> Response {
    let mut text = text.into();
    text.push('\n');
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response()
}

/// The reply to a link whose token is not (or no longer) the room's.
pub fn forbidden() -> Response {
    plain(
        StatusCode::FORBIDDEN,
        "This link is not valid in this room (it may have been replaced): ask the facilitator for your link.",
    )
}

/// Back to the page after a change (303: the browser fetches the page, so a reload does not send the
/// form again).
pub fn back(to: &str) -> Response {
    Redirect::to(to).into_response()
}

/// A page.
pub fn page(markup: maud::Markup) -> Response {
    Html(markup.into_string()).into_response()
}

/// A page, its rendering counted in `stat`.
pub fn counted(stat: &crate::serve::stats::Stat, render: impl FnOnce() -> maud::Markup) -> Response {
    let started = std::time::Instant::now();
    let text = render().into_string();
    stat.add(started.elapsed(), text.len());
    Html(text).into_response()
}

pub async fn home() -> Response {
    plain(StatusCode::OK, "Good Offices room. Open the link your facilitator gave your group.")
}

pub async fn not_found() -> Response {
    plain(StatusCode::NOT_FOUND, "There is no such page in this room.")
}

/// The room keeps links out of other sites' hands: no referrer is sent (a link holds a token), no page
/// is cached, no other site may frame a page, and scripts and styles come from the room only.
pub async fn secure_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    let set = [
        (header::REFERRER_POLICY, "no-referrer"),
        (header::CACHE_CONTROL, "no-store"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'",
        ),
    ];
    for (name, value) in set {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}
