//! The frame of every page: the style sheet and the script, both served by the room itself.

use maud::{DOCTYPE, Markup, html};

/// Where a page listens for changes (`None`: a page that does not change, such as the join sheet).
pub struct Frame<'a> {
    pub title: &'a str,
    pub lang: &'a str,
    pub class: &'a str,
    pub live: Option<String>,
}

pub fn page(frame: Frame<'_>, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(frame.lang) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                title { (frame.title) }
                link rel="stylesheet" href="/assets/room.css";
            }
            body class=(frame.class) data-live=[frame.live] {
                p id="news" class="news" hidden {
                    "The room has news: " a href="" { "reload the page" } " (what you typed is lost)."
                }
                (body)
                script src="/assets/live.js" defer {}
            }
        }
    }
}

/// The timer's line: the time left (counted down by the script), or nothing without a timer.
pub fn timer(left: Option<std::time::Duration>, paused: bool) -> Markup {
    html! {
        @if let Some(left) = left {
            span {
                "Time left: "
                span id="timer" data-left=(left.as_secs()) data-paused=(if paused { "yes" } else { "no" }) {
                    (crate::serve::timer::clock(left))
                }
                @if paused { " (paused)" }
            }
        }
    }
}

/// How the page's last change went.
pub fn notice(text: Option<&str>) -> Markup {
    html! {
        @if let Some(text) = text {
            p class="notice" role="status" { (text) }
        }
    }
}
