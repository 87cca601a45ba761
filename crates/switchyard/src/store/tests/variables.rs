//! Reported configuration: merged report by report, case-insensitive names, no secrets kept.

use super::*;
use crate::domain::{
    Attribute, AttributeKind, Characteristics, Mutability, ReportedVariable, VariableKey,
    VariablesReport,
};

async fn report(store: &DynStore, id: &str, seconds: i64, variables: Vec<ReportedVariable>) {
    let written = store
        .write(Write::Variables(Box::new(VariablesReport {
            station_id: station(id),
            received_at: at(seconds),
            variables,
        })))
        .await
        .expect("variables");
    assert!(matches!(written, Written::Variables(_)), "{written:?}");
}

fn actual(key: VariableKey, value: &str) -> ReportedVariable {
    ReportedVariable {
        key,
        attributes: vec![Attribute::actual(Some(value.into()))],
        characteristics: None,
    }
}

pub(crate) async fn variables_merge_by_key_and_attribute(store: DynStore) {
    register(&store, "CP-V").await;
    let heartbeat = VariableKey::component_variable("OCPPCommCtrlr", "HeartbeatInterval");
    let evse_state = VariableKey {
        evse_id: Some(1),
        ..VariableKey::component_variable("EVSE", "AvailabilityState")
    };
    report(
        &store,
        "CP-V",
        1,
        vec![
            ReportedVariable {
                key: heartbeat.clone(),
                attributes: vec![
                    Attribute {
                        kind: AttributeKind::Actual,
                        value: Some("300".into()),
                        mutability: Some(Mutability::ReadWrite),
                        persistent: Some(true),
                        constant: Some(false),
                    },
                    Attribute {
                        kind: AttributeKind::MaxSet,
                        value: Some("3600".into()),
                        ..Attribute::default()
                    },
                ],
                characteristics: Some(Characteristics {
                    unit: Some("s".into()),
                    data_type: "integer".into(),
                    min_limit: Some(1.0),
                    max_limit: None,
                    values_list: None,
                    supports_monitoring: true,
                }),
            },
            actual(evse_state.clone(), "Available"),
            actual(
                VariableKey {
                    evse_id: Some(2),
                    ..evse_state.clone()
                },
                "Occupied",
            ),
        ],
    )
    .await;
    // A GetVariables answer later: the value only, names in another case.
    let shouting = VariableKey::component_variable("ocppcommctrlr", "HEARTBEATINTERVAL");
    report(&store, "CP-V", 5, vec![actual(shouting, "60")]).await;

    let variables = store.variables(&station("CP-V")).await.expect("variables");
    assert_eq!(variables.len(), 3, "{variables:#?}");
    let hb = variables
        .iter()
        .find(|v| v.key.variable == "HeartbeatInterval")
        .expect("heartbeat kept under its first spelling");
    let actual_attr = hb.attribute(AttributeKind::Actual).expect("actual");
    assert_eq!(actual_attr.value.as_deref(), Some("60"));
    assert_eq!(actual_attr.mutability, Some(Mutability::ReadWrite));
    assert_eq!(
        hb.attribute(AttributeKind::MaxSet)
            .and_then(|a| a.value.as_deref()),
        Some("3600")
    );
    assert_eq!(
        hb.characteristics.as_ref().map(|c| c.data_type.as_str()),
        Some("integer")
    );
    assert_eq!(hb.reported_at, at(5));
    let evses: Vec<_> = variables
        .iter()
        .filter(|v| v.key.component.as_deref() == Some("EVSE"))
        .map(|v| (v.key.evse_id, v.attributes[0].value.clone()))
        .collect();
    assert_eq!(
        evses,
        vec![
            (Some(1), Some("Available".to_owned())),
            (Some(2), Some("Occupied".to_owned()))
        ]
    );
}

pub(crate) async fn variables_keep_no_secrets(store: DynStore) {
    register(&store, "CP-S").await;
    report(
        &store,
        "CP-S",
        1,
        vec![
            actual(
                VariableKey::configuration_key("AuthorizationKey"),
                "0011223344556677",
            ),
            actual(
                VariableKey::component_variable("SecurityCtrlr", "BasicAuthPassword"),
                "sesame-sesame-16",
            ),
            actual(VariableKey::configuration_key("HeartbeatInterval"), "300"),
        ],
    )
    .await;
    let variables = store.variables(&station("CP-S")).await.expect("variables");
    assert_eq!(variables.len(), 3);
    for v in &variables {
        let value = v
            .attribute(AttributeKind::Actual)
            .and_then(|a| a.value.clone());
        match v.key.variable.as_str() {
            "HeartbeatInterval" => assert_eq!(value.as_deref(), Some("300")),
            _ => assert_eq!(value, None, "{:?} kept a secret", v.key),
        }
    }
    // 1.6 keys have no component.
    assert!(
        variables
            .iter()
            .any(|v| v.key == VariableKey::configuration_key("HeartbeatInterval"))
    );
}

pub(crate) async fn variables_of_unknown_or_deleted_stations(store: DynStore) {
    let key = VariableKey::configuration_key("HeartbeatInterval");
    report(&store, "CP-GONE", 1, vec![actual(key.clone(), "1")]).await;
    assert!(
        store
            .variables(&station("CP-GONE"))
            .await
            .expect("read")
            .is_empty()
    );
    register(&store, "CP-D").await;
    report(&store, "CP-D", 1, vec![actual(key, "1")]).await;
    assert_eq!(
        store.variables(&station("CP-D")).await.expect("read").len(),
        1
    );
    assert!(
        store
            .delete_station(&station("CP-D"))
            .await
            .expect("delete")
    );
    register(&store, "CP-D").await;
    assert!(
        store
            .variables(&station("CP-D"))
            .await
            .expect("read")
            .is_empty()
    );
}

pub(crate) async fn desired_values_and_local_lists(store: DynStore) {
    use crate::domain::local_list::{ListEntry, ListUpdate};
    use crate::domain::{TagStatus, auth::Authorization};
    register(&store, "CP-OPS").await;
    let id = station("CP-OPS");

    let put = store
        .put_desired(&id, "HeartbeatInterval", "60", at(1))
        .await
        .unwrap();
    assert_eq!((put.value.as_str(), put.last_result), ("60", None));
    store
        .desired_result(&id, "heartbeatinterval", "60", "Accepted", at(2))
        .await
        .unwrap();
    // A result for a value that is no longer desired is not recorded.
    store
        .desired_result(&id, "HeartbeatInterval", "30", "Rejected", at(3))
        .await
        .unwrap();
    let desired = store.desired_configuration(&id).await.unwrap();
    assert_eq!(desired.len(), 1);
    assert_eq!(desired[0].last_result.as_deref(), Some("Accepted"));
    assert_eq!(desired[0].applied_at, Some(at(2)));
    // The same value keeps its result; a new one has none yet.
    let again = store
        .put_desired(&id, "HeartbeatInterval", "60", at(4))
        .await
        .unwrap();
    assert_eq!(again.last_result.as_deref(), Some("Accepted"));
    let changed = store
        .put_desired(&id, "HeartbeatInterval", "90", at(5))
        .await
        .unwrap();
    assert_eq!((changed.last_result, changed.updated_at), (None, at(5)));
    assert!(
        store
            .delete_desired(&id, "HEARTBEATINTERVAL")
            .await
            .unwrap()
    );
    assert!(
        !store
            .delete_desired(&id, "HeartbeatInterval")
            .await
            .unwrap()
    );

    let entry = |tag: &str, status: Option<TagStatus>| ListEntry {
        id_tag: tag.into(),
        authorization: status.map(|status| Authorization {
            status,
            expiry_date: None,
            parent_id_tag: None,
        }),
    };
    assert_eq!(store.local_list(&id).await.unwrap().version, 0);
    let full = ListUpdate {
        version: 1,
        full: true,
        entries: vec![
            entry("A", Some(TagStatus::Accepted)),
            entry("B", Some(TagStatus::Blocked)),
        ],
    };
    store
        .record_local_list(&id, "Accepted", Some(&full), at(6))
        .await
        .unwrap();
    let diff = ListUpdate {
        version: 2,
        full: false,
        entries: vec![entry("A", None), entry("C", Some(TagStatus::Accepted))],
    };
    store
        .record_local_list(&id, "Accepted", Some(&diff), at(7))
        .await
        .unwrap();
    store
        .record_local_list(&id, "Failed", None, at(8))
        .await
        .unwrap();
    let state = store.local_list(&id).await.unwrap();
    assert_eq!(state.version, 2, "a refused update keeps the version");
    assert_eq!(state.last_result.as_deref(), Some("Failed"));
    assert_eq!(state.updated_at, Some(at(8)));
    assert_eq!(state.entries.keys().collect::<Vec<_>>(), ["B", "C"]);

    // Gone with the station; nothing recorded for unknown ones.
    assert!(store.delete_station(&id).await.unwrap());
    assert!(store.desired_configuration(&id).await.unwrap().is_empty());
    store
        .record_local_list(&id, "Accepted", Some(&full), at(9))
        .await
        .unwrap();
    assert_eq!(store.local_list(&id).await.unwrap().version, 0);
}
