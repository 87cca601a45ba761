//! What the store keeps of firmware images, updates, diagnostics uploads and campaigns: a
//! capability trait of its own (lldap-style), which every [`super::Store`] also implements.
//! Station notifications arrive as session writes ([`super::Write::FirmwareStatus`],
//! [`super::Write::DiagnosticsStatus`]); these are the operator's side.

use async_trait::async_trait;

use super::StoreResult;
use crate::domain::StationId;
use crate::domain::firmware::{
    Campaign, CampaignStationUpdate, DiagnosticsRecord, DiagnosticsUpload, FirmwareFile,
    FirmwareStatusEntry, NewCampaign, NewDiagnostics, NewFirmware, NewFirmwareRequest,
};

#[async_trait]
pub trait FirmwareStore: Send + Sync {
    // Firmware images
    async fn add_firmware(&self, new: NewFirmware) -> StoreResult<FirmwareFile>;
    /// Oldest first.
    async fn firmware_files(&self) -> StoreResult<Vec<FirmwareFile>>;
    async fn firmware_file(&self, id: i64) -> StoreResult<Option<FirmwareFile>>;
    async fn firmware_by_token(&self, token: &str) -> StoreResult<Option<FirmwareFile>>;

    // Updates
    /// Record an update about to be sent; its id is the 2.x `requestId`.
    async fn add_firmware_request(&self, request: NewFirmwareRequest) -> StoreResult<i64>;
    /// Every FirmwareStatusNotification of a station, oldest first.
    async fn firmware_statuses(&self, station: &StationId)
    -> StoreResult<Vec<FirmwareStatusEntry>>;

    // Diagnostics
    async fn add_diagnostics(&self, new: NewDiagnostics) -> StoreResult<DiagnosticsRecord>;
    /// Newest first; every station's when `station` is `None`.
    async fn diagnostics(&self, station: Option<&StationId>)
    -> StoreResult<Vec<DiagnosticsRecord>>;
    async fn diagnostics_record(&self, id: i64) -> StoreResult<Option<DiagnosticsRecord>>;
    async fn diagnostics_by_token(&self, token: &str) -> StoreResult<Option<DiagnosticsRecord>>;
    /// The station's answer to the request: the file name it announced, and a status to keep
    /// when it refused (`Rejected`).
    async fn diagnostics_answered(
        &self,
        id: i64,
        filename: Option<String>,
        refused: Option<String>,
    ) -> StoreResult<()>;
    /// A file arrived at the request's upload URL (a second upload replaces the first).
    async fn diagnostics_uploaded(&self, upload: DiagnosticsUpload) -> StoreResult<()>;

    // Campaigns
    async fn add_campaign(&self, new: NewCampaign) -> StoreResult<Campaign>;
    /// Oldest first.
    async fn campaigns(&self) -> StoreResult<Vec<Campaign>>;
    async fn campaign(&self, id: i64) -> StoreResult<Option<Campaign>>;
    async fn update_campaign_station(&self, update: CampaignStationUpdate) -> StoreResult<()>;
}
