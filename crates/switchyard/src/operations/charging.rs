//! Smart charging: the profiles each station should hold, kept in the store and sent through
//! the registry — at once when the station is connected, again after each boot.
//!
//! Errors are the API's own ([`ApiError`]): every caller but [`resend_after_boot`] is an API
//! handler, and the checks follow API.md's order (404 → 409 → 400).

use std::time::Duration;

use serde_json::Value;

use crate::adapters;
use crate::api::ApiError;
use crate::app::App;
use crate::commands::{Command, CommandError, CommandReply};
use crate::domain::{
    ChargingProfile, ClearCriteria, KeptProfile, ProfileAnswer, ProfilePurpose, ProfileState,
    StationId, TransactionRecord,
};

/// What became of a put or a delete: the kept profile (`None`: forgotten) and the station's
/// answer (`None`: not connected, so it goes out after the station's next boot).
#[derive(Debug)]
pub struct Outcome {
    pub kept: Option<KeptProfile>,
    pub answer: Option<CommandReply>,
}

/// Parse a profile from the API's JSON, with `id` defaulting to `default_id` (an `id` that
/// differs from it is refused when `id_must_match`).
pub fn parse_profile(
    mut value: Value,
    default_id: i32,
    id_must_match: bool,
) -> Result<ChargingProfile, ApiError> {
    let Value::Object(fields) = &mut value else {
        return Err(ApiError::bad_request("a charging profile is a JSON object"));
    };
    match fields.get("id") {
        None => {
            fields.insert("id".into(), default_id.into());
        }
        Some(id) if id_must_match && id.as_i64() != Some(i64::from(default_id)) => {
            return Err(ApiError::bad_request(format!(
                "the body's id {id} differs from the path's profile id {default_id}"
            )));
        }
        Some(_) => {}
    }
    serde_json::from_value(value)
        .map_err(|e| ApiError::bad_request(format!("invalid charging profile: {e}")))
}

/// Keep `profile` for the station and send it if the station is connected.
pub async fn put(
    app: &App,
    station: &StationId,
    profile: ChargingProfile,
    timeout: Duration,
) -> Result<Outcome, ApiError> {
    let transaction = match profile.transaction_id {
        Some(id) => Some(active_transaction(app, station, id).await?),
        None => None,
    };
    let kept = app.store.charging_profiles(station).await?;
    if let Some(other) = kept
        .iter()
        .filter(|k| matches!(k.state, ProfileState::Pending | ProfileState::Accepted))
        .find(|k| k.profile.collides_with(&profile))
    {
        return Err(ApiError::Conflict(format!(
            "profile {} already holds stack level {} for {:?} on EVSE/connector {} in an \
             overlapping validity period; delete it or use another stack level",
            other.profile.id,
            profile.stack_level,
            profile.purpose,
            profile.target()
        )));
    }
    profile
        .validate()
        .map_err(|e| ApiError::bad_request(e.to_string()))?;
    let command = Command::SetChargingProfile {
        profile: Box::new(profile.clone()),
        station_transaction_id: transaction.map(|t| t.ocpp_transaction_id),
    };
    // Refuse what the station's version cannot express before keeping it.
    if let Some(version) = station_version(app, station).await?
        && let Some(adapter) = adapters::for_version(version)
    {
        adapter
            .encode_command(&command, 0)
            .map_err(|e| ApiError::bad_request(e.to_string()))?;
    }
    let now = chrono::Utc::now();
    let record = KeptProfile {
        station_id: station.clone(),
        profile: profile.clone(),
        state: ProfileState::Pending,
        last_status: None,
        last_response: None,
        updated_at: now,
        answered_at: None,
    };
    if !app.store.put_charging_profile(record).await? {
        return Err(ApiError::not_found(format!(
            "station {station} is not registered"
        )));
    }
    let answer = send_profile(app, station, &profile, command, timeout).await?;
    Ok(Outcome {
        kept: app.store.charging_profile(station, profile.id).await?,
        answer,
    })
}

/// Forget a kept profile, clearing it at the station (ClearChargingProfile by id). A station
/// that is offline (or does not answer) is told after its next boot; until then the profile
/// is listed as `cleared`.
pub async fn delete(
    app: &App,
    station: &StationId,
    id: i32,
    timeout: Duration,
) -> Result<Outcome, ApiError> {
    let kept = app
        .store
        .charging_profile(station, id)
        .await?
        .ok_or_else(|| {
            ApiError::not_found(format!("station {station} has no charging profile {id}"))
        })?;
    let criteria = ClearCriteria {
        id: Some(id),
        ..ClearCriteria::default()
    };
    let sent = app
        .registry
        .send(station, Command::ClearChargingProfile { criteria }, timeout)
        .await;
    match sent {
        // Accepted, or Unknown (the station does not hold it): either way it is gone there.
        Ok(reply) => {
            app.store.delete_charging_profile(station, id).await?;
            Ok(Outcome {
                kept: None,
                answer: Some(reply),
            })
        }
        Err(CommandError::NotConnected | CommandError::Forbidden(_)) => {
            app.store
                .mark_profile_cleared(station, id, chrono::Utc::now())
                .await?;
            Ok(Outcome {
                kept: app.store.charging_profile(station, kept.profile.id).await?,
                answer: None,
            })
        }
        Err(CommandError::Timeout(after)) => {
            app.store
                .mark_profile_cleared(station, id, chrono::Utc::now())
                .await?;
            Err(ApiError::Timeout(format!(
                "station {station} did not answer within {} s; profile {id} is marked \
                 cleared and ClearChargingProfile goes out again after its next boot",
                after.as_secs_f64()
            )))
        }
        Err(error) => Err(crate::api::command_error(station, error)),
    }
}

/// ClearChargingProfile by criteria (S16 §6.13; P2-201 K10: purpose, stack level, EVSE; none
/// at all clears every profile), for a connected station. Once it answers, the kept profiles
/// that match are forgotten too; their ids are returned.
pub async fn clear_matching(
    app: &App,
    station: &StationId,
    criteria: ClearCriteria,
    timeout: Duration,
) -> Result<(CommandReply, Vec<i32>), ApiError> {
    let command = Command::ClearChargingProfile {
        criteria: criteria.clone(),
    };
    let reply = app
        .registry
        .send(station, command, timeout)
        .await
        .map_err(|error| crate::api::command_error(station, error))?;
    let mut forgotten = Vec::new();
    for kept in app.store.charging_profiles(station).await? {
        if criteria.matches(&kept.profile)
            && app
                .store
                .delete_charging_profile(station, kept.profile.id)
                .await?
        {
            forgotten.push(kept.profile.id);
        }
    }
    Ok((reply, forgotten))
}

/// The RemoteStart command for a remote start with a charging profile: a TxProfile for the
/// transaction to come, without a transaction id (1.6 errata 3.41; P2-201 K05), whose id
/// defaults to one the station's kept profiles do not use.
pub async fn remote_start(
    app: &App,
    station: &StationId,
    (evse_id, connector_id, id_tag): (Option<u32>, Option<u32>, String),
    profile: Value,
) -> Result<Command, ApiError> {
    let free_id = app
        .store
        .charging_profiles(station)
        .await?
        .iter()
        .map(|k| k.profile.id)
        .max()
        .map_or(1, |id| id.saturating_add(1));
    let mut profile = parse_profile(profile, free_id, false)?;
    if profile.purpose != ProfilePurpose::TxProfile {
        return Err(ApiError::bad_request(
            "charging_profile.purpose must be TxProfile for a remote start",
        ));
    }
    if profile.transaction_id.is_some() {
        return Err(ApiError::bad_request(
            "charging_profile.transaction_id must be left out: the transaction has not started",
        ));
    }
    let start_at = evse_id.or(connector_id);
    match (profile.target(), start_at) {
        (0, _) => {}
        (target, Some(at)) if target == at => {}
        (target, _) => {
            return Err(ApiError::bad_request(format!(
                "charging_profile applies to EVSE/connector {target}, not where the \
                 transaction starts: leave its evse_id/connector_id out"
            )));
        }
    }
    // The profile goes where the transaction starts (wherever that is, if not given).
    profile.evse_id = Some(start_at.unwrap_or(1));
    profile.connector_id = None;
    let checked = profile.validate();
    profile.evse_id = start_at;
    checked.map_err(|e| ApiError::bad_request(format!("charging_profile: {e}")))?;
    Ok(Command::RemoteStart {
        evse_id,
        connector_id,
        id_tag,
        charging_profile: Some(Box::new(profile)),
    })
}

/// Send every kept profile to a station again after an accepted BootNotification: a rebooted
/// station may have lost them (API.md). Profiles the station rejected are not retried (until
/// they are put again); ones deleted while it was offline are cleared now; TxProfiles whose
/// transaction has ended are forgotten. Stops at the first timeout or disconnect: what is not
/// answered stays pending for the next boot.
pub async fn resend_after_boot(app: &App, station: &StationId) {
    if let Err(error) = try_resend(app, station, Resend::AllKept).await {
        tracing::warn!(%station, %error, "charging profiles not (all) sent again after boot");
    }
}

/// After a reconnect without a boot (J16 §5.4 allows one): the station kept its profiles,
/// so only what it has not been told yet goes out — pending profiles and pending clears.
pub async fn send_pending(app: &App, station: &StationId) {
    if let Err(error) = try_resend(app, station, Resend::PendingOnly).await {
        tracing::warn!(%station, %error, "pending charging profiles not (all) sent");
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Resend {
    AllKept,
    PendingOnly,
}

async fn try_resend(app: &App, station: &StationId, which: Resend) -> Result<(), ApiError> {
    let timeout = app.config.call_timeout;
    let now = chrono::Utc::now();
    for kept in app.store.charging_profiles(station).await? {
        let profile = kept.profile;
        match kept.state {
            ProfileState::Rejected => continue,
            ProfileState::Cleared => {
                let criteria = ClearCriteria {
                    id: Some(profile.id),
                    ..ClearCriteria::default()
                };
                let command = Command::ClearChargingProfile { criteria };
                match app.registry.send(station, command, timeout).await {
                    // Cleared, unknown there, or a station that cannot hold profiles at all
                    // (a CALLERROR): nothing is left to clear.
                    Ok(_) | Err(CommandError::CallError(_)) => {
                        app.store
                            .delete_charging_profile(station, profile.id)
                            .await?;
                    }
                    Err(error) => return Err(crate::api::command_error(station, error)),
                }
                continue;
            }
            ProfileState::Accepted if which == Resend::PendingOnly => continue,
            ProfileState::Pending | ProfileState::Accepted => {}
        }
        if profile.valid_to.is_some_and(|to| to <= now) {
            continue;
        }
        let transaction = match profile.transaction_id {
            Some(id) => match app.store.transaction(id).await? {
                Some(t) if t.is_active() && &t.station_id == station => Some(t),
                // A TxProfile ends with its transaction.
                _ => {
                    app.store
                        .delete_charging_profile(station, profile.id)
                        .await?;
                    continue;
                }
            },
            None => None,
        };
        let command = Command::SetChargingProfile {
            profile: Box::new(profile.clone()),
            station_transaction_id: transaction.map(|t| t.ocpp_transaction_id),
        };
        match send_profile(app, station, &profile, command, timeout).await {
            Ok(Some(_)) => {}
            // Not connected any more: the rest waits for the next boot.
            Ok(None) => return Ok(()),
            // A CALLERROR, or a profile the station's version cannot express (put while it
            // was offline, before its version was known), is recorded as a rejection; go on
            // with the others.
            Err(ApiError::CallError(_) | ApiError::BadRequest(_)) => {}
            Err(error) => return Err(error),
        }
    }
    Ok(())
}

/// Send a SetChargingProfile for a kept profile and record the answer. `Ok(None)`: the
/// station is not connected (the profile stays pending).
async fn send_profile(
    app: &App,
    station: &StationId,
    profile: &ChargingProfile,
    command: Command,
    timeout: Duration,
) -> Result<Option<CommandReply>, ApiError> {
    let answer = |state, status: String, response: String| ProfileAnswer {
        state,
        status,
        response,
        at: chrono::Utc::now(),
    };
    match app.registry.send(station, command, timeout).await {
        Ok(reply) => {
            let state = ProfileState::from_answer(&reply.status);
            let recorded = answer(state, reply.status.clone(), reply.response.get().to_owned());
            app.store
                .record_profile_answer(station, profile, recorded)
                .await?;
            Ok(Some(reply))
        }
        Err(CommandError::NotConnected | CommandError::Forbidden(_)) => Ok(None),
        Err(CommandError::CallError(error)) => {
            // A station that cannot take the profile at all: do not send it again by itself.
            let response = serde_json::json!({
                "error_code": error.code,
                "description": error.description,
                "details": serde_json::from_str::<Value>(error.details.get()).unwrap_or(Value::Null),
            });
            let recorded = answer(
                ProfileState::Rejected,
                error.code.clone(),
                response.to_string(),
            );
            app.store
                .record_profile_answer(station, profile, recorded)
                .await?;
            Err(ApiError::CallError(error))
        }
        Err(CommandError::Timeout(after)) => Err(ApiError::Timeout(format!(
            "station {station} did not answer within {} s; profile {} is kept as pending and \
             sent again after its next boot",
            after.as_secs_f64(),
            profile.id
        ))),
        Err(CommandError::Invalid(reason)) => {
            let response = serde_json::json!({ "error": reason });
            let recorded = answer(
                ProfileState::Rejected,
                "NotExpressible".to_owned(),
                response.to_string(),
            );
            app.store
                .record_profile_answer(station, profile, recorded)
                .await?;
            Err(ApiError::BadRequest(reason))
        }
    }
}

/// The station's active transaction with this (system) id: 404 if unknown or another
/// station's, 409 if it has stopped.
async fn active_transaction(
    app: &App,
    station: &StationId,
    id: i64,
) -> Result<TransactionRecord, ApiError> {
    let transaction = app
        .store
        .transaction(id)
        .await?
        .filter(|t| &t.station_id == station)
        .ok_or_else(|| {
            ApiError::not_found(format!(
                "transaction {id} is not a transaction of station {station}"
            ))
        })?;
    if !transaction.is_active() {
        return Err(ApiError::Conflict(format!(
            "transaction {id} has stopped: a TxProfile needs an active transaction"
        )));
    }
    Ok(transaction)
}

/// The OCPP version the station speaks now, or spoke last.
async fn station_version(
    app: &App,
    station: &StationId,
) -> Result<Option<ocpp::Version>, ApiError> {
    if let Some(handle) = app.registry.get(station) {
        return Ok(Some(handle.protocol));
    }
    Ok(app
        .store
        .station(station)
        .await?
        .and_then(|s| s.protocol)
        .and_then(|p| ocpp::Version::from_subprotocol(&p)))
}
