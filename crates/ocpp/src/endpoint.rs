//! Message-id correlation for one OCPP-J connection, sans-IO (quinn-proto style).
//!
//! Inputs: [`Endpoint::handle_frame`] (a text frame from the peer), [`Endpoint::start_call`]
//! (a CALL we want to send), [`Endpoint::respond`] / [`Endpoint::respond_error`] (our answer
//! to the peer's CALL) and [`Endpoint::handle_timeout`]. Outputs: [`Endpoint::poll_transmit`]
//! (frames to write), [`Endpoint::poll_event`] and [`Endpoint::poll_timeout`]. Every input
//! can make both outputs worth polling; a spurious `handle_timeout` is a harmless no-op.
//!
//! Rules kept here (J16 §4.1.1, §4.1.4; P4-201 §4.1.1):
//! - at most one of our CALLs is outstanding; the rest wait in a queue, in order;
//! - every CALL has a deadline, counted from when it was started (queue time included);
//! - our message ids are unique (a per-connection prefix plus a counter), so an answer that
//!   arrives after its call timed out can never be taken for a later call's answer;
//! - the peer's CALLs are independent of ours: both directions may cross.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use serde_json::value::RawValue;

use crate::Version;
use crate::rpc::{self, Call, CallError, Frame, MessageId, RpcError};

/// Identifies one of our outgoing calls for the life of the endpoint.
pub type CallId = u64;

/// How many timed-out message ids are remembered to label late answers.
const REMEMBERED_TIMEOUTS: usize = 16;

#[derive(Debug, Clone)]
pub struct EndpointConfig {
    pub version: Version,
    /// Makes our message ids unique across connections (P4-21 §4.1.4); at most 16 chars.
    pub id_prefix: String,
}

/// The peer's answer to one of our calls.
#[derive(Debug, Clone)]
pub enum Reply {
    Result(Box<RawValue>),
    Error(CallError),
}

#[derive(Debug)]
pub enum Event {
    /// A CALL from the peer. Answer it with [`Endpoint::respond`] or [`Endpoint::respond_error`].
    Call(Call),
    /// The peer answered one of our calls.
    Reply {
        call: CallId,
        action: String,
        reply: Reply,
        round_trip: Duration,
    },
    /// One of our calls got no answer before its deadline; `sent` is false if it expired
    /// while still queued.
    Timeout {
        call: CallId,
        action: String,
        sent: bool,
    },
    /// A frame broke the rules. If the rules allowed an answer, a CALLERROR is already queued.
    Violation(RpcError),
    /// An answer that matches no outstanding call; `late` if its call had timed out.
    UnmatchedReply { id: MessageId, late: bool },
}

#[derive(Debug)]
struct Queued {
    call: CallId,
    action: String,
    payload: Box<RawValue>,
    deadline: Instant,
}

#[derive(Debug)]
struct Outstanding {
    call: CallId,
    id: MessageId,
    action: String,
    sent_at: Instant,
    deadline: Instant,
}

#[derive(Debug)]
pub struct Endpoint {
    version: Version,
    id_prefix: String,
    next_call: CallId,
    outstanding: Option<Outstanding>,
    queue: VecDeque<Queued>,
    /// The peer's CALLs we have not answered yet (a duplicate id among them is an error).
    handling: Vec<MessageId>,
    timed_out: VecDeque<MessageId>,
    transmit: VecDeque<String>,
    events: VecDeque<Event>,
}

impl Endpoint {
    pub fn new(config: EndpointConfig) -> Endpoint {
        Endpoint {
            version: config.version,
            id_prefix: config.id_prefix.chars().take(16).collect(),
            next_call: 1,
            outstanding: None,
            queue: VecDeque::new(),
            handling: Vec::new(),
            timed_out: VecDeque::new(),
            transmit: VecDeque::new(),
            events: VecDeque::new(),
        }
    }

    pub fn version(&self) -> Version {
        self.version
    }

    /// A text frame from the peer.
    pub fn handle_frame(&mut self, now: Instant, text: &str) {
        match rpc::parse(text, self.version) {
            Ok(Frame::Call(call)) => self.handle_call(call),
            Ok(Frame::Send(call)) => self.events.push_back(Event::Call(call)),
            Ok(Frame::CallResult(result)) => {
                self.handle_reply(now, result.id, Reply::Result(result.payload));
            }
            Ok(Frame::CallError(error)) => {
                let id = error.id.clone();
                self.handle_reply(now, id, Reply::Error(error));
            }
            // 2.1: an error about one of our CALLRESULTs; nothing to correlate, report it.
            Ok(Frame::CallResultError(error)) => {
                self.events.push_back(Event::UnmatchedReply {
                    id: error.id,
                    late: false,
                });
            }
            Err(error) => self.handle_violation(error),
        }
    }

    /// Queue a CALL; it is sent when every earlier call has been answered or has timed out.
    /// Its deadline is `now + timeout`, whether it is still queued or already sent then.
    pub fn start_call(
        &mut self,
        now: Instant,
        action: impl Into<String>,
        payload: Box<RawValue>,
        timeout: Duration,
    ) -> CallId {
        let call = self.next_call;
        self.next_call += 1;
        let deadline = now + timeout;
        self.queue.push_back(Queued {
            call,
            action: action.into(),
            payload,
            deadline,
        });
        self.send_next(now);
        call
    }

    /// Answer the peer's CALL `id` with a CALLRESULT.
    pub fn respond(&mut self, id: MessageId, payload: Box<RawValue>) {
        self.finish_handling(&id);
        let frame = Frame::CallResult(rpc::CallResult { id, payload });
        self.transmit.push_back(frame.encode());
    }

    /// Answer the peer's CALL with a CALLERROR (built by [`RpcError::call_error`] or by hand).
    pub fn respond_error(&mut self, error: CallError) {
        self.finish_handling(&error.id);
        self.transmit.push_back(Frame::CallError(error).encode());
    }

    /// Report a problem with the peer's CALL found after framing (unknown action, bad payload,
    /// not allowed now): answers with the matching CALLERROR where the version allows one.
    pub fn reject_call(&mut self, error: RpcError) {
        match error.call_error(self.version) {
            Some(call_error) => self.respond_error(call_error),
            None => {
                if let Some(id) = error.id().cloned() {
                    self.finish_handling(&id);
                }
            }
        }
    }

    pub fn handle_timeout(&mut self, now: Instant) {
        if let Some(out) = self.outstanding.take_if(|out| out.deadline <= now) {
            self.remember_timeout(out.id);
            self.events.push_back(Event::Timeout {
                call: out.call,
                action: out.action,
                sent: true,
            });
        }
        // Calls that expired while waiting in the queue never go out.
        let (expired, waiting): (VecDeque<_>, VecDeque<_>) = std::mem::take(&mut self.queue)
            .into_iter()
            .partition(|q| q.deadline <= now);
        self.queue = waiting;
        for q in expired {
            self.events.push_back(Event::Timeout {
                call: q.call,
                action: q.action,
                sent: false,
            });
        }
        self.send_next(now);
    }

    pub fn poll_transmit(&mut self) -> Option<String> {
        self.transmit.pop_front()
    }

    pub fn poll_event(&mut self) -> Option<Event> {
        self.events.pop_front()
    }

    /// Give back the memory of queues that are empty now. A burst (a station's configuration
    /// read after boot) grows them; left as they are, tens of thousands of idle connections
    /// would each keep that burst's capacity.
    pub fn release_idle_memory(&mut self) {
        release_if_empty(&mut self.queue);
        release_if_empty(&mut self.timed_out);
        release_if_empty(&mut self.transmit);
        release_if_empty(&mut self.events);
        if self.handling.is_empty() {
            self.handling.shrink_to_fit();
        }
    }

    /// The earliest deadline of a call, sent or queued.
    pub fn poll_timeout(&self) -> Option<Instant> {
        let queued = self.queue.iter().map(|q| q.deadline).min();
        match (self.outstanding.as_ref().map(|o| o.deadline), queued) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Our calls not yet answered, sent or queued.
    pub fn pending_calls(&self) -> usize {
        self.queue.len() + usize::from(self.outstanding.is_some())
    }

    fn handle_call(&mut self, call: Call) {
        if self.handling.contains(&call.id) {
            let error = RpcError::DuplicateId { id: call.id };
            if let Some(call_error) = error.call_error(self.version) {
                // Not `respond_error`: the first CALL with this id is still being handled.
                self.transmit
                    .push_back(Frame::CallError(call_error).encode());
            }
            self.events.push_back(Event::Violation(error));
            return;
        }
        self.handling.push(call.id.clone());
        self.events.push_back(Event::Call(call));
    }

    fn handle_reply(&mut self, now: Instant, id: MessageId, reply: Reply) {
        match self.outstanding.take_if(|out| out.id == id) {
            Some(out) => {
                let round_trip = now.saturating_duration_since(out.sent_at);
                self.events.push_back(Event::Reply {
                    call: out.call,
                    action: out.action,
                    reply,
                    round_trip,
                });
                self.send_next(now);
            }
            None => {
                let late = self.timed_out.contains(&id);
                self.events.push_back(Event::UnmatchedReply { id, late });
            }
        }
    }

    fn handle_violation(&mut self, error: RpcError) {
        if let Some(call_error) = error.call_error(self.version) {
            self.transmit
                .push_back(Frame::CallError(call_error).encode());
        }
        self.events.push_back(Event::Violation(error));
    }

    fn finish_handling(&mut self, id: &MessageId) {
        if let Some(pos) = self.handling.iter().position(|h| h == id) {
            self.handling.swap_remove(pos);
        }
    }

    fn remember_timeout(&mut self, id: MessageId) {
        if self.timed_out.len() == REMEMBERED_TIMEOUTS {
            self.timed_out.pop_front();
        }
        self.timed_out.push_back(id);
    }

    fn send_next(&mut self, now: Instant) {
        if self.outstanding.is_some() {
            return;
        }
        while let Some(q) = self.queue.pop_front() {
            if q.deadline <= now {
                self.events.push_back(Event::Timeout {
                    call: q.call,
                    action: q.action,
                    sent: false,
                });
                continue;
            }
            let id =
                MessageId::new(format!("{}{:x}", self.id_prefix, q.call)).unwrap_or_else(|| {
                    MessageId::new(format!("{:x}", q.call)).unwrap_or_else(MessageId::unreadable)
                });
            let frame = Frame::Call(Call {
                id: id.clone(),
                action: q.action.clone(),
                payload: q.payload,
            });
            self.transmit.push_back(frame.encode());
            self.outstanding = Some(Outstanding {
                call: q.call,
                id,
                action: q.action,
                sent_at: now,
                deadline: q.deadline,
            });
            return;
        }
    }
}

fn release_if_empty<T>(queue: &mut VecDeque<T>) {
    if queue.is_empty() {
        queue.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests;
