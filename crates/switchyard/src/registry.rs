//! Where a station's session lives: station id → a channel into its connection task.
//!
//! Only senders are kept here, never session state. The lock is taken on connect,
//! disconnect and command lookup, never per message.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, AtomicU8, AtomicU64, Ordering};
use std::time::Duration;

use ocpp::Version;
use tokio::sync::{mpsc, oneshot};

use crate::commands::{Command, CommandError, CommandReply};
use crate::domain::{BootStatus, StationId};

/// What the rest of the system can ask of a connected station's session.
#[derive(Debug)]
pub enum SessionRequest {
    Command {
        command: Command,
        timeout: Duration,
        reply: oneshot::Sender<Result<CommandReply, CommandError>>,
    },
    /// Close the connection (the station was deleted, or the server is stopping).
    Close { code: u16, reason: &'static str },
}

#[derive(Clone, Debug)]
pub struct SessionHandle {
    pub connection: u64,
    pub protocol: Version,
    /// Boxed: tokio's channel allocates a block of 32 slots up front, and a 96-byte slot
    /// would cost every idle station 3 KB; a boxed one costs 256 bytes.
    pub tx: mpsc::Sender<Box<SessionRequest>>,
    /// The boot status on this connection, written by its task, read by the API.
    pub boot: Arc<LiveBoot>,
}

/// The answer to the BootNotification on one connection (none yet: a reconnect).
#[derive(Debug, Default)]
pub struct LiveBoot(AtomicU8);

impl LiveBoot {
    pub fn set(&self, status: BootStatus) {
        let code = match status {
            BootStatus::Accepted => 1,
            BootStatus::Pending => 2,
            BootStatus::Rejected => 3,
        };
        self.0.store(code, Ordering::Release);
    }

    pub fn get(&self) -> Option<BootStatus> {
        match self.0.load(Ordering::Acquire) {
            1 => Some(BootStatus::Accepted),
            2 => Some(BootStatus::Pending),
            3 => Some(BootStatus::Rejected),
            _ => None,
        }
    }
}

/// 2025-01-01T00:00:00Z, where remote-start ids begin.
const REMOTE_START_EPOCH: i64 = 1_735_689_600;

#[derive(Default, Debug)]
pub struct Registry {
    sessions: Mutex<HashMap<StationId, SessionHandle>>,
    next_connection: AtomicU64,
    next_remote_start: AtomicI64,
}

impl Registry {
    pub fn new() -> Registry {
        // Remote-start ids must not repeat across restarts either, and must fit the 32-bit
        // integer 2.0.1 sends them in: start from the clock at 4 per second since 2025, which
        // no restart overtakes unless the system averaged more remote starts than that since
        // its own start, and which lasts until 2041.
        let since_2025 = chrono::Utc::now().timestamp() - REMOTE_START_EPOCH;
        let seed = since_2025.saturating_mul(4).rem_euclid(i64::from(i32::MAX));
        Registry {
            next_remote_start: AtomicI64::new(seed),
            ..Registry::default()
        }
    }

    /// A system-wide unique remote-start correlation number (API.md remote-start).
    pub fn next_remote_start_id(&self) -> i64 {
        let next = self.next_remote_start.fetch_add(1, Ordering::Relaxed) + 1;
        // Past i32::MAX (not before 2041), start again from 1.
        next.rem_euclid(i64::from(i32::MAX)).max(1)
    }

    /// A fresh connection number (distinguishes a replaced connection from its successor).
    pub fn next_connection(&self) -> u64 {
        self.next_connection.fetch_add(1, Ordering::Relaxed) + 1
    }

    /// Register a session; returns the one it replaces, which the caller must close.
    pub fn insert(&self, station: StationId, handle: SessionHandle) -> Option<SessionHandle> {
        self.lock().insert(station, handle)
    }

    /// Remove the session only if it is still `connection` (a replacement may have taken over).
    pub fn remove(&self, station: &StationId, connection: u64) -> bool {
        let mut sessions = self.lock();
        if sessions
            .get(station)
            .is_some_and(|h| h.connection == connection)
        {
            sessions.remove(station);
            return true;
        }
        false
    }

    pub fn get(&self, station: &StationId) -> Option<SessionHandle> {
        self.lock().get(station).cloned()
    }

    /// The boot status on the station's current connection (None if not connected or not booted).
    pub fn boot_status(&self, station: &StationId) -> Option<BootStatus> {
        self.lock().get(station).and_then(|h| h.boot.get())
    }

    pub fn is_connected(&self, station: &StationId) -> bool {
        self.lock().contains_key(station)
    }

    pub fn connected(&self) -> usize {
        self.lock().len()
    }

    pub fn all(&self) -> Vec<(StationId, SessionHandle)> {
        self.lock()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    /// Send `command` to the station's session and wait for its answer.
    pub async fn send(
        &self,
        station: &StationId,
        command: Command,
        timeout: Duration,
    ) -> Result<CommandReply, CommandError> {
        let handle = self.get(station).ok_or(CommandError::NotConnected)?;
        let (reply, answer) = oneshot::channel();
        handle
            .tx
            .send(Box::new(SessionRequest::Command {
                command,
                timeout,
                reply,
            }))
            .await
            .map_err(|_| CommandError::NotConnected)?;
        // The session enforces the timeout; a dropped sender means the connection went away.
        answer.await.map_err(|_| CommandError::NotConnected)?
    }

    /// Ask a station's session to close.
    pub async fn close(&self, station: &StationId, code: u16, reason: &'static str) {
        if let Some(handle) = self.get(station) {
            let _ = handle
                .tx
                .send(Box::new(SessionRequest::Close { code, reason }))
                .await;
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<StationId, SessionHandle>> {
        // A panic while holding this lock cannot leave the map inconsistent (single ops).
        self.sessions
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
