//! Starts, stops and listing: the billing rules (OCPP-RULES.md §7.6).

use super::{at, new_transaction, start, station, stop, stop_transaction};
use crate::domain::{MeterValue, NewTransaction, SampleValue, SampledValue, TagRecord, TagStatus};
use crate::store::{DynStore, TransactionFilter};

fn accepted(id_tag: &str) -> TagRecord {
    TagRecord {
        id_tag: id_tag.into(),
        status: TagStatus::Accepted,
        expiry_date: None,
        parent_id_tag: None,
    }
}

pub(crate) async fn start_and_replay(store: DynStore) {
    let tag = accepted("TAG");
    store.put_tag(tag.clone()).await.unwrap();
    let first = start(
        &store,
        NewTransaction {
            reservation_id: Some(7),
            remote_start_id: Some(42),
            ..new_transaction("CP-1", 1, "TAG", 100, 1234.0)
        },
    )
    .await;
    assert!(first.created);
    assert!(first.transaction_id > 0);
    assert_eq!(first.remote_start_id, Some(42));
    assert_eq!(first.tag, Some(tag.clone()));

    let stored = store
        .transaction(first.transaction_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.ocpp_transaction_id, first.transaction_id.to_string());
    assert_eq!(stored.station_id, station("CP-1"));
    assert_eq!((stored.evse_id, stored.connector_id), (1, 1));
    assert_eq!(stored.id_tag, "TAG");
    assert_eq!(stored.started_at, at(100));
    assert_eq!(stored.start_received_at, at(101));
    assert_eq!(stored.meter_start_wh, Some(1234.0));
    assert_eq!(stored.flag, None);
    assert_eq!(stored.stopped_at, None);
    assert_eq!(stored.remote_start_id, Some(42));
    assert!(stored.is_active());

    // A replay: same content, received later, with a new message id (not seen here) and
    // without the remote start. Same id, nothing created, the first remote start kept; the
    // tag as it is now.
    let blocked = TagRecord {
        status: TagStatus::Blocked,
        ..tag
    };
    store.put_tag(blocked.clone()).await.unwrap();
    let replay = start(
        &store,
        NewTransaction {
            received_at: at(5000),
            ..new_transaction("CP-1", 1, "TAG", 100, 1234.0)
        },
    )
    .await;
    assert_eq!(replay.transaction_id, first.transaction_id);
    assert!(!replay.created);
    assert_eq!(replay.remote_start_id, Some(42));
    assert_eq!(replay.tag, Some(blocked));
    let all = store
        .transactions(TransactionFilter::default())
        .await
        .unwrap();
    assert_eq!(all, vec![stored]);

    // Unknown tag: no tag record, still stored.
    let unknown = start(&store, new_transaction("CP-1", 2, "NOBODY", 100, 0.0)).await;
    assert!(unknown.created);
    assert_eq!(unknown.tag, None);
}

pub(crate) async fn distinct_starts_get_increasing_ids(store: DynStore) {
    // Each differs from the first in one element of the replay key.
    let starts = [
        new_transaction("CP-1", 1, "TAG", 100, 10.0),
        new_transaction("CP-2", 1, "TAG", 100, 10.0),
        new_transaction("CP-1", 2, "TAG", 100, 10.0),
        new_transaction("CP-1", 1, "OTHER", 100, 10.0),
        new_transaction("CP-1", 1, "TAG", 101, 10.0),
        new_transaction("CP-1", 1, "TAG", 100, 10.5),
    ];
    let mut last = 0;
    for new in starts {
        let outcome = start(&store, new).await;
        assert!(outcome.created);
        assert!(outcome.transaction_id > last);
        last = outcome.transaction_id;
    }
    assert_eq!(
        store
            .transactions(TransactionFilter::default())
            .await
            .unwrap()
            .len(),
        6
    );
}

pub(crate) async fn stop_records_energy(store: DynStore) {
    store.put_tag(accepted("CARD")).await.unwrap();
    let started = start(&store, new_transaction("CP-1", 1, "TAG", 100, 1000.0)).await;
    let ocpp_id = started.transaction_id.to_string();
    let outcome = stop(
        &store,
        super::StopTransaction {
            reason: "EVDisconnected".into(),
            ..stop_transaction("CP-1", &ocpp_id, Some("CARD"), 3700, 5500.0)
        },
    )
    .await;
    assert!(!outcome.already_stopped);
    assert_eq!(outcome.tag, Some(accepted("CARD")));
    let record = outcome.transaction.unwrap();
    assert_eq!(record.id, started.transaction_id);
    assert_eq!(record.stopped_at, Some(at(3700)));
    assert_eq!(record.stop_received_at, Some(at(3702)));
    assert_eq!(record.meter_stop_wh, Some(5500.0));
    assert_eq!(record.stop_reason.as_deref(), Some("EVDisconnected"));
    assert_eq!(record.energy_wh(), Some(4500.0));
    assert!(!record.is_active());
    assert_eq!(store.transaction(record.id).await.unwrap(), Some(record));

    // A stop without a tag answers without one.
    let other = start(&store, new_transaction("CP-1", 2, "TAG", 100, 0.0)).await;
    let outcome = stop(
        &store,
        stop_transaction("CP-1", &other.transaction_id.to_string(), None, 200, 10.0),
    )
    .await;
    assert_eq!(outcome.tag, None);
    assert!(outcome.transaction.is_some());
}

pub(crate) async fn stop_replay_changes_nothing(store: DynStore) {
    let started = start(&store, new_transaction("CP-1", 1, "TAG", 100, 1000.0)).await;
    let ocpp_id = started.transaction_id.to_string();
    let first = stop(
        &store,
        stop_transaction("CP-1", &ocpp_id, Some("TAG"), 3700, 5500.0),
    )
    .await;
    let stopped = first.transaction.unwrap();

    let replay = stop(
        &store,
        stop_transaction("CP-1", &ocpp_id, Some("TAG"), 3700, 5500.0),
    )
    .await;
    assert!(replay.already_stopped);
    assert_eq!(replay.transaction.as_ref(), Some(&stopped));

    // A different stop for the same transaction changes nothing either.
    let late = stop(
        &store,
        super::StopTransaction {
            reason: "Other".into(),
            received_at: at(9999),
            ..stop_transaction("CP-1", &ocpp_id, None, 9000, 9999.0)
        },
    )
    .await;
    assert!(late.already_stopped);
    assert_eq!(late.transaction.as_ref(), Some(&stopped));
    assert_eq!(store.transaction(stopped.id).await.unwrap(), Some(stopped));
}

pub(crate) async fn stop_unknown_transaction(store: DynStore) {
    let started = start(&store, new_transaction("CP-1", 1, "TAG", 100, 0.0)).await;
    let ocpp_id = started.transaction_id.to_string();
    // Unknown id, and a known id of another station: both unknown.
    let unknown = stop(
        &store,
        stop_transaction("CP-1", "987654", Some("TAG"), 200, 10.0),
    )
    .await;
    assert_eq!(unknown.transaction, None);
    assert!(!unknown.already_stopped);
    let elsewhere = stop(&store, stop_transaction("CP-2", &ocpp_id, None, 200, 10.0)).await;
    assert_eq!(elsewhere.transaction, None);
    // The station's real transaction is untouched.
    let record = store
        .transaction(started.transaction_id)
        .await
        .unwrap()
        .unwrap();
    assert!(record.is_active());
}

/// Errata v4 §3.18: a stop with transactionId -1 (or an id nobody knows) is confirmed, but a
/// stop carries no connector, so attaching it to "the" active transaction could bill the wrong
/// session. It is kept as an unmatched stop, once per replay, and every transaction stays as it is.
pub(crate) async fn unknown_and_minus_one_stops_are_kept_not_guessed(store: DynStore) {
    let active = start(&store, new_transaction("CP-1", 1, "TAG", 100, 0.0)).await;
    for _ in 0..2 {
        let outcome = stop(
            &store,
            stop_transaction("CP-1", "-1", Some("TAG"), 900, 750.0),
        )
        .await;
        assert_eq!(outcome.transaction, None);
        assert!(!outcome.already_stopped);
    }
    stop(&store, stop_transaction("CP-1", "424242", None, 950, 800.0)).await;
    let record = store
        .transaction(active.transaction_id)
        .await
        .unwrap()
        .unwrap();
    assert!(record.is_active(), "no transaction is stopped by a guess");
    let unmatched = store.unmatched_stops(&station("CP-1")).await.unwrap();
    let ids: Vec<&str> = unmatched
        .iter()
        .map(|s| s.ocpp_transaction_id.as_str())
        .collect();
    assert_eq!(
        ids,
        vec!["-1", "424242"],
        "each kept once, replays not repeated"
    );
    assert_eq!(unmatched[0].meter_stop_wh, 750.0);
    assert_eq!(unmatched[0].id_tag.as_deref(), Some("TAG"));
    assert!(
        store
            .unmatched_stops(&station("CP-2"))
            .await
            .unwrap()
            .is_empty()
    );
}

pub(crate) async fn transactions_ordering_and_filters(store: DynStore) {
    let a = start(&store, new_transaction("CP-1", 1, "TAG", 100, 0.0))
        .await
        .transaction_id;
    let b = start(&store, new_transaction("CP-2", 1, "TAG", 300, 0.0))
        .await
        .transaction_id;
    // Same start time as b: the higher id comes first.
    let c = start(&store, new_transaction("CP-1", 2, "TAG", 300, 0.0))
        .await
        .transaction_id;
    // Replayed after an outage: stored last, but started earliest.
    let d = start(&store, new_transaction("CP-1", 3, "TAG", 50, 0.0))
        .await
        .transaction_id;
    stop(
        &store,
        stop_transaction("CP-1", &c.to_string(), None, 400, 10.0),
    )
    .await;

    let ids = |records: Vec<crate::domain::TransactionRecord>| {
        records.into_iter().map(|t| t.id).collect::<Vec<_>>()
    };
    let all = store
        .transactions(TransactionFilter::default())
        .await
        .unwrap();
    assert_eq!(ids(all), vec![c, b, a, d]);
    let cp1 = store
        .transactions(TransactionFilter {
            station_id: Some(station("CP-1")),
            ..TransactionFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(ids(cp1), vec![c, a, d]);
    let active = store
        .transactions(TransactionFilter {
            active: Some(true),
            ..TransactionFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(ids(active), vec![b, a, d]);
    let stopped_cp1 = store
        .transactions(TransactionFilter {
            station_id: Some(station("CP-1")),
            active: Some(false),
            limit: None,
        })
        .await
        .unwrap();
    assert_eq!(ids(stopped_cp1), vec![c]);
    let active_cp1_first = store
        .transactions(TransactionFilter {
            station_id: Some(station("CP-1")),
            active: Some(true),
            limit: Some(1),
        })
        .await
        .unwrap();
    assert_eq!(ids(active_cp1_first), vec![a]);
    let stopped = store
        .transactions(TransactionFilter {
            active: Some(false),
            ..TransactionFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(ids(stopped), vec![c]);
    let two = store
        .transactions(TransactionFilter {
            limit: Some(2),
            ..TransactionFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(ids(two), vec![c, b]);
    let none = store
        .transactions(TransactionFilter {
            station_id: Some(station("NOPE")),
            ..TransactionFilter::default()
        })
        .await
        .unwrap();
    assert!(none.is_empty());
    assert_eq!(store.transaction(999_999).await.unwrap(), None);
}

/// A text sample and a full set of optional fields survive the round trip.
pub(crate) fn odd_sample() -> SampledValue {
    SampledValue {
        value: SampleValue::Text("n/a".into()),
        measurand: "Temperature".into(),
        unit: Some("Celsius".into()),
        phase: Some("L1-N".into()),
        location: Some("Body".into()),
        context: Some("Sample.Clock".into()),
    }
}

pub(crate) fn meter_value(seconds: i64, samples: Vec<SampledValue>) -> MeterValue {
    MeterValue {
        timestamp: at(seconds),
        sampled_value: samples,
    }
}
