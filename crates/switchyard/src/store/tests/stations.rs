//! Stations, station reports, id tags and the journal.

use std::time::Duration;

use super::{at, new_transaction, register, start, station};
use crate::domain::{
    BootPolicy, BootReport, BootStatus, ConnectorRecord, Direction, JournalEntry, MeterValue,
    SecurityProfile, StationPatch, StatusReport, TagRecord, TagStatus,
};
use crate::store::{DynStore, TransactionFilter, Write, Written};

pub(crate) async fn station_upsert_patch_and_clear(store: DynStore) {
    let id = station("CP-1");
    assert_eq!(store.station(&id).await.unwrap(), None);

    let created = store
        .put_station(&id, StationPatch::default())
        .await
        .unwrap();
    assert_eq!(created.id, id);
    assert_eq!(created.boot_policy, BootPolicy::Accepted);
    assert_eq!(created.password_hash, None);
    assert_eq!(created.site_id, None);
    assert_eq!(created.security_profile, None);
    assert!(created.connectors.is_empty());

    let patched = store
        .put_station(
            &id,
            StationPatch {
                password_hash: Some(Some("$argon2id$x".into())),
                site_id: Some(Some("depot".into())),
                description: Some(Some("by the gate".into())),
                boot_policy: Some(BootPolicy::Pending),
                security_profile: Some(Some(SecurityProfile::TlsClientCertificate)),
            },
        )
        .await
        .unwrap();
    assert_eq!(patched.password_hash.as_deref(), Some("$argon2id$x"));
    assert_eq!(patched.site_id.as_deref(), Some("depot"));
    assert_eq!(patched.description.as_deref(), Some("by the gate"));
    assert_eq!(patched.boot_policy, BootPolicy::Pending);
    assert_eq!(
        patched.security_profile,
        Some(SecurityProfile::TlsClientCertificate)
    );

    // None leaves a field; Some(None) clears it.
    let cleared = store
        .put_station(
            &id,
            StationPatch {
                site_id: Some(None),
                ..StationPatch::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(cleared.site_id, None);
    assert_eq!(cleared.password_hash.as_deref(), Some("$argon2id$x"));
    assert_eq!(cleared.description.as_deref(), Some("by the gate"));
    assert_eq!(cleared.boot_policy, BootPolicy::Pending);
    assert_eq!(
        cleared.security_profile,
        Some(SecurityProfile::TlsClientCertificate)
    );
    assert_eq!(store.station(&id).await.unwrap(), Some(cleared.clone()));

    // A station created with a patch takes it.
    let other = store
        .put_station(
            &station("CP-0"),
            StationPatch {
                boot_policy: Some(BootPolicy::Rejected),
                ..StationPatch::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(other.boot_policy, BootPolicy::Rejected);

    let all = store.stations().await.unwrap();
    assert_eq!(all, vec![other, cleared]);

    let unset = store
        .put_station(
            &id,
            StationPatch {
                security_profile: Some(None),
                ..StationPatch::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(unset.security_profile, None);
}

pub(crate) async fn station_reports(store: DynStore) {
    register(&store, "CP-1").await;
    register(&store, "CP-2").await;
    let id = station("CP-1");
    store
        .write(Write::Boot(BootReport {
            station_id: id.clone(),
            protocol: "ocpp1.6".into(),
            status: BootStatus::Accepted,
            vendor: "Acme".into(),
            model: "Wallbox".into(),
            serial_number: Some("SN1".into()),
            firmware_version: None,
            received_at: at(10),
        }))
        .await
        .unwrap();
    for (connector_id, status, seconds) in [
        (2, "Available", 11),
        (0, "Available", 12),
        (1, "Available", 13),
        (1, "Charging", 14),
    ] {
        store
            .write(Write::Status(StatusReport {
                station_id: id.clone(),
                connector: ConnectorRecord {
                    evse_id: connector_id,
                    connector_id,
                    status: status.into(),
                    error_code: Some("NoError".into()),
                    info: None,
                    vendor_error_code: None,
                    station_time: Some(at(seconds - 5)),
                    updated_at: at(seconds),
                },
            }))
            .await
            .unwrap();
    }
    let record = store.station(&id).await.unwrap().unwrap();
    assert_eq!(record.protocol.as_deref(), Some("ocpp1.6"));
    assert_eq!(record.boot_status, Some(BootStatus::Accepted));
    assert_eq!(record.vendor.as_deref(), Some("Acme"));
    assert_eq!(record.model.as_deref(), Some("Wallbox"));
    assert_eq!(record.serial_number.as_deref(), Some("SN1"));
    assert_eq!(record.firmware_version, None);
    assert_eq!(record.last_seen, Some(at(10)));
    let connectors: Vec<_> = record
        .connectors
        .iter()
        .map(|c| {
            (
                c.connector_id,
                c.status.as_str(),
                c.updated_at,
                c.station_time,
            )
        })
        .collect();
    assert_eq!(
        connectors,
        vec![
            (0, "Available", at(12), Some(at(7))),
            (1, "Charging", at(14), Some(at(9))),
            (2, "Available", at(11), Some(at(6))),
        ]
    );
    assert_eq!(record.connectors[1].error_code.as_deref(), Some("NoError"));

    store
        .write(Write::Seen {
            station_id: id.clone(),
            protocol: None,
            at: at(20),
        })
        .await
        .unwrap();
    let record = store.station(&id).await.unwrap().unwrap();
    assert_eq!(record.last_seen, Some(at(20)));
    assert_eq!(record.protocol.as_deref(), Some("ocpp1.6"));
    store
        .write(Write::Seen {
            station_id: id.clone(),
            protocol: Some("ocpp2.0.1".into()),
            at: at(30),
        })
        .await
        .unwrap();
    let record = store.station(&id).await.unwrap().unwrap();
    assert_eq!(record.protocol.as_deref(), Some("ocpp2.0.1"));

    // stations() carries each station's own connectors.
    let all = store.stations().await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0], record);
    assert!(all[1].connectors.is_empty());
}

pub(crate) async fn reports_for_unknown_stations_do_nothing(store: DynStore) {
    let id = station("GHOST");
    store
        .write(Write::Boot(BootReport {
            station_id: id.clone(),
            protocol: "ocpp1.6".into(),
            status: BootStatus::Accepted,
            vendor: "Acme".into(),
            model: "X".into(),
            serial_number: None,
            firmware_version: None,
            received_at: at(1),
        }))
        .await
        .unwrap();
    store
        .write(Write::Status(StatusReport {
            station_id: id.clone(),
            connector: ConnectorRecord {
                evse_id: 1,
                connector_id: 1,
                status: "Available".into(),
                error_code: None,
                info: None,
                vendor_error_code: None,
                station_time: None,
                updated_at: at(2),
            },
        }))
        .await
        .unwrap();
    store
        .write(Write::Seen {
            station_id: id.clone(),
            protocol: None,
            at: at(3),
        })
        .await
        .unwrap();
    let taken = store
        .write(Write::Password {
            station_id: id.clone(),
            password_hash: "$argon2id$ghost".into(),
        })
        .await
        .unwrap();
    assert!(matches!(taken, Written::Password(false)), "{taken:?}");
    assert_eq!(store.station(&id).await.unwrap(), None);
    assert!(store.stations().await.unwrap().is_empty());
}

pub(crate) async fn password_writes_replace_the_hash(store: DynStore) {
    register(&store, "CP-PW").await;
    let id = station("CP-PW");
    let taken = store
        .write(Write::Password {
            station_id: id.clone(),
            password_hash: "$argon2id$new".into(),
        })
        .await
        .unwrap();
    assert!(matches!(taken, Written::Password(true)), "{taken:?}");
    let record = store.station(&id).await.unwrap().unwrap();
    assert_eq!(record.password_hash.as_deref(), Some("$argon2id$new"));
}

pub(crate) async fn delete_station_keeps_billing_data(store: DynStore) {
    register(&store, "CP-1").await;
    let id = station("CP-1");
    store
        .write(Write::Status(StatusReport {
            station_id: id.clone(),
            connector: ConnectorRecord {
                evse_id: 1,
                connector_id: 1,
                status: "Charging".into(),
                error_code: None,
                info: None,
                vendor_error_code: None,
                station_time: None,
                updated_at: at(1),
            },
        }))
        .await
        .unwrap();
    let started = start(&store, new_transaction("CP-1", 1, "TAG", 10, 100.0)).await;
    let readings = super::readings("CP-1", 1, None, vec![super::five_samples(20, 150.0)]);
    super::meter(&store, readings).await;
    store.journal(frame(
        "CP-1",
        1,
        Direction::In,
        "[2,\"1\",\"Heartbeat\",{}]",
    ));

    assert!(store.delete_station(&id).await.unwrap());
    assert_eq!(store.station(&id).await.unwrap(), None);
    assert!(!store.delete_station(&id).await.unwrap());
    assert!(store.journal_entries(&id, 10).await.unwrap().is_empty());

    let transaction = store
        .transaction(started.transaction_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(transaction.station_id, id);
    let values: Vec<MeterValue> = store.meter_values(started.transaction_id).await.unwrap();
    assert_eq!(values.len(), 1);
    assert_eq!(values[0].sampled_value.len(), 5);
    let listed = store
        .transactions(TransactionFilter {
            station_id: Some(id.clone()),
            ..TransactionFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);

    // Registering again starts clean.
    let again = store
        .put_station(&id, StationPatch::default())
        .await
        .unwrap();
    assert!(again.connectors.is_empty());
}

pub(crate) async fn tags_crud(store: DynStore) {
    assert_eq!(store.tag("B").await.unwrap(), None);
    let b = TagRecord {
        id_tag: "B".into(),
        status: TagStatus::Accepted,
        expiry_date: Some(at(3600)),
        parent_id_tag: Some("GROUP".into()),
    };
    let a = TagRecord {
        id_tag: "A".into(),
        status: TagStatus::Blocked,
        expiry_date: None,
        parent_id_tag: None,
    };
    assert_eq!(store.put_tag(b.clone()).await.unwrap(), b);
    assert_eq!(store.put_tag(a.clone()).await.unwrap(), a);
    assert_eq!(store.tag("B").await.unwrap(), Some(b.clone()));
    assert_eq!(store.tags().await.unwrap(), vec![a.clone(), b.clone()]);

    let b2 = TagRecord {
        status: TagStatus::ConcurrentTx,
        expiry_date: None,
        parent_id_tag: None,
        ..b.clone()
    };
    store.put_tag(b2.clone()).await.unwrap();
    assert_eq!(store.tag("B").await.unwrap(), Some(b2.clone()));

    assert!(store.delete_tag("A").await.unwrap());
    assert!(!store.delete_tag("A").await.unwrap());
    assert_eq!(store.tags().await.unwrap(), vec![b2]);
}

pub(crate) fn frame(
    station_id: &str,
    seconds: i64,
    direction: Direction,
    text: &str,
) -> JournalEntry {
    JournalEntry {
        station_id: station(station_id),
        at: at(seconds),
        direction,
        frame: text.into(),
    }
}

/// A journal read commits the frames queued before it.
async fn flush(store: &DynStore) {
    store.journal_entries(&station("FLUSH"), 0).await.unwrap();
}

pub(crate) async fn journal_order_and_limit(store: DynStore) {
    for i in 0..5 {
        let direction = if i % 2 == 0 {
            Direction::In
        } else {
            Direction::Out
        };
        store.journal(frame("CP-1", i, direction, &format!("frame {i}")));
        store.journal(frame("CP-2", i, direction, &format!("other {i}")));
    }
    flush(&store).await;
    let last3 = store.journal_entries(&station("CP-1"), 3).await.unwrap();
    assert_eq!(
        last3,
        vec![
            frame("CP-1", 2, Direction::In, "frame 2"),
            frame("CP-1", 3, Direction::Out, "frame 3"),
            frame("CP-1", 4, Direction::In, "frame 4"),
        ]
    );
    assert_eq!(
        store
            .journal_entries(&station("CP-2"), 100)
            .await
            .unwrap()
            .len(),
        5
    );
    assert!(
        store
            .journal_entries(&station("CP-3"), 100)
            .await
            .unwrap()
            .is_empty()
    );
}

pub(crate) async fn journal_flushes_without_writes(store: DynStore) {
    store.journal(frame("CP-1", 1, Direction::In, "alone"));
    for _ in 0..100 {
        if !store
            .journal_entries(&station("CP-1"), 10)
            .await
            .unwrap()
            .is_empty()
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("a lone journal frame was not written within 2 s");
}

/// After many frames, a station keeps about `limit` of them (trimming is periodic, so up to a
/// tenth more), and they are the newest.
pub(crate) async fn journal_trimmed(store: DynStore, limit: usize) {
    let total = limit * 3 + 7;
    for i in 0..total {
        store.journal(frame(
            "CP-1",
            i as i64,
            Direction::In,
            &format!("frame {i}"),
        ));
        if i % 5 == 0 {
            flush(&store).await;
        }
    }
    flush(&store).await;
    let kept = store
        .journal_entries(&station("CP-1"), total)
        .await
        .unwrap();
    assert!(kept.len() >= limit, "kept {}", kept.len());
    assert!(kept.len() <= limit + limit / 10, "kept {}", kept.len());
    let newest = kept.last().unwrap();
    assert_eq!(newest.frame, format!("frame {}", total - 1));
    let first = total - kept.len();
    assert_eq!(kept[0].frame, format!("frame {first}"));
}
