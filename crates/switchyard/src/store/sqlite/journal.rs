//! The message journal: the raw frames of each station, for diagnostics, in a database file of
//! its own (`NAME.journal.db` beside `NAME.db`) written by a thread of its own.
//!
//! Frames are not billing data, and there are two for every message: in the billing database
//! they made every group commit (and so every acknowledgement) wait for twice as many rows and
//! their fsync. Here they are committed in batches every [`LINGER`], with `synchronous=NORMAL`
//! (a power loss may lose the last frames, never the file), and each commit stores one row
//! per station holding all of that station's new frames (a chunk), not one row per frame. A
//! read first commits whatever is pending, so the API shows every frame exchanged before it
//! was asked.
//!
//! A chunk's `data` is a sequence of frames, each: time (unix ms, i64 little-endian),
//! direction (one byte, 0 in, 1 out), length (u32 little-endian), the frame's UTF-8 text.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

use rusqlite::{Connection, params};
use tokio::sync::oneshot;

use super::convert::millis;
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
CREATE TABLE IF NOT EXISTS journal_chunks (
    seq        INTEGER PRIMARY KEY,
    station_id TEXT    NOT NULL,
    frames     INTEGER NOT NULL,
    data       BLOB    NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS journal_chunks_station ON journal_chunks (station_id, seq);
-- Version 1 kept one row per frame; its frames are not carried over.
DROP TABLE IF EXISTS journal;
PRAGMA user_version = 2;
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
    /// Frames kept per station: reads never return more, though the oldest chunk kept may
    /// hold a few older ones until the next trim.
    limit: usize,
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
            limit,
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
        let limit = limit.min(self.limit);
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
        self.readers.close().await;
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

    /// Store one chunk per station with the frames of `ops` (deletions applied in order), and
    /// trim each station that gained a tenth of the limit since its last trim.
    fn commit(&mut self, ops: &[Op]) -> rusqlite::Result<()> {
        if ops.is_empty() {
            return Ok(());
        }
        self.conn.execute_batch("BEGIN")?;
        // (station, encoded frames, how many), in order of each station's first frame.
        let mut chunks: Vec<(&StationId, Vec<u8>, usize)> = Vec::new();
        let mut open: HashMap<&StationId, usize> = HashMap::new();
        for op in ops {
            match op {
                Op::Frame(entry) => {
                    let index = *open.entry(&entry.station_id).or_insert_with(|| {
                        chunks.push((&entry.station_id, Vec::new(), 0));
                        chunks.len() - 1
                    });
                    let (_, data, frames) = &mut chunks[index];
                    encode(data, entry);
                    *frames += 1;
                }
                Op::Forget(station) => {
                    // Frames queued before the deletion go with it.
                    if let Some(index) = open.remove(station) {
                        chunks[index].1.clear();
                        chunks[index].2 = 0;
                    }
                    self.conn
                        .prepare_cached("DELETE FROM journal_chunks WHERE station_id = ?1")?
                        .execute([station.as_str()])?;
                    self.counts.remove(station);
                }
            }
        }
        let step = (self.limit / 10).max(1);
        let keep = i64::try_from(self.limit).unwrap_or(i64::MAX);
        for (station, data, frames) in chunks {
            if frames == 0 {
                continue;
            }
            self.conn
                .prepare_cached(
                    "INSERT INTO journal_chunks (station_id, frames, data) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![station.as_str(), frames, data])?;
            let count = self.counts.entry(station.clone()).or_default();
            *count += frames;
            if *count >= step {
                // Drop the chunks older than the one that completes the newest `keep` frames.
                self.conn
                    .prepare_cached(
                        "DELETE FROM journal_chunks WHERE station_id = ?1 AND seq < ( \
                             SELECT seq FROM ( \
                                 SELECT seq, sum(frames) OVER (ORDER BY seq DESC) AS newer \
                                 FROM journal_chunks WHERE station_id = ?1) \
                             WHERE newer >= ?2 ORDER BY seq DESC LIMIT 1)",
                    )?
                    .execute(params![station.as_str(), keep])?;
                *count = 0;
            }
        }
        self.conn.execute_batch("COMMIT")
    }
}

fn encode(data: &mut Vec<u8>, entry: &JournalEntry) {
    data.extend_from_slice(&millis(entry.at).to_le_bytes());
    data.push(match entry.direction {
        Direction::In => 0,
        Direction::Out => 1,
    });
    // A frame is at most a few MiB (the WebSocket limit): its length fits in a u32.
    let bytes = entry.frame.as_bytes();
    let len = u32::try_from(bytes.len()).unwrap_or(u32::MAX);
    data.extend_from_slice(&len.to_le_bytes());
    data.extend_from_slice(bytes.get(..len as usize).unwrap_or(bytes));
}

/// The frames of one chunk, oldest first.
fn decode(station_id: &StationId, mut data: &[u8]) -> Result<Vec<JournalEntry>, String> {
    fn take<const N: usize>(data: &mut &[u8]) -> Result<[u8; N], String> {
        let (head, rest) = data
            .split_first_chunk::<N>()
            .ok_or("truncated journal chunk")?;
        *data = rest;
        Ok(*head)
    }
    let mut frames = Vec::new();
    while !data.is_empty() {
        let ms = i64::from_le_bytes(take::<8>(&mut data)?);
        let direction = match take::<1>(&mut data)? {
            [0] => Direction::In,
            [1] => Direction::Out,
            _ => return Err("bad direction in journal chunk".into()),
        };
        let len = usize::try_from(u32::from_le_bytes(take::<4>(&mut data)?))
            .map_err(|e| e.to_string())?;
        if data.len() < len {
            return Err("truncated journal chunk".into());
        }
        let (text, rest) = data.split_at(len);
        data = rest;
        frames.push(JournalEntry {
            station_id: station_id.clone(),
            at: chrono::DateTime::from_timestamp_millis(ms)
                .ok_or_else(|| format!("time out of range: {ms}"))?,
            direction,
            frame: std::str::from_utf8(text)
                .map_err(|e| e.to_string())?
                .to_owned(),
        });
    }
    Ok(frames)
}

/// The last `limit` frames of a station, oldest first.
fn entries(
    conn: &Connection,
    station_id: &StationId,
    limit: usize,
) -> rusqlite::Result<Vec<JournalEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT data FROM journal_chunks WHERE station_id = ?1 ORDER BY seq DESC",
    )?;
    let mut rows = stmt.query([station_id.as_str()])?;
    // Newest chunk first, until there are enough frames.
    let mut chunks = Vec::new();
    let mut total = 0;
    while total < limit
        && let Some(row) = rows.next()?
    {
        let data: Vec<u8> = row.get(0)?;
        let frames = decode(station_id, &data).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Blob, e.into())
        })?;
        total += frames.len();
        chunks.push(frames);
    }
    let mut entries: Vec<JournalEntry> = chunks.into_iter().rev().flatten().collect();
    let excess = entries.len().saturating_sub(limit);
    entries.drain(..excess);
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_round_trip_and_bad_ones_are_errors() {
        let station = StationId::new("CP-1").unwrap();
        let at = |ms| chrono::DateTime::from_timestamp_millis(ms).unwrap();
        let frames = vec![
            JournalEntry {
                station_id: station.clone(),
                at: at(1_700_000_000_123),
                direction: Direction::In,
                frame: "[2,\"1\",\"Heartbeat\",{}] é".into(),
            },
            JournalEntry {
                station_id: station.clone(),
                at: at(1_700_000_000_124),
                direction: Direction::Out,
                frame: String::new(),
            },
        ];
        let mut data = Vec::new();
        for frame in &frames {
            encode(&mut data, frame);
        }
        assert_eq!(decode(&station, &data).unwrap(), frames);
        assert!(decode(&station, &data[..data.len() - 1]).is_err());
        let mut bad = data.clone();
        bad[8] = 7;
        assert!(decode(&station, &bad).is_err());
    }
}
