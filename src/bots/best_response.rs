//! The general policy: for each order it could give, weigh what the order would do to its objectives
//! one step ahead — the success branch and the failure branch by the engine's own probability — and
//! give the best orders. It uses the rules' expected effects, never the dice.

use crate::engine::ledger::apply_to_snapshot;
use crate::engine::state::Refresh;
use crate::engine::state::{DyadState, Snapshot};
use crate::engine::view::View;
use crate::orders::{TargetKind, passes, target_kind};
use crate::rules::{RuleCtx, resolve};
use crate::scenario::Id;
use crate::scenario::{Condition, Event, MediationStyle, OrderSpec, Target, ToolKind};

/// How far a condition is from holding, 0 (far) to 1 (holds): a graded score, so a bot can see
/// progress before a goal is met.
pub fn satisfaction(view: &View, c: &Condition) -> f64 {
    let graded = |value: f64, goal: f64, at_least: bool| {
        if (at_least && value >= goal) || (!at_least && value <= goal) {
            1.0
        } else {
            let gap = (value - goal).abs();
            (1.0 - gap / 100.0).clamp(0.0, 0.99)
        }
    };
    match c {
        Condition::Always => 1.0,
        Condition::AtLeast(v, x) => graded(view.value(v), *x, true),
        Condition::AtMost(v, x) => graded(view.value(v), *x, false),
        Condition::Happened(e) => {
            if view.happened(e) {
                1.0
            } else {
                match e {
                    Event::AgreementSigned(d) => view.dyad(d).map_or(0.0, |d| deal_progress(view, d)),
                    Event::Ceasefire(d) => view.dyad(d).map_or(0.0, |d| ceasefire_progress(d, view.turn)),
                    _ => 0.0,
                }
            }
        }
        Condition::FromTurn(t) => f64::from(u8::from(view.turn >= *t)),
        Condition::All(list) => list.iter().map(|c| satisfaction(view, c)).fold(1.0, f64::min),
        Condition::Any(list) => list.iter().map(|c| satisfaction(view, c)).fold(0.0, f64::max),
        Condition::Not(c) => 1.0 - satisfaction(view, c),
    }
}

/// How far a dispute is on the way to a signed agreement, below 1: the way out (a text both can live
/// with, worth up to 0.5), each party's consent to mediation (0.05: mediation is what opens a way out),
/// and each party's standing signature once a text is on the table (0.1). The steps that only count
/// when the other side takes them too are scored, so a bot looking one step ahead consents and signs
/// first when a deal serves its objectives (and refuses when it does not).
fn deal_progress(view: &View, d: &DyadState) -> f64 {
    let turn = view.turn;
    let consents = (0..2).filter(|i| view.open_to_talks(d, *i)).count() as f64;
    let text = d.way_out >= crate::rules::ground::AGREEMENT_WAY_OUT;
    let signatures = if text { d.signed.iter().filter(|t| standing(**t, turn)).count() as f64 } else { 0.0 };
    (d.way_out / 200.0 + 0.05 * consents + 0.1 * signatures).min(0.95)
}

/// The same for a ceasefire: the way out, and each party's standing offer (0.1).
fn ceasefire_progress(d: &DyadState, turn: u32) -> f64 {
    let offers = d.ceasefire_offered.iter().filter(|t| standing(**t, turn)).count() as f64;
    (d.way_out / 200.0 + 0.1 * offers).min(0.95)
}

/// Whether a signature or an offer made in turn `made` still stands in `turn` (it stands for the turn
/// it was made in and the next, as `rules::ground` counts it).
fn standing(made: Option<u32>, turn: u32) -> bool {
    made.is_some_and(|t| t + 1 >= turn)
}

/// The points-weighted satisfaction of an actor's objectives in a state.
pub fn objective_value(view: &View, actor: &str) -> f64 {
    view.scenario
        .actor(actor)
        .map_or(0.0, |a| a.objectives.iter().map(|o| f64::from(o.points) * satisfaction(view, &o.goal)).sum())
}

/// Candidate orders: every held tool at every target of the right sort.
fn candidates(actor: Id, view: &View) -> Vec<OrderSpec> {
    let s = view.scenario;
    let Some(a) = s.actor(actor) else { return Vec::new() };
    let mut out = Vec::new();
    for tool in a.tools_in_hand() {
        let base = OrderSpec {
            actor,
            tool,
            target: None,
            style: (tool == ToolKind::Mediation).then_some(MediationStyle::Formulative),
            draft: None,
            sanction: None,
            with: None,
            note: "bot".into(),
        };
        let targets: Vec<Option<Target>> = match target_kind(tool) {
            TargetKind::Nothing | TargetKind::Optional => vec![None],
            TargetKind::Dyad => view.dyads.values().map(|d| Some(Target::Dyad(d.id))).collect(),
            TargetKind::Council | TargetKind::Assembly | TargetKind::AnyBody => {
                s.bodies.iter().map(|b| Some(Target::Body(b.id))).collect()
            }
            // Sanctions, standby teams and mass action need more judgement than one step ahead.
            TargetKind::Actor => Vec::new(),
        };
        for t in targets {
            out.push(OrderSpec { target: t, ..base.clone() });
        }
    }
    out
}

/// Up to three orders, best first, each improving the actor's expected objective value.
pub fn choose(actor: Id, view: &View, state: &Snapshot) -> Vec<OrderSpec> {
    let now = objective_value(view, &actor);
    let mut scored: Vec<(f64, OrderSpec)> = Vec::new();
    // One scratch copy of the state for every option: effects are applied to it, the outcome valued,
    // and the rows they touched put back (a copy per option would cost the whole state each time).
    let mut scratch = state.clone();
    let mut value_after = |effects: &[crate::engine::ledger::Effect]| {
        let (dyads, actors, globals) = apply_to_snapshot(view.scenario, &mut scratch, effects, view.turn);
        let value = objective_value(&View::of_snapshot(view.scenario, &scratch, view.turn), &actor);
        for i in dyads {
            scratch.dyads[i].refresh_from(&state.dyads[i]);
        }
        for i in actors {
            scratch.actors[i].refresh_from(&state.actors[i]);
        }
        scratch.globals.resync(&state.globals, globals);
        if globals.sanctions {
            scratch.sanctions.clone_from(&state.sanctions);
        }
        if globals.operations {
            scratch.operations.clone_from(&state.operations);
        }
        if globals.tracks {
            scratch.tracks.clone_from(&state.tracks);
        }
        value
    };
    // Each branch's effects, in one list emptied for the next.
    let mut effects = Vec::new();
    for order in candidates(actor, view) {
        if !passes::<OrderSpec>(&order, view, &[]) || crate::engine::schedule::is_deliberation(order.tool) {
            continue;
        }
        let accepted = [order.clone()];
        let branch = |success: bool, effects: &mut Vec<crate::engine::ledger::Effect>| {
            effects.clear();
            let ctx = RuleCtx {
                view,
                params: &view.scenario.rules,
                seed: 0,
                turn: view.turn,
                accepted: &accepted,
                forced: Some(success),
                narrate: false,
                on_dyad: Default::default(),
            };
            resolve(&order, 0, &ctx, effects)
        };
        let expected = match branch(true, &mut effects).probability {
            Some(p) => {
                let won = value_after(&effects);
                branch(false, &mut effects);
                p * won + (1.0 - p) * value_after(&effects)
            }
            None => value_after(&effects),
        };
        if expected > now + 1e-9 {
            scored.push((expected - now, order));
        }
    }
    // Best first; ties broken by the order's written form (tool, then target, ...) so the choice never
    // depends on iteration order. The written form is made once per option, not once per comparison.
    let mut keyed: Vec<(f64, String, OrderSpec)> = scored.into_iter().map(|(v, o)| (v, format!("{o:?}"), o)).collect();
    keyed.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    keyed.into_iter().take(crate::orders::MAX_ORDERS_PER_ACTOR).map(|(_, _, o)| o).collect()
}
