//! A profile (`sweep --profile --format html`) as one self-contained HTML page: a fan chart (inline
//! SVG) and a table per figure. No script, no font file, nothing fetched; every text from the scenario
//! is escaped.

use std::fmt::Write;

use super::fan_chart::{Axis, fan_chart};
use super::profile::{Profile, QUANTILES};
use super::profile_text::{Figure, explanation, figures};
use crate::brief::html::escape;
use crate::names::count;

const STYLE: &str = r#"
:root { color-scheme: light; }
body { margin: 0 auto; max-width: 70rem; padding: 1.5rem 2rem 4rem; background: #fff; color: #111;
  font-family: "Segoe UI", "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif;
  font-size: 19px; line-height: 1.5; }
h1 { font-size: 2em; line-height: 1.2; margin: 0.4em 0; }
h2 { font-size: 1.4em; margin: 2em 0 0.5em; padding-bottom: 0.2em; border-bottom: 4px solid #0072b2; }
code { font-family: "Consolas", "DejaVu Sans Mono", monospace; font-size: 0.9em; background: #eef2f6;
  padding: 0 0.2em; border-radius: 3px; }
table { border-collapse: collapse; margin: 0.8em 0; }
th, td { border: 1px solid #888; padding: 0.25em 0.6em; }
th { background: #e8eef5; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1em 0; }
figure svg { display: block; width: 100%; height: auto; border: 1px solid #ccc; }
@media print {
  body { font-size: 11pt; max-width: none; padding: 0; }
  h2 { break-before: page; }
  figure, tr { break-inside: avoid; }
}
"#;

/// The page: a heading, how to read it, who played, then each figure's chart and table.
pub fn render_html(p: &Profile) -> String {
    let mut out = String::new();
    let title = format!("{}: profile of {} games", p.title, count(p.runs as u64));
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n\
         <style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        escape(&title),
        escape(&title)
    );
    let _ = writeln!(
        out,
        "<p>Scenario <code>{}</code>, {} games from seed {} (game <i>i</i> uses seed {} + <i>i</i>).</p>\n<p>{}</p>",
        escape(&p.scenario),
        count(p.runs as u64),
        p.seed,
        p.seed,
        escape(&explanation(p))
    );
    seats(&mut out, p);
    for f in figures(p) {
        let _ = writeln!(out, "<h2>{}</h2>", title_html(&f.title));
        let points: Vec<(u32, [f64; 5])> = p.turns.iter().map(|t| (t.turn, f.values_at(p, t))).collect();
        let _ = writeln!(out, "<figure>\n{}</figure>", fan_chart(&plain(&f.title), &axis(&f, &points), &points));
        table(&mut out, p, &f);
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// A figure's title as HTML: its `id` in backticks as code.
fn title_html(title: &str) -> String {
    title
        .split('`')
        .enumerate()
        .map(|(i, part)| if i % 2 == 1 { format!("<code>{}</code>", escape(part)) } else { escape(part) })
        .collect()
}

/// A figure's title as the chart's caption: without the backticks.
fn plain(title: &str) -> String {
    title.replace('`', "")
}

/// The y axis of a figure's chart: Glasl's stages by name, the way out on its 0–100 scale, the
/// deaths up to a round number above the highest 90th percentile.
fn axis(f: &Figure, points: &[(u32, [f64; 5])]) -> Axis {
    match f.key {
        "stage" => Axis {
            desc: "Glasl stage".into(),
            range: 0.5..9.5,
            labels: 10,
            label_width: 300,
            format: Box::new(|y| {
                let s = y.round();
                if (y - s).abs() < 1e-9 && (1.0..=9.0).contains(&s) {
                    format!("{s:.0} {}", crate::model::glasl::stage_name(s as u8))
                } else {
                    String::new()
                }
            }),
        },
        "way_out" => Axis {
            desc: "way out (0–100)".into(),
            range: 0.0..100.0,
            labels: 11,
            label_width: 70,
            format: Box::new(|y| format!("{y:.0}")),
        },
        _ => {
            let highest = points.iter().map(|(_, q)| q[4]).fold(0.0, f64::max);
            Axis {
                desc: "deaths so far".into(),
                range: 0.0..round_up(highest),
                labels: 6,
                label_width: 90,
                format: Box::new(|y| count(y.max(0.0).round() as u64)),
            }
        }
    }
}

/// The smallest 1, 2 or 5 × 10ⁿ at or above `x`; 10 for nothing (a chart of no deaths keeps a scale).
fn round_up(x: f64) -> f64 {
    if x.is_nan() || x <= 10.0 {
        return 10.0;
    }
    // Deaths stop at 10⁹: the loop ends.
    let x = x.min(1e9);
    let mut step = 1.0;
    while step * 10.0 <= x {
        step *= 10.0;
    }
    [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * step).find(|v| *v >= x).unwrap_or(step * 10.0)
}

fn seats(out: &mut String, p: &Profile) {
    let _ = writeln!(out, "<p>Seats (who played each role):</p>\n<ul>");
    for (role, policy) in &p.seats {
        let _ = writeln!(out, "<li><code>{}</code>: {}</li>", escape(role), escape(policy));
    }
    let _ = writeln!(out, "</ul>");
}

/// The figure's quantiles turn by turn, under its chart.
fn table(out: &mut String, p: &Profile, f: &Figure) {
    let _ = write!(out, "<table>\n<tr><th>turn</th><th class=\"num\">in play</th>");
    for q in QUANTILES {
        let _ = write!(out, "<th class=\"num\">p{q}</th>");
    }
    out.push_str("</tr>\n");
    for t in &p.turns {
        let turn = if t.turn == 0 { "start".to_string() } else { t.turn.to_string() };
        let _ = write!(out, "<tr><td>{turn}</td><td class=\"num\">{}</td>", count(t.in_play as u64));
        for c in f.cells(p, t, true) {
            let _ = write!(out, "<td class=\"num\">{c}</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deaths_axis_ends_at_a_round_number() {
        assert_eq!([round_up(0.0), round_up(11.0), round_up(180.0), round_up(1_234.0)], [10.0, 20.0, 200.0, 2_000.0]);
        assert_eq!(round_up(f64::INFINITY), 1e9);
    }
}
