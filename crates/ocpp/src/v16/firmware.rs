//! Firmware Management profile: firmware updates and diagnostics uploads.

use serde::{Deserialize, Serialize};

use crate::{CiString, Timestamp};

requests! {
    DiagnosticsStatusNotificationRequest => DiagnosticsStatusNotificationResponse, DiagnosticsStatusNotification;
    FirmwareStatusNotificationRequest => FirmwareStatusNotificationResponse, FirmwareStatusNotification;
    GetDiagnosticsRequest => GetDiagnosticsResponse, GetDiagnostics;
    UpdateFirmwareRequest => UpdateFirmwareResponse, UpdateFirmware;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DiagnosticsStatus {
    Idle,
    Uploaded,
    UploadFailed,
    Uploading,
}

/// DiagnosticsStatusNotification.req, sent by the charge point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DiagnosticsStatusNotificationRequest {
    pub status: DiagnosticsStatus,
}

/// DiagnosticsStatusNotification.conf, sent by the central system (no payload).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct DiagnosticsStatusNotificationResponse {}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FirmwareStatus {
    Downloaded,
    DownloadFailed,
    Downloading,
    Idle,
    InstallationFailed,
    Installing,
    Installed,
}

/// FirmwareStatusNotification.req, sent by the charge point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FirmwareStatusNotificationRequest {
    pub status: FirmwareStatus,
}

/// FirmwareStatusNotification.conf, sent by the central system (no payload).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FirmwareStatusNotificationResponse {}

/// GetDiagnostics.req, sent by the central system. `location` is a URI (the schema sets no
/// length limit); it is not parsed here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetDiagnosticsRequest {
    pub location: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retries: Option<u32>,
    /// Seconds between retries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_interval: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_time: Option<Timestamp>,
}

/// GetDiagnostics.conf, sent by the charge point; no file name means none is available.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetDiagnosticsResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<CiString<255>>,
}

/// UpdateFirmware.req, sent by the central system. `location` is a URI, not parsed here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateFirmwareRequest {
    pub location: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retries: Option<u32>,
    pub retrieve_date: Timestamp,
    /// Seconds between retries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_interval: Option<u32>,
}

/// UpdateFirmware.conf, sent by the charge point (no payload).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct UpdateFirmwareResponse {}
