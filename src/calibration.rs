//! Named experiments on the built-in scenarios: the counterfactuals that show what the model teaches
//! (remove the third parties, add a statement every turn, sanction, veto, start unripe …). Each is a
//! change to the scenario and to the historical course (or to the bots), played over many seeds.
//! `docs/rules.md` §6 gives the figures, `tests/calibration.rs` asserts their directions, and
//! `examples/calibrate.rs` reproduces them.

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::engine::record::Ballot;
use crate::engine::{Game, OrderSource, play};
use crate::orders::{OrdersFile, TurnOrders};
use crate::scenario::{
    Chapter, Draft, DraftContent, Id, MediationStyle, OrderSpec, SanctionKind, Scenario, Target, ToolKind,
};
use crate::sweep::{Interval, p10_median_p90};

/// How one game ended: what the calibration reads.
#[derive(Debug, Clone, PartialEq)]
pub struct GameEnd {
    pub outcome: String,
    pub deaths: u64,
    pub displaced: u64,
    /// The first dispute's Glasl stage at the end.
    pub stage: u8,
    /// Of the first dispute's arms, grievance, hurt and belief in winning (each side) and public
    /// pressure after each turn, how many readings sat at a bound (0 or 100; ±20 for grievance),
    /// and how many readings there were: a variable pinned at its cap can no longer move.
    pub readings_at_a_bound: u32,
    pub readings: u32,
}

/// The readings of one turn's state at a bound, and the number of readings.
fn at_bounds(state: &crate::engine::state::Snapshot) -> (u32, u32) {
    let d = &state.dyads[0];
    let pinned = |x: f64, lo: f64, hi: f64| u32::from(x <= lo || x >= hi);
    let mut at = pinned(state.globals.public_pressure, 0.0, 100.0);
    for i in 0..2 {
        at += pinned(d.arms[i], 0.0, 100.0)
            + pinned(d.grievance[i], -20.0, 20.0)
            + pinned(d.hurt[i], 0.0, 100.0)
            + pinned(d.win_belief[i], 0.0, 100.0);
    }
    (at, 9)
}

/// An experiment: a name, what it changes, and how.
pub struct Experiment {
    pub name: &'static str,
    pub about: &'static str,
    prepare: fn(&Scenario) -> (Scenario, OrderSource),
}

/// Every experiment, by name.
pub fn experiments() -> Vec<Experiment> {
    vec![
        Experiment { name: "historical", about: "the historical course", prepare: |s| (s.clone(), historical(s)) },
        Experiment { name: "hold", about: "every actor holds", prepare: |s| (s.clone(), OrderSource::Hold) },
        Experiment {
            name: "no-third-parties",
            about: "the historical course with only the parties' and spoilers' orders",
            prepare: |s| (s.clone(), course(s, |s, _, orders| orders.retain(|o| is_party_or_spoiler(s, o.actor)))),
        },
        Experiment {
            name: "bots",
            about: "every seat played by its bot",
            prepare: |s| (s.clone(), OrderSource::with_scenario_bots(OrderSource::Hold, s)),
        },
        Experiment {
            name: "bots-third-parties-hold",
            about: "the parties' and spoilers' bots; every third party holds",
            prepare: |s| {
                let seats = s.actors.iter().filter(|a| is_party_or_spoiler(s, a.id)).map(|a| (a.id, a.bot)).collect();
                (s.clone(), OrderSource::bots(OrderSource::Hold, &seats))
            },
        },
        Experiment {
            name: "statement-every-turn",
            about: "the course plus a Council press statement on the first dispute every turn",
            prepare: |s| (s.clone(), course(s, |s, _, orders| add_statements(s, orders, &[ToolKind::PressStatement]))),
        },
        Experiment {
            name: "all-statements-every-turn",
            about: "the course plus press elements, a press statement and a presidential statement every turn",
            prepare: |s| {
                let all = [ToolKind::PressElements, ToolKind::PressStatement, ToolKind::PresidentialStatement];
                (s.clone(), course(s, |s, _, orders| add_statements(s, orders, &all)))
            },
        },
        Experiment {
            name: "no-sanctions",
            about: "the course without its sanctions",
            prepare: |s| {
                (s.clone(), course(s, |_, _, orders| orders.retain(|o| o.tool != ToolKind::UnilateralSanctions)))
            },
        },
        Experiment {
            name: "no-track",
            about: "the course without its sanctions and without any party accepting mediation: no track ever forms",
            prepare: |s| (s.clone(), course(s, |s, turn, orders| without_a_track(s, turn, orders, None))),
        },
        Experiment {
            name: "no-track-asset-freeze",
            about: "as no-track, with asset freezes on the side that believes most in winning in turns 1-2: sanctions kept in force with no process",
            prepare: |s| {
                (
                    s.clone(),
                    course(s, |s, turn, orders| without_a_track(s, turn, orders, Some(SanctionKind::AssetFreeze))),
                )
            },
        },
        Experiment {
            name: "lift-sanctions-turn-7",
            about: "the course, and in turn 7 every state lifts the sanctions it keeps on a party (in Kenya: the turn after the course's travel bans, before any deal)",
            prepare: |s| (s.clone(), course(s, |s, turn, orders| lift_sanctions_at(s, turn, orders, 7))),
        },
        Experiment {
            name: "lift-sanctions-turn-10",
            about: "the same in turn 10 (in Kenya: the turn after the course's National Accord)",
            prepare: |s| (s.clone(), course(s, |s, turn, orders| lift_sanctions_at(s, turn, orders, 10))),
        },
        Experiment {
            name: "asset-freeze-with-track",
            about: "the course's sanctions replaced by asset freezes on the side that believes most in winning, each turn the course mediates",
            prepare: |s| {
                (s.clone(), course(s, |s, _, orders| sanction_on_mediation(s, orders, SanctionKind::AssetFreeze)))
            },
        },
        Experiment {
            name: "arms-embargo-with-track",
            about: "as above, with arms embargoes",
            prepare: |s| {
                (s.clone(), course(s, |s, _, orders| sanction_on_mediation(s, orders, SanctionKind::ArmsEmbargo)))
            },
        },
        Experiment {
            name: "asset-freeze-no-track",
            about: "the course's sanctions replaced by asset freezes on the side that believes most in winning in turns 1-2, before any mediation track",
            prepare: |s| {
                (s.clone(), course(s, |s, turn, orders| sanction_early(s, turn, orders, SanctionKind::AssetFreeze)))
            },
        },
        Experiment {
            name: "pressure-0",
            about: "the historical course from public pressure 0",
            prepare: |s| (with(s, |s| s.conflict.public_pressure = 0.0), historical(s)),
        },
        Experiment {
            name: "pressure-100",
            about: "the historical course from public pressure 100",
            prepare: |s| (with(s, |s| s.conflict.public_pressure = 100.0), historical(s)),
        },
        Experiment {
            name: "vetoed-draft",
            about: "the course plus, in turn 2, a Chapter VII draft sanctioning the side that believes most in winning, vetoed",
            prepare: |s| (s.clone(), with_veto_ballots(s, course(s, vetoed_draft))),
        },
        Experiment {
            name: "ripe",
            about: "the course from a ripe start: both sides hurt 70, believe in winning 30",
            prepare: |s| (with(s, |s| set_ripeness(s, 70.0, 30.0)), historical(s)),
        },
        Experiment {
            name: "unripe",
            about: "the course from an unripe start: both sides hurt 10, believe in winning 85",
            prepare: |s| (with(s, |s| set_ripeness(s, 10.0, 85.0)), historical(s)),
        },
        Experiment {
            name: "rival-mediator",
            about: "the course plus a second, uncoordinated mediator (a state, formulative) beside every mediation",
            prepare: |s| (s.clone(), course(s, |s, _, orders| add_rival(s, orders, false))),
        },
        Experiment {
            name: "rival-in-joint-envoy",
            about: "the same second mediator, joined to the lead in a joint envoy",
            prepare: |s| {
                // The rival may not hold the tool in the scenario: it is given it here.
                let joined = with(s, |s| {
                    let lead =
                        s.historical_course.iter().flat_map(|t| &t.orders).find(|o| o.tool == ToolKind::Mediation);
                    if let Some(rival) = lead.and_then(|l| rival(s, l.actor)) {
                        let actor = s.actors.iter_mut().find(|a| a.id == rival).expect("the rival is an actor");
                        if !actor.tools.contains(&ToolKind::JointEnvoy) {
                            actor.tools.push(ToolKind::JointEnvoy);
                        }
                    }
                });
                let source = course(&joined, |s, _, orders| add_rival(s, orders, true));
                (joined, source)
            },
        },
        Experiment {
            name: "supportive-good-offices",
            about: "the course plus the Secretary-General's good offices beside every mediation",
            prepare: |s| (s.clone(), course(s, add_good_offices)),
        },
        Experiment {
            name: "rival-refused",
            about: "the rival mediator of rival-mediator, refused by name by the first party (the second accepts it): forum shopping by one side",
            prepare: |s| {
                let source = course(s, |s, _, orders| {
                    add_rival(s, orders, false);
                    refuse_rival_by_first_side(s, orders);
                });
                (s.clone(), source)
            },
        },
        Experiment {
            name: "sign-again",
            about: "the course, with the parties signing again in every turn after the course's signing turn (as groups would while a text is on the table): the baseline of the suspensions",
            prepare: |s| (s.clone(), course(s, sign_again)),
        },
        Experiment {
            name: "suspend-turn-5",
            about: "sign-again, with the lead mediator suspending its talks in turn 5 instead of mediating (its next attempt resumes them)",
            prepare: |s| (s.clone(), suspended_course(s, 5)),
        },
        Experiment {
            name: "suspend-turn-8",
            about: "the same in turn 8 (in Kenya: the week before the National Accord; Annan suspended the teams' talks on 26 February)",
            prepare: |s| (s.clone(), suspended_course(s, 8)),
        },
        Experiment {
            name: "unripe-sign-again",
            about: "sign-again from the unripe start (both sides hurt 10, believe in winning 85): talks that stall",
            prepare: |s| (with(s, |s| set_ripeness(s, 10.0, 85.0)), course(s, sign_again)),
        },
        Experiment {
            name: "unripe-suspend-turn-6",
            about: "unripe-sign-again, with the lead mediator suspending its stalled talks in turn 6",
            prepare: |s| (with(s, |s| set_ripeness(s, 10.0, 85.0)), suspended_course(s, 6)),
        },
        Experiment {
            name: "court-only",
            about: "every actor holds but the application to the Court and its order",
            prepare: |s| {
                let court = [ToolKind::IcjApplication, ToolKind::ProvisionalMeasures];
                (s.clone(), course(s, move |_, _, orders| orders.retain(|o| court.contains(&o.tool))))
            },
        },
        Experiment {
            name: "no-mass-action",
            about: "the historical course without civil society's mass action",
            prepare: |s| (s.clone(), course(s, |_, _, orders| orders.retain(|o| o.tool != ToolKind::MassAction))),
        },
        Experiment {
            name: "no-regional-force",
            about: "the historical course without the regional force: no deployment by a regional body or its members, no Council authorisation of one",
            prepare: |s| (s.clone(), course(s, without_regional_force)),
        },
        Experiment {
            name: "mandate-with-principles",
            about: "the course plus a peace operation that meets the principles of peacekeeping: both sides consent in turn 1, the Council mandates 15,000 personnel under Chapter VI in turn 2 (every member for it)",
            prepare: |s| {
                (s.clone(), with_yes_ballots(s, course(s, |s, turn, orders| add_mandate(s, turn, orders, true))))
            },
        },
        Experiment {
            name: "mandate-consent-kept",
            about: "as `mandate-with-principles`, and neither side ever withdraws its consent (the course's refusals of observers left out)",
            prepare: |s| {
                let keep_consent = |s: &Scenario, turn: u32, orders: &mut Vec<OrderSpec>| {
                    orders.retain(|o| o.tool != ToolKind::RefuseObservers);
                    add_mandate(s, turn, orders, true);
                };
                (s.clone(), with_yes_ballots(s, course(s, keep_consent)))
            },
        },
        Experiment {
            name: "mandate-without-principles",
            about: "the course plus a peace operation without them: no consent sought, one person under Chapter VII in turn 2 (every member for it)",
            prepare: |s| {
                (s.clone(), with_yes_ballots(s, course(s, |s, turn, orders| add_mandate(s, turn, orders, false))))
            },
        },
        Experiment {
            name: "parity",
            about: "the course from equal arms (60:60)",
            prepare: |s| (with(s, |s| s.conflict.dyads[0].arms = (60.0, 60.0)), historical(s)),
        },
        Experiment {
            name: "disparity",
            about: "the course from arms of 100:15",
            prepare: |s| (with(s, |s| s.conflict.dyads[0].arms = (100.0, 15.0)), historical(s)),
        },
    ]
}

/// The experiment called `name`.
pub fn experiment(name: &str) -> Option<Experiment> {
    experiments().into_iter().find(|e| e.name == name)
}

impl Experiment {
    /// Plays the experiment on `scenario` with seeds `first..first + runs`, in parallel; the results
    /// are in seed order whatever the number of threads.
    pub fn run(&self, scenario: &Scenario, first: u64, runs: u64) -> Vec<GameEnd> {
        let (changed, source) = (self.prepare)(scenario);
        let changed = Arc::new(changed);
        (first..first + runs)
            .into_par_iter()
            .map(|seed| {
                let mut game = Game::new(changed.clone(), seed);
                let records = play(&mut game, &source, None);
                let last = records.last().expect("a game has at least one turn");
                let (readings_at_a_bound, readings) =
                    records.iter().map(|r| at_bounds(&r.state)).fold((0, 0), |(a, n), (b, m)| (a + b, n + m));
                GameEnd {
                    outcome: last.end.as_ref().map_or_else(String::new, |e| e.outcome.clone()),
                    deaths: last.state.globals.deaths,
                    displaced: last.state.globals.displaced,
                    stage: last.state.dyads[0].stage,
                    readings_at_a_bound,
                    readings,
                }
            })
            .collect()
    }
}

impl Experiment {
    /// One game of the experiment, a line a turn: the first dispute's numbers after the turn (stage,
    /// arms, grievance, hurt, belief in winning, way out), public pressure and the toll: where a
    /// variable sits at its bound, the trace shows it.
    pub fn trace(&self, scenario: &Scenario, seed: u64) -> Vec<String> {
        let (changed, source) = (self.prepare)(scenario);
        let mut game = Game::new(Arc::new(changed), seed);
        play(&mut game, &source, None)
            .iter()
            .map(|r| {
                let d = &r.state.dyads[0];
                let g = &r.state.globals;
                format!(
                    "turn {:2}: stage {} arms {:.0}/{:.0} grievance {:.1}/{:.1} hurt {:.0}/{:.0} win {:.0}/{:.0} way out {:.0} pressure {:.0} coherence {:.0} deaths {}{}",
                    r.turn, d.stage, d.arms[0], d.arms[1], d.grievance[0], d.grievance[1], d.hurt[0], d.hurt[1],
                    d.win_belief[0], d.win_belief[1], d.way_out, g.public_pressure, g.coherence, g.deaths,
                    r.end.as_ref().map(|e| format!(" → {}", e.outcome)).unwrap_or_default()
                )
                    + &r.rejected.iter().map(|x| format!("\n    rejected {} {:?}: {}", x.order.actor, x.order.tool, x.reason)).collect::<String>()
                    + &r.votes.iter().map(|v| format!("\n    vote: {} {} {:?}", v.subject, v.tally, v.vetoed_by)).collect::<String>()
            })
            .collect()
    }
}

/// What a calibration table shows of a batch of games.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub runs: usize,
    /// Outcome class → share with its Wilson 95% interval, in the scenario's order.
    pub outcomes: Vec<(String, Interval)>,
    /// Outcome class → deaths at p10, p50, p90 over the games that ended in it.
    pub deaths_by_outcome: BTreeMap<String, [u64; 3]>,
    pub deaths: [u64; 3],
    pub displaced: [u64; 3],
    /// The share of readings of the state variables that sat at a bound (see [`GameEnd`]).
    pub at_a_bound: f64,
    /// The share of games whose first dispute ended above the stage it started at.
    pub escalated: Interval,
}

impl Report {
    pub fn of(scenario: &Scenario, games: &[GameEnd]) -> Report {
        let mut deaths_by_outcome = BTreeMap::new();
        let outcomes = scenario
            .ending
            .outcomes
            .iter()
            .map(|o| {
                let mut deaths: Vec<u64> = games.iter().filter(|g| g.outcome == o.id).map(|g| g.deaths).collect();
                if !deaths.is_empty() {
                    deaths_by_outcome.insert(o.id.clone(), p10_median_p90(&mut deaths));
                }
                (o.id.clone(), Interval::wilson(deaths.len(), games.len()))
            })
            .collect();
        Report {
            runs: games.len(),
            outcomes,
            deaths_by_outcome,
            deaths: p10_median_p90(&mut games.iter().map(|g| g.deaths).collect::<Vec<_>>()),
            displaced: p10_median_p90(&mut games.iter().map(|g| g.displaced).collect::<Vec<_>>()),
            escalated: Interval::wilson(
                games.iter().filter(|g| g.stage > scenario.conflict.dyads[0].stage).count(),
                games.len(),
            ),
            at_a_bound: f64::from(games.iter().map(|g| g.readings_at_a_bound).sum::<u32>())
                / f64::from(games.iter().map(|g| g.readings).sum::<u32>().max(1)),
        }
    }

    /// The share of games that ended in `outcome`.
    pub fn share(&self, outcome: &str) -> Interval {
        self.outcomes.iter().find(|(id, _)| id == outcome).map_or(Interval::wilson(0, self.runs), |(_, i)| *i)
    }
}

// ---------------------------------------------------------------- how experiments change a game

fn historical(_: &Scenario) -> OrderSource {
    OrderSource::Historical
}

/// A copy of `s` with `change` made (its index rebuilt on first use: the change may move what it
/// indexes, such as who holds which tool).
fn with(s: &Scenario, change: impl FnOnce(&mut Scenario)) -> Scenario {
    let mut changed = s.clone();
    change(&mut changed);
    changed.reindex();
    changed
}

/// The historical course, each turn's orders changed by `edit(scenario, turn, orders)`; turns the
/// course leaves empty are edited too. The injects the course fires in a turn (format 2) are kept.
fn course(s: &Scenario, edit: impl Fn(&Scenario, u32, &mut Vec<OrderSpec>)) -> OrderSource {
    let turns = (1..=s.meta.turns)
        .map(|turn| {
            let entry = s.historical_course.iter().find(|t| t.turn == turn);
            let mut orders = entry.map(|t| t.orders.clone()).unwrap_or_default();
            let injects = entry.map(|t| t.injects.iter().map(|i| i.to_string()).collect()).unwrap_or_default();
            edit(s, turn, &mut orders);
            TurnOrders { turn, orders, injects, ..TurnOrders::default() }
        })
        .collect();
    OrderSource::File(OrdersFile { turns })
}

fn is_party_or_spoiler(s: &Scenario, actor: Id) -> bool {
    s.conflict.dyads.iter().any(|d| d.sides.0 == actor || d.sides.1 == actor)
        || s.conflict.spoilers.iter().any(|sp| sp.actor == actor)
}

fn first_dispute(s: &Scenario) -> Id {
    s.conflict.dyads[0].id
}

fn order(actor: Id, tool: ToolKind, target: Target) -> OrderSpec {
    OrderSpec::new(actor, tool, Some(target))
}

/// The first actor (in the scenario's order) that holds `tool` and is not a party or spoiler.
fn third_party_with(s: &Scenario, tool: ToolKind, not: &[Id]) -> Option<Id> {
    s.actors
        .iter()
        .find(|a| a.tools.contains(&tool) && !is_party_or_spoiler(s, a.id) && !not.contains(&a.id))
        .map(|a| a.id)
}

/// The side of the first dispute that believes most in winning at the start (the first on a tie).
fn resisting_side(s: &Scenario) -> Id {
    let d = &s.conflict.dyads[0];
    if d.win_belief.0 >= d.win_belief.1 { d.sides.0 } else { d.sides.1 }
}

/// Takes the regional force out of a turn's orders: deployments on the ground by a regional body or
/// a member of one, requests for the Council's authorisation, and the authorisation itself in drafts
/// (a draft left with nothing is dropped).
fn without_regional_force(_: &Scenario, _: u32, orders: &mut Vec<OrderSpec>) {
    orders.retain(|o| {
        !matches!(
            o.tool,
            ToolKind::DeployObservers | ToolKind::DeployRegionalForce | ToolKind::RequestCouncilAuthorisation
        )
    });
    for o in orders.iter_mut() {
        if let Some(draft) = o.draft.as_mut() {
            draft.contents.retain(|c| !matches!(c, DraftContent::AuthoriseRegionalForce(_)));
        }
    }
    orders.retain(|o| o.draft.as_ref().is_none_or(|d| !d.contents.is_empty()));
}

fn add_statements(s: &Scenario, orders: &mut Vec<OrderSpec>, tools: &[ToolKind]) {
    for &tool in tools {
        // A member that makes no statement in the course: its statements come on top of the course's.
        let makers: Vec<Id> = orders.iter().filter(|o| o.tool == tool).map(|o| o.actor).collect();
        if let Some(member) = third_party_with(s, tool, &makers) {
            orders.push(order(member, tool, Target::Dyad(first_dispute(s))));
        }
    }
}

fn sanction(s: &Scenario, kind: SanctionKind) -> Option<OrderSpec> {
    let by = third_party_with(s, ToolKind::UnilateralSanctions, &[])?;
    let mut o = order(by, ToolKind::UnilateralSanctions, Target::Actor(resisting_side(s)));
    o.sanction = Some(kind);
    Some(o)
}

fn sanction_on_mediation(s: &Scenario, orders: &mut Vec<OrderSpec>, kind: SanctionKind) {
    orders.retain(|o| o.tool != ToolKind::UnilateralSanctions);
    if orders.iter().any(|o| o.tool == ToolKind::Mediation) {
        orders.extend(sanction(s, kind));
    }
}

fn sanction_early(s: &Scenario, turn: u32, orders: &mut Vec<OrderSpec>, kind: SanctionKind) {
    orders.retain(|o| o.tool != ToolKind::UnilateralSanctions);
    if turn <= 2 {
        orders.extend(sanction(s, kind));
    }
}

/// In turn `at`, every actor that can sanction on its own lifts whatever it keeps on each side of
/// each dispute (an order with nothing to lift is refused, and changes nothing).
fn lift_sanctions_at(s: &Scenario, turn: u32, orders: &mut Vec<OrderSpec>, at: u32) {
    if turn != at {
        return;
    }
    for a in s.actors.iter().filter(|a| a.holds(ToolKind::LiftSanctions)) {
        for d in &s.conflict.dyads {
            for side in [d.sides.0, d.sides.1] {
                orders.push(order(a.id, ToolKind::LiftSanctions, Target::Actor(side)));
            }
        }
    }
}

/// The course with no party accepting mediation and no sanctions of its own, plus sanctions of
/// `kind` in turns 1–2 if given.
fn without_a_track(s: &Scenario, turn: u32, orders: &mut Vec<OrderSpec>, kind: Option<SanctionKind>) {
    orders.retain(|o| o.tool != ToolKind::AcceptMediation);
    match kind {
        Some(kind) => sanction_early(s, turn, orders, kind),
        None => orders.retain(|o| o.tool != ToolKind::UnilateralSanctions),
    }
}

fn vetoed_draft(s: &Scenario, turn: u32, orders: &mut Vec<OrderSpec>) {
    if turn != 2 {
        return;
    }
    if let Some(sponsor) = third_party_with(s, ToolKind::DraftResolution, &[]) {
        let mut draft = order(sponsor, ToolKind::DraftResolution, Target::Body(council(s)));
        draft.draft = Some(Box::new(Draft {
            chapter: Chapter::VII,
            contents: vec![DraftContent::Sanctions(resisting_side(s), SanctionKind::AssetFreeze)],
        }));
        orders.push(draft);
    }
}

/// Ballots for turn 2: every Council member for the draft but the permanent member least inclined
/// to intervene, which votes against it (a veto with nine or more votes in favour).
fn with_veto_ballots(s: &Scenario, source: OrderSource) -> OrderSource {
    let OrderSource::File(mut file) = source else { return source };
    let Some(crate::scenario::BodyKind::SecurityCouncil { members, permanent, .. }) =
        s.bodies.iter().map(|b| &b.kind).find(|k| matches!(k, crate::scenario::BodyKind::SecurityCouncil { .. }))
    else {
        return OrderSource::File(file);
    };
    let interventionism = |id: &Id| s.actor(*id).map_or(50.0, |a| a.attributes.interventionism);
    let vetoer = permanent.iter().min_by(|a, b| interventionism(a).total_cmp(&interventionism(b)).then(a.cmp(b)));
    if let Some(turn) = file.turns.iter_mut().find(|t| t.turn == 2) {
        turn.ballots =
            members.iter().map(|m| (m.to_string(), if Some(m) == vetoer { Ballot::No } else { Ballot::Yes })).collect();
    }
    OrderSource::File(file)
}

/// A peace operation for the first dispute, mandated in turn 2 by the first third party that can
/// table a draft. With `principles`, both sides first accept a deployment (turn 1, ahead of their
/// course orders) and the mandate is large and consented; without, it is one person under Chapter VII.
fn add_mandate(s: &Scenario, turn: u32, orders: &mut Vec<OrderSpec>, principles: bool) {
    let d = &s.conflict.dyads[0];
    if turn == 1 && principles {
        for side in [d.sides.0, d.sides.1] {
            orders.insert(0, order(side, ToolKind::AcceptObservers, Target::Dyad(d.id)));
        }
    }
    if turn != 2 {
        return;
    }
    if let Some(sponsor) = third_party_with(s, ToolKind::DraftResolution, &[]) {
        let mut draft = order(sponsor, ToolKind::DraftResolution, Target::Body(council(s)));
        let (chapter, personnel) = if principles { (Chapter::VI, 15_000) } else { (Chapter::VII, 1) };
        draft.draft = Some(Box::new(Draft { chapter, contents: vec![DraftContent::PeaceOperation(d.id, personnel)] }));
        orders.push(draft);
    }
}

/// Ballots for turn 2: every Council member for the draft (so the mandate's fate, not the vote, is
/// what the experiment measures).
fn with_yes_ballots(s: &Scenario, source: OrderSource) -> OrderSource {
    let OrderSource::File(mut file) = source else { return source };
    let members = s.bodies.iter().find_map(|b| match &b.kind {
        crate::scenario::BodyKind::SecurityCouncil { members, .. } => Some(members.clone()),
        _ => None,
    });
    if let (Some(members), Some(turn)) = (members, file.turns.iter_mut().find(|t| t.turn == 2)) {
        turn.ballots = members.iter().map(|m| (m.to_string(), Ballot::Yes)).collect();
    }
    OrderSource::File(file)
}

fn council(s: &Scenario) -> Id {
    s.bodies
        .iter()
        .find(|b| matches!(b.kind, crate::scenario::BodyKind::SecurityCouncil { .. }))
        .map_or_else(|| Id::from("security-council"), |b| b.id)
}

fn set_ripeness(s: &mut Scenario, hurt: f64, win_belief: f64) {
    let d = &mut s.conflict.dyads[0];
    d.hurt = (hurt, hurt);
    d.win_belief = (win_belief, win_belief);
}

/// A state that can mediate but does not in the course: the rival.
fn rival(s: &Scenario, lead: Id) -> Option<Id> {
    s.actors
        .iter()
        .find(|a| {
            a.kind == crate::scenario::ActorKind::State
                && a.tools.contains(&ToolKind::Mediation)
                && a.id != lead
                && !is_party_or_spoiler(s, a.id)
        })
        .map(|a| a.id)
}

fn add_rival(s: &Scenario, orders: &mut Vec<OrderSpec>, joint: bool) {
    // The parties accept the rival where they accept the lead by name: mediation needs the consent
    // of both to each mediator, and a rival nobody accepted could not compete at all.
    let consents: Vec<OrderSpec> = orders
        .iter()
        .filter(|o| o.tool == ToolKind::AcceptMediation)
        .filter_map(|o| Some(OrderSpec { with: Some(rival(s, o.with?)?), ..o.clone() }))
        .collect();
    orders.extend(consents);
    let Some(lead) = orders.iter().find(|o| o.tool == ToolKind::Mediation).cloned() else { return };
    let Some(rival_id) = rival(s, lead.actor) else { return };
    let mut rival = lead.clone();
    rival.actor = rival_id;
    rival.style = Some(MediationStyle::Formulative);
    orders.push(rival);
    if joint {
        let mut link = order(rival_id, ToolKind::JointEnvoy, lead.target.clone().expect("a mediation has a target"));
        link.with = Some(lead.actor);
        orders.push(link);
    }
}

/// The first party refuses the rival by name where the course has it accept the lead by name.
fn refuse_rival_by_first_side(s: &Scenario, orders: &mut [OrderSpec]) {
    let first = s.conflict.dyads[0].sides.0;
    for o in orders.iter_mut() {
        let accepts_rival = o.tool == ToolKind::AcceptMediation && o.actor == first;
        if accepts_rival
            && o.with.is_some_and(|m| s.historical_course.iter().all(|t| t.orders.iter().all(|c| c.with != Some(m))))
        {
            o.tool = ToolKind::RefuseMediation;
        }
    }
}

/// After the last turn in which the course has a party sign, each party signs again every turn.
fn sign_again(s: &Scenario, turn: u32, orders: &mut Vec<OrderSpec>) {
    let signed = |o: &&OrderSpec| o.tool == ToolKind::SignAgreement;
    let Some(last) = s.historical_course.iter().filter(|t| t.orders.iter().any(|o| signed(&o))).map(|t| t.turn).max()
    else {
        return;
    };
    if turn <= last {
        return;
    }
    let d = &s.conflict.dyads[0];
    for side in [d.sides.0, d.sides.1] {
        if !orders.iter().any(|o| o.actor == side && o.tool == ToolKind::SignAgreement) {
            orders.push(order(side, ToolKind::SignAgreement, Target::Dyad(d.id)));
        }
    }
}

/// The course with the parties signing again (`sign_again`) and a suspension in turn `at`.
fn suspended_course(s: &Scenario, at: u32) -> OrderSource {
    course(s, move |s, turn, orders| {
        sign_again(s, turn, orders);
        suspend_at(turn, orders, at);
    })
}

/// In turn `at`, the course's first mediation becomes its mediator's suspension of its talks.
fn suspend_at(turn: u32, orders: &mut [OrderSpec], at: u32) {
    if turn != at {
        return;
    }
    if let Some(o) = orders.iter_mut().find(|o| o.tool == ToolKind::Mediation) {
        o.tool = ToolKind::SuspendTalks;
        o.style = None;
    }
}

fn add_good_offices(s: &Scenario, _: u32, orders: &mut Vec<OrderSpec>) {
    let Some(lead) = orders.iter().find(|o| o.tool == ToolKind::Mediation).cloned() else { return };
    let secretary_general = s.actors.iter().find(|a| a.kind == crate::scenario::ActorKind::SecretaryGeneral);
    let offers = |sg: &&crate::scenario::Actor| sg.tools.contains(&ToolKind::GoodOffices) && sg.id != lead.actor;
    if let Some(sg) = secretary_general.filter(offers)
        && !orders.iter().any(|o| o.actor == sg.id && o.tool == ToolKind::GoodOffices)
    {
        orders.push(order(sg.id, ToolKind::GoodOffices, lead.target.clone().expect("a target")));
    }
}
