//! The facilitator's sheet: every role, the bodies, the starting numbers, every inject, the
//! historical course, how the game ends, and the discussion questions.

use super::doc::{Line, Sheet, Span, code, em, strong, text};
use super::public::{court_name, decision_name, dyad_line, plural, scenario_line, toll_line};
use super::role::{objective_line, presidency_stretches};
use super::words::{Words, bot_policy, capitalise, number};
use super::{has_briefing, has_role_detail, issue_name, kind_name, names, without_briefing};
use crate::model::glasl::{phase_name, stage_name};
use crate::scenario::schema::{Body, BodyKind, BotPolicy, Condition, Dyad, Scenario};

/// The facilitator's sheet.
pub fn facilitator(s: &Scenario) -> Sheet {
    let words = Words::new(s);
    let m = &s.meta;
    let mut sheet = Sheet::new(format!("{} — facilitator's sheet", m.title), &m.language);
    sheet.note(vec![text(format!(
        "{}. For the facilitator only: this sheet holds every role's secrets and what really happened.",
        scenario_line(s)
    ))]);

    sheet.h2("The situation");
    sheet.prose(&m.summary);
    sheet.bullets(s.conflict.dyads.iter().map(|d| dyad_line(s, d)).collect());
    if !m.historical_note.trim().is_empty() {
        sheet.h2("What really happened");
        sheet.prose(&m.historical_note);
    }

    sheet.page_break();
    roles(&mut sheet, s, &words);

    if !s.bodies.is_empty() {
        sheet.page_break();
        sheet.h2("Bodies");
        for b in &s.bodies {
            body(&mut sheet, s, b);
        }
    }

    sheet.page_break();
    starting_numbers(&mut sheet, s);

    sheet.page_break();
    sheet.h2("Injects");
    if s.injects.is_empty() {
        sheet.para(vec![text("This scenario has no scripted injects.")]);
    }
    for i in &s.injects {
        sheet.h3(i.title.clone());
        sheet.para(vec![
            strong("Id:"),
            text(" "),
            code(i.id),
            text(" · "),
            strong("Fires:"),
            text(format!(" {}.", words.trigger(&i.trigger))),
        ]);
        sheet.prose(&i.text);
        if !i.effects.is_empty() {
            sheet.para(vec![strong("Effects:")]);
            sheet.bullets(i.effects.iter().map(|e| vec![text(format!("{}.", capitalise(&words.effect(e))))]).collect());
        }
        if !i.sources.is_empty() {
            sheet.para(source_ids(&i.sources));
        }
    }

    sheet.page_break();
    sheet.h2("The historical course");
    if s.historical_course.is_empty() {
        sheet.para(vec![text(if m.fictional {
            "This scenario is fictional: there is no real course to compare with."
        } else {
            "The scenario gives no historical course yet."
        })]);
    }
    for t in &s.historical_course {
        sheet.h3(format!("Turn {} — {}", t.turn, t.dates));
        sheet.prose(&t.summary);
        let orders = t
            .orders
            .iter()
            .map(|o| {
                let mut line = vec![text(words.order(o))];
                if !o.note.trim().is_empty() {
                    line.push(text(" — "));
                    line.push(em(o.note.trim()));
                }
                line
            })
            .collect::<Vec<_>>();
        if !orders.is_empty() {
            sheet.para(vec![strong("As orders:")]);
            sheet.bullets(orders);
        }
        if !t.injects.is_empty() {
            let titles = t.injects.iter().map(|id| {
                let title = s.injects.iter().find(|i| i.id == *id).map_or(id.as_str(), |i| i.title.as_str());
                vec![text(format!("“{title}”"))]
            });
            sheet.para(vec![strong("Events of the turn (the course fires these injects):")]);
            sheet.bullets(titles.collect());
        }
        if !t.sources.is_empty() {
            sheet.para(source_ids(&t.sources));
        }
    }

    sheet.page_break();
    sheet.h2("How the game ends");
    let max = m.turns;
    if s.ending.stop_when.is_empty() {
        sheet.para(vec![text(format!("The game runs all {max} turn{}.", plural(max)))]);
    } else {
        sheet.para(vec![text(format!(
            "The game runs {max} turn{} and stops early at the end of the first turn in which one of these holds:",
            plural(max)
        ))]);
        sheet.bullets(
            s.ending
                .stop_when
                .iter()
                .map(|r| vec![text(format!("{} — ", capitalise(&words.condition(&r.when)))), em(r.note.trim())])
                .collect(),
        );
    }
    sheet.para(vec![text("At the end, the first of these outcomes that holds classes the game:")]);
    sheet.numbered(
        s.ending
            .outcomes
            .iter()
            .map(|o| {
                let when = match &o.when {
                    Condition::Always => "in every other case".to_string(),
                    c => format!("when {}", words.condition(c)),
                };
                vec![
                    strong(o.title.clone()),
                    text(" ("),
                    code(o.id.clone()),
                    text(format!("), {when}: {}", o.text.trim())),
                ]
            })
            .collect(),
    );

    if !s.debrief_questions.is_empty() {
        sheet.page_break();
        sheet.h2("Discussion questions");
        sheet.numbered(s.debrief_questions.iter().map(|q| vec![text(q.trim())]).collect());
    }

    if !m.sources.is_empty() {
        sheet.h2("Sources");
        sheet.bullets(
            m.sources
                .iter()
                .map(|src| {
                    let mut line = vec![code(src.id.clone()), text(format!(" — {}", src.citation.trim()))];
                    if let Some(url) = &src.url {
                        line.push(text(" "));
                        line.push(Span::Url(url.clone()));
                    }
                    line
                })
                .collect(),
        );
    }
    sheet
}

fn roles(sheet: &mut Sheet, s: &Scenario, words: &Words) {
    sheet.h2("Roles");
    let rows = s
        .actors
        .iter()
        .filter(|a| has_role_detail(a))
        .map(|a| {
            let points: u32 = a.objectives.iter().map(|o| o.points).sum();
            vec![
                vec![text(a.name.clone())],
                vec![code(a.id)],
                vec![text(kind_name(a.kind))],
                vec![text(format!("{:?}", a.bot))],
                vec![text(if points == 0 { "—".to_string() } else { points.to_string() })],
                vec![text(if has_briefing(a) { "yes" } else { "none" })],
            ]
        })
        .collect();
    sheet.table(&["Role", "Id", "Kind", "Bot if unplayed", "Points", "Private briefing"], rows);
    // Seats with nothing to play (Council or Assembly members that only vote), grouped by kind and bot.
    let mut groups: Vec<((&str, BotPolicy), Vec<&str>)> = Vec::new();
    for a in s.actors.iter().filter(|a| !has_role_detail(a)) {
        let key = (kind_name(a.kind), a.bot);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(a.name.as_str()),
            None => groups.push((key, vec![a.name.as_str()])),
        }
    }
    for ((kind, bot), list) in groups {
        sheet.para(vec![
            strong(format!("Also seated ({kind}, {} in all; bot: {bot:?}):", list.len())),
            text(format!(" {}. No briefing, no objectives, no tools beyond a public statement.", list.join(", "))),
        ]);
    }
    for a in s.actors.iter().filter(|a| has_role_detail(a)) {
        sheet.h3(a.name.clone());
        sheet.para(vec![
            code(a.id),
            text(format!(
                " · {} · if nobody plays it, the bot {} ({:?}).",
                kind_name(a.kind),
                bot_policy(a.bot),
                a.bot
            )),
        ]);
        if !a.public_profile.trim().is_empty() {
            sheet.para(vec![strong("In public:"), text(format!(" {}", a.public_profile.trim()))]);
        }
        if has_briefing(a) {
            sheet.para(vec![strong("Private briefing:")]);
            sheet.prose(&a.briefing);
        } else {
            sheet.para(vec![
                strong("No private briefing:"),
                text(format!(" a group seated here gets only {}.", without_briefing(a))),
            ]);
        }
        if !a.objectives.is_empty() {
            sheet.para(vec![strong("Objectives:")]);
            sheet.bullets(a.objectives.iter().map(|o| objective_line(words, o)).collect());
        }
        if !a.tools.is_empty() {
            // The debrief's words, not the ids: the facilitator reads out the names the groups see.
            let tools: Vec<String> = a.tools.iter().map(|t| crate::names::tool(*t)).collect();
            sheet.para(vec![strong("Tools:"), text(format!(" {}.", tools.join(", ")))]);
        }
        let seats: Vec<&str> = s.memberships(&a.id).iter().map(|b| b.name.as_str()).collect();
        if !seats.is_empty() {
            sheet.para(vec![strong("Seats:"), text(format!(" {}.", seats.join(", ")))]);
        }
        let at = &a.attributes;
        sheet.para(vec![
            strong("Numbers:"),
            text(format!(
                " leverage {}, capacity {}, resources {}, domestic pressure {}, impartiality {}, interventionism {}.",
                number(at.leverage),
                number(at.capacity),
                number(at.resources),
                number(at.domestic_pressure),
                number(at.impartiality),
                number(at.interventionism)
            )),
        ]);
        if !a.ties.is_empty() {
            let ties: Vec<String> = a
                .ties
                .iter()
                .map(|(other, v)| format!("{} {}", names(s, std::slice::from_ref(other)), signed(*v)))
                .collect();
            sheet.para(vec![strong("Ties"), text(format!(" (-100 hostile to 100 close ally): {}.", ties.join(", ")))]);
        }
    }
}

fn body(sheet: &mut Sheet, s: &Scenario, b: &Body) {
    sheet.h3(b.name.clone());
    let mut lines: Vec<Line> = vec![vec![code(b.id)]];
    match &b.kind {
        BodyKind::SecurityCouncil { members, permanent, presidency } => {
            let elected: Vec<crate::scenario::Id> =
                members.iter().filter(|m| !permanent.contains(m)).cloned().collect();
            lines.push(vec![text(format!(
                "The Security Council: votes by Article 27 (nine votes, no veto). Permanent members: {}. Elected: {}.",
                names(s, permanent),
                names(s, &elected)
            ))]);
            let stretches: Vec<String> = presidency_stretches(presidency, s.meta.turns)
                .into_iter()
                .map(|(from, to, who)| {
                    let who = names(s, &[crate::scenario::Id::from(who)]);
                    if from == to { format!("turn {from}: {who}") } else { format!("turns {from}–{to}: {who}") }
                })
                .collect();
            if !stretches.is_empty() {
                lines.push(vec![text(format!("Presidency: {}.", stretches.join("; ")))]);
            }
        }
        BodyKind::GeneralAssembly { size, members, others } => {
            lines.push(vec![text(format!(
                "The General Assembly: {size} members; recommendations need two-thirds of those voting."
            ))]);
            if !members.is_empty() {
                lines.push(vec![text(format!("Members played or voted as actors: {}.", names(s, members)))]);
            }
            lines.push(vec![text(format!(
                "The other members vote {}% yes, {}% no, {}% abstain, {}% absent.",
                number(others.yes),
                number(others.no),
                number(others.abstain),
                number(others.absent)
            ))]);
        }
        BodyKind::Regional { members, decision, chair } => {
            lines.push(vec![text(format!(
                "A regional body. Members: {}. Decides by {}.",
                names(s, members),
                decision_name(*decision)
            ))]);
            if let Some(c) = chair {
                lines.push(vec![text(format!("Chair: {}.", names(s, std::slice::from_ref(c))))]);
            }
        }
        BodyKind::Court { court, jurisdiction } => {
            lines.push(vec![text(format!(
                "{}. Jurisdiction accepted by: {}.",
                court_name(*court),
                if jurisdiction.is_empty() { "nobody".to_string() } else { names(s, jurisdiction) }
            ))]);
        }
    }
    if let Some(r) = &b.represented_by {
        lines.push(vec![text(format!("Speaks through: {}.", names(s, std::slice::from_ref(r))))]);
    }
    sheet.bullets(lines);
}

fn starting_numbers(sheet: &mut Sheet, s: &Scenario) {
    sheet.h2("Starting numbers");
    let c = &s.conflict;
    sheet.para(vec![text(format!(
        "{} International attention (public pressure): {} of 100. Coherence of the third parties: {} of 100.",
        toll_line(s),
        number(c.public_pressure),
        number(c.coherence)
    ))]);
    for d in &c.dyads {
        dyad_numbers(sheet, s, d);
    }
    if !c.trust.is_empty() {
        sheet.h3("Trust in third parties");
        sheet.note(vec![text("0 to 100; pairs not listed start at the third party's impartiality.".to_string())]);
        let rows = c
            .trust
            .iter()
            .map(|t| {
                vec![
                    vec![text(names(s, std::slice::from_ref(&t.party)))],
                    vec![text(names(s, std::slice::from_ref(&t.third)))],
                    vec![text(number(t.value))],
                ]
            })
            .collect();
        sheet.table(&["Party", "Trusts", "Trust"], rows);
    }
    if !c.spoilers.is_empty() {
        sheet.h3("Spoilers");
        sheet.bullets(
            c.spoilers
                .iter()
                .map(|sp| {
                    vec![text(format!(
                        "{} in {}: strength {} of 100.",
                        names(s, std::slice::from_ref(&sp.actor)),
                        Words::new(s).dyad(&sp.dyad),
                        number(sp.strength)
                    ))]
                })
                .collect(),
        );
    }
}

fn dyad_numbers(sheet: &mut Sheet, s: &Scenario, d: &Dyad) {
    sheet.h3(d.name.clone());
    sheet.para(vec![
        code(d.id),
        text(format!(
            " · about {} · stage {} of 9, {} ({}) · a way out seen: {} of 100 · enticing opportunities: {} of 100.",
            issue_name(d.issue),
            d.stage,
            stage_name(d.stage),
            phase_name(d.stage),
            number(d.way_out),
            number(d.enticement)
        )),
    ]);
    let pair = |label: &str, (x, y): (f64, f64)| vec![vec![text(label)], vec![text(number(x))], vec![text(number(y))]];
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    let flags =
        |label: &str, (x, y): (bool, bool)| vec![vec![text(label)], vec![text(yes_no(x))], vec![text(yes_no(y))]];
    let rows = vec![
        pair("Arms: mobilisation (0–100)", d.arms),
        pair("Reaction to the other's arms (0–1)", d.reaction),
        pair("Restraint on its own arms (0–1)", d.restraint),
        pair("Grievance (-20 goodwill to 20)", d.grievance),
        pair("Hurt from the deadlock (0–100)", d.hurt),
        pair("Belief it can win (0–100)", d.win_belief),
        flags("Accepts mediation", d.accepts_mediation),
        flags("Accepts observers", d.accepts_observers),
    ];
    let a = names(s, std::slice::from_ref(&d.sides.0));
    let b = names(s, std::slice::from_ref(&d.sides.1));
    sheet.blocks.push(super::doc::Block::Table { head: vec![String::new(), a, b], rows });
}

fn source_ids(ids: &[String]) -> Line {
    let mut line = vec![em("Sources:"), text(" ")];
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            line.push(text(", "));
        }
        line.push(code(id.clone()));
    }
    line
}

fn signed(v: f64) -> String {
    if v > 0.0 { format!("+{}", number(v)) } else { number(v) }
}
