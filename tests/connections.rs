//! Connections: identity, Basic auth, subprotocols, replacement, liveness, shutdown.

mod common;

use std::time::Duration;

use common::{Station, TestServer};
use serde_json::json;
use tokio_tungstenite::tungstenite;

fn http_status(error: tungstenite::Error) -> u16 {
    match error {
        tungstenite::Error::Http(response) => response.status().as_u16(),
        other => panic!("expected an HTTP refusal, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unregistered_station_is_404_unless_auto_register() {
    let server = TestServer::start().await;
    let refused = Station::connect(&server.ws_url("NOBODY"), Some("ocpp1.6"), None)
        .await
        .err()
        .unwrap();
    assert_eq!(http_status(refused), 404);
    server.stop().await;

    let server = TestServer::start_with(|o| o.auto_register = Some(true)).await;
    let mut st = Station::connect(&server.ws_url("NEWCOMER"), Some("ocpp1.6"), None)
        .await
        .unwrap();
    assert_eq!(st.boot().await["status"], "Accepted");
    assert_eq!(
        server.get("/api/v1/stations/NEWCOMER").await["registered"],
        true
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn station_id_is_the_last_segment_percent_decoded() {
    let server = TestServer::start().await;
    server.register("RDAM%20123").await;
    let url = format!("ws://{}/ocpp/site-7/RDAM%20123", server.addr);
    let mut st = Station::connect(&url, Some("ocpp1.6"), None).await.unwrap();
    st.boot().await;
    assert_eq!(
        server.get("/api/v1/stations/RDAM%20123").await["id"],
        "RDAM 123"
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn basic_auth_is_checked_when_the_station_has_a_password() {
    let server = TestServer::start().await;
    server
        .register_with_password("CP-SEC", "0123456789abcdef0123")
        .await;
    let url = server.ws_url("CP-SEC");
    for credentials in [
        None,
        Some(("CP-SEC", "wrong-password-000000")),
        Some(("OTHER", "0123456789abcdef0123")),
    ] {
        let refused = Station::connect(&url, Some("ocpp1.6"), credentials)
            .await
            .err()
            .unwrap();
        assert_eq!(http_status(refused), 401, "{credentials:?}");
    }
    let mut st = Station::connect(
        &url,
        Some("ocpp1.6"),
        Some(("CP-SEC", "0123456789abcdef0123")),
    )
    .await
    .unwrap();
    st.boot().await;
    let station = server.get("/api/v1/stations/CP-SEC").await;
    assert!(
        station.get("password").is_none() && !station.to_string().contains("argon2"),
        "{station}"
    );
    server.stop().await;
}

/// J16 §6.2.2 / OCPP-RULES.md §7.2: an accepted password change (command or raw call) puts
/// the new password in force before the API returns; a rejected one keeps the old.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_accepted_password_change_replaces_the_password() {
    const OLD: &str = "0123456789abcdef0123";
    const NEW: &str = "00112233445566778899aabbccddeeff";
    const NEWER: &str = "fedcba9876543210fedcba98";
    let server = TestServer::start().await;
    server.register_with_password("CP-KEY", OLD).await;
    let url = server.ws_url("CP-KEY");
    let mut st = Station::connect(&url, Some("ocpp1.6"), Some(("CP-KEY", OLD)))
        .await
        .unwrap();
    st.boot().await;

    let change = |value: &str| json!({"key": "AuthorizationKey", "value": value});
    let path = "/api/v1/stations/CP-KEY/commands/change-configuration";
    for (value, answer) in [(NEW, "Rejected"), (NEW, "NotSupported")] {
        let api = server.api("POST", path, Some(change(value)));
        let station = async {
            let (id, _, payload) = st.expect_call().await;
            assert_eq!(payload["key"], "AuthorizationKey");
            st.reply(&id, json!({"status": answer})).await;
        };
        let ((status, _), ()) = tokio::join!(api, station);
        assert_eq!(status, 200);
    }
    let refused = Station::connect(&url, Some("ocpp1.6"), Some(("CP-KEY", NEW)))
        .await
        .err()
        .expect("a refused change keeps the old password");
    assert_eq!(http_status(refused), 401);

    let api = server.api("POST", path, Some(change(NEW)));
    let station = async {
        let (id, _, _) = st.expect_call().await;
        st.reply(&id, json!({"status": "Accepted"})).await;
    };
    let ((status, body), ()) = tokio::join!(api, station);
    assert_eq!((status, body["status"].as_str()), (200, Some("Accepted")));
    let refused = Station::connect(&url, Some("ocpp1.6"), Some(("CP-KEY", OLD)))
        .await
        .err()
        .expect("the old password no longer works");
    assert_eq!(http_status(refused), 401);
    // The new connection replaces the old one, as a station reconnecting after the change.
    let mut st = Station::connect(&url, Some("ocpp1.6"), Some(("CP-KEY", NEW)))
        .await
        .unwrap();
    st.boot().await;

    // The same through the raw call; and a station sending the key's raw bytes gets in too.
    let api = server.api(
        "POST",
        "/api/v1/stations/CP-KEY/call",
        Some(json!({"action": "ChangeConfiguration", "payload": change(NEWER)})),
    );
    let station = async {
        let (id, _, _) = st.expect_call().await;
        st.reply(&id, json!({"status": "Accepted"})).await;
    };
    let ((status, _), ()) = tokio::join!(api, station);
    assert_eq!(status, 200);
    assert!(
        Station::connect(&url, Some("ocpp1.6"), Some(("CP-KEY", NEW)))
            .await
            .is_err()
    );
    let raw_key: Vec<u8> = (0..NEWER.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&NEWER[i..i + 2], 16).unwrap())
        .collect();
    let mut credentials = b"CP-KEY:".to_vec();
    credentials.extend(raw_key);
    Station::connect_with_authorization(&url, Some("ocpp1.6"), &credentials)
        .await
        .expect("the key's raw bytes are accepted");
    // The password is never kept as configuration.
    let configuration = server.get("/api/v1/stations/CP-KEY/configuration").await;
    assert!(
        !configuration.to_string().contains(NEWER),
        "{configuration}"
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn subprotocol_negotiation() {
    let server = TestServer::start().await;
    server.register("CP-PROTO").await;
    let url = server.ws_url("CP-PROTO");
    let st = Station::connect(&url, Some("ocpp2.1, ocpp1.6"), None)
        .await
        .unwrap();
    assert_eq!(st.protocol.as_deref(), Some("ocpp1.6"));
    drop(st);
    // No header at all: served as 1.6 (real chargers do this).
    let mut st = Station::connect(&url, None, None).await.unwrap();
    assert_eq!(st.protocol, None);
    assert_eq!(st.boot().await["status"], "Accepted");
    drop(st);
    // Only unsupported versions: handshake without a protocol, then closed at once. (A
    // tungstenite client refuses such a handshake itself, so speak HTTP by hand.)
    let (head, rest) = raw_handshake(server.addr, "/ocpp/CP-PROTO", "ocpp1.5, ocpp0.1").await;
    assert!(head.starts_with("HTTP/1.1 101"), "{head}");
    assert!(
        !head.to_ascii_lowercase().contains("sec-websocket-protocol"),
        "{head}"
    );
    assert_eq!(
        rest.first(),
        Some(&0x88),
        "a close frame follows at once: {rest:?}"
    );
    server.stop().await;
}

/// Send a WebSocket upgrade request by hand; returns the response head and what followed it.
async fn raw_handshake(
    addr: std::net::SocketAddr,
    path: &str,
    protocols: &str,
) -> (String, Vec<u8>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
         Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\
         Sec-WebSocket-Protocol: {protocols}\r\n\r\n"
    );
    tcp.write_all(request.as_bytes()).await.unwrap();
    let mut received = Vec::new();
    let mut buf = [0u8; 1024];
    let deadline = tokio::time::Instant::now() + common::WAIT;
    loop {
        let n = tokio::time::timeout_at(deadline, tcp.read(&mut buf))
            .await
            .expect("answer in time")
            .unwrap();
        received.extend_from_slice(&buf[..n]);
        if let Some(end) = received.windows(4).position(|w| w == b"\r\n\r\n")
            && (received.len() > end + 4 || n == 0)
        {
            let head = String::from_utf8_lossy(&received[..end]).into_owned();
            return (head, received[end + 4..].to_vec());
        }
        if n == 0 {
            panic!(
                "connection closed: {:?}",
                String::from_utf8_lossy(&received)
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_connection_replaces_the_first() {
    let server = TestServer::start().await;
    let mut first = server.booted("CP-TWICE").await;
    let mut second = server.connect("CP-TWICE").await;
    assert!(
        first.closed().await.is_some(),
        "the old connection is closed"
    );
    // Commands go to the new connection, which never booted on this socket: still served.
    let api = server.api(
        "POST",
        "/api/v1/stations/CP-TWICE/commands/clear-cache",
        Some(json!({})),
    );
    let station = async {
        let (id, action, _) = second.expect_call().await;
        assert_eq!(action, "ClearCache");
        second.reply(&id, json!({"status": "Accepted"})).await;
    };
    let ((status, _), ()) = tokio::join!(api, station);
    assert_eq!(status, 200);
    server.wait_connected("CP-TWICE", true).await;
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_station_that_misses_pongs_is_dropped() {
    let server = TestServer::start_with(|o| o.ping_interval = Some(0.2)).await;
    let mut st = server.booted("CP-MUTE").await;
    // A station that keeps reading answers pings (tungstenite does so while reading)…
    let reading = tokio::time::Instant::now() + Duration::from_millis(700);
    while let Ok(frame) =
        tokio::time::timeout_at(reading, futures_util::StreamExt::next(&mut st.ws)).await
    {
        assert!(
            matches!(frame, Some(Ok(_))),
            "still connected while answering pings: {frame:?}"
        );
    }
    st.call("Heartbeat", json!({})).await;
    server.wait_connected("CP-MUTE", true).await;
    // …one that stops reading does not, and is dropped after a missed pong.
    tokio::time::sleep(Duration::from_millis(1000)).await;
    server.wait_connected("CP-MUTE", false).await;
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_closes_stations_with_1001() {
    let server = TestServer::start().await;
    let mut st = server.booted("CP-BYE").await;
    let running = {
        let mut server = server;
        let r = server.running.take().unwrap();
        (server, r)
    };
    let (_server, running) = running;
    let stop = tokio::spawn(running.stop());
    assert_eq!(st.closed().await, Some(1001));
    stop.await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_station_that_stops_reading_cannot_freeze_the_server() {
    // Pings every 2 s: the first pong check comes after the writes have blocked.
    let server = TestServer::start_with(|o| o.ping_interval = Some(2.0)).await;
    server.register("CP-DEAF").await;
    // A tiny receive buffer, a boot, and then the station never reads again.
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.set_recv_buffer_size(4096).unwrap();
    let tcp = tokio_tungstenite::MaybeTlsStream::Plain(socket.connect(server.addr).await.unwrap());
    let (ws, _) = tokio_tungstenite::client_async(server.ws_url("CP-DEAF"), tcp)
        .await
        .unwrap();
    let mut st = Station {
        ws,
        protocol: None,
        next_id: 1,
        inbox: Default::default(),
    };
    st.boot().await;
    // CALLs far larger than the socket buffers (the kernel's send buffer grows to 4 MB on
    // loopback): each times out unanswered, so the next goes out, until the writes block.
    let big = json!({"action": "DataTransfer", "payload": {"vendorId": "X", "data": "x".repeat(900_000)}});
    let mut dropped = false;
    for _ in 0..12 {
        let api = server.api(
            "POST",
            "/api/v1/stations/CP-DEAF/call?timeout_s=0.3",
            Some(big.clone()),
        );
        let (status, body) = tokio::time::timeout(Duration::from_secs(20), api)
            .await
            .expect("the API answers");
        assert!(status == 504 || status == 503, "{status} {body}");
        if status == 503 {
            dropped = true;
            break;
        }
    }
    assert!(dropped, "the deaf station was never dropped");
    server.wait_connected("CP-DEAF", false).await;
    let running = {
        let mut server = server;
        server.running.take().unwrap()
    };
    tokio::time::timeout(Duration::from_secs(20), running.stop())
        .await
        .expect("shutdown is not blocked by the deaf station");
    let _ = st.ws.close(None).await;
}
