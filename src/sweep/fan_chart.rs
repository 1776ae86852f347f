//! A fan chart drawn with `plotters` into an SVG string: one figure's spread across games, turn by
//! turn — the median as a line, the middle half of the games (25–75 %) as a dark band and four games
//! in five (10–90 %) as a light one. Drawn as the debrief's charts are (`src/debrief/charts.rs`): SVG
//! `<text>` (no font file), the Okabe–Ito blue, the legend beneath the plot.

use std::ops::Range;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const WIDTH: u32 = 1000;
const PLOT_HEIGHT: u32 = 440;
const LEGEND_ROW: u32 = 30;
const LEGEND_ROWS: u32 = 3;
const FONT: &str = "sans-serif";
/// Okabe–Ito blue: the debrief's first colour.
const BLUE: RGBColor = RGBColor(0, 114, 178);
/// How strongly each band is tinted: light enough that the median line and the grid show through,
/// different enough that the two bands are told apart on paper.
const OUTER_ALPHA: f64 = 0.18;
const INNER_ALPHA: f64 = 0.42;

/// The axis of a fan chart: what it shows, its range, how many labels, and how a label is written.
pub struct Axis {
    pub desc: String,
    pub range: Range<f64>,
    pub labels: usize,
    pub label_width: u32,
    pub format: Box<dyn Fn(&f64) -> String>,
}

/// The SVG of a fan chart of `points`: for each turn, the five quantiles (10, 25, 50, 75, 90 %).
pub fn fan_chart(title: &str, axis: &Axis, points: &[(u32, [f64; 5])]) -> String {
    draw(title, axis, points).unwrap_or_else(|e| {
        // plotters fails only on impossible sizes; say so in the picture rather than lose the page.
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"60\" viewBox=\"0 0 {WIDTH} 60\">\
             <text x=\"10\" y=\"30\">the chart could not be drawn: {}</text></svg>\n",
            crate::brief::html::escape(&e)
        )
    })
}

/// The band between quantiles `low` and `high` as a polygon: along the low edge, back along the high.
fn band(points: &[(i32, [f64; 5])], low: usize, high: usize) -> Vec<(i32, f64)> {
    let forth = points.iter().map(|(t, q)| (*t, q[low]));
    let back = points.iter().rev().map(|(t, q)| (*t, q[high]));
    forth.chain(back).collect()
}

fn draw(title: &str, axis: &Axis, points: &[(u32, [f64; 5])]) -> Result<String, String> {
    let err = |e: &dyn std::fmt::Display| e.to_string();
    let (low, high) = (axis.range.start, axis.range.end);
    let points: Vec<(i32, [f64; 5])> = points
        .iter()
        .map(|(t, q)| {
            (i32::try_from(*t).unwrap_or(i32::MAX), q.map(|v| if v.is_nan() { low } else { v.clamp(low, high) }))
        })
        .collect();
    let last = points.iter().map(|p| p.0).max().unwrap_or(0).max(1);
    let mut svg = String::new();
    {
        let height = PLOT_HEIGHT + LEGEND_ROW * LEGEND_ROWS + 10;
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| err(&e))?;
        let (upper, lower) = root.split_vertically(PLOT_HEIGHT);
        let mut chart = ChartBuilder::on(&upper)
            .caption(title, (FONT, 26))
            .margin(14)
            .margin_right(30)
            .x_label_area_size(56)
            .y_label_area_size(axis.label_width)
            .build_cartesian_2d(0..last, axis.range.clone())
            .map_err(|e| err(&e))?;
        let format = &axis.format;
        chart
            .configure_mesh()
            .x_labels((last + 1).min(25) as usize)
            .x_label_formatter(&|x| if *x == 0 { "start".to_string() } else { x.to_string() })
            .x_desc("turn")
            .y_labels(axis.labels)
            .y_label_formatter(&|y| format(y))
            .y_desc(axis.desc.as_str())
            .label_style((FONT, 17))
            .axis_desc_style((FONT, 18))
            .light_line_style(WHITE.mix(0.0))
            .bold_line_style(BLACK.mix(0.12))
            .draw()
            .map_err(|e| err(&e))?;
        let outer = Polygon::new(band(&points, 0, 4), BLUE.mix(OUTER_ALPHA).filled());
        let inner = Polygon::new(band(&points, 1, 3), BLUE.mix(INNER_ALPHA).filled());
        chart.draw_series([outer, inner]).map_err(|e| err(&e))?;
        let median: Vec<(i32, f64)> = points.iter().map(|(t, q)| (*t, q[2])).collect();
        chart.draw_series(LineSeries::new(median.clone(), BLUE.stroke_width(4))).map_err(|e| err(&e))?;
        chart.draw_series(median.into_iter().map(|p| Circle::new(p, 5, BLUE.filled()))).map_err(|e| err(&e))?;
        legend(&lower).map_err(|e| err(&e))?;
        root.present().map_err(|e| err(&e))?;
    }
    Ok(svg)
}

/// The legend under the plot: a sample of the median line and of each band, with what it means.
fn legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let text = TextStyle::from((FONT, 19).into_font()).pos(Pos::new(HPos::Left, VPos::Center));
    let row = |i: u32| (LEGEND_ROW * i + LEGEND_ROW / 2) as i32;
    area.draw(&PathElement::new(vec![(40, row(0)), (100, row(0))], BLUE.stroke_width(4)))?;
    area.draw(&Text::new("median: half the games are at or below the line", (115, row(0)), text.clone()))?;
    for (i, alpha, label) in [
        (1, INNER_ALPHA, "middle half of the games (25th to 75th percentile)"),
        (2, OUTER_ALPHA, "four games in five (10th to 90th percentile)"),
    ] {
        let y = row(i);
        area.draw(&Rectangle::new([(40, y - 9), (100, y + 9)], BLUE.mix(alpha).filled()))?;
        area.draw(&Text::new(label, (115, y), text.clone()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_band_runs_along_its_low_edge_and_back_along_its_high_one() {
        let points = [(0, [1.0, 2.0, 3.0, 4.0, 5.0]), (1, [10.0, 20.0, 30.0, 40.0, 50.0])];
        assert_eq!(band(&points, 0, 4), [(0, 1.0), (1, 10.0), (1, 50.0), (0, 5.0)]);
        assert_eq!(band(&points, 1, 3), [(0, 2.0), (1, 20.0), (1, 40.0), (0, 4.0)]);
    }
}
