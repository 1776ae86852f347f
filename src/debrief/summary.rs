//! The printable summary (`debrief LOG --summary`): at most two A4 pages to hand out after the debrief —
//! how the game ended, the toll, when a deal became possible, the few turning points (without their
//! causes), each role's score with the objectives not met and the values they ended at, and one chart
//! (the Glasl stage). Everything in it is taken from the full report's model, so the two never disagree.

use super::html::{STYLE, escape, inline};
use super::markdown::{ChartFiles, text};
use super::{Chart, Debrief, TurningPoint};
use crate::names::count;

/// At most this many turning points are listed; the rest are counted, and are in the full report.
pub const TURNING_POINTS: usize = 10;

/// The print rules of the summary, after the report's: no page break before each part (the report starts
/// each on a new page), smaller type, the chart no wider than the text.
const SUMMARY_STYLE: &str = r#"
.summary-page h2 { margin-top: 1.2em; }
.summary-page .roles td, .summary-page .roles th { padding: 0.2em 0.45em; }
.summary-page .roles .num { white-space: nowrap; }
@media print {
  @page { size: A4; margin: 16mm; }
  body { font-size: 9.5pt; line-height: 1.35; }
  h1 { font-size: 17pt; margin: 0 0 0.3em; }
  h2 { font-size: 12.5pt; break-before: auto; margin: 0.9em 0 0.3em; }
  figure { margin: 0.5em 0; }
  figure svg { max-height: 95mm; }
  figcaption { font-size: 8.5pt; }
}
"#;

/// The turning points the summary lists: the major ones, in turn order, at most [`TURNING_POINTS`].
fn turning_points(d: &Debrief) -> (Vec<&TurningPoint>, usize) {
    let major: Vec<&TurningPoint> = d.turning_points.iter().filter(|t| t.major).collect();
    let more = major.len().saturating_sub(TURNING_POINTS);
    (major.into_iter().take(TURNING_POINTS).collect(), more)
}

/// "584 dead and 262,800 displaced by the end of turn 9 (none at the start)."
fn toll(d: &Debrief) -> String {
    let s = &d.series;
    let last = |l: &super::series::Line| l.points.last().map_or(0, |p| p.1.max(0.0) as u64);
    let first = |l: &super::series::Line| l.points.first().map_or(0, |p| p.1.max(0.0) as u64);
    let start = match (first(&s.deaths), first(&s.displaced)) {
        (0, 0) => "none at the start".to_string(),
        (dead, displaced) => format!("{} dead and {} displaced at the start", count(dead), count(displaced)),
    };
    format!(
        "{} dead and {} displaced by the end of turn {} ({start}).",
        count(last(&s.deaths)),
        count(last(&s.displaced)),
        s.last_turn
    )
}

/// " — the coherence … ended at 50.00 (needed at least 60.00)" for an objective that missed a number; an
/// event that did or did not happen is said by the objective's own words, and left out to keep the page
/// short.
/// A role's objectives not met, each written by `line` from its words and where it ended.
fn missed(r: &super::objectives::RoleScore, line: impl Fn(&str, &str) -> String) -> Vec<String> {
    r.rows.iter().filter(|o| !o.met).map(|o| line(o.text.trim(), &ended_at(o))).collect()
}

fn ended_at(o: &super::objectives::ObjectiveRow) -> String {
    super::shortfall::numbers(&o.shortfall).map_or(String::new(), |numbers| format!(" — {numbers}"))
}

/// The one chart of the summary: the Glasl stage of each dispute, the shape of the crisis.
pub fn chart(d: &Debrief) -> Option<&Chart> {
    d.charts.iter().find(|c| c.slug == "stage")
}

fn facts(d: &Debrief) -> String {
    let wanted = ["Seed", "Turns played", "Orders from", "Played by groups", "Log"];
    let parts: Vec<String> =
        d.facts.iter().filter(|(k, _)| wanted.contains(&k.as_str())).map(|(k, v)| format!("{k}: {v}")).collect();
    parts.join(" · ")
}

pub fn html(d: &Debrief) -> String {
    let mut out = String::new();
    let mut w = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    w("<!DOCTYPE html>");
    w(&format!("<html lang=\"{}\">", escape(&d.language)));
    w("<head>\n<meta charset=\"utf-8\">");
    w("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    w(&format!("<title>Summary: {}</title>", escape(&d.title)));
    w(&format!("<style>{STYLE}{SUMMARY_STYLE}</style>"));
    w("</head>\n<body class=\"summary-page\">");
    w(&format!("<h1>Summary: {}</h1>", escape(&d.title)));
    w(&format!("<p class=\"small\">{}</p>", escape(&facts(d))));

    w("<h2>How it ended</h2>");
    if let Some(e) = &d.ending {
        w(&format!(
            "<p class=\"ending\"><strong>{}.</strong> {}</p>",
            escape(&e.outcome_title),
            inline(&e.outcome_text)
        ));
        w(&format!("<p>Why the game stopped: {}</p>", inline(&e.reason)));
    }
    w(&format!("<p>{}</p>", inline(&d.progress)));
    if !d.in_force.is_empty() {
        w(&format!("<p><strong>In force when the log stops:</strong> {}</p>", escape(&d.in_force.join(" "))));
    }
    w(&format!("<p><strong>The toll:</strong> {}</p>", escape(&toll(d))));
    w("<ul class=\"deals\">");
    for x in &d.deals {
        w(&format!("<li>{}</li>", inline(x)));
    }
    w("</ul>");

    w("<h2>Turning points</h2>");
    let (points, more) = turning_points(d);
    if points.is_empty() {
        w("<p>Nothing changed much: no stage moved, nothing new was agreed or decided.</p>");
    } else {
        w("<ul>");
        for t in points {
            w(&format!("<li><strong>Turn {}:</strong> {}.</li>", t.turn, inline(&t.what)));
        }
        w("</ul>");
    }
    if more > 0 {
        w(&format!("<p class=\"small\">… and {more} more in the full report.</p>"));
    }

    w("<h2>Objectives</h2>");
    if d.objectives.is_empty() {
        w(&format!("<p>{}</p>", inline(&d.progress)));
    } else {
        w("<table class=\"roles\">");
        w("<tr><th>Role</th><th class=\"num\">Points</th><th>Objectives not met, and where they ended</th></tr>");
        for r in &d.objectives {
            let seat = if r.seat { " (a group)" } else { "" };
            let missed = missed(r, |text, why| format!("✘ {}{}", inline(text), escape(why)));
            let missed = if missed.is_empty() { "all met".to_string() } else { missed.join("<br>") };
            w(&format!(
                "<tr><td>{}{seat}</td><td class=\"num\">{} of {}</td><td>{missed}</td></tr>",
                escape(&r.role),
                r.points,
                r.max
            ));
        }
        w("</table>");
    }

    if let Some(c) = chart(d) {
        w("<h2>The crisis in one chart</h2>");
        w("<figure>");
        let labelled = c.svg.replacen("<svg ", &format!("<svg role=\"img\" aria-label=\"{}\" ", escape(&c.title)), 1);
        w(labelled.trim_end());
        w(&format!("<figcaption><strong>{}.</strong> {}</figcaption>", escape(&c.title), inline(&c.caption)));
        w("</figure>");
    }
    w("<p class=\"small\">The full report (<code>good-offices debrief LOG</code>) has every turn, the causes of each \
       turning point, the other charts and the discussion questions.</p>");
    w("</body>\n</html>");
    out
}

pub fn markdown(d: &Debrief, files: &ChartFiles) -> String {
    let mut out = String::new();
    let mut w = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    w(&format!("# Summary: {}", text(&d.title)));
    w("");
    w(&format!("*{}*", text(&facts(d))));
    w("");
    super::markdown::how_it_ended(&mut w, d);
    w(&format!("**The toll:** {}", toll(d)));
    w("");
    for x in &d.deals {
        w(&format!("- {}", text(x)));
    }
    w("");
    w("## Turning points");
    w("");
    let (points, more) = turning_points(d);
    if points.is_empty() {
        w("Nothing changed much: no stage moved, nothing new was agreed or decided.");
    }
    for t in points {
        w(&format!("- **Turn {}:** {}.", t.turn, text(&t.what)));
    }
    if more > 0 {
        w(&format!("- … and {more} more in the full report."));
    }
    w("");
    w("## Objectives");
    w("");
    if d.objectives.is_empty() {
        w(&text(&d.progress));
        w("");
    } else {
        w("| Role | Points | Objectives not met, and where they ended |");
        w("|---|---:|---|");
        for r in &d.objectives {
            let seat = if r.seat { " (a group)" } else { "" };
            let missed = missed(r, |text, why| format!("✘ {text}{why}"));
            let missed = if missed.is_empty() { "all met".to_string() } else { missed.join(" · ") };
            let cell = |s: &str| text(s).replace('|', "\\|").replace('\n', " ");
            w(&format!("| {}{seat} | {} of {} | {} |", cell(&r.role), r.points, r.max, cell(&missed)));
        }
        w("");
    }
    if let Some(c) = chart(d) {
        w("## The crisis in one chart");
        w("");
        match files.file_name(c) {
            Some(file) => w(&format!("![{}]({file})", text(&c.title))),
            None => w("*The chart is left out when the summary is printed: give `--out FILE.md` to write it beside \
                       the summary, or use `--format html`.*"),
        }
        w("");
        w(&format!("*{}*", text(&c.caption)));
        w("");
    }
    out
}
