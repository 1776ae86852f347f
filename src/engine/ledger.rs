//! The effects ledger: resolvers never touch the state; they emit [`Effect`]s with their cause, and
//! [`apply`] — the one mutation point — carries them out in order and records before and after.

use bevy_ecs::prelude::*;

use super::keyed::{Keyed, Store};
use super::operations::{Operation, OperationKey};
use super::record::EffectRecord;
use super::regimes::SanctionRegime;
use super::rows::{FetchMut, RowsMut};
use super::state::{ActorState, Collections, DyadState, Globals};
use super::tracks::{Consent, MediationTrack, TrackKey};
use crate::scenario::validate::ranges::var_bounds;
use crate::scenario::{Event, Id, OrderSpec, SanctionKind, Scenario, Var};

/// A state change that is not a number.
#[derive(Debug, Clone, PartialEq)]
pub enum Flag {
    /// `(dyad, side)`
    AcceptsMediation(Id, Id),
    AcceptsObservers(Id, Id),
    CeasefireOffered(Id, Id),
    Signed(Id, Id),
    Ceasefire(Id),
    Agreement(Id),
    IcjPending(Id),
    ProvisionalMeasures(Id),
    /// A sanction regime, `(target actor, kind, imposed by, strength)`: on imposes it at that
    /// strength, off lifts it (whatever the strength given). Named without the strength.
    Sanctions(Id, SanctionKind, Id, f64),
    /// Two mediators now share an envoy.
    JointTrack(Id, Id),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Shift(Var, f64),
    Set(Var, f64),
    Flag(Flag, bool),
    Happen(Event),
    Operation(OperationChange),
    Track(TrackChange),
}

/// A change to a mediator's track in a dispute (`engine::tracks`); the track begins with the first.
#[derive(Debug, Clone, PartialEq)]
pub enum TrackChange {
    /// A side's word on the mediator: `(dyad, mediator)`, the side, its consent.
    Consent(TrackKey, Id, Consent),
    /// The mediator led an attempt in this style, with these supporters (by id).
    Attempt(TrackKey, crate::scenario::MediationStyle, Vec<Id>),
    /// The mediator suspends its track (on) or resumes it (off).
    Suspend(TrackKey, bool),
}

/// A change to a mission in a dispute (`engine::operations`).
#[derive(Debug, Clone, PartialEq)]
pub enum OperationChange {
    /// Starts it (nothing happens if one of its kind is already in the dispute).
    Start(Box<Operation>),
    /// Its strength on the ground is now this.
    Deploy(OperationKey, u32),
    /// Its budget is approved.
    Finance(OperationKey),
    /// Its mandate now runs to the end of this turn.
    Extend(OperationKey, u32),
    /// It leaves.
    End(OperationKey),
}

/// Why an effect happened, in words (`indonesia: Mediation`, `dynamics`).
pub type Cause = compact_str::CompactString;

#[derive(Debug, Clone, PartialEq)]
pub struct Effect {
    pub change: Change,
    /// Words, not an id (so not an `Id`): a compact string, as most causes are short and copied
    /// into every effect of an order; empty when the turn is not narrated.
    pub cause: Cause,
}

impl Effect {
    pub fn shift(var: Var, delta: f64, cause: &str) -> Effect {
        Effect { change: Change::Shift(var, delta), cause: Cause::from(cause) }
    }

    pub fn flag(flag: Flag, on: bool, cause: &str) -> Effect {
        Effect { change: Change::Flag(flag, on), cause: Cause::from(cause) }
    }

    pub fn happen(event: Event, cause: &str) -> Effect {
        Effect { change: Change::Happen(event), cause: Cause::from(cause) }
    }

    pub fn operation(change: OperationChange, cause: &str) -> Effect {
        Effect { change: Change::Operation(change), cause: Cause::from(cause) }
    }

    pub fn track(change: TrackChange, cause: &str) -> Effect {
        Effect { change: Change::Track(change), cause: Cause::from(cause) }
    }
}

/// Effects waiting to be applied.
#[derive(Resource, Debug, Default)]
pub struct Ledger {
    pub pending: Vec<Effect>,
    /// Everything applied this turn, for the record.
    pub applied: Vec<EffectRecord>,
    /// The ranks of the dyads and actors changed this turn (with repeats): only these are copied out
    /// of the world after the turn.
    pub touched_dyads: Vec<usize>,
    pub touched_actors: Vec<usize>,
    /// Which of the globals' collections were written to this turn (their numbers are always copied).
    pub touched_globals: Collections,
}

impl Ledger {
    /// Empties the ledger, keeping its lists' memory.
    pub fn clear(&mut self) {
        let Ledger { pending, applied, touched_dyads, touched_actors, touched_globals } = self;
        pending.clear();
        applied.clear();
        touched_dyads.clear();
        touched_actors.clear();
        *touched_globals = Collections::default();
    }
}

/// Where the ledger starts, changes and ends the tools in force: one store per family.
pub struct Stores<'s> {
    pub regimes: &'s mut dyn Store<SanctionRegime>,
    pub operations: &'s mut dyn Store<Operation>,
    pub tracks: &'s mut dyn Store<MediationTrack>,
}

/// Applies every pending effect, in order, to the world's rows and globals: the only code that
/// changes the state during a turn. Each phase calls it once its rules have emitted their effects.
pub fn apply_pending(
    ledger: &mut Ledger,
    globals: &mut Globals,
    dyads: &mut dyn FetchMut<DyadState>,
    actors: &mut dyn FetchMut<ActorState>,
    stores: Stores,
    setup: &super::setup::Setup,
) {
    let Stores { regimes, operations, tracks } = stores;
    if ledger.pending.is_empty() {
        return;
    }
    let (scenario, entities, turn) = (&setup.scenario, &setup.rows, globals.turn);
    let complete = entities.complete;
    let mut dyads =
        RowsMut::world(scenario, &entities.dyads, complete, dyads, std::mem::take(&mut ledger.touched_dyads));
    let mut actors =
        RowsMut::world(scenario, &entities.actors, complete, actors, std::mem::take(&mut ledger.touched_actors));
    for effect in &ledger.pending {
        ledger.touched_globals = ledger.touched_globals.and(touches(&effect.change));
        let rows = Rows { dyads: &mut dyads, actors: &mut actors, globals, regimes, operations, tracks };
        if let Some(record) = apply(effect, rows, turn, scenario, setup.narrate) {
            ledger.applied.push(record);
        }
    }
    ledger.pending.clear();
    ledger.touched_dyads = dyads.into_touched();
    ledger.touched_actors = actors.into_touched();
}

/// Counts one more use of each accepted order's tool, for `max_uses`: bookkeeping, not news, so not
/// an effect (nothing to explain, never recorded), but written here, beside the effects, so that the
/// ledger stays the only code that changes the state during a turn. An actor's orders come one after
/// another (a bot gives all of its own together), so its row is fetched once for each run of them.
pub fn count_uses(
    ledger: &mut Ledger,
    actors: &mut dyn FetchMut<ActorState>,
    setup: &super::setup::Setup,
    orders: &[OrderSpec],
) {
    if orders.is_empty() {
        return;
    }
    let entities = &setup.rows;
    let mut rows = RowsMut::world(
        &setup.scenario,
        &entities.actors,
        entities.complete,
        actors,
        std::mem::take(&mut ledger.touched_actors),
    );
    for run in orders.chunk_by(|a, b| a.actor == b.actor) {
        if let Some(row) = rows.get_mut(run[0].actor) {
            run.iter().for_each(|o| row.uses.add_one(o.tool));
        }
    }
    ledger.touched_actors = rows.into_touched();
}

/// Which of the globals' collections a change writes to (rows written are noted as they are).
fn touches(change: &Change) -> Collections {
    let none = Collections::default();
    match change {
        Change::Shift(Var::Trust(..), _) | Change::Set(Var::Trust(..), _) => Collections { trust: true, ..none },
        Change::Flag(Flag::JointTrack(..), _) => Collections { joint_tracks: true, ..none },
        Change::Flag(Flag::Sanctions(..), _) => Collections { sanctions: true, ..none },
        Change::Operation(_) => Collections { operations: true, ..none },
        Change::Track(_) => Collections { tracks: true, ..none },
        Change::Happen(_) => Collections { events: true, ..none },
        _ => none,
    }
}

/// Applies effects to a copy of the state: how bots look one step ahead. Same rules as the game.
/// Returns the positions of the dyads and the actors it wrote to and the globals' collections it
/// wrote to, so the copy can be put back.
pub fn apply_to_snapshot(
    scenario: &Scenario,
    snap: &mut super::state::Snapshot,
    effects: &[Effect],
    turn: u32,
) -> (Vec<usize>, Vec<usize>, Collections) {
    let super::state::Snapshot { globals, dyads, actors, sanctions, operations, tracks } = snap;
    let mut dyads = RowsMut::of_slice(scenario, dyads);
    let mut actors = RowsMut::of_slice(scenario, actors);
    let mut written = Collections::default();
    for effect in effects {
        written = written.and(touches(&effect.change));
        let rows = Rows { dyads: &mut dyads, actors: &mut actors, globals, regimes: sanctions, operations, tracks };
        apply(effect, rows, turn, scenario, false);
    }
    (dyads.into_touched(), actors.into_touched(), written)
}

fn fmt(x: f64) -> String {
    let r = (x * 100.0).round() / 100.0;
    if r.fract() == 0.0 { format!("{r:.0}") } else { format!("{r}") }
}

/// Everything an effect may write to.
struct Rows<'r, 'd, 'a> {
    dyads: &'r mut RowsMut<'d, DyadState>,
    actors: &'r mut RowsMut<'a, ActorState>,
    globals: &'r mut Globals,
    regimes: &'r mut dyn Store<SanctionRegime>,
    operations: &'r mut dyn Store<Operation>,
    tracks: &'r mut dyn Store<MediationTrack>,
}

fn apply(
    effect: &Effect,
    rows: Rows<'_, '_, '_>,
    turn: u32,
    scenario: &Scenario,
    narrate: bool,
) -> Option<EffectRecord> {
    let Rows { dyads, actors, globals: g, regimes, operations, tracks } = rows;
    let record = |target: String, before: String, after: String| {
        (before != after).then(|| EffectRecord { target, before, after, cause: effect.cause.to_string() })
    };
    match &effect.change {
        Change::Shift(var, _) | Change::Set(var, _) => {
            let (lo, hi) = var_bounds(var);
            let slot = number(var, dyads, actors, g, scenario)?;
            let before = slot.get();
            let raw = match &effect.change {
                Change::Shift(_, d) => before + d,
                Change::Set(_, x) => *x,
                _ => unreachable!(),
            };
            let mut after = raw.clamp(lo, hi);
            if slot.whole() {
                after = super::rng::round(after);
            }
            slot.set(after);
            if !narrate {
                return None;
            }
            record(format!("{var:?}"), fmt(before), fmt(after))
        }
        Change::Happen(event) => {
            // Most events of a turn have happened before: no copy of the event for those.
            let new = !g.events.contains(event) && g.events.insert(event.clone());
            if !narrate {
                return None;
            }
            record(format!("{event:?}"), "no".into(), if new { "yes".into() } else { "no".into() })
        }
        Change::Flag(flag, on) => {
            let rows = Rows { dyads, actors, globals: g, regimes, operations, tracks };
            let (before, after) = set_flag(flag, *on, rows, turn, scenario)?;
            if !narrate {
                return None;
            }
            // Named as variables and events are: `Observers("preah-vihear")`.
            let name = match flag {
                Flag::Sanctions(target, kind, by, _) => format!("Sanctions({target:?}, {kind:?}, {by:?})"),
                _ => format!("{flag:?}"),
            };
            record(name, before.text(), after.text())
        }
        Change::Operation(change) => {
            let (name, before, after) = change_operation(change, operations, scenario, turn)?;
            if !narrate {
                return None;
            }
            record(name, before, after)
        }
        Change::Track(change) => {
            let (key, before, after) = change_track(change, tracks, scenario, turn)?;
            if !narrate {
                return None;
            }
            let (d, m) = key;
            let name = match change {
                TrackChange::Consent(_, side, _) => format!("Consent({d:?}, {m:?}, {side:?})"),
                TrackChange::Attempt(..) => format!("Attempts({d:?}, {m:?})"),
                TrackChange::Suspend(..) => format!("Suspended({d:?}, {m:?})"),
            };
            record(name, before.text(), after.text())
        }
    }
}

/// What a change to a track changed, before and after, put into words only for a narrated record.
enum TrackValue {
    Consent(Consent),
    Attempts(u32),
    On(bool),
}

impl TrackValue {
    fn text(&self) -> String {
        match self {
            TrackValue::Consent(Consent::Open) => "open".into(),
            TrackValue::Consent(Consent::Given) => "given".into(),
            TrackValue::Consent(Consent::Refused) => "refused".into(),
            TrackValue::Attempts(n) => n.to_string(),
            TrackValue::On(b) => bool_text(*b),
        }
    }
}

/// Carries out a change to a mediator's track, beginning it if need be; returns its key and what it
/// changed (before, after), or `None` if it names no dispute or no side of it. The dispute is looked
/// up in the scenario: a track's change writes nothing to the dispute's row.
fn change_track(
    change: &TrackChange,
    tracks: &mut dyn Store<MediationTrack>,
    scenario: &Scenario,
    turn: u32,
) -> Option<(TrackKey, TrackValue, TrackValue)> {
    let key = match change {
        TrackChange::Consent(key, ..) | TrackChange::Attempt(key, ..) | TrackChange::Suspend(key, _) => *key,
    };
    let dyad = scenario.dyad(key.0)?;
    let mut track = tracks.in_force(&key).unwrap_or_else(|| MediationTrack::new(key.0, key.1, turn));
    let (before, after) = match change {
        TrackChange::Consent(_, side, consent) => {
            let i = dyad.side_of(side)?;
            let before = std::mem::replace(&mut track.consent[i], *consent);
            (TrackValue::Consent(before), TrackValue::Consent(*consent))
        }
        TrackChange::Attempt(_, style, supporters) => {
            track.attempts += 1;
            track.style = Some(*style);
            track.supporters.clone_from(supporters);
            (TrackValue::Attempts(track.attempts - 1), TrackValue::Attempts(track.attempts))
        }
        TrackChange::Suspend(_, on) => {
            let before = track.suspended.is_some();
            track.suspended = on.then_some(turn);
            (TrackValue::On(before), TrackValue::On(*on))
        }
    };
    tracks.put(track);
    Some((key, before, after))
}

/// How a mission is named in the record: `PeaceOperation("liberia-war")`, `Observers("preah-vihear")`
/// (as the flags on a dispute were, before missions were entities).
fn operation_name((dyad, kind): &OperationKey) -> String {
    format!("{kind:?}({dyad:?})")
}

/// Carries out a change to a mission; returns its record's name and values before and after, or
/// `None` if it names no dispute or no mission in force.
fn change_operation(
    change: &OperationChange,
    operations: &mut dyn Store<Operation>,
    scenario: &Scenario,
    turn: u32,
) -> Option<(String, String, String)> {
    let mut changed = |key: &OperationKey, set: &dyn Fn(&mut Operation) -> (String, String)| {
        let mut op = operations.in_force(key)?;
        let (before, after) = set(&mut op);
        operations.put(op);
        Some((before, after))
    };
    Some(match change {
        OperationChange::Start(op) => {
            // Looked up in the scenario: a mission's start writes nothing to the dispute's row.
            scenario.dyad(op.dyad)?;
            let key = op.key();
            let had = operations.in_force(&key).is_some();
            if !had {
                operations.put(Operation { since: turn, ..(**op).clone() });
            }
            (operation_name(&key), bool_text(had), bool_text(true))
        }
        OperationChange::Deploy(key, strength) => {
            let (b, a) = changed(key, &|op| {
                let before = std::mem::replace(&mut op.deployed, *strength);
                (before.to_string(), strength.to_string())
            })?;
            (format!("Deployed({})", operation_name(key)), b, a)
        }
        OperationChange::Finance(key) => {
            let (b, a) = changed(key, &|op| (bool_text(std::mem::replace(&mut op.financed, true)), bool_text(true)))?;
            (format!("Financed({})", operation_name(key)), b, a)
        }
        OperationChange::Extend(key, until) => {
            let (b, a) = changed(key, &|op| {
                let before = op.until.replace(*until);
                (before.map_or_else(|| "open".to_string(), |t| t.to_string()), until.to_string())
            })?;
            (format!("MandateUntil({})", operation_name(key)), b, a)
        }
        OperationChange::End(key) => {
            let had = operations.in_force(key).is_some();
            operations.end(key);
            (operation_name(key), bool_text(had), bool_text(false))
        }
    })
}

/// A flag's value before or after a change, worded only for a narrated record.
enum FlagValue {
    On(bool),
    /// The turn something was done in (an offer, a signature).
    Since(Option<u32>),
}

impl FlagValue {
    fn text(&self) -> String {
        match self {
            FlagValue::On(b) => bool_text(*b),
            FlagValue::Since(t) => format!("{t:?}"),
        }
    }
}

/// Sets a flag and returns its value before and after; `None` if it names no row.
fn set_flag(
    flag: &Flag,
    on: bool,
    rows: Rows<'_, '_, '_>,
    turn: u32,
    scenario: &Scenario,
) -> Option<(FlagValue, FlagValue)> {
    let Rows { dyads, actors: _, globals: g, regimes, operations: _, tracks: _ } = rows;
    let side = |dyads: &mut RowsMut<'_, DyadState>, d: Id, a: Id, field: fn(&mut DyadState) -> &mut [bool; 2]| {
        let ds = dyads.get_mut(d)?;
        let i = ds.side_of(a)?;
        let before = std::mem::replace(&mut field(ds)[i], on);
        Some((FlagValue::On(before), FlagValue::On(on)))
    };
    let since =
        |dyads: &mut RowsMut<'_, DyadState>, d: Id, a: Id, field: fn(&mut DyadState) -> &mut [Option<u32>; 2]| {
            let ds = dyads.get_mut(d)?;
            let i = ds.side_of(a)?;
            let after = on.then_some(turn);
            let before = std::mem::replace(&mut field(ds)[i], after);
            Some((FlagValue::Since(before), FlagValue::Since(after)))
        };
    match flag {
        Flag::AcceptsMediation(d, a) => side(dyads, *d, *a, |ds| &mut ds.accepts_mediation),
        Flag::AcceptsObservers(d, a) => side(dyads, *d, *a, |ds| &mut ds.accepts_observers),
        Flag::CeasefireOffered(d, a) => since(dyads, *d, *a, |ds| &mut ds.ceasefire_offered),
        Flag::Signed(d, a) => since(dyads, *d, *a, |ds| &mut ds.signed),
        Flag::Ceasefire(d) | Flag::Agreement(d) | Flag::IcjPending(d) | Flag::ProvisionalMeasures(d) => {
            let ds = dyads.get_mut(d)?;
            let field = match flag {
                Flag::Ceasefire(_) => &mut ds.ceasefire,
                Flag::Agreement(_) => &mut ds.agreement,
                Flag::IcjPending(_) => &mut ds.icj_pending,
                _ => &mut ds.provisional_measures,
            };
            Some((FlagValue::On(std::mem::replace(field, on)), FlagValue::On(on)))
        }
        Flag::Sanctions(target, kind, by, strength) => {
            scenario.actor(*target)?;
            let key = (*target, *kind, *by);
            let had = regimes.in_force(&key).is_some();
            if on && !had {
                // Every Council regime has its committee and panel of experts; a state's does not.
                let panel = scenario.body(*by).is_some_and(|b| b.is_council());
                let (target, kind, imposed_by, strength) = (*target, *kind, *by, *strength);
                regimes.put(SanctionRegime { target, kind, imposed_by, panel, strength, since: turn });
            } else if !on && had {
                regimes.end(&key);
            }
            Some((FlagValue::On(had), FlagValue::On(on)))
        }
        Flag::JointTrack(a, b) => {
            let pair = if a <= b { (*a, *b) } else { (*b, *a) };
            let had = if on { !g.joint_tracks.insert(pair) } else { g.joint_tracks.remove(&pair) };
            Some((FlagValue::On(had), FlagValue::On(on)))
        }
    }
}

fn bool_text(b: bool) -> String {
    if b { "yes".to_string() } else { "no".to_string() }
}

/// A numeric slot in the state, read and written as f64.
enum Slot<'s> {
    F(&'s mut f64),
    Stage(&'s mut u8),
    Count(&'s mut u64),
}

impl Slot<'_> {
    fn get(&self) -> f64 {
        match self {
            Slot::F(x) => **x,
            Slot::Stage(s) => f64::from(**s),
            Slot::Count(n) => **n as f64,
        }
    }

    fn set(self, v: f64) {
        match self {
            Slot::F(x) => *x = v,
            Slot::Stage(s) => *s = v as u8,
            Slot::Count(n) => *n = v as u64,
        }
    }

    fn whole(&self) -> bool {
        !matches!(self, Slot::F(_))
    }
}

fn number<'s>(
    var: &Var,
    dyads: &'s mut RowsMut<'_, DyadState>,
    actors: &'s mut RowsMut<'_, ActorState>,
    g: &'s mut Globals,
    scenario: &Scenario,
) -> Option<Slot<'s>> {
    fn side<'t>(dyads: &'t mut RowsMut<'_, DyadState>, d: Id, a: Id) -> Option<(&'t mut DyadState, usize)> {
        let ds = dyads.get_mut(d)?;
        let i = ds.side_of(a)?;
        Some((ds, i))
    }
    Some(match var {
        Var::Stage(d) => Slot::Stage(&mut dyads.get_mut(d)?.stage),
        Var::Arms(d, a) => side(dyads, *d, *a).map(|(ds, i)| Slot::F(&mut ds.arms[i]))?,
        Var::Grievance(d, a) => side(dyads, *d, *a).map(|(ds, i)| Slot::F(&mut ds.grievance[i]))?,
        Var::Hurt(d, a) => side(dyads, *d, *a).map(|(ds, i)| Slot::F(&mut ds.hurt[i]))?,
        Var::WinBelief(d, a) => side(dyads, *d, *a).map(|(ds, i)| Slot::F(&mut ds.win_belief[i]))?,
        Var::WayOut(d) => Slot::F(&mut dyads.get_mut(d)?.way_out),
        Var::Enticement(d) => Slot::F(&mut dyads.get_mut(d)?.enticement),
        Var::Trust(p, t) => Slot::F(g.trust.slot(p, t, || super::state::baseline_trust(scenario, p, t))),
        Var::Spoiler(a) => Slot::F(&mut actors.get_mut(a)?.spoiler),
        Var::DomesticPressure(a) => Slot::F(&mut actors.get_mut(a)?.domestic_pressure),
        Var::Leverage(a) => Slot::F(&mut actors.get_mut(a)?.leverage),
        Var::PublicPressure => Slot::F(&mut g.public_pressure),
        Var::Coherence => Slot::F(&mut g.coherence),
        Var::Deaths => Slot::Count(&mut g.deaths),
        Var::Displaced => Slot::Count(&mut g.displaced),
        Var::DisputeDeaths(d) => Slot::Count(&mut dyads.get_mut(d)?.deaths),
        // Counted from the toll's history: validation refuses an effect on it.
        Var::RecentDeaths(_) => return None,
    })
}
