//! What a station does once it is booted.
//!
//! A scenario is data the station reads at its decision points (after boot, after a session
//! ends), not code that drives it: the station stays sans-IO and every scenario runs in virtual
//! time in unit tests. Most scenarios are best written as a scenario file (`Script`, see
//! `script.rs`), as `charge` is; a variant here is for what is not a connector's step, like
//! `Offline`'s one drop per station or `Quirks`' mangled payloads.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use crate::script::Script;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scenario {
    /// Connect, boot, StatusNotification per connector, heartbeat; nothing else unless the
    /// server asks (remote start, reset, ...).
    Idle,
    /// `idle`, but every station connects and boots at once, whatever `--ramp` says: the
    /// report's BootNotification latency is the figure.
    BootStorm,
    /// Each connector repeatedly: Authorize → StartTransaction → MeterValues every sample
    /// interval → StopTransaction after `session`, then `pause` before the next one.
    Charge { session: Duration, pause: Duration },
    /// `charge` with vendor-like deviations the server must tolerate: an unknown property in
    /// StatusNotification and MeterValues, a Temperature sample in `Celcius`, status
    /// timestamps without a zone, station-level MeterValues on connector 0 without a
    /// transaction after each boot, and no Heartbeat while a transaction runs.
    Quirks { session: Duration, pause: Duration },
    /// `charge`, but `drop_after` the first boot the station closes its socket in the middle
    /// of a transaction, keeps charging `offline_for`, queueing its transaction messages
    /// (OCPP 1.6 §3.7), then reconnects and replays them in order, every third one twice.
    Offline {
        session: Duration,
        pause: Duration,
        drop_after: Duration,
        offline_for: Duration,
    },
    /// A scenario file (`--scenario-file`): each connector runs its program of steps.
    Script(Arc<Script>),
}

impl Scenario {
    /// The default `charge` scenario: one-minute sessions, two seconds apart.
    pub fn charge() -> Scenario {
        Scenario::Charge {
            session: Duration::from_secs(60),
            pause: Duration::from_secs(2),
        }
    }

    /// The default `offline` scenario: `charge`, dropping the connection 30 s after boot for
    /// 90 s (a session ends and the next one starts while offline).
    pub fn offline() -> Scenario {
        Scenario::Offline {
            session: Duration::from_secs(60),
            pause: Duration::from_secs(2),
            drop_after: Duration::from_secs(30),
            offline_for: Duration::from_secs(90),
        }
    }

    /// Transaction messages go through the station's queue, sent one at a time and kept
    /// across a lost connection.
    pub fn queues_transactions(&self) -> bool {
        match self {
            Scenario::Offline { .. } => true,
            Scenario::Script(script) => script.goes_offline(),
            _ => false,
        }
    }

    /// The steps connectors run on their own: a scenario file's, or the embedded
    /// `scenarios/charge.toml` for `charge` and `quirks` (the built-in `offline` drops the
    /// connection once per station, timed from the first boot, which is not a connector's
    /// step: it stays code).
    pub fn script(&self) -> Option<Arc<Script>> {
        match self {
            Scenario::Script(script) => Some(script.clone()),
            Scenario::Charge { session, pause } | Scenario::Quirks { session, pause } => {
                Some(Arc::new(Script::charge(*session, *pause)))
            }
            _ => None,
        }
    }

    /// Heartbeat goes on while a transaction runs (`quirks` and some files say no).
    pub fn heartbeat_during_transactions(&self) -> bool {
        match self {
            Scenario::Quirks { .. } => false,
            Scenario::Script(script) => script.heartbeat_during_transactions,
            _ => true,
        }
    }

    /// Payloads get vendor-like deviations (`station/quirks.rs`).
    pub fn quirky(&self) -> bool {
        matches!(self, Scenario::Quirks { .. })
    }

    /// When to drop the connection after the first boot, and for how long.
    pub fn drop_plan(&self) -> Option<(Duration, Duration)> {
        match self {
            Scenario::Offline {
                drop_after,
                offline_for,
                ..
            } => Some((*drop_after, *offline_for)),
            _ => None,
        }
    }

    /// How long a session started on this station lasts before the station stops it itself
    /// (`None`: until the server stops it or the run ends).
    pub fn session_length(&self) -> Option<Duration> {
        match self {
            Scenario::Idle | Scenario::BootStorm | Scenario::Script(_) => None,
            Scenario::Charge { session, .. }
            | Scenario::Quirks { session, .. }
            | Scenario::Offline { session, .. } => Some(*session),
        }
    }

    /// When a connector starts its next local session, after boot or after the last one.
    pub fn next_session_after(&self) -> Option<Duration> {
        match self {
            Scenario::Idle | Scenario::BootStorm | Scenario::Script(_) => None,
            Scenario::Charge { pause, .. }
            | Scenario::Quirks { pause, .. }
            | Scenario::Offline { pause, .. } => Some(*pause),
        }
    }

    pub fn name(&self) -> &str {
        match self {
            Scenario::Idle => "idle",
            Scenario::BootStorm => "boot-storm",
            Scenario::Charge { .. } => "charge",
            Scenario::Offline { .. } => "offline",
            Scenario::Quirks { .. } => "quirks",
            Scenario::Script(script) => &script.name,
        }
    }
}

impl fmt::Display for Scenario {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown scenario {0:?} (known: idle, boot-storm, charge, offline, quirks)")]
pub struct UnknownScenario(String);

impl FromStr for Scenario {
    type Err = UnknownScenario;
    fn from_str(s: &str) -> Result<Scenario, UnknownScenario> {
        match s {
            "idle" => Ok(Scenario::Idle),
            "boot-storm" => Ok(Scenario::BootStorm),
            "charge" => Ok(Scenario::charge()),
            "offline" => Ok(Scenario::offline()),
            "quirks" => Ok(Scenario::Quirks {
                session: Duration::from_secs(60),
                pause: Duration::from_secs(2),
            }),
            other => Err(UnknownScenario(other.to_owned())),
        }
    }
}

/// Parse `500ms`, `10s`, `2m`, `1h` (a bare number is seconds). Hand-written: four units do
/// not justify a dependency.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let n: u64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not a duration like 500ms, 10s, 2m"))?;
    let ms = match unit {
        "ms" => Some(n),
        "" | "s" => n.checked_mul(1000),
        "m" => n.checked_mul(60_000),
        "h" => n.checked_mul(3_600_000),
        _ => return Err(format!("{text:?}: unknown unit {unit:?} (ms, s, m, h)")),
    };
    ms.map(Duration::from_millis)
        .ok_or_else(|| format!("{text:?} is too long"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse() {
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("10s"), Ok(Duration::from_secs(10)));
        assert_eq!(parse_duration("7"), Ok(Duration::from_secs(7)));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        assert_eq!(parse_duration("1h"), Ok(Duration::from_secs(3600)));
        assert!(parse_duration("10 days").is_err());
        assert!(parse_duration("s").is_err());
    }

    #[test]
    fn scenarios_parse_by_name() {
        assert_eq!("idle".parse::<Scenario>().ok(), Some(Scenario::Idle));
        assert_eq!("charge".parse::<Scenario>().ok(), Some(Scenario::charge()));
        assert_eq!(
            "boot-storm".parse::<Scenario>().ok(),
            Some(Scenario::BootStorm)
        );
        assert_eq!(
            "offline"
                .parse::<Scenario>()
                .ok()
                .map(|s| s.name().to_owned()),
            Some("offline".to_owned())
        );
        assert!("storm".parse::<Scenario>().is_err());
    }
}
