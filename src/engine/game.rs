//! A game: the world, the turn schedule, and the state between turns.

use std::sync::Arc;

use bevy_ecs::prelude::*;

use super::dates::turn_dates;
use super::ledger::Ledger;
use super::record::TurnRecord;
use super::schedule::{Clock, Setup, TurnInput, TurnOutput, build};
use super::state::{ActorState, DyadState, Snapshot};
use crate::orders::TurnOrders;
use crate::scenario::Scenario;

pub struct Game {
    scenario: Arc<Scenario>,
    seed: u64,
    world: World,
    schedule: Schedule,
    state: Snapshot,
    ended: bool,
}

impl Game {
    /// A new game at the scenario's starting state.
    pub fn new(scenario: Arc<Scenario>, seed: u64) -> Game {
        let state = Snapshot::initial(&scenario);
        Game::resume(scenario, seed, state, false)
    }

    /// A game continuing from a saved state (the `state` of the last completed turn's record).
    pub fn resume(scenario: Arc<Scenario>, seed: u64, state: Snapshot, ended: bool) -> Game {
        let mut world = World::new();
        world.insert_resource(Setup { scenario: scenario.clone(), seed, narrate: true });
        Game { scenario, seed, world, schedule: build(), state, ended }
    }

    /// Starts another game of the same scenario from `initial` with another seed, keeping the world
    /// and the turn schedule (built and initialised once): what a sweep does between its games.
    pub fn restart(&mut self, seed: u64, initial: &Snapshot) {
        self.seed = seed;
        self.state = initial.clone();
        self.ended = false;
        let narrate = self.world.get_resource::<Setup>().is_none_or(|s| s.narrate);
        self.world.insert_resource(Setup { scenario: self.scenario.clone(), seed, narrate });
    }

    /// Whether turn records list their effects. A sweep, which writes no log, turns this off; the
    /// game itself (every number, every outcome) is the same either way.
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

    /// Plays the next turn with these orders and returns its record.
    pub fn play_turn(&mut self, orders: &TurnOrders) -> TurnRecord {
        let turn = self.next_turn();
        // The world is rebuilt from the saved state each turn, so a resumed game and an uninterrupted
        // one run from exactly the same data.
        // Resources live in the world too, so only the dyad and actor entities are despawned.
        let old: Vec<Entity> =
            self.world.query_filtered::<Entity, Or<(With<DyadState>, With<ActorState>)>>().iter(&self.world).collect();
        for e in old {
            self.world.despawn(e);
        }
        for d in &self.state.dyads {
            self.world.spawn(d.clone());
        }
        for a in &self.state.actors {
            self.world.spawn(a.clone());
        }
        let mut globals = self.state.globals.clone();
        globals.turn = turn;
        self.world.insert_resource(globals);
        self.world.insert_resource(Clock { turn });
        self.world.insert_resource(TurnInput {
            orders: orders.orders.clone(),
            ballots: orders.ballots.clone(),
            injects: orders.injects.clone(),
        });
        self.world.insert_resource(TurnOutput::default());
        self.world.insert_resource(Ledger::default());

        self.schedule.run(&mut self.world);

        let out = self.world.remove_resource::<TurnOutput>().expect("inserted above");
        let ledger = self.world.remove_resource::<Ledger>().expect("inserted above");
        let globals = self.world.remove_resource::<super::state::Globals>().expect("inserted above");
        let mut dyads: Vec<DyadState> = self.world.query::<&DyadState>().iter(&self.world).cloned().collect();
        dyads.sort_by(|a, b| a.id.cmp(&b.id));
        let mut actors: Vec<ActorState> = self.world.query::<&ActorState>().iter(&self.world).cloned().collect();
        actors.sort_by(|a, b| a.id.cmp(&b.id));
        self.state = Snapshot { globals, dyads, actors };
        self.ended = out.end.is_some();
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
            effects: ledger.applied,
            end: out.end,
            state: self.state.clone(),
        }
    }
}
