//! A connector's charging session: Preparing → Authorize → StartTransaction → Charging →
//! (MeterValues, see `meter.rs`) → Finishing → StopTransaction → Available.

use ocpp::v16::{self, ChargePointStatus, IdToken, Reason};
use ocpp::v201;

use super::offline::TxMessage;
use super::v201::connector_status;
use super::{Boot, CompletedTransaction, Now, Purpose, Session, Station, StationEvent, Tx};
use crate::script::Step;

impl Station {
    pub(super) fn send_status(&mut self, now: Now, connector: u32) {
        if self.is_v201() {
            self.send_status_v201(now, connector);
            return;
        }
        let Some(c) = self.connector(connector) else {
            return;
        };
        let request = v16::StatusNotificationRequest {
            connector_id: connector,
            error_code: v16::ChargePointErrorCode::NoError,
            info: None,
            status: c.status,
            timestamp: Some(now.timestamp()),
            vendor_id: None,
            vendor_error_code: None,
        };
        self.send(now, &request, Purpose::Other);
    }

    /// A 2.0.1 connector only knows Available, Occupied, Reserved, Unavailable and Faulted:
    /// Preparing → Charging → Finishing is one Occupied, reported once.
    pub(super) fn set_status(&mut self, now: Now, connector: u32, status: ChargePointStatus) {
        let v201 = self.is_v201();
        if let Some(c) = self.connector_mut(connector)
            && c.status != status
        {
            let before = c.status;
            c.status = status;
            if !v201 || connector_status(before) != connector_status(status) {
                self.send_status(now, connector);
            }
        }
    }

    pub(super) fn send_authorize(&mut self, now: Now, connector: u32, tag: IdToken) {
        if self.is_v201() {
            let request = v201::AuthorizeRequest {
                id_token: self.token_v201(connector, &tag),
                certificate: None,
                iso15118_certificate_hash_data: Vec::new(),
                custom_data: None,
            };
            self.send201(now, &request, Purpose::Authorize(connector));
        } else {
            let request = v16::AuthorizeRequest { id_tag: tag };
            self.send(now, &request, Purpose::Authorize(connector));
        }
    }

    /// Plug in and present a tag: Preparing, then Authorize (or straight to StartTransaction
    /// for a remote start when AuthorizeRemoteTxRequests is false).
    pub(super) fn begin_session(&mut self, now: Now, connector: u32, tag: IdToken) {
        if !self.connected && self.config.scenario.queues_transactions() && !self.finishing {
            // Offline: authorised locally (LocalAuthorizeOffline), the start is queued.
            self.set_status(now, connector, ChargePointStatus::Preparing);
            self.start_transaction(now, connector, tag);
            return;
        }
        if self.boot != Boot::Accepted || !self.connected {
            // Not now: try again shortly rather than spin on a past deadline.
            if let Some(c) = self.connector_mut(connector)
                && let Session::Idle { next_start } = &mut c.session
                && next_start.is_some()
            {
                *next_start = Some(now.mono + std::time::Duration::from_millis(100));
            }
            return;
        }
        self.set_status(now, connector, ChargePointStatus::Preparing);
        let Some(c) = self.connector_mut(connector) else {
            return;
        };
        c.session = Session::Authorizing { tag: tag.clone() };
        self.send_authorize(now, connector, tag);
    }

    /// Skip Authorize (remote start with AuthorizeRemoteTxRequests = false).
    pub(super) fn start_transaction(&mut self, now: Now, connector: u32, tag: IdToken) {
        let Some(c) = self.connector_mut(connector) else {
            return;
        };
        let meter_start = c.register_wh();
        if self.config.scenario.queues_transactions() {
            self.start_queued(now, connector, tag, meter_start);
            return;
        }
        let v201 = self.is_v201();
        let uid = if v201 {
            self.new_transaction_id(now)
        } else {
            String::new()
        };
        let Some(c) = self.connector_mut(connector) else {
            return;
        };
        let remote_start_id = c.remote_start_id.take();
        c.session = Session::Starting {
            tag: tag.clone(),
            meter_start,
            uid: uid.clone(),
        };
        if v201 {
            let request =
                self.started_event(now, connector, &tag, &uid, remote_start_id, meter_start);
            self.send201(now, &request, Purpose::Start(connector));
            return;
        }
        let request = v16::StartTransactionRequest {
            connector_id: connector,
            id_tag: tag,
            meter_start,
            reservation_id: None,
            timestamp: now.timestamp(),
        };
        self.send(now, &request, Purpose::Start(connector));
    }

    /// The transaction starts at once, whether or not the server can be told yet.
    fn start_queued(&mut self, now: Now, connector: u32, tag: IdToken, meter_start: i64) {
        let local = self.queue.new_local();
        let ends_at = self.config.scenario.session_length().map(|d| now.mono + d);
        let interval = self.sample_interval();
        let remote_start_id = self
            .connector_mut(connector)
            .and_then(|c| c.remote_start_id.take());
        let uid = if self.is_v201() {
            let uid = self.new_transaction_id(now);
            let request =
                self.started_event(now, connector, &tag, &uid, remote_start_id, meter_start);
            self.queue.push(
                local,
                TxMessage::Event {
                    request: Box::new(request),
                    done: None,
                },
            );
            uid
        } else {
            let request = v16::StartTransactionRequest {
                connector_id: connector,
                id_tag: tag.clone(),
                meter_start,
                reservation_id: None,
                timestamp: now.timestamp(),
            };
            self.queue.push(local, TxMessage::Start(request));
            String::new()
        };
        let Some(c) = self.connector_mut(connector) else {
            return;
        };
        c.session = Session::Active(Tx {
            id: -1,
            local,
            uid,
            seq_no: 1,
            tag,
            meter_start,
            ends_at,
            next_meter: now.mono + interval,
            last_tick: now.mono,
        });
        self.set_status(now, connector, ChargePointStatus::Charging);
        if self.finishing {
            self.stop_session(now, connector, Reason::Local);
        }
    }

    /// `status`: the idTagInfo (1.6) or idTokenInfo (2.0.1) status, as its name.
    pub(super) fn authorized(&mut self, now: Now, connector: u32, status: &str) {
        let Some(Session::Authorizing { tag }) = self.connector(connector).map(|c| &c.session)
        else {
            return;
        };
        let tag = tag.clone();
        if status != "Accepted" {
            self.events.push_back(StationEvent::Refused {
                action: "Authorize",
                status: status.to_owned(),
            });
            self.end_session(now, connector);
            return;
        }
        if self.finishing {
            self.end_session(now, connector);
            return;
        }
        if self.awaits(connector, |s| matches!(s, Step::Authorize { .. })) {
            // The program's next step starts the transaction (or does something else first).
            if let Some(c) = self.connector_mut(connector) {
                c.session = Session::Idle { next_start: None };
                c.authorized = Some(tag);
            }
            self.step_done(connector);
            return;
        }
        self.start_transaction(now, connector, tag);
    }

    /// The start was answered: the server's transaction id (1.6; -1 in 2.0.1) and the
    /// authorization status, if it refused the tag.
    pub(super) fn started(&mut self, now: Now, connector: u32, id: i32, refusal: Option<String>) {
        // A program's session lasts as long as its `charge` steps say.
        let scripted = self.awaits(connector, |s| matches!(s, Step::Start { .. }));
        let ends_at = match self.config.scenario.session_length() {
            Some(d) if !scripted => Some(now.mono + d),
            _ => None,
        };
        let interval = self.sample_interval();
        let Some(c) = self.connector_mut(connector) else {
            return;
        };
        let Session::Starting {
            tag,
            meter_start,
            uid,
        } = &c.session
        else {
            return;
        };
        // The transaction exists on the server whatever idTagInfo says; a real charger
        // would stop it at once when refused (StopTransactionOnInvalidId), and so do we.
        c.session = Session::Active(Tx {
            id,
            local: 0,
            uid: uid.clone(),
            seq_no: 1,
            tag: tag.clone(),
            meter_start: *meter_start,
            ends_at,
            next_meter: now.mono + interval,
            last_tick: now.mono,
        });
        self.events.push_back(StationEvent::TransactionStarted);
        self.set_status(now, connector, ChargePointStatus::Charging);
        if scripted {
            self.step_done(connector);
        }
        if let Some(status) = refusal {
            let action = if self.is_v201() {
                "TransactionEvent"
            } else {
                "StartTransaction"
            };
            self.events
                .push_back(StationEvent::Refused { action, status });
            self.stop_session(now, connector, Reason::DeAuthorized);
        } else if self.finishing {
            self.stop_session(now, connector, Reason::Local);
        }
    }

    pub(super) fn stop_session(&mut self, now: Now, connector: u32, reason: Reason) {
        self.advance_meter(now, connector);
        let queued = self.config.scenario.queues_transactions();
        let Some(c) = self.connector_mut(connector) else {
            return;
        };
        let Session::Active(tx) = c.session.clone() else {
            return;
        };
        let meter_stop = c.register_wh();
        if self.is_v201() {
            self.stop_session_v201(now, connector, tx, meter_stop, reason, queued);
            return;
        }
        let request = v16::StopTransactionRequest {
            id_tag: Some(tx.tag.clone()),
            meter_stop,
            timestamp: now.timestamp(),
            transaction_id: tx.id,
            reason: Some(reason),
            transaction_data: Vec::new(),
        };
        if queued {
            let message = TxMessage::Stop {
                request,
                connector,
                meter_start: tx.meter_start,
            };
            self.queue.push(tx.local, message);
            self.set_status(now, connector, ChargePointStatus::Finishing);
            self.end_session(now, connector);
            return;
        }
        if let Some(c) = self.connector_mut(connector) {
            c.session = Session::Stopping {
                tx: tx.clone(),
                meter_stop,
            };
        }
        self.set_status(now, connector, ChargePointStatus::Finishing);
        self.send(now, &request, Purpose::Stop(connector));
    }

    pub(super) fn stopped(&mut self, now: Now, connector: u32) {
        if let Some(Session::Stopping { tx, meter_stop }) =
            self.connector(connector).map(|c| &c.session)
        {
            let (connector_id, evse_id) = if self.is_v201() {
                (1, Some(connector))
            } else {
                (connector, None)
            };
            let done = CompletedTransaction {
                station_id: self.config.id.clone(),
                connector_id,
                evse_id,
                transaction_id: tx.reference(),
                meter_start_wh: tx.meter_start,
                meter_stop_wh: *meter_stop,
            };
            self.events
                .push_back(StationEvent::TransactionCompleted(done));
        }
        self.end_session(now, connector);
    }

    /// Back to Idle (or Unavailable if an availability change was waiting), and schedule the
    /// scenario's next session.
    pub(super) fn end_session(&mut self, now: Now, connector: u32) {
        let next = match self.config.scenario.next_session_after() {
            Some(after) if !self.finishing && self.script.is_none() => Some(now.mono + after),
            _ => None,
        };
        let Some(c) = self.connector_mut(connector) else {
            return;
        };
        c.session = Session::Idle { next_start: next };
        c.every = None;
        c.authorized = None;
        c.remote_start_id = None;
        c.remote_token = None;
        if let Some(operative) = c.pending_operative.take() {
            c.operative = operative;
        }
        let status = if c.operative {
            ChargePointStatus::Available
        } else {
            ChargePointStatus::Unavailable
        };
        self.set_status(now, connector, status);
        self.program_session_ended(now, connector);
    }
}
