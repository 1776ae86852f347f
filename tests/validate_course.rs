//! `validate` dry-runs the historical course (issue 18): each course order the rules refuse at its
//! turn, with the course played with seed 1, is a warning at that order's file:line:col.

use std::path::Path;
use std::sync::Arc;

use good_offices::course_check::{DRY_RUN_SEED, Refused, refused_orders};
use good_offices::engine::{Game, OrderSource, play};
use good_offices::scenario::builtin::BUILT_INS;

use crate::support::good_offices;

const FILE: &str = "tests/data/course-refused.ron";
const CONSENT: &str = "Amaris has not accepted mediation by Chair of the Regional Union; mediation needs the consent \
                       of both parties to the mediator (they can give it with `AcceptMediation`)";
const TWICE: &str = "the same order was already given this turn";

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn scenario(path: &str) -> Arc<good_offices::Scenario> {
    Arc::new(good_offices::scenario::load_path(&manifest_dir().join(path)).expect("valid").scenario)
}

#[test]
fn validate_warns_at_each_course_order_the_rules_refuse_at_its_turn() {
    let out = good_offices(["validate", FILE]).in_dir(manifest_dir()).expect_code(0);
    assert_eq!(out.stdout(), format!("valid: {FILE} (A course the rules refuse in part), 2 warnings\n"));
    let help = format!(
        "    = help: `good-offices run {FILE} --course historical` plays this course (seed 1) and shows the refusal; \
         give the order at a turn the rules allow it, put the order that makes it possible (a consent, an \
         application) in an earlier turn, or remove it\n"
    );
    let line =
        "                (actor: \"regional-chair\", tool: Mediation, target: Dyad(\"river\"), style: Facilitative),";
    let carets = "^".repeat(line.trim_start().trim_end_matches(',').chars().count());
    let expected = format!(
        "warning[course-order-refused]: the rules refuse this course order at turn 1: {CONSENT}\n\
         \x20  --> {FILE}:167:17\n    |\n167 | {line}\n    |                 {carets} refused at turn 1 (seed 1)\n    |\n{help}\n\
         warning[course-order-refused]: the rules refuse this course order at turn 2: {TWICE}\n\
         \x20  --> {FILE}:178:17\n    |\n178 | {line}\n    |                 {carets} refused at turn 2 (seed 1)\n    |\n{help}\n"
    );
    assert_eq!(out.stderr(), expected);
}

#[test]
fn validate_json_gives_the_refused_course_orders_as_warnings() {
    let out = good_offices(["validate", "--format", "json", FILE]).in_dir(manifest_dir()).expect_code(0);
    let json: serde_json::Value = serde_json::from_str(&out.stdout()).expect("valid JSON");
    let found: Vec<(u64, u64, &str, &str, &str)> = json
        .as_array()
        .expect("an array")
        .iter()
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["severity"].as_str().unwrap(),
                d["code"].as_str().unwrap(),
                d["message"].as_str().unwrap(),
            )
        })
        .collect();
    let consent = format!("the rules refuse this course order at turn 1: {CONSENT}");
    let twice = format!("the rules refuse this course order at turn 2: {TWICE}");
    assert_eq!(
        found,
        [
            (167, 17, "warning", "course-order-refused", &*consent),
            (178, 17, "warning", "course-order-refused", &*twice)
        ]
    );
}

#[test]
fn the_dry_run_finds_the_refusals_the_engine_records() {
    let s = scenario(FILE);
    let refused = refused_orders(&s, DRY_RUN_SEED);
    assert_eq!(
        refused,
        [
            Refused { entry: 0, order: 0, turn: 1, reason: CONSENT.into() },
            Refused { entry: 1, order: 1, turn: 2, reason: TWICE.into() },
        ]
    );
    assert_eq!(refused, engine_refusals(&s));
}

#[test]
fn the_built_in_courses_are_clean() {
    for b in BUILT_INS {
        let s = Arc::new(b.load().expect("valid").scenario);
        assert_eq!(refused_orders(&s, DRY_RUN_SEED), [], "{}", b.id);
        assert_eq!(engine_refusals(&s), [], "{}", b.id);
        good_offices(["validate", b.id]).expect_code(0).stdout_has(&format!("({})\n", s.meta.title));
    }
}

/// The refusals the engine records when it plays the course with the dry run's seed, located by
/// matching each rejected order with the course's orders of its turn (rejections keep the orders'
/// order, and of equal orders the later ones are refused, so the match is made from the end).
fn engine_refusals(s: &Arc<good_offices::Scenario>) -> Vec<Refused> {
    let mut game = Game::new(s.clone(), DRY_RUN_SEED);
    let mut found = Vec::new();
    for record in play(&mut game, &OrderSource::Historical, None) {
        let Some(entry) = s.historical_course.iter().position(|t| t.turn == record.turn) else { continue };
        let orders = &s.historical_course[entry].orders;
        let mut left = orders.len();
        let mut turn = Vec::new();
        for rejection in record.rejected.iter().rev() {
            left = orders[..left].iter().rposition(|o| *o == rejection.order).expect("a course order");
            turn.push(Refused { entry, order: left, turn: record.turn, reason: rejection.reason.clone() });
        }
        found.extend(turn.into_iter().rev());
    }
    found
}
