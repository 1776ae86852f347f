//! The debrief as one self-contained HTML page: the CSS and the SVG charts are inline; there is no script,
//! no font file, no image and nothing fetched from a network. Large type for a projector, `@media print`
//! rules for paper. Every text from the scenario or the log is escaped.

use super::compare::{Comparison, Divergence};
use super::history::GameSide;
use super::series::{Series, number_table};
use super::{Chart, Debrief, TurnEntry};

pub(super) const STYLE: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 76rem; padding: 1.5rem 2rem 4rem; background: #fff; color: #111;
  font-family: "Segoe UI", "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif;
  font-size: 22px; line-height: 1.5; }
h1 { font-size: 2.3em; line-height: 1.15; margin: 0.4em 0; }
h2 { font-size: 1.7em; margin: 2.2em 0 0.6em; padding-bottom: 0.2em; border-bottom: 4px solid #0072b2; }
h3 { font-size: 1.3em; margin: 1.6em 0 0.4em; }
h4 { font-size: 1.05em; margin: 1em 0 0.3em; }
p, li { max-width: 70rem; }
ul, ol { padding-left: 1.4em; }
li { margin: 0.25em 0; }
code { font-family: "Consolas", "DejaVu Sans Mono", monospace; font-size: 0.9em; background: #eef2f6;
  padding: 0 0.2em; border-radius: 3px; }
table { border-collapse: collapse; width: 100%; margin: 0.8em 0; }
th, td { border: 1px solid #888; padding: 0.35em 0.55em; text-align: left; vertical-align: top; }
th { background: #e8eef5; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.facts th { width: 14em; }
.wide { overflow-x: auto; }
table.numbers { font-size: 0.72em; }
table.numbers td { white-space: nowrap; }
.summary { font-size: 1.1em; }
.note { border-left: 8px solid #e69f00; background: #fff7e6; padding: 0.6em 1em; }
.ending { border-left: 8px solid #009e73; background: #ecf8f3; padding: 0.6em 1em; font-size: 1.1em; }
.met { color: #00603f; font-weight: bold; }
.unmet { color: #9c2b00; font-weight: bold; }
.small { font-size: 0.82em; color: #333; }
.turn { border-left: 8px solid #0072b2; padding: 0.1em 0 0.4em 1em; margin: 1.8em 0; }
.turn h3 { margin-top: 0.3em; }
.differs td:first-child { font-weight: bold; color: #9c2b00; }
figure { margin: 1.2em 0 2em; }
figure svg { display: block; width: 100%; height: auto; border: 1px solid #ccc; }
figcaption { font-size: 0.9em; margin-top: 0.4em; }
nav ol { columns: 2; }
nav a { color: #00527f; }
@media print {
  @page { margin: 1.5cm; }
  body { font-size: 11pt; max-width: none; padding: 0; }
  h1 { font-size: 22pt; }
  h2 { font-size: 16pt; break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  nav { display: none; }
  .wide { overflow: visible; }
  .turn, figure, tr, li, .ending, .note { break-inside: avoid; }
  th { background: none; }
  code { background: none; }
  a { color: inherit; text-decoration: none; }
}
"#;

pub use crate::brief::html::escape;

/// Escaped text, with the log's `ids in backticks` shown as code.
pub(super) fn inline(s: &str) -> String {
    let parts: Vec<&str> = s.split('`').collect();
    if parts.len().is_multiple_of(2) {
        // An unpaired backtick: show the text as it is.
        return escape(s);
    }
    parts
        .iter()
        .enumerate()
        .map(|(i, p)| if i % 2 == 1 { format!("<code>{}</code>", escape(p)) } else { escape(p) })
        .collect()
}

struct Page {
    out: String,
}

impl Page {
    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push('\n');
    }

    /// `<tag>text</tag>` with the text escaped.
    fn el(&mut self, tag: &str, text: &str) {
        let name = tag.split(' ').next().unwrap_or(tag);
        self.raw(&format!("<{tag}>{}</{name}>", inline(text)));
    }

    fn list(&mut self, items: &[String]) {
        if items.is_empty() {
            return;
        }
        self.raw("<ul>");
        for i in items {
            self.el("li", i);
        }
        self.raw("</ul>");
    }
}

pub fn render(d: &Debrief) -> String {
    let mut p = Page { out: String::new() };
    p.raw("<!DOCTYPE html>");
    p.raw(&format!("<html lang=\"{}\">", escape(&d.language)));
    p.raw("<head>");
    p.raw("<meta charset=\"utf-8\">");
    p.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    p.el("title", &format!("Debrief: {}", d.title));
    p.raw(&format!("<style>{STYLE}</style>"));
    p.raw("</head>");
    p.raw("<body>");
    p.el("h1", &format!("Debrief: {}", d.title));
    p.el("p class=\"summary\"", &d.summary);
    p.raw("<table class=\"facts\">");
    for (k, v) in &d.facts {
        p.raw(&format!("<tr><th scope=\"row\">{}</th><td>{}</td></tr>", escape(k), escape(v)));
    }
    p.raw("</table>");
    if let Some(note) = &d.branch_note {
        p.el("p class=\"note\"", note);
    }
    contents(&mut p, d);

    p.raw("<section id=\"ending\">");
    p.el("h2", "How it ended");
    if let Some(e) = &d.ending {
        p.raw(&format!(
            "<p class=\"ending\"><strong>{}.</strong> {}</p>",
            escape(&e.outcome_title),
            inline(&e.outcome_text)
        ));
        p.el("p", &format!("Why the game stopped: {}", e.reason));
    }
    p.el("p", &d.progress);
    if !d.in_force.is_empty() {
        p.el("p", "In force when the log stops:");
        p.list(&d.in_force);
    }
    p.raw("</section>");

    if let Some(c) = &d.comparison {
        comparison(&mut p, c);
    }

    p.raw("<section id=\"turning-points\">");
    p.el("h2", "Turning points");
    p.el("p", "The largest changes of the game and what caused them, with the numbers from the log.");
    if d.turning_points.is_empty() {
        p.el("p", "Nothing changed much: no stage moved, nothing new was agreed or decided.");
    } else {
        p.raw("<ol>");
        for t in &d.turning_points {
            p.raw(&format!("<li><strong>Turn {} ({}): {}.</strong>", t.turn, escape(&t.dates), inline(&t.what)));
            p.list(&t.why);
            p.raw("</li>");
        }
        p.raw("</ol>");
    }
    p.raw("</section>");

    p.raw("<section id=\"numbers\">");
    p.el("h2", "The crisis in numbers");
    p.el("h3", "When a deal became possible");
    p.raw("<ul class=\"deals\">");
    for x in &d.deals {
        p.el("li", x);
    }
    p.raw("</ul>");
    figures(&mut p, &d.charts);
    numbers(&mut p, &d.series);
    p.raw("</section>");

    p.raw("<section id=\"objectives\">");
    p.el("h2", "Objectives");
    if d.objectives.is_empty() {
        p.el("p", &d.progress);
    }
    for r in &d.objectives {
        let seat = if r.seat { " (played by a group)" } else { "" };
        p.el("h3", &format!("{}{seat}: {} of {} points", r.role, r.points, r.max));
        p.raw("<table>");
        p.raw("<tr><th>Objective</th><th>Met?</th><th class=\"num\">Points</th></tr>");
        for o in &r.rows {
            let met = if o.met {
                "<span class=\"met\">✔ met</span>".to_string()
            } else if o.shortfall.is_empty() {
                "<span class=\"unmet\">✘ not met</span>".to_string()
            } else {
                format!("<span class=\"unmet\">✘ not met</span> — {}", escape(&super::shortfall::words(&o.shortfall)))
            };
            p.raw(&format!(
                "<tr><td>{}</td><td>{met}</td><td class=\"num\">{} of {}</td></tr>",
                inline(&o.text),
                o.points,
                o.max
            ));
        }
        p.raw("</table>");
    }
    p.raw("</section>");

    if !d.negotiations.is_empty() {
        p.raw("<section id=\"negotiations\">");
        p.el("h2", "Negotiations");
        p.el("p", "What the groups said to each other in each turn, and what each of them then did in that turn.");
        for round in &d.negotiations {
            p.el("h3", &format!("Turn {} ({})", round.turn, round.dates));
            p.raw("<ul>");
            for (who, said) in &round.said {
                p.raw(&format!("<li><strong>{}:</strong> “{}”</li>", escape(who), escape(said)));
            }
            p.raw("</ul>");
            p.el("p", "Then:");
            p.raw("<ul>");
            for (who, deeds) in &round.did {
                p.raw(&format!("<li><strong>{}:</strong> {}</li>", escape(who), escape(&deeds.join("; "))));
            }
            p.raw("</ul>");
        }
        p.raw("</section>");
    }

    p.raw("<section id=\"timeline\">");
    p.el("h2", "What happened, turn by turn");
    if d.timeline.is_empty() {
        p.el("p", "No turn was played.");
    }
    for t in &d.timeline {
        turn(&mut p, t);
    }
    p.raw("</section>");

    p.raw("<section id=\"history\">");
    p.el("h2", "What the real actors did");
    history(&mut p, &d.history);
    p.raw("</section>");

    p.raw("<section id=\"questions\">");
    p.el("h2", "Questions for the discussion");
    if d.questions.is_empty() {
        p.el("p", "The scenario gives no discussion questions.");
    } else {
        p.raw("<ol>");
        for q in &d.questions {
            p.el("li", q);
        }
        p.raw("</ol>");
    }
    p.raw("</section>");
    p.raw("</body>");
    p.raw("</html>");
    p.out
}

fn contents(p: &mut Page, d: &Debrief) {
    let compared = d.comparison.as_ref().map(|c| format!("Compared with {}", escape(&c.labels.1.phrase)));
    let mut items = vec![("ending", "How it ended")];
    if let Some(label) = &compared {
        items.push(("comparison", label));
    }
    items.extend([
        ("turning-points", "Turning points"),
        ("numbers", "The crisis in numbers"),
        ("objectives", "Objectives"),
    ]);
    if !d.negotiations.is_empty() {
        items.push(("negotiations", "Negotiations"));
    }
    items.extend([
        ("timeline", "What happened, turn by turn"),
        ("history", "What the real actors did"),
        ("questions", "Questions for the discussion"),
    ]);
    p.raw("<nav>");
    p.raw("<ol>");
    for (id, label) in items {
        p.raw(&format!("<li><a href=\"#{id}\">{label}</a></li>"));
    }
    p.raw("</ol>");
    p.raw("</nav>");
}

fn figures(p: &mut Page, charts: &[Chart]) {
    for c in charts {
        p.raw("<figure>");
        let labelled = c.svg.replacen("<svg ", &format!("<svg role=\"img\" aria-label=\"{}\" ", escape(&c.title)), 1);
        p.raw(labelled.trim_end());
        p.raw(&format!("<figcaption><strong>{}.</strong> {}</figcaption>", escape(&c.title), inline(&c.caption)));
        p.raw("</figure>");
    }
}

fn numbers(p: &mut Page, s: &Series) {
    let (head, rows) = number_table(s);
    p.el("h3", "The numbers behind the charts");
    // One column per turn: smaller type, and a scroll bar of its own for a long game, so the page itself
    // never scrolls sideways on a projector.
    p.raw("<div class=\"wide\">");
    p.raw("<table class=\"numbers\">");
    let head: String = head.iter().map(|h| format!("<th class=\"num\">{h}</th>")).collect();
    p.raw(&format!("<tr><th></th>{head}</tr>"));
    for (label, cells) in rows {
        let cells: String = cells.iter().map(|v| format!("<td class=\"num\">{}</td>", escape(v))).collect();
        p.raw(&format!("<tr><th scope=\"row\">{}</th>{cells}</tr>", escape(&label)));
    }
    p.raw("</table>");
    p.raw("</div>");
    if s.steady_trust > 0 {
        p.el(
            "p class=\"small\"",
            &format!("Trust between {} other pair(s) did not move during the game.", s.steady_trust),
        );
    }
}

fn turn(p: &mut Page, t: &TurnEntry) {
    p.raw(&format!("<section class=\"turn\" id=\"turn-{}\">", t.turn));
    p.el("h3", &format!("Turn {} · {}", t.turn, t.dates));
    p.el("h4", "Where things stood after the turn");
    p.list(&t.situation);
    p.el("h4", "Orders");
    if t.orders.is_empty() {
        p.el("p", "No order was carried out.");
    }
    p.list(&t.orders);
    if !t.rejected.is_empty() {
        p.el("h4", "Rejected orders and why");
        p.raw("<ul>");
        for (o, why) in &t.rejected {
            p.raw(&format!("<li>{} — <em>{}</em></li>", inline(o), inline(why)));
        }
        p.raw("</ul>");
    }
    if !t.holding.is_empty() {
        p.raw(&format!(
            "<p class=\"small\"><strong>Holding (no new move this turn):</strong> {}.</p>",
            escape(&t.holding.join(", "))
        ));
    }
    if !t.votes.is_empty() {
        p.el("h4", "Votes");
        p.raw("<ul>");
        for v in &t.votes {
            p.raw(&format!(
                "<li><strong>{}</strong>, tabled by {}: <strong>{}</strong>, {} (in favour–against–abstaining).",
                inline(&v.title),
                escape(&v.sponsor),
                escape(&v.result),
                escape(&v.tally)
            ));
            let ballots: Vec<String> =
                v.ballots.iter().map(|(label, who)| format!("{label}: {}", who.join(", "))).collect();
            if !ballots.is_empty() {
                p.el("p class=\"small\"", &format!("{}.", ballots.join("; ")));
            }
            p.el("p class=\"small\"", &v.explanation);
            p.raw("</li>");
        }
        p.raw("</ul>");
    }
    if !t.outcomes.is_empty() {
        p.el("h4", "Outcomes and their reasons");
        p.raw("<ul>");
        for o in &t.outcomes {
            if o.numbers.is_empty() {
                p.raw(&format!("<li>{}", inline(&o.explanation)));
            } else {
                p.raw(&format!("<li>{} <span class=\"small\">({})</span>", inline(&o.explanation), escape(&o.numbers)));
            }
            if !o.factors.is_empty() {
                p.el("p class=\"small\"", &format!("factors: {}", o.factors.join(" · ")));
            }
            p.raw("</li>");
        }
        p.raw("</ul>");
    }
    if !t.dynamics.is_empty() {
        p.el("h4", "The dispute's own dynamics");
        p.list(&t.dynamics);
    }
    if !t.news.is_empty() {
        p.el("h4", "News");
        p.raw("<ul>");
        for (title, body) in &t.news {
            p.raw(&format!("<li><strong>{}.</strong> {}</li>", escape(title), inline(body)));
        }
        p.raw("</ul>");
    }
    if !t.new_facts.is_empty() {
        p.el("h4", "New this turn");
        p.list(&t.new_facts);
    }
    if let Some(end) = &t.end {
        p.el("p class=\"ending\"", end);
    }
    p.raw("</section>");
}

fn history(p: &mut Page, h: &super::History) {
    if h.turns.is_empty() {
        p.el("p", "This scenario has no historical course: there is nothing to set beside the game.");
        return;
    }
    if !h.note.is_empty() {
        p.el("p", &h.note);
    }
    p.raw("<table>");
    p.raw("<tr><th>Turn</th><th>In history</th><th>In this game</th></tr>");
    for t in &h.turns {
        p.raw("<tr>");
        p.raw(&format!("<td><strong>{}</strong><br>{}</td>", t.turn, escape(&t.dates)));
        p.raw("<td>");
        p.el("p", &t.summary);
        p.list(&t.real);
        if !t.sources.is_empty() {
            p.el("p class=\"small\"", &format!("Sources: {}.", t.sources.join(", ")));
        }
        p.raw("</td>");
        p.raw("<td>");
        match &t.game {
            GameSide::NotPlayed => p.el("p", "This turn was not played."),
            GameSide::Same => p.el("p", "The groups made the same moves as the real actors."),
            GameSide::Different { orders, only_history, only_game } => {
                if orders.is_empty() {
                    p.el("p", "Nobody gave an order.");
                }
                p.list(orders);
                if !only_history.is_empty() {
                    p.el("p", "Done in history, not in this game:");
                    p.list(only_history);
                }
                if !only_game.is_empty() {
                    p.el("p", "Done in this game, not in history:");
                    p.list(only_game);
                }
            }
        }
        p.raw("</td>");
        p.raw("</tr>");
    }
    p.raw("</table>");
    if !h.sources.is_empty() {
        p.el("h3", "Sources");
        p.raw("<ul>");
        for (id, citation) in &h.sources {
            p.raw(&format!("<li><strong>{}</strong>: {}</li>", escape(id), escape(citation)));
        }
        p.raw("</ul>");
    }
}

fn comparison(p: &mut Page, c: &Comparison) {
    p.raw("<section id=\"comparison\">");
    p.el("h2", &format!("Compared with {}", c.labels.1.phrase));
    p.list(&c.relation);
    p.el("h3", "Where the games diverged");
    match &c.divergence {
        Divergence::None => p.el("p", "They did not: every turn of the two logs is the same."),
        Divergence::At { turn, dates, why } => {
            p.raw(&format!(
                "<p class=\"note\">The games first diverge in <strong>turn {turn}</strong> ({}).</p>",
                escape(dates)
            ));
            p.list(why);
        }
    }
    p.el("h3", "The dice");
    for x in &c.dice {
        p.el("p", x);
    }
    p.el("h3", "Side by side");
    p.raw("<table>");
    p.raw(&format!(
        "<tr><th class=\"num\">Turn</th><th>{}</th><th>{}</th></tr>",
        escape(&c.labels.0.short),
        escape(&c.labels.1.short)
    ));
    for r in &c.rows {
        let (class, mark) = if r.differs { (" class=\"differs\"", " ≠") } else { ("", "") };
        p.raw(&format!(
            "<tr{class}><td class=\"num\">{}{mark}</td><td>{}</td><td>{}</td></tr>",
            r.turn,
            escape(&r.this),
            escape(&r.other)
        ));
    }
    p.raw("</table>");
    p.el("p class=\"small\"", "≠ marks the turns that differ.");
    figures(p, &c.charts);
    for t in &c.turns {
        p.el("h3", &format!("Turn {} · {}: what differed", t.turn, t.dates));
        if !t.decisions.is_empty() {
            p.el("h4", "Decisions");
            p.list(&t.decisions);
        }
        if !t.changed.is_empty() {
            p.el("h4", "The same decision, different odds or a different result");
            p.list(&t.changed);
        }
        if t.only_this.is_empty() && t.only_other.is_empty() {
            continue;
        }
        p.raw("<table>");
        p.raw(&format!(
            "<tr><th>Only in {}</th><th>Only in {}</th></tr>",
            escape(&c.labels.0.phrase),
            escape(&c.labels.1.phrase)
        ));
        p.raw("<tr><td>");
        p.list(&t.only_this);
        p.raw("</td><td>");
        p.list(&t.only_other);
        p.raw("</td></tr>");
        p.raw("</table>");
    }
    p.el("h3", "How each game ended");
    p.list(&[format!("{}: {}", c.labels.0.short, c.endings.0), format!("{}: {}", c.labels.1.short, c.endings.1)]);
    if !c.objectives.is_empty() {
        p.el("p", "Objectives scored differently:");
        p.raw("<table>");
        p.raw(&format!(
            "<tr><th>Role</th><th>Objective</th><th>{}</th><th>{}</th></tr>",
            escape(&c.labels.0.short),
            escape(&c.labels.1.short)
        ));
        for (role, objective, here, there) in &c.objectives {
            p.raw(&format!(
                "<tr><td>{}</td><td>{}</td><td>{here}</td><td>{there}</td></tr>",
                escape(role),
                inline(objective)
            ));
        }
        p.raw("</table>");
    }
    p.raw("</section>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_backticks_become_code() {
        assert_eq!(escape("<b>\"x\" & 'y'"), "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;");
        assert_eq!(inline("in `kenya-crisis` <now>"), "in <code>kenya-crisis</code> &lt;now&gt;");
        assert_eq!(inline("a ` alone"), "a ` alone");
    }
}
