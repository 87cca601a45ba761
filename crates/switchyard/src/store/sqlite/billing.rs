//! Transactions and meter values: the billing data.
//!
//! A replay changes nothing and gets the answer the original got (ARCHITECTURE.md, "Replays
//! are normal traffic"; OCPP-RULES.md §7.6). No reading is ever dropped: what cannot be filed
//! under a transaction is kept without one.

use rusqlite::{Connection, OptionalExtension, params};

use super::convert::millis;
use super::reads;
use super::reservations;
use super::samples::{self, PackedReading, PackedReadings};
use crate::domain::{
    MeterOutcome, MeterValue, NewTransaction, StartOutcome, StationId, StopOutcome,
    StopTransaction, Time, TransactionRef,
};
use crate::store::StoreError;

/// The connector of meter values that came with a stop of a transaction the system does not
/// know (a StopTransaction carries no connector).
const UNKNOWN_CONNECTOR: i64 = -1;

/// Store a start, or recognise a replay of one by its content.
pub(super) fn start(conn: &Connection, new: &NewTransaction) -> Result<StartOutcome, StoreError> {
    let station = new.station_id.as_str();
    let started_at = millis(new.started_at);
    let existing = conn
        .prepare_cached(
            "SELECT id, remote_start_id FROM transactions \
             WHERE station_id = ?1 AND connector_id = ?2 AND id_tag = ?3 AND started_at = ?4 \
               AND meter_start_wh = ?5 AND protocol = 'ocpp1.6'",
        )?
        .query_row(
            params![
                station,
                new.connector_id,
                new.id_tag,
                started_at,
                new.meter_start_wh
            ],
            |row| Ok((row.get::<_, i64>(0)?, row.get::<_, Option<i64>>(1)?)),
        )
        .optional()?;
    let (transaction_id, created, remote_start_id) = match existing {
        Some((id, remote_start_id)) => (id, false, remote_start_id),
        None => {
            conn.prepare_cached(
                "INSERT INTO transactions (ocpp_transaction_id, station_id, evse_id, \
                     connector_id, id_tag, started_at, start_received_at, meter_start_wh, \
                     reservation_id, remote_start_id) \
                 VALUES ('', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                station,
                new.evse_id,
                new.connector_id,
                new.id_tag,
                started_at,
                millis(new.received_at),
                new.meter_start_wh,
                new.reservation_id,
                new.remote_start_id,
            ])?;
            let id = conn.last_insert_rowid();
            // 1.6: the station's transactionId is the system's id.
            conn.prepare_cached("UPDATE transactions SET ocpp_transaction_id = ?2 WHERE id = ?1")?
                .execute(params![id, id.to_string()])?;
            (id, true, new.remote_start_id)
        }
    };
    if let Some(reservation_id) = new.reservation_id {
        reservations::consume(
            conn,
            &new.station_id,
            reservation_id,
            transaction_id,
            new.received_at,
        )?;
    }
    Ok(StartOutcome {
        transaction_id,
        created,
        remote_start_id,
        tag: reads::tag(conn, &new.id_tag)?,
    })
}

pub(super) fn stop(conn: &Connection, stop: &StopTransaction) -> Result<StopOutcome, StoreError> {
    let tag = match &stop.id_tag {
        Some(id_tag) => reads::tag(conn, id_tag)?,
        None => None,
    };
    // Only an exact id counts. Errata v4 §3.18's -1 (or any unknown id) is confirmed but not
    // matched by guesswork: a stop has no connector, and a guess could bill another session.
    let found = reads::transaction_by_ocpp_id(conn, &stop.station_id, &stop.ocpp_transaction_id)?;
    let Some(transaction) = found else {
        // Unknown: keep the stop and its readings, filed under no transaction.
        conn.prepare_cached(
            "INSERT INTO unmatched_stops (station_id, ocpp_transaction_id, id_tag, stopped_at, \
                 meter_stop_wh, reason, received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) \
             ON CONFLICT (station_id, ocpp_transaction_id, stopped_at, meter_stop_wh) DO NOTHING",
        )?
        .execute(params![
            stop.station_id.as_str(),
            stop.ocpp_transaction_id,
            stop.id_tag,
            millis(stop.stopped_at),
            stop.meter_stop_wh,
            stop.reason,
            millis(stop.received_at),
        ])?;
        insert_meter_values(
            conn,
            None,
            &stop.station_id,
            UNKNOWN_CONNECTOR,
            &stop.meter_values,
            stop.received_at,
        )?;
        return Ok(StopOutcome {
            transaction: None,
            already_stopped: false,
            tag,
        });
    };
    if !transaction.is_active() {
        return Ok(StopOutcome {
            transaction: Some(transaction),
            already_stopped: true,
            tag,
        });
    }
    conn.prepare_cached(
        "UPDATE transactions SET stopped_at = ?2, stop_received_at = ?3, meter_stop_wh = ?4, \
             stop_reason = ?5, stop_id_tag = ?6 \
         WHERE id = ?1 AND stopped_at IS NULL",
    )?
    .execute(params![
        transaction.id,
        millis(stop.stopped_at),
        millis(stop.received_at),
        stop.meter_stop_wh,
        stop.reason,
        stop.id_tag,
    ])?;
    insert_meter_values(
        conn,
        Some(transaction.id),
        &stop.station_id,
        i64::from(transaction.connector_id),
        &stop.meter_values,
        stop.received_at,
    )?;
    let updated = reads::transaction(conn, transaction.id)?.ok_or_else(|| {
        StoreError::Database(format!(
            "transaction {} vanished while stopping it",
            transaction.id
        ))
    })?;
    Ok(StopOutcome {
        transaction: Some(updated),
        already_stopped: false,
        tag,
    })
}

/// File a MeterValues (packed by the caller, see [`PackedReadings`]).
pub(super) fn meter(
    conn: &Connection,
    readings: &PackedReadings,
) -> Result<MeterOutcome, StoreError> {
    let station = &readings.station_id;
    // The metering point: the connector in 1.6 (where evse_id = connector_id), the EVSE in 2.x.
    let connector = i64::from(readings.evse_id);
    let mut inserted = 0;
    let transaction = match &readings.ocpp_transaction_id {
        // Named: file everything under it; unknown: under nothing.
        Some(ocpp_id) => {
            let transaction = transaction_ref_by_ocpp_id(conn, station, ocpp_id)?;
            let id = transaction.map(|t| t.id);
            for value in &readings.values {
                inserted +=
                    insert_reading(conn, id, station, connector, value, readings.received_at)?;
            }
            transaction
        }
        // Connector 0 is the main meter: never part of a transaction.
        None if readings.evse_id == 0 => {
            for value in &readings.values {
                inserted +=
                    insert_reading(conn, None, station, connector, value, readings.received_at)?;
            }
            None
        }
        // Not named: the transaction active on that connector (2.x: EVSE) at the reading's time.
        None => {
            let mut linked = None;
            for value in &readings.values {
                let active = active_at(conn, station, connector, value.timestamp)?;
                let id = active.map(|t| t.id);
                inserted +=
                    insert_reading(conn, id, station, connector, value, readings.received_at)?;
                if active.is_some() {
                    linked = active;
                }
            }
            linked
        }
    };
    Ok(MeterOutcome {
        transaction,
        inserted,
    })
}

/// The newest transaction the station numbered `ocpp_transaction_id`.
fn transaction_ref_by_ocpp_id(
    conn: &Connection,
    station: &StationId,
    ocpp_transaction_id: &str,
) -> rusqlite::Result<Option<TransactionRef>> {
    conn.prepare_cached(
        "SELECT id, remote_start_id FROM transactions \
         WHERE station_id = ?1 AND ocpp_transaction_id = ?2 ORDER BY id DESC LIMIT 1",
    )?
    .query_row(
        params![station.as_str(), ocpp_transaction_id],
        transaction_ref,
    )
    .optional()
}

/// The newest active transaction on a metering point (1.6 connector, 2.x EVSE) that started
/// at or before `at`.
fn active_at(
    conn: &Connection,
    station: &StationId,
    connector: i64,
    at: Time,
) -> rusqlite::Result<Option<TransactionRef>> {
    conn.prepare_cached(
        "SELECT id, remote_start_id FROM transactions \
         WHERE station_id = ?1 AND evse_id = ?2 AND stopped_at IS NULL \
           AND started_at <= ?3 \
         ORDER BY started_at DESC, id DESC LIMIT 1",
    )?
    .query_row(
        params![station.as_str(), connector, millis(at)],
        transaction_ref,
    )
    .optional()
}

fn transaction_ref(row: &rusqlite::Row<'_>) -> rusqlite::Result<TransactionRef> {
    Ok(TransactionRef {
        id: row.get(0)?,
        remote_start_id: row.get(1)?,
    })
}

/// Insert sampled values, skipping those already stored; returns how many were new.
fn insert_meter_values(
    conn: &Connection,
    transaction_id: Option<i64>,
    station: &StationId,
    connector: i64,
    values: &[MeterValue],
    received_at: Time,
) -> Result<usize, StoreError> {
    let mut inserted = 0;
    for value in values {
        if !value.sampled_value.is_empty() {
            let reading = PackedReading::new(value);
            inserted += insert_reading(
                conn,
                transaction_id,
                station,
                connector,
                &reading,
                received_at,
            )?;
        }
    }
    Ok(inserted)
}

/// Store one reading; returns how many of its samples were new. A replay stores nothing; a
/// reading that adds samples to one already stored is merged into it (see migration 0004).
pub(super) fn insert_reading(
    conn: &Connection,
    transaction_id: Option<i64>,
    station: &StationId,
    connector: i64,
    reading: &PackedReading,
    received_at: Time,
) -> Result<usize, StoreError> {
    if reading.count == 0 {
        return Ok(0);
    }
    let timestamp = millis(reading.timestamp);
    let inserted = conn
        .prepare_cached(
            "INSERT INTO meter_readings (transaction_id, station_id, connector_id, timestamp, \
                 received_at, samples) VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
             ON CONFLICT (timestamp, station_id, connector_id) DO NOTHING",
        )?
        .execute(params![
            transaction_id,
            station.as_str(),
            connector,
            timestamp,
            millis(received_at),
            reading.samples,
        ])?;
    if inserted == 1 {
        return Ok(reading.count);
    }
    // Already stored: usually a replay (nothing new), rarely more samples for the same time.
    let (id, stored): (i64, String) = conn
        .prepare_cached(
            "SELECT id, samples FROM meter_readings \
             WHERE timestamp = ?1 AND station_id = ?2 AND connector_id = ?3",
        )?
        .query_row(params![timestamp, station.as_str(), connector], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?;
    // A replay is the common case: the same text, nothing to unpack.
    if stored == reading.samples {
        return Ok(0);
    }
    let unreadable = |what: &str, e: serde_json::Error| {
        StoreError::Database(format!(
            "meter reading {id} has unreadable {what} samples: {e}"
        ))
    };
    let mut merged = samples::unpack(&stored).map_err(|e| unreadable("stored", e))?;
    let incoming = samples::unpack(&reading.samples).map_err(|e| unreadable("new", e))?;
    let known = merged.len();
    for sample in incoming {
        if !merged.iter().any(|m| samples::same_key(m, &sample)) {
            merged.push(sample);
        }
    }
    let added = merged.len() - known;
    if added > 0 {
        conn.prepare_cached(
            "UPDATE meter_readings SET samples = ?2, \
                 transaction_id = coalesce(transaction_id, ?3) WHERE id = ?1",
        )?
        .execute(params![id, samples::pack(&merged), transaction_id])?;
    }
    Ok(added)
}
