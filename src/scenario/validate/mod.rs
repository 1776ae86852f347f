//! Semantic checks on a scenario that parsed: ids, references, ranges, the Charter's fixed rules,
//! which tools fit which actors, and warnings about things that are legal but suspicious.
//! Every check runs, so the author sees every problem in one pass.

mod bodies;
mod briefing_tools;
mod cascade;
mod eligibility;
mod ids;
mod meta;
pub mod ranges;
mod refs;
mod version;
mod warnings;

pub use eligibility::{Need, Requirement, meets, requirement};
pub use meta::{is_id, parse_date};

use super::schema::Scenario;
use super::spans::{Seg, SpanIndex};
use crate::diagnostics::{Diagnostic, did_you_mean};

/// All problems found in `scenario`, errors and warnings, in file order. `text` is the file the
/// scenario and `spans` were read from: a warning about words inside a text points at the words.
pub fn validate(scenario: &Scenario, spans: &SpanIndex, text: &str) -> Vec<Diagnostic> {
    let mut c = Checker { s: scenario, spans, text, out: Vec::new() };
    version::check(&mut c);
    meta::check(&mut c);
    ids::check(&mut c);
    refs::check(&mut c);
    ranges::check(&mut c);
    bodies::check(&mut c);
    eligibility::check(&mut c, &cascade::actors_meant_by_unknown_ids(scenario));
    warnings::check(&mut c);
    briefing_tools::check(&mut c);
    c.out.sort_by_key(|d| (d.start, d.severity, d.code));
    c.out.dedup();
    cascade::one_error_per_unknown_id(&mut c.out);
    c.out
}

pub(crate) struct Checker<'a> {
    pub s: &'a Scenario,
    pub spans: &'a SpanIndex,
    pub text: &'a str,
    pub out: Vec<Diagnostic>,
}

impl Checker<'_> {
    pub fn span(&self, path: &[Seg]) -> (usize, usize) {
        self.spans.span(path)
    }

    pub fn error(&mut self, code: &'static str, message: impl Into<String>, path: &[Seg]) -> &mut Diagnostic {
        let d = Diagnostic::error(code, message, self.span(path));
        self.out.push(d);
        self.out.last_mut().expect("just pushed")
    }

    pub fn warning(&mut self, code: &'static str, message: impl Into<String>, path: &[Seg]) -> &mut Diagnostic {
        let d = Diagnostic::warning(code, message, self.span(path));
        self.out.push(d);
        self.out.last_mut().expect("just pushed")
    }

    /// A help text for an unknown id: the nearest known one, or the list of known ones.
    pub fn suggest<'b>(&self, typed: &str, known: impl IntoIterator<Item = &'b str> + Clone, what: &str) -> String {
        if let Some(s) = did_you_mean(typed, known.clone()) {
            return format!("did you mean `{s}`?");
        }
        let all: Vec<&str> = known.into_iter().collect();
        if all.is_empty() {
            format!("there are no {what}s yet; add one")
        } else if all.len() <= 12 {
            format!("the {what}s are: {}", all.join(", "))
        } else {
            format!("use the id of one of the {} {what}s", all.len())
        }
    }
}
