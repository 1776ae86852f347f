//! A read-only view of the state during a turn, built from the ECS world sorted by stable id.
//! Rules read the state only through this, so they never depend on ECS iteration order.

use super::operations::{Operation, OperationKind};
use super::regimes::SanctionRegime;
use super::rows::Rows;
use super::state::{ActorState, DyadState, Globals, Snapshot, baseline_trust};
use super::tracks::{MediationTrack, consents};
use crate::scenario::{Condition, Event, Id, IdKey, Scenario, Var};

/// The tools in force, each family sorted by key.
pub struct InForce<'a> {
    pub sanctions: Vec<&'a SanctionRegime>,
    pub operations: Vec<&'a Operation>,
    pub tracks: Vec<&'a MediationTrack>,
}

pub struct View<'a> {
    pub scenario: &'a Scenario,
    pub globals: &'a Globals,
    pub dyads: Rows<'a, DyadState>,
    pub actors: Rows<'a, ActorState>,
    /// The sanction regimes in force, sorted by key.
    pub sanctions: Vec<&'a SanctionRegime>,
    /// The observer missions and peace operations, sorted by key.
    pub operations: Vec<&'a Operation>,
    /// The mediation tracks, sorted by key.
    pub tracks: Vec<&'a MediationTrack>,
    /// The turn being played (1-based).
    pub turn: u32,
}

impl<'a> View<'a> {
    /// A view of rows already in id order.
    pub fn from_rows(
        scenario: &'a Scenario,
        globals: &'a Globals,
        dyads: Rows<'a, DyadState>,
        actors: Rows<'a, ActorState>,
        InForce { sanctions, operations, tracks }: InForce<'a>,
        turn: u32,
    ) -> View<'a> {
        View { scenario, globals, dyads, actors, sanctions, operations, tracks, turn }
    }

    pub fn of_snapshot(scenario: &'a Scenario, snap: &'a Snapshot, turn: u32) -> View<'a> {
        let (dyads, actors) = (Rows::of_slice(scenario, &snap.dyads), Rows::of_slice(scenario, &snap.actors));
        let in_force = InForce {
            sanctions: snap.sanctions.iter().collect(),
            operations: snap.operations.iter().collect(),
            tracks: snap.tracks.iter().collect(),
        };
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

    /// The track of `mediator` in dispute `dyad`, if a party has spoken on it or it has worked there.
    pub fn track(&self, dyad: Id, mediator: Id) -> Option<&'a MediationTrack> {
        self.tracks.iter().copied().find(|t| t.dyad == dyad && t.mediator == mediator)
    }

    /// Whether side `side` (0 or 1) of `dyad` consents to `mediator`: its word on that mediator, else
    /// its word on a partner the mediator shares an envoy with (one track, one voice), else its stance
    /// on mediation in general.
    pub fn consents(&self, dyad: &DyadState, side: usize, mediator: Id) -> bool {
        let in_general = dyad.accepts_mediation[side];
        let spoken = |t: &&MediationTrack| t.consent[side] != super::tracks::Consent::Open;
        let own = self.track(dyad.id, mediator).filter(spoken);
        let partner = || {
            self.tracks.iter().copied().filter(|t| t.dyad == dyad.id).filter(spoken).find(|t| {
                let pair = if t.mediator <= mediator { (t.mediator, mediator) } else { (mediator, t.mediator) };
                self.globals.joint_tracks.contains(&pair)
            })
        };
        consents(own.or_else(partner), side, in_general)
    }

    /// Whether side `side` of `dyad` is open to talks: open to mediation in general, or accepting at
    /// least one mediator by name.
    pub fn open_to_talks(&self, dyad: &DyadState, side: usize) -> bool {
        dyad.accepts_mediation[side]
            || self.tracks.iter().any(|t| t.dyad == dyad.id && t.consent[side] == super::tracks::Consent::Given)
    }

    /// Whether both sides of `dyad` consent to some mediator: a track relief can be traded through.
    pub fn has_consented_track(&self, dyad: &DyadState) -> bool {
        let both_in_general = dyad.accepts_mediation[0] && dyad.accepts_mediation[1];
        let open_or_given = |t: &MediationTrack, i: usize| consents(Some(t), i, dyad.accepts_mediation[i]);
        both_in_general || self.tracks.iter().any(|t| t.dyad == dyad.id && open_or_given(t, 0) && open_or_given(t, 1))
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
