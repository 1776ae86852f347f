//! The projector: the public situation, last turn's results, the debrief's charts so far, the timer
//! and which groups have locked in (never what). Nothing on it is private: no role sheet, no pending
//! order, no message. The one exception is a group's link, as a QR code and as text, until the group
//! has opened its page once (`Room::join_codes`): the groups join from the big screen, and a code is
//! taken down as soon as it has been used, so it is not in view while the game is played.

use maud::{Markup, PreEscaped, html};

use super::join::qr_svg;
use super::layout::{Frame, page, timer};
use crate::names::Names;
use crate::serve::http::Shared;
use crate::serve::room::Room;

/// `state` gives the groups' links; `since` is the count of changes announced when the page was
/// asked for, which its stream starts from (a change announced meanwhile reloads it).
pub fn render(room: &mut Room, token: &str, state: &Shared, since: u64) -> Markup {
    let public = room.public();
    let room = &*room;
    let session = &room.session;
    let scenario = &session.scenario;
    let names = Names::new(scenario);
    let codes: Vec<(String, String)> =
        room.join_codes().into_iter().map(|(role, token)| (names.actor(role), state.link("g", token))).collect();
    let body = html! {
        header class="bar" {
            h1 { (scenario.meta.title) }
            @if session.is_over() {
                span { "The game is over." }
            } @else {
                span { "Turn " (session.next_turn()) " of " (scenario.meta.turns) " — " (crate::engine::turn_dates(&scenario.meta, session.next_turn())) }
            }
            (timer(room.timer.left(), room.timer.is_paused()))
        }
        @if !codes.is_empty() {
            h2 { "Join the game" }
            p class="muted" { "Each group scans its own code, or types its link. A code goes away once its group's page is open." }
            div class="codes" {
                @for (name, link) in &codes {
                    div class="slip" {
                        h3 { (name) }
                        @if let Some(svg) = qr_svg(link) { (PreEscaped(svg)) }
                        p class="url" { (link) }
                    }
                }
            }
        }
        @if !session.is_over() {
            h2 { "Groups" }
            table {
                @for seat in &session.seats {
                    tr {
                        td { (names.actor(seat)) }
                        td {
                            @if room.is_locked(seat) { span class="locked" { "locked in" } }
                            @else if room.has_joined(seat) { span class="waiting" { "choosing" } }
                            @else { span class="muted" { "not joined yet" } }
                        }
                    }
                }
            }
        }
        @if let (Some(record), Some(results)) = (session.records.last(), &public.last_turn) {
            h2 { "Last turn (" (record.dates) ")" }
            (PreEscaped(results))
        }
        h2 { "The situation" }
        (PreEscaped(&public.situation))
        @if !public.charts.is_empty() {
            h2 { "So far" }
            div class="charts" { (PreEscaped(&public.charts)) }
        }
    };
    page(
        Frame {
            title: &scenario.meta.title,
            lang: &scenario.meta.language,
            class: "projector",
            live: Some(format!("/p/{token}/events?since={since}")),
        },
        body,
    )
}
