//! One turn as a bevy `Schedule` of ordered phases over the world:
//! intake → deliberation → resolution → dynamics → injects → assessment.
//! Single-threaded, with ambiguity detection as an error, so no two systems touch the same data in
//! an unspecified order. Each phase that emits effects ends by applying them through the ledger's one
//! mutation point (`ledger::apply_pending`), so the next phase sees them.

use bevy_ecs::prelude::*;
use bevy_ecs::schedule::common_conditions::any_with_component;
use bevy_ecs::schedule::{LogLevel, ScheduleBuildSettings, ScheduleLabel, SingleThreadedExecutor};
use bevy_ecs::system::SystemParam;

use super::keyed::{WorldEntities, sorted};
use super::ledger::{Effect, Ledger, Stores, apply_pending, count_uses};
use super::operations::Operation;
use super::record::{DynamicsRecord, EndRecord, InjectRecord, OutcomeRecord, Rejection, VoteRecord};
use super::regimes::SanctionRegime;
use super::rows::Rows;
use super::setup::Setup;
use super::state::{ActorState, DyadState, Globals};
use super::tracks::MediationTrack;
use super::view::{InForce, View};
use crate::engine::record::Ballot;
use crate::fast_hash::{FastMap, FastSet};
use crate::orders::{MAX_ORDERS_PER_ACTOR, check};
use crate::rules::{self, RuleCtx};
use crate::scenario::{Id, OrderSpec, ToolKind};

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

/// What the groups (or bots, or the course) decided for this turn.
#[derive(Resource, Debug, Clone, Default)]
pub struct TurnInput {
    pub orders: Vec<OrderSpec>,
    /// How many of the last orders bots gave, already checked (`TurnOrders::checked_by_bots`).
    pub checked_by_bots: usize,
    pub ballots: Vec<(String, Ballot)>,
    pub injects: Vec<String>,
    /// The facilitator ends the game with this turn (`TurnOrders::end_now`).
    pub end_now: bool,
}

/// What the turn produced, gathered phase by phase.
#[derive(Resource, Debug, Clone, Default)]
pub struct TurnOutput {
    /// The orders that passed `check`, in the order given.
    pub accepted: Vec<OrderSpec>,
    /// Each accepted order's index among the same actor's submitted orders: the key of its dice.
    pub dice: Vec<u32>,
    pub rejected: Vec<Rejection>,
    pub holding: Vec<Id>,
    pub votes: Vec<VoteRecord>,
    pub outcomes: Vec<OutcomeRecord>,
    pub dynamics: Vec<DynamicsRecord>,
    pub injects: Vec<InjectRecord>,
    pub end: Option<EndRecord>,
}

impl TurnOutput {
    /// Empties every list, keeping its memory.
    pub fn clear(&mut self) {
        let TurnOutput { accepted, dice, rejected, holding, votes, outcomes, dynamics, injects, end } = self;
        accepted.clear();
        dice.clear();
        rejected.clear();
        holding.clear();
        votes.clear();
        outcomes.clear();
        dynamics.clear();
        injects.clear();
        *end = None;
    }
}

pub fn build() -> Schedule {
    let mut schedule = Schedule::new(TurnSchedule);
    schedule.set_executor(SingleThreadedExecutor::default());
    schedule.set_build_settings(ScheduleBuildSettings { ambiguity_detection: LogLevel::Error, ..Default::default() });
    schedule.configure_sets(
        (Phase::Intake, Phase::Deliberation, Phase::Resolution, Phase::Dynamics, Phase::Injects, Phase::Assessment)
            .chain(),
    );
    // Most turns bring no Council or Assembly business: the phase is skipped then.
    schedule.configure_sets(Phase::Deliberation.run_if(council_business));
    // One system a phase (a separate system applying each phase's effects cost as much to run as the
    // smaller phases themselves).
    schedule.add_systems(intake.in_set(Phase::Intake));
    schedule.add_systems(deliberation.in_set(Phase::Deliberation));
    schedule.add_systems(resolution.in_set(Phase::Resolution));
    // The tools in force act before the disputes' own dynamics, which read what they did; each runs
    // only while something of its family is in force (most turns of most games have none).
    schedule.add_systems(
        (
            sanctions_in_force.run_if(any_with_component::<SanctionRegime>),
            operations_in_force.run_if(any_with_component::<Operation>),
            tracks_in_force.run_if(any_suspended_track),
            dynamics,
        )
            .chain()
            .in_set(Phase::Dynamics),
    );
    schedule.add_systems(injects.in_set(Phase::Injects));
    schedule.add_systems(assessment.in_set(Phase::Assessment));
    schedule
}

/// What every phase reads and writes: the scenario, the state, the ledger. One `SystemParam`, so each
/// system builds the same `View` the same way and applies its effects the same way.
#[derive(SystemParam)]
pub struct StateParam<'w, 's> {
    setup: Res<'w, Setup>,
    globals: ResMut<'w, Globals>,
    dyads: Query<'w, 's, &'static mut DyadState>,
    actors: Query<'w, 's, &'static mut ActorState>,
    sanctions: Query<'w, 's, (Entity, &'static SanctionRegime)>,
    operations: Query<'w, 's, (Entity, &'static Operation)>,
    tracks: Query<'w, 's, (Entity, &'static MediationTrack)>,
    commands: Commands<'w, 's>,
    ledger: ResMut<'w, Ledger>,
}

impl StateParam<'_, '_> {
    /// The read-only view every rule works on, sorted by stable id.
    fn view(&self) -> View<'_> {
        let s = &self.setup.scenario;
        View::from_rows(
            s,
            &self.globals,
            Rows::world(s, &self.setup.rows.dyads, self.setup.rows.complete, &self.dyads),
            Rows::world(s, &self.setup.rows.actors, self.setup.rows.complete, &self.actors),
            InForce {
                sanctions: sorted(self.sanctions.iter().map(|(_, r)| r)),
                operations: sorted(self.operations.iter().map(|(_, o)| o)),
                tracks: sorted(self.tracks.iter().map(|(_, t)| t)),
            },
            self.globals.turn,
        )
    }

    /// The context rules are resolved in, with the orders accepted this turn.
    fn ctx<'v>(&'v self, view: &'v View<'v>, accepted: &'v [OrderSpec]) -> RuleCtx<'v> {
        RuleCtx {
            view,
            params: &self.setup.scenario.rules,
            seed: self.setup.seed,
            turn: self.globals.turn,
            accepted,
            forced: None,
            narrate: self.setup.narrate,
            on_dyad: Default::default(),
        }
    }

    /// The ledger's (empty) list of pending effects, for a phase to fill while it reads the state;
    /// [`StateParam::apply`] gives it back.
    fn take_pending(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.ledger.pending)
    }

    /// Counts the uses of the tools of the turn's accepted orders (`ledger::count_uses`).
    fn count_uses(&mut self, accepted: &[OrderSpec]) {
        let StateParam { setup, actors, ledger, .. } = self;
        count_uses(ledger, actors, setup, accepted);
    }

    /// Applies the effects the phase emitted, through the ledger, keeping the list's memory.
    fn apply(&mut self, pending: Vec<Effect>) {
        let StateParam { setup, globals, dyads, actors, sanctions, operations, tracks, commands, ledger } = self;
        ledger.pending = pending;
        let mut regimes = WorldEntities::new(sanctions);
        let mut missions = WorldEntities::new(operations);
        let mut processes = WorldEntities::new(tracks);
        let stores = Stores { regimes: &mut regimes, operations: &mut missions, tracks: &mut processes };
        apply_pending(ledger, globals, dyads, actors, stores, setup);
        regimes.flush(commands);
        missions.flush(commands);
        processes.flush(commands);
    }
}

pub use crate::rules::is_deliberation;

fn intake(
    mut state: StateParam,
    mut input: ResMut<TurnInput>,
    mut out: ResMut<TurnOutput>,
    // Kept from turn to turn (emptied after each): its memory is reused.
    mut verdicts: Local<Vec<Result<(), String>>>,
) {
    let v = state.view();
    // The orders are checked in place, then the accepted ones moved (not copied) to the turn's list.
    let orders = std::mem::take(&mut input.orders);
    // The bots' orders (the last ones) were each checked as proposed, against this state and their
    // actor's orders before them: they pass (a debug build checks again that they do). A bot gives
    // all its orders together and is the only one to give orders for its actor, so its orders run
    // from the first of its actor's to the last.
    let bots_from = orders.len().saturating_sub(input.checked_by_bots);
    // Per actor: how many orders it gave so far, and those accepted (every rule of `check` about
    // earlier orders concerns the same actor's, so only those are shown to it). `check` accepts at
    // most `MAX_ORDERS_PER_ACTOR` of an actor's orders, so they fit in a small array.
    type Mine<'o> = (u32, [&'o OrderSpec; MAX_ORDERS_PER_ACTOR], usize);
    let mut given: FastMap<&str, Mine> = FastMap::with_capacity_and_hasher(bots_from, Default::default());
    let mut bot_run_start = bots_from;
    for (i, order) in orders.iter().enumerate() {
        // The dice of an order are keyed by its place among its own actor's orders, so what other
        // actors order (in a what-if branch, say) never changes them.
        let (own_index, verdict) = if i >= bots_from {
            if orders[bot_run_start].actor != order.actor {
                bot_run_start = i;
            }
            debug_assert_eq!(
                check(order, &v, &orders[bot_run_start..i]),
                Ok(()),
                "a bot's order passes the check given its earlier ones"
            );
            ((i - bot_run_start) as u32, Ok(()))
        } else {
            let (count, mine, kept) =
                given.entry(order.actor.as_str()).or_insert((0, [order; MAX_ORDERS_PER_ACTOR], 0));
            let own_index = *count;
            *count += 1;
            let verdict = check(order, &v, &mine[..*kept]);
            // (`check` refuses an actor's order beyond the limit, so there is always room.)
            if verdict.is_ok()
                && let Some(slot) = mine.get_mut(*kept)
            {
                *slot = order;
                *kept += 1;
            }
            (own_index, verdict)
        };
        if verdict.is_ok() {
            out.dice.push(own_index);
        }
        verdicts.push(verdict);
    }
    drop(given);
    drop(v);
    for (order, verdict) in orders.into_iter().zip(verdicts.drain(..)) {
        match verdict {
            Ok(()) => out.accepted.push(order),
            Err(reason) => out.rejected.push(Rejection { order, reason }),
        }
    }
    state.count_uses(&out.accepted);
    // Actors with no accepted order other than `Hold` hold, in id order: for the record only, so not
    // listed when the turn is not narrated.
    if !state.setup.narrate {
        return;
    }
    let acting: FastSet<Id> = out.accepted.iter().filter(|o| o.tool != ToolKind::Hold).map(|o| o.actor).collect();
    let (s, l) = (&state.setup.scenario, state.setup.scenario.lookup());
    let holding = (0..l.actor_count()).map(|r| s.actors[l.actor_at(r)].id).filter(|id| !acting.contains(id)).collect();
    out.holding = holding;
}

/// Whether an accepted order is Council or Assembly business.
fn council_business(out: Res<TurnOutput>) -> bool {
    out.accepted.iter().any(|o| is_deliberation(o.tool))
}

fn deliberation(mut state: StateParam, input: Res<TurnInput>, mut out: ResMut<TurnOutput>) {
    let mut pending = state.take_pending();
    let TurnOutput { accepted, votes, outcomes, .. } = &mut *out;
    let business: Vec<&OrderSpec> = accepted.iter().filter(|o| is_deliberation(o.tool)).collect();
    let v = state.view();
    let ctx = state.ctx(&v, accepted);
    rules::council::deliberate(&ctx, &business, &input.ballots, votes, outcomes, &mut pending);
    drop(v);
    state.apply(pending);
}

fn resolution(mut state: StateParam, mut out: ResMut<TurnOutput>) {
    let mut pending = state.take_pending();
    let v = state.view();
    let TurnOutput { accepted, dice, outcomes, .. } = &mut *out;
    let ctx = state.ctx(&v, accepted);
    for (order, index) in accepted.iter().zip(dice.iter()).filter(|(o, _)| !is_deliberation(o.tool)) {
        outcomes.push(rules::resolve(order, *index, &ctx, &mut pending));
    }
    drop(v);
    state.apply(pending);
}

/// The missions in the disputes build up their strength, do their tasks, and leave when their
/// mandate ends.
fn operations_in_force(mut state: StateParam, out: Res<TurnOutput>) {
    let mut pending = state.take_pending();
    let v = state.view();
    rules::operations::in_force_effects(&state.ctx(&v, &out.accepted), &mut pending);
    drop(v);
    state.apply(pending);
}

/// Whether a mediation track is suspended (most games' tracks never are: the system is skipped).
fn any_suspended_track(tracks: Query<&MediationTrack>) -> bool {
    tracks.iter().any(|t| t.suspended.is_some())
}

/// Suspended mediation tracks cost the parties while they stay suspended.
fn tracks_in_force(mut state: StateParam, out: Res<TurnOutput>) {
    let mut pending = state.take_pending();
    let v = state.view();
    rules::suspension::in_force_effects(&state.ctx(&v, &out.accepted), &mut pending);
    drop(v);
    state.apply(pending);
}

/// The sanction regimes in force (entities of their own) bite, before the disputes' own dynamics.
fn sanctions_in_force(mut state: StateParam, out: Res<TurnOutput>) {
    let mut pending = state.take_pending();
    let v = state.view();
    rules::sanctions::in_force_effects(&state.ctx(&v, &out.accepted), &mut pending);
    drop(v);
    state.apply(pending);
}

fn dynamics(mut state: StateParam, mut out: ResMut<TurnOutput>) {
    let mut pending = state.take_pending();
    let v = state.view();
    let TurnOutput { accepted, outcomes, dynamics, .. } = &mut *out;
    let ctx = state.ctx(&v, accepted);
    // Each dispute's dynamics read the outcomes aimed at it, in the order given (`dyad` passes over
    // the others). With a few disputes each reads the whole list; with many, the outcomes are sorted
    // by target once (stably) and walked alongside the disputes, which come in id order.
    if v.dyads.len() <= 4 {
        for d in v.dyads.values() {
            dynamics.push(rules::dynamics::dyad(&ctx, d, outcomes.as_slice(), &mut pending));
        }
    } else {
        let mut aimed: Vec<&OutcomeRecord> = outcomes.iter().filter(|o| o.target.is_some()).collect();
        aimed.sort_by_key(|a| a.target);
        let mut next = 0;
        for d in v.dyads.values() {
            let id = Some(d.id);
            while next < aimed.len() && aimed[next].target < id {
                next += 1;
            }
            let start = next;
            while next < aimed.len() && aimed[next].target == id {
                next += 1;
            }
            dynamics.push(rules::dynamics::dyad(&ctx, d, &aimed[start..next], &mut pending));
        }
    }
    rules::dynamics::drift(&ctx, &mut pending);
    drop(v);
    state.apply(pending);
}

fn injects(mut state: StateParam, input: Res<TurnInput>, mut out: ResMut<TurnOutput>) {
    let mut pending = state.take_pending();
    let v = state.view();
    let records = rules::injects::fire(&state.ctx(&v, &[]), &input.injects, &mut pending);
    drop(v);
    out.injects.extend(records);
    state.apply(pending);
}

fn assessment(mut state: StateParam, input: Res<TurnInput>, mut out: ResMut<TurnOutput>) {
    // A game stopped early in open fighting counts the fighting it cut short (rules::toll), whether a
    // stop rule or the facilitator stopped it.
    if rules::assessment::stops_early(&state.view(), input.end_now) {
        let mut pending = state.take_pending();
        let v = state.view();
        rules::toll::carried_to_the_end(&state.ctx(&v, &[]), &mut pending);
        drop(v);
        state.apply(pending);
    }
    out.end = rules::assessment::assess(&state.view(), input.end_now);
}
