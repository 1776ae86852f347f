//! `serve`: the room on the groups' own devices. Every route is driven in process through the router
//! (tower's `oneshot`), as a phone's browser would: the security cases (a link acts only for its own
//! holder, the projector shows nothing private, bad requests get a 4xx with plain words), and a room
//! killed mid-turn that `serve --resume` brings back with everything a group locked or sent.

use std::path::PathBuf;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use good_offices::play::Others;
use good_offices::serve::{Settings, Shared, open_new, open_resumed};
use http_body_util::BodyExt;
use tower::ServiceExt;

use crate::support::{good_offices, scratch_dir};

/// A reply as the tests read it.
struct Reply {
    status: StatusCode,
    location: Option<String>,
    content_type: String,
    body: String,
}

/// A room in a scratch folder, served in process.
struct TestRoom {
    log: PathBuf,
    state: Shared,
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime")
}

fn header_for(scenario: &str, seats: &[&str], others: Others) -> (good_offices::Loaded, good_offices::log::LogHeader) {
    let loaded = good_offices::scenario::builtin::find(scenario).expect("built in").load().expect("valid");
    let header = crate::support::room_header(&loaded, seats, &good_offices::serve::start::source_name(others));
    (loaded, header)
}

impl TestRoom {
    fn new(name: &str, scenario: &str, seats: &[&str], others: Others) -> TestRoom {
        let dir = scratch_dir(&format!("serve-{name}"));
        let log = dir.join("room.log");
        let (loaded, header) = header_for(scenario, seats, others);
        let lock = good_offices::log::create(&log, &header).expect("a new log");
        let settings = Settings { bind: "127.0.0.1".into(), port: 8080, turn_minutes: 10 };
        let room = open_new(Arc::new(loaded.scenario), header, log.clone(), lock, others, settings).expect("a room");
        TestRoom { log, state: good_offices::serve::AppState::new(room, "http://127.0.0.1:8080".into()) }
    }

    /// The room read back from its files, as `serve --resume` does after a kill: this room's state is
    /// dropped first (its lock on the log with it).
    fn killed_and_resumed(self) -> (TestRoom, Vec<String>) {
        let log = self.log.clone();
        drop(self);
        // Another test's child process, between its fork and its exec, holds a copy of every open
        // file of this one, the log's lock with it, for a moment: wait that moment out.
        let started = std::time::Instant::now();
        let lock = loop {
            match good_offices::log::lock_existing(&log) {
                Ok(lock) => break lock,
                Err(e) => assert!(started.elapsed() < std::time::Duration::from_secs(10), "the log is free again: {e}"),
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        let loaded = good_offices::log::load(&log).expect("the log reads");
        let scenario =
            Arc::new(good_offices::scenario::builtin::find(&loaded.header.scenario).unwrap().load().unwrap().scenario);
        let (room, warnings) = open_resumed(scenario, loaded.header, loaded.records, loaded.tail, log.clone(), lock)
            .expect("the room resumes");
        (TestRoom { log, state: good_offices::serve::AppState::new(room, "http://127.0.0.1:8080".into()) }, warnings)
    }

    fn token(&self, role: &str) -> String {
        self.state.room().keys.token_of(role).expect("a seat").to_string()
    }

    fn projector(&self) -> String {
        self.state.room().keys.projector.to_string()
    }

    fn facilitator(&self) -> String {
        self.state.room().keys.facilitator.to_string()
    }

    fn send(&self, request: Request<Body>) -> Reply {
        let router = good_offices::serve::router(self.state.clone());
        runtime().block_on(async move {
            let response = router.oneshot(request).await.expect("the router answers");
            let status = response.status();
            let location = response.headers().get(header::LOCATION).map(|v| v.to_str().unwrap().to_string());
            let content_type =
                response.headers().get(header::CONTENT_TYPE).map_or(String::new(), |v| v.to_str().unwrap().to_string());
            // A stream of events never ends: only its headers are read.
            let body = if content_type.starts_with("text/event-stream") {
                String::new()
            } else {
                let bytes = response.into_body().collect().await.expect("a body").to_bytes();
                String::from_utf8(bytes.to_vec()).expect("UTF-8")
            };
            Reply { status, location, content_type, body }
        })
    }

    fn get(&self, path: &str) -> Reply {
        self.send(Request::get(path).body(Body::empty()).unwrap())
    }

    /// A form posted as a browser posts it.
    fn post(&self, path: &str, fields: &[(&str, &str)]) -> Reply {
        let body: String =
            fields.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&");
        self.send(
            Request::post(path)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(body))
                .unwrap(),
        )
    }

    /// A group's page.
    fn page(&self, role: &str) -> String {
        let reply = self.get(&format!("/g/{}", self.token(role)));
        assert_eq!(reply.status, StatusCode::OK);
        reply.body
    }

    /// Posts a group's change and checks it was taken (303 back to the group's page).
    fn act(&self, role: &str, action: &str, fields: &[(&str, &str)]) {
        let token = self.token(role);
        let reply = self.post(&format!("/g/{token}/{action}"), fields);
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{action}: {}", reply.body);
        assert_eq!(reply.location.as_deref(), Some(format!("/g/{token}").as_str()));
    }

    fn console(&self, action: &str, fields: &[(&str, &str)]) {
        let token = self.facilitator();
        let reply = self.post(&format!("/f/{token}/{action}"), fields);
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{action}: {}", reply.body);
    }

    fn records(&self) -> Vec<good_offices::engine::record::TurnRecord> {
        good_offices::log::load(&self.log).expect("the log reads").records
    }
}

/// Form encoding, as a browser does it.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => (b as char).to_string(),
            b' ' => "+".to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The part of a page under a heading, up to the next heading of its level.
fn section<'p>(page: &'p str, heading: &str) -> &'p str {
    let start = page.find(&format!("<h2>{heading}")).unwrap_or_else(|| panic!("no section `{heading}`"));
    let rest = &page[start + 4..];
    &rest[..rest.find("<h2>").unwrap_or(rest.len())]
}

/// The tutorial with three groups (the other seats hold); `name` keeps each test's files apart.
fn river(name: &str) -> TestRoom {
    TestRoom::new(name, "tutorial-river-dispute", &["doravia", "kessland", "river-voices"], Others::Hold)
}

#[test]
fn every_route_answers_its_own_link() {
    let room = river("routes");
    let (group, projector, facilitator) = (room.token("doravia"), room.projector(), room.facilitator());
    for path in [
        "/".to_string(),
        "/assets/room.css".into(),
        "/assets/live.js".into(),
        format!("/g/{group}"),
        format!("/p/{projector}"),
        format!("/f/{facilitator}"),
        format!("/f/{facilitator}/orders"),
        format!("/f/{facilitator}/debrief"),
        format!("/f/{facilitator}/join"),
    ] {
        let reply = room.get(&path);
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert!(!reply.body.is_empty(), "{path}");
    }
    for path in [format!("/g/{group}/events"), format!("/p/{projector}/events"), format!("/f/{facilitator}/events")] {
        let reply = room.get(&path);
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert_eq!(reply.content_type, "text/event-stream", "{path}");
    }
    assert_eq!(room.get("/nowhere").status, StatusCode::NOT_FOUND);
    // The script and the style sheet come from the room itself; nothing is fetched from elsewhere.
    let page = room.page("doravia");
    assert!(page.contains(r#"<link rel="stylesheet" href="/assets/room.css">"#));
    assert!(page.contains(r#"<script src="/assets/live.js" defer>"#));
    assert!(!page.contains("http://") && !page.contains("https://"), "no outside resource");
    // The join sheet holds each group's link as a QR code.
    let sheet = room.get(&format!("/f/{facilitator}/join")).body;
    assert_eq!(sheet.matches("<svg").count(), 3);
    assert!(sheet.contains(&format!("http://127.0.0.1:8080/g/{group}")));
}

#[test]
fn a_group_orders_from_its_menu_locks_in_and_the_turn_is_played_and_logged() {
    let room = river("menu");
    let page = room.page("doravia");
    // The menu offers only what `check` allows; Doravia can reinforce at the river.
    assert!(page.contains(r#"value="Reinforce dyad:mirra""#), "{page}");
    room.act("doravia", "order", &[("order", "Reinforce dyad:mirra")]);
    let page = room.page("doravia");
    assert!(page.contains("Order noted: Reinforce → The Mirra water dispute."));
    let orders = section(&page, "Your orders this turn");
    assert!(orders.contains("Reinforce → The Mirra water dispute"));
    assert!(orders.contains("Lock in these orders"));
    room.act("doravia", "lock", &[]);
    let page = room.page("doravia");
    assert!(page.contains("Locked in."));
    assert!(!page.contains("<h2>Give an order"), "a locked group's menu is closed");
    // A locked group cannot change its orders until it unlocks.
    room.act("doravia", "order", &[("order", "Hold")]);
    assert!(room.page("doravia").contains("Not possible: your orders are locked in; unlock them first"));
    room.console("resolve", &[]);
    let records = room.records();
    assert_eq!(records.len(), 1);
    let doravia: Vec<_> = records[0].submitted.iter().filter(|o| o.actor == "doravia").collect();
    assert_eq!(doravia.len(), 1);
    assert_eq!(doravia[0].tool, good_offices::scenario::ToolKind::Reinforce);
    let page = room.page("doravia");
    assert!(page.contains("<h2>Last turn: what happened and why"));
    assert!(page.contains("Your orders: Reinforce → The Mirra water dispute."));
    assert!(page.contains("Turn 2 of 6"));
    let journal = std::fs::read_to_string(good_offices::serve::journal::journal_path(&room.log)).unwrap();
    assert_eq!(journal.lines().count(), 1, "a fresh journal for turn 2: {journal}");
    assert!(journal.ends_with(" Turn(2)\n"));
}

#[test]
fn a_refused_order_says_why_in_the_words_of_check() {
    let room = river("refused-limit");
    // Three orders are the most a group can give; the fourth is refused on the page.
    for order in ["Reinforce dyad:mirra", "PublicStatement", "PublicStatement dyad:mirra"] {
        room.act("doravia", "order", &[("order", order)]);
    }
    assert!(!room.page("doravia").contains("<h2>Give an order"), "no room left: no menu");
    room.act("doravia", "order", &[("order", "Hold")]);
    assert!(room.page("doravia").contains("Not possible: that is three orders, the most a group can give in a turn."));
    // The menu's refused choices carry `check`'s own reason.
    let room = river("refused-menu");
    room.act("doravia", "order", &[("order", "Reinforce dyad:mirra")]);
    let page = room.page("doravia");
    let view_reason = {
        let r = room.state.room();
        let session = &r.session;
        let view = good_offices::engine::view::View::of_snapshot(&session.scenario, session.state(), 1);
        let order = session.orders_of("doravia")[0].clone();
        good_offices::orders::check(&order, &view, std::slice::from_ref(&order)).expect_err("a repeat is refused")
    };
    assert!(page.contains(&format!("Reinforce → The Mirra water dispute: {}", escape(&view_reason))), "{view_reason}");
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[test]
fn groups_not_locked_in_are_played_per_others_and_their_orders_are_dropped() {
    let room = river("unlocked");
    room.act("doravia", "order", &[("order", "Reinforce dyad:mirra")]);
    room.act("kessland", "order", &[("order", "Reinforce dyad:mirra")]);
    room.act("kessland", "lock", &[]);
    room.console("resolve", &[]);
    let record = &room.records()[0];
    let reinforcing: Vec<&str> = record
        .submitted
        .iter()
        .filter(|o| o.tool == good_offices::scenario::ToolKind::Reinforce)
        .map(|o| o.actor.as_str())
        .collect();
    assert_eq!(reinforcing, ["kessland"], "Doravia did not lock in: it holds (--others hold)");
}

#[test]
fn a_link_acts_only_for_its_holder() {
    let room = river("links");
    let (doravia, projector, facilitator) = (room.token("doravia"), room.projector(), room.facilitator());
    let unknown = "0123456789abcdef0123456789abcdef";
    // A group's link opens neither the console nor the projector; the projector's opens no group page.
    for path in [
        format!("/f/{doravia}"),
        format!("/f/{doravia}/orders"),
        format!("/f/{doravia}/debrief"),
        format!("/f/{doravia}/join"),
        format!("/f/{doravia}/events"),
        format!("/p/{doravia}"),
        format!("/g/{projector}"),
        format!("/g/{facilitator}"),
        format!("/p/{facilitator}"),
        format!("/g/{unknown}"),
        format!("/g/{unknown}/events"),
        format!("/p/{unknown}"),
        format!("/f/{unknown}"),
        "/g/not-a-token".into(),
        // One digit off.
        format!("/g/{}{}", &doravia[..31], if doravia.ends_with('0') { '1' } else { '0' }),
    ] {
        let reply = room.get(&path);
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{path}");
        assert!(reply.body.starts_with("This link is not valid in this room"), "{path}: {}", reply.body);
    }
    for (path, fields) in [
        (format!("/f/{doravia}/resolve"), vec![]),
        (format!("/f/{doravia}/undo"), vec![("confirm", "undo")]),
        (format!("/f/{doravia}/end"), vec![("confirm", "end")]),
        (format!("/f/{doravia}/relink"), vec![("role", "kessland")]),
        (format!("/g/{unknown}/order"), vec![("order", "Hold")]),
        (format!("/g/{unknown}/lock"), vec![]),
        (format!("/g/{projector}/message"), vec![("to", "all"), ("text", "hi")]),
    ] {
        assert_eq!(room.post(&path, &fields).status, StatusCode::FORBIDDEN, "{path}");
    }
    assert!(room.records().is_empty(), "nothing was resolved");
    // No field names another group: the role comes from the link alone.
    room.act("doravia", "order", &[("order", "Reinforce dyad:mirra"), ("actor", "kessland")]);
    room.act("doravia", "message", &[("to", "kessland"), ("text", "from us"), ("from", "kessland")]);
    let reply = room.post(&format!("/g/{doravia}/order"), &[("order", "Hold order kessland Reinforce")]);
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = room.state.room();
    assert_eq!(r.session.orders_of("kessland").len(), 0);
    assert_eq!(r.session.orders_of("doravia").len(), 1);
    assert_eq!(r.session.messages()[0].from, "doravia");
}

#[test]
fn a_group_sees_its_own_orders_and_its_messages_only_and_the_projector_nothing_private() {
    let room = river("privacy");
    // Every group has joined: the projector shows no join code (see the next test for the codes).
    room.page("doravia");
    room.act("doravia", "order", &[("order", "Reinforce dyad:mirra")]);
    room.act("doravia", "message", &[("to", "kessland"), ("text", "Secret offer: the dam for the fish.")]);
    room.act("kessland", "message", &[("to", "all"), ("text", "Kessland speaks to everyone.")]);
    let kessland = room.page("kessland");
    assert!(section(&kessland, "Your orders this turn").contains("No orders yet"));
    assert!(kessland.contains("Secret offer: the dam for the fish."));
    assert!(kessland.contains("Doravia → Kessland"));
    let voices = room.page("river-voices");
    assert!(!voices.contains("Secret offer"), "a message to Kessland is not River Voices'");
    assert!(voices.contains("Kessland speaks to everyone."));
    assert!(section(&voices, "Your orders this turn").contains("No orders yet"));
    let projector = room.get(&format!("/p/{}", room.projector())).body;
    let scenario = room.state.room().session.scenario.clone();
    for seat in ["doravia", "kessland", "river-voices"] {
        let actor = scenario.actor(seat).unwrap();
        // Neither as the role sheet writes it nor as maud would.
        for text in std::iter::once(&actor.briefing).chain(actor.objectives.iter().map(|o| &o.text)) {
            assert!(!projector.contains(&good_offices::brief::html::escape(text)), "{seat}: {text}");
            assert!(!projector.contains(&escape(text)), "{seat}: {text}");
        }
        assert!(!projector.contains(&room.token(seat)), "{seat}'s link");
        // The group's own page has its briefing.
        let briefing = good_offices::brief::html::escape(&actor.briefing);
        assert!(room.page(seat).contains(&briefing), "{seat}'s page has its briefing");
    }
    assert!(!projector.contains("Reinforce"), "no pending order on the projector");
    assert!(!projector.contains("Secret offer") && !projector.contains("speaks to everyone"));
    assert!(!projector.contains(&room.facilitator()));
    // Which groups locked in, never what.
    room.act("doravia", "lock", &[]);
    let projector = room.get(&format!("/p/{}", room.projector())).body;
    let doravia_row = &projector[projector.find("<td>Doravia</td>").unwrap()..];
    assert!(doravia_row[..doravia_row.find("</tr>").unwrap()].contains("locked in"));
    assert!(!projector.contains("Reinforce"));
}

/// Issue 17: the projector shows the join code (the QR code and the link) of each group that has not
/// opened its page yet, takes a group's code down as soon as its page has been opened once, and shows
/// none once every group has joined, nor in a resumed room.
#[test]
fn the_projector_shows_the_join_codes_of_the_groups_not_joined_yet_only() {
    let room = river("codes");
    let projector = || room.get(&format!("/p/{}", room.projector())).body;
    let link = |role: &str| format!("<p class=\"url\">http://127.0.0.1:8080/g/{}</p>", room.token(role));
    let before = projector();
    assert!(before.contains("<h2>Join the game</h2>"), "{before}");
    for seat in ["doravia", "kessland", "river-voices"] {
        assert!(before.contains(&link(seat)), "{seat}'s link: {before}");
    }
    assert_eq!(before.matches("<svg").count(), 3, "one QR code per group (no charts before turn 1)");
    room.page("doravia");
    let after = projector();
    assert!(!after.contains(&room.token("doravia")), "Doravia's token is gone: {after}");
    assert!(after.contains(&link("kessland")) && after.contains(&link("river-voices")));
    assert_eq!(after.matches("<svg").count(), 2);
    room.page("kessland");
    room.page("river-voices");
    let joined = projector();
    for seat in ["doravia", "kessland", "river-voices"] {
        assert!(!joined.contains(&room.token(seat)), "{seat}'s token: {joined}");
    }
    assert!(!joined.contains("Join the game") && !joined.contains("<svg"));
    // A resumed room does not know who joined before the stop: it shows no code at all.
    let (room, _) = room.killed_and_resumed();
    let resumed = room.get(&format!("/p/{}", room.projector())).body;
    for seat in ["doravia", "kessland", "river-voices"] {
        assert!(!resumed.contains(&room.token(seat)), "{seat}'s token after a resume");
    }
}

#[test]
fn everything_shown_is_escaped() {
    let room = river("escaping");
    room.act("doravia", "message", &[("to", "all"), ("text", "<script>alert('x')</script> & <b>bold</b>")]);
    let page = room.page("kessland");
    assert!(page.contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"), "{page}");
    assert!(!page.contains("<script>alert"));
    assert_eq!(page.matches("<script").count(), 1, "only the room's own script");
}

/// A bad request: where it goes, its fields, the status and the start of the words it gets.
type BadCase = (String, Vec<(&'static str, &'static str)>, StatusCode, &'static str);

#[test]
fn bad_requests_get_a_4xx_with_plain_words() {
    let room = river("bad-input");
    let token = room.token("doravia");
    let facilitator = room.facilitator();
    let cases: Vec<BadCase> = vec![
        (
            format!("/g/{token}/order"),
            vec![("order", "Teleport dyad:mirra")],
            StatusCode::UNPROCESSABLE_ENTITY,
            "The order cannot be read: there is no tool `Teleport`",
        ),
        (format!("/g/{token}/order"), vec![], StatusCode::UNPROCESSABLE_ENTITY, "The form has no `order`."),
        (
            format!("/g/{token}/order"),
            vec![("order", "Hold"), ("order", "Hold")],
            StatusCode::UNPROCESSABLE_ENTITY,
            "The form has `order` more than once.",
        ),
        (
            format!("/g/{token}/withdraw"),
            vec![("index", "first")],
            StatusCode::UNPROCESSABLE_ENTITY,
            "`first` is not an order's number.",
        ),
        (
            format!("/g/{token}/ballot"),
            vec![("ballot", "maybe")],
            StatusCode::UNPROCESSABLE_ENTITY,
            "`maybe` is not a ballot",
        ),
        (
            format!("/g/{token}/draft"),
            vec![("tool", "Hold"), ("chapter", "VI")],
            StatusCode::UNPROCESSABLE_ENTITY,
            "`Hold` is not a kind of draft.",
        ),
        (
            format!("/f/{facilitator}/timer"),
            vec![("action", "explode")],
            StatusCode::UNPROCESSABLE_ENTITY,
            "`explode` is not a timer action",
        ),
        (
            format!("/f/{facilitator}/timer"),
            vec![("action", "extend"), ("minutes", "9999")],
            StatusCode::UNPROCESSABLE_ENTITY,
            "`9999` is not 1 to 120 minutes.",
        ),
    ];
    for (path, fields, status, words) in cases {
        let reply = room.post(&path, &fields);
        assert_eq!(reply.status, status, "{path} {fields:?}: {}", reply.body);
        assert!(reply.body.starts_with(words), "{path}: {}", reply.body);
        assert_eq!(reply.content_type, "text/plain; charset=utf-8");
    }
    // Not a form at all.
    let reply = room.send(
        Request::post(format!("/g/{token}/order"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from("{\"order\": \"Hold\"}"))
            .unwrap(),
    );
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(reply.body.starts_with("The request is not a form"));
    // Bytes that are no text.
    let reply = room.send(
        Request::post(format!("/g/{token}/message"))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(vec![0xff, 0xfe, b'=', 0x00, b'&', b'&', b'=']))
            .unwrap(),
    );
    assert!(reply.status.is_client_error(), "{}", reply.status);
    // Too large.
    let big = "x".repeat(40 * 1024);
    let reply = room.post(&format!("/g/{token}/message"), &[("to", "all"), ("text", &big)]);
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(reply.body, "The request is too large: at most 32 KiB.\n");
    // A message over 2,000 characters is refused on the page, with the limit.
    room.act("doravia", "message", &[("to", "all"), ("text", &"é".repeat(2001))]);
    assert!(
        room.page("doravia").contains("Not possible: the message has 2001 characters; a message has at most 2000.")
    );
    room.act("doravia", "message", &[("to", "all"), ("text", "   ")]);
    assert!(room.page("doravia").contains("Not possible: the message is empty."));
    room.act("doravia", "message", &[("text", "to whom?")]);
    assert!(room.page("doravia").contains("Not possible: choose who the message is for."));
    room.act("doravia", "message", &[("to", "nobody"), ("text", "hello")]);
    assert!(room.page("doravia").contains("Not possible: `nobody` is not a group in the room"));
    assert!(room.state.room().session.messages().is_empty());
    // Still serving, and nothing was changed by any of it.
    assert_eq!(room.get(&format!("/g/{token}")).status, StatusCode::OK);
}

#[test]
fn a_link_that_changes_too_fast_is_told_to_wait() {
    let room = river("rate");
    let token = room.token("doravia");
    // A burst goes through; then, faster than the bucket refills, the link is told to wait.
    let mut taken = 0;
    let refused = loop {
        let reply = room.post(&format!("/g/{token}/lock"), &[]);
        if reply.status != StatusCode::SEE_OTHER {
            break reply;
        }
        taken += 1;
        assert!(taken < 200, "never limited");
    };
    assert!(taken >= good_offices::serve::limits::BURST as usize, "{taken}");
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.body.starts_with("Too many changes from this link"));
    // Another group's link is not slowed down, and reading is never limited.
    room.act("kessland", "lock", &[]);
    assert_eq!(room.get(&format!("/g/{token}")).status, StatusCode::OK);
}

#[test]
fn a_room_killed_mid_turn_resumes_with_every_order_lock_and_message() {
    let room = river("kill");
    let (doravia, kessland) = (room.token("doravia"), room.token("kessland"));
    room.act("doravia", "order", &[("order", "Reinforce dyad:mirra")]);
    room.act("doravia", "order", &[("order", "PublicStatement dyad:mirra")]);
    room.act("doravia", "withdraw", &[("index", "1")]);
    room.act("doravia", "lock", &[]);
    room.act("kessland", "message", &[("to", "doravia"), ("text", "Talk tonight?\nAt the bridge.")]);
    room.act("kessland", "order", &[("order", "PublicStatement")]);
    room.console("inject", &[("inject", "two-plans")]);
    let (room, warnings) = room.killed_and_resumed();
    assert!(warnings.is_empty(), "{warnings:?}");
    // The same links work.
    assert_eq!(room.token("doravia"), doravia);
    assert_eq!(room.token("kessland"), kessland);
    let page = room.page("doravia");
    let orders = section(&page, "Your orders this turn");
    assert!(orders.contains("Reinforce → The Mirra water dispute"));
    assert!(!orders.contains("PublicStatement"), "the withdrawn order stays withdrawn");
    assert!(orders.contains("Locked in."));
    assert!(page.contains("Talk tonight?\nAt the bridge."));
    assert!(!room.state.room().is_locked("kessland"));
    assert_eq!(room.state.room().session.orders_of("kessland").len(), 1);
    assert_eq!(room.state.room().session.fired_injects(), ["two-plans"]);
    room.act("kessland", "lock", &[]);
    room.console("resolve", &[]);
    let record = &room.records()[0];
    assert_eq!(record.messages.len(), 1);
    assert_eq!(record.messages[0].text, "Talk tonight?\nAt the bridge.");
    assert_eq!(record.facilitator_injects, ["two-plans"]);
    assert!(
        record.submitted.iter().any(|o| o.actor == "doravia" && o.tool == good_offices::scenario::ToolKind::Reinforce)
    );
    // The served game replays byte for byte.
    let log = room.log.display().to_string();
    drop(room);
    good_offices(["replay", &log, "--verify"]).expect_code(0);
}

#[test]
fn a_torn_journal_line_is_dropped_and_a_stale_journal_is_not_used() {
    let room = river("journal");
    room.act("doravia", "order", &[("order", "Reinforce dyad:mirra")]);
    room.act("kessland", "message", &[("to", "all"), ("text", "cut short")]);
    let journal = good_offices::serve::journal::journal_path(&room.log);
    let text = std::fs::read_to_string(&journal).unwrap();
    // A kill in the middle of the message's line.
    std::fs::write(&journal, &text[..text.len() - 4]).unwrap();
    let (room, warnings) = room.killed_and_resumed();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("line 3 was cut short"), "{warnings:?}");
    assert_eq!(room.state.room().session.orders_of("doravia").len(), 1);
    assert!(room.state.room().session.messages().is_empty());
    // A journal left from turn 1 after turn 1 went to the log is stale.
    let turn_one = std::fs::read_to_string(&journal).unwrap();
    room.act("doravia", "lock", &[]);
    room.console("resolve", &[]);
    std::fs::write(&journal, turn_one).unwrap();
    let (room, warnings) = room.killed_and_resumed();
    assert!(warnings[0].contains("a journal of turn 1, but the log's next turn is 2; it is stale"), "{warnings:?}");
    assert!(room.state.room().session.orders_of("doravia").is_empty());
    let fresh = std::fs::read_to_string(&journal).unwrap();
    assert!(fresh.ends_with(" Turn(2)\n") && fresh.lines().count() == 1, "{fresh}");
}

#[test]
fn the_console_undoes_only_when_confirmed_relinks_and_keeps_links_private() {
    let room = river("undo");
    room.console("resolve", &[]);
    assert_eq!(room.records().len(), 1);
    room.console("undo", &[]);
    assert_eq!(room.records().len(), 1, "not confirmed: nothing undone");
    let console = room.get(&format!("/f/{}", room.facilitator())).body;
    assert!(console.contains("Not possible: tick the box to confirm the undo."));
    room.console("undo", &[("confirm", "undo")]);
    assert!(room.records().is_empty());
    // A new link for a group: the old one stops working, the new one is in the room file.
    let old = room.token("doravia");
    room.console("relink", &[("role", "doravia")]);
    let new = room.token("doravia");
    assert_ne!(old, new);
    assert_eq!(room.get(&format!("/g/{old}")).status, StatusCode::FORBIDDEN);
    assert_eq!(room.get(&format!("/g/{new}")).status, StatusCode::OK);
    let console = room.get(&format!("/f/{}", room.facilitator())).body;
    assert!(
        console
            .contains(&format!("doravia has a new link (the old one no longer works): http://127.0.0.1:8080/g/{new}"))
    );
    let room_file = good_offices::serve::room_path(&room.log);
    assert!(std::fs::read_to_string(&room_file).unwrap().contains(&new));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&room_file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "the room file is its owner's only");
    }
    let (room, _) = room.killed_and_resumed();
    assert_eq!(room.token("doravia"), new);
}

/// "End the game now and score it" from the console: refused until confirmed; then the turn in
/// progress is resolved with the orders locked in (a group not locked in holds) and the game ends,
/// scored, through the same `Session` entry as `play`; every page shows the end and the scores.
#[test]
fn the_console_ends_the_game_now_only_when_confirmed_and_every_page_shows_the_scores() {
    let room = river("end-now");
    room.console("resolve", &[]);
    room.act("doravia", "order", &[("order", "Reinforce dyad:mirra")]);
    room.act("doravia", "lock", &[]);
    room.act("kessland", "order", &[("order", "Reinforce dyad:mirra")]);
    room.console("end", &[]);
    assert_eq!(room.records().len(), 1, "not confirmed: nothing resolved");
    let console = room.get(&format!("/f/{}", room.facilitator())).body;
    assert!(console.contains("Not possible: tick the box to confirm that the game ends now."), "{console}");
    assert!(console.contains("End the game now and score it</button>"), "{console}");
    room.console("end", &[("confirm", "end")]);
    let records = room.records();
    assert_eq!(records.len(), 2);
    let last = &records[1];
    assert!(last.end_now);
    let end = last.end.as_ref().expect("the game ended");
    assert_eq!(end.reason, "the facilitator ended the game after turn 2");
    assert!(end.by_facilitator);
    assert!(last.submitted.iter().any(|o| o.actor == "doravia"), "Doravia locked in: its order is played");
    assert!(!last.submitted.iter().any(|o| o.actor == "kessland"), "Kessland did not lock in: it holds");
    let console = room.get(&format!("/f/{}", room.facilitator())).body;
    assert!(
        console.contains("Turn 2 is resolved and the game is over: the facilitator ended the game after turn 2."),
        "{console}"
    );
    assert!(console.contains("The game is over: open the debrief."));
    assert!(!console.contains("End the game now and score it</button>"), "no second end");
    let projector = room.get(&format!("/p/{}", room.projector())).body;
    for page in [&projector, &room.page("kessland")] {
        assert!(
            page.contains(&format!(
                "<strong>The game ends: </strong>the facilitator ended the game after turn 2. Outcome: {}.",
                escape(&end.outcome_title)
            )),
            "{page}"
        );
        assert!(page.contains("<th>Points</th>"), "{page}");
    }
    let points: u32 = end.objectives.iter().filter(|o| o.actor == "doravia").map(|o| o.points).sum();
    assert!(projector.contains(&format!("<td>Doravia</td><td>{points} of 5</td>")), "{projector}");
    assert!(room.page("doravia").contains("The game is over. Your facilitator will lead the debrief."));
    // Nothing more can be resolved or ended; the log replays as it was played.
    let reply = room.post(&format!("/f/{}/resolve", room.facilitator()), &[]);
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(room.records().len(), 2);
    let dir = room.log.parent().expect("a folder").to_path_buf();
    good_offices(["replay", "--verify", "room.log"]).in_dir(&dir).expect_code(0);
}

#[test]
fn the_orders_of_a_resolved_turn_are_read_on_the_console_only_after_it_is_resolved() {
    let room = river("orders");
    room.act("doravia", "order", &[("order", "Reinforce dyad:mirra")]);
    room.act("doravia", "lock", &[]);
    let path = format!("/f/{}/orders", room.facilitator());
    assert!(!room.get(&path).body.contains("Reinforce"));
    let console = room.get(&format!("/f/{}", room.facilitator())).body;
    assert!(
        console
            .contains("1 of 3 groups are locked in. The groups not locked in, and the seats nobody plays, will hold.")
    );
    room.console("resolve", &[]);
    let orders = room.get(&path).body;
    assert!(orders.contains("<h2>Turn 1"));
    assert!(orders.contains("Doravia (group)"));
    assert!(orders.contains("Reinforce → The Mirra water dispute"));
}

#[test]
fn a_council_member_casts_its_ballot_and_it_reaches_the_log() {
    let room = TestRoom::new("ballot", "cambodia-thailand-2011", &["china", "cambodia"], Others::Bots);
    assert!(room.page("china").contains("<h2>Your ballot at the Security Council"));
    assert!(!room.page("cambodia").contains("<h2>Your ballot"), "Cambodia has no seat on the Council");
    room.act("china", "ballot", &[("ballot", "no")]);
    assert!(room.page("china").contains("Your ballot: <strong>No</strong>"));
    room.act("cambodia", "ballot", &[("ballot", "yes")]);
    assert!(room.page("cambodia").contains("Not possible: `cambodia` has no seat on the Security Council."));
    room.act("china", "lock", &[]);
    room.console("resolve", &[]);
    let record = &room.records()[0];
    assert!(record.ballots.iter().any(|(m, b)| m == "china" && *b == good_offices::engine::record::Ballot::No));
}

#[test]
fn a_draft_built_on_the_page_is_checked_and_given() {
    let room = TestRoom::new("draft", "cambodia-thailand-2011", &["france"], Others::Hold);
    let page = room.page("france");
    if !page.contains(r#"name="tool" value="DraftResolution""#) {
        panic!("France holds DraftResolution in this scenario: {page}");
    }
    let scenario = room.state.room().session.scenario.clone();
    let dyad = scenario.conflict.dyads[0].id.to_string();
    let content = format!("Ceasefire(\"{dyad}\")");
    room.act("france", "draft", &[("tool", "DraftResolution"), ("chapter", "VI"), ("content", &content)]);
    let orders = section(&room.page("france"), "Your orders this turn").to_string();
    assert!(orders.contains("Draft resolution"), "{orders}");
    room.act("france", "draft", &[("tool", "DraftResolution"), ("chapter", "VI")]);
    assert!(room.page("france").contains("Not possible: tick at least one thing the draft should do."));
}

/// The real executable: `serve --port 0` prints each link, a kill loses nothing, `serve --resume`
/// prints the same links.
#[test]
fn the_command_prints_its_links_and_resumes_with_the_same_ones() {
    let dir = scratch_dir("serve-cli");
    let log = dir.join("cli.log");
    let log_arg = log.display().to_string();
    let args = [
        "serve",
        "tutorial-river-dispute",
        "--seat",
        "kessland",
        "--seat",
        "doravia",
        "--log",
        &log_arg,
        "--port",
        "0",
    ];
    let (mut child, links) = start(&args);
    let names: Vec<&str> = links.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["doravia", "kessland", "projector", "facilitator"]);
    for (_, url) in &links {
        assert!(url.starts_with("http://127.0.0.1:"), "{url}");
        assert_eq!(http_get(url).0, 200, "{url}");
    }
    let doravia = &links[0].1;
    assert_eq!(http_post(&format!("{doravia}/lock"), "").0, 303);
    child.kill().unwrap();
    child.wait().unwrap();
    let (mut child, again) = start(&["serve", "--resume", &log_arg, "--port", "0"]);
    let tokens = |links: &[(String, String)]| -> Vec<String> {
        links.iter().map(|(_, u)| u.rsplit('/').next().unwrap().to_string()).collect()
    };
    assert_eq!(tokens(&links), tokens(&again));
    let (_, page) = http_get(&again[0].1);
    assert!(page.contains("Locked in."), "the lock survived the kill");
    child.kill().unwrap();
    child.wait().unwrap();
    // Usage errors are told plainly.
    good_offices(["serve", "tutorial-river-dispute", "--log", &log_arg])
        .expect_code(2)
        .stderr_has("give at least one --seat ROLE");
    good_offices(["serve", "tutorial-river-dispute", "--seat", "doravai", "--log", "x.log"])
        .in_dir(&dir)
        .expect_code(2)
        .stderr_has("did you mean `doravia`?");
    good_offices(["serve", "--resume", "none.log"]).in_dir(&dir).expect_code(2);
    // What only a new game can choose is refused with --resume, not silently ignored.
    for (flag, value) in [("--others", "hold"), ("--seed", "7"), ("--seat", "doravia"), ("--log", "other.log")] {
        good_offices(["serve", "--resume", &log_arg, flag, value])
            .expect_code(2)
            .stderr_has("cannot be used with")
            .stderr_has(flag);
    }
}

/// Starts the executable and reads its links (one `NAME URL` a line, the facilitator's last).
pub fn start(args: &[&str]) -> (std::process::Child, Vec<(String, String)>) {
    use std::io::BufRead;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_good-offices"))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the executable starts");
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let mut links = Vec::new();
    while let Some(Ok(line)) = lines.next() {
        let (name, url) = line.split_once(' ').expect("NAME URL");
        links.push((name.to_string(), url.to_string()));
        if name == "facilitator" {
            break;
        }
    }
    (child, links)
}

/// A plain HTTP/1.1 exchange over loopback: the status and the body.
pub fn http(url: &str, method: &str, body: &str) -> (u16, String) {
    use std::io::{Read, Write};
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_at(rest.find('/').unwrap());
    let mut stream = std::net::TcpStream::connect(host).unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    let status = reply[9..12].parse().unwrap();
    (status, reply)
}

fn http_get(url: &str) -> (u16, String) {
    http(url, "GET", "")
}

fn http_post(url: &str, body: &str) -> (u16, String) {
    http(url, "POST", body)
}

/// A group's menu of orders and what every page shows alike are kept between changes rather than made
/// for every page (`serve::menus`, `Room::public`), but they are never shown stale: each change below
/// shows on the pages at once, and a room opened afresh on the same files shows the same pages.
#[test]
fn pages_kept_between_changes_are_never_stale() {
    let room = river("kept");
    let menu = |room: &TestRoom| menu_of(room, "doravia");
    let repeat = "Reinforce → The Mirra water dispute: the same order was already given this turn";
    let first = menu(&room);
    assert!(first.contains(r#"value="Reinforce dyad:mirra""#) && !first.contains(repeat), "{first}");
    // The group's own orders change its menu, and only its own.
    let kessland = menu_of(&room, "kessland");
    room.act("doravia", "order", &[("order", "Reinforce dyad:mirra")]);
    assert!(menu(&room).contains(repeat));
    assert_eq!(menu_of(&room, "kessland"), kessland);
    room.act("doravia", "withdraw", &[("index", "0")]);
    assert_eq!(menu(&room), first);
    // A resolved turn changes every page; a fresh room shows the same.
    room.act("doravia", "order", &[("order", "Reinforce dyad:mirra")]);
    room.act("doravia", "lock", &[]);
    room.console("resolve", &[]);
    let projector = format!("/p/{}", room.projector());
    let shown = |room: &TestRoom| {
        let (group, screen) = (room.page("doravia"), room.get(&projector).body);
        let parts = [
            section(&group, "Give an order"),
            section(&group, "The situation"),
            section(&screen, "Last turn"),
            section(&screen, "The situation"),
            section(&screen, "So far"),
        ];
        parts.map(str::to_string)
    };
    let resolved = shown(&room);
    let (room, _) = room.killed_and_resumed();
    assert_eq!(shown(&room), resolved);
    // A new link: the menu's forms carry the new token. An undo: turn 1's menu again.
    let old = room.token("doravia");
    room.console("relink", &[("role", "doravia")]);
    let new = room.token("doravia");
    assert!(menu(&room).contains(&format!("/g/{new}/order")) && !menu(&room).contains(&old));
    room.console("undo", &[("confirm", "undo")]);
    assert_eq!(menu(&room), first.replace(&old, &new));
}

fn menu_of(room: &TestRoom, role: &str) -> String {
    section(&room.page(role), "Give an order").to_string()
}

/// Every order a menu offers, in every built-in scenario, travels from the page to the room as the
/// same order (the line format both ways), and so does a draft holding every content on offer.
#[test]
fn every_menu_choice_and_draft_content_reads_back_as_the_same_order() {
    use good_offices::play::{Command, parse_command};
    use good_offices::serve::choices::{choices, draft_body, draft_options};
    let mut checked = 0;
    for built_in in good_offices::scenario::builtin::BUILT_INS {
        let scenario = built_in.load().expect("valid").scenario;
        let state = good_offices::engine::state::Snapshot::initial(&scenario);
        let view = good_offices::engine::view::View::of_snapshot(&scenario, &state, 1);
        for actor in &scenario.actors {
            for choice in choices(&scenario, &view, &actor.id, &[]) {
                let line = format!("order {} {}", actor.id, choice.line);
                assert_eq!(parse_command(&line, &scenario), Ok(Command::Order(choice.order.clone())), "{line}");
                checked += 1;
            }
        }
        let contents: Vec<String> = draft_options(&scenario).into_iter().map(|(_, text)| text).collect();
        if let Some(body) = draft_body(&scenario, good_offices::scenario::ToolKind::DraftResolution) {
            let line = format!("order x DraftResolution body:{body} chapter=VII contents={}", contents.join("+"));
            let Ok(Command::Order(order)) = parse_command(&line, &scenario) else { panic!("{line}") };
            assert_eq!(order.draft.expect("a draft").contents.len(), contents.len());
        }
    }
    assert!(checked > 1000, "{checked} choices");
}

/// A page's stream of events wakes it for what it shows only: a message to Kessland wakes Kessland's
/// page, not River Voices' nor the projector; a group locking in wakes the projector and not the
/// other groups; a resolved turn wakes every page.
#[test]
fn each_page_hears_only_the_changes_it_shows() {
    let room = river("live");
    let runtime = runtime();
    let listen = |path: String| {
        let router = good_offices::serve::router(room.state.clone());
        runtime.block_on(async move {
            router.oneshot(Request::get(path).body(Body::empty()).unwrap()).await.unwrap().into_body()
        })
    };
    let mut kessland = listen(format!("/g/{}/events", room.token("kessland")));
    let mut voices = listen(format!("/g/{}/events", room.token("river-voices")));
    let mut projector = listen(format!("/p/{}/events", room.projector()));
    let next = |body: &mut Body| {
        runtime.block_on(async {
            // Longer than the projector gathers changes before it reloads (200 ms).
            match tokio::time::timeout(std::time::Duration::from_millis(600), body.frame()).await {
                Ok(Some(Ok(frame))) => String::from_utf8(frame.into_data().unwrap().to_vec()).unwrap(),
                Ok(other) => panic!("the stream ended: {:?}", other.map(|f| f.is_ok())),
                Err(_) => "nothing".to_string(),
            }
        })
    };
    // A group opening its page for the first time reloads the projector (its code comes down), not
    // the other groups' pages; opening it again changes nothing.
    room.page("doravia");
    assert_eq!(next(&mut projector), "event: change\ndata: reload\n\n");
    assert_eq!(next(&mut kessland), "nothing");
    room.page("doravia");
    assert_eq!(next(&mut projector), "nothing");
    room.act("doravia", "message", &[("to", "kessland"), ("text", "psst")]);
    assert_eq!(next(&mut kessland), "event: change\ndata: reload\n\n");
    assert_eq!(next(&mut voices), "nothing");
    assert_eq!(next(&mut projector), "nothing");
    // Groups locking in together reload the projector once, not once each.
    room.act("doravia", "lock", &[]);
    room.act("river-voices", "lock", &[]);
    assert_eq!(next(&mut projector), "event: change\ndata: reload\n\n");
    assert_eq!(next(&mut projector), "nothing");
    assert_eq!(next(&mut kessland), "nothing");
    // A resolution reaches every page at once, even a projector gathering locks.
    room.act("kessland", "lock", &[]);
    room.console("resolve", &[]);
    let started = std::time::Instant::now();
    for body in [&mut kessland, &mut voices, &mut projector] {
        assert_eq!(next(body), "event: change\ndata: reload\n\n");
    }
    assert!(started.elapsed() < std::time::Duration::from_millis(150), "{:?}", started.elapsed());
    assert_eq!(next(&mut projector), "nothing", "the locks gathered went out with the resolution");
}

/// A change that comes after a page was rendered but before its stream listens (the page is still
/// loading) reloads the page as soon as the stream opens; a page up to date is not reloaded.
#[test]
fn a_change_made_while_a_page_loads_reloads_it_when_its_stream_opens() {
    let room = river("missed");
    let runtime = runtime();
    let console = room.get(&format!("/f/{}", room.facilitator())).body;
    let at = console.split("data-live=\"").nth(1).and_then(|rest| rest.split('"').next()).expect("a live link");
    assert!(at.ends_with("/events?since=0"), "{at}");
    let listen = |path: &str| {
        let router = good_offices::serve::router(room.state.clone());
        let path = path.to_string();
        runtime.block_on(async move {
            let mut body = router.oneshot(Request::get(path).body(Body::empty()).unwrap()).await.unwrap().into_body();
            match tokio::time::timeout(std::time::Duration::from_millis(600), body.frame()).await {
                Ok(Some(Ok(frame))) => String::from_utf8(frame.into_data().unwrap().to_vec()).unwrap(),
                _ => "nothing".to_string(),
            }
        })
    };
    assert_eq!(listen(at), "nothing", "nothing happened since the page was rendered");
    room.act("doravia", "lock", &[]);
    assert_eq!(listen(at), "event: change\ndata: reload\n\n", "the lock came while the page loaded");
}

#[test]
fn the_console_pauses_resumes_and_extends_the_timer_for_every_page() {
    let room = river("timer");
    let console = || room.get(&format!("/f/{}", room.facilitator())).body;
    assert!(room.page("doravia").contains(r#"data-paused="no""#));
    room.console("timer", &[("action", "pause")]);
    assert!(console().contains("The timer is paused."));
    for page in [room.page("doravia"), room.get(&format!("/p/{}", room.projector())).body] {
        assert!(page.contains(r#"data-paused="yes""#) && page.contains(" (paused)"));
    }
    let left = |page: &str| -> u64 {
        let start = page.find("data-left=\"").unwrap() + "data-left=\"".len();
        page[start..start + page[start..].find('"').unwrap()].parse().unwrap()
    };
    let before = left(&room.page("kessland"));
    room.console("timer", &[("action", "extend"), ("minutes", "5")]);
    assert!(console().contains("The timer is extended by 5 minutes."));
    assert_eq!(left(&room.page("kessland")), before + 300, "paused: exactly five minutes more");
    room.console("timer", &[("action", "resume")]);
    assert!(room.page("kessland").contains(r#"data-paused="no""#));
}

/// Every projector reloads at once after a change, so its page is rendered once for what it shows and
/// kept; each change it shows still reaches it, and a reload with nothing changed gives the same page.
#[test]
fn the_projector_page_kept_between_reloads_follows_every_change_it_shows() {
    let room = river("projector-kept");
    let projector = format!("/p/{}", room.projector());
    let screen = || room.get(&projector).body;
    let row = |page: &str, name: &str| {
        let groups = section(page, "Groups");
        let start = groups.find(&format!("<td>{name}</td>")).unwrap_or_else(|| panic!("no row {name}: {groups}"));
        groups[start..start + groups[start..].find("</tr>").unwrap()].to_string()
    };
    let first = screen();
    assert!(row(&first, "Doravia").contains("not joined yet"), "{first}");
    assert!(first.contains("Join the game"));
    // Paused at once, so the shown time does not move while the test runs.
    room.console("timer", &[("action", "pause")]);
    let paused = screen();
    assert!(paused.contains("(paused)"), "{paused}");
    assert_eq!(screen(), paused, "a reload with nothing changed");
    room.page("doravia");
    let joined = screen();
    assert!(row(&joined, "Doravia").contains("choosing"), "{joined}");
    room.act("doravia", "lock", &[]);
    let locked = screen();
    assert!(row(&locked, "Doravia").contains("locked in"), "{locked}");
    assert!(row(&locked, "Kessland").contains("not joined yet"));
    room.console("timer", &[("action", "resume")]);
    assert!(!screen().contains("(paused)"));
    room.console("resolve", &[]);
    let resolved = screen();
    assert!(resolved.contains("Last turn ("), "{resolved}");
    assert!(row(&resolved, "Doravia").contains("choosing"), "a new turn: nobody is locked in");
}

/// A ballot taken back ("vote as your role's policy would") stays taken back after a kill and
/// `serve --resume`, and the turn is resolved without it.
#[test]
fn a_ballot_taken_back_stays_taken_back_after_a_restart() {
    let room = TestRoom::new("ballot-back", "cambodia-thailand-2011", &["china"], Others::Bots);
    room.act("china", "ballot", &[("ballot", "no")]);
    assert!(room.page("china").contains("Take it back (vote as your role's policy would)"));
    room.act("china", "ballot", &[("ballot", "position")]);
    let page = room.page("china");
    assert!(page.contains("Your ballot: <strong>none yet (you vote as your role's policy would)</strong>"), "{page}");
    assert!(page.contains("Your ballot is taken back: you vote as your role's position decides."), "{page}");
    let (room, warnings) = room.killed_and_resumed();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(room.page("china").contains("Your ballot: <strong>none yet"));
    room.console("resolve", &[]);
    assert!(room.records()[0].ballots.is_empty(), "{:?}", room.records()[0].ballots);
}

/// The projector waits for a burst of locks to end before it reloads: groups locking in one after
/// another, each within the quiet time of the last, reload it once, after the last of them.
#[test]
fn a_burst_of_locks_reloads_the_projector_once_after_it() {
    let room = river("burst");
    let runtime = runtime();
    let router = good_offices::serve::router(room.state.clone());
    let path = format!("/p/{}/events", room.projector());
    let mut projector = runtime
        .block_on(async move { router.oneshot(Request::get(path).body(Body::empty()).unwrap()).await.unwrap() })
        .into_body();
    for (role, action) in [("doravia", "lock"), ("doravia", "unlock"), ("kessland", "lock")] {
        room.act(role, action, &[]);
        std::thread::sleep(std::time::Duration::from_millis(120));
    }
    // The last change of the burst is announced after this moment.
    let last = std::time::Instant::now();
    room.act("river-voices", "lock", &[]);
    let frame = |body: &mut Body| {
        runtime.block_on(async {
            match tokio::time::timeout(std::time::Duration::from_millis(1500), body.frame()).await {
                Ok(Some(Ok(frame))) => String::from_utf8(frame.into_data().unwrap().to_vec()).unwrap(),
                _ => "nothing".to_string(),
            }
        })
    };
    assert_eq!(frame(&mut projector), "event: change\ndata: reload\n\n");
    // Not before 200 ms of quiet after the last change (a reload in the middle of the burst would
    // have been waiting here already).
    assert!(last.elapsed() >= std::time::Duration::from_millis(200), "{:?}", last.elapsed());
    assert_eq!(frame(&mut projector), "nothing", "one reload for the whole burst");
}

/// A group's page shows how far each objective not met is, in its current numbers.
#[test]
fn a_groups_objectives_show_their_current_numbers() {
    let room = TestRoom::new("objective-numbers", "cambodia-thailand-2011", &["china"], Others::Hold);
    let page = room.page("china");
    let objectives = section(&page, "Your objectives now");
    let stage = "<span class=\"waiting\">not met now</span><span class=\"muted\"> — the Preah Vihear border dispute is \
                 at stage 4 (images and coalitions) or lower</span><span class=\"muted\">; the escalation stage of the \
                 Preah Vihear border dispute is at 5 (loss of face) now (needs at most 4)</span>";
    assert!(objectives.contains(stage), "{objectives}");
    // An objective met now, or one that waits on an event, gets no numbers.
    assert_eq!(objectives.matches(" now (needs ").count(), 1, "{objectives}");
}
