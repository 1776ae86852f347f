//! The report's charts: which lines each one draws, on which scale, with which words. The drawing itself
//! (`plotters`, SVG) is in [`super::plot`]. Every line differs from its neighbours in colour, dash and
//! marker, and the legend under each chart names it.

use super::plot::{CHART_LIMIT, Dash, Mark, Marker, PANEL_HEIGHT, Panel, PlotLine, colour, render};
use super::series::{Line, Series, deal_possible};
use crate::names::{count, level};
use plotters::style::RGBColor;

/// One chart: a file-name part (`stage`), a title, a sentence on how to read it, and the SVG.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub slug: String,
    pub title: String,
    pub caption: String,
    pub svg: String,
}

/// The grey of thresholds: a rule's number, not a game's line.
const RULE: RGBColor = RGBColor(90, 90, 90);
/// The green of the "deal possible" marks.
const DEAL: RGBColor = RGBColor(0, 120, 80);

/// The `i`th of several lines of one kind (disputes, trust pairs): its own colour, dash and marker.
fn nth_line(line: &Line, i: usize) -> PlotLine {
    PlotLine::new(line, colour(i)).styled(Dash::nth(i), Marker::nth(i))
}

/// The charts of one game.
pub fn charts(s: &Series) -> Vec<Chart> {
    let mut out = vec![
        stage_chart(
            "stage",
            "Glasl stage of escalation, per dispute",
            s.last_turn,
            s.stages.iter().enumerate().map(|(i, l)| nth_line(l, i)).collect(),
        ),
        way_out_chart(s),
        toll_chart(s),
    ];
    if !s.trust.is_empty() {
        let lines = s.trust.iter().enumerate().map(|(i, l)| nth_line(l, i)).collect();
        out.push(render(
            "trust",
            "Trust of each party in the third parties",
            "How far each party trusts each third party (on a scale of 0–100; the axis shows the part the lines \
             use), one line per pair, named in the legend. Only the pairs that moved are drawn.",
            s.last_turn,
            &[Panel::new("Trust (0–100)", "trust", trust_range(s), lines)],
        ));
    }
    out.push(pressure_chart(s));
    out
}

/// The trust axis: the tens around the lines (at least 0 to 100 apart by 30), so lines a few points apart
/// are drawn apart rather than squeezed into a band of a 0–100 axis.
fn trust_range(s: &Series) -> std::ops::Range<f64> {
    let values = s.trust.iter().flat_map(|l| l.points.iter().map(|p| p.1)).filter(|v| v.is_finite());
    let (low, high) = values.fold((100.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let low = (((low - 5.0) / 10.0).floor() * 10.0).clamp(0.0, 70.0);
    let high = (((high + 5.0) / 10.0).ceil() * 10.0).clamp(low + 30.0, 100.0);
    low..high
}

/// A chart of the Glasl stage, with Glasl's three phases shaded and the stage names on the axis.
fn stage_chart(slug: &str, title: &str, last_turn: u32, lines: Vec<PlotLine>) -> Chart {
    let mut panel = Panel::new(title, "Glasl stage", 0.5..9.5, lines);
    panel.y_labels = 10;
    panel.y_format = Box::new(|y| {
        let s = y.round();
        if (y - s).abs() < 1e-9 && (1.0..=9.0).contains(&s) {
            format!("{s:.0} {}", crate::model::glasl::stage_name(s as u8))
        } else {
            String::new()
        }
    });
    panel.y_label_width = 300;
    panel.bands = vec![
        (0.5, 3.5, RGBColor(225, 242, 225)),
        (3.5, 6.5, RGBColor(252, 243, 207)),
        (6.5, 9.5, RGBColor(250, 222, 222)),
    ];
    render(
        slug,
        title,
        "Higher is worse. Green: phase I (win–win), yellow: phase II (win–lose), red: phase III (lose–lose). \
         Turn 0 is the start of the scenario.",
        last_turn,
        &[panel],
    )
}

/// Each dispute's way out against the threshold an agreement needs, with a labelled mark at the turn a
/// deal became possible.
fn way_out_chart(s: &Series) -> Chart {
    let needed = s.deal_threshold;
    let mut lines: Vec<PlotLine> = s.way_out.iter().enumerate().map(|(i, l)| nth_line(l, i)).collect();
    let rule = Line {
        label: format!("An agreement needs a way out of at least {}", level(needed)),
        points: vec![(0, needed), (s.last_turn.max(1), needed)],
    };
    lines.push(PlotLine::new(&rule, RULE).styled(Dash::Long, Marker::None));
    let several = s.way_out.len() > 1;
    let marks = deal_possible(s)
        .into_iter()
        .filter_map(|d| {
            let (turn, _) = d.first?;
            let when = if turn == 0 { "from the start".to_string() } else { format!("turn {turn}") };
            let label = if several {
                format!("Deal possible in {}: {when}", d.dispute)
            } else {
                format!("Deal possible: {when}")
            };
            Some(Mark { turn, label, colour: DEAL })
        })
        .collect();
    let mut panel = Panel::new("The way out", "way out", 0.0..100.0, lines);
    panel.marks = marks;
    render(
        "way-out",
        "The way out, per dispute, and when a deal became possible",
        &format!(
            "How far both sides can see a settlement they could live with (0–100). Both signatures make an \
             agreement only when the way out is at least {} (dashed grey); the green mark shows the turn it \
             first got there.",
            level(needed)
        ),
        s.last_turn,
        &[panel],
    )
}

/// Deaths and the displaced in two panels, one above the other: on one plot with two scales their lines
/// lay on top of each other (the displaced grow with the deaths), and read as one.
fn toll_chart(s: &Series) -> Chart {
    let deaths_max = nice_ceiling(s.deaths.points.iter().map(|p| p.1).fold(0.0, f64::max));
    let displaced_max = nice_ceiling(s.displaced.points.iter().map(|p| p.1).fold(0.0, f64::max));
    let mut deaths = PlotLine::new(&s.deaths, colour(0)).styled(Dash::Solid, Marker::Circle);
    deaths.label = "Deaths, in total so far (upper panel)".into();
    let mut displaced = PlotLine::new(&s.displaced, colour(1)).styled(Dash::Long, Marker::Triangle);
    displaced.label = "People displaced, in total so far (lower panel)".into();
    let counts = |panel: &mut Panel| {
        panel.height = PANEL_HEIGHT * 3 / 4;
        panel.y_labels = 6;
        panel.y_format = Box::new(|y| count(y.max(0.0).round() as u64));
        panel.y_label_width = 110;
    };
    let mut upper = Panel::new("Deaths", "deaths", 0.0..deaths_max, vec![deaths]);
    counts(&mut upper);
    let mut lower = Panel::new("People displaced", "displaced", 0.0..displaced_max, vec![displaced]);
    counts(&mut lower);
    render(
        "toll",
        "The human toll",
        "Deaths (upper panel, blue, solid, dots) and people displaced (lower panel, orange, dashed, triangles), \
         in total so far, each on its own scale.",
        s.last_turn,
        &[upper, lower],
    )
}

fn pressure_chart(s: &Series) -> Chart {
    let mut lines = vec![PlotLine::new(&s.public_pressure, colour(0))];
    for (i, l) in s.escalation.iter().enumerate() {
        let mut line = nth_line(l, i + 1);
        line.label = format!("Escalation pressure: {}", l.label);
        lines.push(line);
    }
    let t = s.threshold;
    let rule =
        Line { label: format!("Escalation threshold ({})", level(t)), points: vec![(0, t), (s.last_turn.max(1), t)] };
    lines.push(PlotLine::new(&rule, RULE).styled(Dash::Long, Marker::None));
    let low = lines.iter().flat_map(|l| l.points.iter().map(|p| p.1)).fold(0.0, f64::min);
    let high = lines.iter().flat_map(|l| l.points.iter().map(|p| p.1)).fold(100.0, f64::max);
    let low = if low < 0.0 { -nice_ceiling(-low) } else { 0.0 };
    let mut panel = Panel::new("Pressure", "pressure", low..high.ceil(), lines);
    panel.y_labels = 8;
    render(
        "pressure",
        "Pressure: international attention and escalation",
        "International attention (0–100) and each dispute's escalation pressure, which pushes the stage up as it \
         nears the threshold (dashed grey) and lets it fall when it is below zero.",
        s.last_turn,
        &[panel],
    )
}

/// Two games on one chart: this game solid with dots, the other dashed with triangles; each game is named
/// by its label (what changed), not by its file.
pub fn comparison_charts(this: &Series, other: &Series, this_label: &str, other_label: &str) -> Vec<Chart> {
    let last = this.last_turn.max(other.last_turn);
    let pair = |a: &Line, b: &Line, i: usize| {
        let mut x = PlotLine::new(a, colour(i)).styled(Dash::Solid, Marker::Circle);
        x.label = format!("{} — {this_label}", a.label);
        let mut y = PlotLine::new(b, colour(i)).styled(Dash::Long, Marker::Triangle);
        y.label = format!("{} — {other_label}", b.label);
        [x, y]
    };
    let stages = this.stages.iter().zip(&other.stages).enumerate().flat_map(|(i, (a, b))| pair(a, b, i)).collect();
    let deaths_max =
        nice_ceiling(this.deaths.points.iter().chain(&other.deaths.points).map(|p| p.1).fold(0.0, f64::max));
    let mut deaths =
        Panel::new("Deaths: the two games", "deaths", 0.0..deaths_max, pair(&this.deaths, &other.deaths, 0).into());
    deaths.y_labels = 6;
    deaths.y_format = Box::new(|y| count(y.max(0.0).round() as u64));
    deaths.y_label_width = 110;
    vec![
        stage_chart("compare-stage", "Glasl stage: the two games", last, stages),
        render(
            "compare-deaths",
            "Deaths: the two games",
            &format!("Deaths in total so far: {this_label} solid, {other_label} dashed."),
            last,
            &[deaths],
        ),
    ]
}

/// The smallest 1, 2 or 5 × 10ⁿ at or above `x` (10 for nothing).
fn nice_ceiling(x: f64) -> f64 {
    if x.is_nan() || x <= 0.0 {
        return 10.0;
    }
    // Finite, so the loop below ends.
    let x = x.min(CHART_LIMIT);
    let mut step = 1.0;
    while step * 10.0 <= x {
        step *= 10.0;
    }
    [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * step).find(|v| *v >= x).unwrap_or(step * 10.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(label: &str, values: &[f64]) -> Line {
        Line { label: label.into(), points: values.iter().enumerate().map(|(t, v)| (t as u32, *v)).collect() }
    }

    /// Issue 19, defect 11: numbers no game reaches (a log edited with its checksums recomputed, were the
    /// load check ever bypassed) are charted clamped, not passed to plotters to overflow in.
    #[test]
    fn extreme_numbers_are_charted_clamped() {
        let wild = [0.0, f64::MAX, f64::MIN, f64::INFINITY, f64::NEG_INFINITY, f64::NAN, 1e300, -1e300];
        let series = Series {
            last_turn: (wild.len() - 1) as u32,
            stages: vec![line("a dispute", &wild)],
            way_out: vec![line("a dispute", &wild)],
            deal_threshold: 50.0,
            deaths: line("deaths", &wild),
            displaced: line("displaced", &wild),
            public_pressure: line("attention", &wild),
            escalation: vec![line("a dispute", &wild)],
            threshold: f64::MAX,
            trust: vec![line("a pair", &wild)],
            steady_trust: 0,
        };
        let mut all = charts(&series);
        all.extend(comparison_charts(&series, &series, "this", "that"));
        assert_eq!(all.len(), 7);
        for chart in all {
            assert!(!chart.svg.contains("could not be drawn"), "{}: {}", chart.slug, chart.svg);
            assert!(chart.svg.contains("<polyline") || chart.svg.contains("<path"), "{}: no line drawn", chart.slug);
        }
    }

    /// Two disputes: one open to a deal from the start, one from turn 2; a third never. Each mark names its
    /// dispute, and the sentences say when (or that it never did).
    #[test]
    fn the_way_out_chart_marks_each_dispute_when_a_deal_became_possible() {
        let series = Series {
            last_turn: 3,
            stages: vec![line("North", &[5.0; 4]), line("South", &[5.0; 4]), line("East", &[5.0; 4])],
            way_out: vec![
                line("North", &[55.0, 40.0, 60.0, 70.0]),
                line("South", &[10.0, 30.0, 50.0, 45.0]),
                line("East", &[10.0, 20.0, 49.99, 30.0]),
            ],
            deal_threshold: 50.0,
            deaths: line("deaths", &[0.0; 4]),
            displaced: line("displaced", &[0.0; 4]),
            public_pressure: line("attention", &[0.0; 4]),
            escalation: Vec::new(),
            threshold: 25.0,
            trust: Vec::new(),
            steady_trust: 0,
        };
        let chart = way_out_chart(&series);
        for label in ["Deal possible in North: from the start", "Deal possible in South: turn 2"] {
            assert!(chart.svg.contains(&format!("\n{label}\n</text>")), "no mark {label:?}");
        }
        assert!(!chart.svg.contains("Deal possible in East"));
        assert_eq!(
            super::super::deal::sentences(&series, &[]),
            [
                "North: a deal was possible from the start: the way out stood at 55.00; an agreement needs at least 50.00.",
                "South: a deal became possible in turn 2, when the way out reached 50.00; an agreement needs at least 50.00.",
                "East: a deal never became possible: the way out reached at most 49.99, and an agreement needs at least \
                 50.00.",
            ]
        );
    }

    #[test]
    fn nice_ceilings() {
        assert_eq!(nice_ceiling(0.0), 10.0);
        assert_eq!(nice_ceiling(399.0), 500.0);
        assert_eq!(nice_ceiling(179_550.0), 200_000.0);
        assert_eq!(nice_ceiling(100.0), 100.0);
        assert_eq!(nice_ceiling(7.0), 10.0);
    }
}
