//! The handouts as a facilitator and the groups meet them: the rules card, the mark and the warning
//! for a role without a private briefing, the toll beside the stage, and tool names in words.
//! (The printed page itself is checked in a real browser: `handouts_browser.rs`.)

use good_offices::brief::{Selection, handouts};
use good_offices::model::glasl::stage_name;
use good_offices::scenario::ToolKind;
use good_offices::scenario::builtin::BUILT_INS;

use crate::support::{built_in, good_offices, scratch_dir};

#[test]
fn the_rules_card_says_how_a_turn_works_with_the_engines_own_numbers() {
    let card = good_offices(["brief", "kenya-2008", "--rules-card"]).expect_code(0).stdout();
    assert!(card.starts_with("# Kenya 2008: From Ballots to Bullets to a Grand Coalition — rules card\n"), "{card}");
    assert!(card.contains("*A historical scenario from 31 December 2007. 11 turns of 7 days each."), "{card}");
    // The order limit is the one intake enforces.
    assert_eq!(good_offices::orders::MAX_ORDERS_PER_ACTOR, 3);
    assert!(card.contains("- **Up to three orders a turn**, each with one of the tools on your role sheet."), "{card}");
    assert!(card.contains("“Hold” (doing nothing new) counts as one."), "{card}");
    assert!(card.contains("Outsiders can only **mediate** when both sides of the dispute have accepted mediation"));
    assert!(card.contains("**observers** only go where both sides accept them"));
    // Glasl's nine stages, in order, by the names every other page uses.
    let mut at = 0;
    for n in 1..=9u8 {
        let row = format!("| {n} | *{}* |", stage_name(n));
        let found = card[at..].find(&row).unwrap_or_else(|| panic!("stage {n} ({row}) in order in {card}"));
        at += found;
    }
    assert!(card.contains("*The disputed presidency starts at stage 7 (phase III, lose–lose).*"), "{card}");
    // The way out, with the threshold the signature rule checks.
    assert_eq!(good_offices::rules::ground::AGREEMENT_WAY_OUT, 50.0);
    assert!(card.contains("and the way out is at least 50."), "{card}");
}

#[test]
fn the_rules_card_is_written_with_the_handouts_and_linked_from_the_index() {
    let dir = scratch_dir("handouts-rules-card");
    good_offices(["brief", "tutorial-river-dispute", "--out", "all"]).in_dir(&dir).expect_code(0);
    let index = std::fs::read_to_string(dir.join("all/index.html")).expect("index");
    assert!(index.contains("<a href=\"rules-card.html\">The rules card</a>"), "{index}");
    let md = std::fs::read_to_string(dir.join("all/rules-card.md")).expect("rules-card.md");
    let html = std::fs::read_to_string(dir.join("all/rules-card.html")).expect("rules-card.html");
    // The printed form is the file, and a blank line after it as after every sheet.
    let printed = good_offices(["brief", "tutorial-river-dispute", "--rules-card"]).expect_code(0).stdout();
    assert_eq!(printed, format!("{md}\n"));
    assert!(html.contains("<body class=\"card\">") && html.contains("<h2>The way out</h2>"), "{html}");
    good_offices(["brief", "tutorial-river-dispute", "--rules-card", "--out", "card"]).in_dir(&dir).expect_code(0);
    let mut files: Vec<String> = std::fs::read_dir(dir.join("card"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, ["rules-card.html", "rules-card.md"]);
    good_offices(["brief", "tutorial-river-dispute", "--rules-card", "--role", "doravia"])
        .expect_code(2)
        .stderr_has("cannot be used with");
}

#[test]
fn a_role_without_a_private_briefing_is_marked_on_its_sheet_the_index_and_the_facilitators_sheet() {
    let france = good_offices(["brief", "kenya-2008", "--role", "france"]).expect_code(0).stdout();
    assert!(
        france.contains(
            "**No private briefing.** This role has no secret instructions: its group gets only the public \
             sheet and its tools.\n"
        ),
        "{france}"
    );
    let odm = good_offices(["brief", "kenya-2008", "--role", "odm"]).expect_code(0).stdout();
    assert!(!odm.contains("No private briefing"), "{odm}");
    let facilitator = good_offices(["brief", "kenya-2008", "--facilitator"]).expect_code(0).stdout();
    assert!(facilitator.contains("| France | `france` | State | Hold | — | none |\n"), "{facilitator}");
    assert!(facilitator.contains(
        "| Orange Democratic Movement (Raila Odinga) | `odm` | Party to the conflict | Historical | 7 | yes |\n"
    ));
    assert!(
        facilitator
            .contains("**No private briefing:** a group seated here gets only the public sheet and its tools.\n")
    );
    let dir = scratch_dir("handouts-no-briefing");
    good_offices(["brief", "kenya-2008", "--out", "k"]).in_dir(&dir).expect_code(0);
    let index = std::fs::read_to_string(dir.join("k/index.html")).expect("index");
    assert!(
        index.contains(
            "<li><a href=\"france.html\">France</a> — <em>State</em> · <strong>no private briefing</strong></li>"
        ),
        "{index}"
    );
    assert!(index.contains(
        "<li><a href=\"odm.html\">Orange Democratic Movement (Raila Odinga)</a> — <em>Party to the conflict</em></li>"
    ));
}

#[test]
fn seating_a_role_without_a_private_briefing_warns_and_plays_on() {
    let dir = scratch_dir("handouts-seat-warning");
    let out =
        good_offices(["play", "kenya-2008", "--seat", "france", "--seat", "odm", "--others", "hold", "--log", "k.log"])
            .in_dir(&dir)
            .stdin("stop\n")
            .expect_code(0);
    let warning =
        "warning: France (`france`) has no private briefing: its group gets only the public sheet and its tools\n";
    assert_eq!(out.stderr(), warning);
    // The same on the web room's command line, before the links.
    let mut server = std::process::Command::new(env!("CARGO_BIN_EXE_good-offices"))
        .args(["serve", "kenya-2008", "--seat", "france", "--seat", "odm", "--others", "bots", "--port", "0"])
        .args(["--log", &dir.join("s.log").display().to_string()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("serve starts");
    let mut first = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(server.stdout.take().unwrap()), &mut first).unwrap();
    server.kill().unwrap();
    let output = server.wait_with_output().unwrap();
    assert!(first.starts_with("france http://"), "serve goes on to give the links: {first}");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(stderr.starts_with(warning), "the warning comes before the room opens: {stderr}");
    assert_eq!(stderr.matches("warning:").count(), 1, "{stderr}");
    // Roles with a briefing are seated without a word.
    let quiet = good_offices(["play", "kenya-2008", "--seat", "pnu", "--others", "hold", "--log", "p.log"])
        .in_dir(&dir)
        .stdin("stop\n")
        .expect_code(0);
    assert_eq!(quiet.stderr(), "");
}

#[test]
fn the_public_sheet_states_the_starting_toll_in_words_that_agree_with_the_stage() {
    let kenya = good_offices(["brief", "kenya-2008"]).expect_code(0).stdout();
    assert!(kenya.contains("Escalation: stage 7 of 9, *limited destructive blows* (phase III, lose–lose)."));
    assert!(
        kenya.contains(
            "\nToll counted in this game: 0 dead, 0 displaced so far. The count starts on the first day of the \
             game, 31 December 2007: people killed or driven from their homes before then are not in it.\n"
        ),
        "{kenya}"
    );
    for b in BUILT_INS {
        let s = b.load().expect("loads").scenario;
        let public = good_offices::brief::public_sheet(&s);
        let line = public.lines().find(|l| l.starts_with("Toll ")).unwrap_or_else(|| panic!("{}: a toll", b.id));
        // The numbers stated are the scenario's starting toll.
        let t = &s.conflict.toll;
        let counts = format!(
            "{} dead, {} displaced",
            good_offices::brief::words::number(t.deaths as f64),
            good_offices::brief::words::number(t.displaced as f64)
        );
        assert!(line.contains(&counts), "{}: {line} states {counts}", b.id);
        // A count of nobody dead is never presented as the whole toll where the stage says blows are
        // struck (7 and up) or the crisis is a real one that began before the game.
        let blows = s.conflict.dyads.iter().any(|d| d.stage >= 7);
        if t.deaths == 0 && (blows || !s.meta.fictional) {
            assert!(line.starts_with("Toll counted in this game: 0 dead"), "{}: {line}", b.id);
        } else {
            assert_eq!(line, format!("Toll so far: {counts}."), "{}", b.id);
        }
        // The facilitator reads the same sentence.
        assert!(good_offices::brief::facilitator_sheet(&s).contains(line), "{}", b.id);
    }
}

#[test]
fn no_sheet_names_a_tool_by_its_id() {
    // Single-word ids (`Hold`, `Mediation`) are the plain words too; the ids of two or more words are
    // never English.
    let ids: Vec<String> =
        ToolKind::ALL.iter().map(|t| t.name()).filter(|n| n.chars().filter(|c| c.is_uppercase()).count() > 1).collect();
    for b in BUILT_INS {
        let s = b.load().expect("loads").scenario;
        for file in handouts(&s, Selection::All) {
            for id in &ids {
                assert!(!file.contents.contains(id.as_str()), "{}/{} names `{id}`", b.id, file.file);
            }
        }
    }
    let kessland = good_offices(["brief", "tutorial-river-dispute", "--role", "kessland"]).expect_code(0).stdout();
    assert!(kessland.contains("\n- **Show of force** — Exercises or a visible display of force; raises tension.\n"));
    assert!(kessland.contains(
        "\n- **Accept mediation** — Consent to mediation: by a named mediator, or by any you have not refused.\n"
    ));
    let facilitator = good_offices::brief::facilitator_sheet(&built_in("tutorial-river-dispute"));
    assert!(facilitator.contains("**Tools:** public statement, hold, reinforce, show of force, skirmish, withdraw,"));
}

#[test]
fn validate_warns_at_the_word_when_a_briefing_names_a_tool_its_role_does_not_hold() {
    let dir = scratch_dir("handouts-briefing-tools");
    let text = crate::support::base_scenario().replace(
        "briefing: \"The dam has cut your water. You want a fair share agreed in writing.\"",
        "briefing: \"The dam has cut your water. Accept mediation, or try good offices and a DraftResolution.\"",
    );
    std::fs::write(dir.join("s.ron"), &text).unwrap();
    let out = good_offices(["validate", "s.ron"]).in_dir(&dir).expect_code(0);
    let stderr = out.stderr();
    let line = text.lines().position(|l| l.contains("try good offices")).unwrap() + 1;
    let col = |word: &str| text.lines().nth(line - 1).unwrap().find(word).unwrap() + 1;
    for (word, tool, at) in [
        ("good offices", "GoodOffices", col("good offices")),
        ("DraftResolution", "DraftResolution", col("DraftResolution")),
    ] {
        assert!(
            stderr.contains(&format!(
                "warning[briefing-tool]: the briefing of `belland` names “{word}”, a tool it does not hold (`{tool}`)\n  --> s.ron:{line}:{at}\n"
            )),
            "{word}: {stderr}"
        );
    }
    // "Accept mediation" is a tool Belland holds: no warning, and no `Mediation` inside it.
    assert!(!stderr.contains("“Accept mediation”") && !stderr.contains("“mediation”"), "{stderr}");
    assert!(out.stdout().contains("2 warnings"), "{}", out.stdout());
}
