//! What a facilitator reads in the debrief (issue 18): the way out charted with a labelled mark when a
//! deal became possible and a sentence saying so; objectives not met with the values they ended at;
//! numbers to two decimals; a toll chart whose two series cannot be mistaken for one; trust lines told
//! apart and named; a comparison named by what changed; one dispute's sentences apart from another's;
//! and the printable summary. Each is checked in the page or the SVG as the facilitator gets it.

use std::path::PathBuf;

use crate::debrief::{kenya_log, read};
use crate::support::{base_scenario, good_offices, scratch_dir};

/// The SVG of the figure labelled `title` in a report page.
fn figure<'h>(html: &'h str, title: &str) -> &'h str {
    let at = html.find(&format!("aria-label=\"{title}\"")).unwrap_or_else(|| panic!("no chart {title:?}"));
    let end = at + html[at..].find("</svg>").expect("the chart ends");
    &html[at..end]
}

/// The words of every `<text>` element of an SVG, as plotters writes them (the text on its own line).
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| Some(t.split_once('>')?.1.split("</text>").next()?.trim().to_string()))
        .collect()
}

/// The colours lines and markers are drawn in (strokes and fills), black and white left out.
fn colours(svg: &str) -> std::collections::BTreeSet<String> {
    ["stroke=\"#", "fill=\"#"]
        .iter()
        .flat_map(|attr| svg.split(attr).skip(1).map(|rest| rest[..6].to_string()))
        .filter(|c| c != "000000" && c != "FFFFFF")
        .collect()
}

fn kenya_report(name: &str) -> (PathBuf, String) {
    let dir = scratch_dir(name);
    kenya_log(&dir);
    good_offices(["debrief", "k.log", "--out", "report.html"]).in_dir(&dir).expect_code(0);
    let html = read(dir.join("report.html"));
    (dir, html)
}

#[test]
fn the_way_out_is_charted_with_a_labelled_mark_and_a_sentence_when_a_deal_became_possible() {
    let (_, html) = kenya_report("debrief-way-out");
    // The threshold is the rules' own (a signature needs it), not a number of the report's.
    let needed = format!("{:.2}", good_offices::rules::ground::AGREEMENT_WAY_OUT);
    assert_eq!(needed, "50.00");
    let svg = figure(&html, "The way out, per dispute, and when a deal became possible");
    let words = texts(svg);
    for label in ["Deal possible: turn 7", "The disputed presidency", "An agreement needs a way out of at least 50.00"]
    {
        assert!(words.iter().any(|w| w == label), "the way-out chart lacks {label:?}: {words:?}");
    }
    // The way out stood at 46.60 after turn 6 and 70.68 after turn 7: the mark is at the first turn at 50 or more.
    assert!(html.contains(
        "<li>The disputed presidency: a deal became possible in turn 7 (11–17 February 2008), when the way out \
         reached 70.68; an agreement needs at least 50.00.</li>"
    ));
    assert!(html.contains(
        "<tr><th scope=\"row\">Way out: The disputed presidency</th><td class=\"num\">15.00</td><td class=\"num\">14.00</td>\
         <td class=\"num\">7.00</td><td class=\"num\">6.00</td><td class=\"num\">17.00</td><td class=\"num\">32.00</td>\
         <td class=\"num\">46.60</td><td class=\"num\">70.68</td><td class=\"num\">86.22</td><td class=\"num\">100.00</td></tr>"
    ));
    assert!(html.contains(
        "<strong>Turn 7 (11–17 February 2008): The disputed presidency: a deal became possible — the way out reached \
         70.68 (was 46.60); an agreement needs at least 50.00.</strong>"
    ));
}

#[test]
fn an_objective_not_met_says_where_it_ended() {
    let (_, html) = kenya_report("debrief-shortfall");
    for row in [
        "<td>Both leaders feel their own people&#39;s demand to settle (domestic pressure 60 or more on each camp).</td>\
         <td><span class=\"unmet\">✘ not met</span> — the pressure on the Party of National Unity (President Kibaki) \
         from its own people ended at 45.00 (needed at least 60.00)</td><td class=\"num\">0 of 2</td>",
        "<span class=\"unmet\">✘ not met</span> — this happened: an agreement on the disputed presidency is signed</td>",
        "<span class=\"unmet\">✘ not met</span> — this happened: sanctions are imposed on the Party of National Unity \
         (President Kibaki)</td>",
    ] {
        assert!(html.contains(row), "missing {row:?}");
    }
    // A met objective says only that.
    assert!(html.contains("<td><span class=\"met\">✔ met</span></td><td class=\"num\">3 of 3</td>"));
}

#[test]
fn numbers_that_are_not_counts_have_two_decimals_and_counts_have_none() {
    let (_, html) = kenya_report("debrief-decimals");
    let table = html.split("<h3>The numbers behind the charts</h3>").nth(1).unwrap().split("</table>").next().unwrap();
    for row in table.split("<tr>").skip(2) {
        let label = row.split("</th>").next().unwrap();
        for cell in row.split("<td class=\"num\">").skip(1).map(|c| c.split("</td>").next().unwrap()) {
            let ok = if label.contains("Stage:") {
                cell.chars().all(|c| c.is_ascii_digit())
            } else if label.contains("Deaths") || label.contains("Displaced") {
                cell.chars().all(|c| c.is_ascii_digit() || c == ',')
            } else {
                // trust, way out, attention, escalation pressure: 12.34, −10.35, or – for no number
                cell == "–"
                    || cell
                        .trim_start_matches('−')
                        .split_once('.')
                        .is_some_and(|(i, d)| !i.is_empty() && i.chars().all(|c| c.is_ascii_digit()) && d.len() == 2)
            };
            assert!(ok, "{label}: {cell:?}");
        }
    }
    // The timeline, the outcomes and their factors, the causes of a turning point.
    for part in [
        "The disputed presidency: stage 7 (limited destructive blows), unchanged; way out 14.00",
        "International attention (public pressure): 66.70.",
        "(clash · P 0.80 · roll 0.48)",
        "factors: chance of a clash 0.80 · severity 1.00 · toll roll 0.72",
        "the turn&#39;s drift (arms, hurt, way out, trust and attention) (63.00 → 56.70)",
        "The largest rise of international attention: 55.00 → 66.70.",
        "Party of National Unity (President Kibaki): skirmish (147 → 264)",
        "Toll: 147 dead (+147), 66,150 displaced (+66,150).",
    ] {
        assert!(html.contains(part), "missing {part:?}");
    }
}

#[test]
fn the_toll_chart_draws_deaths_and_the_displaced_apart_in_different_colours_and_marks() {
    let (_, html) = kenya_report("debrief-toll");
    let svg = figure(&html, "The human toll");
    let words = texts(svg);
    // Two panels, each with its own title and scale, and a legend naming both series.
    for label in [
        "Deaths",
        "People displaced",
        "Deaths, in total so far (upper panel)",
        "People displaced, in total so far (lower panel)",
        "1,000",
        "500,000",
    ] {
        assert!(words.iter().any(|w| w == label), "the toll chart lacks {label:?}: {words:?}");
    }
    // Blue dots for the deaths, orange triangles on a dashed line for the displaced.
    assert!(svg.contains("<circle") && svg.contains("fill=\"#0072B2\""));
    assert!(svg.contains("<polygon opacity=\"1\" fill=\"#D55E00\""));
    let orange = svg.matches("<polyline fill=\"none\" opacity=\"1\" stroke=\"#D55E00\"").count();
    assert!(orange > 10, "the displaced line is dashed: many short strokes, found {orange}");
    assert_eq!(
        svg.matches("<polyline fill=\"none\" opacity=\"1\" stroke=\"#0072B2\"").count(),
        2,
        "solid: one line and its legend"
    );
}

#[test]
fn each_trust_line_has_its_own_colour_and_a_legend_naming_its_pair() {
    let (_, html) = kenya_report("debrief-trust");
    let svg = figure(&html, "Trust of each party in the third parties");
    let words = texts(svg);
    let pairs = [
        "Orange Democratic Movement → Chair of the African Union",
        "Orange Democratic Movement → Panel of Eminent African Personalities",
        "Orange Democratic Movement → United States",
        "Party of National Unity → Chair of the African Union",
        "Party of National Unity → Panel of Eminent African Personalities",
        "Party of National Unity → United States",
    ];
    for pair in pairs {
        assert!(words.iter().any(|w| w == pair), "the trust legend lacks {pair:?}");
    }
    assert!(colours(svg).len() >= pairs.len(), "six lines, six colours: {:?}", colours(svg));
    // Dashes and markers differ too, for a page printed in black and white.
    assert!(svg.contains("<circle") && svg.contains("<polygon"), "dots and triangles");
    assert!(svg.matches("<rect").count() >= 10, "squares on a line's ten points");
    assert!(svg.matches("stroke-width=\"3\"").count() >= 20, "crosses (two strokes each) on a line's ten points");
}

#[test]
fn a_branch_and_its_trunk_are_named_by_what_changed_not_by_their_files() {
    let dir = scratch_dir("debrief-labels");
    kenya_log(&dir);
    crate::debrief::rival_chair_branch(&dir);
    good_offices(["debrief", "b.log", "--compare", "k.log", "--out", "c.html"]).in_dir(&dir).expect_code(0);
    let html = read(dir.join("c.html"));
    let section = html.split("<section id=\"comparison\">").nth(1).unwrap().split("</section>").next().unwrap();
    for part in [
        "<h2>Compared with the trunk</h2>",
        "<li>Branch: from turn 5, Chair of the African Union: chair facilitation → The disputed presidency instead of \
         holding (b.log): 9 turn(s), orders from branch of k.log from turn 5 with orders whatif.ron.</li>",
        "<li>Trunk: the game the branch came from (k.log): 9 turn(s), orders from course: historical.</li>",
        "<tr><th class=\"num\">Turn</th><th>Branch</th><th>Trunk</th></tr>",
        "In the branch: Chair of the African Union: chair facilitation → The disputed presidency. In the trunk: no order \
         (holds).",
        "<th>Only in the branch</th><th>Only in the trunk</th>",
    ] {
        assert!(section.contains(part), "the comparison lacks {part:?}");
    }
    for file_name in ["In b.log", "In k.log", "— b.log", "— k.log", "Compared with k.log"] {
        assert!(!section.contains(file_name), "a game is named by its file: {file_name:?}");
    }
    let words = texts(figure(section, "Glasl stage: the two games"));
    for label in ["The disputed presidency — Branch", "The disputed presidency — Trunk"] {
        assert!(words.iter().any(|w| w == label), "the comparison chart lacks {label:?}: {words:?}");
    }
    assert!(html.contains("<li><a href=\"#comparison\">Compared with the trunk</a></li>"));
}

/// The base scenario with a second dispute between the same two states, both violent from the start.
fn two_disputes() -> String {
    let hills = r#"            (
                id: "hills",
                name: "The hill border dispute",
                sides: ("amaris", "belland"),
                issue: Sovereignty,
                stage: 7,
                arms: (70, 65),
                reaction: (0.5, 0.5),
                restraint: (0.1, 0.1),
                grievance: (12, 14),
                hurt: (30, 30),
                win_belief: (70, 70),
                way_out: 10,
                enticement: 5,
                accepts_mediation: (false, false),
                accepts_observers: (false, false),
            ),
"#;
    let base = base_scenario().replace("stage: 3,\n", "stage: 7,\n").replace("arms: (20, 15),", "arms: (70, 70),");
    let at = base.find("        ],\n        // Trust of a party").expect("the end of the dyads");
    format!("{}{hills}{}", &base[..at], &base[at..])
}

#[test]
fn one_disputes_sentences_never_run_on_into_anothers() {
    let dir = scratch_dir("debrief-two-disputes");
    std::fs::write(dir.join("two.ron"), two_disputes()).expect("write");
    // Seed 25: in turn 3 both disputes have an incident, the deadliest turn and the largest rise of attention.
    good_offices(["run", "two.ron", "--seed", "25", "--log", "t.log"]).in_dir(&dir).expect_code(0);
    let md = good_offices(["debrief", "t.log"]).in_dir(&dir).expect_code(0).stdout();
    let points = md.split("## Turning points").nth(1).unwrap().split("\n## ").next().unwrap();
    for line in [
        "  - The hill border dispute: the dispute's own dynamics: incident (34 → 56): an incident: 22 killed (roll 0.22 < 0.30);",
        "  - The river dispute: the dispute's own dynamics: incident (56 → 90): an incident: 34 killed (roll 0.26 < 0.29);",
        "  - The hill border dispute: the dispute's own dynamics: incident (18.90 → 21.90): an incident: 22 killed",
        "  - The river dispute: the dispute's own dynamics: incident (21.90 → 24.90): an incident: 34 killed",
        "  - the news “Drought” (23.01 → 33.01)",
    ] {
        assert!(points.contains(line), "missing {line:?} in:\n{points}");
    }
    // No line of the report speaks of both disputes at once.
    for line in md.lines() {
        assert!(
            !(line.contains("The hill border dispute") && line.contains("The river dispute")),
            "two disputes in one line: {line}"
        );
    }
}

#[test]
fn the_summary_has_the_outcome_the_turning_points_the_scores_the_toll_and_one_chart() {
    let (dir, _) = kenya_report("debrief-summary");
    good_offices(["debrief", "k.log", "--summary", "--out", "summary.html"])
        .in_dir(&dir)
        .expect_code(0)
        .stdout_has("wrote the summary of the debrief to summary.html");
    let html = read(dir.join("summary.html"));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert_eq!(html.matches("<svg").count(), 1, "one chart");
    assert!(html.contains("aria-label=\"Glasl stage of escalation, per dispute\""));
    for part in [
        "<h1>Summary: Kenya 2008: From Ballots to Bullets to a Grand Coalition</h1>",
        "<p class=\"ending\"><strong>Power-sharing agreement.</strong>",
        "<p><strong>The toll:</strong> 584 dead and 262,800 displaced by the end of turn 9 (none at the start).</p>",
        "<li>The disputed presidency: a deal became possible in turn 7 (11–17 February 2008)",
        "<li><strong>Turn 3:</strong> The deadliest turn: 338 dead (+191), 152,100 displaced in all.</li>",
        "<li><strong>Turn 9:</strong> Both sides signed an agreement in The disputed presidency.</li>",
        // An event missed is said by the objective's words; a number missed, with where it ended.
        "<tr><td>Party of National Unity (President Kibaki)</td><td class=\"num\">5 of 7</td><td>✘ Keep outside coercion \
         away: no Security Council resolution and no sanctions on your camp.</td></tr>",
        "<tr><td>Kenyan civil society</td><td class=\"num\">4 of 6</td><td>✘ Both leaders feel their own people&#39;s \
         demand to settle (domestic pressure 60 or more on each camp). — the pressure on the Party of National Unity \
         (President Kibaki) from its own people ended at 45.00 (needed at least 60.00)</td></tr>",
        "<tr><td>United States</td><td class=\"num\">7 of 7</td><td>all met</td></tr>",
    ] {
        assert!(html.contains(part), "the summary lacks {part:?}");
    }
    // The turning points without their causes, and none of the full report's long parts.
    for absent in ["The largest rise of international attention", "What happened, turn by turn", "Questions for"] {
        assert!(!html.contains(absent), "the summary has {absent:?}");
    }
    // Markdown: the one chart beside the file; same log, same bytes.
    good_offices(["debrief", "k.log", "--summary", "--out", "summary.md"]).in_dir(&dir).expect_code(0);
    let md = read(dir.join("summary.md"));
    assert!(md.contains("![Glasl stage of escalation, per dispute](summary-stage.svg)"));
    assert!(dir.join("summary-stage.svg").is_file() && !dir.join("summary-toll.svg").exists());
    let again =
        good_offices(["debrief", "k.log", "--summary", "--format", "html"]).in_dir(&dir).expect_code(0).stdout();
    assert_eq!(again, html);
    good_offices(["debrief", "k.log", "--summary", "--compare", "k.log"])
        .in_dir(&dir)
        .expect_code(2)
        .stderr_has("cannot be used with");
}
