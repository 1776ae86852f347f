//! The dynamic state of a game. The same structs are ECS components and resources while a turn runs,
//! and the rows of a [`Snapshot`] in the log between turns (sorted by stable id).

use std::collections::BTreeSet;

use bevy_ecs::prelude::*;
use serde::{Deserialize, Serialize};

use super::keyed::Keyed;
use super::operations::Operation;
use super::regimes::SanctionRegime;
use super::tracks::MediationTrack;
use super::trust::TrustTable;
use super::uses::UseCounts;
use crate::scenario::{Event, Id, IdKey, Scenario};

/// One dyad: the escalation and ripeness numbers, consent, and what has been agreed.
#[derive(Component, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DyadState {
    pub id: Id,
    pub sides: [Id; 2],
    pub stage: u8,
    pub arms: [f64; 2],
    pub grievance: [f64; 2],
    pub hurt: [f64; 2],
    pub win_belief: [f64; 2],
    pub way_out: f64,
    pub enticement: f64,
    /// Each side's stance on mediation in general: what decides its consent to a mediator it has
    /// said nothing about (its word on one mediator is on that mediator's track: `engine::tracks`).
    pub accepts_mediation: [bool; 2],
    pub accepts_observers: [bool; 2],
    /// The turn each side last offered a ceasefire.
    pub ceasefire_offered: [Option<u32>; 2],
    pub ceasefire: bool,
    /// The turn each side last signed an agreement; it stands for this turn and the next.
    pub signed: [Option<u32>; 2],
    pub agreement: bool,
    /// An application to the ICJ is pending.
    pub icj_pending: bool,
    pub provisional_measures: bool,
    /// People killed in this dispute since the game began (logs written before it count from 0).
    #[serde(default)]
    pub deaths: u64,
}

impl DyadState {
    /// 0 for the first side, 1 for the second, `None` for an actor who is not a side. (An `Id` is
    /// compared by address: the ledger asks at every effect on a side's number.)
    pub fn side_of(&self, actor: impl IdKey) -> Option<usize> {
        self.sides.iter().position(|&s| actor.names(s))
    }
}

/// One actor's changing numbers.
#[derive(Component, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorState {
    pub id: Id,
    pub leverage: f64,
    pub capacity: f64,
    pub domestic_pressure: f64,
    /// Spoiler strength, 0 for actors that are not spoilers.
    pub spoiler: f64,
    /// Tools used so far, for `max_uses`.
    pub uses: UseCounts,
}

/// Everything that is not one actor's or one dyad's.
#[derive(Resource, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Globals {
    /// The last completed turn (0 before the first).
    pub turn: u32,
    pub public_pressure: f64,
    pub coherence: f64,
    pub deaths: u64,
    pub displaced: u64,
    /// The toll (`deaths`) when each turn played so far began, turn 1 first: what `RecentDeaths`
    /// counts from. Logs written before it have none, and count recent deaths from their resume.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub toll_at_turn_start: Vec<u64>,
    /// `(party, third) → trust`, 0–100, for the pairs given in the scenario or moved since; any other
    /// pair is at its baseline (`baseline_trust`).
    pub trust: TrustTable,
    /// Everything that has happened, including `InjectFired`.
    pub events: BTreeSet<Event>,
    /// Mediators who share an envoy (joint track), as sorted pairs.
    pub joint_tracks: BTreeSet<(Id, Id)>,
}

/// Copying a row over another of the same id, reusing what it already holds: a game copies its state
/// into and out of the world every turn, and a plain `clone` would allocate every id anew. Each impl
/// names every field, so a new field cannot be forgotten.
pub trait Refresh {
    fn refresh_from(&mut self, from: &Self);
}

/// Clones `from` into `to` only if they differ (collections that rarely change in a turn).
fn refresh_if_changed<T: Clone + PartialEq>(to: &mut T, from: &T) {
    if to != from {
        to.clone_from(from);
    }
}

impl Refresh for DyadState {
    fn refresh_from(&mut self, from: &DyadState) {
        let DyadState {
            id,
            sides,
            stage,
            arms,
            grievance,
            hurt,
            win_belief,
            way_out,
            enticement,
            accepts_mediation,
            accepts_observers,
            ceasefire_offered,
            ceasefire,
            signed,
            agreement,
            icj_pending,
            provisional_measures,
            deaths,
        } = from;
        self.id.clone_from(id);
        self.sides[0].clone_from(&sides[0]);
        self.sides[1].clone_from(&sides[1]);
        self.stage = *stage;
        self.arms = *arms;
        self.grievance = *grievance;
        self.hurt = *hurt;
        self.win_belief = *win_belief;
        self.way_out = *way_out;
        self.enticement = *enticement;
        self.accepts_mediation = *accepts_mediation;
        self.accepts_observers = *accepts_observers;
        self.ceasefire_offered = *ceasefire_offered;
        self.ceasefire = *ceasefire;
        self.signed = *signed;
        self.agreement = *agreement;
        self.icj_pending = *icj_pending;
        self.provisional_measures = *provisional_measures;
        self.deaths = *deaths;
    }
}

impl Refresh for ActorState {
    fn refresh_from(&mut self, from: &ActorState) {
        let ActorState { id, leverage, capacity, domestic_pressure, spoiler, uses } = from;
        self.id.clone_from(id);
        self.leverage = *leverage;
        self.capacity = *capacity;
        self.domestic_pressure = *domestic_pressure;
        self.spoiler = *spoiler;
        self.uses.clone_from(uses);
    }
}

impl Refresh for Globals {
    fn refresh_from(&mut self, from: &Globals) {
        self.refresh_parts(
            from,
            Collections {
                trust: true,
                events: true,
                joint_tracks: true,
                sanctions: true,
                operations: true,
                tracks: true,
            },
        );
    }
}

/// Which of the state's collections may differ between two copies (see [`Globals::refresh_parts`]):
/// the globals', the sanction regimes, the operations and the mediation tracks.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Collections {
    pub trust: bool,
    pub events: bool,
    pub joint_tracks: bool,
    pub sanctions: bool,
    pub operations: bool,
    pub tracks: bool,
}

impl Collections {
    pub fn and(self, o: Collections) -> Collections {
        Collections {
            trust: self.trust || o.trust,
            events: self.events || o.events,
            joint_tracks: self.joint_tracks || o.joint_tracks,
            sanctions: self.sanctions || o.sanctions,
            operations: self.operations || o.operations,
            tracks: self.tracks || o.tracks,
        }
    }
}

impl Globals {
    /// Brings this copy back to `other`'s values, the two having been equal until one of them was
    /// written as `written` says (a turn's world, a bot's scratch state). Events are only ever added,
    /// so they differ only if one copy has more of them.
    pub fn resync(&mut self, other: &Globals, written: Collections) {
        let events = written.events && self.events.len() != other.events.len();
        self.refresh_parts(other, Collections { events, ..written });
    }

    /// Copies `from`'s numbers, and only those collections that `changed` says may differ: after a
    /// turn the ledger knows which it wrote to, and comparing the events every turn would cost more
    /// than the rest of the copy.
    pub fn refresh_parts(&mut self, from: &Globals, changed: Collections) {
        let Globals {
            turn,
            public_pressure,
            coherence,
            deaths,
            displaced,
            toll_at_turn_start,
            trust,
            events,
            joint_tracks,
        } = from;
        self.turn = *turn;
        self.public_pressure = *public_pressure;
        self.coherence = *coherence;
        self.deaths = *deaths;
        self.displaced = *displaced;
        // At most one number a turn: copied every time.
        self.toll_at_turn_start.clone_from(toll_at_turn_start);
        if changed.trust {
            self.trust.refresh_from(trust);
        }
        if changed.events {
            refresh_if_changed(&mut self.events, events);
        }
        if changed.joint_tracks {
            refresh_if_changed(&mut self.joint_tracks, joint_tracks);
        }
    }
}

impl Refresh for Snapshot {
    fn refresh_from(&mut self, from: &Snapshot) {
        let Snapshot { globals, dyads, actors, sanctions, operations, tracks } = from;
        if self.dyads.len() == dyads.len() && self.actors.len() == actors.len() {
            self.dyads.iter_mut().zip(dyads).for_each(|(d, f)| d.refresh_from(f));
            self.actors.iter_mut().zip(actors).for_each(|(a, f)| a.refresh_from(f));
        } else {
            self.dyads.clone_from(dyads);
            self.actors.clone_from(actors);
        }
        self.globals.refresh_from(globals);
        refresh_if_changed(&mut self.sanctions, sanctions);
        refresh_if_changed(&mut self.operations, operations);
        refresh_if_changed(&mut self.tracks, tracks);
    }
}

/// The whole state between two turns: what the log stores after each turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub globals: Globals,
    pub dyads: Vec<DyadState>,
    pub actors: Vec<ActorState>,
    /// The sanction regimes in force, sorted by key (logs written before regimes have none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sanctions: Vec<SanctionRegime>,
    /// The observer missions and peace operations in the disputes, sorted by key (logs written
    /// before they were entities keep them as flags on each dispute: `log::before_operations`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub operations: Vec<Operation>,
    /// The mediation tracks in the disputes, sorted by key (logs written before tracks were
    /// entities have none: their parties' consent was to mediation in general).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tracks: Vec<MediationTrack>,
}

impl Snapshot {
    /// The state before turn 1, as the scenario sets it.
    pub fn initial(s: &Scenario) -> Snapshot {
        let dyads = s
            .conflict
            .dyads
            .iter()
            .map(|d| DyadState {
                id: d.id,
                sides: [d.sides.0, d.sides.1],
                stage: d.stage,
                arms: [d.arms.0, d.arms.1],
                grievance: [d.grievance.0, d.grievance.1],
                hurt: [d.hurt.0, d.hurt.1],
                win_belief: [d.win_belief.0, d.win_belief.1],
                way_out: d.way_out,
                enticement: d.enticement,
                accepts_mediation: [d.accepts_mediation.0, d.accepts_mediation.1],
                accepts_observers: [d.accepts_observers.0, d.accepts_observers.1],
                ceasefire_offered: [None, None],
                ceasefire: false,
                signed: [None, None],
                agreement: false,
                icj_pending: false,
                provisional_measures: false,
                deaths: 0,
            })
            .collect();
        let actors = s
            .actors
            .iter()
            .map(|a| ActorState {
                id: a.id,
                leverage: a.attributes.leverage,
                capacity: a.attributes.capacity,
                domestic_pressure: a.attributes.domestic_pressure,
                spoiler: s
                    .conflict
                    .spoilers
                    .iter()
                    .filter(|sp| sp.actor == a.id)
                    .map(|sp| sp.strength)
                    .fold(0.0, f64::max),
                uses: UseCounts::default(),
            })
            .collect();
        // Trust is stored only where it has been given or has moved: every other pair is at its
        // baseline (see `baseline_trust`), so the state grows with what happens, not with actors².
        let mut trust: TrustTable = s.conflict.trust.iter().map(|t| ((t.party, t.third), t.value)).collect();
        trust.learn_baselines(|party, third| baseline_trust(s, party, third));
        let globals = Globals {
            turn: 0,
            public_pressure: s.conflict.public_pressure,
            coherence: s.conflict.coherence,
            deaths: s.conflict.toll.deaths,
            displaced: s.conflict.toll.displaced,
            toll_at_turn_start: Vec::new(),
            trust,
            events: BTreeSet::new(),
            joint_tracks: BTreeSet::new(),
        };
        // Regimes in force before the game: turn 0, the Council's at full strength and monitored, a
        // state's own at 0.6 (as `rules::sanctions` imposes them).
        let mut sanctions: Vec<SanctionRegime> = s
            .conflict
            .sanctions
            .iter()
            .map(|r| {
                let council = s.body(r.imposed_by).is_some_and(|b| b.is_council());
                let strength = if council { 1.0 } else { 0.6 };
                SanctionRegime {
                    target: r.target,
                    kind: r.kind,
                    imposed_by: r.imposed_by,
                    panel: council,
                    strength,
                    since: 0,
                }
            })
            .collect();
        sanctions.sort_by_key(SanctionRegime::key);
        sanctions.dedup_by_key(|r| r.key());
        let mut snap = Snapshot { globals, dyads, actors, sanctions, operations: Vec::new(), tracks: Vec::new() };
        snap.dyads.sort_by_key(|a| a.id);
        snap.actors.sort_by_key(|a| a.id);
        snap
    }

    pub fn dyad(&self, id: &str) -> Option<&DyadState> {
        self.dyads.iter().find(|d| d.id == id)
    }

    pub fn actor(&self, id: &str) -> Option<&ActorState> {
        self.actors.iter().find(|a| a.id == id)
    }
}

/// The trust a party starts with in a third party: the scenario's `conflict.trust` link, or else the
/// third party's `impartiality`.
pub fn baseline_trust(s: &Scenario, party: impl IdKey, third: impl IdKey) -> f64 {
    let l = s.lookup();
    match (l.actor_rank(party), l.actor_rank(third)) {
        (Some(p), Some(t)) => baseline_by_rank(s, p, t),
        _ => s.actor(third).map_or(50.0, |a| a.attributes.impartiality),
    }
}

/// [`baseline_trust`] for actors given by rank (see `scenario::lookup`).
pub fn baseline_by_rank(s: &Scenario, party: usize, third: usize) -> f64 {
    let l = s.lookup();
    l.link(party, third).unwrap_or_else(|| s.actors[l.actor_at(third)].attributes.impartiality)
}

impl Snapshot {
    /// Whether the state has every row of the scenario, each at its rank (its place in id order):
    /// the state a game starts from and keeps; a test may build a partial one.
    pub fn has_every_row(&self, s: &Scenario) -> bool {
        let l = s.lookup();
        self.dyads.len() == l.dyad_count()
            && self.actors.len() == l.actor_count()
            && self.dyads.iter().enumerate().all(|(r, d)| d.id == s.conflict.dyads[l.dyad_at(r)].id)
            && self.actors.iter().enumerate().all(|(r, a)| a.id == s.actors[l.actor_at(r)].id)
    }

    /// Sets a variable directly, within its range: for test cases and facilitator corrections, never
    /// during a turn (turns change the state only through the effects ledger).
    pub fn set_var(&mut self, var: &crate::scenario::Var, value: f64) {
        use crate::scenario::Var;
        let (lo, hi) = crate::scenario::validate::ranges::var_bounds(var);
        let v = value.clamp(lo, hi);
        let side = |d: &mut DyadState, a: Id| d.side_of(a);
        match var {
            Var::Stage(d) => self.dyads.iter_mut().filter(|x| x.id == d).for_each(|x| x.stage = v as u8),
            Var::Arms(d, a) | Var::Grievance(d, a) | Var::Hurt(d, a) | Var::WinBelief(d, a) => {
                for x in self.dyads.iter_mut().filter(|x| x.id == d) {
                    if let Some(i) = side(x, *a) {
                        match var {
                            Var::Arms(..) => x.arms[i] = v,
                            Var::Grievance(..) => x.grievance[i] = v,
                            Var::Hurt(..) => x.hurt[i] = v,
                            _ => x.win_belief[i] = v,
                        }
                    }
                }
            }
            Var::WayOut(d) => self.dyads.iter_mut().filter(|x| x.id == d).for_each(|x| x.way_out = v),
            Var::Enticement(d) => self.dyads.iter_mut().filter(|x| x.id == d).for_each(|x| x.enticement = v),
            Var::Trust(p, t) => {
                self.globals.trust.insert(p, t, v);
            }
            Var::Spoiler(a) => self.actors.iter_mut().filter(|x| x.id == a).for_each(|x| x.spoiler = v),
            Var::DomesticPressure(a) => {
                self.actors.iter_mut().filter(|x| x.id == a).for_each(|x| x.domestic_pressure = v)
            }
            Var::Leverage(a) => self.actors.iter_mut().filter(|x| x.id == a).for_each(|x| x.leverage = v),
            Var::PublicPressure => self.globals.public_pressure = v,
            Var::Coherence => self.globals.coherence = v,
            Var::Deaths => self.globals.deaths = v as u64,
            Var::Displaced => self.globals.displaced = v as u64,
            Var::DisputeDeaths(d) => self.dyads.iter_mut().filter(|x| x.id == d).for_each(|x| x.deaths = v as u64),
            // Counted from the toll's history, not a number of its own.
            Var::RecentDeaths(_) => {}
        }
    }
}
