//! The projector's page: only what everyone in the room may see, and the join codes of the groups that
//! have not opened their page yet.

use axum::extract::{Path, State};
use axum::response::Response;

use super::reply::counted;
use super::{Shared, access};

pub async fn page(State(state): State<Shared>, Path(token): Path<String>) -> Response {
    if let Err(refused) = access::projector(&state, &token) {
        return refused;
    }
    let mut room = state.room();
    counted(&crate::serve::stats::PROJECTOR_PAGE, || crate::serve::pages::projector::render(&mut room, &token, &state))
}
