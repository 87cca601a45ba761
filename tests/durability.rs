//! Ack means durable: stations run transactions against the real binary, the server is
//! killed with SIGKILL while acknowledgements are flowing, restarted on the same data dir,
//! and every Start/MeterValues/Stop that was acknowledged must be in the API.

mod common;

use std::collections::HashMap;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::Station;
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

const TOKEN: &str = "durability-test-token";
const STATIONS: usize = 16;

struct Server {
    child: Child,
    addr: String,
}

async fn spawn_server(data_dir: &std::path::Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_switchyard"))
        .args([
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--api-token",
            TOKEN,
            // The stations here answer nothing: they only count what was acknowledged.
            "--read-configuration-on-boot",
            "false",
            "--data-dir",
        ])
        .arg(data_dir)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .kill_on_drop(true)
        .spawn()
        .expect("the switchyard binary starts");
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let addr = loop {
        let line = tokio::time::timeout(Duration::from_secs(20), lines.next_line())
            .await
            .expect("server prints its address")
            .unwrap()
            .expect("stdout open");
        if let Some(rest) = line.split("API http://").nth(1) {
            break rest.split('/').next().unwrap().to_owned();
        }
    };
    // Keep draining stdout so the child never blocks on a full pipe.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    Server { child, addr }
}

async fn api(addr: &str, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
    let request = reqwest::Client::new()
        .request(method.parse().unwrap(), format!("http://{addr}{path}"))
        .bearer_auth(TOKEN);
    let request = match body {
        Some(b) => request.json(&b),
        None => request,
    };
    let response = request.send().await.expect("HTTP");
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// What stations saw acknowledged.
#[derive(Default)]
struct Acked {
    /// transaction id → (meter start, meter stop if stop acked)
    transactions: HashMap<i64, (i64, Option<i64>)>,
    /// (transaction id, reading timestamp)
    meter_values: Vec<(i64, String)>,
}

async fn run_station(addr: String, index: usize, acked: Arc<Mutex<Acked>>) {
    let id = format!("DUR-{index}");
    let Ok(mut st) =
        Station::connect(&format!("ws://{addr}/ocpp/{id}"), Some("ocpp1.6"), None).await
    else {
        return;
    };
    // The server dies under us at some point: every call may fail; stop at the first failure.
    let Some(_) = try_call(
        &mut st,
        "BootNotification",
        json!({"chargePointVendor": "V", "chargePointModel": "M"}),
    )
    .await
    else {
        return;
    };
    for round in 0.. {
        let meter_start = (round * 10_000) as i64;
        let ts = |minute: usize| {
            format!(
                "2026-04-01T{:02}:{:02}:{:02}Z",
                index % 24,
                round % 60,
                minute
            )
        };
        let start =
            json!({"connectorId": 1, "idTag": "T", "meterStart": meter_start, "timestamp": ts(0)});
        let Some(reply) = try_call(&mut st, "StartTransaction", start).await else {
            return;
        };
        let tx = reply["transactionId"].as_i64().unwrap();
        acked
            .lock()
            .unwrap()
            .transactions
            .insert(tx, (meter_start, None));
        for minute in 1..=3 {
            let meter = json!({"connectorId": 1, "transactionId": tx, "meterValue": [{"timestamp": ts(minute),
                "sampledValue": [{"value": (meter_start + minute as i64 * 100).to_string()}]}]});
            if try_call(&mut st, "MeterValues", meter).await.is_none() {
                return;
            }
            acked.lock().unwrap().meter_values.push((tx, ts(minute)));
        }
        let meter_stop = meter_start + 500;
        let stop = json!({"transactionId": tx, "meterStop": meter_stop, "timestamp": ts(4)});
        if try_call(&mut st, "StopTransaction", stop).await.is_none() {
            return;
        }
        acked
            .lock()
            .unwrap()
            .transactions
            .insert(tx, (meter_start, Some(meter_stop)));
    }
}

/// A call that returns None when the connection breaks instead of panicking.
async fn try_call(st: &mut Station, action: &str, payload: Value) -> Option<Value> {
    use futures_util::{SinkExt, StreamExt};
    use tokio_tungstenite::tungstenite::Message;
    let id = format!("{action}-{}", next_message_number());
    st.ws
        .send(Message::Text(
            json!([2, id, action, payload]).to_string().into(),
        ))
        .await
        .ok()?;
    loop {
        match tokio::time::timeout(Duration::from_secs(10), st.ws.next())
            .await
            .ok()??
        {
            Ok(Message::Text(text)) => {
                let frame: Value = serde_json::from_str(text.as_str()).ok()?;
                if frame[1] == id.as_str() {
                    return (frame[0] == 3).then(|| frame[2].clone());
                }
            }
            Ok(Message::Close(_)) | Err(_) => return None,
            Ok(_) => {}
        }
    }
}

fn next_message_number() -> usize {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_acknowledged_message_survives_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = spawn_server(dir.path()).await;
    let (status, _) = api(
        &server.addr,
        "PUT",
        "/api/v1/id-tags/T",
        Some(json!({"status": "Accepted"})),
    )
    .await;
    assert_eq!(status, 200);
    for i in 0..STATIONS {
        let (status, _) = api(
            &server.addr,
            "PUT",
            &format!("/api/v1/stations/DUR-{i}"),
            Some(json!({})),
        )
        .await;
        assert_eq!(status, 200);
    }
    let acked = Arc::new(Mutex::new(Acked::default()));
    let stations: Vec<_> = (0..STATIONS)
        .map(|i| tokio::spawn(run_station(server.addr.clone(), i, acked.clone())))
        .collect();
    // Let acknowledgements flow, then kill without warning while they still do.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while acked.lock().unwrap().meter_values.len() < 300 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    server.child.start_kill().expect("SIGKILL");
    server.child.wait().await.unwrap();
    for station in stations {
        let _ = station.await;
    }
    let acked = std::mem::take(&mut *acked.lock().unwrap());
    assert!(
        acked.meter_values.len() >= 50,
        "too little traffic before the kill: {}",
        acked.meter_values.len()
    );

    let server = spawn_server(dir.path()).await;
    let mut by_tx: HashMap<i64, Value> = HashMap::new();
    for (&tx, &(meter_start, meter_stop)) in &acked.transactions {
        let (status, body) = api(
            &server.addr,
            "GET",
            &format!("/api/v1/transactions/{tx}"),
            None,
        )
        .await;
        assert_eq!(status, 200, "acknowledged transaction {tx} lost");
        assert_eq!(body["meter_start_wh"], meter_start as f64);
        if let Some(stop) = meter_stop {
            assert_eq!(
                body["meter_stop_wh"], stop as f64,
                "acknowledged stop of {tx} lost"
            );
            assert_eq!(body["energy_wh"], 500.0);
        }
        by_tx.insert(tx, body);
    }
    for (tx, ts) in &acked.meter_values {
        let readings = by_tx[tx]["meter_values"].as_array().unwrap();
        let found = readings
            .iter()
            .any(|mv| mv["timestamp"].as_str().is_some_and(|t| t == ts.as_str()));
        assert!(
            found,
            "acknowledged meter value {ts} of transaction {tx} lost"
        );
    }
    println!(
        "survived kill -9: {} transactions, {} meter values acknowledged and found",
        acked.transactions.len(),
        acked.meter_values.len()
    );
}
