//! The request bodies of `/api/v1/stations/{id}/commands/{command}` and how each becomes a
//! version-neutral [`Command`]. Unknown fields are refused, so `connectorId` instead of
//! `connector_id` is a 400 rather than a silently different command.

use serde::Deserialize;
use serde_json::value::RawValue;
use utoipa::ToSchema;

use super::error::ApiError;
use super::id_tags::check_id_tag;
use crate::commands::{Availability, Command, ReportBase, ResetKind};
use crate::domain::{ChargingProfile, ProfilePurpose, RateUnit};

/// The commands of the Core slice, by their URL name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CommandName {
    RemoteStart,
    RemoteStop,
    Reset,
    UnlockConnector,
    ChangeAvailability,
    GetConfiguration,
    ChangeConfiguration,
    GetBaseReport,
    GetTransactionStatus,
    TriggerMessage,
    ClearCache,
    DataTransfer,
    GetLocalListVersion,
    GetCompositeSchedule,
    GetChargingProfiles,
}

impl CommandName {
    /// The kebab-case name in the URL.
    pub fn as_str(self) -> &'static str {
        match self {
            CommandName::RemoteStart => "remote-start",
            CommandName::RemoteStop => "remote-stop",
            CommandName::Reset => "reset",
            CommandName::UnlockConnector => "unlock-connector",
            CommandName::ChangeAvailability => "change-availability",
            CommandName::GetConfiguration => "get-configuration",
            CommandName::ChangeConfiguration => "change-configuration",
            CommandName::GetBaseReport => "get-base-report",
            CommandName::GetTransactionStatus => "get-transaction-status",
            CommandName::TriggerMessage => "trigger-message",
            CommandName::ClearCache => "clear-cache",
            CommandName::DataTransfer => "data-transfer",
            CommandName::GetLocalListVersion => "get-local-list-version",
            CommandName::GetCompositeSchedule => "get-composite-schedule",
            CommandName::GetChargingProfiles => "get-charging-profiles",
        }
    }

    /// Remote start and stop are not allowed while the station's boot is Pending (S16 §4.2).
    pub fn needs_accepted_boot(self) -> bool {
        matches!(self, CommandName::RemoteStart | CommandName::RemoteStop)
    }

    pub fn parse(name: &str) -> Option<CommandName> {
        serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()
    }
}

/// `remote-start`: 1.6 RemoteStartTransaction, 2.0.1 RequestStartTransaction.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RemoteStartBody {
    #[schema(minimum = 1)]
    pub evse_id: Option<u32>,
    #[schema(minimum = 1)]
    pub connector_id: Option<u32>,
    /// 1 to 20 characters.
    pub id_tag: String,
    /// A TxProfile for the transaction to come (1.6 RemoteStartTransaction.chargingProfile,
    /// 2.0.1 RequestStartTransaction.chargingProfile): the charging-profile shape, without
    /// `transaction_id`; `id` defaults to one the station's kept profiles do not use.
    #[schema(value_type = Option<ChargingProfile>)]
    pub charging_profile: Option<serde_json::Value>,
}

/// `remote-stop`: the system's transaction id (404 if unknown or of another station, 409 if it
/// has already stopped).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RemoteStopBody {
    pub transaction_id: i64,
}

/// `reset` (2.0.1: Soft → OnIdle, Hard → Immediate).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResetBody {
    #[serde(rename = "type")]
    pub kind: ResetType,
    /// 2.x only: reset this EVSE rather than the whole station (400 for a 1.6 station).
    #[schema(minimum = 1)]
    pub evse_id: Option<u32>,
}

#[derive(Clone, Copy, Debug, Deserialize, ToSchema)]
pub enum ResetType {
    Soft,
    Hard,
}

/// `unlock-connector`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UnlockConnectorBody {
    #[schema(minimum = 1)]
    pub evse_id: Option<u32>,
    #[schema(minimum = 1)]
    pub connector_id: u32,
}

/// `change-availability`; without `evse_id` and `connector_id` (or with 0): the whole station.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeAvailabilityBody {
    pub evse_id: Option<u32>,
    pub connector_id: Option<u32>,
    #[serde(rename = "type")]
    pub kind: AvailabilityType,
}

#[derive(Clone, Copy, Debug, Deserialize, ToSchema)]
pub enum AvailabilityType {
    Operative,
    Inoperative,
}

/// `get-configuration`: the given keys, or all of them.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GetConfigurationBody {
    pub keys: Option<Vec<String>>,
}

/// `change-configuration`: one key (2.0.1: `Component.Variable`).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeConfigurationBody {
    pub key: String,
    pub value: String,
}

/// `get-base-report`: 2.x GetBaseReport (the station answers, then sends its report in
/// NotifyReport messages, which are kept: see `/stations/{id}/variables`); 1.6 reads the whole
/// configuration with GetConfiguration instead.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GetBaseReportBody {
    /// Default `FullInventory`.
    pub report_base: Option<ReportBaseName>,
}

/// OCPP's names, spelled as on the wire.
#[allow(clippy::enum_variant_names)]
#[derive(Clone, Copy, Debug, Deserialize, ToSchema)]
pub enum ReportBaseName {
    ConfigurationInventory,
    FullInventory,
    SummaryInventory,
}

/// `get-transaction-status` (2.x only): about one transaction, by the system's id (404 if it is
/// not one of the station's), or without it whether the station has messages queued.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GetTransactionStatusBody {
    pub transaction_id: Option<i64>,
}

/// `trigger-message`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TriggerMessageBody {
    /// `BootNotification`, `Heartbeat`, `StatusNotification`, `MeterValues`, … as the
    /// station's OCPP version names them (an unknown one is 400).
    pub message: String,
    pub evse_id: Option<u32>,
}

/// `clear-cache`: no fields (an empty body is fine too).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ClearCacheBody {}

/// `get-local-list-version`: no fields; the answer's `response` carries the version (1.6
/// `listVersion`, 2.x `versionNumber`: 0 an empty list, -1 none).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GetLocalListVersionBody {}

/// `data-transfer`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DataTransferBody {
    pub vendor_id: String,
    pub message_id: Option<String>,
    pub data: Option<String>,
}

/// `get-composite-schedule` (1.6 GetCompositeSchedule with connectorId, 2.0.1 with evseId):
/// the schedule that results from the station's profiles for the next `duration` seconds.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GetCompositeScheduleBody {
    /// 0 (the default) is the whole station. Not with `connector_id`.
    pub evse_id: Option<u32>,
    /// 1.6 style; 0 is the whole station. Not with `evse_id`.
    pub connector_id: Option<u32>,
    /// Seconds.
    pub duration: u32,
    pub charging_rate_unit: Option<RateUnit>,
}

/// `get-charging-profiles` (2.x GetChargingProfiles, P2-201 K09): the station answers, then
/// reports the matching profiles it holds in ReportChargingProfiles messages (see the
/// station's message journal). Every given field narrows the selection.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GetChargingProfilesBody {
    /// 0 is the whole station; left out: every EVSE.
    pub evse_id: Option<u32>,
    pub purpose: Option<ProfilePurpose>,
    pub stack_level: Option<u32>,
    pub profile_ids: Option<Vec<i32>>,
    /// `EMS`, `Other`, `SO`, `CSO`.
    pub charging_limit_sources: Option<Vec<String>>,
}

/// The body of a command: the one that belongs to the `{command}` in the path.
#[derive(ToSchema)]
#[serde(untagged)]
#[allow(dead_code)] // Only the OpenAPI description uses it.
pub enum CommandBody {
    RemoteStart(RemoteStartBody),
    RemoteStop(RemoteStopBody),
    Reset(ResetBody),
    UnlockConnector(UnlockConnectorBody),
    ChangeAvailability(ChangeAvailabilityBody),
    GetConfiguration(GetConfigurationBody),
    ChangeConfiguration(ChangeConfigurationBody),
    GetBaseReport(GetBaseReportBody),
    GetTransactionStatus(GetTransactionStatusBody),
    TriggerMessage(TriggerMessageBody),
    ClearCache(ClearCacheBody),
    DataTransfer(DataTransferBody),
    GetLocalListVersion(GetLocalListVersionBody),
    GetCompositeSchedule(GetCompositeScheduleBody),
    GetChargingProfiles(GetChargingProfilesBody),
}

/// `POST /api/v1/stations/{id}/call`: exactly this CALL.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CallBody {
    /// The OCPP action, e.g. `ChangeConfiguration`.
    pub action: String,
    /// The CALL's payload object, validated against the station's OCPP version.
    #[schema(value_type = Object)]
    pub payload: Box<RawValue>,
}

/// What a body asks for: a command, or (remote-stop) a transaction to look up first.
#[derive(Debug)]
pub enum Requested {
    Command(Command),
    RemoteStop {
        transaction_id: i64,
    },
    /// get-transaction-status, about this transaction if one is named.
    TransactionStatus {
        transaction_id: Option<i64>,
    },
    /// remote-start with a charging profile, whose id may still have to be chosen.
    RemoteStartWithProfile {
        evse_id: Option<u32>,
        connector_id: Option<u32>,
        id_tag: String,
        profile: serde_json::Value,
    },
}

/// Turn the body of command `name` into what it asks for; 400 for anything invalid.
pub fn requested(name: CommandName, value: serde_json::Value) -> Result<Requested, ApiError> {
    let command = match name {
        CommandName::RemoteStart => {
            let body: RemoteStartBody = from_value(value)?;
            check_id_tag("id_tag", &body.id_tag)?;
            positive("evse_id", body.evse_id)?;
            positive("connector_id", body.connector_id)?;
            if let Some(profile) = body.charging_profile {
                return Ok(Requested::RemoteStartWithProfile {
                    evse_id: body.evse_id,
                    connector_id: body.connector_id,
                    id_tag: body.id_tag,
                    profile,
                });
            }
            Command::RemoteStart {
                evse_id: body.evse_id,
                connector_id: body.connector_id,
                id_tag: body.id_tag,
                charging_profile: None,
            }
        }
        CommandName::RemoteStop => {
            let body: RemoteStopBody = from_value(value)?;
            return Ok(Requested::RemoteStop {
                transaction_id: body.transaction_id,
            });
        }
        CommandName::Reset => {
            let body: ResetBody = from_value(value)?;
            positive("evse_id", body.evse_id)?;
            Command::Reset {
                kind: match body.kind {
                    ResetType::Soft => ResetKind::Soft,
                    ResetType::Hard => ResetKind::Hard,
                },
                evse_id: body.evse_id,
            }
        }
        CommandName::UnlockConnector => {
            let body: UnlockConnectorBody = from_value(value)?;
            positive("evse_id", body.evse_id)?;
            positive("connector_id", Some(body.connector_id))?;
            Command::UnlockConnector {
                evse_id: body.evse_id,
                connector_id: body.connector_id,
            }
        }
        CommandName::ChangeAvailability => {
            let body: ChangeAvailabilityBody = from_value(value)?;
            Command::ChangeAvailability {
                evse_id: body.evse_id,
                connector_id: body.connector_id,
                kind: match body.kind {
                    AvailabilityType::Operative => Availability::Operative,
                    AvailabilityType::Inoperative => Availability::Inoperative,
                },
            }
        }
        CommandName::GetConfiguration => {
            let body: GetConfigurationBody = from_value(value)?;
            let keys = body.keys.unwrap_or_default();
            if keys.iter().any(String::is_empty) {
                return Err(ApiError::bad_request("keys must not contain an empty key"));
            }
            Command::GetConfiguration { keys }
        }
        CommandName::ChangeConfiguration => {
            let body: ChangeConfigurationBody = from_value(value)?;
            not_empty("key", &body.key)?;
            Command::ChangeConfiguration {
                key: body.key,
                value: body.value,
            }
        }
        CommandName::GetBaseReport => {
            let body: GetBaseReportBody = from_value(value)?;
            Command::GetBaseReport {
                report_base: match body.report_base {
                    None | Some(ReportBaseName::FullInventory) => ReportBase::FullInventory,
                    Some(ReportBaseName::ConfigurationInventory) => {
                        ReportBase::ConfigurationInventory
                    }
                    Some(ReportBaseName::SummaryInventory) => ReportBase::SummaryInventory,
                },
            }
        }
        CommandName::GetTransactionStatus => {
            let body: GetTransactionStatusBody = from_value(value)?;
            return Ok(Requested::TransactionStatus {
                transaction_id: body.transaction_id,
            });
        }
        CommandName::TriggerMessage => {
            let body: TriggerMessageBody = from_value(value)?;
            not_empty("message", &body.message)?;
            Command::TriggerMessage {
                message: body.message,
                evse_id: body.evse_id,
            }
        }
        CommandName::ClearCache => {
            let ClearCacheBody {} = from_value(value)?;
            Command::ClearCache
        }
        CommandName::GetLocalListVersion => {
            let GetLocalListVersionBody {} = from_value(value)?;
            Command::GetLocalListVersion
        }
        CommandName::DataTransfer => {
            let body: DataTransferBody = from_value(value)?;
            not_empty("vendor_id", &body.vendor_id)?;
            Command::DataTransfer {
                vendor_id: body.vendor_id,
                message_id: body.message_id,
                data: body.data,
            }
        }
        CommandName::GetCompositeSchedule => {
            let body: GetCompositeScheduleBody = from_value(value)?;
            if body.evse_id.is_some() && body.connector_id.is_some() {
                return Err(ApiError::bad_request(
                    "give evse_id or connector_id, not both",
                ));
            }
            Command::GetCompositeSchedule {
                target: body.evse_id.or(body.connector_id).unwrap_or(0),
                duration_s: body.duration,
                charging_rate_unit: body.charging_rate_unit,
            }
        }
        CommandName::GetChargingProfiles => {
            let body: GetChargingProfilesBody = from_value(value)?;
            let limit_sources = body.charging_limit_sources.unwrap_or_default();
            if limit_sources.len() > 4 {
                return Err(ApiError::bad_request(
                    "charging_limit_sources has at most 4 entries",
                ));
            }
            Command::GetChargingProfiles {
                evse_id: body.evse_id,
                purpose: body.purpose,
                stack_level: body.stack_level,
                profile_ids: body.profile_ids.unwrap_or_default(),
                limit_sources,
            }
        }
    };
    Ok(Requested::Command(command))
}

/// The raw CALL of `/call`, checked for shape (the station's session checks the schema).
pub fn raw_command(body: CallBody) -> Result<Command, ApiError> {
    not_empty("action", &body.action)?;
    if !body.payload.get().trim_start().starts_with('{') {
        return Err(ApiError::bad_request("payload must be a JSON object"));
    }
    Ok(Command::Raw {
        action: body.action,
        payload: body.payload,
    })
}

fn from_value<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, ApiError> {
    serde_json::from_value(value).map_err(|e| ApiError::bad_request(format!("invalid body: {e}")))
}

fn positive(field: &str, value: Option<u32>) -> Result<(), ApiError> {
    if value == Some(0) {
        return Err(ApiError::bad_request(format!("{field} must be at least 1")));
    }
    Ok(())
}

fn not_empty(field: &str, value: &str) -> Result<(), ApiError> {
    if value.is_empty() {
        return Err(ApiError::bad_request(format!("{field} must not be empty")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn parse(name: &str, body: serde_json::Value) -> Result<Requested, ApiError> {
        requested(CommandName::parse(name).unwrap(), body)
    }

    fn command(name: &str, body: serde_json::Value) -> Command {
        match parse(name, body) {
            Ok(Requested::Command(command)) => command,
            other => panic!("{name}: {other:?}"),
        }
    }

    #[test]
    fn names() {
        assert_eq!(
            CommandName::parse("remote-start"),
            Some(CommandName::RemoteStart)
        );
        assert_eq!(
            CommandName::parse("data-transfer"),
            Some(CommandName::DataTransfer)
        );
        assert_eq!(CommandName::parse("RemoteStart"), None);
        assert_eq!(CommandName::parse("self-destruct"), None);
    }

    #[test]
    fn bodies_map_to_commands() {
        assert!(matches!(
            command("remote-start", json!({"connector_id": 2, "id_tag": "ABC"})),
            Command::RemoteStart { evse_id: None, connector_id: Some(2), ref id_tag, charging_profile: None } if id_tag == "ABC"
        ));
        assert!(matches!(
            parse("remote-stop", json!({"transaction_id": 7})),
            Ok(Requested::RemoteStop { transaction_id: 7 })
        ));
        assert!(matches!(
            command("reset", json!({"type": "Hard"})),
            Command::Reset {
                kind: ResetKind::Hard,
                evse_id: None
            }
        ));
        assert!(matches!(
            command("unlock-connector", json!({"connector_id": 1})),
            Command::UnlockConnector {
                evse_id: None,
                connector_id: 1
            }
        ));
        assert!(matches!(
            command(
                "change-availability",
                json!({"evse_id": null, "type": "Inoperative"})
            ),
            Command::ChangeAvailability {
                evse_id: None,
                connector_id: None,
                kind: Availability::Inoperative
            }
        ));
        assert!(matches!(
            command("get-configuration", json!({})),
            Command::GetConfiguration { ref keys } if keys.is_empty()
        ));
        assert!(matches!(
            command(
                "change-configuration",
                json!({"key": "HeartbeatInterval", "value": "60"})
            ),
            Command::ChangeConfiguration { .. }
        ));
        assert!(matches!(
            command("trigger-message", json!({"message": "Heartbeat"})),
            Command::TriggerMessage { .. }
        ));
        assert!(matches!(
            command("clear-cache", json!({})),
            Command::ClearCache
        ));
        assert!(matches!(
            command("data-transfer", json!({"vendor_id": "acme", "data": "x"})),
            Command::DataTransfer { ref vendor_id, message_id: None, data: Some(_) } if vendor_id == "acme"
        ));
    }

    #[test]
    fn invalid_bodies_are_bad_requests() {
        let cases = [
            ("remote-start", json!({})),
            ("remote-start", json!({"id_tag": ""})),
            ("remote-start", json!({"id_tag": "x".repeat(21)})),
            ("remote-start", json!({"id_tag": "A", "connector_id": 0})),
            ("remote-start", json!({"idTag": "A"})),
            ("remote-stop", json!({"transaction_id": "7"})),
            ("reset", json!({"type": "Medium"})),
            ("unlock-connector", json!({})),
            ("change-availability", json!({"type": "Off"})),
            ("get-configuration", json!({"keys": "HeartbeatInterval"})),
            ("change-configuration", json!({"key": "", "value": "1"})),
            ("trigger-message", json!({})),
            ("clear-cache", json!({"everything": true})),
            (
                "data-transfer",
                json!({"vendor_id": "acme", "data": {"a": 1}}),
            ),
        ];
        for (name, body) in cases {
            let result = parse(name, body.clone());
            assert!(
                matches!(result, Err(ApiError::BadRequest(_))),
                "{name} {body}: {result:?}"
            );
        }
    }

    #[test]
    fn raw_calls() {
        let body: CallBody =
            serde_json::from_str(r#"{"action": "Heartbeat", "payload": {}}"#).unwrap();
        assert!(matches!(raw_command(body), Ok(Command::Raw { .. })));
        let body: CallBody =
            serde_json::from_str(r#"{"action": "Heartbeat", "payload": [1]}"#).unwrap();
        assert!(raw_command(body).is_err());
        let body: CallBody = serde_json::from_str(r#"{"action": "", "payload": {}}"#).unwrap();
        assert!(raw_command(body).is_err());
    }
}
