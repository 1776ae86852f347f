//! A scenario named by id is found as ID.ron in the current folder, in `--scenarios DIR`, in the
//! folders of GOOD_OFFICES_SCENARIOS, then among the built-ins; a miss names where it looked and the
//! near names it found (issue 18).

use std::path::Path;

use crate::support::{base_scenario, good_offices, scratch_dir};

/// Writes the base scenario, titled `title`, as `dir/file`.
fn scenario_file(dir: &Path, file: &str, title: &str) {
    std::fs::create_dir_all(dir).expect("a folder");
    let text = base_scenario().replace("title: \"Base Scenario\"", &format!("title: \"{title}\""));
    std::fs::write(dir.join(file), text).expect("write");
}

#[test]
fn an_id_is_found_in_the_current_folder_then_the_options_then_the_environment_then_the_built_ins() {
    let dir = scratch_dir("lookup-order");
    scenario_file(&dir.join("option"), "crisis.ron", "From the option");
    scenario_file(&dir.join("env"), "crisis.ron", "From the environment");
    scenario_file(&dir.join("env"), "kenya-2008.ron", "A copy of Kenya");
    let env = std::env::join_paths([dir.join("missing"), dir.join("env")]).expect("a path list");
    let env = env.to_str().expect("UTF-8");
    let validate = |args: &[&str]| {
        let out = good_offices(args.iter().copied()).in_dir(&dir).scenario_folders(env).expect_code(0);
        out.stdout()
    };
    assert_eq!(
        validate(&["validate", "crisis"]),
        format!("valid: {}/env/crisis.ron (From the environment)\n", dir.display())
    );
    // `--scenarios` is a global option: before or after the command.
    assert_eq!(
        validate(&["validate", "crisis", "--scenarios", "option"]),
        "valid: option/crisis.ron (From the option)\n"
    );
    assert_eq!(
        validate(&["--scenarios", "option", "validate", "crisis"]),
        "valid: option/crisis.ron (From the option)\n"
    );
    scenario_file(&dir, "crisis.ron", "From the current folder");
    assert_eq!(
        validate(&["validate", "crisis", "--scenarios", "option"]),
        "valid: crisis.ron (From the current folder)\n"
    );
    // A file of a built-in's id is found before the built-in.
    assert_eq!(
        validate(&["validate", "kenya-2008"]),
        format!("valid: {}/env/kenya-2008.ron (A copy of Kenya)\n", dir.display())
    );
    let stdout = good_offices(["validate", "kenya-2008"]).in_dir(&dir).expect_code(0).stdout();
    assert!(stdout.starts_with("valid: scenarios/kenya-2008.ron (Kenya 2008"), "{stdout}");
}

#[test]
fn every_command_that_takes_a_scenario_finds_it_by_id() {
    let dir = scratch_dir("lookup-commands");
    scenario_file(&dir.join("lib"), "river.ron", "River");
    let run = |args: &[&str]| good_offices(args.iter().copied()).in_dir(&dir).expect_code(0);
    run(&["run", "river", "--scenarios", "lib", "--turns", "1", "--log", "g.log"]).stdout_has("Turn 1 (");
    run(&["brief", "river", "--scenarios", "lib"]).stdout_has("# River");
    run(&["sweep", "river", "--scenarios", "lib", "--runs", "3"]).stdout_has("base-scenario: 3 games from seed 1");
}

#[test]
fn a_folder_named_like_the_id_is_not_the_scenario() {
    // `brief ID --out ID/` makes such a folder beside the scenario.
    let dir = scratch_dir("lookup-folder");
    std::fs::create_dir_all(dir.join("tutorial-river-dispute")).expect("a folder");
    let out = good_offices(["validate", "tutorial-river-dispute"]).in_dir(&dir).expect_code(0);
    assert!(out.stdout().starts_with("valid: scenarios/tutorial-river-dispute.ron ("), "{}", out.stdout());
}

#[test]
fn a_miss_says_where_it_looked_and_suggests_the_near_names_it_found() {
    let dir = scratch_dir("lookup-miss");
    scenario_file(&dir.join("lib"), "kenya-2009.ron", "Kenya again");
    scenario_file(&dir.join("lib"), "kenya-2010-draft.ron", "Too far to suggest");
    let out = good_offices(["run", "kenya-2007", "--scenarios", "lib", "--log", "g.log"])
        .in_dir(&dir)
        .scenario_folders(&dir.join("nowhere").display().to_string())
        .expect_code(2);
    assert_eq!(
        out.stderr(),
        format!(
            "error[unreadable]: cannot read `kenya-2007`: no file kenya-2007.ron in the current folder, lib \
             (--scenarios) or {}/nowhere (GOOD_OFFICES_SCENARIOS) (no such folder), and no built-in scenario of that \
             id; did you mean `kenya-2009` (lib/kenya-2009.ron) or `kenya-2008` (built in)?\n--> kenya-2007:1:1\n \
             = help: give the scenario file's path, or add its folder with `--scenarios DIR` or to \
             GOOD_OFFICES_SCENARIOS; `good-offices list` shows the built-in ids\n\n",
            dir.display()
        )
    );
    assert!(!dir.join("g.log").exists(), "no log for a scenario that was not found");
    good_offices(["validate", "--scenarios", "lib/nope", "kenya-2008"]).in_dir(&dir).expect_code(2).stderr_has(
        "error: `--scenarios lib/nope`: no such folder; give a folder that holds scenario files (ID.ron)\n",
    );
}
