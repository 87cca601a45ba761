//! A quick load measurement against a running server (the full simulator comes with `switchyard sim`).
//!
//! Run through `bench/quick.sh`, which starts a fresh release server and passes its pid:
//!   cargo run --release --example quick_bench -- --addr 127.0.0.1:8180 --pid PID --idle 5000 --active 200 --seconds 10
//!
//! Phase 1 connects `--idle` stations (BootNotification each) and reports the server's RSS
//! growth per connection. Phase 2 runs `--active` stations in a closed loop of durable
//! MeterValues calls (each acknowledged only after its commit) and reports calls/s and the
//! round-trip p50/p99.

use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use serde_json::json;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

struct Args {
    addr: String,
    pid: u32,
    idle: usize,
    active: usize,
    seconds: u64,
}

fn args() -> Args {
    let mut args = Args {
        addr: "127.0.0.1:8180".into(),
        pid: 0,
        idle: 1000,
        active: 100,
        seconds: 10,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().unwrap_or_default();
        match flag.as_str() {
            "--addr" => args.addr = value,
            "--pid" => args.pid = value.parse().unwrap_or(0),
            "--idle" => args.idle = value.parse().unwrap_or(args.idle),
            "--active" => args.active = value.parse().unwrap_or(args.active),
            "--seconds" => args.seconds = value.parse().unwrap_or(args.seconds),
            other => eprintln!("ignoring unknown flag {other}"),
        }
    }
    args
}

fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

async fn connect(addr: &str, id: &str) -> Ws {
    let mut request = format!("ws://{addr}/ocpp/{id}")
        .into_client_request()
        .expect("request");
    request
        .headers_mut()
        .insert("Sec-WebSocket-Protocol", "ocpp1.6".parse().expect("header"));
    let (ws, _) = tokio_tungstenite::connect_async(request)
        .await
        .expect("connect");
    ws
}

async fn call(ws: &mut Ws, id: &str, action: &str, payload: serde_json::Value) {
    let frame = json!([2, id, action, payload]).to_string();
    ws.send(Message::Text(frame.into())).await.expect("send");
    loop {
        match ws.next().await {
            Some(Ok(Message::Text(text))) if text.as_str().contains(id) => {
                assert!(text.as_str().starts_with("[3"), "{action} failed: {text}");
                return;
            }
            Some(Ok(_)) => {}
            other => panic!("connection lost: {other:?}"),
        }
    }
}

#[tokio::main]
async fn main() {
    let args = args();
    let boot = json!({"chargePointVendor": "Bench", "chargePointModel": "Quick"});

    // Phase 1: idle connections.
    let before = rss_kib(args.pid);
    let mut idle = Vec::with_capacity(args.idle);
    for i in 0..args.idle {
        let mut ws = connect(&args.addr, &format!("IDLE-{i}")).await;
        call(&mut ws, "b", "BootNotification", boot.clone()).await;
        idle.push(ws);
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    let after = rss_kib(args.pid);
    if let (Some(b), Some(a)) = (before, after) {
        let per = (a.saturating_sub(b) as f64 * 1024.0) / args.idle.max(1) as f64;
        println!(
            "idle: {} stations, server RSS {b} KiB -> {a} KiB, {per:.0} bytes per idle station",
            args.idle
        );
    }

    // Phase 2: closed-loop durable MeterValues.
    let deadline = Instant::now() + Duration::from_secs(args.seconds);
    let mut tasks = Vec::new();
    for s in 0..args.active {
        let addr = args.addr.clone();
        let boot = boot.clone();
        tasks.push(tokio::spawn(async move {
            let mut ws = connect(&addr, &format!("ACTIVE-{s}")).await;
            call(&mut ws, "b", "BootNotification", boot).await;
            let mut latencies = Vec::new();
            let mut n = 0u64;
            while Instant::now() < deadline {
                n += 1;
                let ts = chrono_like(n);
                let payload = json!({"connectorId": 1, "meterValue": [{"timestamp": ts, "sampledValue": [
                    {"value": n.to_string(), "measurand": "Energy.Active.Import.Register", "unit": "Wh"},
                    {"value": "7200", "measurand": "Power.Active.Import", "unit": "W"},
                    {"value": "230", "measurand": "Voltage", "unit": "V", "phase": "L1-N"}]}]});
                let started = Instant::now();
                call(&mut ws, &format!("m{n}"), "MeterValues", payload).await;
                latencies.push(started.elapsed());
            }
            latencies
        }));
    }
    let started = Instant::now();
    let mut all = Vec::new();
    for task in tasks {
        all.extend(task.await.expect("station task"));
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.sort();
    let pct = |p: f64| {
        all.get(((all.len() as f64 * p) as usize).min(all.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    println!(
        "steady: {} stations, {} durable MeterValues in {elapsed:.1}s = {:.0}/s, p50 {:.2} ms, p99 {:.2} ms",
        args.active,
        all.len(),
        all.len() as f64 / elapsed,
        pct(0.50).as_secs_f64() * 1000.0,
        pct(0.99).as_secs_f64() * 1000.0,
    );
    drop(idle);
}

/// Distinct timestamps per message so no reading is deduplicated away.
fn chrono_like(n: u64) -> String {
    let secs = n % 60;
    let mins = (n / 60) % 60;
    let hours = (n / 3600) % 24;
    let day = 1 + (n / 86_400) % 28;
    format!("2026-05-{day:02}T{hours:02}:{mins:02}:{secs:02}Z")
}
