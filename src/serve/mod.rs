//! `good-offices serve`: the workshop room on the groups' own devices. Each group plays from a phone
//! through its own link, the projector shows the public situation, the facilitator runs the room from
//! a console; all three are pages served from the facilitator's laptop, offline.
//!
//! The room drives the same `play::Session` as the terminal room (orders checked by `orders::check`,
//! the turn played by the engine and appended to the log), so both rooms share one rule path. What the
//! web adds is kept apart: the links' tokens (`token.rs`, `keys.rs`: `LOG.room`), the journal of the
//! turn in progress (`crate::journal`: `LOG.journal`, shared with `play`), the room's own state (`room.rs`: who locked in, the
//! timer), the menu of orders (`choices.rs`), the limits on requests (`limits.rs`), the routes
//! (`http/`) and the pages (`pages/`). `start.rs` opens a room for a new or a resumed game and
//! `run.rs` serves it.

pub mod choices;
pub mod http;
/// The journal is shared with `play` (`crate::journal`); its path here is kept for the room's code.
pub use crate::journal;
pub mod keys;
pub mod limits;
pub mod menus;
mod pages;
pub mod room;
pub mod run;
pub mod start;
pub mod stats;
pub mod timer;
pub mod token;

pub use http::{AppState, Shared, router};
pub use keys::{RoomKeys, Settings, room_path};
pub use room::Room;
pub use start::{open_new, open_resumed};
