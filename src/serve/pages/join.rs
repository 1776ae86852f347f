//! The join sheet: one slip per group with its name, its link and the link as a QR code, printed and
//! cut so each group gets only its own. (The projector shows a group's code too, but only until the
//! group has opened its page: a code in view of the room would let any group act for another.)

use maud::{Markup, PreEscaped, html};
use qrcode::QrCode;
use qrcode::render::svg;

use super::layout::{Frame, page};
use crate::names::Names;
use crate::serve::http::Shared;
use crate::serve::room::Room;

/// A link as an SVG QR code, or nothing if it does not fit in one (a link of a few dozen characters
/// always does).
pub fn qr_svg(link: &str) -> Option<String> {
    let code = QrCode::new(link.as_bytes()).ok()?;
    Some(code.render::<svg::Color<'_>>().min_dimensions(180, 180).quiet_zone(true).build())
}

pub fn render(room: &Room, state: &Shared) -> Markup {
    let scenario = &room.session.scenario;
    let names = Names::new(scenario);
    let body = html! {
        h1 class="noprint" { "Join sheet — " (scenario.meta.title) }
        p class="noprint muted" { "Print, cut along the dashed lines and give each group its own slip only." }
        @for (role, token) in &room.keys.groups {
            @let link = state.link("g", token);
            div class="slip" {
                h2 { (names.actor(role)) }
                @if let Some(svg) = qr_svg(&link) { (PreEscaped(svg)) }
                p { "Scan the code, or open:" }
                p class="url" { (link) }
                p class="muted" { "Keep this link to your group: it lets whoever has it act for you." }
            }
        }
    };
    page(Frame { title: "Join sheet", lang: &scenario.meta.language, class: "join", live: None }, body)
}
