//! `serve` end to end in a real headless browser: Chromium (Debian's `chromium`), driven through
//! `chromium-driver` (WebDriver, with fantoccini). Two groups, the projector and the facilitator play
//! `tutorial-river-dispute` to its end, each in its own browser (separate profiles: no shared cookies
//! or storage), and the log passes `replay --verify`. The pages are used as people use them: buttons
//! clicked, boxes ticked, text typed; the projector and the groups' pages follow each resolution by
//! themselves (server-sent events), which the test waits for.
//!
//! Without `chromedriver` the test is skipped with a message, except in CI (`CI` set), where it fails:
//! `.ci/run` installs `chromium` and `chromium-driver`. With `GOOD_OFFICES_SCREENSHOTS=DIR` it saves
//! the screenshots of docs/facilitator-guide.md there.

use fantoccini::Locator;

use crate::serve::start;
use crate::support::browser::{Killed, browser, chromedriver, click, screenshot, start_driver, wait_for};
use crate::support::{good_offices, scratch_dir};

#[test]
fn two_groups_the_projector_and_the_facilitator_play_the_tutorial_to_its_end_in_browsers() {
    let Some(driver) = chromedriver() else { return };
    let dir = scratch_dir("serve-browser");
    let log = dir.join("browser.log");
    let log_arg = log.display().to_string();
    let (server, links) = start(&[
        "serve",
        "tutorial-river-dispute",
        "--seat",
        "doravia",
        "--seat",
        "kessland",
        "--others",
        "bots",
        "--log",
        &log_arg,
        "--port",
        "0",
    ]);
    let server = Killed(server);
    let link = |name: &str| links.iter().find(|(n, _)| n == name).expect("a link").1.clone();
    let (driver, port) = start_driver(&driver);
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let turns = runtime.block_on(async {
        let doravia = browser(port, 390, 844).await;
        let kessland = browser(port, 390, 844).await;
        let projector = browser(port, 1280, 800).await;
        let console = browser(port, 1280, 900).await;
        doravia.goto(&link("doravia")).await.unwrap();
        kessland.goto(&link("kessland")).await.unwrap();
        projector.goto(&link("projector")).await.unwrap();
        console.goto(&link("facilitator")).await.unwrap();
        wait_for(&console, "<td>yes</td>").await;
        let mut turn = 1;
        loop {
            // Doravia opens its menu, gives a public statement, and locks in.
            click(&doravia, "details:has(input[value='PublicStatement']) > summary").await;
            click(&doravia, "form:has(input[value='PublicStatement dyad:mirra']) button").await;
            wait_for(&doravia, "Order noted: Public statement → The Mirra water dispute.").await;
            if turn == 1 {
                screenshot(&doravia, "serve-group.png").await;
            }
            click(&doravia, "form[action$='/lock'] button").await;
            wait_for(&doravia, "Locked in.").await;
            // Kessland writes to Doravia, then locks in without orders: it holds.
            click(&kessland, "input[name='to'][value='doravia']").await;
            let text = format!("Turn {turn}: shall we talk at the bridge?");
            kessland.find(Locator::Css("textarea[name='text']")).await.unwrap().send_keys(&text).await.unwrap();
            click(&kessland, "form[action$='/message'] button").await;
            wait_for(&kessland, "Message sent.").await;
            wait_for(&doravia, &text).await;
            click(&kessland, "form[action$='/lock'] button").await;
            // The projector sees both locks (never what they chose); the console resolves.
            wait_for(&projector, "<span class=\"locked\">locked in</span></td></tr><tr><td>Kessland</td><td><span class=\"locked\">locked in").await;
            wait_for(&console, "2 of 2 groups are locked in.").await;
            if turn == 1 {
                screenshot(&console, "serve-console.png").await;
            }
            click(&console, "form[action$='/resolve'] button").await;
            wait_for(&console, &format!("Turn {turn} is resolved and saved to the log.")).await;
            // Every page follows by itself.
            wait_for(&projector, "<h2>Last turn").await;
            if turn == 2 {
                wait_for(&projector, "<svg").await;
                screenshot(&projector, "serve-projector.png").await;
            }
            wait_for(&doravia, "Your orders: Public statement → The Mirra water dispute.").await;
            if console.source().await.unwrap().contains("The game is over") {
                wait_for(&projector, "The game is over.").await;
                wait_for(&doravia, "The game is over.").await;
                break;
            }
            turn += 1;
            wait_for(&projector, &format!("Turn {turn} of 6")).await;
            wait_for(&doravia, &format!("Turn {turn} of 6")).await;
        }
        for client in [doravia, kessland, projector, console] {
            client.close().await.unwrap();
        }
        turn
    });
    drop(driver);
    drop(server);
    let records = good_offices::log::load(&log).expect("the log reads").records;
    assert_eq!(records.len() as u32, turns);
    assert!(records.last().unwrap().end.is_some(), "played to its end");
    for record in &records {
        assert_eq!(record.messages.len(), 1, "turn {}", record.turn);
        assert!(record.submitted.iter().any(|o| o.actor == "doravia"));
    }
    good_offices(["replay", &log_arg, "--verify"]).expect_code(0);
}
