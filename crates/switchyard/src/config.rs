//! Configuration: defaults ← TOML file (`--config`) ← `SWITCHYARD_*` environment ← flags.
//!
//! One struct, [`ServeOptions`], is both the clap argument set and the TOML schema, so a
//! setting has one name everywhere (`--heartbeat-interval`, `heartbeat-interval = 300`,
//! `SWITCHYARD_HEARTBEAT_INTERVAL`). [`Config`] is the resolved result.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum, Default)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    #[default]
    Human,
    Json,
}

/// SQLite's `synchronous` setting: FULL makes every acknowledged commit survive power loss.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum, Default)]
#[serde(rename_all = "lowercase")]
pub enum SyncMode {
    Off,
    Normal,
    #[default]
    Full,
    Extra,
}

/// Every setting of `switchyard serve`, each optional so layers can be merged.
#[derive(Debug, Clone, Default, Deserialize, clap::Args)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ServeOptions {
    /// Address for OCPP WebSockets and the HTTP API [default: 127.0.0.1:8180]
    #[arg(long, env = "SWITCHYARD_LISTEN")]
    pub listen: Option<SocketAddr>,
    /// Directory for the database and the generated API token [default: ./switchyard-data]
    #[arg(long, env = "SWITCHYARD_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    /// Database URL, e.g. sqlite://PATH [default: sqlite://DATA_DIR/switchyard.db]
    #[arg(long, env = "SWITCHYARD_DATABASE")]
    pub database: Option<String>,
    /// Bearer token for /api/v1 [default: generated at first start, stored in the data dir]
    #[arg(long, env = "SWITCHYARD_API_TOKEN", hide_env_values = true)]
    pub api_token: Option<String>,
    /// Bearer token required by /metrics [default: none, open to scrapers]
    #[arg(long, env = "SWITCHYARD_METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<String>,
    /// Accept and register stations that are not registered [default: false]
    #[arg(long, env = "SWITCHYARD_AUTO_REGISTER", num_args = 0..=1, default_missing_value = "true")]
    pub auto_register: Option<bool>,
    /// Heartbeat interval given to stations in BootNotification, seconds [default: 300]
    #[arg(long, env = "SWITCHYARD_HEARTBEAT_INTERVAL")]
    pub heartbeat_interval: Option<u32>,
    /// Seconds between WebSocket pings; a station that misses a pong is dropped [default: 30]
    #[arg(long, env = "SWITCHYARD_PING_INTERVAL")]
    pub ping_interval: Option<f64>,
    /// Default timeout for calls to stations, seconds [default: 30]
    #[arg(long, env = "SWITCHYARD_CALL_TIMEOUT")]
    pub call_timeout: Option<f64>,
    /// Raw frames kept per station in the message journal [default: 1000]
    #[arg(long, env = "SWITCHYARD_JOURNAL_SIZE")]
    pub journal_size: Option<usize>,
    /// SQLite synchronous mode [default: full]
    #[arg(long, env = "SWITCHYARD_SYNCHRONOUS", value_enum)]
    pub synchronous: Option<SyncMode>,
    /// Log format [default: human]
    #[arg(long, env = "SWITCHYARD_LOG_FORMAT", value_enum)]
    pub log_format: Option<LogFormat>,
    /// Base URL the system hands to stations for downloads and uploads [default: http://LISTEN]
    #[arg(long, env = "SWITCHYARD_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Read each station's configuration after it boots (1.6 GetConfiguration, 2.x
    /// GetBaseReport) [default: true]
    #[arg(long, env = "SWITCHYARD_READ_CONFIGURATION_ON_BOOT", num_args = 0..=1, default_missing_value = "true")]
    pub read_configuration_on_boot: Option<bool>,
    /// Address for wss:// and https:// (security profiles 2 and 3) [default: none, no TLS]
    #[arg(long, env = "SWITCHYARD_TLS_LISTEN")]
    pub tls_listen: Option<SocketAddr>,
    /// PEM server certificate chain(s) for the TLS listener, one per key: give an RSA and
    /// an ECDSA one to serve both kinds of station (comma-separated in the environment)
    #[arg(long, env = "SWITCHYARD_TLS_CERT", value_delimiter = ',')]
    pub tls_cert: Option<Vec<PathBuf>>,
    /// PEM private key(s), in the order of --tls-cert
    #[arg(long, env = "SWITCHYARD_TLS_KEY", value_delimiter = ',')]
    pub tls_key: Option<Vec<PathBuf>>,
    /// PEM CA certificate(s) that issue station client certificates (security profile 3)
    /// [default: none, client certificates are not asked for]
    #[arg(long, env = "SWITCHYARD_TLS_CLIENT_CA")]
    pub tls_client_ca: Option<PathBuf>,
    /// The operator name a station client certificate must carry as O (A00.FR.404)
    /// [default: O not checked]
    #[arg(long, env = "SWITCHYARD_TLS_CLIENT_ORGANIZATION")]
    pub tls_client_organization: Option<String>,
    /// Largest firmware image or diagnostics file accepted, bytes [default: 1073741824, 1 GiB]
    #[arg(long, env = "SWITCHYARD_UPLOAD_LIMIT")]
    pub upload_limit: Option<u64>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("invalid config file {path}: {source}")]
    Parse {
        path: PathBuf,
        source: Box<toml::de::Error>,
    },
    #[error("invalid setting {name}: {reason}")]
    Invalid { name: &'static str, reason: String },
}

impl ServeOptions {
    pub fn from_file(path: &Path) -> Result<ServeOptions, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_owned(),
            source,
        })?;
        toml::from_str(&text).map_err(|source| ConfigError::Parse {
            path: path.to_owned(),
            source: Box::new(source),
        })
    }

    /// Settings from `self` win; the gaps are filled from `lower`.
    pub fn over(self, lower: ServeOptions) -> ServeOptions {
        ServeOptions {
            listen: self.listen.or(lower.listen),
            data_dir: self.data_dir.or(lower.data_dir),
            database: self.database.or(lower.database),
            api_token: self.api_token.or(lower.api_token),
            metrics_token: self.metrics_token.or(lower.metrics_token),
            auto_register: self.auto_register.or(lower.auto_register),
            heartbeat_interval: self.heartbeat_interval.or(lower.heartbeat_interval),
            ping_interval: self.ping_interval.or(lower.ping_interval),
            call_timeout: self.call_timeout.or(lower.call_timeout),
            journal_size: self.journal_size.or(lower.journal_size),
            synchronous: self.synchronous.or(lower.synchronous),
            log_format: self.log_format.or(lower.log_format),
            public_url: self.public_url.or(lower.public_url),
            read_configuration_on_boot: self
                .read_configuration_on_boot
                .or(lower.read_configuration_on_boot),
            tls_listen: self.tls_listen.or(lower.tls_listen),
            tls_cert: self.tls_cert.or(lower.tls_cert),
            tls_key: self.tls_key.or(lower.tls_key),
            tls_client_ca: self.tls_client_ca.or(lower.tls_client_ca),
            tls_client_organization: self
                .tls_client_organization
                .or(lower.tls_client_organization),
            upload_limit: self.upload_limit.or(lower.upload_limit),
        }
    }

    pub fn resolve(self) -> Result<Config, ConfigError> {
        let listen = self
            .listen
            .unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], 8180)));
        let data_dir = self
            .data_dir
            .unwrap_or_else(|| PathBuf::from("switchyard-data"));
        let database = self
            .database
            .unwrap_or_else(|| format!("sqlite://{}", data_dir.join("switchyard.db").display()));
        let seconds = |name: &'static str, value: Option<f64>, default: f64| {
            let value = value.unwrap_or(default);
            if !(value.is_finite() && value > 0.0 && value <= 86_400.0) {
                return Err(ConfigError::Invalid {
                    name,
                    reason: "must be a number of seconds above 0".into(),
                });
            }
            Ok(Duration::from_secs_f64(value))
        };
        let heartbeat_interval = self.heartbeat_interval.unwrap_or(300);
        if heartbeat_interval == 0 {
            return Err(ConfigError::Invalid {
                name: "heartbeat-interval",
                reason: "must be at least 1".into(),
            });
        }
        let tls = tls_settings(
            self.tls_listen,
            self.tls_cert.unwrap_or_default(),
            self.tls_key.unwrap_or_default(),
            self.tls_client_ca,
            self.tls_client_organization.filter(|o| !o.is_empty()),
        )?;
        Ok(Config {
            tls,
            public_url: self
                .public_url
                .map(|url| url.trim_end_matches('/').to_owned())
                .unwrap_or_else(|| format!("http://{listen}")),
            listen,
            data_dir,
            database,
            api_token: self.api_token.filter(|t| !t.is_empty()),
            metrics_token: self.metrics_token.filter(|t| !t.is_empty()),
            auto_register: self.auto_register.unwrap_or(false),
            heartbeat_interval,
            ping_interval: seconds("ping-interval", self.ping_interval, 30.0)?,
            call_timeout: seconds("call-timeout", self.call_timeout, 30.0)?,
            journal_size: self.journal_size.unwrap_or(1000),
            synchronous: self.synchronous.unwrap_or_default(),
            log_format: self.log_format.unwrap_or_default(),
            read_configuration_on_boot: self.read_configuration_on_boot.unwrap_or(true),
            upload_limit: self.upload_limit.unwrap_or(DEFAULT_UPLOAD_LIMIT),
        })
    }
}

/// The resolved configuration of a running server.
#[derive(Debug, Clone)]
pub struct Config {
    pub listen: SocketAddr,
    pub data_dir: PathBuf,
    pub database: String,
    /// `None` until the server has loaded or generated one (see `server::api_token`).
    pub api_token: Option<String>,
    pub metrics_token: Option<String>,
    pub auto_register: bool,
    pub heartbeat_interval: u32,
    pub ping_interval: Duration,
    pub call_timeout: Duration,
    pub journal_size: usize,
    pub synchronous: SyncMode,
    pub log_format: LogFormat,
    pub public_url: String,
    pub read_configuration_on_boot: bool,
    /// The TLS listener (security profiles 2 and 3), if configured.
    pub tls: Option<TlsSettings>,
    /// Bytes: the largest firmware image or diagnostics upload accepted.
    pub upload_limit: u64,
}

/// Where and with what the TLS listener serves wss:// and https://.
#[derive(Debug, Clone, PartialEq)]
pub struct TlsSettings {
    pub listen: SocketAddr,
    /// (certificate chain, private key) PEM files, each pair one server identity.
    pub identities: Vec<(PathBuf, PathBuf)>,
    pub client_ca: Option<PathBuf>,
    pub client_organization: Option<String>,
}

fn tls_settings(
    listen: Option<SocketAddr>,
    certs: Vec<PathBuf>,
    keys: Vec<PathBuf>,
    client_ca: Option<PathBuf>,
    client_organization: Option<String>,
) -> Result<Option<TlsSettings>, ConfigError> {
    let Some(listen) = listen else {
        if !certs.is_empty() || !keys.is_empty() || client_ca.is_some() {
            return Err(ConfigError::Invalid {
                name: "tls-listen",
                reason: "TLS certificates are given but no --tls-listen address".into(),
            });
        }
        return Ok(None);
    };
    if certs.is_empty() || certs.len() != keys.len() {
        return Err(ConfigError::Invalid {
            name: "tls-cert",
            reason: format!(
                "the TLS listener needs one --tls-key per --tls-cert (got {} certificates, {} keys)",
                certs.len(),
                keys.len()
            ),
        });
    }
    if client_organization.is_some() && client_ca.is_none() {
        return Err(ConfigError::Invalid {
            name: "tls-client-organization",
            reason: "checks client certificates, which need --tls-client-ca".into(),
        });
    }
    Ok(Some(TlsSettings {
        listen,
        identities: certs.into_iter().zip(keys).collect(),
        client_ca,
        client_organization,
    }))
}

/// 1 GiB: firmware images of real chargers reach a few hundred MiB.
pub const DEFAULT_UPLOAD_LIMIT: u64 = 1 << 30;

impl Default for Config {
    fn default() -> Config {
        // Defaults cannot fail validation.
        ServeOptions::default()
            .resolve()
            .unwrap_or_else(|e| unreachable!("{e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_merge_in_order() {
        let cli = ServeOptions {
            heartbeat_interval: Some(60),
            ..Default::default()
        };
        let file: ServeOptions =
            toml::from_str("heartbeat-interval = 10\nping-interval = 5.5\nauto-register = true")
                .unwrap();
        let config = cli.over(file).resolve().unwrap();
        assert_eq!(config.heartbeat_interval, 60);
        assert_eq!(config.ping_interval, Duration::from_millis(5500));
        assert!(config.auto_register);
        assert_eq!(config.listen.to_string(), "127.0.0.1:8180");
        assert_eq!(config.database, "sqlite://switchyard-data/switchyard.db");
    }

    #[test]
    fn unknown_keys_and_bad_values_are_refused() {
        assert!(toml::from_str::<ServeOptions>("listn = \"x\"").is_err());
        let bad = ServeOptions {
            ping_interval: Some(-1.0),
            ..Default::default()
        };
        assert!(bad.resolve().is_err());
    }

    #[test]
    fn tls_needs_an_address_and_paired_files() {
        let file: ServeOptions = toml::from_str(
            "tls-listen = \"0.0.0.0:8443\"\ntls-cert = [\"rsa.pem\", \"ec.pem\"]\n\
             tls-key = [\"rsa.key\", \"ec.key\"]\ntls-client-ca = \"ca.pem\"",
        )
        .unwrap();
        let tls = file.resolve().unwrap().tls.unwrap();
        assert_eq!(tls.listen.to_string(), "0.0.0.0:8443");
        assert_eq!(
            tls.identities,
            vec![
                (PathBuf::from("rsa.pem"), PathBuf::from("rsa.key")),
                (PathBuf::from("ec.pem"), PathBuf::from("ec.key"))
            ]
        );
        assert_eq!(tls.client_ca, Some(PathBuf::from("ca.pem")));
        assert!(ServeOptions::default().resolve().unwrap().tls.is_none());

        let unpaired = ServeOptions {
            tls_listen: Some(SocketAddr::from(([127, 0, 0, 1], 8443))),
            tls_cert: Some(vec!["a.pem".into()]),
            ..Default::default()
        };
        assert!(unpaired.resolve().is_err());
        let no_address = ServeOptions {
            tls_cert: Some(vec!["a.pem".into()]),
            tls_key: Some(vec!["a.key".into()]),
            ..Default::default()
        };
        assert!(no_address.resolve().is_err());
    }
}
