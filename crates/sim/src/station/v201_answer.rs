//! Answers to the 2.0.1 CSMS's calls, as a real 2.0.1 charger gives them. As in `reply.rs`,
//! follow-up messages are [`Deferred`] so the answer goes out first.

use ocpp::rpc::{Call, RpcError};
use ocpp::v201::{self, Action};

use super::local_list::Refused;
use super::model::Changed;
use super::{Deferred, Now, Session, Station, connector_id, tag};

impl Station {
    pub(super) fn answer_v201(&mut self, now: Now, call: Call) {
        let Some(action) = Action::parse(&call.action) else {
            self.endpoint
                .reject_call(RpcError::UnknownAction { id: call.id });
            return;
        };
        match action {
            Action::RequestStartTransaction => self.serve(now, call, Station::request_start),
            Action::RequestStopTransaction => self.serve(now, call, Station::request_stop),
            Action::Reset => self.serve(now, call, Station::reset_v201),
            Action::GetVariables => self.serve(now, call, Station::get_variables),
            Action::SetVariables => self.serve(now, call, Station::set_variables),
            Action::GetBaseReport => self.serve(now, call, Station::get_base_report),
            Action::ChangeAvailability => self.serve(now, call, Station::change_availability_v201),
            Action::UnlockConnector => self.serve(now, call, Station::unlock_v201),
            Action::TriggerMessage => self.serve(now, call, Station::trigger_v201),
            Action::GetTransactionStatus => self.serve(now, call, Station::transaction_status),
            Action::SendLocalList => self.serve(now, call, Station::send_local_list_v201),
            Action::GetLocalListVersion => self.serve(
                now,
                call,
                |station, _, _: v201::GetLocalListVersionRequest| {
                    v201::GetLocalListVersionResponse {
                        version_number: station.local_list.version(),
                        custom_data: None,
                    }
                },
            ),
            Action::ClearCache => self.serve(now, call, |_, _, _: v201::ClearCacheRequest| {
                v201::ClearCacheResponse {
                    status: v201::ClearCacheStatus::Accepted,
                    status_info: None,
                    custom_data: None,
                }
            }),
            Action::DataTransfer => self.serve(now, call, |_, _, _: v201::DataTransferRequest| {
                v201::DataTransferResponse {
                    status: v201::DataTransferStatus::UnknownVendorId,
                    status_info: None,
                    data: None,
                    custom_data: None,
                }
            }),
            // Smart charging, firmware, certificates, local lists, reservations, displays:
            // this AC charger has none of them.
            _ => self
                .endpoint
                .reject_call(RpcError::NotSupported { id: call.id }),
        }
    }

    /// A free EVSE (the one asked for, or the first), then Authorize if
    /// AuthCtrlr.AuthorizeRemoteStart, then the Started event with the remoteStartId.
    fn send_local_list_v201(
        &mut self,
        _now: Now,
        r: v201::SendLocalListRequest,
    ) -> v201::SendLocalListResponse {
        let entries = r
            .local_authorization_list
            .into_iter()
            .map(|e| {
                let status = e
                    .id_token_info
                    .map(|i| ocpp::wire::name(&i.status).unwrap_or_default().to_owned());
                (e.id_token.id_token.into_inner(), status)
            })
            .collect();
        let full = r.update_type == v201::Update::Full;
        let status = match self.local_list.update(full, r.version_number, entries) {
            Ok(()) => v201::SendLocalListStatus::Accepted,
            Err(Refused::Failed) => v201::SendLocalListStatus::Failed,
            Err(Refused::VersionMismatch) => v201::SendLocalListStatus::VersionMismatch,
        };
        v201::SendLocalListResponse {
            status,
            status_info: None,
            custom_data: None,
        }
    }

    fn request_start(
        &mut self,
        _now: Now,
        r: v201::RequestStartTransactionRequest,
    ) -> v201::RequestStartTransactionResponse {
        let free = |c: &super::Connector| c.operative && matches!(c.session, Session::Idle { .. });
        let connector = match r.evse_id {
            Some(id) => self.connector(id).filter(|c| free(c)).map(|_| id),
            None => self.connectors.iter().position(free).map(connector_id),
        };
        let status = match connector {
            Some(connector) if !self.finishing => {
                self.deferred.push(Deferred::Start {
                    connector,
                    tag: tag(r.id_token.id_token.as_str()),
                    remote_start_id: Some(r.remote_start_id),
                    remote_token: Some(Box::new(r.id_token)),
                });
                v201::RequestStartStopStatus::Accepted
            }
            _ => v201::RequestStartStopStatus::Rejected,
        };
        v201::RequestStartTransactionResponse {
            status,
            status_info: None,
            transaction_id: None,
            custom_data: None,
        }
    }

    fn request_stop(
        &mut self,
        _now: Now,
        r: v201::RequestStopTransactionRequest,
    ) -> v201::RequestStopTransactionResponse {
        let wanted = r.transaction_id.as_str();
        let found = self.connectors.iter().position(
            |c| matches!(&c.session, Session::Active(tx) if tx.uid.eq_ignore_ascii_case(wanted)),
        );
        let status = match found {
            Some(index) => {
                self.deferred.push(Deferred::Stop {
                    connector: connector_id(index),
                    reason: ocpp::v16::Reason::Remote,
                });
                v201::RequestStartStopStatus::Accepted
            }
            None => v201::RequestStartStopStatus::Rejected,
        };
        v201::RequestStopTransactionResponse {
            status,
            status_info: None,
            custom_data: None,
        }
    }

    /// Immediate: transactions end (ImmediateReset), then reconnect and boot with reason
    /// RemoteReset. OnIdle waits for running transactions (Scheduled). Resetting one EVSE is
    /// not supported.
    fn reset_v201(&mut self, _now: Now, r: v201::ResetRequest) -> v201::ResetResponse {
        let busy = self
            .connectors
            .iter()
            .any(|c| !matches!(c.session, Session::Idle { .. }));
        let status = match (r.evse_id, r.kind) {
            (Some(_), _) => v201::ResetStatus::Rejected,
            (None, v201::Reset::Immediate) => {
                self.deferred
                    .push(Deferred::Reset(ocpp::v16::Reason::HardReset));
                v201::ResetStatus::Accepted
            }
            (None, v201::Reset::OnIdle) if busy => {
                self.reset_on_idle = true;
                v201::ResetStatus::Scheduled
            }
            (None, v201::Reset::OnIdle) => {
                self.deferred
                    .push(Deferred::Reset(ocpp::v16::Reason::SoftReset));
                v201::ResetStatus::Accepted
            }
        };
        v201::ResetResponse {
            status,
            status_info: None,
            custom_data: None,
        }
    }

    fn get_variables(
        &mut self,
        _now: Now,
        r: v201::GetVariablesRequest,
    ) -> v201::GetVariablesResponse {
        let get_variable_result = r
            .get_variable_data
            .into_iter()
            .map(|data| {
                let (attribute_status, value) = self.model.get(&self.store, &data);
                v201::GetVariableResult {
                    attribute_status_info: None,
                    attribute_status,
                    attribute_type: data.attribute_type,
                    attribute_value: value.map(|v| super::ci(&v)),
                    component: data.component,
                    variable: data.variable,
                    custom_data: None,
                }
            })
            .collect();
        v201::GetVariablesResponse {
            get_variable_result,
            custom_data: None,
        }
    }

    fn set_variables(
        &mut self,
        now: Now,
        r: v201::SetVariablesRequest,
    ) -> v201::SetVariablesResponse {
        let mut set_variable_result = Vec::with_capacity(r.set_variable_data.len());
        for data in r.set_variable_data {
            let (attribute_status, changed) = self.model.set(&mut self.store, &data);
            match changed {
                Changed::HeartbeatInterval => self.schedule_heartbeat(now),
                Changed::SampleInterval => self.set_sample_interval(),
                Changed::Other => {}
            }
            set_variable_result.push(v201::SetVariableResult {
                attribute_type: data.attribute_type,
                attribute_status,
                attribute_status_info: None,
                component: data.component,
                variable: data.variable,
                custom_data: None,
            });
        }
        v201::SetVariablesResponse {
            set_variable_result,
            custom_data: None,
        }
    }

    fn get_base_report(
        &mut self,
        _now: Now,
        r: v201::GetBaseReportRequest,
    ) -> v201::GetBaseReportResponse {
        self.deferred.push(Deferred::Report {
            request_id: r.request_id,
            configuration_only: r.report_base == v201::ReportBase::ConfigurationInventory,
        });
        v201::GetBaseReportResponse {
            status: v201::GenericDeviceModelStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }

    /// No EVSE: the whole station. An EVSE's only connector is connector 1.
    fn change_availability_v201(
        &mut self,
        _now: Now,
        r: v201::ChangeAvailabilityRequest,
    ) -> v201::ChangeAvailabilityResponse {
        let operative = r.operational_status == v201::OperationalStatus::Operative;
        let targets: Vec<u32> = match &r.evse {
            None | Some(v201::Evse { id: 0, .. }) => {
                (0..self.connectors.len()).map(connector_id).collect()
            }
            Some(evse)
                if self.connector(evse.id).is_some()
                    && evse.connector_id.is_none_or(|c| c == 1) =>
            {
                vec![evse.id]
            }
            Some(_) => {
                return v201::ChangeAvailabilityResponse {
                    status: v201::ChangeAvailabilityStatus::Rejected,
                    status_info: None,
                    custom_data: None,
                };
            }
        };
        let status = if self.apply_availability(targets, operative) {
            v201::ChangeAvailabilityStatus::Scheduled
        } else {
            v201::ChangeAvailabilityStatus::Accepted
        };
        v201::ChangeAvailabilityResponse {
            status,
            status_info: None,
            custom_data: None,
        }
    }

    /// A connector with an authorised transaction stays locked (F05.FR.02).
    fn unlock_v201(
        &mut self,
        _now: Now,
        r: v201::UnlockConnectorRequest,
    ) -> v201::UnlockConnectorResponse {
        let status = match self.connector(r.evse_id) {
            Some(_) if r.connector_id != 1 => v201::UnlockStatus::UnknownConnector,
            None => v201::UnlockStatus::UnknownConnector,
            Some(c) if matches!(c.session, Session::Active(_)) => {
                v201::UnlockStatus::OngoingAuthorizedTransaction
            }
            Some(_) => v201::UnlockStatus::Unlocked,
        };
        v201::UnlockConnectorResponse {
            status,
            status_info: None,
            custom_data: None,
        }
    }

    fn trigger_v201(
        &mut self,
        _now: Now,
        r: v201::TriggerMessageRequest,
    ) -> v201::TriggerMessageResponse {
        use v201::MessageTrigger as M;
        let connectors: Vec<u32> = match &r.evse {
            None | Some(v201::Evse { id: 0, .. }) => {
                (0..self.connectors.len()).map(connector_id).collect()
            }
            Some(evse) if self.connector(evse.id).is_some() => vec![evse.id],
            Some(_) => {
                return v201::TriggerMessageResponse {
                    status: v201::TriggerMessageStatus::Rejected,
                    status_info: None,
                    custom_data: None,
                };
            }
        };
        let status = match r.requested_message {
            M::BootNotification => {
                self.boot_reason = v201::BootReason::Triggered;
                self.deferred.push(Deferred::Boot);
                v201::TriggerMessageStatus::Accepted
            }
            M::Heartbeat => {
                self.deferred.push(Deferred::Heartbeat);
                v201::TriggerMessageStatus::Accepted
            }
            M::StatusNotification => {
                self.deferred
                    .extend(connectors.into_iter().map(Deferred::Status));
                v201::TriggerMessageStatus::Accepted
            }
            M::MeterValues => {
                self.deferred
                    .extend(connectors.into_iter().map(Deferred::MeterValues));
                v201::TriggerMessageStatus::Accepted
            }
            _ => v201::TriggerMessageStatus::NotImplemented,
        };
        v201::TriggerMessageResponse {
            status,
            status_info: None,
            custom_data: None,
        }
    }

    fn transaction_status(
        &mut self,
        _now: Now,
        r: v201::GetTransactionStatusRequest,
    ) -> v201::GetTransactionStatusResponse {
        let ongoing = r.transaction_id.map(|id| {
            self.connectors.iter().any(
                |c| matches!(&c.session, Session::Active(tx) if tx.uid.eq_ignore_ascii_case(&id)),
            )
        });
        v201::GetTransactionStatusResponse {
            ongoing_indicator: ongoing,
            messages_in_queue: !self.queue.is_empty(),
            custom_data: None,
        }
    }
}
