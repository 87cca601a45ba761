//! One station's session, sans-IO: the only owner of its live state.
//!
//! Inputs: [`Session::handle_frame`] (a text frame), [`Session::handle_command`] (an operator
//! command), [`Session::handle_effect_result`] (a store result), [`Session::handle_timeout`].
//! Outputs: [`Session::poll_transmit`] (frames to write), [`Session::poll_effect`] (store
//! writes and reads to perform, events to publish, finished commands, observations) and
//! [`Session::poll_timeout`]. Any input may make every output worth polling.
//!
//! Ack means durable: a StartTransaction, StopTransaction or MeterValues is answered only
//! when the result of its [`Effect::Write`] has come back in through `handle_effect_result`.

mod commands;
mod inbound;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

use ocpp::rpc::{ErrorCode, MessageId, RpcError};
use ocpp::{CallId, Endpoint, EndpointConfig, EndpointEvent, Quirk};

use crate::adapters::VersionAdapter;
use crate::commands::{CommandError, CommandReply};
use crate::domain::{BootStatus, StationId, TagRecord, Time};
use crate::events::Event;
use crate::store::{Write, Written};

/// The time, both ways: monotonic for deadlines, wall-clock for records.
#[derive(Clone, Copy, Debug)]
pub struct Now {
    pub mono: Instant,
    pub wall: Time,
}

pub type EffectId = u64;
/// The shell's handle for a command's reply channel.
pub type CommandToken = u64;

/// How long after a remote start was accepted a matching StartTransaction is tied to it.
const REMOTE_START_WINDOW: Duration = Duration::from_secs(60);

#[derive(Clone, Debug)]
pub struct SessionConfig {
    pub heartbeat_interval: u32,
    /// Prefix for our message ids, unique per connection.
    pub id_prefix: String,
}

/// Work for the shell.
#[derive(Debug)]
pub enum Effect {
    /// Commit this durably; feed the result back with the same id.
    Write {
        id: EffectId,
        write: Write,
    },
    /// Read the current record of an id tag.
    LookupTag {
        id: EffectId,
        id_tag: String,
    },
    /// Read the station's registration (its boot policy).
    LookupStation {
        id: EffectId,
    },
    /// Hash the password the station accepted and store it as the station's only one; the
    /// result comes back as `EffectResult::Written` (`Written::Password`).
    ChangePassword {
        id: EffectId,
        password: crate::auth::Password,
    },
    Publish(Event),
    CommandDone {
        token: CommandToken,
        result: Result<CommandReply, CommandError>,
    },
    Observe(Observation),
}

/// What the shell feeds back for an effect.
// Short-lived and moved once; boxing would cost an allocation per store write.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum EffectResult {
    Written(Result<Written, String>),
    Tag(Result<Option<TagRecord>, String>),
    Station(Result<Option<crate::domain::BootPolicy>, String>),
}

/// Things worth a metric or a log line; the session does neither itself.
#[derive(Debug, Clone, PartialEq)]
pub enum Observation {
    CallReceived {
        action: String,
    },
    CallSent {
        action: String,
    },
    RoundTrip {
        action: String,
        duration: Duration,
    },
    CallErrorSent {
        code: &'static str,
    },
    CallErrorReceived {
        code: String,
    },
    Violation {
        description: String,
    },
    LateReply,
    /// A tolerated deviation; `first` is true the first time this connection shows this kind.
    Quirk {
        quirk: Quirk,
        first: bool,
    },
    Booted {
        status: BootStatus,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BootState {
    /// No BootNotification on this connection (a reconnect): served normally (J16 §5.4).
    NotBooted,
    Booted(BootStatus),
}

/// What to do when an effect's result comes back.
#[derive(Debug)]
enum Awaiting {
    Nothing,
    Reply {
        call: MessageId,
        then: inbound::Then,
    },
    /// A command's answer, held until what it told of the station's configuration is stored
    /// (so a read right after the command sees it).
    Command {
        token: CommandToken,
        reply: CommandReply,
    },
}

pub struct Session {
    station: StationId,
    adapter: &'static dyn VersionAdapter,
    endpoint: Endpoint,
    config: SessionConfig,
    boot: BootState,
    next_effect: EffectId,
    awaiting: HashMap<EffectId, Awaiting>,
    effects: VecDeque<Effect>,
    commands: HashMap<CallId, commands::Pending>,
    remote_starts: Vec<commands::RemoteStart>,
    quirks_seen: Vec<&'static str>,
}

impl Session {
    pub fn new(
        station: StationId,
        adapter: &'static dyn VersionAdapter,
        config: SessionConfig,
    ) -> Session {
        let endpoint = Endpoint::new(EndpointConfig {
            version: adapter.protocol(),
            id_prefix: config.id_prefix.clone(),
        });
        Session {
            station,
            adapter,
            endpoint,
            config,
            boot: BootState::NotBooted,
            next_effect: 1,
            awaiting: HashMap::new(),
            effects: VecDeque::new(),
            commands: HashMap::new(),
            remote_starts: Vec::new(),
            quirks_seen: Vec::new(),
        }
    }

    pub fn station(&self) -> &StationId {
        &self.station
    }

    pub fn adapter(&self) -> &'static dyn VersionAdapter {
        self.adapter
    }

    /// The status of the BootNotification on this connection, if there was one.
    pub fn boot_status(&self) -> Option<BootStatus> {
        match self.boot {
            BootState::NotBooted => None,
            BootState::Booted(status) => Some(status),
        }
    }

    pub fn handle_frame(&mut self, now: Now, text: &str) {
        self.endpoint.handle_frame(now.mono, text);
        self.drain_endpoint(now);
    }

    pub fn handle_timeout(&mut self, now: Now) {
        self.endpoint.handle_timeout(now.mono);
        self.drain_endpoint(now);
    }

    pub fn handle_effect_result(&mut self, now: Now, id: EffectId, result: EffectResult) {
        match self.awaiting.remove(&id) {
            Some(Awaiting::Reply { call, then }) => self.finish_inbound(now, call, then, result),
            Some(Awaiting::Command { token, reply }) => {
                if let EffectResult::Written(Err(description)) = result {
                    // The station's answer stands; only the configuration view misses it.
                    self.observe(Observation::Violation {
                        description: format!("store: {description}"),
                    });
                }
                self.effects.push_back(Effect::CommandDone {
                    token,
                    result: Ok(reply),
                });
            }
            Some(Awaiting::Nothing) | None => {}
        }
    }

    pub fn poll_transmit(&mut self) -> Option<String> {
        self.endpoint.poll_transmit()
    }

    pub fn poll_effect(&mut self) -> Option<Effect> {
        self.effects.pop_front()
    }

    /// Give back the memory of collections that are empty now (see
    /// [`ocpp::endpoint::Endpoint::release_idle_memory`]); cheap when there is none.
    pub fn release_idle_memory(&mut self) {
        self.endpoint.release_idle_memory();
        if self.awaiting.is_empty() {
            self.awaiting.shrink_to_fit();
        }
        if self.effects.is_empty() {
            self.effects.shrink_to_fit();
        }
        if self.commands.is_empty() {
            self.commands.shrink_to_fit();
        }
    }

    pub fn poll_timeout(&self) -> Option<Instant> {
        self.endpoint.poll_timeout()
    }

    /// Effects still waiting for a result (the shell may wait for them before closing).
    pub fn awaiting_effects(&self) -> usize {
        self.awaiting.len()
    }

    fn drain_endpoint(&mut self, now: Now) {
        while let Some(event) = self.endpoint.poll_event() {
            match event {
                EndpointEvent::Call(call) => self.handle_call(now, call),
                EndpointEvent::Reply {
                    call,
                    action,
                    reply,
                    round_trip,
                } => {
                    self.observe(Observation::RoundTrip {
                        action,
                        duration: round_trip,
                    });
                    self.handle_reply(now, call, reply);
                }
                EndpointEvent::Timeout { call, .. } => self.handle_call_timeout(now, call),
                EndpointEvent::Violation(error) => {
                    if let Some(ce) = error.call_error(self.adapter.protocol()) {
                        self.observe_call_error_sent(&ce.code);
                    }
                    self.observe(Observation::Violation {
                        description: error.to_string(),
                    });
                }
                EndpointEvent::UnmatchedReply { late, .. } => {
                    let description = if late {
                        None
                    } else {
                        Some("an answer to no call of ours")
                    };
                    match description {
                        None => self.observe(Observation::LateReply),
                        Some(d) => self.observe(Observation::Violation {
                            description: d.to_owned(),
                        }),
                    }
                }
            }
        }
    }

    fn effect_id(&mut self) -> EffectId {
        let id = self.next_effect;
        self.next_effect += 1;
        id
    }

    fn push_write(&mut self, write: Write, awaiting: Awaiting) {
        let id = self.effect_id();
        self.awaiting.insert(id, awaiting);
        self.effects.push_back(Effect::Write { id, write });
    }

    fn publish(&mut self, event: Event) {
        self.effects.push_back(Effect::Publish(event));
    }

    fn observe(&mut self, observation: Observation) {
        self.effects.push_back(Effect::Observe(observation));
    }

    fn note_quirk(&mut self, quirk: Quirk) {
        let kind = quirk.kind();
        let first = !self.quirks_seen.contains(&kind);
        if first {
            self.quirks_seen.push(kind);
        }
        self.observe(Observation::Quirk { quirk, first });
    }

    /// Answer a station's CALL with a CALLERROR (when the version allows one).
    fn reject(&mut self, error: RpcError) {
        if let Some(ce) = error.call_error(self.adapter.protocol()) {
            self.observe_call_error_sent(&ce.code);
        }
        self.endpoint.reject_call(error);
    }

    fn reject_internal(&mut self, call: MessageId, description: &str) {
        let code = ErrorCode::InternalError.as_str(self.adapter.protocol());
        self.observe_call_error_sent(code);
        self.endpoint.respond_error(ocpp::rpc::CallError {
            id: call,
            code: code.to_owned(),
            description: description.to_owned(),
            details: crate::adapters::empty_object(),
        });
    }

    fn observe_call_error_sent(&mut self, code: &str) {
        let code = ErrorCode::parse(code).map_or("Unknown", |c| c.as_str(self.adapter.protocol()));
        self.observe(Observation::CallErrorSent { code });
    }
}
