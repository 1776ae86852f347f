//! The handouts on paper, in a real headless Chromium: every sheet of every built-in scenario is laid
//! out at the width of an A4 page and printed on A4 as `brief --out` writes it. Nothing may stick out
//! to the right (a wide table, a long address, a long name), the rules card is one page, and a role
//! sheet at most two.
//!
//! Without `chromedriver` the test is skipped with a message, except in CI (`CI` set), where it fails.
//! With `GOOD_OFFICES_SCREENSHOTS=DIR` it saves a screenshot of a rules card there.

use std::path::Path;

use fantoccini::Client;
use good_offices::brief::doc::Span;
use good_offices::brief::{Selection, handouts, has_role_detail, role_file_stem};
use good_offices::scenario::builtin::BUILT_INS;

use crate::support::browser::{browser, chromedriver, pdf_pages, print_a4, start_driver};
use crate::support::scratch_dir;

/// A4's width at the browser's 96 pixels per inch (210 mm).
const A4_WIDTH_PX: u32 = 794;

/// What sticks out of the page to the right, as the print style lays it out on the 178 mm between
/// A4's 16 mm margins: the page's own scroll width, and each element whose right edge passes the
/// text's or whose content is wider than its box (a table cell with an unbreakable word).
const OVERFLOW: &str = r#"
    for (const sheet of document.styleSheets) {
        for (const rule of sheet.cssRules) {
            if (rule.media && rule.media.mediaText === "print") { rule.media.mediaText = "all"; }
        }
    }
    const html = document.documentElement;
    html.style.width = "178mm";
    const right = html.getBoundingClientRect().right + 0.5;
    const out = [];
    if (html.scrollWidth > html.clientWidth) { out.push("the page scrolls: " + html.scrollWidth + " > " + html.clientWidth); }
    for (const el of document.body.querySelectorAll("*")) {
        const box = el.getBoundingClientRect();
        const wider = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== "inline";
        if (box.right > right || wider) {
            out.push(el.tagName + " (" + Math.round(box.right) + " px, content " + el.scrollWidth + " in " + el.clientWidth + "): " + el.textContent.slice(0, 80));
        }
    }
    return out;
"#;

#[test]
fn every_sheet_of_every_builtin_fits_its_printed_a4_page() {
    let Some(driver) = chromedriver() else { return };
    let dir = scratch_dir("handouts-browser");
    let mut sets = Vec::new();
    for b in BUILT_INS {
        let s = b.load().expect("valid").scenario;
        let out = dir.join(b.id);
        std::fs::create_dir_all(&out).unwrap();
        for f in handouts(&s, Selection::All) {
            std::fs::write(out.join(&f.file), &f.contents).unwrap();
        }
        sets.push((s, out));
    }
    // A sheet made to be too wide: an address and an id without a break in a table and in a line.
    // They must wrap; a block wider than the page must be caught.
    let long = format!("https://example.org/{}", "a".repeat(300));
    let id = format!("an-id-{}", "x".repeat(200));
    let mut wide = good_offices::brief::Sheet::new("Too wide", "en");
    wide.table(&["Where", "Id"], vec![vec![vec![Span::Url(long.clone())], vec![Span::Code(id.clone())]]]);
    wide.para(vec![Span::Url(long), Span::Code(id)]);
    std::fs::write(dir.join("wide.html"), good_offices::brief::html::render(&wide)).unwrap();
    let (driver, port) = start_driver(&driver);
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let client = browser(port, A4_WIDTH_PX, 1123).await;
        open(&client, &dir.join("wide.html")).await;
        assert_eq!(overflow(&client).await, Vec::<String>::new(), "long addresses and ids wrap");
        client
            .execute("document.body.insertAdjacentHTML('beforeend', '<div style=\"width: 300mm\">x</div>');", vec![])
            .await
            .unwrap();
        assert!(!overflow(&client).await.is_empty(), "the check sees a block wider than the page");
        for (s, out) in &sets {
            let id = s.meta.id.as_str();
            let mut pages: Vec<String> = std::fs::read_dir(out)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|f| f.ends_with(".html"))
                .collect();
            pages.sort();
            for page in &pages {
                open(&client, &out.join(page)).await;
                // On screen, at the width of a sheet of A4, nothing scrolls sideways.
                let (scroll, client_width) = widths(&client).await;
                assert!(scroll <= client_width, "{id}/{page} scrolls sideways on screen: {scroll} > {client_width}");
                // As printed: nothing passes the right margin.
                let overflow = overflow(&client).await;
                assert!(overflow.is_empty(), "{id}/{page} overflows the printed page:\n{}", overflow.join("\n"));
            }
            // The rules card is one page; each role sheet a group plays from at most two.
            open(&client, &out.join("rules-card.html")).await;
            let card = print_a4(&client).await;
            assert!(card.starts_with(b"%PDF"), "{id}: the rules card prints");
            assert_eq!(pdf_pages(&card), 1, "{id}: the rules card is one page");
            if id == "kenya-2008" {
                let png = client.screenshot().await.expect("a screenshot");
                assert!(png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 10_000, "a PNG of the rules card");
                if let Some(shots) = std::env::var_os("GOOD_OFFICES_SCREENSHOTS") {
                    std::fs::write(Path::new(&shots).join("handouts-rules-card.png"), &png).unwrap();
                }
            }
            for a in s.actors.iter().filter(|a| has_role_detail(a)) {
                let page = format!("{}.html", role_file_stem(&a.id));
                open(&client, &out.join(&page)).await;
                let pdf = print_a4(&client).await;
                let n = pdf_pages(&pdf);
                assert!(n <= 2, "{id}/{page} prints on {n} pages");
            }
        }
        client.close().await.unwrap();
    });
    drop(driver);
}

async fn open(client: &Client, file: &Path) {
    let url = format!("file://{}", file.canonicalize().unwrap().display());
    client.goto(&url).await.unwrap_or_else(|e| panic!("{url} opens: {e}"));
}

async fn overflow(client: &Client) -> Vec<String> {
    let found = client.execute(OVERFLOW, vec![]).await.expect("the check runs");
    serde_json::from_value(found).unwrap()
}

async fn widths(client: &Client) -> (u64, u64) {
    let v = client
        .execute("return [document.documentElement.scrollWidth, document.documentElement.clientWidth];", vec![])
        .await
        .expect("widths");
    let w: Vec<u64> = serde_json::from_value(v).unwrap();
    (w[0], w[1])
}
