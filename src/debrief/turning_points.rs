//! Turning points: the largest changes of a game and what caused them. A change of stage, each new fact
//! (an agreement, a ceasefire, a veto, sanctions…), the deadliest turn, the largest swing of trust and the
//! largest rise of international attention. The causes are the effects the log recorded for that change,
//! each with its before and after, and the sentence of the outcome that caused it.

use crate::engine::record::{EffectRecord, TurnRecord};
use crate::engine::state::{Snapshot, baseline_trust};
use crate::names::{Names, count, count_change, effect_value, level, stage};
use crate::scenario::Id;
use crate::scenario::{Event, Var};

#[derive(Debug, Clone, PartialEq)]
pub struct TurningPoint {
    pub turn: u32,
    pub dates: String,
    /// What changed, e.g. "The disputed presidency: stage 7 → 5 (loss of face)".
    pub what: String,
    /// Each cause, with the values it moved and the reason the log gives.
    pub why: Vec<String>,
    /// A change of stage, something new that became true, a deal becoming possible or the deadliest
    /// turn: what the printed summary lists. The largest swings of trust and attention are not.
    pub major: bool,
}

/// A trust swing or a rise of attention smaller than this is not a turning point.
const NOTABLE: f64 = 10.0;

pub fn build(names: Names<'_>, initial: &Snapshot, records: &[TurnRecord]) -> Vec<TurningPoint> {
    let mut points = Vec::new();
    let mut before = initial;
    // (deaths added, turn index), (swing, turn index, party, third), (rise, turn index)
    let mut deadliest: Option<(u64, usize)> = None;
    let mut trust_swing: Option<(f64, usize, String, String)> = None;
    let mut attention: Option<(f64, usize)> = None;
    let deal = crate::rules::ground::AGREEMENT_WAY_OUT;
    // Disputes whose way out has reached the deal threshold (from the start, or in a turn so far).
    let mut opened: Vec<Id> = initial.dyads.iter().filter(|d| d.way_out >= deal).map(|d| d.id).collect();
    for (i, r) in records.iter().enumerate() {
        for d in &r.state.dyads {
            if d.way_out >= deal && !opened.contains(&d.id) {
                opened.push(d.id);
                let was = before.dyad(&d.id).map_or(0.0, |b| b.way_out);
                points.push(TurningPoint {
                    turn: r.turn,
                    dates: r.dates.clone(),
                    what: format!(
                        "{}: a deal became possible — the way out reached {} (was {}); an agreement needs at least {}",
                        names.dyad(&d.id),
                        level(d.way_out),
                        level(was),
                        level(deal)
                    ),
                    why: causes(names, r, &format!("{:?}", Var::WayOut(d.id)), Some(&d.id)),
                    major: true,
                });
            }
        }
        for d in &r.state.dyads {
            let Some(was) = before.dyad(&d.id).map(|b| b.stage) else { continue };
            if was != d.stage {
                let target = format!("{:?}", Var::Stage(d.id));
                points.push(TurningPoint {
                    turn: r.turn,
                    dates: r.dates.clone(),
                    what: format!("{}: stage {was} → {}", names.dyad(&d.id), stage(d.stage)),
                    why: causes(names, r, &target, Some(&d.id)),
                    major: true,
                });
            }
        }
        let mut facts: Vec<TurningPoint> = Vec::new();
        for e in super::timeline::new_events(before, &r.state) {
            if matches!(e, Event::InjectFired(_) | Event::Seized(_)) {
                continue;
            }
            let what = names.event(e).trim_end_matches('.').to_string();
            let why = causes(names, r, &format!("{e:?}"), None);
            // Facts with the same causes (sanctions on both camps by one order) are one turning point.
            match facts.iter_mut().find(|p| p.why == why) {
                Some(p) => p.what = format!("{}. {}", p.what, what),
                None => facts.push(TurningPoint { turn: r.turn, dates: r.dates.clone(), what, why, major: true }),
            }
        }
        points.extend(facts);
        let added = r.state.globals.deaths.saturating_sub(before.globals.deaths);
        if added > 0 && deadliest.is_none_or(|(most, _)| added > most) {
            deadliest = Some((added, i));
        }
        for ((party, third), v) in r.state.globals.trust.iter() {
            let was =
                before.globals.trust.get(party, third).unwrap_or_else(|| baseline_trust(names.scenario, party, third));
            let swing = (v - was).abs();
            if swing >= NOTABLE && trust_swing.as_ref().is_none_or(|(most, ..)| swing > *most) {
                trust_swing = Some((swing, i, party.to_string(), third.to_string()));
            }
        }
        let rise = r.state.globals.public_pressure - before.globals.public_pressure;
        if rise >= NOTABLE && attention.is_none_or(|(most, _)| rise > most) {
            attention = Some((rise, i));
        }
        before = &r.state;
    }
    let state_before = |i: usize| if i == 0 { initial } else { &records[i - 1].state };
    if let Some((_, i)) = deadliest {
        let (r, b) = (&records[i], state_before(i));
        let (d0, d1) = (b.globals.deaths, r.state.globals.deaths);
        points.push(TurningPoint {
            turn: r.turn,
            dates: r.dates.clone(),
            what: format!(
                "The deadliest turn: {} dead ({}), {} displaced in all",
                count(d1),
                count_change(d0, d1),
                count(r.state.globals.displaced)
            ),
            why: causes(names, r, &format!("{:?}", Var::Deaths), None),
            major: true,
        });
    }
    if let Some((_, i, party, third)) = trust_swing {
        let (r, b) = (&records[i], state_before(i));
        let was = b.globals.trust.get(&party, &third).unwrap_or_else(|| baseline_trust(names.scenario, &party, &third));
        let now = r.state.globals.trust.get(&party, &third).unwrap_or(was);
        points.push(TurningPoint {
            turn: r.turn,
            dates: r.dates.clone(),
            what: format!(
                "The largest swing of trust: {} in {}, {} → {}",
                names.actor(&party),
                names.actor(&third),
                level(was),
                level(now)
            ),
            why: causes(
                names,
                r,
                &format!("{:?}", Var::Trust(Id::from(party.as_str()), Id::from(third.as_str()))),
                None,
            ),
            major: false,
        });
    }
    if let Some((_, i)) = attention {
        let (r, b) = (&records[i], state_before(i));
        points.push(TurningPoint {
            turn: r.turn,
            dates: r.dates.clone(),
            what: format!(
                "The largest rise of international attention: {} → {}",
                level(b.globals.public_pressure),
                level(r.state.globals.public_pressure)
            ),
            why: causes(names, r, &format!("{:?}", Var::PublicPressure), None),
            major: false,
        });
    }
    // Stable: points of one turn keep the order they were found in (stage, facts, toll, trust, attention).
    points.sort_by_key(|p| p.turn);
    points
}

/// The effects on `target` in the turn, grouped by cause — and, in a scenario of several disputes, by the
/// dispute each effect belongs to — in the order they happened: "cause (7 → 6)", each with the reason the
/// log gives for that cause (the outcome's sentence, or the dynamics' sentence). A change of the whole
/// crisis (the toll, attention) caused in two disputes gives two lines, each named by its dispute, so no
/// sentence about one dispute runs on into another's.
fn causes(names: Names<'_>, r: &TurnRecord, target: &str, dyad: Option<&str>) -> Vec<String> {
    let several = names.scenario.conflict.dyads.len() > 1;
    let mut groups: Vec<(&str, Option<&str>, Vec<String>)> = Vec::new();
    for (k, e) in r.effects.iter().enumerate().filter(|(_, e)| e.target == target) {
        let change = format!("{} → {}", effect_value(target, &e.before), effect_value(target, &e.after));
        let dispute = dyad.or_else(|| dispute_of(names, &r.effects, k));
        match groups.iter_mut().find(|(c, d, _)| *c == e.cause && *d == dispute) {
            Some((_, _, changes)) => changes.push(change),
            None => groups.push((e.cause.as_str(), dispute, vec![change])),
        }
    }
    if groups.is_empty() {
        return vec!["The log records no single cause for this change.".to_string()];
    }
    groups
        .into_iter()
        .map(|(cause, dispute, changes)| {
            let mut line = format!("{} ({})", names.cause(cause), changes.join(", "));
            if several
                && dyad.is_none()
                && let Some(d) = dispute
            {
                line = format!("{}: {line}", names.dyad(d));
            }
            let reasons = reasons(names, r, cause, dispute);
            if !reasons.is_empty() {
                line.push_str(": ");
                line.push_str(&reasons.join(" "));
            }
            line
        })
        .collect()
}

/// The dispute effect `k` of a turn belongs to: the one its own target names (`Stage("river")`), else the
/// one named by the nearest effect recorded with it by the same cause (a clash's `Deaths` comes with its
/// `DisputeDeaths("river")`; two disputes' incidents follow each other, each group starting with its
/// toll). `None` for a change of the whole crisis: the turn's drift, the news, or a cause with no dispute
/// beside it.
fn dispute_of<'r>(names: Names<'_>, effects: &'r [EffectRecord], k: usize) -> Option<&'r str> {
    let named = |e: &'r EffectRecord| {
        let id = e.target.split_once("(\"")?.1.split('"').next()?;
        names.scenario.dyad(id).is_some().then_some(id)
    };
    let cause = &effects[k].cause;
    if let Some(id) = named(&effects[k]) {
        return Some(id);
    }
    // The turn's drift and the news change the whole crisis: they belong to no one dispute.
    if cause == "dynamics" || cause.starts_with("inject: ") {
        return None;
    }
    let same = |i: usize| effects.get(i).filter(|e| e.cause == *cause);
    let (mut forward, mut back) = (true, true);
    for d in 1..effects.len() {
        forward = forward && same(k + d).is_some();
        back = back && k >= d && same(k - d).is_some();
        if !forward && !back {
            break;
        }
        let found = [forward.then(|| same(k + d)).flatten(), back.then(|| same(k - d)).flatten()];
        if let Some(id) = found.into_iter().flatten().find_map(named) {
            return Some(id);
        }
    }
    None
}

/// The sentences the log gives for a cause: the outcomes of that actor's tool, or the dynamics of the
/// dispute. None for an inject.
fn reasons(names: Names<'_>, r: &TurnRecord, cause: &str, dyad: Option<&str>) -> Vec<String> {
    let (who, what) = cause.split_once(": ").unwrap_or((cause, ""));
    if who == "dynamics" {
        if what.is_empty() {
            // The drift of every turn (docs/rules.md): no sentence of its own in the record.
            return Vec::new();
        }
        return r.dynamics.iter().filter(|d| dyad.is_none_or(|x| x == d.dyad)).map(|d| d.explanation.clone()).collect();
    }
    if who == "inject" {
        // The news itself is told in the timeline; its title in the cause says enough here.
        return Vec::new();
    }
    // Only the outcomes aimed at the dispute that changed, when the change belongs to one; an order aimed at
    // an actor or a body (sanctions on a camp) is not aimed at another dispute.
    let mut out: Vec<String> = r
        .outcomes
        .iter()
        .filter(|o| o.actor == who && o.tool.name() == what)
        .filter(|o| dyad.is_none_or(|x| o.target.as_deref().is_none_or(|t| t == x || names.scenario.dyad(t).is_none())))
        .map(|o| o.explanation.clone())
        .collect();
    out.dedup();
    out
}
