//! The debrief report: a golden Markdown report of a historical course, a well-formed self-contained HTML
//! page, the charts beside a Markdown file, the comparison of a branch with its trunk, and the logs it refuses.

use std::path::{Path, PathBuf};

use crate::support::{base_scenario, good_offices, scratch_dir};

/// A game of Kenya 2008 along the historical course, seed 1, in `dir/k.log`.
/// `k.log` in `dir`: Kenya's historical course, seed 1.
pub fn kenya_log(dir: &Path) {
    good_offices(["run", "kenya-2008", "--course", "historical", "--seed", "1", "--log", "k.log"])
        .in_dir(dir)
        .expect_code(0);
}

/// `b.log` in `dir`: `k.log` branched at turn 5, where the AU chair opens talks of its own beside the
/// panel's (a rival track: the parties accepted the panel, not the United States, so only a chair's
/// facilitation, which needs no consent, can compete with it).
pub fn rival_chair_branch(dir: &Path) {
    std::fs::write(
        dir.join("whatif.ron"),
        "(turns: [(turn: 5, orders: [(actor: \"au-chair\", tool: ChairFacilitation, target: Dyad(\"kenya-crisis\"))])])",
    )
    .expect("write");
    good_offices(["branch", "k.log", "--from-turn", "5", "--orders", "whatif.ron", "--log", "b.log"])
        .in_dir(dir)
        .expect_code(0);
}

pub fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Golden file: `UPDATE_GOLDEN=1 cargo test --test main debrief` rewrites it after a deliberate change;
/// review the diff like code.
#[test]
fn the_markdown_debrief_of_the_kenya_course_matches_its_golden_file() {
    let dir = scratch_dir("debrief-golden");
    kenya_log(&dir);
    let actual = good_offices(["debrief", "k.log", "--format", "md"]).in_dir(&dir).expect_code(0).stdout();
    let again = good_offices(["debrief", "k.log"]).in_dir(&dir).expect_code(0).stdout();
    assert_eq!(actual, again, "the same log gives the same bytes (and Markdown is the default)");
    crate::support::assert_golden("kenya-2008-debrief.md", &actual);
    for part in [
        "## How it ended",
        "## Turning points",
        "## The crisis in numbers",
        "## Objectives",
        "## What happened, turn by turn",
        "## What the real actors did",
        "## Questions for the discussion",
        "15–0–0",
        "*The charts are left out when the report is printed.",
    ] {
        assert!(actual.contains(part), "the debrief lacks {part:?}");
    }
    for turn in 1..=9 {
        assert!(actual.contains(&format!("### Turn {turn} · ")), "turn {turn} is missing");
    }
}

const VOID: [&str; 8] = ["meta", "br", "hr", "img", "link", "input", "col", "wbr"];

/// A small well-formedness check: every opened element is closed, in order; void elements and `<x/>` need
/// no closing tag; `<!...>` is skipped; the text of `<style>` is skipped.
fn check_well_formed(html: &str) -> Result<(), String> {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    let mut offset = 0;
    while let Some(at) = rest.find('<') {
        let tag_start = &rest[at..];
        let pos = offset + at;
        let Some(end) = tag_start.find('>') else { return Err(format!("unclosed `<` at byte {pos}")) };
        let tag = &tag_start[1..end];
        let advance = at + end + 1;
        if tag.starts_with('!') {
            // <!DOCTYPE html> or a comment
        } else if let Some(name) = tag.strip_prefix('/') {
            let name = name.trim();
            match stack.pop() {
                Some(open) if open == name => {}
                Some(open) => return Err(format!("`</{name}>` at byte {pos} closes `<{open}>`")),
                None => return Err(format!("`</{name}>` at byte {pos} closes nothing")),
            }
        } else {
            let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
            if name.is_empty() {
                return Err(format!("a bare `<` in text at byte {pos}"));
            }
            let quotes = tag.matches('"').count();
            if !quotes.is_multiple_of(2) {
                return Err(format!("unbalanced quotes in `<{tag}>` at byte {pos}"));
            }
            if !tag.ends_with('/') && !VOID.contains(&name.as_str()) {
                if name == "style" || name == "script" {
                    let close = format!("</{name}>");
                    let Some(c) = rest[advance..].find(&close) else { return Err(format!("`<{name}>` never closed")) };
                    offset += advance + c + close.len();
                    rest = &rest[advance + c + close.len()..];
                    continue;
                }
                stack.push(name);
            }
        }
        offset += advance;
        rest = &rest[advance..];
    }
    if stack.is_empty() { Ok(()) } else { Err(format!("never closed: {stack:?}")) }
}

#[test]
fn the_checker_catches_what_it_should() {
    assert!(check_well_formed("<!DOCTYPE html><p>a<br><b>x</b><line x=\"1\"/></p>").is_ok());
    assert!(check_well_formed("<p><b>x</p></b>").is_err());
    assert!(check_well_formed("<p>x").is_err());
    assert!(check_well_formed("<p>1 < 2</p>").is_err());
}

#[test]
fn the_html_debrief_is_one_well_formed_self_contained_page_with_every_turn_and_the_charts() {
    let dir = scratch_dir("debrief-html");
    kenya_log(&dir);
    good_offices(["debrief", "k.log", "--out", "report.html"])
        .in_dir(&dir)
        .expect_code(0)
        .stdout_has("wrote the debrief to report.html");
    let html = read(dir.join("report.html"));
    check_well_formed(&html).unwrap_or_else(|e| panic!("report.html is not well-formed: {e}"));
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    for turn in 1..=9 {
        assert!(html.contains(&format!("<section class=\"turn\" id=\"turn-{turn}\">")), "turn {turn} is missing");
    }
    // The stage, the way out, the toll, trust and pressure, drawn inline.
    assert_eq!(html.matches("<svg").count(), 5);
    assert!(html.contains("<text"), "the charts have labels");
    assert!(html.contains("@media print"));
    for external in ["<script", "<link", "<img", "src=", "url(", "@import", "href=\"http"] {
        assert!(!html.contains(external), "the page must not load anything: found {external:?}");
    }
    // Same log, same bytes; --format html to stdout is the same page.
    let stdout = good_offices(["debrief", "k.log", "--format", "html"]).in_dir(&dir).expect_code(0).stdout();
    assert_eq!(stdout, html);
}

#[test]
fn a_markdown_report_written_to_a_file_gets_its_charts_as_svg_files_beside_it() {
    let dir = scratch_dir("debrief-md-out");
    kenya_log(&dir);
    std::fs::create_dir(dir.join("out")).expect("mkdir");
    good_offices(["debrief", "k.log", "--out", "out/report.md"]).in_dir(&dir).expect_code(0);
    let md = read(dir.join("out/report.md"));
    for slug in ["stage", "way-out", "toll", "trust", "pressure"] {
        let file = format!("report-{slug}.svg");
        assert!(md.contains(&format!("]({file})")), "report.md does not link {file}");
        let svg = read(dir.join("out").join(&file));
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"), "{file} is an SVG");
        check_well_formed(&svg).unwrap_or_else(|e| panic!("{file}: {e}"));
    }
    assert!(read(dir.join("out/report-stage.svg")).contains("limited destructive blows"), "stage names label the axis");
    assert!(!md.contains("The charts are left out"));
}

#[test]
fn compare_names_the_first_diverging_turn_and_says_the_dice_were_the_same() {
    let dir = scratch_dir("debrief-compare");
    kenya_log(&dir);
    // What if the AU chair had opened talks of its own in turn 5?
    rival_chair_branch(&dir);
    let md = good_offices(["debrief", "b.log", "--compare", "k.log"]).in_dir(&dir).expect_code(0).stdout();
    for part in [
        "## Compared with the trunk",
        "The games first diverge in **turn 5** (28 January – 3 February 2008).",
        "Chair of the African Union decided differently. In the branch: Chair of the African Union: chair \
         facilitation → The disputed presidency. In the trunk: no order (holds).",
        "every decision that was not changed meets exactly the same dice in both games",
        "appear in both games, and every one is the same",
        "The same roll in both: the odds changed, not the luck.",
        "This game is a what-if branch",
        "| 4 | The disputed presidency: stage 6 · 508 dead | The disputed presidency: stage 6 · 508 dead |",
    ] {
        assert!(md.contains(part), "the comparison lacks {part:?}:\n{md}");
    }
    assert!(!md.contains("| 4 ≠"), "turns before the branch point are the same");
    good_offices(["debrief", "b.log", "--compare", "k.log", "--out", "c.html"]).in_dir(&dir).expect_code(0);
    let html = read(dir.join("c.html"));
    check_well_formed(&html).unwrap_or_else(|e| panic!("c.html is not well-formed: {e}"));
    assert_eq!(html.matches("<svg").count(), 7, "five charts of the game and two of the comparison");
    assert!(html.contains("id=\"comparison\""));
}

#[test]
fn a_log_of_another_scenario_and_a_corrupt_log_are_refused_with_exit_2() {
    let dir = scratch_dir("debrief-refused");
    kenya_log(&dir);
    good_offices(["run", "tutorial-river-dispute", "--seed", "2", "--turns", "2", "--log", "t.log"])
        .in_dir(&dir)
        .expect_code(0);
    good_offices(["debrief", "k.log", "--scenario", "tutorial-river-dispute"])
        .in_dir(&dir)
        .expect_code(2)
        .stderr_has("is a log of scenario `kenya-2008`, not `tutorial-river-dispute`");
    good_offices(["debrief", "k.log", "--compare", "t.log"])
        .in_dir(&dir)
        .expect_code(2)
        .stderr_has("t.log is a log of scenario `tutorial-river-dispute`")
        .stderr_has("--compare needs two games of the same scenario");
    std::fs::write(dir.join("x.log"), crate::support::tamper_turn(&read(dir.join("k.log")), 1)).expect("write");
    good_offices(["debrief", "x.log"])
        .in_dir(&dir)
        .expect_code(2)
        .stderr_has("turn 1 was changed after it was written");
    good_offices(["debrief", "k.log", "--compare", "x.log"]).in_dir(&dir).expect_code(2).stderr_has("x.log:");
    std::fs::write(dir.join("not.log"), "hello\n").expect("write");
    good_offices(["debrief", "not.log"]).in_dir(&dir).expect_code(2).stderr_has("not a Good Offices turn log");
    assert!(!dir.join("debrief.md").exists());
}

#[test]
fn an_unfinished_game_of_a_fictional_scenario_is_debriefed_without_objectives_or_history() {
    let dir = scratch_dir("debrief-unfinished");
    good_offices(["run", "tutorial-river-dispute", "--seed", "2", "--turns", "2", "--log", "t.log"])
        .in_dir(&dir)
        .expect_code(0);
    good_offices(["debrief", "t.log"])
        .in_dir(&dir)
        .expect_code(0)
        .stdout_has("The game has not ended: 2 of 6 turns played.")
        .stdout_has("This scenario has no historical course")
        .stdout_has("### Turn 2 · ");
}

#[test]
fn text_from_the_scenario_is_escaped_in_html() {
    let dir = scratch_dir("debrief-escape");
    let scenario = base_scenario().replacen("title: \"Base Scenario\"", "title: \"Base <b>Scenario</b> & co\"", 1);
    std::fs::write(dir.join("s.ron"), scenario).expect("write");
    good_offices(["run", "s.ron", "--turns", "1", "--log", "s.log"]).in_dir(&dir).expect_code(0);
    let html = good_offices(["debrief", "s.log", "--scenario", "s.ron", "--format", "html"])
        .in_dir(&dir)
        .expect_code(0)
        .stdout();
    check_well_formed(&html).unwrap_or_else(|e| panic!("not well-formed: {e}"));
    assert!(html.contains("Base &lt;b&gt;Scenario&lt;/b&gt; &amp; co"));
    assert!(!html.contains("<b>Scenario"));
}

/// Issue 17: what groups said to each other reaches the log and the debrief, beside what each speaker
/// then did in that turn (here from an orders file, as the web room gives them).
#[test]
fn the_debrief_sets_what_groups_said_beside_what_they_then_did() {
    let dir = scratch_dir("debrief-negotiations");
    std::fs::write(
        dir.join("talks.ron"),
        r#"(turns: [
  (turn: 1,
   orders: [(actor: "doravia", tool: Reinforce, target: Dyad("mirra"))],
   messages: [
     (from: "doravia", to: ["kessland"], text: "We will not build up | at the dam.\nTrust us."),
     (from: "kessland", to: [], text: "We ask the Valley Community to chair talks."),
   ]),
])"#,
    )
    .expect("write");
    good_offices(["run", "tutorial-river-dispute", "--orders", "talks.ron", "--turns", "2", "--log", "t.log"])
        .in_dir(&dir)
        .expect_code(0);
    let log = good_offices::log::load(&dir.join("t.log")).expect("the log");
    assert_eq!(log.records[0].messages.len(), 2, "the messages are in turn 1's record");
    assert!(log.records[1].messages.is_empty());
    let md = good_offices(["debrief", "t.log"]).in_dir(&dir).expect_code(0).stdout();
    let section = md.split("## Negotiations").nth(1).expect("a negotiations section").split("\n## ").next().unwrap();
    for line in [
        "- **Doravia → Kessland:** “We will not build up \\| at the dam. Trust us.”",
        "- **Kessland → everyone:** “We ask the Valley Community to chair talks.”",
        "- **Doravia:** reinforce → The Mirra water dispute: done",
        "- **Kessland:** held: no order",
    ] {
        assert!(section.contains(line), "missing {line:?} in:\n{section}");
    }
    let html = good_offices(["debrief", "t.log", "--format", "html"]).in_dir(&dir).expect_code(0).stdout();
    assert!(html.contains("<a href=\"#negotiations\">Negotiations</a>"));
    assert!(
        html.contains("<li><strong>Doravia → Kessland:</strong> “We will not build up | at the dam.\nTrust us.”</li>")
    );

    // A message from or to no actor of the scenario, or saying nothing, is refused at its place.
    std::fs::write(
        dir.join("bad.ron"),
        "(turns: [(turn: 1, messages: [(from: \"doravai\", to: [\"kesland\"], text: \" \")])])",
    )
    .expect("write");
    let err = good_offices(["run", "tutorial-river-dispute", "--orders", "bad.ron", "--log", "b.log"])
        .in_dir(&dir)
        .expect_code(2)
        .stderr();
    for expected in [
        "error[bad-message]: `doravai` is not an actor of this scenario\n --> bad.ron:1:38",
        "= help: did you mean `doravia`?",
        "error[bad-message]: `kesland` is not an actor of this scenario\n --> bad.ron:1:54",
        "error[bad-message]: the message says nothing\n --> bad.ron:1:72",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
}
