//! `/stations/{id}/variables` and `/stations/{id}/configuration`.

use serde_json::json;

use super::*;
use crate::domain::{
    Attribute, AttributeKind, Mutability, ReportedVariable, StationId, VariableKey, VariablesReport,
};
use crate::store::Write;

async fn report(h: &Harness, id: &str, variables: Vec<ReportedVariable>) {
    h.app
        .store
        .write(Write::Variables(Box::new(VariablesReport {
            station_id: StationId::new(id).unwrap(),
            received_at: chrono::Utc::now(),
            variables,
        })))
        .await
        .unwrap();
}

fn variable(key: VariableKey, value: &str, mutability: Mutability) -> ReportedVariable {
    ReportedVariable {
        key,
        attributes: vec![Attribute {
            mutability: Some(mutability),
            ..Attribute::actual(Some(value.into()))
        }],
        characteristics: None,
    }
}

#[tokio::test]
async fn a_16_station_shows_its_keys() {
    let h = Harness::new();
    h.register("CP-16").await;
    assert_eq!(
        h.get("/api/v1/stations/CP-16/configuration").await.ok(),
        json!([])
    );
    report(
        &h,
        "CP-16",
        vec![
            variable(
                VariableKey::configuration_key("HeartbeatInterval"),
                "300",
                Mutability::ReadWrite,
            ),
            variable(
                VariableKey::configuration_key("NumberOfConnectors"),
                "2",
                Mutability::ReadOnly,
            ),
        ],
    )
    .await;
    let config = h.get("/api/v1/stations/CP-16/configuration").await.ok();
    let lines: Vec<_> = config
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["key"].clone(), e["value"].clone(), e["readonly"].clone()))
        .collect();
    assert_eq!(
        lines,
        vec![
            (json!("HeartbeatInterval"), json!("300"), json!(false)),
            (json!("NumberOfConnectors"), json!("2"), json!(true)),
        ]
    );
    let entry = config[0].as_object().unwrap();
    let mut fields: Vec<_> = entry.keys().map(String::as_str).collect();
    fields.sort_unstable();
    assert_eq!(fields, ["key", "readonly", "reported_at", "value"]);

    let variables = h.get("/api/v1/stations/CP-16/variables").await.ok();
    assert_eq!(variables[0]["component"], Value::Null);
    assert_eq!(variables[0]["variable"], "HeartbeatInterval");
    assert_eq!(
        variables[0]["attributes"],
        json!([{"type": "Actual", "value": "300", "mutability": "ReadWrite",
                "persistent": null, "constant": null}])
    );
}

#[tokio::test]
async fn a_2x_station_shows_its_device_model() {
    let h = Harness::new();
    h.register("CP-2").await;
    let per_evse = |evse_id| VariableKey {
        evse_id: Some(evse_id),
        ..VariableKey::component_variable("EVSE", "Power")
    };
    report(
        &h,
        "CP-2",
        vec![
            variable(
                VariableKey::component_variable("OCPPCommCtrlr", "HeartbeatInterval"),
                "60",
                Mutability::ReadWrite,
            ),
            variable(per_evse(1), "22000", Mutability::ReadOnly),
            variable(per_evse(2), "11000", Mutability::ReadOnly),
            // Only a Target: not a configuration line.
            ReportedVariable {
                key: VariableKey::component_variable("SmartChargingCtrlr", "Limit"),
                attributes: vec![Attribute {
                    kind: AttributeKind::Target,
                    value: Some("16".into()),
                    ..Attribute::default()
                }],
                characteristics: None,
            },
        ],
    )
    .await;
    let config = h.get("/api/v1/stations/CP-2/configuration").await.ok();
    let keys: Vec<_> = config
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["key"].as_str().unwrap(), e.get("evse_id").cloned()))
        .collect();
    assert_eq!(
        keys,
        vec![
            ("EVSE.Power", Some(json!(1))),
            ("EVSE.Power", Some(json!(2))),
            ("OCPPCommCtrlr.HeartbeatInterval", None),
        ]
    );

    let evse = h
        .get("/api/v1/stations/CP-2/variables?component=evse")
        .await
        .ok();
    assert_eq!(evse.as_array().unwrap().len(), 2);
    assert_eq!(evse[1]["evse_id"], 2);
    let limit = h
        .get("/api/v1/stations/CP-2/variables?variable=LIMIT")
        .await
        .ok();
    assert_eq!(limit[0]["attributes"][0]["type"], "Target");
    assert_eq!(limit[0]["characteristics"], Value::Null);
}

#[tokio::test]
async fn unknown_stations_are_404() {
    let h = Harness::new();
    assert_eq!(
        h.get("/api/v1/stations/NOPE/variables").await.error(404),
        "not_found"
    );
    assert_eq!(
        h.get("/api/v1/stations/NOPE/configuration")
            .await
            .error(404),
        "not_found"
    );
}
