//! Council ballots at the menus: when a seated group's draft is before the Council, each seated
//! Council member says how it votes.

use std::io::Write;

use super::{choose, say};
use crate::engine::record::Ballot;
use crate::names::Names;
use crate::play::input::Input;
use crate::play::session::Session;
use crate::scenario::ToolKind;

/// The drafts the seated groups put before the Council this turn, in words.
fn drafts_before_council(session: &Session) -> Vec<String> {
    let names = Names::new(&session.scenario);
    session
        .seats
        .iter()
        .flat_map(|role| session.orders_of(role))
        .filter(|o| o.tool == ToolKind::DraftResolution)
        .map(|o| names.order(o))
        .collect()
}

/// When a group's draft is before the Council, each seated group with a Council seat casts its ballot
/// (members not asked, and those who answer "by its position", vote as the rules decide).
pub(super) fn council_ballots(session: &mut Session, input: &mut Input, out: &mut dyn Write) -> Option<()> {
    let drafts = drafts_before_council(session);
    if drafts.is_empty() {
        return Some(());
    }
    let members: Vec<String> = session
        .seats
        .iter()
        .filter(|r| session.scenario.bodies.iter().any(|b| b.is_council() && b.has_member(r.as_str())))
        .cloned()
        .collect();
    if members.is_empty() {
        return Some(());
    }
    say(out, &format!("\nBefore the Council this turn:\n  {}", drafts.join("\n  ")));
    let choices = [
        "as its position decides (the rules' vote)".to_string(),
        "yes".into(),
        "no (a permanent member's no is a veto)".into(),
        "abstain".into(),
    ];
    for member in members {
        let name = Names::new(&session.scenario).actor(&member);
        let k = choose(input, out, &format!("How does {name} vote on every draft this turn?"), &choices, None)?;
        let given = match [None, Some(Ballot::Yes), Some(Ballot::No), Some(Ballot::Abstain)][k - 1] {
            Some(ballot) => session.ballot(&member, ballot),
            // A ballot cast earlier this turn (restored by `resume`, say) no longer holds.
            None => session.clear_ballot(&member),
        };
        if let Err(e) = given {
            say(out, &e);
        }
    }
    Some(())
}
