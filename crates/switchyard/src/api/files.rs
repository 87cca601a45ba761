//! The routes stations use, outside `/api/v1` and without a token (a station cannot send
//! one): the unguessable token in the path is the credential, and a wrong one is a 404.
//! - `GET /files/firmware/{token}/{filename}`: a hosted firmware image.
//! - `POST /files/diagnostics/{token}`: a diagnostics upload as multipart/form-data (what
//!   chargers send); `PUT /files/diagnostics/{token}/{filename}`: the same as a raw body.

use axum::body::Body;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Multipart, Request, State};
use axum::response::Response;
use chrono::Utc;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::diagnostics::serve_file;
use super::error::{ApiError, ErrorBody};
use super::firmware::save_error;
use super::json::{AppJson, AppPath};
use crate::app::App;
use crate::domain::firmware::{DiagnosticsRecord, DiagnosticsUpload, check_filename};
use crate::operations::files::{diagnostics_dir, firmware_dir, save, station_filename};

/// The public routes; bodies are limited by `--upload-limit` as they stream, not by the
/// API's 1 MiB.
pub(super) fn routes() -> OpenApiRouter<App> {
    OpenApiRouter::new()
        .routes(routes!(download_firmware))
        .routes(routes!(upload_diagnostics_form))
        .routes(routes!(upload_diagnostics_raw))
        .layer(DefaultBodyLimit::disable())
}

#[utoipa::path(
    get, path = "/files/firmware/{token}/{filename}", tag = "firmware", security(()),
    params(
        ("token" = String, Path, description = "The image's token, from its `url`"),
        ("filename" = String, Path, description = "The image's file name"),
    ),
    responses(
        (status = 200, description = "The image; Range requests get 206", content_type = "application/octet-stream", body = Vec<u8>),
        (status = 404, description = "No such image", body = ErrorBody),
    )
)]
pub async fn download_firmware(
    State(app): State<App>,
    AppPath((token, filename)): AppPath<(String, String)>,
    request: Request,
) -> Result<Response, ApiError> {
    let file = app
        .store
        .firmware_by_token(&token)
        .await?
        .filter(|file| file.filename == filename)
        .ok_or_else(|| ApiError::not_found("no such firmware"))?;
    serve_file(&firmware_dir(&app.config).join(&file.token), request).await
}

/// What an upload stored.
#[derive(Debug, Serialize, ToSchema)]
pub struct Uploaded {
    /// The diagnostics request's id.
    pub id: i64,
    pub filename: String,
    /// Bytes.
    pub size: u64,
}

#[utoipa::path(
    post, path = "/files/diagnostics/{token}", tag = "diagnostics", security(()),
    params(("token" = String, Path, description = "The request's token, from its `location`")),
    request_body(content = Vec<u8>, content_type = "multipart/form-data", description = "The file as the form's first file field"),
    responses(
        (status = 200, description = "Stored (a later upload replaces it)", body = Uploaded),
        (status = 400, description = "Not a multipart form, or no file in it", body = ErrorBody),
        (status = 404, description = "No such upload URL", body = ErrorBody),
        (status = 413, description = "Larger than `--upload-limit`", body = ErrorBody),
    )
)]
pub async fn upload_diagnostics_form(
    State(app): State<App>,
    AppPath(token): AppPath<String>,
    form: Result<Multipart, MultipartRejection>,
) -> Result<AppJson<Uploaded>, ApiError> {
    let record = upload_target(&app, &token).await?;
    let mut form = form.map_err(|e| ApiError::bad_request(e.body_text()))?;
    // The first field that carries a file name is the file; forms with only plain fields
    // (some chargers name none) give their first one.
    let field = loop {
        match form.next_field().await {
            Ok(Some(field)) if field.file_name().is_some() || field.name() == Some("file") => {
                break field;
            }
            Ok(Some(_)) => continue,
            Ok(None) => {
                return Err(ApiError::bad_request("the form carries no file field"));
            }
            Err(error) => return Err(ApiError::bad_request(error.body_text())),
        }
    };
    let filename = field
        .file_name()
        .and_then(station_filename)
        .or_else(|| record.filename.clone())
        .unwrap_or_else(|| default_filename(&record));
    store_upload(&app, &record, filename, field).await
}

#[utoipa::path(
    put, path = "/files/diagnostics/{token}/{filename}", tag = "diagnostics", security(()),
    params(
        ("token" = String, Path, description = "The request's token, from its `location`"),
        ("filename" = String, Path, description = "The file's name"),
    ),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The file as the raw body"),
    responses(
        (status = 200, description = "Stored (a later upload replaces it)", body = Uploaded),
        (status = 400, description = "Invalid file name", body = ErrorBody),
        (status = 404, description = "No such upload URL", body = ErrorBody),
        (status = 413, description = "Larger than `--upload-limit`", body = ErrorBody),
    )
)]
pub async fn upload_diagnostics_raw(
    State(app): State<App>,
    AppPath((token, filename)): AppPath<(String, String)>,
    body: Body,
) -> Result<AppJson<Uploaded>, ApiError> {
    let record = upload_target(&app, &token).await?;
    check_filename(&filename).map_err(|e| ApiError::bad_request(e.to_string()))?;
    store_upload(&app, &record, filename, body.into_data_stream()).await
}

async fn upload_target(app: &App, token: &str) -> Result<DiagnosticsRecord, ApiError> {
    app.store
        .diagnostics_by_token(token)
        .await?
        .ok_or_else(|| ApiError::not_found("no such upload location"))
}

fn default_filename(record: &DiagnosticsRecord) -> String {
    format!("diagnostics-{}-{}.bin", record.station_id, record.id)
}

async fn store_upload<S, E>(
    app: &App,
    record: &DiagnosticsRecord,
    filename: String,
    body: S,
) -> Result<AppJson<Uploaded>, ApiError>
where
    S: futures_util::Stream<Item = Result<axum::body::Bytes, E>>,
    E: std::fmt::Display,
{
    // Only requests that upload here have a token, so it is there.
    let token = record.token.as_deref().unwrap_or_default();
    let saved = save(
        body,
        &diagnostics_dir(&app.config),
        token,
        app.config.upload_limit,
    )
    .await
    .map_err(save_error)?;
    app.store
        .diagnostics_uploaded(DiagnosticsUpload {
            id: record.id,
            filename: filename.clone(),
            size: saved.size,
            received_at: Utc::now(),
        })
        .await?;
    tracing::info!(station = %record.station_id, diagnostics = record.id, %filename,
        size = saved.size, "diagnostics uploaded");
    Ok(AppJson(Uploaded {
        id: record.id,
        filename,
        size: saved.size,
    }))
}
