//! The journal's sync thread: every change is confirmed to its group only once the journal line
//! holding it is on the disk, and one thread per journal file does the syncing for all of them.
//!
//! A change's line is written on the runtime's thread (a `write` to the page cache: microseconds);
//! the handler then asks this thread for a sync up to its line and awaits the answer, so the runtime
//! goes on serving meanwhile. The thread takes every request waiting, syncs once everything written
//! so far, and answers them all (group commit: forty groups locking in together cost a few syncs,
//! not forty in a row), and answers at once a request whose line an earlier sync already covered.
//!
//! It replaces a sync per change on tokio's blocking pool, where each waiting change held a thread of
//! its own: with forty at once the pool grew to dozens of threads, each with its own allocator heap,
//! and the room's memory went from 35 MB to 300 MB.

use std::fs::File;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;

use tokio::sync::oneshot;

/// A sync's outcome, as every request it answers receives it (an `io::Error` cannot be copied).
type Outcome = Result<(), String>;

struct Request {
    /// Lines written when the request was made: the sync must cover them.
    mark: u64,
    done: oneshot::Sender<Outcome>,
}

/// The file's lines written and synced so far, shared by the journal and its sync thread.
#[derive(Debug, Default)]
pub struct Counts {
    pub written: AtomicU64,
    /// `sync_data` calls made (what the tests and the load test count).
    pub syncs: AtomicU64,
}

/// The handle on a journal's sync thread; the thread ends once every handle is dropped.
#[derive(Debug, Clone)]
pub struct SyncThread {
    requests: mpsc::Sender<Request>,
}

impl SyncThread {
    pub fn start(file: Arc<File>, counts: Arc<Counts>) -> std::io::Result<SyncThread> {
        let (requests, incoming) = mpsc::channel::<Request>();
        std::thread::Builder::new().name("journal-sync".into()).spawn(move || run(&file, &counts, &incoming))?;
        Ok(SyncThread { requests })
    }

    /// Waits until line `mark` and those before it are on the disk.
    pub async fn sync_through(&self, mark: u64) -> std::io::Result<()> {
        let rx = self.ask(mark)?;
        rx.await.map_err(|_| stopped())?.map_err(std::io::Error::other)
    }

    /// [`SyncThread::sync_through`] for a caller outside the runtime (a test, a tool).
    pub fn sync_through_blocking(&self, mark: u64) -> std::io::Result<()> {
        let rx = self.ask(mark)?;
        rx.blocking_recv().map_err(|_| stopped())?.map_err(std::io::Error::other)
    }

    fn ask(&self, mark: u64) -> std::io::Result<oneshot::Receiver<Outcome>> {
        let (done, rx) = oneshot::channel();
        self.requests.send(Request { mark, done }).map_err(|_| stopped())?;
        Ok(rx)
    }
}

fn stopped() -> std::io::Error {
    std::io::Error::other("the journal's sync thread stopped")
}

fn run(file: &File, counts: &Counts, incoming: &mpsc::Receiver<Request>) {
    let mut synced = 0;
    while let Ok(first) = incoming.recv() {
        let mut waiting = vec![first];
        waiting.extend(incoming.try_iter());
        let outcome = if waiting.iter().all(|r| r.mark <= synced) {
            Ok(())
        } else {
            // Read before the sync: every line counted here is covered by it, and every waiting
            // request's mark was taken after its line was written, so it is at most this.
            let target = counts.written.load(Ordering::SeqCst);
            counts.syncs.fetch_add(1, Ordering::SeqCst);
            let result = crate::serve::stats::DISK_SYNC.time(|| file.sync_data());
            if result.is_ok() {
                synced = target;
            }
            result.map_err(|e| e.to_string())
        };
        for request in waiting {
            // A request whose page has gone away is not waited for.
            let _ = request.done.send(outcome.clone());
        }
    }
}
