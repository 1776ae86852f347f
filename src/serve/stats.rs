//! What the room did and how long it took: counters of page renders (and their bytes), journal syncs,
//! the parts of a resolution and the live events sent, plus how long the runtime's one thread was
//! kept from serving. They explain the load test's times by counting the work behind them
//! (`examples/serve_load.rs` prints them; docs/performance.md). Counting costs a few atomic additions,
//! so it is always on; only the runtime watch ([`watch_runtime`]) waits to be switched on.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};
use std::time::{Duration, Instant};

/// One kind of work: how often, how long in all and at most, and how many bytes it produced.
pub struct Stat {
    name: &'static str,
    count: AtomicU64,
    micros: AtomicU64,
    max_micros: AtomicU64,
    bytes: AtomicU64,
}

impl Stat {
    const fn new(name: &'static str) -> Stat {
        Stat {
            name,
            count: AtomicU64::new(0),
            micros: AtomicU64::new(0),
            max_micros: AtomicU64::new(0),
            bytes: AtomicU64::new(0),
        }
    }

    /// Runs `work` and counts it.
    pub fn time<T>(&self, work: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let out = work();
        self.add(started.elapsed(), 0);
        out
    }

    /// Counts one piece of work that took `took` and produced `bytes`.
    pub fn add(&self, took: Duration, bytes: usize) {
        let micros = took.as_micros().min(u64::MAX as u128) as u64;
        self.count.fetch_add(1, Relaxed);
        self.micros.fetch_add(micros, Relaxed);
        self.max_micros.fetch_max(micros, Relaxed);
        self.bytes.fetch_add(bytes as u64, Relaxed);
    }

    fn line(&self) -> Option<String> {
        let count = self.count.load(Relaxed);
        if count == 0 {
            return None;
        }
        let ms = |micros: u64| micros as f64 / 1000.0;
        let total = self.micros.load(Relaxed);
        let bytes = self.bytes.load(Relaxed);
        let mut line = format!(
            "{:<34} {count:>6}  {:>9.1} ms in all  {:>7.2} ms each  {:>7.1} ms at most",
            self.name,
            ms(total),
            ms(total) / count as f64,
            ms(self.max_micros.load(Relaxed))
        );
        if bytes > 0 {
            line.push_str(&format!("  {:>7.1} KiB each", bytes as f64 / count as f64 / 1024.0));
        }
        Some(line)
    }
}

pub static GROUP_PAGE: Stat = Stat::new("group page rendered");
pub static GROUP_MENU: Stat = Stat::new("group menu of orders rendered");
pub static SITUATION: Stat = Stat::new("situation report rendered");
pub static PROJECTOR_PAGE: Stat = Stat::new("projector page rendered");
pub static PROJECTOR_KEPT: Stat = Stat::new("projector page served as kept");
pub static CHARTS: Stat = Stat::new("debrief charts drawn");
pub static CHANGE: Stat = Stat::new("change applied and journaled");
pub static JOURNAL_WAIT: Stat = Stat::new("change waiting for its sync");
pub static DISK_SYNC: Stat = Stat::new("journal synced to the disk");
pub static RESOLVE: Stat = Stat::new("turn resolved (all of it)");
pub static PLAY: Stat = Stat::new("  the engine's turn and the bots");
pub static LOG_APPEND: Stat = Stat::new("  appended to the log and synced");
pub static JOURNAL_START: Stat = Stat::new("  next journal started and synced");
pub static EVENTS: Stat = Stat::new("live events sent to pages");
pub static RUNTIME_BUSY: Stat = Stat::new("runtime thread late by 2 ms or more");

const ALL: [&Stat; 15] = [
    &GROUP_PAGE,
    &GROUP_MENU,
    &SITUATION,
    &PROJECTOR_PAGE,
    &PROJECTOR_KEPT,
    &CHARTS,
    &CHANGE,
    &JOURNAL_WAIT,
    &DISK_SYNC,
    &RESOLVE,
    &PLAY,
    &LOG_APPEND,
    &JOURNAL_START,
    &EVENTS,
    &RUNTIME_BUSY,
];

/// Every kind of work done at least once, a line each.
pub fn report() -> String {
    ALL.iter().filter_map(|stat| stat.line()).map(|line| line + "\n").collect()
}

static WATCHING: AtomicBool = AtomicBool::new(false);

/// Switches the runtime watch on (the load test does; a workshop's room has no use for it).
pub fn watch() {
    WATCHING.store(true, Relaxed);
}

/// While switched on, wakes every millisecond and counts how late it woke: a wake-up 2 ms or more
/// late means the runtime's one thread was busy with something that did not yield (a page rendered,
/// a file synced, a turn resolved) and every other request waited that long.
pub async fn watch_runtime() {
    if !WATCHING.load(Relaxed) {
        return;
    }
    let tick = Duration::from_millis(1);
    loop {
        let asked = Instant::now();
        tokio::time::sleep(tick).await;
        let late = asked.elapsed().saturating_sub(tick);
        if late >= Duration::from_millis(2) {
            RUNTIME_BUSY.add(late, 0);
        }
    }
}
