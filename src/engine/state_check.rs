//! A saved state is input like a scenario: a log can be edited and its checksums recomputed, so the
//! state a game resumes from is checked as a scenario's numbers are — every number finite and within
//! its variable's range, every turn it remembers already played, every id one of the scenario's.
//! Without this a `NaN` in a log would be carried into every later turn.

use super::state::{ActorState, DyadState, Globals, Snapshot};
use crate::scenario::validate::ranges::var_bounds;
use crate::scenario::{Event, Id, Scenario, Var};

/// The first thing wrong in a saved state: the field as the log names variables (`Arms("mirra",
/// "doravia")`), what it holds, and what it must hold.
#[derive(Debug, Clone, PartialEq)]
pub struct StateProblem {
    pub field: String,
    pub found: String,
    pub expected: String,
}

/// Whether a saved state's disputes and actors are exactly the scenario's, in id order, each dispute
/// with the scenario's sides: what [`check_state`] assumes, and what a log of another version of the
/// scenario fails.
pub fn rows_fit(state: &Snapshot, s: &Scenario) -> bool {
    let mut dyads: Vec<&str> = s.conflict.dyads.iter().map(|d| d.id.as_str()).collect();
    dyads.sort_unstable();
    let mut actors: Vec<&str> = s.actors.iter().map(|a| a.id.as_str()).collect();
    actors.sort_unstable();
    state.dyads.iter().map(|d| d.id.as_str()).eq(dyads)
        && state.actors.iter().map(|a| a.id.as_str()).eq(actors)
        && state.dyads.iter().all(|d| s.dyad(d.id).is_some_and(|x| d.sides == [x.sides.0, x.sides.1]))
}

/// Checks the state saved after `turn`. Assumes its dyads and actors are the scenario's (checked first,
/// by id); finds the first number out of range or id the scenario does not have.
pub fn check_state(state: &Snapshot, s: &Scenario, turn: u32) -> Result<(), StateProblem> {
    check_globals(&state.globals, s, turn)?;
    state.dyads.iter().try_for_each(|d| check_dyad(d, turn))?;
    state.actors.iter().try_for_each(|a| check_actor(a, turn))?;
    check_tools_in_force(state, s, turn)
}

/// The sanction regimes, the missions and the mediation tracks: the ids they name are the scenario's,
/// the turns they began have been played, and a mission's deployed strength is within what is
/// authorised.
fn check_tools_in_force(state: &Snapshot, s: &Scenario, turn: u32) -> Result<(), StateProblem> {
    for r in &state.sanctions {
        let field = || format!("Sanctions({:?}, {:?}, {:?})", r.target.as_str(), r.kind, r.imposed_by.as_str());
        known_actor(s, r.target.as_str(), field)?;
        if s.actor(r.imposed_by).is_none() && s.body(r.imposed_by).is_none() {
            return Err(problem(
                field(),
                format!("{:?}", r.imposed_by.as_str()),
                "an actor or body of the scenario".into(),
            ));
        }
        if !r.strength.is_finite() || !(0.0..=3.0).contains(&r.strength) {
            return Err(problem(field(), r.strength.to_string(), "a strength from 0 to 3".into()));
        }
        if r.since > turn {
            return Err(problem(field(), r.since.to_string(), format!("a turn from 0 to {turn}")));
        }
    }
    for op in &state.operations {
        let field = || format!("{:?}({:?})", op.kind, op.dyad.as_str());
        if s.dyad(op.dyad).is_none() {
            return Err(problem(field(), format!("{:?}", op.dyad.as_str()), "a dispute of the scenario".into()));
        }
        if op.deployed > op.authorised && op.authorised > 0 {
            let expected = format!("at most the {} authorised", op.authorised);
            return Err(problem(field(), format!("{} deployed", op.deployed), expected));
        }
        if op.since > turn {
            return Err(problem(field(), op.since.to_string(), format!("a turn from 0 to {turn}")));
        }
    }
    for t in &state.tracks {
        let field = || format!("Track({:?}, {:?})", t.dyad.as_str(), t.mediator.as_str());
        if s.dyad(t.dyad).is_none() {
            return Err(problem(field(), format!("{:?}", t.dyad.as_str()), "a dispute of the scenario".into()));
        }
        known_actor(s, t.mediator.as_str(), field)?;
        for supporter in &t.supporters {
            known_actor(s, supporter.as_str(), field)?;
        }
        if t.since > turn || t.suspended.is_some_and(|at| at > turn) {
            return Err(problem(field(), t.since.to_string(), format!("turns from 0 to {turn}")));
        }
    }
    Ok(())
}

fn problem(field: String, found: String, expected: String) -> StateProblem {
    StateProblem { field, found, expected }
}

/// A number within `var`'s range, named as the log names `var`.
fn in_range(var: &Var, x: f64) -> Result<(), StateProblem> {
    let (lo, hi) = var_bounds(var);
    if x.is_finite() && (lo..=hi).contains(&x) {
        return Ok(());
    }
    Err(problem(format!("{var:?}"), x.to_string(), format!("a number from {lo} to {hi}")))
}

/// A remembered turn (an offer, a signature) that has been played by `turn`.
fn played(field: String, remembered: Option<u32>, turn: u32) -> Result<(), StateProblem> {
    match remembered {
        Some(t) if t == 0 || t > turn => Err(problem(field, t.to_string(), format!("a turn from 1 to {turn}"))),
        _ => Ok(()),
    }
}

fn check_globals(g: &Globals, s: &Scenario, turn: u32) -> Result<(), StateProblem> {
    if g.turn != turn {
        return Err(problem("turn".into(), g.turn.to_string(), format!("{turn}, the turn it was saved after")));
    }
    in_range(&Var::PublicPressure, g.public_pressure)?;
    in_range(&Var::Coherence, g.coherence)?;
    // Whole counts, compared as the ledger keeps them (as numbers within the variable's range).
    in_range(&Var::Deaths, g.deaths as f64)?;
    in_range(&Var::Displaced, g.displaced as f64)?;
    let history = &g.toll_at_turn_start;
    if history.len() > turn as usize {
        let (found, expected) = (format!("{} entries", history.len()), format!("at most {turn}, one a turn"));
        return Err(problem("toll_at_turn_start".into(), found, expected));
    }
    let mut before = 0;
    for &toll in history {
        if toll < before || toll > g.deaths {
            let expected = format!("a toll from {before} to {}, the toll now", g.deaths);
            return Err(problem("toll_at_turn_start".into(), toll.to_string(), expected));
        }
        before = toll;
    }
    for ((party, third), value) in g.trust.iter() {
        let field = || format!("Trust({party:?}, {third:?})");
        let (p, t) = (known_actor(s, party, field)?, known_actor(s, third, field)?);
        in_range(&Var::Trust(p, t), value)?;
    }
    for event in &g.events {
        known_event(event, s)?;
    }
    for (a, b) in &g.joint_tracks {
        known_actor(s, a.as_str(), || format!("JointTrack({a:?}, {b:?})"))?;
        known_actor(s, b.as_str(), || format!("JointTrack({a:?}, {b:?})"))?;
    }
    Ok(())
}

/// The scenario's id of the actor `id`.
fn known_actor(s: &Scenario, id: &str, field: impl Fn() -> String) -> Result<Id, StateProblem> {
    match s.actor(id) {
        Some(a) => Ok(a.id),
        None => Err(problem(field(), format!("{id:?}"), "an actor of the scenario".into())),
    }
}

/// An event's id names something of the scenario of the kind the event is about.
fn known_event(event: &Event, s: &Scenario) -> Result<(), StateProblem> {
    let (id, kind, known) = match event {
        Event::AgreementSigned(d)
        | Event::Ceasefire(d)
        | Event::ObserversDeployed(d)
        | Event::PeaceOperation(d)
        | Event::RegionalForceDeployed(d)
        | Event::InquirySetUp(d)
        | Event::InquiryReported(d)
        | Event::ProvisionalMeasures(d) => (d, "a dispute", s.dyad(d).is_some()),
        Event::ResolutionAdopted(b) | Event::Vetoed(b) | Event::Seized(b) | Event::RegionalForceAuthorised(b) => {
            (b, "a body", s.body(b).is_some())
        }
        Event::Sanctioned(a) | Event::SanctionsLifted(a) => (a, "an actor", s.actor(a).is_some()),
        Event::InjectFired(i) => (i, "an inject", s.injects.iter().any(|x| x.id == *i)),
    };
    if known {
        return Ok(());
    }
    Err(problem(format!("{event:?}"), format!("{:?}", id.as_str()), format!("{kind} of the scenario")))
}

fn check_dyad(d: &DyadState, turn: u32) -> Result<(), StateProblem> {
    in_range(&Var::Stage(d.id), f64::from(d.stage))?;
    in_range(&Var::WayOut(d.id), d.way_out)?;
    in_range(&Var::Enticement(d.id), d.enticement)?;
    in_range(&Var::DisputeDeaths(d.id), d.deaths as f64)?;
    for (i, side) in d.sides.iter().enumerate() {
        in_range(&Var::Arms(d.id, *side), d.arms[i])?;
        in_range(&Var::Grievance(d.id, *side), d.grievance[i])?;
        in_range(&Var::Hurt(d.id, *side), d.hurt[i])?;
        in_range(&Var::WinBelief(d.id, *side), d.win_belief[i])?;
        played(format!("CeasefireOffered({:?}, {:?})", d.id.as_str(), side.as_str()), d.ceasefire_offered[i], turn)?;
        played(format!("Signed({:?}, {:?})", d.id.as_str(), side.as_str()), d.signed[i], turn)?;
    }
    Ok(())
}

fn check_actor(a: &ActorState, turn: u32) -> Result<(), StateProblem> {
    in_range(&Var::Leverage(a.id), a.leverage)?;
    in_range(&Var::DomesticPressure(a.id), a.domestic_pressure)?;
    in_range(&Var::Spoiler(a.id), a.spoiler)?;
    // An actor gives at most MAX_ORDERS_PER_ACTOR orders a turn, so no tool can have been used more
    // often than that by `turn` (a larger count would also overflow when the next use is counted).
    let most = turn.saturating_mul(crate::orders::MAX_ORDERS_PER_ACTOR as u32);
    if let Some((tool, used)) = a.uses.iter().find(|&(_, used)| used > most) {
        return Err(problem(
            format!("Uses({:?}, {tool:?})", a.id.as_str()),
            used.to_string(),
            format!("a count from 0 to {most} ({} orders a turn at most)", crate::orders::MAX_ORDERS_PER_ACTOR),
        ));
    }
    // Capacity is no variable the rules change, but it is an attribute on the same 0–100 scale.
    let (lo, hi) = var_bounds(&Var::Leverage(a.id));
    if a.capacity.is_finite() && (lo..=hi).contains(&a.capacity) {
        return Ok(());
    }
    Err(problem(
        format!("Capacity({:?})", a.id.as_str()),
        a.capacity.to_string(),
        format!("a number from {lo} to {hi}"),
    ))
}
