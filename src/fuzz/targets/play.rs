//! `play`'s line format: a session of the tutorial driven by the mutated script, its log written to a
//! scratch file as in the room; the log must then read back and replay byte for byte.

use std::path::PathBuf;
use std::sync::Arc;

use super::{BuiltIns, Target};
use crate::fuzz::corpus::Kind;
use crate::log::{self, LOG_FORMAT, LogHeader};
use crate::play::{Others, Session, run_lines};

pub struct PlayTarget {
    builtins: Arc<BuiltIns>,
    /// The scratch log, rewritten by every input: in memory (`/dev/shm`) where there is one, since
    /// every turn is synced to disk.
    log_path: PathBuf,
}

/// The scenario every session plays.
static TUTORIAL: std::sync::LazyLock<&crate::scenario::builtin::BuiltIn> = std::sync::LazyLock::new(|| {
    crate::scenario::builtin::find("tutorial-river-dispute").expect("the tutorial is built in")
});

impl PlayTarget {
    pub fn new(builtins: Arc<BuiltIns>) -> PlayTarget {
        let shm = PathBuf::from("/dev/shm");
        let dir = if shm.is_dir() { shm } else { std::env::temp_dir() };
        PlayTarget { builtins, log_path: dir.join(format!("good-offices-fuzz-{}.log", std::process::id())) }
    }
}

impl Drop for PlayTarget {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.log_path);
    }
}

impl Target for PlayTarget {
    fn name(&self) -> &'static str {
        "play"
    }

    fn kind(&self) -> Kind {
        Kind::Play
    }

    fn exec(&self, input: &[u8]) -> Result<(), String> {
        let scenario = self.builtins.find("tutorial-river-dispute").expect("the tutorial is built in").clone();
        let header = LogHeader {
            format: LOG_FORMAT,
            engine: env!("CARGO_PKG_VERSION").to_string(),
            scenario: scenario.meta.id.clone(),
            scenario_hash: log::scenario_hash(TUTORIAL.text),
            seed: 7,
            seats: vec!["doravia".to_string(), "kessland".to_string()],
            source: "play (others: bots)".to_string(),
            scenario_text: TUTORIAL.text.to_string(),
        };
        let _ = std::fs::remove_file(&self.log_path);
        let lock = log::create(&self.log_path, &header).map_err(|e| format!("scratch log: {e}"))?;
        let mut session =
            Session::new(scenario.clone(), header, self.log_path.clone(), Others::Bots, Vec::new(), Default::default())
                .holding(lock);
        let (mut out, mut err) = (std::io::sink(), std::io::sink());
        // A refused line (too long, not UTF-8) stops a script; that is the format working.
        let _ = run_lines(&mut session, &mut &input[..], &mut out, &mut err);
        let played = session.records.clone();
        drop(session);
        let loaded = log::load(&self.log_path).map_err(|e| format!("the log `play` wrote does not read back: {e}"))?;
        if loaded.records != played {
            return Err(format!(
                "`play` completed {} turns, its log reads back {}",
                played.len(),
                loaded.records.len()
            ));
        }
        super::replay(&scenario, 7, &loaded.records)
    }
}
