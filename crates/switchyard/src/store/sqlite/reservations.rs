//! Reservations: created pending before the ReserveNow goes out, settled by the station's
//! answer, used by the transaction that names them, cancelled, expired.
//!
//! Expiry is decided on read: an `active` row past `expires_at` reads `expired` (the same
//! expression filters by status), so no sweeper has to run for the API to be right.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::convert::{millis, station_id_at, time_at, u32_at};
use crate::domain::{
    NewReservation, ReservationRecord, ReservationStatus, ReservationUpdate, StationId, Time,
};
use crate::store::{ReservationFilter, StoreError};

/// The status of a reservation whose ReserveNow has no answer yet; never shown.
const PENDING: &str = "pending";

/// Operator changes, applied by the writer.
#[derive(Debug)]
pub(crate) enum Change {
    Create(NewReservation),
    Settle {
        id: i64,
        status: ReservationStatus,
        at: Time,
    },
    Abandon(i64),
    Cancel {
        id: i64,
        at: Time,
    },
}

/// What a [`Change`] produced.
#[derive(Debug)]
pub(crate) enum Changed {
    Created(i64),
    Record(Option<ReservationRecord>),
    Abandoned(bool),
}

pub(super) fn apply(conn: &Connection, change: &Change) -> Result<Changed, StoreError> {
    Ok(match change {
        Change::Create(new) => Changed::Created(create(conn, new)?),
        Change::Settle { id, status, at } => {
            // Only a pending one: a transaction may have used it before the answer came.
            conn.prepare_cached(
                "UPDATE reservations SET status = ?2, updated_at = ?3 \
                 WHERE id = ?1 AND status = 'pending'",
            )?
            .execute(params![id, status.as_str(), millis(*at)])?;
            Changed::Record(reservation(conn, *id, *at)?)
        }
        Change::Abandon(id) => Changed::Abandoned(
            conn.prepare_cached("DELETE FROM reservations WHERE id = ?1 AND status = 'pending'")?
                .execute([id])?
                > 0,
        ),
        Change::Cancel { id, at } => {
            conn.prepare_cached(
                "UPDATE reservations SET status = 'cancelled', updated_at = ?2 \
                 WHERE id = ?1 AND status = 'active'",
            )?
            .execute(params![id, millis(*at)])?;
            Changed::Record(reservation(conn, *id, *at)?)
        }
    })
}

fn create(conn: &Connection, new: &NewReservation) -> Result<i64, StoreError> {
    let inserted = conn
        .prepare_cached(
            "INSERT INTO reservations (station_id, evse_id, connector_id, id_tag, parent_id_tag, \
                 id_token_type, connector_type, expires_at, status, created_at, updated_at) \
             SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10 FROM stations WHERE id = ?1",
        )?
        .execute(params![
            new.station_id.as_str(),
            new.target.evse_id,
            new.target.connector_id,
            new.id_tag,
            new.parent_id_tag,
            new.id_token_type,
            new.connector_type,
            millis(new.expires_at),
            PENDING,
            millis(new.created_at),
        ])?;
    if inserted == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(conn.last_insert_rowid())
}

/// The station reported that it expired or removed a reservation (2.0.1 H04). A used one
/// stays used; another station's id changes nothing.
pub(super) fn station_update(
    conn: &Connection,
    update: &ReservationUpdate,
) -> rusqlite::Result<bool> {
    Ok(conn
        .prepare_cached(
            "UPDATE reservations SET status = ?3, updated_at = ?4 \
             WHERE id = ?1 AND station_id = ?2 AND status IN ('active', 'pending')",
        )?
        .execute(params![
            update.reservation_id,
            update.station_id.as_str(),
            update.status.as_str(),
            millis(update.received_at),
        ])?
        > 0)
}

/// A transaction started with `reservation_id` (1.6 StartTransaction.reservationId, 2.0.1
/// TransactionEvent.reservationId): the reservation is used. Called in the same commit as the
/// transaction's start, so a replayed start finds it used already and changes nothing. The
/// station decides whether a reservation still holds: one past its expiry (the start may have
/// been queued offline) is used all the same.
pub(super) fn consume(
    conn: &Connection,
    station_id: &StationId,
    reservation_id: i64,
    transaction_id: i64,
    at: Time,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE reservations SET status = 'used', transaction_id = ?3, updated_at = ?4 \
         WHERE id = ?1 AND station_id = ?2 AND status IN ('active', 'pending')",
    )?
    .execute(params![
        reservation_id,
        station_id.as_str(),
        transaction_id,
        millis(at)
    ])?;
    Ok(())
}

macro_rules! reservation_columns {
    () => {
        "id, station_id, evse_id, connector_id, id_tag, parent_id_tag, expires_at, status, \
         transaction_id, created_at, updated_at, id_token_type, connector_type"
    };
}

pub(super) fn reservation(
    conn: &Connection,
    id: i64,
    now: Time,
) -> rusqlite::Result<Option<ReservationRecord>> {
    let record = conn
        .prepare_cached(concat!(
            "SELECT ",
            reservation_columns!(),
            " FROM reservations WHERE id = ?1 AND status <> 'pending'"
        ))?
        .query_row([id], row)
        .optional()?;
    Ok(record.map(|r| r.as_of(now)))
}

pub(super) fn reservations(
    conn: &Connection,
    filter: &ReservationFilter,
) -> rusqlite::Result<Vec<ReservationRecord>> {
    let now = millis(filter.now);
    // The status as it reads at `now`, as `ReservationRecord::as_of` has it.
    let mut statement = conn.prepare_cached(concat!(
        "SELECT ",
        reservation_columns!(),
        " FROM reservations WHERE status <> 'pending' \
           AND (?1 IS NULL OR station_id = ?1) \
           AND (?2 IS NULL OR \
                CASE WHEN status = 'active' AND expires_at <= ?3 THEN 'expired' ELSE status END \
                = ?2) \
         ORDER BY id DESC"
    ))?;
    let rows = statement.query_map(
        params![
            filter.station_id.as_ref().map(StationId::as_str),
            filter.status.map(ReservationStatus::as_str),
            now,
        ],
        row,
    )?;
    rows.map(|r| r.map(|record| record.as_of(filter.now)))
        .collect()
}

fn row(row: &Row<'_>) -> rusqlite::Result<ReservationRecord> {
    let status: String = row.get(7)?;
    let status = ReservationStatus::parse(&status).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            7,
            rusqlite::types::Type::Text,
            format!("unknown reservation status {status:?}").into(),
        )
    })?;
    Ok(ReservationRecord {
        id: row.get(0)?,
        station_id: station_id_at(row, 1)?,
        evse_id: row
            .get::<_, Option<i64>>(2)?
            .map(|_| u32_at(row, 2))
            .transpose()?,
        connector_id: u32_at(row, 3)?,
        id_tag: row.get(4)?,
        parent_id_tag: row.get(5)?,
        expires_at: time_at(row, 6)?,
        status,
        transaction_id: row.get(8)?,
        created_at: time_at(row, 9)?,
        updated_at: time_at(row, 10)?,
        id_token_type: row.get(11)?,
        connector_type: row.get(12)?,
    })
}
