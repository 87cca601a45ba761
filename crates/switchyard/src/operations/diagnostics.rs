//! Diagnostics (2.x: the DiagnosticsLog): the request recorded before it is sent (its id is
//! the 2.x `requestId`), the upload URL on this server, and what the station's answer says.

use serde::Deserialize;

use crate::app::App;
use crate::commands::{Command, CommandReply, DiagnosticsUpload};
use crate::config::Config;
use crate::domain::firmware::{DiagnosticsRecord, NewDiagnostics};
use crate::domain::{StationId, Time};
use crate::store::StoreResult;

/// Where a station uploads to this server: POST (multipart) to this URL, or PUT to it plus
/// `/` and the file name.
pub fn upload_url(config: &Config, token: &str) -> String {
    format!("{}/files/diagnostics/{token}", config.public_url)
}

/// A diagnostics request as the operator asks for it; `location` `None`: this server.
#[derive(Clone, Debug, Default)]
pub struct DiagnosticsRequest {
    pub location: Option<String>,
    pub start_time: Option<Time>,
    pub stop_time: Option<Time>,
    pub retries: Option<u32>,
    pub retry_interval_s: Option<u32>,
}

/// Record the request (with a fresh upload token when the station uploads here) and return
/// the command that carries it.
pub async fn prepare(
    app: &App,
    station: &StationId,
    request: DiagnosticsRequest,
    now: Time,
) -> Result<(DiagnosticsRecord, Command), super::OperationError> {
    let (token, location) = match request.location {
        Some(location) => (None, location),
        None => {
            let token = crate::auth::random_token()
                .map_err(|e| crate::store::StoreError::Database(format!("no randomness: {e}")))?;
            let location = upload_url(&app.config, &token);
            (Some(token), location)
        }
    };
    let record = app
        .store
        .add_diagnostics(NewDiagnostics {
            station_id: station.clone(),
            token,
            location: location.clone(),
            requested_at: now,
        })
        .await?;
    let command = Command::GetDiagnostics(Box::new(DiagnosticsUpload {
        request_id: record.id,
        location,
        start_time: request.start_time,
        stop_time: request.stop_time,
        retries: request.retries,
        retry_interval_s: request.retry_interval_s,
    }));
    Ok((record, command))
}

/// Keep what the station answered: the file name it will upload (1.6 `fileName`, 2.x
/// `filename`) and, when it refused, its status.
pub async fn record_answer(app: &App, id: i64, reply: &CommandReply) -> StoreResult<()> {
    #[derive(Deserialize)]
    struct Answer {
        #[serde(rename = "fileName", alias = "filename")]
        file_name: Option<String>,
    }
    let filename = serde_json::from_str::<Answer>(reply.response.get())
        .ok()
        .and_then(|a| a.file_name)
        .and_then(|name| super::files::station_filename(&name));
    let refused = (reply.status != "Accepted").then(|| reply.status.clone());
    app.store.diagnostics_answered(id, filename, refused).await
}
