//! Diagnostics and logs: `POST /api/v1/stations/{id}/commands/get-diagnostics`,
//! `GET /api/v1/diagnostics`, `GET /api/v1/diagnostics/{id}/file`. Stations upload to the
//! public routes of `api::files`.

use axum::body::{Body, Bytes};
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use tower::ServiceExt;
use tower_http::services::ServeFile;
use utoipa::{IntoParams, ToSchema};

use super::commands::{CommandQuery, ensure_allowed, ensure_connected, options, send};
use super::error::{ApiError, ErrorBody};
use super::json::{AppJson, AppPath, AppQuery, parse_body};
use super::stations::registered;
use crate::app::App;
use crate::domain::StationId;
use crate::domain::firmware::DiagnosticsRecord;
use crate::operations::OperationError;
use crate::operations::diagnostics::{DiagnosticsRequest, prepare, record_answer};
use crate::operations::files::diagnostics_dir;

/// `get-diagnostics` (2.x: GetLog of the DiagnosticsLog).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GetDiagnosticsBody {
    /// The oldest entries wanted.
    pub start_time: Option<DateTime<Utc>>,
    /// The newest entries wanted.
    pub stop_time: Option<DateTime<Utc>>,
    pub retries: Option<u32>,
    pub retry_interval_s: Option<u32>,
    /// Upload somewhere else (e.g. `ftp://…`); without it the station uploads to this server.
    pub location: Option<String>,
}

/// The station's answer, and the request it belongs to.
#[derive(Debug, Serialize, ToSchema)]
pub struct GetDiagnosticsResponse {
    /// 1.6: `Accepted` (its answer has no status); 2.x: the station's status.
    pub status: String,
    #[schema(value_type = Object)]
    pub response: Box<RawValue>,
    /// The request's id (see `GET /diagnostics`); also the 2.x requestId.
    pub diagnostics_id: i64,
    /// Where the station was told to upload.
    pub location: String,
}

#[utoipa::path(
    post, path = "/stations/{id}/commands/get-diagnostics", tag = "diagnostics",
    params(("id" = String, Path, description = "Station id"), CommandQuery),
    request_body = GetDiagnosticsBody,
    responses(
        (status = 200, description = "The station answered (also when it refused)", body = GetDiagnosticsResponse),
        (status = 400, description = "Invalid body", body = ErrorBody),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 404, description = "Unknown station", body = ErrorBody),
        (status = 422, description = "The station's boot was rejected", body = ErrorBody),
        (status = 502, description = "The station answered with a CALLERROR", body = ErrorBody),
        (status = 503, description = "The station is not connected", body = ErrorBody),
        (status = 504, description = "The station did not answer in time", body = ErrorBody),
    )
)]
pub async fn get_diagnostics(
    State(app): State<App>,
    AppPath(id): AppPath<String>,
    query: Result<Query<CommandQuery>, QueryRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<AppJson<GetDiagnosticsResponse>, ApiError> {
    let station = registered(&app, &id).await?;
    let body = body
        .map_err(ApiError::from)
        .and_then(|bytes| parse_body::<GetDiagnosticsBody>(&headers, &bytes));
    ensure_allowed(&app, &station.id, "get-diagnostics", false)?;
    ensure_connected(&app, &station.id)?;
    let body = body?;
    if body
        .location
        .as_deref()
        .is_some_and(|l| l.trim().is_empty())
    {
        return Err(ApiError::bad_request("location must not be empty"));
    }
    if let (Some(start), Some(stop)) = (body.start_time, body.stop_time)
        && start > stop
    {
        return Err(ApiError::bad_request("start_time is after stop_time"));
    }
    let (timeout, _) = options(&app, query, false)?;
    let request = DiagnosticsRequest {
        location: body.location,
        start_time: body.start_time,
        stop_time: body.stop_time,
        retries: body.retries,
        retry_interval_s: body.retry_interval_s,
    };
    let (record, command) = prepare(&app, &station.id, request, Utc::now())
        .await
        .map_err(|error| operation_error(&station.id, error))?;
    let reply = match send(&app, &station.id, command, timeout).await {
        Ok(reply) => reply,
        Err(error) => {
            // The request stays listed, marked as never having reached the station.
            app.store
                .diagnostics_answered(record.id, None, Some("NotSent".into()))
                .await?;
            return Err(error);
        }
    };
    record_answer(&app, record.id, &reply).await?;
    Ok(AppJson(GetDiagnosticsResponse {
        status: reply.status,
        response: reply.response,
        diagnostics_id: record.id,
        location: record.location,
    }))
}

fn operation_error(station: &StationId, error: OperationError) -> ApiError {
    match error {
        OperationError::Store(error) => error.into(),
        OperationError::Command(error) => super::commands::command_error(station, error),
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct DiagnosticsQuery {
    /// Only this station's.
    pub station_id: Option<String>,
}

/// A diagnostics request and its upload.
#[derive(Debug, Serialize, ToSchema)]
pub struct Diagnostics {
    pub id: i64,
    pub station_id: String,
    /// The file's name once uploaded (or as the station announced it), else `null`.
    #[schema(required = true)]
    pub filename: Option<String>,
    /// Bytes, once uploaded to this server.
    #[schema(required = true)]
    pub size: Option<u64>,
    /// When the upload arrived, `null` before.
    #[schema(required = true)]
    pub received_at: Option<DateTime<Utc>>,
    /// `Requested`, `NotSent`, `NoFile` (1.6: the station has none), the station's refusal
    /// (2.x `Rejected`), then what its status notifications say: `Uploading`, `Uploaded`,
    /// `UploadFailed` (2.x: `UploadFailure`, `BadMessage`, `PermissionDenied`,
    /// `NotSupportedOperation`, …).
    pub status: String,
    pub requested_at: DateTime<Utc>,
    /// Where the station was told to upload.
    pub location: String,
}

fn diagnostics_body(record: DiagnosticsRecord) -> Diagnostics {
    Diagnostics {
        id: record.id,
        station_id: record.station_id.to_string(),
        filename: record.filename,
        size: record.size,
        received_at: record.received_at,
        status: record.status,
        requested_at: record.requested_at,
        location: record.location,
    }
}

#[utoipa::path(
    get, path = "/diagnostics", tag = "diagnostics",
    params(DiagnosticsQuery),
    responses(
        (status = 200, description = "Diagnostics requests, newest first", body = [Diagnostics]),
        (status = 400, description = "Invalid query", body = ErrorBody),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
    )
)]
pub async fn list_diagnostics(
    State(app): State<App>,
    AppQuery(query): AppQuery<DiagnosticsQuery>,
) -> Result<AppJson<Vec<Diagnostics>>, ApiError> {
    let station = match query.station_id {
        // An id that cannot be a station's has no diagnostics.
        Some(id) => match StationId::new(&id) {
            Ok(station) => Some(station),
            Err(_) => return Ok(AppJson(Vec::new())),
        },
        None => None,
    };
    let records = app.store.diagnostics(station.as_ref()).await?;
    Ok(AppJson(records.into_iter().map(diagnostics_body).collect()))
}

#[utoipa::path(
    get, path = "/diagnostics/{id}/file", tag = "diagnostics",
    params(("id" = i64, Path, description = "The diagnostics request's id")),
    responses(
        (status = 200, description = "The uploaded file (Range requests are answered too)", content_type = "application/octet-stream", body = Vec<u8>),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 404, description = "Unknown request, or nothing uploaded to this server yet", body = ErrorBody),
    )
)]
pub async fn download_diagnostics(
    State(app): State<App>,
    AppPath(id): AppPath<i64>,
    request: Request,
) -> Result<Response, ApiError> {
    let record = app
        .store
        .diagnostics_record(id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no diagnostics {id}")))?;
    let (Some(token), Some(filename), Some(_)) = (record.token, record.filename, record.size)
    else {
        return Err(ApiError::not_found(format!(
            "diagnostics {id}: no file uploaded to this server"
        )));
    };
    let mut response = serve_file(&diagnostics_dir(&app.config).join(token), request).await?;
    response
        .headers_mut()
        .insert(header::CONTENT_DISPOSITION, attachment(&filename));
    Ok(response)
}

/// `attachment; filename="…"` with the name's quotes and non-ASCII replaced (the name passed
/// `check_filename`, so it has no control characters).
pub(super) fn attachment(filename: &str) -> HeaderValue {
    let safe: String = filename
        .chars()
        .map(|c| if c.is_ascii() && c != '"' { c } else { '_' })
        .collect();
    HeaderValue::from_str(&format!("attachment; filename=\"{safe}\""))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"))
}

/// Serve a file from disk with tower-http (Range, HEAD, Content-Length, Last-Modified).
pub(super) async fn serve_file(
    path: &std::path::Path,
    request: Request,
) -> Result<Response, ApiError> {
    if !tokio::fs::try_exists(path).await.unwrap_or(false) {
        return Err(ApiError::not_found("the file is gone"));
    }
    // Files on disk are named by token, without an extension: served as octet-stream.
    let response = ServeFile::new(path)
        .oneshot(request)
        .await
        .map_err(|e| ApiError::Internal(format!("cannot serve {}: {e}", path.display())))?;
    Ok(response.map(Body::new))
}
