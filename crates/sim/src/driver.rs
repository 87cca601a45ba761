//! The tokio shell: one task per station owns its [`Station`] and its WebSocket. After every
//! wake-up it writes everything `poll_transmit` has and records every `poll_event`, as the
//! server's gateway does with its session.

use std::io::IsTerminal;
use std::sync::Arc;
use std::time::{Duration, Instant};

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use futures_util::{SinkExt, StreamExt};
use tokio::net::{TcpSocket, TcpStream};
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::{self, Message};

use crate::report::Report;
use crate::station::{Now, Station, StationConfig, StationEvent};
use crate::stats::{Progress, Stats};
use crate::{Protocol, Scenario};

/// How long stations may take to stop their sessions after the run's end.
const GRACE: Duration = Duration::from_secs(10);
/// The wait before reconnecting after a failed connect or a lost connection.
const RECONNECT_DELAY: Duration = Duration::from_secs(1);

type Socket = WebSocketStream<TcpStream>;

/// Source addresses are spread round-robin over this many loopback addresses, 127.0.1.1 to
/// 127.0.1.250: each source address has its own ~28,000 ephemeral ports toward the server.
const SOURCE_ADDRESSES: u32 = 250;

/// The WebSocket read buffer, as the server's gateway has it. tungstenite's default is
/// 128 KiB, and it zero-fills the whole buffer's spare room before every socket read: with
/// one small frame per read, that memset was ~40% of the simulator's CPU. OCPP frames are
/// small; a larger one still fits (the codec reserves a frame's full length).
const READ_BUFFER: usize = 4 * 1024;

#[derive(Debug, Clone)]
pub struct SimConfig {
    /// The server's OCPP URL without the station id (`ws://127.0.0.1:8180/ocpp`).
    pub url: String,
    pub stations: u32,
    /// The first station's index: a worker process plays stations `first..first + stations`
    /// of a larger fleet (ids and source addresses follow the fleet-wide index).
    pub first: u32,
    pub id_prefix: String,
    /// The OCPP version offered (and required of the server) in the handshake.
    pub protocol: Protocol,
    pub connectors: u32,
    /// HTTP Basic auth password (security profile 1), the same for every station.
    pub password: Option<String>,
    /// Connections are spread over this long (with jitter), so they do not all arrive at once.
    pub ramp: Duration,
    /// The whole run, ramp included; then sessions are stopped and connections closed.
    pub duration: Duration,
    pub meter_interval: Duration,
    pub id_tag: String,
    pub scenario: Scenario,
    /// Print a live progress line on stderr (only if stderr is a terminal).
    pub progress: bool,
    /// Check every completed transaction through this server's HTTP API afterwards.
    pub api: Option<ApiCheck>,
    /// Put every round trip in the report (`samples_us`), for a parent merging workers.
    pub keep_samples: bool,
}

/// Where the run's transactions are checked: base URL (`http://127.0.0.1:8180`) and token.
#[derive(Debug, Clone)]
pub struct ApiCheck {
    pub url: String,
    pub token: String,
}

impl SimConfig {
    pub fn new(url: impl Into<String>, stations: u32) -> SimConfig {
        SimConfig {
            url: url.into(),
            stations,
            first: 0,
            id_prefix: "SIM-".into(),
            protocol: Protocol::Ocpp16,
            connectors: 2,
            password: None,
            ramp: Duration::from_secs(10),
            duration: Duration::from_secs(60),
            meter_interval: Duration::from_secs(10),
            id_tag: "SIM-TAG".into(),
            scenario: Scenario::Idle,
            progress: false,
            api: None,
            keep_samples: false,
        }
    }

    /// The id of this process's station `index` (ids count from 1 over the whole fleet).
    pub fn station_id(&self, index: u32) -> String {
        format!("{}{}", self.id_prefix, self.first + index + 1)
    }
}

/// The server's address, if `url` is a `ws://` URL whose host is a loopback address (or a
/// name that resolves only to loopback addresses): the simulator drives loopback only.
pub async fn loopback_target(url: &str) -> Result<SocketAddr, String> {
    let request = url
        .into_client_request()
        .map_err(|e| format!("bad url {url}: {e}"))?;
    let uri = request.uri();
    if uri.scheme_str() != Some("ws") {
        return Err(format!("{url}: only ws:// URLs are supported"));
    }
    let host = uri
        .host()
        .ok_or_else(|| format!("{url}: no host"))?
        .trim_start_matches('[')
        .trim_end_matches(']');
    let port = uri.port_u16().unwrap_or(80);
    let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host, port))
        .await
        .map_err(|e| format!("cannot resolve {host}: {e}"))?
        .collect();
    match addrs.iter().find(|a| a.ip().is_ipv4()).or(addrs.first()) {
        Some(addr) if addrs.iter().all(|a| a.ip().is_loopback()) => Ok(*addr),
        Some(_) => Err(format!(
            "{host} is not a loopback address: the simulator drives loopback servers only"
        )),
        None => Err(format!("{host} resolves to no address")),
    }
}

/// The source address of fleet-wide station `index` toward an IPv4 loopback server:
/// round-robin over 127.0.1.1 … 127.0.1.250. None toward IPv6 (`::1` is a single address).
pub fn source_address(target: &SocketAddr, index: u32) -> Option<IpAddr> {
    match target.ip() {
        IpAddr::V4(ip) if ip.is_loopback() => {
            let host = (index % SOURCE_ADDRESSES + 1) as u8;
            Some(IpAddr::V4(Ipv4Addr::new(127, 0, 1, host)))
        }
        _ => None,
    }
}

/// Run the whole fleet to the end and report.
pub async fn run(config: SimConfig) -> Report {
    let config = Arc::new(config);
    let progress = Arc::new(Progress::default());
    let started = Instant::now();
    let target = match loopback_target(&config.url).await {
        Ok(target) => target,
        Err(refused) => {
            let mut stats = Stats::default();
            stats.error(refused, &progress);
            let name = config.scenario.name();
            return Report::new(name, config.stations, started.elapsed(), stats, false);
        }
    };
    let end = started + config.duration;
    let mut tasks = Vec::new();
    for index in 0..config.stations {
        let (config, progress) = (config.clone(), progress.clone());
        tasks.push(tokio::spawn(async move {
            run_station(index, &config, target, &progress, started, end).await
        }));
    }
    let ticker = (config.progress && std::io::stderr().is_terminal())
        .then(|| tokio::spawn(show_progress(progress.clone(), started)));
    let mut total = Stats::default();
    for task in tasks {
        match task.await {
            Ok(stats) => total.merge(stats),
            Err(_) => total.error("station task panicked".into(), &progress),
        }
    }
    if let Some(ticker) = ticker {
        ticker.abort();
        eprintln!();
    }
    if let Some(api) = &config.api {
        crate::check::check_transactions(api, &mut total, &progress).await;
    }
    Report::new(
        config.scenario.name(),
        config.stations,
        started.elapsed(),
        total,
        config.keep_samples,
    )
}

async fn show_progress(progress: Arc<Progress>, started: Instant) {
    let mut last = 0;
    let mut interval = tokio::time::interval(Duration::from_secs(1));
    loop {
        interval.tick().await;
        let messages = Progress::get(&progress.messages);
        let charging =
            Progress::get(&progress.started).saturating_sub(Progress::get(&progress.completed));
        eprint!(
            "\r{:>5.0}s connected {} booted {} charging {} msgs/s {} errors {}   ",
            started.elapsed().as_secs_f64(),
            Progress::get(&progress.connected),
            Progress::get(&progress.booted),
            charging,
            messages - last,
            Progress::get(&progress.errors),
        );
        last = messages;
    }
}

/// When station `index` connects: evenly over the ramp, jittered by up to half a slot; all
/// at once in a boot storm.
fn start_offset(config: &SimConfig, index: u32) -> Duration {
    if config.scenario == Scenario::BootStorm {
        return Duration::ZERO;
    }
    let slot = config.ramp / config.stations.max(1);
    // A fixed hash of the index: reproducible jitter without a random number generator.
    let jitter = u64::from(index).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 44;
    let jitter = slot.mul_f64(jitter as f64 / f64::from(1 << 20) / 2.0);
    slot * index + jitter
}

async fn run_station(
    index: u32,
    config: &SimConfig,
    target: SocketAddr,
    progress: &Progress,
    started: Instant,
    end: Instant,
) -> Stats {
    let source = source_address(&target, config.first + index);
    let id = config.station_id(index);
    let mut stats = Stats::default();
    tokio::time::sleep_until((started + start_offset(config, index)).into()).await;
    let mut station = Station::new(StationConfig {
        id: id.clone(),
        connectors: config.connectors,
        meter_interval: config.meter_interval,
        id_tag: config.id_tag.clone(),
        scenario: config.scenario.clone(),
        protocol: config.protocol,
    });
    // A station with queued transaction messages reconnects after the end to deliver them.
    while Instant::now() < end || (station.queued() > 0 && Instant::now() < end + GRACE) {
        let ws = match connect(config, &id, target, source).await {
            Ok(ws) => ws,
            Err(kind) => {
                stats.error(kind, progress);
                tokio::time::sleep(RECONNECT_DELAY).await;
                continue;
            }
        };
        stats.connected = 1;
        progress
            .connected
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        station.handle_connected(Now::system());
        let outcome = drive(&mut station, ws, &mut stats, progress, end).await;
        progress
            .connected
            .fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
        station.handle_disconnected(Now::system());
        match outcome {
            Outcome::Done => break,
            Outcome::Reconnect => {}
            Outcome::Offline(period) => offline(&mut station, period, &mut stats, progress).await,
            Outcome::Lost => {
                stats.error("connection lost".into(), progress);
                tokio::time::sleep(RECONNECT_DELAY).await;
            }
        }
    }
    stats
}

enum Outcome {
    /// The run is over and the station closed its connection.
    Done,
    /// Reset: connect again at once.
    Reconnect,
    /// The server closed the connection or it broke.
    Lost,
    /// The station dropped its connection (`offline` scenario) for this long.
    Offline(Duration),
}

/// Disconnected on purpose: the station goes on charging and queueing in its own time.
async fn offline(station: &mut Station, period: Duration, stats: &mut Stats, progress: &Progress) {
    let until = Instant::now() + period;
    loop {
        let wake = station.poll_timeout().map_or(until, |t| t.min(until));
        tokio::time::sleep_until(wake.into()).await;
        if Instant::now() >= until {
            return;
        }
        station.handle_timeout(Now::system());
        while station.poll_transmit().is_some() {}
        while let Some(event) = station.poll_event() {
            stats.record(event, progress);
        }
    }
}

async fn drive(
    station: &mut Station,
    mut ws: Socket,
    stats: &mut Stats,
    progress: &Progress,
    end: Instant,
) -> Outcome {
    let mut grace: Option<Instant> = None;
    // Both timers live across wake-ups: a sleep made afresh on every wake-up is put in
    // tokio's timer wheel and taken out again each time, two of them per wake-up and two
    // wake-ups per MeterValues round trip. The station's timer is only moved when its
    // deadline changes, which a reply mostly does not.
    let end_sleep = tokio::time::sleep_until(end.into());
    tokio::pin!(end_sleep);
    let mut timer = station.poll_timeout();
    let station_sleep = tokio::time::sleep_until(timer.unwrap_or(end).into());
    tokio::pin!(station_sleep);
    loop {
        while let Some(text) = station.poll_transmit() {
            if ws.feed(Message::Text(text.into())).await.is_err() {
                return Outcome::Lost;
            }
        }
        if ws.flush().await.is_err() {
            return Outcome::Lost;
        }
        let mut reconnect = false;
        let mut offline = None;
        while let Some(event) = station.poll_event() {
            match event {
                StationEvent::Reconnect => reconnect = true,
                StationEvent::GoOffline(period) => offline = Some(period),
                event => stats.record(event, progress),
            }
        }
        if let Some(period) = offline {
            // Closed without a goodbye, as a lost network would.
            drop(ws);
            return Outcome::Offline(period);
        }
        if reconnect {
            let _ = ws.close(None).await;
            return Outcome::Reconnect;
        }
        if grace.is_some() && station.is_quiet() {
            let _ = ws.close(None).await;
            return Outcome::Done;
        }
        let next = station.poll_timeout();
        if next != timer {
            timer = next;
            if let Some(at) = timer {
                station_sleep.as_mut().reset(at.into());
            }
        }
        tokio::select! {
            message = ws.next() => match message {
                Some(Ok(Message::Text(text))) => station.handle_frame(Now::system(), text.as_str()),
                // Pings are answered by tungstenite itself.
                Some(Ok(Message::Ping(_) | Message::Pong(_) | Message::Frame(_))) => {}
                Some(Ok(Message::Binary(_))) => {
                    stats.protocol_error("binary frame".into(), progress);
                }
                Some(Ok(Message::Close(_)) | Err(_)) | None => {
                    return if grace.is_some() { Outcome::Done } else { Outcome::Lost };
                }
            },
            () = &mut station_sleep, if timer.is_some() => station.handle_timeout(Now::system()),
            () = &mut end_sleep, if grace.is_none() => {
                grace = Some(Instant::now() + GRACE);
                station.finish(Now::system());
            }
            () = sleep_opt(grace) => {
                stats.error("sessions still open at the end".into(), progress);
                let _ = ws.close(None).await;
                return Outcome::Done;
            }
        }
    }
}

async fn sleep_opt(at: Option<Instant>) {
    match at {
        Some(at) => tokio::time::sleep_until(at.into()).await,
        None => std::future::pending().await,
    }
}

/// Open the WebSocket, offering the configured protocol; errors are returned as their report kind.
async fn connect(
    config: &SimConfig,
    id: &str,
    target: SocketAddr,
    source: Option<IpAddr>,
) -> Result<Socket, String> {
    let url = format!("{}/{id}", config.url.trim_end_matches('/'));
    let mut request = url
        .into_client_request()
        .map_err(|e| format!("bad url: {e}"))?;
    let headers = request.headers_mut();
    headers.insert(
        "Sec-WebSocket-Protocol",
        HeaderValue::from_static(config.protocol.subprotocol()),
    );
    if let Some(password) = &config.password {
        let credentials = base64(format!("{id}:{password}").as_bytes());
        let value = HeaderValue::from_str(&format!("Basic {credentials}"))
            .map_err(|_| "password is not a valid header value".to_owned())?;
        headers.insert("Authorization", value);
    }
    let stream = open_tcp(target, source).await.map_err(|e| match e.kind() {
        std::io::ErrorKind::ConnectionRefused => "connection refused".to_owned(),
        _ => format!("connect failed: {e}"),
    })?;
    let ws_config = WebSocketConfig::default().read_buffer_size(READ_BUFFER);
    let (ws, response) =
        tokio_tungstenite::client_async_with_config(request, stream, Some(ws_config))
            .await
            .map_err(|e| match e {
                tungstenite::Error::Http(response) => {
                    format!("handshake refused (HTTP {})", response.status().as_u16())
                }
                other => format!("connect failed: {other}"),
            })?;
    let selected = response.headers().get("Sec-WebSocket-Protocol");
    let wanted = config.protocol.subprotocol();
    if selected.and_then(|v| v.to_str().ok()) != Some(wanted) {
        return Err(format!(
            "protocol violation: server did not select {wanted}"
        ));
    }
    Ok(ws)
}

/// A TCP connection to `target`, from `source` (any port) if given.
async fn open_tcp(target: SocketAddr, source: Option<IpAddr>) -> std::io::Result<TcpStream> {
    let socket = if target.is_ipv4() {
        TcpSocket::new_v4()?
    } else {
        TcpSocket::new_v6()?
    };
    if let Some(ip) = source {
        socket.bind(SocketAddr::new(ip, 0))?;
    }
    socket.connect(target).await
}

/// Standard base64 with padding (RFC 4648), for the Basic auth header.
fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"CP-1:secret"), "Q1AtMTpzZWNyZXQ=");
    }

    #[test]
    fn source_addresses_round_robin_over_loopback() {
        let target: SocketAddr = "127.0.0.1:8180".parse().unwrap();
        let ip = |i| source_address(&target, i).unwrap().to_string();
        assert_eq!(ip(0), "127.0.1.1");
        assert_eq!(ip(1), "127.0.1.2");
        assert_eq!(ip(249), "127.0.1.250");
        assert_eq!(ip(250), "127.0.1.1");
        let all: std::collections::HashSet<_> = (0..100_000).map(ip).collect();
        assert_eq!(all.len(), 250);
        assert!((0..1000).all(|i| source_address(&target, i).unwrap().is_loopback()));
        let v6: SocketAddr = "[::1]:8180".parse().unwrap();
        assert_eq!(source_address(&v6, 7), None);
    }

    #[tokio::test]
    async fn only_loopback_targets_are_accepted() {
        let ok = loopback_target("ws://127.0.0.1:8180/ocpp").await.unwrap();
        assert_eq!(ok, "127.0.0.1:8180".parse().unwrap());
        assert!(loopback_target("ws://127.3.4.5:1/ocpp").await.is_ok());
        assert!(loopback_target("ws://[::1]:8180/ocpp").await.is_ok());
        assert!(loopback_target("ws://localhost:8180/ocpp").await.is_ok());
        let refused = loopback_target("ws://10.0.0.1:8180/ocpp")
            .await
            .unwrap_err();
        assert!(refused.contains("not a loopback"), "{refused}");
        assert!(loopback_target("wss://127.0.0.1/ocpp").await.is_err());
    }

    #[test]
    fn worker_station_ids_follow_the_fleet_index() {
        let mut config = SimConfig::new("ws://x/ocpp", 5);
        config.first = 5;
        assert_eq!(config.station_id(0), "SIM-6");
    }

    #[test]
    fn ramp_spreads_stations_in_order() {
        let mut config = SimConfig::new("ws://x/ocpp", 10);
        config.ramp = Duration::from_secs(10);
        let offsets: Vec<_> = (0..10).map(|i| start_offset(&config, i)).collect();
        assert!(offsets.windows(2).all(|w| w[0] < w[1]));
        assert!(offsets[9] < Duration::from_secs(10));
        config.scenario = Scenario::BootStorm;
        assert!((0..10).all(|i| start_offset(&config, i) == Duration::ZERO));
    }
}
