//! One simulated charge point, sans-IO like the server's session, speaking OCPP 1.6 or 2.0.1
//! (`StationConfig::protocol`): the state (connectors, sessions, meter, queue, programs) is
//! shared, and only the messages are built per version (`v201.rs`, `v201_answer.rs`).
//!
//! Inputs: [`Station::handle_connected`], [`Station::handle_frame`],
//! [`Station::handle_timeout`], [`Station::handle_disconnected`], [`Station::finish`].
//! Outputs: [`Station::poll_transmit`] (frames to write), [`Station::poll_event`] (what the
//! driver records, and [`StationEvent::Reconnect`] after a Reset) and
//! [`Station::poll_timeout`]. Every input can make every output worth polling. No clock and no
//! socket here: time comes in as [`Now`], so unit tests run in virtual time.

mod boot;
mod config;
mod event;
mod local_list;
mod meter;
mod model;
mod offline;
mod program;
mod quirks;
mod reply;
mod results;
mod session;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_scenarios;
#[cfg(test)]
mod tests_v201;
mod v201;
mod v201_answer;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use ocpp::v16::{self, ChargePointStatus, IdToken, Reason};
use ocpp::{CallId, Endpoint, EndpointConfig, EndpointEvent, Timestamp, Version};
use serde_json::value::RawValue;

use config::AUTHORIZE_REMOTE_TX_REQUESTS;
pub use config::ConfigStore;
pub use event::{CompletedTransaction, StationEvent};

use crate::script::Script;
use crate::{Protocol, Scenario};

/// How long a CALL may wait for its answer (queue time included).
pub const CALL_TIMEOUT: Duration = Duration::from_secs(30);
/// The wait before a boot is retried when the answer gives no usable interval.
const MIN_BOOT_RETRY: Duration = Duration::from_secs(1);

/// The time, both clocks: monotonic for timers, wall for timestamps in messages.
#[derive(Debug, Clone, Copy)]
pub struct Now {
    pub mono: Instant,
    pub wall: DateTime<Utc>,
}

impl Now {
    pub fn system() -> Now {
        Now {
            mono: Instant::now(),
            wall: Utc::now(),
        }
    }

    /// `self` moved on by `d` on both clocks (virtual time in tests).
    pub fn after(self, d: Duration) -> Now {
        Now {
            mono: self.mono + d,
            wall: self.wall + chrono::Duration::from_std(d).unwrap_or_default(),
        }
    }

    fn timestamp(self) -> Timestamp {
        Timestamp(self.wall)
    }
}

#[derive(Debug, Clone)]
pub struct StationConfig {
    pub id: String,
    pub connectors: u32,
    pub meter_interval: Duration,
    /// The id tag the station presents for its own (local) sessions.
    pub id_tag: String,
    pub scenario: Scenario,
    /// 1.6 or 2.0.1 (2.1 is refused before a station is made: `Protocol::is_played`).
    pub protocol: Protocol,
}

/// What a connector is doing.
#[derive(Debug, Clone)]
enum Session {
    Idle {
        next_start: Option<Instant>,
    },
    Authorizing {
        tag: IdToken,
    },
    /// `uid`: 2.0.1's transactionId, chosen by the station (empty in 1.6).
    Starting {
        tag: IdToken,
        meter_start: i64,
        uid: String,
    },
    Active(Tx),
    Stopping {
        tx: Tx,
        meter_stop: i64,
    },
}

#[derive(Debug, Clone)]
struct Tx {
    /// The server's id (1.6); -1 while a queued StartTransaction is unanswered, and in 2.0.1.
    id: i32,
    /// 2.0.1: the station's own transactionId and the next TransactionEvent's seqNo (unused
    /// in 1.6).
    uid: String,
    seq_no: u32,
    /// The station's own number for it (the offline queue's key).
    local: u32,
    tag: IdToken,
    meter_start: i64,
    ends_at: Option<Instant>,
    next_meter: Instant,
    last_tick: Instant,
}

#[derive(Debug, Clone)]
struct Connector {
    status: ChargePointStatus,
    /// Inoperative from ChangeAvailability; `pending` applies once the session ends.
    operative: bool,
    pending_operative: Option<bool>,
    session: Session,
    /// The energy register in watt-milliseconds, so it adds up exactly (whole Wh go on the
    /// wire: see [`Connector::register_wh`]).
    register_wms: i64,
    soc_percent: f64,
    /// Where the connector is in its scenario-file program.
    cursor: program::Cursor,
    /// The tag the program's last Authorize had accepted, for its StartTransaction.
    authorized: Option<IdToken>,
    /// The program's MeterValues interval while this session charges (`charge` `every`).
    every: Option<Duration>,
    /// The RequestStartTransaction (2.0.1) this session is for, until its Started event.
    remote_start_id: Option<i32>,
    /// The idToken that request named, used as it came (whole, with its type) for the rest
    /// of the session: the 1.6-sized tag keeps only its first 20 characters.
    remote_token: Option<ocpp::v201::IdToken>,
    /// When the meter was last read for a 2.0.1 TransactionEvent: the next reading is later.
    last_reading: Option<DateTime<Utc>>,
}

impl Tx {
    /// The id the station and the server's API know the transaction by.
    fn reference(&self) -> String {
        if self.uid.is_empty() {
            self.id.to_string()
        } else {
            self.uid.clone()
        }
    }
}

/// Watt-milliseconds in a watt-hour.
const WMS_PER_WH: i64 = 3_600_000;

impl Connector {
    fn register_wh(&self) -> i64 {
        self.register_wms / WMS_PER_WH
    }
}

/// What one of our outgoing calls was for, so its answer can move the state on.
#[derive(Debug, Clone, Copy)]
enum Purpose {
    Boot,
    Authorize(u32),
    Start(u32),
    Stop(u32),
    /// The head of the offline transaction queue.
    Queued,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Boot {
    /// Not connected, or connected and waiting for the boot answer.
    Pending {
        retry_at: Option<Instant>,
    },
    Accepted,
}

/// Work an answer to a server call leads to, done after the answer is queued so that the
/// answer goes out before the messages it causes.
#[derive(Debug, Clone)]
enum Deferred {
    Start {
        connector: u32,
        tag: IdToken,
        remote_start_id: Option<i32>,
        remote_token: Option<Box<ocpp::v201::IdToken>>,
    },
    Stop {
        connector: u32,
        reason: Reason,
    },
    Status(u32),
    Boot,
    Heartbeat,
    MeterValues(u32),
    Reset(Reason),
    /// 2.0.1 GetBaseReport: NotifyReport with this requestId.
    Report {
        request_id: i32,
        configuration_only: bool,
    },
}

#[derive(Debug)]
pub struct Station {
    config: StationConfig,
    endpoint: Endpoint,
    connections: u32,
    boot: Boot,
    connected: bool,
    finishing: bool,
    reboot_pending: bool,
    heartbeat_at: Option<Instant>,
    meter_interval: Duration,
    connectors: Vec<Connector>,
    store: ConfigStore,
    /// 2.0.1's view of `store`, plus variables 1.6 has no key for.
    model: model::DeviceModel,
    pending: HashMap<CallId, Purpose>,
    deferred: Vec<Deferred>,
    events: std::collections::VecDeque<StationEvent>,
    queue: offline::TxQueue,
    /// When the `offline` scenario drops the connection (once).
    drop_at: Option<Instant>,
    /// The connectors' programs (scenario files, and `charge` and `quirks`).
    script: Option<Arc<Script>>,
    /// The reason of the next 2.0.1 BootNotification (PowerUp, then RemoteReset after a
    /// Reset, Triggered for a triggered one).
    boot_reason: ocpp::v201::BootReason,
    /// 2.0.1 Reset OnIdle with a transaction running: reset once every connector is idle.
    reset_on_idle: bool,
    /// 2.0.1 transactionIds made so far, for unique ones.
    transactions_made: u32,
    local_list: local_list::LocalList,
}

impl Station {
    pub fn new(config: StationConfig) -> Station {
        let store = ConfigStore::new(config.connectors, config.meter_interval.as_secs().max(1));
        let connectors = (0..config.connectors)
            .map(|i| Connector {
                status: ChargePointStatus::Available,
                operative: true,
                pending_operative: None,
                session: Session::Idle { next_start: None },
                // Meters are not new, and cars arrive half empty: vary both per connector.
                register_wms: (1_000_000 + i64::from(i) * 12_345) * WMS_PER_WH,
                soc_percent: 20.0 + f64::from(i * 13 % 40),
                cursor: program::Cursor::default(),
                authorized: None,
                every: None,
                remote_start_id: None,
                remote_token: None,
                last_reading: None,
            })
            .collect();
        let model = model::DeviceModel::new(&config.id, config.connectors);
        Station {
            endpoint: new_endpoint(config.protocol, 0),
            model,
            connections: 0,
            boot: Boot::Pending { retry_at: None },
            connected: false,
            finishing: false,
            reboot_pending: false,
            heartbeat_at: None,
            meter_interval: config.meter_interval,
            connectors,
            store,
            pending: HashMap::new(),
            deferred: Vec::new(),
            events: Default::default(),
            queue: Default::default(),
            drop_at: None,
            script: config.scenario.script(),
            boot_reason: ocpp::v201::BootReason::PowerUp,
            reset_on_idle: false,
            transactions_made: 0,
            local_list: Default::default(),
            config,
        }
    }

    pub fn id(&self) -> &str {
        &self.config.id
    }

    pub fn config_store(&self) -> &ConfigStore {
        &self.store
    }

    /// The socket is open: a fresh endpoint, then BootNotification.
    pub fn handle_connected(&mut self, now: Now) {
        self.connections += 1;
        self.endpoint = new_endpoint(self.config.protocol, self.connections);
        self.pending.clear();
        self.connected = true;
        self.boot = Boot::Pending { retry_at: None };
        if self.connections == 1 {
            self.drop_at = self
                .config
                .scenario
                .drop_plan()
                .map(|(after, _)| now.mono + after);
        } else {
            self.queue.mark_replay();
        }
        self.send_boot(now);
    }

    /// The socket is gone. Calls in flight are lost: a session between its steps goes back
    /// to idle (a lost StopTransaction is not replayed until the `offline` scenario queues
    /// transaction messages); a running transaction goes on metering.
    pub fn handle_disconnected(&mut self, now: Now) {
        self.connected = false;
        self.pending.clear();
        self.queue.connection_lost();
        self.heartbeat_at = None;
        for index in 0..self.connectors.len() {
            if !matches!(
                self.connectors[index].session,
                Session::Idle { .. } | Session::Active(_)
            ) {
                // Not connected: this only updates the status, sent again after the boot.
                self.end_session(now, connector_id(index));
            }
        }
    }

    pub fn handle_frame(&mut self, now: Now, text: &str) {
        self.endpoint.handle_frame(now.mono, text);
        self.process(now);
    }

    pub fn handle_timeout(&mut self, now: Now) {
        self.endpoint.handle_timeout(now.mono);
        if let Boot::Pending { retry_at: Some(at) } = self.boot
            && at <= now.mono
        {
            self.send_boot(now);
        }
        if self.heartbeat_at.is_some_and(|at| at <= now.mono) {
            self.send_heartbeat(now);
        }
        if self.connected && self.drop_at.is_some_and(|at| at <= now.mono) {
            self.drop_connection(now);
        }
        self.wake_programs(now);
        for index in 0..self.connectors.len() {
            let connector = connector_id(index);
            match &self.connectors[index].session {
                Session::Idle {
                    next_start: Some(at),
                } if *at <= now.mono => {
                    let tag = tag(&self.config.id_tag);
                    self.begin_session(now, connector, tag);
                }
                Session::Active(tx) if tx.ends_at.is_some_and(|at| at <= now.mono) => {
                    self.stop_session(now, connector, Reason::Local);
                }
                Session::Active(tx) if tx.next_meter <= now.mono => {
                    self.send_meter_values(now, connector, None);
                }
                _ => {}
            }
        }
        self.process(now);
    }

    /// The run is over: stop every session, start no new one. The driver closes once
    /// [`Station::is_quiet`].
    pub fn finish(&mut self, now: Now) {
        self.finishing = true;
        self.stop_programs();
        for index in 0..self.connectors.len() {
            match self.connectors[index].session {
                Session::Idle { .. } => {
                    self.connectors[index].session = Session::Idle { next_start: None };
                }
                Session::Active(_) => self.stop_session(now, connector_id(index), Reason::Local),
                _ => {}
            }
        }
        self.process(now);
    }

    /// Nothing in flight: no call unanswered, no session between its steps.
    pub fn is_quiet(&self) -> bool {
        self.endpoint.pending_calls() == 0
            && self.queue.is_empty()
            && self
                .connectors
                .iter()
                .all(|c| matches!(c.session, Session::Idle { .. }))
    }

    pub fn poll_transmit(&mut self) -> Option<String> {
        self.endpoint.poll_transmit()
    }

    pub fn poll_event(&mut self) -> Option<StationEvent> {
        self.events.pop_front()
    }

    pub fn poll_timeout(&self) -> Option<Instant> {
        let mut earliest = self.endpoint.poll_timeout();
        let mut consider = |t: Option<Instant>| {
            if let Some(t) = t {
                earliest = Some(earliest.map_or(t, |e: Instant| e.min(t)));
            }
        };
        if let Boot::Pending { retry_at } = self.boot {
            consider(retry_at);
        }
        consider(self.heartbeat_at);
        for at in self.program_timeouts() {
            consider(Some(at));
        }
        if self.connected {
            consider(self.drop_at);
        }
        for c in &self.connectors {
            match &c.session {
                Session::Idle { next_start } => consider(*next_start),
                Session::Active(tx) => {
                    consider(Some(tx.next_meter));
                    consider(tx.ends_at);
                }
                _ => {}
            }
        }
        earliest
    }

    /// Drain the endpoint's events into state changes, then do deferred work.
    fn process(&mut self, now: Now) {
        while let Some(event) = self.endpoint.poll_event() {
            match event {
                EndpointEvent::Call(call) => self.answer(now, call),
                EndpointEvent::Reply {
                    call,
                    action,
                    reply,
                    round_trip,
                } => self.handle_reply(now, call, action, reply, round_trip),
                EndpointEvent::Timeout { call, action, .. } => {
                    if let Some(Purpose::Queued) = self.pending.remove(&call) {
                        self.queued_lost();
                    }
                    self.events.push_back(StationEvent::Timeout { action });
                }
                EndpointEvent::Violation(error) => {
                    self.events
                        .push_back(StationEvent::Violation(error.to_string()));
                }
                EndpointEvent::UnmatchedReply { id, late } => {
                    if !late {
                        self.events.push_back(StationEvent::Violation(format!(
                            "answer to unknown message id {id}"
                        )));
                    }
                }
            }
            for work in std::mem::take(&mut self.deferred) {
                self.run_deferred(now, work);
            }
        }
        if self.reset_on_idle
            && self
                .connectors
                .iter()
                .all(|c| matches!(c.session, Session::Idle { .. }))
        {
            self.reset_on_idle = false;
            self.run_deferred(now, Deferred::Reset(Reason::SoftReset));
        }
        if self.reboot_pending && self.endpoint.pending_calls() == 0 {
            self.reboot_pending = false;
            self.connected = false;
            self.boot_reason = ocpp::v201::BootReason::RemoteReset;
            self.events.push_back(StationEvent::Reconnect);
        }
        self.run_programs(now);
        self.pump_queue(now);
    }

    fn run_deferred(&mut self, now: Now, work: Deferred) {
        match work {
            Deferred::Start {
                connector,
                tag,
                remote_start_id,
                remote_token,
            } => {
                if let Some(c) = self.connector_mut(connector) {
                    c.remote_start_id = remote_start_id;
                    c.remote_token = remote_token.map(|t| *t);
                }
                if self.store.get_bool(AUTHORIZE_REMOTE_TX_REQUESTS) {
                    self.begin_session(now, connector, tag);
                } else {
                    self.set_status(now, connector, ChargePointStatus::Preparing);
                    self.start_transaction(now, connector, tag);
                }
            }
            Deferred::Stop { connector, reason } => self.stop_session(now, connector, reason),
            Deferred::Status(connector) => self.send_status(now, connector),
            Deferred::Boot => self.send_boot(now),
            Deferred::Heartbeat => self.send_heartbeat(now),
            Deferred::MeterValues(connector) => {
                self.send_meter_values(now, connector, Some(v16::ReadingContext::Trigger));
            }
            Deferred::Report {
                request_id,
                configuration_only,
            } => self.send_report(now, request_id, configuration_only),
            Deferred::Reset(reason) => {
                for index in 0..self.connectors.len() {
                    if matches!(self.connectors[index].session, Session::Active(_)) {
                        self.stop_session(now, connector_id(index), reason);
                    }
                }
                self.reboot_pending = true;
            }
        }
    }

    /// Queue a CALL and remember what it was for.
    fn send<R: v16::Request>(&mut self, now: Now, request: &R, purpose: Purpose) {
        self.send_serialised(now, R::ACTION.as_str(), request, purpose);
    }

    /// [`Station::send`] for a 2.0.1 message.
    fn send201<R: ocpp::v201::Request>(&mut self, now: Now, request: &R, purpose: Purpose) {
        self.send_serialised(now, R::ACTION.as_str(), request, purpose);
    }

    fn send_serialised<R: serde::Serialize>(
        &mut self,
        now: Now,
        action: &str,
        request: &R,
        purpose: Purpose,
    ) {
        if !self.connected {
            return;
        }
        let payload = if self.config.scenario.quirky() {
            quirks::mangle(action, request, self.is_v201())
        } else {
            serde_json::value::to_raw_value(request).ok()
        };
        let Some(payload) = payload else {
            return; // our own typed messages always serialise
        };
        self.send_raw(now, action, payload, purpose);
    }

    fn is_v201(&self) -> bool {
        self.config.protocol == Protocol::Ocpp201
    }

    /// Queue a CALL whose payload is serialised already.
    fn send_raw(&mut self, now: Now, action: &str, payload: Box<RawValue>, purpose: Purpose) {
        if !self.connected {
            return;
        }
        let call = self
            .endpoint
            .start_call(now.mono, action, payload, CALL_TIMEOUT);
        self.pending.insert(call, purpose);
    }

    fn connector(&self, connector: u32) -> Option<&Connector> {
        let index = usize::try_from(connector).ok()?.checked_sub(1)?;
        self.connectors.get(index)
    }

    fn connector_mut(&mut self, connector: u32) -> Option<&mut Connector> {
        let index = usize::try_from(connector).ok()?.checked_sub(1)?;
        self.connectors.get_mut(index)
    }
}

fn new_endpoint(protocol: Protocol, connection: u32) -> Endpoint {
    Endpoint::new(EndpointConfig {
        version: match protocol {
            Protocol::Ocpp16 => Version::V16,
            Protocol::Ocpp201 => Version::V201,
            Protocol::Ocpp21 => Version::V21,
        },
        // Unique per connection, so a late answer to a call of the last connection is never
        // taken for an answer to this one's.
        id_prefix: format!("c{connection}-"),
    })
}

fn connector_id(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

fn ci<const N: usize>(text: &str) -> ocpp::CiString<N> {
    ocpp::CiString::new(text.chars().take(N).collect::<String>()).unwrap_or_default()
}

fn tag(text: &str) -> IdToken {
    ci(text)
}
