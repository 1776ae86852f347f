//! Drawing a chart with `plotters` into an SVG string: one or more panels stacked (the toll draws deaths
//! and the displaced apart, so their lines cannot lie on top of each other), each line with its own
//! colour, dash and marker, labelled vertical marks, and a legend under the plot that shows each line's
//! colour, dash and marker beside its name. Text is written as SVG `<text>` elements (no font files are
//! read), so a chart looks the same wherever it is opened.

use std::ops::Range;

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::charts::Chart;

pub const WIDTH: u32 = 1000;
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

pub fn colour(i: usize) -> RGBColor {
    PALETTE[i % PALETTE.len()]
}

/// How a line is stroked: solid or one of three dash patterns, told apart on paper in black and white.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dash {
    Solid,
    Long,
    Short,
    Dotted,
}

impl Dash {
    /// The `n`th of the four, for a chart with many lines: with [`Marker::nth`] and [`colour`], no two of
    /// the first 28 lines look alike.
    pub fn nth(n: usize) -> Dash {
        [Dash::Solid, Dash::Long, Dash::Short, Dash::Dotted][n % 4]
    }

    /// `(dash, gap)` in pixels, `None` for a solid line.
    fn pattern(self) -> Option<(u32, u32)> {
        match self {
            Dash::Solid => None,
            Dash::Long => Some((14, 8)),
            Dash::Short => Some((6, 6)),
            Dash::Dotted => Some((3, 5)),
        }
    }
}

/// The mark drawn on each point of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    None,
    Circle,
    Triangle,
    Square,
    Cross,
}

impl Marker {
    pub fn nth(n: usize) -> Marker {
        [Marker::Circle, Marker::Triangle, Marker::Square, Marker::Cross][n % 4]
    }
}

pub struct PlotLine {
    pub label: String,
    pub points: Vec<(i32, f64)>,
    pub colour: RGBColor,
    pub dash: Dash,
    pub marker: Marker,
    /// Drawn against the right-hand axis.
    pub right: bool,
}

/// No variable of a game goes beyond ±1e9 (deaths and displaced, the largest, stop at 1e9): a number
/// beyond it comes from a log edited with its checksums recomputed. The load check refuses such logs
/// (`engine::state_check`), but the charts do not rely on it: plotters overflows an `i32` on numbers
/// far outside the plotted range.
pub const CHART_LIMIT: f64 = 1e9;

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
    pub fn new(line: &super::series::Line, colour: RGBColor) -> Self {
        PlotLine {
            label: line.label.clone(),
            points: line.points.iter().copied().filter_map(chartable).collect(),
            colour,
            dash: Dash::Solid,
            marker: Marker::Circle,
            right: false,
        }
    }

    pub fn styled(mut self, dash: Dash, marker: Marker) -> Self {
        self.dash = dash;
        self.marker = marker;
        self
    }
}

/// A labelled vertical line at a turn, e.g. "Deal possible: turn 7".
pub struct Mark {
    pub turn: u32,
    pub label: String,
    pub colour: RGBColor,
}

pub type Format = Box<dyn Fn(&f64) -> String>;

/// One plot with its axes. A chart is one panel or several stacked, sharing the turns.
pub struct Panel {
    pub title: String,
    pub height: u32,
    pub y_desc: String,
    pub y_range: Range<f64>,
    pub y_labels: usize,
    pub y_format: Format,
    pub y_label_width: u32,
    /// `(from, to, colour)` bands across the plot, drawn first.
    pub bands: Vec<(f64, f64, RGBColor)>,
    /// The right-hand axis: description, range, label format.
    pub right: Option<(String, Range<f64>, Format)>,
    pub lines: Vec<PlotLine>,
    pub marks: Vec<Mark>,
}

/// The usual height of a chart of one panel.
pub const PANEL_HEIGHT: u32 = 460;

impl Panel {
    pub fn new(title: &str, y_desc: &str, y_range: Range<f64>, lines: Vec<PlotLine>) -> Panel {
        Panel {
            title: title.to_string(),
            height: PANEL_HEIGHT,
            y_desc: y_desc.to_string(),
            y_range,
            y_labels: 11,
            y_format: Box::new(|y| format!("{y:.0}")),
            y_label_width: 70,
            bands: Vec::new(),
            right: None,
            lines,
            marks: Vec::new(),
        }
    }
}

pub fn render(slug: &str, title: &str, caption: &str, last_turn: u32, panels: &[Panel]) -> Chart {
    let svg = draw(last_turn, panels).unwrap_or_else(|e| {
        // plotters fails only on impossible sizes; say so in the picture rather than lose the report.
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"60\" viewBox=\"0 0 {WIDTH} 60\">\
             <text x=\"10\" y=\"30\">the chart could not be drawn: {}</text></svg>\n",
            super::html::escape(&e)
        )
    });
    Chart { slug: slug.to_string(), title: title.to_string(), caption: caption.to_string(), svg }
}

fn draw(last_turn: u32, panels: &[Panel]) -> Result<String, String> {
    let err = |e: &dyn std::fmt::Display| e.to_string();
    let rows: u32 = panels.iter().map(|p| p.lines.len() as u32).sum();
    let plots: u32 = panels.iter().map(|p| p.height).sum();
    let height = plots + LEGEND_ROW * rows + 10;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| err(&e))?;
        let (mut rest, lower) = root.split_vertically(plots);
        for panel in panels {
            let (upper, below) = rest.split_vertically(panel.height);
            draw_panel(&upper, last_turn, panel).map_err(|e| err(&e))?;
            rest = below;
        }
        let lines: Vec<&PlotLine> = panels.iter().flat_map(|p| &p.lines).collect();
        legend(&lower, &lines).map_err(|e| err(&e))?;
        root.present().map_err(|e| err(&e))?;
    }
    Ok(svg)
}

/// Draws the markers of a line on the chart's primary or secondary axes.
macro_rules! markers {
    ($chart:expr, $draw:ident, $points:expr, $line:expr) => {{
        let style = $line.colour.filled();
        let points = $points.into_iter();
        match $line.marker {
            Marker::None => Ok(()),
            Marker::Circle => $chart.$draw(points.map(|p| Circle::new(p, 5, style))).map(|_| ()),
            Marker::Triangle => $chart.$draw(points.map(|p| TriangleMarker::new(p, 8, style))).map(|_| ()),
            Marker::Square => $chart
                .$draw(points.map(|p| EmptyElement::at(p) + Rectangle::new([(-5, -5), (5, 5)], style)))
                .map(|_| ()),
            Marker::Cross => $chart
                .$draw(points.map(|p| Cross::new(p, 6, ShapeStyle::from(&$line.colour).stroke_width(3))))
                .map(|_| ()),
        }
    }};
}

/// Draws a line, solid or dashed, on the chart's primary or secondary axes.
macro_rules! stroke {
    ($chart:expr, $draw:ident, $points:expr, $line:expr) => {{
        let style = ShapeStyle::from(&$line.colour).stroke_width(4);
        match $line.dash.pattern() {
            None => $chart.$draw(LineSeries::new($points, style)).map(|_| ()),
            Some((dash, gap)) => $chart.$draw(DashedLineSeries::new($points, dash, gap, style)).map(|_| ()),
        }
    }};
}

fn draw_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    last_turn: u32,
    panel: &Panel,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let last = last_turn.max(1) as i32;
    let right_range = panel.right.as_ref().map_or(panel.y_range.clone(), |r| r.1.clone());
    let mut chart = ChartBuilder::on(area)
        .caption(&panel.title, (FONT, 28))
        .margin(14)
        .x_label_area_size(56)
        .y_label_area_size(panel.y_label_width)
        .right_y_label_area_size(if panel.right.is_some() { 100 } else { 20 })
        .build_cartesian_2d(0..last, panel.y_range.clone())?
        .set_secondary_coord(0..last, right_range.clone());
    let y_format = &panel.y_format;
    chart
        .configure_mesh()
        .x_labels((last + 1) as usize)
        .x_label_formatter(&|x| if *x == 0 { "start".to_string() } else { x.to_string() })
        .x_desc("turn")
        .y_labels(panel.y_labels)
        .y_label_formatter(&|y| y_format(y))
        .y_desc(panel.y_desc.as_str())
        .label_style((FONT, 17))
        .axis_desc_style((FONT, 18))
        .light_line_style(WHITE.mix(0.0))
        .bold_line_style(BLACK.mix(0.12))
        .draw()?;
    if let Some((desc, _, format)) = &panel.right {
        chart
            .configure_secondary_axes()
            .y_labels(panel.y_labels)
            .y_label_formatter(&|y| format(y))
            .y_desc(desc.as_str())
            .label_style((FONT, 17))
            .axis_desc_style((FONT, 18))
            .draw()?;
    }
    for (from, to, c) in &panel.bands {
        chart.draw_series(std::iter::once(Rectangle::new([(0, *from), (last, *to)], c.filled())))?;
    }
    let (low, high) = (panel.y_range.start, panel.y_range.end);
    // Marks at the same turn are labelled one under the other.
    for (i, mark) in panel.marks.iter().enumerate() {
        let turn = mark.turn.min(last as u32) as i32;
        let row = panel.marks[..i].iter().filter(|m| m.turn == mark.turn).count() as i32;
        let style = ShapeStyle::from(&mark.colour).stroke_width(3);
        chart.draw_series(std::iter::once(DashedPathElement::new(vec![(turn, low), (turn, high)], 4, 4, style)))?;
        // The label reads away from the plot's edge it is nearest to.
        let (pos, dx) = if turn * 2 > last { (HPos::Right, -8) } else { (HPos::Left, 8) };
        let text = TextStyle::from((FONT, 18).into_font()).color(&mark.colour).pos(Pos::new(pos, VPos::Top));
        chart.draw_series(std::iter::once(
            EmptyElement::at((turn, high)) + Text::new(mark.label.clone(), (dx, 6 + 24 * row), text),
        ))?;
    }
    for line in &panel.lines {
        let points = within(&line.points, if line.right { &right_range } else { &panel.y_range });
        if line.right {
            stroke!(chart, draw_secondary_series, points.clone(), line)?;
            markers!(chart, draw_secondary_series, points, line)?;
        } else {
            stroke!(chart, draw_series, points.clone(), line)?;
            markers!(chart, draw_series, points, line)?;
        }
    }
    Ok(())
}

/// One legend row per line under the plot: a sample of the line with its marker, then its label.
fn legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    lines: &[&PlotLine],
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let text = TextStyle::from((FONT, 19).into_font()).pos(Pos::new(HPos::Left, VPos::Center));
    for (i, line) in lines.iter().enumerate() {
        let y = (LEGEND_ROW * i as u32 + LEGEND_ROW / 2) as i32;
        let style = ShapeStyle::from(&line.colour).stroke_width(4);
        match line.dash.pattern() {
            None => area.draw(&PathElement::new(vec![(40, y), (100, y)], style))?,
            Some((dash, gap)) => area.draw(&DashedPathElement::new(vec![(40, y), (100, y)], dash, gap, style))?,
        }
        let (at, fill) = ((70, y), line.colour.filled());
        match line.marker {
            Marker::None => {}
            Marker::Circle => area.draw(&Circle::new(at, 5, fill))?,
            Marker::Triangle => area.draw(&TriangleMarker::new(at, 8, fill))?,
            Marker::Square => area.draw(&Rectangle::new([(65, y - 5), (75, y + 5)], fill))?,
            Marker::Cross => area.draw(&Cross::new(at, 6, ShapeStyle::from(&line.colour).stroke_width(3)))?,
        }
        area.draw(&Text::new(line.label.clone(), (115, y), text.clone()))?;
    }
    Ok(())
}
