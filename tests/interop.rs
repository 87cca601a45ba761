//! Interop with a third-party station implementation: the Python `ocpp` library
//! (mobilityhouse), which validates every frame against the official OCA JSON schemas.
//!
//! This test starts the server in-process, then runs the pytest suite in `tests/interop/`
//! against it from a virtualenv at `target/interop-venv` (created on first use; pip runs again
//! only when `tests/interop/requirements.txt` changes). It needs `python3` with `venv` and pip
//! access to PyPI; without them it fails, never skips.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use switchyard::config::ServeOptions;

#[path = "common/certs.rs"]
mod certs;

const REQUIREMENTS: &str = "tests/interop/requirements.txt";
const VENV: &str = "target/interop-venv";
/// Beside the venv's interpreter: the hash of the requirements it was installed from.
const STAMP: &str = "requirements.fnv1a";
/// The whole pytest run; each scenario also has its own, shorter, limit.
const PYTEST_TIMEOUT: Duration = Duration::from_secs(600);
/// Given to the stations in BootNotification; the tests check it arrives.
const HEARTBEAT_INTERVAL: u32 = 120;
/// Stations that get a client certificate (CN = id) for the mutual-TLS cases (profile 3).
const CLIENT_CERTIFICATES: &[&str] = &["TC087-CS"];

#[test]
fn python_ocpp_library_interop() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let python = prepare_venv(root);
    init_logging();

    let data = tempfile::tempdir().expect("cannot create a temporary data directory");
    // The TLS listener's certificates (security profiles 2 and 3), made for this run.
    let pki_dir = tempfile::tempdir().expect("cannot create a temporary certificate directory");
    let pki = certs::TestPki::create(pki_dir.path(), "interop");
    for station in CLIENT_CERTIFICATES {
        pki.client(station);
    }
    let (tls_certs, tls_keys) = pki.server.iter().cloned().unzip();
    let config = ServeOptions {
        tls_listen: Some("127.0.0.1:0".parse().expect("a valid address")),
        tls_cert: Some(tls_certs),
        tls_key: Some(tls_keys),
        tls_client_ca: Some(pki.ca.clone()),
        tls_client_organization: Some(certs::OPERATOR.to_owned()),
        listen: Some("127.0.0.1:0".parse().expect("a valid address")),
        data_dir: Some(data.path().to_owned()),
        heartbeat_interval: Some(HEARTBEAT_INTERVAL),
        ping_interval: Some(5.0),
        call_timeout: Some(20.0),
        // The conformance cases script what each station is sent; the reads on boot are
        // tested in tests/operations.rs.
        read_configuration_on_boot: Some(false),
        ..Default::default()
    }
    .resolve()
    .expect("the test configuration is valid");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("cannot build the runtime");
    let running = runtime
        .block_on(switchyard::server::start(config))
        .expect("the server starts");
    let url = format!("http://{}", running.addr);
    let token = running.api_token.to_string();
    let tls = Tls {
        url: format!(
            "https://{}",
            running.tls_addr.expect("the TLS listener is configured")
        ),
        ca: pki.ca.clone(),
        clients: pki.dir.clone(),
    };

    let samples = build_samples_example(root);
    let started = Instant::now();
    let outcome = run_pytest(root, &python, &url, &token, &samples, &tls);
    let took = started.elapsed();
    runtime.block_on(running.stop());

    match outcome {
        Ok(()) => eprintln!("interop: pytest passed in {:.1}s", took.as_secs_f64()),
        Err(failure) => panic!(
            "the interop tests failed after {:.1}s: {failure}",
            took.as_secs_f64()
        ),
    }
}

/// Logs of the in-process server: warnings by default, `RUST_LOG` for more.
fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_test_writer()
        .try_init();
}

/// The venv's interpreter, after creating the venv and installing the pinned packages where
/// needed. Panics with the reason (and the tools' output) when that cannot be done.
fn prepare_venv(root: &Path) -> PathBuf {
    let venv = root.join(VENV);
    let python = venv.join("bin").join("python");
    let requirements = root.join(REQUIREMENTS);
    let wanted = match std::fs::read(&requirements) {
        Ok(bytes) => format!("{:016x}\n", fnv1a(&bytes)),
        Err(error) => panic!("cannot read {}: {error}", requirements.display()),
    };

    if !interpreter_works(&python) {
        // Missing, or broken (say, the system Python it points to was upgraded): start over.
        if venv.exists() {
            std::fs::remove_dir_all(&venv)
                .unwrap_or_else(|e| panic!("cannot remove the broken {}: {e}", venv.display()));
        }
        eprintln!("interop: creating {}", venv.display());
        let output = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .output()
            .unwrap_or_else(|error| {
                panic!(
                    "cannot run python3 ({error}): the interop tests need Python 3 with the \
                     venv module on PATH (Debian: apt-get install python3 python3-venv)"
                )
            });
        if !output.status.success() {
            panic!(
                "`python3 -m venv {}` failed ({}); on Debian install python3-venv.\n{}",
                venv.display(),
                output.status,
                both(&output.stdout, &output.stderr)
            );
        }
    }

    let stamp = venv.join(STAMP);
    if std::fs::read_to_string(&stamp).ok().as_deref() != Some(wanted.as_str()) {
        eprintln!(
            "interop: installing {} into {}",
            REQUIREMENTS,
            venv.display()
        );
        let output = Command::new(&python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "--no-input",
                "-r",
            ])
            .arg(&requirements)
            .output()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", python.display()));
        if !output.status.success() {
            panic!(
                "pip could not install {} ({}): the interop tests need PyPI.\n{}",
                REQUIREMENTS,
                output.status,
                both(&output.stdout, &output.stderr)
            );
        }
        std::fs::write(&stamp, &wanted)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", stamp.display()));
    }
    python
}

/// Build the `ocpp` crate's `samples` example, which the schema checks run. It gets its
/// own target dir: the cargo running this test may still hold the lock on the main one.
fn build_samples_example(root: &Path) -> PathBuf {
    let target = root.join("target").join("interop-build");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let status = Command::new(cargo)
        .args([
            "build",
            "-q",
            "-p",
            "ocpp",
            "--example",
            "samples",
            "--target-dir",
        ])
        .arg(&target)
        .current_dir(root)
        .status()
        .expect("cargo runs");
    assert!(status.success(), "cannot build the samples example");
    target.join("debug").join("examples").join("samples")
}

fn interpreter_works(python: &Path) -> bool {
    Command::new(python)
        .args(["-c", "import sys; sys.exit(0)"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// What the TLS cases get: the wss:// base, the CA to trust, where the client certificates are.
struct Tls {
    url: String,
    ca: PathBuf,
    clients: PathBuf,
}

/// Runs pytest, copying its output to ours as it comes; on failure the error carries it all.
fn run_pytest(
    root: &Path,
    python: &Path,
    url: &str,
    token: &str,
    samples: &Path,
    tls: &Tls,
) -> Result<(), String> {
    let mut child = Command::new(python)
        .args(["-m", "pytest", "tests/interop", "-q"])
        .current_dir(root)
        .env("SAMPLES_BIN", samples)
        .env("SWITCHYARD_URL", url)
        .env("SWITCHYARD_TOKEN", token)
        .env("SWITCHYARD_TLS_URL", &tls.url)
        .env("SWITCHYARD_TLS_CA", &tls.ca)
        .env("SWITCHYARD_TLS_CLIENTS", &tls.clients)
        .env(
            "SWITCHYARD_HEARTBEAT_INTERVAL",
            HEARTBEAT_INTERVAL.to_string(),
        )
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONUNBUFFERED", "1")
        .env_remove("PYTHONPATH")
        .env_remove("PYTEST_ADDOPTS")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", python.display()))?;

    let transcript = Arc::new(Mutex::new(String::new()));
    let copiers = [
        copy_lines(child.stdout.take(), transcript.clone()),
        copy_lines(child.stderr.take(), transcript.clone()),
    ];

    let deadline = Instant::now() + PYTEST_TIMEOUT;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Ok(status),
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                break Err(format!("pytest did not finish within {PYTEST_TIMEOUT:?}"));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(100)),
            Err(e) => break Err(format!("cannot wait for pytest: {e}")),
        }
    };
    for copier in copiers {
        let _ = copier.join();
    }
    let transcript = transcript.lock().map(|t| t.clone()).unwrap_or_default();
    match status {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(format!("pytest exited with {status}:\n{transcript}")),
        Err(reason) => Err(format!("{reason}:\n{transcript}")),
    }
}

/// Streams a child's pipe line by line to our stderr (live, past the test harness's capture)
/// and into `transcript`.
fn copy_lines(
    pipe: Option<impl Read + Send + 'static>,
    transcript: Arc<Mutex<String>>,
) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let Some(pipe) = pipe else { return };
        for line in BufReader::new(pipe).lines() {
            let Ok(line) = line else { break };
            let _ = writeln!(std::io::stderr(), "{line}");
            if let Ok(mut transcript) = transcript.lock() {
                transcript.push_str(&line);
                transcript.push('\n');
            }
        }
    })
}

fn both(stdout: &[u8], stderr: &[u8]) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(stdout),
        String::from_utf8_lossy(stderr)
    )
}

/// FNV-1a, 64 bits: stable across Rust versions, unlike `DefaultHasher`.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}
