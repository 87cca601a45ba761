//! SetNetworkProfile and its connection profile types (functional block B).

use serde::{Deserialize, Serialize};

use super::types::{CustomData, StatusInfo};
use crate::CiString;

// Unchanged from 2.0.1: the same schema, properties, enums and limits.
pub use crate::v201::{SetNetworkProfileStatus, VpnKind};

requests! {
    SetNetworkProfileRequest => SetNetworkProfileResponse, SetNetworkProfile;
}

/// SetNetworkProfile request: the CSMS stores connection data in a configuration slot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetNetworkProfileRequest {
    pub configuration_slot: i32,
    pub connection_data: NetworkConnectionProfile,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// How to reach the CSMS: URL, OCPP version, transport, security profile and link settings
/// (`NetworkConnectionProfileType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NetworkConnectionProfile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apn: Option<Apn>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocpp_version: Option<OcppVersion>,
    pub ocpp_interface: OcppInterface,
    pub ocpp_transport: OcppTransport,
    pub message_timeout: u32,
    pub ocpp_csms_url: CiString<2000>,
    pub security_profile: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<CiString<48>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basic_auth_password: Option<CiString<64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vpn: Option<Vpn>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `APNType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Apn {
    pub apn: CiString<2000>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apn_user_name: Option<CiString<50>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apn_password: Option<CiString<64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sim_pin: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_network: Option<CiString<6>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub use_only_preferred_network: Option<bool>,
    pub apn_authentication: ApnAuthentication,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `APNAuthenticationEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ApnAuthentication {
    #[serde(rename = "PAP")]
    Pap,
    #[serde(rename = "CHAP")]
    Chap,
    #[serde(rename = "NONE")]
    None,
    #[serde(rename = "AUTO")]
    Auto,
}

/// `OCPPVersionEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OcppVersion {
    #[serde(rename = "OCPP12")]
    Ocpp12,
    #[serde(rename = "OCPP15")]
    Ocpp15,
    #[serde(rename = "OCPP16")]
    Ocpp16,
    #[serde(rename = "OCPP20")]
    Ocpp20,
    #[serde(rename = "OCPP201")]
    Ocpp201,
    #[serde(rename = "OCPP21")]
    Ocpp21,
}

/// `OCPPInterfaceEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OcppInterface {
    Wired0,
    Wired1,
    Wired2,
    Wired3,
    Wireless0,
    Wireless1,
    Wireless2,
    Wireless3,
    Any,
}

/// `OCPPTransportEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OcppTransport {
    #[serde(rename = "SOAP")]
    Soap,
    #[serde(rename = "JSON")]
    Json,
}

/// `VPNType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Vpn {
    pub server: CiString<2000>,
    pub user: CiString<50>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<CiString<50>>,
    pub password: CiString<64>,
    pub key: CiString<255>,
    #[serde(rename = "type")]
    pub kind: VpnKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// SetNetworkProfile response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetNetworkProfileResponse {
    pub status: SetNetworkProfileStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
