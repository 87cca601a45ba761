//! 2.x TransactionEvents: replays, out-of-order arrival, energy and the lifetime-meter trap.

use super::*;
use crate::domain::{BillingFlag, TransactionEvent, TransactionEventKind, TransactionEventOutcome};

fn event(kind: TransactionEventKind, seq_no: u32, seconds: i64) -> TransactionEvent {
    TransactionEvent {
        station_id: station("CP-2"),
        protocol: "ocpp2.0.1".into(),
        ocpp_transaction_id: "tx-abc".into(),
        kind,
        seq_no,
        timestamp: at(seconds),
        trigger_reason: "MeterValuePeriodic".into(),
        offline: false,
        evse_id: Some(1),
        connector_id: Some(1),
        id_tag: None,
        remote_start_id: None,
        reservation_id: None,
        stopped_reason: None,
        meter_values: Vec::new(),
        received_at: at(seconds + 1),
    }
}

fn with_energy(mut e: TransactionEvent, seconds: i64, wh: f64) -> TransactionEvent {
    e.meter_values.push(MeterValue {
        timestamp: at(seconds),
        sampled_value: vec![sample(wh, "Energy.Active.Import.Register")],
    });
    e
}

async fn send(store: &DynStore, event: TransactionEvent) -> TransactionEventOutcome {
    match store
        .write(Write::TransactionEvent(Box::new(event)))
        .await
        .expect("transaction event")
    {
        Written::TransactionEvent(outcome) => outcome,
        other => panic!("unexpected answer {other:?}"),
    }
}

pub(crate) async fn events_build_one_transaction(store: DynStore) {
    use TransactionEventKind::*;
    let started = send(
        &store,
        with_energy(
            TransactionEvent {
                id_tag: Some("CARD".into()),
                remote_start_id: Some(7),
                ..event(Started, 0, 100)
            },
            100,
            1000.0,
        ),
    )
    .await;
    assert!(started.created && !started.replay && !started.ended);
    let tx = &started.transaction;
    assert_eq!(tx.ocpp_transaction_id, "tx-abc");
    assert_eq!((tx.evse_id, tx.connector_id), (1, 1));
    assert_eq!(tx.id_tag, "CARD");
    assert_eq!(tx.started_at, at(100));
    assert_eq!(tx.remote_start_id, Some(7));
    assert_eq!(tx.meter_start_wh, Some(1000.0));
    assert_eq!(tx.meter_stop_wh, None, "no stop while active");
    assert_eq!(started.inserted, 1);

    let updated = send(&store, with_energy(event(Updated, 1, 200), 200, 1500.0)).await;
    assert!(!updated.created && !updated.ended);
    assert_eq!(updated.transaction.id, tx.id);

    let ended = send(
        &store,
        with_energy(
            TransactionEvent {
                stopped_reason: Some("EVDisconnected".into()),
                ..event(Ended, 2, 300)
            },
            300,
            2500.0,
        ),
    )
    .await;
    assert!(ended.ended);
    let done = &ended.transaction;
    assert_eq!(done.stopped_at, Some(at(300)));
    assert_eq!(done.stop_reason.as_deref(), Some("EVDisconnected"));
    assert_eq!(done.meter_stop_wh, Some(2500.0));
    assert_eq!(done.energy_wh(), Some(1500.0));
    assert!(ended.missing_seq_nos.is_empty());
    assert_eq!(done.flag, None);
    assert_eq!(store.meter_values(done.id).await.unwrap().len(), 3);

    // The same event again (a replay, maybe with a new message id): nothing changes.
    let replay = send(&store, with_energy(event(Updated, 1, 200), 200, 1500.0)).await;
    assert!(replay.replay && !replay.ended && replay.inserted == 0);
    assert_eq!(&replay.transaction, done);
}

pub(crate) async fn events_out_of_order_merge_the_same(store: DynStore) {
    use TransactionEventKind::*;
    // An offline queue delivered backwards, with seqNo 2 lost.
    let ended = send(
        &store,
        with_energy(
            TransactionEvent {
                offline: true,
                ..event(Ended, 3, 400)
            },
            400,
            9000.0,
        ),
    )
    .await;
    assert!(ended.created && ended.ended);
    assert_eq!(ended.transaction.stop_reason.as_deref(), Some("Local"));
    assert_eq!(ended.transaction.meter_start_wh, Some(9000.0));
    send(&store, with_energy(event(Updated, 1, 200), 200, 6000.0)).await;
    let started = send(
        &store,
        with_energy(
            TransactionEvent {
                id_tag: Some("LATE".into()),
                ..event(Started, 0, 100)
            },
            100,
            5000.0,
        ),
    )
    .await;
    let tx = &started.transaction;
    assert!(!started.created && !started.ended, "ended once, by seqNo 3");
    assert_eq!(tx.started_at, at(100));
    assert_eq!(tx.stopped_at, Some(at(400)));
    assert_eq!(tx.id_tag, "LATE");
    assert_eq!(tx.meter_start_wh, Some(5000.0));
    assert_eq!(
        tx.meter_stop_wh,
        Some(9000.0),
        "the latest reading, not the last to arrive"
    );
    assert_eq!(tx.energy_wh(), Some(4000.0));
    assert_eq!(started.missing_seq_nos, vec![2]);
    let listed = store
        .transactions(TransactionFilter::default())
        .await
        .unwrap();
    assert_eq!(listed.len(), 1, "one transaction, whatever the order");
}

pub(crate) async fn events_in_the_same_instant_order_by_the_register(store: DynStore) {
    use TransactionEventKind::*;
    // The Ended event is stamped in the same second as the last Updated one, and an Updated
    // event shares the Started one's second (and arrives before it): the register, which
    // only counts up, decides which reading is the later.
    send(&store, with_energy(event(Updated, 2, 300), 300, 2400.0)).await;
    send(&store, with_energy(event(Ended, 3, 300), 300, 2500.0)).await;
    send(&store, with_energy(event(Updated, 1, 100), 100, 1200.0)).await;
    let started = send(&store, with_energy(event(Started, 0, 100), 100, 1000.0)).await;
    let tx = &started.transaction;
    assert_eq!(tx.meter_start_wh, Some(1000.0));
    assert_eq!(tx.meter_stop_wh, Some(2500.0));
    assert_eq!(tx.energy_wh(), Some(1500.0));
}

pub(crate) async fn events_seq_no_restarting_at_zero_is_a_new_transaction(store: DynStore) {
    use TransactionEventKind::*;
    send(&store, event(Started, 0, 100)).await;
    let second = send(
        &store,
        TransactionEvent {
            ocpp_transaction_id: "tx-def".into(),
            ..event(Started, 0, 500)
        },
    )
    .await;
    assert!(second.created && !second.replay);
    let listed = store
        .transactions(TransactionFilter::default())
        .await
        .unwrap();
    assert_eq!(listed.len(), 2);
    // Without any reading there is no meter start, and no energy.
    assert_eq!(second.transaction.meter_start_wh, None);
    assert_eq!(second.transaction.energy_wh(), None);
}

pub(crate) async fn events_lifetime_meter_is_not_billed(store: DynStore) {
    use TransactionEventKind::*;
    // The station starts at 0 (a session counter), then reports its lifetime register.
    send(&store, with_energy(event(Started, 0, 100), 100, 0.0)).await;
    let update = send(&store, with_energy(event(Updated, 1, 160), 160, 910_000.0)).await;
    assert_eq!(
        update.transaction.flag,
        Some(BillingFlag::LifetimeMeterBaseline)
    );
    assert_eq!(update.transaction.meter_start_wh, Some(910_000.0));
    let ended = send(&store, with_energy(event(Ended, 2, 3700), 3700, 910_083.0)).await;
    assert_eq!(ended.transaction.energy_wh(), Some(83.0));

    // A real session from zero is not flagged.
    let real = TransactionEvent {
        ocpp_transaction_id: "tx-real".into(),
        ..event(Started, 0, 100)
    };
    send(&store, with_energy(real.clone(), 100, 0.0)).await;
    let update = send(
        &store,
        with_energy(
            TransactionEvent {
                seq_no: 1,
                kind: Ended,
                timestamp: at(3700),
                ..real
            },
            3700,
            22_000.0,
        ),
    )
    .await;
    assert_eq!(update.transaction.flag, None);
    assert_eq!(update.transaction.energy_wh(), Some(22_000.0));
}

pub(crate) async fn events_and_1_6_starts_do_not_mix(store: DynStore) {
    use TransactionEventKind::*;
    // A 1.6 transaction whose id happens to equal a 2.x transactionId.
    let old = start(&store, new_transaction("CP-2", 1, "TAG", 50, 0.0)).await;
    let outcome = send(
        &store,
        TransactionEvent {
            ocpp_transaction_id: old.transaction_id.to_string(),
            ..event(Started, 0, 100)
        },
    )
    .await;
    assert!(outcome.created);
    assert_ne!(outcome.transaction.id, old.transaction_id);
}

pub(crate) async fn meter_values_of_an_evse_join_its_2x_transaction(store: DynStore) {
    use TransactionEventKind::*;
    let started = send(&store, event(Started, 0, 100)).await;
    // 2.x MeterValues name the EVSE only, never the transaction or the connector.
    let outcome = meter(
        &store,
        MeterReadings {
            connector_id: 0,
            ..readings("CP-2", 1, None, vec![five_samples(150, 4200.0)])
        },
    )
    .await;
    assert_eq!(
        outcome.transaction.map(|t| t.id),
        Some(started.transaction.id)
    );
    assert_eq!(
        store
            .meter_values(started.transaction.id)
            .await
            .unwrap()
            .len(),
        1
    );
}
