//! Many sessions writing at once, and closing.

use std::sync::Arc;

use tokio::sync::Barrier;

use super::{five_samples, new_transaction, readings, register, station};
use crate::domain::StationPatch;
use crate::store::{DynStore, StoreError, Write, Written};

/// How many writes [`concurrent_writes`] makes.
pub(crate) const CONCURRENT_WRITES: usize = 200;

/// 200 writes from 100 tasks, all released at once: every one succeeds, and each start gets
/// its own id.
pub(crate) async fn concurrent_writes(store: DynStore) {
    let tasks = CONCURRENT_WRITES / 2;
    let barrier = Arc::new(Barrier::new(tasks));
    let mut handles = Vec::new();
    for task in 0..tasks {
        let store = store.clone();
        let barrier = Arc::clone(&barrier);
        handles.push(tokio::spawn(async move {
            let station_id = format!("CP-{}", task % 10);
            let connector = u32::try_from(task / 10 + 1).unwrap();
            barrier.wait().await;
            let started = store
                .write(Write::Start(new_transaction(
                    &station_id,
                    connector,
                    "TAG",
                    100,
                    0.0,
                )))
                .await
                .unwrap();
            let Written::Start(started) = started else {
                panic!("unexpected answer {started:?}");
            };
            let ocpp_id = started.transaction_id.to_string();
            let written = store
                .write(Write::Meter(readings(
                    &station_id,
                    connector,
                    Some(&ocpp_id),
                    vec![five_samples(200, 10.0)],
                )))
                .await
                .unwrap();
            let Written::Meter(outcome) = written else {
                panic!("unexpected answer {written:?}");
            };
            assert_eq!(outcome.inserted, 5);
            started.transaction_id
        }));
    }
    let mut ids = Vec::new();
    for handle in handles {
        ids.push(handle.await.unwrap());
    }
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), tasks);
}

pub(crate) async fn writes_after_close_are_refused(store: DynStore) {
    register(&store, "CP-1").await;
    store.close().await;
    let write = store
        .write(Write::Seen {
            station_id: station("CP-1"),
            protocol: None,
            at: super::at(1),
        })
        .await;
    assert!(matches!(write, Err(StoreError::Closed)), "{write:?}");
    let put = store
        .put_station(&station("CP-2"), StationPatch::default())
        .await;
    assert!(matches!(put, Err(StoreError::Closed)), "{put:?}");
    // Closing twice is harmless.
    store.close().await;
}

/// What was committed before `close` is there after reopening.
pub(crate) async fn survives_reopen<F, Fut>(store: DynStore, reopen: F)
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = DynStore>,
{
    register(&store, "CP-1").await;
    let started = store
        .write(Write::Start(new_transaction("CP-1", 1, "TAG", 100, 0.0)))
        .await
        .unwrap();
    let Written::Start(started) = started else {
        panic!("unexpected answer {started:?}");
    };
    store
        .write(Write::Meter(readings(
            "CP-1",
            1,
            Some(&started.transaction_id.to_string()),
            vec![five_samples(200, 10.0)],
        )))
        .await
        .unwrap();
    store.journal(super::stations::frame(
        "CP-1",
        1,
        crate::domain::Direction::In,
        "last words",
    ));
    store.close().await;

    let store = reopen().await;
    assert!(store.station(&station("CP-1")).await.unwrap().is_some());
    let record = store
        .transaction(started.transaction_id)
        .await
        .unwrap()
        .unwrap();
    assert!(record.is_active());
    assert_eq!(store.meter_values(record.id).await.unwrap().len(), 1);
    // The journal frame queued before close was written by it.
    let frames = store.journal_entries(&station("CP-1"), 10).await.unwrap();
    assert_eq!(frames.len(), 1);
    // A replayed start after the restart is still recognised.
    let replay = store
        .write(Write::Start(new_transaction("CP-1", 1, "TAG", 100, 0.0)))
        .await
        .unwrap();
    let Written::Start(replay) = replay else {
        panic!("unexpected answer {replay:?}");
    };
    assert_eq!(replay.transaction_id, started.transaction_id);
    assert!(!replay.created);
    store.close().await;
}
