//! Meter values: linking, deduplication, transactionData.

use super::transactions::{meter_value, odd_sample};
use super::{
    five_samples, meter, new_transaction, readings, sample, start, stop, stop_transaction,
};
use crate::domain::{MeterValue, SampledValue, StopTransaction};
use crate::store::DynStore;

pub(crate) async fn meter_linked_by_id(store: DynStore) {
    let started = start(&store, new_transaction("CP-1", 1, "TAG", 100, 0.0)).await;
    let ocpp_id = started.transaction_id.to_string();
    let values = vec![five_samples(200, 500.0), five_samples(300, 900.0)];
    let outcome = meter(&store, readings("CP-1", 1, Some(&ocpp_id), values.clone())).await;
    assert_eq!(outcome.inserted, 10);
    assert_eq!(
        outcome.transaction.map(|t| t.id),
        Some(started.transaction_id)
    );
    assert_eq!(
        store.meter_values(started.transaction_id).await.unwrap(),
        values
    );
}

pub(crate) async fn meter_linked_by_connector(store: DynStore) {
    let started = start(&store, new_transaction("CP-1", 1, "TAG", 100, 0.0)).await;
    let id = started.transaction_id;

    // At and after the start: filed under it.
    let outcome = meter(
        &store,
        readings("CP-1", 1, None, vec![five_samples(100, 1.0)]),
    )
    .await;
    assert_eq!(outcome.transaction.map(|t| t.id), Some(id));
    assert_eq!(outcome.inserted, 5);
    // Before the start: not part of it.
    let before = meter(
        &store,
        readings("CP-1", 1, None, vec![five_samples(50, 0.0)]),
    )
    .await;
    assert_eq!(before.transaction, None);
    assert_eq!(before.inserted, 5);
    // Connector 0 (the main meter) and other connectors: never.
    let main = meter(
        &store,
        readings("CP-1", 0, None, vec![five_samples(150, 7.0)]),
    )
    .await;
    assert_eq!(main.transaction, None);
    let other = meter(
        &store,
        readings("CP-1", 2, None, vec![five_samples(150, 7.0)]),
    )
    .await;
    assert_eq!(other.transaction, None);
    // Another station's connector 1: not it either.
    let elsewhere = meter(
        &store,
        readings("CP-2", 1, None, vec![five_samples(150, 7.0)]),
    )
    .await;
    assert_eq!(elsewhere.transaction, None);

    assert_eq!(
        store.meter_values(id).await.unwrap(),
        vec![five_samples(100, 1.0)]
    );

    // Once stopped, later readings of the connector are not filed under it.
    stop(
        &store,
        stop_transaction("CP-1", &id.to_string(), None, 500, 10.0),
    )
    .await;
    let after = meter(
        &store,
        readings("CP-1", 1, None, vec![five_samples(600, 11.0)]),
    )
    .await;
    assert_eq!(after.transaction, None);
    assert_eq!(store.meter_values(id).await.unwrap().len(), 1);
}

pub(crate) async fn meter_unknown_id_is_unlinked(store: DynStore) {
    let started = start(&store, new_transaction("CP-1", 1, "TAG", 100, 0.0)).await;
    let outcome = meter(
        &store,
        readings("CP-1", 1, Some("424242"), vec![five_samples(200, 1.0)]),
    )
    .await;
    assert_eq!(outcome.transaction, None);
    assert_eq!(outcome.inserted, 5);
    // Named, even if unknown: not filed under the connector's transaction.
    assert!(
        store
            .meter_values(started.transaction_id)
            .await
            .unwrap()
            .is_empty()
    );
}

pub(crate) async fn meter_replay_inserts_nothing(store: DynStore) {
    let started = start(&store, new_transaction("CP-1", 1, "TAG", 100, 0.0)).await;
    let ocpp_id = started.transaction_id.to_string();
    let values = vec![five_samples(200, 500.0)];
    let first = meter(&store, readings("CP-1", 1, Some(&ocpp_id), values.clone())).await;
    assert_eq!(first.inserted, 5);
    for _ in 0..2 {
        let replay = meter(&store, readings("CP-1", 1, Some(&ocpp_id), values.clone())).await;
        assert_eq!(replay.inserted, 0);
        assert_eq!(
            replay.transaction.map(|t| t.id),
            Some(started.transaction_id)
        );
    }
    // The same readings without the transaction id (another path, same samples): nothing new.
    let unnamed = meter(&store, readings("CP-1", 1, None, values.clone())).await;
    assert_eq!(unnamed.inserted, 0);

    // Partly new: only the new sample counts. A different phase, location or context is a
    // different sample.
    let mut mixed = five_samples(200, 500.0);
    mixed.sampled_value.push(SampledValue {
        phase: Some("N".into()),
        ..sample(1.0, "Current.Import")
    });
    mixed.sampled_value.push(SampledValue {
        context: Some("Sample.Clock".into()),
        ..sample(500.0, "Energy.Active.Import.Register")
    });
    mixed.sampled_value.push(SampledValue {
        location: Some("Inlet".into()),
        ..sample(500.0, "Energy.Active.Import.Register")
    });
    let partly = meter(&store, readings("CP-1", 1, Some(&ocpp_id), vec![mixed])).await;
    assert_eq!(partly.inserted, 3);
    let stored = store.meter_values(started.transaction_id).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].sampled_value.len(), 8);
}

pub(crate) async fn transaction_data_is_stored(store: DynStore) {
    let started = start(&store, new_transaction("CP-1", 1, "TAG", 100, 1000.0)).await;
    let ocpp_id = started.transaction_id.to_string();
    let periodic = five_samples(200, 1500.0);
    meter(
        &store,
        readings("CP-1", 1, Some(&ocpp_id), vec![periodic.clone()]),
    )
    .await;

    let begin = meter_value(
        100,
        vec![SampledValue {
            context: Some("Transaction.Begin".into()),
            ..sample(1000.0, "Energy.Active.Import.Register")
        }],
    );
    let end = meter_value(
        300,
        vec![
            SampledValue {
                context: Some("Transaction.End".into()),
                ..sample(2000.0, "Energy.Active.Import.Register")
            },
            odd_sample(),
        ],
    );
    // transactionData repeats the periodic reading (already stored) and adds begin and end.
    let outcome = stop(
        &store,
        StopTransaction {
            meter_values: vec![end.clone(), periodic.clone(), begin.clone()],
            ..stop_transaction("CP-1", &ocpp_id, None, 300, 2000.0)
        },
    )
    .await;
    assert!(outcome.transaction.is_some());
    let stored: Vec<MeterValue> = store.meter_values(started.transaction_id).await.unwrap();
    assert_eq!(stored, vec![begin, periodic, end]);

    // The stop of an unknown transaction keeps its readings (not filed under any transaction).
    let orphan = stop(
        &store,
        StopTransaction {
            meter_values: vec![meter_value(400, vec![odd_sample()])],
            ..stop_transaction("CP-1", "5555", None, 400, 1.0)
        },
    )
    .await;
    assert_eq!(orphan.transaction, None);
    assert_eq!(
        store
            .meter_values(started.transaction_id)
            .await
            .unwrap()
            .len(),
        3
    );
}
