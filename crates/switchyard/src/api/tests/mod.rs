//! Router tests: `oneshot` requests against `router(app)` with the real SQLite store in a
//! temporary directory. Connected stations are stand-in sessions in the registry that answer
//! commands as a test says (the socket side is tested end to end elsewhere).

mod charging_profiles;
mod commands;
mod configuration;
mod firmware;
mod id_tags;
mod operations;
mod reservations;
mod stations;
mod transactions;

use std::sync::Arc;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use chrono::{DateTime, TimeZone, Utc};
use serde_json::Value;
use tokio::sync::mpsc;
use tower::ServiceExt;

use crate::app::App;
use crate::commands::{Command, CommandError, CommandReply};
use crate::config::Config;
use crate::domain::{NewTransaction, StationId, StopTransaction};
use crate::events::EventBus;
use crate::metrics::MetricsHandle;
use crate::registry::{Registry, SessionHandle, SessionRequest};
use crate::store::sqlite::{SqliteOptions, SqliteStore};
use crate::store::{Write, Written};

pub const TOKEN: &str = "test-token-0123456789";

pub struct Harness {
    pub app: App,
    router: Router,
    _dir: tempfile::TempDir,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub text: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }

    /// Asserts the status and our error body, and returns the error code.
    #[track_caller]
    pub fn error(&self, status: u16) -> String {
        assert_eq!(self.status.as_u16(), status, "{}", self.text);
        let body = self.json();
        assert!(body["error"]["message"].is_string(), "{body}");
        body["error"]["code"].as_str().unwrap().to_owned()
    }

    #[track_caller]
    pub fn ok(&self) -> Value {
        assert_eq!(self.status, StatusCode::OK, "{}", self.text);
        self.json()
    }
}

impl Harness {
    pub fn new() -> Harness {
        Harness::with_config(Config::default())
    }

    pub fn with_config(config: Config) -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let store =
            SqliteStore::open(&dir.path().join("switchyard.db"), SqliteOptions::default()).unwrap();
        let app = App {
            config: Arc::new(config),
            store: Arc::new(store),
            registry: Arc::new(Registry::new()),
            events: EventBus::new(64),
            api_token: Arc::from(TOKEN),
            metrics: MetricsHandle::install(),
            shutdown: tokio_util::sync::CancellationToken::new(),
            tasks: tokio_util::task::TaskTracker::new(),
            logged_quirks: Default::default(),
            automation: Default::default(),
        };
        Harness {
            router: super::router(app.clone()),
            app,
            _dir: dir,
        }
    }

    /// A request with the API token; `body` is sent as JSON.
    pub async fn call(&self, method: Method, uri: &str, body: Option<Value>) -> Reply {
        let builder = Request::builder()
            .method(method)
            .uri(uri)
            .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"));
        let request = match body {
            Some(body) => builder
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body.to_string())),
            None => builder.body(Body::empty()),
        };
        self.send(request.unwrap()).await
    }

    pub async fn get(&self, uri: &str) -> Reply {
        self.call(Method::GET, uri, None).await
    }

    pub async fn put(&self, uri: &str, body: Value) -> Reply {
        self.call(Method::PUT, uri, Some(body)).await
    }

    pub async fn post(&self, uri: &str, body: Value) -> Reply {
        self.call(Method::POST, uri, Some(body)).await
    }

    pub async fn delete(&self, uri: &str) -> Reply {
        self.call(Method::DELETE, uri, None).await
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = to_bytes(response.into_body(), usize::MAX).await.unwrap();
        Reply {
            status,
            headers,
            text: String::from_utf8(body.to_vec()).unwrap(),
        }
    }

    /// Register `id` through the API.
    pub async fn register(&self, id: &str) {
        self.put(&format!("/api/v1/stations/{id}"), serde_json::json!({}))
            .await
            .ok();
    }

    pub async fn start(&self, station: &str, connector: u32, at: DateTime<Utc>, meter: f64) -> i64 {
        let written = self
            .app
            .store
            .write(Write::Start(NewTransaction {
                station_id: sid(station),
                evse_id: connector,
                connector_id: connector,
                id_tag: "TAG-1".into(),
                started_at: at,
                meter_start_wh: meter,
                reservation_id: None,
                remote_start_id: None,
                received_at: at,
            }))
            .await
            .unwrap();
        let Written::Start(outcome) = written else {
            panic!("{written:?}")
        };
        outcome.transaction_id
    }

    pub async fn stop(&self, station: &str, transaction_id: i64, at: DateTime<Utc>, meter: f64) {
        self.app
            .store
            .write(Write::Stop(StopTransaction {
                station_id: sid(station),
                ocpp_transaction_id: transaction_id.to_string(),
                id_tag: None,
                stopped_at: at,
                meter_stop_wh: meter,
                reason: "Local".into(),
                meter_values: Vec::new(),
                received_at: at,
            }))
            .await
            .unwrap();
    }

    /// Put a stand-in session for `id` into the registry; it answers each command with
    /// `answer` and reports what it was sent.
    pub fn connect(
        &self,
        id: &str,
        answer: impl Fn(&Command) -> Result<CommandReply, CommandError> + Send + 'static,
    ) -> FakeStation {
        let (tx, mut rx) = mpsc::channel(8);
        let (seen_tx, seen) = mpsc::unbounded_channel();
        let registry = Arc::clone(&self.app.registry);
        let station = sid(id);
        let connection = registry.next_connection();
        registry.insert(
            station.clone(),
            SessionHandle {
                boot: Default::default(),
                connection,
                protocol: ocpp::Version::V16,
                tx,
            },
        );
        tokio::spawn(async move {
            while let Some(request) = rx.recv().await {
                match *request {
                    SessionRequest::Command { command, reply, .. } => {
                        let _ = reply.send(answer(&command));
                        let _ = seen_tx.send(Seen::Command(command));
                    }
                    SessionRequest::Close { code, reason } => {
                        registry.remove(&station, connection);
                        let _ = seen_tx.send(Seen::Close(code, reason));
                        break;
                    }
                }
            }
        });
        FakeStation { seen }
    }
}

pub struct FakeStation {
    pub seen: mpsc::UnboundedReceiver<Seen>,
}

#[derive(Debug)]
pub enum Seen {
    Command(Command),
    Close(u16, &'static str),
}

impl FakeStation {
    pub async fn next(&mut self) -> Seen {
        tokio::time::timeout(std::time::Duration::from_secs(5), self.seen.recv())
            .await
            .expect("the station saw nothing")
            .expect("the station is gone")
    }
}

pub fn reply(status: &str, response: &str, remote_start_id: Option<i64>) -> CommandReply {
    CommandReply {
        status: status.into(),
        response: serde_json::value::RawValue::from_string(response.into()).unwrap(),
        remote_start_id,
        variables: Vec::new(),
        new_password: None,
        list_version: None,
    }
}

pub fn sid(id: &str) -> StationId {
    StationId::new(id).unwrap()
}

pub fn at(hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 2, hour, 0, 0).unwrap()
}
