use std::time::Duration;

use super::corpus::{Corpus, Kind, Seed};
use super::runner::{Config, check, run};
use super::seal::reseal;
use super::targets::Target;
use super::{Mutator, targets};

#[test]
fn the_same_seed_gives_the_same_mutations() {
    let input = b"(turns: [(turn: 1, orders: [(actor: \"doravia\", tool: Hold)])], x: 0.25)".as_slice();
    let partner = b"(actor: \"kessland\", tool: Negotiate, target: Dyad(\"mirra\"))".as_slice();
    let series = |seed| {
        let mut m = Mutator::new(seed);
        (0..200).map(|_| m.mutate(input, partner)).collect::<Vec<_>>()
    };
    assert_eq!(series(42), series(42));
    assert_ne!(series(42), series(43), "another seed, other mutations");
    assert!(series(42).iter().any(|m| m.as_slice() != input), "mutations change the input");
}

/// A target that panics on one byte: what a bug in a loader looks like to the fuzzer.
struct Planted;

impl Target for Planted {
    fn name(&self) -> &'static str {
        "planted"
    }

    fn kind(&self) -> Kind {
        Kind::Play
    }

    fn exec(&self, input: &[u8]) -> Result<(), String> {
        assert!(!input.contains(&b'!'), "planted panic");
        Ok(())
    }
}

#[test]
fn a_panic_in_a_target_is_caught_saved_and_reported() {
    let corpus = Corpus { plays: vec![Seed { name: "bang".into(), bytes: b"play!\n".to_vec() }], ..Corpus::default() };
    let dir = std::env::temp_dir().join(format!("good-offices-fuzz-test-{}", std::process::id()));
    let config =
        Config { seed: 1, time_budget: Some(Duration::from_secs(30)), runs: Some(50), findings_dir: dir.clone() };
    let summary = run(&config, &corpus, &[Box::new(Planted)]);
    assert_eq!(summary.execs(), 50);
    assert!(summary.targets[0].findings > 0, "{}", summary.render());
    let f = &summary.findings[0];
    assert!(f.what.contains("planted panic") && f.what.contains("src/fuzz/tests.rs"), "{}", f.what);
    let saved = std::fs::read(f.saved.as_ref().expect("saved")).expect("the input is on disk");
    assert!(saved.contains(&b'!'), "the saved input is the one that panicked");
    assert_eq!(summary.findings.len(), 1, "one panic, one place: saved once");
    std::fs::remove_dir_all(dir).expect("clean up");
    assert_eq!(check(&Planted, b"calm"), None);
}

#[test]
fn resealing_makes_a_changed_log_read_again() {
    let s = targets::BuiltIns::load();
    let tutorial = s.find("tutorial-river-dispute").expect("built in");
    let text =
        targets::play_and_replay(tutorial, tutorial_text(), crate::engine::OrderSource::Hold, 2).expect("a clean game");
    assert_eq!(reseal(text.as_bytes()), text.as_bytes(), "an intact log is left as it is");
    // An opened log (its turns' RON in plain lines) is refused as it stands, and reads again resealed.
    let opened = String::from_utf8(super::seal::open(text.as_bytes())).expect("UTF-8");
    let changed = opened.replacen("turn: 1,", "turn: 1 ,", 1).replacen("seed: 7", "seed: 4", 1);
    assert_ne!(changed, opened, "the test changed the turn and the header");
    assert!(crate::log::parse("t.log", &changed).is_err(), "a changed log is refused");
    let resealed = crate::log::parse_bytes("t.log", &reseal(changed.as_bytes())).expect("resealed");
    assert_eq!((resealed.records.len(), resealed.header.seed), (2, 4));
    assert_eq!(reseal(opened.as_bytes()), text.as_bytes(), "resealing an opened log packs it again");
}

#[test]
fn every_target_passes_its_own_seeds_and_a_short_run() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = Corpus::load(root).expect("the project's seeds");
    let targets = targets::all();
    for t in &targets {
        for seed in corpus.of(t.kind()).iter().take(2) {
            assert_eq!(check(&**t, &seed.bytes), None, "{} on {}", t.name(), seed.name);
        }
    }
    let dir = std::env::temp_dir().join(format!("good-offices-fuzz-run-{}", std::process::id()));
    let config = Config { seed: 3, time_budget: None, runs: Some(40), findings_dir: dir };
    let summary = run(&config, &corpus, &targets);
    assert!(summary.findings.is_empty(), "{:?}", summary.findings);
    assert!(summary.targets.iter().all(|t| t.execs == 10), "{}", summary.render());
}

fn tutorial_text() -> &'static str {
    crate::scenario::builtin::find("tutorial-river-dispute").expect("built in").text
}
