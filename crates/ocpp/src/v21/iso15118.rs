//! ISO 15118 certificate management: functional block M of OCPP 2.1 Part 2.

use serde::{Deserialize, Serialize};

use super::types::{CertificateHashData, CustomData, OcspRequestData, StatusInfo};
use crate::{CiString, Timestamp};

// Unchanged from 2.0.1: the same schema, properties, enums and limits.
pub use crate::v201::{
    CertificateAction, DeleteCertificateStatus, GetCertificateStatus,
    GetInstalledCertificateStatus, InstallCertificateStatus, Iso15118EvCertificateStatus,
};

requests! {
    DeleteCertificateRequest => DeleteCertificateResponse, DeleteCertificate;
    Get15118EVCertificateRequest => Get15118EVCertificateResponse, Get15118EVCertificate;
    GetCertificateChainStatusRequest => GetCertificateChainStatusResponse, GetCertificateChainStatus;
    GetCertificateStatusRequest => GetCertificateStatusResponse, GetCertificateStatus;
    GetInstalledCertificateIdsRequest => GetInstalledCertificateIdsResponse, GetInstalledCertificateIds;
    InstallCertificateRequest => InstallCertificateResponse, InstallCertificate;
}

/// DeleteCertificate request: the CSMS deletes an installed certificate.
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

/// Get15118EVCertificate request: the station relays an EV's certificate installation or update
/// request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Get15118EVCertificateRequest {
    pub iso15118_schema_version: CiString<50>,
    pub action: CertificateAction,
    pub exi_request: CiString<11000>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum_contract_certificate_chains: Option<u32>,
    /// 1 to 8 items in the schema; not enforced when read.
    #[serde(
        rename = "prioritizedEMAIDs",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub prioritized_emai_ds: Vec<CiString<255>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// Get15118EVCertificate response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Get15118EVCertificateResponse {
    pub status: Iso15118EvCertificateStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    pub exi_response: CiString<17000>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remaining_contracts: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// GetCertificateChainStatus request: the station asks the CSMS for the revocation status of a
/// certificate chain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetCertificateChainStatusRequest {
    /// 1 to 4 items in the schema; not enforced when read.
    pub certificate_status_requests: Vec<CertificateStatusRequestInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `CertificateStatusRequestInfoType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateStatusRequestInfo {
    pub certificate_hash_data: CertificateHashData,
    pub source: CertificateStatusSource,
    /// 1 to 5 items in the schema; not enforced when read.
    pub urls: Vec<CiString<2000>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `CertificateStatusSourceEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CertificateStatusSource {
    #[serde(rename = "CRL")]
    Crl,
    #[serde(rename = "OCSP")]
    Ocsp,
}

/// GetCertificateChainStatus response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetCertificateChainStatusResponse {
    /// 1 to 4 items in the schema; not enforced when read.
    pub certificate_status: Vec<CertificateStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `CertificateStatusType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateStatus {
    pub certificate_hash_data: CertificateHashData,
    pub source: CertificateStatusSource,
    pub status: CertificateStatusKind,
    pub next_update: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `CertificateStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CertificateStatusKind {
    Good,
    Revoked,
    Unknown,
    Failed,
}

/// GetCertificateStatus request: the station asks for the OCSP status of a certificate.
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
    pub ocsp_result: Option<CiString<18000>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// GetInstalledCertificateIds request: the CSMS asks which certificates are installed.
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
    #[serde(rename = "OEMRootCertificate")]
    OemRootCertificate,
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

/// InstallCertificate request: the CSMS installs a root certificate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InstallCertificateRequest {
    pub certificate_type: InstallCertificateUse,
    pub certificate: CiString<10000>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `InstallCertificateUseEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InstallCertificateUse {
    V2GRootCertificate,
    #[serde(rename = "MORootCertificate")]
    MoRootCertificate,
    ManufacturerRootCertificate,
    #[serde(rename = "CSMSRootCertificate")]
    CsmsRootCertificate,
    #[serde(rename = "OEMRootCertificate")]
    OemRootCertificate,
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
