//! A profile (`sweep --profile`) as a table to read, CSV for a spreadsheet, or JSON for a script.

use std::fmt::Write;

use super::profile::{Profile, QUANTILES, TurnProfile};
use crate::names::count;

/// One figure of the profile: its title and, for each turn, its five quantiles as text.
pub(super) struct Figure {
    pub title: String,
    /// The key in CSV: `deaths`, `stage` or `way_out`.
    pub key: &'static str,
    /// The dispute's id; empty for the deaths.
    pub dispute: String,
    /// The quantiles at a turn, given the index of the figure's dispute.
    pub values: fn(&TurnProfile, usize) -> [f64; 5],
}

impl Figure {
    /// A quantile as text: deaths as a whole number (with thousands separators when `readable`),
    /// a stage as a whole number, a way out to one decimal.
    fn show(&self, value: f64, readable: bool) -> String {
        match self.key {
            "deaths" if readable => count(value as u64),
            "way_out" => format!("{value:.1}"),
            _ => format!("{value:.0}"),
        }
    }

    /// The quantiles of turn `t`.
    pub fn values_at(&self, p: &Profile, t: &TurnProfile) -> [f64; 5] {
        let i = p.disputes.iter().position(|(id, _)| *id == self.dispute).unwrap_or(0);
        (self.values)(t, i)
    }

    /// The quantiles of turn `t` as text.
    pub fn cells(&self, p: &Profile, t: &TurnProfile, readable: bool) -> [String; 5] {
        self.values_at(p, t).map(|v| self.show(v, readable))
    }
}

/// The figures in the order they are shown: the deaths, then each dispute's stage and way out.
pub(super) fn figures(p: &Profile) -> Vec<Figure> {
    let mut out = vec![Figure {
        title: "Deaths so far".into(),
        key: "deaths",
        dispute: String::new(),
        // Deaths stop at 10⁹, which an f64 holds exactly.
        values: |t, _| t.deaths.map(|d| d as f64),
    }];
    for (id, name) in &p.disputes {
        out.push(Figure {
            title: format!("{name} (`{id}`): Glasl stage (1–9)"),
            key: "stage",
            dispute: id.clone(),
            values: |t, i| t.disputes[i].stage.map(f64::from),
        });
        out.push(Figure {
            title: format!("{name} (`{id}`): way out (0–100)"),
            key: "way_out",
            dispute: id.clone(),
            values: |t, i| t.disputes[i].way_out,
        });
    }
    out
}

/// The heading every rendering starts with: what the figures are.
pub(super) fn explanation(p: &Profile) -> String {
    format!(
        "Each figure across the {} games, turn by turn: the 10th, 25th, 50th (median), 75th and 90th percentiles \
         (nearest rank: each is a value some game had). A game that has ended keeps its last figures; \
         \"in play\" counts the games still being played. Turn 0 is the start.",
        count(p.runs as u64)
    )
}

pub fn render_table(p: &Profile) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}: profile of {} games from seed {}", p.scenario, count(p.runs as u64), p.seed);
    let _ = writeln!(out, "{}\n", explanation(p));
    super::summary::render_seats(&mut out, &p.seats);
    let head: Vec<String> = QUANTILES.iter().map(|q| format!("p{q}")).collect();
    for f in figures(p) {
        let rows: Vec<(String, String, [String; 5])> = p
            .turns
            .iter()
            .map(|t| {
                let turn = if t.turn == 0 { "start".into() } else { t.turn.to_string() };
                (turn, count(t.in_play as u64), f.cells(p, t, true))
            })
            .collect();
        let width = |k: usize| rows.iter().map(|r| r.2[k].chars().count()).max().unwrap_or(0).max(head[k].len());
        let widths: Vec<usize> = (0..5).map(width).collect();
        let play_width = rows.iter().map(|r| r.1.len()).max().unwrap_or(0).max("in play".len());
        let _ = writeln!(out, "{}", f.title);
        let _ = write!(out, "  {:<5}  {:>play_width$}", "turn", "in play");
        for (h, w) in head.iter().zip(&widths) {
            let _ = write!(out, "  {h:>w$}");
        }
        out.push('\n');
        for (turn, in_play, cells) in rows {
            let _ = write!(out, "  {turn:<5}  {in_play:>play_width$}");
            for (c, w) in cells.iter().zip(&widths) {
                let _ = write!(out, "  {c:>w$}");
            }
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// One row per turn and figure: `turn,in_play,figure,dispute,p10,p25,p50,p75,p90`.
pub fn render_csv(p: &Profile) -> String {
    let mut out = String::from("turn,in_play,figure,dispute");
    for q in QUANTILES {
        let _ = write!(out, ",p{q}");
    }
    out.push('\n');
    let figures = figures(p);
    for t in &p.turns {
        for f in &figures {
            let _ = write!(out, "{},{},{},{}", t.turn, t.in_play, f.key, f.dispute);
            for c in f.cells(p, t, false) {
                let _ = write!(out, ",{c}");
            }
            out.push('\n');
        }
    }
    out
}

pub fn render_json(p: &Profile) -> String {
    serde_json::to_string_pretty(p).expect("a profile serialises")
}
