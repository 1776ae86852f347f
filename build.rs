//! Turns the data-driven test corpora (tests/data/*.ron) into one `#[test]` per case, so a failing
//! case shows up by name in the test report (in the manner of the DATC for Diplomacy adjudicators).
//! Only the case names are read here; the cases themselves are parsed by the tests.

use std::fmt::Write;
use std::path::Path;

const CORPORA: [(&str, &str); 3] =
    [("rule_cases", "rule_case"), ("malformed", "malformed_case"), ("council_votes", "council_vote_case")];

fn names(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("(name: \"") {
        rest = &rest[i + 8..];
        let mut name = String::new();
        let mut chars = rest.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => name.extend(chars.next()),
                '"' => break,
                c => name.push(c),
            }
        }
        rest = chars.as_str();
        out.push(name);
    }
    out
}

fn slug(name: &str, taken: &mut Vec<String>) -> String {
    let mut s: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '_' }).collect();
    while s.contains("__") {
        s = s.replace("__", "_");
    }
    let mut s = s.trim_matches('_').to_string();
    if s.is_empty() || s.starts_with(|c: char| c.is_ascii_digit()) {
        s = format!("case_{s}");
    }
    let base = s.clone();
    let mut n = 2;
    while taken.contains(&s) {
        s = format!("{base}_{n}");
        n += 1;
    }
    taken.push(s.clone());
    s
}

fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for (corpus, runner) in CORPORA {
        let path = format!("tests/data/{corpus}.ron");
        println!("cargo::rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let mut code = String::new();
        let mut taken = Vec::new();
        for name in names(&text) {
            let f = slug(&name, &mut taken);
            let _ = writeln!(code, "#[test]\nfn {f}() {{\n    super::{runner}({name:?});\n}}");
        }
        std::fs::write(Path::new(&out_dir).join(format!("{corpus}_cases.rs")), code)
            .expect("write the generated tests");
    }
}
