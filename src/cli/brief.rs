use std::path::PathBuf;

use super::resolve::load_or_report;
use super::{EXIT_FAILURE, EXIT_INVALID, EXIT_OK};
use crate::brief::{Selection, facilitator_sheet, handouts, public_sheet, role_sheet, rules_card_sheet};
use crate::diagnostics::did_you_mean;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A scenario file or a built-in id.
    pub scenario: String,
    /// Print (or write) only this role's private sheet.
    #[arg(long, value_name = "ID", conflicts_with = "facilitator")]
    pub role: Option<String>,
    /// Print (or write) only the facilitator's sheet: every role, the injects, the historical course,
    /// how the game ends and the discussion questions.
    #[arg(long)]
    pub facilitator: bool,
    /// Print (or write) only the participants' one-page rules card: how a turn works, the orders,
    /// consent, Glasl's nine stages and the way out.
    #[arg(long, conflicts_with_all = ["role", "facilitator"])]
    pub rules_card: bool,
    /// Write the handouts into this directory instead of printing: each sheet as Markdown and as a
    /// printable HTML page (public, rules card, one per role, facilitator), and index.html linking them.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

pub fn run(args: &Args) -> u8 {
    let Some(loaded) = load_or_report(&args.scenario) else { return EXIT_INVALID };
    let s = &loaded.scenario;
    if let Some(role) = &args.role
        && s.actor(role).is_none()
    {
        let hint = did_you_mean(role, s.actors.iter().map(|a| a.id.as_str()))
            .map(|r| format!("did you mean `{r}`?"))
            .unwrap_or_else(|| {
                let ids: Vec<&str> = s.actors.iter().map(|a| a.id.as_str()).collect();
                format!("the role ids are: {}", ids.join(", "))
            });
        eprintln!("error: `{role}` is not a role in {}: {hint}", loaded.report.source.name);
        return EXIT_INVALID;
    }
    let selection = match (&args.role, args.facilitator, args.rules_card) {
        (Some(role), _, _) => Selection::Role(role),
        (None, true, _) => Selection::Facilitator,
        (None, false, true) => Selection::RulesCard,
        (None, false, false) => Selection::All,
    };
    let Some(dir) = &args.out else {
        match selection {
            Selection::Role(role) => super::output::println_out!("{}", role_sheet(s, role)),
            Selection::Facilitator => super::output::println_out!("{}", facilitator_sheet(s)),
            Selection::RulesCard => super::output::println_out!("{}", rules_card_sheet(s)),
            Selection::All => {
                super::output::println_out!("{}", public_sheet(s));
                super::output::println_out!("{}", rules_card_sheet(s));
                for a in &s.actors {
                    super::output::println_out!("{}", role_sheet(s, &a.id));
                }
            }
        }
        return EXIT_OK;
    };
    let files = handouts(s, selection);
    let written = std::fs::create_dir_all(dir)
        .and_then(|()| files.iter().try_for_each(|f| std::fs::write(dir.join(&f.file), &f.contents)));
    match written {
        Ok(()) => {
            let open = if selection == Selection::All {
                format!("; open {} to print them", dir.join("index.html").display())
            } else {
                String::new()
            };
            super::output::println_out!("wrote the briefs to {} ({} files{open})", dir.display(), files.len());
            EXIT_OK
        }
        Err(e) => {
            eprintln!("error: cannot write to {}: {e}", dir.display());
            EXIT_FAILURE
        }
    }
}
