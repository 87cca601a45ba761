//! Firmware management: functional block L of OCPP 2.0.1 Part 2.

use serde::{Deserialize, Serialize};

use super::types::{CustomData, GenericStatus, StatusInfo};
use crate::{CiString, Timestamp};

requests! {
    FirmwareStatusNotificationRequest =>
        FirmwareStatusNotificationResponse, FirmwareStatusNotification;
    PublishFirmwareRequest => PublishFirmwareResponse, PublishFirmware;
    PublishFirmwareStatusNotificationRequest =>
        PublishFirmwareStatusNotificationResponse, PublishFirmwareStatusNotification;
    UnpublishFirmwareRequest => UnpublishFirmwareResponse, UnpublishFirmware;
    UpdateFirmwareRequest => UpdateFirmwareResponse, UpdateFirmware;
}

/// FirmwareStatusNotification request (P2-201 L01): the station reports progress of a firmware
/// update.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FirmwareStatusNotificationRequest {
    pub status: FirmwareStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `FirmwareStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FirmwareStatus {
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

/// FirmwareStatusNotification response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FirmwareStatusNotificationResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// PublishFirmware request (P2-201 L03): the CSMS asks a local controller to serve a firmware
/// image.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PublishFirmwareRequest {
    pub location: CiString<512>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retries: Option<u32>,
    pub checksum: CiString<32>,
    pub request_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_interval: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// PublishFirmware response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PublishFirmwareResponse {
    pub status: GenericStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// PublishFirmwareStatusNotification request (P2-201 L03): the local controller reports progress of
/// publishing firmware.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PublishFirmwareStatusNotificationRequest {
    pub status: PublishFirmwareStatus,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub location: Vec<CiString<512>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `PublishFirmwareStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PublishFirmwareStatus {
    Idle,
    DownloadScheduled,
    Downloading,
    Downloaded,
    Published,
    DownloadFailed,
    DownloadPaused,
    InvalidChecksum,
    ChecksumVerified,
    PublishFailed,
}

/// PublishFirmwareStatusNotification response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PublishFirmwareStatusNotificationResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// UnpublishFirmware request (P2-201 L04): the CSMS asks a local controller to stop serving a
/// firmware image.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnpublishFirmwareRequest {
    pub checksum: CiString<32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// UnpublishFirmware response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnpublishFirmwareResponse {
    pub status: UnpublishFirmwareStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `UnpublishFirmwareStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UnpublishFirmwareStatus {
    DownloadOngoing,
    NoFirmware,
    Unpublished,
}

/// UpdateFirmware request (P2-201 L01, L02): the CSMS asks the station to install (signed)
/// firmware.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateFirmwareRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retries: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_interval: Option<u32>,
    pub request_id: i32,
    pub firmware: Firmware,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// Where to fetch a firmware image and how to verify it (`FirmwareType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Firmware {
    pub location: CiString<512>,
    pub retrieve_date_time: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub install_date_time: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing_certificate: Option<CiString<5500>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<CiString<800>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// UpdateFirmware response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateFirmwareResponse {
    pub status: UpdateFirmwareStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `UpdateFirmwareStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UpdateFirmwareStatus {
    Accepted,
    Rejected,
    AcceptedCanceled,
    InvalidCertificate,
    RevokedCertificate,
}
