//! A real headless browser for the tests that meet a page as a person does: Debian's Chromium,
//! driven through `chromium-driver` (WebDriver, with fantoccini). Without `chromedriver` a test is
//! skipped with a message, except in CI (`CI` set), where it fails: `.ci/run` installs both.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::wd::{PrintConfiguration, PrintMargins, PrintSize};
use fantoccini::{Client, ClientBuilder, Locator};

/// The longest wait for a page to show something.
pub const PATIENCE: Duration = Duration::from_secs(20);

pub fn chromedriver() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths).map(|dir| dir.join("chromedriver")).find(|path| path.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromedriver is not installed: CI must install it (apt-get install chromium chromium-driver)"
        );
        eprintln!(
            "skipped: the headless-browser test needs chromedriver (Debian: apt-get install chromium chromium-driver)"
        );
    }
    found
}

/// A process that is killed when the test ends, passed or failed.
pub struct Killed(pub Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Starts chromedriver on a free port and waits until it listens.
pub fn start_driver(driver: &Path) -> (Killed, u16) {
    let port = free_port();
    let child = Command::new(driver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(started.elapsed() < PATIENCE, "chromedriver does not listen on {port}");
        std::thread::sleep(Duration::from_millis(50));
    }
    (Killed(child), port)
}

/// A browser of its own (its own Chromium and profile) with a window of this size.
pub async fn browser(port: u16, width: u32, height: u32) -> Client {
    let mut capabilities = serde_json::Map::new();
    // As root (CI containers), Chromium needs --no-sandbox.
    let args = ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"];
    capabilities.insert("goog:chromeOptions".into(), serde_json::json!({ "args": args }));
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a browser session");
    client.set_window_size(width, height).await.expect("a window size");
    client
}

/// Waits until the page (it may reload by itself meanwhile) holds `needle`.
pub async fn wait_for(client: &Client, needle: &str) {
    let started = Instant::now();
    loop {
        if let Ok(source) = client.source().await
            && source.contains(needle)
        {
            return;
        }
        assert!(started.elapsed() < PATIENCE, "the page never showed `{needle}`: {}", client.source().await.unwrap());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Clicks what `css` finds, again if the page reloaded under it.
pub async fn click(client: &Client, css: &str) {
    let started = Instant::now();
    loop {
        let clicked = async { client.find(Locator::Css(css)).await?.click().await };
        match clicked.await {
            Ok(()) => return,
            Err(e) => assert!(started.elapsed() < PATIENCE, "cannot click `{css}`: {e}"),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

pub async fn screenshot(client: &Client, name: &str) {
    if let Some(dir) = std::env::var_os("GOOD_OFFICES_SCREENSHOTS") {
        let png = client.screenshot().await.expect("a screenshot");
        std::fs::write(Path::new(&dir).join(name), png).expect("the screenshot is saved");
    }
}

/// Prints the page as the browser's "print" does on A4 with margins of 16 mm (the handouts' and the
/// debrief's page), without shrinking it to fit, and returns the PDF.
pub async fn print_a4(client: &Client) -> Vec<u8> {
    let margin = 1.6;
    let config = PrintConfiguration::builder()
        .size(PrintSize { width: 21.0, height: 29.7 })
        .margins(PrintMargins { top: margin, bottom: margin, left: margin, right: margin })
        .shrink_to_fit(false)
        .build()
        .expect("an A4 print configuration");
    // Chromium now and then answers "Printing failed" to a page just loaded; a moment later it prints.
    let started = Instant::now();
    loop {
        match client.print(config.clone()).await {
            Ok(pdf) => return pdf,
            Err(e) => assert!(started.elapsed() < PATIENCE, "the page does not print: {e}"),
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// How many pages a PDF from Chromium has: the `/Count` of its page tree's root, the largest one
/// (a long document's tree has a node per eight pages below the root).
pub fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    let counts = text.match_indices("/Type /Pages").filter_map(|(at, _)| {
        let node = &text[at..];
        let node = &node[..node.find(">>").unwrap_or(node.len())];
        let count = node.split("/Count ").nth(1)?;
        count.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
    });
    counts.max().expect("a PDF page tree with a /Count")
}
