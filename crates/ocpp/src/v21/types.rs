//! Types shared by several functional blocks: identifiers, EVSEs, the device model's
//! components and variables, status details, vendor `customData`, and bounded numbers.

use serde::{Deserialize, Deserializer, Serialize};

use crate::{CiString, Timestamp};

// Not a schema type: the same bound on a percentage as in 2.0.1.
pub use crate::v201::Percent;

// Unchanged from 2.0.1: the same schema, properties, enums and limits.
pub use crate::v201::{
    AuthorizationStatus, CertificateHashData, CustomData, GenericDeviceModelStatus, GenericStatus,
    HashAlgorithm, Variable,
};

/// Why a status was given: a code and optional free text for humans (`StatusInfoType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusInfo {
    pub reason_code: CiString<20>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_info: Option<CiString<1024>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ComponentVariableType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ComponentVariable {
    pub component: Component,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variable: Option<Variable>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// A component of the device model (`ComponentType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Component {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse: Option<Evse>,
    pub name: CiString<50>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<CiString<50>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// An EVSE, or one connector of it. EVSE ids count from 1; 0 means the whole station where allowed
/// (`EVSEType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Evse {
    pub id: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connector_id: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// An identifier presented for authorization, with the kind of identifier it is; in 2.1 the kind is
/// any string of up to 20 characters, not an enum (`IdTokenType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdToken {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub additional_info: Vec<AdditionalInfo>,
    pub id_token: CiString<255>,
    #[serde(rename = "type")]
    pub kind: CiString<20>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// A further identifier that goes with an id token (e.g. a contract id) (`AdditionalInfoType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AdditionalInfo {
    pub additional_id_token: CiString<255>,
    #[serde(rename = "type")]
    pub kind: CiString<50>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `OCSPRequestDataType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OcspRequestData {
    pub hash_algorithm: HashAlgorithm,
    pub issuer_name_hash: CiString<128>,
    pub issuer_key_hash: CiString<128>,
    pub serial_number: CiString<40>,
    #[serde(rename = "responderURL")]
    pub responder_url: CiString<2000>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// What the CSMS knows about an identifier: its status and what it may do (`IdTokenInfoType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdTokenInfo {
    pub status: AuthorizationStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cache_expiry_date_time: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_priority: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id_token: Option<IdToken>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language1: Option<CiString<8>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language2: Option<CiString<8>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evse_id: Vec<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_message: Option<MessageContent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// Text to display or hand to the driver, with its format and language (`MessageContentType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageContent {
    pub format: MessageFormat,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<CiString<8>>,
    pub content: CiString<1024>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `MessageFormatEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MessageFormat {
    #[serde(rename = "ASCII")]
    Ascii,
    #[serde(rename = "HTML")]
    Html,
    #[serde(rename = "URI")]
    Uri,
    #[serde(rename = "UTF8")]
    Utf8,
    #[serde(rename = "QRCODE")]
    Qrcode,
}

/// `EnergyTransferModeEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EnergyTransferMode {
    #[serde(rename = "AC_single_phase")]
    AcSinglePhase,
    #[serde(rename = "AC_two_phase")]
    AcTwoPhase,
    #[serde(rename = "AC_three_phase")]
    AcThreePhase,
    #[serde(rename = "DC")]
    Dc,
    #[serde(rename = "AC_BPT")]
    AcBpt,
    #[serde(rename = "AC_BPT_DER")]
    AcBptDer,
    #[serde(rename = "AC_DER")]
    AcDer,
    #[serde(rename = "DC_BPT")]
    DcBpt,
    #[serde(rename = "DC_ACDP")]
    DcAcdp,
    #[serde(rename = "DC_ACDP_BPT")]
    DcAcdpBpt,
    #[serde(rename = "WPT")]
    Wpt,
}

/// `DayOfWeekEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DayOfWeek {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

/// `EvseKindEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EvseKind {
    #[serde(rename = "AC")]
    Ac,
    #[serde(rename = "DC")]
    Dc,
}

/// A count of phases, or the number of a phase, 0 to 3: the schemas bound `numberPhases`,
/// `phaseToUse` and `numberOfPhasesUsed` so (`minimum: 0`, `maximum: 3`). Anything outside is
/// refused as a bad value when read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct PhaseCount(u8);

impl PhaseCount {
    pub const MAX: u8 = 3;

    /// `None` above 3.
    pub const fn new(value: u8) -> Option<PhaseCount> {
        if value <= PhaseCount::MAX {
            Some(PhaseCount(value))
        } else {
            None
        }
    }

    pub const fn get(self) -> u8 {
        self.0
    }
}

impl<'de> Deserialize<'de> for PhaseCount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = u32::deserialize(deserializer)?;
        u8::try_from(value)
            .ok()
            .and_then(PhaseCount::new)
            .ok_or_else(|| serde::de::Error::custom("more than 3 phases"))
    }
}
