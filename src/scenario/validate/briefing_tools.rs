//! A private briefing that names a tool its actor does not hold sends the group looking for an order it
//! cannot give ("You can send observers" to a role without `DeployObservers`). A briefing may name a
//! tool by its plain name, the debrief's words ("show of force", "good offices"), or by its id
//! (`ShowOfForce`); each such name of a tool the actor lacks is a warning at the word itself.

use super::Checker;
use crate::names::tool as plain_name;
use crate::path;
use crate::scenario::schema::{Actor, ToolKind};

/// Tools whose one-word plain name is an everyday verb: "you hold the state", "press them to
/// withdraw" speak of the world, not of the order. They are recognised only by a longer name that
/// contains them ("accept mediation" is `AcceptMediation`, not `Mediation`).
const EVERYDAY_VERBS: [ToolKind; 8] = [
    ToolKind::Hold,
    ToolKind::Reinforce,
    ToolKind::Mobilise,
    ToolKind::Skirmish,
    ToolKind::Strike,
    ToolKind::Withdraw,
    ToolKind::Negotiate,
    ToolKind::Spoil,
];

/// A mention of a tool in a text: its byte range and the tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub tool: ToolKind,
}

pub(super) fn check(c: &mut Checker) {
    let s = c.s;
    for (ai, a) in s.actors.iter().enumerate() {
        for m in mentions(&a.briefing).into_iter().filter(|m| !covers(a, m.tool)) {
            let field = c.span(&path!["actors", ai, "briefing"]);
            let span = locate(c.text, field, &a.briefing, m);
            let said = &a.briefing[m.start..m.end];
            let d = crate::diagnostics::Diagnostic::warning(
                "briefing-tool",
                format!("the briefing of `{}` names “{said}”, a tool it does not hold (`{:?}`)", a.id, m.tool),
                span,
            )
            .label("not among its tools")
            .help(format!(
                "give `{}` the tool `{:?}`, or reword the briefing: a group should read only of orders it can give",
                a.id, m.tool
            ));
            c.out.push(d);
        }
    }
}

/// Whether the actor can give the order the mention names: it holds the tool, or it can table a draft
/// resolution that does the same (a commission of inquiry, observers).
fn covers(a: &Actor, tool: ToolKind) -> bool {
    let drafts = a.holds(ToolKind::DraftResolution) || a.holds(ToolKind::AssemblyResolution);
    a.holds(tool) || (drafts && matches!(tool, ToolKind::CommissionOfInquiry | ToolKind::DeployObservers))
}

/// Every tool a text names, the longest name first where names overlap ("accept mediation" is one
/// mention of `AcceptMediation`, not also one of `Mediation`), in text order.
pub fn mentions(text: &str) -> Vec<Mention> {
    let lower = text.to_ascii_lowercase();
    let mut found = Vec::new();
    for tool in ToolKind::ALL {
        if !EVERYDAY_VERBS.contains(&tool) {
            let plain = plain_name(tool).to_ascii_lowercase();
            found.extend(words_at(&lower, &plain, true).map(|(start, end)| Mention { start, end, tool }));
        }
        // An id of one word is that plain word again; an id of two or more is never English.
        let id = tool.name();
        if id.chars().filter(char::is_ascii_uppercase).count() > 1 {
            found.extend(words_at(text, &id, false).map(|(start, end)| Mention { start, end, tool }));
        }
    }
    found.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut kept: Vec<Mention> = Vec::new();
    for m in found {
        if kept.last().is_none_or(|k| m.start >= k.end) {
            kept.push(m);
        }
    }
    kept
}

/// Where `word` stands alone in `text` (not inside a longer word), with an optional plural "s" when
/// `plural` is set: `(start, end)` byte ranges.
fn words_at<'t>(text: &'t str, word: &'t str, plural: bool) -> impl Iterator<Item = (usize, usize)> + 't {
    text.match_indices(word).filter_map(move |(start, _)| {
        let mut end = start + word.len();
        if plural && text[end..].starts_with('s') {
            end += 1;
        }
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        let apart = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        (apart(before) && apart(after)).then_some((start, end))
    })
}

/// The mention's place in the file: the same words inside the briefing's string literal (the n-th
/// time they occur there, as in the text), or the whole literal when escapes make them differ.
fn locate(source: &str, field: (usize, usize), briefing: &str, m: Mention) -> (usize, usize) {
    let said = &briefing[m.start..m.end];
    let nth = briefing[..m.start].matches(said).count();
    let literal = source.get(field.0..field.1).unwrap_or("");
    match literal.match_indices(said).nth(nth) {
        Some((at, _)) => (field.0 + at, field.0 + at + said.len()),
        None => field,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(text: &str) -> Vec<(ToolKind, &str)> {
        mentions(text).into_iter().map(|m| (m.tool, &text[m.start..m.end])).collect()
    }

    #[test]
    fn a_briefing_names_tools_by_their_plain_words_or_their_ids() {
        assert_eq!(
            named("Offer Good Offices, then press statements; use ShowOfForce sparingly."),
            [
                (ToolKind::GoodOffices, "Good Offices"),
                (ToolKind::PressStatement, "press statements"),
                (ToolKind::ShowOfForce, "ShowOfForce")
            ]
        );
        // The longest name wins: accepting mediation is not mediating.
        assert_eq!(named("You may accept mediation."), [(ToolKind::AcceptMediation, "accept mediation")]);
        assert_eq!(named("Back the mediation."), [(ToolKind::Mediation, "mediation")]);
        // Everyday verbs and words inside longer words are not tools.
        assert_eq!(named("You hold the state; press them to withdraw; mediators are welcome."), []);
        assert_eq!(named("Go to the ICJ application desk"), [(ToolKind::IcjApplication, "ICJ application")]);
    }

    #[test]
    fn the_warning_points_at_the_words_in_the_file() {
        let source = r#"briefing: "a \"quoted\" mediation, and mediation","#;
        let field = (10, source.len() - 1);
        let briefing = "a \"quoted\" mediation, and mediation";
        let ms = mentions(briefing);
        assert_eq!(ms.len(), 2);
        let second = locate(source, field, briefing, ms[1]);
        assert_eq!(&source[second.0..second.1], "mediation");
        assert_eq!(second.0, source.rfind("mediation").unwrap());
    }
}
