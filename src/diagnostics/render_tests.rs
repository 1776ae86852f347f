//! The text a user sees for each kind of place a diagnostic can point at, exactly, and no panic on
//! a place the renderer could not draw (past the end, inside a character, backwards).

use annotate_snippets::Renderer;

use super::render::render_with;
use super::{Diagnostic, Report, SourceFile, render_human};

const SIDES: &str = "(\n    sides: (\"amaris\", \"beland\"),\n)\n";

fn report(text: &str, d: Diagnostic) -> Report {
    Report { source: SourceFile::new("f.ron", text), diagnostics: vec![d] }
}

fn shown(text: &str, d: Diagnostic) -> String {
    render_human(&report(text, d))
}

/// The byte span of `len` bytes from where `needle` starts in `text`.
fn at(text: &str, needle: &str, len: usize) -> (usize, usize) {
    let start = text.find(needle).expect("needle in text");
    (start, start + len)
}

#[test]
fn an_error_shows_its_place_the_line_marked_and_the_fix() {
    let d = Diagnostic::error("unknown-reference", "unknown actor `beland`", at(SIDES, "\"beland", 8))
        .label("no actor has this id")
        .help("did you mean `belland`?");
    assert_eq!(
        shown(SIDES, d),
        "error[unknown-reference]: unknown actor `beland`\n --> f.ron:2:23\n  |\n\
         2 |     sides: (\"amaris\", \"beland\"),\n  |                       ^^^^^^^^ no actor has this id\n  |\n\
         \x20 = help: did you mean `belland`?\n\n"
    );
}

#[test]
fn a_zero_width_place_marks_one_character_or_the_end_of_the_line() {
    let d = Diagnostic::warning("missing-field", "m", at(SIDES, "\"beland", 0)).label("here");
    assert_eq!(
        shown(SIDES, d),
        "warning[missing-field]: m\n --> f.ron:2:23\n  |\n2 |     sides: (\"amaris\", \"beland\"),\n\
         \x20 |                       ^ here\n\n"
    );
    let d = Diagnostic::error("missing-field", "m", at(SIDES, "\n)", 0)).label("here");
    assert_eq!(
        shown(SIDES, d),
        "error[missing-field]: m\n --> f.ron:2:33\n  |\n2 |     sides: (\"amaris\", \"beland\"),\n\
         \x20 |                                 ^ here\n\n"
    );
}

#[test]
fn a_place_past_the_end_or_backwards_is_drawn_where_it_starts() {
    let past = Diagnostic::error("x", "m", (SIDES.len() + 5, SIDES.len() + 50)).label("here");
    assert_eq!(shown(SIDES, past), "error[x]: m\n --> f.ron:4:1\n  |\n4 |\n  | ^ here\n\n");
    let backwards = Diagnostic::error("x", "m", (20, 3)).label("here");
    assert_eq!(
        shown(SIDES, backwards),
        "error[x]: m\n --> f.ron:2:19\n  |\n2 |     sides: (\"amaris\", \"beland\"),\n  |                   ^ here\n\n"
    );
}

#[test]
fn a_span_over_several_lines_is_marked_on_its_first() {
    let d = Diagnostic::error("x", "m", (2, SIDES.len())).label("here");
    assert_eq!(
        shown(SIDES, d),
        "error[x]: m\n --> f.ron:2:1\n  |\n2 |     sides: (\"amaris\", \"beland\"),\n\
         \x20 | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ here\n\n"
    );
}

#[test]
fn a_file_with_no_text_shows_the_place_alone() {
    let d = Diagnostic::error("unreadable", "cannot read `f.ron`: no such file", (0, 0)).help("give the file's path");
    assert_eq!(
        shown("", d),
        "error[unreadable]: cannot read `f.ron`: no such file\n--> f.ron:1:1\n = help: give the file's path\n\n"
    );
}

#[test]
fn tabs_and_multi_byte_characters_keep_the_mark_under_the_text() {
    let text = "(\n\t\tkind: Stat,\n)";
    let d = Diagnostic::error("unknown-variant", "m", at(text, "Stat", 4)).label("unknown name");
    assert_eq!(
        shown(text, d),
        "error[unknown-variant]: m\n --> f.ron:2:9\n  |\n2 |         kind: Stat,\n  |               ^^^^ unknown name\n\n"
    );
    // The column counts characters, as editors do; a wide character is marked across its width.
    let text = "  name: \"Café 日本\", x: 1";
    let wide = at(text, "日", 0).0;
    let expected = |carets: &str| {
        format!(
            "error[x]: m\n --> f.ron:1:15\n  |\n1 |   name: \"Café 日本\", x: 1\n  |               {carets} here\n\n"
        )
    };
    assert_eq!(shown(text, Diagnostic::error("x", "m", (wide, wide)).label("here")), expected("^^"));
    // A span starting and ending inside characters is widened to whole characters.
    assert_eq!(shown(text, Diagnostic::error("x", "m", (wide + 1, wide + 4)).label("here")), expected("^^^^"));
}

#[test]
fn a_long_line_is_cut_around_the_mark() {
    let line = format!("(turns: [{}])", vec!["(turn: 1)"; 20_000].join(", "));
    let turn = line.match_indices("(turn: 1)").nth(10_000).expect("a turn").0;
    let d = Diagnostic::error("duplicate-turn", "turn 1 is given twice", (turn + 7, turn + 8)).help("put all");
    let repeated = "(turn: 1), ".repeat(11);
    assert_eq!(
        shown(&line, d),
        format!(
            "error[duplicate-turn]: turn 1 is given twice\n --> f.ron:1:110017\n  |\n1 | ..., {repeated}(turn: ...\n\
             \x20 |{}^\n  |\n  = help: put all\n\n",
            " ".repeat(68)
        )
    );
}

#[test]
fn colour_is_the_styled_renderers_and_plain_text_has_none() {
    let d = Diagnostic::error("unknown-reference", "unknown actor `beland`", at(SIDES, "\"beland", 8));
    let r = report(SIDES, d);
    assert!(render_with(&r, &Renderer::styled()).contains("\u{1b}["), "ANSI colour codes");
    assert!(!render_human(&r).contains('\u{1b}'), "no escape codes in plain text");
    assert!(render_human(&r).is_ascii(), "ASCII decoration");
}
