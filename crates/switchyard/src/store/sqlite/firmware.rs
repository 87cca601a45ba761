//! Firmware images, updates, diagnostics and campaigns in SQLite (migration 12): the
//! writer's operations for them, their reads, and [`FirmwareStore`] for [`SqliteStore`].

use async_trait::async_trait;
use rusqlite::{Connection, Row, params};

use super::convert::{millis, opt_millis, opt_time_at, station_id_at, time_at, u32_at};
use super::writes::{Done, Op};
use super::{SqliteStore, wrong_answer};
use crate::domain::StationId;
use crate::domain::firmware::{
    Campaign, CampaignState, CampaignStation, CampaignStationUpdate, DiagnosticsRecord,
    DiagnosticsStatusReport, DiagnosticsUpload, FirmwareFile, FirmwareStatusEntry,
    FirmwareStatusReport, NewCampaign, NewDiagnostics, NewFirmware, NewFirmwareRequest,
    is_final_status,
};
use crate::store::{FirmwareStore, StoreError, StoreResult};

/// The writer's firmware operations (one [`Op`] variant holds them all).
#[derive(Debug)]
pub(crate) enum FirmwareOp {
    AddFirmware(NewFirmware),
    AddRequest(NewFirmwareRequest),
    AddDiagnostics(NewDiagnostics),
    DiagnosticsAnswered {
        id: i64,
        filename: Option<String>,
        refused: Option<String>,
    },
    DiagnosticsUploaded(DiagnosticsUpload),
    AddCampaign(NewCampaign),
    UpdateCampaignStation(CampaignStationUpdate),
}

/// What a [`FirmwareOp`] produced.
#[derive(Debug)]
pub(crate) enum FirmwareDone {
    Firmware(FirmwareFile),
    Id(i64),
    Diagnostics(DiagnosticsRecord),
    Nothing,
}

pub(crate) fn apply(conn: &Connection, op: &FirmwareOp) -> Result<FirmwareDone, StoreError> {
    Ok(match op {
        FirmwareOp::AddFirmware(new) => {
            conn.prepare_cached(
                "INSERT INTO firmware_files (filename, size, sha256, token, uploaded_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                new.filename,
                i64::try_from(new.size).unwrap_or(i64::MAX),
                new.sha256,
                new.token,
                millis(new.uploaded_at)
            ])?;
            FirmwareDone::Firmware(FirmwareFile {
                id: conn.last_insert_rowid(),
                filename: new.filename.clone(),
                size: new.size,
                sha256: new.sha256.clone(),
                token: new.token.clone(),
                uploaded_at: new.uploaded_at,
            })
        }
        FirmwareOp::AddRequest(request) => {
            conn.prepare_cached(
                "INSERT INTO firmware_requests (station_id, location, firmware_id, campaign_id, \
                 requested_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                request.station_id.as_str(),
                request.location,
                request.firmware_id,
                request.campaign_id,
                millis(request.requested_at)
            ])?;
            FirmwareDone::Id(conn.last_insert_rowid())
        }
        FirmwareOp::AddDiagnostics(new) => {
            conn.prepare_cached(
                "INSERT INTO diagnostics (station_id, token, location, requested_at, status) \
                 VALUES (?1, ?2, ?3, ?4, 'Requested')",
            )?
            .execute(params![
                new.station_id.as_str(),
                new.token,
                new.location,
                millis(new.requested_at)
            ])?;
            let id = conn.last_insert_rowid();
            FirmwareDone::Diagnostics(
                diagnostics_where(conn, "id = ?1", params![id])?
                    .pop()
                    .ok_or(StoreError::NotFound)?,
            )
        }
        FirmwareOp::DiagnosticsAnswered {
            id,
            filename,
            refused,
        } => {
            conn.prepare_cached(
                "UPDATE diagnostics SET filename = COALESCE(filename, ?2), \
                 status = COALESCE(?3, status) WHERE id = ?1",
            )?
            .execute(params![id, filename, refused])?;
            FirmwareDone::Nothing
        }
        FirmwareOp::DiagnosticsUploaded(upload) => {
            conn.prepare_cached(
                "UPDATE diagnostics SET filename = ?2, size = ?3, received_at = ?4 WHERE id = ?1",
            )?
            .execute(params![
                upload.id,
                upload.filename,
                i64::try_from(upload.size).unwrap_or(i64::MAX),
                millis(upload.received_at)
            ])?;
            FirmwareDone::Nothing
        }
        FirmwareOp::AddCampaign(new) => {
            conn.prepare_cached(
                "INSERT INTO firmware_campaigns (firmware_id, max_concurrent, start_at, \
                 created_at) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![
                new.firmware_id,
                new.max_concurrent,
                millis(new.start_at),
                millis(new.created_at)
            ])?;
            let id = conn.last_insert_rowid();
            let mut insert = conn.prepare_cached(
                "INSERT INTO firmware_campaign_stations (campaign_id, station_id, position, \
                 state) VALUES (?1, ?2, ?3, 'pending')",
            )?;
            for (position, station) in new.station_ids.iter().enumerate() {
                insert.execute(params![id, station.as_str(), position as i64])?;
            }
            FirmwareDone::Id(id)
        }
        FirmwareOp::UpdateCampaignStation(update) => {
            conn.prepare_cached(
                "UPDATE firmware_campaign_stations SET state = ?3, request_id = ?4, answer = ?5, \
                 firmware_status = ?6, sent_at = ?7, finished_at = ?8 \
                 WHERE campaign_id = ?1 AND station_id = ?2",
            )?
            .execute(params![
                update.campaign_id,
                update.station_id.as_str(),
                update.state.as_str(),
                update.request_id,
                update.answer,
                update.firmware_status,
                opt_millis(update.sent_at),
                opt_millis(update.finished_at)
            ])?;
            FirmwareDone::Nothing
        }
    })
}

/// A FirmwareStatusNotification: kept in the station's history, and moved into the campaign
/// that sent the update it is about (2.x: by requestId; 1.6: the station's update in
/// progress). A station deleted meanwhile has nothing to keep.
pub(crate) fn firmware_status(
    conn: &Connection,
    report: &FirmwareStatusReport,
) -> rusqlite::Result<()> {
    let inserted = conn
        .prepare_cached(
            "INSERT INTO firmware_statuses (station_id, status, request_id, received_at) \
             SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM stations WHERE id = ?1)",
        )?
        .execute(params![
            report.station_id.as_str(),
            report.status,
            report.request_id,
            millis(report.received_at)
        ])?;
    if inserted == 0 {
        return Ok(());
    }
    let done = is_final_status(&report.status);
    conn.prepare_cached(
        "UPDATE firmware_campaign_stations SET firmware_status = ?2, \
             state = CASE WHEN ?3 THEN 'done' ELSE state END, \
             finished_at = CASE WHEN ?3 THEN ?4 ELSE finished_at END \
         WHERE station_id = ?1 AND state = 'in_progress' \
             AND (?5 IS NULL OR request_id = ?5)",
    )?
    .execute(params![
        report.station_id.as_str(),
        report.status,
        done,
        millis(report.received_at),
        report.request_id
    ])?;
    Ok(())
}

/// A DiagnosticsStatusNotification / LogStatusNotification: the status of the request it
/// names (2.x), or else of the station's latest. Whether there was one.
pub(crate) fn diagnostics_status(
    conn: &Connection,
    report: &DiagnosticsStatusReport,
) -> rusqlite::Result<bool> {
    // Idle (a triggered notification: no upload in progress) says nothing of a request.
    if report.status == "Idle" {
        return Ok(false);
    }
    let station = report.station_id.as_str();
    let named = match report.request_id {
        Some(id) => conn
            .prepare_cached("UPDATE diagnostics SET status = ?3 WHERE id = ?1 AND station_id = ?2")?
            .execute(params![id, station, report.status])?,
        None => 0,
    };
    if named > 0 {
        return Ok(true);
    }
    let latest = conn
        .prepare_cached(
            "UPDATE diagnostics SET status = ?2 WHERE id = \
             (SELECT max(id) FROM diagnostics WHERE station_id = ?1)",
        )?
        .execute(params![station, report.status])?;
    Ok(latest > 0)
}

const FIRMWARE_COLUMNS: &str = "id, filename, size, sha256, token, uploaded_at";

fn firmware_row(row: &Row<'_>) -> rusqlite::Result<FirmwareFile> {
    Ok(FirmwareFile {
        id: row.get(0)?,
        filename: row.get(1)?,
        size: u64::try_from(row.get::<_, i64>(2)?).unwrap_or(0),
        sha256: row.get(3)?,
        token: row.get(4)?,
        uploaded_at: time_at(row, 5)?,
    })
}

fn firmware_where(
    conn: &Connection,
    condition: &str,
    params: impl rusqlite::Params,
) -> rusqlite::Result<Vec<FirmwareFile>> {
    let sql =
        format!("SELECT {FIRMWARE_COLUMNS} FROM firmware_files WHERE {condition} ORDER BY id");
    conn.prepare_cached(&sql)?
        .query_map(params, firmware_row)?
        .collect()
}

const DIAGNOSTICS_COLUMNS: &str =
    "id, station_id, token, location, requested_at, filename, size, received_at, status";

fn diagnostics_row(row: &Row<'_>) -> rusqlite::Result<DiagnosticsRecord> {
    Ok(DiagnosticsRecord {
        id: row.get(0)?,
        station_id: station_id_at(row, 1)?,
        token: row.get(2)?,
        location: row.get(3)?,
        requested_at: time_at(row, 4)?,
        filename: row.get(5)?,
        size: row
            .get::<_, Option<i64>>(6)?
            .map(|s| u64::try_from(s).unwrap_or(0)),
        received_at: opt_time_at(row, 7)?,
        status: row.get(8)?,
    })
}

fn diagnostics_where(
    conn: &Connection,
    condition: &str,
    params: impl rusqlite::Params,
) -> rusqlite::Result<Vec<DiagnosticsRecord>> {
    let sql =
        format!("SELECT {DIAGNOSTICS_COLUMNS} FROM diagnostics WHERE {condition} ORDER BY id DESC");
    conn.prepare_cached(&sql)?
        .query_map(params, diagnostics_row)?
        .collect()
}

fn campaigns_where(
    conn: &Connection,
    condition: &str,
    params: impl rusqlite::Params,
) -> rusqlite::Result<Vec<Campaign>> {
    let sql = format!(
        "SELECT id, firmware_id, max_concurrent, start_at, created_at FROM firmware_campaigns \
         WHERE {condition} ORDER BY id"
    );
    let mut campaigns = conn
        .prepare_cached(&sql)?
        .query_map(params, |row| {
            Ok(Campaign {
                id: row.get(0)?,
                firmware_id: row.get(1)?,
                max_concurrent: u32_at(row, 2)?,
                start_at: time_at(row, 3)?,
                created_at: time_at(row, 4)?,
                stations: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut stations = conn.prepare_cached(
        "SELECT station_id, state, request_id, answer, firmware_status, sent_at, finished_at \
         FROM firmware_campaign_stations WHERE campaign_id = ?1 ORDER BY position",
    )?;
    for campaign in &mut campaigns {
        campaign.stations = stations
            .query_map([campaign.id], |row| {
                let state: String = row.get(1)?;
                Ok(CampaignStation {
                    station_id: station_id_at(row, 0)?,
                    state: CampaignState::parse(&state).ok_or_else(|| {
                        rusqlite::Error::FromSqlConversionFailure(
                            1,
                            rusqlite::types::Type::Text,
                            format!("unknown campaign state {state:?}").into(),
                        )
                    })?,
                    request_id: row.get(2)?,
                    answer: row.get(3)?,
                    firmware_status: row.get(4)?,
                    sent_at: opt_time_at(row, 5)?,
                    finished_at: opt_time_at(row, 6)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
    }
    Ok(campaigns)
}

impl SqliteStore {
    async fn firmware_op(&self, op: FirmwareOp) -> StoreResult<FirmwareDone> {
        match self.submit(Op::Firmware(op)).await? {
            Done::Firmware(done) => Ok(done),
            _ => Err(wrong_answer()),
        }
    }
}

#[async_trait]
impl FirmwareStore for SqliteStore {
    async fn add_firmware(&self, new: NewFirmware) -> StoreResult<FirmwareFile> {
        match self.firmware_op(FirmwareOp::AddFirmware(new)).await? {
            FirmwareDone::Firmware(file) => Ok(file),
            _ => Err(wrong_answer()),
        }
    }

    async fn firmware_files(&self) -> StoreResult<Vec<FirmwareFile>> {
        self.readers
            .read(|conn| firmware_where(conn, "1", []))
            .await
    }

    async fn firmware_file(&self, id: i64) -> StoreResult<Option<FirmwareFile>> {
        let files = self
            .readers
            .read(move |conn| firmware_where(conn, "id = ?1", [id]))
            .await?;
        Ok(files.into_iter().next())
    }

    async fn firmware_by_token(&self, token: &str) -> StoreResult<Option<FirmwareFile>> {
        let token = token.to_owned();
        let files = self
            .readers
            .read(move |conn| firmware_where(conn, "token = ?1", [token]))
            .await?;
        Ok(files.into_iter().next())
    }

    async fn add_firmware_request(&self, request: NewFirmwareRequest) -> StoreResult<i64> {
        match self.firmware_op(FirmwareOp::AddRequest(request)).await? {
            FirmwareDone::Id(id) => Ok(id),
            _ => Err(wrong_answer()),
        }
    }

    async fn firmware_statuses(
        &self,
        station: &StationId,
    ) -> StoreResult<Vec<FirmwareStatusEntry>> {
        let station = station.clone();
        self.readers
            .read(move |conn| {
                conn.prepare_cached(
                    "SELECT status, request_id, received_at FROM firmware_statuses \
                     WHERE station_id = ?1 ORDER BY id",
                )?
                .query_map([station.as_str()], |row| {
                    Ok(FirmwareStatusEntry {
                        status: row.get(0)?,
                        request_id: row.get(1)?,
                        received_at: time_at(row, 2)?,
                    })
                })?
                .collect()
            })
            .await
    }

    async fn add_diagnostics(&self, new: NewDiagnostics) -> StoreResult<DiagnosticsRecord> {
        match self.firmware_op(FirmwareOp::AddDiagnostics(new)).await? {
            FirmwareDone::Diagnostics(record) => Ok(record),
            _ => Err(wrong_answer()),
        }
    }

    async fn diagnostics(
        &self,
        station: Option<&StationId>,
    ) -> StoreResult<Vec<DiagnosticsRecord>> {
        let station = station.map(|s| s.as_str().to_owned());
        self.readers
            .read(move |conn| match station {
                Some(station) => diagnostics_where(conn, "station_id = ?1", [station]),
                None => diagnostics_where(conn, "1", []),
            })
            .await
    }

    async fn diagnostics_record(&self, id: i64) -> StoreResult<Option<DiagnosticsRecord>> {
        let records = self
            .readers
            .read(move |conn| diagnostics_where(conn, "id = ?1", [id]))
            .await?;
        Ok(records.into_iter().next())
    }

    async fn diagnostics_by_token(&self, token: &str) -> StoreResult<Option<DiagnosticsRecord>> {
        let token = token.to_owned();
        let records = self
            .readers
            .read(move |conn| diagnostics_where(conn, "token = ?1", [token]))
            .await?;
        Ok(records.into_iter().next())
    }

    async fn diagnostics_answered(
        &self,
        id: i64,
        filename: Option<String>,
        refused: Option<String>,
    ) -> StoreResult<()> {
        self.firmware_op(FirmwareOp::DiagnosticsAnswered {
            id,
            filename,
            refused,
        })
        .await
        .map(drop)
    }

    async fn diagnostics_uploaded(&self, upload: DiagnosticsUpload) -> StoreResult<()> {
        self.firmware_op(FirmwareOp::DiagnosticsUploaded(upload))
            .await
            .map(drop)
    }

    async fn add_campaign(&self, new: NewCampaign) -> StoreResult<Campaign> {
        let id = match self.firmware_op(FirmwareOp::AddCampaign(new)).await? {
            FirmwareDone::Id(id) => id,
            _ => return Err(wrong_answer()),
        };
        self.campaign(id).await?.ok_or(StoreError::NotFound)
    }

    async fn campaigns(&self) -> StoreResult<Vec<Campaign>> {
        self.readers
            .read(|conn| campaigns_where(conn, "1", []))
            .await
    }

    async fn campaign(&self, id: i64) -> StoreResult<Option<Campaign>> {
        let campaigns = self
            .readers
            .read(move |conn| campaigns_where(conn, "id = ?1", [id]))
            .await?;
        Ok(campaigns.into_iter().next())
    }

    async fn update_campaign_station(&self, update: CampaignStationUpdate) -> StoreResult<()> {
        self.firmware_op(FirmwareOp::UpdateCampaignStation(update))
            .await
            .map(drop)
    }
}
