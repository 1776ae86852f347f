//! Who is asking: a link's token is checked before anything else (403 for a token that is not the
//! room's or not of this kind of page), and a link that makes changes faster than a group could tap
//! is told to wait (429).

use axum::http::StatusCode;
use axum::response::Response;

use super::Shared;
use super::reply::{forbidden, plain};
use crate::serve::keys::Holder;
use crate::serve::token::Token;

fn holder(state: &Shared, token: &str) -> Option<Holder> {
    let token = Token::parse(token)?;
    state.room().keys.holder(&token)
}

/// The role of a group's link.
pub fn group(state: &Shared, token: &str) -> Result<String, Response> {
    match holder(state, token) {
        Some(Holder::Group(role)) => Ok(role),
        _ => Err(forbidden()),
    }
}

pub fn projector(state: &Shared, token: &str) -> Result<(), Response> {
    match holder(state, token) {
        Some(Holder::Projector) => Ok(()),
        _ => Err(forbidden()),
    }
}

pub fn facilitator(state: &Shared, token: &str) -> Result<(), Response> {
    match holder(state, token) {
        Some(Holder::Facilitator) => Ok(()),
        _ => Err(forbidden()),
    }
}

/// One change by this link, if its rate allows.
pub fn rate(state: &Shared, token: &str) -> Result<(), Response> {
    let allowed = state.limiter.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).allow(token);
    if allowed {
        Ok(())
    } else {
        Err(plain(StatusCode::TOO_MANY_REQUESTS, "Too many changes from this link in a short time: wait a moment."))
    }
}

/// A group's link that may make one change now.
pub fn group_change(state: &Shared, token: &str) -> Result<String, Response> {
    let role = group(state, token)?;
    rate(state, token)?;
    Ok(role)
}

/// The facilitator's link, allowed one change now.
pub fn console_change(state: &Shared, token: &str) -> Result<(), Response> {
    facilitator(state, token)?;
    rate(state, token)
}
