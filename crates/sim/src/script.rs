//! Scenario files: what each connector does, as a list of steps (README, "Scenario files").
//!
//! Parsed by hand from a TOML table rather than derived with serde, so that every mistake is
//! reported with the file, the connector and the step number it is in. A script is checked
//! whole before any station connects: a `charge` outside a transaction, or a repeated
//! program that would spin without ever waiting, is a parse error, not a runtime surprise.
//!
//! Steps are written in 1.6 terms and played by 2.0.1 stations too, where each has a meaning:
//! `start` and `stop` are TransactionEvent Started and Ended, a `status` is the 2.0.1
//! connectorStatus it shows as (Preparing, Charging, SuspendedEV/EVSE and Finishing are
//! `Occupied`), a `stop` reason becomes the nearest stoppedReason (HardReset: ImmediateReset,
//! SoftReset: Reboot, UnlockCommand: Other), and `data-transfer` data is sent as a string. So
//! no step is refused for 2.0.1.

use std::path::Path;
use std::sync::OnceLock;
use std::time::Duration;

use ocpp::v16::{ChargePointStatus, Reason};
use toml::{Table, Value};

use crate::scenario::parse_duration;

/// The built-in `charge` scenario, as data.
const CHARGE: &str = include_str!("../scenarios/charge.toml");

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Script {
    /// The report's scenario name (the file name without `.toml` unless `name` is set).
    pub name: String,
    /// Send Heartbeat while a transaction runs (many chargers do not: MeterValues prove
    /// they are alive).
    pub heartbeat_during_transactions: bool,
    /// Connector `n` (from 1) runs program `(n - 1) % len`: one program serves them all.
    pub programs: Vec<Program>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Program {
    /// Start over from the first step when the last is done, until the run ends.
    pub repeat: bool,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Do nothing for `duration` plus up to `jitter`.
    Wait {
        duration: Duration,
        jitter: Duration,
    },
    /// Preparing, then Authorize with `tag` (default: the station's `--id-tag`).
    Authorize {
        tag: Option<String>,
    },
    /// StartTransaction with `tag` (default: the last authorised tag, else `--id-tag`).
    Start {
        tag: Option<String>,
    },
    /// Keep charging for `duration`, MeterValues every `every` (default `--meter-interval`).
    Charge {
        duration: Duration,
        every: Option<Duration>,
    },
    /// StopTransaction.
    Stop {
        reason: Reason,
    },
    /// Drop the connection for `duration`, queueing transaction messages, then reconnect and
    /// replay them.
    Offline {
        duration: Duration,
    },
    /// StatusNotification with this status.
    Status {
        status: ChargePointStatus,
    },
    Heartbeat,
    DataTransfer {
        vendor_id: String,
        message_id: Option<String>,
        data: Option<String>,
    },
}

impl Step {
    /// Steps that take time: a repeated program needs one, or it would loop without end.
    fn takes_time(&self) -> bool {
        match self {
            Step::Wait { duration, .. }
            | Step::Charge { duration, .. }
            | Step::Offline { duration } => !duration.is_zero(),
            _ => false,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ScriptError {
    /// Not `source`: the message says it already, and a cause chain would repeat it.
    #[error("{file}: cannot read: {error}")]
    Read { file: String, error: std::io::Error },
    #[error("{file}: not valid TOML: {message}")]
    Syntax { file: String, message: String },
    #[error("{file}: {place}: {problem}")]
    Invalid {
        file: String,
        place: String,
        problem: String,
    },
}

impl Script {
    /// Read and check a scenario file.
    pub fn load(path: &Path) -> Result<Script, ScriptError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|error| ScriptError::Read {
            file: file.clone(),
            error,
        })?;
        let default_name = path
            .file_stem()
            .map_or_else(|| "file".to_owned(), |s| s.to_string_lossy().into_owned());
        Script::parse(&file, &default_name, &text)
    }

    /// Parse `text`; `file` names it in errors, `default_name` is used without `name`.
    pub fn parse(file: &str, default_name: &str, text: &str) -> Result<Script, ScriptError> {
        let table: Table = text
            .parse()
            .map_err(|e: toml::de::Error| ScriptError::Syntax {
                file: file.to_owned(),
                message: e.message().to_owned(),
            })?;
        let invalid = |place: &str, problem: String| ScriptError::Invalid {
            file: file.to_owned(),
            place: place.to_owned(),
            problem,
        };
        let top = "top level";
        known_keys(&table, &["name", "station", "connector"]).map_err(|p| invalid(top, p))?;
        let name = match table.get("name") {
            Some(v) => string(v).map_err(|p| invalid("name", p))?,
            None => default_name.to_owned(),
        };
        let mut heartbeat_during_transactions = true;
        if let Some(station) = table.get("station") {
            let station = station
                .as_table()
                .ok_or_else(|| invalid("[station]", "must be a table".into()))?;
            known_keys(station, &["heartbeat-during-transactions"])
                .map_err(|p| invalid("[station]", p))?;
            if let Some(v) = station.get("heartbeat-during-transactions") {
                heartbeat_during_transactions = v.as_bool().ok_or_else(|| {
                    invalid(
                        "[station]",
                        "heartbeat-during-transactions must be true or false".into(),
                    )
                })?;
            }
        }
        let connectors = match table.get("connector") {
            Some(Value::Array(list)) if !list.is_empty() => list,
            Some(_) => {
                return Err(invalid(
                    top,
                    "`connector` must be one or more [[connector]] tables".into(),
                ));
            }
            None => return Err(invalid(top, "no [[connector]] table".into())),
        };
        let mut programs = Vec::new();
        for (i, connector) in connectors.iter().enumerate() {
            let place = format!("connector {}", i + 1);
            let connector = connector
                .as_table()
                .ok_or_else(|| invalid(&place, "must be a table".into()))?;
            programs.push(program(connector).map_err(|(step, p)| {
                let place = match step {
                    Some(step) => format!("{place}, {step}"),
                    None => place.clone(),
                };
                invalid(&place, p)
            })?);
        }
        Ok(Script {
            name,
            heartbeat_during_transactions,
            programs,
        })
    }

    /// The built-in `charge` scenario with its two durations: each `wait` step becomes
    /// `pause`, each `charge` step `session`.
    pub fn charge(session: Duration, pause: Duration) -> Script {
        static TEMPLATE: OnceLock<Script> = OnceLock::new();
        let mut script = TEMPLATE
            .get_or_init(|| {
                Script::parse("scenarios/charge.toml", "charge", CHARGE)
                    .expect("the embedded charge.toml parses (see its test)")
            })
            .clone();
        for step in script.programs.iter_mut().flat_map(|p| &mut p.steps) {
            match step {
                Step::Wait { duration, .. } => *duration = pause,
                Step::Charge { duration, .. } => *duration = session,
                _ => {}
            }
        }
        script
    }

    /// The program connector `connector` (from 1) runs.
    pub fn program(&self, connector: u32) -> Option<&Program> {
        let index = usize::try_from(connector.checked_sub(1)?).ok()?;
        self.programs.get(index % self.programs.len().max(1))
    }

    /// Transaction messages must be queued (OCPP 1.6 §3.7) if the station ever goes offline.
    pub fn goes_offline(&self) -> bool {
        self.programs
            .iter()
            .flat_map(|p| &p.steps)
            .any(|s| matches!(s, Step::Offline { .. }))
    }
}

/// A problem in a program: the step it is in (`step 3 (charge)`), if any.
type ProgramError = (Option<String>, String);

fn program(table: &Table) -> Result<Program, ProgramError> {
    known_keys(table, &["repeat", "steps"]).map_err(|p| (None, p))?;
    let repeat = match table.get("repeat") {
        Some(v) => v
            .as_bool()
            .ok_or((None, "repeat must be true or false".to_owned()))?,
        None => false,
    };
    let list = match table.get("steps") {
        Some(Value::Array(list)) if !list.is_empty() => list,
        Some(_) => return Err((None, "steps must be a non-empty list of tables".into())),
        None => return Err((None, "no steps".into())),
    };
    let mut steps = Vec::new();
    let mut in_transaction = false;
    for (i, value) in list.iter().enumerate() {
        let number = i + 1;
        let table = value
            .as_table()
            .ok_or_else(|| (Some(format!("step {number}")), "must be a table".into()))?;
        let kind = match table.get("do") {
            Some(Value::String(kind)) => kind.as_str(),
            Some(_) => return Err((Some(format!("step {number}")), "do must be a string".into())),
            None => {
                return Err((
                    Some(format!("step {number}")),
                    "no `do` (what the step does)".into(),
                ));
            }
        };
        let place = Some(format!("step {number} ({kind})"));
        let step = step(kind, table).map_err(|p| (place.clone(), p))?;
        // The transaction a step needs, checked now rather than found missing mid-run.
        match &step {
            Step::Start { .. } if in_transaction => {
                return Err((place, "a transaction is already running".into()));
            }
            Step::Start { .. } => in_transaction = true,
            Step::Charge { .. } | Step::Stop { .. } if !in_transaction => {
                return Err((place, "no transaction is running (add a start step)".into()));
            }
            Step::Stop { .. } => in_transaction = false,
            _ => {}
        }
        steps.push(step);
    }
    if in_transaction {
        return Err((
            None,
            "the last transaction is never stopped (add a stop step)".into(),
        ));
    }
    if repeat && !steps.iter().any(Step::takes_time) {
        return Err((
            None,
            "a repeated program needs a wait, charge or offline step that takes time".into(),
        ));
    }
    Ok(Program { repeat, steps })
}

/// The keys each step takes besides `do`.
const STEP_KEYS: [(&str, &[&str]); 9] = [
    ("wait", &["for", "jitter"]),
    ("authorize", &["tag"]),
    ("start", &["tag"]),
    ("charge", &["for", "every"]),
    ("stop", &["reason"]),
    ("offline", &["for"]),
    ("status", &["status"]),
    ("heartbeat", &[]),
    ("data-transfer", &["vendor-id", "message-id", "data"]),
];

fn step(kind: &str, table: &Table) -> Result<Step, String> {
    let Some((_, keys)) = STEP_KEYS.iter().find(|(k, _)| *k == kind) else {
        let known: Vec<&str> = STEP_KEYS.iter().map(|(k, _)| *k).collect();
        return Err(format!(
            "unknown step {kind:?} (known: {})",
            known.join(", ")
        ));
    };
    let mut allowed = vec!["do"];
    allowed.extend_from_slice(keys);
    known_keys(table, &allowed)?;
    let duration = |key: &str| -> Result<Option<Duration>, String> {
        table
            .get(key)
            .map(|v| {
                let text = match v {
                    Value::String(s) => s.clone(),
                    Value::Integer(n) if *n >= 0 => n.to_string(),
                    _ => return Err(format!("{key} must be a duration like \"10s\"")),
                };
                parse_duration(&text).map_err(|e| format!("{key}: {e}"))
            })
            .transpose()
    };
    let required = |key: &str| -> Result<Duration, String> {
        duration(key)?.ok_or_else(|| format!("`{key}` is required (a duration like \"10s\")"))
    };
    let text = |key: &str| -> Result<Option<String>, String> {
        table
            .get(key)
            .map(|v| string(v).map_err(|p| format!("{key}: {p}")))
            .transpose()
    };
    Ok(match kind {
        "wait" => Step::Wait {
            duration: required("for")?,
            jitter: duration("jitter")?.unwrap_or_default(),
        },
        "authorize" => Step::Authorize {
            tag: tag(text("tag")?)?,
        },
        "start" => Step::Start {
            tag: tag(text("tag")?)?,
        },
        "charge" => Step::Charge {
            duration: required("for")?,
            every: match duration("every")? {
                Some(d) if d.is_zero() => return Err("every must be more than 0".into()),
                every => every,
            },
        },
        "stop" => Step::Stop {
            reason: match text("reason")? {
                Some(r) => ocpp_enum(&r, "reason")?,
                None => Reason::Local,
            },
        },
        "offline" => Step::Offline {
            duration: required("for")?,
        },
        "status" => Step::Status {
            status: ocpp_enum(
                &text("status")?.ok_or("`status` is required (e.g. \"Available\")")?,
                "status",
            )?,
        },
        "heartbeat" => Step::Heartbeat,
        _ => Step::DataTransfer {
            vendor_id: at_most(text("vendor-id")?.ok_or("`vendor-id` is required")?, 255)?,
            message_id: text("message-id")?.map(|m| at_most(m, 50)).transpose()?,
            data: text("data")?,
        },
    })
}

/// An id tag is at most 20 characters in OCPP 1.6 (CiString20Type).
fn tag(tag: Option<String>) -> Result<Option<String>, String> {
    match tag {
        Some(t) if t.is_empty() || t.chars().count() > 20 => {
            Err(format!("tag {t:?} must be 1 to 20 characters"))
        }
        tag => Ok(tag),
    }
}

/// OCPP 1.6 CiStrings have a maximum length; the station would cut a longer one.
fn at_most(text: String, max: usize) -> Result<String, String> {
    if text.chars().count() > max {
        return Err(format!("{text:?} is longer than {max} characters"));
    }
    Ok(text)
}

/// An OCPP enumeration value by its wire name (`EVDisconnected`, `SuspendedEV`).
fn ocpp_enum<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(text.to_owned()))
        .map_err(|_| format!("{text:?} is not an OCPP 1.6 {what}"))
}

fn string(value: &Value) -> Result<String, String> {
    value
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| "must be a string".to_owned())
}

fn known_keys(table: &Table, known: &[&str]) -> Result<(), String> {
    match table.keys().find(|k| !known.contains(&k.as_str())) {
        Some(key) => Err(format!("unknown key {key:?} (known: {})", known.join(", "))),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Script, String> {
        Script::parse("t.toml", "t", text).map_err(|e| e.to_string())
    }

    fn error(text: &str) -> String {
        parse(text).expect_err("an error")
    }

    const GOOD: &str = r#"
        name = "demo"
        [station]
        heartbeat-during-transactions = false

        [[connector]]
        repeat = true
        steps = [
          { do = "status", status = "Preparing" },
          { do = "wait", for = "500ms", jitter = "1s" },
          { do = "authorize", tag = "CARD-1" },
          { do = "start" },
          { do = "charge", for = "2m", every = "5s" },
          { do = "offline", for = "30s" },
          { do = "stop", reason = "EVDisconnected" },
          { do = "heartbeat" },
          { do = "data-transfer", vendor-id = "com.example", message-id = "hello", data = "{}" },
        ]

        [[connector]]
        steps = [{ do = "wait", for = 3 }]
    "#;

    #[test]
    fn a_good_file_parses_into_steps() {
        let script = parse(GOOD).expect("parses");
        assert_eq!(script.name, "demo");
        assert!(!script.heartbeat_during_transactions);
        assert!(script.goes_offline());
        let first = &script.programs[0];
        assert!(first.repeat);
        assert_eq!(first.steps.len(), 9);
        assert_eq!(
            first.steps[1],
            Step::Wait {
                duration: Duration::from_millis(500),
                jitter: Duration::from_secs(1)
            }
        );
        assert_eq!(
            first.steps[4],
            Step::Charge {
                duration: Duration::from_secs(120),
                every: Some(Duration::from_secs(5))
            }
        );
        assert_eq!(
            first.steps[6],
            Step::Stop {
                reason: Reason::EvDisconnected
            }
        );
        let second = &script.programs[1];
        assert!(!second.repeat);
        assert_eq!(
            second.steps,
            [Step::Wait {
                duration: Duration::from_secs(3),
                jitter: Duration::ZERO
            }]
        );
        // Programs are dealt round-robin over the connectors.
        assert_eq!(script.program(3), Some(first));
        assert_eq!(script.program(4), Some(second));
        assert_eq!(script.program(0), None);
    }

    #[test]
    fn defaults_fill_what_is_left_out() {
        let script = parse(
            r#"[[connector]]
            steps = [{ do = "start" }, { do = "stop" }]"#,
        )
        .expect("parses");
        assert_eq!(script.name, "t");
        assert!(script.heartbeat_during_transactions);
        assert!(!script.goes_offline());
        assert_eq!(
            script.programs[0].steps,
            [
                Step::Start { tag: None },
                Step::Stop {
                    reason: Reason::Local
                }
            ]
        );
    }

    #[test]
    fn the_embedded_charge_scenario_parses_and_takes_its_durations() {
        let script = Script::charge(Duration::from_secs(7), Duration::from_secs(3));
        assert_eq!(script.name, "charge");
        let steps = &script.programs[0].steps;
        assert!(steps.contains(&Step::Wait {
            duration: Duration::from_secs(3),
            jitter: Duration::ZERO
        }));
        assert!(steps.contains(&Step::Charge {
            duration: Duration::from_secs(7),
            every: None
        }));
    }

    #[test]
    fn the_example_files_parse() {
        for file in ["overnight-fleet.toml", "flaky-network.toml"] {
            let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("scenarios")
                .join(file);
            Script::load(&path).unwrap_or_else(|e| panic!("{e}"));
        }
    }

    #[test]
    fn every_mistake_names_file_place_and_problem() {
        let one = |steps: &str| format!("[[connector]]\nsteps = [{steps}]");
        let cases: &[(String, &str)] = &[
            ("[[connector]\n".into(), "t.toml: not valid TOML"),
            (
                "colour = 1".into(),
                "t.toml: top level: unknown key \"colour\"",
            ),
            ("name = 3\n".into(), "t.toml: name: must be a string"),
            ("".into(), "t.toml: top level: no [[connector]] table"),
            (
                "connector = 1".into(),
                "top level: `connector` must be one or more",
            ),
            (
                "[station]\nheartbeats = true\n[[connector]]\nsteps = [{ do = \"heartbeat\" }]"
                    .into(),
                "t.toml: [station]: unknown key \"heartbeats\"",
            ),
            (
                "[station]\nheartbeat-during-transactions = \"no\"".into(),
                "[station]: heartbeat-during-transactions must be true or false",
            ),
            (
                "[[connector]]\nrepeat = true".into(),
                "connector 1: no steps",
            ),
            (
                "[[connector]]\nsteps = []".into(),
                "connector 1: steps must be a non-empty",
            ),
            (
                "[[connector]]\nrepeat = 1\nsteps = [{ do = \"heartbeat\" }]".into(),
                "connector 1: repeat must be true or false",
            ),
            (
                "[[connector]]\nloop = true\nsteps = [{ do = \"heartbeat\" }]".into(),
                "connector 1: unknown key \"loop\"",
            ),
            (one("1"), "connector 1, step 1: must be a table"),
            (one("{ for = \"1s\" }"), "connector 1, step 1: no `do`"),
            (
                one("{ do = 1 }"),
                "connector 1, step 1: do must be a string",
            ),
            (
                one("{ do = \"sleep\" }"),
                "step 1 (sleep): unknown step \"sleep\"",
            ),
            (
                one("{ do = \"heartbeat\" }, { do = \"wait\", fro = \"1s\" }"),
                "connector 1, step 2 (wait): unknown key \"fro\" (known: do, for, jitter)",
            ),
            (one("{ do = \"wait\" }"), "step 1 (wait): `for` is required"),
            (
                one("{ do = \"wait\", for = \"10 days\" }"),
                "step 1 (wait): for: \"10 days\"",
            ),
            (
                one("{ do = \"wait\", for = true }"),
                "for must be a duration like",
            ),
            (
                one(
                    "{ do = \"start\" }, { do = \"charge\", for = \"1s\", every = \"0s\" }, { do = \"stop\" }",
                ),
                "step 2 (charge): every must be more than 0",
            ),
            (
                one("{ do = \"start\" }, { do = \"stop\", reason = \"Bored\" }"),
                "step 2 (stop): \"Bored\" is not an OCPP 1.6 reason",
            ),
            (
                one("{ do = \"status\" }"),
                "step 1 (status): `status` is required",
            ),
            (
                one("{ do = \"status\", status = \"Sleeping\" }"),
                "\"Sleeping\" is not an OCPP 1.6 status",
            ),
            (one("{ do = \"data-transfer\" }"), "`vendor-id` is required"),
            (
                one(&format!(
                    "{{ do = \"data-transfer\", vendor-id = \"v\", message-id = \"{}\" }}",
                    "m".repeat(51)
                )),
                "step 1 (data-transfer): \"mmmm",
            ),
            (
                one("{ do = \"authorize\", tag = \"\" }"),
                "step 1 (authorize): tag \"\" must be 1 to 20 characters",
            ),
            (
                one("{ do = \"charge\", for = \"1s\" }"),
                "step 1 (charge): no transaction is running",
            ),
            (
                one("{ do = \"stop\" }"),
                "step 1 (stop): no transaction is running",
            ),
            (
                one("{ do = \"start\" }, { do = \"start\" }"),
                "step 2 (start): a transaction is already running",
            ),
            (
                one("{ do = \"start\" }"),
                "connector 1: the last transaction is never stopped",
            ),
            (
                "[[connector]]\nrepeat = true\nsteps = [{ do = \"heartbeat\" }]".into(),
                "connector 1: a repeated program needs a wait",
            ),
            (
                format!(
                    "{}\n[[connector]]\nsteps = [{{ do = \"nap\" }}]",
                    one("{ do = \"heartbeat\" }")
                ),
                "connector 2, step 1 (nap)",
            ),
        ];
        for (text, expected) in cases {
            let message = error(text);
            assert!(
                message.contains(expected),
                "{text:?}: {message:?} lacks {expected:?}"
            );
        }
    }

    #[test]
    fn a_missing_file_is_an_error_naming_it() {
        let error = Script::load(Path::new("/nonexistent/x.toml")).expect_err("missing");
        assert!(
            error
                .to_string()
                .starts_with("/nonexistent/x.toml: cannot read"),
            "{error}"
        );
    }
}
