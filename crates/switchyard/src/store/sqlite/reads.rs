//! Queries and row mapping, shared by the reader pool and the writer (which reads records
//! back inside its transaction to answer a write).

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::convert::{
    boot_policy_at, boot_status_at, opt_time_at, security_profile_at, station_id_at, tag_status_at,
    time_at, u32_at,
};
use super::samples;
use crate::domain::{
    BillingFlag, ConnectorRecord, MeterValue, StationId, StationRecord, StopTransaction, TagRecord,
    TransactionRecord,
};
use crate::store::TransactionFilter;

macro_rules! transaction_columns {
    () => {
        "id, ocpp_transaction_id, station_id, evse_id, connector_id, id_tag, started_at, \
         stopped_at, meter_start_wh, meter_stop_wh, stop_reason, remote_start_id, \
         start_received_at, stop_received_at, flag"
    };
}

pub(crate) fn transaction_row(row: &Row<'_>) -> rusqlite::Result<TransactionRecord> {
    Ok(TransactionRecord {
        id: row.get(0)?,
        ocpp_transaction_id: row.get(1)?,
        station_id: station_id_at(row, 2)?,
        evse_id: u32_at(row, 3)?,
        connector_id: u32_at(row, 4)?,
        id_tag: row.get(5)?,
        started_at: time_at(row, 6)?,
        stopped_at: opt_time_at(row, 7)?,
        meter_start_wh: row.get(8)?,
        meter_stop_wh: row.get(9)?,
        stop_reason: row.get(10)?,
        remote_start_id: row.get(11)?,
        start_received_at: time_at(row, 12)?,
        stop_received_at: opt_time_at(row, 13)?,
        flag: row
            .get::<_, Option<String>>(14)?
            .as_deref()
            .and_then(BillingFlag::parse),
    })
}

pub(crate) fn transaction(
    conn: &Connection,
    id: i64,
) -> rusqlite::Result<Option<TransactionRecord>> {
    conn.prepare_cached(concat!(
        "SELECT ",
        transaction_columns!(),
        " FROM transactions WHERE id = ?1"
    ))?
    .query_row([id], transaction_row)
    .optional()
}

/// The transaction a station calls `ocpp_transaction_id` (the newest, should a station ever
/// reuse an id).
pub(crate) fn transaction_by_ocpp_id(
    conn: &Connection,
    station_id: &StationId,
    ocpp_transaction_id: &str,
) -> rusqlite::Result<Option<TransactionRecord>> {
    conn.prepare_cached(concat!(
        "SELECT ",
        transaction_columns!(),
        " FROM transactions WHERE station_id = ?1 AND ocpp_transaction_id = ?2 \
          ORDER BY id DESC LIMIT 1"
    ))?
    .query_row(
        params![station_id.as_str(), ocpp_transaction_id],
        transaction_row,
    )
    .optional()
}

pub(crate) fn transactions(
    conn: &Connection,
    filter: &TransactionFilter,
) -> rusqlite::Result<Vec<TransactionRecord>> {
    // One fixed statement per filter shape, so each can use its index.
    let sql = match (filter.station_id.is_some(), filter.active) {
        (false, None) => concat!(
            "SELECT ",
            transaction_columns!(),
            " FROM transactions \
             ORDER BY started_at DESC, id DESC LIMIT ?2"
        ),
        (false, Some(true)) => concat!(
            "SELECT ",
            transaction_columns!(),
            " FROM transactions WHERE stopped_at IS NULL \
             ORDER BY started_at DESC, id DESC LIMIT ?2"
        ),
        (false, Some(false)) => concat!(
            "SELECT ",
            transaction_columns!(),
            " FROM transactions WHERE stopped_at IS NOT NULL \
             ORDER BY started_at DESC, id DESC LIMIT ?2"
        ),
        (true, None) => concat!(
            "SELECT ",
            transaction_columns!(),
            " FROM transactions WHERE station_id = ?1 \
             ORDER BY started_at DESC, id DESC LIMIT ?2"
        ),
        (true, Some(true)) => concat!(
            "SELECT ",
            transaction_columns!(),
            " FROM transactions \
             WHERE station_id = ?1 AND stopped_at IS NULL \
             ORDER BY started_at DESC, id DESC LIMIT ?2"
        ),
        (true, Some(false)) => concat!(
            "SELECT ",
            transaction_columns!(),
            " FROM transactions \
             WHERE station_id = ?1 AND stopped_at IS NOT NULL \
             ORDER BY started_at DESC, id DESC LIMIT ?2"
        ),
    };
    // SQLite: a negative LIMIT means no limit.
    let limit = filter
        .limit
        .map_or(-1, |limit| i64::try_from(limit).unwrap_or(i64::MAX));
    let station = filter.station_id.as_ref().map(StationId::as_str);
    let mut stmt = conn.prepare_cached(sql)?;
    // Unused parameters must still be bound: ?1 is NULL when there is no station filter.
    let rows = stmt.query_map(params![station, limit], transaction_row)?;
    rows.collect()
}

/// Every reading of a transaction, oldest first, samples in the order they were stored.
pub(crate) fn meter_values(
    conn: &Connection,
    transaction_id: i64,
) -> rusqlite::Result<Vec<MeterValue>> {
    let mut stmt = conn.prepare_cached(
        "SELECT timestamp, samples FROM meter_readings WHERE transaction_id = ?1 \
         ORDER BY timestamp, id",
    )?;
    let mut rows = stmt.query([transaction_id])?;
    let mut values = Vec::new();
    while let Some(row) = rows.next()? {
        let json: String = row.get(1)?;
        let sampled_value = samples::unpack(&json).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, e.into())
        })?;
        values.push(MeterValue {
            timestamp: time_at(row, 0)?,
            sampled_value,
        });
    }
    Ok(values)
}

macro_rules! station_columns {
    () => {
        "id, password_hash, site_id, description, boot_policy, protocol, boot_status, vendor, \
         model, serial_number, firmware_version, last_seen, security_profile"
    };
}

fn station_row(row: &Row<'_>) -> rusqlite::Result<StationRecord> {
    Ok(StationRecord {
        id: station_id_at(row, 0)?,
        password_hash: row.get(1)?,
        site_id: row.get(2)?,
        description: row.get(3)?,
        boot_policy: boot_policy_at(row, 4)?,
        protocol: row.get(5)?,
        boot_status: boot_status_at(row, 6)?,
        vendor: row.get(7)?,
        model: row.get(8)?,
        serial_number: row.get(9)?,
        firmware_version: row.get(10)?,
        last_seen: opt_time_at(row, 11)?,
        connectors: Vec::new(),
        security_profile: security_profile_at(row, 12)?,
    })
}

macro_rules! connector_columns {
    () => {
        "evse_id, connector_id, status, error_code, info, vendor_error_code, station_time, \
         updated_at"
    };
}

fn connector_row(row: &Row<'_>) -> rusqlite::Result<ConnectorRecord> {
    Ok(ConnectorRecord {
        evse_id: u32_at(row, 0)?,
        connector_id: u32_at(row, 1)?,
        status: row.get(2)?,
        error_code: row.get(3)?,
        info: row.get(4)?,
        vendor_error_code: row.get(5)?,
        station_time: opt_time_at(row, 6)?,
        updated_at: time_at(row, 7)?,
    })
}

/// A station with its connectors. Call inside a transaction for a consistent snapshot.
pub(crate) fn station(
    conn: &Connection,
    id: &StationId,
) -> rusqlite::Result<Option<StationRecord>> {
    let station = conn
        .prepare_cached(concat!(
            "SELECT ",
            station_columns!(),
            " FROM stations WHERE id = ?1"
        ))?
        .query_row([id.as_str()], station_row)
        .optional()?;
    let Some(mut station) = station else {
        return Ok(None);
    };
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT ",
        connector_columns!(),
        " FROM connectors WHERE station_id = ?1 ORDER BY evse_id, connector_id"
    ))?;
    station.connectors = stmt
        .query_map([id.as_str()], connector_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(station))
}

/// Every station (by id) with its connectors. Call inside a transaction for a consistent
/// snapshot.
pub(crate) fn stations(conn: &Connection) -> rusqlite::Result<Vec<StationRecord>> {
    let mut stations: Vec<StationRecord> = conn
        .prepare_cached(concat!(
            "SELECT ",
            station_columns!(),
            " FROM stations ORDER BY id"
        ))?
        .query_map([], station_row)?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(concat!(
        "SELECT station_id, ",
        connector_columns!(),
        " FROM connectors ORDER BY station_id, evse_id, connector_id"
    ))?;
    let mut rows = stmt.query([])?;
    // Both lists are sorted by station id (the same BINARY collation): merge them.
    let mut index = 0;
    while let Some(row) = rows.next()? {
        let station_id: String = row.get(0)?;
        while index < stations.len() && stations[index].id.as_str() < station_id.as_str() {
            index += 1;
        }
        if let Some(station) = stations.get_mut(index)
            && station.id.as_str() == station_id
        {
            station.connectors.push(ConnectorRecord {
                evse_id: u32_at(row, 1)?,
                connector_id: u32_at(row, 2)?,
                status: row.get(3)?,
                error_code: row.get(4)?,
                info: row.get(5)?,
                vendor_error_code: row.get(6)?,
                station_time: opt_time_at(row, 7)?,
                updated_at: time_at(row, 8)?,
            });
        }
    }
    Ok(stations)
}

fn tag_row(row: &Row<'_>) -> rusqlite::Result<TagRecord> {
    Ok(TagRecord {
        id_tag: row.get(0)?,
        status: tag_status_at(row, 1)?,
        expiry_date: opt_time_at(row, 2)?,
        parent_id_tag: row.get(3)?,
    })
}

pub(crate) fn tag(conn: &Connection, id_tag: &str) -> rusqlite::Result<Option<TagRecord>> {
    conn.prepare_cached(
        "SELECT id_tag, status, expiry_date, parent_id_tag FROM id_tags WHERE id_tag = ?1",
    )?
    .query_row([id_tag], tag_row)
    .optional()
}

pub(crate) fn tags(conn: &Connection) -> rusqlite::Result<Vec<TagRecord>> {
    conn.prepare_cached(
        "SELECT id_tag, status, expiry_date, parent_id_tag FROM id_tags ORDER BY id_tag",
    )?
    .query_map([], tag_row)?
    .collect()
}

pub(crate) fn unmatched_stops(
    conn: &Connection,
    station_id: &StationId,
) -> rusqlite::Result<Vec<StopTransaction>> {
    let mut stmt = conn.prepare_cached(
        "SELECT station_id, ocpp_transaction_id, id_tag, stopped_at, meter_stop_wh, reason, \
                received_at \
         FROM unmatched_stops WHERE station_id = ?1 ORDER BY id",
    )?;
    stmt.query_map([station_id.as_str()], |row| {
        Ok(StopTransaction {
            station_id: station_id_at(row, 0)?,
            ocpp_transaction_id: row.get(1)?,
            id_tag: row.get(2)?,
            stopped_at: time_at(row, 3)?,
            meter_stop_wh: row.get(4)?,
            reason: row.get(5)?,
            meter_values: Vec::new(),
            received_at: time_at(row, 6)?,
        })
    })?
    .collect()
}
