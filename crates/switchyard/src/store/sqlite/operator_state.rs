//! What the system keeps to run stations on the operator's behalf: the desired configuration
//! (`desired_configuration`) and each station's acknowledged local list (`local_lists`,
//! `local_list_entries`). Migration 8.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::convert::{millis, opt_millis, opt_time_at, time_at};
use crate::domain::local_list::{ListUpdate, LocalListState};
use crate::domain::{DesiredValue, StationId, Time};

/// Operator writes that go through the writer thread.
#[derive(Debug)]
pub(crate) enum OperatorWrite {
    PutDesired {
        station_id: StationId,
        key: String,
        value: String,
        at: Time,
    },
    DeleteDesired {
        station_id: StationId,
        key: String,
    },
    DesiredResult {
        station_id: StationId,
        key: String,
        value: String,
        result: String,
        at: Time,
    },
    LocalList {
        station_id: StationId,
        result: String,
        accepted: Option<ListUpdate>,
        at: Time,
    },
}

/// What an [`OperatorWrite`] produced.
#[derive(Debug)]
pub(crate) enum OperatorDone {
    Desired(DesiredValue),
    Deleted(bool),
    Recorded,
}

const DESIRED_COLUMNS: &str = "key, value, last_result, applied_at, updated_at";

fn desired_row(row: &Row<'_>) -> rusqlite::Result<DesiredValue> {
    Ok(DesiredValue {
        key: row.get(0)?,
        value: row.get(1)?,
        last_result: row.get(2)?,
        applied_at: opt_time_at(row, 3)?,
        updated_at: time_at(row, 4)?,
    })
}

pub(crate) fn desired(
    conn: &Connection,
    station: &StationId,
) -> rusqlite::Result<Vec<DesiredValue>> {
    conn.prepare_cached(&format!(
        "SELECT {DESIRED_COLUMNS} FROM desired_configuration WHERE station_id = ?1 ORDER BY key"
    ))?
    .query_map([station.as_str()], desired_row)?
    .collect()
}

pub(crate) fn local_list(
    conn: &Connection,
    station: &StationId,
) -> rusqlite::Result<LocalListState> {
    let head = conn
        .prepare_cached(
            "SELECT version, last_result, updated_at FROM local_lists WHERE station_id = ?1",
        )?
        .query_row([station.as_str()], |row| {
            Ok((row.get::<_, i32>(0)?, row.get(1)?, time_at(row, 2)?))
        })
        .optional()?;
    let Some((version, last_result, updated_at)) = head else {
        return Ok(LocalListState::default());
    };
    let entries = conn
        .prepare_cached("SELECT id_tag, fingerprint FROM local_list_entries WHERE station_id = ?1")?
        .query_map([station.as_str()], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(LocalListState {
        version,
        last_result,
        updated_at: Some(updated_at),
        entries,
    })
}

pub(crate) fn apply(conn: &Connection, write: &OperatorWrite) -> rusqlite::Result<OperatorDone> {
    Ok(match write {
        OperatorWrite::PutDesired {
            station_id,
            key,
            value,
            at,
        } => {
            // A new value has not been tried yet; the same value keeps its result.
            conn.prepare_cached(
                "INSERT INTO desired_configuration (station_id, key, value, updated_at) \
                 VALUES (?1, ?2, ?3, ?4) \
                 ON CONFLICT DO UPDATE SET \
                     last_result = CASE WHEN value = excluded.value THEN last_result END, \
                     applied_at = CASE WHEN value = excluded.value THEN applied_at END, \
                     value = excluded.value, updated_at = excluded.updated_at",
            )?
            .execute(params![station_id.as_str(), key, value, millis(*at)])?;
            let stored = conn
                .prepare_cached(&format!(
                    "SELECT {DESIRED_COLUMNS} FROM desired_configuration \
                     WHERE station_id = ?1 AND key = ?2"
                ))?
                .query_row(params![station_id.as_str(), key], desired_row)?;
            OperatorDone::Desired(stored)
        }
        OperatorWrite::DeleteDesired { station_id, key } => OperatorDone::Deleted(
            conn.prepare_cached(
                "DELETE FROM desired_configuration WHERE station_id = ?1 AND key = ?2",
            )?
            .execute(params![station_id.as_str(), key])?
                > 0,
        ),
        OperatorWrite::DesiredResult {
            station_id,
            key,
            value,
            result,
            at,
        } => {
            conn.prepare_cached(
                "UPDATE desired_configuration SET last_result = ?4, applied_at = ?5 \
                 WHERE station_id = ?1 AND key = ?2 AND value = ?3",
            )?
            .execute(params![
                station_id.as_str(),
                key,
                value,
                result,
                opt_millis(Some(*at))
            ])?;
            OperatorDone::Recorded
        }
        OperatorWrite::LocalList {
            station_id,
            result,
            accepted,
            at,
        } => {
            record_local_list(conn, station_id, result, accepted.as_ref(), *at)?;
            OperatorDone::Recorded
        }
    })
}

fn record_local_list(
    conn: &Connection,
    station: &StationId,
    result: &str,
    accepted: Option<&ListUpdate>,
    at: Time,
) -> rusqlite::Result<()> {
    let station = station.as_str();
    let exists = conn
        .prepare_cached("SELECT 1 FROM stations WHERE id = ?1")?
        .query_row([station], |_| Ok(()))
        .optional()?
        .is_some();
    if !exists {
        return Ok(());
    }
    // Without an accepted update the version stays what the station last accepted.
    conn.prepare_cached(
        "INSERT INTO local_lists (station_id, version, last_result, updated_at) \
         VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT DO UPDATE SET version = COALESCE(?5, version), \
             last_result = excluded.last_result, updated_at = excluded.updated_at",
    )?
    .execute(params![
        station,
        accepted.map_or(0, |u| u.version),
        result,
        millis(at),
        accepted.map(|u| u.version),
    ])?;
    let Some(update) = accepted else {
        return Ok(());
    };
    if update.full {
        conn.prepare_cached("DELETE FROM local_list_entries WHERE station_id = ?1")?
            .execute([station])?;
    }
    for entry in &update.entries {
        match entry.fingerprint() {
            Some(fingerprint) => conn
                .prepare_cached(
                    "INSERT INTO local_list_entries (station_id, id_tag, fingerprint) \
                     VALUES (?1, ?2, ?3) \
                     ON CONFLICT DO UPDATE SET fingerprint = excluded.fingerprint",
                )?
                .execute(params![station, entry.id_tag, fingerprint])?,
            None => conn
                .prepare_cached(
                    "DELETE FROM local_list_entries WHERE station_id = ?1 AND id_tag = ?2",
                )?
                .execute(params![station, entry.id_tag])?,
        };
    }
    Ok(())
}
