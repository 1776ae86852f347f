//! The summary of a sweep and its three renderings (table, CSV, JSON), all from one `Summary`.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::{Serialize, Serializer};

use super::GameResult;
use crate::scenario::{BotPolicy, Scenario};

/// A share with its Wilson 95% confidence interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    pub share: f64,
    pub low: f64,
    pub high: f64,
}

impl Interval {
    pub fn wilson(hits: usize, n: usize) -> Interval {
        if n == 0 {
            return Interval { share: 0.0, low: 0.0, high: 0.0 };
        }
        let (p, n) = (hits as f64 / n as f64, n as f64);
        let z = 1.96_f64;
        let denom = 1.0 + z * z / n;
        let centre = (p + z * z / (2.0 * n)) / denom;
        let half = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt() / denom;
        let r = |x: f64| (x * 10_000.0).round() / 10_000.0;
        Interval { share: r(p), low: r((centre - half).max(0.0)), high: r((centre + half).min(1.0)) }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObjectiveRate {
    pub actor: String,
    pub objective: String,
    pub rate: Interval,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub scenario: String,
    pub runs: usize,
    pub seed: u64,
    /// Who played each seat: `[role, policy]` in the scenario's order of actors, the policy by its
    /// command-line name (`cautious-mediator`). The shares below hold for these policies only.
    pub seats: Vec<(String, String)>,
    /// Outcome class → share of games, in the scenario's order of classes.
    pub outcomes: Vec<(String, Interval)>,
    pub turns_mean: f64,
    pub turns_median: u32,
    /// Deaths and displaced at the 10th, 50th and 90th percentiles (nearest rank).
    pub deaths: [u64; 3],
    pub displaced: [u64; 3],
    /// What each ending costs: per outcome class that some game ended in (in the order of `outcomes`),
    /// the deaths at the 10th, 50th and 90th percentiles over the games that ended in it. A class no
    /// game ended in is left out: it has no toll to show, and a 0 would read as a toll no game had. JSON
    /// writes it as an object keyed by class, in this order.
    #[serde(serialize_with = "as_object")]
    pub deaths_by_outcome: Vec<(String, [u64; 3])>,
    /// The same for the displaced.
    #[serde(serialize_with = "as_object")]
    pub displaced_by_outcome: Vec<(String, [u64; 3])>,
    pub objectives: Vec<ObjectiveRate>,
    /// Per role: the share of its objectives met, over all games.
    pub roles: Vec<(String, f64)>,
    pub turns_resolved: u64,
    pub warnings: Vec<String>,
}

/// `(key, value)` pairs as a JSON object, keeping their order (a `BTreeMap` would sort the classes).
fn as_object<S: Serializer>(pairs: &[(String, [u64; 3])], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_map(pairs.iter().map(|(k, v)| (k, v)))
}

fn percentile(sorted: &[u64], q: f64) -> u64 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// The 10th, 50th and 90th percentiles (nearest rank) of `values`, which it sorts.
pub fn p10_median_p90(values: &mut [u64]) -> [u64; 3] {
    values.sort_unstable();
    [percentile(values, 0.1), percentile(values, 0.5), percentile(values, 0.9)]
}

/// For each of `classes` that some game ended in, in that order: `figure`'s p10, median and p90 over
/// the games that ended in it. One buffer serves every class.
fn by_outcome(
    classes: &[String],
    results: &[GameResult],
    figure: impl Fn(&GameResult) -> u64,
) -> Vec<(String, [u64; 3])> {
    let mut values = Vec::with_capacity(results.len());
    classes
        .iter()
        .filter_map(|class| {
            values.clear();
            values.extend(results.iter().filter(|r| &r.outcome == class).map(&figure));
            (!values.is_empty()).then(|| (class.clone(), p10_median_p90(&mut values)))
        })
        .collect()
}

/// The summary of `results`, games played with these `seats` (each role's policy; a role missing from
/// it held).
/// Each actor with the policy that played it (`hold` for one left out), as a report names them.
pub fn seat_policies(scenario: &Scenario, seats: &BTreeMap<crate::scenario::Id, BotPolicy>) -> Vec<(String, String)> {
    scenario
        .actors
        .iter()
        .map(|a| (a.id.to_string(), seats.get(&a.id).copied().unwrap_or_default().cli_name().to_string()))
        .collect()
}

pub fn summarise(
    scenario: &Scenario,
    seed: u64,
    seats: &BTreeMap<crate::scenario::Id, BotPolicy>,
    results: &[GameResult],
) -> Summary {
    let n = results.len();
    let mut classes: Vec<String> = scenario.ending.outcomes.iter().map(|o| o.id.clone()).collect();
    if results.iter().any(|r| r.outcome == "unclassified") {
        classes.push("unclassified".into());
    }
    let deaths_by_outcome = by_outcome(&classes, results, |r| r.deaths);
    let displaced_by_outcome = by_outcome(&classes, results, |r| r.displaced);
    let outcomes = classes
        .into_iter()
        .map(|c| {
            let hits = results.iter().filter(|r| r.outcome == c).count();
            (c, Interval::wilson(hits, n))
        })
        .collect();
    let mut turns: Vec<u64> = results.iter().map(|r| u64::from(r.turns)).collect();
    turns.sort_unstable();
    let deaths = p10_median_p90(&mut results.iter().map(|r| r.deaths).collect::<Vec<_>>());
    let displaced = p10_median_p90(&mut results.iter().map(|r| r.displaced).collect::<Vec<_>>());
    let mut met: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for r in results {
        for (a, o, m) in &r.objectives {
            *met.entry((a.as_str(), o.as_str())).or_default() += usize::from(*m);
        }
    }
    let mut objectives = Vec::new();
    let mut roles = Vec::new();
    let mut warnings = Vec::new();
    for a in &scenario.actors {
        if a.objectives.is_empty() {
            continue;
        }
        let mut role_met = 0;
        for o in &a.objectives {
            let hits = met.get(&(a.id.as_str(), o.id.as_str())).copied().unwrap_or(0);
            role_met += hits;
            let rate = Interval::wilson(hits, n);
            if n >= 20 && rate.share < 0.05 {
                warnings.push(format!("{} almost never meets `{}` ({:.0}%)", a.id, o.id, rate.share * 100.0));
            } else if n >= 20 && rate.share > 0.95 {
                warnings.push(format!("{} almost always meets `{}` ({:.0}%)", a.id, o.id, rate.share * 100.0));
            }
            objectives.push(ObjectiveRate { actor: a.id.to_string(), objective: o.id.to_string(), rate });
        }
        let share = if n == 0 { 0.0 } else { role_met as f64 / (n * a.objectives.len()) as f64 };
        roles.push((a.id.to_string(), (share * 10_000.0).round() / 10_000.0));
    }
    let total: u64 = turns.iter().sum();
    Summary {
        scenario: scenario.meta.id.clone(),
        runs: n,
        seed,
        seats: seat_policies(scenario, seats),
        outcomes,
        turns_mean: if n == 0 { 0.0 } else { ((total as f64 / n as f64) * 100.0).round() / 100.0 },
        turns_median: percentile(&turns, 0.5) as u32,
        deaths,
        displaced,
        deaths_by_outcome,
        displaced_by_outcome,
        objectives,
        roles,
        turns_resolved: total,
        warnings,
    }
}

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

pub fn render_table(s: &Summary) -> String {
    let mut out = String::new();
    let _ =
        writeln!(out, "{}: {} games from seed {} ({} turns resolved)\n", s.scenario, s.runs, s.seed, s.turns_resolved);
    render_seats(&mut out, &s.seats);
    let _ = writeln!(out, "Outcome classes (share, 95% interval):");
    let width = s.outcomes.iter().map(|(c, _)| c.len()).max().unwrap_or(0);
    for (c, i) in &s.outcomes {
        let _ = writeln!(out, "  {c:<width$}  {:>6}  [{} – {}]", pct(i.share), pct(i.low), pct(i.high));
    }
    let _ = writeln!(out, "\nTurns to the end: mean {:.2}, median {}", s.turns_mean, s.turns_median);
    let _ = writeln!(out, "Deaths:    p10 {}, median {}, p90 {}", s.deaths[0], s.deaths[1], s.deaths[2]);
    let _ = writeln!(out, "Displaced: p10 {}, median {}, p90 {}", s.displaced[0], s.displaced[1], s.displaced[2]);
    render_by_outcome(&mut out, "Deaths", &s.deaths_by_outcome, width);
    render_by_outcome(&mut out, "Displaced", &s.displaced_by_outcome, width);
    let _ = writeln!(out, "\nObjectives met:");
    for (role, share) in &s.roles {
        let _ = writeln!(out, "  {role}: {}", pct(*share));
        for o in s.objectives.iter().filter(|o| &o.actor == role) {
            let _ = writeln!(
                out,
                "    {:<28} {:>6}  [{} – {}]",
                o.objective,
                pct(o.rate.share),
                pct(o.rate.low),
                pct(o.rate.high)
            );
        }
    }
    if !s.warnings.is_empty() {
        let _ = writeln!(out, "\nBalance warnings:");
        for w in &s.warnings {
            let _ = writeln!(out, "  - {w}");
        }
    }
    out
}

/// One line per class: `figure`'s p10, median and p90 over the games that ended in it. The classes are
/// padded to `width`, as in the outcome shares above, and each column of numbers is right-aligned, so
/// the tolls of the endings can be compared down the page.
fn render_by_outcome(out: &mut String, figure: &str, by_outcome: &[(String, [u64; 3])], width: usize) {
    if by_outcome.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{figure} by outcome (p10 / median / p90):");
    let column = |k: usize| by_outcome.iter().map(|(_, q)| q[k].to_string().len()).max().unwrap_or(0);
    let (w10, w50, w90) = (column(0), column(1), column(2));
    for (c, [p10, p50, p90]) in by_outcome {
        let _ = writeln!(out, "  {c:<width$}  {p10:>w10$} / {p50:>w50$} / {p90:>w90$}");
    }
}

/// The seats grouped by policy, the seats that act first and `hold` last; a group of more than
/// `MAX_NAMED` roles (the Assembly's members in a large drill) is counted, not listed.
pub(super) fn render_seats(out: &mut String, seats: &[(String, String)]) {
    const MAX_NAMED: usize = 12;
    let _ = writeln!(out, "Seats (policy: roles):");
    let order = BotPolicy::ALL.iter().skip(1).chain(BotPolicy::ALL.first());
    for policy in order.map(|p| p.cli_name()) {
        let roles: Vec<&str> = seats.iter().filter(|(_, p)| p == policy).map(|(r, _)| r.as_str()).collect();
        match roles.len() {
            0 => {}
            n if n > MAX_NAMED => {
                let _ = writeln!(out, "  {policy}: {n} roles (each is listed with --format csv or json)");
            }
            _ => {
                let _ = writeln!(out, "  {policy}: {}", roles.join(", "));
            }
        }
    }
    out.push('\n');
}

/// One row per figure: `section,key,value,low,high`.
pub fn render_csv(s: &Summary) -> String {
    let mut out = String::from("section,key,value,low,high\n");
    let _ = writeln!(out, "games,runs,{},,", s.runs);
    let _ = writeln!(out, "games,seed,{},,", s.seed);
    let _ = writeln!(out, "games,turns_resolved,{},,", s.turns_resolved);
    for (role, policy) in &s.seats {
        let _ = writeln!(out, "seat,{role},{policy},,");
    }
    for (c, i) in &s.outcomes {
        let _ = writeln!(out, "outcome,{c},{},{},{}", i.share, i.low, i.high);
    }
    let _ = writeln!(out, "turns,mean,{},,", s.turns_mean);
    let _ = writeln!(out, "turns,median,{},,", s.turns_median);
    for (q, d, x) in [
        ("p10", s.deaths[0], s.displaced[0]),
        ("p50", s.deaths[1], s.displaced[1]),
        ("p90", s.deaths[2], s.displaced[2]),
    ] {
        let _ = writeln!(out, "deaths,{q},{d},,");
        let _ = writeln!(out, "displaced,{q},{x},,");
    }
    for (section, by_outcome) in
        [("deaths_by_outcome", &s.deaths_by_outcome), ("displaced_by_outcome", &s.displaced_by_outcome)]
    {
        for (c, figures) in by_outcome {
            for (q, x) in ["p10", "p50", "p90"].into_iter().zip(figures) {
                let _ = writeln!(out, "{section},{c}/{q},{x},,");
            }
        }
    }
    for (role, share) in &s.roles {
        let _ = writeln!(out, "role,{role},{share},,");
    }
    for o in &s.objectives {
        let _ = writeln!(out, "objective,{}/{},{},{},{}", o.actor, o.objective, o.rate.share, o.rate.low, o.rate.high);
    }
    for w in &s.warnings {
        let _ = writeln!(out, "warning,\"{}\",,,", w.replace('"', "'"));
    }
    out
}

pub fn render_json(s: &Summary) -> String {
    serde_json::to_string_pretty(s).expect("a summary serialises")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seats_are_grouped_by_policy_and_a_large_group_is_counted() {
        let mut seats: Vec<(String, String)> = (1..=13).map(|i| (format!("state-{i:02}"), "hold".into())).collect();
        seats.insert(3, ("broker".into(), "cautious-mediator".into()));
        seats.push(("party".into(), "historical".into()));
        let mut out = String::new();
        render_seats(&mut out, &seats);
        assert_eq!(
            out,
            "Seats (policy: roles):\n  historical: party\n  cautious-mediator: broker\n  \
             hold: 13 roles (each is listed with --format csv or json)\n\n"
        );
        seats.truncate(12);
        let mut out = String::new();
        render_seats(&mut out, &seats);
        assert!(out.ends_with("  hold: state-01, state-02, state-03, state-04, state-05, state-06, state-07, state-08, state-09, state-10, state-11\n\n"), "{out}");
    }
}
