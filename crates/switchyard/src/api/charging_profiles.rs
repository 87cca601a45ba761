//! `/api/v1/stations/{id}/charging-profiles`: the profiles the system keeps for a station and
//! sends it (API.md "Charging profiles"); the orchestration is in
//! [`crate::operations::charging`].
//!
//! PUT and DELETE answer `{"status", "response", "profile"}`: the station's answer, or
//! `status` and `response` `null` when the station is not connected — the profile is then
//! kept as `pending` (PUT) or `cleared` (DELETE) and goes out after the station's next boot.

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_json::value::RawValue;
use utoipa::{IntoParams, ToSchema};

use super::commands::{CommandQuery, options};
use super::error::{ApiError, ErrorBody};
use super::json::{AppJson, AppPath, parse_body};
use super::stations::registered;
use crate::app::App;
use crate::commands::CommandReply;
use crate::domain::{ChargingProfile, ClearCriteria, KeptProfile, ProfilePurpose, ProfileState};
use crate::operations::charging;

/// A profile as the system keeps it for a station.
#[derive(Debug, Serialize, ToSchema)]
pub struct KeptProfileJson {
    #[serde(flatten)]
    pub profile: ChargingProfile,
    /// `pending` (not answered yet: sent after the station's next boot), `accepted`,
    /// `rejected` (not sent again until put again), `cleared` (deleted while the station was
    /// offline: ClearChargingProfile goes out after its next boot).
    pub state: ProfileState,
    /// The station's last answer: `Accepted`, `Rejected`, `NotSupported`, or its CALLERROR
    /// code; `NotExpressible` when the station's OCPP version cannot carry the profile (put
    /// while its version was unknown).
    #[schema(required = true)]
    pub last_status: Option<String>,
    /// The payload of that answer (a CALLERROR as `{"error_code", "description", "details"}`).
    #[schema(value_type = Option<Object>, required = true)]
    pub last_response: Option<Box<RawValue>>,
    /// When the profile was last put (or deleted).
    pub updated_at: DateTime<Utc>,
    #[schema(required = true)]
    pub answered_at: Option<DateTime<Utc>>,
}

impl From<KeptProfile> for KeptProfileJson {
    fn from(kept: KeptProfile) -> KeptProfileJson {
        KeptProfileJson {
            profile: kept.profile,
            state: kept.state,
            last_status: kept.last_status,
            // Stored from a station's payload; unreadable text is shown as absent.
            last_response: kept
                .last_response
                .and_then(|text| RawValue::from_string(text).ok()),
            updated_at: kept.updated_at,
            answered_at: kept.answered_at,
        }
    }
}

/// The station's answer and the profile as now kept.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProfileAnswerJson {
    /// The station's status (`Accepted`, `Rejected`, `NotSupported`; for a delete `Accepted`
    /// or `Unknown`); `null` when the station is not connected.
    #[schema(required = true)]
    pub status: Option<String>,
    /// The station's payload; `null` when the station is not connected.
    #[schema(value_type = Option<Object>, required = true)]
    pub response: Option<Box<RawValue>>,
    /// The kept profile; `null` once forgotten (a delete the station answered).
    #[schema(required = true)]
    pub profile: Option<KeptProfileJson>,
}

fn answer_json(outcome: charging::Outcome) -> ProfileAnswerJson {
    let (status, response) = match outcome.answer {
        Some(CommandReply {
            status, response, ..
        }) => (Some(status), Some(response)),
        None => (None, None),
    };
    ProfileAnswerJson {
        status,
        response,
        profile: outcome.kept.map(KeptProfileJson::from),
    }
}

fn profile_id(text: &str) -> Result<i32, ApiError> {
    text.parse::<i32>()
        .ok()
        .filter(|id| *id >= 0)
        .ok_or_else(|| {
            ApiError::bad_request(format!(
                "the profile id must be an integer from 0 to {}, not {text:?}",
                i32::MAX
            ))
        })
}

#[utoipa::path(
    get, path = "/stations/{id}/charging-profiles", tag = "smart-charging",
    params(("id" = String, Path, description = "Station id")),
    responses(
        (status = 200, description = "The profiles kept for the station, by id, with their state", body = Vec<KeptProfileJson>),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 404, description = "No such station", body = ErrorBody),
    )
)]
pub async fn list_profiles(
    State(app): State<App>,
    AppPath(id): AppPath<String>,
) -> Result<AppJson<Vec<KeptProfileJson>>, ApiError> {
    let station = registered(&app, &id).await?;
    let kept = app.store.charging_profiles(&station.id).await?;
    Ok(AppJson(
        kept.into_iter().map(KeptProfileJson::from).collect(),
    ))
}

#[utoipa::path(
    put, path = "/stations/{id}/charging-profiles/{profile_id}", tag = "smart-charging",
    params(
        ("id" = String, Path, description = "Station id"),
        ("profile_id" = i32, Path, description = "The chargingProfileId (0 or more)"),
        CommandQuery,
    ),
    request_body(content = ChargingProfile, description = "The profile; `id` may be left out (it is the path's)"),
    responses(
        (status = 200, description = "Kept, and sent if the station is connected: its answer \
            (also `Rejected`), or `status`/`response` null when it is not connected (the \
            profile is pending and goes out after its next boot)", body = ProfileAnswerJson),
        (status = 400, description = "Invalid profile, or one the station's OCPP version cannot express", body = ErrorBody),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 404, description = "Unknown station; transaction_id unknown or another station's", body = ErrorBody),
        (status = 409, description = "transaction_id has stopped, or another kept profile holds the same stack level and purpose on the same EVSE in an overlapping validity period", body = ErrorBody),
        (status = 502, description = "The station answered with a CALLERROR (the profile is kept as rejected)", body = ErrorBody),
        (status = 504, description = "The station did not answer in time (the profile stays pending)", body = ErrorBody),
    )
)]
pub async fn put_profile(
    State(app): State<App>,
    AppPath((id, profile_id_text)): AppPath<(String, String)>,
    query: Result<Query<CommandQuery>, QueryRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<AppJson<ProfileAnswerJson>, ApiError> {
    let station = registered(&app, &id).await?;
    let profile_id = profile_id(&profile_id_text)?;
    let (timeout, _) = options(&app, query, false)?;
    let value: Value = parse_body(&headers, &body?)?;
    let profile = charging::parse_profile(value, profile_id, true)?;
    let outcome = charging::put(&app, &station.id, profile, timeout).await?;
    Ok(AppJson(answer_json(outcome)))
}

#[utoipa::path(
    delete, path = "/stations/{id}/charging-profiles/{profile_id}", tag = "smart-charging",
    params(
        ("id" = String, Path, description = "Station id"),
        ("profile_id" = i32, Path, description = "The chargingProfileId"),
        CommandQuery,
    ),
    responses(
        (status = 200, description = "ClearChargingProfile answered (the profile is forgotten), \
            or the station is not connected (`status` null; the profile is kept as `cleared` \
            until the station is told after its next boot)", body = ProfileAnswerJson),
        (status = 400, description = "Invalid profile id or query", body = ErrorBody),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 404, description = "Unknown station, or no such profile kept for it", body = ErrorBody),
        (status = 502, description = "The station answered with a CALLERROR (the profile stays)", body = ErrorBody),
        (status = 504, description = "The station did not answer in time (the profile is marked cleared)", body = ErrorBody),
    )
)]
pub async fn delete_profile(
    State(app): State<App>,
    AppPath((id, profile_id_text)): AppPath<(String, String)>,
    query: Result<Query<CommandQuery>, QueryRejection>,
) -> Result<AppJson<ProfileAnswerJson>, ApiError> {
    let station = registered(&app, &id).await?;
    let profile_id = profile_id(&profile_id_text)?;
    let (timeout, _) = options(&app, query, false)?;
    let outcome = charging::delete(&app, &station.id, profile_id, timeout).await?;
    Ok(AppJson(answer_json(outcome)))
}

/// Which profiles to clear at the station; every given one narrows the selection, none at all
/// clears every profile.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ClearQuery {
    /// 0 is the whole station. Not with `connector_id`.
    pub evse_id: Option<u32>,
    /// 1.6 style; 0 is the whole station. Not with `evse_id`.
    pub connector_id: Option<u32>,
    /// `ChargePointMaxProfile` (2.x `ChargingStationMaxProfile`), `TxDefaultProfile`,
    /// `TxProfile`.
    #[param(value_type = Option<ProfilePurpose>)]
    pub purpose: Option<ProfilePurpose>,
    pub stack_level: Option<u32>,
    /// Seconds to wait for the station's answer: above 0, at most 300 (default 30).
    pub timeout_s: Option<f64>,
}

/// The station's answer to ClearChargingProfile and the kept profiles it removed.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClearAnswerJson {
    /// `Accepted`, or `Unknown` (the station had no matching profile).
    pub status: String,
    #[schema(value_type = Object)]
    pub response: Box<RawValue>,
    /// The ids of the kept profiles that matched, now forgotten.
    pub forgotten: Vec<i32>,
}

#[utoipa::path(
    delete, path = "/stations/{id}/charging-profiles", tag = "smart-charging",
    params(("id" = String, Path, description = "Station id"), ClearQuery),
    responses(
        (status = 200, description = "ClearChargingProfile by criteria, answered; matching kept \
            profiles are forgotten", body = ClearAnswerJson),
        (status = 400, description = "Invalid query", body = ErrorBody),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 404, description = "Unknown station", body = ErrorBody),
        (status = 502, description = "The station answered with a CALLERROR", body = ErrorBody),
        (status = 503, description = "The station is not connected", body = ErrorBody),
        (status = 504, description = "The station did not answer in time", body = ErrorBody),
    )
)]
pub async fn clear_profiles(
    State(app): State<App>,
    AppPath(id): AppPath<String>,
    query: Result<Query<ClearQuery>, QueryRejection>,
) -> Result<AppJson<ClearAnswerJson>, ApiError> {
    let station = registered(&app, &id).await?;
    if !app.registry.is_connected(&station.id) {
        return Err(ApiError::NotConnected(format!(
            "station {} is not connected",
            station.id
        )));
    }
    let Query(query) = query?;
    if query.evse_id.is_some() && query.connector_id.is_some() {
        return Err(ApiError::bad_request(
            "give evse_id or connector_id, not both",
        ));
    }
    let (timeout, _) = options(
        &app,
        Ok(Query(CommandQuery {
            timeout_s: query.timeout_s,
            wait_start_s: None,
        })),
        false,
    )?;
    let criteria = ClearCriteria {
        id: None,
        target: query.evse_id.or(query.connector_id),
        purpose: query.purpose,
        stack_level: query.stack_level,
    };
    let (reply, forgotten) = charging::clear_matching(&app, &station.id, criteria, timeout).await?;
    Ok(AppJson(ClearAnswerJson {
        status: reply.status,
        response: reply.response,
        forgotten,
    }))
}
