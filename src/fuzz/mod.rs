//! A fuzzer that runs on stable Rust: a deterministic, seeded mutation loop that feeds the engine's
//! readers hostile input and catches what panics (`examples/fuzz.rs` is its command line,
//! `docs/fuzzing.md` how to use it).
//!
//! Each execution takes a seed of one kind from the project's own files ([`corpus`]), mutates it
//! ([`mutate`]), and runs it through that kind's target ([`targets`]) under `catch_unwind`. A panic,
//! or a target's own check failing (a log that does not read back, a replay that diverges), is a
//! finding ([`runner`]): the input is saved and the run fails. The same `--seed` gives the same inputs.
//!
//! It needs a build that unwinds: the dev profile (overflow checks on) or `--profile fuzz`; the
//! release profile aborts on a panic, which would end the run at the first finding without a report.

pub mod corpus;
pub mod mutate;
pub mod runner;
pub mod seal;
pub mod targets;
#[cfg(test)]
mod tests;

pub use corpus::{Corpus, Kind};
pub use mutate::Mutator;
pub use runner::{Config, Finding, Summary, reproduce, run};
pub use targets::Target;
