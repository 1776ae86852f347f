//! The malformed-scenario corpus: each case edits the valid base scenario and lists every
//! diagnostic the loader must give, exactly: severity, code, line, column, message, help.
//! Cases live in `tests/data/malformed.ron`.

use good_offices::diagnostics::Severity;
use serde::Deserialize;

use crate::support::base_scenario;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    /// `(find, replace)` pairs applied in order; each `find` must occur exactly once.
    edits: Vec<(String, String)>,
    expect: Vec<Expected>,
}

#[derive(Debug, Deserialize, PartialEq)]
enum Sev {
    Error,
    Warning,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Expected(Sev, String, usize, usize, String, Option<String>);

fn cases() -> Vec<Case> {
    let text = include_str!("data/malformed.ron");
    good_offices::scenario::ron_options().from_str(text).expect("tests/data/malformed.ron parses")
}

fn actual(case: &Case) -> Vec<Expected> {
    let mut text = base_scenario();
    for (find, replace) in &case.edits {
        assert_eq!(
            text.matches(find.as_str()).count(),
            1,
            "case {:?}: {find:?} must occur exactly once in the base",
            case.name
        );
        text = text.replacen(find.as_str(), replace, 1);
    }
    let report = match good_offices::scenario::load_str("case.ron", &text) {
        Ok(loaded) => loaded.report,
        Err(report) => report,
    };
    report
        .diagnostics
        .iter()
        .map(|d| {
            let (line, col) = report.source.line_col(d.start);
            let sev = if d.severity == Severity::Error { Sev::Error } else { Sev::Warning };
            Expected(sev, d.code.to_string(), line, col, d.message.clone(), d.help.clone())
        })
        .collect()
}

#[test]
fn the_base_scenario_is_valid_and_silent() {
    let loaded = good_offices::scenario::load_str("base.ron", &base_scenario()).expect("base scenario is valid");
    assert!(loaded.report.diagnostics.is_empty(), "{:?}", loaded.report.diagnostics);
}

#[test]
fn the_corpus_has_at_least_thirty_cases_with_unique_names() {
    let cases = cases();
    assert!(cases.len() >= 30, "{} cases", cases.len());
    let mut names: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), cases.len(), "case names are unique");
}

#[test]
fn every_malformed_case_gives_exactly_its_diagnostics() {
    let mut failures = Vec::new();
    for case in cases() {
        let got = actual(&case);
        if case.expect.is_empty() || got != case.expect {
            let rendered: Vec<String> = got
                .iter()
                .map(|Expected(s, code, l, c, m, h)| format!("({s:?}, {code:?}, {l}, {c}, {m:?}, {h:?}),"))
                .collect();
            failures.push(format!("case {:?}: got\n        {}", case.name, rendered.join("\n        ")));
        }
    }
    assert!(failures.is_empty(), "{} case(s) differ:\n{}", failures.len(), failures.join("\n"));
}
