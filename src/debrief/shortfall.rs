//! Why an objective was not met, with the numbers it ended at: "the number of people killed ended at
//! 1,234 (needed at most 1,000)". The objective's own words say what was wanted; the room asks how far
//! off it was, so each part of the goal that failed is named with its final value.

use crate::brief::words::Words;
use crate::engine::view::View;
use crate::names::{count, level};
use crate::scenario::{Condition, Var};

/// One part of a goal that failed.
#[derive(Debug, Clone, PartialEq)]
pub struct Miss {
    pub words: String,
    /// A number that ended short of what was needed ("… ended at 45.00 (needed at least 60.00)"), rather
    /// than an event that happened or did not, which the objective's own words already say: the summary
    /// keeps only these.
    pub value: bool,
}

/// Whether the game is over (the value a goal *ended at*) or goes on (the value it *is at now*, in
/// the rooms, where a group sees how far it is from each objective).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Ended,
    Now,
}

/// The parts of `goal` that do not hold in `view`, each in words with the value it ended at. Empty when
/// the goal holds.
pub fn shortfall(view: &View<'_>, goal: &Condition) -> Vec<Miss> {
    shortfall_when(view, goal, When::Ended)
}

/// [`shortfall`], said of the end or of now.
pub fn shortfall_when(view: &View<'_>, goal: &Condition, when: When) -> Vec<Miss> {
    let words = Words::new(view.scenario);
    let mut out = Vec::new();
    failed(view, &words, goal, false, when, &mut out);
    out
}

/// `negated`: the condition is under a `Not`, so it fails when it holds.
fn failed(view: &View<'_>, words: &Words<'_>, c: &Condition, negated: bool, when: When, out: &mut Vec<Miss>) {
    if view.holds(c) != negated {
        return;
    }
    let value = |v: &Var| {
        let x = view.value(v);
        match v {
            Var::Stage(_) => format!("{x:.0} ({})", crate::model::glasl::stage_name(x as u8)),
            Var::Deaths | Var::Displaced | Var::DisputeDeaths(_) | Var::RecentDeaths(_) => count(x.max(0.0) as u64),
            _ => level(x),
        }
    };
    let bound = |v: &Var, x: f64| match v {
        Var::Stage(_) => format!("{x:.0}"),
        Var::Deaths | Var::Displaced | Var::DisputeDeaths(_) | Var::RecentDeaths(_) => count(x.max(0.0) as u64),
        _ => level(x),
    };
    let number = |v: &Var, need: &str, x: f64| {
        let (subject, at, bound) = (words.subject(v).0, value(v), bound(v, x));
        let words = match when {
            When::Ended => format!("{subject} ended at {at} (needed {need} {bound})"),
            When::Now => format!("{subject} is at {at} now (needs {need} {bound})"),
        };
        Miss { words, value: true }
    };
    let said = |ended: &str, now: &str| fact(if when == When::Ended { ended.to_string() } else { now.to_string() });
    match (c, negated) {
        (Condition::AtLeast(v, x), false) | (Condition::AtMost(v, x), true) => {
            out.push(number(v, if negated { "above" } else { "at least" }, *x));
        }
        (Condition::AtMost(v, x), false) | (Condition::AtLeast(v, x), true) => {
            out.push(number(v, if negated { "below" } else { "at most" }, *x));
        }
        (Condition::Happened(_), false) => {
            let what = words.condition(c);
            out.push(said(&format!("this never happened: {what}"), &format!("this has not happened yet: {what}")));
        }
        (Condition::Happened(_), true) => {
            let what = words.condition(c);
            out.push(said(&format!("this happened: {what}"), &format!("this has happened: {what}")));
        }
        (Condition::FromTurn(t), false) => {
            out.push(said(&format!("the game ended before turn {t}"), &format!("turn {t} has not come yet")))
        }
        (Condition::FromTurn(t), true) => {
            out.push(said(&format!("the game went on to turn {t} or later"), &format!("the game has reached turn {t}")))
        }
        (Condition::All(list), false) | (Condition::Any(list), true) => {
            for c in list {
                failed(view, words, c, negated, when, out);
            }
        }
        (Condition::Any(list), false) | (Condition::All(list), true) => {
            // Every alternative failed: name each.
            let mut parts = Vec::new();
            for c in list {
                failed(view, words, c, negated, when, &mut parts);
            }
            if !parts.is_empty() {
                let words = parts.iter().map(|m| m.words.as_str()).collect::<Vec<_>>().join("; nor ");
                out.push(Miss { words, value: parts.iter().any(|m| m.value) });
            }
        }
        (Condition::Not(c), _) => failed(view, words, c, !negated, when, out),
        (Condition::Always, _) => out.push(fact("the goal can never be met".into())),
    }
}

fn fact(words: String) -> Miss {
    Miss { words, value: false }
}

/// How far a goal not met now is from being met, in its numbers ("the number of people killed is at 2
/// now (needs at most 0)"), for a group's own page and menu; `None` when it is met, or missed only by
/// an event its own words already name.
pub fn numbers_now(view: &View<'_>, goal: &Condition) -> Option<String> {
    numbers(&shortfall_when(view, goal, When::Now))
}

/// The words of the misses that are numbers, joined; `None` when every miss is an event, which the
/// objective's own words already name (the summary, the end report and the rooms say only these).
pub fn numbers(misses: &[Miss]) -> Option<String> {
    let values: Vec<&str> = misses.iter().filter(|m| m.value).map(|m| m.words.as_str()).collect();
    (!values.is_empty()).then(|| values.join("; "))
}

/// The words of each miss, joined: "a; b".
pub fn words(misses: &[Miss]) -> String {
    misses.iter().map(|m| m.words.as_str()).collect::<Vec<_>>().join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::state::Snapshot;
    use crate::scenario::builtin::find;
    use crate::scenario::{Event, Id};

    /// Goals judged on Kenya 2008's starting state (stage 7, attention 55, no deaths).
    #[test]
    fn each_failed_part_is_named_with_where_it_ended() {
        let scenario = find("kenya-2008").expect("built in").load().expect("valid").scenario;
        let state = Snapshot::initial(&scenario);
        let view = View::of_snapshot(&scenario, &state, 1);
        let kenya = Id::from("kenya-crisis");
        let missed = |goal: Condition| shortfall(&view, &goal);
        assert_eq!(
            missed(Condition::AtLeast(Var::PublicPressure, 60.0)),
            [Miss {
                words: "international attention (public pressure) ended at 55.00 (needed at least 60.00)".into(),
                value: true
            }]
        );
        assert_eq!(
            missed(Condition::Not(Box::new(Condition::AtLeast(Var::Stage(kenya), 7.0))))[0].words,
            "the escalation stage of the disputed presidency ended at 7 (limited destructive blows) (needed below 7)"
        );
        let either = missed(Condition::Any(vec![
            Condition::Happened(Event::AgreementSigned(kenya)),
            Condition::AtLeast(Var::Deaths, 1000.0),
        ]));
        assert_eq!(
            either,
            [Miss {
                words: "this never happened: an agreement on the disputed presidency is signed; nor the number of \
                        people killed ended at 0 (needed at least 1,000)"
                    .into(),
                value: true
            }]
        );
        assert!(missed(Condition::All(vec![Condition::Always, Condition::AtMost(Var::Deaths, 0.0)])).is_empty());
    }
}
