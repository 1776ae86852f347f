//! The facilitator's console: each group's status (joined, how many orders, locked in: never which
//! orders before the turn is resolved), resolving the turn, injects with what they do, the timer,
//! ending the game now and undo, each with a confirmation, new links, and the way to the orders of resolved turns and the debrief.

use maud::{Markup, html};

use super::layout::{Frame, notice, page, timer};
use crate::brief::words::Words;
use crate::names::Names;
use crate::play::Others;
use crate::serve::http::Shared;
use crate::serve::room::Room;

pub fn render(room: &Room, state: &Shared, token: &str, notice_text: Option<&str>, since: u64) -> Markup {
    let session = &room.session;
    let scenario = &session.scenario;
    let names = Names::new(scenario);
    let words = Words::new(scenario);
    let act = |path: &str| format!("/f/{token}/{path}");
    let locked = room.locked();
    let others = match session.others {
        Others::Bots => "be played by their bots",
        Others::Historical => "follow the historical course",
        Others::Hold => "hold",
    };
    let body = html! {
        header class="bar" {
            h1 { "Console — " (scenario.meta.title) }
            @if !session.is_over() { span { "Turn " (session.next_turn()) " of " (scenario.meta.turns) } }
            (timer(room.timer.left(), room.timer.is_paused()))
        }
        (notice(notice_text))
        p {
            a href=(state.link("p", &room.keys.projector)) { "Projector" } " · "
            a href=(act("join")) { "Join sheet (print)" } " · "
            a href=(act("orders")) { "Every order of the resolved turns" } " · "
            a href=(act("debrief")) { "The debrief so far" }
        }
        h2 { "Groups" }
        table {
            tr { th { "Group" } th { "Joined" } th { "Orders" } th { "Status" } th {} }
            @for seat in &session.seats {
                tr {
                    td { (names.actor(seat)) br; span class="muted" { (seat) } }
                    td { @if room.has_joined(seat) { "yes" } @else { "not yet" } }
                    td { (session.orders_of(seat).len()) }
                    td {
                        @if room.is_locked(seat) { span class="locked" { "locked in" } }
                        @else { span class="waiting" { "choosing" } }
                    }
                    td {
                        form class="inline" method="post" action=(act("relink")) {
                            input type="hidden" name="role" value=(seat);
                            button type="submit" { "New link" }
                        }
                    }
                }
            }
        }
        @if session.is_over() {
            p class="notice" { "The game is over: open the debrief." }
        } @else {
            h2 { "Resolve the turn" }
            p {
                (locked.len()) " of " (session.seats.len()) " groups are locked in. "
                @if locked.len() < session.seats.len() {
                    "The groups not locked in, and the seats nobody plays, will " (others) "."
                } @else {
                    "The seats nobody plays will " (others) "."
                }
            }
            form method="post" action=(act("resolve")) {
                button class="primary" type="submit" { "Resolve turn " (session.next_turn()) }
            }
            h2 { "Injects" }
            @if !session.fired_injects().is_empty() {
                p { "Fired for this turn: " (session.fired_injects().iter().map(|i| names.inject_title(i)).collect::<Vec<_>>().join(", ")) }
            }
            @let available = session.available_injects();
            @if available.is_empty() { p class="muted" { "No facilitator inject is left." } }
            @for (id, title) in &available {
                @if let Some(inject) = scenario.injects.iter().find(|i| i.id == id.as_str()) {
                    details {
                        summary { strong { (title) } }
                        p { (inject.text) }
                        p class="muted" {
                            "What it does: " (words.effects(&inject.effects))
                        }
                        form method="post" action=(act("inject")) {
                            input type="hidden" name="inject" value=(id);
                            button type="submit" { "Fire it this turn" }
                        }
                    }
                }
            }
            h2 { "Timer" }
            form class="inline" method="post" action=(act("timer")) {
                @if room.timer.is_paused() {
                    input type="hidden" name="action" value="resume";
                    button type="submit" { "Resume" }
                } @else {
                    input type="hidden" name="action" value="pause";
                    button type="submit" { "Pause" }
                }
            }
            " "
            form class="inline" method="post" action=(act("timer")) {
                input type="hidden" name="action" value="extend";
                input type="number" name="minutes" value="2" min="1" max="120" style="width:4em";
                button type="submit" { "Add minutes" }
            }
        }
        @if !session.is_over() {
            h2 { "End the game now" }
            form method="post" action=(act("end")) {
                label {
                    input type="checkbox" name="confirm" value="end";
                    " Resolve turn " (session.next_turn()) " as above, then end the game and score every objective \
                      as at the end"
                }
                " "
                button type="submit" { "End the game now and score it" }
            }
        }
        @if let Some(last) = session.records.last() {
            h2 { "Undo" }
            form method="post" action=(act("undo")) {
                label { input type="checkbox" name="confirm" value="undo"; " Take back turn " (last.turn) " (the orders given since are dropped too)" }
                " "
                button type="submit" { "Undo" }
            }
        }
    };
    page(
        Frame {
            title: "Console",
            lang: &scenario.meta.language,
            class: "console",
            live: Some(format!("{}?since={since}", act("events"))),
        },
        body,
    )
}
