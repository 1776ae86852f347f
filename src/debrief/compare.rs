//! Two games of one scenario side by side — typically a what-if branch and its trunk: where they diverged,
//! which decisions differed, whether the unchanged decisions met the same dice (checked in the logs, not
//! assumed), and how each game went on and ended.

use super::charts::{Chart, comparison_charts};
use super::labels::Label;
use super::series::Series;
use crate::engine::record::{OutcomeRecord, TurnRecord};
use crate::log::LogHeader;
use crate::names::{Names, count, distinct, level};
use crate::scenario::OrderSpec;

/// One game as the comparison sees it.
pub struct Side<'a> {
    /// How the report names it: the log's file name as given.
    pub name: &'a str,
    pub header: &'a LogHeader,
    pub records: &'a [TurnRecord],
    pub series: &'a Series,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// What each game is called (by what changed, not by its file): this game and the other.
    pub labels: (Label, Label),
    /// How the two logs relate: which is a branch of which, the seeds.
    pub relation: Vec<String>,
    pub divergence: Divergence,
    /// What the dice did: the rule, and the check of these two logs.
    pub dice: Vec<String>,
    pub rows: Vec<CompareRow>,
    /// From the first divergence on, each turn that differs.
    pub turns: Vec<TurnDiff>,
    /// How each game ended (or how far it went).
    pub endings: (String, String),
    /// `(role, objective, met here, met there)` for every objective scored differently.
    pub objectives: Vec<(String, String, String, String)>,
    pub charts: Vec<Chart>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Divergence {
    /// Every turn of both logs is the same.
    None,
    At {
        turn: u32,
        dates: String,
        why: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct CompareRow {
    pub turn: u32,
    pub this: String,
    pub other: String,
    pub differs: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TurnDiff {
    pub turn: u32,
    pub dates: String,
    /// The decisions that differ, one line per actor (or ballots, injects).
    pub decisions: Vec<String>,
    /// The same decision (or a dispute's own dynamics) with a different result or different odds in the two
    /// games, and whether it met the same roll.
    pub changed: Vec<String>,
    /// What happened in one game and not in the other: outcomes, votes, news, the end.
    pub only_this: Vec<String>,
    pub only_other: Vec<String>,
}

pub fn build(names: Names<'_>, this: &Side<'_>, other: &Side<'_>) -> Comparison {
    let common = this.records.len().min(other.records.len());
    let first = (0..common)
        .find(|&i| this.records[i] != other.records[i])
        .or_else(|| (this.records.len() != other.records.len()).then_some(common));
    let labels = super::labels::labels(
        names,
        (this.records, this.header, this.name),
        (other.records, other.header, other.name),
        first,
    );
    let relation = relation(this, other, &labels);
    // From here on the games are named in sentences by what they are ("the branch"), not by their files.
    let (this_phrase, other_phrase) = (labels.0.phrase.clone(), labels.1.phrase.clone());
    let this = &Side { name: &this_phrase, ..*this };
    let other = &Side { name: &other_phrase, ..*other };
    let divergence = match first {
        None => Divergence::None,
        Some(i) => divergence_at(names, this, other, i),
    };
    let last = this.records.len().max(other.records.len());
    let rows = (0..last)
        .map(|i| {
            let (a, b) = (this.records.get(i), other.records.get(i));
            CompareRow {
                turn: a.or(b).map_or(i as u32 + 1, |r| r.turn),
                this: a.map_or_else(|| "not played".to_string(), |r| cell(names, r)),
                other: b.map_or_else(|| "not played".to_string(), |r| cell(names, r)),
                differs: a != b,
            }
        })
        .collect();
    let turns = match first {
        None => Vec::new(),
        Some(i) => (i..common)
            .filter(|&j| this.records[j] != other.records[j])
            .map(|j| turn_diff(names, &this.records[j], &other.records[j], this.name, other.name))
            .collect(),
    };
    let charts = comparison_charts(this.series, other.series, &labels.0.short, &labels.1.short);
    Comparison {
        labels,
        relation,
        divergence,
        dice: dice(names, this, other, first.unwrap_or(common)),
        rows,
        turns,
        endings: (ending(this.records), ending(other.records)),
        objectives: objectives(names, this.records, other.records),
        charts,
    }
}

/// "the trunk" → "The trunk", to start a sentence.
fn capital(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn relation(this: &Side<'_>, other: &Side<'_>, labels: &(Label, Label)) -> Vec<String> {
    let mut out = Vec::new();
    for (s, label) in [(this, &labels.0), (other, &labels.1)] {
        out.push(format!("{}: {} turn(s), orders from {}.", label.long, s.records.len(), s.header.source));
    }
    if this.header.seed == other.header.seed {
        out.push(format!("Both games were played with seed {}.", this.header.seed));
    } else {
        out.push(format!(
            "The games were played with different seeds ({} and {}).",
            this.header.seed, other.header.seed
        ));
    }
    out
}

fn divergence_at(names: Names<'_>, this: &Side<'_>, other: &Side<'_>, i: usize) -> Divergence {
    let (a, b) = (this.records.get(i), other.records.get(i));
    let (Some(a), Some(b)) = (a, b) else {
        let (longer, shorter, r) = match (a, b) {
            (Some(r), None) => (this, other, r),
            (None, Some(r)) => (other, this, r),
            _ => unreachable!("one log goes on"),
        };
        let ended = shorter.records.last().is_some_and(|r| r.end.is_some());
        let why = format!(
            "{} stops after turn {}{}; {} goes on.",
            capital(shorter.name),
            i,
            if ended { " because its game ended" } else { " (the game was not played further)" },
            longer.name
        );
        return Divergence::At { turn: r.turn, dates: r.dates.clone(), why: vec![why] };
    };
    let mut why = decisions(names, a, b, this.name, other.name);
    if why.is_empty() {
        if this.header.seed != other.header.seed {
            why.push(format!(
                "The same decisions met different dice: the seeds differ ({} in {}, {} in {}).",
                this.header.seed, this.name, other.header.seed, other.name
            ));
        } else if this.header.engine != other.header.engine {
            why.push(format!(
                "The same decisions and the same dice, but the logs were written by different versions of the \
                 engine ({} and {}): its rules changed.",
                this.header.engine, other.header.engine
            ));
        } else {
            why.push("The decisions and the dice are the same; the logs differ in what the engine recorded.".into());
        }
    }
    Divergence::At { turn: a.turn, dates: a.dates.clone(), why }
}

/// The actors in the order they first give an order in either game.
fn actors<'a>(a: &'a [OrderSpec], b: &'a [OrderSpec]) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for o in a.iter().chain(b) {
        if !out.contains(&o.actor.as_str()) {
            out.push(&o.actor);
        }
    }
    out
}

fn orders_of<'a>(orders: &'a [OrderSpec], actor: &str) -> Vec<&'a OrderSpec> {
    orders.iter().filter(|o| o.actor == actor).collect()
}

/// The decisions that differ between two records of the same turn: orders by actor, ballots, injects.
fn decisions(names: Names<'_>, a: &TurnRecord, b: &TurnRecord, this: &str, other: &str) -> Vec<String> {
    let mut out = Vec::new();
    let words = |orders: &[&OrderSpec]| {
        if orders.is_empty() {
            "no order (holds)".to_string()
        } else {
            orders.iter().map(|o| names.order(o)).collect::<Vec<_>>().join("; ")
        }
    };
    for actor in actors(&a.submitted, &b.submitted) {
        let (x, y) = (orders_of(&a.submitted, actor), orders_of(&b.submitted, actor));
        if x != y {
            out.push(format!(
                "{} decided differently. In {this}: {}. In {other}: {}.",
                names.actor(actor),
                words(&x),
                words(&y)
            ));
        }
    }
    if a.ballots != b.ballots {
        let ballots = |v: &[(String, crate::engine::record::Ballot)]| {
            if v.is_empty() {
                "none given".to_string()
            } else {
                v.iter().map(|(m, x)| format!("{} {x:?}", names.actor(m))).collect::<Vec<_>>().join(", ")
            }
        };
        out.push(format!(
            "The Council ballots given with the orders differ. In {this}: {}. In {other}: {}.",
            ballots(&a.ballots),
            ballots(&b.ballots)
        ));
    }
    if a.facilitator_injects != b.facilitator_injects {
        let injects = |v: &[String]| {
            if v.is_empty() {
                "none".to_string()
            } else {
                v.iter().map(|i| format!("“{}”", names.inject_title(i))).collect::<Vec<_>>().join(", ")
            }
        };
        out.push(format!(
            "The facilitator fired different injects. In {this}: {}. In {other}: {}.",
            injects(&a.facilitator_injects),
            injects(&b.facilitator_injects)
        ));
    }
    out
}

/// The rule about the dice, and the check of it on these logs from turn index `from`.
fn dice(names: Names<'_>, this: &Side<'_>, other: &Side<'_>, from: usize) -> Vec<String> {
    if this.header.seed != other.header.seed {
        return vec![format!(
            "The two games were played with different seeds ({} and {}), so they met different dice: a difference \
             between them may come from luck as well as from the decisions.",
            this.header.seed, other.header.seed
        )];
    }
    let mut out = vec![
        "A what-if branch is played with its trunk's seed, and every roll of the dice is drawn from its own \
         stream, keyed by the turn, the actor and the order: every decision that was not changed meets exactly the \
         same dice in both games. A difference between the two games comes from the decisions, not from luck."
            .to_string(),
    ];
    let (mut same, mut differ, mut incidents_same, mut incidents) = (0, Vec::new(), 0, 0);
    for (a, b) in this.records.iter().zip(other.records).skip(from) {
        for actor in actors(&a.submitted, &b.submitted) {
            if orders_of(&a.submitted, actor) != orders_of(&b.submitted, actor) {
                continue;
            }
            let rolls = |r: &TurnRecord| -> Vec<(String, f64)> {
                r.outcomes
                    .iter()
                    .filter(|o| o.actor == actor)
                    .filter_map(|o| o.roll.map(|x| (format!("{:?} {:?}", o.tool, o.target), x)))
                    .collect()
            };
            let (x, y) = (rolls(a), rolls(b));
            for (i, (what, roll)) in x.iter().enumerate() {
                let nth = x[..i].iter().filter(|(w, _)| w == what).count();
                let twin = y.iter().filter(|(w, _)| w == what).nth(nth);
                match twin {
                    Some((_, r)) if r == roll => same += 1,
                    Some((_, r)) => {
                        let (here, there) = distinct(*roll, *r);
                        differ.push(format!("{} in turn {}: {here} here, {there} there", names.actor(actor), a.turn))
                    }
                    None => {}
                }
            }
        }
        for d in &a.dynamics {
            if let Some(e) = b.dynamics.iter().find(|e| e.dyad == d.dyad) {
                incidents += 1;
                if e.incident_roll == d.incident_roll {
                    incidents_same += 1;
                }
            }
        }
    }
    let Some(start) = this.records.get(from).or(other.records.get(from)) else { return out };
    let checked = if differ.is_empty() {
        format!(
            "Checked in these two logs from turn {}: {same} roll(s) of unchanged decisions appear in both games, and \
             every one is the same",
            start.turn
        )
    } else {
        format!(
            "Checked in these two logs from turn {}: of {} roll(s) of unchanged decisions in both games, {same} are the \
             same and {} differ ({})",
            start.turn,
            same + differ.len(),
            differ.len(),
            differ.join("; ")
        )
    };
    out.push(format!(
        "{checked}; the disputes' own incident rolls are the same in {incidents_same} of {incidents} case(s)."
    ));
    out
}

fn cell(names: Names<'_>, r: &TurnRecord) -> String {
    let mut parts: Vec<String> =
        r.state.dyads.iter().map(|d| format!("{}: stage {}", names.dyad(&d.id), d.stage)).collect();
    parts.push(format!("{} dead", count(r.state.globals.deaths)));
    if let Some(e) = &r.end {
        parts.push(format!("ends: {}", e.outcome_title));
    }
    parts.join(" · ")
}

/// The items of `a` not in `b`, each matched once.
fn only(a: &[String], b: &[String]) -> Vec<String> {
    let mut rest: Vec<&String> = b.iter().collect();
    let mut out = Vec::new();
    for x in a {
        match rest.iter().position(|y| *y == x) {
            Some(i) => {
                rest.remove(i);
            }
            None => out.push(x.clone()),
        }
    }
    out
}

/// What the room hears about a turn besides the outcomes and the dynamics: votes, news and the end.
fn happenings(r: &TurnRecord) -> Vec<String> {
    let mut out: Vec<String> = r
        .votes
        .iter()
        .map(|v| format!("Vote: {} — {} ({}).", v.subject, if v.adopted { "adopted" } else { "not adopted" }, v.tally))
        .collect();
    out.extend(r.injects.iter().map(|i| format!("News: {}", i.title)));
    if let Some(e) = &r.end {
        out.push(format!("The game ends: {}. Outcome: {}.", e.reason.trim_end_matches('.'), e.outcome_title));
    }
    out
}

/// The results of one decision in the two games with their odds: "success (P 0.34, roll 0.05)". A chance
/// or a roll that differs is never shown as the same text (see [`distinct`]).
fn odds(x: &OutcomeRecord, y: &OutcomeRecord) -> (String, String) {
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for (label, p, q) in [("P", x.probability, y.probability), ("roll", x.roll, y.roll)] {
        let (p, q) = match (p, q) {
            (Some(p), Some(q)) => {
                let (p, q) = distinct(p, q);
                (Some(p), Some(q))
            }
            (p, q) => (p.map(level), q.map(level)),
        };
        a.extend(p.map(|v| format!("{label} {v}")));
        b.extend(q.map(|v| format!("{label} {v}")));
    }
    let text = |o: &OutcomeRecord, parts: Vec<String>| {
        if parts.is_empty() { o.result.to_string() } else { format!("{} ({})", o.result, parts.join(", ")) }
    };
    (text(x, a), text(y, b))
}

fn turn_diff(names: Names<'_>, a: &TurnRecord, b: &TurnRecord, this: &str, other: &str) -> TurnDiff {
    let (mut changed, mut only_this) = (Vec::new(), Vec::new());
    let mut rest: Vec<&OutcomeRecord> = b.outcomes.iter().collect();
    for x in &a.outcomes {
        let twin = rest.iter().position(|y| y.actor == x.actor && y.tool == x.tool && y.target == x.target);
        let Some(i) = twin else {
            only_this.push(x.explanation.clone());
            continue;
        };
        let y = rest.remove(i);
        if x == y {
            continue;
        }
        let mut line = format!("{}: {}", names.actor(&x.actor), crate::names::tool(x.tool));
        if let Some(t) = &x.target {
            line.push_str(&format!(" → {}", names.any(t)));
        }
        let (ox, oy) = odds(x, y);
        if ox != oy {
            line.push_str(&format!(". In {this}: {ox}. In {other}: {oy}."));
            if x.roll.is_some() && x.roll == y.roll {
                line.push_str(" The same roll in both: the odds changed, not the luck.");
            }
        } else if x.explanation != y.explanation {
            line.push_str(&format!(". In {this}: {} In {other}: {}", x.explanation, y.explanation));
        } else {
            // Same result, same sentence: only some of the factors differ.
            let factors: Vec<String> = x
                .factors
                .iter()
                .filter_map(|f| {
                    let there = y.factors.iter().find(|g| g.name == f.name)?;
                    (there.value != f.value).then(|| {
                        let (here, there) = distinct(f.value, there.value);
                        format!("{} {here} in {this}, {there} in {other}", f.name)
                    })
                })
                .collect();
            line.push_str(&format!(": {ox} in both; {}.", factors.join("; ")));
        }
        changed.push(line);
    }
    let mut only_other: Vec<String> = rest.iter().map(|y| y.explanation.clone()).collect();
    for x in &a.dynamics {
        match b.dynamics.iter().find(|y| y.dyad == x.dyad) {
            Some(y) if y == x => {}
            Some(y) => changed.push(format!(
                "{}, the dispute's own dynamics. In {this}: {}. In {other}: {}.",
                names.dyad(&x.dyad),
                x.explanation,
                y.explanation
            )),
            None => only_this.push(format!("{}: {}", names.dyad(&x.dyad), x.explanation)),
        }
    }
    for y in b.dynamics.iter().filter(|y| !a.dynamics.iter().any(|x| x.dyad == y.dyad)) {
        only_other.push(format!("{}: {}", names.dyad(&y.dyad), y.explanation));
    }
    let (x, y) = (happenings(a), happenings(b));
    only_this.extend(only(&x, &y));
    only_other.extend(only(&y, &x));
    TurnDiff {
        turn: a.turn,
        dates: a.dates.clone(),
        decisions: decisions(names, a, b, this, other),
        changed,
        only_this,
        only_other,
    }
}

fn ending(records: &[TurnRecord]) -> String {
    match records.last() {
        None => "No turn was played.".to_string(),
        Some(r) => match &r.end {
            Some(e) => format!("{} (turn {}): {}", e.outcome_title, r.turn, e.reason),
            None => format!("Not ended: stopped after turn {}.", r.turn),
        },
    }
}

fn objectives(names: Names<'_>, a: &[TurnRecord], b: &[TurnRecord]) -> Vec<(String, String, String, String)> {
    let end = |r: &[TurnRecord]| r.last().and_then(|x| x.end.clone());
    let (Some(x), Some(y)) = (end(a), end(b)) else { return Vec::new() };
    let word = |met: Option<bool>| match met {
        Some(true) => "met".to_string(),
        Some(false) => "not met".to_string(),
        None => "not scored".to_string(),
    };
    x.objectives
        .iter()
        .filter_map(|o| {
            let twin = y.objectives.iter().find(|p| p.actor == o.actor && p.objective == o.objective);
            let there = twin.map(|p| p.met);
            (there != Some(o.met)).then(|| {
                let text = names
                    .scenario
                    .actor(o.actor)
                    .and_then(|act| act.objectives.iter().find(|z| z.id == o.objective))
                    .map_or_else(|| o.objective.to_string(), |z| z.text.clone());
                (names.actor(&o.actor), text, word(Some(o.met)), word(there))
            })
        })
        .collect()
}
