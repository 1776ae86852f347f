//! The private role sheet of one actor: what everyone knows, what only this group knows, what it
//! wants, what it can do, and where it sits.

use super::doc::{Line, Sheet, em, strong, text};
use super::public::{dyad_line, plural, scenario_line};
use super::words::{Words, number, tool_name};
use super::{has_briefing, kind_name, without_briefing};
use crate::scenario::schema::{Actor, BodyKind, Objective, Scenario};

/// The private role sheet of one actor; `None` when the scenario has no such actor.
pub fn role(s: &Scenario, actor_id: &str) -> Option<Sheet> {
    let a = s.actor(actor_id)?;
    let words = Words::new(s);
    let mut sheet = Sheet::new(format!("{} — role sheet", a.name), &s.meta.language);
    sheet.note(vec![text(format!("{} · {} · private: for this group only", s.meta.title, kind_name(a.kind)))]);
    // Said at the top, not only under "Your situation": the facilitator handing the sheet out and the
    // group reading it should both see at once that there are no secret instructions.
    if !has_briefing(a) {
        sheet.para(vec![
            strong("No private briefing."),
            text(format!(" This role has no secret instructions: its group gets only {}.", without_briefing(a))),
        ]);
    }
    if !a.public_profile.trim().is_empty() {
        sheet.para(vec![strong("In public:"), text(format!(" {}", a.public_profile.trim()))]);
    }

    sheet.h2("What everyone knows");
    sheet.note(vec![text(format!("{}.", scenario_line(s)))]);
    sheet.prose(&s.meta.summary);
    sheet.bullets(s.conflict.dyads.iter().map(|d| dyad_line(s, d)).collect());

    sheet.h2("Your situation");
    if !has_briefing(a) {
        sheet.para(vec![em("No private briefing: play this role from the public situation above and what follows.")]);
    } else {
        sheet.prose(&a.briefing);
    }

    if !a.objectives.is_empty() {
        sheet.h2("Your objectives");
        let total: u32 = a.objectives.iter().map(|o| o.points).sum();
        sheet.note(vec![text(format!(
            "Each is checked at the end of the game; together they are worth {total} point{}.",
            plural(total)
        ))]);
        sheet.bullets(a.objectives.iter().map(|o| objective_line(&words, o)).collect());
    }

    sheet.h2("Your tools");
    if a.tools.is_empty() {
        sheet.para(vec![text("(None: this seat only watches.)")]);
    } else {
        sheet.bullets(a.tools_in_hand().map(|t| tool_line(a, t)).collect());
    }

    let bodies = s.memberships(&a.id);
    if !bodies.is_empty() {
        sheet.h2("Your seats");
        let items = bodies
            .iter()
            .map(|b| {
                let mut notes = Vec::new();
                if let BodyKind::SecurityCouncil { permanent, presidency, .. } = &b.kind {
                    if permanent.contains(&a.id) {
                        notes.push("permanent member: your negative vote is a veto".to_string());
                    }
                    notes.extend(presidency_turns(presidency, s.meta.turns, &a.id));
                }
                if matches!(&b.kind, BodyKind::Regional { chair: Some(c), .. } if c == a.id) {
                    notes.push("you chair it".to_string());
                }
                let mut line = vec![text(b.name.clone())];
                if !notes.is_empty() {
                    line.push(text(format!(" ({})", notes.join("; "))));
                }
                line
            })
            .collect();
        sheet.bullets(items);
    }
    let speaks_for: Vec<&str> =
        s.bodies.iter().filter(|b| b.represented_by.as_deref() == Some(&a.id)).map(|b| b.name.as_str()).collect();
    if !speaks_for.is_empty() {
        sheet.para(vec![strong("You speak for:"), text(format!(" {}.", speaks_for.join(", ")))]);
    }
    Some(sheet)
}

/// "Sign a deal. (3 points) — checked at the end of the game: an agreement on ... is signed."
pub fn objective_line(words: &Words, o: &Objective) -> Line {
    vec![
        text(format!("{} ", o.text.trim())),
        em(format!("({} point{})", o.points, plural(o.points))),
        text(format!(" — checked at the end of the game: {}.", words.condition(&o.goal))),
    ]
}

fn tool_line(a: &Actor, t: crate::scenario::schema::ToolKind) -> Line {
    // The debrief's words for the tool, never its id: the group meets the same name on every page.
    let mut line = vec![strong(tool_name(t)), text(format!(" — {}", t.explanation()))];
    if let Some(p) = a.tool_params.iter().find(|p| p.tool == t) {
        let mut extra = Vec::new();
        if let Some(n) = p.max_uses {
            extra.push(format!("at most {n} time{} in this game", plural(n)));
        }
        if p.potency > 1.0 {
            extra.push(format!("stronger than usual (×{})", number(p.potency)));
        } else if p.potency < 1.0 {
            extra.push(format!("weaker than usual (×{})", number(p.potency)));
        }
        if !extra.is_empty() {
            line.push(em(format!(" ({})", extra.join("; "))));
        }
    }
    line
}

/// "you preside from turn 3 to turn 4" for each stretch of the presidency an actor holds.
pub fn presidency_turns(presidency: &[(u32, String)], turns: u32, actor: &str) -> Vec<String> {
    presidency_stretches(presidency, turns)
        .into_iter()
        .filter(|(_, _, who)| *who == actor)
        .map(|(from, to, _)| {
            if from == to {
                format!("you preside in turn {from}")
            } else {
                format!("you preside in turns {from}–{to}")
            }
        })
        .collect()
}

/// `(first turn, last turn, president)` for each entry of a presidency list, in turn order.
pub fn presidency_stretches(presidency: &[(u32, String)], turns: u32) -> Vec<(u32, u32, &str)> {
    let mut sorted: Vec<&(u32, String)> = presidency.iter().collect();
    sorted.sort_by_key(|(from, _)| *from);
    let mut out = Vec::new();
    for (i, (from, who)) in sorted.iter().enumerate() {
        if *from > turns {
            break;
        }
        let to = sorted.get(i + 1).map_or(turns, |(next, _)| next.saturating_sub(1).min(turns));
        if to >= *from {
            out.push((*from, to, who.as_str()));
        }
    }
    out
}
