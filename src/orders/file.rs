//! The orders file: per turn, per actor, a list of tool uses.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, Report, SourceFile};
use crate::rules::council_vote::Ballot;
use crate::scenario::OrderSpec;
use crate::scenario::spans::SpanIndex;

/// A whole orders file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrdersFile {
    pub turns: Vec<TurnOrders>,
}

/// The orders for one turn.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TurnOrders {
    pub turn: u32,
    #[serde(default)]
    pub orders: Vec<OrderSpec>,
    /// How Council members vote on every draft put to the vote this turn; members not listed vote by
    /// their position (see docs/rules.md).
    #[serde(default)]
    pub ballots: Vec<(String, Ballot)>,
    /// Facilitator injects to fire this turn, by id (in the injects phase, after the orders are resolved).
    #[serde(default)]
    pub injects: Vec<String>,
}

impl OrdersFile {
    pub fn turn(&self, turn: u32) -> Option<&TurnOrders> {
        self.turns.iter().find(|t| t.turn == turn)
    }
}

pub fn load_orders(path: &Path) -> Result<OrdersFile, Report> {
    let name = path.display().to_string();
    let text = match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let valid = String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]).into_owned();
                let at = valid.len();
                let d = Diagnostic::error("not-utf8", "the file is not UTF-8 text", (at, at))
                    .help("save the orders file as UTF-8");
                return Err(Report { source: SourceFile::new(name, valid), diagnostics: vec![d] });
            }
        },
        Err(e) => {
            let reason = match e.kind() {
                _ if path.is_dir() => "is a directory, not an orders file".to_string(),
                std::io::ErrorKind::NotFound => "no such file".to_string(),
                _ => e.to_string(),
            };
            let d = Diagnostic::error("unreadable", format!("cannot read `{name}`: {reason}"), (0, 0))
                .help("check the path of the orders file");
            return Err(Report { source: SourceFile::new(name, ""), diagnostics: vec![d] });
        }
    };
    parse_orders(&name, &text)
}

/// Parses an orders file; turn numbers must be unique and at least 1.
pub fn parse_orders(name: &str, text: &str) -> Result<OrdersFile, Report> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text).replace("\r\n", "\n");
    let source = SourceFile::new(name, text);
    if source.text.trim().is_empty() {
        let d = Diagnostic::error("empty-file", "the orders file is empty", (0, 0))
            .help("write `(turns: [(turn: 1, orders: [...])])`; see docs/orders.md");
        return Err(Report { source, diagnostics: vec![d] });
    }
    let parsed: OrdersFile = match crate::scenario::ron_options().from_str(&source.text) {
        Ok(p) => p,
        Err(e) => {
            let d = crate::scenario::describe_ron_error(&source, &e);
            return Err(Report { source, diagnostics: vec![d] });
        }
    };
    let spans = SpanIndex::parse(&source.text);
    let mut diagnostics = Vec::new();
    for (i, t) in parsed.turns.iter().enumerate() {
        let span = spans.span(&crate::path!["turns", i, "turn"]);
        if t.turn == 0 {
            diagnostics.push(
                Diagnostic::error("out-of-range", "turns are numbered from 1", span)
                    .help("write `turn: 1` for the first turn"),
            );
        } else if parsed.turns[..i].iter().any(|u| u.turn == t.turn) {
            diagnostics.push(
                Diagnostic::error("duplicate-turn", format!("turn {} is given twice", t.turn), span)
                    .help("put all of a turn's orders in one entry"),
            );
        }
    }
    if diagnostics.is_empty() { Ok(parsed) } else { Err(Report { source, diagnostics }) }
}

/// Loads an orders file and checks what only makes sense against the scenario: turns within the game,
/// facilitator injects that exist, ballots by Council members. (Orders themselves are checked when
/// their turn is played, so a refused order is logged with its reason rather than stopping the game.)
pub fn load_orders_for(path: &Path, scenario: &crate::scenario::Scenario) -> Result<OrdersFile, Report> {
    let file = load_orders(path)?;
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).replace("\r\n", "\n");
    let spans = SpanIndex::parse(&text);
    let mut diagnostics = Vec::new();
    let last = scenario.meta.turns;
    let facilitator: Vec<&str> = scenario
        .injects
        .iter()
        .filter(|i| i.trigger == crate::scenario::Trigger::Facilitator)
        .map(|i| i.id.as_str())
        .collect();
    let council: Vec<&str> = scenario.bodies.iter().filter(|b| b.is_council()).flat_map(|b| b.member_ids()).collect();
    for (ti, t) in file.turns.iter().enumerate() {
        if t.turn > last {
            diagnostics.push(
                Diagnostic::error(
                    "out-of-range",
                    format!("turn {} is after the last turn of the game ({last})", t.turn),
                    spans.span(&crate::path!["turns", ti, "turn"]),
                )
                .help(format!("{} has {last} turns", scenario.meta.id)),
            );
        }
        for (ii, id) in t.injects.iter().enumerate() {
            if !facilitator.contains(&id.as_str()) {
                let hint = match crate::diagnostics::did_you_mean(id, facilitator.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None if facilitator.is_empty() => "this scenario has no facilitator injects".to_string(),
                    None => format!("the facilitator injects are: {}", facilitator.join(", ")),
                };
                diagnostics.push(
                    Diagnostic::error(
                        "unknown-inject",
                        format!("`{id}` is not a facilitator inject of this scenario"),
                        spans.span(&crate::path!["turns", ti, "injects", ii]),
                    )
                    .help(hint),
                );
            }
        }
        for (bi, (member, _)) in t.ballots.iter().enumerate() {
            if !council.contains(&member.as_str()) {
                let hint = match crate::diagnostics::did_you_mean(member, council.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "ballots are cast by Security Council members".to_string(),
                };
                diagnostics.push(
                    Diagnostic::error(
                        "not-a-member",
                        format!("`{member}` has no seat on the Security Council"),
                        spans.span(&crate::path!["turns", ti, "ballots", bi, 0]),
                    )
                    .help(hint),
                );
            }
        }
    }
    if diagnostics.is_empty() {
        Ok(file)
    } else {
        Err(Report { source: SourceFile::new(path.display().to_string(), text), diagnostics })
    }
}
