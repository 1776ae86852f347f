//! The save file under hostile conditions (issue 19): special files, a game killed before its header,
//! two writers on one log.

use crate::support::{good_offices as cli, scratch_dir};

/// Defect 3: a special file that never ends is refused at the size cap, not read until memory runs out.
#[cfg(unix)]
#[test]
fn a_log_that_never_ends_is_refused_at_the_size_cap() {
    for command in ["resume", "replay"] {
        cli([command, "/dev/zero"])
            .expect_code(2)
            .stderr_has(
                "error[unreadable-log]: the turn log cannot be read: is larger than 256 MiB, too large for a turn log",
            )
            .stderr_has("--> /dev/zero:1:1");
    }
}

/// Defect 5: an empty file (a game killed before its header was written, by an older version) holds no
/// game: `resume` says so and how to start one, and `run` starts one in it.
#[test]
fn an_empty_log_holds_no_game_and_run_takes_it_over() {
    let dir = scratch_dir("empty-log");
    std::fs::write(dir.join("e.log"), "").expect("write");
    let refused = cli(["resume", "e.log"]).in_dir(&dir).expect_code(2);
    assert_eq!(
        refused.stderr().lines().next(),
        Some("error[empty-log]: e.log holds no game yet: the file is empty (a game was stopped before it began)")
    );
    refused.stderr_has("start a game in it with `good-offices run SCENARIO --log e.log`");
    cli(["run", "tutorial-river-dispute", "--turns", "1", "--log", "e.log"]).in_dir(&dir).expect_code(0);
    let log = good_offices::log::load(&dir.join("e.log")).expect("a log");
    assert_eq!(log.records.len(), 1);
    assert_eq!(files_in(&dir), ["e.log"], "no temporary file is left beside the log");
    // A log with a game in it is still never overwritten.
    let before = std::fs::read(dir.join("e.log")).expect("read");
    cli(["run", "tutorial-river-dispute", "--log", "e.log"]).in_dir(&dir).expect_code(2).stderr_has("already exists");
    assert_eq!(std::fs::read(dir.join("e.log")).expect("read"), before);
    assert_eq!(files_in(&dir), ["e.log"]);
}

/// Defect 6: while one process writes a log, a second `resume` of it is refused (exit 1) and writes
/// nothing; once the first is done, the game resumes.
#[test]
fn a_second_writer_of_a_log_is_refused_and_writes_nothing() {
    let dir = scratch_dir("locked-log");
    cli(["run", "tutorial-river-dispute", "--bots", "--turns", "2", "--log", "g.log"]).in_dir(&dir).expect_code(0);
    let path = dir.join("g.log");
    let before = std::fs::read(&path).expect("read");
    let held = good_offices::log::lock_existing(&path).expect("the log is free");
    let refused = cli(["resume", "g.log"]).in_dir(&dir).expect_code(1);
    assert_eq!(
        refused.stderr().trim_end(),
        "error: g.log is being written by another good-offices process (a `run`, `resume`, `play` or `branch` of \
         this game); wait for it to finish or stop it, then try again"
    );
    assert_eq!(std::fs::read(&path).expect("read"), before, "the refused resume wrote nothing");
    // A process holding the lock refuses a second lock too (what a `run` taking over an empty file asks).
    let again = good_offices::log::lock_existing(&path).expect_err("held");
    assert_eq!(again.kind(), std::io::ErrorKind::WouldBlock);
    drop(held);
    cli(["resume", "g.log", "--turns", "1"]).in_dir(&dir).expect_code(0);
    assert_eq!(good_offices::log::load(&path).expect("a log").records.len(), 3);
}

/// Defect 6: a new log is locked from the moment it has its name, so a `resume` while `run` is still
/// writing it is refused (the lock of `create` is held by the test here, as `run` holds it).
#[test]
fn a_new_log_is_locked_by_the_game_that_creates_it() {
    let dir = scratch_dir("locked-new-log");
    cli(["run", "tutorial-river-dispute", "--turns", "1", "--log", "g.log"]).in_dir(&dir).expect_code(0);
    let header = good_offices::log::load(&dir.join("g.log")).expect("a log").header;
    let _held = good_offices::log::create(&dir.join("new.log"), &header).expect("created");
    cli(["resume", "new.log"]).in_dir(&dir).expect_code(1).stderr_has("new.log is being written by another");
    assert_eq!(
        std::fs::read_to_string(dir.join("new.log")).expect("read"),
        good_offices::log::render_header(&header),
        "the header only: the refused resume wrote no turn"
    );
}

fn files_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Defect 10: a saved state edited and its checksums recomputed — `NaN`, a number out of its range, an
/// id the scenario does not have — is refused by every command that reads it, naming the log, the turn
/// and the field; nothing is written.
#[test]
fn an_edited_state_with_impossible_numbers_or_ids_is_refused() {
    let dir = scratch_dir("edited-state");
    cli(["run", "tutorial-river-dispute", "--bots", "--seed", "2", "--turns", "2", "--log", "a.log"])
        .in_dir(&dir)
        .expect_code(0);
    let log = good_offices::log::load(&dir.join("a.log")).expect("log");
    let dyad = log.records[1].state.dyads[0].clone();
    let (id, side) = (dyad.id.as_str(), dyad.sides[0].as_str());
    type Edit = Box<dyn Fn(&mut good_offices::engine::state::Snapshot)>;
    let mission = |deployed: u32| {
        let mut op = good_offices::engine::operations::observers("nowhere".into(), 0, "nobody".into(), 1);
        op.kind = good_offices::engine::operations::OperationKind::PeaceOperation;
        (op.authorised, op.deployed) = (1000, deployed);
        op
    };
    let cases: [(Edit, String); 7] = [
        (
            Box::new(|s| s.dyads[0].arms[0] = f64::NAN),
            format!("Arms(\"{id}\", \"{side}\") = NaN, but it must be a number from 0 to 100"),
        ),
        (
            Box::new(|s| s.dyads[0].grievance[0] = 21.0),
            format!("Grievance(\"{id}\", \"{side}\") = 21, but it must be a number from -20 to 20"),
        ),
        (Box::new(|s| s.dyads[0].stage = 0), format!("Stage(\"{id}\") = 0, but it must be a number from 1 to 9")),
        (
            Box::new(|s| {
                s.globals.events.insert(good_offices::scenario::Event::Seized("nowhere".into()));
            }),
            "Seized(\"nowhere\") = \"nowhere\", but it must be a body of the scenario".to_string(),
        ),
        (
            Box::new(move |s| s.operations.push(mission(10))),
            "PeaceOperation(\"nowhere\") = \"nowhere\", but it must be a dispute of the scenario".to_string(),
        ),
        (
            Box::new({
                let id = dyad.id;
                move |s| s.operations.push(good_offices::engine::operations::Operation { dyad: id, ..mission(5000) })
            }),
            format!("PeaceOperation(\"{id}\") = 5000 deployed, but it must be at most the 1000 authorised"),
        ),
        // Found by the fuzzer: a use count past the 3-a-turn limit overflowed when the next use was counted.
        (
            Box::new(|s| s.actors[0].uses.set(good_offices::scenario::ToolKind::PublicStatement, u32::MAX)),
            format!(
                "Uses(\"{}\", PublicStatement) = {}, but it must be a count from 0 to 6 (3 orders a turn at most)",
                log.records[1].state.actors[0].id.as_str(),
                u32::MAX
            ),
        ),
    ];
    for (edit, field) in cases {
        let mut records = log.records.clone();
        edit(&mut records[1].state);
        let text = good_offices::log::render_log(&log.header, &records);
        std::fs::write(dir.join("edited.log"), &text).expect("write");
        let expected = format!(
            "error: edited.log: the state saved after turn 2 has {field}; the log was changed and its checksums \
             recomputed: restore it from a copy, or `branch` from an earlier copy"
        );
        for command in ["resume", "replay", "debrief"] {
            let refused = cli([command, "edited.log"]).in_dir(&dir).expect_code(2);
            assert_eq!(refused.stderr().trim_end(), expected, "`{command}`");
        }
        assert_eq!(std::fs::read_to_string(dir.join("edited.log")).expect("read"), text, "nothing written");
    }
}

/// Games saved by earlier versions (log format 1) still load: they replay (as far as the rules have not
/// changed since), they are debriefed, and a
/// resumed one is rewritten in the current format, carrying its scenario, and goes on exactly as a
/// game begun in the current format does.
#[test]
fn a_log_of_format_1_is_read_and_a_resumed_one_goes_on_in_the_current_format() {
    let dir = scratch_dir("format-1");
    let old = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/format1-kenya-2008.log"),
    )
    .expect("the saved game");
    assert!(old.lines().nth(1).is_some_and(|l| l.starts_with("header: (format: 1,")));
    std::fs::write(dir.join("old.log"), &old).expect("write");
    // Its first turn re-resolves as saved. The rules have changed since: in turn 2 the parties accept
    // the AU panel by name, which now gives their consent to that mediator's track (it gave consent to
    // every mediator then), so turn 2 on are played differently now.
    let one = old.find("--- turn 2\n").expect("turn 2");
    std::fs::write(dir.join("one.log"), &old[..one]).expect("write");
    cli(["replay", "one.log", "--verify"]).in_dir(&dir).expect_code(0).stdout_has("all 1 turn(s) re-resolve");
    cli(["debrief", "old.log"]).in_dir(&dir).expect_code(0).stdout_has("### Turn 9 · ");

    // The turn of it that the rules still play alike, resumed for one more turn.
    let cut = one;
    std::fs::write(dir.join("cut.log"), &old[..cut]).expect("write");
    cli(["resume", "cut.log", "--turns", "1"])
        .in_dir(&dir)
        .expect_code(0)
        .stderr_has("note: cut.log was saved in log format 1; it is now rewritten in format 3 and carries its scenario")
        .stdout_has("Turn 2 (");
    cli(["run", "kenya-2008", "--course", "historical", "--seed", "1", "--turns", "2", "--log", "new.log"])
        .in_dir(&dir)
        .expect_code(0);
    let resumed = std::fs::read_to_string(dir.join("cut.log")).expect("the resumed log");
    assert_eq!(resumed, std::fs::read_to_string(dir.join("new.log")).expect("the new log"), "byte-identical");
    assert_eq!(resumed.lines().next(), Some(good_offices::log::COMMENT_LINE));
}

/// A game saved in format 2 by an engine before sanction regimes (it kept sanctions as a list on the
/// actor, and packed each turn against a record with that list) still unpacks, re-resolves to the
/// same bytes (turn 1: in turn 2 the parties accept the AU panel by name, which the rules of mediation
/// tracks read differently), and is debriefed, with its regimes completed; resumed, it is rewritten and
/// goes on exactly as a game begun now does.
#[test]
fn a_log_of_format_2_saved_before_sanction_regimes_is_read_and_goes_on() {
    let dir = scratch_dir("before-regimes");
    let old = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/format2-before-regimes-kenya-2008.log"),
    )
    .expect("the saved game");
    assert!(old.lines().nth(1).is_some_and(|l| l.starts_with("header: (format: 2,")));
    std::fs::write(dir.join("old.log"), &old).expect("write");
    // In turn 1 the rules are the same (consent to a named mediator is read differently from turn 2).
    let cut = old.find("--- turn 2\n").expect("turn 2");
    std::fs::write(dir.join("cut.log"), &old[..cut]).expect("write");
    cli(["replay", "cut.log", "--verify"]).in_dir(&dir).expect_code(0).stdout_has("all 1 turn(s) re-resolve");
    cli(["debrief", "old.log"])
        .in_dir(&dir)
        .expect_code(0)
        .stdout_has("United States imposes TravelBan on Party of National Unity (President Kibaki) on its own.");

    cli(["resume", "cut.log", "--turns", "1"])
        .in_dir(&dir)
        .expect_code(0)
        .stderr_has("note: cut.log was saved in log format 2; it is now rewritten in format 3")
        .stdout_has("Turn 2 (");
    cli(["run", "kenya-2008", "--course", "historical", "--seed", "1", "--turns", "2", "--log", "new.log"])
        .in_dir(&dir)
        .expect_code(0);
    let resumed = std::fs::read_to_string(dir.join("cut.log")).expect("the resumed log");
    assert_eq!(resumed, std::fs::read_to_string(dir.join("new.log")).expect("the new log"), "byte-identical");
}

/// Issue 19: a game killed at any moment — while it plays, while it writes a turn, before or after its
/// log exists — loses no completed turn: resumed (or started again if it had no log yet), it ends with
/// exactly the bytes of a game that was never interrupted. The kills are spread over a whole run, and
/// every other resume is killed as well. (A kill inside a turn's write leaves a torn tail at one byte
/// or another: `log::tests_v2` cuts a turn at every seventh byte and resumes.)
#[test]
fn a_game_killed_at_any_moment_resumes_to_the_bytes_of_an_uninterrupted_game() {
    let dir = scratch_dir("killed");
    fn run(log: &str) -> [&str; 8] {
        ["run", "cambodia-thailand-2011", "--course", "historical", "--seed", "3", "--log", log]
    }
    let start = std::time::Instant::now();
    cli(run("whole.log")).in_dir(&dir).expect_code(0);
    let span = start.elapsed();
    let whole = std::fs::read(dir.join("whole.log")).expect("the uninterrupted log");
    const KILLS: u32 = 16;
    let killed = |args: &[&str], after: std::time::Duration| {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_good-offices"))
            .args(args)
            .current_dir(&dir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("the game starts");
        std::thread::sleep(after);
        let _ = child.kill();
        let _ = child.wait();
    };
    for i in 0..KILLS {
        let name = format!("k{i}.log");
        let path = dir.join(&name);
        killed(&run(&name), span * i / KILLS);
        // Every other time the resume is killed too, part way.
        if i % 2 == 1 && path.exists() {
            killed(&["resume", &name], span * (KILLS - i) / KILLS / 2);
        }
        if path.exists() {
            cli(["resume", &name]).in_dir(&dir).expect_code(0);
        } else {
            cli(run(&name)).in_dir(&dir).expect_code(0);
        }
        assert!(
            std::fs::read(&path).expect("the log") == whole,
            "killed after {:?}: the log differs",
            span * i / KILLS
        );
    }
    cli(["replay", "k7.log", "--verify"]).in_dir(&dir).expect_code(0);
}

/// Issue 19: two `resume`s of one log started at the same moment never both write: one plays on, the
/// other is refused (exit 1) or, started after the first ended, finds the game over. The log is then
/// the log of one uninterrupted game.
#[test]
fn two_resumes_started_together_leave_the_log_of_one_game() {
    let dir = scratch_dir("race");
    let run = |log: &str, turns: &str| {
        ["run", "kenya-2008", "--course", "historical", "--seed", "5", "--turns", turns, "--log"]
            .into_iter()
            .map(String::from)
            .chain([log.to_string()])
            .collect::<Vec<_>>()
    };
    cli(run("whole.log", "99")).in_dir(&dir).expect_code(0);
    let whole = std::fs::read(dir.join("whole.log")).expect("the uninterrupted log");
    for i in 0..4 {
        let name = format!("r{i}.log");
        cli(run(&name, "2")).in_dir(&dir).expect_code(0);
        let spawn = || {
            std::process::Command::new(env!("CARGO_BIN_EXE_good-offices"))
                .args(["resume", &name])
                .current_dir(&dir)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("resume starts")
        };
        let (a, b) = (spawn(), spawn());
        let outputs = [a.wait_with_output().expect("ends"), b.wait_with_output().expect("ends")];
        let played = outputs.iter().filter(|o| String::from_utf8_lossy(&o.stdout).contains("Turn 3 (")).count();
        assert_eq!(played, 1, "exactly one of the two played on");
        for o in &outputs {
            let (out, err) = (String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
            let refused = o.status.code() == Some(1) && err.contains("is being written by another good-offices");
            let over = o.status.code() == Some(0) && out.contains("This game is already over");
            let went_on = o.status.code() == Some(0) && out.contains("Turn 3 (");
            assert!(refused || over || went_on, "an unexpected end: {:?}\n{out}\n{err}", o.status);
        }
        assert!(std::fs::read(dir.join(&name)).expect("the log") == whole, "race {i}: the log differs");
    }
}
