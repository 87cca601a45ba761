//! The benchmark's ceiling: a minimal OCPP 1.6 responder on the server's own WebSocket stack
//! (axum ws, the gateway's buffer settings), with no storage and no logic. Every CALL is
//! answered at once with a canned CALLRESULT (BootNotification Accepted, a transaction id
//! for StartTransaction, an Accepted idTagInfo), so `switchyard sim` runs against it as
//! against Switchyard. `bench/run.sh` measures both with the same load: each figure of the
//! server is also a ratio to what this machine can do at all.
//!
//!   cargo run --release --example echo_server -- 127.0.0.1:8190

use std::sync::atomic::{AtomicU64, Ordering};

use axum::Router;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::response::Response;
use axum::routing::get;
use serde_json::{Value, json};

/// The gateway's settings (`crates/switchyard/src/gateway/mod.rs`).
const READ_BUFFER: usize = 4 * 1024;
/// `ocpp::rpc::MAX_FRAME_BYTES`.
const MAX_FRAME_BYTES: usize = 1 << 20;

static TRANSACTIONS: AtomicU64 = AtomicU64::new(1);

#[tokio::main]
async fn main() {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:8190".into());
    let app = Router::new()
        .route("/health", get(|| async { "ok" }))
        .route("/ocpp/{*station}", get(upgrade));
    let listener = tokio::net::TcpListener::bind(&addr)
        .await
        .expect("cannot listen");
    println!("echo server on ws://{addr}/ocpp");
    axum::serve(listener, app).await.expect("serve");
}

async fn upgrade(ws: WebSocketUpgrade) -> Response {
    ws.read_buffer_size(READ_BUFFER)
        .write_buffer_size(0)
        .max_message_size(MAX_FRAME_BYTES)
        .max_frame_size(MAX_FRAME_BYTES)
        .protocols(["ocpp1.6"])
        .on_upgrade(run)
}

async fn run(mut socket: WebSocket) {
    while let Some(Ok(message)) = socket.recv().await {
        let Message::Text(text) = message else {
            continue;
        };
        if let Some(reply) = answer(text.as_str())
            && socket.send(Message::Text(reply.into())).await.is_err()
        {
            return;
        }
    }
}

/// The CALLRESULT for a CALL; nothing for anything else.
fn answer(text: &str) -> Option<String> {
    let frame: Value = serde_json::from_str(text).ok()?;
    if frame.get(0)?.as_u64()? != 2 {
        return None;
    }
    let id = frame.get(1)?;
    let accepted = json!({ "status": "Accepted" });
    let payload = match frame.get(2)?.as_str()? {
        "BootNotification" => json!({
            "status": "Accepted",
            "currentTime": chrono_now(),
            "interval": 300,
        }),
        "Heartbeat" => json!({ "currentTime": chrono_now() }),
        "Authorize" => json!({ "idTagInfo": accepted }),
        "StartTransaction" => json!({
            "transactionId": TRANSACTIONS.fetch_add(1, Ordering::Relaxed),
            "idTagInfo": accepted,
        }),
        "StopTransaction" => json!({ "idTagInfo": accepted }),
        "DataTransfer" => accepted,
        _ => json!({}),
    };
    Some(json!([3, id, payload]).to_string())
}

/// An RFC 3339 UTC timestamp without a date library.
fn chrono_now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Civil from days (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}
