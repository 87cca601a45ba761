//! What the system does of its own accord when a station boots or comes back (API.md,
//! Operating features: "the system may send calls of its own to a station at any time after
//! boot"): read its configuration, set the desired values, bring its local list in step,
//! send its charging profiles again.
//!
//! Follow-ups run in their own tasks, through the registry like any API command, so the
//! station's session stays a pure message handler. A semaphore bounds how many run at once:
//! a boot storm of thousands of stations must not become a storm of our own calls.

use std::time::Duration;

use tokio::sync::{Semaphore, SemaphorePermit};

use crate::app::App;
use crate::commands::{Command, CommandError, ReportBase};
use crate::domain::{BootStatus, StationId};
use crate::operations::{charging, configuration, local_list};

/// Follow-ups running at once, over all stations.
const CONCURRENT_FOLLOW_UPS: usize = 64;
/// A station that reconnects without a BootNotification (J16 §5.4 allows it) is followed up
/// this long after it connected.
const RECONNECT_GRACE: Duration = Duration::from_secs(30);
/// The 2.x variables the local list needs, read on boot (a NotifyReport may come later).
const LOCAL_LIST_VARIABLES: [&str; 3] = [
    "LocalAuthListCtrlr.Enabled",
    "LocalAuthListCtrlr.ItemsPerMessage",
    "LocalAuthListCtrlr.Entries",
];

#[derive(Debug)]
pub struct Automation {
    permits: Semaphore,
    pub local_lists: local_list::Syncs,
}

impl Default for Automation {
    fn default() -> Automation {
        Automation {
            permits: Semaphore::new(CONCURRENT_FOLLOW_UPS),
            local_lists: local_list::Syncs::default(),
        }
    }
}

impl Automation {
    pub async fn permit(&self) -> Option<SemaphorePermit<'_>> {
        // The semaphore is never closed; None would only let the work run unbounded.
        self.permits.acquire().await.ok()
    }
}

/// The station answered BootNotification with `status` on this connection.
pub fn after_boot(app: &App, station: &StationId, status: BootStatus) {
    if status == BootStatus::Rejected {
        return;
    }
    let (app, station) = (app.clone(), station.clone());
    tokio::spawn(async move {
        let _permit = app.automation.permit().await;
        if let Err(e) = follow_up_boot(&app, &station, status).await {
            log(&station, &e);
        }
    });
}

/// A station connected: if it has not booted on this connection after a while, it is a
/// reconnect, and what changed while it was away is sent now.
pub fn after_connect(app: &App, station: &StationId, connection: u64) {
    let (app, station) = (app.clone(), station.clone());
    tokio::spawn(async move {
        tokio::select! {
            () = tokio::time::sleep(RECONNECT_GRACE) => {}
            () = app.shutdown.cancelled() => return,
        }
        let Some(handle) = app.registry.get(&station) else {
            return;
        };
        if handle.connection != connection || handle.boot.get().is_some() {
            return;
        }
        // A task of its own: the one that sleeps above stays small, since every connection
        // holds one for the grace period.
        tokio::spawn(follow_up_reconnect(app, station));
    });
}

async fn follow_up_reconnect(app: App, station: StationId) {
    let _permit = app.automation.permit().await;
    let result = async {
        configuration::apply_all(&app, &station, false).await?;
        local_list::request(&app, &station);
        // It kept its profiles: only what it was not told while away.
        charging::send_pending(&app, &station).await;
        Ok::<(), CommandError>(())
    }
    .await;
    if let Err(e) = result {
        log(&station, &e);
    }
}

async fn follow_up_boot(
    app: &App,
    station: &StationId,
    status: BootStatus,
) -> Result<(), CommandError> {
    let version = app
        .registry
        .get(station)
        .map(|h| h.protocol)
        .ok_or(CommandError::NotConnected)?;
    let v16 = version == ocpp::Version::V16;
    let timeout = app.config.call_timeout;
    let read = app.config.read_configuration_on_boot;
    if read {
        // 1.6: GetConfiguration of every key, kept as the answer comes; 2.x: GetBaseReport,
        // whose NotifyReport is kept when it arrives.
        let report = Command::GetBaseReport {
            report_base: ReportBase::ConfigurationInventory,
        };
        ignore_refusal(app.registry.send(station, report, timeout).await)?;
    }
    // A 1.6 full read already holds the desired keys; 2.x reads them by name.
    configuration::apply_all(app, station, !(read && v16)).await?;
    if status != BootStatus::Accepted {
        // Pending: configuration only; the rest waits for the Accepted boot.
        return Ok(());
    }
    if read && !v16 {
        let keys = LOCAL_LIST_VARIABLES.map(str::to_owned).to_vec();
        ignore_refusal(
            app.registry
                .send(station, Command::GetConfiguration { keys }, timeout)
                .await,
        )?;
    }
    check_list_version(app, station).await?;
    local_list::request(app, station);
    // A rebooted station may have lost its charging profiles (API.md).
    charging::resend_after_boot(app, station).await;
    Ok(())
}

/// A station whose list version is not the one it last accepted from us (reset, replaced
/// or changed by someone else) gets a Full update: its last result becomes VersionMismatch.
async fn check_list_version(app: &App, station: &StationId) -> Result<(), CommandError> {
    let (variables, held) =
        match tokio::try_join!(app.store.variables(station), app.store.local_list(station)) {
            Ok(read) => read,
            Err(e) => {
                tracing::warn!(%station, "cannot read the local list state: {e}");
                return Ok(());
            }
        };
    if !local_list::settings(&variables).enabled || held.version <= 0 {
        return Ok(());
    }
    let reply = app
        .registry
        .send(
            station,
            Command::GetLocalListVersion,
            app.config.call_timeout,
        )
        .await;
    let version = match reply {
        Ok(reply) => reply.list_version,
        Err(CommandError::NotConnected) => return Err(CommandError::NotConnected),
        Err(_) => None,
    };
    if version.is_some_and(|v| v != held.version)
        && let Err(e) = app
            .store
            .record_local_list(station, "VersionMismatch", None, chrono::Utc::now())
            .await
    {
        tracing::warn!(%station, "cannot record the local list state: {e}");
    }
    Ok(())
}

/// A station that cannot do something (CALLERROR, timeout) still gets the rest; only a
/// station that left ends the follow-up.
fn ignore_refusal<T>(result: Result<T, CommandError>) -> Result<(), CommandError> {
    match result {
        Err(CommandError::NotConnected) => Err(CommandError::NotConnected),
        _ => Ok(()),
    }
}

fn log(station: &StationId, error: &CommandError) {
    match error {
        CommandError::NotConnected => {}
        other => tracing::info!(%station, "follow-up after connect: {other}"),
    }
}
