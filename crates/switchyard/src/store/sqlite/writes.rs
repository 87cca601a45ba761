//! Applying one operation inside the writer's transaction:
//! station reports and operator changes. Transactions and meter values are in
//! `billing.rs`.

use rusqlite::{Connection, OptionalExtension, params};

use super::billing;
use super::charging_profiles;
use super::convert::{boot_policy_str, millis, opt_millis};
use super::operator_state::{self, OperatorDone, OperatorWrite};
use super::reads;
use super::reservations;
use super::samples::PackedReadings;
use super::transaction_events;
use super::variables;
use crate::domain::{BootReport, StationId, StationPatch, StationRecord, StatusReport, TagRecord};
use crate::store::{StoreError, Write, Written};

/// Everything the writer thread applies.
#[derive(Debug)]
pub(crate) enum Op {
    Session(Write),
    /// A `Write::Meter`, packed before it reaches the writer.
    Meter(PackedReadings),
    PutStation(StationId, StationPatch),
    DeleteStation(StationId),
    PutTag(TagRecord),
    DeleteTag(String),
    Operator(OperatorWrite),
    Reservation(reservations::Change),
    Profile(charging_profiles::ProfileOp),
    Firmware(super::firmware::FirmwareOp),
}

/// What an [`Op`] produced, variant for variant.
#[derive(Debug)]
pub(crate) enum Done {
    Written(Written),
    Station(StationRecord),
    Deleted(bool),
    Tag(TagRecord),
    Operator(OperatorDone),
    Reservation(reservations::Changed),
    /// Whether a charging-profile op changed a row.
    Profile(bool),
    Firmware(super::firmware::FirmwareDone),
}

pub(crate) fn apply(conn: &Connection, op: &Op) -> Result<Done, StoreError> {
    Ok(match op {
        Op::Session(write) => Done::Written(apply_write(conn, write)?),
        Op::Meter(readings) => Done::Written(Written::Meter(billing::meter(conn, readings)?)),
        Op::PutStation(id, patch) => Done::Station(put_station(conn, id, patch)?),
        Op::DeleteStation(id) => Done::Deleted(delete_station(conn, id)?),
        Op::Profile(op) => Done::Profile(charging_profiles::apply(conn, op)?),
        Op::PutTag(tag) => Done::Tag(put_tag(conn, tag)?),
        Op::DeleteTag(id_tag) => Done::Deleted(
            conn.prepare_cached("DELETE FROM id_tags WHERE id_tag = ?1")?
                .execute([id_tag])?
                > 0,
        ),
        Op::Operator(write) => Done::Operator(operator_state::apply(conn, write)?),
        Op::Reservation(change) => Done::Reservation(reservations::apply(conn, change)?),
        Op::Firmware(op) => Done::Firmware(super::firmware::apply(conn, op)?),
    })
}

fn apply_write(conn: &Connection, write: &Write) -> Result<Written, StoreError> {
    Ok(match write {
        Write::Boot(boot) => {
            self::boot(conn, boot)?;
            Written::Boot
        }
        Write::Status(status) => {
            self::status(conn, status)?;
            Written::Status
        }
        Write::Start(new) => Written::Start(billing::start(conn, new)?),
        Write::Stop(stop) => Written::Stop(billing::stop(conn, stop)?),
        Write::TransactionEvent(event) => {
            Written::TransactionEvent(transaction_events::transaction_event(conn, event)?)
        }
        Write::Meter(readings) => {
            Written::Meter(billing::meter(conn, &PackedReadings::new(readings))?)
        }
        Write::Variables(report) => Written::Variables(variables::report(conn, report)?),
        Write::Seen {
            station_id,
            protocol,
            at,
        } => {
            conn.prepare_cached(
                "UPDATE stations SET last_seen = ?2, protocol = COALESCE(?3, protocol) \
                 WHERE id = ?1",
            )?
            .execute(params![station_id.as_str(), millis(*at), protocol])?;
            Written::Seen
        }
        Write::Password {
            station_id,
            password_hash,
        } => Written::Password(
            conn.prepare_cached("UPDATE stations SET password_hash = ?2 WHERE id = ?1")?
                .execute(params![station_id.as_str(), password_hash])?
                > 0,
        ),
        Write::ReservationStatus(update) => {
            Written::ReservationStatus(reservations::station_update(conn, update)?)
        }
        Write::FirmwareStatus(report) => {
            super::firmware::firmware_status(conn, report)?;
            Written::FirmwareStatus
        }
        Write::DiagnosticsStatus(report) => {
            Written::DiagnosticsStatus(super::firmware::diagnostics_status(conn, report)?)
        }
    })
}

fn boot(conn: &Connection, boot: &BootReport) -> rusqlite::Result<()> {
    // An unregistered station: nothing to update (the gateway only lets registered ones in).
    conn.prepare_cached(
        "UPDATE stations SET protocol = ?2, boot_status = ?3, vendor = ?4, model = ?5, \
         serial_number = ?6, firmware_version = ?7, last_seen = ?8 WHERE id = ?1",
    )?
    .execute(params![
        boot.station_id.as_str(),
        boot.protocol,
        boot.status.as_str(),
        boot.vendor,
        boot.model,
        boot.serial_number,
        boot.firmware_version,
        millis(boot.received_at),
    ])?;
    Ok(())
}

fn status(conn: &Connection, status: &StatusReport) -> rusqlite::Result<()> {
    if !station_exists(conn, &status.station_id)? {
        return Ok(());
    }
    let c = &status.connector;
    conn.prepare_cached(
        "INSERT INTO connectors (station_id, evse_id, connector_id, status, error_code, info, \
             vendor_error_code, station_time, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) \
         ON CONFLICT (station_id, evse_id, connector_id) DO UPDATE SET \
             status = excluded.status, \
             error_code = excluded.error_code, info = excluded.info, \
             vendor_error_code = excluded.vendor_error_code, \
             station_time = excluded.station_time, updated_at = excluded.updated_at",
    )?
    .execute(params![
        status.station_id.as_str(),
        c.evse_id,
        c.connector_id,
        c.status,
        c.error_code,
        c.info,
        c.vendor_error_code,
        opt_millis(c.station_time),
        millis(c.updated_at),
    ])?;
    Ok(())
}

fn station_exists(conn: &Connection, id: &StationId) -> rusqlite::Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM stations WHERE id = ?1")?
        .query_row([id.as_str()], |_| Ok(()))
        .optional()?
        .is_some())
}

fn put_station(
    conn: &Connection,
    id: &StationId,
    patch: &StationPatch,
) -> Result<StationRecord, StoreError> {
    conn.prepare_cached(
        "INSERT INTO stations (id, boot_policy) VALUES (?1, ?2) ON CONFLICT (id) DO NOTHING",
    )?
    .execute(params![id.as_str(), boot_policy_str(Default::default())])?;
    // For each field: ?n says whether to set it, ?n+1 is the new value (NULL clears).
    conn.prepare_cached(
        "UPDATE stations SET \
             password_hash = CASE WHEN ?2 THEN ?3 ELSE password_hash END, \
             site_id = CASE WHEN ?4 THEN ?5 ELSE site_id END, \
             description = CASE WHEN ?6 THEN ?7 ELSE description END, \
             boot_policy = COALESCE(?8, boot_policy), \
             security_profile = CASE WHEN ?9 THEN ?10 ELSE security_profile END \
         WHERE id = ?1",
    )?
    .execute(params![
        id.as_str(),
        patch.password_hash.is_some(),
        patch.password_hash.clone().flatten(),
        patch.site_id.is_some(),
        patch.site_id.clone().flatten(),
        patch.description.is_some(),
        patch.description.clone().flatten(),
        patch.boot_policy.map(boot_policy_str),
        patch.security_profile.is_some(),
        patch.security_profile.flatten().map(|p| p.number()),
    ])?;
    reads::station(conn, id)?
        .ok_or_else(|| StoreError::Database(format!("station {id} vanished while writing it")))
}

fn delete_station(conn: &Connection, id: &StationId) -> rusqlite::Result<bool> {
    // Transactions and meter values are billing data: they stay.
    conn.prepare_cached("DELETE FROM connectors WHERE station_id = ?1")?
        .execute([id.as_str()])?;
    Ok(conn
        .prepare_cached("DELETE FROM stations WHERE id = ?1")?
        .execute([id.as_str()])?
        > 0)
}

fn put_tag(conn: &Connection, tag: &TagRecord) -> rusqlite::Result<TagRecord> {
    conn.prepare_cached(
        "INSERT INTO id_tags (id_tag, status, expiry_date, parent_id_tag) \
         VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT (id_tag) DO UPDATE SET status = excluded.status, \
             expiry_date = excluded.expiry_date, parent_id_tag = excluded.parent_id_tag",
    )?
    .execute(params![
        tag.id_tag,
        tag.status.as_str(),
        opt_millis(tag.expiry_date),
        tag.parent_id_tag,
    ])?;
    Ok(tag.clone())
}
