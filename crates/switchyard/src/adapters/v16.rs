//! OCPP 1.6 ↔ domain.

use std::borrow::Cow;

use ocpp::rpc::PayloadError;
use ocpp::v16::{self, Action, Sender};
use ocpp::{CiString, Quirk, Timestamp};
use serde_json::value::RawValue;

use super::{
    BootInfo, CallContext, DecodeError, Expect, Inbound, Outbound, VersionAdapter,
    accepted_password, changed_variable, contains_ignore_ascii_case, empty_object, label, limited,
    normalise_unit, reply_status, reservation_id, to_raw, with,
};
use crate::commands::{Availability, Command, CommandError, CommandReply, ResetKind};
use crate::domain::auth::Authorization;
use crate::domain::firmware::{DiagnosticsStatusReport, FirmwareStatusReport};
use crate::domain::{
    Attribute, BootStatus, ConnectorRecord, MeterReadings, MeterValue, Mutability, NewTransaction,
    ReportedVariable, SampleValue, SampledValue, StatusReport, StopTransaction, TagStatus, Time,
    VariableKey,
};

/// The 1.6 default measurand (S16 §7.31 SampledValue).
const DEFAULT_MEASURAND: &str = "Energy.Active.Import.Register";

pub struct V16;

impl VersionAdapter for V16 {
    fn protocol(&self) -> ocpp::Version {
        ocpp::Version::V16
    }

    fn decode_call(
        &self,
        action: &str,
        payload: &RawValue,
        context: CallContext<'_>,
    ) -> Result<(Inbound, Vec<Quirk>), DecodeError> {
        let station_id = context.station_id.clone();
        let received_at = context.received_at;
        let action = Action::parse(action).ok_or(DecodeError::UnknownAction)?;
        match action {
            Action::BootNotification => with(payload, |r: v16::BootNotificationRequest| {
                Inbound::Boot(BootInfo {
                    vendor: r.charge_point_vendor.into_inner(),
                    model: r.charge_point_model.into_inner(),
                    serial_number: r
                        .charge_point_serial_number
                        .or(r.charge_box_serial_number)
                        .map(CiString::into_inner),
                    firmware_version: r.firmware_version.map(CiString::into_inner),
                })
            }),
            Action::Heartbeat => with(payload, |_: v16::HeartbeatRequest| Inbound::Heartbeat),
            Action::Authorize => with(payload, |r: v16::AuthorizeRequest| Inbound::Authorize {
                id_tag: r.id_tag.into_inner(),
            }),
            Action::StartTransaction => with(payload, |r: v16::StartTransactionRequest| {
                Inbound::Start(NewTransaction {
                    station_id,
                    evse_id: r.connector_id,
                    connector_id: r.connector_id,
                    id_tag: r.id_tag.into_inner(),
                    started_at: r.timestamp.0,
                    meter_start_wh: r.meter_start as f64,
                    reservation_id: r.reservation_id.map(i64::from),
                    remote_start_id: None,
                    received_at,
                })
            }),
            Action::StopTransaction => with(payload, |r: v16::StopTransactionRequest| {
                Inbound::Stop(StopTransaction {
                    station_id,
                    ocpp_transaction_id: r.transaction_id.to_string(),
                    id_tag: r.id_tag.map(CiString::into_inner),
                    stopped_at: r.timestamp.0,
                    meter_stop_wh: r.meter_stop as f64,
                    // S16E / J16E §2.5: no reason means Local.
                    reason: r
                        .reason
                        .map_or_else(|| "Local".to_owned(), |reason| wire_name(&reason)),
                    meter_values: r.transaction_data.into_iter().map(meter_value).collect(),
                    received_at,
                })
            }),
            Action::MeterValues => {
                let (inbound, mut quirks) = with(payload, |r: v16::MeterValuesRequest| {
                    Inbound::Meter(MeterReadings {
                        station_id,
                        evse_id: r.connector_id,
                        connector_id: r.connector_id,
                        ocpp_transaction_id: r.transaction_id.map(|id| id.to_string()),
                        meter_values: r.meter_value.into_iter().map(meter_value).collect(),
                        received_at,
                    })
                })?;
                // Legal in 1.6, but the system has to guess the transaction (or there is none).
                if let Inbound::Meter(readings) = &inbound
                    && (readings.connector_id == 0 || readings.ocpp_transaction_id.is_none())
                {
                    quirks.push(Quirk::MeterValuesWithoutTransaction);
                }
                Ok((inbound, quirks))
            }
            Action::StatusNotification => with(payload, |r: v16::StatusNotificationRequest| {
                Inbound::Status(StatusReport {
                    station_id,
                    connector: ConnectorRecord {
                        evse_id: r.connector_id,
                        connector_id: r.connector_id,
                        status: wire_name(&r.status),
                        error_code: Some(wire_name(&r.error_code)),
                        info: r.info.map(CiString::into_inner),
                        vendor_error_code: r.vendor_error_code.map(CiString::into_inner),
                        station_time: r.timestamp.map(|t| t.0),
                        updated_at: received_at,
                    },
                })
            }),
            Action::DataTransfer => with(payload, |r: v16::DataTransferRequest| {
                Inbound::DataTransfer {
                    vendor_id: r.vendor_id.into_inner(),
                    message_id: r.message_id.map(CiString::into_inner),
                }
            }),
            // 1.6 has no request ids: a notification is about the station's latest request.
            Action::FirmwareStatusNotification => {
                with(payload, |r: v16::FirmwareStatusNotificationRequest| {
                    Inbound::FirmwareStatus(FirmwareStatusReport {
                        station_id,
                        status: wire_name(&r.status),
                        request_id: None,
                        received_at,
                    })
                })
            }
            Action::DiagnosticsStatusNotification => {
                with(payload, |r: v16::DiagnosticsStatusNotificationRequest| {
                    Inbound::DiagnosticsStatus(DiagnosticsStatusReport {
                        station_id,
                        status: wire_name(&r.status),
                        request_id: None,
                        received_at,
                    })
                })
            }
            Action::SecurityEventNotification => {
                with(payload, |_: v16::SecurityEventNotificationRequest| {
                    Inbound::Notification
                })
            }
            Action::LogStatusNotification => {
                with(payload, |_: v16::LogStatusNotificationRequest| {
                    Inbound::Notification
                })
            }
            Action::SignedFirmwareStatusNotification => with(
                payload,
                |_: v16::SignedFirmwareStatusNotificationRequest| Inbound::Notification,
            ),
            Action::SignCertificate => {
                with(payload, |_: v16::SignCertificateRequest| Inbound::Refused)
            }
            // Actions only the central system sends.
            _ => Err(DecodeError::NotSupported),
        }
    }

    fn encode_response(&self, outbound: &Outbound, now: Time) -> Box<RawValue> {
        match outbound {
            Outbound::Boot { status, interval } => to_raw(&v16::BootNotificationResponse {
                status: match status {
                    BootStatus::Accepted => v16::RegistrationStatus::Accepted,
                    BootStatus::Pending => v16::RegistrationStatus::Pending,
                    BootStatus::Rejected => v16::RegistrationStatus::Rejected,
                },
                current_time: Timestamp(now),
                interval: *interval,
            }),
            Outbound::Heartbeat => to_raw(&v16::HeartbeatResponse {
                current_time: Timestamp(now),
            }),
            Outbound::Authorize(authorization) => to_raw(&v16::AuthorizeResponse {
                id_tag_info: id_tag_info(authorization),
            }),
            Outbound::Start {
                transaction_id,
                authorization,
            } => to_raw(&v16::StartTransactionResponse {
                id_tag_info: id_tag_info(authorization),
                // Ids come from one AUTOINCREMENT counter; 2^31 transactions is beyond any station.
                transaction_id: i32::try_from(*transaction_id).unwrap_or(i32::MAX),
            }),
            Outbound::Stop { authorization } => to_raw(&v16::StopTransactionResponse {
                id_tag_info: authorization.as_ref().map(id_tag_info),
            }),
            // Not a 1.6 answer; a 1.6 station never sends a TransactionEvent.
            Outbound::Empty | Outbound::TransactionEvent { .. } => empty_object(),
            Outbound::DataTransferUnknownVendor => to_raw(&v16::DataTransferResponse {
                status: v16::DataTransferStatus::UnknownVendorId,
                data: None,
            }),
            Outbound::Refused => to_raw(&v16::SignCertificateResponse {
                status: v16::GenericStatus::Rejected,
            }),
        }
    }

    fn encode_command(
        &self,
        command: &Command,
        _remote_start_id: i64,
    ) -> Result<(String, Box<RawValue>, Expect), CommandError> {
        fn call<T: v16::Request>(request: &T, expect: Expect) -> (String, Box<RawValue>, Expect) {
            (T::ACTION.as_str().to_owned(), to_raw(request), expect)
        }
        Ok(match command {
            Command::RemoteStart {
                evse_id,
                connector_id,
                id_tag,
                charging_profile,
            } => call(
                &v16::RemoteStartTransactionRequest {
                    connector_id: connector_id.or(*evse_id),
                    id_tag: limited("id_tag", id_tag)?,
                    charging_profile: charging_profile
                        .as_deref()
                        .map(|p| charging::profile(p, None))
                        .transpose()?,
                },
                Expect::Status,
            ),
            Command::RemoteStop { transaction } => {
                let transaction_id =
                    transaction
                        .ocpp_transaction_id
                        .parse::<i32>()
                        .map_err(|_| {
                            CommandError::Invalid(
                                "the transaction has no OCPP 1.6 transaction id".into(),
                            )
                        })?;
                call(
                    &v16::RemoteStopTransactionRequest { transaction_id },
                    Expect::Status,
                )
            }
            Command::Reset {
                evse_id: Some(_), ..
            } => {
                return Err(CommandError::Invalid(
                    "OCPP 1.6 resets the whole charge point: leave evse_id out".into(),
                ));
            }
            Command::GetTransactionStatus { .. } => {
                return Err(CommandError::Invalid(
                    "OCPP 1.6 has no GetTransactionStatus".into(),
                ));
            }
            Command::GetChargingProfiles { .. } => {
                return Err(CommandError::Invalid(
                    "OCPP 1.6 has no GetChargingProfiles: see the kept profiles instead".into(),
                ));
            }
            Command::Reset {
                kind,
                evse_id: None,
            } => call(
                &v16::ResetRequest {
                    kind: match kind {
                        ResetKind::Soft => v16::ResetType::Soft,
                        ResetKind::Hard => v16::ResetType::Hard,
                    },
                },
                Expect::Status,
            ),
            Command::UnlockConnector {
                evse_id,
                connector_id,
            } => {
                let _ = evse_id; // 1.6: evse and connector are the same number.
                call(
                    &v16::UnlockConnectorRequest {
                        connector_id: *connector_id,
                    },
                    Expect::Status,
                )
            }
            Command::ChangeAvailability {
                evse_id,
                connector_id,
                kind,
            } => call(
                &v16::ChangeAvailabilityRequest {
                    connector_id: connector_id.or(*evse_id).unwrap_or(0),
                    kind: match kind {
                        Availability::Operative => v16::AvailabilityType::Operative,
                        Availability::Inoperative => v16::AvailabilityType::Inoperative,
                    },
                },
                Expect::Status,
            ),
            Command::GetConfiguration { keys } => {
                let key = keys
                    .iter()
                    .map(|k| limited("keys", k))
                    .collect::<Result<_, _>>()?;
                call(&v16::GetConfigurationRequest { key }, Expect::Configuration)
            }
            // The closest 1.6 has: the whole configuration, kept like a report.
            Command::GetBaseReport { .. } => call(
                &v16::GetConfigurationRequest { key: Vec::new() },
                Expect::Configuration,
            ),
            Command::ChangeConfiguration { key, value } => call(
                &v16::ChangeConfigurationRequest {
                    key: limited("key", key)?,
                    value: limited("value", value)?,
                },
                Expect::Change {
                    key: VariableKey::configuration_key(key),
                    value: value.clone(),
                },
            ),
            Command::TriggerMessage { message, evse_id } => {
                let requested_message = serde_json::from_value(serde_json::Value::String(
                    message.clone(),
                ))
                .map_err(|_| {
                    CommandError::Invalid(format!(
                        "OCPP 1.6 cannot trigger the message {message:?}"
                    ))
                })?;
                call(
                    &v16::TriggerMessageRequest {
                        requested_message,
                        connector_id: *evse_id,
                    },
                    Expect::Status,
                )
            }
            Command::ClearCache => call(&v16::ClearCacheRequest {}, Expect::Status),
            Command::SendLocalList { update } => call(
                &v16::SendLocalListRequest {
                    list_version: update.version,
                    local_authorization_list: update
                        .entries
                        .iter()
                        .map(|entry| {
                            Ok(v16::AuthorizationData {
                                id_tag: limited("id_tag", &entry.id_tag)?,
                                id_tag_info: entry.authorization.as_ref().map(id_tag_info),
                            })
                        })
                        .collect::<Result<_, CommandError>>()?,
                    update_type: if update.full {
                        v16::UpdateType::Full
                    } else {
                        v16::UpdateType::Differential
                    },
                },
                Expect::Status,
            ),
            Command::GetLocalListVersion => {
                call(&v16::GetLocalListVersionRequest {}, Expect::ListVersion)
            }
            Command::DataTransfer {
                vendor_id,
                message_id,
                data,
            } => call(
                &v16::DataTransferRequest {
                    vendor_id: limited("vendor_id", vendor_id)?,
                    message_id: message_id
                        .as_deref()
                        .map(|m| limited("message_id", m))
                        .transpose()?,
                    data: data.clone(),
                },
                Expect::Status,
            ),
            Command::ReserveNow { reservation } if reservation.connector_type.is_some() => {
                return Err(CommandError::Invalid(
                    "OCPP 1.6 cannot reserve by connector type: leave connector_type out".into(),
                ));
            }
            // 1.6 idTags have no type: `id_token_type` has nothing to go in.
            Command::ReserveNow { reservation } => call(
                &v16::ReserveNowRequest {
                    connector_id: reservation.connector_id,
                    expiry_date: Timestamp(reservation.expires_at),
                    id_tag: limited("id_tag", &reservation.id_tag)?,
                    parent_id_tag: reservation
                        .parent_id_tag
                        .as_deref()
                        .map(|p| limited("parent_id_tag", p))
                        .transpose()?,
                    reservation_id: reservation_id(reservation.id)?,
                },
                Expect::Status,
            ),
            Command::CancelReservation { reservation_id: id } => call(
                &v16::CancelReservationRequest {
                    reservation_id: reservation_id(*id)?,
                },
                Expect::Status,
            ),
            Command::SetChargingProfile {
                profile,
                station_transaction_id,
            } => call(
                &v16::SetChargingProfileRequest {
                    connector_id: profile.target(),
                    cs_charging_profiles: charging::profile(
                        profile,
                        station_transaction_id.as_deref(),
                    )?,
                },
                Expect::Status,
            ),
            Command::ClearChargingProfile { criteria } => {
                call(&charging::clear(criteria), Expect::Status)
            }
            Command::GetCompositeSchedule {
                target,
                duration_s,
                charging_rate_unit,
            } => call(
                &v16::GetCompositeScheduleRequest {
                    connector_id: *target,
                    duration: *duration_s,
                    charging_rate_unit: charging_rate_unit.map(charging::rate_unit),
                },
                Expect::Status,
            ),
            Command::UpdateFirmware(update) => call(
                &v16::UpdateFirmwareRequest {
                    location: update.location.clone(),
                    retries: update.retries,
                    retrieve_date: Timestamp(update.retrieve_at),
                    retry_interval: update.retry_interval_s,
                },
                // An empty confirmation: status Accepted (API.md).
                Expect::Status,
            ),
            Command::GetDiagnostics(upload) => call(
                &v16::GetDiagnosticsRequest {
                    location: upload.location.clone(),
                    retries: upload.retries,
                    retry_interval: upload.retry_interval_s,
                    start_time: upload.start_time.map(Timestamp),
                    stop_time: upload.stop_time.map(Timestamp),
                },
                Expect::Status,
            ),
            Command::Raw { action, payload } => {
                let parsed = Action::parse(action).ok_or_else(|| {
                    CommandError::Invalid(format!("{action:?} is not an OCPP 1.6 action"))
                })?;
                if parsed.sender() == Sender::Station {
                    return Err(CommandError::Invalid(format!(
                        "{action} is sent by stations, not to them"
                    )));
                }
                v16::validate_request(parsed, payload.get()).map_err(|e: PayloadError| {
                    CommandError::Invalid(format!("invalid {action} payload: {e}"))
                })?;
                // A raw ChangeConfiguration changes the configuration (and maybe the
                // password) as much as the command does: read its answer the same way.
                let expect = match parsed {
                    Action::ChangeConfiguration => {
                        serde_json::from_str::<v16::ChangeConfigurationRequest>(payload.get())
                            .map_or(Expect::Raw, |r| Expect::Change {
                                key: VariableKey::configuration_key(r.key.as_str()),
                                value: r.value.into_inner(),
                            })
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
            Expect::Configuration => ("Accepted".to_owned(), configuration_keys(&payload)),
            Expect::Change { key, value } => {
                let status = reply_status(&payload);
                let changed = changed_variable(&status, key, value);
                new_password = accepted_password(&status, key, value);
                (status, changed.into_iter().collect())
            }
            // 2.x only; a 1.6 call never leads to it.
            Expect::Status | Expect::Raw | Expect::SetVariables(_) => {
                (reply_status(&payload), Vec::new())
            }
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
        // Configuration keys are case-insensitive (CiString), and a raw call may spell one
        // with JSON escapes: parse whenever either could hide the key. Both are rare, so the
        // common frame costs one scan.
        if !contains_ignore_ascii_case(frame, "authorizationkey") && !frame.contains("\\u") {
            return Cow::Borrowed(frame);
        }
        redact_authorization_key(frame).map_or(Cow::Borrowed(frame), Cow::Owned)
    }
}

/// The keys of a GetConfiguration.conf, read leniently: a station whose value breaks a
/// limit (500 characters) still gets the rest of its configuration kept.
fn configuration_keys(payload: &RawValue) -> Vec<ReportedVariable> {
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Conf {
        #[serde(default)]
        configuration_key: Vec<KeyValue>,
    }
    #[derive(serde::Deserialize)]
    struct KeyValue {
        key: String,
        #[serde(default)]
        readonly: Option<bool>,
        #[serde(default)]
        value: Option<String>,
    }
    let Ok(conf) = serde_json::from_str::<Conf>(payload.get()) else {
        return Vec::new();
    };
    conf.configuration_key
        .into_iter()
        .map(|kv| ReportedVariable {
            key: VariableKey::configuration_key(kv.key),
            attributes: vec![Attribute {
                mutability: kv.readonly.map(|readonly| match readonly {
                    true => Mutability::ReadOnly,
                    false => Mutability::ReadWrite,
                }),
                ..Attribute::actual(kv.value)
            }],
            characteristics: None,
        })
        .collect()
}

/// Replace the value of every `{"key": "AuthorizationKey", "value": …}` object in a frame
/// (ChangeConfiguration.req, and GetConfiguration.conf from stations that leak it).
fn redact_authorization_key(frame: &str) -> Option<String> {
    fn walk(value: &mut serde_json::Value) -> bool {
        match value {
            serde_json::Value::Object(map) => {
                let mut changed = false;
                if map
                    .get("key")
                    .and_then(|k| k.as_str())
                    .is_some_and(|k| k.eq_ignore_ascii_case("AuthorizationKey"))
                    && map.contains_key("value")
                {
                    map.insert("value".into(), "********".into());
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

fn id_tag_info(authorization: &Authorization) -> v16::IdTagInfo {
    v16::IdTagInfo {
        status: match authorization.status {
            TagStatus::Accepted => v16::AuthorizationStatus::Accepted,
            TagStatus::Blocked => v16::AuthorizationStatus::Blocked,
            TagStatus::Expired => v16::AuthorizationStatus::Expired,
            TagStatus::Invalid => v16::AuthorizationStatus::Invalid,
            TagStatus::ConcurrentTx => v16::AuthorizationStatus::ConcurrentTx,
        },
        expiry_date: authorization.expiry_date.map(Timestamp),
        // A stored parent longer than 20 characters cannot be sent in 1.6; leave it out.
        parent_id_tag: authorization
            .parent_id_tag
            .as_deref()
            .and_then(|p| CiString::new(p).ok()),
    }
}

fn local_list_version(payload: &RawValue) -> Option<i32> {
    serde_json::from_str::<v16::GetLocalListVersionResponse>(payload.get())
        .ok()
        .map(|r| r.list_version)
}

/// The exact schema spelling of a 1.6 enum value.
fn wire_name<T: serde::Serialize>(value: &T) -> String {
    label(value).to_owned()
}

fn meter_value(mv: v16::MeterValue) -> MeterValue {
    MeterValue {
        timestamp: mv.timestamp.0,
        sampled_value: mv.sampled_value.into_iter().map(sampled_value).collect(),
    }
}

fn sampled_value(sv: v16::SampledValue) -> SampledValue {
    let measurand = match &sv.measurand {
        None => Cow::Borrowed(DEFAULT_MEASURAND),
        // Kept as sent (noted as a quirk when read): dropping it would lose the message.
        Some(v16::Measurand::Unlisted(name)) => Cow::Owned(name.as_str().to_owned()),
        Some(listed) => Cow::Borrowed(label(listed)),
    };
    // S16 §7.31: without a unit, an energy reading is in Wh.
    let unit = sv
        .unit
        .map(v16::UnitOfMeasure::as_str)
        .or_else(|| measurand.starts_with("Energy").then_some("Wh"));
    let signed = sv.format == Some(v16::ValueFormat::SignedData);
    let number = if signed {
        None
    } else {
        sv.value
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
    };
    let (value, unit) = match (number, unit) {
        (Some(n), Some(unit)) => {
            let (factor, base) = normalise_unit(unit);
            (SampleValue::Number(n * factor), Some(base.unwrap_or(unit)))
        }
        (Some(n), None) => (SampleValue::Number(n), None),
        (None, unit) => (SampleValue::Text(sv.value), unit),
    };
    SampledValue {
        value,
        measurand,
        unit: unit.map(Cow::Borrowed),
        phase: sv.phase.as_ref().map(|p| Cow::Borrowed(label(p))),
        location: sv.location.as_ref().map(|l| Cow::Borrowed(label(l))),
        context: sv.context.as_ref().map(|c| Cow::Borrowed(label(c))),
    }
}

mod charging;
#[cfg(test)]
mod tests;
