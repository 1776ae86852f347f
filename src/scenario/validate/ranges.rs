//! Numbers within the ranges the rules are built for.

use super::Checker;
use crate::path;
use crate::scenario::schema::{BodyKind, Condition, DecisionRule, DraftContent, EffectSpec, Trigger, Var};
use crate::scenario::spans::Seg;

impl Checker<'_> {
    pub(super) fn range(&mut self, what: &str, value: f64, (lo, hi): (f64, f64), path: &[Seg]) {
        if !(lo..=hi).contains(&value) {
            let d = self.error("out-of-range", format!("{what} is {value}; it must be from {lo} to {hi}"), path);
            d.label = format!("outside {lo}–{hi}");
            d.help = Some(format!(
                "use a number from {lo} to {hi} (docs/scenario-format.md gives the meaning of each scale)"
            ));
        }
    }

    fn pair(&mut self, what: &str, pair: (f64, f64), bounds: (f64, f64), at: &[Seg]) {
        for (i, v) in [pair.0, pair.1].into_iter().enumerate() {
            let mut p = at.to_vec();
            p.push(Seg::Index(i));
            self.range(what, v, bounds, &p);
        }
    }

    /// Glasl stages are whole numbers.
    fn whole_stage(&mut self, v: &Var, x: f64, path: &[Seg]) {
        if matches!(v, Var::Stage(_)) && x.fract() != 0.0 {
            self.error("not-whole", format!("stage {x} is not a whole number"), path).help =
                Some("Glasl stages go from 1 to 9 in whole steps".into());
        }
    }

    /// The numbers inside a variable: `RecentDeaths(n)` counts 1 to 100 turns (a game's most).
    fn var_values(&mut self, v: &Var, at: &[Seg]) {
        if let Var::RecentDeaths(n) = v
            && !(1..=100).contains(n)
        {
            let mut p = at.to_vec();
            p.push(Seg::Index(0));
            let d = self.error("out-of-range", format!("`RecentDeaths({n})` counts {n} turns"), &p);
            d.label = "from 1 to 100 turns".into();
            d.help = Some("`RecentDeaths(1)` is this turn's toll, `RecentDeaths(3)` the last three turns'".into());
        }
    }

    fn turn(&mut self, what: &str, turn: u32, path: &[Seg]) {
        let turns = self.s.meta.turns;
        if turn == 0 || turn > turns {
            let d =
                self.error("out-of-range", format!("{what} is turn {turn}, but the game has turns 1 to {turns}"), path);
            d.label = "no such turn".into();
            d.help = Some(format!("use a turn from 1 to {turns}, or raise `meta.turns`"));
        }
    }

    fn condition_values(&mut self, cond: &Condition, at: &[Seg]) {
        let child = |i: usize| {
            let mut p = at.to_vec();
            p.push(Seg::Index(i));
            p
        };
        match cond {
            Condition::AtLeast(v, x) | Condition::AtMost(v, x) => {
                self.range(&format!("the threshold on {}", var_name(v)), *x, var_bounds(v), &child(1));
                self.whole_stage(v, *x, &child(1));
                self.var_values(v, &child(0));
            }
            Condition::FromTurn(t) => self.turn("`FromTurn`", *t, &child(0)),
            Condition::All(list) | Condition::Any(list) => {
                for (i, c) in list.iter().enumerate() {
                    let mut p = child(0);
                    p.push(Seg::Index(i));
                    self.condition_values(c, &p);
                }
            }
            Condition::Not(c) => self.condition_values(c, &child(0)),
            Condition::Always | Condition::Happened(_) => {}
        }
    }
}

/// The range a variable lives in.
pub fn var_bounds(v: &Var) -> (f64, f64) {
    match v {
        Var::Stage(_) => (1.0, 9.0),
        Var::Grievance(..) => (-20.0, 20.0),
        Var::Deaths | Var::Displaced | Var::DisputeDeaths(_) | Var::RecentDeaths(_) => (0.0, 1e9),
        _ => (0.0, 100.0),
    }
}

pub fn var_name(v: &Var) -> String {
    let debug = format!("{v:?}");
    debug.split('(').next().unwrap_or(&debug).to_string()
}

const SCALE: (f64, f64) = (0.0, 100.0);
const UNIT: (f64, f64) = (0.0, 1.0);

pub(super) fn check(c: &mut Checker) {
    let s = c.s;
    for (ai, a) in s.actors.iter().enumerate() {
        let at = &a.attributes;
        for (name, v) in [
            ("leverage", at.leverage),
            ("capacity", at.capacity),
            ("resources", at.resources),
            ("domestic_pressure", at.domestic_pressure),
            ("impartiality", at.impartiality),
            ("interventionism", at.interventionism),
        ] {
            c.range(&format!("`{name}`"), v, SCALE, &path!["actors", ai, "attributes", name]);
        }
        for (ti, (_, v)) in a.ties.iter().enumerate() {
            c.range("a tie", *v, (-100.0, 100.0), &path!["actors", ai, "ties", ti, 1]);
        }
        for (pi, p) in a.tool_params.iter().enumerate() {
            c.range("`potency`", p.potency, (0.1, 3.0), &path!["actors", ai, "tool_params", pi, "potency"]);
            if p.max_uses == Some(0) {
                c.error("out-of-range", "`max_uses` is 0", &path!["actors", ai, "tool_params", pi, "max_uses"]).help =
                    Some("remove the tool from `tools` instead of allowing it zero uses".into());
            }
        }
        for (oi, o) in a.objectives.iter().enumerate() {
            c.range("`points`", f64::from(o.points), (1.0, 100.0), &path!["actors", ai, "objectives", oi, "points"]);
            c.condition_values(&o.goal, &path!["actors", ai, "objectives", oi, "goal"]);
        }
    }
    for (bi, b) in s.bodies.iter().enumerate() {
        match &b.kind {
            BodyKind::GeneralAssembly { size, members, others } => {
                if *size == 0 || *size > 500 || (*size as usize) < members.len() {
                    let d = c.error(
                        "out-of-range",
                        format!("the Assembly's size is {size}, with {} members listed", members.len()),
                        &path!["bodies", bi, "kind", "size"],
                    );
                    d.help = Some("`size` counts all UN members (192 until July 2011, 193 since) and cannot be less than the members listed".into());
                }
                let sum = others.yes + others.no + others.abstain + others.absent;
                let p = path!["bodies", bi, "kind", "others"];
                for (name, v) in
                    [("yes", others.yes), ("no", others.no), ("abstain", others.abstain), ("absent", others.absent)]
                {
                    let mut q = p.to_vec();
                    q.push(Seg::Field(name));
                    c.range(&format!("the `{name}` share"), v, SCALE, &q);
                }
                if (sum - 100.0).abs() > 0.01 {
                    c.error("bad-shares", format!("the vote shares add up to {sum}, not 100"), &p).help =
                        Some("yes, no, abstain and absent are percentages of the members not listed; make them add up to 100".into());
                }
            }
            BodyKind::Regional { decision: DecisionRule::QualifiedMajority(x), .. } => {
                c.range("a qualified majority", *x, (50.0, 100.0), &path!["bodies", bi, "kind", "decision", 0]);
            }
            _ => {}
        }
    }
    for (di, d) in s.conflict.dyads.iter().enumerate() {
        let p = |f: &'static str| path!["conflict", "dyads", di, f];
        c.range("`stage`", f64::from(d.stage), (1.0, 9.0), &p("stage"));
        c.pair("`arms`", d.arms, SCALE, &p("arms"));
        c.pair("`reaction`", d.reaction, UNIT, &p("reaction"));
        c.pair("`restraint`", d.restraint, UNIT, &p("restraint"));
        c.pair("`grievance`", d.grievance, (-20.0, 20.0), &p("grievance"));
        c.pair("`hurt`", d.hurt, SCALE, &p("hurt"));
        c.pair("`win_belief`", d.win_belief, SCALE, &p("win_belief"));
        c.range("`way_out`", d.way_out, SCALE, &p("way_out"));
        c.range("`enticement`", d.enticement, SCALE, &p("enticement"));
    }
    for (ti, t) in s.conflict.trust.iter().enumerate() {
        c.range("trust", t.value, SCALE, &path!["conflict", "trust", ti, "value"]);
    }
    for (si, sp) in s.conflict.spoilers.iter().enumerate() {
        c.range("`strength`", sp.strength, SCALE, &path!["conflict", "spoilers", si, "strength"]);
    }
    // The starting toll within the engine's own bounds for the toll (a billion): a larger one would be
    // saved after turn 1 and then refused by `resume` (found by the fuzzer).
    let toll_bounds = var_bounds(&crate::scenario::Var::Deaths);
    c.range("`toll.deaths`", s.conflict.toll.deaths as f64, toll_bounds, &path!["conflict", "toll", "deaths"]);
    c.range("`toll.displaced`", s.conflict.toll.displaced as f64, toll_bounds, &path!["conflict", "toll", "displaced"]);
    c.range("`public_pressure`", s.conflict.public_pressure, SCALE, &path!["conflict", "public_pressure"]);
    c.range("`coherence`", s.conflict.coherence, SCALE, &path!["conflict", "coherence"]);

    for (ii, inject) in s.injects.iter().enumerate() {
        match &inject.trigger {
            Trigger::AtTurn(t) => c.turn("the trigger", *t, &path!["injects", ii, "trigger", 0]),
            Trigger::When(cond) => c.condition_values(cond, &path!["injects", ii, "trigger", 0]),
            Trigger::Facilitator => {}
        }
        for (ei, e) in inject.effects.iter().enumerate() {
            let p = path!["injects", ii, "effects", ei, 1];
            if let EffectSpec::Shift(v @ Var::RecentDeaths(_), _) | EffectSpec::Set(v @ Var::RecentDeaths(_), _) = e {
                let d = c.error("counted-variable", format!("`{v:?}` is counted, not changed"), &p[..p.len() - 1]);
                d.label = "cannot be shifted or set".into();
                d.help = Some("shift `Deaths` or `DisputeDeaths(..)`: the recent toll follows from them".into());
                continue;
            }
            match e {
                EffectSpec::Set(v, x) => {
                    c.range(&format!("the new {}", var_name(v)), *x, var_bounds(v), &p);
                    c.whole_stage(v, *x, &p);
                }
                EffectSpec::Shift(v, x) => {
                    let (lo, hi) = var_bounds(v);
                    c.range(&format!("the shift of {}", var_name(v)), *x, (lo - hi, hi - lo), &p);
                    c.whole_stage(v, *x, &p);
                }
                EffectSpec::AcceptsMediation(..) | EffectSpec::AcceptsObservers(..) | EffectSpec::BreakCeasefire(_) => {
                }
            }
        }
    }
    for (ri, r) in s.ending.stop_when.iter().enumerate() {
        c.condition_values(&r.when, &path!["ending", "stop_when", ri, "when"]);
    }
    for (oi, o) in s.ending.outcomes.iter().enumerate() {
        c.condition_values(&o.when, &path!["ending", "outcomes", oi, "when"]);
    }
    let mut previous = 0;
    for (ti, turn) in s.historical_course.iter().enumerate() {
        c.turn("this course entry", turn.turn, &path!["historical_course", ti, "turn"]);
        if turn.turn <= previous {
            c.error(
                "course-order",
                format!("turn {} is listed after turn {previous}", turn.turn),
                &path!["historical_course", ti, "turn"],
            )
            .help = Some("list the historical course once per turn, in increasing turn order".into());
        }
        previous = turn.turn;
        for (oi, o) in turn.orders.iter().enumerate() {
            let Some(draft) = &o.draft else { continue };
            for (ci, content) in draft.contents.iter().enumerate() {
                let at = path!["historical_course", ti, "orders", oi, "draft", "contents", ci];
                match content {
                    DraftContent::Observers(_, n) | DraftContent::PeaceOperation(_, n) => {
                        c.range("the mission's size", f64::from(*n), (1.0, 100_000.0), &join(&at, &path![1]));
                    }
                    DraftContent::RenewMandate(_, n) => {
                        c.range("the renewal's length in turns", f64::from(*n), (1.0, 100.0), &join(&at, &path![1]));
                    }
                    DraftContent::Mandate(m) => mandate(c, m, &at),
                    _ => {}
                }
            }
        }
    }
    rules(c);
}

fn join(at: &[Seg], more: &[Seg]) -> Vec<Seg> {
    at.iter().chain(more).cloned().collect()
}

/// A mandate's strength, length and tasks (each task once, at least one).
fn mandate(c: &mut Checker, m: &crate::scenario::Mandate, at: &[Seg]) {
    let field = |name: &'static str| join(at, &path![0, name]);
    c.range("the mission's size", f64::from(m.personnel), (1.0, 100_000.0), &field("personnel"));
    if let Some(turns) = m.turns {
        c.range("the mandate's length in turns", f64::from(turns), (1.0, 100.0), &field("turns"));
    }
    if m.tasks.is_empty() {
        c.error("empty-mandate", "the mandate lists no tasks", &field("tasks")).help = Some(
            "a clear mandate says what the operation is to do: list tasks such as `CeasefireMonitoring`, `ProtectionOfCivilians`".into(),
        );
    }
    for (i, task) in m.tasks.iter().enumerate() {
        if m.tasks[..i].contains(task) {
            let d = c.error(
                "duplicate-entry",
                format!("the task `{task:?}` is listed twice"),
                &join(&field("tasks"), &path![i]),
            );
            d.help = Some("list each task once".into());
        }
    }
}

fn rules(c: &mut Checker) {
    let r = &c.s.rules;
    c.range("`mediation_base`", r.mediation_base, UNIT, &path!["rules", "mediation_base"]);
    for (i, v) in r.mediation_timing.iter().enumerate() {
        c.range(
            &format!("the timing factor for stage {}", i + 1),
            *v,
            (0.0, 2.0),
            &path!["rules", "mediation_timing", i],
        );
    }
    for (name, v) in [
        ("ripeness_hurt_threshold", r.ripeness_hurt_threshold),
        ("ripeness_win_threshold", r.ripeness_win_threshold),
        ("parallel_track_penalty", r.parallel_track_penalty),
    ] {
        c.range(&format!("`{name}`"), v, SCALE, &path!["rules", name]);
    }
    // The threshold scales the chances of the stage moving: it divides, so it cannot be 0.
    c.range("`escalation_threshold`", r.escalation_threshold, (1.0, 100.0), &path!["rules", "escalation_threshold"]);
    for (name, v) in [
        ("incident_rate", r.incident_rate),
        ("trust_drift", r.trust_drift),
        ("pressure_decay", r.pressure_decay),
        ("ceasefire_breakdown", r.ceasefire_breakdown),
    ] {
        c.range(&format!("`{name}`"), v, UNIT, &path!["rules", name]);
    }
    c.range("`deaths_per_incident`", r.deaths_per_incident, (0.0, 1000.0), &path!["rules", "deaths_per_incident"]);
    c.range("`displaced_per_death`", r.displaced_per_death, (0.0, 10_000.0), &path!["rules", "displaced_per_death"]);
}
