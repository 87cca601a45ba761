//! `POST /api/v1/stations/{id}/commands/{command}` and `POST /api/v1/stations/{id}/call`.
//!
//! Checks run in the contract's order: 404 (station, command name, transaction) → 409 (a
//! stopped transaction) → 503 (not connected) → 400 (body, query). The body is therefore
//! taken as bytes and parsed before the checks, but its errors are raised only after them.
//! 422 comes from the station's session ([`CommandError::Forbidden`]), which alone knows
//! whether the station booted in its current connection.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use serde_json::value::RawValue;
use tokio::sync::broadcast::{self, error::RecvError};
use utoipa::{IntoParams, ToSchema};

use super::command_bodies::{
    CallBody, CommandBody, CommandName, Requested, raw_command, requested,
};
use super::error::{ApiError, ErrorBody};
use super::json::{AppJson, AppPath, parse_body};
use super::stations::registered;
use crate::app::App;
use crate::commands::{Command, CommandError, CommandReply};
use crate::domain::{StationId, TransactionRecord};
use crate::events::{Event, EventKind};
use crate::store::TransactionFilter;

/// The longest a request may wait for a station, or for a transaction to start.
const MAX_WAIT_S: f64 = 300.0;
/// How much longer than the session's own timeout the API waits before giving up itself.
const GRACE: Duration = Duration::from_secs(5);

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CommandQuery {
    /// Seconds to wait for the station's answer: above 0, at most 300, fractions allowed
    /// (default 30).
    #[param(exclusive_minimum = 0, maximum = 300)]
    pub timeout_s: Option<f64>,
    /// remote-start only: after an `Accepted` answer, seconds (0 to 300) to wait for the
    /// transaction to start; the answer then carries `transaction_id` (`null` if it did not
    /// start in time).
    #[param(minimum = 0, maximum = 300)]
    pub wait_start_s: Option<f64>,
}

/// The station's answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct CommandResponse {
    /// The station's status field (`Accepted`, `Rejected`, `Unlocked`, …); `Accepted` where
    /// the answer has none (GetConfiguration).
    pub status: String,
    /// The station's payload as it sent it.
    #[schema(value_type = Object)]
    pub response: Box<RawValue>,
    /// remote-start only: the correlation number that the transaction's events carry.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<i64>, required = false)]
    pub remote_start_id: Option<Option<i64>>,
    /// remote-start with `wait_start_s` only: the system's id of the started transaction.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<i64>, required = false)]
    pub transaction_id: Option<Option<i64>>,
}

/// The plain answer, without remote-start's fields (local list sync, desired values).
impl From<CommandReply> for CommandResponse {
    fn from(reply: CommandReply) -> CommandResponse {
        CommandResponse {
            status: reply.status,
            response: reply.response,
            remote_start_id: None,
            transaction_id: None,
        }
    }
}

/// The station's CALLRESULT payload.
#[derive(Debug, Serialize, ToSchema)]
pub struct CallResponse {
    #[schema(value_type = Object)]
    pub result: Box<RawValue>,
}

#[utoipa::path(
    post, path = "/stations/{id}/commands/{command}", tag = "commands",
    params(
        ("id" = String, Path, description = "Station id"),
        ("command" = CommandName, Path, description = "The command; the body is the one of the same name"),
        CommandQuery,
    ),
    request_body(content = CommandBody, description = "The command's parameters (an empty body counts as `{}`)"),
    responses(
        (status = 200, description = "The station answered (also when it answered `Rejected`)", body = CommandResponse),
        (status = 400, description = "Invalid body or query, or not expressible in the station's OCPP version", body = ErrorBody),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 404, description = "Unknown station or command; remote-stop: unknown transaction, or one of another station", body = ErrorBody),
        (status = 409, description = "remote-stop: the transaction has already stopped", body = ErrorBody),
        (status = 422, description = "The station's state forbids the command (e.g. its boot is Pending), or it would lower the station's registered security profile", body = ErrorBody),
        (status = 502, description = "The station answered with a CALLERROR", body = ErrorBody),
        (status = 503, description = "The station is not connected", body = ErrorBody),
        (status = 504, description = "The station did not answer in time", body = ErrorBody),
    )
)]
pub async fn run_command(
    State(app): State<App>,
    AppPath((id, name)): AppPath<(String, String)>,
    query: Result<Query<CommandQuery>, QueryRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<AppJson<CommandResponse>, ApiError> {
    let station = registered(&app, &id).await?;
    let name = CommandName::parse(&name)
        .ok_or_else(|| ApiError::not_found(format!("unknown command {name}")))?;
    let requested = body
        .map_err(ApiError::from)
        .and_then(|bytes| parse_body::<Value>(&headers, &bytes))
        .and_then(|value| requested(name, value));
    let command = match requested {
        Ok(Requested::RemoteStop { transaction_id }) => {
            Ok(stoppable(&app, &station.id, transaction_id).await?)
        }
        Ok(Requested::TransactionStatus { transaction_id }) => {
            let transaction = match transaction_id {
                Some(id) => Some(Box::new(of_station(&app, &station.id, id).await?)),
                None => None,
            };
            Ok(Command::GetTransactionStatus { transaction })
        }
        Ok(Requested::RemoteStartWithProfile {
            evse_id,
            connector_id,
            id_tag,
            profile,
        }) => {
            crate::operations::charging::remote_start(
                &app,
                &station.id,
                (evse_id, connector_id, id_tag),
                profile,
            )
            .await
        }
        Ok(Requested::Command(command)) => Ok(command),
        Err(error) => Err(error),
    };
    ensure_allowed(&app, &station.id, name.as_str(), name.needs_accepted_boot())?;
    if let Ok(command) = &command {
        super::no_downgrade::check(station.security_profile, command)?;
    }
    ensure_connected(&app, &station.id)?;
    let command = command?;
    let (timeout, wait_start) = options(&app, query, name == CommandName::RemoteStart)?;

    // Subscribe before sending, so a start that follows the answer at once is not missed.
    let mut events = wait_start.map(|_| app.events.subscribe());
    let reply = send(&app, &station.id, command, timeout).await?;
    let remote_start = name == CommandName::RemoteStart;
    let transaction_id = match (events.as_mut(), wait_start, reply.remote_start_id) {
        (Some(events), Some(wait), Some(remote_start_id)) if reply.status == "Accepted" => {
            Some(started_transaction(&app, events, &station.id, remote_start_id, wait).await)
        }
        (Some(_), ..) => Some(None),
        _ => None,
    };
    Ok(AppJson(CommandResponse {
        status: reply.status,
        response: reply.response,
        remote_start_id: remote_start.then_some(reply.remote_start_id),
        transaction_id,
    }))
}

#[utoipa::path(
    post, path = "/stations/{id}/call", tag = "commands",
    params(
        ("id" = String, Path, description = "Station id"),
        ("timeout_s" = Option<f64>, Query, description = "Seconds to wait for the answer: above 0, at most 300 (default 30)"),
    ),
    request_body = CallBody,
    responses(
        (status = 200, description = "The station's CALLRESULT", body = CallResponse),
        (status = 400, description = "Invalid body, unknown action or payload invalid for the station's OCPP version", body = ErrorBody),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 404, description = "Unknown station", body = ErrorBody),
        (status = 422, description = "The call would lower the station's registered security profile (A00.FR.005)", body = ErrorBody),
        (status = 502, description = "The station answered with a CALLERROR", body = ErrorBody),
        (status = 503, description = "The station is not connected", body = ErrorBody),
        (status = 504, description = "The station did not answer in time", body = ErrorBody),
    )
)]
pub async fn raw_call(
    State(app): State<App>,
    AppPath(id): AppPath<String>,
    query: Result<Query<CommandQuery>, QueryRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<AppJson<CallResponse>, ApiError> {
    let station = registered(&app, &id).await?;
    let command = body
        .map_err(ApiError::from)
        .and_then(|bytes| parse_body::<CallBody>(&headers, &bytes))
        .and_then(raw_command);
    ensure_allowed(&app, &station.id, "call", false)?;
    if let Ok(command) = &command {
        super::no_downgrade::check(station.security_profile, command)?;
    }
    ensure_connected(&app, &station.id)?;
    let command = command?;
    let (timeout, _) = options(&app, query, false)?;
    let reply = send(&app, &station.id, command, timeout).await?;
    Ok(AppJson(CallResponse {
        result: reply.response,
    }))
}

/// The transaction remote-stop asks for: 404 if unknown or another station's, 409 if stopped.
async fn stoppable(
    app: &App,
    station: &StationId,
    transaction_id: i64,
) -> Result<Command, ApiError> {
    let record = of_station(app, station, transaction_id).await?;
    if !record.is_active() {
        return Err(ApiError::Conflict(format!(
            "transaction {transaction_id} has already stopped"
        )));
    }
    Ok(Command::RemoteStop {
        transaction: Box::new(record),
    })
}

/// The station's transaction with this (system) id, or 404.
async fn of_station(
    app: &App,
    station: &StationId,
    transaction_id: i64,
) -> Result<TransactionRecord, ApiError> {
    app.store
        .transaction(transaction_id)
        .await?
        .filter(|t| &t.station_id == station)
        .ok_or_else(|| {
            ApiError::not_found(format!(
                "transaction {transaction_id} is not a transaction of station {station}"
            ))
        })
}

/// 422 when the boot state of the station's connection forbids the command; decided before
/// the body is looked at (API.md: 404 → 409/422 → 503 → 400). The session checks again.
pub(super) fn ensure_allowed(
    app: &App,
    station: &StationId,
    command: &str,
    needs_accepted_boot: bool,
) -> Result<(), ApiError> {
    match crate::commands::refusal(
        app.registry.boot_status(station),
        command,
        needs_accepted_boot,
    ) {
        Some(reason) => Err(ApiError::Unprocessable(reason)),
        None => Ok(()),
    }
}

pub(super) fn ensure_connected(app: &App, station: &StationId) -> Result<(), ApiError> {
    if app.registry.is_connected(station) {
        Ok(())
    } else {
        Err(ApiError::NotConnected(format!(
            "station {station} is not connected"
        )))
    }
}

/// `timeout_s` and `wait_start_s` (the latter only where `may_wait`).
pub(super) fn options(
    app: &App,
    query: Result<Query<CommandQuery>, QueryRejection>,
    may_wait: bool,
) -> Result<(Duration, Option<Duration>), ApiError> {
    let Query(query) = query?;
    let timeout = match query.timeout_s {
        None => app
            .config
            .call_timeout
            .min(Duration::from_secs_f64(MAX_WAIT_S)),
        Some(s) if s.is_finite() && s > 0.0 && s <= MAX_WAIT_S => Duration::from_secs_f64(s),
        Some(s) => {
            return Err(ApiError::bad_request(format!(
                "timeout_s must be above 0 and at most {MAX_WAIT_S}, not {s}"
            )));
        }
    };
    let wait_start = match query.wait_start_s {
        None => None,
        Some(_) if !may_wait => {
            return Err(ApiError::bad_request(
                "wait_start_s is only for remote-start",
            ));
        }
        Some(s) if s.is_finite() && (0.0..=MAX_WAIT_S).contains(&s) => {
            Some(Duration::from_secs_f64(s))
        }
        Some(s) => {
            return Err(ApiError::bad_request(format!(
                "wait_start_s must be from 0 to {MAX_WAIT_S}, not {s}"
            )));
        }
    };
    Ok((timeout, wait_start))
}

pub(super) async fn send(
    app: &App,
    station: &StationId,
    command: Command,
    timeout: Duration,
) -> Result<CommandReply, ApiError> {
    // The session enforces `timeout`; the grace only guards against a session that hangs.
    match tokio::time::timeout(
        timeout + GRACE,
        app.registry.send(station, command, timeout),
    )
    .await
    {
        Ok(result) => result.map_err(|error| command_error(station, error)),
        Err(_) => Err(command_error(station, CommandError::Timeout(timeout))),
    }
}

/// A [`CommandError`] as the API reports it, naming the station.
pub(crate) fn command_error(station: &StationId, error: CommandError) -> ApiError {
    match error {
        CommandError::NotConnected => {
            ApiError::NotConnected(format!("station {station} is not connected"))
        }
        CommandError::Timeout(after) => ApiError::Timeout(format!(
            "station {station} did not answer within {} s",
            after.as_secs_f64()
        )),
        other => other.into(),
    }
}

/// Wait up to `wait` for the transaction that remote start `remote_start_id` leads to; its
/// system id, or `None`. Events come first; the store is asked once at the end, in case the
/// event was lost to a lagging receiver.
async fn started_transaction(
    app: &App,
    events: &mut broadcast::Receiver<Arc<Event>>,
    station: &StationId,
    remote_start_id: i64,
    wait: Duration,
) -> Option<i64> {
    let deadline = tokio::time::Instant::now() + wait;
    loop {
        match tokio::time::timeout_at(deadline, events.recv()).await {
            Ok(Ok(event)) => {
                if let Some(id) = started_by(&event, station, remote_start_id) {
                    return Some(id);
                }
            }
            Ok(Err(RecvError::Lagged(missed))) => {
                tracing::warn!(%station, missed, "remote-start wait missed events; will ask the store");
            }
            Ok(Err(RecvError::Closed)) | Err(_) => break,
        }
    }
    let filter = TransactionFilter {
        station_id: Some(station.clone()),
        active: None,
        limit: Some(50),
    };
    match app.store.transactions(filter).await {
        Ok(transactions) => transactions
            .iter()
            .find(|t| t.remote_start_id == Some(remote_start_id))
            .map(|t| t.id),
        Err(error) => {
            tracing::warn!(%station, %error, "cannot look up the remote-started transaction");
            None
        }
    }
}

/// The transaction id if `event` is the start of `remote_start_id` at `station`.
fn started_by(event: &Event, station: &StationId, remote_start_id: i64) -> Option<i64> {
    let matches = event.kind == EventKind::TransactionStarted
        && &event.station_id == station
        && event.data.get("remote_start_id").and_then(Value::as_i64) == Some(remote_start_id);
    if !matches {
        return None;
    }
    event.data.get("transaction_id").and_then(Value::as_i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn station() -> StationId {
        StationId::new("CP-1").unwrap()
    }

    #[test]
    fn command_errors_name_the_station() {
        let error = command_error(&station(), CommandError::NotConnected);
        assert!(matches!(error, ApiError::NotConnected(ref m) if m.contains("CP-1")));
        let error = command_error(
            &station(),
            CommandError::Timeout(Duration::from_millis(1500)),
        );
        assert!(
            matches!(error, ApiError::Timeout(ref m) if m.contains("CP-1") && m.contains("1.5 s"))
        );
        let error = command_error(&station(), CommandError::Forbidden("Pending".into()));
        assert_eq!(error.status().as_u16(), 422);
        let error = command_error(&station(), CommandError::Invalid("bad".into()));
        assert_eq!(error.status().as_u16(), 400);
    }

    #[test]
    fn only_the_start_of_this_remote_start_matches() {
        let start = Event::new(EventKind::TransactionStarted, &station())
            .with("transaction_id", 41)
            .with("remote_start_id", 7);
        assert_eq!(started_by(&start, &station(), 7), Some(41));
        assert_eq!(started_by(&start, &station(), 8), None);
        let other = StationId::new("CP-2").unwrap();
        assert_eq!(started_by(&start, &other, 7), None);
        let update = Event::new(EventKind::TransactionUpdated, &station())
            .with("transaction_id", 41)
            .with("remote_start_id", 7);
        assert_eq!(started_by(&update, &station(), 7), None);
    }
}
