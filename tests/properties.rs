//! Properties over many generated inputs: the loader never panics, whatever it is given.

use good_offices::scenario::builtin::BUILT_INS;
use good_offices::scenario::{load_bytes, load_str};
use proptest::prelude::*;

fn real_scenarios() -> Vec<&'static str> {
    BUILT_INS.iter().map(|b| b.text).collect()
}

/// A random edit of a real scenario: cut, delete, duplicate, or insert a RON-ish fragment.
#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    Delete(usize, usize),
    Duplicate(usize, usize),
    Insert(usize, String),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let fragment = prop_oneof![
        Just("(".to_string()),
        Just(")".to_string()),
        Just("[".to_string()),
        Just("],".to_string()),
        Just("\"".to_string()),
        Just(",".to_string()),
        Just("-1".to_string()),
        Just("1e309".to_string()),
        Just("Some(".to_string()),
        Just("// ".to_string()),
        Just("/*".to_string()),
        Just("r#\"".to_string()),
        Just("\u{feff}".to_string()),
        "[a-zA-Z_]{1,12}",
        "[0-9.]{1,6}",
        any::<String>(),
    ];
    prop_oneof![
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), 0usize..200).prop_map(|(a, n)| Mutation::Delete(a, n)),
        (any::<usize>(), 0usize..400).prop_map(|(a, n)| Mutation::Duplicate(a, n)),
        (any::<usize>(), fragment).prop_map(|(a, f)| Mutation::Insert(a, f)),
    ]
}

fn apply(text: &str, mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for m in mutations {
        let len = bytes.len().max(1);
        match m {
            Mutation::Truncate(at) => bytes.truncate(at % len),
            Mutation::Delete(at, n) => {
                let start = (at % len).min(bytes.len());
                let end = (start + n).min(bytes.len());
                bytes.drain(start..end);
            }
            Mutation::Duplicate(at, n) => {
                let start = (at % len).min(bytes.len());
                let end = (start + n).min(bytes.len());
                let copy = bytes[start..end].to_vec();
                bytes.splice(end..end, copy);
            }
            Mutation::Insert(at, s) => {
                let at = (at % len).min(bytes.len());
                bytes.splice(at..at, s.bytes());
            }
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let _ = load_bytes("fuzz.ron", &bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,2048}") {
        let _ = load_str("fuzz.ron", &text);
    }

    #[test]
    fn mutated_real_scenarios_never_panic_and_errors_are_located(
        which in 0usize..3,
        mutations in proptest::collection::vec(mutation(), 1..4),
    ) {
        let scenarios = real_scenarios();
        let bytes = apply(scenarios[which % scenarios.len()], &mutations);
        match load_bytes("mutant.ron", &bytes) {
            Ok(loaded) => prop_assert!(!loaded.report.has_errors()),
            Err(report) => {
                prop_assert!(report.has_errors());
                for d in &report.diagnostics {
                    prop_assert!(d.start <= d.end && d.end <= report.source.text.len(), "{d:?}");
                    let (line, col) = report.source.line_col(d.start);
                    prop_assert!(line >= 1 && col >= 1);
                    prop_assert!(!d.message.is_empty());
                }
                let _ = good_offices::diagnostics::render_human(&report);
            }
        }
    }
}
