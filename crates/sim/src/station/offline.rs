//! The transaction-message queue (OCPP 1.6 §3.7) of the `offline` scenario: StartTransaction,
//! transaction MeterValues and StopTransaction are sent one at a time, in order, and kept
//! across a lost connection. A message whose answer was lost is sent again on the next
//! connection; after a reconnect every third queued message is replayed twice, with a new
//! message id, as chargers do that lost an answer. The station does not know the transaction
//! id of a queued StartTransaction: later messages name the transaction by a local number and
//! get the server's id once the StartTransaction is answered. In 2.0.1 the queue holds
//! TransactionEvents instead (E04): the station names the transaction itself, events made
//! while disconnected say `offline: true`, and they go out in seqNo order; a replayed
//! duplicate keeps its seqNo, so the CSMS can tell it is one.

use std::collections::{HashMap, VecDeque};
use std::time::Duration;

use ocpp::CallId;
use ocpp::v16::{self, Request};
use ocpp::v201::{self, Request as _};
use serde_json::value::RawValue;

use super::{
    Boot, CALL_TIMEOUT, CompletedTransaction, Now, Purpose, Session, Station, StationEvent,
    connector_id,
};

#[derive(Debug, Clone)]
pub(super) enum TxMessage {
    Start(v16::StartTransactionRequest),
    Meter(v16::MeterValuesRequest),
    Stop {
        request: v16::StopTransactionRequest,
        connector: u32,
        meter_start: i64,
    },
    /// 2.0.1: any TransactionEvent. The station names its transactions itself, so nothing is
    /// filled in; an Ended event carries the transaction it completes.
    Event {
        request: Box<v201::TransactionEventRequest>,
        done: Option<CompletedTransaction>,
    },
}

#[derive(Debug, Clone)]
struct Entry {
    /// The station's own number for the transaction.
    local: u32,
    message: TxMessage,
    /// Send this one again once answered (a replay duplicate).
    twice: bool,
}

#[derive(Debug, Default)]
pub(super) struct TxQueue {
    entries: VecDeque<Entry>,
    in_flight: Option<CallId>,
    /// Local transaction number → the server's transactionId, once the start is answered.
    ids: HashMap<u32, i32>,
    next_local: u32,
}

impl TxQueue {
    pub(super) fn new_local(&mut self) -> u32 {
        self.next_local += 1;
        self.next_local
    }

    pub(super) fn push(&mut self, local: u32, message: TxMessage) {
        self.entries.push_back(Entry {
            local,
            message,
            twice: false,
        });
    }

    pub(super) fn len(&self) -> usize {
        self.entries.len()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub(super) fn server_id(&self, local: u32) -> Option<i32> {
        self.ids.get(&local).copied()
    }

    /// The connection is gone: an answer still awaited is lost, so that message goes again.
    pub(super) fn connection_lost(&mut self) {
        self.in_flight = None;
    }

    /// A new connection replays the queue: every third message twice.
    pub(super) fn mark_replay(&mut self) {
        for (i, entry) in self.entries.iter_mut().enumerate() {
            entry.twice = i % 3 == 2;
        }
    }

    /// The head, ready to send: action and payload with the server's transaction id filled
    /// in. `None` while a message is in flight, the queue is empty, or the head's transaction
    /// id is not known yet.
    fn next(&self) -> Option<(&'static str, Box<RawValue>)> {
        if self.in_flight.is_some() {
            return None;
        }
        let head = self.entries.front()?;
        let payload = match &head.message {
            TxMessage::Start(r) => (v16::StartTransactionRequest::ACTION, raw(r)?),
            TxMessage::Meter(r) => {
                let mut r = r.clone();
                r.transaction_id = Some(self.server_id(head.local)?);
                (v16::MeterValuesRequest::ACTION, raw(&r)?)
            }
            TxMessage::Stop { request, .. } => {
                let mut r = request.clone();
                r.transaction_id = self.server_id(head.local)?;
                (v16::StopTransactionRequest::ACTION, raw(&r)?)
            }
            TxMessage::Event { request, .. } => {
                let action = v201::TransactionEventRequest::ACTION.as_str();
                return Some((action, raw(request)?));
            }
        };
        Some((payload.0.as_str(), payload.1))
    }
}

fn raw<T: serde::Serialize>(value: &T) -> Option<Box<RawValue>> {
    serde_json::value::to_raw_value(value).ok()
}

impl Station {
    /// Transaction messages not yet answered (the `offline` scenario's queue).
    pub fn queued(&self) -> usize {
        self.queue.len()
    }

    /// Mid-transaction (else a little later): a last MeterValues goes out, and the socket
    /// closes before its answer can arrive, so it has to be sent again after the reconnect.
    pub(super) fn drop_connection(&mut self, now: Now) {
        let active: Vec<u32> = (0..self.connectors.len())
            .filter(|&i| matches!(self.connectors[i].session, Session::Active(_)))
            .map(connector_id)
            .collect();
        if active.is_empty() {
            self.drop_at = Some(now.mono + Duration::from_millis(100));
            return;
        }
        let offline_for = self
            .config
            .scenario
            .drop_plan()
            .map_or(Duration::ZERO, |p| p.1);
        self.drop_at = None;
        self.go_offline(now, offline_for);
    }

    /// A last MeterValues of every running transaction goes out, then the connection drops
    /// for `offline_for`.
    pub(super) fn go_offline(&mut self, now: Now, offline_for: Duration) {
        let active: Vec<u32> = (0..self.connectors.len())
            .filter(|&i| matches!(self.connectors[i].session, Session::Active(_)))
            .map(connector_id)
            .collect();
        for connector in active {
            self.send_meter_values(now, connector, None);
        }
        self.pump_queue(now);
        self.connected = false;
        self.events.push_back(StationEvent::GoOffline(offline_for));
    }

    /// Send the queue's head if the connection is up, booted and nothing is in flight.
    pub(super) fn pump_queue(&mut self, now: Now) {
        if !self.connected || self.boot != Boot::Accepted {
            return;
        }
        let Some((action, payload)) = self.queue.next() else {
            return;
        };
        let call = self
            .endpoint
            .start_call(now.mono, action, payload, CALL_TIMEOUT);
        self.pending.insert(call, Purpose::Queued);
        self.queue.in_flight = Some(call);
    }

    /// The queued message in flight timed out: it goes again.
    pub(super) fn queued_lost(&mut self) {
        self.queue.in_flight = None;
    }

    /// The queued message in flight was answered (`None`: refused with a CALLERROR, which
    /// is reported and not retried).
    pub(super) fn queued_answered(&mut self, payload: Option<&RawValue>) {
        self.queue.in_flight = None;
        let Some(head) = self.queue.entries.front().cloned() else {
            return;
        };
        let Some(payload) = payload else {
            self.queue.entries.pop_front();
            if matches!(head.message, TxMessage::Start(_)) {
                // No transaction: drop what belongs to it.
                self.queue.entries.retain(|e| e.local != head.local);
            }
            return;
        };
        match &head.message {
            TxMessage::Start(_) => {
                let r: v16::StartTransactionResponse =
                    match ocpp::rpc::decode(payload.get()).map(|d| d.value) {
                        Ok(r) => r,
                        Err(e) => {
                            self.events.push_back(StationEvent::Violation(format!(
                                "unreadable StartTransaction answer: {e}"
                            )));
                            return;
                        }
                    };
                self.transaction_known(head.local, r.transaction_id);
            }
            TxMessage::Meter(_) => {}
            TxMessage::Stop {
                request,
                connector,
                meter_start,
            } if !head.twice => {
                if let Some(id) = self.queue.server_id(head.local) {
                    self.events.push_back(StationEvent::TransactionCompleted(
                        CompletedTransaction {
                            station_id: self.config.id.clone(),
                            connector_id: *connector,
                            evse_id: None,
                            transaction_id: id.to_string(),
                            meter_start_wh: *meter_start,
                            meter_stop_wh: request.meter_stop,
                        },
                    ));
                }
            }
            TxMessage::Stop { .. } => {}
            // Counted once, however often replayed: on the answer that removes it.
            TxMessage::Event { request, done } if !head.twice => {
                if request.event_type == v201::TransactionEvent::Started {
                    self.events.push_back(StationEvent::TransactionStarted);
                }
                if let Some(done) = done {
                    self.events
                        .push_back(StationEvent::TransactionCompleted(done.clone()));
                }
            }
            TxMessage::Event { .. } => {}
        }
        if let Some(front) = self.queue.entries.front_mut()
            && front.twice
        {
            front.twice = false;
        } else {
            self.queue.entries.pop_front();
        }
    }

    /// The server named the transaction: remember it, and give it to the running session.
    fn transaction_known(&mut self, local: u32, id: i32) {
        match self.queue.ids.insert(local, id) {
            Some(before) if before != id => {
                self.events.push_back(StationEvent::Violation(format!(
                    "replayed StartTransaction got transactionId {id}, first {before}"
                )));
            }
            Some(_) => {}
            None => self.events.push_back(StationEvent::TransactionStarted),
        }
        for c in &mut self.connectors {
            if let Session::Active(tx) = &mut c.session
                && tx.local == local
            {
                tx.id = id;
            }
        }
    }
}
