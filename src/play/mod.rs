//! Interactive play for the workshop room: a public situation report each turn, each seated group's
//! orders entered in private and checked on the spot, the other seats played by bots, the course or
//! nobody, and between turns the facilitator's injects, undo, and save-and-stop. Every completed turn
//! is saved at once, and every change to the turn in progress is journaled as it is made
//! (`LOG.journal`, `crate::journal`), so `resume` restores what was entered before a stop. The same session is driven by menus on a terminal and by a line format on any
//! other input (docs/facilitator-guide.md), so a game can be scripted and tested.

mod commands;
pub mod input;
mod menu;
mod report;
mod session;

pub use commands::{Command, parse_command};
pub use input::{MAX_LINE_BYTES, Stopped};
pub use menu::{Room, describe, run_lines, run_lines_in, run_menus, run_menus_in};
pub use report::situation_report;
pub use session::{Others, Restored, Session};
