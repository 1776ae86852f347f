//! Diagnostics as compiler-style text, drawn by annotate-snippets (rustc's own renderer), with caps
//! so that a file with thousands of problems gives a screenful and a count.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::io::IsTerminal;

use annotate_snippets::Renderer;

use super::{Report, Severity, snippet};
use crate::names::count;

/// Errors shown per file: enough to fix in one sitting; the rest are counted, because a file with
/// thousands of errors (a binary file, a wrong format) would otherwise flood the terminal.
pub const MAX_ERRORS_SHOWN: usize = 50;
/// Warnings shown per kind (`no-tools`, `unknown-id` …) and file: one kind repeated for every actor
/// of a big scenario says nothing new after the first few.
pub const MAX_WARNINGS_SHOWN_PER_KIND: usize = 5;

/// Plain text (no colour, ASCII decoration): the message, `--> file:line:col`, the line with the
/// offending text marked, the fix. At most [`MAX_ERRORS_SHOWN`] errors and
/// [`MAX_WARNINGS_SHOWN_PER_KIND`] warnings of each kind are shown, in the file's order; a line at
/// the end counts the others.
pub fn render_human(report: &Report) -> String {
    render_with(report, &Renderer::plain())
}

/// Prints [`render_human`]'s text to stderr, in colour when stderr is a terminal and `NO_COLOR`
/// (no-color.org) is not set: a log file or a pipe gets plain text.
pub fn eprint_human(report: &Report) {
    let colour = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    eprint!("{}", render_with(report, &if colour { Renderer::styled() } else { Renderer::plain() }));
}

pub(super) fn render_with(report: &Report, renderer: &Renderer) -> String {
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
            // One diagnostic at a time: the renderer's separators between groups are for a
            // diagnostic's sub-parts, and a blank line between diagnostics reads better.
            let _ = writeln!(out, "{}\n", renderer.render(&[snippet::group(&report.source, d)]));
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
