use clap::ValueEnum;

use super::resolve::load;
use super::{EXIT_INVALID, EXIT_OK};
use crate::diagnostics::{Report, render_human, render_json};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Scenario files or built-in ids.
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
            Ok(loaded) => (loaded.report, Some(loaded.scenario.meta.title)),
            Err(report) => (report, None),
        };
        all_valid &= title.is_some();
        if args.format == Format::Human {
            eprint!("{}", render_human(&report));
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

fn plural(n: usize, what: &str) -> String {
    match n {
        0 => String::new(),
        1 => format!(", 1 {what}"),
        n => format!(", {n} {what}s"),
    }
}
