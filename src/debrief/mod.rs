//! The debrief report: what happened in a game, why, and what would have happened otherwise.
//!
//! A [`Debrief`] is built from a scenario, a log's header and its turn records, and nothing else: every
//! number in it is one the log holds (or the scenario's starting value, for "turn 0"). It is then rendered
//! to Markdown ([`Debrief::to_markdown`]) or to one self-contained HTML page ([`Debrief::to_html`]).
//! The same log gives the same bytes: nothing depends on the clock, the machine or a hash map's order.
//!
//! The parts, one file each: the [`timeline`] of every turn; the [`series`] drawn as [`charts`] (SVG,
//! drawn with plotters); the [`turning_points`]; the [`objectives`] and the ending; the [`history`]
//! (what the real actors did beside what the groups did); and, with a second log, the [`compare`]
//! section. [`markdown`] and [`html`] render them.

pub mod charts;
pub mod compare;
pub mod deal;
pub mod history;
pub mod html;
pub mod in_force;
pub mod labels;
pub mod markdown;
pub mod negotiations;
pub mod objectives;
pub mod plot;
pub mod series;
pub mod shortfall;
pub mod summary;
pub mod timeline;
pub mod turning_points;

use crate::engine::record::TurnRecord;
use crate::engine::state::Snapshot;
use crate::log::LogHeader;
use crate::scenario::Scenario;

pub use charts::Chart;
pub use compare::Comparison;
pub use history::History;
pub use markdown::ChartFiles;
pub use objectives::{Ending, RoleScore};
pub use series::Series;
pub use timeline::TurnEntry;
pub use turning_points::TurningPoint;

/// Everything the report shows, as plain text and numbers; the renderers add only layout.
#[derive(Debug, Clone, PartialEq)]
pub struct Debrief {
    pub title: String,
    /// The scenario's language, e.g. `en` (the HTML page's `lang`).
    pub language: String,
    pub summary: String,
    /// `(label, value)` lines about the game: the log, the seed, where the orders came from, the turns.
    pub facts: Vec<(String, String)>,
    /// How the game ended, if it did.
    pub ending: Option<Ending>,
    /// "9 of 9 turns played." or why the game is not over.
    pub progress: String,
    /// The sanctions and the missions on the ground when the log stops, one sentence each.
    pub in_force: Vec<String>,
    /// For a what-if branch: where it comes from and what that means for the dice.
    pub branch_note: Option<String>,
    pub turning_points: Vec<TurningPoint>,
    pub series: Series,
    /// For each dispute, when a deal became possible (its way out reached what an agreement needs), or
    /// that it never did: one sentence each.
    pub deals: Vec<String>,
    pub charts: Vec<Chart>,
    /// Each role's objectives, when the game has ended (they are scored at the end).
    pub objectives: Vec<RoleScore>,
    pub timeline: Vec<TurnEntry>,
    /// What groups said to each other, turn by turn, beside what they then did (none outside the web
    /// room, unless an orders file gave messages).
    pub negotiations: Vec<negotiations::Round>,
    pub history: History,
    pub questions: Vec<String>,
    pub comparison: Option<Comparison>,
}

/// One game's log as the debrief reads it: how to name it, its header and its turns.
#[derive(Debug, Clone, Copy)]
pub struct GameLog<'a> {
    /// How the report names the log: its path as given on the command line.
    pub name: &'a str,
    pub header: &'a LogHeader,
    pub records: &'a [TurnRecord],
}

impl Debrief {
    /// The debrief of one game.
    pub fn new(scenario: &Scenario, game: &GameLog<'_>) -> Debrief {
        let GameLog { name, header, records } = *game;
        let names = crate::names::Names::new(scenario);
        let initial = Snapshot::initial(scenario);
        let series = series::build(names, &initial, records);
        let ended = objectives::ending(names, records);
        let played = records.last().map_or(0, |r| r.turn);
        let progress = match &ended {
            Some((e, _)) if e.by_facilitator => format!(
                "The game was ended by the facilitator after turn {} of {}; the objectives are scored on the state \
                 then, as at any end.",
                e.turn, scenario.meta.turns
            ),
            Some((e, _)) => format!("The game ended after turn {} of {}.", e.turn, scenario.meta.turns),
            None => format!(
                "The game has not ended: {played} of {} turns played. Objectives are scored at the end, so none \
                 are shown.",
                scenario.meta.turns
            ),
        };
        let seats = if header.seats.is_empty() {
            "none (no seat was played at a prompt)".to_string()
        } else {
            header.seats.iter().map(|s| names.actor(s)).collect::<Vec<_>>().join(", ")
        };
        let facts = vec![
            ("Scenario".to_string(), format!("{} ({})", scenario.meta.title, scenario.meta.id)),
            ("Log".to_string(), name.to_string()),
            ("Orders from".to_string(), header.source.clone()),
            ("Played by groups".to_string(), seats),
            ("Seed".to_string(), header.seed.to_string()),
            ("Turns played".to_string(), format!("{played} of {}", scenario.meta.turns)),
            ("Engine".to_string(), format!("good-offices {}", header.engine)),
        ];
        let branch_note = header.source.starts_with("branch of ").then(|| {
            format!(
                "This game is a what-if branch ({}). It keeps its trunk's turns before the branch point and its \
                 seed, so every decision that was not changed meets the same dice as in the trunk: a difference \
                 comes from the decision, not from luck. Compare the two with `--compare`.",
                header.source
            )
        });
        Debrief {
            title: scenario.meta.title.clone(),
            language: scenario.meta.language.clone(),
            summary: scenario.meta.summary.clone(),
            facts,
            objectives: ended
                .as_ref()
                .map(|(_, end)| objectives::scores(names, end, &header.seats, &records[records.len() - 1].state))
                .unwrap_or_default(),
            ending: ended.map(|(e, _)| e),
            progress,
            in_force: records.last().map(|r| in_force::build(names, &r.state)).unwrap_or_default(),
            branch_note,
            turning_points: turning_points::build(names, &initial, records),
            charts: charts::charts(&series),
            deals: deal::sentences(&series, records),
            series,
            timeline: timeline::build(names, &initial, records),
            negotiations: negotiations::build(names, records),
            history: history::build(names, records),
            questions: scenario.debrief_questions.clone(),
            comparison: None,
        }
    }

    /// The debrief of `game`, compared with `other`, a game of the same scenario (a branch and its trunk).
    pub fn compared(scenario: &Scenario, game: &GameLog<'_>, other: &GameLog<'_>) -> Debrief {
        let mut debrief = Debrief::new(scenario, game);
        let names = crate::names::Names::new(scenario);
        let other_series = series::build(names, &Snapshot::initial(scenario), other.records);
        let this =
            compare::Side { name: game.name, header: game.header, records: game.records, series: &debrief.series };
        let that =
            compare::Side { name: other.name, header: other.header, records: other.records, series: &other_series };
        debrief.comparison = Some(compare::build(names, &this, &that));
        debrief
    }

    pub fn to_markdown(&self, charts: &ChartFiles) -> String {
        markdown::render(self, charts)
    }

    pub fn to_html(&self) -> String {
        html::render(self)
    }

    /// The printable summary (at most two A4 pages) as one self-contained HTML page.
    pub fn summary_html(&self) -> String {
        summary::html(self)
    }

    /// The printable summary as Markdown; its one chart is a file beside it, or left out.
    pub fn summary_markdown(&self, charts: &ChartFiles) -> String {
        summary::markdown(self, charts)
    }

    /// Every chart of the report, the comparison's included, in the order they appear.
    pub fn all_charts(&self) -> impl Iterator<Item = &Chart> {
        self.charts.iter().chain(self.comparison.iter().flat_map(|c| c.charts.iter()))
    }
}
