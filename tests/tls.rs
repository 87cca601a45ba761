//! Security profiles 2 and 3 over real sockets: the TLS listener (wss:// and https:// on one
//! port), the per-station profile, mutual TLS, and what is refused.

#[path = "common/certs.rs"]
mod certs;
mod common;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use base64::Engine;
use certs::TestPki;
use common::TestServer;
use futures_util::{SinkExt, StreamExt};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};
use rustls::{ClientConfig, RootCertStore};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::tungstenite::{self, Message};

const PASSWORD: &str = "tls-test-password-0001";

struct Tls {
    server: TestServer,
    addr: SocketAddr,
    pki: TestPki,
    /// A second CA the server does not trust.
    stranger: TestPki,
    /// Where the PEM files are; removed when the test ends.
    _files: tempfile::TempDir,
}

async fn start() -> Tls {
    let dir = tempfile::tempdir().expect("temp dir");
    let pki = TestPki::create(dir.path(), "trusted");
    let stranger = TestPki::create(dir.path(), "stranger");
    let (certs, keys) = pki.server.iter().cloned().unzip();
    let ca = pki.ca.clone();
    let server = TestServer::start_with(|options| {
        options.tls_listen = Some("127.0.0.1:0".parse().unwrap());
        options.tls_cert = Some(certs);
        options.tls_key = Some(keys);
        options.tls_client_ca = Some(ca);
        options.tls_client_organization = Some(certs::OPERATOR.to_owned());
    })
    .await;
    let addr = server
        .running
        .as_ref()
        .and_then(|r| r.tls_addr)
        .expect("a TLS address");
    Tls {
        server,
        addr,
        pki,
        stranger,
        _files: dir,
    }
}

fn provider() -> CryptoProvider {
    rustls::crypto::ring::default_provider()
}

fn client_config(
    ca: &Path,
    client: Option<&(std::path::PathBuf, std::path::PathBuf)>,
    provider: CryptoProvider,
) -> ClientConfig {
    let mut roots = RootCertStore::empty();
    for cert in CertificateDer::pem_file_iter(ca).unwrap() {
        roots.add(cert.unwrap()).unwrap();
    }
    let builder = ClientConfig::builder_with_provider(Arc::new(provider))
        .with_protocol_versions(&[&rustls::version::TLS12, &rustls::version::TLS13])
        .unwrap()
        .with_root_certificates(roots);
    match client {
        Some((cert, key)) => {
            let chain = CertificateDer::pem_file_iter(cert)
                .unwrap()
                .collect::<Result<Vec<_>, _>>()
                .unwrap();
            let key = PrivateKeyDer::from_pem_file(key).unwrap();
            builder.with_client_auth_cert(chain, key).unwrap()
        }
        None => builder.with_no_client_auth(),
    }
}

async fn handshake(
    addr: SocketAddr,
    config: ClientConfig,
) -> std::io::Result<TlsStream<TcpStream>> {
    let tcp = TcpStream::connect(addr).await?;
    let name = ServerName::try_from("localhost").unwrap();
    let mut stream = TlsConnector::from(Arc::new(config))
        .connect(name, tcp)
        .await?;
    // TLS 1.3 reports a refused client certificate only with the first read: make the
    // handshake's outcome visible here by a zero-length write and flush.
    stream.flush().await?;
    Ok(stream)
}

type Wss = WebSocketStream<TlsStream<TcpStream>>;

/// A WebSocket upgrade for `station` over `stream`, offering ocpp1.6.
async fn upgrade(
    stream: TlsStream<TcpStream>,
    addr: SocketAddr,
    station: &str,
    password: Option<&str>,
) -> Result<Wss, tungstenite::Error> {
    let mut request = format!("wss://localhost:{}/ocpp/{station}", addr.port())
        .into_client_request()
        .unwrap();
    request.headers_mut().insert(
        "Sec-WebSocket-Protocol",
        HeaderValue::from_static("ocpp1.6"),
    );
    if let Some(password) = password {
        let encoded =
            base64::engine::general_purpose::STANDARD.encode(format!("{station}:{password}"));
        request.headers_mut().insert(
            "Authorization",
            HeaderValue::from_str(&format!("Basic {encoded}")).unwrap(),
        );
    }
    let (ws, _) = tokio_tungstenite::client_async(request, stream).await?;
    Ok(ws)
}

/// The HTTP status of a refused upgrade.
fn refused_status(result: Result<Wss, tungstenite::Error>) -> u16 {
    match result {
        Err(tungstenite::Error::Http(response)) => response.status().as_u16(),
        Err(other) => panic!("expected an HTTP refusal, got {other}"),
        Ok(_) => panic!("expected an HTTP refusal, the upgrade succeeded"),
    }
}

async fn boot(ws: &mut Wss) -> Value {
    let call = json!([2, "boot-1", "BootNotification",
        {"chargePointVendor": "Test", "chargePointModel": "TLS"}]);
    ws.send(Message::Text(call.to_string().into()))
        .await
        .unwrap();
    loop {
        match tokio::time::timeout(common::WAIT, ws.next()).await.unwrap() {
            Some(Ok(Message::Text(text))) => {
                let frame: Value = serde_json::from_str(text.as_str()).unwrap();
                if frame[0] == 3 && frame[1] == "boot-1" {
                    return frame[2].clone();
                }
            }
            Some(Ok(_)) => {}
            other => panic!("expected the BootNotification answer, got {other:?}"),
        }
    }
}

async fn register(server: &TestServer, station: &str, body: Value) {
    let (status, reply) = server
        .api("PUT", &format!("/api/v1/stations/{station}"), Some(body))
        .await;
    assert_eq!(status, 200, "register {station}: {reply}");
}

#[tokio::test]
async fn profile_2_wss_with_basic_auth_and_no_plain_downgrade() {
    let tls = start().await;
    register(
        &tls.server,
        "CP-2",
        json!({"password": PASSWORD, "security_profile": 2}),
    )
    .await;
    let station = tls.server.get("/api/v1/stations/CP-2").await;
    assert_eq!(station["security_profile"], 2);

    let config = || client_config(&tls.pki.ca, None, provider());
    let stream = handshake(tls.addr, config()).await.unwrap();
    let mut ws = upgrade(stream, tls.addr, "CP-2", Some(PASSWORD))
        .await
        .expect("wss with Basic auth");
    assert_eq!(boot(&mut ws).await["status"], "Accepted");
    tls.server.wait_connected("CP-2", true).await;
    ws.close(None).await.unwrap();

    // A wrong password over TLS: 401, as over ws://.
    let stream = handshake(tls.addr, config()).await.unwrap();
    let wrong = upgrade(stream, tls.addr, "CP-2", Some("not-the-password-1234")).await;
    assert_eq!(refused_status(wrong), 401);

    // The same station over plain ws://, even with the right password: no downgrade.
    let plain = common::Station::connect(
        &tls.server.ws_url("CP-2"),
        Some("ocpp1.6"),
        Some(("CP-2", PASSWORD)),
    )
    .await;
    match plain {
        Err(tungstenite::Error::Http(response)) => assert_eq!(response.status(), 403),
        Err(other) => panic!("expected 403, got {other}"),
        Ok(_) => panic!("a profile-2 station got in over plain ws://"),
    }

    // A profile-1 station is not let in over TLS (one profile at a time), but is over ws://.
    register(
        &tls.server,
        "CP-1",
        json!({"password": PASSWORD, "security_profile": 1}),
    )
    .await;
    let stream = handshake(tls.addr, config()).await.unwrap();
    assert_eq!(
        refused_status(upgrade(stream, tls.addr, "CP-1", Some(PASSWORD)).await),
        403
    );
    let mut plain = common::Station::connect(
        &tls.server.ws_url("CP-1"),
        Some("ocpp1.6"),
        Some(("CP-1", PASSWORD)),
    )
    .await
    .expect("profile 1 over ws://");
    assert_eq!(plain.boot().await["status"], "Accepted");
    tls.server.stop().await;
}

#[tokio::test]
async fn profile_2_needs_a_password_and_profiles_are_0_to_3() {
    let tls = start().await;
    let (status, body) = tls
        .server
        .api(
            "PUT",
            "/api/v1/stations/CP-X",
            Some(json!({"security_profile": 2})),
        )
        .await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = tls
        .server
        .api(
            "PUT",
            "/api/v1/stations/CP-X",
            Some(json!({"security_profile": 4})),
        )
        .await;
    assert_eq!(status, 400, "{body}");
    register(&tls.server, "CP-X", json!({"security_profile": 3})).await;
    register(&tls.server, "CP-X", json!({"security_profile": null})).await;
    let station = tls.server.get("/api/v1/stations/CP-X").await;
    assert_eq!(station["security_profile"], Value::Null);
    tls.server.stop().await;
}

#[tokio::test]
async fn the_api_answers_over_https_on_the_tls_port() {
    let tls = start().await;
    let mut stream = handshake(tls.addr, client_config(&tls.pki.ca, None, provider()))
        .await
        .unwrap();
    let request = format!(
        "GET /api/v1/stations HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {}\r\n\
         Connection: close\r\n\r\n",
        tls.server.token
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response).await;
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    tls.server.stop().await;
}

#[tokio::test]
async fn each_client_gets_a_certificate_its_suites_can_use() {
    use rustls::crypto::ring::cipher_suite as suite;
    let tls = start().await;
    let server_cert = |index: usize| {
        CertificateDer::pem_file_iter(&tls.pki.server[index].0)
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
    };
    // TLS 1.2 with only ECDHE-RSA suites, although its signature algorithms list ECDSA too.
    let rsa_only = CryptoProvider {
        cipher_suites: vec![
            suite::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            suite::TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        ],
        ..provider()
    };
    let ecdsa_only = CryptoProvider {
        cipher_suites: vec![
            suite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
            suite::TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        ],
        ..provider()
    };
    for (provider, expected) in [(rsa_only, 1), (ecdsa_only, 0)] {
        let stream = handshake(tls.addr, client_config(&tls.pki.ca, None, provider))
            .await
            .expect("TLS 1.2 handshake");
        let (_, session) = stream.get_ref();
        assert_eq!(
            session.protocol_version(),
            Some(rustls::ProtocolVersion::TLSv1_2)
        );
        let presented = session.peer_certificates().unwrap()[0].clone();
        assert_eq!(presented, server_cert(expected));
    }
    tls.server.stop().await;
}

/// A TLS 1.1 ClientHello (no supported_versions extension), with or without the
/// signature_algorithms extension (a TLS 1.2 one that a 1.1 stack does not send).
fn tls_1_1_hello(signature_algorithms: bool) -> Vec<u8> {
    let mut hello = vec![0x03, 0x02]; // client_version TLS 1.1
    hello.extend([0x11; 32]); // random
    hello.push(0); // no session id
    // TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
    // TLS_RSA_WITH_AES_128_CBC_SHA: what a TLS 1.1 station offers.
    hello.extend([0x00, 0x06, 0xc0, 0x09, 0xc0, 0x13, 0x00, 0x2f]);
    hello.extend([0x01, 0x00]); // compression: null only
    let mut extensions = vec![
        0x00, 0x0a, 0x00, 0x04, 0x00, 0x02, 0x00, 0x17, // supported_groups: secp256r1
        0x00, 0x0b, 0x00, 0x02, 0x01, 0x00, // ec_point_formats: uncompressed
    ];
    if signature_algorithms {
        // ecdsa_secp256r1_sha256, rsa_pkcs1_sha256
        extensions.extend([0x00, 0x0d, 0x00, 0x06, 0x00, 0x04, 0x04, 0x03, 0x04, 0x01]);
    }
    hello.extend(u16::try_from(extensions.len()).unwrap().to_be_bytes());
    hello.extend(extensions);
    let mut handshake = vec![0x01, 0x00];
    handshake.extend(u16::try_from(hello.len()).unwrap().to_be_bytes());
    handshake.extend(hello);
    let mut record = vec![0x16, 0x03, 0x02];
    record.extend(u16::try_from(handshake.len()).unwrap().to_be_bytes());
    record.extend(handshake);
    record
}

/// The server must answer an old ClientHello with a fatal alert, never a ServerHello
/// (A00.FR.313–315). rustls looks for signature_algorithms before the version, so a hello
/// without it gets handshake_failure (40), one with it protocol_version (70).
#[tokio::test]
async fn tls_1_1_is_refused_at_the_handshake() {
    let tls = start().await;
    for (signature_algorithms, alert) in [(false, 40), (true, 70)] {
        let mut tcp = TcpStream::connect(tls.addr).await.unwrap();
        tcp.write_all(&tls_1_1_hello(signature_algorithms))
            .await
            .unwrap();
        let mut answer = [0u8; 7];
        tokio::time::timeout(common::WAIT, tcp.read_exact(&mut answer))
            .await
            .expect("an answer in time")
            .expect("an alert record");
        assert_eq!(answer[0], 0x15, "not an alert: {answer:?}");
        assert_eq!(answer[5], 2, "not fatal: {answer:?}");
        assert_eq!(answer[6], alert, "{answer:?}");
        // And nothing after it: the connection is closed.
        let mut rest = Vec::new();
        let _ = tokio::time::timeout(common::WAIT, tcp.read_to_end(&mut rest)).await;
        assert!(rest.is_empty(), "more after the alert: {rest:?}");
    }
    tls.server.stop().await;
}

#[tokio::test]
async fn profile_3_mutual_tls() {
    let tls = start().await;
    register(&tls.server, "CP-3", json!({"security_profile": 3})).await;
    register(&tls.server, "CP-4", json!({"security_profile": 3})).await;

    // The right certificate: in, without Basic auth.
    let own = tls.pki.client("CP-3");
    let stream = handshake(tls.addr, client_config(&tls.pki.ca, Some(&own), provider()))
        .await
        .unwrap();
    let mut ws = upgrade(stream, tls.addr, "CP-3", None)
        .await
        .expect("mTLS station");
    assert_eq!(boot(&mut ws).await["status"], "Accepted");
    ws.close(None).await.unwrap();

    // CP-3's certificate does not let it speak as CP-4.
    let stream = handshake(tls.addr, client_config(&tls.pki.ca, Some(&own), provider()))
        .await
        .unwrap();
    assert_eq!(
        refused_status(upgrade(stream, tls.addr, "CP-4", None).await),
        403
    );

    // No certificate: TLS alone is profile 2, not enough.
    let stream = handshake(tls.addr, client_config(&tls.pki.ca, None, provider()))
        .await
        .unwrap();
    assert_eq!(
        refused_status(upgrade(stream, tls.addr, "CP-3", None).await),
        403
    );

    // A certificate from a CA the server does not trust ends the handshake (A00.FR.407).
    let foreign = tls.stranger.client("CP-3");
    let outcome = async {
        let stream = handshake(
            tls.addr,
            client_config(&tls.pki.ca, Some(&foreign), provider()),
        )
        .await?;
        upgrade(stream, tls.addr, "CP-3", None)
            .await
            .map_err(std::io::Error::other)
    }
    .await;
    assert!(outcome.is_err(), "a certificate of an unknown CA got in");

    // Profile 3 never over plain ws://.
    let plain = common::Station::connect(&tls.server.ws_url("CP-3"), Some("ocpp1.6"), None).await;
    assert!(matches!(plain, Err(tungstenite::Error::Http(r)) if r.status() == 403));
    tls.server.stop().await;
}
