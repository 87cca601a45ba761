//! The message journal: the raw frames of each station, for diagnostics, in a database file of
//! its own (`NAME.journal.db` beside `NAME.db`) written by a thread of its own.
//!
//! Frames are not billing data, and there are two for every message: in the billing database
//! they made every group commit (and so every acknowledgement) wait for twice as many rows and
//! their fsync. Here they are committed in batches every [`LINGER`], with `synchronous=NORMAL`
//! (a power loss may lose the last frames, never the file). A read first commits whatever is
//! pending, so the API shows every frame exchanged before it was asked.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

use rusqlite::{Connection, params};
use tokio::sync::oneshot;

use super::convert::{millis, time_at};
use super::pool::ReaderPool;
use crate::domain::{Direction, JournalEntry, StationId};
use crate::store::{StoreError, StoreResult};

/// How long frames wait to be committed together. Each commit rewrites one page of the
/// station index per station that sent frames (not per frame), so under load a longer wait
/// writes far less: at 1,500 busy stations, 200 ms meant ~40 MB/s of WAL.
const LINGER: Duration = Duration::from_secs(1);
/// Frames waiting beyond this many are dropped: the journal is best-effort, memory is not.
const MAX_PENDING: usize = 100_000;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS journal (
    seq        INTEGER PRIMARY KEY,
    station_id TEXT    NOT NULL,
    at         INTEGER NOT NULL,
    direction  TEXT    NOT NULL,
    frame      TEXT    NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS journal_station ON journal (station_id, seq);
PRAGMA user_version = 1;
";

/// The journal file that belongs to the database at `path`.
pub(crate) fn path_beside(path: &Path) -> PathBuf {
    path.with_extension("journal.db")
}

enum Op {
    Frame(JournalEntry),
    /// The station was deleted: so are its frames.
    Forget(StationId),
}

#[derive(Default)]
struct State {
    ops: Vec<Op>,
    frames: usize,
    flushes: Vec<oneshot::Sender<()>>,
    closing: bool,
}

impl State {
    fn urgent(&self) -> bool {
        !self.flushes.is_empty() || self.closing
    }
}

#[derive(Default)]
struct Shared {
    state: Mutex<State>,
    wake: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }
}

pub(crate) struct Journal {
    shared: Arc<Shared>,
    readers: Arc<ReaderPool>,
    thread: Mutex<Option<JoinHandle<()>>>,
}

impl Journal {
    /// Open (creating if needed) the journal at `path` and start its writer, keeping the
    /// newest `limit` frames per station.
    pub(crate) fn open(path: &Path, limit: usize, busy_timeout: Duration) -> StoreResult<Journal> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(busy_timeout)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.execute_batch(SCHEMA)?;
        let shared = Arc::new(Shared::default());
        let writer = Writer {
            conn,
            shared: Arc::clone(&shared),
            limit,
            counts: HashMap::new(),
        };
        let thread = std::thread::Builder::new()
            .name("switchyard-journal".into())
            .spawn(move || writer.run())
            .map_err(|e| StoreError::Database(format!("journal thread: {e}")))?;
        Ok(Journal {
            shared,
            readers: Arc::new(ReaderPool::new(path.to_path_buf(), busy_timeout)),
            thread: Mutex::new(Some(thread)),
        })
    }

    pub(crate) fn push(&self, entry: JournalEntry) {
        self.enqueue(Op::Frame(entry));
    }

    pub(crate) fn forget(&self, station: StationId) {
        self.enqueue(Op::Forget(station));
    }

    fn enqueue(&self, op: Op) {
        let was_empty = {
            let mut state = self.shared.lock();
            if state.closing || (matches!(op, Op::Frame(_)) && state.frames >= MAX_PENDING) {
                return;
            }
            if matches!(op, Op::Frame(_)) {
                state.frames += 1;
            }
            let was_empty = state.ops.is_empty();
            state.ops.push(op);
            was_empty
        };
        // The writer takes the whole list: it only needs waking when the list was empty.
        if was_empty {
            self.shared.wake.notify_one();
        }
    }

    /// Commit what is pending now; resolves once it is.
    async fn flush(&self) {
        let (done, committed) = oneshot::channel();
        {
            let mut state = self.shared.lock();
            if state.closing {
                return;
            }
            state.flushes.push(done);
        }
        self.shared.wake.notify_one();
        // Err: the writer is gone; there is nothing more to wait for.
        let _ = committed.await;
    }

    /// The last `limit` frames of a station, oldest first.
    pub(crate) async fn entries(
        &self,
        station_id: &StationId,
        limit: usize,
    ) -> StoreResult<Vec<JournalEntry>> {
        self.flush().await;
        let station_id = station_id.clone();
        self.readers
            .read(move |conn| entries(conn, &station_id, limit))
            .await
    }

    /// Commit what is pending and stop the writer.
    pub(crate) async fn close(&self) {
        self.shared.lock().closing = true;
        self.shared.wake.notify_one();
        let thread = self.thread.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(thread) = thread
            && tokio::task::spawn_blocking(move || thread.join())
                .await
                .map_or(true, |joined| joined.is_err())
        {
            tracing::error!("the journal thread ended abnormally");
        }
        self.readers.clear();
    }
}

struct Writer {
    conn: Connection,
    shared: Arc<Shared>,
    limit: usize,
    /// Frames inserted per station since its last trim.
    counts: HashMap<StationId, usize>,
}

impl Writer {
    fn run(mut self) {
        loop {
            let (ops, flushes, closing) = {
                let mut state = self.shared.lock();
                while state.ops.is_empty() && !state.urgent() {
                    state = self
                        .shared
                        .wake
                        .wait(state)
                        .unwrap_or_else(|p| p.into_inner());
                }
                if !state.urgent() {
                    // Gather more frames into this commit, unless someone waits for it.
                    state = self
                        .shared
                        .wake
                        .wait_timeout_while(state, LINGER, |s| !s.urgent())
                        .unwrap_or_else(|p| p.into_inner())
                        .0;
                }
                state.frames = 0;
                (
                    std::mem::take(&mut state.ops),
                    std::mem::take(&mut state.flushes),
                    state.closing,
                )
            };
            if let Err(error) = self.commit(&ops) {
                tracing::warn!(%error, ops = ops.len(), "journal frames not stored");
                if !self.conn.is_autocommit() {
                    let _ = self.conn.execute_batch("ROLLBACK");
                }
            }
            for flush in flushes {
                let _ = flush.send(());
            }
            if closing {
                tracing::debug!("journal writer stopped");
                return;
            }
        }
    }

    /// Insert the frames and deletions in order, and trim each station that gained a tenth
    /// of the limit since its last trim.
    fn commit(&mut self, ops: &[Op]) -> rusqlite::Result<()> {
        if ops.is_empty() {
            return Ok(());
        }
        let step = (self.limit / 10).max(1);
        let mut to_trim = Vec::new();
        self.conn.execute_batch("BEGIN")?;
        for op in ops {
            match op {
                Op::Frame(entry) => {
                    self.conn
                        .prepare_cached(
                            "INSERT INTO journal (station_id, at, direction, frame) \
                             VALUES (?1, ?2, ?3, ?4)",
                        )?
                        .execute(params![
                            entry.station_id.as_str(),
                            millis(entry.at),
                            entry.direction.as_str(),
                            entry.frame,
                        ])?;
                    let count = self.counts.entry(entry.station_id.clone()).or_default();
                    *count += 1;
                    if *count == step {
                        to_trim.push(entry.station_id.clone());
                    }
                }
                Op::Forget(station) => {
                    self.conn
                        .prepare_cached("DELETE FROM journal WHERE station_id = ?1")?
                        .execute([station.as_str()])?;
                    self.counts.remove(station);
                }
            }
        }
        let keep = i64::try_from(self.limit).unwrap_or(i64::MAX);
        for station in to_trim {
            self.conn
                .prepare_cached(
                    "DELETE FROM journal WHERE station_id = ?1 AND seq <= ( \
                         SELECT seq FROM journal WHERE station_id = ?1 \
                         ORDER BY seq DESC LIMIT 1 OFFSET ?2)",
                )?
                .execute(params![station.as_str(), keep])?;
            self.counts.insert(station, 0);
        }
        self.conn.execute_batch("COMMIT")
    }
}

fn entries(
    conn: &Connection,
    station_id: &StationId,
    limit: usize,
) -> rusqlite::Result<Vec<JournalEntry>> {
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let mut stmt = conn.prepare_cached(
        "SELECT at, direction, frame FROM ( \
             SELECT seq, at, direction, frame FROM journal WHERE station_id = ?1 \
             ORDER BY seq DESC LIMIT ?2 \
         ) ORDER BY seq",
    )?;
    let rows = stmt.query_map(params![station_id.as_str(), limit], |row| {
        let direction: String = row.get(1)?;
        let direction = match direction.as_str() {
            "in" => Direction::In,
            "out" => Direction::Out,
            _ => {
                return Err(rusqlite::Error::FromSqlConversionFailure(
                    1,
                    rusqlite::types::Type::Text,
                    format!("unknown direction {direction:?}").into(),
                ));
            }
        };
        Ok(JournalEntry {
            station_id: station_id.clone(),
            at: time_at(row, 0)?,
            direction,
            frame: row.get(2)?,
        })
    })?;
    rows.collect()
}
