//! Every order of the resolved turns, for the facilitator: each group's and each other seat's orders,
//! the refusals with their reasons, the ballots, the injects and the messages. Orders of the turn in
//! progress are not here: the facilitator reads them once the turn is resolved.

use maud::{Markup, html};

use super::layout::{Frame, page};
use crate::names::Names;
use crate::play::{Session, describe};

pub fn render(session: &Session, token: &str) -> Markup {
    let scenario = &session.scenario;
    let names = Names::new(scenario);
    let body = html! {
        p { a href=(format!("/f/{token}")) { "← Console" } }
        h1 { "Orders of the resolved turns" }
        @if session.records.is_empty() { p class="muted" { "No turn is resolved yet." } }
        @for record in session.records.iter().rev() {
            h2 { "Turn " (record.turn) " (" (record.dates) ")" }
            table {
                tr { th { "Who" } th { "Order" } }
                @for order in &record.submitted {
                    tr {
                        td { (names.actor(&order.actor)) @if session.seats.iter().any(|s| *s == order.actor) { " (group)" } }
                        td { (describe(scenario, order)) }
                    }
                }
            }
            @for rejection in &record.rejected {
                p class="refusal" { (names.actor(&rejection.order.actor)) ": not carried out — " (describe(scenario, &rejection.order)) ": " (rejection.reason) }
            }
            @if !record.ballots.is_empty() {
                p { "Ballots: " (record.ballots.iter().map(|(m, b)| format!("{} {b:?}", names.actor(m))).collect::<Vec<_>>().join(", ")) }
            }
            @if !record.facilitator_injects.is_empty() {
                p { "Injects fired: " (record.facilitator_injects.iter().map(|i| names.inject_title(i)).collect::<Vec<_>>().join(", ")) }
            }
            @for message in &record.messages {
                div class="message" {
                    strong {
                        (names.actor(&message.from)) " → "
                        @if message.to.is_empty() { "all groups" }
                        @else { (message.to.iter().map(|t| names.actor(t)).collect::<Vec<_>>().join(", ")) }
                    }
                    br;
                    (message.text)
                }
            }
        }
    };
    page(Frame { title: "Orders", lang: &scenario.meta.language, class: "console", live: None }, body)
}
