//! Test harness: the real server on a free port with a temp data dir, stations over real
//! WebSockets, the API over real HTTP.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use switchyard::config::ServeOptions;
use switchyard::server::Running;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::{self, Message};
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

pub const WAIT: Duration = Duration::from_secs(10);

pub struct TestServer {
    pub running: Option<Running>,
    pub addr: std::net::SocketAddr,
    pub token: String,
    pub dir: tempfile::TempDir,
    http: reqwest::Client,
}

impl TestServer {
    pub async fn start() -> TestServer {
        TestServer::start_with(|_| {}).await
    }

    pub async fn start_with(configure: impl FnOnce(&mut ServeOptions)) -> TestServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut options = ServeOptions {
            listen: Some("127.0.0.1:0".parse().unwrap()),
            data_dir: Some(dir.path().to_owned()),
            // Tests script every frame a station sees; those that test the reads on boot
            // turn them on.
            read_configuration_on_boot: Some(false),
            ..ServeOptions::default()
        };
        configure(&mut options);
        let config = options.resolve().expect("valid config");
        let running = switchyard::server::start(config)
            .await
            .expect("server starts");
        TestServer {
            addr: running.addr,
            token: running.api_token.to_string(),
            running: Some(running),
            dir,
            http: reqwest::Client::new(),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn ws_url(&self, station: &str) -> String {
        format!("ws://{}/ocpp/{station}", self.addr)
    }

    /// An API call with the token; returns the status and the JSON body (Null if none).
    pub async fn api(&self, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
        let request = self
            .http
            .request(method.parse().unwrap(), self.url(path))
            .bearer_auth(&self.token);
        let request = match body {
            Some(body) => request.json(&body),
            None => request,
        };
        let response = request.send().await.expect("HTTP request");
        let status = response.status().as_u16();
        let text = response.text().await.unwrap_or_default();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    pub async fn get(&self, path: &str) -> Value {
        let (status, body) = self.api("GET", path, None).await;
        assert_eq!(status, 200, "GET {path}: {body}");
        body
    }

    pub async fn register(&self, station: &str) {
        let (status, body) = self
            .api(
                "PUT",
                &format!("/api/v1/stations/{station}"),
                Some(json!({})),
            )
            .await;
        assert_eq!(status, 200, "register {station}: {body}");
    }

    pub async fn register_with_password(&self, station: &str, password: &str) {
        let body = json!({"password": password});
        let (status, body) = self
            .api("PUT", &format!("/api/v1/stations/{station}"), Some(body))
            .await;
        assert_eq!(status, 200, "register {station}: {body}");
    }

    pub async fn put_tag(&self, tag: &str, status: &str) {
        let (code, body) = self
            .api(
                "PUT",
                &format!("/api/v1/id-tags/{tag}"),
                Some(json!({"status": status})),
            )
            .await;
        assert_eq!(code, 200, "put tag {tag}: {body}");
    }

    /// Connect a station offering `ocpp1.6`.
    pub async fn connect(&self, station: &str) -> Station {
        Station::connect(&self.ws_url(station), Some("ocpp1.6"), None)
            .await
            .expect("station connects")
    }

    /// Register, connect and boot (Accepted).
    pub async fn booted(&self, station: &str) -> Station {
        self.register(station).await;
        let mut st = self.connect(station).await;
        let reply = st.boot().await;
        assert_eq!(reply["status"], "Accepted");
        st
    }

    /// Wait until the API shows `station` as connected (or not).
    pub async fn wait_connected(&self, station: &str, connected: bool) {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let body = self.get(&format!("/api/v1/stations/{station}")).await;
            if body["connected"] == connected {
                return;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "{station} never became connected={connected}"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    pub async fn stop(mut self) {
        if let Some(running) = self.running.take() {
            running.stop().await;
        }
    }
}

pub type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// A scripted OCPP 1.6 station.
pub struct Station {
    pub ws: Socket,
    /// The subprotocol the server selected, if any.
    pub protocol: Option<String>,
    pub next_id: u64,
    /// CALLs from the server that arrived while we waited for something else.
    pub inbox: VecDeque<Value>,
}

impl Station {
    pub async fn connect(
        url: &str,
        protocol: Option<&str>,
        basic: Option<(&str, &str)>,
    ) -> Result<Station, tungstenite::Error> {
        let credentials = basic.map(|(user, password)| format!("{user}:{password}"));
        Station::connect_with_authorization_opt(
            url,
            protocol,
            credentials.as_ref().map(String::as_bytes),
        )
        .await
    }

    /// Connect with `Authorization: Basic base64(credentials)`, the bytes as given.
    pub async fn connect_with_authorization(
        url: &str,
        protocol: Option<&str>,
        credentials: &[u8],
    ) -> Result<Station, tungstenite::Error> {
        Station::connect_with_authorization_opt(url, protocol, Some(credentials)).await
    }

    async fn connect_with_authorization_opt(
        url: &str,
        protocol: Option<&str>,
        credentials: Option<&[u8]>,
    ) -> Result<Station, tungstenite::Error> {
        let mut request = url.into_client_request()?;
        if let Some(protocol) = protocol {
            request.headers_mut().insert(
                "Sec-WebSocket-Protocol",
                HeaderValue::from_str(protocol).unwrap(),
            );
        }
        if let Some(credentials) = credentials {
            let encoded = base64_encode(credentials);
            request.headers_mut().insert(
                "Authorization",
                HeaderValue::from_str(&format!("Basic {encoded}")).unwrap(),
            );
        }
        let (ws, response) = tokio_tungstenite::connect_async(request).await?;
        let protocol = response
            .headers()
            .get("Sec-WebSocket-Protocol")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        Ok(Station {
            ws,
            protocol,
            next_id: 1,
            inbox: VecDeque::new(),
        })
    }

    pub async fn send_text(&mut self, text: &str) {
        self.ws
            .send(Message::Text(text.into()))
            .await
            .expect("send");
    }

    /// The next text frame as JSON (answers pings on the way).
    pub async fn recv(&mut self) -> Value {
        loop {
            match tokio::time::timeout(WAIT, self.ws.next())
                .await
                .expect("a frame in time")
            {
                Some(Ok(Message::Text(text))) => {
                    return serde_json::from_str(text.as_str()).expect("JSON frame");
                }
                Some(Ok(Message::Ping(_) | Message::Pong(_))) => {}
                other => panic!("expected a text frame, got {other:?}"),
            }
        }
    }

    /// Wait for the connection to be closed by the server; returns the close code.
    pub async fn closed(&mut self) -> Option<u16> {
        loop {
            match tokio::time::timeout(WAIT, self.ws.next())
                .await
                .expect("close in time")
            {
                Some(Ok(Message::Close(frame))) => {
                    return frame.map(|f: CloseFrame| u16::from(f.code));
                }
                Some(Ok(_)) => {}
                Some(Err(_)) | None => return None,
            }
        }
    }

    /// Send a CALL and return the answer frame (`[3, id, payload]` or `[4, id, …]`).
    pub async fn call_frame(&mut self, action: &str, payload: Value) -> Value {
        let id = format!("m{}", self.next_id);
        self.next_id += 1;
        self.send_text(&json!([2, id, action, payload]).to_string())
            .await;
        loop {
            let frame = self.recv().await;
            if frame[0] == 2 {
                self.inbox.push_back(frame);
                continue;
            }
            assert_eq!(frame[1], id, "answer to our call: {frame}");
            return frame;
        }
    }

    /// Send a CALL; panics unless the answer is a CALLRESULT, whose payload it returns.
    pub async fn call(&mut self, action: &str, payload: Value) -> Value {
        let frame = self.call_frame(action, payload).await;
        assert_eq!(frame[0], 3, "{action} answered with {frame}");
        frame[2].clone()
    }

    pub async fn boot(&mut self) -> Value {
        self.call(
            "BootNotification",
            json!({"chargePointVendor": "Test", "chargePointModel": "Harness"}),
        )
        .await
    }

    /// The next CALL the server sends: `(message id, action, payload)`.
    pub async fn expect_call(&mut self) -> (String, String, Value) {
        let frame = match self.inbox.pop_front() {
            Some(frame) => frame,
            None => loop {
                let frame = self.recv().await;
                if frame[0] == 2 {
                    break frame;
                }
            },
        };
        (
            frame[1].as_str().unwrap().to_owned(),
            frame[2].as_str().unwrap().to_owned(),
            frame[3].clone(),
        )
    }

    pub async fn reply(&mut self, id: &str, payload: Value) {
        self.send_text(&json!([3, id, payload]).to_string()).await;
    }

    pub async fn reply_error(&mut self, id: &str, code: &str) {
        self.send_text(&json!([4, id, code, "refused by the test", {}]).to_string())
            .await;
    }
}

fn base64_encode(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Poll `probe` until it gives a value (every 50 ms, for up to 10 s).
#[allow(dead_code)] // Not every test binary polls.
pub async fn eventually<T, F, Fut>(mut probe: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    for _ in 0..200 {
        if let Some(value) = probe().await {
            return value;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the condition did not hold within 10 s");
}
