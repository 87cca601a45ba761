//! Versioned migrations, applied in order at open.
//!
//! The schema version is `PRAGMA user_version`. Each migration runs in its own transaction
//! together with the bump of `user_version`, so a crash leaves the database at one version or
//! the next, never in between. A database from a newer Switchyard (a version this build does
//! not know) is refused rather than guessed at.

use rusqlite::{Connection, TransactionBehavior};

use crate::store::StoreError;

/// The migrations, in order: migration `i` (0-based) brings the schema to version `i + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_unmatched_stops.sql"),
    include_str!("migrations/0003_meter_dedup_by_time.sql"),
    include_str!("migrations/0004_meter_readings.sql"),
    include_str!("migrations/0005_journal_moves_out.sql"),
    include_str!("migrations/0006_transaction_events.sql"),
    include_str!("migrations/0007_station_variables.sql"),
    include_str!("migrations/0008_desired_configuration_and_local_lists.sql"),
    include_str!("migrations/0009_reservations.sql"),
    include_str!("migrations/0010_charging_profiles.sql"),
    include_str!("migrations/0011_station_security_profile.sql"),
    include_str!("migrations/0012_firmware.sql"),
];

/// The schema version this build writes.
pub(crate) const VERSION: i64 = MIGRATIONS.len() as i64;

/// Bring the database up to [`VERSION`].
pub(crate) fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let current = user_version(conn)?;
    if current > VERSION {
        return Err(StoreError::Database(format!(
            "the database has schema version {current}, newer than this build knows ({VERSION})"
        )));
    }
    if current == VERSION {
        return Ok(());
    }
    // A migration that rebuilds a table (create, copy, drop, rename) needs foreign keys off,
    // or dropping the old table would cascade or fail; they are checked before each commit
    // instead (https://sqlite.org/lang_altertable.html, "other kinds of schema changes").
    let enforced: bool = conn.pragma_query_value(None, "foreign_keys", |row| row.get(0))?;
    conn.pragma_update(None, "foreign_keys", false)?;
    let result = apply_from(conn, current);
    conn.pragma_update(None, "foreign_keys", enforced)?;
    result
}

fn apply_from(conn: &mut Connection, current: i64) -> Result<(), StoreError> {
    for (index, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .skip(usize::try_from(current).unwrap_or(0))
    {
        let version = index as i64 + 1;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Another process may have migrated between our read and this lock.
        if user_version(&tx)? >= version {
            continue;
        }
        tx.execute_batch(sql)
            .map_err(|e| StoreError::Database(format!("migration {version}: {e}")))?;
        let broken: i64 =
            tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| {
                row.get(0)
            })?;
        if broken > 0 {
            return Err(StoreError::Database(format!(
                "migration {version} would leave {broken} broken foreign key reference(s)"
            )));
        }
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
        tracing::info!(version, "sqlite schema migrated");
    }
    Ok(())
}

fn user_version(conn: &Connection) -> Result<i64, StoreError> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrates_once_and_refuses_newer() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.db");
        let mut conn = Connection::open(&path).unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(user_version(&conn).unwrap(), VERSION);
        // Idempotent.
        migrate(&mut conn).unwrap();
        assert_eq!(user_version(&conn).unwrap(), VERSION);

        conn.pragma_update(None, "user_version", VERSION + 1)
            .unwrap();
        assert!(matches!(migrate(&mut conn), Err(StoreError::Database(_))));
    }

    #[test]
    fn version_6_rebuilds_tables_and_keeps_everything() {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = Connection::open(dir.path().join("m.db")).unwrap();
        conn.pragma_update(None, "foreign_keys", true).unwrap();
        for sql in &MIGRATIONS[..5] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 5).unwrap();
        conn.execute_batch(
            "INSERT INTO stations (id) VALUES ('CP'); \
             INSERT INTO connectors (station_id, evse_id, connector_id, status, updated_at) \
                 VALUES ('CP', 1, 1, 'Charging', 5); \
             INSERT INTO transactions (id, ocpp_transaction_id, station_id, evse_id, connector_id, \
                 id_tag, started_at, start_received_at, meter_start_wh) \
                 VALUES (7, '7', 'CP', 1, 1, 'T', 1000, 1000, 10), \
                        (9, '9', 'CP', 1, 1, 'T', 2000, 2000, 20); \
             INSERT INTO meter_readings (transaction_id, station_id, connector_id, timestamp, \
                 received_at, samples) VALUES (7, 'CP', 1, 1500, 1500, '[]'); \
             DELETE FROM transactions WHERE id = 9;",
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(user_version(&conn).unwrap(), VERSION);
        let enforced: bool = conn
            .pragma_query_value(None, "foreign_keys", |row| row.get(0))
            .unwrap();
        assert!(enforced, "foreign keys are back on after migrating");

        let (protocol, start): (String, f64) = conn
            .query_row(
                "SELECT protocol, meter_start_wh FROM transactions WHERE id = 7",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .unwrap();
        assert_eq!((protocol.as_str(), start), ("ocpp1.6", 10.0));
        // The deleted id 9 is not handed out again.
        conn.execute(
            "INSERT INTO transactions (ocpp_transaction_id, station_id, evse_id, connector_id, \
                 id_tag, started_at, start_received_at) VALUES ('x', 'CP', 2, 1, '', 1, 1)",
            [],
        )
        .unwrap();
        assert_eq!(conn.last_insert_rowid(), 10);
        // Two EVSEs may each have a connector 1 now.
        conn.execute(
            "INSERT INTO connectors (station_id, evse_id, connector_id, status, updated_at) \
                 VALUES ('CP', 2, 1, 'Available', 6)",
            [],
        )
        .unwrap();
        let linked: i64 = conn
            .query_row(
                "SELECT count(*) FROM meter_readings WHERE transaction_id = 7",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(linked, 1);
    }

    #[test]
    fn version_4_packs_old_samples_into_readings() {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = Connection::open(dir.path().join("m.db")).unwrap();
        for sql in &MIGRATIONS[..3] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 3).unwrap();
        conn.execute_batch(
            "INSERT INTO transactions (id, ocpp_transaction_id, station_id, evse_id, connector_id, \
                 id_tag, started_at, start_received_at, meter_start_wh) \
                 VALUES (7, '7', 'CP', 1, 1, 'T', 1000, 1000, 0); \
             INSERT INTO meter_values (transaction_id, station_id, connector_id, timestamp, \
                 received_at, value_num, value_text, measurand, unit, phase, location, context) \
             VALUES (7, 'CP', 1, 2000, 2100, 1500.0, NULL, 'Energy.Active.Import.Register', \
                     'Wh', '', '', 'Sample.Periodic'), \
                    (7, 'CP', 1, 2000, 2100, 16.0, NULL, 'Current.Import', 'A', 'L1', '', ''), \
                    (7, 'CP', 1, 3000, 3100, NULL, 'open', 'Vendor', NULL, '', 'Outlet', ''), \
                    (NULL, 'CP', 0, 2000, 2100, 9.0, NULL, 'Voltage', 'V', '', '', '');",
        )
        .unwrap();
        migrate(&mut conn).unwrap();

        let values = super::super::reads::meter_values(&conn, 7).unwrap();
        type Summary = Vec<(
            i64,
            Vec<(crate::domain::Label, Option<crate::domain::Label>)>,
        )>;
        let summary: Summary = values
            .iter()
            .map(|v| {
                let samples = v
                    .sampled_value
                    .iter()
                    .map(|s| (s.measurand.clone(), s.phase.clone().or(s.location.clone())))
                    .collect();
                (v.timestamp.timestamp_millis(), samples)
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                (
                    2000,
                    vec![
                        ("Energy.Active.Import.Register".into(), None),
                        ("Current.Import".into(), Some("L1".into())),
                    ]
                ),
                (3000, vec![("Vendor".into(), Some("Outlet".into()))]),
            ]
        );
        assert_eq!(
            values[0].sampled_value[0].context.as_deref(),
            Some("Sample.Periodic")
        );
        assert_eq!(
            values[1].sampled_value[0].value,
            crate::domain::SampleValue::Text("open".into())
        );
        let readings: i64 = conn
            .query_row("SELECT count(*) FROM meter_readings", [], |row| row.get(0))
            .unwrap();
        assert_eq!(readings, 3, "connector 0's reading is kept, unlinked");
    }
}
