//! `/api/v1/stations/{id}/messages`: the journal of raw OCPP frames, for diagnosis.

use axum::extract::State;
use axum::extract::rejection::QueryRejection;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::error::{ApiError, ErrorBody};
use super::json::{AppJson, AppPath};
use super::stations::registered;
use crate::app::App;
use crate::domain::{Direction, JournalEntry};

#[derive(Debug, Serialize, ToSchema)]
pub struct Message {
    /// When the system received or sent the frame.
    pub at: DateTime<Utc>,
    pub direction: DirectionName,
    /// The WebSocket text frame exactly as it went over the wire.
    pub frame: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum DirectionName {
    /// From the station.
    In,
    /// To the station.
    Out,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct JournalQuery {
    /// How many of the latest frames, at least 1 (default: the journal size the server keeps
    /// per station).
    #[param(minimum = 1)]
    pub limit: Option<u32>,
}

#[utoipa::path(
    get, path = "/stations/{id}/messages", tag = "stations",
    params(("id" = String, Path, description = "Station id"), JournalQuery),
    responses(
        (status = 200, description = "The latest frames, oldest first", body = Vec<Message>),
        (status = 400, description = "Invalid `limit`", body = ErrorBody),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 404, description = "No such station", body = ErrorBody),
    )
)]
pub async fn list_messages(
    State(app): State<App>,
    AppPath(id): AppPath<String>,
    query: Result<axum::extract::Query<JournalQuery>, QueryRejection>,
) -> Result<AppJson<Vec<Message>>, ApiError> {
    let station = registered(&app, &id).await?;
    let axum::extract::Query(query) = query?;
    let limit = match query.limit {
        None => app.config.journal_size,
        Some(0) => return Err(ApiError::bad_request("limit must be at least 1")),
        Some(n) => n as usize,
    };
    let entries = app.store.journal_entries(&station.id, limit).await?;
    Ok(AppJson(entries.into_iter().map(message_json).collect()))
}

fn message_json(entry: JournalEntry) -> Message {
    Message {
        at: entry.at,
        direction: match entry.direction {
            Direction::In => DirectionName::In,
            Direction::Out => DirectionName::Out,
        },
        frame: entry.frame,
    }
}
