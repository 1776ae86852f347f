//! Diagnostics as JSON for editors and scripts: every diagnostic, no caps, in a format that does not
//! change with the text renderer (editors parse it).

use serde::Serialize;

use super::{Report, Severity};

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

/// One JSON array of all diagnostics of all reports.
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
