//! Negotiations: what the groups said to each other in each turn (the messages of the web room or of
//! an orders file), set beside what each speaker then did in that turn — the debrief's question "did
//! they do what they said?". Messages change nothing in the model; they are only read here.

use crate::engine::record::TurnRecord;
use crate::names::{Names, tool};

/// One turn's messages, with what their senders did.
#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    pub turn: u32,
    pub dates: String,
    /// Each message in the order sent: "Doravia → Kessland", and its text.
    pub said: Vec<(String, String)>,
    /// Each sender, once, with what it did in the turn: its orders and their results.
    pub did: Vec<(String, Vec<String>)>,
}

pub fn build(names: Names<'_>, records: &[TurnRecord]) -> Vec<Round> {
    records
        .iter()
        .filter(|r| !r.messages.is_empty())
        .map(|r| {
            let said = r
                .messages
                .iter()
                .map(|m| {
                    let to = if m.to.is_empty() {
                        "everyone".to_string()
                    } else {
                        m.to.iter().map(|t| names.actor(t)).collect::<Vec<_>>().join(", ")
                    };
                    (format!("{} → {to}", names.actor(&m.from)), m.text.clone())
                })
                .collect();
            let mut senders: Vec<&str> = Vec::new();
            for m in &r.messages {
                if !senders.contains(&m.from.as_str()) {
                    senders.push(&m.from);
                }
            }
            let did = senders.into_iter().map(|s| (names.actor(s), deeds(names, r, s))).collect();
            Round { turn: r.turn, dates: r.dates.clone(), said, did }
        })
        .collect()
}

/// What `actor` did in the turn, in words: each resolved order with its result, each refused one with
/// its reason, or that it held.
fn deeds(names: Names<'_>, r: &TurnRecord, actor: &str) -> Vec<String> {
    let mut out: Vec<String> = r
        .outcomes
        .iter()
        .filter(|o| o.actor == actor)
        .map(|o| {
            let target = o.target.map(|t| format!(" → {}", names.any(t.as_str()))).unwrap_or_default();
            format!("{}{target}: {}", tool(o.tool), o.result)
        })
        .collect();
    out.extend(r.rejected.iter().filter(|x| x.order.actor == actor).map(|x| {
        let target = x.order.target.as_ref().map(|t| format!(" → {}", names.target(t))).unwrap_or_default();
        format!("{}{target}: refused ({})", tool(x.order.tool), x.reason)
    }));
    if out.is_empty() {
        out.push("held: no order".to_string());
    }
    out
}
