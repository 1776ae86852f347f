//! The debrief as Markdown: the charts are SVG files beside the report (or left out, with a note, when the
//! report goes to standard output); the numbers behind them are in a table either way.

use super::compare::{Comparison, Divergence};
use super::history::GameSide;
use super::series::{Series, number_table};
use super::{Chart, Debrief};

/// Where the charts of a Markdown report go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChartFiles {
    /// Printed to standard output: no files, a note says how to get them.
    Omitted,
    /// Written beside the report as `STEM-SLUG.svg` (e.g. `report-stage.svg`), linked by that name.
    Beside { stem: String },
}

impl ChartFiles {
    /// The file name of a chart, relative to the report.
    pub fn file_name(&self, chart: &Chart) -> Option<String> {
        match self {
            ChartFiles::Omitted => None,
            ChartFiles::Beside { stem } => Some(format!("{stem}-{}.svg", chart.slug)),
        }
    }
}

/// Text from a scenario or a log, made safe for Markdown: anything that could open an HTML tag is escaped.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<' && chars.peek().is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')) {
            out.push_str("&lt;");
        } else {
            out.push(c);
        }
    }
    out
}

/// Text for a table cell: also no `|` and no line breaks.
fn cell(s: &str) -> String {
    text(s).replace('|', "\\|").replace('\n', " ")
}

pub fn render(d: &Debrief, charts: &ChartFiles) -> String {
    let mut out = String::new();
    let mut w = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    w(&format!("# Debrief: {}", text(&d.title)));
    w("");
    w(&text(&d.summary));
    w("");
    w("| | |");
    w("|---|---|");
    for (k, v) in &d.facts {
        w(&format!("| {} | {} |", cell(k), cell(v)));
    }
    w("");
    if let Some(note) = &d.branch_note {
        w(&format!("> {}", text(note)));
        w("");
    }

    how_it_ended(&mut w, d);

    if let Some(c) = &d.comparison {
        comparison(&mut w, c, charts);
    }

    w("## Turning points");
    w("");
    w("The largest changes of the game and what caused them, with the numbers from the log.");
    w("");
    if d.turning_points.is_empty() {
        w("Nothing changed much: no stage moved, nothing new was agreed or decided.");
        w("");
    }
    for p in &d.turning_points {
        w(&format!("- **Turn {} ({}): {}.**", p.turn, text(&p.dates), text(&p.what)));
        for why in &p.why {
            w(&format!("  - {}", text(why)));
        }
    }
    if !d.turning_points.is_empty() {
        w("");
    }

    w("## The crisis in numbers");
    w("");
    w("**When a deal became possible**");
    w("");
    for x in &d.deals {
        w(&format!("- {}", text(x)));
    }
    w("");
    chart_list(&mut w, &d.charts, charts);
    numbers(&mut w, &d.series);

    w("## Objectives");
    w("");
    if d.objectives.is_empty() {
        w(&text(&d.progress));
        w("");
    }
    for r in &d.objectives {
        let seat = if r.seat { " (played by a group)" } else { "" };
        w(&format!("### {}{seat}: {} of {} points", text(&r.role), r.points, r.max));
        w("");
        w("| Objective | Met? | Points |");
        w("|---|---|---|");
        for o in &r.rows {
            let met = match (o.met, o.shortfall.is_empty()) {
                (true, _) => "✔ met".to_string(),
                (false, true) => "✘ not met".to_string(),
                (false, false) => format!("✘ not met — {}", cell(&super::shortfall::words(&o.shortfall))),
            };
            w(&format!("| {} | {met} | {} of {} |", cell(&o.text), o.points, o.max));
        }
        w("");
    }

    if !d.negotiations.is_empty() {
        w("## Negotiations");
        w("");
        w("What the groups said to each other in each turn, and what each of them then did in that turn.");
        w("");
        for round in &d.negotiations {
            w(&format!("### Turn {} ({})", round.turn, text(&round.dates)));
            w("");
            for (who, said) in &round.said {
                w(&format!("- **{}:** “{}”", text(who), cell(said)));
            }
            w("");
            w("Then:");
            w("");
            for (who, deeds) in &round.did {
                w(&format!("- **{}:** {}", text(who), text(&deeds.join("; "))));
            }
            w("");
        }
    }

    w("## What happened, turn by turn");
    w("");
    if d.timeline.is_empty() {
        w("No turn was played.");
        w("");
    }
    for t in &d.timeline {
        turn(&mut w, t);
    }

    w("## What the real actors did");
    w("");
    history(&mut w, &d.history);

    w("## Questions for the discussion");
    w("");
    if d.questions.is_empty() {
        w("The scenario gives no discussion questions.");
    }
    for (i, q) in d.questions.iter().enumerate() {
        w(&format!("{}. {}", i + 1, text(q)));
    }
    w("");
    out
}

fn chart_list(w: &mut impl FnMut(&str), list: &[Chart], files: &ChartFiles) {
    match files {
        ChartFiles::Omitted => {
            w("*The charts are left out when the report is printed. Give `--out FILE.md` to write them as SVG \
               files beside the report, or use `--format html`. Their numbers are in the table below.*");
            w("");
        }
        ChartFiles::Beside { .. } => {
            for c in list {
                let file = files.file_name(c).unwrap_or_default();
                w(&format!("![{}]({file})", text(&c.title)));
                w("");
                w(&format!("*{}*", text(&c.caption)));
                w("");
            }
        }
    }
}

/// The numbers behind the charts: one row per line, one column per turn.
fn numbers(w: &mut impl FnMut(&str), s: &Series) {
    let (head, rows) = number_table(s);
    w(&format!("| | {} |", head.join(" | ")));
    w(&format!("|---|{}", "---:|".repeat(head.len())));
    for (label, cells) in rows {
        w(&format!("| {} | {} |", cell(&label), cells.join(" | ")));
    }
    w("");
    if s.steady_trust > 0 {
        w(&format!("Trust between {} other pair(s) did not move during the game.", s.steady_trust));
        w("");
    }
}

fn turn(w: &mut impl FnMut(&str), t: &super::TurnEntry) {
    w(&format!("### Turn {} · {}", t.turn, text(&t.dates)));
    w("");
    w("**Where things stood after the turn**");
    w("");
    for s in &t.situation {
        w(&format!("- {}", text(s)));
    }
    w("");
    w("**Orders**");
    w("");
    if t.orders.is_empty() {
        w("- No order was carried out.");
    }
    for o in &t.orders {
        w(&format!("- {}", text(o)));
    }
    w("");
    if !t.rejected.is_empty() {
        w("**Rejected orders and why**");
        w("");
        for (o, why) in &t.rejected {
            w(&format!("- {} — *{}*", text(o), text(why)));
        }
        w("");
    }
    if !t.holding.is_empty() {
        w(&format!("**Holding (no new move this turn):** {}.", text(&t.holding.join(", "))));
        w("");
    }
    if !t.votes.is_empty() {
        w("**Votes**");
        w("");
        for v in &t.votes {
            w(&format!(
                "- **{}**, tabled by {}: **{}**, {} (in favour–against–abstaining).",
                text(&v.title),
                text(&v.sponsor),
                text(&v.result),
                text(&v.tally)
            ));
            let ballots: Vec<String> =
                v.ballots.iter().map(|(label, who)| format!("{label}: {}", who.join(", "))).collect();
            if !ballots.is_empty() {
                w(&format!("  - {}.", text(&ballots.join("; "))));
            }
            w(&format!("  - {}", text(&v.explanation)));
        }
        w("");
    }
    if !t.outcomes.is_empty() {
        w("**Outcomes and their reasons**");
        w("");
        for o in &t.outcomes {
            if o.numbers.is_empty() {
                w(&format!("- {}", text(&o.explanation)));
            } else {
                w(&format!("- {} *({})*", text(&o.explanation), text(&o.numbers)));
            }
            if !o.factors.is_empty() {
                w(&format!("  - factors: {}", text(&o.factors.join(" · "))));
            }
        }
        w("");
    }
    if !t.dynamics.is_empty() {
        w("**The dispute's own dynamics**");
        w("");
        for d in &t.dynamics {
            w(&format!("- {}", text(d)));
        }
        w("");
    }
    if !t.news.is_empty() {
        w("**News**");
        w("");
        for (title, body) in &t.news {
            w(&format!("- **{}.** {}", text(title), text(body)));
        }
        w("");
    }
    if !t.new_facts.is_empty() {
        w("**New this turn**");
        w("");
        for f in &t.new_facts {
            w(&format!("- {}", text(f)));
        }
        w("");
    }
    if let Some(end) = &t.end {
        w(&format!("**{}**", text(end)));
        w("");
    }
}

fn history(w: &mut impl FnMut(&str), h: &super::History) {
    if h.turns.is_empty() {
        w("This scenario has no historical course: there is nothing to set beside the game.");
        w("");
        return;
    }
    if !h.note.is_empty() {
        w(&text(&h.note));
        w("");
    }
    for t in &h.turns {
        w(&format!("### Turn {} · {}", t.turn, text(&t.dates)));
        w("");
        w(&format!("**In history.** {}", text(&t.summary)));
        w("");
        for o in &t.real {
            w(&format!("- {}", text(o)));
        }
        w("");
        match &t.game {
            GameSide::NotPlayed => w("**In this game.** This turn was not played."),
            GameSide::Same => w("**In this game.** The groups made the same moves as the real actors."),
            GameSide::Different { orders, only_history, only_game } => {
                w("**In this game.**");
                w("");
                if orders.is_empty() {
                    w("- Nobody gave an order.");
                }
                for o in orders {
                    w(&format!("- {}", text(o)));
                }
                w("");
                if !only_history.is_empty() {
                    w("Done in history, not in this game:");
                    w("");
                    for o in only_history {
                        w(&format!("- {}", text(o)));
                    }
                    w("");
                }
                if !only_game.is_empty() {
                    w("Done in this game, not in history:");
                    w("");
                    for o in only_game {
                        w(&format!("- {}", text(o)));
                    }
                }
            }
        }
        w("");
        if !t.sources.is_empty() {
            w(&format!("*Sources: {}.*", text(&t.sources.join(", "))));
            w("");
        }
    }
    if !h.sources.is_empty() {
        w("### Sources");
        w("");
        for (id, citation) in &h.sources {
            w(&format!("- **{}**: {}", text(id), text(citation)));
        }
        w("");
    }
}

fn comparison(w: &mut impl FnMut(&str), c: &Comparison, files: &ChartFiles) {
    w(&format!("## Compared with {}", text(&c.labels.1.phrase)));
    w("");
    for r in &c.relation {
        w(&format!("- {}", text(r)));
    }
    w("");
    w("### Where the games diverged");
    w("");
    match &c.divergence {
        Divergence::None => w("They did not: every turn of the two logs is the same."),
        Divergence::At { turn, dates, why } => {
            w(&format!("The games first diverge in **turn {turn}** ({}).", text(dates)));
            w("");
            for x in why {
                w(&format!("- {}", text(x)));
            }
        }
    }
    w("");
    w("### The dice");
    w("");
    for x in &c.dice {
        w(&text(x));
        w("");
    }
    w("### Side by side");
    w("");
    w(&format!("| Turn | {} | {} |", cell(&c.labels.0.short), cell(&c.labels.1.short)));
    w("|---:|---|---|");
    for r in &c.rows {
        let mark = if r.differs { " ≠" } else { "" };
        w(&format!("| {}{mark} | {} | {} |", r.turn, cell(&r.this), cell(&r.other)));
    }
    w("");
    w("≠ marks the turns that differ.");
    w("");
    chart_list(w, &c.charts, files);
    for t in &c.turns {
        w(&format!("### Turn {} · {}: what differed", t.turn, text(&t.dates)));
        w("");
        if !t.decisions.is_empty() {
            w("Decisions:");
            w("");
            for x in &t.decisions {
                w(&format!("- {}", text(x)));
            }
            w("");
        }
        if !t.changed.is_empty() {
            w("The same decision, different odds or a different result:");
            w("");
            for x in &t.changed {
                w(&format!("- {}", text(x)));
            }
            w("");
        }
        for (label, list) in [(&c.labels.0.phrase, &t.only_this), (&c.labels.1.phrase, &t.only_other)] {
            if !list.is_empty() {
                w(&format!("Only in {}:", text(label)));
                w("");
                for x in list {
                    w(&format!("- {}", text(x)));
                }
                w("");
            }
        }
    }
    w("### How each game ended");
    w("");
    w(&format!("- {}: {}", text(&c.labels.0.short), text(&c.endings.0)));
    w(&format!("- {}: {}", text(&c.labels.1.short), text(&c.endings.1)));
    w("");
    if !c.objectives.is_empty() {
        w("Objectives scored differently:");
        w("");
        w(&format!("| Role | Objective | {} | {} |", cell(&c.labels.0.short), cell(&c.labels.1.short)));
        w("|---|---|---|---|");
        for (role, objective, here, there) in &c.objectives {
            w(&format!("| {} | {} | {} | {} |", cell(role), cell(objective), here, there));
        }
        w("");
    }
}

/// The outcome, why the game stopped and how far it got: the same words in the report and the summary.
pub(super) fn how_it_ended(w: &mut impl FnMut(&str), d: &Debrief) {
    w("## How it ended");
    w("");
    if let Some(e) = &d.ending {
        w(&format!("**{}.** {}", text(&e.outcome_title), text(&e.outcome_text)));
        w("");
        w(&format!("Why the game stopped: {}", text(&e.reason)));
        w("");
    }
    w(&text(&d.progress));
    w("");
    if !d.in_force.is_empty() {
        w("In force when the log stops:");
        w("");
        for line in &d.in_force {
            w(&format!("- {}", text(line)));
        }
        w("");
    }
}
