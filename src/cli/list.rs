use super::{EXIT_FAILURE, EXIT_OK};
use crate::scenario::builtin::BUILT_INS;

pub fn run() -> u8 {
    let mut rows = vec![["ID".to_string(), "TITLE".into(), "TURNS".into(), "ROLES".into()]];
    for b in BUILT_INS {
        match b.load() {
            Ok(l) => {
                let s = &l.scenario;
                let roles = s.actors.iter().filter(|a| !a.briefing.is_empty()).count();
                rows.push([b.id.to_string(), s.meta.title.clone(), s.meta.turns.to_string(), roles.to_string()]);
            }
            Err(report) => {
                // A built-in that does not load is a bug in this build, not the user's input.
                crate::diagnostics::eprint_human(&report);
                return EXIT_FAILURE;
            }
        }
    }
    let widths: Vec<usize> = (0..4).map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0)).collect();
    for r in &rows {
        super::output::println_out!(
            "{:<w0$}  {:<w1$}  {:>w2$}  {:>w3$}",
            r[0],
            r[1],
            r[2],
            r[3],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
            w3 = widths[3]
        );
    }
    EXIT_OK
}
