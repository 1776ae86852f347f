//! Rule cases kept as data (tests/data/rule_cases.ron), in the manner of the DATC for Diplomacy:
//! a scenario, an optional change to its starting state, the orders of one or more turns, and what
//! must follow — rejections with their exact reasons, results, probabilities, votes, values, events.

use std::sync::Arc;

use good_offices::engine::state::Snapshot;
use good_offices::engine::{Game, record::TurnRecord};
use good_offices::orders::TurnOrders;
use good_offices::scenario::{Event, Scenario, ToolKind, Var};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    /// A built-in id, or `base` for tests/data/base-scenario.ron.
    scenario: String,
    #[serde(default = "one")]
    seed: u64,
    #[serde(default)]
    set: Vec<(Var, f64)>,
    turns: Vec<TurnOrders>,
    expect: Vec<Expect>,
}

fn one() -> u64 {
    1
}

#[derive(Debug, Deserialize)]
enum Expect {
    /// `(turn, actor, tool, reason)`
    Rejected(u32, String, ToolKind, String),
    /// `(turn, actor, tool, result)`
    Result(u32, String, ToolKind, String),
    /// `(turn, actor, tool, text)`: the outcome's explanation contains the text.
    Explains(u32, String, ToolKind, String),
    /// `(turn, actor, tool, probability)`
    Probability(u32, String, ToolKind, f64),
    /// `(turn, sponsor, tally, adopted, vetoed_by)`
    Vote(u32, String, String, bool, Vec<String>),
    /// The value after the last turn.
    Value(Var, f64),
    Happened(Event),
    NotHappened(Event),
    /// `(turn, actors holding)`
    Holding(u32, Vec<String>),
    /// The outcome class when the game ended.
    Outcome(String),
    /// `(turn, dyad, text)`: the dynamics explanation contains the text.
    Dynamics(u32, String, String),
}

fn scenario(id: &str) -> Arc<Scenario> {
    let loaded = if id == "base" {
        good_offices::scenario::load_str("base.ron", &crate::support::base_scenario()).expect("base is valid")
    } else {
        good_offices::scenario::builtin::find(id).expect("built in").load().expect("valid")
    };
    Arc::new(loaded.scenario)
}

fn play(case: &Case) -> Vec<TurnRecord> {
    let s = scenario(&case.scenario);
    let mut state = Snapshot::initial(&s);
    for (var, value) in &case.set {
        state.set_var(var, *value);
    }
    let mut game = Game::resume(s, case.seed, state, false);
    case.turns.iter().map(|t| game.play_turn(t)).collect()
}

fn check(case: &Case, records: &[TurnRecord]) -> Vec<String> {
    let turn = |t: u32| records.iter().find(|r| r.turn == t).unwrap_or_else(|| panic!("{}: no turn {t}", case.name));
    let last = records.last().expect("a turn");
    let s = scenario(&case.scenario);
    let view = good_offices::engine::view::View::of_snapshot(&s, &last.state, last.turn);
    let outcome = |t: u32, actor: &str, tool: ToolKind| {
        turn(t).outcomes.iter().find(|o| o.actor == actor && o.tool == tool).cloned()
    };
    let mut failures = Vec::new();
    for e in &case.expect {
        let problem = match e {
            Expect::Rejected(t, actor, tool, reason) => {
                let got: Vec<&str> = turn(*t)
                    .rejected
                    .iter()
                    .filter(|r| r.order.actor == actor.as_str() && r.order.tool == *tool)
                    .map(|r| r.reason.as_str())
                    .collect();
                (got != [reason.as_str()]).then(|| format!("{e:?}: rejections {got:?}"))
            }
            Expect::Result(t, actor, tool, result) => {
                let got = outcome(*t, actor, *tool).map(|o| o.result);
                (got.as_deref() != Some(result.as_str())).then(|| format!("{e:?}: got {got:?}"))
            }
            Expect::Explains(t, actor, tool, text) => {
                let got = outcome(*t, actor, *tool).map(|o| o.explanation);
                (!got.as_deref().is_some_and(|g| g.contains(text.as_str()))).then(|| format!("{e:?}: got {got:?}"))
            }
            Expect::Probability(t, actor, tool, p) => {
                let got = outcome(*t, actor, *tool).and_then(|o| o.probability);
                (got != Some(*p)).then(|| format!("{e:?}: got {got:?}"))
            }
            Expect::Vote(t, sponsor, tally, adopted, vetoed) => {
                let got: Vec<_> = turn(*t)
                    .votes
                    .iter()
                    .filter(|v| v.sponsor == *sponsor)
                    .map(|v| {
                        (v.tally.clone(), v.adopted, v.vetoed_by.iter().map(|x| x.to_string()).collect::<Vec<_>>())
                    })
                    .collect();
                (got != [(tally.clone(), *adopted, vetoed.clone())]).then(|| format!("{e:?}: got {got:?}"))
            }
            Expect::Value(var, x) => {
                let got = view.value(var);
                ((got - x).abs() > 1e-9).then(|| format!("{e:?}: got {got}"))
            }
            Expect::Happened(ev) => (!view.happened(ev)).then(|| format!("{e:?}: it did not")),
            Expect::NotHappened(ev) => view.happened(ev).then(|| format!("{e:?}: it did")),
            Expect::Holding(t, actors) => {
                (&turn(*t).holding != actors).then(|| format!("{e:?}: got {:?}", turn(*t).holding))
            }
            Expect::Outcome(class) => {
                let got = last.end.as_ref().map(|e| e.outcome.clone());
                (got.as_deref() != Some(class.as_str())).then(|| format!("{e:?}: got {got:?}"))
            }
            Expect::Dynamics(t, dyad, text) => {
                let got = turn(*t)
                    .dynamics
                    .iter()
                    .find(|d| &d.dyad == dyad)
                    .map(|d| d.explanation.clone())
                    .unwrap_or_default();
                (!got.contains(text.as_str())).then(|| format!("{e:?}: got {got:?}"))
            }
        };
        failures.extend(problem);
    }
    failures
}

fn cases() -> Vec<Case> {
    good_offices::scenario::ron_options()
        .from_str(include_str!("data/rule_cases.ron"))
        .expect("tests/data/rule_cases.ron parses")
}

/// One rule case, by name: the generated tests (one per case in the data file) call this.
fn rule_case(name: &str) {
    let cases = cases();
    let case = cases.iter().find(|c| c.name == name).unwrap_or_else(|| panic!("no rule case named {name:?}"));
    let records = play(case);
    if case.expect.is_empty() {
        let seen: Vec<String> = records
            .iter()
            .flat_map(|r| {
                r.outcomes.iter().map(move |o| {
                    format!(
                        "turn {}: {} {:?} {} p={:?} ({})",
                        r.turn, o.actor, o.tool, o.result, o.probability, o.explanation
                    )
                })
            })
            .collect();
        panic!("{name} expects nothing; it resolved:\n  {}", seen.join("\n  "));
    }
    let failures = check(case, &records);
    assert!(failures.is_empty(), "{name}:\n{}", failures.join("\n"));
}

#[test]
fn the_rule_corpus_has_at_least_twenty_cases() {
    assert!(cases().len() >= 20, "{} cases", cases().len());
}

/// One `#[test]` per case of tests/data/rule_cases.ron, generated by build.rs.
mod case {
    include!(concat!(env!("OUT_DIR"), "/rule_cases_cases.rs"));
}
