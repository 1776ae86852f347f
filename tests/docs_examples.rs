//! The docs' worked examples are real output. Every `$ good-offices …` line shown in a page is run, in
//! page order, and what it prints (standard output, then standard error) must be exactly what the page
//! shows under it; a following `$ echo $?` gives the exit code. The files a page gives as
//! "`/tmp/NAME.ron`:" followed by a `ron` block are written to a scratch folder first, and `/tmp/` in
//! commands and output stands for that folder. A page that drifts from the program fails here.

use std::path::Path;

use crate::support::{good_offices, scratch_dir};

/// The pages with worked examples.
const PAGES: [&str; 2] = ["docs/orders.md", "docs/bots.md"];

fn page(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(name)).expect("the page exists")
}

/// The example files a page gives: "`/tmp/NAME`:" (possibly with more words) and then a ```ron block.
fn example_files(text: &str) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("\n`/tmp/") {
        rest = &rest[at + 2..];
        let name = &rest[5..rest.find('`').expect("closing backtick")];
        let after_line = &rest[rest.find('\n').expect("a line end")..];
        if let Some(block) = after_line.strip_prefix("\n\n```ron\n") {
            files.push((name.to_string(), block[..block.find("```").expect("the block ends")].to_string()));
        }
    }
    files
}

/// One command shown in a page: its arguments, the output shown under it, the exit code if shown.
struct Shown {
    line: String,
    output: String,
    code: Option<i32>,
}

fn shown_commands(text: &str) -> Vec<Shown> {
    let mut commands = Vec::new();
    for block in text.split("```").skip(1).step_by(2) {
        let lines: Vec<&str> = block.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let Some(command) = line.strip_prefix("$ good-offices ") else { continue };
            let output_end = lines[i + 1..].iter().position(|l| l.starts_with("$ ")).map_or(lines.len(), |k| i + 1 + k);
            let code = (lines.get(output_end) == Some(&"$ echo $?"))
                .then(|| lines[output_end + 1].parse().expect("an exit code under `echo $?`"));
            let output: String = lines[i + 1..output_end].iter().map(|l| format!("{l}\n")).collect();
            commands.push(Shown { line: command.to_string(), output, code });
        }
    }
    commands
}

/// `/tmp/ct-ufp.ron` as docs/orders.md describes it: a copy of `cambodia-thailand-2011` with the id
/// `ct-ufp`, France holding the two Assembly tools, and a General Assembly.
fn uniting_for_peace_copy() -> String {
    let s = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/cambodia-thailand-2011.ron"))
        .expect("the built-in scenario");
    let tools = "tools: [PublicStatement, PressElements, PressStatement, PresidentialStatement, DraftResolution]";
    // France's own tools line: the first after its id (other members hold the same tools).
    let at = s.find("id: \"france\"").expect("France is an actor");
    let at = at + s[at..].find(tools).expect("France's tools are where the page says");
    let s = format!(
        "{}{}, RequestEmergencySession, AssemblyResolution]{}",
        &s[..at],
        &tools[..tools.len() - 1],
        &s[at + tools.len()..]
    );
    s.replacen("id: \"cambodia-thailand-2011\"", "id: \"ct-ufp\"", 1).replacen(
        "    bodies: [\n",
        "    bodies: [\n        (id: \"general-assembly\", name: \"UN General Assembly\", kind: GeneralAssembly(size: 192, members: [\"france\", \"china\", \"cambodia\", \"thailand\"])),\n",
        1,
    )
}

fn check_page(name: &str) {
    let text = page(name);
    let dir = scratch_dir(&format!("docs-{}", name.replace(['/', '.'], "-")));
    let tmp = format!("{}/", dir.display());
    for (file, content) in example_files(&text) {
        std::fs::write(dir.join(&file), content).expect("write an example file");
    }
    if text.contains("/tmp/ct-ufp.ron") {
        std::fs::write(dir.join("ct-ufp.ron"), uniting_for_peace_copy()).expect("write the copy");
    }
    let commands = shown_commands(&text);
    assert!(!commands.is_empty(), "{name} shows commands");
    for shown in commands {
        let line = shown.line.replace("/tmp/", &tmp);
        let run = good_offices(line.split_whitespace()).output();
        let printed = format!("{}{}", run.stdout(), run.stderr()).replace(&tmp, "/tmp/");
        assert_eq!(
            printed, shown.output,
            "{name}: `good-offices {}` prints something else than the page shows",
            shown.line
        );
        if let Some(code) = shown.code {
            assert_eq!(run.code(), code, "{name}: `good-offices {}` exit code", shown.line);
        }
    }
}

#[test]
fn the_orders_pages_examples_are_real_output() {
    check_page(PAGES[0]);
}

#[test]
fn the_bots_pages_sweeps_are_real_output() {
    check_page(PAGES[1]);
}

#[test]
fn a_page_is_read_as_commands_with_their_output_and_code() {
    let text = "Run it:\n\n```\n$ good-offices run x --log /tmp/a.log\nline one\nline two\n$ echo $?\n2\n```\n\n`/tmp/o.ron`, the orders:\n\n```ron\n(turns: [])\n```\n";
    let commands = shown_commands(text);
    assert_eq!(commands.len(), 1);
    assert_eq!(commands[0].line, "run x --log /tmp/a.log");
    assert_eq!(commands[0].output, "line one\nline two\n");
    assert_eq!(commands[0].code, Some(2));
    assert_eq!(example_files(text), vec![("o.ron".to_string(), "(turns: [])\n".to_string())]);
}
