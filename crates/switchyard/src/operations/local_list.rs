//! Keeping each station's local authorization list in step with the id tags (API.md, Local
//! authorization list; 1.6 Local Auth List Management, 2.x D01/D02).
//!
//! What to send is planned by [`crate::domain::local_list`]; here it is sent, one
//! SendLocalList at a time, and each accepted one recorded. Syncs of one station never
//! overlap, and a change while a sync runs makes it run once more rather than queue many.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::app::App;
use crate::commands::{Command, CommandError, CommandReply};
use crate::domain::local_list::{self, ListLimits, LocalListState};
use crate::domain::{StationId, VariableRecord, configured_value};

/// How a station's configuration says it takes a local list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListSettings {
    /// 1.6 `LocalAuthListEnabled`, 2.x `LocalAuthListCtrlr.Enabled`.
    pub enabled: bool,
    pub limits: ListLimits,
}

/// Read from what the station reported. 2.x `Entries` carries the maximum as its `maxLimit`
/// characteristic (its value is the current count).
pub fn settings(variables: &[VariableRecord]) -> ListSettings {
    let number =
        |name: &str| configured_value(variables, name).and_then(|v| v.trim().parse::<usize>().ok());
    let enabled = ["LocalAuthListEnabled", "LocalAuthListCtrlr.Enabled"]
        .iter()
        .any(|name| {
            configured_value(variables, name).is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        });
    let max_2x = variables
        .iter()
        .find(|v| {
            v.key
                .configuration_name()
                .eq_ignore_ascii_case("LocalAuthListCtrlr.Entries")
        })
        .and_then(|v| v.characteristics.as_ref())
        .and_then(|c| c.max_limit)
        .and_then(|max| usize::try_from(max as i64).ok());
    ListSettings {
        enabled,
        limits: ListLimits {
            max_entries: number("LocalAuthListMaxLength").or(max_2x),
            per_message: number("SendLocalListMaxLength")
                .or_else(|| number("LocalAuthListCtrlr.ItemsPerMessage"))
                .filter(|n| *n > 0),
        },
    }
}

/// How a sync went.
#[derive(Debug)]
pub enum Synced {
    /// The station's configuration does not show a local list.
    NotEnabled,
    /// It already holds the list.
    InStep,
    /// It answered NotSupported before: only a forced sync asks again.
    NotSupported,
    /// The station's answer to the last SendLocalList sent.
    Sent(CommandReply),
}

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Command(#[from] CommandError),
    #[error("store: {0}")]
    Store(#[from] crate::store::StoreError),
}

/// Per-station coordination of syncs.
#[derive(Debug, Default)]
pub struct Syncs {
    /// Station → whether another run was asked for while one runs; absent: none runs.
    running: Mutex<HashMap<StationId, bool>>,
    /// One sync of a station at a time, background or forced.
    locks: Mutex<HashMap<StationId, Arc<tokio::sync::Mutex<()>>>>,
}

impl Syncs {
    fn lock_of(&self, station: &StationId) -> Arc<tokio::sync::Mutex<()>> {
        let mut locks = self.locks.lock().unwrap_or_else(|p| p.into_inner());
        locks.entry(station.clone()).or_default().clone()
    }

    /// Claim the background run of `station`; false (and a rerun noted) if one runs.
    fn claim(&self, station: &StationId) -> bool {
        let mut running = self.running.lock().unwrap_or_else(|p| p.into_inner());
        match running.get_mut(station) {
            Some(again) => {
                *again = true;
                false
            }
            None => {
                running.insert(station.clone(), false);
                true
            }
        }
    }

    /// After a run: true if another was asked for meanwhile (the claim stays), else release.
    fn again(&self, station: &StationId) -> bool {
        let mut running = self.running.lock().unwrap_or_else(|p| p.into_inner());
        match running.get_mut(station) {
            Some(again) if *again => {
                *again = false;
                true
            }
            _ => {
                running.remove(station);
                false
            }
        }
    }
}

/// Bring the station's list in step in the background (after a tag change, a boot or a
/// reconnect), if its configuration shows a local list.
pub fn request(app: &App, station: &StationId) {
    if !app.automation.local_lists.claim(station) {
        return;
    }
    let (app, station) = (app.clone(), station.clone());
    tokio::spawn(async move {
        loop {
            let _permit = app.automation.permit().await;
            match sync(&app, &station, false, false).await {
                Ok(_) | Err(SyncError::Command(CommandError::NotConnected)) => {}
                Err(e) => tracing::info!(%station, "local list sync: {e}"),
            }
            if !app.automation.local_lists.again(&station) {
                break;
            }
        }
    });
}

/// Every connected station whose list may now differ (an id tag changed).
pub fn tags_changed(app: &App) {
    for (station, _) in app.registry.all() {
        request(app, &station);
    }
}

/// Send what the station's list lacks. `full` forces a Full update (the API's sync);
/// `force` sends even where the configuration does not show a local list (the station's
/// answer says whether it has one). A Differential refused with Failed or VersionMismatch
/// is followed by a Full update (API.md).
pub async fn sync(
    app: &App,
    station: &StationId,
    full: bool,
    force: bool,
) -> Result<Synced, SyncError> {
    let lock = app.automation.local_lists.lock_of(station);
    let _one_at_a_time = lock.lock().await;
    let settings = settings(&app.store.variables(station).await?);
    if !settings.enabled && !force {
        return Ok(Synced::NotEnabled);
    }
    if !force && app.store.local_list(station).await?.last_result.as_deref() == Some("NotSupported")
    {
        return Ok(Synced::NotSupported);
    }
    let mut full = full;
    loop {
        let tags = app.store.tags().await?;
        let mut held = app.store.local_list(station).await?;
        let wanted = local_list::wanted(&tags, chrono::Utc::now(), settings.limits);
        let updates = local_list::plan(&wanted, &held, full, settings.limits);
        if updates.is_empty() {
            return Ok(Synced::InStep);
        }
        let mut last = None;
        for update in updates {
            let command = Command::SendLocalList {
                update: update.clone(),
            };
            let reply = match app
                .registry
                .send(station, command, app.config.call_timeout)
                .await
            {
                Ok(reply) => reply,
                Err(e) => {
                    record_failure(app, station, &e).await;
                    return Err(e.into());
                }
            };
            let now = chrono::Utc::now();
            if reply.accepted() {
                app.store
                    .record_local_list(station, "Accepted", Some(&update), now)
                    .await?;
                local_list::apply(&mut held, &update);
                last = Some(reply);
                continue;
            }
            app.store
                .record_local_list(station, &reply.status, None, now)
                .await?;
            let retry_full =
                !update.full && matches!(reply.status.as_str(), "Failed" | "VersionMismatch");
            if retry_full && !full {
                full = true;
                last = None;
                break;
            }
            return Ok(Synced::Sent(reply));
        }
        if let Some(reply) = last {
            return Ok(Synced::Sent(reply));
        }
    }
}

/// Why no answer came, recorded as the last result (not for a station that is away: it is
/// synced when it returns).
async fn record_failure(app: &App, station: &StationId, error: &CommandError) {
    let result = match error {
        CommandError::NotConnected => return,
        CommandError::Timeout(_) => "Timeout".to_owned(),
        CommandError::CallError(e) => format!("CallError: {}", e.code),
        CommandError::Invalid(m) | CommandError::Forbidden(m) => format!("Invalid: {m}"),
    };
    if let Err(e) = app
        .store
        .record_local_list(station, &result, None, chrono::Utc::now())
        .await
    {
        tracing::warn!(%station, "cannot record the local list result: {e}");
    }
}

/// The list state the API shows (API.md: enabled, version, in_sync, entries, last_result,
/// updated_at).
pub struct ListView {
    pub settings: ListSettings,
    pub state: LocalListState,
    pub in_sync: bool,
}

pub async fn view(app: &App, station: &StationId) -> Result<ListView, crate::store::StoreError> {
    let settings = settings(&app.store.variables(station).await?);
    let state = app.store.local_list(station).await?;
    let wanted = local_list::wanted(
        &app.store.tags().await?,
        chrono::Utc::now(),
        settings.limits,
    );
    let in_sync = state.in_sync(&wanted);
    Ok(ListView {
        settings,
        state,
        in_sync,
    })
}
