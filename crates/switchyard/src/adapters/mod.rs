//! Version adapters: one per OCPP version, translating its payloads to the domain and back.
//!
//! Adapters are stateless: the session owns all state and asks its adapter to decode a
//! station's CALL into an [`Inbound`], encode an [`Outbound`] answer, and turn a
//! [`Command`] into a CALL and the station's answer into a [`CommandReply`].

pub mod v16;

use ocpp::Quirk;
use ocpp::rpc::PayloadError;
use serde_json::value::RawValue;

use crate::commands::{Command, CommandError, CommandReply};
use crate::domain::auth::Authorization;
use crate::domain::{BootStatus, MeterValue, Time};

/// A station's CALL, in domain terms.
#[derive(Clone, Debug, PartialEq)]
pub enum Inbound {
    Boot(BootInfo),
    Heartbeat,
    Authorize {
        id_tag: String,
    },
    Start(StartInfo),
    Stop(StopInfo),
    Meter(MeterInfo),
    Status(StatusInfo),
    DataTransfer {
        vendor_id: String,
        message_id: Option<String>,
    },
    /// A notification the system records only in the journal for now, answered with an
    /// empty confirmation (firmware/diagnostics/log status, security events).
    Notification,
    /// A request the system cannot serve yet, answered with the version's refusal
    /// (e.g. 1.6 SignCertificate → Rejected).
    Refused,
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

#[derive(Clone, Debug, PartialEq)]
pub struct StartInfo {
    pub evse_id: u32,
    pub connector_id: u32,
    pub id_tag: String,
    pub timestamp: Time,
    pub meter_start_wh: f64,
    pub reservation_id: Option<i64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StopInfo {
    pub ocpp_transaction_id: String,
    pub id_tag: Option<String>,
    pub timestamp: Time,
    pub meter_stop_wh: f64,
    pub reason: String,
    pub meter_values: Vec<MeterValue>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MeterInfo {
    pub evse_id: u32,
    pub connector_id: u32,
    pub ocpp_transaction_id: Option<String>,
    pub meter_values: Vec<MeterValue>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StatusInfo {
    pub evse_id: u32,
    pub connector_id: u32,
    pub status: String,
    pub error_code: Option<String>,
    pub info: Option<String>,
    pub vendor_error_code: Option<String>,
    pub timestamp: Option<Time>,
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
    /// A reply without one (GetConfiguration): `Accepted`.
    NoStatus,
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

pub(crate) fn to_raw<T: serde::Serialize>(value: &T) -> Box<RawValue> {
    // Serialising our own message types cannot fail: they hold no maps with non-string keys.
    serde_json::value::to_raw_value(value).unwrap_or_else(|_| empty_object())
}

pub(crate) fn empty_object() -> Box<RawValue> {
    RawValue::from_string("{}".to_owned()).unwrap_or_else(|_| unreachable!("{{}} is valid JSON"))
}
