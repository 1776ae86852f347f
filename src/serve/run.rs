//! Serving a room: bind, print each link, and answer requests until the process is stopped. Stopping
//! it (Ctrl-C, a kill, a power cut) loses nothing: completed turns are in the log and the turn in
//! progress in the journal; `serve --resume LOG` carries on.

use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, UdpSocket};

use super::http::{AppState, router};
use super::room::Room;

/// Serves `room` on `bind:port` (port 0: a free port, printed); never returns unless the server
/// cannot start or stops with an error. `announce` is called with the links once the port is bound.
pub fn serve(
    mut room: Room,
    bind: IpAddr,
    port: u16,
    announce: impl FnOnce(&[(String, String)]),
) -> std::io::Result<()> {
    no_huge_pages();
    // One thread serves every request; the groups' menus are made on tokio's blocking pool
    // (`serve::menus`), kept to the cores the runtime's thread leaves free (at least one): more menu
    // threads than cores only take the processor from the runtime, and each thread keeps an
    // allocator heap of its own.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .max_blocking_threads(cores.saturating_sub(1).max(1))
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind((bind, port)).await?;
        let bound = listener.local_addr()?;
        // The port actually bound is kept for `serve --resume`, so the printed links stay the same.
        room.keys.settings.port = bound.port();
        room.keys.settings.bind = bind.to_string();
        room.save_keys()?;
        let host = if bind.is_unspecified() { network_address().unwrap_or(bound.ip()) } else { bound.ip() };
        let base = format!("http://{}", SocketAddr::new(host, bound.port()));
        let links = links(&room, &base);
        let state = AppState::new(room, base);
        announce(&links);
        tokio::spawn(super::stats::watch_runtime());
        axum::serve(listener, router(state)).await
    })
}

/// Turns transparent huge pages off for this process (Linux). The allocator (mimalloc) asks for them
/// on its memory, so the first touch of each fresh 2 MiB made the room's thread wait while the kernel
/// found (compacting memory if need be) and zeroed a whole huge page: `perf` found 11 % of the
/// thread's time in it in the load test, at the moments when a turn's pages touch fresh memory. A
/// room's memory is tens of megabytes, so the huge pages gained it nothing, and without them its peak
/// memory halves (47–53 MB to 23–29 MB). Failing to turn them off is no reason not to serve.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
}

/// `(ROLE_ID, URL)` for each seated group, then `projector` and `facilitator`.
pub fn links(room: &Room, base: &str) -> Vec<(String, String)> {
    let mut links: Vec<(String, String)> =
        room.keys.groups.iter().map(|(role, token)| (role.clone(), format!("{base}/g/{token}"))).collect();
    links.push(("projector".to_string(), format!("{base}/p/{}", room.keys.projector)));
    links.push(("facilitator".to_string(), format!("{base}/f/{}", room.keys.facilitator)));
    links
}

/// Prints the links, one `NAME URL` a line, and flushes (a script waits for them).
pub fn print_links(links: &[(String, String)]) {
    let mut out = std::io::stdout().lock();
    for (name, url) in links {
        let _ = writeln!(out, "{name} {url}");
    }
    let _ = out.flush();
}

/// This machine's address on its network, for links that phones on the room's network can open:
/// the address the system would send from towards a documentation address (no packet is sent).
fn network_address() -> Option<IpAddr> {
    let socket = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok()?;
    socket.connect((Ipv4Addr::new(192, 0, 2, 1), 9)).ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_unspecified()).then_some(ip)
}
