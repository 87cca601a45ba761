//! Firmware images, firmware updates, diagnostics uploads and firmware campaigns, for every
//! OCPP version at once: 1.6 has no request ids (a station's latest request is the one its
//! notifications speak of), 2.x correlates by `requestId`.

use super::{StationId, Time};

/// A firmware image hosted by this system.
#[derive(Clone, Debug, PartialEq)]
pub struct FirmwareFile {
    pub id: i64,
    /// As uploaded; checked by [`check_filename`].
    pub filename: String,
    pub size: u64,
    /// Lower-case hex.
    pub sha256: String,
    /// The unguessable part of the download URL (and the file's name on disk).
    pub token: String,
    pub uploaded_at: Time,
}

/// What an upload knows before the store gives it an id.
#[derive(Clone, Debug)]
pub struct NewFirmware {
    pub filename: String,
    pub size: u64,
    pub sha256: String,
    pub token: String,
    pub uploaded_at: Time,
}

/// One update-firmware sent (or about to be sent) to a station; its id is the 2.x
/// `requestId`.
#[derive(Clone, Debug)]
pub struct NewFirmwareRequest {
    pub station_id: StationId,
    pub location: String,
    pub firmware_id: Option<i64>,
    pub campaign_id: Option<i64>,
    pub requested_at: Time,
}

/// A FirmwareStatusNotification (1.6; 2.x with its `requestId`).
#[derive(Clone, Debug, PartialEq)]
pub struct FirmwareStatusReport {
    pub station_id: StationId,
    /// The status as the station's version spells it (`Downloading`, `Installed`, …).
    pub status: String,
    pub request_id: Option<i64>,
    pub received_at: Time,
}

/// A stored FirmwareStatusNotification.
#[derive(Clone, Debug, PartialEq)]
pub struct FirmwareStatusEntry {
    pub status: String,
    pub request_id: Option<i64>,
    pub received_at: Time,
}

impl FirmwareStatusEntry {
    /// The statuses after which a station is done with an update (1.6 §4.5, 2.0.1 L01):
    /// installed, or failed for good.
    pub fn is_final(&self) -> bool {
        is_final_status(&self.status)
    }
}

pub fn is_final_status(status: &str) -> bool {
    matches!(
        status,
        "Installed"
            | "InstallationFailed"
            | "DownloadFailed"
            | "InstallVerificationFailed"
            | "InvalidSignature"
    )
}

/// A diagnostics (2.x: log) request and, once it arrived, the uploaded file.
#[derive(Clone, Debug, PartialEq)]
pub struct DiagnosticsRecord {
    /// Also the 2.x `requestId`.
    pub id: i64,
    pub station_id: StationId,
    /// The unguessable part of the upload URL; `None` when the operator gave a location.
    pub token: Option<String>,
    pub location: String,
    pub requested_at: Time,
    /// The file name the station announced or uploaded.
    pub filename: Option<String>,
    pub size: Option<u64>,
    pub received_at: Option<Time>,
    /// `Requested`, then the station's DiagnosticsStatus / UploadLogStatus
    /// (`Uploading`, `Uploaded`, `UploadFailed`, …).
    pub status: String,
}

#[derive(Clone, Debug)]
pub struct NewDiagnostics {
    pub station_id: StationId,
    pub token: Option<String>,
    pub location: String,
    pub requested_at: Time,
}

/// A DiagnosticsStatusNotification (1.6) or LogStatusNotification (2.x).
#[derive(Clone, Debug, PartialEq)]
pub struct DiagnosticsStatusReport {
    pub station_id: StationId,
    pub status: String,
    /// 2.x only: which request it is about (else the station's latest).
    pub request_id: Option<i64>,
    pub received_at: Time,
}

/// A file a station uploaded.
#[derive(Clone, Debug)]
pub struct DiagnosticsUpload {
    pub id: i64,
    pub filename: String,
    pub size: u64,
    pub received_at: Time,
}

/// A firmware rollout over many stations.
#[derive(Clone, Debug, PartialEq)]
pub struct Campaign {
    pub id: i64,
    pub firmware_id: i64,
    pub max_concurrent: u32,
    pub start_at: Time,
    pub created_at: Time,
    pub stations: Vec<CampaignStation>,
}

impl Campaign {
    /// `scheduled` before `start_at`, `done` once every station is, `running` between.
    pub fn status(&self, now: Time) -> &'static str {
        if self.stations.iter().all(|s| s.state == CampaignState::Done) {
            "done"
        } else if now < self.start_at {
            "scheduled"
        } else {
            "running"
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct NewCampaign {
    pub firmware_id: i64,
    pub station_ids: Vec<StationId>,
    pub max_concurrent: u32,
    pub start_at: Time,
    pub created_at: Time,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CampaignStation {
    pub station_id: StationId,
    pub state: CampaignState,
    /// The update's request id once sent.
    pub request_id: Option<i64>,
    /// The station's answer to UpdateFirmware, or why it could not be sent.
    pub answer: Option<String>,
    /// The last firmware status reported for this update.
    pub firmware_status: Option<String>,
    pub sent_at: Option<Time>,
    pub finished_at: Option<Time>,
}

/// Where a station is in a campaign.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CampaignState {
    /// Not sent yet (not started, waiting for a free slot, or offline).
    Pending,
    /// Sent and accepted; waiting for a final firmware status.
    InProgress,
    Done,
}

impl CampaignState {
    pub fn as_str(self) -> &'static str {
        match self {
            CampaignState::Pending => "pending",
            CampaignState::InProgress => "in_progress",
            CampaignState::Done => "done",
        }
    }

    pub fn parse(text: &str) -> Option<CampaignState> {
        match text {
            "pending" => Some(CampaignState::Pending),
            "in_progress" => Some(CampaignState::InProgress),
            "done" => Some(CampaignState::Done),
            _ => None,
        }
    }
}

/// A change to one station of a campaign.
#[derive(Clone, Debug, PartialEq)]
pub struct CampaignStationUpdate {
    pub campaign_id: i64,
    pub station_id: StationId,
    pub state: CampaignState,
    pub request_id: Option<i64>,
    pub answer: Option<String>,
    pub firmware_status: Option<String>,
    pub sent_at: Option<Time>,
    pub finished_at: Option<Time>,
}

/// Why an uploaded file name is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid file name: {0}")]
pub struct FilenameError(&'static str);

/// The longest file name kept (1.6 GetDiagnostics.conf and 2.x GetLog allow 255).
pub const MAX_FILENAME: usize = 255;

/// A file name is one path segment of printable characters: no separators, no `.`/`..`, no
/// control characters, so it can never name another place on disk or in a URL.
pub fn check_filename(name: &str) -> Result<(), FilenameError> {
    if name.is_empty() {
        return Err(FilenameError("empty"));
    }
    if name.len() > MAX_FILENAME {
        return Err(FilenameError("longer than 255 bytes"));
    }
    if name == "." || name == ".." {
        return Err(FilenameError("a relative path"));
    }
    if name.contains(['/', '\\']) {
        return Err(FilenameError("contains a path separator"));
    }
    if name.chars().any(char::is_control) {
        return Err(FilenameError("contains a control character"));
    }
    if name.starts_with(char::is_whitespace) || name.ends_with(char::is_whitespace) {
        return Err(FilenameError("starts or ends with white space"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_cannot_leave_their_directory() {
        for good in [
            "fw-1.2.3.bin",
            "diag 2026-01-01.tar.gz",
            "ünïcode.zip",
            "..hidden",
        ] {
            assert_eq!(check_filename(good), Ok(()), "{good}");
        }
        for bad in [
            "",
            ".",
            "..",
            "../etc/passwd",
            "a/b",
            "a\\b",
            "x\0y",
            "x\ny",
            " x",
            "x ",
        ] {
            assert!(check_filename(bad).is_err(), "{bad:?}");
        }
        assert!(check_filename(&"a".repeat(256)).is_err());
        assert!(check_filename(&"a".repeat(255)).is_ok());
    }

    #[test]
    fn final_statuses() {
        for status in ["Installed", "InstallationFailed", "DownloadFailed"] {
            assert!(is_final_status(status));
        }
        for status in ["Downloading", "Downloaded", "Installing", "Idle"] {
            assert!(!is_final_status(status));
        }
    }
}
