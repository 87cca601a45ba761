//! 2.x transactions: one TransactionEvent at a time, in whatever order they arrive.
//!
//! A transaction is found by the station's transactionId; an event by (station, transactionId,
//! seqNo), so a replayed event changes nothing and gets the same kind of answer (OCPP 2.0.1
//! Part 2 E01, E07; OCPP-RULES.md §7.6). Events queued offline may arrive late or out of order:
//! every field is merged so that the result does not depend on the order — the start is the
//! `Started` event's time (or the earliest seen until it arrives), the meter start the earliest
//! energy register reading, the meter stop the latest.

use rusqlite::{Connection, OptionalExtension, params};

use super::billing::insert_reading;
use super::convert::millis;
use super::reads;
use super::reservations;
use super::samples::PackedReading;
use crate::domain::{
    BillingFlag, MAX_REPORTED_GAPS, MeterValue, SampleValue, TransactionEvent,
    TransactionEventKind, TransactionEventOutcome, TransactionRecord,
};
use crate::store::StoreError;

/// Faster than any charger delivers (1 MW): an energy rise that implies more than this after a
/// zero baseline is a meter's lifetime register, not this session's energy.
const MAX_PLAUSIBLE_POWER_W: f64 = 1_000_000.0;

const DEFAULT_STOPPED_REASON: &str = "Local";

pub(super) fn transaction_event(
    conn: &Connection,
    event: &TransactionEvent,
) -> Result<TransactionEventOutcome, StoreError> {
    let station = event.station_id.as_str();
    let (id, created) = match find(conn, event)? {
        Some(id) => (id, false),
        None => (create(conn, event)?, true),
    };
    let inserted = conn
        .prepare_cached(
            "INSERT INTO transaction_events (station_id, ocpp_transaction_id, seq_no, \
                 transaction_id, event_type, trigger_reason, timestamp, offline, received_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) \
             ON CONFLICT (station_id, ocpp_transaction_id, seq_no) DO NOTHING",
        )?
        .execute(params![
            station,
            event.ocpp_transaction_id,
            event.seq_no,
            id,
            event.kind.as_str(),
            event.trigger_reason,
            millis(event.timestamp),
            event.offline,
            millis(event.received_at),
        ])?;
    let tag = match &event.id_tag {
        Some(id_tag) => reads::tag(conn, id_tag)?,
        None => None,
    };
    if inserted == 0 {
        return Ok(TransactionEventOutcome {
            transaction: record(conn, id)?,
            replay: true,
            created: false,
            ended: false,
            inserted: 0,
            missing_seq_nos: Vec::new(),
            tag,
        });
    }
    if let Some(reservation_id) = event.reservation_id {
        reservations::consume(
            conn,
            &event.station_id,
            reservation_id,
            id,
            event.received_at,
        )?;
    }
    let was_active: bool = conn
        .prepare_cached("SELECT stopped_at IS NULL FROM transactions WHERE id = ?1")?
        .query_row([id], |row| row.get(0))?;
    merge(conn, id, event)?;
    let mut samples = 0;
    // 2.x meters per EVSE: the EVSE is the reading's metering point.
    let point = i64::from(event.evse_id.unwrap_or(0));
    for value in &event.meter_values {
        if value.sampled_value.is_empty() {
            continue;
        }
        let reading = PackedReading::new(value);
        samples += insert_reading(
            conn,
            Some(id),
            &event.station_id,
            point,
            &reading,
            event.received_at,
        )?;
    }
    track_energy(conn, id, &event.meter_values)?;
    let transaction = record(conn, id)?;
    let missing_seq_nos = if transaction.is_active() {
        Vec::new()
    } else {
        missing_seq_nos(conn, event)?
    };
    Ok(TransactionEventOutcome {
        ended: was_active && !transaction.is_active(),
        transaction,
        replay: false,
        created,
        inserted: samples,
        missing_seq_nos,
        tag,
    })
}

fn find(conn: &Connection, event: &TransactionEvent) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached(
        "SELECT id FROM transactions \
         WHERE station_id = ?1 AND ocpp_transaction_id = ?2 AND protocol <> 'ocpp1.6'",
    )?
    .query_row(
        params![event.station_id.as_str(), event.ocpp_transaction_id],
        |row| row.get(0),
    )
    .optional()
}

/// The first event the system sees of a transaction, whichever it is, creates it.
fn create(conn: &Connection, event: &TransactionEvent) -> rusqlite::Result<i64> {
    conn.prepare_cached(
        "INSERT INTO transactions (ocpp_transaction_id, station_id, evse_id, connector_id, \
             id_tag, started_at, start_received_at, remote_start_id, protocol) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        event.ocpp_transaction_id,
        event.station_id.as_str(),
        event.evse_id.unwrap_or(0),
        event.connector_id.unwrap_or(0),
        event.id_tag.as_deref().unwrap_or(""),
        millis(event.timestamp),
        millis(event.received_at),
        event.remote_start_id,
        event.protocol,
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Fold the event's facts into the transaction; each rule gives the same result whatever
/// order the events come in.
fn merge(conn: &Connection, id: i64, event: &TransactionEvent) -> rusqlite::Result<()> {
    let started = event.kind == TransactionEventKind::Started;
    let ended = event.kind == TransactionEventKind::Ended;
    conn.prepare_cached(
        "UPDATE transactions SET \
             evse_id = CASE WHEN evse_id = 0 THEN coalesce(?2, 0) ELSE evse_id END, \
             connector_id = CASE WHEN connector_id = 0 THEN coalesce(?3, 0) \
                                 ELSE connector_id END, \
             id_tag = CASE WHEN id_tag = '' THEN coalesce(?4, '') ELSE id_tag END, \
             remote_start_id = coalesce(remote_start_id, ?5), \
             started_at = CASE WHEN ?6 THEN ?7 \
                               WHEN NOT EXISTS (SELECT 1 FROM transaction_events \
                                                 WHERE station_id = ?12 \
                                                   AND ocpp_transaction_id = ?13 \
                                                   AND event_type = 'Started') \
                               THEN min(started_at, ?7) \
                               ELSE started_at END, \
             last_seq_no = max(coalesce(last_seq_no, ?8), ?8), \
             stopped_at = CASE WHEN ?9 AND stopped_at IS NULL THEN ?7 ELSE stopped_at END, \
             stop_received_at = CASE WHEN ?9 AND stopped_at IS NULL THEN ?10 \
                                     ELSE stop_received_at END, \
             stop_reason = CASE WHEN ?9 AND stopped_at IS NULL THEN ?11 ELSE stop_reason END, \
             stop_id_tag = CASE WHEN ?9 AND stopped_at IS NULL THEN ?4 ELSE stop_id_tag END \
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        event.evse_id,
        event.connector_id,
        event.id_tag,
        event.remote_start_id,
        started,
        millis(event.timestamp),
        event.seq_no,
        ended,
        millis(event.received_at),
        event
            .stopped_reason
            .as_deref()
            .unwrap_or(DEFAULT_STOPPED_REASON),
        // By the events' primary key, not a scan for the transaction's id.
        event.station_id.as_str(),
        event.ocpp_transaction_id,
    ])?;
    Ok(())
}

/// The total energy register reading of a meter value (in Wh), if it has one.
fn energy_register(value: &MeterValue) -> Option<f64> {
    value
        .sampled_value
        .iter()
        .filter(|s| s.measurand == "Energy.Active.Import.Register" && s.phase.is_none())
        .find_map(|s| match s.value {
            SampleValue::Number(wh) if s.unit.as_deref().is_none_or(|u| u == "Wh") => Some(wh),
            _ => None,
        })
}

/// Move the meter start back and the latest reading forward with this event's readings; at
/// the end, the latest reading is the meter stop.
fn track_energy(conn: &Connection, id: i64, values: &[MeterValue]) -> rusqlite::Result<()> {
    struct Energy {
        start: Option<(f64, i64)>,
        last: Option<(f64, i64)>,
        flag: Option<String>,
    }
    let mut energy = conn
        .prepare_cached(
            "SELECT meter_start_wh, meter_start_at, meter_last_wh, meter_last_at, flag \
             FROM transactions WHERE id = ?1",
        )?
        .query_row([id], |row| {
            let pair = |wh: Option<f64>, at: Option<i64>| wh.zip(at);
            Ok(Energy {
                start: pair(row.get(0)?, row.get(1)?),
                last: pair(row.get(2)?, row.get(3)?),
                flag: row.get(4)?,
            })
        })?;
    let mut changed = false;
    for value in values {
        let Some(wh) = energy_register(value) else {
            continue;
        };
        let at = millis(value.timestamp);
        // Readings stamped in the same instant (stations that stamp to the second, or an
        // Ended event in the millisecond of the last Updated one) are ordered by the register
        // itself: it only counts up.
        if energy
            .start
            .is_none_or(|(start_wh, start_at)| (at, wh) < (start_at, start_wh))
        {
            energy.start = Some((wh, at));
            changed = true;
        }
        if energy
            .last
            .is_none_or(|(last_wh, last_at)| (at, wh) > (last_at, last_wh))
        {
            energy.last = Some((wh, at));
            changed = true;
        }
    }
    // The lifetime-meter trap: a zero start, then a reading no charger could have reached in
    // the time between. Bill from that reading instead, and say so.
    if let (Some((start_wh, start_at)), Some((last_wh, last_at))) = (energy.start, energy.last)
        && start_wh == 0.0
        && energy.flag.is_none()
        && last_wh > 0.0
        && implied_power_w(last_wh, last_at - start_at) > MAX_PLAUSIBLE_POWER_W
    {
        energy.start = energy.last;
        energy.flag = Some(BillingFlag::LifetimeMeterBaseline.as_str().to_owned());
        changed = true;
    }
    if !changed {
        return Ok(());
    }
    conn.prepare_cached(
        "UPDATE transactions SET meter_start_wh = ?2, meter_start_at = ?3, \
             meter_last_wh = ?4, meter_last_at = ?5, flag = ?6, \
             meter_stop_wh = CASE WHEN stopped_at IS NULL THEN NULL ELSE ?4 END \
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        energy.start.map(|(wh, _)| wh),
        energy.start.map(|(_, at)| at),
        energy.last.map(|(wh, _)| wh),
        energy.last.map(|(_, at)| at),
        energy.flag,
    ])?;
    Ok(())
}

/// Average power of an energy rise over `millis` (infinite when no time passed).
fn implied_power_w(wh: f64, millis: i64) -> f64 {
    if millis <= 0 {
        return f64::INFINITY;
    }
    wh * 3_600_000.0 / millis as f64
}

/// seqNos between the transaction's first and last event that never arrived.
fn missing_seq_nos(conn: &Connection, event: &TransactionEvent) -> rusqlite::Result<Vec<u32>> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq_no FROM transaction_events \
         WHERE station_id = ?1 AND ocpp_transaction_id = ?2 ORDER BY seq_no",
    )?;
    let seen = stmt
        .query_map(
            params![event.station_id.as_str(), event.ocpp_transaction_id],
            |row| row.get::<_, u32>(0),
        )?
        .collect::<rusqlite::Result<Vec<u32>>>()?;
    let mut missing = Vec::new();
    for pair in seen.windows(2) {
        for seq_no in pair[0].saturating_add(1)..pair[1] {
            if missing.len() == MAX_REPORTED_GAPS {
                return Ok(missing);
            }
            missing.push(seq_no);
        }
    }
    Ok(missing)
}

fn record(conn: &Connection, id: i64) -> Result<TransactionRecord, StoreError> {
    reads::transaction(conn, id)?
        .ok_or_else(|| StoreError::Database(format!("transaction {id} vanished")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn implied_power() {
        // 910 kWh "in" one minute: a lifetime register.
        assert!(implied_power_w(910_000.0, 60_000) > MAX_PLAUSIBLE_POWER_W);
        // 50 kWh in an hour: a fast charger.
        assert!(implied_power_w(50_000.0, 3_600_000) < MAX_PLAUSIBLE_POWER_W);
        assert!(implied_power_w(1.0, 0).is_infinite());
    }
}
