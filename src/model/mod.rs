//! The domain model shared by briefs, the engine and reports.

pub mod glasl;
