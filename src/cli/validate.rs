use clap::ValueEnum;

use super::resolve::load;
use super::{EXIT_INVALID, EXIT_OK};
use crate::diagnostics::{Report, eprint_human, render_json};
use crate::scenario::Loaded;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Scenario files or ids. A valid scenario's historical course is also played (seed 1) and each
    /// order the rules refuse at its turn is a warning.
    #[arg(required = true, value_name = "SCENARIO")]
    pub scenarios: Vec<String>,
    /// Output format: `human` (to stderr, with a summary on stdout) or `json` (all diagnostics on stdout).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

pub fn run(args: &Args) -> u8 {
    let mut reports: Vec<Report> = Vec::new();
    let mut all_valid = true;
    for arg in &args.scenarios {
        let (report, title) = match load(arg) {
            Ok(loaded) => {
                let title = loaded.scenario.meta.title.clone();
                (with_course_check(loaded, arg), Some(title))
            }
            Err(report) => (report, None),
        };
        all_valid &= title.is_some();
        if args.format == Format::Human {
            eprint_human(&report);
            let warnings = report.warnings().count();
            let errors = report.errors().count();
            match title {
                Some(title) => super::output::println_out!(
                    "valid: {} ({title}){}",
                    report.source.name,
                    plural(warnings, "warning")
                ),
                None => super::output::println_out!(
                    "invalid: {}{}{}",
                    report.source.name,
                    plural(errors, "error"),
                    plural(warnings, "warning")
                ),
            }
        }
        reports.push(report);
    }
    if args.format == Format::Json {
        super::output::println_out!("{}", render_json(&reports));
    }
    if all_valid { EXIT_OK } else { EXIT_INVALID }
}

/// The report of a valid scenario with the dry run of its historical course added
/// (`course_check`): its warnings go among the others, in file order.
fn with_course_check(loaded: Loaded, arg: &str) -> Report {
    let refused = crate::course_check::diagnostics(&loaded, arg);
    // Diagnostics are sorted by position (a stable sort keeps the order of those at one place).
    let mut report = loaded.report;
    report.diagnostics.extend(refused);
    report.diagnostics.sort_by_key(|d| d.start);
    report
}

fn plural(n: usize, what: &str) -> String {
    match n {
        0 => String::new(),
        1 => format!(", 1 {what}"),
        n => format!(", {n} {what}s"),
    }
}
