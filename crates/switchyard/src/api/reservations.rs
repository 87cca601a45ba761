//! `/api/v1/reservations`: reserve a station, EVSE or connector for an id tag (1.6 ReserveNow /
//! CancelReservation, 2.0.1 block H).
//!
//! A reservation is recorded (pending, unseen) before its ReserveNow goes out, because its id
//! is the reservationId the station gets. The station's answer settles it: `Accepted` makes it
//! active, any other answer is kept as that status. Without an answer (not connected, timeout,
//! CALLERROR) it is forgotten, so no reservation reads active that the station never accepted.
//!
//! Checks run in the API's order: 404 (station, reservation) → 409/422 → 503 → 400.

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use chrono::{DateTime, SubsecRound, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_json::value::RawValue;
use utoipa::{IntoParams, ToSchema};

use super::commands::{CommandQuery, ensure_allowed, ensure_connected, options, send};
use super::error::{ApiError, ErrorBody};
use super::id_tags::check_id_tag;
use super::json::{AppJson, AppPath, AppQuery, parse_body};
use super::stations::registered;
use crate::app::App;
use crate::commands::Command;
use crate::domain::{
    NewReservation, ReservationRecord, ReservationStatus, ReservationTarget, StationId,
};
use crate::store::ReservationFilter;

/// `POST /api/v1/reservations`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReservationBody {
    pub station_id: String,
    /// 0 (the default): the whole station. 1.6: the connector; 2.x: without `evse_id`, the
    /// EVSE of this number.
    #[schema(minimum = 0)]
    pub connector_id: Option<u32>,
    /// 2.x: the EVSE (absent or 0: any EVSE, as the station picks). 1.6: the same number as
    /// `connector_id`.
    #[schema(minimum = 0)]
    pub evse_id: Option<u32>,
    /// 1 to 20 characters.
    pub id_tag: String,
    /// 1.6 parentIdTag, 2.x groupIdToken: another tag of the group may use the reservation.
    pub parent_id_tag: Option<String>,
    /// When the reservation ends; must be in the future.
    pub expires_at: DateTime<Utc>,
    /// 2.x only (1.6 idTags have none): the idToken's type (IdTokenEnumType, e.g.
    /// `ISO14443`); default `Central`.
    pub id_token_type: Option<String>,
    /// 2.x only: reserve a connector of this type (ConnectorEnumType, e.g. `cType2`).
    pub connector_type: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Reservation {
    /// The reservationId the station got.
    pub id: i64,
    pub station_id: String,
    /// `null`: any EVSE, or the whole station.
    #[schema(required = true)]
    pub evse_id: Option<u32>,
    /// 0: the whole station (1.6) or the whole EVSE (2.x).
    pub connector_id: u32,
    pub id_tag: String,
    #[schema(required = true)]
    pub parent_id_tag: Option<String>,
    /// 2.x only, where given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_token_type: Option<String>,
    /// 2.x only, where given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub connector_type: Option<String>,
    pub expires_at: DateTime<Utc>,
    /// An active one past `expires_at` reads `expired`.
    pub status: ReservationStatus,
    /// The system's id of the transaction that used the reservation.
    #[schema(required = true)]
    pub transaction_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A reservation and the station's answer about it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReservationAnswer {
    pub reservation: Reservation,
    /// The station's status field (ReserveNow: `Accepted`, `Rejected`, `Occupied`, `Faulted`,
    /// `Unavailable`; CancelReservation: `Accepted`, `Rejected`).
    pub status: String,
    /// The station's payload as it sent it.
    #[schema(value_type = Object)]
    pub response: Box<RawValue>,
}

/// Filters; an empty value counts as absent.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReservationQuery {
    /// Only this station's reservations.
    pub station_id: Option<String>,
    /// Only reservations that read this status now.
    #[param(value_type = Option<ReservationStatus>)]
    pub status: Option<String>,
}

#[utoipa::path(
    post, path = "/reservations", tag = "reservations",
    params(("timeout_s" = Option<f64>, Query, description = "Seconds to wait for the station's answer: above 0, at most 300 (default 30)")),
    request_body = ReservationBody,
    responses(
        (status = 201, description = "The station answered; a reservation it did not accept is recorded with its answer as status", body = ReservationAnswer),
        (status = 400, description = "Invalid body or query: `expires_at` not in the future, an id tag of the wrong length, EVSE and connector that do not fit the station's OCPP version", body = ErrorBody),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 404, description = "Unknown station", body = ErrorBody),
        (status = 422, description = "The station's boot was rejected", body = ErrorBody),
        (status = 502, description = "The station answered with a CALLERROR (nothing is recorded)", body = ErrorBody),
        (status = 503, description = "The station is not connected (nothing is recorded)", body = ErrorBody),
        (status = 504, description = "The station did not answer in time (nothing is recorded; the system cancels the reservation at the station in case it took it late)", body = ErrorBody),
    )
)]
pub async fn create_reservation(
    State(app): State<App>,
    query: Result<Query<CommandQuery>, QueryRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, AppJson<ReservationAnswer>), ApiError> {
    let value = parse_body::<Value>(&headers, &body?)?;
    let Some(station_id) = value.get("station_id").and_then(Value::as_str) else {
        return Err(ApiError::bad_request("station_id is required (a string)"));
    };
    let station = registered(&app, station_id).await?;
    ensure_allowed(&app, &station.id, "reserve-now", false)?;
    ensure_connected(&app, &station.id)?;
    // The body is read for the station's version (1.6 connectors, 2.x EVSEs).
    let protocol = app
        .registry
        .get(&station.id)
        .map(|session| session.protocol)
        .ok_or_else(|| {
            ApiError::NotConnected(format!("station {} is not connected", station.id))
        })?;
    let body: ReservationBody = serde_json::from_value(value).map_err(|e| {
        ApiError::bad_request(format!(
            "Failed to deserialize the JSON body into the target type: {e}"
        ))
    })?;
    let (timeout, _) = options(&app, query, false)?;
    let now = Utc::now();
    let new = new_reservation(body, protocol, now)?;

    let id = app.store.create_reservation(new.clone()).await?;
    let command = Command::ReserveNow {
        reservation: Box::new(as_sent(id, new)),
    };
    let reply = match send(&app, &station.id, command, timeout).await {
        Ok(reply) => reply,
        Err(error) => return Err(forget(&app, &station.id, id, timeout, error).await),
    };
    let status = ReservationStatus::from_answer(&reply.status);
    let reservation = app
        .store
        .settle_reservation(id, status, Utc::now())
        .await?
        .ok_or_else(|| ApiError::Internal(format!("reservation {id} vanished while settling")))?;
    Ok((
        StatusCode::CREATED,
        AppJson(ReservationAnswer {
            reservation: reservation_json(reservation),
            status: reply.status,
            response: reply.response,
        }),
    ))
}

#[utoipa::path(
    get, path = "/reservations", tag = "reservations",
    params(ReservationQuery),
    responses(
        (status = 200, description = "Newest first", body = Vec<Reservation>),
        (status = 400, description = "Invalid `station_id` or `status`", body = ErrorBody),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
    )
)]
pub async fn list_reservations(
    State(app): State<App>,
    AppQuery(query): AppQuery<ReservationQuery>,
) -> Result<AppJson<Vec<Reservation>>, ApiError> {
    let station_id = match query.station_id.as_deref() {
        None | Some("") => None,
        Some(id) => Some(
            StationId::new(id)
                .map_err(|e| ApiError::bad_request(format!("invalid station_id: {e}")))?,
        ),
    };
    let status = match query.status.as_deref() {
        None | Some("") => None,
        Some(name) => Some(ReservationStatus::parse(name).ok_or_else(|| {
            let known: Vec<_> = ReservationStatus::ALL.iter().map(|s| s.as_str()).collect();
            ApiError::bad_request(format!(
                "status must be one of {}, not {name:?}",
                known.join(", ")
            ))
        })?),
    };
    let filter = ReservationFilter {
        station_id,
        status,
        now: Utc::now(),
    };
    let records = app.store.reservations(filter).await?;
    Ok(AppJson(records.into_iter().map(reservation_json).collect()))
}

#[utoipa::path(
    get, path = "/reservations/{id}", tag = "reservations",
    params(("id" = i64, Path, description = "The reservation id")),
    responses(
        (status = 200, description = "The reservation as it reads now", body = Reservation),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 404, description = "Unknown reservation", body = ErrorBody),
    )
)]
pub async fn get_reservation(
    State(app): State<App>,
    AppPath(id): AppPath<String>,
) -> Result<AppJson<Reservation>, ApiError> {
    Ok(AppJson(reservation_json(find(&app, &id).await?)))
}

#[utoipa::path(
    delete, path = "/reservations/{id}", tag = "reservations",
    params(
        ("id" = i64, Path, description = "The reservation id"),
        ("timeout_s" = Option<f64>, Query, description = "Seconds to wait for the station's answer: above 0, at most 300 (default 30)"),
    ),
    responses(
        (status = 200, description = "The station answered CancelReservation; `Accepted` cancels the reservation, `Rejected` (the station holds no such reservation) leaves it as it was", body = ReservationAnswer),
        (status = 400, description = "Invalid query", body = ErrorBody),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 404, description = "Unknown reservation", body = ErrorBody),
        (status = 409, description = "The reservation is no longer active (used, cancelled, expired, or never accepted)", body = ErrorBody),
        (status = 422, description = "The station's boot was rejected", body = ErrorBody),
        (status = 502, description = "The station answered with a CALLERROR", body = ErrorBody),
        (status = 503, description = "The station is not connected", body = ErrorBody),
        (status = 504, description = "The station did not answer in time", body = ErrorBody),
    )
)]
pub async fn cancel_reservation(
    State(app): State<App>,
    AppPath(id): AppPath<String>,
    query: Result<Query<CommandQuery>, QueryRejection>,
) -> Result<AppJson<ReservationAnswer>, ApiError> {
    let record = find(&app, &id).await?;
    if !record.is_active(Utc::now()) {
        return Err(ApiError::Conflict(format!(
            "reservation {} is {}, no longer active",
            record.id,
            record.status.as_str()
        )));
    }
    let station = record.station_id.clone();
    ensure_allowed(&app, &station, "cancel-reservation", false)?;
    ensure_connected(&app, &station)?;
    let (timeout, _) = options(&app, query, false)?;
    let command = Command::CancelReservation {
        reservation_id: record.id,
    };
    let reply = send(&app, &station, command, timeout).await?;
    let now = Utc::now();
    let reservation = if reply.status == "Accepted" {
        app.store.cancel_reservation(record.id, now).await?
    } else {
        app.store.reservation(record.id, now).await?
    }
    .ok_or_else(|| ApiError::not_found(format!("reservation {id} is not known")))?;
    Ok(AppJson(ReservationAnswer {
        reservation: reservation_json(reservation),
        status: reply.status,
        response: reply.response,
    }))
}

/// The reservation with this path id as it reads now; an id that is not an integer is
/// unknown too (404).
async fn find(app: &App, id: &str) -> Result<ReservationRecord, ApiError> {
    let unknown = || ApiError::not_found(format!("reservation {id} is not known"));
    let Ok(number) = id.parse::<i64>() else {
        return Err(unknown());
    };
    app.store
        .reservation(number, Utc::now())
        .await?
        .ok_or_else(unknown)
}

/// The body checked against the station's OCPP version (400 on any failure).
fn new_reservation(
    body: ReservationBody,
    protocol: ocpp::Version,
    now: DateTime<Utc>,
) -> Result<NewReservation, ApiError> {
    if body.expires_at <= now {
        return Err(ApiError::bad_request(format!(
            "expires_at must be in the future, not {}",
            crate::domain::format_time(body.expires_at)
        )));
    }
    check_id_tag("id_tag", &body.id_tag)?;
    if let Some(parent) = &body.parent_id_tag {
        check_id_tag("parent_id_tag", parent)?;
    }
    let v16 = protocol == ocpp::Version::V16;
    if let Some(kind) = &body.id_token_type
        && !is_wire_value::<ocpp::v201::IdTokenKind>(kind)
    {
        return Err(ApiError::bad_request(format!(
            "id_token_type must be an OCPP 2.x IdTokenEnumType value (Central, eMAID, \
             ISO14443, ISO15693, KeyCode, Local, MacAddress, NoAuthorization), not {kind:?}"
        )));
    }
    if let Some(kind) = &body.connector_type {
        if v16 {
            return Err(ApiError::bad_request(
                "OCPP 1.6 cannot reserve by connector type: leave connector_type out",
            ));
        }
        if !is_wire_value::<ocpp::v201::Connector>(kind) {
            return Err(ApiError::bad_request(format!(
                "connector_type must be an OCPP 2.x ConnectorEnumType value (e.g. cType2, \
                 cCCS2, sType2), not {kind:?}"
            )));
        }
    }
    let target = ReservationTarget::new(protocol, body.evse_id, body.connector_id)
        .map_err(|e| ApiError::bad_request(e.to_string()))?;
    let new = NewReservation {
        // Valid: the station was found by it.
        station_id: StationId::new(body.station_id)
            .map_err(|e| ApiError::bad_request(format!("invalid station_id: {e}")))?,
        target,
        id_tag: body.id_tag,
        parent_id_tag: body.parent_id_tag,
        // 1.6 sends no type: keep none, so the record says what the station got.
        id_token_type: body.id_token_type.filter(|_| !v16),
        connector_type: body.connector_type,
        // What the store keeps (milliseconds), so the station gets what the API shows.
        expires_at: body.expires_at.trunc_subsecs(3),
        created_at: now,
    };
    Ok(new)
}

fn is_wire_value<T: serde::de::DeserializeOwned>(name: &str) -> bool {
    serde_json::from_value::<T>(Value::String(name.to_owned())).is_ok()
}

/// The reservation as the ReserveNow carries it (its status is decided by the answer).
fn as_sent(id: i64, new: NewReservation) -> ReservationRecord {
    ReservationRecord {
        id,
        station_id: new.station_id,
        evse_id: new.target.evse_id,
        connector_id: new.target.connector_id,
        id_tag: new.id_tag,
        parent_id_tag: new.parent_id_tag,
        id_token_type: new.id_token_type,
        connector_type: new.connector_type,
        expires_at: new.expires_at,
        status: ReservationStatus::Active,
        transaction_id: None,
        created_at: new.created_at,
        updated_at: new.created_at,
    }
}

/// No answer to ReserveNow: forget the pending reservation, so that none reads active that
/// the station never accepted. After a timeout the station may still take it late, so the
/// system also cancels it there, in the background.
async fn forget(
    app: &App,
    station: &StationId,
    id: i64,
    timeout: Duration,
    error: ApiError,
) -> ApiError {
    if let Err(store) = app.store.abandon_reservation(id).await {
        tracing::warn!(%station, reservation = id, %store, "cannot forget an unanswered reservation");
    }
    if matches!(error, ApiError::Timeout(_)) {
        let app = app.clone();
        let station = station.clone();
        app.tasks.clone().spawn(async move {
            let command = Command::CancelReservation { reservation_id: id };
            if let Err(error) = app.registry.send(&station, command, timeout).await {
                tracing::info!(%station, reservation = id, %error,
                    "could not cancel an unanswered reservation at the station");
            }
        });
    }
    error
}

fn reservation_json(record: ReservationRecord) -> Reservation {
    Reservation {
        id: record.id,
        station_id: record.station_id.to_string(),
        evse_id: record.evse_id,
        connector_id: record.connector_id,
        id_tag: record.id_tag,
        parent_id_tag: record.parent_id_tag,
        id_token_type: record.id_token_type,
        connector_type: record.connector_type,
        expires_at: record.expires_at,
        status: record.status,
        transaction_id: record.transaction_id,
        created_at: record.created_at,
        updated_at: record.updated_at,
    }
}
