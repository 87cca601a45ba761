//! `/api/v1/transactions`.

use serde_json::json;

use super::*;
use crate::domain::{MeterReadings, MeterValue, SampleValue, SampledValue};

fn ids(list: &Value) -> Vec<i64> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn newest_first_filtered_with_energy() {
    let h = Harness::new();
    h.register("CP-1").await;
    h.register("CP-2").await;
    let first = h.start("CP-1", 1, at(8), 1000.0).await;
    h.stop("CP-1", first, at(9), 1500.5).await;
    let second = h.start("CP-1", 2, at(10), 20.0).await;
    let third = h.start("CP-2", 1, at(11), 0.0).await;
    // Same start time as `third`: the higher id comes first.
    let fourth = h.start("CP-2", 2, at(11), 0.0).await;

    let all = h.get("/api/v1/transactions").await.ok();
    assert_eq!(ids(&all), [fourth, third, second, first]);
    let stopped = &all[3];
    assert_eq!(
        *stopped,
        json!({"id": first, "ocpp_transaction_id": first.to_string(), "station_id": "CP-1",
               "evse_id": 1, "connector_id": 1, "id_tag": "TAG-1",
               "started_at": "2026-01-02T08:00:00Z", "stopped_at": "2026-01-02T09:00:00Z",
               "meter_start_wh": 1000.0, "meter_stop_wh": 1500.5, "energy_wh": 500.5,
               "stop_reason": "Local", "flag": null})
    );
    assert_eq!(all[2]["stopped_at"], Value::Null);
    assert_eq!(all[2]["meter_stop_wh"], Value::Null);
    assert_eq!(all[2]["energy_wh"], Value::Null);
    assert_eq!(all[2]["stop_reason"], Value::Null);

    let get = |query: &'static str| h.get(query);
    assert_eq!(
        ids(&get("/api/v1/transactions?station_id=CP-1").await.ok()),
        [second, first]
    );
    assert_eq!(
        ids(&get("/api/v1/transactions?active=true").await.ok()),
        [fourth, third, second]
    );
    assert_eq!(
        ids(&get("/api/v1/transactions?active=false").await.ok()),
        [first]
    );
    assert_eq!(
        ids(&get("/api/v1/transactions?station_id=CP-2&active=true")
            .await
            .ok()),
        [fourth, third]
    );
    assert_eq!(
        ids(&get("/api/v1/transactions?station_id=&active=").await.ok()).len(),
        4
    );
    assert_eq!(
        get("/api/v1/transactions?station_id=CP-9").await.ok(),
        json!([])
    );
    for bad in ["active=yes", "active=1", "station_id=a:b"] {
        let reply = h.get(&format!("/api/v1/transactions?{bad}")).await;
        assert_eq!(reply.error(400), "bad_request", "{bad}");
    }
}

#[tokio::test]
async fn one_transaction_with_meter_values() {
    let h = Harness::new();
    h.register("CP-1").await;
    let id = h.start("CP-1", 1, at(8), 100.0).await;
    let sample = |value, measurand: &str, unit: Option<&str>, phase: Option<&str>| SampledValue {
        value,
        measurand: measurand.to_owned().into(),
        unit: unit.map(|u| u.to_owned().into()),
        phase: phase.map(|p| p.to_owned().into()),
        location: None,
        context: Some("Sample.Periodic".into()),
    };
    h.app
        .store
        .write(Write::Meter(MeterReadings {
            station_id: sid("CP-1"),
            evse_id: 1,
            connector_id: 1,
            ocpp_transaction_id: Some(id.to_string()),
            meter_values: vec![MeterValue {
                timestamp: at(9),
                sampled_value: vec![
                    sample(
                        SampleValue::Number(150.0),
                        "Energy.Active.Import.Register",
                        Some("Wh"),
                        None,
                    ),
                    sample(
                        SampleValue::Text("n/a".into()),
                        "Voltage",
                        None,
                        Some("L1-N"),
                    ),
                ],
            }],
            received_at: at(9),
        }))
        .await
        .unwrap();
    let transaction = h.get(&format!("/api/v1/transactions/{id}")).await.ok();
    assert_eq!(transaction["id"], id);
    assert_eq!(transaction["energy_wh"], Value::Null);
    assert_eq!(
        transaction["meter_values"],
        json!([{"timestamp": "2026-01-02T09:00:00Z", "sampled_value": [
            {"value": 150.0, "measurand": "Energy.Active.Import.Register", "unit": "Wh",
             "context": "Sample.Periodic"},
            {"value": "n/a", "measurand": "Voltage", "unit": null, "phase": "L1-N",
             "context": "Sample.Periodic"},
        ]}])
    );

    assert_eq!(
        h.get("/api/v1/transactions/999").await.error(404),
        "not_found"
    );
    assert_eq!(
        h.get("/api/v1/transactions/abc").await.error(404),
        "not_found"
    );
}
