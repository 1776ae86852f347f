//! Every id written in the file refers to something that exists, and of the right sort.

use super::Checker;
use crate::diagnostics::article;
use crate::path;
use crate::scenario::schema::{
    BodyKind, Chapter, Condition, DraftContent, EffectSpec, Event, OrderSpec, Target, Trigger, Var,
};
use crate::scenario::spans::Seg;

/// What an id must name.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Want {
    Actor,
    Body,
    Dyad,
    Inject,
    Source,
}

impl Want {
    fn noun(self) -> &'static str {
        match self {
            Want::Actor => "actor",
            Want::Body => "body",
            Want::Dyad => "dyad",
            Want::Inject => "inject",
            Want::Source => "source",
        }
    }
}

impl Checker<'_> {
    fn ids(&self, want: Want) -> Vec<&str> {
        let s = self.s;
        match want {
            Want::Actor => s.actors.iter().map(|a| a.id.as_str()).collect(),
            Want::Body => s.bodies.iter().map(|b| b.id.as_str()).collect(),
            Want::Dyad => s.conflict.dyads.iter().map(|d| d.id.as_str()).collect(),
            Want::Inject => s.injects.iter().map(|i| i.id.as_str()).collect(),
            Want::Source => s.meta.sources.iter().map(|x| x.id.as_str()).collect(),
        }
    }

    /// Reports `id` at `path` unless it names a `want`. Returns whether it resolved.
    pub(super) fn reference(&mut self, id: &str, want: Want, path: &[Seg]) -> bool {
        let mut known = self.ids(want);
        known.sort_unstable();
        known.dedup();
        if known.contains(&id) {
            return true;
        }
        let noun = want.noun();
        let other = [Want::Actor, Want::Body, Want::Dyad].into_iter().find(|&w| w != want && self.ids(w).contains(&id));
        let help = match other {
            Some(w) => {
                format!("`{id}` is {} {}, but {} {noun} is needed here", article(w.noun()), w.noun(), article(noun))
            }
            None => self.suggest(id, known.iter().copied(), noun),
        };
        let d = self.error("unknown-reference", format!("unknown {noun} `{id}`"), path);
        d.label = format!("no {noun} has this id");
        d.help = Some(help);
        false
    }

    /// `actor` must be one of the two sides of `dyad` (both already resolved or not).
    fn side(&mut self, dyad: &str, actor: &str, path: &[Seg]) {
        let Some(d) = self.s.dyad(dyad) else { return };
        if self.reference(actor, Want::Actor, path) && d.side_of(actor).is_none() {
            let (a, b) = (d.sides.0, d.sides.1);
            let e = self.error("not-a-side", format!("`{actor}` is not a side of dyad `{dyad}`"), path);
            e.label = "not a side".into();
            e.help = Some(format!("the sides of `{dyad}` are `{a}` and `{b}`"));
        }
    }

    /// An inject the historical course fires: one that waits for the facilitator (an inject with a
    /// turn or a condition fires by itself, so the course naming it would be ignored).
    fn course_inject(&mut self, id: &str, path: &[Seg]) {
        if !self.reference(id, Want::Inject, path) {
            return;
        }
        let Some(inject) = self.s.injects.iter().find(|i| i.id == id) else { return };
        if inject.trigger != crate::scenario::Trigger::Facilitator {
            let d = self.error("course-inject-trigger", format!("inject `{id}` fires by itself"), path);
            d.label = "not a `Facilitator` inject".into();
            d.help = Some(format!(
                "the course can fire only injects with `trigger: Facilitator`; give `{id}` that trigger, or drop it here"
            ));
        }
    }

    pub(super) fn var(&mut self, var: &Var, at: &[Seg]) {
        let p = |i: usize| -> Vec<Seg> {
            let mut p = at.to_vec();
            p.push(Seg::Index(i));
            p
        };
        match var {
            Var::Stage(d) | Var::WayOut(d) | Var::Enticement(d) => {
                self.reference(d, Want::Dyad, &p(0));
            }
            Var::Arms(d, a) | Var::Grievance(d, a) | Var::Hurt(d, a) | Var::WinBelief(d, a) => {
                if self.reference(d, Want::Dyad, &p(0)) {
                    self.side(d, a, &p(1));
                }
            }
            Var::Trust(party, third) => {
                self.reference(party, Want::Actor, &p(0));
                self.reference(third, Want::Actor, &p(1));
            }
            Var::Spoiler(a) | Var::DomesticPressure(a) | Var::Leverage(a) => {
                self.reference(a, Want::Actor, &p(0));
            }
            Var::DisputeDeaths(d) => {
                self.reference(d, Want::Dyad, &p(0));
            }
            Var::PublicPressure | Var::Coherence | Var::Deaths | Var::Displaced | Var::RecentDeaths(_) => {}
        }
    }

    pub(super) fn condition(&mut self, cond: &Condition, at: &[Seg]) {
        let p = |i: usize| -> Vec<Seg> {
            let mut p = at.to_vec();
            p.push(Seg::Index(i));
            p
        };
        match cond {
            Condition::Always | Condition::FromTurn(_) => {}
            Condition::AtLeast(v, _) | Condition::AtMost(v, _) => self.var(v, &p(0)),
            Condition::Happened(e) => self.event(e, &p(0)),
            Condition::All(list) | Condition::Any(list) => {
                for (i, c) in list.iter().enumerate() {
                    let mut q = p(0);
                    q.push(Seg::Index(i));
                    self.condition(c, &q);
                }
            }
            Condition::Not(c) => self.condition(c, &p(0)),
        }
    }

    fn event(&mut self, event: &Event, at: &[Seg]) {
        let mut p = at.to_vec();
        p.push(Seg::Index(0));
        let (id, want) = match event {
            Event::AgreementSigned(d)
            | Event::Ceasefire(d)
            | Event::ObserversDeployed(d)
            | Event::PeaceOperation(d)
            | Event::RegionalForceDeployed(d)
            | Event::InquirySetUp(d)
            | Event::InquiryReported(d)
            | Event::ProvisionalMeasures(d) => (d, Want::Dyad),
            Event::ResolutionAdopted(b) | Event::Vetoed(b) | Event::Seized(b) | Event::RegionalForceAuthorised(b) => {
                (b, Want::Body)
            }
            Event::Sanctioned(a) | Event::SanctionsLifted(a) => (a, Want::Actor),
            Event::InjectFired(i) => (i, Want::Inject),
        };
        self.reference(id, want, &p);
    }

    pub(super) fn order(&mut self, order: &OrderSpec, at: &[Seg]) {
        let p = |field: &'static str| -> Vec<Seg> {
            let mut p = at.to_vec();
            p.push(Seg::Field(field));
            p
        };
        self.reference(&order.actor, Want::Actor, &p("actor"));
        if let Some(target) = &order.target {
            let mut q = p("target");
            q.push(Seg::Index(0));
            let want = match target {
                Target::Actor(_) => Want::Actor,
                Target::Body(_) => Want::Body,
                Target::Dyad(_) => Want::Dyad,
            };
            self.reference(&target.id(), want, &q);
        }
        if let Some(with) = &order.with {
            self.reference(with, Want::Actor, &p("with"));
        }
        if let Some(draft) = &order.draft {
            for (i, content) in draft.contents.iter().enumerate() {
                let binding = matches!(
                    content,
                    DraftContent::Sanctions(..)
                        | DraftContent::LiftSanctions(_)
                        | DraftContent::AuthoriseRegionalForce(_)
                        | DraftContent::IccReferral(_)
                );
                if binding && draft.chapter == Chapter::VI {
                    let mut q = p("draft");
                    q.extend([Seg::Field("contents"), Seg::Index(i)]);
                    let e = self.error("chapter-vii-only", "this measure needs a Chapter VII resolution", &q);
                    e.label = "not possible under Chapter VI".into();
                    e.help = Some("sanctions, authorising force and ICC referrals are Chapter VII measures (Arts 41, 42, 53; Rome Statute Art. 13(b)): write `chapter: VII`".into());
                }
                let mut q = p("draft");
                q.extend([Seg::Field("contents"), Seg::Index(i), Seg::Index(0)]);
                let (id, want) = match content {
                    DraftContent::Ceasefire(d)
                    | DraftContent::CommissionOfInquiry(d)
                    | DraftContent::Observers(d, _)
                    | DraftContent::PeaceOperation(d, _)
                    | DraftContent::RenewMandate(d, _)
                    | DraftContent::FinanceOperation(d)
                    | DraftContent::IccReferral(d) => (d, Want::Dyad),
                    DraftContent::Mandate(m) => {
                        q.push(Seg::Field("dyad"));
                        (&m.dyad, Want::Dyad)
                    }
                    DraftContent::EndorseRegional(b) | DraftContent::AuthoriseRegionalForce(b) => (b, Want::Body),
                    DraftContent::Sanctions(a, _) | DraftContent::LiftSanctions(a) => (a, Want::Actor),
                };
                self.reference(id, want, &q);
            }
        }
    }
}

pub(super) fn check(c: &mut Checker) {
    let s = c.s;
    for (ai, a) in s.actors.iter().enumerate() {
        for (ti, (other, _)) in a.ties.iter().enumerate() {
            if a.ties[..ti].iter().any(|(o, _)| o == other) {
                c.error(
                    "duplicate-entry",
                    format!("`{}` has two ties to `{other}`", a.id),
                    &path!["actors", ai, "ties", ti],
                )
                .help = Some("keep one value".into());
            }
            if c.reference(other, Want::Actor, &path!["actors", ai, "ties", ti, 0]) && *other == a.id {
                c.error(
                    "self-reference",
                    format!("`{}` has a tie to itself", a.id),
                    &path!["actors", ai, "ties", ti, 0],
                )
                .help = Some("ties describe relations with other actors; remove this one".into());
            }
        }
        for (oi, o) in a.objectives.iter().enumerate() {
            c.condition(&o.goal, &path!["actors", ai, "objectives", oi, "goal"]);
        }
    }
    for (bi, b) in s.bodies.iter().enumerate() {
        if let Some(r) = &b.represented_by {
            c.reference(r, Want::Actor, &path!["bodies", bi, "represented_by"]);
        }
        let (list_field, members): (&'static str, &Vec<crate::scenario::Id>) = match &b.kind {
            BodyKind::SecurityCouncil { members, .. } => ("members", members),
            BodyKind::GeneralAssembly { members, .. } => ("members", members),
            BodyKind::Regional { members, .. } => ("members", members),
            BodyKind::Court { jurisdiction, .. } => ("jurisdiction", jurisdiction),
        };
        for (mi, m) in members.iter().enumerate() {
            c.reference(m, Want::Actor, &path!["bodies", bi, "kind", list_field, mi]);
        }
    }
    for (di, d) in s.conflict.dyads.iter().enumerate() {
        c.reference(&d.sides.0, Want::Actor, &path!["conflict", "dyads", di, "sides", 0]);
        c.reference(&d.sides.1, Want::Actor, &path!["conflict", "dyads", di, "sides", 1]);
        if d.sides.0 == d.sides.1 {
            c.error(
                "same-sides",
                format!("dyad `{}` has `{}` on both sides", d.id, d.sides.0),
                &path!["conflict", "dyads", di, "sides"],
            )
            .help = Some("a dyad is a dispute between two different actors".into());
        }
    }
    for (ti, t) in s.conflict.trust.iter().enumerate() {
        let p = path!["conflict", "trust", ti];
        if t.party == t.third {
            c.error("self-reference", format!("`{}` is given trust in itself", t.party), &p).help =
                Some("trust links a party to a third party; remove this one".into());
        }
        if s.conflict.trust[..ti].iter().any(|u| u.party == t.party && u.third == t.third) {
            c.error("duplicate-entry", format!("trust of `{}` in `{}` is given twice", t.party, t.third), &p).help =
                Some("keep one value".into());
        }
        if c.reference(&t.party, Want::Actor, &path!["conflict", "trust", ti, "party"])
            && !s.conflict.dyads.iter().any(|d| d.side_of(&t.party).is_some())
        {
            c.error(
                "not-a-party",
                format!("`{}` is not a side of any dyad", t.party),
                &path!["conflict", "trust", ti, "party"],
            )
            .help = Some("trust is held by the parties to a dispute; name a side of a dyad".into());
        }
        c.reference(&t.third, Want::Actor, &path!["conflict", "trust", ti, "third"]);
    }
    for (si, sp) in s.conflict.spoilers.iter().enumerate() {
        c.reference(&sp.actor, Want::Actor, &path!["conflict", "spoilers", si, "actor"]);
        c.reference(&sp.dyad, Want::Dyad, &path!["conflict", "spoilers", si, "dyad"]);
        if s.conflict.spoilers[..si].iter().any(|x| x.actor == sp.actor && x.dyad == sp.dyad) {
            c.error(
                "duplicate-entry",
                format!("`{}` is listed twice as a spoiler of `{}`", sp.actor, sp.dyad),
                &path!["conflict", "spoilers", si],
            )
            .help = Some("keep one entry, with one strength".into());
        }
    }
    for (ri, r) in s.conflict.sanctions.iter().enumerate() {
        c.reference(&r.target, Want::Actor, &path!["conflict", "sanctions", ri, "target"]);
        // Imposed by the Security Council, or by an actor that may sanction on its own.
        let council = s.body(r.imposed_by).is_some_and(|b| b.is_council());
        let state = s.actor(r.imposed_by).is_some_and(|a| a.holds(crate::scenario::ToolKind::UnilateralSanctions));
        if !council && !state {
            c.error(
                "bad-sanctions",
                format!("`{}` cannot have imposed sanctions", r.imposed_by),
                &path!["conflict", "sanctions", ri, "imposed_by"],
            )
            .help = Some("name the Security Council's body id, or an actor that holds `UnilateralSanctions`".into());
        }
        if s.conflict.sanctions[..ri]
            .iter()
            .any(|x| (x.target, x.kind, x.imposed_by) == (r.target, r.kind, r.imposed_by))
        {
            c.error(
                "duplicate-entry",
                format!("the same sanctions on `{}` are listed twice", r.target),
                &path!["conflict", "sanctions", ri],
            )
            .help = Some("keep one entry for each kind and imposer".into());
        }
    }
    for (ii, inject) in s.injects.iter().enumerate() {
        if let Trigger::When(cond) = &inject.trigger {
            c.condition(cond, &path!["injects", ii, "trigger", 0]);
        }
        for (ei, e) in inject.effects.iter().enumerate() {
            let at = |i: usize| path!["injects", ii, "effects", ei, i];
            match e {
                EffectSpec::Shift(v, _) | EffectSpec::Set(v, _) => c.var(v, &at(0)),
                EffectSpec::AcceptsMediation(d, a, _) | EffectSpec::AcceptsObservers(d, a, _) => {
                    if c.reference(d, Want::Dyad, &at(0)) {
                        c.side(d, a, &at(1));
                    }
                }
                EffectSpec::BreakCeasefire(d) => {
                    c.reference(d, Want::Dyad, &at(0));
                }
            }
        }
        for (si, src) in inject.sources.iter().enumerate() {
            c.reference(src, Want::Source, &path!["injects", ii, "sources", si]);
        }
    }
    for (ri, r) in s.ending.stop_when.iter().enumerate() {
        c.condition(&r.when, &path!["ending", "stop_when", ri, "when"]);
    }
    for (oi, o) in s.ending.outcomes.iter().enumerate() {
        c.condition(&o.when, &path!["ending", "outcomes", oi, "when"]);
    }
    for (ti, turn) in s.historical_course.iter().enumerate() {
        for (oi, order) in turn.orders.iter().enumerate() {
            c.order(order, &path!["historical_course", ti, "orders", oi]);
        }
        for (si, src) in turn.sources.iter().enumerate() {
            c.reference(src, Want::Source, &path!["historical_course", ti, "sources", si]);
        }
        for (ii, id) in turn.injects.iter().enumerate() {
            c.course_inject(id, &path!["historical_course", ti, "injects", ii]);
        }
    }
}
