//! Firmware campaigns: `POST/GET /api/v1/firmware-campaigns`,
//! `GET /api/v1/firmware-campaigns/{id}`. The rollout itself is `operations::campaigns`.

use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::error::{ApiError, ErrorBody};
use super::json::{AppJson, AppPath};
use crate::app::App;
use crate::domain::StationId;
use crate::domain::firmware::{Campaign as CampaignRecord, NewCampaign};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCampaignBody {
    /// A hosted image (`POST /firmware`).
    pub firmware_id: i64,
    /// Registered stations, each once; updated in this order.
    pub station_ids: Vec<String>,
    /// How many stations may be updating at once (at least 1).
    #[schema(minimum = 1)]
    pub max_concurrent: u32,
    /// When to begin (default: now).
    pub start_at: Option<DateTime<Utc>>,
}

/// A campaign and where each of its stations is.
#[derive(Debug, Serialize, ToSchema)]
pub struct Campaign {
    pub id: i64,
    pub firmware_id: i64,
    pub max_concurrent: u32,
    pub start_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    /// `scheduled` (before `start_at`), `running`, `done` (every station is).
    pub status: &'static str,
    pub stations: Vec<CampaignStation>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CampaignStation {
    pub station_id: String,
    /// `pending` (not sent yet: waiting for its turn or to come online), `in_progress` (sent,
    /// accepted, waiting for a final firmware status), `done`.
    pub state: &'static str,
    /// The update's requestId once sent.
    #[schema(required = true)]
    pub request_id: Option<i64>,
    /// The station's answer to UpdateFirmware, or `NoAnswer`, `CallError …`, `TimedOut` (no
    /// final status within 2 hours of the update).
    #[schema(required = true)]
    pub answer: Option<String>,
    /// The last FirmwareStatusNotification of this update.
    #[schema(required = true)]
    pub firmware_status: Option<String>,
    #[schema(required = true)]
    pub sent_at: Option<DateTime<Utc>>,
    #[schema(required = true)]
    pub finished_at: Option<DateTime<Utc>>,
}

fn campaign_body(campaign: CampaignRecord) -> Campaign {
    Campaign {
        status: campaign.status(Utc::now()),
        id: campaign.id,
        firmware_id: campaign.firmware_id,
        max_concurrent: campaign.max_concurrent,
        start_at: campaign.start_at,
        created_at: campaign.created_at,
        stations: campaign
            .stations
            .into_iter()
            .map(|s| CampaignStation {
                station_id: s.station_id.to_string(),
                state: s.state.as_str(),
                request_id: s.request_id,
                answer: s.answer,
                firmware_status: s.firmware_status,
                sent_at: s.sent_at,
                finished_at: s.finished_at,
            })
            .collect(),
    }
}

#[utoipa::path(
    post, path = "/firmware-campaigns", tag = "firmware",
    request_body = NewCampaignBody,
    responses(
        (status = 201, description = "The campaign, scheduled or running", body = Campaign),
        (status = 400, description = "Invalid body (no stations, a station twice, max_concurrent 0)", body = ErrorBody),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 404, description = "Unknown firmware or station", body = ErrorBody),
    )
)]
pub async fn create_campaign(
    State(app): State<App>,
    AppJson(body): AppJson<NewCampaignBody>,
) -> Result<(StatusCode, AppJson<Campaign>), ApiError> {
    if app.store.firmware_file(body.firmware_id).await?.is_none() {
        return Err(ApiError::not_found(format!(
            "no firmware {}",
            body.firmware_id
        )));
    }
    let mut station_ids: Vec<StationId> = Vec::with_capacity(body.station_ids.len());
    for id in &body.station_ids {
        let station = super::stations::registered(&app, id).await?;
        if station_ids.contains(&station.id) {
            return Err(ApiError::bad_request(format!(
                "station {id} is listed twice"
            )));
        }
        station_ids.push(station.id);
    }
    if station_ids.is_empty() {
        return Err(ApiError::bad_request(
            "station_ids must name at least one station",
        ));
    }
    if body.max_concurrent == 0 {
        return Err(ApiError::bad_request("max_concurrent must be at least 1"));
    }
    let now = Utc::now();
    let campaign = app
        .store
        .add_campaign(NewCampaign {
            firmware_id: body.firmware_id,
            station_ids,
            max_concurrent: body.max_concurrent,
            start_at: body.start_at.unwrap_or(now),
            created_at: now,
        })
        .await?;
    Ok((StatusCode::CREATED, AppJson(campaign_body(campaign))))
}

#[utoipa::path(
    get, path = "/firmware-campaigns", tag = "firmware",
    responses(
        (status = 200, description = "Every campaign, oldest first", body = [Campaign]),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
    )
)]
pub async fn list_campaigns(State(app): State<App>) -> Result<AppJson<Vec<Campaign>>, ApiError> {
    let campaigns = app.store.campaigns().await?;
    Ok(AppJson(campaigns.into_iter().map(campaign_body).collect()))
}

#[utoipa::path(
    get, path = "/firmware-campaigns/{id}", tag = "firmware",
    params(("id" = i64, Path, description = "Campaign id")),
    responses(
        (status = 200, description = "The campaign with each station's status", body = Campaign),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 404, description = "Unknown campaign", body = ErrorBody),
    )
)]
pub async fn get_campaign(
    State(app): State<App>,
    AppPath(id): AppPath<i64>,
) -> Result<AppJson<Campaign>, ApiError> {
    let campaign = app
        .store
        .campaign(id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no firmware campaign {id}")))?;
    Ok(AppJson(campaign_body(campaign)))
}
