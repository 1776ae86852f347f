//! The room's pages, rendered on the server with maud, which escapes every text it is given: a
//! scenario's names, an order's words and a group's message reach the page as text, never as markup.
//! The only markup taken as it is comes from the project's own renderers (the role sheet of
//! `brief::html` and the charts of `debrief`), which escape the scenario's texts themselves, and from
//! these pages' own parts rendered earlier with maud and kept (a group's menu, `menu.rs`; what every
//! page shows alike, `results::Public`).

pub mod console;
pub mod group;
pub mod join;
mod layout;
pub mod menu;
pub mod orders;
pub mod projector;
mod results;

pub use results::Public;
