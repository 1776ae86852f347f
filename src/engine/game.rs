//! A game: the world, the turn schedule, and the state between turns.

use std::sync::Arc;

use bevy_ecs::prelude::*;

use super::dates::turn_dates;
use super::keyed::{put_all, read_all};
use super::ledger::Ledger;
use super::operations::Operation;
use super::record::TurnRecord;
use super::regimes::SanctionRegime;
use super::rows::RowEntities;
use super::schedule::{TurnInput, TurnOutput, build};
use super::setup::Setup;
use super::state::{ActorState, Collections, DyadState, Globals, Refresh, Snapshot};
use super::tracks::MediationTrack;
use crate::orders::TurnOrders;
use crate::scenario::Scenario;

pub struct Game {
    scenario: Arc<Scenario>,
    seed: u64,
    world: World,
    schedule: Schedule,
    state: Snapshot,
    ended: bool,
    /// The world's dyad and actor entities, in id order (as the world's `RowEntities` lists them).
    dyad_rows: Vec<Entity>,
    actor_rows: Vec<Entity>,
    /// Whether the world holds `state` (it does after a turn, and after a restart from a world that
    /// was at the start; not after a full copy that has not reached the world yet).
    world_current: bool,
    /// The scenario's starting state, prepared as a game keeps it: what [`Game::restart`] goes back
    /// to (made on the first restart).
    start: Option<Box<Snapshot>>,
    /// Whether `state` is the starting state with only `changed` written to since (so a restart need
    /// copy back only those), or `None` when that is not known (a resumed game, a world not yet built).
    since_start: Option<Changed>,
    /// Whether `state` is exactly the starting state (a new game, a restart), so the world loaded from
    /// it is too.
    at_start: bool,
}

/// Which rows and collections of the globals a game has written since it was at its start.
#[derive(Debug, Default)]
struct Changed {
    dyads: Vec<bool>,
    actors: Vec<bool>,
    globals: Collections,
}

impl Changed {
    fn none(dyads: usize, actors: usize) -> Changed {
        Changed { dyads: vec![false; dyads], actors: vec![false; actors], globals: Collections::default() }
    }
}

/// Copies the starting rows back over the rows marked `changed`, in the state and in the world (the
/// row of rank `i` is the entity `entities[i]`), and clears the marks.
fn restore<T: Refresh + bevy_ecs::component::Component<Mutability = bevy_ecs::component::Mutable>>(
    world: &mut World,
    entities: &[Entity],
    rows: &mut [T],
    start: &[T],
    changed: &mut [bool],
) {
    for (i, c) in changed.iter_mut().enumerate().filter(|(_, c)| **c) {
        rows[i].refresh_from(&start[i]);
        world.get_mut::<T>(entities[i]).expect("a row entity keeps its row for the whole game").refresh_from(&start[i]);
        *c = false;
    }
}

/// A state put in the form a game keeps it in: rows in id order (views rely on it), and the trust
/// baselines drift compares with (a saved state does not keep them).
fn prepared(scenario: &Scenario, mut state: Snapshot) -> Snapshot {
    state.dyads.sort_by_key(|a| a.id);
    state.actors.sort_by_key(|a| a.id);
    state.globals.trust.learn_baselines(|party, third| super::state::baseline_trust(scenario, party, third));
    state
}

impl Game {
    /// A new game at the scenario's starting state.
    pub fn new(scenario: Arc<Scenario>, seed: u64) -> Game {
        let state = Snapshot::initial(&scenario);
        let mut game = Game::resume(scenario, seed, state, false);
        game.at_start = true;
        game
    }

    /// A game continuing from a saved state (the `state` of the last completed turn's record).
    pub fn resume(scenario: Arc<Scenario>, seed: u64, state: Snapshot, ended: bool) -> Game {
        let state = prepared(&scenario, state);
        let mut world = World::new();
        world.insert_resource(Setup { scenario: scenario.clone(), seed, narrate: true, rows: RowEntities::default() });
        Game {
            scenario,
            seed,
            world,
            schedule: build(),
            state,
            ended,
            dyad_rows: Vec::new(),
            actor_rows: Vec::new(),
            world_current: false,
            start: None,
            since_start: None,
            at_start: false,
        }
    }

    /// Starts another game of the same scenario from its starting state with another seed, keeping
    /// the world and the turn schedule (built and initialised once): what a sweep does between its
    /// games. A game writes to few of the rows (in Cambodia–Thailand, the dispute and the actors who
    /// acted), and the game notes which: only those are copied back, into the state and the world.
    pub fn restart(&mut self, seed: u64) {
        self.seed = seed;
        self.ended = false;
        self.world.resource_mut::<Setup>().seed = seed;
        let start =
            &**self.start.get_or_insert_with(|| Box::new(prepared(&self.scenario, Snapshot::initial(&self.scenario))));
        match self.since_start.as_mut() {
            Some(changed) if self.world_current => {
                let world = &mut self.world;
                restore(world, &self.dyad_rows, &mut self.state.dyads, &start.dyads, &mut changed.dyads);
                restore(world, &self.actor_rows, &mut self.state.actors, &start.actors, &mut changed.actors);
                self.state.globals.refresh_parts(&start.globals, changed.globals);
                self.world.resource_mut::<Globals>().refresh_parts(&start.globals, changed.globals);
                if changed.globals.sanctions {
                    put_all(&mut self.world, &start.sanctions);
                    self.state.sanctions.clone_from(&start.sanctions);
                }
                if changed.globals.operations {
                    put_all(&mut self.world, &start.operations);
                    self.state.operations.clone_from(&start.operations);
                }
                if changed.globals.tracks {
                    put_all(&mut self.world, &start.tracks);
                    self.state.tracks.clone_from(&start.tracks);
                }
                changed.globals = Collections::default();
            }
            _ => {
                self.state.refresh_from(start);
                self.world_current = false;
                self.since_start = None;
            }
        }
        self.at_start = true;
    }

    /// Whether turns are narrated: outcomes and votes explained in words, effects listed with their
    /// causes, the actors who hold listed, in the record. A sweep, which prints none of it, turns this
    /// off; the game itself (every number, every roll, every outcome) is the same either way.
    pub fn set_narrate(&mut self, narrate: bool) {
        if let Some(mut setup) = self.world.get_resource_mut::<Setup>() {
            setup.narrate = narrate;
        }
    }

    pub fn scenario(&self) -> &Arc<Scenario> {
        &self.scenario
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The state after the last completed turn.
    pub fn state(&self) -> &Snapshot {
        &self.state
    }

    /// The number of the next turn to play.
    pub fn next_turn(&self) -> u32 {
        self.state.globals.turn + 1
    }

    /// Whether the game has ended (a stop rule held or the last turn was played).
    pub fn is_over(&self) -> bool {
        self.ended || self.state.globals.turn >= self.scenario.meta.turns
    }

    /// Puts `state` into the world, unless the world already holds it. The entities are spawned once
    /// (and listed in id order, `RowEntities`) and written over afterwards, so a resumed game and an
    /// uninterrupted one run from exactly the same data.
    fn load_world(&mut self) {
        if self.world_current {
            return;
        }
        if self.dyad_rows.len() != self.state.dyads.len() || self.actor_rows.len() != self.state.actors.len() {
            for e in self.dyad_rows.drain(..).chain(self.actor_rows.drain(..)) {
                self.world.despawn(e);
            }
            self.dyad_rows = self.state.dyads.iter().map(|d| self.world.spawn(d.clone()).id()).collect();
            self.actor_rows = self.state.actors.iter().map(|a| self.world.spawn(a.clone()).id()).collect();
            self.world.resource_mut::<Setup>().rows =
                RowEntities { dyads: self.dyad_rows.clone(), actors: self.actor_rows.clone(), complete: false };
        } else {
            for (e, d) in self.dyad_rows.iter().zip(&self.state.dyads) {
                self.world.get_mut::<DyadState>(*e).expect("spawned with a dyad").refresh_from(d);
            }
            for (e, a) in self.actor_rows.iter().zip(&self.state.actors) {
                self.world.get_mut::<ActorState>(*e).expect("spawned with an actor").refresh_from(a);
            }
        }
        // Whether each row is at its rank, for the rows just written (a restart may bring another
        // start than the last game's).
        let complete = self.state.has_every_row(&self.scenario);
        self.world.resource_mut::<Setup>().rows.complete = complete;
        match self.world.get_resource_mut::<Globals>() {
            Some(mut g) => g.refresh_from(&self.state.globals),
            None => self.world.insert_resource(self.state.globals.clone()),
        }
        put_all(&mut self.world, &self.state.sanctions);
        put_all(&mut self.world, &self.state.operations);
        put_all(&mut self.world, &self.state.tracks);
        self.world_current = true;
        self.since_start = self.at_start.then(|| Changed::none(self.dyad_rows.len(), self.actor_rows.len()));
    }

    /// Reads the world back into `state` after a turn: the globals, and the rows the effects ledger
    /// (the only code that changes the world) wrote to.
    fn store_world(&mut self) {
        // A row is written many times a turn (every effect on a dispute): copied once.
        let ledger = &mut *self.world.resource_mut::<Ledger>();
        for touched in [&mut ledger.touched_dyads, &mut ledger.touched_actors] {
            touched.sort_unstable();
            touched.dedup();
        }
        let ledger = self.world.resource::<Ledger>();
        if let Some(changed) = &mut self.since_start {
            ledger.touched_dyads.iter().for_each(|&i| changed.dyads[i] = true);
            ledger.touched_actors.iter().for_each(|&i| changed.actors[i] = true);
            changed.globals = changed.globals.and(ledger.touched_globals);
        }
        for &i in &ledger.touched_dyads {
            let d = self.world.get::<DyadState>(self.dyad_rows[i]).expect("spawned with a dyad");
            self.state.dyads[i].refresh_from(d);
        }
        for &i in &ledger.touched_actors {
            let a = self.world.get::<ActorState>(self.actor_rows[i]).expect("spawned with an actor");
            self.state.actors[i].refresh_from(a);
        }
        // The world's globals started the turn equal to the state's.
        let written = ledger.touched_globals;
        self.state.globals.resync(self.world.resource::<Globals>(), written);
        if written.sanctions {
            self.state.sanctions = read_all::<SanctionRegime>(&mut self.world);
        }
        if written.operations {
            self.state.operations = read_all::<Operation>(&mut self.world);
        }
        if written.tracks {
            self.state.tracks = read_all::<MediationTrack>(&mut self.world);
        }
    }

    /// Plays the next turn with these orders and returns its record.
    pub fn play_turn(&mut self, orders: &TurnOrders) -> TurnRecord {
        let turn = self.next_turn();
        self.run(TurnInput {
            orders: orders.orders.clone(),
            checked_by_bots: orders.checked_by_bots,
            ballots: orders.ballots.clone(),
            injects: orders.injects.clone(),
            end_now: orders.end_now,
        });
        let out = std::mem::take(&mut *self.world.resource_mut::<TurnOutput>());
        let effects = std::mem::take(&mut self.world.resource_mut::<Ledger>().applied);
        TurnRecord {
            turn,
            dates: turn_dates(&self.scenario.meta, turn),
            submitted: orders.orders.clone(),
            ballots: orders.ballots.clone(),
            facilitator_injects: orders.injects.clone(),
            messages: orders.messages.clone(),
            end_now: orders.end_now,
            rejected: out.rejected,
            holding: out.holding,
            votes: out.votes,
            outcomes: out.outcomes,
            dynamics: out.dynamics,
            injects: out.injects,
            effects,
            end: out.end,
            state: self.state.clone(),
        }
    }

    /// Plays the next turn without keeping its record, and returns how the game ended if it did: what
    /// a sweep needs (the state after the turn is [`Game::state`]). The turn itself is the same as
    /// [`Game::play_turn`]'s.
    pub fn advance(&mut self, orders: TurnOrders) -> Option<super::record::EndRecord> {
        self.run(TurnInput {
            orders: orders.orders,
            checked_by_bots: orders.checked_by_bots,
            ballots: orders.ballots,
            injects: orders.injects,
            end_now: orders.end_now,
        });
        self.world.resource_mut::<TurnOutput>().end.take()
    }

    /// Sets a resource, overwriting the one of the last turn in place.
    fn put<R: Resource + bevy_ecs::component::Component<Mutability = bevy_ecs::component::Mutable>>(
        &mut self,
        value: R,
    ) {
        match self.world.get_resource_mut::<R>() {
            Some(mut r) => *r = value,
            None => self.world.insert_resource(value),
        }
    }

    /// Empties a resource of the last turn, keeping the memory its lists had (a sweep plays millions
    /// of turns; growing every list from nothing each turn was a good part of their cost).
    fn empty<R: Resource + Default + bevy_ecs::component::Component<Mutability = bevy_ecs::component::Mutable>>(
        &mut self,
        clear: fn(&mut R),
    ) {
        match self.world.get_resource_mut::<R>() {
            Some(mut r) => clear(&mut r),
            None => self.world.insert_resource(R::default()),
        }
    }

    /// Plays the next turn; its output and its ledger stay in the world until the next one.
    fn run(&mut self, input: TurnInput) {
        let turn = self.next_turn();
        self.load_world();
        let mut globals = self.world.resource_mut::<Globals>();
        globals.turn = turn;
        // Where `RecentDeaths` counts from (bookkeeping like the turn number: nothing to explain).
        let toll = globals.deaths;
        globals.toll_at_turn_start.push(toll);
        self.put(input);
        self.empty(TurnOutput::clear);
        self.empty(Ledger::clear);

        self.schedule.run(&mut self.world);

        self.store_world();
        self.at_start = false;
        self.ended = self.world.resource::<TurnOutput>().end.is_some();
    }
}
