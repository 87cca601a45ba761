//! One task per station connection: the shell around the sans-IO session.
//!
//! It waits on the socket, operator commands, store results, the session's next deadline,
//! the ping timer and shutdown; after every wake-up it drains the session's transmits and
//! effects (as quinn's ConnectionDriver does), so a reply released by a commit goes out at once.

use std::collections::HashMap;
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::ws::{CloseFrame, Message, WebSocket};
use futures_util::stream::{FuturesUnordered, SplitSink, SplitStream};
use futures_util::{SinkExt, StreamExt};
use ocpp::Version;
use tokio::sync::{mpsc, oneshot};

use super::observe;
use crate::adapters;
use crate::app::App;
use crate::commands::{CommandError, CommandReply};
use crate::domain::{Direction, JournalEntry, StationId};
use crate::events::{Event, EventKind};
use crate::metrics::CONNECTED_STATIONS;
use crate::registry::{LiveBoot, SessionHandle, SessionRequest};
use crate::session::Observation;
use crate::session::{CommandToken, Effect, EffectId, EffectResult, Now, Session, SessionConfig};
use crate::store::Write;

type EffectFuture = Pin<Box<dyn Future<Output = (EffectId, EffectResult)> + Send>>;
type CommandReplyTx = oneshot::Sender<Result<CommandReply, CommandError>>;

/// How long a closing connection waits for its in-flight store commits, so acks still go out.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(10);
/// The shortest time a write may take before the station counts as gone (see `write_limit`).
const MIN_WRITE_LIMIT: Duration = Duration::from_secs(1);

/// J16 §3.2: no common subprotocol: handshake done, close at once.
pub async fn refuse_protocol(mut socket: WebSocket) {
    let frame = CloseFrame {
        code: 1002,
        reason: "no supported OCPP subprotocol offered".into(),
    };
    let _ = socket.send(Message::Close(Some(frame))).await;
}

fn now() -> Now {
    Now {
        mono: Instant::now(),
        wall: chrono::Utc::now(),
    }
}

enum Exit {
    /// The station closed or the socket failed.
    Gone,
    /// We close with this code.
    Close(u16, &'static str),
}

/// The connection's task. What can be done before its first poll is done here, not in the
/// future: a future keeps room for its arguments and locals for as long as it lives, and this
/// one lives as long as the connection, ×100k idle stations. `None`: no adapter for `version`.
pub fn run(
    app: App,
    station: StationId,
    version: Version,
    socket: WebSocket,
) -> Option<impl Future<Output = ()> + Send + 'static> {
    let adapter = adapters::for_version(version)?;
    let connection = app.registry.next_connection();
    let (tx, rx) = mpsc::channel(32);
    let boot = Arc::new(LiveBoot::default());
    let handle = SessionHandle {
        boot: boot.clone(),
        connection,
        protocol: version,
        tx,
    };
    if let Some(old) = app.registry.insert(station.clone(), handle) {
        // A second connection with the same id replaces the first.
        tracing::info!(%station, "new connection replaces the previous one");
        let _ = old.tx.try_send(Box::new(SessionRequest::Close {
            code: 1000,
            reason: "replaced by a new connection",
        }));
    } else {
        metrics::gauge!(CONNECTED_STATIONS).increment(1.0);
    }
    tracing::info!(%station, protocol = %version, "station connected");
    app.events.publish(
        Event::new(EventKind::StationConnected, &station).with("protocol", version.subprotocol()),
    );
    let seen = Write::Seen {
        station_id: station.clone(),
        protocol: Some(version.subprotocol().to_owned()),
        at: now().wall,
    };
    spawn_seen(&app, seen);

    let config = SessionConfig {
        heartbeat_interval: app.config.heartbeat_interval,
        id_prefix: format!("{connection:x}-"),
    };
    crate::automation::after_connect(&app, &station, connection);
    let (sink, stream) = socket.split();
    let mut driver = Driver {
        app,
        session: Session::new(station, adapter, config),
        pending: FuturesUnordered::new(),
        commands: HashMap::new(),
        next_token: 1,
        boot,
    };
    Some(async move {
        let exit = driver.drive(sink, stream, rx).await;
        let (app, station) = (&driver.app, driver.session.station());
        if app.registry.remove(station, connection) {
            metrics::gauge!(CONNECTED_STATIONS).decrement(1.0);
            app.events
                .publish(Event::new(EventKind::StationDisconnected, station));
        }
        let seen = Write::Seen {
            station_id: station.clone(),
            protocol: None,
            at: now().wall,
        };
        spawn_seen(app, seen);
        tracing::info!(%station, reason = exit, "station disconnected");
    })
}

fn spawn_seen(app: &App, write: Write) {
    let store = app.store.clone();
    tokio::spawn(async move {
        if let Err(error) = store.write(write).await {
            tracing::warn!(%error, "cannot record last_seen");
        }
    });
}

struct Driver {
    app: App,
    session: Session,
    pending: FuturesUnordered<EffectFuture>,
    commands: HashMap<CommandToken, CommandReplyTx>,
    next_token: CommandToken,
    boot: Arc<LiveBoot>,
}

impl Driver {
    async fn drive(
        &mut self,
        mut sink: SplitSink<WebSocket, Message>,
        mut stream: SplitStream<WebSocket>,
        mut requests: mpsc::Receiver<Box<SessionRequest>>,
    ) -> &'static str {
        let ping_every = self.app.config.ping_interval;
        let mut ping =
            tokio::time::interval_at(tokio::time::Instant::now() + ping_every, ping_every);
        let mut awaiting_pong = false;
        let shutdown = self.app.shutdown.clone();
        let exit = loop {
            let deadline = self.session.poll_timeout();
            let step = tokio::select! {
                message = stream.next() => {
                    awaiting_pong = false;
                    self.handle_message(message)
                }
                Some(request) = requests.recv() => self.handle_request(*request),
                Some((id, result)) = self.pending.next(), if !self.pending.is_empty() => {
                    self.session.handle_effect_result(now(), id, result);
                    None
                }
                () = sleep_until(deadline), if deadline.is_some() => {
                    self.session.handle_timeout(now());
                    None
                }
                _ = ping.tick() => {
                    if awaiting_pong {
                        Some(Exit::Close(1001, "no pong to our ping"))
                    } else {
                        awaiting_pong = true;
                        let ping = vec![Message::Ping(Default::default())];
                        match Box::pin(write_within(&mut sink, ping, self.write_limit(), self.session.station().clone())).await {
                            Ok(()) => None,
                            Err(()) => Some(Exit::Gone),
                        }
                    }
                }
                () = shutdown.cancelled() => Some(Exit::Close(1001, "server shutting down")),
            };
            if self.flush(&mut sink).await.is_err() {
                break Exit::Gone;
            }
            if let Some(exit) = step {
                break exit;
            }
            if self.pending.is_empty() {
                self.session.release_idle_memory();
                if self.commands.is_empty() {
                    self.commands.shrink_to_fit();
                }
            }
        };
        let reason = match exit {
            Exit::Gone => "connection closed",
            Exit::Close(code, reason) => {
                // Let commits already under way finish, so their acks still go out.
                let _ = Box::pin(tokio::time::timeout(DRAIN_TIMEOUT, self.drain(&mut sink))).await;
                let frame = CloseFrame {
                    code,
                    reason: reason.into(),
                };
                let close = vec![Message::Close(Some(frame))];
                let _ = Box::pin(write_within(
                    &mut sink,
                    close,
                    self.write_limit(),
                    self.session.station().clone(),
                ))
                .await;
                reason
            }
        };
        for (_, reply) in self.commands.drain() {
            let _ = reply.send(Err(CommandError::NotConnected));
        }
        reason
    }

    fn handle_message(&mut self, message: Option<Result<Message, axum::Error>>) -> Option<Exit> {
        let len = match &message {
            Some(Ok(Message::Text(text))) => text.len(),
            Some(Ok(Message::Binary(bytes))) => bytes.len(),
            _ => 0,
        };
        if len > ocpp::rpc::MAX_FRAME_BYTES {
            return Some(Exit::Close(1009, "frame exceeds 1 MiB"));
        }
        match message {
            Some(Ok(Message::Text(text))) => self.handle_text(text.as_str()),
            // OCPP-J is text; take binary JSON from stations that get this wrong.
            Some(Ok(Message::Binary(bytes))) => match std::str::from_utf8(&bytes) {
                Ok(text) => self.handle_text(text),
                Err(_) => return Some(Exit::Close(1003, "binary frames are not OCPP-J")),
            },
            Some(Ok(Message::Ping(_) | Message::Pong(_))) => {}
            Some(Ok(Message::Close(_))) | None => return Some(Exit::Gone),
            Some(Err(error)) => {
                let too_big = error.to_string().contains("Message too long")
                    || error.to_string().contains("too big");
                tracing::debug!(station = %self.session.station(), %error, "websocket error");
                if too_big {
                    return Some(Exit::Close(1009, "frame exceeds 1 MiB"));
                }
                return Some(Exit::Gone);
            }
        }
        None
    }

    fn handle_text(&mut self, text: &str) {
        self.journal(Direction::In, text);
        self.session.handle_frame(now(), text);
    }

    fn handle_request(&mut self, request: SessionRequest) -> Option<Exit> {
        match request {
            SessionRequest::Command {
                command,
                timeout,
                reply,
            } => {
                let token = self.next_token;
                self.next_token += 1;
                self.commands.insert(token, reply);
                let remote_start_id = self.app.registry.next_remote_start_id();
                self.session
                    .handle_command(now(), token, command, timeout, remote_start_id);
                None
            }
            SessionRequest::Close { code, reason } => Some(Exit::Close(code, reason)),
        }
    }

    /// Write what the session wants sent, and start what it wants done. The write is boxed, like
    /// every other rare await here: a future holds room for its largest await for as long as
    /// it lives, and this one lives as long as the connection (×100k idle stations).
    async fn flush(
        &mut self,
        sink: &mut (impl SinkExt<Message, Error = axum::Error> + Unpin),
    ) -> Result<(), ()> {
        let mut frames = Vec::new();
        while let Some(frame) = self.session.poll_transmit() {
            self.journal(Direction::Out, &frame);
            frames.push(Message::Text(frame.into()));
        }
        while let Some(effect) = self.session.poll_effect() {
            self.start_effect(effect);
        }
        if frames.is_empty() {
            return Ok(());
        }
        Box::pin(write_within(
            sink,
            frames,
            self.write_limit(),
            self.session.station().clone(),
        ))
        .await
    }

    /// A station that cannot take our bytes for a ping interval is as dead as one that misses a pong.
    fn write_limit(&self) -> Duration {
        self.app.config.ping_interval.max(MIN_WRITE_LIMIT)
    }

    /// Wait for in-flight effects and send what they release.
    async fn drain(&mut self, sink: &mut (impl SinkExt<Message, Error = axum::Error> + Unpin)) {
        while let Some((id, result)) = self.pending.next().await {
            self.session.handle_effect_result(now(), id, result);
            if self.flush(sink).await.is_err() {
                return;
            }
        }
    }

    fn start_effect(&mut self, effect: Effect) {
        let store = self.app.store.clone();
        match effect {
            Effect::Write { id, write } => self.pending.push(Box::pin(async move {
                (
                    id,
                    EffectResult::Written(store.write(write).await.map_err(|e| e.to_string())),
                )
            })),
            Effect::LookupTag { id, id_tag } => self.pending.push(Box::pin(async move {
                (
                    id,
                    EffectResult::Tag(store.tag(&id_tag).await.map_err(|e| e.to_string())),
                )
            })),
            Effect::ChangePassword { id, password } => {
                let station_id = self.session.station().clone();
                self.pending.push(Box::pin(async move {
                    // argon2 is deliberately slow: keep it off the async workers.
                    let hashed = tokio::task::spawn_blocking(move || {
                        crate::auth::hash_password(password.expose())
                    })
                    .await;
                    let result = match hashed {
                        Ok(Ok(password_hash)) => store
                            .write(Write::Password {
                                station_id,
                                password_hash,
                            })
                            .await
                            .map_err(|e| e.to_string()),
                        Ok(Err(e)) => Err(e.to_string()),
                        Err(e) => Err(format!("password hashing task: {e}")),
                    };
                    (id, EffectResult::Written(result))
                }));
            }
            Effect::LookupStation { id } => {
                let station = self.session.station().clone();
                self.pending.push(Box::pin(async move {
                    let record = store.station(&station).await.map_err(|e| e.to_string());
                    (
                        id,
                        EffectResult::Station(record.map(|r| r.map(|r| r.boot_policy))),
                    )
                }));
            }
            Effect::Publish(event) => self.app.events.publish(event),
            Effect::CommandDone { token, result } => {
                if let Some(reply) = self.commands.remove(&token) {
                    let _ = reply.send(result);
                }
            }
            Effect::Observe(observation) => {
                if let Observation::Booted { status } = &observation {
                    self.boot.set(*status);
                    crate::automation::after_boot(&self.app, self.session.station(), *status);
                }
                observe::record(self.session.station(), observation, &self.app.logged_quirks);
            }
        }
    }

    fn journal(&self, direction: Direction, frame: &str) {
        if self.app.config.journal_size == 0 {
            return;
        }
        let frame = self.session.adapter().redact(frame).into_owned();
        let station_id = self.session.station().clone();
        self.app.store.journal(JournalEntry {
            station_id,
            at: chrono::Utc::now(),
            direction,
            frame,
        });
    }
}

async fn sleep_until(deadline: Option<Instant>) {
    match deadline {
        Some(deadline) => tokio::time::sleep_until(deadline.into()).await,
        None => std::future::pending().await,
    }
}

/// Send messages, giving up when the station does not take them within `limit`: a peer that
/// stops reading must not freeze its task (and with it pings, commands and shutdown) once the
/// socket buffers are full.
async fn write_within(
    sink: &mut (impl SinkExt<Message, Error = axum::Error> + Unpin),
    messages: Vec<Message>,
    limit: Duration,
    station: StationId,
) -> Result<(), ()> {
    let send = async {
        for message in messages {
            sink.feed(message).await?;
        }
        sink.flush().await
    };
    match tokio::time::timeout(limit, send).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(_)) => Err(()),
        Err(_) => {
            tracing::warn!(%station, "station stopped reading; dropping it");
            Err(())
        }
    }
}
