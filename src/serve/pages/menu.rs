//! The menu of a group's page: the orders it can give now, tool by tool, each refused one with
//! `check`'s reason, and the draft builder. It is the costliest part of the page (every order of the
//! group's tools goes through `check`), so it is rendered from what it depends on alone, not from the
//! room: `serve::menus` renders it away from the runtime's thread and keeps it until that changes.

use maud::{Markup, html};

use crate::engine::state::Snapshot;
use crate::engine::view::View;
use crate::scenario::{OrderSpec, Scenario};
use crate::serve::choices::{Choice, choices, draft_options, is_draft};

/// The menu of `role` (whose link holds `token`) for turn `turn` of the state `state`, with the
/// orders it has given so far this turn.
pub fn render(
    scenario: &Scenario,
    state: &Snapshot,
    turn: u32,
    role: &str,
    given: &[OrderSpec],
    token: &str,
) -> Markup {
    let act = |path: &str| format!("/g/{token}/{path}");
    let view = View::of_snapshot(scenario, state, turn);
    let given: Vec<&OrderSpec> = given.iter().collect();
    let all = choices(scenario, &view, role, &given);
    let tools: Vec<_> = scenario.actor(role).map(|a| a.tools_in_hand().collect()).unwrap_or_default();
    let act: &dyn Fn(&str) -> String = &act;
    html! {
        h2 { "Give an order" }
        p class="muted" { "Up to three orders a turn. Only the orders possible now can be chosen; the others say why not." }
        @for tool in tools.iter().filter(|t| !is_draft(**t)) {
            @let mine: Vec<&Choice> = all.iter().filter(|c| c.tool == *tool).collect();
            @let open: Vec<&Choice> = mine.iter().copied().filter(|c| c.refusal.is_none()).collect();
            details {
                summary { strong { (tool_title(*tool)) } " — " (tool.explanation()) " (" (open.len()) " possible)" }
                ul class="choices" {
                    @for same in aimed_alike(&open) {
                        li { (choice_form(same, act)) }
                    }
                }
                @let refused: Vec<&&Choice> = mine.iter().filter(|c| c.refusal.is_some()).collect();
                @if !refused.is_empty() {
                    details {
                        summary class="muted" { "Not possible now (" (refused.len()) ")" }
                        ul {
                            @for choice in refused {
                                li class="refusal" { (choice.label) ": " (choice.refusal.as_deref().unwrap_or("")) }
                            }
                        }
                    }
                }
            }
        }
        @for tool in tools.iter().filter(|t| is_draft(**t)) {
            (draft_builder(scenario, *tool, act))
        }
    }
}

/// The choices in runs aimed at the same target (they differ in a style, a sanction or a partner).
fn aimed_alike<'c>(choices: &[&'c Choice]) -> Vec<Vec<&'c Choice>> {
    let mut runs: Vec<Vec<&Choice>> = Vec::new();
    for choice in choices {
        match runs.last_mut() {
            Some(run) if run[0].order.target == choice.order.target => run.push(choice),
            _ => runs.push(vec![choice]),
        }
    }
    runs
}

/// One button for a single choice; a list to pick from and one button for choices aimed alike (a
/// page of forty partners stays small on a phone).
fn choice_form(same: Vec<&Choice>, act: &dyn Fn(&str) -> String) -> Markup {
    html! {
        form method="post" action=(act("order")) {
            @if let [only] = same.as_slice() {
                input type="hidden" name="order" value=(only.line);
                button type="submit" { (only.label) }
            } @else {
                select name="order" {
                    @for choice in &same {
                        option value=(choice.line) { (choice.label) }
                    }
                }
                " "
                button type="submit" { "Give" }
            }
        }
    }
}

fn draft_builder(scenario: &Scenario, tool: crate::scenario::ToolKind, act: &dyn Fn(&str) -> String) -> Markup {
    let options = draft_options(scenario);
    let council = tool == crate::scenario::ToolKind::DraftResolution;
    html! {
        details {
            summary { strong { (tool_title(tool)) } " — " (tool.explanation()) }
            form method="post" action=(act("draft")) {
                input type="hidden" name="tool" value=(format!("{tool:?}"));
                @if council {
                    p {
                        label { input type="radio" name="chapter" value="VI" checked; " Chapter VI: recommendations" }
                        br;
                        label { input type="radio" name="chapter" value="VII"; " Chapter VII: binding, coercive" }
                    }
                } @else {
                    input type="hidden" name="chapter" value="VI";
                }
                p { "The draft should:" }
                @for (words, text) in &options {
                    label { input type="checkbox" name="content" value=(text); " " (words) }
                    br;
                }
                button class="primary" type="submit" { "Table this draft" }
            }
        }
    }
}

/// A tool's name as a heading, in the debrief's words: "Show of force", "ICJ application".
fn tool_title(tool: crate::scenario::ToolKind) -> String {
    let words = crate::names::tool(tool);
    let mut chars = words.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
