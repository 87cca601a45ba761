//! Reservations: pending until settled, expiry on read, use by a 1.6 start or a 2.x
//! TransactionEvent (replays included), cancellation and the station's own updates.

use super::*;
use crate::domain::{
    NewReservation, ReservationRecord, ReservationStatus, ReservationTarget, ReservationUpdate,
    TransactionEvent, TransactionEventKind,
};
use crate::store::{ReservationFilter, StoreError};

fn new_reservation(station_id: &str, connector_id: u32, expires: i64) -> NewReservation {
    NewReservation {
        station_id: station(station_id),
        target: ReservationTarget {
            evse_id: (connector_id > 0).then_some(connector_id),
            connector_id,
        },
        id_tag: "TAG-R".into(),
        parent_id_tag: Some("GROUP-R".into()),
        id_token_type: Some("ISO14443".into()),
        connector_type: Some("cType2".into()),
        expires_at: at(expires),
        created_at: at(0),
    }
}

/// A reservation the station accepted (active until `expires`).
async fn accepted(store: &DynStore, station_id: &str, expires: i64) -> i64 {
    let id = store
        .create_reservation(new_reservation(station_id, 1, expires))
        .await
        .expect("create");
    let record = store
        .settle_reservation(id, ReservationStatus::Active, at(1))
        .await
        .expect("settle")
        .expect("the reservation exists");
    assert_eq!(record.status, ReservationStatus::Active);
    id
}

async fn read(store: &DynStore, id: i64, now: i64) -> ReservationRecord {
    store
        .reservation(id, at(now))
        .await
        .expect("read")
        .expect("the reservation exists")
}

async fn ids(
    store: &DynStore,
    station_id: Option<&str>,
    status: Option<ReservationStatus>,
    now: i64,
) -> Vec<i64> {
    let filter = ReservationFilter {
        station_id: station_id.map(station),
        status,
        now: at(now),
    };
    let records = store.reservations(filter).await.expect("list");
    records.iter().map(|r| r.id).collect()
}

pub(crate) async fn reservations_pending_settled_and_expired(store: DynStore) {
    register(&store, "CP-1").await;
    let id = store
        .create_reservation(new_reservation("CP-1", 1, 3600))
        .await
        .unwrap();
    assert!(i32::try_from(id).is_ok(), "ids fit OCPP's 32 bits");
    // Pending: no read shows it.
    assert_eq!(store.reservation(id, at(1)).await.unwrap(), None);
    assert!(ids(&store, None, None, 1).await.is_empty());

    let record = store
        .settle_reservation(id, ReservationStatus::Active, at(2))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        record,
        ReservationRecord {
            id,
            station_id: station("CP-1"),
            evse_id: Some(1),
            connector_id: 1,
            id_tag: "TAG-R".into(),
            parent_id_tag: Some("GROUP-R".into()),
            id_token_type: Some("ISO14443".into()),
            connector_type: Some("cType2".into()),
            expires_at: at(3600),
            status: ReservationStatus::Active,
            transaction_id: None,
            created_at: at(0),
            updated_at: at(2),
        }
    );
    // A second settle changes nothing: only a pending one is settled.
    let again = store
        .settle_reservation(id, ReservationStatus::Rejected, at(3))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(again.status, ReservationStatus::Active);

    // Past its expiry it reads expired, and filters agree.
    assert_eq!(
        read(&store, id, 3599).await.status,
        ReservationStatus::Active
    );
    assert_eq!(
        read(&store, id, 3600).await.status,
        ReservationStatus::Expired
    );
    let active = Some(ReservationStatus::Active);
    let expired = Some(ReservationStatus::Expired);
    assert_eq!(ids(&store, None, active, 3599).await, vec![id]);
    assert!(ids(&store, None, expired, 3599).await.is_empty());
    assert!(ids(&store, None, active, 3600).await.is_empty());
    assert_eq!(ids(&store, None, expired, 3600).await, vec![id]);
    // The store cancels what it holds active, past expiry too: the station's accepted
    // CancelReservation is the truth (the API refuses expired ones before it asks).
    let record = store
        .cancel_reservation(id, at(4000))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(record.status, ReservationStatus::Cancelled);
}

pub(crate) async fn reservation_ids_are_never_reused(store: DynStore) {
    register(&store, "CP-1").await;
    register(&store, "CP-2").await;
    let first = store
        .create_reservation(new_reservation("CP-1", 0, 3600))
        .await
        .unwrap();
    assert!(store.abandon_reservation(first).await.unwrap());
    assert!(!store.abandon_reservation(first).await.unwrap());
    let second = accepted(&store, "CP-2", 3600).await;
    assert!(second > first, "{second} after {first}");
    // Only a pending reservation can be abandoned.
    assert!(!store.abandon_reservation(second).await.unwrap());
    let third = store
        .create_reservation(new_reservation("CP-1", 0, 3600))
        .await
        .unwrap();
    assert!(third > second);
    let rejected = store
        .settle_reservation(third, ReservationStatus::Occupied, at(1))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(rejected.status, ReservationStatus::Occupied);
    assert_eq!(rejected.evse_id, None);
    assert_eq!(rejected.connector_id, 0);

    // Newest first; by station and by status.
    assert_eq!(ids(&store, None, None, 10).await, vec![third, second]);
    assert_eq!(ids(&store, Some("CP-2"), None, 10).await, vec![second]);
    let occupied = Some(ReservationStatus::Occupied);
    assert_eq!(ids(&store, None, occupied, 10).await, vec![third]);
    assert!(ids(&store, Some("CP-2"), occupied, 10).await.is_empty());

    // A station that is not registered gets none.
    let unknown = store
        .create_reservation(new_reservation("CP-9", 0, 3600))
        .await;
    assert!(matches!(unknown, Err(StoreError::NotFound)), "{unknown:?}");
    // Deleting a station deletes its reservations.
    assert!(store.delete_station(&station("CP-2")).await.unwrap());
    assert_eq!(store.reservation(second, at(10)).await.unwrap(), None);
}

pub(crate) async fn reservation_cancel_only_active(store: DynStore) {
    register(&store, "CP-1").await;
    let id = accepted(&store, "CP-1", 3600).await;
    let cancelled = store.cancel_reservation(id, at(5)).await.unwrap().unwrap();
    assert_eq!(cancelled.status, ReservationStatus::Cancelled);
    assert_eq!(cancelled.updated_at, at(5));
    let again = store.cancel_reservation(id, at(6)).await.unwrap().unwrap();
    assert_eq!(again.updated_at, at(5), "a second cancel changes nothing");
    assert_eq!(
        store.cancel_reservation(id + 100, at(6)).await.unwrap(),
        None
    );
}

pub(crate) async fn reservation_used_by_a_start_and_its_replay(store: DynStore) {
    register(&store, "CP-1").await;
    register(&store, "CP-2").await;
    let id = accepted(&store, "CP-1", 3600).await;

    // Another station naming this id uses nothing.
    let mut elsewhere = new_transaction("CP-2", 1, "TAG-R", 10, 0.0);
    elsewhere.reservation_id = Some(id);
    start(&store, elsewhere).await;
    assert_eq!(read(&store, id, 20).await.status, ReservationStatus::Active);

    let mut new = new_transaction("CP-1", 1, "TAG-R", 30, 100.0);
    new.reservation_id = Some(id);
    let first = start(&store, new.clone()).await;
    let used = read(&store, id, 40).await;
    assert_eq!(used.status, ReservationStatus::Used);
    assert_eq!(used.transaction_id, Some(first.transaction_id));
    assert_eq!(used.updated_at, new.received_at);
    // Used stays used: past expiry, after a replay, after a cancel or a station update.
    let replay = start(&store, new).await;
    assert!(!replay.created);
    assert_eq!(read(&store, id, 4000).await, used);
    assert_eq!(
        store.cancel_reservation(id, at(50)).await.unwrap(),
        Some(used.clone())
    );
    let update = ReservationUpdate {
        station_id: station("CP-1"),
        reservation_id: id,
        status: ReservationStatus::Expired,
        received_at: at(60),
    };
    let written = store.write(Write::ReservationStatus(update)).await.unwrap();
    assert!(
        matches!(written, Written::ReservationStatus(false)),
        "{written:?}"
    );
    assert_eq!(read(&store, id, 70).await, used);
}

fn event(seq_no: u32, reservation_id: Option<i64>) -> TransactionEvent {
    TransactionEvent {
        station_id: station("CP-1"),
        protocol: "ocpp2.0.1".into(),
        ocpp_transaction_id: "tx-res".into(),
        kind: if seq_no == 0 {
            TransactionEventKind::Started
        } else {
            TransactionEventKind::Updated
        },
        seq_no,
        timestamp: at(100 + i64::from(seq_no)),
        trigger_reason: "Authorized".into(),
        offline: false,
        evse_id: Some(1),
        connector_id: Some(1),
        id_tag: Some("TAG-R".into()),
        remote_start_id: None,
        reservation_id,
        stopped_reason: None,
        meter_values: Vec::new(),
        received_at: at(101 + i64::from(seq_no)),
    }
}

pub(crate) async fn reservation_used_by_a_transaction_event(store: DynStore) {
    register(&store, "CP-1").await;
    let id = accepted(&store, "CP-1", 3600).await;
    let write = |e: TransactionEvent| store.write(Write::TransactionEvent(Box::new(e)));
    let Written::TransactionEvent(outcome) = write(event(0, Some(id))).await.unwrap() else {
        panic!("not a TransactionEvent outcome");
    };
    let used = read(&store, id, 200).await;
    assert_eq!(used.status, ReservationStatus::Used);
    assert_eq!(used.transaction_id, Some(outcome.transaction.id));
    // A replay, and a later event naming it again, change nothing.
    write(event(0, Some(id))).await.unwrap();
    write(event(1, Some(id))).await.unwrap();
    assert_eq!(read(&store, id, 200).await, used);
}

pub(crate) async fn reservation_station_updates(store: DynStore) {
    register(&store, "CP-1").await;
    register(&store, "CP-2").await;
    let expiring = accepted(&store, "CP-1", 3600).await;
    let removed = accepted(&store, "CP-1", 3600).await;
    let update = |id: i64, station_id: &str, status| ReservationUpdate {
        station_id: station(station_id),
        reservation_id: id,
        status,
        received_at: at(30),
    };
    // Another station's update of the id changes nothing.
    let written = store
        .write(Write::ReservationStatus(update(
            expiring,
            "CP-2",
            ReservationStatus::Expired,
        )))
        .await
        .unwrap();
    assert!(matches!(written, Written::ReservationStatus(false)));
    assert_eq!(
        read(&store, expiring, 40).await.status,
        ReservationStatus::Active
    );
    for (id, status) in [
        (expiring, ReservationStatus::Expired),
        (removed, ReservationStatus::Cancelled),
    ] {
        let written = store
            .write(Write::ReservationStatus(update(id, "CP-1", status)))
            .await
            .unwrap();
        assert!(matches!(written, Written::ReservationStatus(true)));
        let record = read(&store, id, 40).await;
        assert_eq!(record.status, status);
        assert_eq!(record.updated_at, at(30));
    }
    // Unknown ids are acknowledged all the same.
    let written = store
        .write(Write::ReservationStatus(update(
            removed + 100,
            "CP-1",
            ReservationStatus::Expired,
        )))
        .await
        .unwrap();
    assert!(matches!(written, Written::ReservationStatus(false)));
}
