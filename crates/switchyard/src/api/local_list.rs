//! `/api/v1/stations/{id}/local-list`: the station's local authorization list as the system
//! keeps it in step with the id tags (API.md, Local authorization list).

use axum::extract::State;
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use super::commands::{CommandResponse, ensure_allowed, ensure_connected};
use super::error::{ApiError, ErrorBody};
use super::json::{AppJson, AppPath};
use super::stations::registered;
use crate::app::App;
use crate::operations::local_list::{self, SyncError, Synced};

#[derive(Debug, Serialize, ToSchema)]
pub struct LocalList {
    /// Whether the station's configuration shows a local list (1.6 `LocalAuthListEnabled`,
    /// 2.x `LocalAuthListCtrlr.Enabled`); only then is it kept in step automatically.
    pub enabled: bool,
    /// The last list version the station accepted (0: none yet).
    pub version: i32,
    /// Whether the station holds every id tag as the system would answer for it now.
    pub in_sync: bool,
    /// How many entries the station holds.
    pub entries: usize,
    /// The station's last answer to SendLocalList (`Accepted`, `Failed`, `NotSupported`,
    /// `VersionMismatch`), or why none came (`Timeout`, `CallError: …`).
    #[schema(required = true)]
    pub last_result: Option<String>,
    #[schema(required = true)]
    pub updated_at: Option<DateTime<Utc>>,
}

#[utoipa::path(
    get, path = "/stations/{id}/local-list", tag = "local-list",
    params(("id" = String, Path, description = "Station id")),
    responses(
        (status = 200, description = "The station's local list as last acknowledged", body = LocalList),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 404, description = "No such station", body = ErrorBody),
    )
)]
pub async fn get_local_list(
    State(app): State<App>,
    AppPath(id): AppPath<String>,
) -> Result<AppJson<LocalList>, ApiError> {
    let station = registered(&app, &id).await?;
    let view = local_list::view(&app, &station.id).await?;
    Ok(AppJson(LocalList {
        enabled: view.settings.enabled,
        version: view.state.version,
        in_sync: view.in_sync,
        entries: view.state.entries.len(),
        last_result: view.state.last_result,
        updated_at: view.state.updated_at,
    }))
}

#[utoipa::path(
    post, path = "/stations/{id}/local-list/sync", tag = "local-list",
    params(("id" = String, Path, description = "Station id")),
    responses(
        (status = 200, description = "The station's answer to the (last) SendLocalList of a \
            Full update; a list larger than the station takes per message goes in several", body = CommandResponse),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 404, description = "No such station", body = ErrorBody),
        (status = 422, description = "The station's boot was rejected", body = ErrorBody),
        (status = 502, description = "The station answered with a CALLERROR", body = ErrorBody),
        (status = 503, description = "The station is not connected", body = ErrorBody),
        (status = 504, description = "The station did not answer in time", body = ErrorBody),
    )
)]
pub async fn sync_local_list(
    State(app): State<App>,
    AppPath(id): AppPath<String>,
) -> Result<AppJson<CommandResponse>, ApiError> {
    let station = registered(&app, &id).await?;
    ensure_allowed(&app, &station.id, "local-list sync", false)?;
    ensure_connected(&app, &station.id)?;
    match local_list::sync(&app, &station.id, true, true).await {
        Ok(Synced::Sent(reply)) => Ok(AppJson(CommandResponse::from(reply))),
        // A forced Full update always sends at least one message.
        Ok(other) => Err(ApiError::Internal(format!(
            "a forced local list sync sent nothing ({other:?})"
        ))),
        Err(SyncError::Command(e)) => Err(e.into()),
        Err(SyncError::Store(e)) => Err(e.into()),
    }
}
