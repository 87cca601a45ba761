//! "Improved security for OCPP 1.6-J": certificates, security events, signed firmware and
//! log uploads. These schemas are draft-06 and name their types `…EnumType`/`…Type`; the
//! Rust names drop that suffix.

use serde::{Deserialize, Serialize};

use super::remote_trigger::TriggerMessageStatus;
use crate::{CiString, Timestamp};

requests! {
    CertificateSignedRequest => CertificateSignedResponse, CertificateSigned;
    DeleteCertificateRequest => DeleteCertificateResponse, DeleteCertificate;
    ExtendedTriggerMessageRequest => ExtendedTriggerMessageResponse, ExtendedTriggerMessage;
    GetInstalledCertificateIdsRequest => GetInstalledCertificateIdsResponse, GetInstalledCertificateIds;
    GetLogRequest => GetLogResponse, GetLog;
    InstallCertificateRequest => InstallCertificateResponse, InstallCertificate;
    LogStatusNotificationRequest => LogStatusNotificationResponse, LogStatusNotification;
    SecurityEventNotificationRequest => SecurityEventNotificationResponse, SecurityEventNotification;
    SignCertificateRequest => SignCertificateResponse, SignCertificate;
    SignedFirmwareStatusNotificationRequest => SignedFirmwareStatusNotificationResponse, SignedFirmwareStatusNotification;
    SignedUpdateFirmwareRequest => SignedUpdateFirmwareResponse, SignedUpdateFirmware;
}

/// `GenericStatusEnumType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GenericStatus {
    Accepted,
    Rejected,
}

/// `HashAlgorithmEnumType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum HashAlgorithm {
    #[serde(rename = "SHA256")]
    Sha256,
    #[serde(rename = "SHA384")]
    Sha384,
    #[serde(rename = "SHA512")]
    Sha512,
}

/// Identifies a certificate by hashes of its issuer and its serial number (hex strings).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateHashData {
    pub hash_algorithm: HashAlgorithm,
    pub issuer_name_hash: CiString<128>,
    pub issuer_key_hash: CiString<128>,
    pub serial_number: CiString<40>,
}

/// `CertificateUseEnumType`: which kind of root certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CertificateUse {
    CentralSystemRootCertificate,
    ManufacturerRootCertificate,
}

/// CertificateSigned.req, sent by the central system with the signed certificate chain (PEM).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateSignedRequest {
    pub certificate_chain: CiString<10000>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CertificateSignedStatus {
    Accepted,
    Rejected,
}

/// CertificateSigned.conf, sent by the charge point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateSignedResponse {
    pub status: CertificateSignedStatus,
}

/// DeleteCertificate.req, sent by the central system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeleteCertificateRequest {
    pub certificate_hash_data: CertificateHashData,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DeleteCertificateStatus {
    Accepted,
    Failed,
    NotFound,
}

/// DeleteCertificate.conf, sent by the charge point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeleteCertificateResponse {
    pub status: DeleteCertificateStatus,
}

/// `MessageTriggerEnumType`: what ExtendedTriggerMessage can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ExtendedMessageTrigger {
    BootNotification,
    LogStatusNotification,
    FirmwareStatusNotification,
    Heartbeat,
    MeterValues,
    SignChargePointCertificate,
    StatusNotification,
}

/// ExtendedTriggerMessage.req, sent by the central system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExtendedTriggerMessageRequest {
    pub requested_message: ExtendedMessageTrigger,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connector_id: Option<u32>,
}

/// ExtendedTriggerMessage.conf, sent by the charge point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExtendedTriggerMessageResponse {
    pub status: TriggerMessageStatus,
}

/// GetInstalledCertificateIds.req, sent by the central system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetInstalledCertificateIdsRequest {
    pub certificate_type: CertificateUse,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GetInstalledCertificateStatus {
    Accepted,
    NotFound,
}

/// GetInstalledCertificateIds.conf, sent by the charge point. The schema wants at least one
/// entry when the array is there; an empty list is left out when written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetInstalledCertificateIdsResponse {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certificate_hash_data: Vec<CertificateHashData>,
    pub status: GetInstalledCertificateStatus,
}

/// `LogEnumType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LogType {
    DiagnosticsLog,
    SecurityLog,
}

/// `LogParametersType`: where to upload a log and which period it covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogParameters {
    pub remote_location: CiString<512>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oldest_timestamp: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest_timestamp: Option<Timestamp>,
}

/// GetLog.req, sent by the central system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetLogRequest {
    pub log: LogParameters,
    pub log_type: LogType,
    pub request_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retries: Option<u32>,
    /// Seconds between retries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_interval: Option<u32>,
}

/// `LogStatusEnumType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LogStatus {
    Accepted,
    Rejected,
    AcceptedCanceled,
}

/// GetLog.conf, sent by the charge point. Note `filename`, all lowercase (GetDiagnostics
/// says `fileName`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetLogResponse {
    pub status: LogStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<CiString<255>>,
}

/// `InstallCertificateStatusEnumType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InstallCertificateStatus {
    Accepted,
    Failed,
    Rejected,
}

/// InstallCertificate.req, sent by the central system with a PEM root certificate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InstallCertificateRequest {
    pub certificate_type: CertificateUse,
    pub certificate: CiString<5500>,
}

/// InstallCertificate.conf, sent by the charge point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InstallCertificateResponse {
    pub status: InstallCertificateStatus,
}

/// `UploadLogStatusEnumType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UploadLogStatus {
    BadMessage,
    Idle,
    NotSupportedOperation,
    PermissionDenied,
    Uploaded,
    UploadFailure,
    Uploading,
}

/// LogStatusNotification.req, sent by the charge point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LogStatusNotificationRequest {
    pub status: UploadLogStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<i32>,
}

/// LogStatusNotification.conf, sent by the central system (no payload).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LogStatusNotificationResponse {}

/// SecurityEventNotification.req, sent by the charge point. `type` is free text in the
/// schema (the whitepaper lists the usual values, but any string up to 50 characters is valid).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SecurityEventNotificationRequest {
    #[serde(rename = "type")]
    pub kind: CiString<50>,
    pub timestamp: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tech_info: Option<CiString<255>>,
}

/// SecurityEventNotification.conf, sent by the central system (no payload).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SecurityEventNotificationResponse {}

/// SignCertificate.req, sent by the charge point with a PEM certificate signing request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignCertificateRequest {
    pub csr: CiString<5500>,
}

/// SignCertificate.conf, sent by the central system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignCertificateResponse {
    pub status: GenericStatus,
}

/// `FirmwareStatusEnumType` of the Security extension (Core's [`super::FirmwareStatus`]
/// plus the signed-firmware states).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SignedFirmwareStatus {
    Downloaded,
    DownloadFailed,
    Downloading,
    DownloadScheduled,
    DownloadPaused,
    Idle,
    InstallationFailed,
    Installing,
    Installed,
    InstallRebooting,
    InstallScheduled,
    InstallVerificationFailed,
    InvalidSignature,
    SignatureVerified,
}

/// SignedFirmwareStatusNotification.req, sent by the charge point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignedFirmwareStatusNotificationRequest {
    pub status: SignedFirmwareStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<i32>,
}

/// SignedFirmwareStatusNotification.conf, sent by the central system (no payload).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SignedFirmwareStatusNotificationResponse {}

/// `FirmwareType`: where to fetch signed firmware and how to check it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Firmware {
    pub location: CiString<512>,
    pub retrieve_date_time: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub install_date_time: Option<Timestamp>,
    /// PEM.
    pub signing_certificate: CiString<5500>,
    /// Base64.
    pub signature: CiString<800>,
}

/// SignedUpdateFirmware.req, sent by the central system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignedUpdateFirmwareRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retries: Option<u32>,
    /// Seconds between retries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_interval: Option<u32>,
    pub request_id: i32,
    pub firmware: Firmware,
}

/// `UpdateFirmwareStatusEnumType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UpdateFirmwareStatus {
    Accepted,
    Rejected,
    AcceptedCanceled,
    InvalidCertificate,
    RevokedCertificate,
}

/// SignedUpdateFirmware.conf, sent by the charge point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignedUpdateFirmwareResponse {
    pub status: UpdateFirmwareStatus,
}
