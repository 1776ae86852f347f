//! A bounded load test of `serve` on the loopback address (docs/performance.md): GROUPS groups give an
//! order and lock in every turn while LISTENERS projector pages listen to the room's events, over a
//! game of TURNS turns. The room is served as `good-offices serve` serves it (one thread, the same
//! router); the clients are plain HTTP/1.1 over TCP, one connection per request as a phone opening a
//! page would, and each listener keeps one event stream open and reloads its page when told to.
//!
//! ```sh
//! cargo run --release --example serve_load                      # 40 groups, 60 listeners, 12 turns
//! cargo run --release --example serve_load -- 40 60 12
//! ```
//!
//! It prints the order submissions' latency (p50, p99, max), how long after each resolution was
//! requested every listener had the new turn on its page (the slowest listener of each turn: p50 and
//! max over the turns), and the peak memory of the room's process (this program started again with
//! `--room`, so the clients' threads are not counted), then what the room did to serve it: pages
//! rendered, syncs, resolutions, events (`serve::stats`), how long its thread waited for a processor
//! taken by other work, and the machine's load average.

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
        return room(args[1].parse().expect("groups"), args[2].parse().expect("turns"));
    }
    let numbers: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let groups = numbers.first().copied().unwrap_or(40);
    let listeners = numbers.get(1).copied().unwrap_or(60);
    let turns = numbers.get(2).copied().unwrap_or(12) as u32;
    // A shared machine's other work shows in every figure: it is printed with them.
    let load_before = load_average();

    // The room in a process of its own, so that its memory is its own: this program again.
    let mut server = std::process::Command::new(std::env::current_exe().expect("this program"))
        .args(["--room", &groups.to_string(), &turns.to_string()])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("the room starts");
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
            loop {
                start_turn.wait();
                let (_, body) = http("GET", &page, "");
                // The first order the menu offers (every one has passed `check`).
                if let Some(order) = first_order(&body) {
                    let form = format!("order={}", encode(&order));
                    let started = Instant::now();
                    let (status, _) = http("POST", &format!("{page}/order"), &form);
                    submissions.lock().unwrap().push(started.elapsed());
                    assert_eq!(status, 303, "an order is taken");
                }
                let (status, _) = http("POST", &format!("{page}/lock"), "");
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
    for turn in 1..=turns {
        // A turn lasts at least a second (a real one lasts minutes): a group's two changes a turn stay
        // within its link's rate (`serve::limits`).
        let turn_started = Instant::now();
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

    let mut submitted = submissions.lock().unwrap().clone();
    submitted.sort();
    let mut slowest: Vec<Duration> =
        delays.lock().unwrap()[1..=played as usize].iter().map(|d| d.iter().copied().max().unwrap()).collect();
    slowest.sort();
    let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
    let at = |v: &[Duration], q: f64| v[((v.len() as f64 - 1.0) * q).round() as usize];
    println!("{groups} groups, {listeners} listeners, {played} turns played");
    println!(
        "order submission: p50 {}, p99 {}, max {} ({} orders)",
        ms(at(&submitted, 0.5)),
        ms(at(&submitted, 0.99)),
        ms(*submitted.last().unwrap()),
        submitted.len()
    );
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
    println!("the room's thread: {}", run_queue(server.id()));
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

/// How long the room's main thread (the runtime's one thread) ran and how long it was ready to run
/// but waited for a processor, from /proc (Linux): the second is the machine's other work, not the
/// room's, and it is in every latency measured.
fn run_queue(pid: u32) -> String {
    let text = std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/schedstat")).unwrap_or_default();
    let ns: Vec<u64> = text.split_whitespace().filter_map(|n| n.parse().ok()).collect();
    match ns.as_slice() {
        [ran, waited, ..] => format!(
            "{:.2} s on a processor, {:.2} s ready but waiting for one",
            *ran as f64 / 1e9,
            *waited as f64 / 1e9
        ),
        _ => "unknown (no /proc schedstat)".to_string(),
    }
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
