//! The command line as a user meets it: exit codes, messages, outputs.

use clap::CommandFactory;
use good_offices::cli::Cli;

use crate::support::{base_scenario, good_offices, scratch_dir};

#[test]
fn clap_definitions_are_consistent() {
    Cli::command().debug_assert();
}

#[test]
fn list_shows_every_builtin_with_turns_and_roles() {
    let out = good_offices(["list"]).expect_code(0);
    let stdout = out.stdout();
    let mut lines = stdout.lines();
    let header: Vec<&str> = lines.next().expect("a header").split_whitespace().collect();
    assert_eq!(header, ["ID", "TITLE", "TURNS", "ROLES"]);
    let ids: Vec<&str> = lines.map(|l| l.split_whitespace().next().expect("an id")).collect();
    assert_eq!(
        ids,
        ["tutorial-river-dispute", "cambodia-thailand-2011", "kenya-2008", "uniting-for-peace-drill", "liberia-2003"]
    );
}

#[test]
fn validate_accepts_builtin_ids_and_paths_together() {
    let dir = scratch_dir("validate-ok");
    let path = dir.join("base.ron");
    std::fs::write(&path, base_scenario()).expect("write");
    let out = good_offices(["validate", "kenya-2008", path.to_str().expect("utf8")]).expect_code(0);
    assert!(out.stdout().starts_with("valid: scenarios/kenya-2008.ron ("), "{}", out.stdout());
    assert!(out.stdout().contains(&format!("valid: {} (Base Scenario)\n", path.display())), "{}", out.stdout());
    assert_eq!(out.stderr(), "");
}

#[test]
fn validate_reports_every_problem_of_every_file_and_exits_2() {
    let dir = scratch_dir("validate-bad");
    let text = base_scenario()
        .replace("sides: (\"amaris\", \"belland\")", "sides: (\"amaris\", \"beland\")")
        .replace("stage: 3,", "stage: 12,");
    std::fs::write(dir.join("bad.ron"), text).expect("write");
    let out = good_offices(["validate", "bad.ron", "tutorial-river-dispute"]).in_dir(&dir).expect_code(2);
    assert_eq!(
        out.stdout(),
        // The misspelt side is one error: the actor it meant loses no tools to it (issue 18).
        "invalid: bad.ron, 3 errors\nvalid: scenarios/tutorial-river-dispute.ron (River Dispute)\n".replace(
            "River Dispute",
            &good_offices::scenario::builtin::find("tutorial-river-dispute")
                .unwrap()
                .load()
                .unwrap()
                .scenario
                .meta
                .title
        )
    );
    let stderr = out.stderr();
    assert!(stderr.contains("error[unknown-reference]: unknown actor `beland`\n   --> bad.ron:107:35\n"), "{stderr}");
    assert!(stderr.contains("  = help: did you mean `belland`?\n"), "{stderr}");
    assert!(
        stderr.contains("error[out-of-range]: `stage` is 12; it must be from 1 to 9\n   --> bad.ron:111:24\n"),
        "{stderr}"
    );
}

#[test]
fn validate_json_is_machine_readable() {
    let dir = scratch_dir("validate-json");
    let text = base_scenario().replace("stage: 3,", "stage: 12,");
    std::fs::write(dir.join("bad.ron"), text).expect("write");
    let out = good_offices(["validate", "--format", "json", "bad.ron"]).in_dir(&dir).expect_code(2);
    let json: serde_json::Value = serde_json::from_str(&out.stdout()).expect("valid JSON");
    assert_eq!(
        json,
        serde_json::json!([{
            "file": "bad.ron", "line": 111, "column": 24, "end_line": 111, "end_column": 26,
            "severity": "error", "code": "out-of-range",
            "message": "`stage` is 12; it must be from 1 to 9", "label": "outside 1–9",
            "help": "use a number from 1 to 9 (docs/scenario-format.md gives the meaning of each scale)"
        }])
    );
    assert_eq!(out.stderr(), "", "json mode keeps stderr quiet");
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    good_offices(["validate"]).expect_code(2).stderr_has("Usage:");
    good_offices(["frobnicate"]).expect_code(2).stderr_has("unrecognized subcommand");
    good_offices(["validate", "--format", "xml", "x.ron"]).expect_code(2).stderr_has("possible values: human, json");
    good_offices(["--help"]).expect_code(0).stdout_has("validate");
    good_offices(["--version"]).expect_code(0).stdout_has(env!("CARGO_PKG_VERSION"));
}

#[test]
fn new_prints_a_template_that_validates_and_refuses_bad_ids() {
    let dir = scratch_dir("new");
    good_offices(["new", "my-border-crisis", "--out", "mine.ron"])
        .in_dir(&dir)
        .expect_code(0)
        .stdout_has("next: good-offices validate mine.ron");
    let written = std::fs::read_to_string(dir.join("mine.ron")).expect("written");
    assert!(written.contains("id: \"my-border-crisis\""));
    assert!(written.contains("title: \"My Border Crisis\""));
    good_offices(["validate", "mine.ron"]).in_dir(&dir).expect_code(0).stdout_has("valid: mine.ron (My Border Crisis)");
    good_offices(["new", "my-border-crisis", "--out", "mine.ron"])
        .in_dir(&dir)
        .expect_code(2)
        .stderr_has("mine.ron already exists; choose another file name");
    good_offices(["new", "My Crisis"]).expect_code(2).stderr_has("`My Crisis` is not a valid scenario id");
    let printed = good_offices(["new", "my-border-crisis"]).expect_code(0).stdout();
    assert_eq!(printed, written, "printing and writing give the same template");
}

#[test]
fn the_template_explains_every_top_level_part() {
    let text = good_offices::template::template("x").expect("valid id");
    for part in [
        "format:",
        "meta:",
        "actors:",
        "bodies:",
        "conflict:",
        "injects:",
        "ending:",
        "historical_course:",
        "debrief_questions:",
        "rules:",
    ] {
        let at = text.find(part).unwrap_or_else(|| panic!("template has {part}"));
        let before = &text[..at];
        let previous_line = before.trim_end().lines().last().unwrap_or("");
        assert!(previous_line.trim_start().starts_with("//"), "{part} is preceded by a comment, not {previous_line:?}");
    }
}

#[test]
fn brief_prints_the_public_sheet_and_private_role_sheets() {
    let out = good_offices(["brief", "tutorial-river-dispute"]).expect_code(0);
    let stdout = out.stdout();
    let s = good_offices::scenario::builtin::find("tutorial-river-dispute").unwrap().load().unwrap().scenario;
    assert!(stdout.starts_with(&format!("# {}\n", s.meta.title)), "{stdout}");
    assert!(stdout.contains("A fictional scenario."));
    let card = format!("# {} — rules card", s.meta.title);
    assert!(stdout.contains(&card), "the rules card after the public sheet: {stdout}");
    for a in &s.actors {
        assert!(stdout.contains(&format!("# {} — role sheet", a.name)), "sheet for {}", a.id);
        assert!(stdout.find(&card) < stdout.find(&format!("# {} — role sheet", a.name)));
        if !a.briefing.is_empty() {
            assert!(stdout.contains(a.briefing.trim()), "briefing of {}", a.id);
        }
    }
    let one = good_offices(["brief", "kenya-2008", "--role", "odm"]).output();
    if one.code() == 0 {
        assert!(!one.stdout().contains("## The situation\n"), "a role sheet alone has no public sheet");
    }
}

#[test]
fn brief_of_an_unknown_role_suggests_the_right_one() {
    let s = good_offices::scenario::builtin::find("tutorial-river-dispute").unwrap().load().unwrap().scenario;
    let id = &s.actors[0].id;
    let typo = format!("{id}x");
    good_offices(["brief", "tutorial-river-dispute", "--role", &typo])
        .expect_code(2)
        .stderr_has(&format!("`{typo}` is not a role in scenarios/tutorial-river-dispute.ron: did you mean `{id}`?"));
}

#[test]
fn brief_out_writes_markdown_and_html_handouts_and_an_index() {
    let dir = scratch_dir("brief-out");
    good_offices(["brief", "cambodia-thailand-2011", "--out", "handouts"])
        .in_dir(&dir)
        .expect_code(0)
        .stdout_has("wrote the briefs to handouts (");
    let s = builtin("cambodia-thailand-2011");
    let mut expected: Vec<String> = ["public", "rules-card", "facilitator"]
        .iter()
        .map(|n| n.to_string())
        .chain(s.actors.iter().map(|a| a.id.to_string()))
        .flat_map(|stem| [format!("{stem}.md"), format!("{stem}.html")])
        .collect();
    expected.push("index.html".into());
    expected.sort();
    assert_eq!(files_in(&dir.join("handouts")), expected);
    let public = std::fs::read_to_string(dir.join("handouts/public.md")).expect("public sheet");
    assert!(public.contains("A historical scenario from 4 February 2011."), "{public}");
    assert!(public.contains("Escalation: stage "));
    let index = std::fs::read_to_string(dir.join("handouts/index.html")).expect("index");
    for file in expected.iter().filter(|f| f.ends_with(".html") && *f != "index.html") {
        assert!(index.contains(&format!("href=\"{file}\"")), "index links {file}");
    }
    let brazil = std::fs::read_to_string(dir.join("handouts/brazil.md")).expect("role sheet");
    for part in ["## What everyone knows", "## Your situation", "## Your objectives", "## Your tools", "## Your seats"]
    {
        assert!(brazil.contains(part), "{part} in {brazil}");
    }
    assert!(
        brazil.contains("checked at the end of the game: no draft is vetoed in the UN Security Council."),
        "{brazil}"
    );
}

#[test]
fn brief_out_with_role_or_facilitator_writes_only_that_sheet() {
    let dir = scratch_dir("brief-out-one");
    good_offices(["brief", "tutorial-river-dispute", "--role", "kessland", "--out", "one"]).in_dir(&dir).expect_code(0);
    assert_eq!(files_in(&dir.join("one")), ["kessland.html", "kessland.md"]);
    good_offices(["brief", "tutorial-river-dispute", "--facilitator", "--out", "fac"]).in_dir(&dir).expect_code(0);
    assert_eq!(files_in(&dir.join("fac")), ["facilitator.html", "facilitator.md"]);
    good_offices(["brief", "tutorial-river-dispute", "--facilitator", "--role", "kessland"])
        .expect_code(2)
        .stderr_has("cannot be used with");
}

#[test]
fn every_handout_page_is_well_formed_self_contained_html() {
    assert!(check_tags("<p>a <em>b</em> &amp; c</p><meta charset=\"utf-8\">").is_ok());
    for broken in ["<p><em>x</p></em>", "<p>a & b</p>", "<ul><li>x</ul>", "<p>x", "<p>a > b</p>", "<p x</p>"] {
        assert!(check_tags(broken).is_err(), "{broken} passes the checker");
    }
    for id in
        ["tutorial-river-dispute", "cambodia-thailand-2011", "kenya-2008", "uniting-for-peace-drill", "liberia-2003"]
    {
        let dir = scratch_dir(&format!("brief-html-{id}"));
        good_offices(["brief", id, "--out", "h"]).in_dir(&dir).expect_code(0);
        let pages: Vec<String> = files_in(&dir.join("h")).into_iter().filter(|f| f.ends_with(".html")).collect();
        assert!(pages.len() >= 4, "{id}: {pages:?}");
        for page in pages {
            let html = std::fs::read_to_string(dir.join("h").join(&page)).expect("page");
            let at = format!("{id}/{page}");
            if let Err(e) = check_tags(&html) {
                panic!("{at} is not well-formed: {e}");
            }
            assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"), "{at}");
            assert!(!html.to_lowercase().contains("<script"), "{at} has a script");
            assert!(!html.contains("http"), "{at} points outside itself");
            assert!(html.contains("@media print") && html.contains("@page"), "{at} has print CSS");
            assert!(!html.contains("<link") && !html.contains("src="), "{at} loads nothing");
        }
    }
}

#[test]
fn the_facilitator_sheet_has_every_inject_and_every_turn_of_the_course() {
    for id in ["cambodia-thailand-2011", "kenya-2008", "tutorial-river-dispute", "liberia-2003"] {
        let s = builtin(id);
        let md = good_offices(["brief", id, "--facilitator"]).expect_code(0).stdout();
        let dir = scratch_dir(&format!("brief-fac-{id}"));
        good_offices(["brief", id, "--facilitator", "--out", "f"]).in_dir(&dir).expect_code(0);
        let html = std::fs::read_to_string(dir.join("f/facilitator.html")).expect("facilitator page");
        assert!(md.starts_with(&format!("# {} — facilitator's sheet\n", s.meta.title)), "{md}");
        for i in &s.injects {
            for needle in [i.id.as_str(), i.title.as_str()] {
                assert!(md.contains(needle), "{id}: {needle} in the Markdown");
                assert!(html.contains(&escape(needle)), "{id}: {needle} in the HTML");
            }
        }
        for t in &s.historical_course {
            assert!(md.contains(&format!("### Turn {} — {}\n", t.turn, t.dates)), "{id}: turn {}", t.turn);
            assert!(html.contains(&escape(&t.dates)), "{id}: dates of turn {}", t.turn);
        }
        for q in &s.debrief_questions {
            assert!(md.contains(q.trim()), "{id}: question {q}");
        }
        for o in &s.ending.outcomes {
            assert!(md.contains(&format!("**{}** (`{}`)", o.title, o.id)), "{id}: outcome {}", o.id);
        }
        for a in s.actors.iter().filter(|a| !a.objectives.is_empty()) {
            assert!(md.contains(&format!("### {}\n", a.name)), "{id}: role {}", a.id);
        }
    }
}

#[test]
fn conditions_are_described_in_plain_english() {
    use good_offices::brief::describe_condition;
    use good_offices::scenario::schema::{Condition::*, Event::*, Var::*};
    let s = builtin("tutorial-river-dispute");
    let cases = [
        (
            AtMost(Stage("mirra".into()), 3.0),
            "the Mirra water dispute is at stage 3 (actions instead of words) or lower",
        ),
        (Happened(AgreementSigned("mirra".into())), "an agreement on the Mirra water dispute is signed"),
        (AtMost(Deaths, 0.0), "nobody has died"),
        (
            Not(Box::new(AtLeast(Stage("mirra".into()), 7.0))),
            "the Mirra water dispute is at stage 6 (strategies of threat) or lower",
        ),
        (
            AtLeast(Trust("doravia".into(), "un-envoy".into()), 45.0),
            "the trust of Doravia in the UN Special Envoy for the Mirra is 45 or more (out of 100)",
        ),
        (Happened(Seized("valley-community".into())), "the dispute is brought to the Valley Community"),
        (
            All(vec![
                Happened(AgreementSigned("mirra".into())),
                Not(Box::new(Happened(InjectFired("night-release".into())))),
            ]),
            "an agreement on the Mirra water dispute is signed and the event “Night at the sluice gates” does not happen",
        ),
        (
            Any(vec![AtLeast(PublicPressure, 40.0), AtLeast(DomesticPressure("doravia".into()), 60.0)]),
            "either international attention (public pressure) is 40 or more (out of 100) \
             or the pressure on Doravia from its own people is 60 or more (out of 100)",
        ),
        (
            Not(Box::new(Any(vec![Happened(Ceasefire("mirra".into())), FromTurn(4)]))),
            "no ceasefire is agreed in the Mirra water dispute and it is still before turn 4",
        ),
    ];
    for (condition, english) in cases {
        assert_eq!(describe_condition(&s, &condition), english, "{condition:?}");
    }
}

fn builtin(id: &str) -> good_offices::Scenario {
    good_offices::scenario::builtin::find(id).unwrap().load().unwrap().scenario
}

fn files_in(dir: &std::path::Path) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    files
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

/// A tiny well-formedness check: every tag is closed in order (void elements excepted), every `&`
/// starts an entity, and no `<` or `>` is loose in the text.
fn check_tags(html: &str) -> Result<(), String> {
    const VOID: [&str; 4] = ["meta", "br", "hr", "img"];
    let mut open: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        check_text(&rest[..lt])?;
        let after = &rest[lt + 1..];
        let gt = after.find('>').ok_or_else(|| format!("unclosed `<` before {:?}", &after[..after.len().min(40)]))?;
        let tag = &after[..gt];
        if tag.contains('<') {
            return Err(format!("`<` inside the tag {tag:?}"));
        }
        rest = &after[gt + 1..];
        if tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            match open.pop() {
                Some(top) if top == name.trim() => {}
                top => return Err(format!("</{name}> closes {top:?}; open: {open:?}")),
            }
            continue;
        }
        let name = tag.split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("").to_lowercase();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(format!("bad tag {tag:?}"));
        }
        if !VOID.contains(&name.as_str()) && !tag.ends_with('/') {
            if name == "style" {
                let end = rest.find("</style>").ok_or("unclosed <style>")?;
                rest = &rest[end + "</style>".len()..];
                continue;
            }
            open.push(name);
        }
    }
    check_text(rest)?;
    if open.is_empty() { Ok(()) } else { Err(format!("never closed: {open:?}")) }
}

fn check_text(text: &str) -> Result<(), String> {
    if text.contains('>') {
        return Err(format!("a loose `>` in {text:?}"));
    }
    for (i, _) in text.match_indices('&') {
        let entity = text[i + 1..].split(';').next().unwrap_or("");
        let ok = text[i + 1..].contains(';')
            && !entity.is_empty()
            && entity.len() <= 8
            && (entity.chars().all(|c| c.is_ascii_alphabetic())
                || entity.strip_prefix('#').is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())));
        if !ok {
            return Err(format!("a bare `&` in {text:?}"));
        }
    }
    Ok(())
}
