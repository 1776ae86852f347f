//! A group's page: its orders for the turn (lock in, change, withdraw), its ballot when it sits on the
//! Council, the menu of orders it can give now, its messages, what happened last turn, the situation,
//! and its role sheet. It shows this group's pending orders and the messages it may read, nothing of
//! any other group's.

use maud::{Markup, PreEscaped, html};

use super::Public;
use super::layout::{Frame, notice, page, timer};
use crate::names::Names;
use crate::orders::MAX_MESSAGE_CHARS;
use crate::play::describe;
use crate::serve::room::Room;

/// The page; `menu` is the menu of orders when the page shows one (`Room::menu`), and `public` what
/// every page shows alike (`Room::public`).
pub fn render(
    room: &Room,
    role: &str,
    token: &str,
    notice_text: Option<&str>,
    menu: Option<&str>,
    public: &Public,
    since: u64,
) -> Markup {
    let session = &room.session;
    let scenario = &session.scenario;
    let names = Names::new(scenario);
    let name = names.actor(role);
    let turn = session.next_turn();
    let locked = room.is_locked(role);
    let over = session.is_over();
    let act = |path: &str| format!("/g/{token}/{path}");
    let body = html! {
        header class="bar" {
            h1 { (name) }
            span { "Turn " (turn.min(scenario.meta.turns)) " of " (scenario.meta.turns) }
            (timer(room.timer.left(), room.timer.is_paused()))
        }
        (notice(notice_text))
        @if over {
            p class="notice" { "The game is over. Your facilitator will lead the debrief." }
        } @else {
            (orders_section(room, role, &act, locked))
            (ballot_section(room, role, &act, locked))
            @if let Some(menu) = menu {
                (PreEscaped(menu))
            }
        }
        (messages_section(room, role, &act, over))
        @if let Some(record) = session.records.last() {
            h2 { "Last turn: what happened and why" }
            (own_fate(room, role, record))
            @if let Some(results) = &public.last_turn { (PreEscaped(results)) }
        }
        h2 { "The situation" }
        (PreEscaped(&public.situation))
        h2 { "Your objectives now" }
        (objectives_now(room, role))
        h2 { "Your role" }
        (role_sheet(room, role))
    };
    let title = format!("{name} — {}", scenario.meta.title);
    page(
        Frame {
            title: &title,
            lang: &scenario.meta.language,
            class: "group",
            live: Some(format!("{}?since={since}", act("events"))),
        },
        body,
    )
}

fn orders_section(room: &Room, role: &str, act: &dyn Fn(&str) -> String, locked: bool) -> Markup {
    let session = &room.session;
    let given = session.orders_of(role);
    html! {
        h2 { "Your orders this turn" }
        @if given.is_empty() {
            p class="muted" { "No orders yet: a group that gives none holds this turn." }
        }
        ol {
            @for (index, order) in given.iter().enumerate() {
                li {
                    (describe(&session.scenario, order))
                    @if !locked {
                        " "
                        form class="inline" method="post" action=(act("withdraw")) {
                            input type="hidden" name="index" value=(index);
                            button type="submit" { "Withdraw" }
                        }
                    }
                }
            }
        }
        @if locked {
            p class="locked" { "Locked in. The facilitator resolves the turn when every group is ready." }
            form method="post" action=(act("unlock")) { button type="submit" { "Unlock to change" } }
        } @else {
            p class="waiting" { "Not locked in: orders that are not locked in when the turn is resolved are not played." }
            form method="post" action=(act("lock")) {
                button class="primary" type="submit" {
                    @if given.is_empty() { "Lock in: hold this turn" } @else { "Lock in these orders" }
                }
            }
        }
    }
}

fn ballot_section(room: &Room, role: &str, act: &dyn Fn(&str) -> String, locked: bool) -> Markup {
    let session = &room.session;
    let on_council = session.scenario.bodies.iter().any(|b| b.is_council() && b.has_member(role));
    if !on_council {
        return html! {};
    }
    let cast = session.ballot_of(role);
    html! {
        h2 { "Your ballot at the Security Council" }
        p class="muted" {
            "Drafts put to the Council this turn are voted on when the turn is resolved; groups' drafts stay \
             secret until then (talk about them in messages). Your ballot counts for every draft this turn."
        }
        p { "Your ballot: " strong { (cast.map_or("none yet (you vote as your role's policy would)".to_string(), |b| format!("{b:?}"))) } }
        @if !locked {
            @for (value, label) in [("yes", "Yes"), ("no", "No"), ("abstain", "Abstain")] {
                form class="inline" method="post" action=(act("ballot")) {
                    input type="hidden" name="ballot" value=(value);
                    button type="submit" { (label) }
                }
                " "
            }
            @if cast.is_some() {
                form class="inline" method="post" action=(act("ballot")) {
                    input type="hidden" name="ballot" value="position";
                    button type="submit" { "Take it back (vote as your role's policy would)" }
                }
            }
        }
    }
}

fn messages_section(room: &Room, role: &str, act: &dyn Fn(&str) -> String, over: bool) -> Markup {
    let session = &room.session;
    let names = Names::new(&session.scenario);
    let others: Vec<&String> = session.seats.iter().filter(|s| *s != role).collect();
    let now: Vec<_> = session.messages().iter().filter(|m| m.readable_by(role)).collect();
    let earlier: Vec<(u32, &crate::orders::Message)> = session
        .records
        .iter()
        .rev()
        .flat_map(|r| r.messages.iter().filter(|m| m.readable_by(role)).map(move |m| (r.turn, m)))
        .collect();
    let to_words = |m: &crate::orders::Message| {
        if m.to.is_empty() {
            "all groups".to_string()
        } else {
            m.to.iter().map(|t| names.actor(t)).collect::<Vec<_>>().join(", ")
        }
    };
    html! {
        h2 { "Messages" }
        @if !over && !others.is_empty() {
            form method="post" action=(act("message")) {
                p {
                    "To: "
                    label { input type="checkbox" name="to" value="all"; " all groups" }
                    @for other in &others {
                        " "
                        label { input type="checkbox" name="to" value=(other); " " (names.actor(other)) }
                    }
                }
                textarea name="text" maxlength=(MAX_MESSAGE_CHARS) required placeholder="Your message" {}
                button type="submit" { "Send" }
            }
        }
        @if now.is_empty() && earlier.is_empty() {
            p class="muted" { "No messages yet." }
        }
        @for message in now.iter().rev() {
            div class="message" {
                strong { (names.actor(&message.from)) " → " (to_words(message)) } br;
                (message.text)
            }
        }
        @for (turn, message) in &earlier {
            div class="message muted" {
                "Turn " (turn) ": " strong { (names.actor(&message.from)) " → " (to_words(message)) } br;
                (message.text)
            }
        }
    }
}

/// This group's own orders of the last turn and what became of the refused ones.
fn own_fate(room: &Room, role: &str, record: &crate::engine::record::TurnRecord) -> Markup {
    let scenario = &room.session.scenario;
    let mine: Vec<_> = record.submitted.iter().filter(|o| o.actor == role).collect();
    let refused: Vec<_> = record.rejected.iter().filter(|r| r.order.actor == role).collect();
    html! {
        p {
            "Your orders: "
            @if mine.is_empty() { "none (you held)." }
            @else { (mine.iter().map(|o| describe(scenario, o)).collect::<Vec<_>>().join("; ")) "." }
        }
        @for rejection in refused {
            p class="refusal" { "Not carried out: " (describe(scenario, &rejection.order)) " — " (rejection.reason) }
        }
    }
}

/// Each objective of the role and whether it would be met if the game ended now (they are scored at
/// the end, on the state then).
fn objectives_now(room: &Room, role: &str) -> Markup {
    let session = &room.session;
    let Some(actor) = session.scenario.actor(role) else { return html! {} };
    let view = crate::engine::view::View::of_snapshot(&session.scenario, session.state(), session.next_turn());
    let words = crate::brief::words::Words::new(&session.scenario);
    html! {
        ul {
            @for objective in &actor.objectives {
                li {
                    (objective.text.trim()) " (" (objective.points) " points): "
                    @if view.holds(&objective.goal) { span class="locked" { "met now" } }
                    @else { span class="waiting" { "not met now" } }
                    span class="muted" { " — " (words.condition(&objective.goal)) }
                    @if let Some(numbers) = crate::debrief::shortfall::numbers_now(&view, &objective.goal) {
                        span class="muted" { "; " (numbers) }
                    }
                }
            }
        }
    }
}

/// The role's private sheet as `brief` prints it, without its page frame.
fn role_sheet(room: &Room, role: &str) -> Markup {
    html! { div class="sheet" { (PreEscaped(room.role_sheet(role))) } }
}
