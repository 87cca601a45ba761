//! `charging_profiles`: the profiles each station should hold, with its last answer.

use rusqlite::types::Type;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::convert::{millis, opt_time_at, station_id_at, time_at};
use crate::domain::{ChargingProfile, KeptProfile, ProfileAnswer, ProfileState, StationId, Time};

const COLUMNS: &str =
    "station_id, profile, state, last_status, last_response, updated_at, answered_at";

/// A change to the kept profiles, applied by the writer thread.
#[derive(Debug)]
pub(crate) enum ProfileOp {
    Put(Box<KeptProfile>),
    Answer {
        station_id: StationId,
        sent: Box<ChargingProfile>,
        answer: ProfileAnswer,
    },
    Cleared {
        station_id: StationId,
        id: i32,
        at: Time,
    },
    Delete {
        station_id: StationId,
        id: i32,
    },
}

fn to_json(profile: &ChargingProfile) -> rusqlite::Result<String> {
    serde_json::to_string(profile).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

/// Whether the op changed a row (Put: false if the station is not registered).
pub(crate) fn apply(conn: &Connection, op: &ProfileOp) -> rusqlite::Result<bool> {
    let changed = match op {
        ProfileOp::Put(kept) => conn
            .prepare_cached(&format!(
                "INSERT INTO charging_profiles (profile_id, {COLUMNS}) \
                 SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 \
                 WHERE EXISTS (SELECT 1 FROM stations WHERE id = ?2) \
                 ON CONFLICT DO UPDATE SET profile = excluded.profile, state = excluded.state, \
                     last_status = excluded.last_status, \
                     last_response = excluded.last_response, \
                     updated_at = excluded.updated_at, answered_at = excluded.answered_at"
            ))?
            .execute(params![
                kept.profile.id,
                kept.station_id.as_str(),
                to_json(&kept.profile)?,
                kept.state.as_str(),
                kept.last_status,
                kept.last_response,
                millis(kept.updated_at),
                kept.answered_at.map(millis),
            ])?,
        // Only if the kept profile is still the one that was sent, and not deleted meanwhile.
        ProfileOp::Answer {
            station_id,
            sent,
            answer,
        } => conn
            .prepare_cached(
                "UPDATE charging_profiles SET state = ?4, last_status = ?5, \
                     last_response = ?6, answered_at = ?7 \
                 WHERE station_id = ?1 AND profile_id = ?2 AND profile = ?3 \
                     AND state <> 'cleared'",
            )?
            .execute(params![
                station_id.as_str(),
                sent.id,
                to_json(sent)?,
                answer.state.as_str(),
                answer.status,
                answer.response,
                millis(answer.at),
            ])?,
        ProfileOp::Cleared { station_id, id, at } => conn
            .prepare_cached(
                "UPDATE charging_profiles SET state = 'cleared', updated_at = ?3 \
                 WHERE station_id = ?1 AND profile_id = ?2",
            )?
            .execute(params![station_id.as_str(), id, millis(*at)])?,
        ProfileOp::Delete { station_id, id } => conn
            .prepare_cached(
                "DELETE FROM charging_profiles WHERE station_id = ?1 AND profile_id = ?2",
            )?
            .execute(params![station_id.as_str(), id])?,
    };
    Ok(changed > 0)
}

fn kept_row(row: &Row<'_>) -> rusqlite::Result<KeptProfile> {
    let json: String = row.get(1)?;
    let profile = serde_json::from_str(&json)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(1, Type::Text, Box::new(e)))?;
    let state: String = row.get(2)?;
    let state = ProfileState::parse(&state).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            2,
            Type::Text,
            format!("unknown profile state {state:?}").into(),
        )
    })?;
    Ok(KeptProfile {
        station_id: station_id_at(row, 0)?,
        profile,
        state,
        last_status: row.get(3)?,
        last_response: row.get(4)?,
        updated_at: time_at(row, 5)?,
        answered_at: opt_time_at(row, 6)?,
    })
}

/// A station's kept profiles, by id.
pub(crate) fn profiles(
    conn: &Connection,
    station_id: &StationId,
) -> rusqlite::Result<Vec<KeptProfile>> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM charging_profiles WHERE station_id = ?1 ORDER BY profile_id"
    ))?
    .query_map([station_id.as_str()], kept_row)?
    .collect()
}

pub(crate) fn profile(
    conn: &Connection,
    station_id: &StationId,
    id: i32,
) -> rusqlite::Result<Option<KeptProfile>> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM charging_profiles WHERE station_id = ?1 AND profile_id = ?2"
    ))?
    .query_row(params![station_id.as_str(), id], kept_row)
    .optional()
}
