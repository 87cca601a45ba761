//! The store contract on SQLite, and what only SQLite has: batching, reopening a file,
//! failures inside a batch.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use rusqlite::Connection;
use tempfile::TempDir;

use super::{SqliteOptions, SqliteStore, Synchronous, path_from_url};
use crate::store::tests::{
    self as contract, CONCURRENT_WRITES, all_contract_tests, at, five_samples, new_transaction,
    readings, station, stop_transaction,
};
use crate::store::{DynStore, Store, StoreError, Write, Written};

fn open(dir: &TempDir, options: SqliteOptions) -> Arc<SqliteStore> {
    Arc::new(SqliteStore::open(&dir.path().join("switchyard.db"), options).unwrap())
}

async fn fresh() -> (TempDir, DynStore) {
    let dir = tempfile::tempdir().unwrap();
    let store: DynStore = open(&dir, SqliteOptions::default());
    (dir, store)
}

all_contract_tests!(fresh().await);
crate::store::tests::firmware_contract_tests!(fresh().await);

/// A second connection to the store's file, for what the trait cannot show.
fn raw(dir: &TempDir) -> Connection {
    let conn = Connection::open(dir.path().join("switchyard.db")).unwrap();
    conn.busy_timeout(Duration::from_secs(5)).unwrap();
    conn
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_writes_share_commits() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir, SqliteOptions::default());
    let before = store.commits();
    contract::concurrent_writes(store.clone()).await;
    let commits = store.commits() - before;
    assert!(commits > 0);
    assert!(
        commits < CONCURRENT_WRITES as u64,
        "{commits} commits for {CONCURRENT_WRITES} writes: no batching"
    );
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn journal_trimmed_to_limit() {
    let dir = tempfile::tempdir().unwrap();
    let options = SqliteOptions {
        journal_limit: 10,
        ..SqliteOptions::default()
    };
    let store = open(&dir, options);
    contract::journal_trimmed(store.clone(), 10).await;
    store.close().await;
    // With a limit of 10 the journal is trimmed at every commit: the newest chunks holding at
    // least 10 frames are kept (one commit's frames more at most), in the journal's own file.
    let journal = Connection::open(dir.path().join("switchyard.journal.db")).unwrap();
    let (chunks, frames): (i64, i64) = journal
        .query_row(
            "SELECT count(*), sum(frames) FROM journal_chunks",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap();
    assert!((10..15).contains(&frames), "{frames} frames kept");
    assert!(chunks <= 10, "{chunks} chunks for {frames} frames");
    // The billing database has no journal at all.
    let billing_has_journal: bool = raw(&dir)
        .query_row(
            "SELECT count(*) > 0 FROM sqlite_schema WHERE name = 'journal'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert!(!billing_has_journal);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn durable_across_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir, SqliteOptions::default());
    let reopen_dir = dir.path().to_path_buf();
    contract::survives_reopen(store, || async move {
        let store: DynStore = Arc::new(
            SqliteStore::open(&reopen_dir.join("switchyard.db"), SqliteOptions::default()).unwrap(),
        );
        store
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn ids_are_never_reused() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir, SqliteOptions::default());
    let first = contract::start(
        &(store.clone() as DynStore),
        new_transaction("CP-1", 1, "A", 1, 0.0),
    )
    .await;
    raw(&dir)
        .execute(
            "DELETE FROM transactions WHERE id = ?1",
            [first.transaction_id],
        )
        .unwrap();
    let second = contract::start(
        &(store.clone() as DynStore),
        new_transaction("CP-1", 1, "B", 1, 0.0),
    )
    .await;
    assert!(second.transaction_id > first.transaction_id);
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn unknown_stop_keeps_its_readings_unlinked() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir, SqliteOptions::default());
    let dyn_store: DynStore = store.clone();
    let outcome = contract::stop(
        &dyn_store,
        crate::domain::StopTransaction {
            meter_values: vec![five_samples(10, 1.0)],
            ..stop_transaction("CP-1", "777", None, 10, 1.0)
        },
    )
    .await;
    assert_eq!(outcome.transaction, None);
    let unlinked: i64 = raw(&dir)
        .query_row(
            "SELECT count(*) FROM meter_readings, json_each(samples) \
             WHERE transaction_id IS NULL",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(unlinked, 5);
    // A replay of that stop stores nothing more.
    contract::stop(
        &dyn_store,
        crate::domain::StopTransaction {
            meter_values: vec![five_samples(10, 1.0)],
            ..stop_transaction("CP-1", "777", None, 10, 1.0)
        },
    )
    .await;
    let total: i64 = raw(&dir)
        .query_row(
            "SELECT count(*) FROM meter_readings, json_each(samples)",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(total, 5);
    store.close().await;
}

/// Hold the write lock from another connection so that the writer queues requests, and send
/// `writes` while it is held: they all land in one batch. Returns their results in order.
async fn in_one_batch(
    dir: &TempDir,
    store: &Arc<SqliteStore>,
    writes: Vec<Write>,
) -> Vec<Result<Written, StoreError>> {
    let blocker = raw(dir);
    blocker.execute_batch("BEGIN IMMEDIATE").unwrap();
    // The first write takes the writer into BEGIN, where it waits for the lock.
    let opener = {
        let store = store.clone();
        tokio::spawn(async move {
            store
                .write(Write::Seen {
                    station_id: station("OPENER"),
                    protocol: None,
                    at: at(0),
                })
                .await
        })
    };
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut handles = Vec::new();
    for write in writes {
        let store = store.clone();
        handles.push(tokio::spawn(async move { store.write(write).await }));
        tokio::task::yield_now().await;
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let commits_before = store.commits();
    blocker.execute_batch("COMMIT").unwrap();
    // Its result is not the point (it may share the batch if the writer was slow to take it).
    let _ = opener.await.unwrap();
    let mut results = Vec::new();
    for handle in handles {
        results.push(handle.await.unwrap());
    }
    // The opener's batch and the queued writes' batch.
    assert!(store.commits() - commits_before <= 2);
    results
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_failing_write_does_not_spoil_its_batch() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir, SqliteOptions::default());
    let dyn_store: DynStore = store.clone();
    let running = contract::start(&dyn_store, new_transaction("CP-1", 9, "TAG", 1, 0.0)).await;
    // The stop below fails half-way: after its UPDATE, at its transactionData.
    raw(&dir)
        .execute_batch(
            "CREATE TRIGGER poison BEFORE INSERT ON meter_readings \
             WHEN NEW.samples LIKE '%POISON%' \
             BEGIN SELECT RAISE(ABORT, 'poisoned'); END;",
        )
        .unwrap();
    let mut poisoned = five_samples(20, 1.0);
    poisoned.sampled_value[4].measurand = "POISON".into();
    let results = in_one_batch(
        &dir,
        &store,
        vec![
            Write::Start(new_transaction("CP-1", 1, "GOOD-1", 10, 0.0)),
            Write::Stop(crate::domain::StopTransaction {
                meter_values: vec![poisoned],
                ..stop_transaction("CP-1", &running.transaction_id.to_string(), None, 30, 9.0)
            }),
            Write::Start(new_transaction("CP-1", 3, "GOOD-2", 10, 0.0)),
        ],
    )
    .await;
    assert!(
        matches!(results[0], Ok(Written::Start(_))),
        "{:?}",
        results[0]
    );
    assert!(
        matches!(&results[1], Err(StoreError::Database(m)) if m.contains("poisoned")),
        "{:?}",
        results[1]
    );
    assert!(
        matches!(results[2], Ok(Written::Start(_))),
        "{:?}",
        results[2]
    );
    // Nothing of the failed stop remains, and both starts are there.
    let record = store
        .transaction(running.transaction_id)
        .await
        .unwrap()
        .unwrap();
    assert!(record.is_active());
    assert!(store.meter_values(record.id).await.unwrap().is_empty());
    let mut tags: Vec<String> = store
        .transactions(Default::default())
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.id_tag)
        .collect();
    // The writes were sent from separate tasks: their order (and so their ids) may vary.
    tags.sort();
    assert_eq!(tags, vec!["GOOD-1", "GOOD-2", "TAG"]);
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_failed_commit_fails_the_whole_batch() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir, SqliteOptions::default());
    // A deferred foreign key is only checked at COMMIT: the poisoned start makes it fail.
    raw(&dir)
        .execute_batch(
            "CREATE TABLE dangling (ref INTEGER REFERENCES transactions (id) \
                 DEFERRABLE INITIALLY DEFERRED); \
             CREATE TRIGGER poison AFTER INSERT ON transactions WHEN NEW.id_tag = 'POISON' \
             BEGIN INSERT INTO dangling VALUES (-42); END;",
        )
        .unwrap();
    let results = in_one_batch(
        &dir,
        &store,
        vec![
            Write::Start(new_transaction("CP-1", 1, "GOOD-1", 10, 0.0)),
            Write::Start(new_transaction("CP-1", 2, "POISON", 10, 0.0)),
            Write::Meter(readings("CP-1", 1, None, vec![five_samples(20, 1.0)])),
        ],
    )
    .await;
    for result in &results {
        assert!(matches!(result, Err(StoreError::Database(_))), "{result:?}");
    }
    assert!(
        store
            .transactions(Default::default())
            .await
            .unwrap()
            .is_empty()
    );
    // The writer goes on after a failed batch.
    let later = contract::start(
        &(store.clone() as DynStore),
        new_transaction("CP-1", 1, "GOOD-1", 10, 0.0),
    )
    .await;
    assert!(later.created);
    store.close().await;
}

#[test]
fn opens_in_wal_with_the_options() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.db");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let store = SqliteStore::open(
        &path,
        SqliteOptions {
            synchronous: Synchronous::Normal,
            ..SqliteOptions::default()
        },
    )
    .unwrap();
    let conn = Connection::open(&path).unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |row| row.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .unwrap();
    assert_eq!(version, super::schema::VERSION);
    runtime.block_on(store.close());
}

#[test]
fn urls_and_modes() {
    assert_eq!(
        path_from_url("sqlite://data/s.db").unwrap(),
        Path::new("data/s.db")
    );
    assert_eq!(
        path_from_url("sqlite:///var/lib/s.db").unwrap(),
        Path::new("/var/lib/s.db")
    );
    assert!(path_from_url("sqlite::memory:").is_err());
    assert!(path_from_url("postgres://x").is_err());
    assert!(path_from_url("sqlite://").is_err());
    assert!(path_from_url("sqlite://s.db?mode=ro").is_err());
    assert_eq!("full".parse::<Synchronous>(), Ok(Synchronous::Full));
    assert_eq!("NORMAL".parse::<Synchronous>(), Ok(Synchronous::Normal));
    assert!("sometimes".parse::<Synchronous>().is_err());
    assert_eq!(Synchronous::default(), Synchronous::Full);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open_url_opens_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("u.db").display());
    let store = SqliteStore::open_url(&url, SqliteOptions::default()).unwrap();
    store.close().await;
    assert!(dir.path().join("u.db").exists());
}

/// Deleting a station drops the frames queued before the deletion, even those not yet
/// committed, and keeps those that come after it (a station reconnecting at once).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn journal_deletion_applies_to_frames_before_it_only() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(&dir, SqliteOptions::default());
    let id = station("CP-1");
    store
        .put_station(&id, crate::domain::StationPatch::default())
        .await
        .unwrap();
    let frame = |text: &str| crate::domain::JournalEntry {
        station_id: id.clone(),
        at: at(1),
        direction: crate::domain::Direction::In,
        frame: text.into(),
    };
    store.journal(frame("committed before"));
    store.journal_entries(&id, 10).await.unwrap();
    store.journal(frame("queued before"));
    assert!(store.delete_station(&id).await.unwrap());
    store.journal(frame("after"));
    let kept: Vec<String> = store
        .journal_entries(&id, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.frame)
        .collect();
    assert_eq!(kept, vec!["after".to_owned()]);
    store.close().await;
}
