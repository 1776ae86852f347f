//! The timeline: every turn as the room lived it — the orders, what was rejected and why, the votes with
//! their tallies, every outcome with its reason, the dispute's own dynamics, the news, and where things
//! stood afterwards. Every number is the log's own.

use crate::engine::record::Ballot;
use crate::engine::record::TurnRecord;
use crate::engine::state::Snapshot;
use crate::names::{Names, count, count_change, level, stage};
use crate::scenario::{Event, OrderSpec};

#[derive(Debug, Clone, PartialEq)]
pub struct TurnEntry {
    pub turn: u32,
    pub dates: String,
    /// Where each dispute stands after the turn, and the toll.
    pub situation: Vec<String>,
    /// Accepted orders, one line each.
    pub orders: Vec<String>,
    /// `(order, reason)`.
    pub rejected: Vec<(String, String)>,
    /// Actors with no accepted order.
    pub holding: Vec<String>,
    pub votes: Vec<VoteEntry>,
    pub outcomes: Vec<OutcomeEntry>,
    /// One line per dispute: what its own dynamics did, with the chance and the roll.
    pub dynamics: Vec<String>,
    /// `(title, text)` of each inject that fired.
    pub news: Vec<(String, String)>,
    /// What became true this turn (an agreement, a veto, sanctions…), injects left out.
    pub new_facts: Vec<String>,
    /// How the game ended, if it ended this turn.
    pub end: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct VoteEntry {
    /// "Security Council: a presidential statement (consensus of all members)".
    pub title: String,
    pub sponsor: String,
    /// "adopted" or "not adopted", with who vetoed.
    pub result: String,
    pub tally: String,
    /// `(label, members)`: in favour, against, abstaining, absent.
    pub ballots: Vec<(String, Vec<String>)>,
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OutcomeEntry {
    /// The engine's sentence: what happened and why.
    pub explanation: String,
    /// The result word and, when dice were rolled, the chance and the roll: "success · P 0.61 · roll 0.3".
    /// Empty for an order that was simply carried out (`done`, no dice).
    pub numbers: String,
    /// The factors that went into the chance, `name value`.
    pub factors: Vec<String>,
}

pub fn build(names: Names<'_>, initial: &Snapshot, records: &[TurnRecord]) -> Vec<TurnEntry> {
    let mut before = initial;
    let mut entries = Vec::with_capacity(records.len());
    for r in records {
        entries.push(entry(names, before, r));
        before = &r.state;
    }
    entries
}

fn entry(names: Names<'_>, before: &Snapshot, r: &TurnRecord) -> TurnEntry {
    let mut unrejected = r.submitted.clone();
    for rej in &r.rejected {
        if let Some(i) = unrejected.iter().position(|o| o == &rej.order) {
            unrejected.remove(i);
        }
    }
    TurnEntry {
        turn: r.turn,
        dates: r.dates.clone(),
        situation: situation(names, before, &r.state),
        orders: unrejected.iter().map(|o| names.order(o)).collect(),
        rejected: r.rejected.iter().map(|x| (names.order(&x.order), x.reason.clone())).collect(),
        holding: r.holding.iter().map(|a| names.actor(a)).collect(),
        votes: r.votes.iter().map(|v| vote(names, v, &r.submitted)).collect(),
        outcomes: r.outcomes.iter().map(outcome).collect(),
        dynamics: r
            .dynamics
            .iter()
            .map(|d| {
                format!(
                    "{}: {} (chance of an incident {}, roll {}; escalation pressure {})",
                    names.dyad(&d.dyad),
                    d.explanation,
                    level(d.incident_probability),
                    level(d.incident_roll),
                    level(d.escalation_pressure)
                )
            })
            .collect(),
        news: r.injects.iter().map(|i| (i.title.clone(), i.text.clone())).collect(),
        new_facts: new_events(before, &r.state)
            .filter(|e| !matches!(e, Event::InjectFired(_)))
            .map(|e| names.event(e))
            .collect(),
        end: r
            .end
            .as_ref()
            .map(|e| format!("The game ends: {}. Outcome: {}.", e.reason.trim_end_matches('.'), e.outcome_title)),
    }
}

/// The events that hold after a turn and did not before it, in the state's order.
pub fn new_events<'a>(before: &'a Snapshot, after: &'a Snapshot) -> impl Iterator<Item = &'a Event> {
    after.globals.events.iter().filter(|e| !before.globals.events.contains(e))
}

fn situation(names: Names<'_>, before: &Snapshot, after: &Snapshot) -> Vec<String> {
    let mut lines: Vec<String> = after
        .dyads
        .iter()
        .map(|d| {
            let was = before.dyad(&d.id).map(|b| b.stage);
            let change = match was {
                Some(w) if w != d.stage => format!(", was {w}"),
                Some(_) => ", unchanged".to_string(),
                None => String::new(),
            };
            format!("{}: stage {}{change}; way out {}", names.dyad(&d.id), stage(d.stage), level(d.way_out))
        })
        .collect();
    let (g0, g) = (&before.globals, &after.globals);
    lines.push(format!(
        "Toll: {} dead ({}), {} displaced ({}). International attention (public pressure): {}.",
        count(g.deaths),
        count_change(g0.deaths, g.deaths),
        count(g.displaced),
        count_change(g0.displaced, g.displaced),
        level(g.public_pressure)
    ));
    lines
}

/// More ballots than this (the General Assembly) are counted, not listed: the log keeps each one.
const LISTED_BALLOTS: usize = 30;

fn vote(names: Names<'_>, v: &crate::engine::record::VoteRecord, submitted: &[OrderSpec]) -> VoteEntry {
    let groups = [
        (Ballot::Yes, "In favour"),
        (Ballot::No, "Against"),
        (Ballot::Abstain, "Abstaining"),
        (Ballot::Absent, "Absent"),
        (Ballot::NotParticipating, "Not participating"),
    ];
    let ballots = if v.ballots.len() > LISTED_BALLOTS {
        vec![(
            "Ballots".to_string(),
            vec![format!("{} members voted; the log keeps each member's vote", v.ballots.len())],
        )]
    } else {
        groups
            .iter()
            .filter_map(|(b, label)| {
                let members: Vec<String> =
                    v.ballots.iter().filter(|(_, x)| x == b).map(|(m, _)| names.actor(m)).collect();
                (!members.is_empty()).then(|| (label.to_string(), members))
            })
            .collect()
    };
    let mut result = if v.adopted { "adopted".to_string() } else { "not adopted".to_string() };
    if !v.vetoed_by.is_empty() {
        let who: Vec<String> = v.vetoed_by.iter().map(|m| names.actor(m)).collect();
        result.push_str(&format!(", vetoed by {}", who.join(", ")));
    }
    VoteEntry {
        title: format!("{}: {}", names.body(&v.body), subject(names, v, submitted)),
        sponsor: names.actor(&v.sponsor),
        result,
        tally: v.tally.clone(),
        ballots,
        explanation: v.explanation.clone(),
    }
}

/// The vote's subject, with a draft's contents in words when the record gives them in code
/// (`draft resolution under Chapter VII: [Ceasefire("hesk"), ...]`) and the sponsor's order holds that draft.
fn subject(names: Names<'_>, v: &crate::engine::record::VoteRecord, submitted: &[OrderSpec]) -> String {
    let Some((head, code)) = v.subject.split_once(": [") else { return v.subject.clone() };
    let draft = submitted
        .iter()
        .filter(|o| o.actor == v.sponsor)
        .filter_map(|o| o.draft.as_ref())
        .find(|d| format!("{:?}", d.contents) == format!("[{code}"));
    match draft {
        Some(d) => format!("{head}: {}", names.draft_contents(d)),
        None => v.subject.clone(),
    }
}

fn outcome(o: &crate::engine::record::OutcomeRecord) -> OutcomeEntry {
    let mut numbers = vec![o.result.to_string()];
    if let Some(p) = o.probability {
        numbers.push(format!("P {}", level(p)));
    }
    if let Some(r) = o.roll {
        numbers.push(format!("roll {}", level(r)));
    }
    OutcomeEntry {
        explanation: o.explanation.clone(),
        numbers: if numbers == ["done"] { String::new() } else { numbers.join(" · ") },
        factors: o.factors.iter().map(|f| format!("{} {}", f.name, level(f.value))).collect(),
    }
}
