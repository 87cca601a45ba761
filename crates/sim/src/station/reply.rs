//! Answers to the central system's calls, as a real 1.6 charger gives them. Each handler
//! returns the answer and queues any follow-up messages as [`Deferred`] work, so the answer
//! always goes out first (a StartTransaction must not overtake the RemoteStart's answer).

use ocpp::rpc::{self, Call, RpcError};
use ocpp::v16::{self, Action, ChargePointStatus, Reason};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::config::{HEARTBEAT_INTERVAL, METER_VALUE_SAMPLE_INTERVAL};
use super::local_list::Refused;
use super::{Deferred, Now, Session, Station, StationEvent};

impl Station {
    pub(super) fn answer(&mut self, now: Now, call: Call) {
        self.events.push_back(StationEvent::ServerCall {
            action: call.action.clone(),
        });
        if self.is_v201() {
            self.answer_v201(now, call);
            return;
        }
        let Some(action) = Action::parse(&call.action) else {
            self.endpoint
                .reject_call(RpcError::UnknownAction { id: call.id });
            return;
        };
        match action {
            Action::RemoteStartTransaction => self.serve(now, call, Station::remote_start),
            Action::RemoteStopTransaction => self.serve(now, call, Station::remote_stop),
            Action::Reset => self.serve(now, call, Station::reset),
            Action::ChangeConfiguration => self.serve(now, call, Station::change_configuration),
            Action::GetConfiguration => self.serve(now, call, Station::get_configuration),
            Action::UnlockConnector => self.serve(now, call, Station::unlock),
            Action::ChangeAvailability => self.serve(now, call, Station::change_availability),
            Action::ClearCache => self.serve(now, call, |_, _, _: v16::ClearCacheRequest| {
                v16::ClearCacheResponse {
                    status: v16::ClearCacheStatus::Accepted,
                }
            }),
            Action::DataTransfer => self.serve(now, call, |_, _, _: v16::DataTransferRequest| {
                v16::DataTransferResponse {
                    status: v16::DataTransferStatus::UnknownVendorId,
                    data: None,
                }
            }),
            Action::TriggerMessage => self.serve(now, call, Station::trigger),
            Action::SendLocalList => self.serve(now, call, Station::send_local_list),
            Action::GetLocalListVersion => self.serve(
                now,
                call,
                |station, _, _: v16::GetLocalListVersionRequest| v16::GetLocalListVersionResponse {
                    list_version: station.local_list.version(),
                },
            ),
            _ => self
                .endpoint
                .reject_call(RpcError::NotSupported { id: call.id }),
        }
    }

    /// Decode the request, run the handler, send its answer; a bad payload gets the CALLERROR
    /// the protocol crate picks for it.
    pub(super) fn serve<R: DeserializeOwned, A: Serialize>(
        &mut self,
        now: Now,
        call: Call,
        handler: impl FnOnce(&mut Station, Now, R) -> A,
    ) {
        let request = match rpc::decode::<R>(call.payload.get()) {
            Ok(decoded) => decoded.value,
            Err(error) => {
                self.endpoint
                    .reject_call(RpcError::Payload { id: call.id, error });
                return;
            }
        };
        let response = handler(self, now, request);
        match serde_json::value::to_raw_value(&response) {
            Ok(payload) => self.endpoint.respond(call.id, payload),
            Err(_) => self
                .endpoint
                .reject_call(RpcError::NotSupported { id: call.id }),
        }
    }

    fn send_local_list(
        &mut self,
        _now: Now,
        r: v16::SendLocalListRequest,
    ) -> v16::SendLocalListResponse {
        let status = if !self.store.get_bool("LocalAuthListEnabled") {
            v16::UpdateStatus::NotSupported
        } else {
            let entries = r
                .local_authorization_list
                .into_iter()
                .map(|e| {
                    let status = e
                        .id_tag_info
                        .map(|i| ocpp::wire::name(&i.status).unwrap_or_default().to_owned());
                    (e.id_tag.into_inner(), status)
                })
                .collect();
            let full = r.update_type == v16::UpdateType::Full;
            match self.local_list.update(full, r.list_version, entries) {
                Ok(()) => v16::UpdateStatus::Accepted,
                Err(Refused::Failed) => v16::UpdateStatus::Failed,
                Err(Refused::VersionMismatch) => v16::UpdateStatus::VersionMismatch,
            }
        };
        v16::SendLocalListResponse { status }
    }

    fn remote_start(
        &mut self,
        _now: Now,
        r: v16::RemoteStartTransactionRequest,
    ) -> v16::RemoteStartTransactionResponse {
        let free = |c: &super::Connector| c.operative && matches!(c.session, Session::Idle { .. });
        let connector = match r.connector_id {
            Some(id) => self.connector(id).filter(|c| free(c)).map(|_| id),
            None => self
                .connectors
                .iter()
                .position(free)
                .map(super::connector_id),
        };
        let status = match connector {
            Some(connector) if !self.finishing => {
                self.deferred.push(Deferred::Start {
                    connector,
                    tag: r.id_tag,
                    remote_start_id: None,
                    remote_token: None,
                });
                v16::RemoteStartStopStatus::Accepted
            }
            _ => v16::RemoteStartStopStatus::Rejected,
        };
        v16::RemoteStartTransactionResponse { status }
    }

    fn remote_stop(
        &mut self,
        _now: Now,
        r: v16::RemoteStopTransactionRequest,
    ) -> v16::RemoteStopTransactionResponse {
        let found = self
            .connectors
            .iter()
            .position(|c| matches!(&c.session, Session::Active(tx) if tx.id == r.transaction_id));
        let status = match found {
            Some(index) => {
                self.deferred.push(Deferred::Stop {
                    connector: super::connector_id(index),
                    reason: Reason::Remote,
                });
                v16::RemoteStartStopStatus::Accepted
            }
            None => v16::RemoteStartStopStatus::Rejected,
        };
        v16::RemoteStopTransactionResponse { status }
    }

    fn reset(&mut self, _now: Now, r: v16::ResetRequest) -> v16::ResetResponse {
        let reason = match r.kind {
            v16::ResetType::Hard => Reason::HardReset,
            v16::ResetType::Soft => Reason::SoftReset,
        };
        self.deferred.push(Deferred::Reset(reason));
        v16::ResetResponse {
            status: v16::ResetStatus::Accepted,
        }
    }

    fn change_configuration(
        &mut self,
        now: Now,
        r: v16::ChangeConfigurationRequest,
    ) -> v16::ChangeConfigurationResponse {
        let status = self.store.change(&r.key, &r.value);
        if status == v16::ConfigurationStatus::Accepted {
            if r.key.eq_ignore_ascii_case(HEARTBEAT_INTERVAL) {
                self.schedule_heartbeat(now);
            } else if r.key.eq_ignore_ascii_case(METER_VALUE_SAMPLE_INTERVAL) {
                self.set_sample_interval();
            }
        }
        v16::ChangeConfigurationResponse { status }
    }

    fn get_configuration(
        &mut self,
        _now: Now,
        r: v16::GetConfigurationRequest,
    ) -> v16::GetConfigurationResponse {
        let (configuration_key, unknown_key) = self.store.list(&r.key);
        v16::GetConfigurationResponse {
            configuration_key,
            unknown_key,
        }
    }

    fn unlock(
        &mut self,
        _now: Now,
        r: v16::UnlockConnectorRequest,
    ) -> v16::UnlockConnectorResponse {
        let Some(c) = self.connector(r.connector_id) else {
            return v16::UnlockConnectorResponse {
                status: v16::UnlockStatus::UnlockFailed,
            };
        };
        // Unlocking ends a running session first (1.6 §5.17).
        if matches!(c.session, Session::Active(_)) {
            self.deferred.push(Deferred::Stop {
                connector: r.connector_id,
                reason: Reason::UnlockCommand,
            });
        }
        v16::UnlockConnectorResponse {
            status: v16::UnlockStatus::Unlocked,
        }
    }

    /// Connector 0 is the whole station. A connector in a session is changed once the session
    /// ends (`Scheduled`).
    fn change_availability(
        &mut self,
        _now: Now,
        r: v16::ChangeAvailabilityRequest,
    ) -> v16::ChangeAvailabilityResponse {
        let operative = r.kind == v16::AvailabilityType::Operative;
        let targets: Vec<u32> = match r.connector_id {
            0 => (0..self.connectors.len())
                .map(super::connector_id)
                .collect(),
            id if self.connector(id).is_some() => vec![id],
            _ => {
                return v16::ChangeAvailabilityResponse {
                    status: v16::AvailabilityStatus::Rejected,
                };
            }
        };
        let status = if self.apply_availability(targets, operative) {
            v16::AvailabilityStatus::Scheduled
        } else {
            v16::AvailabilityStatus::Accepted
        };
        v16::ChangeAvailabilityResponse { status }
    }

    /// Make connectors (in)operative; one in a session changes once the session ends.
    /// Whether any change was so scheduled.
    pub(super) fn apply_availability(&mut self, targets: Vec<u32>, operative: bool) -> bool {
        let mut scheduled = false;
        for id in targets {
            let Some(c) = self.connector_mut(id) else {
                continue;
            };
            if matches!(c.session, Session::Idle { .. }) {
                c.operative = operative;
                c.pending_operative = None;
                let status = if operative {
                    ChargePointStatus::Available
                } else {
                    ChargePointStatus::Unavailable
                };
                if c.status != status {
                    c.status = status;
                    self.deferred.push(Deferred::Status(id));
                }
            } else {
                c.pending_operative = Some(operative);
                scheduled = true;
            }
        }
        scheduled
    }

    fn trigger(&mut self, _now: Now, r: v16::TriggerMessageRequest) -> v16::TriggerMessageResponse {
        use v16::MessageTrigger as M;
        let count = self.connectors.len();
        let connectors: Vec<u32> = match r.connector_id {
            None | Some(0) => (0..count).map(super::connector_id).collect(),
            Some(id) if self.connector(id).is_some() => vec![id],
            Some(_) => {
                return v16::TriggerMessageResponse {
                    status: v16::TriggerMessageStatus::Rejected,
                };
            }
        };
        let status = match r.requested_message {
            M::BootNotification => {
                self.deferred.push(Deferred::Boot);
                v16::TriggerMessageStatus::Accepted
            }
            M::Heartbeat => {
                self.deferred.push(Deferred::Heartbeat);
                v16::TriggerMessageStatus::Accepted
            }
            M::StatusNotification => {
                self.deferred
                    .extend(connectors.into_iter().map(Deferred::Status));
                v16::TriggerMessageStatus::Accepted
            }
            M::MeterValues => {
                self.deferred
                    .extend(connectors.into_iter().map(Deferred::MeterValues));
                v16::TriggerMessageStatus::Accepted
            }
            M::DiagnosticsStatusNotification | M::FirmwareStatusNotification => {
                v16::TriggerMessageStatus::NotImplemented
            }
        };
        v16::TriggerMessageResponse { status }
    }
}
