//! Orders: the RON orders file a group (or a script) gives, and the check every order passes or fails
//! with its reason. See `docs/orders.md`.

mod check;
mod drafts;
mod file;
mod message;

pub use check::{MAX_ORDERS_PER_ACTOR, Target as TargetKind, check, passes, target_kind};
pub use drafts::draft_contents;
pub use file::{CheckedOrders, OrdersFile, TurnOrders, load_orders, load_orders_for, parse_orders, parse_orders_for};
pub use message::{MAX_MESSAGE_CHARS, Message};
