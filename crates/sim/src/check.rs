//! After the run: every transaction the server confirmed both ends of must be stored exactly
//! once, with the meter readings the station sent and `energy_wh = meterStop − meterStart`.
//! Replays (the `offline` scenario) must not have created a second one.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::driver::ApiCheck;
use crate::station::CompletedTransaction;
use crate::stats::{Progress, Stats};

pub(crate) async fn check_transactions(api: &ApiCheck, total: &mut Stats, progress: &Progress) {
    let client = reqwest::Client::new();
    let mut by_station: BTreeMap<&str, Vec<&CompletedTransaction>> = BTreeMap::new();
    for done in &total.completed {
        by_station.entry(&done.station_id).or_default().push(done);
    }
    let mut failures = Vec::new();
    let mut checked = 0;
    for (station, done) in by_station {
        let stored = match list(&client, api, station).await {
            Ok(stored) => stored,
            Err(error) => {
                failures.push(format!("api check: {error}"));
                continue;
            }
        };
        for tx in done {
            checked += 1;
            if let Err(kind) = verify(tx, &stored) {
                failures.push(format!("api check: {kind}"));
            }
        }
    }
    total.checked += checked;
    for kind in failures {
        total.error(kind, progress);
    }
}

async fn list(
    client: &reqwest::Client,
    api: &ApiCheck,
    station: &str,
) -> Result<Vec<Value>, String> {
    let url = format!("{}/api/v1/transactions", api.url.trim_end_matches('/'));
    let response = client
        .get(url)
        .query(&[("station_id", station)])
        .bearer_auth(&api.token)
        .send()
        .await
        .map_err(|e| format!("request failed ({e})"))?;
    if !response.status().is_success() {
        return Err(format!("HTTP {}", response.status().as_u16()));
    }
    match response.json::<Value>().await {
        Ok(Value::Array(list)) => Ok(list),
        _ => Err("the transaction list is not a JSON array".into()),
    }
}

/// The error kind (for the report's errors by kind) if `tx` is not stored right.
fn verify(tx: &CompletedTransaction, stored: &[Value]) -> Result<(), &'static str> {
    let id = tx.transaction_id.as_str();
    let matching: Vec<&Value> = stored
        .iter()
        .filter(|t| t["ocpp_transaction_id"].as_str() == Some(id))
        .collect();
    let t = match matching.as_slice() {
        [] => return Err("transaction missing"),
        [t] => *t,
        _ => return Err("transaction stored more than once"),
    };
    let number = |key: &str| t[key].as_f64();
    if t["connector_id"].as_u64() != Some(u64::from(tx.connector_id)) {
        return Err("wrong connector");
    }
    if let Some(evse) = tx.evse_id
        && t["evse_id"].as_u64() != Some(u64::from(evse))
    {
        return Err("wrong EVSE");
    }
    if number("meter_start_wh") != Some(tx.meter_start_wh as f64)
        || number("meter_stop_wh") != Some(tx.meter_stop_wh as f64)
    {
        return Err("wrong meter readings");
    }
    if number("energy_wh") != Some((tx.meter_stop_wh - tx.meter_start_wh) as f64) {
        return Err("wrong energy");
    }
    if t["stopped_at"].is_null() {
        return Err("transaction not stopped");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn verify_finds_missing_duplicate_and_wrong_energy() {
        let tx = CompletedTransaction {
            station_id: "S".into(),
            connector_id: 1,
            evse_id: None,
            transaction_id: "7".into(),
            meter_start_wh: 100,
            meter_stop_wh: 150,
        };
        let good = json!({"ocpp_transaction_id": "7", "connector_id": 1, "meter_start_wh": 100.0,
            "meter_stop_wh": 150.0, "energy_wh": 50.0, "stopped_at": "2026-01-01T00:00:00Z"});
        assert_eq!(verify(&tx, std::slice::from_ref(&good)), Ok(()));
        assert_eq!(verify(&tx, &[]), Err("transaction missing"));
        assert_eq!(
            verify(&tx, &[good.clone(), good.clone()]),
            Err("transaction stored more than once")
        );
        let mut wrong = good;
        wrong["energy_wh"] = json!(49.0);
        assert_eq!(verify(&tx, &[wrong]), Err("wrong energy"));
        // 2.0.1: EVSE 2's connector 1, named by its transactionId.
        let tx = CompletedTransaction {
            evse_id: Some(2),
            transaction_id: "1767225600123-4".into(),
            ..tx
        };
        let stored = json!({"ocpp_transaction_id": "1767225600123-4", "evse_id": 2,
            "connector_id": 1, "meter_start_wh": 100.0, "meter_stop_wh": 150.0,
            "energy_wh": 50.0, "stopped_at": "2026-01-01T00:00:00Z"});
        assert_eq!(verify(&tx, std::slice::from_ref(&stored)), Ok(()));
        let mut elsewhere = stored;
        elsewhere["evse_id"] = json!(1);
        assert_eq!(verify(&tx, &[elsewhere]), Err("wrong EVSE"));
    }
}
