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
    assert_eq!(ids, ["tutorial-river-dispute", "cambodia-thailand-2011", "kenya-2008", "uniting-for-peace-drill"]);
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
        "invalid: bad.ron, 4 errors\nvalid: scenarios/tutorial-river-dispute.ron (River Dispute)\n".replace(
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
    assert!(stderr.contains("error[unknown-reference]: unknown actor `beland`\n  --> bad.ron:107:35\n"), "{stderr}");
    assert!(stderr.contains("  = help: did you mean `belland`?\n"), "{stderr}");
    assert!(
        stderr.contains("error[out-of-range]: `stage` is 12; it must be from 1 to 9\n  --> bad.ron:111:24\n"),
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
    for a in &s.actors {
        assert!(stdout.contains(&format!("# {} — role sheet", a.name)), "sheet for {}", a.id);
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
fn brief_out_writes_one_file_per_role() {
    let dir = scratch_dir("brief-out");
    good_offices(["brief", "cambodia-thailand-2011", "--out", "handouts"]).in_dir(&dir).expect_code(0);
    let s = good_offices::scenario::builtin::find("cambodia-thailand-2011").unwrap().load().unwrap().scenario;
    let mut files: Vec<String> = std::fs::read_dir(dir.join("handouts"))
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut expected: Vec<String> = s.actors.iter().map(|a| format!("{}.md", a.id)).collect();
    expected.push("public.md".into());
    expected.sort();
    assert_eq!(files, expected);
    let public = std::fs::read_to_string(dir.join("handouts/public.md")).expect("public sheet");
    assert!(public.contains("A historical scenario from 4 February 2011."), "{public}");
    assert!(public.contains("Escalation: stage "));
}
