//! The line format: one command a line, for scripted games and any input that is not a terminal.
//!
//! ```text
//! order ROLE TOOL [TARGET] [style=S] [with=ID] [sanction=K] [chapter=VI|VII] [contents=A(x)+B(y,n)]
//! withdraw ROLE            take back ROLE's last order
//! ballot MEMBER yes|no|abstain
//! inject ID                fire a facilitator inject this turn
//! play                     resolve the turn (seated groups without orders hold)
//! undo                     take back the last completed turn
//! end                      end the game now and score it (the turn is resolved with the orders given)
//! stop                     save and stop (also at the end of input)
//! # comment
//! ```
//! TARGET is `dyad:ID`, `body:ID`, `actor:ID`, or an id that names exactly one of them.

use crate::engine::record::Ballot;
use crate::scenario::Id;
use crate::scenario::{
    Chapter, Draft, DraftContent, MediationStyle, OrderSpec, SanctionKind, Scenario, Target, ToolKind,
};

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Order(OrderSpec),
    Withdraw(String),
    Ballot(String, Ballot),
    Inject(String),
    Play,
    /// Resolve the turn, then end the game and score it.
    EndNow,
    Undo,
    Stop,
    Nothing,
}

fn names<T: std::fmt::Debug>(all: &[T]) -> String {
    all.iter().map(|x| format!("{x:?}")).collect::<Vec<_>>().join(", ")
}

pub fn parse_tool(word: &str) -> Result<ToolKind, String> {
    ToolKind::ALL.iter().copied().find(|t| format!("{t:?}").eq_ignore_ascii_case(word)).ok_or_else(|| {
        let all: Vec<String> = ToolKind::ALL.iter().map(|t| format!("{t:?}")).collect();
        match crate::diagnostics::did_you_mean(word, all.iter().map(String::as_str)) {
            Some(h) => format!("there is no tool `{word}`; did you mean `{h}`?"),
            None => format!("there is no tool `{word}`; the tools are: {}", names(&ToolKind::ALL)),
        }
    })
}

pub fn parse_target(word: &str, s: &Scenario) -> Result<Target, String> {
    let (kind, id) = match word.split_once(':') {
        Some((k, id)) => (Some(k), id),
        None => (None, word),
    };
    let dyad = s.dyad(id).is_some();
    let body = s.body(id).is_some();
    let actor = s.actor(id).is_some();
    match kind {
        Some("dyad") if dyad => Ok(Target::Dyad(id.into())),
        Some("body") if body => Ok(Target::Body(id.into())),
        Some("actor") if actor => Ok(Target::Actor(id.into())),
        None if dyad => Ok(Target::Dyad(id.into())),
        None if body => Ok(Target::Body(id.into())),
        None if actor => Ok(Target::Actor(id.into())),
        _ => {
            let all: Vec<&str> = s
                .conflict
                .dyads
                .iter()
                .map(|d| d.id.as_str())
                .chain(s.bodies.iter().map(|b| b.id.as_str()))
                .chain(s.actors.iter().map(|a| a.id.as_str()))
                .collect();
            Err(match crate::diagnostics::did_you_mean(id, all.iter().copied()) {
                Some(h) => format!("there is no target `{word}`; did you mean `{h}`?"),
                None => format!("there is no target `{word}`; write dyad:ID, body:ID or actor:ID"),
            })
        }
    }
}

fn parse_contents(text: &str) -> Result<Vec<DraftContent>, String> {
    text.split('+')
        .map(|item| {
            let ron = item.trim();
            crate::scenario::ron_options().from_str::<DraftContent>(ron).map_err(|_| {
                format!("`{ron}` is not a draft content; write e.g. Ceasefire(\"river\") or Observers(\"river\",50)")
            })
        })
        .collect()
}

/// Parses one line. Errors say what was wrong and what to write instead.
pub fn parse_command(line: &str, s: &Scenario) -> Result<Command, String> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return Ok(Command::Nothing);
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    match words[0] {
        "play" | "next" => Ok(Command::Play),
        "undo" => Ok(Command::Undo),
        "end" if words.len() == 1 => Ok(Command::EndNow),
        "stop" | "save" => Ok(Command::Stop),
        "inject" if words.len() == 2 => Ok(Command::Inject(words[1].into())),
        "withdraw" if words.len() == 2 => Ok(Command::Withdraw(words[1].into())),
        "ballot" if words.len() == 3 => {
            let b = match words[2].to_ascii_lowercase().as_str() {
                "yes" => Ballot::Yes,
                "no" => Ballot::No,
                "abstain" => Ballot::Abstain,
                other => return Err(format!("`{other}` is not a ballot; write yes, no or abstain")),
            };
            Ok(Command::Ballot(words[1].into(), b))
        }
        "order" if words.len() >= 3 => {
            let tool = parse_tool(words[2])?;
            let mut order = OrderSpec::new(words[1].into(), tool, None);
            let mut chapter = None;
            let mut contents = None;
            for w in &words[3..] {
                match w.split_once('=') {
                    Some(("style", v)) => {
                        order.style = Some(match v.to_ascii_lowercase().as_str() {
                            "facilitative" => MediationStyle::Facilitative,
                            "formulative" => MediationStyle::Formulative,
                            "directive" => MediationStyle::Directive,
                            _ => {
                                return Err(format!(
                                    "`{v}` is not a style; write facilitative, formulative or directive"
                                ));
                            }
                        })
                    }
                    Some(("with", v)) => order.with = Some(Id::from(v)),
                    Some(("sanction", v)) => {
                        order.sanction = Some(match v.to_ascii_lowercase().as_str() {
                            "armsembargo" | "arms-embargo" => SanctionKind::ArmsEmbargo,
                            "assetfreeze" | "asset-freeze" => SanctionKind::AssetFreeze,
                            "travelban" | "travel-ban" => SanctionKind::TravelBan,
                            "commodityban" | "commodity-ban" => SanctionKind::CommodityBan,
                            _ => {
                                return Err(format!(
                                    "`{v}` is not a sanction; write arms-embargo, asset-freeze, travel-ban or commodity-ban"
                                ));
                            }
                        })
                    }
                    Some(("chapter", v)) => {
                        chapter = Some(match v {
                            "VI" | "vi" | "6" => Chapter::VI,
                            "VII" | "vii" | "7" => Chapter::VII,
                            _ => return Err(format!("`{v}` is not a chapter; write VI or VII")),
                        })
                    }
                    Some(("contents", v)) => contents = Some(parse_contents(v)?),
                    Some((k, _)) => {
                        return Err(format!(
                            "`{k}` is not an order setting; use style=, with=, sanction=, chapter= or contents="
                        ));
                    }
                    None if order.target.is_none() => order.target = Some(parse_target(w, s)?),
                    None => return Err(format!("`{w}` is one word too many; settings are written key=value")),
                }
            }
            if let Some(contents) = contents {
                order.draft = Some(Box::new(Draft { chapter: chapter.unwrap_or(Chapter::VI), contents }));
            }
            Ok(Command::Order(order))
        }
        _ => Err(format!(
            "`{line}` is not understood; write `order ROLE TOOL TARGET`, `ballot MEMBER yes|no|abstain`, `inject ID`, `withdraw ROLE`, `play`, `end`, `undo` or `stop`"
        )),
    }
}
