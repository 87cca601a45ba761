//! A connector running its scenario-file program (`crate::script`), one step at a time.
//!
//! Steps reuse the session machinery (`session.rs`): a step that sends a call waits for the
//! answer to move the session on, and the session's handlers tell the cursor. A step never
//! runs another step directly: it marks the cursor ready and [`Station::run_programs`] picks
//! it up at the end of the input being handled, so no handler re-enters another.

use std::hash::{Hash, Hasher};
use std::time::{Duration, Instant};

use ocpp::v16::{self, ChargePointStatus};
use ocpp::v201;

use super::{Boot, Now, Purpose, Session, Station, ci, connector_id, tag};
use crate::script::Step;

/// The wait before retrying a step that cannot run yet (not booted, a remote session on
/// the connector).
const RETRY: Duration = Duration::from_millis(100);
/// The wait before a failed round starts over, unless its first step waits anyway: a server
/// refusing every tag is not asked again in a tight loop.
const ROUND_BACKOFF: Duration = Duration::from_secs(1);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Run {
    /// Starts on the first accepted boot.
    NotStarted,
    /// Run the current step at the end of this input.
    Ready,
    /// Then the step is done (`advance`) or tried again.
    Until {
        at: Instant,
        advance: bool,
    },
    /// The step waits for an answer or for the session to move on.
    Reply,
    Done,
}

#[derive(Debug, Clone)]
pub(super) struct Cursor {
    pub(super) step: usize,
    round: u32,
    pub(super) run: Run,
    /// The program's Authorize or StartTransaction began the connector's session (not a
    /// remote start): its end moves the program on.
    pub(super) owns_session: bool,
}

impl Default for Cursor {
    fn default() -> Cursor {
        Cursor {
            step: 0,
            round: 0,
            run: Run::NotStarted,
            owns_session: false,
        }
    }
}

impl Station {
    /// The first accepted boot starts every connector's program, 100 ms apart so one
    /// station's connectors do not move in lockstep.
    pub(super) fn start_programs(&mut self, now: Now) {
        if self.script.is_none() || self.finishing {
            return;
        }
        for (index, c) in self.connectors.iter_mut().enumerate() {
            if c.cursor.run == Run::NotStarted {
                let stagger = Duration::from_millis(100 * index as u64);
                c.cursor.run = Run::Until {
                    at: now.mono + stagger,
                    advance: false,
                };
            }
        }
    }

    /// Timed steps that are due.
    pub(super) fn wake_programs(&mut self, now: Now) {
        for c in &mut self.connectors {
            if let Run::Until { at, advance } = c.cursor.run
                && at <= now.mono
            {
                c.cursor.step += usize::from(advance);
                c.cursor.run = Run::Ready;
            }
        }
    }

    pub(super) fn program_timeouts(&self) -> impl Iterator<Item = Instant> + '_ {
        self.connectors.iter().filter_map(|c| match c.cursor.run {
            Run::Until { at, .. } => Some(at),
            _ => None,
        })
    }

    /// Run every ready connector's steps until each waits for something.
    pub(super) fn run_programs(&mut self, now: Now) {
        let Some(script) = self.script.clone() else {
            return;
        };
        for index in 0..self.connectors.len() {
            // A round reaches a step that waits within its length (a repeated program has one
            // that takes time, checked when parsed); the bound only guards against a bug.
            let steps = script
                .program(connector_id(index))
                .map_or(0, |p| p.steps.len());
            let mut budget = 2 * steps + 2;
            while self.connectors[index].cursor.run == Run::Ready && budget > 0 {
                self.run_step(now, connector_id(index));
                budget -= 1;
            }
        }
    }

    /// The run is over: no program takes another step.
    pub(super) fn stop_programs(&mut self) {
        for c in &mut self.connectors {
            c.cursor.run = Run::Done;
        }
    }

    /// The current step is done: on to the next.
    pub(super) fn step_done(&mut self, connector: u32) {
        let finishing = self.finishing;
        if let Some(c) = self.connector_mut(connector) {
            c.cursor.step += 1;
            c.cursor.run = if finishing { Run::Done } else { Run::Ready };
        }
    }

    /// Is the connector's current step a program's `kind` step waiting for its answer?
    pub(super) fn awaits(&self, connector: u32, kind: fn(&Step) -> bool) -> bool {
        let Some(c) = self.connector(connector) else {
            return false;
        };
        c.cursor.run == Run::Reply
            && self
                .script
                .as_ref()
                .and_then(|s| s.program(connector))
                .and_then(|p| p.steps.get(c.cursor.step))
                .is_some_and(kind)
    }

    /// The connector's session ended (`end_session`): a program's `stop` is done; any other
    /// end of a session the program began (refused, lost, stopped by the server) fails the
    /// round, which starts over.
    pub(super) fn program_session_ended(&mut self, now: Now, connector: u32) {
        let stopping = self.awaits(connector, |s| matches!(s, Step::Stop { .. }));
        let Some(c) = self.connector_mut(connector) else {
            return;
        };
        if !std::mem::take(&mut c.cursor.owns_session) {
            return;
        }
        if stopping {
            self.step_done(connector);
        } else {
            self.abort_round(now, connector);
        }
    }

    fn abort_round(&mut self, now: Now, connector: u32) {
        let Some(program) = self.script.clone() else {
            return;
        };
        let Some(program) = program.program(connector) else {
            return;
        };
        let waits_first = matches!(program.steps.first(), Some(Step::Wait { duration, .. }) if !duration.is_zero());
        let finishing = self.finishing;
        let Some(c) = self.connector_mut(connector) else {
            return;
        };
        c.cursor.step = program.steps.len();
        c.cursor.run = if finishing || !program.repeat {
            Run::Done
        } else if waits_first {
            Run::Ready
        } else {
            Run::Until {
                at: now.mono + ROUND_BACKOFF,
                advance: false,
            }
        };
    }

    fn wait_until(&mut self, connector: u32, at: Instant, advance: bool) {
        if let Some(c) = self.connector_mut(connector) {
            c.cursor.run = Run::Until { at, advance };
        }
    }

    fn run_step(&mut self, now: Now, connector: u32) {
        let Some(script) = self.script.clone() else {
            return;
        };
        let Some(program) = script.program(connector) else {
            return;
        };
        let finishing = self.finishing;
        let Some(c) = self.connector_mut(connector) else {
            return;
        };
        if finishing {
            c.cursor.run = Run::Done;
            return;
        }
        if c.cursor.step >= program.steps.len() {
            if !program.repeat {
                c.cursor.run = Run::Done;
                return;
            }
            c.cursor.step = 0;
            c.cursor.round += 1;
        }
        let idle = matches!(c.session, Session::Idle { .. });
        let active = matches!(c.session, Session::Active(_));
        let Some(step) = program.steps.get(c.cursor.step) else {
            return;
        };
        let ready = self.connected && self.boot == Boot::Accepted;
        let queued = self.config.scenario.queues_transactions();
        match step {
            Step::Wait { duration, jitter } => {
                let jitter = self.jitter(connector, *jitter);
                self.wait_until(connector, now.mono + *duration + jitter, true);
            }
            Step::Authorize { .. } | Step::Start { .. } if !idle => {
                // A remote start holds the connector: the program waits its turn.
                self.wait_until(connector, now.mono + RETRY, false);
            }
            Step::Authorize { tag: name } => {
                let tag = tag(name.as_deref().unwrap_or(&self.config.id_tag));
                if !self.connected && queued {
                    // Offline: authorised locally (LocalAuthorizeOffline).
                    self.set_status(now, connector, ChargePointStatus::Preparing);
                    if let Some(c) = self.connector_mut(connector) {
                        c.authorized = Some(tag);
                        c.cursor.owns_session = true;
                    }
                    self.step_done(connector);
                } else if !ready {
                    self.wait_until(connector, now.mono + RETRY, false);
                } else {
                    self.set_status(now, connector, ChargePointStatus::Preparing);
                    if let Some(c) = self.connector_mut(connector) {
                        c.session = Session::Authorizing { tag: tag.clone() };
                        c.cursor.owns_session = true;
                        c.cursor.run = Run::Reply;
                    }
                    self.send_authorize(now, connector, tag);
                }
            }
            Step::Start { tag: name } => {
                if !ready && !queued {
                    self.wait_until(connector, now.mono + RETRY, false);
                    return;
                }
                let Some(c) = self.connector_mut(connector) else {
                    return;
                };
                let tag = match (name, c.authorized.take()) {
                    (Some(name), _) => tag(name),
                    (None, Some(authorized)) => authorized,
                    (None, None) => tag(&self.config.id_tag),
                };
                if let Some(c) = self.connector_mut(connector) {
                    c.cursor.owns_session = true;
                    c.cursor.run = Run::Reply;
                }
                self.set_status(now, connector, ChargePointStatus::Preparing);
                self.start_transaction(now, connector, tag);
                // Queued, the transaction runs at once; else `started` moves on.
                if queued && self.awaits(connector, |s| matches!(s, Step::Start { .. })) {
                    self.step_done(connector);
                }
            }
            Step::Charge { .. } | Step::Stop { .. } if !active => {
                // Stopped by the server or refused meanwhile.
                if let Some(c) = self.connector_mut(connector) {
                    c.cursor.owns_session = false;
                }
                self.abort_round(now, connector);
            }
            Step::Charge { duration, every } => {
                let Some(c) = self.connector_mut(connector) else {
                    return;
                };
                c.every = *every;
                if let (Some(every), Session::Active(tx)) = (every, &mut c.session) {
                    tx.next_meter = now.mono + *every;
                }
                self.wait_until(connector, now.mono + *duration, true);
            }
            Step::Stop { reason } => {
                if let Some(c) = self.connector_mut(connector) {
                    c.cursor.run = Run::Reply;
                }
                self.stop_session(now, connector, *reason);
            }
            Step::Offline { duration } => {
                if self.connected {
                    self.go_offline(now, *duration);
                }
                self.wait_until(connector, now.mono + *duration, true);
            }
            Step::Status { status } => {
                if let Some(c) = self.connector_mut(connector) {
                    c.status = *status;
                }
                self.send_status(now, connector);
                self.step_done(connector);
            }
            Step::Heartbeat => {
                self.send_heartbeat_now(now);
                self.step_done(connector);
            }
            Step::DataTransfer {
                vendor_id,
                message_id,
                data,
            } => {
                if self.is_v201() {
                    let request = v201::DataTransferRequest {
                        message_id: message_id.as_deref().map(ci),
                        data: data.clone().map(serde_json::Value::String),
                        vendor_id: ci(vendor_id),
                        custom_data: None,
                    };
                    self.send201(now, &request, Purpose::Other);
                } else {
                    let request = v16::DataTransferRequest {
                        vendor_id: ci(vendor_id),
                        message_id: message_id.as_deref().map(ci),
                        data: data.clone(),
                    };
                    self.send(now, &request, Purpose::Other);
                }
                self.step_done(connector);
            }
        }
    }

    /// Up to `max`, the same for the same station, connector, round and step: reproducible
    /// runs without a random number generator.
    fn jitter(&self, connector: u32, max: Duration) -> Duration {
        if max.is_zero() {
            return Duration::ZERO;
        }
        let Some(c) = self.connector(connector) else {
            return Duration::ZERO;
        };
        let mut hasher = std::hash::DefaultHasher::new();
        (&self.config.id, connector, c.cursor.round, c.cursor.step).hash(&mut hasher);
        let max_ms = u64::try_from(max.as_millis()).unwrap_or(u64::MAX);
        Duration::from_millis(hasher.finish() % max_ms.saturating_add(1))
    }
}
