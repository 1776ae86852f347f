//! Driving a session: numbered menus on a terminal, the line format otherwise. A typo never ends the
//! game: the question is asked again with the valid choices.

use crate::scenario::Id;
use std::io::{BufRead, Write};

use super::commands::{Command, parse_command};
use super::input::{Input, Line, Stopped};
use super::report::situation_report;
use super::session::Session;
use crate::debrief::names::Names;
use crate::engine::record::TurnRecord;
use crate::orders::{TargetKind, target_kind};
use crate::scenario::{
    Chapter, Draft, DraftContent, MediationStyle, OrderSpec, SanctionKind, Scenario, Target, ToolKind,
};

/// Reads a person's answer; `None` at the end of input (or when it cannot be read: the game is saved
/// turn by turn, so stopping loses nothing completed). A line that is not UTF-8 or too long is refused
/// and `None` is not returned: the caller asks again.
fn read_answer(input: &mut Input, out: &mut dyn Write) -> Option<Option<String>> {
    match input.next_line() {
        Ok(Line::Text(text)) => Some(Some(text)),
        Ok(Line::End) | Err(_) => None,
        Ok(Line::Refused { reason, too_long }) => {
            if too_long && input.skip_rest_of_line().is_err() {
                return None;
            }
            say(out, &format!("{reason}: type your answer again."));
            Some(None)
        }
    }
}

fn say(out: &mut dyn Write, text: &str) {
    let _ = writeln!(out, "{text}");
    let _ = out.flush();
}

/// Asks until the answer is one of the numbered choices; `None` at the end of input.
fn choose(
    input: &mut Input,
    out: &mut dyn Write,
    question: &str,
    choices: &[String],
    zero: Option<&str>,
) -> Option<usize> {
    loop {
        say(out, question);
        if let Some(z) = zero {
            say(out, &format!("  0) {z}"));
        }
        for (i, c) in choices.iter().enumerate() {
            say(out, &format!("  {}) {c}", i + 1));
        }
        let _ = write!(out, "> ");
        let _ = out.flush();
        let Some(answer) = read_answer(input, out)? else { continue };
        match answer.parse::<usize>() {
            Ok(0) if zero.is_some() => return Some(0),
            Ok(n) if (1..=choices.len()).contains(&n) => return Some(n),
            _ => say(
                out,
                &format!(
                    "`{answer}` is not one of the choices: type a number from {} to {}.",
                    if zero.is_some() { 0 } else { 1 },
                    choices.len()
                ),
            ),
        }
    }
}

fn end_text(r: &TurnRecord) -> Option<String> {
    r.end.as_ref().map(|e| {
        let met: Vec<String> = e
            .objectives
            .iter()
            .filter(|o| o.met)
            .map(|o| format!("{} `{}` (+{})", o.actor, o.objective, o.points))
            .collect();
        format!(
            "The game ends: {}. Outcome: {}.\nObjectives met: {}",
            e.reason.trim_end_matches('.'),
            e.outcome_title,
            if met.is_empty() { "none".to_string() } else { met.join(", ") }
        )
    })
}

fn after_turn(session: &Session, out: &mut dyn Write) {
    let r = session.records.last().expect("a turn was played");
    say(out, &format!("Turn {} is resolved and saved to {}.", r.turn, session.log_path.display()));
    if let Some(end) = end_text(r) {
        say(out, &end);
    }
}

/// The line format (docs/facilitator-guide.md). Returns when the input ends, on `stop`, or when the
/// game is over; stops at a line that is not UTF-8 or longer than 64 KiB, since playing on without it
/// could play a turn without an order the script gives (every completed turn is saved already).
pub fn run_lines(
    session: &mut Session,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Stopped> {
    let mut input = Input::new(input);
    say(out, &situation_report(&session.scenario, session.state(), session.records.last(), session.next_turn()));
    while !session.is_over() {
        let line = match input.next_line().map_err(Stopped::Read)? {
            Line::Text(line) => line,
            Line::End => break,
            Line::Refused { reason, .. } => return Err(Stopped::Refused(reason)),
        };
        let result = match parse_command(&line, &session.scenario) {
            Err(e) => Err(e),
            Ok(Command::Nothing) => Ok(()),
            Ok(Command::Order(o)) => session.add_order(o),
            Ok(Command::Withdraw(role)) => {
                session.withdraw_last(&role).map(|_| ()).ok_or(format!("`{role}` has no order to take back"))
            }
            Ok(Command::Ballot(m, b)) => session.ballot(&m, b),
            Ok(Command::Inject(id)) => session.fire_inject(&id),
            Ok(Command::Play) => {
                session.play_turn()?;
                after_turn(session, out);
                if !session.is_over() {
                    say(
                        out,
                        &situation_report(
                            &session.scenario,
                            session.state(),
                            session.records.last(),
                            session.next_turn(),
                        ),
                    );
                }
                Ok(())
            }
            Ok(Command::Undo) => match session.undo()? {
                Some(t) => {
                    say(out, &format!("Turn {t} is taken back."));
                    Ok(())
                }
                None => Err("there is no completed turn to take back".to_string()),
            },
            Ok(Command::Stop) => break,
        };
        if let Err(e) = result {
            let _ = writeln!(err, "line `{line}`: {e}");
        }
    }
    Ok(())
}

/// Candidate targets of the right sort for a tool, as (label, target).
fn targets(session: &Session, tool: ToolKind) -> Vec<(String, Option<Target>)> {
    let s = &session.scenario;
    let dyads = || {
        s.conflict
            .dyads
            .iter()
            .map(|d| (format!("the dispute: {}", d.name), Some(Target::Dyad(Id::from(d.id.as_str())))))
    };
    match target_kind(tool) {
        TargetKind::Nothing => vec![("no target".into(), None)],
        TargetKind::Optional => std::iter::once(("no target".to_string(), None)).chain(dyads()).collect(),
        TargetKind::Dyad => dyads().collect(),
        TargetKind::Council | TargetKind::Assembly | TargetKind::AnyBody => {
            s.bodies.iter().map(|b| (b.name.clone(), Some(Target::Body(Id::from(b.id.as_str()))))).collect()
        }
        TargetKind::Actor => {
            s.actors.iter().map(|a| (a.name.clone(), Some(Target::Actor(Id::from(a.id.as_str()))))).collect()
        }
    }
}

/// The contents a group can put in a draft, for the menu.
fn draft_options(session: &Session) -> Vec<DraftContent> {
    let s = &session.scenario;
    let mut v = Vec::new();
    for d in &s.conflict.dyads {
        v.push(DraftContent::Ceasefire(d.id));
        v.push(DraftContent::CommissionOfInquiry(d.id));
        v.push(DraftContent::Observers(d.id, 50));
        v.push(DraftContent::PeaceOperation(d.id, 5000));
        v.push(DraftContent::IccReferral(d.id));
        for side in [&d.sides.0, &d.sides.1] {
            v.push(DraftContent::Sanctions(*side, SanctionKind::ArmsEmbargo));
            v.push(DraftContent::Sanctions(*side, SanctionKind::TravelBan));
        }
    }
    for b in s.bodies.iter().filter(|b| matches!(b.kind, crate::scenario::BodyKind::Regional { .. })) {
        v.push(DraftContent::EndorseRegional(b.id));
        v.push(DraftContent::AuthoriseRegionalForce(b.id));
    }
    v
}

/// One group's orders through menus. `None` at the end of input.
fn group_menu(session: &mut Session, role: &str, input: &mut Input, out: &mut dyn Write) -> Option<()> {
    let actor = session.scenario.actor(role).cloned()?;
    say(
        out,
        &format!(
            "\n--- {} ---\nThe other groups look away. Choose up to three moves; they are checked at once.",
            actor.name
        ),
    );
    loop {
        let given: Vec<String> = session.orders_of(role).iter().map(|o| describe(&session.scenario, o)).collect();
        if !given.is_empty() {
            say(out, &format!("Your orders so far: {}", given.join("; ")));
        }
        if !session.room_for_orders(role) {
            say(out, "That is three orders, the most a group can give in a turn.");
            return Some(());
        }
        // Tools with nothing in this scenario to aim at are not offered.
        let usable: Vec<ToolKind> = actor.tools.iter().copied().filter(|t| !targets(session, *t).is_empty()).collect();
        let tools: Vec<String> = usable.iter().map(|t| format!("{t:?} — {}", t.explanation())).collect();
        let n =
            choose(input, out, "Which tool? (0 when you are done)", &tools, Some("done: hand over to the next group"))?;
        if n == 0 {
            return Some(());
        }
        let tool = usable[n - 1];
        let options = targets(session, tool);
        let labels: Vec<String> = options.iter().map(|(l, _)| l.clone()).collect();
        let t = if options.len() == 1 { 1 } else { choose(input, out, &format!("{tool:?} aimed at?"), &labels, None)? };
        let mut order = OrderSpec {
            actor: Id::from(role),
            tool,
            target: options[t - 1].1.clone(),
            style: None,
            draft: None,
            sanction: None,
            with: None,
            note: Default::default(),
        };
        match tool {
            ToolKind::Mediation => {
                let styles = [
                    "Facilitative — help them talk",
                    "Formulative — propose solutions",
                    "Directive — add pressure and incentives",
                ];
                let k = choose(input, out, "Which style?", &styles.map(String::from), None)?;
                order.style =
                    Some([MediationStyle::Facilitative, MediationStyle::Formulative, MediationStyle::Directive][k - 1]);
            }
            ToolKind::UnilateralSanctions => {
                let kinds = [
                    SanctionKind::ArmsEmbargo,
                    SanctionKind::AssetFreeze,
                    SanctionKind::TravelBan,
                    SanctionKind::CommodityBan,
                ];
                let k = choose(input, out, "Which sanction?", &kinds.map(|k| format!("{k:?}")), None)?;
                order.sanction = Some(kinds[k - 1]);
            }
            ToolKind::JointEnvoy | ToolKind::AcceptMediation | ToolKind::RefuseMediation | ToolKind::AppointEnvoy => {
                let others: Vec<&crate::scenario::Actor> =
                    session.scenario.actors.iter().filter(|a| a.id != role).collect();
                let names: Vec<String> = others.iter().map(|a| a.name.clone()).collect();
                let zero = if tool == ToolKind::JointEnvoy { None } else { Some("nobody in particular") };
                let k = choose(input, out, "With whom?", &names, zero)?;
                order.with = (k > 0).then(|| others[k - 1].id);
            }
            ToolKind::DraftResolution | ToolKind::AssemblyResolution => {
                let chapter = if tool == ToolKind::DraftResolution {
                    let k = choose(
                        input,
                        out,
                        "Under which chapter?",
                        &["VI — recommendations".into(), "VII — binding, coercive".into()],
                        None,
                    )?;
                    [Chapter::VI, Chapter::VII][k - 1]
                } else {
                    Chapter::VI
                };
                let options = draft_options(session);
                let names = Names::new(&session.scenario);
                let labels: Vec<String> = options.iter().map(|c| names.draft_content(c)).collect();
                let mut contents = Vec::new();
                loop {
                    let k = choose(
                        input,
                        out,
                        "Add to the draft (0 when the draft is complete):",
                        &labels,
                        Some("the draft is complete"),
                    )?;
                    if k == 0 {
                        break;
                    }
                    contents.push(options[k - 1].clone());
                }
                order.draft = Some(Box::new(Draft { chapter, contents }));
            }
            _ => {}
        }
        let summary = describe(&session.scenario, &order);
        let k = choose(
            input,
            out,
            &format!("Give this order? {summary}"),
            &["yes".into(), "no, start again".into()],
            None,
        )?;
        if k == 1 {
            match session.add_order(order) {
                Ok(()) => say(out, "Noted."),
                Err(reason) => say(out, &format!("Not possible: {reason}. Choose again.")),
            }
        }
    }
}

/// One order as the group chose it: the tool under the name the menu lists it by, what it is aimed
/// at and what a draft would do in words (never the ids or the file syntax).
pub fn describe(scenario: &Scenario, o: &OrderSpec) -> String {
    let names = Names::new(scenario);
    let mut s = format!("{:?}", o.tool);
    if let Some(t) = &o.target {
        s.push_str(&format!(" → {}", names.target(t)));
    }
    if let Some(st) = o.style {
        s.push_str(&format!(" ({st:?})"));
    }
    if let Some(w) = &o.with {
        s.push_str(&format!(" with {}", names.actor(w)));
    }
    if let Some(k) = o.sanction {
        s.push_str(&format!(" [{k:?}]"));
    }
    if let Some(d) = &o.draft {
        s.push_str(&format!(" [Chapter {:?}: {}]", d.chapter, names.draft_contents(d)));
    }
    s
}

/// Menus on a terminal: each turn the situation, each group in private, then the facilitator.
pub fn run_menus(session: &mut Session, input: &mut dyn BufRead, out: &mut dyn Write) -> std::io::Result<()> {
    let input = &mut Input::new(input);
    while !session.is_over() {
        say(out, &situation_report(&session.scenario, session.state(), session.records.last(), session.next_turn()));
        let seats = session.seats.clone();
        for role in &seats {
            if group_menu(session, role, input, out).is_none() {
                return Ok(());
            }
            // Clear the screen so the next group does not see these orders.
            let _ = write!(out, "\x1b[2J\x1b[H");
        }
        loop {
            let mut choices = vec![
                "play the turn".to_string(),
                "fire an inject".into(),
                "undo the last turn".into(),
                "save and stop".into(),
            ];
            if session.available_injects().is_empty() {
                choices[1] = "fire an inject (none left)".into();
            }
            let Some(k) = choose(input, out, "Facilitator:", &choices, None) else { return Ok(()) };
            match k {
                1 => {
                    session.play_turn()?;
                    after_turn(session, out);
                    break;
                }
                2 => {
                    let injects = session.available_injects();
                    if injects.is_empty() {
                        continue;
                    }
                    let labels: Vec<String> = injects.iter().map(|(i, t)| format!("{t} ({i})")).collect();
                    let Some(j) = choose(input, out, "Which inject?", &labels, Some("none")) else { return Ok(()) };
                    if j > 0 {
                        let id = injects[j - 1].0.clone();
                        if let Err(e) = session.fire_inject(&id) {
                            say(out, &e);
                        } else {
                            say(out, "It will be announced when the turn is played.");
                        }
                    }
                }
                3 => {
                    match session.undo()? {
                        Some(t) => say(out, &format!("Turn {t} is taken back.")),
                        None => say(out, "There is no completed turn to take back."),
                    }
                    break;
                }
                _ => return Ok(()),
            }
        }
    }
    Ok(())
}
