//! The debrief in a real headless browser (Chromium through `chromium-driver`, as in `serve_browser.rs`):
//! the full report and the printable summary of a Kenya 2008 game opened from their files, as a
//! facilitator opens them. The charts are drawn and their legends take up room on the page (not only
//! present in the markup), the summary prints on at most two A4 pages, and the screenshots are PNGs of
//! a real page. Without `chromedriver` the test is skipped with a message, except in CI (`CI` set). With
//! `GOOD_OFFICES_SCREENSHOTS=DIR` it saves the screenshots there.

use std::path::Path;

use fantoccini::Client;

use crate::support::browser::{browser, chromedriver, pdf_pages, print_a4, screenshot, start_driver};
use crate::support::{good_offices, scratch_dir};

/// The words of every `<text>` of the chart labelled `title` that the browser lays out with a width
/// (text that is hidden, clipped to nothing or never drawn has none).
async fn drawn_texts(client: &Client, title: &str) -> Vec<String> {
    let script = "const svg = document.querySelector(`svg[aria-label=\"${arguments[0]}\"]`); \
                  if (!svg || svg.getBoundingClientRect().width < 300) { return null; } \
                  return Array.from(svg.querySelectorAll('text')) \
                    .filter(t => t.getBBox().width > 0) \
                    .map(t => t.textContent.trim());";
    let found = client.execute(script, vec![serde_json::json!(title)]).await.expect("the script runs");
    let words: Option<Vec<String>> = serde_json::from_value(found).expect("a list of words");
    words.unwrap_or_else(|| panic!("the chart {title:?} is not on the page, or is drawn too small to read"))
}

/// A screenshot of the page as it is: a PNG of a plausible size (a blank page of this size is far smaller).
async fn shot(client: &Client, name: &str) -> usize {
    let png = client.screenshot().await.expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "{name} is not a PNG");
    screenshot(client, name).await;
    png.len()
}

/// Whether the page fits the window's width: a projected page that scrolls sideways hides part of itself.
async fn fits_the_width(client: &Client) -> bool {
    let script = "return document.documentElement.scrollWidth <= document.documentElement.clientWidth;";
    client.execute(script, vec![]).await.expect("the script runs") == serde_json::json!(true)
}

fn url(path: &Path) -> String {
    format!("file://{}", path.display())
}

#[test]
fn the_report_and_the_summary_show_their_charts_and_legends_and_the_summary_prints_on_two_pages() {
    let Some(driver) = chromedriver() else { return };
    let dir = scratch_dir("debrief-browser");
    good_offices(["run", "kenya-2008", "--course", "historical", "--seed", "1", "--log", "k.log"])
        .in_dir(&dir)
        .expect_code(0);
    good_offices(["debrief", "k.log", "--out", "report.html"]).in_dir(&dir).expect_code(0);
    good_offices(["debrief", "k.log", "--summary", "--out", "summary.html"]).in_dir(&dir).expect_code(0);
    // Games the bots play badly have the most objectives not met, the longest summaries: these two printed
    // on three pages before the summary kept only the numbers the missed objectives ended at.
    for (scenario, seed) in [("liberia-2003", "1"), ("kenya-2008", "3")] {
        let log = format!("{scenario}-{seed}.log");
        good_offices(["run", scenario, "--seed", seed, "--log", &log]).in_dir(&dir).expect_code(0);
        good_offices(["debrief", &log, "--summary", "--out", &format!("{scenario}-{seed}.html")])
            .in_dir(&dir)
            .expect_code(0);
    }
    let (driver, port) = start_driver(&driver);
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let client = browser(port, 1280, 900).await;

        client.goto(&url(&dir.join("report.html"))).await.unwrap();
        let toll = drawn_texts(&client, "The human toll").await;
        for label in ["Deaths, in total so far (upper panel)", "People displaced, in total so far (lower panel)"] {
            assert!(toll.iter().any(|w| w == label), "the toll legend lacks {label:?}: {toll:?}");
        }
        let trust = drawn_texts(&client, "Trust of each party in the third parties").await;
        for pair in ["Orange Democratic Movement → United States", "Party of National Unity → United States"] {
            assert!(trust.iter().any(|w| w == pair), "the trust legend lacks {pair:?}: {trust:?}");
        }
        let way_out = drawn_texts(&client, "The way out, per dispute, and when a deal became possible").await;
        for label in ["Deal possible: turn 7", "An agreement needs a way out of at least 50.00"] {
            assert!(way_out.iter().any(|w| w == label), "the way-out chart lacks {label:?}: {way_out:?}");
        }
        let figures = client.execute("return document.querySelectorAll('figure svg').length;", vec![]).await.unwrap();
        assert_eq!(figures, serde_json::json!(5), "stage, way out, toll, trust, pressure");
        assert!(
            fits_the_width(&client).await,
            "the report scrolls sideways (the numbers table has a scroll bar of its own)"
        );
        // The way-out chart in view, as docs/debrief.md shows it.
        client
            .execute("document.querySelector('svg[aria-label^=\"The way out\"]').scrollIntoView();", vec![])
            .await
            .expect("the way-out chart is on the page");
        let size = shot(&client, "debrief-report.png").await;
        assert!(size > 30_000, "the report's charts in a screenshot of {size} bytes");

        client.goto(&url(&dir.join("summary.html"))).await.unwrap();
        let stage = drawn_texts(&client, "Glasl stage of escalation, per dispute").await;
        assert!(stage.iter().any(|w| w == "The disputed presidency"), "the stage legend: {stage:?}");
        assert!(stage.iter().any(|w| w == "7 limited destructive blows"), "the stage names: {stage:?}");
        assert!(fits_the_width(&client).await, "the summary scrolls sideways");
        let size = shot(&client, "debrief-summary.png").await;
        assert!(size > 30_000, "the summary in a screenshot of {size} bytes");
        let pages = pdf_pages(&print_a4(&client).await);
        assert!((1..=2).contains(&pages), "the summary prints on {pages} A4 pages, at most 2");
        for name in ["liberia-2003-1.html", "kenya-2008-3.html"] {
            client.goto(&url(&dir.join(name))).await.unwrap();
            let pages = pdf_pages(&print_a4(&client).await);
            assert!((1..=2).contains(&pages), "{name} prints on {pages} A4 pages, at most 2");
        }

        client.close().await.unwrap();
    });
    drop(driver);
}
