use std::path::PathBuf;

use super::resolve::load_or_report;
use super::{EXIT_FAILURE, EXIT_INVALID, EXIT_OK};
use crate::brief::{public_sheet, role_sheet};
use crate::diagnostics::did_you_mean;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A scenario file or a built-in id.
    pub scenario: String,
    /// Print only this role's private sheet.
    #[arg(long, value_name = "ID")]
    pub role: Option<String>,
    /// Write `public.md` and one `ROLE.md` per role into this directory instead of printing.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

pub fn run(args: &Args) -> u8 {
    let Some(loaded) = load_or_report(&args.scenario) else { return EXIT_INVALID };
    let s = &loaded.scenario;
    let roles: Vec<&str> = match &args.role {
        Some(role) => {
            if s.actor(role).is_none() {
                let hint = did_you_mean(role, s.actors.iter().map(|a| a.id.as_str()))
                    .map(|r| format!("did you mean `{r}`?"))
                    .unwrap_or_else(|| {
                        let ids: Vec<&str> = s.actors.iter().map(|a| a.id.as_str()).collect();
                        format!("the role ids are: {}", ids.join(", "))
                    });
                eprintln!("error: `{role}` is not a role in {}: {hint}", loaded.report.source.name);
                return EXIT_INVALID;
            }
            vec![role.as_str()]
        }
        None => s.actors.iter().map(|a| a.id.as_str()).collect(),
    };
    match &args.out {
        None => {
            if args.role.is_none() {
                super::output::println_out!("{}", public_sheet(s));
            }
            for r in roles {
                super::output::println_out!("{}", role_sheet(s, r));
            }
            EXIT_OK
        }
        Some(dir) => {
            let write = |name: &str, text: String| -> std::io::Result<()> {
                std::fs::create_dir_all(dir)?;
                std::fs::write(dir.join(name), text)
            };
            let mut result = Ok(());
            if args.role.is_none() {
                result = result.and_then(|()| write("public.md", public_sheet(s)));
            }
            for r in roles {
                result = result.and_then(|()| write(&format!("{r}.md"), role_sheet(s, r)));
            }
            match result {
                Ok(()) => {
                    super::output::println_out!("wrote the briefs to {}", dir.display());
                    EXIT_OK
                }
                Err(e) => {
                    eprintln!("error: cannot write to {}: {e}", dir.display());
                    EXIT_FAILURE
                }
            }
        }
    }
}
