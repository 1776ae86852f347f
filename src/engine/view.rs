//! A read-only view of the state during a turn, built from the ECS world sorted by stable id.
//! Rules read the state only through this, so they never depend on ECS iteration order.

use super::keyed::sorted;
use super::operations::{Operation, OperationKind};
use super::regimes::SanctionRegime;
use super::rows::Rows;
use super::state::{ActorState, DyadState, Globals, Snapshot, baseline_trust};
use crate::scenario::{Condition, Event, Id, IdKey, Scenario, Var};

pub struct View<'a> {
    pub scenario: &'a Scenario,
    pub globals: &'a Globals,
    pub dyads: Rows<'a, DyadState>,
    pub actors: Rows<'a, ActorState>,
    /// The sanction regimes in force, sorted by key.
    pub sanctions: Vec<&'a SanctionRegime>,
    /// The observer missions and peace operations, sorted by key.
    pub operations: Vec<&'a Operation>,
    /// The turn being played (1-based).
    pub turn: u32,
}

impl<'a> View<'a> {
    pub fn new(
        scenario: &'a Scenario,
        globals: &'a Globals,
        dyads: impl Iterator<Item = &'a DyadState>,
        actors: impl Iterator<Item = &'a ActorState>,
        sanctions: impl Iterator<Item = &'a SanctionRegime>,
        operations: impl Iterator<Item = &'a Operation>,
        turn: u32,
    ) -> View<'a> {
        View::from_rows(
            scenario,
            globals,
            Rows::in_id_order(scenario, dyads),
            Rows::in_id_order(scenario, actors),
            (sorted(sanctions), sorted(operations)),
            turn,
        )
    }

    /// A view of rows already in id order.
    pub fn from_rows(
        scenario: &'a Scenario,
        globals: &'a Globals,
        dyads: Rows<'a, DyadState>,
        actors: Rows<'a, ActorState>,
        (sanctions, operations): (Vec<&'a SanctionRegime>, Vec<&'a Operation>),
        turn: u32,
    ) -> View<'a> {
        View { scenario, globals, dyads, actors, sanctions, operations, turn }
    }

    pub fn of_snapshot(scenario: &'a Scenario, snap: &'a Snapshot, turn: u32) -> View<'a> {
        let (dyads, actors) = (Rows::of_slice(scenario, &snap.dyads), Rows::of_slice(scenario, &snap.actors));
        let in_force = (snap.sanctions.iter().collect(), snap.operations.iter().collect());
        View::from_rows(scenario, &snap.globals, dyads, actors, in_force, turn)
    }

    pub fn dyad(&self, id: impl IdKey) -> Option<&'a DyadState> {
        self.dyads.get(id)
    }

    pub fn actor(&self, id: impl IdKey) -> Option<&'a ActorState> {
        self.actors.get(id)
    }

    /// The regime of `kind` on `target` that `imposer` keeps in force, if any.
    pub fn regime(&self, target: Id, kind: crate::scenario::SanctionKind, imposer: Id) -> Option<&'a SanctionRegime> {
        self.sanctions_on(target).find(|r| r.kind == kind && r.imposed_by == imposer)
    }

    /// The mission of `kind` in dispute `dyad`, if there is one.
    pub fn operation(&self, dyad: Id, kind: OperationKind) -> Option<&'a Operation> {
        self.operations.iter().copied().find(|o| o.dyad == dyad && o.kind == kind)
    }

    /// The regimes in force against `target`, by key.
    pub fn sanctions_on(&self, target: Id) -> impl Iterator<Item = &'a SanctionRegime> + '_ {
        self.sanctions.iter().copied().filter(move |r| r.target == target)
    }

    /// The dyads `actor` is a side of or a spoiler in, in id order (a party's bot need not look at
    /// every dispute of a large scenario).
    pub fn dyads_involving(&self, actor: &str) -> impl Iterator<Item = &'a DyadState> + '_ {
        let (s, l) = (self.scenario, self.scenario.lookup());
        l.involving(actor).iter().filter_map(move |&rank| self.dyad(s.conflict.dyads[l.dyad_at(rank)].id))
    }

    pub fn trust(&self, party: impl IdKey, third: impl IdKey) -> f64 {
        self.globals.trust.get(party, third).unwrap_or_else(|| baseline_trust(self.scenario, party, third))
    }

    /// The current value of a variable (0 for one that names nothing: validation prevents that).
    pub fn value(&self, var: &Var) -> f64 {
        let side = |d: &Id, a: &Id| self.dyad(d).and_then(|d| d.side_of(a).map(|i| (d, i)));
        let actor = |a: &Id| self.actor(a);
        match var {
            Var::Stage(d) => self.dyad(d).map_or(0.0, |d| f64::from(d.stage)),
            Var::Arms(d, a) => side(d, a).map_or(0.0, |(d, i)| d.arms[i]),
            Var::Grievance(d, a) => side(d, a).map_or(0.0, |(d, i)| d.grievance[i]),
            Var::Hurt(d, a) => side(d, a).map_or(0.0, |(d, i)| d.hurt[i]),
            Var::WinBelief(d, a) => side(d, a).map_or(0.0, |(d, i)| d.win_belief[i]),
            Var::WayOut(d) => self.dyad(d).map_or(0.0, |d| d.way_out),
            Var::Enticement(d) => self.dyad(d).map_or(0.0, |d| d.enticement),
            Var::Trust(p, t) => self.trust(p, t),
            Var::Spoiler(a) => actor(a).map_or(0.0, |a| a.spoiler),
            Var::DomesticPressure(a) => actor(a).map_or(0.0, |a| a.domestic_pressure),
            Var::Leverage(a) => actor(a).map_or(0.0, |a| a.leverage),
            Var::PublicPressure => self.globals.public_pressure,
            Var::Coherence => self.globals.coherence,
            Var::Deaths => self.globals.deaths as f64,
            Var::Displaced => self.globals.displaced as f64,
            Var::DisputeDeaths(d) => self.dyad(d).map_or(0.0, |d| d.deaths as f64),
            Var::RecentDeaths(n) => self.recent_deaths(*n) as f64,
        }
    }

    /// The people killed in the last `turns` turns, this one included: the toll now less the toll
    /// when the first of them began. The history holds the last turns' starts (all of them, unless
    /// the game was resumed from a log written before it was kept); a turn before the history counts
    /// from its first entry.
    pub fn recent_deaths(&self, turns: u32) -> u64 {
        let g = self.globals;
        let history = &g.toll_at_turn_start;
        let unrecorded = (self.turn as usize).saturating_sub(history.len());
        let first = (self.turn.saturating_sub(turns) as usize).saturating_sub(unrecorded);
        history.get(first).map_or(0, |start| g.deaths.saturating_sub(*start))
    }

    pub fn happened(&self, event: &Event) -> bool {
        self.globals.events.contains(event)
    }

    /// Whether a condition holds now.
    pub fn holds(&self, c: &Condition) -> bool {
        match c {
            Condition::Always => true,
            Condition::AtLeast(v, x) => self.value(v) >= *x,
            Condition::AtMost(v, x) => self.value(v) <= *x,
            Condition::Happened(e) => self.happened(e),
            Condition::FromTurn(t) => self.turn >= *t,
            Condition::All(list) => list.iter().all(|c| self.holds(c)),
            Condition::Any(list) => list.iter().any(|c| self.holds(c)),
            Condition::Not(c) => !self.holds(c),
        }
    }
}
