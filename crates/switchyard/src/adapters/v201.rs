//! OCPP 2.0.1 ↔ domain.
//!
//! What 2.0.1 models differently from 1.6 is translated here, so the session, store and API
//! stay version-neutral: a transaction is a stream of TransactionEvents (folded by the store),
//! meter values carry a unit and a power-of-ten multiplier, connectors are numbered per EVSE,
//! and configuration is the device model (Component.Variable).

use std::borrow::Cow;

use ocpp::rpc::PayloadError;
use ocpp::v201::{self, Action, Sender};
use ocpp::{CiString, Quirk, Timestamp};
use serde_json::value::RawValue;

use super::{
    BootInfo, CallContext, DecodeError, Expect, Inbound, Outbound, VersionAdapter,
    accepted_password, changed_variable, contains_ignore_ascii_case, empty_object, label, limited,
    normalise_unit, reply_status, reservation_id, to_raw, with,
};
use crate::commands::{Availability, Command, CommandError, CommandReply, ReportBase, ResetKind};
use crate::domain::auth::Authorization;
use crate::domain::firmware::{DiagnosticsStatusReport, FirmwareStatusReport};
use crate::domain::{
    BootStatus, ConnectorRecord, MeterReadings, MeterValue, ReservationStatus, ReservationUpdate,
    SampleValue, SampledValue, StatusReport, TagStatus, Time, TransactionEvent,
    TransactionEventKind,
};

/// The measurand of a sampled value that names none (OCPP 2.0.1 Part 2, SampledValueType).
const DEFAULT_MEASURAND: &str = "Energy.Active.Import.Register";

pub struct V201;

/// A system request id as 2.x's 32-bit `requestId`.
fn request_id(id: i64) -> Result<i32, CommandError> {
    i32::try_from(id).map_err(|_| CommandError::Invalid(format!("request id {id} is too large")))
}

impl VersionAdapter for V201 {
    fn protocol(&self) -> ocpp::Version {
        ocpp::Version::V201
    }

    fn decode_call(
        &self,
        action: &str,
        payload: &RawValue,
        context: CallContext<'_>,
    ) -> Result<(Inbound, Vec<Quirk>), DecodeError> {
        let station_id = context.station_id.clone();
        let received_at = context.received_at;
        let protocol = self.protocol().subprotocol();
        let action = Action::parse(action).ok_or(DecodeError::UnknownAction)?;
        match action {
            Action::BootNotification => with(payload, |r: v201::BootNotificationRequest| {
                let station = r.charging_station;
                Inbound::Boot(BootInfo {
                    vendor: station.vendor_name.into_inner(),
                    model: station.model.into_inner(),
                    serial_number: station.serial_number.map(CiString::into_inner),
                    firmware_version: station.firmware_version.map(CiString::into_inner),
                })
            }),
            Action::Heartbeat => with(payload, |_: v201::HeartbeatRequest| Inbound::Heartbeat),
            Action::Authorize => with(payload, |r: v201::AuthorizeRequest| {
                match r.id_token.kind {
                    // Free charging names no one: nothing to look up, nothing to refuse.
                    v201::IdTokenKind::NoAuthorization => Inbound::AuthorizeWithoutToken,
                    _ => Inbound::Authorize {
                        id_tag: r.id_token.id_token.into_inner(),
                    },
                }
            }),
            Action::StatusNotification => {
                with(payload, |r: v201::StatusNotificationRequest| {
                    Inbound::Status(StatusReport {
                        station_id,
                        connector: ConnectorRecord {
                            evse_id: r.evse_id,
                            connector_id: r.connector_id,
                            status: label(&r.connector_status).to_owned(),
                            // 2.0.1 reports faults through NotifyEvent, not here.
                            error_code: None,
                            info: None,
                            vendor_error_code: None,
                            station_time: Some(r.timestamp.0),
                            updated_at: received_at,
                        },
                    })
                })
            }
            Action::MeterValues => with(payload, |r: v201::MeterValuesRequest| {
                Inbound::Meter(MeterReadings {
                    station_id,
                    evse_id: r.evse_id,
                    // 2.0.1 meters per EVSE; the connector is not named.
                    connector_id: 0,
                    ocpp_transaction_id: None,
                    meter_values: r.meter_value.into_iter().map(meter_value).collect(),
                    received_at,
                })
            }),
            Action::TransactionEvent => with(payload, |r: v201::TransactionEventRequest| {
                let info = r.transaction_info;
                Inbound::TransactionEvent(Box::new(TransactionEvent {
                    station_id,
                    protocol: protocol.to_owned(),
                    ocpp_transaction_id: info.transaction_id.into_inner(),
                    kind: match r.event_type {
                        v201::TransactionEvent::Started => TransactionEventKind::Started,
                        v201::TransactionEvent::Updated => TransactionEventKind::Updated,
                        v201::TransactionEvent::Ended => TransactionEventKind::Ended,
                    },
                    seq_no: r.seq_no,
                    timestamp: r.timestamp.0,
                    trigger_reason: label(&r.trigger_reason).to_owned(),
                    offline: r.offline.unwrap_or(false),
                    evse_id: r.evse.as_ref().map(|e| e.id),
                    connector_id: r.evse.as_ref().and_then(|e| e.connector_id),
                    // A NoAuthorization token (free charging) names no one to authorize:
                    // answering it Invalid would make the station stop the transaction.
                    id_tag: r
                        .id_token
                        .filter(|t| t.kind != v201::IdTokenKind::NoAuthorization)
                        .map(|t| t.id_token.into_inner()),
                    remote_start_id: info.remote_start_id.map(i64::from),
                    reservation_id: r.reservation_id.map(i64::from),
                    stopped_reason: info.stopped_reason.map(|s| label(&s).to_owned()),
                    meter_values: r.meter_value.into_iter().map(meter_value).collect(),
                    received_at,
                }))
            }),
            Action::DataTransfer => with(payload, |r: v201::DataTransferRequest| {
                Inbound::DataTransfer {
                    vendor_id: r.vendor_id.into_inner(),
                    message_id: r.message_id.map(CiString::into_inner),
                }
            }),
            Action::NotifyReport => with(payload, |r: v201::NotifyReportRequest| {
                Inbound::Variables(variables::reported(r))
            }),
            // Recorded in the journal and acknowledged (their answers are empty); the
            // features that act on them come later.
            Action::NotifyEvent => {
                with(payload, |_: v201::NotifyEventRequest| Inbound::Notification)
            }
            Action::SecurityEventNotification => {
                with(payload, |_: v201::SecurityEventNotificationRequest| {
                    Inbound::Notification
                })
            }
            Action::FirmwareStatusNotification => {
                with(payload, |r: v201::FirmwareStatusNotificationRequest| {
                    Inbound::FirmwareStatus(FirmwareStatusReport {
                        station_id: context.station_id.clone(),
                        status: label(&r.status).to_owned(),
                        request_id: r.request_id.map(i64::from),
                        received_at: context.received_at,
                    })
                })
            }
            Action::LogStatusNotification => {
                with(payload, |r: v201::LogStatusNotificationRequest| {
                    Inbound::DiagnosticsStatus(DiagnosticsStatusReport {
                        station_id: context.station_id.clone(),
                        status: label(&r.status).to_owned(),
                        request_id: r.request_id.map(i64::from),
                        received_at: context.received_at,
                    })
                })
            }
            Action::NotifyMonitoringReport => {
                with(payload, |_: v201::NotifyMonitoringReportRequest| {
                    Inbound::Notification
                })
            }
            Action::NotifyCustomerInformation => {
                with(payload, |_: v201::NotifyCustomerInformationRequest| {
                    Inbound::Notification
                })
            }
            Action::NotifyDisplayMessages => {
                with(payload, |_: v201::NotifyDisplayMessagesRequest| {
                    Inbound::Notification
                })
            }
            Action::NotifyChargingLimit => with(payload, |_: v201::NotifyChargingLimitRequest| {
                Inbound::Notification
            }),
            Action::ClearedChargingLimit => {
                with(payload, |_: v201::ClearedChargingLimitRequest| {
                    Inbound::Notification
                })
            }
            Action::ReportChargingProfiles => {
                with(payload, |_: v201::ReportChargingProfilesRequest| {
                    Inbound::Notification
                })
            }
            Action::ReservationStatusUpdate => {
                with(payload, |r: v201::ReservationStatusUpdateRequest| {
                    Inbound::ReservationStatus(ReservationUpdate {
                        station_id,
                        reservation_id: i64::from(r.reservation_id),
                        status: match r.reservation_update_status {
                            v201::ReservationUpdateStatus::Expired => ReservationStatus::Expired,
                            v201::ReservationUpdateStatus::Removed => ReservationStatus::Cancelled,
                        },
                        received_at,
                    })
                })
            }
            Action::PublishFirmwareStatusNotification => with(
                payload,
                |_: v201::PublishFirmwareStatusNotificationRequest| Inbound::Notification,
            ),
            // Certificates and EV charging needs: no feature yet to answer them with
            // (issue notes); refused as not supported rather than answered wrongly.
            _ => Err(DecodeError::NotSupported),
        }
    }

    fn encode_response(&self, outbound: &Outbound, now: Time) -> Box<RawValue> {
        match outbound {
            Outbound::Boot { status, interval } => to_raw(&v201::BootNotificationResponse {
                current_time: Timestamp(now),
                interval: *interval,
                status: match status {
                    BootStatus::Accepted => v201::RegistrationStatus::Accepted,
                    BootStatus::Pending => v201::RegistrationStatus::Pending,
                    BootStatus::Rejected => v201::RegistrationStatus::Rejected,
                },
                status_info: None,
                custom_data: None,
            }),
            Outbound::Heartbeat => to_raw(&v201::HeartbeatResponse {
                current_time: Timestamp(now),
                custom_data: None,
            }),
            Outbound::Authorize(authorization) => to_raw(&v201::AuthorizeResponse {
                id_token_info: id_token_info(authorization),
                certificate_status: None,
                custom_data: None,
            }),
            Outbound::TransactionEvent { authorization } => {
                to_raw(&v201::TransactionEventResponse {
                    total_cost: None,
                    charging_priority: None,
                    id_token_info: authorization.as_ref().map(id_token_info),
                    updated_personal_message: None,
                    custom_data: None,
                })
            }
            Outbound::DataTransferUnknownVendor => to_raw(&v201::DataTransferResponse {
                status: v201::DataTransferStatus::UnknownVendorId,
                status_info: None,
                data: None,
                custom_data: None,
            }),
            // Start, Stop and Refused are 1.6 answers; a 2.0.1 call never leads to them.
            Outbound::Empty
            | Outbound::Start { .. }
            | Outbound::Stop { .. }
            | Outbound::Refused => empty_object(),
        }
    }

    fn encode_command(
        &self,
        command: &Command,
        remote_start_id: i64,
    ) -> Result<(String, Box<RawValue>, Expect), CommandError> {
        fn call<T: v201::Request>(request: &T, expect: Expect) -> (String, Box<RawValue>, Expect) {
            (T::ACTION.as_str().to_owned(), to_raw(request), expect)
        }
        Ok(match command {
            Command::RemoteStart {
                evse_id,
                connector_id,
                id_tag,
                charging_profile,
            } => call(
                &v201::RequestStartTransactionRequest {
                    evse_id: evse_id.or(*connector_id),
                    group_id_token: None,
                    id_token: v201::IdToken {
                        additional_info: Vec::new(),
                        id_token: limited("id_tag", id_tag)?,
                        kind: v201::IdTokenKind::Central,
                        custom_data: None,
                    },
                    remote_start_id: i32::try_from(remote_start_id).map_err(|_| {
                        CommandError::Invalid("remote start ids have run out of 32 bits".into())
                    })?,
                    // K05: the TxProfile of a transaction that has no id yet.
                    charging_profile: charging_profile
                        .as_deref()
                        .map(|p| charging::profile(p, None))
                        .transpose()?,
                    custom_data: None,
                },
                Expect::Status,
            ),
            Command::RemoteStop { transaction } => call(
                &v201::RequestStopTransactionRequest {
                    transaction_id: limited("transaction_id", &transaction.ocpp_transaction_id)?,
                    custom_data: None,
                },
                Expect::Status,
            ),
            Command::Reset { kind, evse_id } => call(
                &v201::ResetRequest {
                    kind: match kind {
                        ResetKind::Soft => v201::Reset::OnIdle,
                        ResetKind::Hard => v201::Reset::Immediate,
                    },
                    evse_id: *evse_id,
                    custom_data: None,
                },
                Expect::Status,
            ),
            Command::UnlockConnector {
                evse_id,
                connector_id,
            } => call(
                &v201::UnlockConnectorRequest {
                    // Without an EVSE, the 1.6 reading: the connector number is the EVSE's.
                    evse_id: evse_id.unwrap_or(*connector_id),
                    connector_id: if evse_id.is_some() { *connector_id } else { 1 },
                    custom_data: None,
                },
                Expect::Status,
            ),
            Command::ChangeAvailability {
                evse_id,
                connector_id,
                kind,
            } => call(
                &v201::ChangeAvailabilityRequest {
                    evse: evse_id.or(*connector_id).map(|id| v201::Evse {
                        id,
                        connector_id: evse_id.and(*connector_id),
                        custom_data: None,
                    }),
                    operational_status: match kind {
                        Availability::Operative => v201::OperationalStatus::Operative,
                        Availability::Inoperative => v201::OperationalStatus::Inoperative,
                    },
                    custom_data: None,
                },
                Expect::Status,
            ),
            Command::GetConfiguration { keys } => {
                if keys.is_empty() {
                    return Err(CommandError::Invalid(
                        "OCPP 2.0.1 reads variables by name: give at least one key \
                         (Component.Variable)"
                            .into(),
                    ));
                }
                let get_variable_data = keys
                    .iter()
                    .map(|key| {
                        let (component, variable) = component_variable(key)?;
                        Ok(v201::GetVariableData {
                            attribute_type: None,
                            component,
                            variable,
                            custom_data: None,
                        })
                    })
                    .collect::<Result<_, CommandError>>()?;
                call(
                    &v201::GetVariablesRequest {
                        get_variable_data,
                        custom_data: None,
                    },
                    Expect::Configuration,
                )
            }
            Command::ChangeConfiguration { key, value } => {
                let (component, variable) = component_variable(key)?;
                let changed = variables::key(&component, &variable);
                call(
                    &v201::SetVariablesRequest {
                        set_variable_data: vec![v201::SetVariableData {
                            attribute_type: None,
                            attribute_value: limited("value", value)?,
                            component,
                            variable,
                            custom_data: None,
                        }],
                        custom_data: None,
                    },
                    Expect::Change {
                        key: changed,
                        value: value.clone(),
                    },
                )
            }
            Command::GetTransactionStatus { transaction } => call(
                &v201::GetTransactionStatusRequest {
                    transaction_id: transaction
                        .as_ref()
                        .map(|t| limited("transaction_id", &t.ocpp_transaction_id))
                        .transpose()?,
                    custom_data: None,
                },
                Expect::Status,
            ),
            Command::GetBaseReport { report_base } => call(
                &v201::GetBaseReportRequest {
                    // Unique per request like remote start ids, and below i32::MAX.
                    request_id: i32::try_from(remote_start_id).unwrap_or(i32::MAX),
                    report_base: match report_base {
                        ReportBase::ConfigurationInventory => {
                            v201::ReportBase::ConfigurationInventory
                        }
                        ReportBase::FullInventory => v201::ReportBase::FullInventory,
                        ReportBase::SummaryInventory => v201::ReportBase::SummaryInventory,
                    },
                    custom_data: None,
                },
                Expect::Status,
            ),
            Command::TriggerMessage { message, evse_id } => {
                let requested_message = serde_json::from_value(serde_json::Value::String(
                    message.clone(),
                ))
                .map_err(|_| {
                    CommandError::Invalid(format!(
                        "OCPP 2.0.1 cannot trigger the message {message:?}"
                    ))
                })?;
                call(
                    &v201::TriggerMessageRequest {
                        evse: evse_id.map(|id| v201::Evse {
                            id,
                            connector_id: None,
                            custom_data: None,
                        }),
                        requested_message,
                        custom_data: None,
                    },
                    Expect::Status,
                )
            }
            Command::ClearCache => call(
                &v201::ClearCacheRequest { custom_data: None },
                Expect::Status,
            ),
            Command::UpdateFirmware(update) => call(
                &v201::UpdateFirmwareRequest {
                    retries: update.retries,
                    retry_interval: update.retry_interval_s,
                    request_id: request_id(update.request_id)?,
                    firmware: v201::Firmware {
                        location: limited("location", &update.location)?,
                        retrieve_date_time: Timestamp(update.retrieve_at),
                        install_date_time: None,
                        signing_certificate: None,
                        signature: None,
                        custom_data: None,
                    },
                    custom_data: None,
                },
                Expect::Status,
            ),
            // N01: the diagnostics log is GetLog with logType DiagnosticsLog.
            Command::GetDiagnostics(upload) => call(
                &v201::GetLogRequest {
                    log: v201::LogParameters {
                        remote_location: limited("location", &upload.location)?,
                        oldest_timestamp: upload.start_time.map(Timestamp),
                        latest_timestamp: upload.stop_time.map(Timestamp),
                        custom_data: None,
                    },
                    log_type: v201::Log::DiagnosticsLog,
                    request_id: request_id(upload.request_id)?,
                    retries: upload.retries,
                    retry_interval: upload.retry_interval_s,
                    custom_data: None,
                },
                Expect::Status,
            ),
            Command::SendLocalList { update } => call(
                &v201::SendLocalListRequest {
                    local_authorization_list: update
                        .entries
                        .iter()
                        .map(|entry| {
                            Ok(v201::AuthorizationData {
                                id_token: v201::IdToken {
                                    additional_info: Vec::new(),
                                    id_token: limited("id_tag", &entry.id_tag)?,
                                    kind: LOCAL_LIST_TOKEN_KIND,
                                    custom_data: None,
                                },
                                id_token_info: entry.authorization.as_ref().map(id_token_info),
                                custom_data: None,
                            })
                        })
                        .collect::<Result<_, CommandError>>()?,
                    version_number: update.version,
                    update_type: if update.full {
                        v201::Update::Full
                    } else {
                        v201::Update::Differential
                    },
                    custom_data: None,
                },
                Expect::Status,
            ),
            Command::GetLocalListVersion => call(
                &v201::GetLocalListVersionRequest { custom_data: None },
                Expect::ListVersion,
            ),
            Command::DataTransfer {
                vendor_id,
                message_id,
                data,
            } => call(
                &v201::DataTransferRequest {
                    message_id: message_id
                        .as_deref()
                        .map(|m| limited("message_id", m))
                        .transpose()?,
                    data: data.clone().map(serde_json::Value::String),
                    vendor_id: limited("vendor_id", vendor_id)?,
                    custom_data: None,
                },
                Expect::Status,
            ),
            Command::ReserveNow { reservation } => {
                let kind = match &reservation.id_token_type {
                    None => v201::IdTokenKind::Central,
                    Some(name) => wire_value(name).ok_or_else(|| {
                        CommandError::Invalid(format!("{name:?} is not an OCPP 2.0.1 idToken type"))
                    })?,
                };
                let connector_type = match &reservation.connector_type {
                    None => None,
                    Some(name) => Some(wire_value::<v201::Connector>(name).ok_or_else(|| {
                        CommandError::Invalid(format!(
                            "{name:?} is not an OCPP 2.0.1 connector type"
                        ))
                    })?),
                };
                call(
                    &v201::ReserveNowRequest {
                        id: reservation_id(reservation.id)?,
                        expiry_date_time: Timestamp(reservation.expires_at),
                        connector_type,
                        id_token: v201::IdToken {
                            additional_info: Vec::new(),
                            id_token: limited("id_tag", &reservation.id_tag)?,
                            kind,
                            custom_data: None,
                        },
                        // None: any EVSE (H01 S1), as the station picks.
                        evse_id: reservation.evse_id,
                        // The parent tag is the 2.0.1 group id token, as in idTokenInfo.
                        group_id_token: reservation
                            .parent_id_tag
                            .as_deref()
                            .map(|p| -> Result<_, CommandError> {
                                Ok(v201::IdToken {
                                    additional_info: Vec::new(),
                                    id_token: limited("parent_id_tag", p)?,
                                    kind: v201::IdTokenKind::Central,
                                    custom_data: None,
                                })
                            })
                            .transpose()?,
                        custom_data: None,
                    },
                    Expect::Status,
                )
            }
            Command::SetChargingProfile {
                profile,
                station_transaction_id,
            } => {
                let transaction = station_transaction_id.as_deref();
                charging::check_transaction(profile, transaction)?;
                call(
                    &v201::SetChargingProfileRequest {
                        evse_id: profile.target(),
                        charging_profile: charging::profile(profile, transaction)?,
                        custom_data: None,
                    },
                    Expect::Status,
                )
            }
            Command::CancelReservation { reservation_id: id } => call(
                &v201::CancelReservationRequest {
                    reservation_id: reservation_id(*id)?,
                    custom_data: None,
                },
                Expect::Status,
            ),
            Command::ClearChargingProfile { criteria } => {
                call(&charging::clear(criteria), Expect::Status)
            }
            Command::GetChargingProfiles {
                evse_id,
                purpose,
                stack_level,
                profile_ids,
                limit_sources,
            } => call(
                &v201::GetChargingProfilesRequest {
                    // Unique per request like remote start ids, and below i32::MAX.
                    request_id: i32::try_from(remote_start_id).unwrap_or(i32::MAX),
                    evse_id: *evse_id,
                    charging_profile: charging::criterion(
                        *purpose,
                        *stack_level,
                        profile_ids,
                        limit_sources,
                    )?,
                    custom_data: None,
                },
                Expect::Status,
            ),
            Command::GetCompositeSchedule {
                target,
                duration_s,
                charging_rate_unit,
            } => call(
                &v201::GetCompositeScheduleRequest {
                    duration: *duration_s,
                    charging_rate_unit: charging_rate_unit.map(charging::rate_unit),
                    evse_id: *target,
                    custom_data: None,
                },
                Expect::Status,
            ),
            Command::Raw { action, payload } => {
                let parsed = Action::parse(action).ok_or_else(|| {
                    CommandError::Invalid(format!("{action:?} is not an OCPP 2.0.1 action"))
                })?;
                if parsed.sender() == Sender::Station {
                    return Err(CommandError::Invalid(format!(
                        "{action} is sent by stations, not to them"
                    )));
                }
                v201::validate_request(parsed, payload.get()).map_err(|e: PayloadError| {
                    CommandError::Invalid(format!("invalid {action} payload: {e}"))
                })?;
                // A raw SetVariables changes the device model (and maybe the password) as
                // much as the command does: read its answer the same way.
                let expect = match parsed {
                    Action::SetVariables => {
                        serde_json::from_str::<v201::SetVariablesRequest>(payload.get())
                            .map_or(Expect::Raw, |r| Expect::SetVariables(variables::set(r)))
                    }
                    _ => Expect::Raw,
                };
                (action.clone(), payload.clone(), expect)
            }
        })
    }

    fn decode_reply(&self, expect: &Expect, payload: Box<RawValue>) -> CommandReply {
        let mut new_password = None;
        let mut list_version = None;
        let (status, variables) = match expect {
            Expect::ListVersion => {
                list_version = local_list_version(&payload);
                ("Accepted".to_owned(), Vec::new())
            }
            Expect::Configuration => ("Accepted".to_owned(), variables::read(&payload)),
            Expect::Change { key, value } => {
                let status = attribute_status(&payload);
                let changed = changed_variable(&status, key, value);
                new_password = accepted_password(&status, key, value);
                (status, changed.into_iter().collect())
            }
            Expect::SetVariables(sent) => {
                let mut changed = Vec::new();
                for (key, status) in variables::set_results(&payload) {
                    let Some((_, value)) = sent.iter().find(|(k, _)| *k == key) else {
                        continue;
                    };
                    new_password = new_password.or(accepted_password(&status, &key, value));
                    changed.extend(changed_variable(&status, &key, value));
                }
                (attribute_status(&payload), changed)
            }
            Expect::Status | Expect::Raw => (reply_status(&payload), Vec::new()),
        };
        CommandReply {
            status,
            response: payload,
            remote_start_id: None,
            variables,
            new_password,
            list_version,
        }
    }

    fn redact<'a>(&self, frame: &'a str) -> Cow<'a, str> {
        // The Basic auth password travels as the variable BasicAuthPassword (SetVariables,
        // and GetVariables answers of stations that leak it). Names are case-insensitive and
        // may hide behind JSON escapes: parse whenever either could, so the common frame
        // costs one scan.
        if !contains_ignore_ascii_case(frame, "basicauthpassword") && !frame.contains("\\u") {
            return Cow::Borrowed(frame);
        }
        redact_password_variable(frame).map_or(Cow::Borrowed(frame), Cow::Owned)
    }
}

/// Replace `attributeValue` in every object whose `variable.name` is BasicAuthPassword.
fn redact_password_variable(frame: &str) -> Option<String> {
    fn walk(value: &mut serde_json::Value) -> bool {
        match value {
            serde_json::Value::Object(map) => {
                let mut changed = false;
                let names_password = map
                    .get("variable")
                    .and_then(|v| v.get("name"))
                    .and_then(|n| n.as_str())
                    .is_some_and(|n| n.eq_ignore_ascii_case("BasicAuthPassword"));
                if names_password && map.contains_key("attributeValue") {
                    map.insert("attributeValue".into(), "********".into());
                    changed = true;
                }
                for v in map.values_mut() {
                    changed |= walk(v);
                }
                changed
            }
            serde_json::Value::Array(items) => items.iter_mut().fold(false, |acc, v| walk(v) | acc),
            _ => false,
        }
    }
    let mut value: serde_json::Value = serde_json::from_str(frame).ok()?;
    walk(&mut value).then(|| value.to_string())
}

/// `Component.Variable`, split at the first dot (API.md, get-configuration).
fn component_variable(key: &str) -> Result<(v201::Component, v201::Variable), CommandError> {
    let (component, variable) = key.split_once('.').ok_or_else(|| {
        CommandError::Invalid(format!(
            "{key:?}: an OCPP 2.0.1 key is Component.Variable (e.g. OCPPCommCtrlr.HeartbeatInterval)"
        ))
    })?;
    Ok((
        v201::Component {
            evse: None,
            name: limited("key", component)?,
            instance: None,
            custom_data: None,
        },
        v201::Variable {
            name: limited("key", variable)?,
            instance: None,
            custom_data: None,
        },
    ))
}

/// An OCPP enum value from its wire spelling.
fn wire_value<T: serde::de::DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()
}

/// A SetVariables reply's status: its (first) `attributeStatus`.
fn attribute_status(payload: &RawValue) -> String {
    serde_json::from_str::<v201::SetVariablesResponse>(payload.get())
        .ok()
        .and_then(|r| r.set_variable_result.into_iter().next())
        .map_or_else(
            || "Rejected".to_owned(),
            |r| label(&r.attribute_status).to_owned(),
        )
}

fn meter_value(mv: v201::MeterValue) -> MeterValue {
    MeterValue {
        timestamp: mv.timestamp.0,
        sampled_value: mv.sampled_value.into_iter().map(sampled_value).collect(),
    }
}

/// A 2.0.1 sampled value: always a number, in `unitOfMeasure.unit` (default Wh) times ten to
/// the `multiplier` (default 0). Stored like 1.6 values: the multiplier applied and kilo-units
/// in their base unit, so energies add up in Wh.
fn sampled_value(sv: v201::SampledValue) -> SampledValue {
    let measurand = match &sv.measurand {
        None => Cow::Borrowed(DEFAULT_MEASURAND),
        // Kept as sent (noted as a quirk when read): dropping it would lose the message.
        Some(v201::Measurand::Unlisted(name)) => Cow::Owned(name.as_str().to_owned()),
        Some(listed) => Cow::Borrowed(label(listed)),
    };
    let (unit, multiplier) = match &sv.unit_of_measure {
        Some(u) => (
            u.unit.as_ref().map(|u| u.as_str().to_owned()),
            u.multiplier.unwrap_or(0),
        ),
        None => (None, 0),
    };
    let unit = unit.unwrap_or_else(|| "Wh".to_owned());
    let (factor, base) = normalise_unit(&unit);
    let value = sv.value * factor * 10f64.powi(multiplier);
    SampledValue {
        value: if value.is_finite() {
            SampleValue::Number(value)
        } else {
            SampleValue::Text(sv.value.to_string())
        },
        measurand,
        unit: Some(base.map_or(Cow::Owned(unit), Cow::Borrowed)),
        phase: sv.phase.as_ref().map(|p| Cow::Borrowed(label(p))),
        location: sv.location.as_ref().map(|l| Cow::Borrowed(label(l))),
        context: sv.context.as_ref().map(|c| Cow::Borrowed(label(c))),
    }
}

fn local_list_version(payload: &RawValue) -> Option<i32> {
    serde_json::from_str::<v201::GetLocalListVersionResponse>(payload.get())
        .ok()
        .map(|r| r.version_number)
}

/// The token type of local list entries: the system's id tags carry none, and RFID cards
/// (ISO 14443) are what local lists are for (C-30: every CSMS supports them).
const LOCAL_LIST_TOKEN_KIND: v201::IdTokenKind = v201::IdTokenKind::Iso14443;

fn id_token_info(authorization: &Authorization) -> v201::IdTokenInfo {
    v201::IdTokenInfo {
        status: match authorization.status {
            TagStatus::Accepted => v201::AuthorizationStatus::Accepted,
            TagStatus::Blocked => v201::AuthorizationStatus::Blocked,
            TagStatus::Expired => v201::AuthorizationStatus::Expired,
            TagStatus::Invalid => v201::AuthorizationStatus::Invalid,
            TagStatus::ConcurrentTx => v201::AuthorizationStatus::ConcurrentTx,
        },
        cache_expiry_date_time: authorization.expiry_date.map(Timestamp),
        charging_priority: None,
        language1: None,
        evse_id: Vec::new(),
        // The parent tag is the 2.0.1 group id token (C01, groupIdToken).
        group_id_token: authorization
            .parent_id_tag
            .as_deref()
            .and_then(|p| CiString::new(p).ok())
            .map(|id_token| v201::IdToken {
                additional_info: Vec::new(),
                id_token,
                kind: v201::IdTokenKind::Central,
                custom_data: None,
            }),
        language2: None,
        personal_message: None,
        custom_data: None,
    }
}

mod charging;
#[cfg(test)]
mod tests;
mod variables;
