//! The numbers the charts draw, turn by turn, read from the state the log stores after every turn (and the
//! scenario's starting state as "turn 0"). Nothing is recomputed: a chart and the log cannot disagree.

use std::collections::BTreeSet;

use crate::engine::record::TurnRecord;
use crate::engine::state::{Snapshot, baseline_trust};
use crate::names::Names;

/// A named line: `(turn, value)` points in turn order.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub label: String,
    pub points: Vec<(u32, f64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// The last turn in the log (0 if none was played).
    pub last_turn: u32,
    /// The Glasl stage of each dispute, from turn 0.
    pub stages: Vec<Line>,
    /// Each dispute's way out (0–100: how far both sides can see a settlement they could live with),
    /// from turn 0.
    pub way_out: Vec<Line>,
    /// The way out an agreement needs (`rules::ground::AGREEMENT_WAY_OUT`): below it, both signatures
    /// make no deal.
    pub deal_threshold: f64,
    pub deaths: Line,
    pub displaced: Line,
    /// International attention, 0–100, from turn 0.
    pub public_pressure: Line,
    /// Each dispute's escalation pressure, from turn 1 (the dynamics compute it during a turn).
    pub escalation: Vec<Line>,
    /// The scenario's escalation threshold (`rules.escalation_threshold`).
    pub threshold: f64,
    /// Each party's trust in a third party, for the pairs that moved during the game, from turn 0.
    pub trust: Vec<Line>,
    /// `(party, third)` pairs whose trust never moved (they are left out of the chart).
    pub steady_trust: usize,
}

pub fn build(names: Names<'_>, initial: &Snapshot, records: &[TurnRecord]) -> Series {
    let states: Vec<(u32, &Snapshot)> =
        std::iter::once((0, initial)).chain(records.iter().map(|r| (r.turn, &r.state))).collect();
    let stages = initial
        .dyads
        .iter()
        .map(|d| Line {
            label: names.dyad(&d.id),
            points: states.iter().filter_map(|(t, s)| s.dyad(&d.id).map(|x| (*t, f64::from(x.stage)))).collect(),
        })
        .collect();
    let way_out = initial
        .dyads
        .iter()
        .map(|d| Line {
            label: names.dyad(&d.id),
            points: states.iter().filter_map(|(t, s)| s.dyad(&d.id).map(|x| (*t, x.way_out))).collect(),
        })
        .collect();
    let global = |label: &str, f: &dyn Fn(&Snapshot) -> f64| Line {
        label: label.to_string(),
        points: states.iter().map(|(t, s)| (*t, f(s))).collect(),
    };
    let escalation = initial
        .dyads
        .iter()
        .map(|d| Line {
            label: names.dyad(&d.id),
            points: records
                .iter()
                .filter_map(|r| r.dynamics.iter().find(|x| x.dyad == d.id).map(|x| (r.turn, x.escalation_pressure)))
                .collect(),
        })
        .collect();
    let pairs: BTreeSet<(&str, &str)> = states.iter().flat_map(|(_, s)| s.globals.trust.pairs()).collect();
    let mut trust = Vec::new();
    let mut steady_trust = 0;
    for (party, third) in pairs {
        let points: Vec<(u32, f64)> = states
            .iter()
            .map(|(t, s)| {
                let v = s.globals.trust.get(party, third);
                (*t, v.unwrap_or_else(|| baseline_trust(names.scenario, party, third)))
            })
            .collect();
        if points.iter().all(|(_, v)| *v == points[0].1) {
            steady_trust += 1;
        } else {
            trust.push(Line { label: format!("{} → {}", names.short(party), names.short(third)), points });
        }
    }
    Series {
        last_turn: records.last().map_or(0, |r| r.turn),
        stages,
        way_out,
        deal_threshold: crate::rules::ground::AGREEMENT_WAY_OUT,
        deaths: global("Deaths", &|s| s.globals.deaths as f64),
        displaced: global("Displaced", &|s| s.globals.displaced as f64),
        public_pressure: global("International attention (public pressure)", &|s| s.globals.public_pressure),
        escalation,
        threshold: names.scenario.rules.escalation_threshold,
        trust,
        steady_trust,
    }
}

/// When a deal became possible in one dispute: the first turn its way out stood at or above the
/// threshold an agreement needs (turn 0: from the start).
#[derive(Debug, Clone, PartialEq)]
pub struct DealPossible {
    pub dispute: String,
    /// `(turn, way out then)`, or `None` if the way out never reached the threshold.
    pub first: Option<(u32, f64)>,
    /// The highest way out of the game, for a dispute where it never got there.
    pub highest: f64,
}

/// For each dispute, when its way out first reached the threshold of an agreement.
pub fn deal_possible(s: &Series) -> Vec<DealPossible> {
    s.way_out
        .iter()
        .map(|l| DealPossible {
            dispute: l.label.clone(),
            first: l.points.iter().copied().find(|(_, v)| *v >= s.deal_threshold),
            highest: l.points.iter().map(|p| p.1).fold(f64::NAN, f64::max),
        })
        .collect()
}

/// The numbers behind the charts, as text: the column heads (turn 0 is "start") and one row per line,
/// `(label, one cell per turn)`. The Markdown and HTML renderings lay out the same table.
pub fn number_table(s: &Series) -> (Vec<String>, Vec<(String, Vec<String>)>) {
    use crate::names::{count, level};
    let turns: Vec<u32> = (0..=s.last_turn).collect();
    let head = turns.iter().map(|t| if *t == 0 { "start".to_string() } else { t.to_string() }).collect();
    let mut rows = Vec::new();
    let mut row = |label: String, line: &Line, fmt: &dyn Fn(f64) -> String| {
        let cells = turns
            .iter()
            .map(|t| line.points.iter().find(|(x, _)| x == t).map_or_else(|| "–".to_string(), |(_, v)| fmt(*v)))
            .collect();
        rows.push((label, cells));
    };
    let whole = |v: f64| count(v as u64);
    for l in &s.stages {
        row(format!("Stage: {}", l.label), l, &|v| format!("{v:.0}"));
    }
    for l in &s.way_out {
        row(format!("Way out: {}", l.label), l, &level);
    }
    row("Deaths".into(), &s.deaths, &whole);
    row("Displaced".into(), &s.displaced, &whole);
    row(s.public_pressure.label.clone(), &s.public_pressure, &level);
    for l in &s.escalation {
        row(format!("Escalation pressure: {}", l.label), l, &level);
    }
    for l in &s.trust {
        row(format!("Trust: {}", l.label), l, &level);
    }
    (head, rows)
}
