//! The WebSocket edge: the handshake (station id, Basic auth, subprotocol) and one task per
//! connection driving the station's [`crate::session::Session`].

mod connection;
mod observe;
mod security;
pub mod tls;

pub use observe::LoggedQuirks;

use axum::Extension;
use axum::extract::ws::WebSocketUpgrade;
use axum::extract::{ConnectInfo, OriginalUri, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use ocpp::Version;

use crate::app::App;
use crate::domain::{StationId, StationPatch};
use crate::metrics::CONNECTIONS_REFUSED;
use security::{Password, Transport};
use tls::TlsPeer;

/// Read buffer per connection: small, so 100k idle stations fit in memory (tungstenite's
/// default of 128 KiB would cost ~13 GB). A larger frame grows it to about that frame's size,
/// for good (tungstenite never shrinks it); 1 KiB holds every frame of an idle station (boot,
/// status, heartbeat), and a 2 KB configuration answer grows it to ~3 KB, not the 8 KiB a
/// 4 KiB start doubled to.
const READ_BUFFER: usize = 1024;
/// What the WebSocket layer reads before giving up on a frame. An OCPP frame over
/// [`ocpp::rpc::MAX_FRAME_BYTES`] is refused with close code 1009 only after it has been read
/// whole (`connection.rs`): closing with its rest unread makes the kernel answer with a reset,
/// and the station may never see the close frame. Beyond this the connection is just dropped.
const TRANSPORT_LIMIT: usize = 4 * ocpp::rpc::MAX_FRAME_BYTES;

/// `GET /ocpp/{…}/{station_id}` with a WebSocket upgrade, on the plain listener or on the TLS
/// one (which adds its [`TlsPeer`]).
pub async fn upgrade(
    State(app): State<App>,
    OriginalUri(uri): OriginalUri,
    tls_peer: Option<Extension<ConnectInfo<TlsPeer>>>,
    headers: HeaderMap,
    ws: Result<WebSocketUpgrade, axum::extract::ws::rejection::WebSocketUpgradeRejection>,
) -> Response {
    let Some(station) = station_id_from_path(uri.path()) else {
        return refuse(StatusCode::NOT_FOUND, "no valid station id in the URL");
    };
    let ws = match ws {
        Ok(ws) => ws,
        Err(rejection) => return rejection.into_response(),
    };
    let record = match app.store.station(&station).await {
        Ok(record) => record,
        Err(error) => {
            tracing::error!(%station, %error, "cannot read station record");
            return refuse(StatusCode::SERVICE_UNAVAILABLE, "storage unavailable");
        }
    };
    let record = match record {
        Some(record) => record,
        None if app.config.auto_register => match app
            .store
            .put_station(&station, StationPatch::default())
            .await
        {
            Ok(record) => {
                tracing::info!(%station, "registered a new station (auto-register)");
                record
            }
            Err(error) => {
                tracing::error!(%station, %error, "cannot register station");
                return refuse(StatusCode::SERVICE_UNAVAILABLE, "storage unavailable");
            }
        },
        None => {
            tracing::info!(%station, "refused an unregistered station");
            return refuse(StatusCode::NOT_FOUND, "unknown station");
        }
    };
    let transport = match &tls_peer {
        None => Transport::Plain,
        Some(Extension(ConnectInfo(peer))) => Transport::Tls {
            client: peer.client.as_ref(),
        },
    };
    let organization = app
        .config
        .tls
        .as_ref()
        .and_then(|tls| tls.client_organization.as_deref());
    let password = match security::admit(&station, record.security_profile, transport, organization)
    {
        Ok(password) => password,
        Err(refusal) => {
            tracing::warn!(%station, reason = refusal.message, "refused a station");
            return refuse(refusal.status, refusal.message);
        }
    };
    let hash = match (password, record.password_hash) {
        (Password::NotAsked, _) => None,
        (Password::Required, None) => {
            // The API refuses such a registration; a password cleared by hand ends here.
            tracing::warn!(%station, "refused a station: its security profile needs a password");
            return unauthorized();
        }
        (Password::Required | Password::IfSet, hash) => hash,
    };
    if let Some(hash) = hash
        && !basic_auth_ok(&headers, &station, hash).await
    {
        tracing::warn!(%station, "refused a station: Basic auth missing or wrong");
        return unauthorized();
    }
    let offered = offered_protocols(&headers);
    let chosen = choose_protocol(&offered);
    let ws = ws
        .read_buffer_size(READ_BUFFER)
        .write_buffer_size(0)
        .max_message_size(TRANSPORT_LIMIT)
        .max_frame_size(TRANSPORT_LIMIT);
    match chosen {
        Chosen::Version(version, token) => {
            let ws = match token {
                Some(token) => ws.protocols([token]),
                None => ws,
            };
            // Tracked, so shutdown waits for the connection's in-flight commits.
            let tasks = app.tasks.clone();
            ws.on_upgrade(move |socket| {
                // A task of its own, so axum's upgrade task (which keeps room for the upgrade
                // and the socket's construction as long as it runs) ends here, and the
                // connection's task holds only what the connection needs.
                if let Some(connection) = connection::run(app, station, version, socket) {
                    tasks.spawn(connection);
                }
                std::future::ready(())
            })
        }
        Chosen::None => {
            // J16 §3.2: complete the handshake without a protocol, then close at once.
            tracing::warn!(%station, ?offered, "no supported subprotocol offered");
            metrics::counter!(CONNECTIONS_REFUSED, "reason" => "subprotocol").increment(1);
            ws.on_upgrade(connection::refuse_protocol)
        }
    }
}

fn unauthorized() -> Response {
    let mut response = refuse(StatusCode::UNAUTHORIZED, "authentication required");
    response.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        header::HeaderValue::from_static("Basic realm=\"switchyard\""),
    );
    response
}

fn refuse(status: StatusCode, message: &'static str) -> Response {
    let reason = match status {
        StatusCode::NOT_FOUND => "unknown_station",
        StatusCode::UNAUTHORIZED => "unauthorized",
        StatusCode::FORBIDDEN => "security_profile",
        _ => "unavailable",
    };
    metrics::counter!(CONNECTIONS_REFUSED, "reason" => reason).increment(1);
    (status, message).into_response()
}

/// The last non-empty path segment after `/ocpp/`, percent-decoded (J16 §3.1.1).
pub fn station_id_from_path(path: &str) -> Option<StationId> {
    let rest = path.strip_prefix("/ocpp/")?;
    let segment = rest.rsplit('/').find(|s| !s.is_empty())?;
    let decoded = percent_encoding::percent_decode_str(segment)
        .decode_utf8()
        .ok()?;
    StationId::new(decoded.into_owned()).ok()
}

fn offered_protocols(headers: &HeaderMap) -> Vec<String> {
    headers
        .get_all(header::SEC_WEBSOCKET_PROTOCOL)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

enum Chosen {
    /// The version, and the token to echo (none if the station offered none).
    Version(Version, Option<&'static str>),
    None,
}

/// The first protocol in the station's order that we support (API.md); a station that offers
/// none at all is served as 1.6, as some real 1.6 chargers never send the header.
fn choose_protocol(offered: &[String]) -> Chosen {
    if offered.is_empty() {
        return Chosen::Version(Version::V16, None);
    }
    offered
        .iter()
        .filter_map(|p| Version::from_subprotocol(p))
        .find(|v| v.is_supported())
        .map_or(Chosen::None, |v| Chosen::Version(v, Some(v.subprotocol())))
}

/// Security profile 1: `Authorization: Basic base64(station_id:password)`.
async fn basic_auth_ok(headers: &HeaderMap, station: &StationId, hash: String) -> bool {
    let Some((user, candidates)) = basic_credentials(headers) else {
        return false;
    };
    // A3/A00.FR.207: the user name must be the station id.
    if user != station.as_str() {
        return false;
    }
    // argon2 is deliberately slow: keep it off the async workers.
    tokio::task::spawn_blocking(move || {
        candidates
            .iter()
            .any(|password| crate::auth::verify_password(password, &hash))
    })
    .await
    .unwrap_or(false)
}

/// The user name and the forms the password may have been set in. A 1.6 `AuthorizationKey`
/// is set as hex digits (J16 §6.2.2) and some stations send the raw bytes they stand for:
/// bytes that are not printable text are tried as hex, in both cases.
fn basic_credentials(headers: &HeaderMap) -> Option<(String, Vec<String>)> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let colon = decoded.iter().position(|&b| b == b':')?;
    let user = std::str::from_utf8(&decoded[..colon]).ok()?.to_owned();
    let password = &decoded[colon + 1..];
    let candidates = match std::str::from_utf8(password) {
        Ok(text) if text.chars().all(|c| !c.is_control()) => vec![text.to_owned()],
        _ => {
            let lower: String = password.iter().map(|b| format!("{b:02x}")).collect();
            vec![lower.to_ascii_uppercase(), lower]
        }
    };
    Some((user, candidates))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn station_id_is_the_last_segment_decoded() {
        assert_eq!(station_id_from_path("/ocpp/CP-1").unwrap().as_str(), "CP-1");
        assert_eq!(
            station_id_from_path("/ocpp/site/RDAM%20123")
                .unwrap()
                .as_str(),
            "RDAM 123"
        );
        assert_eq!(
            station_id_from_path("/ocpp/CP-1/").unwrap().as_str(),
            "CP-1"
        );
        assert!(station_id_from_path("/ocpp/").is_none());
        assert!(station_id_from_path("/other/CP-1").is_none());
        assert!(station_id_from_path("/ocpp/a%3Ab").is_none());
        assert!(station_id_from_path("/ocpp/%FF").is_none());
    }

    #[test]
    fn protocol_choice_follows_the_station_order() {
        let offered = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(matches!(
            choose_protocol(&[]),
            Chosen::Version(Version::V16, None)
        ));
        assert!(matches!(
            choose_protocol(&offered(&["ocpp2.1", "ocpp1.6"])),
            Chosen::Version(Version::V16, Some("ocpp1.6"))
        ));
        assert!(matches!(
            choose_protocol(&offered(&["ocpp1.2", "foo"])),
            Chosen::None
        ));
    }

    #[test]
    fn basic_credentials_are_parsed() {
        let mut headers = HeaderMap::new();
        let encoded = base64::engine::general_purpose::STANDARD.encode("CP-1:secret:with:colons");
        headers.insert(
            header::AUTHORIZATION,
            format!("Basic {encoded}").parse().unwrap(),
        );
        assert_eq!(
            basic_credentials(&headers),
            Some(("CP-1".into(), vec!["secret:with:colons".into()]))
        );
        headers.insert(header::AUTHORIZATION, "Bearer x".parse().unwrap());
        assert_eq!(basic_credentials(&headers), None);
    }

    #[test]
    fn raw_key_bytes_are_tried_as_hex() {
        let mut credentials = b"CP-1:".to_vec();
        credentials.extend([0x00, 0xAB, 0x10, 0xff]);
        let encoded = base64::engine::general_purpose::STANDARD.encode(credentials);
        let mut headers = HeaderMap::new();
        headers.insert(
            header::AUTHORIZATION,
            format!("Basic {encoded}").parse().unwrap(),
        );
        assert_eq!(
            basic_credentials(&headers),
            Some((
                "CP-1".into(),
                vec!["00AB10FF".to_owned(), "00ab10ff".to_owned()]
            ))
        );
    }
}
