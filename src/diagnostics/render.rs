use std::fmt::Write;

use serde::Serialize;

use super::{Diagnostic, Report, Severity};

/// Compiler-style text: the message, `file:line:col`, the line with the offending text underlined, the fix.
pub fn render_human(report: &Report) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        render_one(report, d, &mut out);
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
        let text = src.line_text(line);
        let gutter = line.to_string().len();
        let (end_line, end_col) = src.line_col(d.end);
        let width = if end_line == line && end_col > col { end_col - col } else { 1 };
        let width = width.min(text.chars().count().saturating_sub(col - 1).max(1));
        let shown: String = text.chars().take(200).collect();
        let _ = writeln!(out, "{:gutter$} |", "");
        let _ = writeln!(out, "{line} | {shown}");
        let pad: String = text.chars().take(col - 1).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
        let _ = writeln!(out, "{:gutter$} | {pad}{} {}", "", "^".repeat(width), d.label);
    }
    if let Some(help) = &d.help {
        let _ = writeln!(out, "  = help: {help}");
    }
    out.push('\n');
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
