//! A game: the world, the turn schedule, and the state between turns.

use std::sync::Arc;

use bevy_ecs::prelude::*;

use super::dates::turn_dates;
use super::ledger::Ledger;
use super::record::TurnRecord;
use super::rows::RowEntities;
use super::schedule::{Setup, TurnInput, TurnOutput, build};
use super::state::{ActorState, DyadState, Globals, Refresh, Snapshot};
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
    /// Whether the world holds `state` (it does after a turn; not after a restart).
    world_current: bool,
}

impl Game {
    /// A new game at the scenario's starting state.
    pub fn new(scenario: Arc<Scenario>, seed: u64) -> Game {
        let state = Snapshot::initial(&scenario);
        Game::resume(scenario, seed, state, false)
    }

    /// A game continuing from a saved state (the `state` of the last completed turn's record).
    pub fn resume(scenario: Arc<Scenario>, seed: u64, mut state: Snapshot, ended: bool) -> Game {
        // Rows are kept in id order (views rely on it); a saved state is put in order once.
        state.dyads.sort_by(|a, b| a.id.cmp(&b.id));
        state.actors.sort_by(|a, b| a.id.cmp(&b.id));
        // A saved state does not keep the trust baselines that drift compares with.
        state.globals.trust.learn_baselines(|party, third| super::state::baseline_trust(&scenario, party, third));
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
        }
    }

    /// Starts another game of the same scenario from `initial` with another seed, keeping the world
    /// and the turn schedule (built and initialised once): what a sweep does between its games.
    pub fn restart(&mut self, seed: u64, initial: &Snapshot) {
        self.seed = seed;
        self.state.refresh_from(initial);
        self.ended = false;
        self.world_current = false;
        self.world.resource_mut::<Setup>().seed = seed;
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
        self.world_current = true;
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
        for &i in &ledger.touched_dyads {
            let d = self.world.get::<DyadState>(self.dyad_rows[i]).expect("spawned with a dyad");
            self.state.dyads[i].refresh_from(d);
        }
        for &i in &ledger.touched_actors {
            let a = self.world.get::<ActorState>(self.actor_rows[i]).expect("spawned with an actor");
            self.state.actors[i].refresh_from(a);
        }
        // The world's globals started the turn equal to the state's.
        self.state.globals.resync(self.world.resource::<Globals>(), ledger.touched_globals);
    }

    /// Plays the next turn with these orders and returns its record.
    pub fn play_turn(&mut self, orders: &TurnOrders) -> TurnRecord {
        let turn = self.next_turn();
        self.run(TurnInput {
            orders: orders.orders.clone(),
            ballots: orders.ballots.clone(),
            injects: orders.injects.clone(),
        });
        let out = std::mem::take(&mut *self.world.resource_mut::<TurnOutput>());
        let effects = std::mem::take(&mut self.world.resource_mut::<Ledger>().applied);
        TurnRecord {
            turn,
            dates: turn_dates(&self.scenario.meta, turn),
            submitted: orders.orders.clone(),
            ballots: orders.ballots.clone(),
            facilitator_injects: orders.injects.clone(),
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
        self.run(TurnInput { orders: orders.orders, ballots: orders.ballots, injects: orders.injects });
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
        self.world.resource_mut::<Globals>().turn = turn;
        self.put(input);
        self.empty(TurnOutput::clear);
        self.empty(Ledger::clear);

        self.schedule.run(&mut self.world);

        self.store_world();
        self.ended = self.world.resource::<TurnOutput>().end.is_some();
    }
}
