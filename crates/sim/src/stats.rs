//! What each station task records, merged into one [`crate::Report`] at the end, and the
//! shared counters behind the live progress line.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use crate::station::{CompletedTransaction, StationEvent};

/// Live counters, shared by every station task (relaxed atomics: a progress line, not a sum).
#[derive(Debug, Default)]
pub struct Progress {
    pub connected: AtomicU64,
    pub booted: AtomicU64,
    pub started: AtomicU64,
    pub completed: AtomicU64,
    pub messages: AtomicU64,
    pub errors: AtomicU64,
}

impl Progress {
    fn add(counter: &AtomicU64, n: u64) {
        counter.fetch_add(n, Ordering::Relaxed);
    }

    pub fn get(counter: &AtomicU64) -> u64 {
        counter.load(Ordering::Relaxed)
    }
}

#[derive(Debug, Default, Clone)]
pub struct ActionStats {
    pub count: u64,
    pub errors: u64,
    pub latencies: Vec<Duration>,
}

/// One station's record (or, after [`Stats::merge`], the fleet's).
#[derive(Debug, Default, Clone)]
pub struct Stats {
    pub connected: u64,
    pub booted: u64,
    /// Our calls, by action.
    pub actions: BTreeMap<String, ActionStats>,
    /// The server's calls, by action.
    pub server_calls: BTreeMap<String, u64>,
    pub errors: BTreeMap<String, u64>,
    pub protocol_errors: u64,
    pub completed: Vec<CompletedTransaction>,
    /// Transactions checked through the API (`--api`).
    pub checked: u64,
}

impl Stats {
    pub fn error(&mut self, kind: String, progress: &Progress) {
        *self.errors.entry(kind).or_default() += 1;
        Progress::add(&progress.errors, 1);
    }

    pub fn protocol_error(&mut self, what: String, progress: &Progress) {
        self.protocol_errors += 1;
        self.error(format!("protocol violation: {what}"), progress);
    }

    pub fn record(&mut self, event: StationEvent, progress: &Progress) {
        match event {
            StationEvent::Reply {
                action,
                round_trip,
                error,
            } => {
                Progress::add(&progress.messages, 1);
                // Looked up by &str: the key is copied only the first time an action is seen,
                // not for every reply.
                let entry = match self.actions.get_mut(action.as_str()) {
                    Some(entry) => entry,
                    None => self.actions.entry(action.clone()).or_default(),
                };
                entry.count += 1;
                entry.latencies.push(round_trip);
                if let Some(code) = error {
                    entry.errors += 1;
                    self.error(format!("CALLERROR {code} ({action})"), progress);
                }
            }
            StationEvent::Timeout { action } => {
                let entry = self.actions.entry(action.clone()).or_default();
                entry.count += 1;
                entry.errors += 1;
                self.error(format!("timeout ({action})"), progress);
            }
            StationEvent::Violation(what) => self.protocol_error(what, progress),
            StationEvent::Refused { action, status } => {
                self.error(format!("refused: {action} {status}"), progress);
            }
            StationEvent::Booted => {
                if self.booted == 0 {
                    Progress::add(&progress.booted, 1);
                }
                self.booted = 1;
            }
            StationEvent::ServerCall { action } => {
                Progress::add(&progress.messages, 1);
                *self.server_calls.entry(action).or_default() += 1;
            }
            StationEvent::TransactionStarted => Progress::add(&progress.started, 1),
            StationEvent::TransactionCompleted(done) => {
                Progress::add(&progress.completed, 1);
                self.completed.push(done);
            }
            // Handled by the driver.
            StationEvent::Reconnect | StationEvent::GoOffline(_) => {}
        }
    }

    pub fn merge(&mut self, other: Stats) {
        self.connected += other.connected;
        self.booted += other.booted;
        for (action, s) in other.actions {
            let entry = self.actions.entry(action).or_default();
            entry.count += s.count;
            entry.errors += s.errors;
            entry.latencies.extend(s.latencies);
        }
        for (action, n) in other.server_calls {
            *self.server_calls.entry(action).or_default() += n;
        }
        for (kind, n) in other.errors {
            *self.errors.entry(kind).or_default() += n;
        }
        self.protocol_errors += other.protocol_errors;
        self.completed.extend(other.completed);
        self.checked += other.checked;
    }
}
