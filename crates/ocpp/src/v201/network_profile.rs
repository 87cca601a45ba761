//! The connection data of SetNetworkProfile (functional block B, use case B09).

use serde::{Deserialize, Serialize};

use super::types::CustomData;
use crate::CiString;

/// `APNAuthenticationEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ApnAuthentication {
    #[serde(rename = "CHAP")]
    Chap,
    #[serde(rename = "NONE")]
    None,
    #[serde(rename = "PAP")]
    Pap,
    #[serde(rename = "AUTO")]
    Auto,
}

/// `APNType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Apn {
    pub apn: CiString<512>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apn_user_name: Option<CiString<20>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apn_password: Option<CiString<20>>,
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
}

/// `OCPPTransportEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OcppTransport {
    #[serde(rename = "JSON")]
    Json,
    #[serde(rename = "SOAP")]
    Soap,
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
}

/// `VPNType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Vpn {
    pub server: CiString<512>,
    pub user: CiString<20>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<CiString<20>>,
    pub password: CiString<20>,
    pub key: CiString<255>,
    #[serde(rename = "type")]
    pub kind: VpnKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// The VPN protocol of a [`Vpn`] (`VPNEnumType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum VpnKind {
    #[serde(rename = "IKEv2")]
    IkEv2,
    #[serde(rename = "IPSec")]
    IpSec,
    #[serde(rename = "L2TP")]
    L2Tp,
    #[serde(rename = "PPTP")]
    Pptp,
}

/// How to reach the CSMS: URL, OCPP version, transport, security profile and link settings
/// (`NetworkConnectionProfileType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NetworkConnectionProfile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apn: Option<Apn>,
    pub ocpp_version: OcppVersion,
    pub ocpp_transport: OcppTransport,
    pub ocpp_csms_url: CiString<512>,
    pub message_timeout: u32,
    pub security_profile: i32,
    pub ocpp_interface: OcppInterface,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vpn: Option<Vpn>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
