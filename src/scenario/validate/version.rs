//! The format version: a file says which version it is written in, and a version-1 file may not use
//! what version 2 added, so that an engine reading only version 1 refuses a newer file by its
//! version number instead of misreading it.

use super::Checker;
use crate::path;
use crate::scenario::schema::{
    Condition, DraftContent, EffectSpec, Event, FORMAT_VERSION, OLDEST_FORMAT_VERSION, RuleParams, ToolKind, Trigger,
    Var,
};
use crate::scenario::spans::Seg;

pub(super) fn check(c: &mut Checker) {
    let found = c.s.format;
    if !(OLDEST_FORMAT_VERSION..=FORMAT_VERSION).contains(&found) {
        let d = c.error("format-version", format!("unsupported format version {found}"), &path!["format"]);
        d.label = format!("this engine reads formats {OLDEST_FORMAT_VERSION} to {FORMAT_VERSION}");
        d.help = Some(format!("write `format: {FORMAT_VERSION}`; see docs/scenario-format.md"));
        return;
    }
    if found == 1 {
        for (what, at) in newer_features(c) {
            let d = c.error("format-version", format!("{what} is new in format 2, but the file says `format: 1`"), &at);
            d.label = "format 2".into();
            d.help =
                Some("write `format: 2` at the top of the file (format 2 reads every format-1 file as it was)".into());
        }
    }
}

/// Where the file uses something version 2 added, with its name.
fn newer_features(c: &Checker) -> Vec<(String, Vec<Seg>)> {
    let s = c.s;
    let mut found = Vec::new();
    if !s.meta.turn_length_changes.is_empty() {
        found.push(("`turn_length_changes`".to_string(), path!["meta", "turn_length_changes"].to_vec()));
    }
    for (ai, a) in s.actors.iter().enumerate() {
        for newer in [ToolKind::LiftSanctions, ToolKind::DeployRegionalForce, ToolKind::SuspendTalks] {
            if let Some(ti) = a.tools.iter().position(|t| *t == newer) {
                found.push((format!("the tool `{newer:?}`"), path!["actors", ai, "tools", ti].to_vec()));
            }
        }
        for (oi, o) in a.objectives.iter().enumerate() {
            in_condition(&o.goal, path!["actors", ai, "objectives", oi, "goal"].to_vec(), &mut found);
        }
    }
    for (ii, inject) in s.injects.iter().enumerate() {
        if let Trigger::When(cond) = &inject.trigger {
            in_condition(cond, path!["injects", ii, "trigger", 0].to_vec(), &mut found);
        }
        for (ei, e) in inject.effects.iter().enumerate() {
            let at = path!["injects", ii, "effects", ei].to_vec();
            match e {
                EffectSpec::Shift(v, _) | EffectSpec::Set(v, _) => in_var(v, at, &mut found),
                EffectSpec::AcceptsMediation(..) => found.push(("the effect `AcceptsMediation`".into(), at)),
                EffectSpec::AcceptsObservers(..) => found.push(("the effect `AcceptsObservers`".into(), at)),
                EffectSpec::BreakCeasefire(_) => found.push(("the effect `BreakCeasefire`".into(), at)),
            }
        }
    }
    for (ri, r) in s.ending.stop_when.iter().enumerate() {
        in_condition(&r.when, path!["ending", "stop_when", ri, "when"].to_vec(), &mut found);
    }
    for (oi, o) in s.ending.outcomes.iter().enumerate() {
        in_condition(&o.when, path!["ending", "outcomes", oi, "when"].to_vec(), &mut found);
    }
    for (ti, t) in s.historical_course.iter().enumerate() {
        for (oi, o) in t.orders.iter().enumerate() {
            let at = path!["historical_course", ti, "orders", oi].to_vec();
            if matches!(o.tool, ToolKind::LiftSanctions | ToolKind::DeployRegionalForce | ToolKind::SuspendTalks) {
                found.push((format!("the tool `{:?}`", o.tool), at));
            } else if let Some(name) = o.draft.as_ref().and_then(|d| d.contents.iter().find_map(newer_content)) {
                found.push((format!("the draft content `{name}`"), at));
            }
        }
        if !t.injects.is_empty() {
            found.push((
                "`injects` in the historical course".into(),
                path!["historical_course", ti, "injects"].to_vec(),
            ));
        }
    }
    if !s.conflict.sanctions.is_empty() {
        found.push(("`sanctions` in force at the start".into(), path!["conflict", "sanctions"].to_vec()));
    }
    if s.rules.ceasefire_breakdown != RuleParams::default().ceasefire_breakdown {
        found.push(("`ceasefire_breakdown`".into(), path!["rules", "ceasefire_breakdown"].to_vec()));
    }
    found
}

/// The name of a draft content version 2 added, if `c` is one.
fn newer_content(c: &DraftContent) -> Option<&'static str> {
    match c {
        DraftContent::LiftSanctions(_) => Some("LiftSanctions"),
        DraftContent::Mandate(_) => Some("Mandate"),
        DraftContent::RenewMandate(..) => Some("RenewMandate"),
        DraftContent::FinanceOperation(_) => Some("FinanceOperation"),
        _ => None,
    }
}

fn in_condition(cond: &Condition, at: Vec<Seg>, found: &mut Vec<(String, Vec<Seg>)>) {
    let child = |i: usize| {
        let mut p = at.clone();
        p.push(Seg::Index(i));
        p
    };
    match cond {
        Condition::AtLeast(v, _) | Condition::AtMost(v, _) => in_var(v, child(0), found),
        Condition::All(list) | Condition::Any(list) => {
            for (i, c) in list.iter().enumerate() {
                let mut p = child(0);
                p.push(Seg::Index(i));
                in_condition(c, p, found);
            }
        }
        Condition::Not(c) => in_condition(c, child(0), found),
        Condition::Happened(
            e @ (Event::SanctionsLifted(_)
            | Event::RegionalForceAuthorised(_)
            | Event::RegionalForceDeployed(_)
            | Event::InquirySetUp(_)
            | Event::InquiryReported(_)),
        ) => {
            let name = format!("{e:?}");
            let name = name.split('(').next().unwrap_or_default();
            found.push((format!("the event `{name}`"), at))
        }
        Condition::Always | Condition::Happened(_) | Condition::FromTurn(_) => {}
    }
}

fn in_var(v: &Var, at: Vec<Seg>, found: &mut Vec<(String, Vec<Seg>)>) {
    match v {
        Var::DisputeDeaths(_) => found.push(("the variable `DisputeDeaths`".into(), at)),
        Var::RecentDeaths(_) => found.push(("the variable `RecentDeaths`".into(), at)),
        _ => {}
    }
}
