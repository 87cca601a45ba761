//! Types shared by several functional blocks: identifiers, EVSEs, the device model's
//! components and variables, status details and vendor `customData`.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use crate::{CiString, Timestamp};

/// Vendor data that any 2.0.1 or 2.1 object may carry as `customData` (every schema allows it).
///
/// Only `vendorId` is defined; the schema leaves the object open, so every other property is
/// kept in `extra` and written back unchanged. Because it is a known property, `customData`
/// is never reported as an unknown-property quirk, whatever it contains.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomData {
    pub vendor_id: CiString<255>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl CustomData {
    /// Custom data with only a vendor id.
    pub fn new(vendor_id: CiString<255>) -> CustomData {
        CustomData {
            vendor_id,
            extra: Map::new(),
        }
    }
}

/// A whole percentage, 0 to 100: the schemas bound the state-of-charge values of
/// [`DcChargingParameters`](super::DcChargingParameters) so (`minimum: 0`, `maximum: 100`).
/// Anything outside is refused as a bad value when read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct Percent(u8);

impl Percent {
    pub const MAX: u8 = 100;

    /// `None` above 100.
    pub const fn new(value: u8) -> Option<Percent> {
        if value <= Percent::MAX {
            Some(Percent(value))
        } else {
            None
        }
    }

    pub const fn get(self) -> u8 {
        self.0
    }
}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = u32::deserialize(deserializer)?;
        u8::try_from(value)
            .ok()
            .and_then(Percent::new)
            .ok_or_else(|| serde::de::Error::custom("percentage above 100"))
    }
}

/// Why a status was given: a code and optional free text for humans (`StatusInfoType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusInfo {
    pub reason_code: CiString<20>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_info: Option<CiString<512>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// Accepted or rejected, for responses that say no more (`GenericStatusEnumType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GenericStatus {
    Accepted,
    Rejected,
}

/// How a device-model request was taken: accepted, rejected, not supported, or nothing matched
/// (`GenericDeviceModelStatusEnumType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GenericDeviceModelStatus {
    Accepted,
    Rejected,
    NotSupported,
    EmptyResultSet,
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

/// A component of the device model (P2-201 Part 1 §4) (`ComponentType`).
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

/// A variable of a component in the device model (`VariableType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Variable {
    pub name: CiString<50>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<CiString<50>>,
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

/// A further identifier that goes with an id token (e.g. a contract id) (`AdditionalInfoType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AdditionalInfo {
    pub additional_id_token: CiString<36>,
    #[serde(rename = "type")]
    pub kind: CiString<50>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// The kind of identifier an [`IdToken`] is (`IdTokenEnumType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum IdTokenKind {
    Central,
    #[serde(rename = "eMAID")]
    EMaid,
    #[serde(rename = "ISO14443")]
    Iso14443,
    #[serde(rename = "ISO15693")]
    Iso15693,
    KeyCode,
    Local,
    MacAddress,
    NoAuthorization,
}

/// `HashAlgorithmEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum HashAlgorithm {
    #[serde(rename = "SHA256")]
    Sha256,
    #[serde(rename = "SHA384")]
    Sha384,
    #[serde(rename = "SHA512")]
    Sha512,
}

/// An identifier presented for authorization, with the kind of identifier it is (`IdTokenType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdToken {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub additional_info: Vec<AdditionalInfo>,
    pub id_token: CiString<36>,
    #[serde(rename = "type")]
    pub kind: IdTokenKind,
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
    pub responder_url: CiString<512>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// Whether an id token may charge, and if not, why (`AuthorizationStatusEnumType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AuthorizationStatus {
    Accepted,
    Blocked,
    ConcurrentTx,
    Expired,
    Invalid,
    NoCredit,
    #[serde(rename = "NotAllowedTypeEVSE")]
    NotAllowedTypeEvse,
    NotAtThisLocation,
    NotAtThisTime,
    Unknown,
}

/// Text to display or hand to the driver, with its format and language (`MessageContentType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageContent {
    pub format: MessageFormat,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<CiString<8>>,
    pub content: CiString<512>,
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
    pub language1: Option<CiString<8>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evse_id: Vec<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id_token: Option<IdToken>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language2: Option<CiString<8>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_message: Option<MessageContent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// Identifies a certificate by hashes of its issuer and its serial number
/// (`CertificateHashDataType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateHashData {
    pub hash_algorithm: HashAlgorithm,
    pub issuer_name_hash: CiString<128>,
    pub issuer_key_hash: CiString<128>,
    pub serial_number: CiString<40>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
