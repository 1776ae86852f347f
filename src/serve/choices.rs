//! The menu of a group's page: every order the group could give now, each checked by `orders::check`
//! against the state and the group's own orders so far (of the orders given, only the same actor's
//! matter to `check`, so no other group's pending order shapes this menu). An order travels from the
//! page to the room in the line format of `play` (`MediateDispute dyad:river style=facilitative`),
//! which the room parses with `play::parse_command` after putting the group's own role in front.

use crate::engine::view::View;
use crate::names::Names;
use crate::orders::{TargetKind, check, target_kind};
use crate::play::describe;
use crate::rules::tracks::is_mediating;
use crate::scenario::{
    ActorKind, BodyKind, Chapter, DraftContent, Id, MediationStyle, OrderSpec, SanctionKind, Scenario, Target, ToolKind,
};

/// One order on the menu.
#[derive(Debug, Clone)]
pub struct Choice {
    pub order: OrderSpec,
    pub tool: ToolKind,
    /// The order in words (`describe`).
    pub label: String,
    /// The order in the line format, without `order ROLE` (what the page sends back).
    pub line: String,
    /// Why `check` refuses it now, in `check`'s words; `None` when it can be given.
    pub refusal: Option<String>,
}

/// The tools whose orders are built on the page (the draft builder) rather than picked from a list.
pub fn is_draft(tool: ToolKind) -> bool {
    matches!(tool, ToolKind::DraftResolution | ToolKind::AssemblyResolution)
}

/// Every order `role` could give with its tools, each with `check`'s verdict.
pub fn choices(scenario: &Scenario, view: &View, role: &str, given: &[&OrderSpec]) -> Vec<Choice> {
    let Some(actor) = scenario.actor(role) else { return Vec::new() };
    let mut out = Vec::new();
    for tool in actor.tools_in_hand().filter(|t| !is_draft(*t)) {
        for order in variants(scenario, actor.id, tool) {
            let refusal = check(&order, view, given).err();
            out.push(Choice { tool, label: describe(scenario, &order), line: line_of(&order), refusal, order });
        }
    }
    out
}

/// What a draft can hold in this scenario, as (words, the content's text in the line format).
pub fn draft_options(scenario: &Scenario) -> Vec<(String, String)> {
    let names = Names::new(scenario);
    let contents = crate::orders::draft_contents(scenario);
    contents.iter().map(|c| (names.draft_content(c), content_text(c))).collect()
}

/// The body a draft of `tool` goes to: the Council or the Assembly.
pub fn draft_body(scenario: &Scenario, tool: ToolKind) -> Option<Id> {
    scenario
        .bodies
        .iter()
        .find(|b| match tool {
            ToolKind::DraftResolution => b.is_council(),
            _ => matches!(b.kind, BodyKind::GeneralAssembly { .. }),
        })
        .map(|b| b.id)
}

/// The orders of one tool worth offering: each target of the right kind, with each style, sanction or
/// partner the tool needs.
fn variants(scenario: &Scenario, actor: Id, tool: ToolKind) -> Vec<OrderSpec> {
    let base = OrderSpec::new(actor, tool, None);
    let mut orders = Vec::new();
    for target in targets(scenario, tool) {
        let aimed = OrderSpec { target, ..base.clone() };
        match tool {
            ToolKind::Mediation => {
                for style in [MediationStyle::Facilitative, MediationStyle::Formulative, MediationStyle::Directive] {
                    orders.push(OrderSpec { style: Some(style), ..aimed.clone() });
                }
            }
            ToolKind::UnilateralSanctions => {
                for kind in SanctionKind::ALL {
                    orders.push(OrderSpec { sanction: Some(kind), ..aimed.clone() });
                }
            }
            ToolKind::JointEnvoy | ToolKind::AcceptMediation | ToolKind::RefuseMediation | ToolKind::AppointEnvoy => {
                if tool != ToolKind::JointEnvoy {
                    orders.push(aimed.clone());
                }
                for other in partners(scenario, actor, tool) {
                    orders.push(OrderSpec { with: Some(other), ..aimed.clone() });
                }
            }
            _ => orders.push(aimed),
        }
    }
    orders
}

/// Who an order of `tool` can name as its partner: a mediator to accept or refuse (an actor holding a
/// mediating tool), an envoy to appoint, anyone else to share an envoy with. (`check` accepts any
/// actor for consent; offering only the mediators keeps a page of forty states short.)
fn partners(scenario: &Scenario, actor: Id, tool: ToolKind) -> Vec<Id> {
    let others = scenario.actors.iter().filter(|a| a.id != actor);
    match tool {
        ToolKind::AcceptMediation | ToolKind::RefuseMediation => {
            others.filter(|a| a.tools.iter().any(|t| is_mediating(*t))).map(|a| a.id).collect()
        }
        ToolKind::AppointEnvoy => others.filter(|a| a.kind == ActorKind::Envoy).map(|a| a.id).collect(),
        _ => others.map(|a| a.id).collect(),
    }
}

/// The targets of the right kind for a tool (`None`: no target).
fn targets(scenario: &Scenario, tool: ToolKind) -> Vec<Option<Target>> {
    let dyads = || scenario.conflict.dyads.iter().map(|d| Some(Target::Dyad(d.id)));
    let bodies = |keep: &dyn Fn(&BodyKind) -> bool| {
        scenario.bodies.iter().filter(|b| keep(&b.kind)).map(|b| Some(Target::Body(b.id))).collect::<Vec<_>>()
    };
    match target_kind(tool) {
        TargetKind::Nothing => vec![None],
        TargetKind::Optional => std::iter::once(None).chain(dyads()).collect(),
        TargetKind::Dyad => dyads().collect(),
        TargetKind::Council => bodies(&|k| matches!(k, BodyKind::SecurityCouncil { .. })),
        TargetKind::Assembly => bodies(&|k| matches!(k, BodyKind::GeneralAssembly { .. })),
        TargetKind::AnyBody => bodies(&|_| true),
        TargetKind::Actor => scenario.actors.iter().map(|a| Some(Target::Actor(a.id))).collect(),
    }
}

/// A draft content as the line format writes it: `Observers("river",50)`.
pub fn content_text(content: &DraftContent) -> String {
    ron::to_string(content).unwrap_or_default()
}

/// An order in the line format, without `order ROLE`; `play::parse_command` reads it back.
pub fn line_of(order: &OrderSpec) -> String {
    let mut line = format!("{:?}", order.tool);
    match &order.target {
        Some(Target::Dyad(id)) => line.push_str(&format!(" dyad:{id}")),
        Some(Target::Body(id)) => line.push_str(&format!(" body:{id}")),
        Some(Target::Actor(id)) => line.push_str(&format!(" actor:{id}")),
        None => {}
    }
    if let Some(style) = order.style {
        line.push_str(&format!(" style={}", format!("{style:?}").to_lowercase()));
    }
    if let Some(with) = &order.with {
        line.push_str(&format!(" with={with}"));
    }
    if let Some(kind) = order.sanction {
        line.push_str(&format!(" sanction={}", format!("{kind:?}").to_lowercase()));
    }
    if let Some(draft) = &order.draft {
        let chapter = if draft.chapter == Chapter::VII { "VII" } else { "VI" };
        let contents: Vec<String> = draft.contents.iter().map(content_text).collect();
        line.push_str(&format!(" chapter={chapter} contents={}", contents.join("+")));
    }
    line
}
