//! Version adapters: one per OCPP version, translating its payloads to the domain and back.
//!
//! Adapters are stateless: the session owns all state and asks its adapter to decode a
//! station's CALL into an [`Inbound`], encode an [`Outbound`] answer, and turn a
//! [`Command`] into a CALL and the station's answer into a [`CommandReply`].

pub mod v16;
pub mod v201;

#[cfg(test)]
mod firmware_tests;

use ocpp::Quirk;
use ocpp::rpc::PayloadError;
use serde_json::value::RawValue;

use crate::commands::{Command, CommandError, CommandReply};
use crate::domain::auth::Authorization;
use crate::domain::firmware::{DiagnosticsStatusReport, FirmwareStatusReport};
use crate::domain::{
    Attribute, BootStatus, MeterReadings, NewTransaction, ReportedVariable, ReservationUpdate,
    StationId, StatusReport, StopTransaction, Time, TransactionEvent, VariableKey,
};

/// A station's CALL, in domain terms.
#[derive(Clone, Debug, PartialEq)]
pub enum Inbound {
    Boot(BootInfo),
    Heartbeat,
    Authorize {
        id_tag: String,
    },
    /// 2.x: an Authorize with a `NoAuthorization` token (free charging): Accepted, as the
    /// station's own policy, without a lookup.
    AuthorizeWithoutToken,
    /// `remote_start_id` is left `None`: the session, which knows the remote starts, sets it.
    Start(NewTransaction),
    Stop(StopTransaction),
    Meter(MeterReadings),
    /// 2.x: one event of a transaction (boxed: by far the largest variant).
    TransactionEvent(Box<TransactionEvent>),
    Status(StatusReport),
    /// Configuration the station reports of itself (2.x NotifyReport).
    Variables(Vec<ReportedVariable>),
    DataTransfer {
        vendor_id: String,
        message_id: Option<String>,
    },
    /// A notification the system records only in the journal for now, answered with an
    /// empty confirmation (firmware/diagnostics/log status, security events).
    Notification,
    /// FirmwareStatusNotification: stored, then acknowledged.
    FirmwareStatus(FirmwareStatusReport),
    /// 1.6 DiagnosticsStatusNotification, 2.x LogStatusNotification: stored, then
    /// acknowledged.
    DiagnosticsStatus(DiagnosticsStatusReport),
    /// A request the system cannot serve yet, answered with the version's refusal
    /// (e.g. 1.6 SignCertificate → Rejected).
    Refused,
    /// 2.x ReservationStatusUpdate: acknowledged once stored.
    ReservationStatus(ReservationUpdate),
}

impl Inbound {
    /// Messages the station may send whatever its boot state (BootNotification itself).
    pub fn allowed_before_boot(&self) -> bool {
        matches!(self, Inbound::Boot(_))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct BootInfo {
    pub vendor: String,
    pub model: String,
    pub serial_number: Option<String>,
    pub firmware_version: Option<String>,
}

/// Who sent a CALL and when it arrived: what a decoded record needs besides the payload.
#[derive(Clone, Copy, Debug)]
pub struct CallContext<'a> {
    pub station_id: &'a StationId,
    pub received_at: Time,
}

/// The system's answer to an [`Inbound`], in domain terms.
#[derive(Clone, Debug, PartialEq)]
pub enum Outbound {
    Boot {
        status: BootStatus,
        interval: u32,
    },
    Heartbeat,
    Authorize(Authorization),
    Start {
        transaction_id: i64,
        authorization: Authorization,
    },
    Stop {
        authorization: Option<Authorization>,
    },
    /// 2.x: idTokenInfo only when the event carried an idToken.
    TransactionEvent {
        authorization: Option<Authorization>,
    },
    /// An empty confirmation (`{}`).
    Empty,
    DataTransferUnknownVendor,
    Refused,
}

/// Why a station's CALL could not be decoded.
#[derive(Debug, Clone)]
pub enum DecodeError {
    UnknownAction,
    /// A known action the station is not supposed to send, or that the system does not serve.
    NotSupported,
    Payload(PayloadError),
}

/// What a sent command waits for, to read the answer right.
#[derive(Clone, Debug, PartialEq)]
pub enum Expect {
    /// A reply with a `status` field.
    Status,
    /// The station's configuration (1.6 GetConfiguration, 2.x GetVariables): no status
    /// (`Accepted`); the values it reports are kept.
    Configuration,
    /// One variable changed (1.6 ChangeConfiguration; 2.x SetVariables, whose status is the
    /// `attributeStatus`): the value is kept once the station accepts it.
    Change { key: VariableKey, value: String },
    /// A raw 2.x SetVariables: each variable's value is kept once its own result is Accepted.
    SetVariables(Vec<(VariableKey, String)>),
    /// GetLocalListVersion: no status (`Accepted`); the version is in `list_version`.
    ListVersion,
    /// A raw call: returned as is.
    Raw,
}

pub trait VersionAdapter: Send + Sync + 'static {
    fn protocol(&self) -> ocpp::Version;

    /// Decode a station's CALL; quirks tolerated on the way are returned beside it.
    fn decode_call(
        &self,
        action: &str,
        payload: &RawValue,
        context: CallContext<'_>,
    ) -> Result<(Inbound, Vec<Quirk>), DecodeError>;

    /// Encode the answer to a CALL of the station's (`now` for fields like `currentTime`).
    fn encode_response(&self, outbound: &Outbound, now: Time) -> Box<RawValue>;

    /// The CALL (action, payload) that carries `command` in this version.
    fn encode_command(
        &self,
        command: &Command,
        remote_start_id: i64,
    ) -> Result<(String, Box<RawValue>, Expect), CommandError>;

    /// Read the station's answer to a command.
    fn decode_reply(&self, expect: &Expect, payload: Box<RawValue>) -> CommandReply;

    /// The frame as it may be written to the journal and logs: secrets (passwords sent in
    /// ChangeConfiguration / SetVariables) replaced.
    fn redact<'a>(&self, frame: &'a str) -> std::borrow::Cow<'a, str>;
}

/// The adapter for a negotiated version, if there is one.
pub fn for_version(version: ocpp::Version) -> Option<&'static dyn VersionAdapter> {
    match version {
        ocpp::Version::V16 => Some(&v16::V16),
        ocpp::Version::V201 => Some(&v201::V201),
        _ => None,
    }
}

/// Status from a reply payload: its top-level `status` (2.0.1 SetVariables: the first
/// `attributeStatus`), or `Accepted` where there is none.
pub fn reply_status(payload: &RawValue) -> String {
    #[derive(serde::Deserialize)]
    struct WithStatus {
        status: Option<String>,
    }
    serde_json::from_str::<WithStatus>(payload.get())
        .ok()
        .and_then(|w| w.status)
        .unwrap_or_else(|| "Accepted".to_owned())
}

/// What an accepted change says of the station's configuration.
pub(crate) fn changed_variable(
    status: &str,
    key: &VariableKey,
    value: &str,
) -> Option<ReportedVariable> {
    (status == "Accepted").then(|| ReportedVariable {
        key: key.clone(),
        attributes: vec![Attribute::actual(Some(value.to_owned()))],
        characteristics: None,
    })
}

/// The password a change sets, once the station accepted it (OCPP-RULES.md §7.2: on
/// Rejected or NotSupported the old one stays).
pub(crate) fn accepted_password(
    status: &str,
    key: &VariableKey,
    value: &str,
) -> Option<crate::auth::Password> {
    (status == "Accepted" && key.is_station_password()).then(|| crate::auth::Password::new(value))
}

/// Read `payload` as `T` (quirks tolerated on the way travel along), then map it.
pub(crate) fn with<T: serde::de::DeserializeOwned>(
    payload: &RawValue,
    map: impl FnOnce(T) -> Inbound,
) -> Result<(Inbound, Vec<Quirk>), DecodeError> {
    let ocpp::rpc::Decoded { value, quirks } =
        ocpp::rpc::decode::<T>(payload.get()).map_err(DecodeError::Payload)?;
    Ok((map(value), quirks))
}

/// A string for a length-limited field of a command, or a 400-type error naming the field.
pub(crate) fn limited<const N: usize>(
    field: &str,
    value: &str,
) -> Result<ocpp::CiString<N>, CommandError> {
    ocpp::CiString::new(value).map_err(|e| CommandError::Invalid(format!("{field}: {e}")))
}

/// A reservation id as both versions send it (a 32-bit signed integer).
pub(crate) fn reservation_id(id: i64) -> Result<i32, CommandError> {
    i32::try_from(id).map_err(|_| {
        CommandError::Invalid(format!("reservation id {id} does not fit OCPP's 32 bits"))
    })
}

/// The wire spelling of an OCPP enum value (every one has one).
pub(crate) fn label<T: serde::Serialize>(value: &T) -> &'static str {
    ocpp::wire::name(value).unwrap_or_default()
}

/// Every journaled frame goes through this: compare only where the first letter matches
/// (memchr finds those with SIMD), not at every offset.
pub(crate) fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    memchr::memchr2_iter(
        first.to_ascii_lowercase(),
        first.to_ascii_uppercase(),
        haystack,
    )
    .any(|at| {
        haystack
            .get(at..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    })
}

/// Kilo-units are stored in their base unit, so energies add up in Wh: the factor, and the
/// base unit (`None`: keep the unit as it is).
pub(crate) fn normalise_unit(unit: &str) -> (f64, Option<&'static str>) {
    match unit {
        "kWh" => (1000.0, Some("Wh")),
        "kW" => (1000.0, Some("W")),
        "kvarh" => (1000.0, Some("varh")),
        "kvar" => (1000.0, Some("var")),
        "kVA" => (1000.0, Some("VA")),
        _ => (1.0, None),
    }
}

pub(crate) fn to_raw<T: serde::Serialize>(value: &T) -> Box<RawValue> {
    // Serialising our own message types cannot fail: they hold no maps with non-string keys.
    serde_json::value::to_raw_value(value).unwrap_or_else(|_| empty_object())
}

pub(crate) fn empty_object() -> Box<RawValue> {
    RawValue::from_string("{}".to_owned()).unwrap_or_else(|_| unreachable!("{{}} is valid JSON"))
}
