//! The charts: line charts drawn with `plotters` into SVG strings. Text is written as SVG `<text>`
//! elements (no font files are read), so a chart looks the same wherever it is opened. Each chart has its
//! legend drawn beneath the plot, so no line is hidden behind it.

use std::ops::Range;

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::names::count;
use super::series::{Line, Series};

/// One chart: a file-name part (`stage`), a title, a sentence on how to read it, and the SVG.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub slug: String,
    pub title: String,
    pub caption: String,
    pub svg: String,
}

const WIDTH: u32 = 1000;
const PLOT_HEIGHT: u32 = 460;
const LEGEND_ROW: u32 = 30;
const FONT: &str = "sans-serif";

/// Okabe–Ito: distinguishable with any colour vision, dark enough on white and on paper.
const PALETTE: [RGBColor; 7] = [
    RGBColor(0, 114, 178),
    RGBColor(213, 94, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(230, 159, 0),
    RGBColor(86, 180, 233),
    RGBColor(0, 0, 0),
];

fn colour(i: usize) -> RGBColor {
    PALETTE[i % PALETTE.len()]
}

struct PlotLine {
    label: String,
    points: Vec<(i32, f64)>,
    colour: RGBColor,
    dashed: bool,
    /// Drawn against the right-hand axis.
    right: bool,
    markers: bool,
}

/// No variable of a game goes beyond ±1e9 (deaths and displaced, the largest, stop at 1e9): a number
/// beyond it comes from a log edited with its checksums recomputed. The load check refuses such logs
/// (`engine::state_check`), but the charts do not rely on it: plotters overflows an `i32` on numbers
/// far outside the plotted range.
const CHART_LIMIT: f64 = 1e9;

/// A point as it can be charted: `None` for no number (`NaN`), else within ±[`CHART_LIMIT`].
fn chartable((t, v): (u32, f64)) -> Option<(i32, f64)> {
    let turn = i32::try_from(t).unwrap_or(i32::MAX);
    (!v.is_nan()).then(|| (turn, v.clamp(-CHART_LIMIT, CHART_LIMIT)))
}

/// `points` with each value held within `range`: a line that leaves the plot is drawn along its edge.
fn within(points: &[(i32, f64)], range: &Range<f64>) -> Vec<(i32, f64)> {
    points.iter().map(|(t, v)| (*t, v.clamp(range.start.min(range.end), range.end.max(range.start)))).collect()
}

impl PlotLine {
    fn new(line: &Line, colour: RGBColor) -> Self {
        PlotLine {
            label: line.label.clone(),
            points: line.points.iter().copied().filter_map(chartable).collect(),
            colour,
            dashed: false,
            right: false,
            markers: true,
        }
    }
}

type Format = Box<dyn Fn(&f64) -> String>;

struct Plot {
    title: String,
    last_turn: u32,
    y_desc: String,
    y_range: Range<f64>,
    y_labels: usize,
    y_format: Format,
    y_label_width: u32,
    /// `(from, to, colour)` bands across the plot, drawn first.
    bands: Vec<(f64, f64, RGBColor)>,
    /// The right-hand axis: description, range, label format.
    right: Option<(String, Range<f64>, Format)>,
    lines: Vec<PlotLine>,
}

/// The charts of one game.
pub fn charts(s: &Series) -> Vec<Chart> {
    let mut out = vec![
        stage_chart(
            "stage",
            "Glasl stage of escalation, per dispute",
            s.last_turn,
            s.stages.iter().enumerate().map(|(i, l)| PlotLine::new(l, colour(i))).collect(),
        ),
        toll_chart(s),
    ];
    if !s.trust.is_empty() {
        let lines = s.trust.iter().enumerate().map(|(i, l)| PlotLine::new(l, colour(i))).collect();
        out.push(render(
            "trust",
            "Trust of each party in the third parties",
            "How far each party trusts each third party (0–100). Only the pairs that moved are drawn.",
            Plot {
                title: "Trust (0–100)".into(),
                last_turn: s.last_turn,
                y_desc: "trust".into(),
                y_range: 0.0..100.0,
                y_labels: 11,
                y_format: Box::new(|y| format!("{y:.0}")),
                y_label_width: 70,
                bands: Vec::new(),
                right: None,
                lines,
            },
        ));
    }
    out.push(pressure_chart(s));
    out
}

/// A chart of the Glasl stage, with Glasl's three phases shaded and the stage names on the axis.
fn stage_chart(slug: &str, title: &str, last_turn: u32, lines: Vec<PlotLine>) -> Chart {
    render(
        slug,
        title,
        "Higher is worse. Green: phase I (win–win), yellow: phase II (win–lose), red: phase III (lose–lose). \
         Turn 0 is the start of the scenario.",
        Plot {
            title: title.to_string(),
            last_turn,
            y_desc: "Glasl stage".into(),
            y_range: 0.5..9.5,
            y_labels: 10,
            y_format: Box::new(|y| {
                let s = y.round();
                if (y - s).abs() < 1e-9 && (1.0..=9.0).contains(&s) {
                    format!("{s:.0} {}", crate::model::glasl::stage_name(s as u8))
                } else {
                    String::new()
                }
            }),
            y_label_width: 300,
            bands: vec![
                (0.5, 3.5, RGBColor(225, 242, 225)),
                (3.5, 6.5, RGBColor(252, 243, 207)),
                (6.5, 9.5, RGBColor(250, 222, 222)),
            ],
            right: None,
            lines,
        },
    )
}

fn toll_chart(s: &Series) -> Chart {
    let deaths_max = nice_ceiling(s.deaths.points.iter().map(|p| p.1).fold(0.0, f64::max));
    let displaced_max = nice_ceiling(s.displaced.points.iter().map(|p| p.1).fold(0.0, f64::max));
    let mut displaced = PlotLine::new(&s.displaced, colour(1));
    displaced.right = true;
    displaced.dashed = true;
    displaced.label = "Displaced (right-hand scale)".into();
    let mut deaths = PlotLine::new(&s.deaths, colour(0));
    deaths.label = "Deaths (left-hand scale)".into();
    render(
        "toll",
        "The human toll",
        "Deaths (solid, left-hand scale) and people displaced (dashed, right-hand scale), in total so far.",
        Plot {
            title: "The human toll".into(),
            last_turn: s.last_turn,
            y_desc: "deaths".into(),
            y_range: 0.0..deaths_max,
            y_labels: 6,
            y_format: Box::new(|y| count(y.max(0.0).round() as u64)),
            y_label_width: 90,
            bands: Vec::new(),
            right: Some(("displaced".into(), 0.0..displaced_max, Box::new(|y| count(y.max(0.0).round() as u64)))),
            lines: vec![deaths, displaced],
        },
    )
}

fn pressure_chart(s: &Series) -> Chart {
    let mut lines = vec![PlotLine::new(&s.public_pressure, colour(0))];
    for (i, l) in s.escalation.iter().enumerate() {
        let mut line = PlotLine::new(l, colour(i + 1));
        line.label = format!("Escalation pressure: {}", l.label);
        lines.push(line);
    }
    let t = s.threshold;
    let mut threshold = PlotLine::new(
        &Line { label: format!("Escalation threshold ({t})"), points: vec![(0, t), (s.last_turn.max(1), t)] },
        RGBColor(90, 90, 90),
    );
    threshold.dashed = true;
    threshold.markers = false;
    lines.push(threshold);
    let low = lines.iter().flat_map(|l| l.points.iter().map(|p| p.1)).fold(0.0, f64::min);
    let high = lines.iter().flat_map(|l| l.points.iter().map(|p| p.1)).fold(100.0, f64::max);
    let low = if low < 0.0 { -nice_ceiling(-low) } else { 0.0 };
    render(
        "pressure",
        "Pressure: international attention and escalation",
        "International attention (0–100) and each dispute's escalation pressure, which pushes the stage up as it \
         nears the threshold (dashed) and lets it fall when it is below zero.",
        Plot {
            title: "Pressure".into(),
            last_turn: s.last_turn,
            y_desc: "pressure".into(),
            y_range: low..high.ceil(),
            y_labels: 8,
            y_format: Box::new(|y| format!("{y:.0}")),
            y_label_width: 70,
            bands: Vec::new(),
            right: None,
            lines,
        },
    )
}

/// Two games on one chart: this game solid, the other dashed.
pub fn comparison_charts(this: &Series, other: &Series, this_label: &str, other_label: &str) -> Vec<Chart> {
    let last = this.last_turn.max(other.last_turn);
    let pair = |a: &Line, b: &Line, i: usize| {
        let mut x = PlotLine::new(a, colour(i));
        x.label = format!("{} — {this_label}", a.label);
        let mut y = PlotLine::new(b, colour(i));
        y.label = format!("{} — {other_label}", b.label);
        y.dashed = true;
        [x, y]
    };
    let stages = this.stages.iter().zip(&other.stages).enumerate().flat_map(|(i, (a, b))| pair(a, b, i)).collect();
    let deaths_max =
        nice_ceiling(this.deaths.points.iter().chain(&other.deaths.points).map(|p| p.1).fold(0.0, f64::max));
    vec![
        stage_chart("compare-stage", "Glasl stage: the two games", last, stages),
        render(
            "compare-deaths",
            "Deaths: the two games",
            "Deaths in total so far: this game solid, the other dashed.",
            Plot {
                title: "Deaths: the two games".into(),
                last_turn: last,
                y_desc: "deaths".into(),
                y_range: 0.0..deaths_max,
                y_labels: 6,
                y_format: Box::new(|y| count(y.max(0.0).round() as u64)),
                y_label_width: 90,
                bands: Vec::new(),
                right: None,
                lines: pair(&this.deaths, &other.deaths, 0).into(),
            },
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

fn render(slug: &str, title: &str, caption: &str, plot: Plot) -> Chart {
    let svg = draw(&plot).unwrap_or_else(|e| {
        // plotters fails only on impossible sizes; say so in the picture rather than lose the report.
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"60\" viewBox=\"0 0 {WIDTH} 60\">\
             <text x=\"10\" y=\"30\">the chart could not be drawn: {}</text></svg>\n",
            super::html::escape(&e)
        )
    });
    Chart { slug: slug.to_string(), title: title.to_string(), caption: caption.to_string(), svg }
}

fn draw(plot: &Plot) -> Result<String, String> {
    let err = |e: &dyn std::fmt::Display| e.to_string();
    let height = PLOT_HEIGHT + LEGEND_ROW * plot.lines.len() as u32 + 10;
    let last = plot.last_turn.max(1) as i32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| err(&e))?;
        let (upper, lower) = root.split_vertically(PLOT_HEIGHT);
        let right_range = plot.right.as_ref().map_or(plot.y_range.clone(), |r| r.1.clone());
        let mut chart = ChartBuilder::on(&upper)
            .caption(&plot.title, (FONT, 28))
            .margin(14)
            .x_label_area_size(56)
            .y_label_area_size(plot.y_label_width)
            .right_y_label_area_size(if plot.right.is_some() { 100 } else { 20 })
            .build_cartesian_2d(0..last, plot.y_range.clone())
            .map_err(|e| err(&e))?
            .set_secondary_coord(0..last, right_range.clone());
        let y_format = &plot.y_format;
        chart
            .configure_mesh()
            .x_labels((last + 1) as usize)
            .x_label_formatter(&|x| if *x == 0 { "start".to_string() } else { x.to_string() })
            .x_desc("turn")
            .y_labels(plot.y_labels)
            .y_label_formatter(&|y| y_format(y))
            .y_desc(plot.y_desc.as_str())
            .label_style((FONT, 17))
            .axis_desc_style((FONT, 18))
            .light_line_style(WHITE.mix(0.0))
            .bold_line_style(BLACK.mix(0.12))
            .draw()
            .map_err(|e| err(&e))?;
        if let Some((desc, _, format)) = &plot.right {
            chart
                .configure_secondary_axes()
                .y_labels(plot.y_labels)
                .y_label_formatter(&|y| format(y))
                .y_desc(desc.as_str())
                .label_style((FONT, 17))
                .axis_desc_style((FONT, 18))
                .draw()
                .map_err(|e| err(&e))?;
        }
        for (from, to, c) in &plot.bands {
            chart
                .draw_series(std::iter::once(Rectangle::new([(0, *from), (last, *to)], c.filled())))
                .map_err(|e| err(&e))?;
        }
        for line in &plot.lines {
            let style = ShapeStyle::from(&line.colour).stroke_width(4);
            let points = within(&line.points, if line.right { &right_range } else { &plot.y_range });
            let markers = || {
                let dots = if line.markers { points.clone() } else { Vec::new() };
                dots.into_iter().map(move |p| Circle::new(p, 5, line.colour.filled()))
            };
            match (line.right, line.dashed) {
                (false, false) => chart.draw_series(LineSeries::new(points.clone(), style)).map(|_| ()),
                (false, true) => chart.draw_series(DashedLineSeries::new(points.clone(), 12, 8, style)).map(|_| ()),
                (true, false) => chart.draw_secondary_series(LineSeries::new(points.clone(), style)).map(|_| ()),
                (true, true) => {
                    chart.draw_secondary_series(DashedLineSeries::new(points.clone(), 12, 8, style)).map(|_| ())
                }
            }
            .map_err(|e| err(&e))?;
            if line.right {
                chart.draw_secondary_series(markers()).map_err(|e| err(&e))?;
            } else {
                chart.draw_series(markers()).map_err(|e| err(&e))?;
            }
        }
        legend(&lower, &plot.lines).map_err(|e| err(&e))?;
        root.present().map_err(|e| err(&e))?;
    }
    Ok(svg)
}

/// One legend row per line under the plot: a sample of the line, then its label.
fn legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    lines: &[PlotLine],
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let text = TextStyle::from((FONT, 19).into_font()).pos(Pos::new(HPos::Left, VPos::Center));
    for (i, line) in lines.iter().enumerate() {
        let y = (LEGEND_ROW * i as u32 + LEGEND_ROW / 2) as i32;
        let style = ShapeStyle::from(&line.colour).stroke_width(4);
        if line.dashed {
            area.draw(&DashedPathElement::new(vec![(40, y), (100, y)], 12, 8, style))?;
        } else {
            area.draw(&PathElement::new(vec![(40, y), (100, y)], style))?;
        }
        area.draw(&Text::new(line.label.clone(), (115, y), text.clone()))?;
    }
    Ok(())
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
        assert_eq!(all.len(), 6);
        for chart in all {
            assert!(!chart.svg.contains("could not be drawn"), "{}: {}", chart.slug, chart.svg);
            assert!(chart.svg.contains("<polyline") || chart.svg.contains("<path"), "{}: no line drawn", chart.slug);
        }
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
