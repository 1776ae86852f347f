//! The seeds: the project's own files of each kind, which the mutator starts from.

use std::path::Path;

/// What an input is, and so which target reads it and which seeds it is spliced with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Scenario,
    Orders,
    Log,
    Play,
}

/// A `play` script of the tutorial: the whole game, then typos, undo and a ballot (from tests/play.rs).
pub const PLAY_SCRIPTS: &[&str] = &[
    "order doravia Reinforce mirra\norder kessland AcceptMediation mirra\nplay\n\
     order doravia AcceptMediation mirra\norder kessland Negotiate mirra\ninject two-plans\nplay\n\
     order doravia Negotiate mirra\norder kessland Negotiate mirra\nplay\n\
     order doravia Withdraw mirra\norder kessland OfferCeasefire mirra\nplay\n\
     order doravia OfferCeasefire mirra\norder kessland Negotiate mirra\nplay\n\
     order doravia SignAgreement mirra\norder kessland SignAgreement mirra\nplay\n",
    "ordr doravia Hold\norder doravia Reinforse mirra\norder doravia Reinforce mira\n\
     order kessland Mediation mirra\nplay\nstop\n",
    "order doravia Reinforce mirra\nplay\nundo\norder doravia Withdraw mirra\nplay\nwithdraw doravia\n\
     # a comment\nballot doravia yes\norder kessland PublicStatement dyad:mirra style=Formulative with=doravia\nplay\nstop\n",
];

pub struct Seed {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The seeds of every kind.
#[derive(Default)]
pub struct Corpus {
    pub scenarios: Vec<Seed>,
    pub orders: Vec<Seed>,
    pub logs: Vec<Seed>,
    pub plays: Vec<Seed>,
}

impl Corpus {
    /// Reads the seeds from the project's tree at `root`: `scenarios/*.ron` and `tests/data/*.ron`
    /// (scenarios, rule cases, malformed cases), the orders files of `docs/orders.md`, the golden logs,
    /// and the `play` scripts above. A file that cannot be read is skipped (a seed is a start, not a
    /// requirement); a kind left without seeds is an error.
    pub fn load(root: &Path) -> Result<Corpus, String> {
        let mut c = Corpus::default();
        for dir in ["scenarios", "tests/data"] {
            c.scenarios.extend(files(&root.join(dir), ".ron"));
        }
        // The golden logs, each also opened (its turns' RON in plain lines, packed again when resealed),
        // and a log of format 1.
        let golden = files(&root.join("tests/golden"), ".log");
        let opened: Vec<Seed> = golden
            .iter()
            .map(|s| Seed { name: format!("{} (opened)", s.name), bytes: super::seal::open(&s.bytes) })
            .collect();
        c.logs.extend(golden);
        c.logs.extend(opened);
        c.logs.extend(files(&root.join("tests/data"), ".log"));
        if let Ok(doc) = std::fs::read_to_string(root.join("docs/orders.md")) {
            for (i, block) in ron_blocks(&doc).into_iter().filter(|b| b.contains("turns:")).enumerate() {
                c.orders.push(Seed { name: format!("docs/orders.md block {}", i + 1), bytes: block.into_bytes() });
            }
        }
        c.plays.extend(
            PLAY_SCRIPTS
                .iter()
                .enumerate()
                .map(|(i, s)| Seed { name: format!("play script {}", i + 1), bytes: s.as_bytes().to_vec() }),
        );
        for (kind, seeds) in [("scenario", &c.scenarios), ("orders", &c.orders), ("log", &c.logs), ("play", &c.plays)] {
            if seeds.is_empty() {
                return Err(format!("no {kind} seeds under {}: run from the project's root", root.display()));
            }
        }
        Ok(c)
    }

    pub fn of(&self, kind: Kind) -> &[Seed] {
        match kind {
            Kind::Scenario => &self.scenarios,
            Kind::Orders => &self.orders,
            Kind::Log => &self.logs,
            Kind::Play => &self.plays,
        }
    }
}

/// The files of `dir` whose names end in `ext`, sorted by name so the seeds' order (and a seeded
/// run) does not depend on the file system.
fn files(dir: &Path, ext: &str) -> Vec<Seed> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut paths: Vec<_> =
        entries.flatten().map(|e| e.path()).filter(|p| p.to_string_lossy().ends_with(ext)).collect();
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| Some(Seed { name: p.display().to_string(), bytes: std::fs::read(&p).ok()? }))
        .collect()
}

/// The contents of the ```` ```ron ```` blocks of a Markdown page.
fn ron_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match (&mut current, line.trim_start()) {
            (None, l) if l.starts_with("```ron") => current = Some(String::new()),
            (Some(_), l) if l.starts_with("```") => blocks.extend(current.take()),
            (Some(b), _) => {
                b.push_str(line);
                b.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}
