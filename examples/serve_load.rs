//! A bounded load test of `serve` on the loopback address (docs/performance.md): GROUPS groups give an
//! order and lock in every turn while LISTENERS projector pages listen to the room's events, over a
//! game of TURNS turns. The room is served as `good-offices serve` serves it (one thread, the same
//! router); the clients are plain HTTP/1.1 over TCP, one connection per request as a phone opening a
//! page would, and each listener keeps one event stream open and reloads its page when told to.
//!
//! ```sh
//! cargo run --release --example serve_load                      # 40 groups, 60 listeners, 12 turns
//! cargo run --release --example serve_load -- 40 60 12
//! cargo run --release --example serve_load -- --unpinned        # the room and clients on any processor
//! ```
//!
//! In a workshop the clients are phones, other machines: they take no processor from the room. So the
//! room's process is kept to one processor and the clients to the others (Linux `sched_setaffinity`;
//! on a machine of one processor, or with `--unpinned`, both run anywhere, and the clients' ~100
//! threads take the room's processor from it). Which processors each side had is printed.
//!
//! It prints the order submissions' latency (p50, p99, max, and the slowest six with their turn),
//! how long after each resolution was requested every listener had the new turn on its page (the
//! slowest listener of each turn: p50 and max over the turns), and the peak memory of the room's
//! process (this program started again with `--room`, so the clients' threads are not counted), then
//! what the room did to serve it: pages rendered, syncs, resolutions, events (`serve::stats`), how
//! long each of its threads ran and waited for a processor, and the machine's load average.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Barrier, Mutex};
use std::time::{Duration, Instant};

use good_offices::play::Others;
use good_offices::scenario::synthetic::synthetic;
use good_offices::serve::{Settings, open_new, run, stats};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--room") {
        // Before the runtime starts its threads, so that they are kept to it too.
        if let Some(cpu) = args.get(3) {
            pin(&[cpu.parse().expect("a processor")]);
            own_session();
        }
        return room(args[1].parse().expect("groups"), args[2].parse().expect("turns"));
    }
    let numbers: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let groups = numbers.first().copied().unwrap_or(40);
    let listeners = numbers.get(1).copied().unwrap_or(60);
    let turns = numbers.get(2).copied().unwrap_or(12) as u32;
    // A shared machine's other work shows in every figure: it is printed with them.
    let load_before = load_average();
    // The room gets the last processor this program may use, the clients the others.
    let cpus = allowed_cpus();
    let room_cpu = match cpus.as_slice() {
        [_, .., last] if !args.iter().any(|a| a == "--unpinned") => Some(*last),
        _ => None,
    };
    if let Some(room_cpu) = room_cpu {
        pin(&cpus.iter().copied().filter(|&c| c != room_cpu).collect::<Vec<_>>());
    }

    // The room in a process of its own, so that its memory is its own: this program again.
    let mut server = std::process::Command::new(std::env::current_exe().expect("this program"))
        .args(["--room", &groups.to_string(), &turns.to_string()])
        .args(room_cpu.map(|cpu| cpu.to_string()))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("the room starts");
    // The clients' memory without transparent huge pages, as the room's (`serve::run`): a group's
    // first page, read into fresh memory, otherwise waited for the kernel to find and zero a 2 MiB page
    // (up to 220 ms in turn 1). Only now, so that the room's own setting is the one measured.
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
    let mut links = Vec::new();
    let mut room_says = BufReader::new(server.stdout.take().expect("its output")).lines();
    for line in room_says.by_ref() {
        let line = line.expect("a line");
        let (name, url) = line.split_once(' ').expect("NAME URL");
        links.push((name.to_string(), url.to_string()));
        if name == "facilitator" {
            break;
        }
    }
    let seats: Vec<String> = links[..links.len() - 2].iter().map(|(name, _)| name.clone()).collect();
    let link = |name: &str| links.iter().find(|(n, _)| n == name).expect("a link").1.clone();
    let projector = link("projector");
    let facilitator = link("facilitator");

    // The turn whose resolution the listeners wait for (0: none), when it was asked for, and each
    // listener's delay for it.
    let resolving = Arc::new(AtomicU32::new(0));
    let asked_at = Arc::new(Mutex::new(Instant::now()));
    let delays: Arc<Mutex<Vec<Vec<Duration>>>> = Arc::new(Mutex::new(vec![Vec::new(); turns as usize + 1]));
    for _ in 0..listeners {
        let (projector, resolving, asked_at, delays) =
            (projector.clone(), resolving.clone(), asked_at.clone(), delays.clone());
        std::thread::spawn(move || listen(&projector, &resolving, &asked_at, &delays));
    }
    std::thread::sleep(Duration::from_millis(300));

    let submissions = Arc::new(Mutex::new(Vec::new()));
    let start_turn = Arc::new(Barrier::new(groups + 1));
    let all_locked = Arc::new(Barrier::new(groups + 1));
    for seat in &seats {
        let (page, submissions, start_turn, all_locked) =
            (link(seat), submissions.clone(), start_turn.clone(), all_locked.clone());
        std::thread::spawn(move || {
            // One reply buffer for the whole game, as a listener has (see `listen`): a fresh one for
            // each page made this process's allocator take fresh memory from the system for 40
            // threads at once at the start of a turn (the kernel zeroing pages: `perf`), and the
            // group threads then waited for the clients' processor for up to 160 ms, measured as
            // the room's latency.
            let mut body = String::with_capacity(1 << 20);
            loop {
                start_turn.wait();
                http_into(&mut body, "GET", &page, "");
                // The first order the menu offers (every one has passed `check`).
                if let Some(order) = first_order(&body) {
                    let form = format!("order={}", encode(&order));
                    let started = Instant::now();
                    let status = http_into(&mut body, "POST", &format!("{page}/order"), &form);
                    submissions.lock().unwrap().push((started, started.elapsed()));
                    assert_eq!(status, 303, "an order is taken");
                }
                let status = http_into(&mut body, "POST", &format!("{page}/lock"), "");
                assert_eq!(status, 303, "a lock is taken");
                all_locked.wait();
            }
        });
    }

    // One request at a time first: what a page costs the room when nothing else is asked.
    let alone = |url: &str| {
        let started = Instant::now();
        let mut body = String::new();
        for _ in 0..20 {
            body = http("GET", url, "").1;
        }
        (started.elapsed() / 20, body)
    };
    let (page_time, page) = alone(&link(&seats[0]));
    let (screen_time, screen) = alone(&projector);
    let mut played = 0;
    let mut turn_starts = Vec::new();
    for turn in 1..=turns {
        // A turn lasts at least a second (a real one lasts minutes): a group's two changes a turn stay
        // within its link's rate (`serve::limits`).
        let turn_started = Instant::now();
        turn_starts.push(turn_started);
        start_turn.wait();
        all_locked.wait();
        *asked_at.lock().unwrap() = Instant::now();
        resolving.store(turn, Ordering::SeqCst);
        let (status, _) = http("POST", &format!("{facilitator}/resolve"), "");
        assert_eq!(status, 303);
        let waited = Instant::now();
        while delays.lock().unwrap()[turn as usize].len() < listeners {
            assert!(waited.elapsed() < Duration::from_secs(30), "listeners not updated after turn {turn}");
            std::thread::sleep(Duration::from_millis(5));
        }
        resolving.store(0, Ordering::SeqCst);
        played = turn;
        std::thread::sleep(Duration::from_secs(1).saturating_sub(turn_started.elapsed()));
        let (_, console) = http("GET", &facilitator, "");
        if console.contains("The game is over") {
            break;
        }
    }

    let mut each_order = submissions.lock().unwrap().clone();
    let mut submitted: Vec<Duration> = each_order.iter().map(|(_, took)| *took).collect();
    submitted.sort();
    let mut slowest: Vec<Duration> =
        delays.lock().unwrap()[1..=played as usize].iter().map(|d| d.iter().copied().max().unwrap()).collect();
    slowest.sort();
    let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
    let at = |v: &[Duration], q: f64| v[((v.len() as f64 - 1.0) * q).round() as usize];
    println!("{groups} groups, {listeners} listeners, {played} turns played");
    println!(
        "processors: the room's process {}, the clients {}",
        cpus_of(&format!("/proc/{}/status", server.id())),
        cpus_of("/proc/self/status")
    );
    println!(
        "scheduling groups: the room's {}, the clients' {}",
        autogroup(&format!("/proc/{}/autogroup", server.id())),
        autogroup("/proc/self/autogroup")
    );
    println!(
        "order submission: p50 {}, p99 {}, max {} ({} orders)",
        ms(at(&submitted, 0.5)),
        ms(at(&submitted, 0.99)),
        ms(*submitted.last().unwrap()),
        submitted.len()
    );
    // Where the slowest orders were: which turn, and how long after the turn started they were sent.
    each_order.sort_by_key(|(_, took)| std::cmp::Reverse(*took));
    let slow: Vec<String> = each_order
        .iter()
        .take(6)
        .map(|(sent, took)| {
            let turn = turn_starts.iter().rposition(|start| start <= sent).unwrap_or(0);
            format!(
                "{} (turn {}, sent at +{:.0} ms)",
                ms(*took),
                turn + 1,
                (*sent - turn_starts[turn]).as_secs_f64() * 1e3
            )
        })
        .collect();
    println!("  the slowest orders: {}", slow.join(", "));
    println!(
        "every listener updated after a resolution: p50 {}, max {} (the slowest listener of each turn)",
        ms(at(&slowest, 0.5)),
        ms(*slowest.last().unwrap())
    );
    // One slow turn is the machine's minute as often as the room's work: each turn's slowest, in order.
    let each: Vec<String> = delays.lock().unwrap()[1..=played as usize]
        .iter()
        .map(|d| format!("{:.0}", d.iter().copied().max().unwrap().as_secs_f64() * 1000.0))
        .collect();
    println!("  each turn's slowest listener, turn by turn (ms): {}", each.join(" "));
    println!(
        "a group's page: {} KiB in {} alone; the projector's: {} KiB in {} (turn 1)",
        page.len() / 1024,
        ms(page_time),
        screen.len() / 1024,
        ms(screen_time)
    );
    println!("peak memory of the room's process: {}", peak_memory(server.id()));
    println!("the room's threads (those that ran 1 ms or more):");
    for line in run_queue(server.id()) {
        println!("  {line}");
    }
    println!("load average (1, 5, 15 minutes): before {load_before}, after {}", load_average());
    // What the room did, counted by the room itself (`serve::stats`): asked for on its input.
    let mut ask = server.stdin.take().expect("its input");
    writeln!(ask, "stats").expect("the room reads its input");
    println!("what the room did (serve::stats):");
    for line in room_says.map_while(Result::ok).take_while(|l| l != "end") {
        println!("  {line}");
    }
    let _ = server.kill();
    let _ = server.wait();
    std::process::exit(0);
}

/// The room: the tutorial grown to a state for each group, played for `turns` turns, served on a free
/// port of the loopback address; prints its links and serves until killed.
fn room(groups: usize, turns: u32) {
    let mut scenario = synthetic(groups + 6);
    scenario.meta.turns = turns;
    let mut seats: Vec<String> = scenario
        .actors
        .iter()
        .filter(|a| a.kind == good_offices::scenario::ActorKind::State)
        .take(groups)
        .map(|a| a.id.to_string())
        .collect();
    assert_eq!(seats.len(), groups, "the synthetic scenario has a state for each group");
    seats.sort();
    let dir = std::env::temp_dir().join(format!("good-offices-serve-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let log = dir.join("load.log");
    let header = good_offices::log::LogHeader {
        format: good_offices::log::LOG_FORMAT,
        engine: env!("CARGO_PKG_VERSION").into(),
        scenario: scenario.meta.id.clone(),
        scenario_hash: good_offices::log::scenario_hash("synthetic"),
        seed: 1,
        seats,
        source: good_offices::serve::start::source_name(Others::Bots),
        scenario_text: "synthetic".into(),
    };
    let lock = good_offices::log::create(&log, &header).expect("a new log");
    let settings = Settings { bind: "127.0.0.1".into(), port: 0, turn_minutes: 0 };
    let room = open_new(Arc::new(scenario), header, log, lock, Others::Bots, settings).expect("a room");
    // The room's counts, printed when the load test asks for them on this process's input.
    stats::watch();
    std::thread::spawn(|| {
        for _ in std::io::stdin().lines().map_while(Result::ok) {
            println!("{}end", stats::report());
            let _ = std::io::stdout().flush();
        }
        // The load test has ended, however it ended: in a session of its own, the room is not stopped
        // with it by a Ctrl-C.
        std::process::exit(0);
    });
    run::serve(room, "127.0.0.1".parse().unwrap(), 0, run::print_links).expect("the room serves");
}

/// One projector page: keeps the event stream open; after each event while a turn is being resolved,
/// it reloads the page, and notes the delay once the page shows the next turn.
fn listen(page: &str, resolving: &AtomicU32, asked_at: &Mutex<Instant>, delays: &Mutex<Vec<Vec<Duration>>>) {
    let (host, path) = split(&format!("{page}/events"));
    let mut stream = TcpStream::connect(&host).expect("connect");
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: text/event-stream\r\n\r\n").unwrap();
    let mut lines = BufReader::new(stream).lines();
    let mut done = 0;
    // The page is read into one buffer made now, large enough for the projector page of a whole game
    // (150 KiB at turn 12). A reply buffer growing for the first time past a size it never had made
    // this process's allocator commit a fresh arena: with 60 listeners at once, a stall of 0.3–0.8 s
    // (turn 1, and turn 10 when the page passed 128 KiB) that the room's thread waited out too, for
    // want of a processor. It was the test's stall, not the room's: measured with
    // `MIMALLOC_ARENA_EAGER_COMMIT=0` set for the clients only (gone) and for the room only (still there).
    let mut body = String::with_capacity(1 << 20);
    while let Some(Ok(line)) = lines.next() {
        if !line.starts_with("event: change") {
            continue;
        }
        let turn = resolving.load(Ordering::SeqCst);
        if turn == 0 || turn == done {
            continue;
        }
        http_into(&mut body, "GET", page, "");
        if body.contains(&format!("Turn {} of", turn + 1)) || body.contains("The game is over.") {
            let delay = asked_at.lock().unwrap().elapsed();
            delays.lock().unwrap()[turn as usize].push(delay);
            done = turn;
        }
    }
}

fn split(url: &str) -> (String, String) {
    let rest = url.strip_prefix("http://").expect("an http link");
    let slash = rest.find('/').unwrap_or(rest.len());
    (rest[..slash].to_string(), rest[slash..].to_string())
}

/// One request on its own connection: the status and the whole reply.
fn http(method: &str, url: &str, form: &str) -> (u16, String) {
    let mut reply = String::new();
    let status = http_into(&mut reply, method, url, form);
    (status, reply)
}

/// [`http`] into a buffer the caller keeps: the status, and the whole reply in `reply`.
fn http_into(reply: &mut String, method: &str, url: &str, form: &str) -> u16 {
    let (host, path) = split(url);
    let mut stream = TcpStream::connect(&host).expect("connect");
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{form}",
        form.len()
    )
    .unwrap();
    reply.clear();
    stream.read_to_string(reply).unwrap();
    reply[9..12].parse().unwrap_or(0)
}

fn first_order(page: &str) -> Option<String> {
    let start = page.find(r#"name="order" value=""#)? + r#"name="order" value=""#.len();
    let end = page[start..].find('"')?;
    Some(page[start..start + end].replace("&quot;", "\"").replace("&amp;", "&"))
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// How long each of the room's threads (the runtime's, the menus' blocking pool, the journal's sync
/// thread) ran and how long it was ready to run but waited for a processor, from /proc (Linux): the
/// wait is the machine's other work and the room's other threads, and it is in every latency measured.
fn run_queue(pid: u32) -> Vec<String> {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return vec!["unknown (no /proc)".to_string()];
    };
    let mut lines = Vec::new();
    for task in tasks.map_while(Result::ok) {
        let read = |file: &str| std::fs::read_to_string(task.path().join(file)).unwrap_or_default();
        let ns: Vec<u64> = read("schedstat").split_whitespace().filter_map(|n| n.parse().ok()).collect();
        if let [ran, waited, ..] = ns.as_slice()
            && *ran >= 1_000_000
        {
            let name = if task.file_name().to_str() == Some(&pid.to_string()) { "main" } else { "" };
            lines.push(format!(
                "{:<16} {:.2} s on a processor, {:.2} s ready but waiting for one",
                format!("{} {name}", read("comm").trim()),
                *ran as f64 / 1e9,
                *waited as f64 / 1e9
            ));
        }
    }
    lines
}

/// The processors this process may run on (Linux `sched_getaffinity`; empty elsewhere).
#[cfg(target_os = "linux")]
fn allowed_cpus() -> Vec<usize> {
    let mut mask = [0u64; 16];
    // SAFETY: the mask is as large as the size given; the C library writes no further.
    if unsafe { sched_getaffinity(0, size_of_val(&mask), mask.as_mut_ptr()) } != 0 {
        return Vec::new();
    }
    (0..mask.len() * 64).filter(|&cpu| mask[cpu / 64] & (1 << (cpu % 64)) != 0).collect()
}

/// Keeps this process's thread, and every thread it starts afterwards, to `cpus`.
#[cfg(target_os = "linux")]
fn pin(cpus: &[usize]) {
    let mut mask = [0u64; 16];
    for &cpu in cpus {
        mask[cpu / 64] |= 1 << (cpu % 64);
    }
    // SAFETY: the mask is as large as the size given; the C library only reads it.
    let done = unsafe { sched_setaffinity(0, size_of_val(&mask), mask.as_ptr()) };
    assert_eq!(done, 0, "kept to processors {cpus:?}: {}", std::io::Error::last_os_error());
}

// The C library's own functions, which the standard library links already: no crate for two calls.
#[cfg(target_os = "linux")]
unsafe extern "C" {
    fn sched_getaffinity(pid: i32, size: usize, mask: *mut u64) -> i32;
    fn sched_setaffinity(pid: i32, size: usize, mask: *const u64) -> i32;
    fn setsid() -> i32;
}

/// Makes this process a session of its own, as `good-offices serve` started from its own terminal is.
/// Linux's scheduler shares the processors between sessions first (autogroups): in the load test's
/// session, the room's share of its processor would be cut by the clients' threads busy on the
/// others, and a build started from another terminal, even at `nice 19`, would take the processor
/// from the room as often as the room had it.
#[cfg(target_os = "linux")]
fn own_session() {
    // SAFETY: no arguments; it fails only if this process leads a process group, which a child does not.
    unsafe { setsid() };
}

#[cfg(not(target_os = "linux"))]
fn own_session() {}

#[cfg(not(target_os = "linux"))]
fn allowed_cpus() -> Vec<usize> {
    Vec::new()
}

#[cfg(not(target_os = "linux"))]
fn pin(_: &[usize]) {}

/// The processors a process may run on, from its /proc status (Linux).
fn cpus_of(status: &str) -> String {
    std::fs::read_to_string(status)
        .ok()
        .and_then(|s| s.lines().find_map(|l| l.strip_prefix("Cpus_allowed_list:")).map(|l| l.trim().to_string()))
        .unwrap_or_else(|| "unknown (no /proc)".to_string())
}

/// A process's scheduling group (Linux's autogroup: one per session) and its nice value.
fn autogroup(file: &str) -> String {
    std::fs::read_to_string(file).map_or_else(|_| "unknown (no autogroups)".to_string(), |s| s.trim().to_string())
}

fn load_average() -> String {
    let text = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    text.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}

/// A process's peak resident memory, from /proc (Linux).
fn peak_memory(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l["VmHWM:".len()..].trim().to_string()))
        .unwrap_or_else(|| "unknown (no /proc)".to_string())
}
