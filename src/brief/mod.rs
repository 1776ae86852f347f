//! Printable briefings: the public situation everyone reads, and each role's private sheet.

use std::fmt::Write;

use crate::model::glasl::{phase_name, stage_name};
use crate::scenario::schema::{Actor, ActorKind, BodyKind, Scenario};
use crate::scenario::validate::parse_date;

/// The public situation report: the crisis, the parties, the actors and the bodies.
pub fn public_sheet(s: &Scenario) -> String {
    let m = &s.meta;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", m.title);
    let kind = if m.fictional {
        "A fictional scenario".to_string()
    } else {
        format!("A historical scenario from {}", pretty_date(&m.start_date))
    };
    let _ = writeln!(
        out,
        "*{kind}. {} turns of {} day{} each.*\n",
        m.turns,
        m.turn_length.days(),
        if m.turn_length.days() == 1 { "" } else { "s" }
    );
    let _ = writeln!(out, "## The situation\n\n{}\n", m.summary.trim());
    let _ = writeln!(out, "## The dispute\n");
    for d in &s.conflict.dyads {
        let name = |id: &str| s.actor(id).map_or(id.to_string(), |a| a.name.clone());
        let _ = writeln!(
            out,
            "- **{}** — {} and {}; about {}. Escalation: stage {} of 9, *{}* ({}).",
            d.name,
            name(&d.sides.0),
            name(&d.sides.1),
            format!("{:?}", d.issue).to_lowercase(),
            d.stage,
            stage_name(d.stage),
            phase_name(d.stage)
        );
    }
    let t = &s.conflict.toll;
    let _ = writeln!(out, "\nToll so far: {} dead, {} displaced.\n", t.deaths, t.displaced);
    let _ = writeln!(out, "## Who is involved\n\n| Actor | Kind | In public |\n|---|---|---|");
    for a in &s.actors {
        let _ = writeln!(out, "| {} | {} | {} |", a.name, kind_name(a), one_line(&a.public_profile));
    }
    if !s.bodies.is_empty() {
        let _ = writeln!(out, "\n## Bodies\n");
        for b in &s.bodies {
            let names = |ids: &[String]| {
                ids.iter().map(|id| s.actor(id).map_or(id.clone(), |a| a.name.clone())).collect::<Vec<_>>().join(", ")
            };
            let detail = match &b.kind {
                BodyKind::SecurityCouncil { members, permanent, .. } => {
                    format!("15 members; permanent: {}. Members: {}.", names(permanent), names(members))
                }
                BodyKind::GeneralAssembly { size, .. } => format!("{size} member states."),
                BodyKind::Regional { members, decision, chair } => {
                    let chair = chair
                        .as_ref()
                        .map(|c| format!(" Chair: {}.", names(std::slice::from_ref(c))))
                        .unwrap_or_default();
                    format!("Members: {}. Decides by {decision:?}.{chair}", names(members))
                }
                BodyKind::Court { court, jurisdiction } => {
                    format!("{court:?}; jurisdiction accepted by {}.", names(jurisdiction))
                }
            };
            let _ = writeln!(out, "- **{}** — {detail}", b.name);
        }
    }
    out
}

/// The private role sheet of one actor.
pub fn role_sheet(s: &Scenario, actor_id: &str) -> String {
    let Some(a) = s.actor(actor_id) else { return String::new() };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} — role sheet\n\n*{} · {} · private: for this group only*\n",
        a.name,
        s.meta.title,
        kind_name(a)
    );
    if !a.public_profile.is_empty() {
        let _ = writeln!(out, "**In public:** {}\n", a.public_profile.trim());
    }
    let _ = writeln!(
        out,
        "## Your situation\n\n{}\n",
        if a.briefing.trim().is_empty() { "(No private briefing.)" } else { a.briefing.trim() }
    );
    if !a.objectives.is_empty() {
        let _ = writeln!(out, "## Your objectives\n");
        for o in &a.objectives {
            let _ = writeln!(out, "- {} *({} point{})*", o.text, o.points, if o.points == 1 { "" } else { "s" });
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## Your tools\n");
    for t in &a.tools {
        let _ = writeln!(out, "- **{:?}** — {}", t, t.explanation());
    }
    let bodies = s.memberships(&a.id);
    if !bodies.is_empty() {
        let _ = writeln!(out, "\n## Your seats\n");
        for b in bodies {
            let permanent = matches!(&b.kind, BodyKind::SecurityCouncil { permanent, .. } if permanent.contains(&a.id));
            let _ = writeln!(
                out,
                "- {}{}",
                b.name,
                if permanent { " (permanent member: your negative vote is a veto)" } else { "" }
            );
        }
    }
    out
}

fn kind_name(a: &Actor) -> &'static str {
    match a.kind {
        ActorKind::State => "State",
        ActorKind::ConflictParty => "Party to the conflict",
        ActorKind::RegionalOrganisation => "Regional organisation",
        ActorKind::SecretaryGeneral => "UN Secretary-General",
        ActorKind::UnDepartment => "UN department",
        ActorKind::Envoy => "Envoy or mediation panel",
        ActorKind::NgoMediator => "NGO mediator",
        ActorKind::CivilSociety => "Civil society",
        ActorKind::ArmedGroup => "Armed group",
        ActorKind::Court => "Court",
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").replace('|', "/")
}

/// "4 February 2011" from "2011-02-04".
pub fn pretty_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match parse_date(iso) {
        Some((y, m, d)) => format!("{d} {} {y}", MONTHS[m as usize - 1]),
        None => iso.to_string(),
    }
}
