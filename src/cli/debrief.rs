//! `debrief LOG [--compare LOG2 | --summary] [--format md|html] [--out FILE]`: the debrief report of a
//! game, or its printable summary.

use std::path::{Path, PathBuf};

use super::game_io::{Failed, load_log, scenario_of};
use crate::debrief::{ChartFiles, Debrief, GameLog};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The turn log of the game.
    pub log: PathBuf,
    /// A second log of the same scenario to set beside it, e.g. a what-if branch's trunk.
    #[arg(long, value_name = "LOG2", conflicts_with = "summary")]
    pub compare: Option<PathBuf>,
    /// The short printable summary (at most two A4 pages) instead of the full report: the outcome, the
    /// turning points, the objectives scored, the toll and one chart.
    #[arg(long)]
    pub summary: bool,
    /// Markdown or one self-contained HTML page [default: html when --out ends in .html or .htm, else md].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write the report to this file; a Markdown report's charts go beside it as FILE-stage.svg, ...
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The scenario file, only for a log of format 1 whose scenario is not built in (newer logs carry it).
    #[arg(long, value_name = "PATH")]
    pub scenario: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Md,
    Html,
}

impl Args {
    fn format(&self) -> Format {
        self.format.unwrap_or_else(|| {
            let ext = self.out.as_ref().and_then(|p| p.extension()).map(|e| e.to_string_lossy().to_lowercase());
            if matches!(ext.as_deref(), Some("html" | "htm")) { Format::Html } else { Format::Md }
        })
    }
}

pub fn run(args: &Args) -> Result<(), Failed> {
    let mut loaded = load_log(&args.log)?;
    let scenario = scenario_of(&loaded.header, &args.log, args.scenario.as_deref())?;
    super::game_io::fit_and_complete(&mut loaded, &scenario, &args.log)?;
    let name = args.log.display().to_string();
    let game = GameLog { name: &name, header: &loaded.header, records: &loaded.records };
    let debrief = match &args.compare {
        None => Debrief::new(&scenario, &game),
        Some(path) => {
            let mut other = load_log(path)?;
            if other.header.scenario != loaded.header.scenario
                || other.header.scenario_hash != loaded.header.scenario_hash
            {
                eprintln!(
                    "error: {} is a log of scenario `{}` (content hash {}), but {} is a log of `{}` (content hash {}); \
                     --compare needs two games of the same scenario",
                    path.display(),
                    other.header.scenario,
                    other.header.scenario_hash,
                    args.log.display(),
                    loaded.header.scenario,
                    loaded.header.scenario_hash
                );
                return Err(Failed(super::EXIT_INVALID));
            }
            super::game_io::fit_and_complete(&mut other, &scenario, path)?;
            let other_name = path.display().to_string();
            let other_game = GameLog { name: &other_name, header: &other.header, records: &other.records };
            Debrief::compared(&scenario, &game, &other_game)
        }
    };
    let format = args.format();
    let Some(out) = &args.out else {
        let text = match (format, args.summary) {
            (Format::Md, false) => debrief.to_markdown(&ChartFiles::Omitted),
            (Format::Md, true) => debrief.summary_markdown(&ChartFiles::Omitted),
            (Format::Html, false) => debrief.to_html(),
            (Format::Html, true) => debrief.summary_html(),
        };
        super::output::print_out(&text);
        return Ok(());
    };
    match format {
        Format::Html if args.summary => write(out, &debrief.summary_html())?,
        Format::Html => write(out, &debrief.to_html())?,
        Format::Md => {
            let stem = out.file_stem().map_or_else(|| "debrief".to_string(), |s| s.to_string_lossy().into_owned());
            let files = ChartFiles::Beside { stem };
            let dir = out.parent().unwrap_or(Path::new(""));
            let charts: Vec<&crate::debrief::Chart> = if args.summary {
                crate::debrief::summary::chart(&debrief).into_iter().collect()
            } else {
                debrief.all_charts().collect()
            };
            for chart in charts {
                if let Some(file) = files.file_name(chart) {
                    write(&dir.join(file), &chart.svg)?;
                }
            }
            let text = if args.summary { debrief.summary_markdown(&files) } else { debrief.to_markdown(&files) };
            write(out, &text)?;
        }
    }
    let what = if args.summary { "the summary of the debrief" } else { "the debrief" };
    super::output::println_out!("wrote {what} to {}", out.display());
    Ok(())
}

fn write(path: &Path, text: &str) -> Result<(), Failed> {
    std::fs::write(path, text).map_err(|e| {
        eprintln!("error: cannot write {}: {e}", path.display());
        Failed(super::EXIT_FAILURE)
    })
}
