//! Firmware campaigns: one image rolled out to many stations, at most `max_concurrent` at a
//! time, from `start_at`.
//!
//! All state is in the store, so a restarted server resumes where it stopped. The runner
//! wakes every [`TICK`]: for each started campaign it closes stations that are done, then
//! sends UpdateFirmware to the next pending stations that are connected while slots are free
//! (offline stations are waited for, and keep their place). A station is done when it reports
//! a final firmware status (Installed, InstallationFailed, DownloadFailed; 2.x also
//! InstallVerificationFailed, InvalidSignature: the store moves it when it stores the
//! notification), when it refuses the update or answers with a CALLERROR or not at all, or
//! when it has reported no final status [`STATION_TIMEOUT`] after the update was sent
//! (answer `TimedOut`): a station that never reports must not hold a slot for ever.

use std::time::Duration;

use chrono::Utc;

use super::firmware::{UpdateRequest, download_url, prepare_update};
use crate::app::App;
use crate::commands::{CommandError, CommandReply};
use crate::domain::BootStatus;
use crate::domain::firmware::{Campaign, CampaignState, CampaignStation, CampaignStationUpdate};
use crate::domain::{StationId, Time};
use crate::store::StoreResult;

/// How often the runner looks at the campaigns.
pub const TICK: Duration = Duration::from_secs(1);
/// How long a station has, after the update was sent, to report a final status.
pub const STATION_TIMEOUT: Duration = Duration::from_secs(2 * 3600);

/// Run the campaigns until the server stops.
pub fn spawn_runner(app: App) {
    let shutdown = app.shutdown.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(TICK);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                () = shutdown.cancelled() => return,
                _ = tick.tick() => {}
            }
            if let Err(error) = run_once(&app, Utc::now()).await {
                tracing::warn!(%error, "firmware campaigns: will retry");
            }
        }
    });
}

/// One pass over every campaign. Sends are spawned: their station is marked in progress
/// first, so the next pass does not send again.
pub async fn run_once(app: &App, now: Time) -> StoreResult<()> {
    for campaign in app.store.campaigns().await? {
        if campaign.start_at > now {
            continue;
        }
        step(app, &campaign, now).await?;
    }
    Ok(())
}

async fn step(app: &App, campaign: &Campaign, now: Time) -> StoreResult<()> {
    let mut in_progress = 0u32;
    for station in &campaign.stations {
        if station.state != CampaignState::InProgress {
            continue;
        }
        let timed_out = station.sent_at.is_some_and(|sent| {
            now.signed_duration_since(sent)
                .to_std()
                .is_ok_and(|waited| waited >= STATION_TIMEOUT)
        });
        if timed_out {
            let update = CampaignStationUpdate {
                state: CampaignState::Done,
                answer: Some("TimedOut".into()),
                finished_at: Some(now),
                ..update_of(campaign.id, station)
            };
            app.store.update_campaign_station(update).await?;
        } else {
            in_progress += 1;
        }
    }
    let mut free = campaign.max_concurrent.saturating_sub(in_progress);
    if free == 0 {
        return Ok(());
    }
    let Some(file) = app.store.firmware_file(campaign.firmware_id).await? else {
        return Ok(());
    };
    let location = download_url(&app.config, &file);
    for station in &campaign.stations {
        if free == 0 {
            break;
        }
        if station.state != CampaignState::Pending || !ready(app, &station.station_id) {
            continue;
        }
        let request = UpdateRequest {
            location: location.clone(),
            firmware_id: Some(file.id),
            campaign_id: Some(campaign.id),
            retrieve_at: now,
            retries: None,
            retry_interval_s: None,
        };
        let (request_id, command) = prepare_update(app, &station.station_id, request, now).await?;
        let sent = CampaignStationUpdate {
            state: CampaignState::InProgress,
            request_id: Some(request_id),
            sent_at: Some(now),
            ..update_of(campaign.id, station)
        };
        app.store.update_campaign_station(sent.clone()).await?;
        free -= 1;
        let app = app.clone();
        let timeout = app.config.call_timeout;
        tokio::spawn(async move {
            let result = app.registry.send(&sent.station_id, command, timeout).await;
            let update = answered(sent, result, Utc::now());
            if let Err(error) = app.store.update_campaign_station(update).await {
                tracing::warn!(%error, "firmware campaign: cannot record a station's answer");
            }
        });
    }
    Ok(())
}

/// Connected, and not refused by its boot state (a Pending or Rejected station is sent
/// nothing it could not act on).
fn ready(app: &App, station: &StationId) -> bool {
    app.registry.is_connected(station)
        && !matches!(
            app.registry.boot_status(station),
            Some(BootStatus::Pending | BootStatus::Rejected)
        )
}

/// The station's answer to UpdateFirmware: an accepted update stays in progress until the
/// station reports; anything else ends its part of the campaign. A station that went away
/// before it could be sent the update goes back to the queue.
fn answered(
    sent: CampaignStationUpdate,
    result: Result<CommandReply, CommandError>,
    now: Time,
) -> CampaignStationUpdate {
    match result {
        Ok(reply) if reply.status == "Accepted" => CampaignStationUpdate {
            answer: Some(reply.status),
            ..sent
        },
        Err(CommandError::NotConnected) => CampaignStationUpdate {
            state: CampaignState::Pending,
            request_id: None,
            sent_at: None,
            ..sent
        },
        other => {
            let answer = match other {
                Ok(reply) => reply.status,
                Err(CommandError::Timeout(_)) => "NoAnswer".to_owned(),
                Err(CommandError::CallError(error)) => format!("CallError {}", error.code),
                Err(error) => format!("NotSent: {error}"),
            };
            CampaignStationUpdate {
                state: CampaignState::Done,
                answer: Some(answer),
                finished_at: Some(now),
                ..sent
            }
        }
    }
}

fn update_of(campaign_id: i64, station: &CampaignStation) -> CampaignStationUpdate {
    CampaignStationUpdate {
        campaign_id,
        station_id: station.station_id.clone(),
        state: station.state,
        request_id: station.request_id,
        answer: station.answer.clone(),
        firmware_status: station.firmware_status.clone(),
        sent_at: station.sent_at,
        finished_at: station.finished_at,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::value::RawValue;

    use super::*;

    fn sent() -> CampaignStationUpdate {
        CampaignStationUpdate {
            campaign_id: 1,
            station_id: StationId::new("CP-1").unwrap(),
            state: CampaignState::InProgress,
            request_id: Some(7),
            answer: None,
            firmware_status: None,
            sent_at: Some(Time::default()),
            finished_at: None,
        }
    }

    fn reply(status: &str) -> CommandReply {
        CommandReply {
            status: status.into(),
            response: RawValue::from_string("{}".into()).unwrap(),
            remote_start_id: None,
            variables: Vec::new(),
            new_password: None,
            list_version: None,
        }
    }

    #[test]
    fn answers_decide_whether_the_station_stays_in_progress() {
        let now = Time::default();
        let accepted = answered(sent(), Ok(reply("Accepted")), now);
        assert_eq!(accepted.state, CampaignState::InProgress);
        let rejected = answered(sent(), Ok(reply("Rejected")), now);
        assert_eq!(rejected.state, CampaignState::Done);
        assert_eq!(rejected.answer.as_deref(), Some("Rejected"));
        let gone = answered(sent(), Err(CommandError::NotConnected), now);
        assert_eq!(gone.state, CampaignState::Pending);
        assert_eq!(gone.request_id, None);
        let silent = answered(sent(), Err(CommandError::Timeout(TICK)), now);
        assert_eq!(silent.state, CampaignState::Done);
        assert_eq!(silent.answer.as_deref(), Some("NoAnswer"));
    }
}
