//! The orders file: per turn, per actor, a list of tool uses.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, Report, SourceFile};
use crate::engine::record::Ballot;
use crate::read_capped::{Capped, size_words};
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
    /// Messages between groups sent during the turn, in the order sent (kept in the turn's record).
    #[serde(default)]
    pub messages: Vec<super::Message>,
    /// The facilitator ends the game with this turn ("end now and score"): the turn is resolved as
    /// usual, then the game ends and is scored as at any end (docs/rules.md §5). Written only when set.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub end_now: bool,
    /// How many orders, at the end of `orders`, bots gave for the seats no one else filled: each was
    /// checked as the bot proposed it, against the same state and its actor's orders before it (every
    /// one of them the bot's own), so the turn's intake takes them as checked. Never read from a file
    /// or written to one; 0 (check everything) unless `OrderSource::Bots` sets it.
    #[serde(skip)]
    pub checked_by_bots: usize,
}

impl OrdersFile {
    pub fn turn(&self, turn: u32) -> Option<&TurnOrders> {
        self.turns.iter().find(|t| t.turn == turn)
    }
}

pub fn load_orders(path: &Path) -> Result<OrdersFile, Report> {
    parse_orders(&path.display().to_string(), &read_orders(path)?)
}

/// Larger orders files are refused, read no further than this. An order is a line of some 60 bytes:
/// 16 MiB is three orders for each of 12,000 actors for the 100 turns of a big game, more than any
/// workshop writes, and little enough to parse and check in a moment.
pub const MAX_ORDERS_BYTES: u64 = 16 * 1024 * 1024;

/// The text of an orders file, or the error that says why it cannot be read.
fn read_orders(path: &Path) -> Result<String, Report> {
    let name = path.display().to_string();
    let refuse = |d: Diagnostic| Err(Report { source: SourceFile::new(&name, ""), diagnostics: vec![d] });
    match crate::read_capped::read_capped(path, MAX_ORDERS_BYTES) {
        Ok(Capped::Read(bytes)) => String::from_utf8(bytes).map_err(|e| {
            let valid = String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]).into_owned();
            let at = valid.len();
            let d = Diagnostic::error("not-utf8", "the file is not UTF-8 text", (at, at))
                .help("save the orders file as UTF-8");
            Report { source: SourceFile::new(&name, valid), diagnostics: vec![d] }
        }),
        Ok(Capped::TooLarge { len }) => refuse(
            Diagnostic::error(
                "file-too-large",
                format!("the file {}; orders files are limited to 16 MiB", size_words(len, MAX_ORDERS_BYTES)),
                (0, 0),
            )
            .help("an orders file is text of a few kilobytes: check that this is the file you meant"),
        ),
        Err(e) => {
            let reason = match e.kind() {
                _ if path.is_dir() => "is a directory, not an orders file".to_string(),
                std::io::ErrorKind::NotFound => "no such file".to_string(),
                _ => e.to_string(),
            };
            refuse(
                Diagnostic::error("unreadable", format!("cannot read `{name}`: {reason}"), (0, 0))
                    .help("check the path of the orders file"),
            )
        }
    }
}

/// The text as it is parsed and located: without a byte-order mark, with `\n` line ends.
fn normalized(text: &str) -> String {
    text.strip_prefix('\u{feff}').unwrap_or(text).replace("\r\n", "\n")
}

/// Parses an orders file; turn numbers must be unique and at least 1.
pub fn parse_orders(name: &str, text: &str) -> Result<OrdersFile, Report> {
    let source = SourceFile::new(name, normalized(text));
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
    // The turns seen so far, so a file of many turns is checked in one pass.
    let mut seen = std::collections::HashSet::new();
    for (i, t) in parsed.turns.iter().enumerate() {
        let span = spans.span(&crate::path!["turns", i, "turn"]);
        if t.turn == 0 {
            diagnostics.push(
                Diagnostic::error("out-of-range", "turns are numbered from 1", span)
                    .help("write `turn: 1` for the first turn"),
            );
        } else if !seen.insert(t.turn) {
            diagnostics.push(
                Diagnostic::error("duplicate-turn", format!("turn {} is given twice", t.turn), span)
                    .help("put all of a turn's orders in one entry"),
            );
        }
    }
    if diagnostics.is_empty() { Ok(parsed) } else { Err(Report { source, diagnostics }) }
}

/// An orders file checked against its scenario, with what it should be warned about.
pub struct CheckedOrders {
    pub file: OrdersFile,
    /// Orders that name an actor, dispute or body the scenario does not have: each would be refused
    /// when its turn is played. `None` if there are none.
    pub warnings: Option<Report>,
}

/// Loads an orders file and checks what only makes sense against the scenario: turns within the game,
/// facilitator injects that exist, ballots by Council members (errors). Orders themselves are checked
/// when their turn is played, so a refused order is logged with its reason rather than stopping the
/// game; an order naming an id the scenario does not have (a typo, most likely) is also warned about
/// now, at its line.
pub fn load_orders_for(path: &Path, scenario: &crate::scenario::Scenario) -> Result<CheckedOrders, Report> {
    // Read once: parsed, then located again for the checks below.
    let text = read_orders(path)?;
    parse_orders_for(&path.display().to_string(), &text, scenario)
}

/// [`load_orders_for`] on a text already read, as from a file named `name`.
pub fn parse_orders_for(name: &str, text: &str, scenario: &crate::scenario::Scenario) -> Result<CheckedOrders, Report> {
    let file = parse_orders(name, text)?;
    let text = normalized(text);
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
        for (mi, m) in t.messages.iter().enumerate() {
            message_problems(m, scenario, &mut |field, problem, hint| {
                let at = match field {
                    MessageField::From => spans.span(&crate::path!["turns", ti, "messages", mi, "from"]),
                    MessageField::To(i) => spans.span(&crate::path!["turns", ti, "messages", mi, "to", i]),
                    MessageField::Text => spans.span(&crate::path!["turns", ti, "messages", mi, "text"]),
                };
                diagnostics.push(Diagnostic::error("bad-message", problem, at).help(hint));
            });
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
    let source = SourceFile::new(name, text);
    if !diagnostics.is_empty() {
        return Err(Report { source, diagnostics });
    }
    let warnings = unknown_ids(&file, scenario, &spans);
    let warnings = (!warnings.is_empty()).then_some(Report { source, diagnostics: warnings });
    Ok(CheckedOrders { file, warnings })
}

/// Where in a message a problem is.
enum MessageField {
    From,
    To(usize),
    Text,
}

/// A message must come from and go to actors of the scenario, and say something in at most
/// [`super::MAX_MESSAGE_CHARS`] characters. Each problem is reported with where it is, what is wrong
/// and how to fix it.
fn message_problems(
    m: &super::Message,
    scenario: &crate::scenario::Scenario,
    report: &mut impl FnMut(MessageField, String, String),
) {
    let actors: Vec<&str> = scenario.actors.iter().map(|a| a.id.as_str()).collect();
    let hint = |id: &str| match crate::diagnostics::did_you_mean(id, actors.iter().copied()) {
        Some(s) => format!("did you mean `{s}`?"),
        None => "a message goes from one actor of the scenario to others (by id), or to everyone with `to: []`".into(),
    };
    if scenario.actor(m.from.as_str()).is_none() {
        report(MessageField::From, format!("`{}` is not an actor of this scenario", m.from), hint(&m.from));
    }
    for (i, to) in m.to.iter().enumerate() {
        if scenario.actor(to.as_str()).is_none() {
            report(MessageField::To(i), format!("`{to}` is not an actor of this scenario"), hint(to));
        }
    }
    let chars = m.text.chars().count();
    if m.text.trim().is_empty() {
        report(MessageField::Text, "the message says nothing".into(), "write what the group says in `text`".into());
    } else if chars > super::MAX_MESSAGE_CHARS {
        report(
            MessageField::Text,
            format!("the message is {chars} characters long; a message holds at most {}", super::MAX_MESSAGE_CHARS),
            "split it into several messages, or say it in fewer words".into(),
        );
    }
}

/// Warnings for orders that name an actor, a dispute or a body the scenario does not have.
fn unknown_ids(file: &OrdersFile, scenario: &crate::scenario::Scenario, spans: &SpanIndex) -> Vec<Diagnostic> {
    use crate::scenario::Target;
    let actors: Vec<&str> = scenario.actors.iter().map(|a| a.id.as_str()).collect();
    let dyads: Vec<&str> = scenario.conflict.dyads.iter().map(|d| d.id.as_str()).collect();
    let bodies: Vec<&str> = scenario.bodies.iter().map(|b| b.id.as_str()).collect();
    const ACTOR: (&str, &str) = ("an actor", "actors");
    let mut out = Vec::new();
    // `what`: the sort of thing, with its article and in the plural ("an actor", "actors").
    let mut warn = |id: &str, (what, plural): (&str, &str), known: &[&str], span| {
        let hint = match crate::diagnostics::did_you_mean(id, known.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None if known.len() <= 12 => format!("the {plural} of this scenario are: {}", known.join(", ")),
            None => format!("the {plural} and their ids are listed in the scenario file"),
        };
        out.push(
            Diagnostic::warning(
                "unknown-id",
                format!("`{id}` is not {what} of this scenario: the order will be refused when its turn is played"),
                span,
            )
            .help(hint),
        );
    };
    for (ti, t) in file.turns.iter().enumerate() {
        for (oi, o) in t.orders.iter().enumerate() {
            let at = |field: &'static str| spans.span(&crate::path!["turns", ti, "orders", oi, field]);
            if scenario.actor(o.actor).is_none() {
                warn(&o.actor, ACTOR, &actors, at("actor"));
            }
            match &o.target {
                Some(Target::Actor(a)) if scenario.actor(a).is_none() => warn(a, ACTOR, &actors, at("target")),
                Some(Target::Dyad(d)) if scenario.dyad(d).is_none() => {
                    warn(d, ("a dispute", "disputes"), &dyads, at("target"))
                }
                Some(Target::Body(b)) if scenario.body(b).is_none() => {
                    warn(b, ("a body", "bodies"), &bodies, at("target"))
                }
                _ => {}
            }
            if let Some(w) = &o.with
                && scenario.actor(w).is_none()
            {
                warn(w, ACTOR, &actors, at("with"));
            }
        }
    }
    out
}
