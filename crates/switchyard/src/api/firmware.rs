//! Firmware images and updates: `POST/GET /api/v1/firmware`,
//! `POST /api/v1/stations/{id}/commands/update-firmware`, `GET /api/v1/stations/{id}/firmware`.
//! Stations download the images from the public routes of `api::files`.

use axum::body::{Body, Bytes};
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use utoipa::{IntoParams, ToSchema};

use super::commands::{CommandQuery, ensure_allowed, ensure_connected, options, send};
use super::error::{ApiError, ErrorBody};
use super::json::{AppJson, AppPath, parse_body};
use super::stations::registered;
use crate::app::App;
use crate::domain::firmware::{FirmwareFile, NewFirmware, check_filename};
use crate::operations::files::{SaveError, firmware_dir, save};
use crate::operations::firmware::{UpdateRequest, download_url, prepare_update};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UploadQuery {
    /// The image's file name: one path segment, at most 255 bytes.
    pub filename: Option<String>,
}

/// A hosted firmware image.
#[derive(Debug, Serialize, ToSchema)]
pub struct Firmware {
    pub id: i64,
    pub filename: String,
    /// Bytes.
    pub size: u64,
    /// Lower-case hex.
    pub sha256: String,
    /// Where stations download it (no token needed: the path is unguessable).
    pub url: String,
    pub uploaded_at: DateTime<Utc>,
}

pub(super) fn firmware_body(app: &App, file: FirmwareFile) -> Firmware {
    Firmware {
        url: download_url(&app.config, &file),
        id: file.id,
        filename: file.filename,
        size: file.size,
        sha256: file.sha256,
        uploaded_at: file.uploaded_at,
    }
}

#[utoipa::path(
    post, path = "/firmware", tag = "firmware",
    params(UploadQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The image, as the raw body (up to `--upload-limit` bytes, 1 GiB by default)"),
    responses(
        (status = 201, description = "Stored; `url` is where stations fetch it", body = Firmware),
        (status = 400, description = "No or an invalid `filename`, an empty body, or the upload broke off", body = ErrorBody),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 413, description = "Larger than `--upload-limit`", body = ErrorBody),
    )
)]
pub async fn upload_firmware(
    State(app): State<App>,
    query: Result<Query<UploadQuery>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Result<(StatusCode, AppJson<Firmware>), ApiError> {
    let Query(query) = query?;
    let filename = query
        .filename
        .ok_or_else(|| ApiError::bad_request("the query parameter filename is required"))?;
    check_filename(&filename).map_err(|e| ApiError::bad_request(e.to_string()))?;
    let limit = app.config.upload_limit;
    // Refused before a byte is read when the client says how large it is.
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit) {
        return Err(too_large(limit));
    }
    let token = crate::auth::random_token()
        .map_err(|e| ApiError::Internal(format!("no randomness for a token: {e}")))?;
    let saved = save(
        body.into_data_stream(),
        &firmware_dir(&app.config),
        &token,
        limit,
    )
    .await
    .map_err(save_error)?;
    if saved.size == 0 {
        let _ = tokio::fs::remove_file(firmware_dir(&app.config).join(&token)).await;
        return Err(ApiError::bad_request("the body is empty: send the image"));
    }
    let file = app
        .store
        .add_firmware(NewFirmware {
            filename,
            size: saved.size,
            sha256: saved.sha256,
            token,
            // The store keeps milliseconds: answer with what a later GET shows.
            uploaded_at: DateTime::from_timestamp_millis(Utc::now().timestamp_millis())
                .unwrap_or_default(),
        })
        .await?;
    Ok((StatusCode::CREATED, AppJson(firmware_body(&app, file))))
}

pub(super) fn too_large(limit: u64) -> ApiError {
    ApiError::TooLarge(format!(
        "the file is larger than the upload limit of {limit} bytes"
    ))
}

pub(super) fn save_error(error: SaveError) -> ApiError {
    match error {
        SaveError::TooLarge(limit) => too_large(limit),
        SaveError::Body(message) => ApiError::bad_request(message),
        SaveError::Io { .. } => ApiError::Internal(error.to_string()),
    }
}

#[utoipa::path(
    get, path = "/firmware", tag = "firmware",
    responses(
        (status = 200, description = "Every hosted image, oldest first", body = [Firmware]),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
    )
)]
pub async fn list_firmware(State(app): State<App>) -> Result<AppJson<Vec<Firmware>>, ApiError> {
    let files = app.store.firmware_files().await?;
    Ok(AppJson(
        files.into_iter().map(|f| firmware_body(&app, f)).collect(),
    ))
}

/// `update-firmware`: a hosted image (`firmware_id`) or any other `location`, not both.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateFirmwareBody {
    /// A hosted image (see `POST /firmware`); 404 if unknown.
    pub firmware_id: Option<i64>,
    /// A URI the station downloads from instead (at most 512 characters for 2.x).
    pub location: Option<String>,
    /// When the station should fetch it (default: now).
    pub retrieve_at: Option<DateTime<Utc>>,
    pub retries: Option<u32>,
    pub retry_interval_s: Option<u32>,
}

/// The station's answer to UpdateFirmware.
#[derive(Debug, Serialize, ToSchema)]
pub struct UpdateFirmwareResponse {
    /// 1.6: `Accepted` (an empty confirmation); 2.x: the station's status.
    pub status: String,
    #[schema(value_type = Object)]
    pub response: Box<RawValue>,
    /// The update's id: the 2.x requestId its FirmwareStatusNotifications carry.
    pub request_id: i64,
    /// Where the station was told to download from.
    pub location: String,
}

#[utoipa::path(
    post, path = "/stations/{id}/commands/update-firmware", tag = "firmware",
    params(("id" = String, Path, description = "Station id"), CommandQuery),
    request_body = UpdateFirmwareBody,
    responses(
        (status = 200, description = "The station answered (also when it refused)", body = UpdateFirmwareResponse),
        (status = 400, description = "Invalid body: give exactly one of firmware_id and location", body = ErrorBody),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 404, description = "Unknown station or firmware", body = ErrorBody),
        (status = 422, description = "The station's boot was rejected", body = ErrorBody),
        (status = 502, description = "The station answered with a CALLERROR", body = ErrorBody),
        (status = 503, description = "The station is not connected", body = ErrorBody),
        (status = 504, description = "The station did not answer in time", body = ErrorBody),
    )
)]
pub async fn update_firmware(
    State(app): State<App>,
    AppPath(id): AppPath<String>,
    query: Result<Query<CommandQuery>, QueryRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<AppJson<UpdateFirmwareResponse>, ApiError> {
    let station = registered(&app, &id).await?;
    let body = body
        .map_err(ApiError::from)
        .and_then(|bytes| parse_body::<UpdateFirmwareBody>(&headers, &bytes));
    // API.md's order: 404 (the firmware too) → 422 → 503 → 400.
    let file = match body.as_ref().ok().and_then(|b| b.firmware_id) {
        Some(firmware_id) => Some(
            app.store
                .firmware_file(firmware_id)
                .await?
                .ok_or_else(|| ApiError::not_found(format!("no firmware {firmware_id}")))?,
        ),
        None => None,
    };
    ensure_allowed(&app, &station.id, "update-firmware", false)?;
    ensure_connected(&app, &station.id)?;
    let body = body?;
    let location = match (file.as_ref(), body.location) {
        (Some(file), None) => download_url(&app.config, file),
        (None, Some(location)) if !location.trim().is_empty() => location,
        (None, Some(_)) => return Err(ApiError::bad_request("location must not be empty")),
        (Some(_), Some(_)) => {
            return Err(ApiError::bad_request(
                "give firmware_id or location, not both",
            ));
        }
        (None, None) => {
            return Err(ApiError::bad_request(
                "give firmware_id (a hosted image) or location",
            ));
        }
    };
    let (timeout, _) = options(&app, query, false)?;
    let now = Utc::now();
    let request = UpdateRequest {
        location: location.clone(),
        firmware_id: file.map(|f| f.id),
        campaign_id: None,
        retrieve_at: body.retrieve_at.unwrap_or(now),
        retries: body.retries,
        retry_interval_s: body.retry_interval_s,
    };
    let (request_id, command) = prepare_update(&app, &station.id, request, now).await?;
    let reply = send(&app, &station.id, command, timeout).await?;
    Ok(AppJson(UpdateFirmwareResponse {
        status: reply.status,
        response: reply.response,
        request_id,
        location,
    }))
}

/// A station's firmware as its FirmwareStatusNotifications tell it.
#[derive(Debug, Serialize, ToSchema)]
pub struct StationFirmware {
    /// The last reported status, `null` before the first.
    #[schema(required = true)]
    pub status: Option<String>,
    #[schema(required = true)]
    pub updated_at: Option<DateTime<Utc>>,
    /// Every report, oldest first.
    pub history: Vec<FirmwareStatus>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FirmwareStatus {
    /// As the station's version spells it: `Downloading`, `Downloaded`, `Installing`,
    /// `Installed`, `DownloadFailed`, `InstallationFailed`, `Idle`, … (2.x has more).
    pub status: String,
    /// 2.x: the update's requestId; `null` for 1.6.
    #[schema(required = true)]
    pub request_id: Option<i64>,
    pub received_at: DateTime<Utc>,
}

#[utoipa::path(
    get, path = "/stations/{id}/firmware", tag = "firmware",
    params(("id" = String, Path, description = "Station id")),
    responses(
        (status = 200, description = "The station's firmware status and its history", body = StationFirmware),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 404, description = "Unknown station", body = ErrorBody),
    )
)]
pub async fn station_firmware(
    State(app): State<App>,
    AppPath(id): AppPath<String>,
) -> Result<AppJson<StationFirmware>, ApiError> {
    let station = registered(&app, &id).await?;
    let history: Vec<FirmwareStatus> = app
        .store
        .firmware_statuses(&station.id)
        .await?
        .into_iter()
        .map(|entry| FirmwareStatus {
            status: entry.status,
            request_id: entry.request_id,
            received_at: entry.received_at,
        })
        .collect();
    Ok(AppJson(StationFirmware {
        status: history.last().map(|h| h.status.clone()),
        updated_at: history.last().map(|h| h.received_at),
        history,
    }))
}
