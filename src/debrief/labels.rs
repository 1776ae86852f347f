//! What to call two compared games: by what changed between them, not by their files. A branch and its
//! trunk are "Branch" and "Trunk", and the branch's long name says what was decided differently, from the
//! turn the games diverge: "Branch: from turn 5, United States: mediation → The disputed presidency
//! (directive) instead of holding". Two games that are not a branch and its trunk are "This game" and
//! "The other game", described the same way (or by their seeds, when only the dice differ).

use crate::engine::record::TurnRecord;
use crate::log::LogHeader;
use crate::names::{Names, tool};
use crate::scenario::OrderSpec;

#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// For a table's head and a chart's legend: "Branch".
    pub short: String,
    /// In a sentence: "the branch".
    pub phrase: String,
    /// What this game is, e.g. "Branch: from turn 5, United States: mediation → … instead of holding
    /// (b.log)".
    pub long: String,
}

fn is_branch(h: &LogHeader) -> bool {
    h.source.starts_with("branch of ")
}

/// The labels of `this` and `other`, given their records, headers and file names, and the index of the
/// first record that differs (`None`: the games are the same).
pub fn labels(
    names: Names<'_>,
    (this, this_header, this_file): (&[TurnRecord], &LogHeader, &str),
    (other, other_header, other_file): (&[TurnRecord], &LogHeader, &str),
    first: Option<usize>,
) -> (Label, Label) {
    let (a, b) = match (is_branch(this_header), is_branch(other_header)) {
        (true, false) => (("Branch", "the branch"), ("Trunk", "the trunk")),
        (false, true) => (("Trunk", "the trunk"), ("Branch", "the branch")),
        _ => (("This game", "this game"), ("The other game", "the other game")),
    };
    let change = |x: &[TurnRecord], y: &[TurnRecord], seed: u64| -> String {
        let Some(i) = first else { return "the same as the other game".into() };
        let (Some(r), Some(s)) = (x.get(i), y.get(i)) else {
            return format!("played for {} turn(s)", x.len());
        };
        let changed = changes(names, r, s);
        if changed.is_empty() {
            format!("seed {seed}")
        } else {
            format!("from turn {}, {}", r.turn, changed.join("; "))
        }
    };
    let label = |(short, phrase): (&str, &str), file: &str, what: String| Label {
        short: short.to_string(),
        phrase: phrase.to_string(),
        long: format!("{short}: {what} ({file})"),
    };
    // A game is described by what it did differently; a trunk by being the game the branch came from.
    let what = |short: &str, x: &[TurnRecord], y: &[TurnRecord], seed: u64| {
        if short == "Trunk" { "the game the branch came from".to_string() } else { change(x, y, seed) }
    };
    let this_what = what(a.0, this, other, this_header.seed);
    let other_what = what(b.0, other, this, other_header.seed);
    (label(a, this_file, this_what), label(b, other_file, other_what))
}

/// What an actor decided in `r` and not in `s`, one phrase per actor: "United States: mediation → The
/// disputed presidency (directive) instead of holding"; and the ballots and news given differently.
fn changes(names: Names<'_>, r: &TurnRecord, s: &TurnRecord) -> Vec<String> {
    let mut actors: Vec<&str> = Vec::new();
    for o in r.submitted.iter().chain(&s.submitted) {
        if !actors.contains(&o.actor.as_str()) {
            actors.push(&o.actor);
        }
    }
    let of = |orders: &[OrderSpec], actor: &str| -> Vec<String> {
        orders.iter().filter(|o| o.actor == actor).map(|o| order(names, o)).collect()
    };
    let words = |list: Vec<String>| if list.is_empty() { "holding".to_string() } else { list.join(" and ") };
    let mut out: Vec<String> = actors
        .into_iter()
        .filter_map(|actor| {
            let (x, y) = (of(&r.submitted, actor), of(&s.submitted, actor));
            (x != y).then(|| format!("{}: {} instead of {}", names.actor(actor), words(x), words(y)))
        })
        .collect();
    if r.ballots != s.ballots {
        out.push("other Council ballots".into());
    }
    if r.facilitator_injects != s.facilitator_injects {
        out.push("other news fired by the facilitator".into());
    }
    out
}

/// An order without its actor and its note: "mediation → The disputed presidency (directive)".
fn order(names: Names<'_>, o: &OrderSpec) -> String {
    let full = names.order(&OrderSpec { note: String::new().into(), ..o.clone() });
    let prefix = format!("{}: ", names.actor(&o.actor));
    full.strip_prefix(&prefix).map_or_else(|| tool(o.tool), str::to_string)
}
