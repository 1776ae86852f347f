use std::path::PathBuf;

use super::{EXIT_FAILURE, EXIT_INVALID, EXIT_OK};
use crate::template::template;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The new scenario's id: lower-case letters, digits and hyphens, e.g. `my-border-crisis`.
    pub id: String,
    /// Write the template to this file (never overwrites) instead of printing it.
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn run(args: &Args) -> u8 {
    let text = match template(&args.id) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("error: {message}");
            return EXIT_INVALID;
        }
    };
    match &args.out {
        None => {
            super::output::print_out(&text);
            EXIT_OK
        }
        Some(path) => {
            let file = std::fs::OpenOptions::new().write(true).create_new(true).open(path);
            match file.and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes())) {
                Ok(()) => {
                    super::output::println_out!(
                        "wrote {}; next: good-offices validate {}",
                        path.display(),
                        path.display()
                    );
                    EXIT_OK
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    eprintln!("error: {} already exists; choose another file name", path.display());
                    EXIT_INVALID
                }
                Err(e) => {
                    eprintln!("error: cannot write {}: {e}", path.display());
                    EXIT_FAILURE
                }
            }
        }
    }
}
