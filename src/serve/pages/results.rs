//! What happened in a turn and why, in plain words: the public part of its record (what everyone may
//! know once it is resolved), for the groups' pages and the projector.

use maud::{Markup, html};

use crate::engine::record::TurnRecord;
use crate::scenario::Scenario;

pub fn last_turn(scenario: &Scenario, record: &TurnRecord) -> Markup {
    html! {
        ul {
            @for vote in &record.votes {
                li {
                    (vote.subject) ": " strong { @if vote.adopted { "adopted" } @else { "not adopted" } }
                    " (" (vote.tally) "). " (vote.explanation)
                }
            }
            @for outcome in &record.outcomes {
                li { (outcome.explanation) }
            }
            @for inject in &record.injects {
                li { strong { "News: " (inject.title) ". " } (inject.text) }
            }
            @for dynamics in &record.dynamics {
                li {
                    "On the ground in " (scenario.dyad(dynamics.dyad).map_or(dynamics.dyad.as_str(), |d| d.name.as_str()))
                    ": " (dynamics.explanation)
                }
            }
        }
        @if let Some(end) = &record.end {
            p class="notice" { strong { "The game ends: " } (end.reason) " Outcome: " (end.outcome_title) "." }
        }
    }
}

/// The public situation report `play` reads out, without last turn's events (shown apart, by
/// `last_turn`).
pub fn situation(room: &crate::serve::room::Room) -> Markup {
    let session = &room.session;
    let text = crate::serve::stats::SITUATION
        .time(|| crate::play::situation_report(&session.scenario, session.state(), None, session.next_turn()));
    html! { pre class="report" { (text) } }
}
