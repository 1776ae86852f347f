//! What happens on its own each turn: Richardson's arms dynamics, incidents and their toll, Glasl's
//! stage moving with escalation pressure (its phase boundaries 3→4 and 6→7 crossed only by a threshold
//! act), the hurting stalemate building up, and drift of trust, pressure and spoilers.

use super::explain;
use super::toll::clash_deaths;
use super::{RuleCtx, factor};
use crate::engine::ledger::{Effect, Flag};
use crate::engine::record::{DynamicsRecord, OutcomeRecord};
use crate::engine::rng::{roll, round, round4, stream};
use crate::engine::state::DyadState;
use crate::scenario::Id;
use crate::scenario::{ToolKind, Var};

const CAUSE: &str = "dynamics";

/// World attention restrains escalation: public pressure / this is taken off the escalation
/// pressure (0 to −5). Calibration; direction: brief §A (statements raise `public_pressure`).
const ATTENTION_DIVISOR: f64 = 20.0;
/// Each escalating act (show of force, mobilisation, a clash that hits) costs its side hurt of
/// public pressure / this: the reputational and diplomatic price of escalating under scrutiny.
const ESCALATION_COST_DIVISOR: f64 = 25.0;
/// A side that does not accept mediation pays hurt of public pressure / this a turn: the cost of
/// refusing talks while the world watches.
const REFUSAL_COST_DIVISOR: f64 = 25.0;
/// Keeping forces mobilised costs hurt of arms / this a turn.
const ARMS_UPKEEP_DIVISOR: f64 = 40.0;
/// The share of hurt a side recovers each turn (adaptation): hurt settles where costs and losses
/// balance it instead of climbing with the calendar.
const HURT_RECOVERY: f64 = 0.08;
/// The share of the gap between grievance and the dispute's standing grievance that closes each turn.
const GRIEVANCE_FADING: f64 = 0.1;

/// Acts that raise the stakes: what the world's attention makes costly.
fn is_escalation(tool: ToolKind) -> bool {
    matches!(tool, ToolKind::ShowOfForce | ToolKind::Mobilise | ToolKind::Skirmish | ToolKind::Strike)
}

/// One dyad's turn of dynamics, given this turn's outcomes (those aimed at other disputes are ignored;
/// the engine passes only this one's); its effects are added to `effects`.
pub fn dyad<O: std::borrow::Borrow<OutcomeRecord>>(
    ctx: &RuleCtx,
    d: &DyadState,
    outcomes: &[O],
    effects: &mut Vec<Effect>,
) -> DynamicsRecord {
    let p = ctx.params;
    let s = ctx.view.scenario.dyad(d.id).expect("a dyad of the scenario");
    let id = d.id;
    let mut notes = Vec::new();
    // Worded only when narrating: a quiet turn keeps no list of empty notes.
    let mut note = |text: String| {
        if ctx.narrate {
            notes.push(text);
        }
    };

    // Richardson, a quarter of the model's time unit per turn: dx = k·y − a·x + g. The restraint term
    // is Richardson's "fatigue": it grows as the conflict hurts (a + hurt/250). Growth slows as a
    // side nears the limit of what it can field (× (1 − x/100)): a race runs toward its ceiling
    // without sitting on it, so an embargo or a withdrawal still shows.
    let k = [s.reaction.0, s.reaction.1];
    let a = [s.restraint.0 + d.hurt[0] / 250.0, s.restraint.1 + d.hurt[1] / 250.0];
    for i in 0..2 {
        let mut dx = 0.25 * (k[i] * d.arms[1 - i] - a[i] * d.arms[i] + d.grievance[i]);
        if dx > 0.0 {
            dx *= 1.0 - d.arms[i] / 100.0;
        }
        if dx > 0.0 {
            dx *= super::sanctions::embargo_growth(ctx, d.sides[i]);
        }
        effects.push(Effect::shift(Var::Arms(id, d.sides[i]), round4(dx), CAUSE));
    }

    // Incidents: more likely with arms and stage, less with observers, a ceasefire, a peace operation.
    let mean_arms = (d.arms[0] + d.arms[1]) / 2.0;
    let spoilers: f64 = ctx
        .view
        .scenario
        .conflict
        .spoilers
        .iter()
        .filter(|sp| sp.dyad == d.id)
        .map(|sp| ctx.view.actor(sp.actor).map_or(0.0, |a| a.spoiler))
        .sum();
    let damp = |on: bool, f: f64| if on { 1.0 - f } else { 1.0 };
    // Observers count whole once there; a peace operation as far as it works (`rules::operations`).
    let ground = super::operations::on_the_ground(ctx.view, d);
    let p_incident = round4(
        (p.incident_rate
            * f64::from(d.stage)
            * (mean_arms / 50.0)
            * (1.0 - 0.4 * ground.observers)
            * damp(d.ceasefire, 0.5)
            * (1.0 - 0.3 * ground.force)
            * damp(d.agreement, 0.6)
            + spoilers / 100.0 * 0.1)
            .clamp(0.0, 0.9),
    );
    let mut rng = stream(ctx.seed, ctx.turn, &d.id, 0, "incident");
    let r = round4(roll(&mut rng));
    let r2 = round4(roll(&mut rng));
    let incident = r < p_incident;
    if incident {
        let deaths = clash_deaths(ctx, d, 1.0, r2);
        effects.push(Effect::shift(Var::Deaths, deaths as f64, "dynamics: incident"));
        effects.push(Effect::shift(Var::DisputeDeaths(id), deaths as f64, "dynamics: incident"));
        effects.push(Effect::shift(Var::Displaced, round(deaths as f64 * p.displaced_per_death), "dynamics: incident"));
        for side in &d.sides {
            effects.push(Effect::shift(Var::Hurt(id, *side), 4.0, "dynamics: incident"));
            effects.push(Effect::shift(Var::Grievance(id, *side), 1.0, "dynamics: incident"));
        }
        effects.push(Effect::shift(Var::PublicPressure, 3.0, "dynamics: incident"));
        note(explain!(ctx, "an incident: {deaths} killed (roll {r:.2} < {p_incident:.2})"));
        if d.ceasefire && p.ceasefire_breakdown > 0.0 {
            ceasefire_breakdown(ctx, d, ground, effects, &mut note);
        }
    }

    // Escalation pressure against the threshold.
    let outcomes =
        || outcomes.iter().map(std::borrow::Borrow::borrow).filter(|o: &&OutcomeRecord| o.target == Some(d.id));
    let clashes = outcomes().filter(|o| o.result == "clash").count() + usize::from(incident);
    let flag = |on: bool, w: f64| if on { w } else { 0.0 };
    let terms = [
        factor("arms above 45", (mean_arms - 45.0) / 5.0),
        factor("grievance", (d.grievance[0] + d.grievance[1]) / 4.0),
        factor("clashes", 6.0 * clashes as f64),
        factor("spoilers", spoilers / 10.0),
        factor("way out", -d.way_out / 10.0),
        factor("world attention", -ctx.view.globals.public_pressure / ATTENTION_DIVISOR),
        factor("observers", -6.0 * ground.observers),
        factor("ceasefire", -flag(d.ceasefire, 6.0)),
        factor("agreement", -flag(d.agreement, 10.0)),
        factor("provisional measures", -flag(d.provisional_measures, 6.0)),
        factor("peace operation", round4(-6.0 * ground.force)),
    ];
    let pressure = round4(terms.iter().map(|f| f.value).sum::<f64>());
    let threshold = p.escalation_threshold;
    let act = |tools: &[ToolKind]| outcomes().any(|o| tools.contains(&o.tool) && o.result != "no contact");
    // The pressure sets the chance that the stage moves this turn: up from 20% of the threshold,
    // much lower from stage 7 on (×0.15: the last stages are rare); down when the pressure is negative.
    let p_up =
        round4((((pressure - 0.2 * threshold) / threshold).clamp(0.0, 0.9)) * if d.stage >= 7 { 0.15 } else { 1.0 });
    let p_down = round4((-pressure / threshold).clamp(0.0, 0.9));
    let r3 = round4(roll(&mut rng));
    if r3 < p_up && d.stage < 9 {
        let (boundary, acts): (bool, &[ToolKind]) = match d.stage {
            3 => (true, &[ToolKind::ShowOfForce, ToolKind::Mobilise, ToolKind::Skirmish, ToolKind::Strike]),
            6 => (true, &[ToolKind::Strike]),
            _ => (false, &[]),
        };
        if boundary && !act(acts) {
            note(explain!(
                ctx,
                "escalation pressure {pressure:.1} (P {p_up:.2}, roll {r3:.2}) would carry the dispute past stage {}, but that needs a threshold act ({})",
                d.stage,
                acts.iter().map(|t| format!("{t:?}")).collect::<Vec<_>>().join(" or ")
            ));
        } else {
            effects.push(Effect::shift(Var::Stage(id), 1.0, "dynamics: escalation"));
            note(explain!(
                ctx,
                "escalation pressure {pressure:.1} (P {p_up:.2}, roll {r3:.2}): stage {} → {}",
                d.stage,
                d.stage + 1
            ));
        }
    } else if r3 < p_down && d.stage > 1 {
        effects.push(Effect::shift(Var::Stage(id), -1.0, "dynamics: de-escalation"));
        note(explain!(
            ctx,
            "escalation pressure {pressure:.1} (P down {p_down:.2}, roll {r3:.2}): stage {} → {}",
            d.stage,
            d.stage - 1
        ));
    } else {
        note(explain!(
            ctx,
            "escalation pressure {pressure:.1} (P up {p_up:.2}, down {p_down:.2}, roll {r3:.2}): the stage holds at {}",
            d.stage
        ));
    }

    // Hurt comes from losses (incidents and clashes add theirs as they happen) and from costs: the
    // upkeep of mobilisation, pressure at home, and, under the world's eyes, escalating or staying
    // away from talks. It fades as a side adapts, so a deadlock that costs nothing stops hurting.
    // Victory looks less likely the longer the fighting lasts.
    let total = (d.arms[0] + d.arms[1]).max(1.0);
    let attention = ctx.view.globals.public_pressure;
    for i in 0..2 {
        let side = &d.sides[i];
        let domestic = ctx.view.actor(side).map_or(0.0, |a| a.domestic_pressure);
        let escalations =
            outcomes().filter(|o| o.actor == *side && is_escalation(o.tool) && o.result != "no contact").count() as f64;
        let upkeep = d.arms[i] / ARMS_UPKEEP_DIVISOR;
        let at_home = domestic / 50.0;
        let escalating = escalations * attention / ESCALATION_COST_DIVISOR;
        let refusing = if ctx.view.open_to_talks(d, i) { 0.0 } else { attention / REFUSAL_COST_DIVISOR };
        let settled = if d.agreement { -3.0 } else { 0.0 };
        let recovered = HURT_RECOVERY * d.hurt[i];
        let hurt = upkeep + at_home + escalating + refusing + settled - recovered;
        effects.push(Effect::shift(Var::Hurt(id, *side), round4(hurt), CAUSE));
        note(explain!(
            ctx,
            "{} hurts {:+.1} (arms upkeep {upkeep:.1}, pressure at home {at_home:.1}, escalating under scrutiny {escalating:.1}, refusing talks {refusing:.1}{}, adapting −{recovered:.1})",
            ctx.name(side),
            hurt,
            if d.agreement { ", the agreement −3" } else { "" }
        ));
        // Fresh wrongs fade back toward the standing grievance the dispute started with (Richardson's
        // g is the standing grievance; the anger of each clash is not): without this, grievance piled
        // up at its cap and pinned the arms race at 100.
        let standing = if i == 0 { s.grievance.0 } else { s.grievance.1 };
        let fading = -GRIEVANCE_FADING * (d.grievance[i] - standing);
        effects.push(Effect::shift(Var::Grievance(id, *side), round4(fading), CAUSE));
        let share = d.arms[i] / total * 100.0;
        let attrition = if d.stage >= 5 { 1.5 } else { 0.0 };
        effects.push(Effect::shift(
            Var::WinBelief(id, *side),
            round4(0.15 * (share - d.win_belief[i]) - attrition),
            CAUSE,
        ));
    }
    effects.push(Effect::shift(Var::WayOut(id), if d.agreement { 1.0 } else { -1.0 }, CAUSE));

    let factors = ctx.record_factors(
        [
            factor("incident probability", p_incident),
            factor("toll roll", r2),
            factor("P(stage up)", p_up),
            factor("P(stage down)", p_down),
            factor("stage roll", r3),
        ]
        .into_iter()
        .chain(terms),
    );
    DynamicsRecord {
        dyad: d.id,
        incident_probability: p_incident,
        incident_roll: r,
        escalation_pressure: pressure,
        factors,
        explanation: if ctx.narrate { notes.join("; ") } else { String::new() },
    }
}

/// Drift that concerns no single dispute: trust back toward impartiality, attention fading,
/// coherence settling (higher with joint tracks). Added to `effects`.
pub fn drift(ctx: &RuleCtx, effects: &mut Vec<Effect>) {
    let p = ctx.params;
    // Only pairs that have moved drift back, so the log is not filled with unchanged pairs; they are
    // found in storage order and then put in (party, third) order.
    let mut moved: Vec<((Id, Id), f64)> = ctx
        .view
        .globals
        .trust
        .unordered()
        .filter_map(|((party, third), value, baseline)| {
            let base =
                baseline.unwrap_or_else(|| crate::engine::state::baseline_trust(ctx.view.scenario, party, third));
            ((value - base).abs() > 1.0).then_some(((party, third), round4((base - value) * p.trust_drift)))
        })
        .collect();
    moved.sort_unstable_by_key(|a| a.0);
    for ((party, third), delta) in moved {
        effects.push(Effect::shift(Var::Trust(party, third), delta, CAUSE));
    }
    // Spoilers grow while a dispute they feed on rages and shrink when it calms or is settled: once a
    // turn per spoiler, by the hottest dispute it is listed in.
    let mut spoilers: Vec<Id> = ctx.view.scenario.conflict.spoilers.iter().map(|sp| sp.actor).collect();
    spoilers.sort_unstable();
    spoilers.dedup();
    for actor in spoilers {
        let disputes: Vec<_> = ctx
            .view
            .scenario
            .conflict
            .spoilers
            .iter()
            .filter(|sp| sp.actor == actor)
            .filter_map(|sp| ctx.view.dyad(sp.dyad))
            .collect();
        let delta = if disputes.iter().all(|d| d.agreement) {
            -3.0
        } else if disputes.iter().any(|d| d.stage >= 5 && !d.agreement) {
            1.0
        } else {
            -1.0
        };
        effects.push(Effect::shift(Var::Spoiler(actor), delta, CAUSE));
    }
    let g = ctx.view.globals;
    effects.push(Effect::shift(Var::PublicPressure, round4(-g.public_pressure * p.pressure_decay), CAUSE));
    let coherence = if g.joint_tracks.is_empty() { round4((50.0 - g.coherence) * 0.05) } else { 2.0 };
    effects.push(Effect::shift(Var::Coherence, coherence, CAUSE));
}

/// An incident during a ceasefire may break it down (`rules.ceasefire_breakdown`, 0 by default):
/// less likely where observers watch the line or a peace operation stands between the sides, less
/// still where it is mandated to monitor the ceasefire (a design choice, as the incidents rule
/// already damps them; the 17 June 2003 ceasefire in Liberia did not stop the siege of Monrovia:
/// domain brief §4). Its own dice, so a scenario without the rule meets exactly the rolls it met
/// before.
fn ceasefire_breakdown(
    ctx: &RuleCtx,
    d: &DyadState,
    ground: super::operations::OnTheGround,
    effects: &mut Vec<Effect>,
    note: &mut impl FnMut(String),
) {
    let monitored = 1.0 - super::operations::MONITORED_SHARE * ground.monitoring;
    let chance = round4(
        ctx.params.ceasefire_breakdown * (1.0 - 0.4 * ground.observers) * (1.0 - 0.3 * ground.force) * monitored,
    );
    let r = round4(roll(&mut stream(ctx.seed, ctx.turn, &d.id, 0, "ceasefire breakdown")));
    if r < chance {
        effects.push(Effect::flag(Flag::Ceasefire(d.id), false, "dynamics: the ceasefire breaks down"));
        note(explain!(ctx, "the incident breaks the ceasefire (roll {r:.2} < {chance:.2})"));
    } else {
        note(explain!(ctx, "the ceasefire holds despite the incident (roll {r:.2} ≥ {chance:.2})"));
    }
}
