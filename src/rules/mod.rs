//! The rules of resolution. Procedures fixed by the Charter are code here; tunable numbers are in the
//! scenario's `rules` (see `scenario::schema::RuleParams`).

pub mod council_vote;
