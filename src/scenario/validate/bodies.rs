//! The Charter's fixed composition rules for bodies.

use super::Checker;
use crate::path;
use crate::scenario::schema::{ActorKind, BodyKind};

pub(super) fn check(c: &mut Checker) {
    let s = c.s;
    let councils: Vec<usize> = s.bodies.iter().enumerate().filter(|(_, b)| b.is_council()).map(|(i, _)| i).collect();
    for &extra in councils.iter().skip(1) {
        c.error("duplicate-body", "there can be only one Security Council", &path!["bodies", extra, "kind"]).help =
            Some("keep one `SecurityCouncil` body".into());
    }
    let assemblies: Vec<usize> = s
        .bodies
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b.kind, BodyKind::GeneralAssembly { .. }))
        .map(|(i, _)| i)
        .collect();
    for &extra in assemblies.iter().skip(1) {
        c.error("duplicate-body", "there can be only one General Assembly", &path!["bodies", extra, "kind"]).help =
            Some("keep one `GeneralAssembly` body".into());
    }
    for (bi, b) in s.bodies.iter().enumerate() {
        let members: Vec<&str> = b.member_ids().collect();
        for (mi, m) in members.iter().enumerate() {
            if members[..mi].contains(m) {
                let field = if matches!(b.kind, BodyKind::Court { .. }) { "jurisdiction" } else { "members" };
                c.error(
                    "duplicate-member",
                    format!("`{m}` is listed twice in `{}`", b.id),
                    &path!["bodies", bi, "kind", field, mi],
                )
                .help = Some("list each member once".into());
            }
        }
        match &b.kind {
            BodyKind::SecurityCouncil { members, permanent, presidency } => {
                if members.len() != 15 {
                    let d = c.error(
                        "council-size",
                        format!("the Security Council has {} members listed; it has 15", members.len()),
                        &path!["bodies", bi, "kind", "members"],
                    );
                    d.label = format!("{} members", members.len());
                    d.help = Some("list all fifteen: the five permanent members and the ten elected for the year (Charter Art. 23)".into());
                }
                if permanent.len() != 5 {
                    c.error(
                        "council-permanent",
                        match permanent.len() {
                            1 => "only 1 permanent member is listed; the Charter has five".to_string(),
                            n => format!("{n} permanent members are listed; the Charter has five"),
                        },
                        &path!["bodies", bi, "kind", "permanent"],
                    )
                    .help = Some(
                        "list China, France, Russia, the United Kingdom and the United States by their actor ids"
                            .into(),
                    );
                }
                for (pi, p) in permanent.iter().enumerate() {
                    if permanent[..pi].contains(p) {
                        c.error(
                            "duplicate-member",
                            format!("`{p}` is listed twice as a permanent member"),
                            &path!["bodies", bi, "kind", "permanent", pi],
                        )
                        .help = Some("list each permanent member once".into());
                    } else if !members.contains(p) {
                        c.error(
                            "council-permanent",
                            format!("permanent member `{p}` is not among the Council's members"),
                            &path!["bodies", bi, "kind", "permanent", pi],
                        )
                        .help = Some(format!("add `{p}` to `members`"));
                    }
                }
                if presidency.is_empty() {
                    c.error(
                        "council-presidency",
                        "the Council's presidency is not given",
                        &path!["bodies", bi, "kind", "presidency"],
                    )
                    .help = Some("write `presidency: [(1, \"member-id\")]` with the member presiding at turn 1".into());
                }
                let mut previous = 0;
                for (pi, (turn, member)) in presidency.iter().enumerate() {
                    let p = path!["bodies", bi, "kind", "presidency", pi];
                    if pi == 0 && *turn != 1 {
                        let mut q = p.to_vec();
                        q.push(0.into());
                        c.error(
                            "council-presidency",
                            format!("the presidency starts at turn {turn}, not turn 1"),
                            &q,
                        )
                        .help = Some("the first entry says who presides at turn 1".into());
                    } else if pi > 0 && (*turn <= previous || *turn > s.meta.turns) {
                        let mut q = p.to_vec();
                        q.push(0.into());
                        c.error(
                            "council-presidency",
                            format!("presidency change at turn {turn} is out of order or after the last turn"),
                            &q,
                        )
                        .help = Some(format!("list changes in increasing turn order, up to turn {}", s.meta.turns));
                    }
                    previous = *turn;
                    if !members.iter().any(|m| m == member) {
                        let mut q = p.to_vec();
                        q.push(1.into());
                        c.error("council-presidency", format!("`{member}` presides but is not a Council member"), &q)
                            .help = Some("the presidency rotates among the fifteen members".into());
                    }
                }
                states_only(c, bi, members, "sits on the Council");
            }
            BodyKind::Regional { members, chair: Some(chair), .. } if !members.contains(chair) => {
                c.error(
                    "chair-not-member",
                    format!("chair `{chair}` is not a member of `{}`", b.id),
                    &path!["bodies", bi, "kind", "chair"],
                )
                .help = Some(format!("add `{chair}` to the members, or name a member as chair"));
            }
            BodyKind::GeneralAssembly { members, .. } => states_only(c, bi, members, "is listed in the Assembly"),
            _ => {}
        }
    }
}

/// Only UN member states sit on the Council and in the Assembly.
fn states_only(c: &mut Checker, body: usize, members: &[crate::scenario::Id], seat: &str) {
    for (mi, m) in members.iter().enumerate() {
        if let Some(a) = c.s.actor(m)
            && a.kind != ActorKind::State
        {
            c.error(
                "not-a-state",
                format!("`{m}` {seat} but is not a state"),
                &path!["bodies", body, "kind", "members", mi],
            )
            .help = Some("only UN member states have these seats: give it `kind: State`".into());
        }
    }
}
