//! The TLS listener for security profiles 2 and 3: wss:// for stations and https:// for the
//! API on one port (OCPP-RULES.md §7.2).
//!
//! rustls with the ring provider. TLS 1.2 and 1.3 only, so a station offering TLS 1.0/1.1 is
//! refused at the handshake (A00.FR.313–315); rustls has no TLS compression at all
//! (A00.FR.320). rustls also has no static-RSA key exchange, so the `TLS_RSA_WITH_AES_*_GCM`
//! suites of A00.FR.318 are missing: see the README.
//!
//! Handshakes run in their own tasks (a slow or silent client does not hold up the others)
//! and finished ones are handed to `axum::serve` through [`TlsListener`]; the client
//! certificate's subject travels with each connection as a [`TlsPeer`] connect-info.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::connect_info::Connected;
use axum::serve::{IncomingStream, Listener};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::server::{ClientHello, ResolvesServerCert, WebPkiClientVerifier};
use rustls::sign::CertifiedKey;
use rustls::{RootCertStore, ServerConfig};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, mpsc};
use tokio_rustls::TlsAcceptor;
use tokio_rustls::server::TlsStream;
use tokio_util::sync::CancellationToken;

use crate::config::TlsSettings;
use crate::metrics::CONNECTIONS_REFUSED;

/// A client that has not finished its handshake by then is dropped.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);
/// Handshakes in flight at once: a reconnect storm costs CPU per handshake, so it queues
/// here instead of starving the established connections.
const CONCURRENT_HANDSHAKES: usize = 256;

#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("cannot read {path}: {reason}")]
    Pem { path: PathBuf, reason: String },
    #[error("{path} holds no certificate")]
    NoCertificate { path: PathBuf },
    #[error("the key in {path} is not usable: {source}")]
    Key {
        path: PathBuf,
        source: rustls::Error,
    },
    #[error("the key in {key} does not belong to the certificate in {cert}: {source}")]
    Mismatch {
        cert: PathBuf,
        key: PathBuf,
        source: rustls::Error,
    },
    #[error("bad client CA file {path}: {reason}")]
    ClientCa { path: PathBuf, reason: String },
    #[error("cannot build the TLS configuration: {0}")]
    Config(#[from] rustls::Error),
}

/// The rustls server configuration from the settings.
pub fn server_config(settings: &TlsSettings) -> Result<Arc<ServerConfig>, TlsError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut keys = Vec::with_capacity(settings.identities.len());
    for (cert, key) in &settings.identities {
        keys.push(Arc::new(certified_key(cert, key, &provider)?));
    }
    let builder = ServerConfig::builder_with_provider(provider.clone())
        .with_protocol_versions(&[&rustls::version::TLS12, &rustls::version::TLS13])?;
    let builder = match &settings.client_ca {
        // Profile 3: a certificate that does not chain to the CA ends the handshake
        // (A00.FR.403, .407). Stations of profile 2 present none, so none is also let through
        // here; the gateway then asks a profile-3 station for one (`security.rs`).
        Some(path) => {
            let roots = client_roots(path)?;
            let verifier = WebPkiClientVerifier::builder_with_provider(roots, provider.clone())
                .allow_unauthenticated()
                .build()
                .map_err(|e| TlsError::ClientCa {
                    path: path.clone(),
                    reason: e.to_string(),
                })?;
            builder.with_client_cert_verifier(verifier)
        }
        None => builder.with_no_client_auth(),
    };
    let mut config = builder.with_cert_resolver(Arc::new(ByClientAbilities { keys, provider }));
    // WebSocket upgrades are HTTP/1.1 requests.
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

fn certified_key(
    cert: &Path,
    key: &Path,
    provider: &CryptoProvider,
) -> Result<CertifiedKey, TlsError> {
    let pem_error = |path: &Path| {
        let path = path.to_owned();
        move |e: rustls::pki_types::pem::Error| TlsError::Pem {
            path,
            reason: e.to_string(),
        }
    };
    let chain = CertificateDer::pem_file_iter(cert)
        .map_err(pem_error(cert))?
        .collect::<Result<Vec<_>, _>>()
        .map_err(pem_error(cert))?;
    if chain.is_empty() {
        return Err(TlsError::NoCertificate {
            path: cert.to_owned(),
        });
    }
    let private = PrivateKeyDer::from_pem_file(key).map_err(pem_error(key))?;
    let certified =
        CertifiedKey::from_der(chain, private, provider).map_err(|source| match source {
            rustls::Error::InconsistentKeys(_) => TlsError::Mismatch {
                cert: cert.to_owned(),
                key: key.to_owned(),
                source,
            },
            source => TlsError::Key {
                path: key.to_owned(),
                source,
            },
        })?;
    Ok(certified)
}

fn client_roots(path: &Path) -> Result<Arc<RootCertStore>, TlsError> {
    let error = |reason: String| TlsError::ClientCa {
        path: path.to_owned(),
        reason,
    };
    let mut roots = RootCertStore::empty();
    for cert in CertificateDer::pem_file_iter(path).map_err(|e| error(e.to_string()))? {
        roots
            .add(cert.map_err(|e| error(e.to_string()))?)
            .map_err(|e| error(e.to_string()))?;
    }
    if roots.is_empty() {
        return Err(error("no certificate in it".into()));
    }
    Ok(Arc::new(roots))
}

/// OCPP asks for an RSA and an ECDSA server certificate side by side (A00.FR.318): each
/// client gets the first one (in the order configured) it can verify and that a cipher suite
/// it offers can use; a TLS 1.2 client offering only ECDHE-RSA suites must get the RSA one
/// even if its signature algorithms also list ECDSA.
#[derive(Debug)]
struct ByClientAbilities {
    keys: Vec<Arc<CertifiedKey>>,
    provider: Arc<CryptoProvider>,
}

impl ResolvesServerCert for ByClientAbilities {
    fn resolve(&self, hello: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        let offered = hello.cipher_suites();
        self.keys
            .iter()
            .find(|certified| {
                let algorithm = certified.key.algorithm();
                certified
                    .key
                    .choose_scheme(hello.signature_schemes())
                    .is_some()
                    && self.provider.cipher_suites.iter().any(|suite| {
                        offered.contains(&suite.suite())
                            && suite.usable_for_signature_algorithm(algorithm)
                    })
            })
            .cloned()
    }
}

/// The client certificate's subject, when the station presented one (it has been verified
/// against the client CA by then: an unverifiable one ends the handshake).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClientSubject {
    pub common_name: Option<String>,
    pub organization: Option<String>,
}

impl ClientSubject {
    /// The subject of a DER certificate, or `None` if it cannot be parsed.
    pub fn from_der(der: &[u8]) -> Option<ClientSubject> {
        let (_, cert) = x509_parser::parse_x509_certificate(der).ok()?;
        let subject = cert.subject();
        let text = |value: &x509_parser::x509::AttributeTypeAndValue<'_>| {
            value.as_str().ok().map(str::to_owned)
        };
        Some(ClientSubject {
            common_name: subject.iter_common_name().next().and_then(text),
            organization: subject.iter_organization().next().and_then(text),
        })
    }
}

/// What the TLS listener knows of a connection, as axum connect-info.
#[derive(Clone, Debug)]
pub struct TlsPeer {
    pub remote: SocketAddr,
    /// `Some` when the station presented a client certificate. One whose subject cannot be
    /// read shows as a subject without CN, which matches no station.
    pub client: Option<ClientSubject>,
}

impl Connected<IncomingStream<'_, TlsListener>> for TlsPeer {
    fn connect_info(stream: IncomingStream<'_, TlsListener>) -> TlsPeer {
        let (_, session) = stream.io().get_ref();
        let client = session
            .peer_certificates()
            .and_then(|chain| chain.first())
            .map(|leaf| ClientSubject::from_der(leaf).unwrap_or_default());
        TlsPeer {
            remote: *stream.remote_addr(),
            client,
        }
    }
}

/// Finished TLS connections, for `axum::serve`.
pub struct TlsListener {
    ready: mpsc::Receiver<(TlsStream<TcpStream>, SocketAddr)>,
    local: SocketAddr,
}

impl TlsListener {
    /// Accept on `tcp` and shake hands until `stop`.
    pub fn new(tcp: TcpListener, config: Arc<ServerConfig>, stop: CancellationToken) -> Self {
        let local = tcp
            .local_addr()
            .unwrap_or_else(|_| SocketAddr::from(([0, 0, 0, 0], 0)));
        let (sender, ready) = mpsc::channel(64);
        tokio::spawn(accept_loop(tcp, TlsAcceptor::from(config), sender, stop));
        TlsListener { ready, local }
    }
}

impl Listener for TlsListener {
    type Io = TlsStream<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        match self.ready.recv().await {
            Some(ready) => ready,
            // The accept loop has stopped (shutdown): serve nothing more, the graceful
            // shutdown ends `axum::serve`.
            None => std::future::pending().await,
        }
    }

    fn local_addr(&self) -> std::io::Result<SocketAddr> {
        Ok(self.local)
    }
}

async fn accept_loop(
    tcp: TcpListener,
    acceptor: TlsAcceptor,
    ready: mpsc::Sender<(TlsStream<TcpStream>, SocketAddr)>,
    stop: CancellationToken,
) {
    let permits = Arc::new(Semaphore::new(CONCURRENT_HANDSHAKES));
    loop {
        let accepted = tokio::select! {
            () = stop.cancelled() => return,
            accepted = tcp.accept() => accepted,
        };
        let (socket, remote) = match accepted {
            Ok(accepted) => accepted,
            Err(error) => {
                // Out of file descriptors and the like: wait a moment rather than spin.
                tracing::warn!(%error, "TLS listener cannot accept");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let Ok(permit) = permits.clone().acquire_owned().await else {
            return;
        };
        let acceptor = acceptor.clone();
        let ready = ready.clone();
        tokio::spawn(async move {
            let _permit = permit;
            let _ = socket.set_nodelay(true);
            match tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(socket)).await {
                Ok(Ok(stream)) => {
                    let _ = ready.send((stream, remote)).await;
                }
                Ok(Err(error)) => {
                    // An old TLS version, an unknown client CA, a bad certificate: the
                    // alert has gone out, the connection ends (A00.FR.313, .407).
                    tracing::info!(%remote, %error, "TLS handshake failed");
                    metrics::counter!(CONNECTIONS_REFUSED, "reason" => "tls_handshake")
                        .increment(1);
                }
                Err(_) => {
                    tracing::info!(%remote, "TLS handshake timed out");
                    metrics::counter!(CONNECTIONS_REFUSED, "reason" => "tls_handshake")
                        .increment(1);
                }
            }
        });
    }
}
