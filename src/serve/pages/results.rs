//! What happened in a turn and why, in plain words: the public part of its record (what everyone may
//! know once it is resolved), for the groups' pages and the projector.

use maud::{Markup, PreEscaped, html};

use crate::debrief::Chart;
use crate::engine::record::TurnRecord;
use crate::play::Session;
use crate::scenario::Scenario;

fn last_turn(scenario: &Scenario, record: &TurnRecord) -> Markup {
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
            p class="notice" { strong { "The game ends: " } (end.reason.trim_end_matches('.')) ". Outcome: " (end.outcome_title) "." }
            (scores(scenario, end, &record.state))
        }
    }
}

/// The public situation report `play` reads out, without last turn's events (shown apart, by
/// `last_turn`).
fn situation(session: &Session) -> Markup {
    let text = crate::serve::stats::SITUATION
        .time(|| crate::play::situation_report(&session.scenario, session.state(), None, session.next_turn()));
    html! { pre class="report" { (text) } }
}

/// Every role's points at the end, as the end scored them (the debrief lists each objective).
fn scores(
    scenario: &Scenario,
    end: &crate::engine::record::EndRecord,
    state: &crate::engine::state::Snapshot,
) -> Markup {
    let roles = crate::debrief::objectives::scores(crate::names::Names::new(scenario), end, &[], state);
    html! {
        @if !roles.is_empty() {
            table class="scores" {
                tr { th { "Role" } th { "Points" } th { "Objectives met" } }
                @for role in &roles {
                    tr {
                        td { (role.role) }
                        td { (role.points) " of " (role.max) }
                        td { (role.rows.iter().filter(|o| o.met).count()) " of " (role.rows.len()) }
                    }
                }
            }
        }
    }
}

/// What every page shows alike until the next resolution or undo, as HTML: the situation report, last
/// turn's results and the debrief's charts so far. The room renders it once per version
/// (`Room::public`) rather than for each page that reloads after a resolution (every projector and
/// every group's page reload at once then).
pub struct Public {
    pub situation: String,
    /// Last turn's public results (none before the first turn).
    pub last_turn: Option<String>,
    /// The charts as figures (empty before the first turn).
    pub charts: String,
}

impl Public {
    pub fn render(session: &Session, charts: Vec<Chart>) -> Public {
        let figures = html! {
            @for chart in &charts {
                figure {
                    (PreEscaped(&chart.svg))
                    figcaption { (chart.caption) }
                }
            }
        };
        Public {
            situation: situation(session).into_string(),
            last_turn: session.records.last().map(|record| last_turn(&session.scenario, record).into_string()),
            charts: figures.into_string(),
        }
    }
}
