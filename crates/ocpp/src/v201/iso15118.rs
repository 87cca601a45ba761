//! ISO 15118 certificate management: functional block M of OCPP 2.0.1 Part 2.

use serde::{Deserialize, Serialize};

use super::types::{CertificateHashData, CustomData, OcspRequestData, StatusInfo};
use crate::CiString;

requests! {
    DeleteCertificateRequest => DeleteCertificateResponse, DeleteCertificate;
    Get15118EVCertificateRequest => Get15118EVCertificateResponse, Get15118EVCertificate;
    GetCertificateStatusRequest => GetCertificateStatusResponse, GetCertificateStatus;
    GetInstalledCertificateIdsRequest =>
        GetInstalledCertificateIdsResponse, GetInstalledCertificateIds;
    InstallCertificateRequest => InstallCertificateResponse, InstallCertificate;
}

/// DeleteCertificate request (P2-201 M04): the CSMS deletes an installed certificate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeleteCertificateRequest {
    pub certificate_hash_data: CertificateHashData,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// DeleteCertificate response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeleteCertificateResponse {
    pub status: DeleteCertificateStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `DeleteCertificateStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DeleteCertificateStatus {
    Accepted,
    Failed,
    NotFound,
}

/// Get15118EVCertificate request (P2-201 M01, M02): the station relays an EV's certificate
/// installation or update request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Get15118EVCertificateRequest {
    pub iso15118_schema_version: CiString<50>,
    pub action: CertificateAction,
    pub exi_request: CiString<5600>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `CertificateActionEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CertificateAction {
    Install,
    Update,
}

/// Get15118EVCertificate response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Get15118EVCertificateResponse {
    pub status: Iso15118EvCertificateStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    pub exi_response: CiString<7500>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `Iso15118EVCertificateStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Iso15118EvCertificateStatus {
    Accepted,
    Failed,
}

/// GetCertificateStatus request (P2-201 M06): the station asks for the OCSP status of a
/// certificate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetCertificateStatusRequest {
    pub ocsp_request_data: OcspRequestData,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// GetCertificateStatus response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetCertificateStatusResponse {
    pub status: GetCertificateStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocsp_result: Option<CiString<5500>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `GetCertificateStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GetCertificateStatus {
    Accepted,
    Failed,
}

/// GetInstalledCertificateIds request (P2-201 M03): the CSMS asks which certificates are installed.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetInstalledCertificateIdsRequest {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certificate_type: Vec<GetCertificateIdUse>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `GetCertificateIdUseEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GetCertificateIdUse {
    V2GRootCertificate,
    #[serde(rename = "MORootCertificate")]
    MoRootCertificate,
    #[serde(rename = "CSMSRootCertificate")]
    CsmsRootCertificate,
    V2GCertificateChain,
    ManufacturerRootCertificate,
}

/// GetInstalledCertificateIds response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetInstalledCertificateIdsResponse {
    pub status: GetInstalledCertificateStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certificate_hash_data_chain: Vec<CertificateHashDataChain>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `GetInstalledCertificateStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GetInstalledCertificateStatus {
    Accepted,
    NotFound,
}

/// `CertificateHashDataChainType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateHashDataChain {
    pub certificate_hash_data: CertificateHashData,
    pub certificate_type: GetCertificateIdUse,
    /// 1 to 4 items in the schema; not enforced when read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub child_certificate_hash_data: Vec<CertificateHashData>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// InstallCertificate request (P2-201 M05): the CSMS installs a root certificate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InstallCertificateRequest {
    pub certificate_type: InstallCertificateUse,
    pub certificate: CiString<5500>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `InstallCertificateUseEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InstallCertificateUse {
    V2GRootCertificate,
    #[serde(rename = "MORootCertificate")]
    MoRootCertificate,
    #[serde(rename = "CSMSRootCertificate")]
    CsmsRootCertificate,
    ManufacturerRootCertificate,
}

/// InstallCertificate response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InstallCertificateResponse {
    pub status: InstallCertificateStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `InstallCertificateStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InstallCertificateStatus {
    Accepted,
    Rejected,
    Failed,
}
