//! The room's two assets, embedded in the binary: a style sheet for phones and projectors, and the
//! one small script (live reloads and the timer's countdown). Nothing is fetched from the internet.

use axum::http::header;
use axum::response::{IntoResponse, Response};

const CSS: &str = include_str!("../assets/room.css");
const SCRIPT: &str = include_str!("../assets/live.js");

pub async fn css() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], CSS).into_response()
}

pub async fn script() -> Response {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], SCRIPT).into_response()
}
