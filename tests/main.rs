//! The one integration-test binary: every module drives the library or the real executable.

mod support;

mod bad_input;
mod bots_sweep;
mod builtins;
mod calibration;
mod cli;
mod council_votes;
mod debrief;
mod debrief_browser;
mod debrief_report;
mod docs_examples;
mod engine;
mod format2;
mod handouts;
mod handouts_browser;
mod malformed;
mod missions;
mod model_laws;
mod play;
mod play_room;
mod properties;
mod rule_cases;
mod save_file;
mod scenario_lookup;
mod serve;
mod serve_browser;
mod sweep_profile;
mod tracks;
mod validate_course;
