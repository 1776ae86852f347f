//! One turn as a bevy `Schedule` of ordered phases over the world:
//! intake → deliberation → resolution → dynamics → injects → assessment.
//! Single-threaded, with ambiguity detection as an error, so no two systems touch the same data in
//! an unspecified order. Each phase that emits effects is followed by the one system that applies them.

use std::sync::Arc;

use bevy_ecs::prelude::*;
use bevy_ecs::schedule::{LogLevel, ScheduleBuildSettings, ScheduleLabel, SingleThreadedExecutor};

use super::ledger::{Ledger, apply_ledger};
use super::record::{DynamicsRecord, EndRecord, InjectRecord, OutcomeRecord, Rejection, VoteRecord};
use super::state::{ActorState, DyadState, Globals};
use super::view::View;
use crate::orders::check;
use crate::rules::council_vote::Ballot;
use crate::rules::{self, RuleCtx};
use crate::scenario::{OrderSpec, Scenario, ToolKind};

#[derive(ScheduleLabel, Debug, Clone, PartialEq, Eq, Hash)]
pub struct TurnSchedule;

#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub enum Phase {
    Intake,
    Deliberation,
    Resolution,
    Dynamics,
    Injects,
    Assessment,
}

/// The turn being played.
#[derive(Resource, Debug, Clone, Copy)]
pub struct Clock {
    pub turn: u32,
}

/// What does not change during a game.
#[derive(Resource, Clone)]
pub struct Setup {
    pub scenario: Arc<Scenario>,
    pub seed: u64,
}

/// What the groups (or bots, or the course) decided for this turn.
#[derive(Resource, Debug, Clone, Default)]
pub struct TurnInput {
    pub orders: Vec<OrderSpec>,
    pub ballots: Vec<(String, Ballot)>,
    pub injects: Vec<String>,
}

/// What the turn produced, gathered phase by phase.
#[derive(Resource, Debug, Clone, Default)]
pub struct TurnOutput {
    /// `(index among the same actor's submitted orders, order)`: the key of the order's dice.
    pub accepted: Vec<(u32, OrderSpec)>,
    pub rejected: Vec<Rejection>,
    pub holding: Vec<String>,
    pub votes: Vec<VoteRecord>,
    pub outcomes: Vec<OutcomeRecord>,
    pub dynamics: Vec<DynamicsRecord>,
    pub injects: Vec<InjectRecord>,
    pub end: Option<EndRecord>,
}

pub fn build() -> Schedule {
    let mut schedule = Schedule::new(TurnSchedule);
    schedule.set_executor(SingleThreadedExecutor::default());
    schedule.set_build_settings(ScheduleBuildSettings { ambiguity_detection: LogLevel::Error, ..Default::default() });
    schedule.configure_sets(
        (Phase::Intake, Phase::Deliberation, Phase::Resolution, Phase::Dynamics, Phase::Injects, Phase::Assessment)
            .chain(),
    );
    schedule.add_systems((intake, apply_ledger).chain().in_set(Phase::Intake));
    schedule.add_systems((deliberation, apply_ledger).chain().in_set(Phase::Deliberation));
    schedule.add_systems((resolution, apply_ledger).chain().in_set(Phase::Resolution));
    schedule.add_systems((dynamics, apply_ledger).chain().in_set(Phase::Dynamics));
    schedule.add_systems((injects, apply_ledger).chain().in_set(Phase::Injects));
    schedule.add_systems(assessment.in_set(Phase::Assessment));
    schedule
}

/// The read-only view every rule works on, sorted by stable id.
fn view<'a>(
    setup: &'a Setup,
    globals: &'a Globals,
    dyads: &'a Query<&DyadState>,
    actors: &'a Query<&ActorState>,
    turn: u32,
) -> View<'a> {
    View {
        scenario: &setup.scenario,
        globals,
        dyads: dyads.iter().map(|d| (d.id.as_str(), d)).collect(),
        actors: actors.iter().map(|a| (a.id.as_str(), a)).collect(),
        turn,
    }
}

pub fn is_deliberation(tool: ToolKind) -> bool {
    use ToolKind::*;
    matches!(
        tool,
        RaiseAtCouncil
            | CouncilBriefing
            | PressElements
            | PressStatement
            | PresidentialStatement
            | DraftResolution
            | RequestEmergencySession
            | AssemblyResolution
    )
}

#[allow(clippy::too_many_arguments)]
fn intake(
    setup: Res<Setup>,
    clock: Res<Clock>,
    input: Res<TurnInput>,
    globals: Res<Globals>,
    dyads: Query<&DyadState>,
    actors: Query<&ActorState>,
    mut out: ResMut<TurnOutput>,
    mut ledger: ResMut<Ledger>,
) {
    let v = view(&setup, &globals, &dyads, &actors, clock.turn);
    let mut accepted: Vec<OrderSpec> = Vec::new();
    for (i, order) in input.orders.iter().enumerate() {
        // The dice of an order are keyed by its place among its own actor's orders, so what other
        // actors order (in a what-if branch, say) never changes them.
        let own_index = input.orders[..i].iter().filter(|o| o.actor == order.actor).count() as u32;
        match check(order, &v, &accepted) {
            Ok(()) => {
                accepted.push(order.clone());
                out.accepted.push((own_index, order.clone()));
                ledger.pending.push(super::ledger::Effect::flag(
                    super::ledger::Flag::Used(order.actor.clone(), order.tool),
                    true,
                    "use",
                ));
            }
            Err(reason) => out.rejected.push(Rejection { order: order.clone(), reason }),
        }
    }
    out.holding = setup
        .scenario
        .actors
        .iter()
        .map(|a| a.id.clone())
        .filter(|id| {
            !accepted.iter().any(|o| &o.actor == id && o.tool != ToolKind::Hold)
                || accepted.iter().all(|o| &o.actor != id)
        })
        .filter(|id| !accepted.iter().any(|o| &o.actor == id && o.tool != ToolKind::Hold))
        .collect();
    out.holding.sort();
}

#[allow(clippy::too_many_arguments)]
fn deliberation(
    setup: Res<Setup>,
    clock: Res<Clock>,
    input: Res<TurnInput>,
    globals: Res<Globals>,
    dyads: Query<&DyadState>,
    actors: Query<&ActorState>,
    mut out: ResMut<TurnOutput>,
    mut ledger: ResMut<Ledger>,
) {
    let v = view(&setup, &globals, &dyads, &actors, clock.turn);
    let business: Vec<(u32, OrderSpec)> =
        out.accepted.iter().filter(|(_, o)| is_deliberation(o.tool)).cloned().collect();
    if business.is_empty() {
        return;
    }
    let all: Vec<OrderSpec> = out.accepted.iter().map(|(_, o)| o.clone()).collect();
    let ctx = RuleCtx {
        view: &v,
        params: &setup.scenario.rules,
        seed: setup.seed,
        turn: clock.turn,
        accepted: &all,
        forced: None,
    };
    let (votes, resolved) = rules::council::deliberate(&ctx, &business, &input.ballots);
    out.votes.extend(votes);
    for r in resolved {
        out.outcomes.push(r.outcome);
        ledger.pending.extend(r.effects);
    }
}

fn resolution(
    setup: Res<Setup>,
    clock: Res<Clock>,
    globals: Res<Globals>,
    dyads: Query<&DyadState>,
    actors: Query<&ActorState>,
    mut out: ResMut<TurnOutput>,
    mut ledger: ResMut<Ledger>,
) {
    let v = view(&setup, &globals, &dyads, &actors, clock.turn);
    let all: Vec<OrderSpec> = out.accepted.iter().map(|(_, o)| o.clone()).collect();
    let ctx = RuleCtx {
        view: &v,
        params: &setup.scenario.rules,
        seed: setup.seed,
        turn: clock.turn,
        accepted: &all,
        forced: None,
    };
    let mut outcomes = Vec::new();
    for (index, order) in out.accepted.iter().filter(|(_, o)| !is_deliberation(o.tool)) {
        let r = rules::resolve(order, *index, &ctx);
        outcomes.push(r.outcome);
        ledger.pending.extend(r.effects);
    }
    out.outcomes.extend(outcomes);
}

fn dynamics(
    setup: Res<Setup>,
    clock: Res<Clock>,
    globals: Res<Globals>,
    dyads: Query<&DyadState>,
    actors: Query<&ActorState>,
    mut out: ResMut<TurnOutput>,
    mut ledger: ResMut<Ledger>,
) {
    let v = view(&setup, &globals, &dyads, &actors, clock.turn);
    let all: Vec<OrderSpec> = out.accepted.iter().map(|(_, o)| o.clone()).collect();
    let ctx = RuleCtx {
        view: &v,
        params: &setup.scenario.rules,
        seed: setup.seed,
        turn: clock.turn,
        accepted: &all,
        forced: None,
    };
    let mut records = Vec::new();
    for d in v.dyads.values() {
        let (record, effects) = rules::dynamics::dyad(&ctx, d, &out.outcomes);
        records.push(record);
        ledger.pending.extend(effects);
    }
    ledger.pending.extend(rules::dynamics::drift(&ctx));
    out.dynamics.extend(records);
}

#[allow(clippy::too_many_arguments)]
fn injects(
    setup: Res<Setup>,
    clock: Res<Clock>,
    input: Res<TurnInput>,
    globals: Res<Globals>,
    dyads: Query<&DyadState>,
    actors: Query<&ActorState>,
    mut out: ResMut<TurnOutput>,
    mut ledger: ResMut<Ledger>,
) {
    let v = view(&setup, &globals, &dyads, &actors, clock.turn);
    let ctx = RuleCtx {
        view: &v,
        params: &setup.scenario.rules,
        seed: setup.seed,
        turn: clock.turn,
        accepted: &[],
        forced: None,
    };
    let (records, effects) = rules::injects::fire(&ctx, &input.injects);
    out.injects.extend(records);
    ledger.pending.extend(effects);
}

fn assessment(
    setup: Res<Setup>,
    clock: Res<Clock>,
    globals: Res<Globals>,
    dyads: Query<&DyadState>,
    actors: Query<&ActorState>,
    mut out: ResMut<TurnOutput>,
) {
    let v = view(&setup, &globals, &dyads, &actors, clock.turn);
    out.end = rules::assessment::assess(&v);
}
