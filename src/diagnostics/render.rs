use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Serialize;

use super::{Diagnostic, Report, Severity};
use crate::debrief::names::count;

/// Errors shown per file: enough to fix in one sitting; the rest are counted, because a file with
/// thousands of errors (a binary file, a wrong format) would otherwise flood the terminal.
pub const MAX_ERRORS_SHOWN: usize = 50;
/// Warnings shown per kind (`no-tools`, `unknown-id` …) and file: one kind repeated for every actor
/// of a big scenario says nothing new after the first few.
pub const MAX_WARNINGS_SHOWN_PER_KIND: usize = 5;
/// Characters of a source line shown around the column: a one-line file of a megabyte stays readable.
pub const MAX_LINE_CHARS_SHOWN: usize = 120;
/// How many characters of the window come before the column, so the underlined text has context.
const CHARS_BEFORE_COLUMN: usize = 40;

/// Compiler-style text: the message, `file:line:col`, the line with the offending text underlined, the fix.
/// At most [`MAX_ERRORS_SHOWN`] errors and [`MAX_WARNINGS_SHOWN_PER_KIND`] warnings of each kind are
/// shown, in the file's order; a line at the end counts the others.
pub fn render_human(report: &Report) -> String {
    let mut out = String::new();
    let mut errors_shown = 0;
    let mut warnings_shown: BTreeMap<&str, usize> = BTreeMap::new();
    let mut warnings_left: BTreeMap<&str, usize> = BTreeMap::new();
    for d in &report.diagnostics {
        let shown = match d.severity {
            Severity::Error => &mut errors_shown,
            Severity::Warning => warnings_shown.entry(d.code).or_default(),
        };
        let cap = if d.is_error() { MAX_ERRORS_SHOWN } else { MAX_WARNINGS_SHOWN_PER_KIND };
        if *shown < cap {
            *shown += 1;
            render_one(report, d, &mut out);
        } else if !d.is_error() {
            *warnings_left.entry(d.code).or_default() += 1;
        }
    }
    let name = &report.source.name;
    let errors_left = report.errors().count().saturating_sub(MAX_ERRORS_SHOWN);
    if errors_left > 0 {
        let noun = if errors_left == 1 { "error" } else { "errors" };
        let _ = writeln!(out, "… and {} more {noun} in {name}\n", count(errors_left as u64));
    }
    for (code, left) in warnings_left {
        let noun = if left == 1 { "warning" } else { "warnings" };
        let _ = writeln!(out, "… and {} more `{code}` {noun} in {name}\n", count(left as u64));
    }
    out
}

fn render_one(report: &Report, d: &Diagnostic, out: &mut String) {
    let src = &report.source;
    let (line, col) = src.line_col(d.start);
    let kind = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let _ = writeln!(out, "{kind}[{}]: {}", d.code, d.message);
    let _ = writeln!(out, "  --> {}:{line}:{col}", src.name);
    if line <= src.line_count() && !src.text.is_empty() {
        let text: Vec<char> = src.line_text(line).chars().collect();
        let gutter = line.to_string().len();
        let (end_line, end_col) = src.line_col(d.end);
        let width = if end_line == line && end_col > col { end_col - col } else { 1 };
        let window = Window::around(text.len(), col - 1);
        let width = width.min(window.end.saturating_sub(col - 1)).max(1);
        let shown: String = text[window.start..window.end].iter().collect();
        let (before, after) = (window.cut_before(), window.cut_after(text.len()));
        let _ = writeln!(out, "{:gutter$} |", "");
        let _ = writeln!(out, "{line} | {}{shown}{}", if before { "…" } else { "" }, if after { "…" } else { "" });
        // The caret lines up under the column: tabs are kept so the terminal expands them alike.
        let pad: String = std::iter::once(' ')
            .filter(|_| before)
            .chain(text[window.start..(col - 1).min(text.len())].iter().map(|&c| if c == '\t' { '\t' } else { ' ' }))
            .collect();
        let _ = writeln!(out, "{:gutter$} | {pad}{} {}", "", "^".repeat(width), d.label);
    }
    if let Some(help) = &d.help {
        let _ = writeln!(out, "  = help: {help}");
    }
    out.push('\n');
}

/// The characters `start..end` of a line shown for a diagnostic at character `column` (0-based).
struct Window {
    start: usize,
    end: usize,
}

impl Window {
    fn around(line_len: usize, column: usize) -> Window {
        if line_len <= MAX_LINE_CHARS_SHOWN {
            return Window { start: 0, end: line_len };
        }
        let start = column.saturating_sub(CHARS_BEFORE_COLUMN).min(line_len - MAX_LINE_CHARS_SHOWN);
        Window { start, end: start + MAX_LINE_CHARS_SHOWN }
    }

    fn cut_before(&self) -> bool {
        self.start > 0
    }

    fn cut_after(&self, line_len: usize) -> bool {
        self.end < line_len
    }
}
#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    severity: Severity,
    code: &'a str,
    message: &'a str,
    label: &'a str,
    help: Option<&'a str>,
}

/// One JSON array of all diagnostics of all reports, for editors and scripts.
pub fn render_json(reports: &[Report]) -> String {
    let items: Vec<JsonDiagnostic> = reports
        .iter()
        .flat_map(|r| {
            r.diagnostics.iter().map(move |d| {
                let (line, column) = r.source.line_col(d.start);
                let (end_line, end_column) = r.source.line_col(d.end);
                JsonDiagnostic {
                    file: &r.source.name,
                    line,
                    column,
                    end_line,
                    end_column,
                    severity: d.severity,
                    code: d.code,
                    message: &d.message,
                    label: &d.label,
                    help: d.help.as_deref(),
                }
            })
        })
        .collect();
    serde_json::to_string_pretty(&items).expect("diagnostics serialize")
}
