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
    let (filename, refused) = read_answer(reply);
    app.store.diagnostics_answered(id, filename, refused).await
}

/// The file name, and the status to keep if the station will not upload: 2.x says so in its
/// status; a 1.6 GetDiagnostics.conf without `fileName` means no file is available: `NoFile`.
fn read_answer(reply: &CommandReply) -> (Option<String>, Option<String>) {
    #[derive(Default, Deserialize)]
    struct Answer {
        #[serde(rename = "fileName", alias = "filename")]
        file_name: Option<String>,
        status: Option<String>,
    }
    let answer = serde_json::from_str::<Answer>(reply.response.get()).unwrap_or_default();
    let refused = match (&answer.status, &answer.file_name) {
        (None, None) => Some("NoFile".to_owned()),
        _ => (reply.status != "Accepted").then(|| reply.status.clone()),
    };
    let filename = answer
        .file_name
        .and_then(|name| super::files::station_filename(&name));
    (filename, refused)
}

#[cfg(test)]
mod tests {
    use serde_json::value::RawValue;

    use super::*;

    fn reply(status: &str, response: &str) -> CommandReply {
        CommandReply {
            status: status.into(),
            response: RawValue::from_string(response.into()).unwrap(),
            remote_start_id: None,
            variables: Vec::new(),
            new_password: None,
            list_version: None,
        }
    }

    #[test]
    fn answers_name_the_file_or_why_there_is_none() {
        let named = reply("Accepted", r#"{"fileName":"logs/d.zip"}"#);
        assert_eq!(read_answer(&named), (Some("d.zip".into()), None));
        let none = reply("Accepted", "{}");
        assert_eq!(read_answer(&none), (None, Some("NoFile".into())));
        let accepted = reply("Accepted", r#"{"status":"Accepted","filename":"l.txt"}"#);
        assert_eq!(read_answer(&accepted), (Some("l.txt".into()), None));
        let rejected = reply("Rejected", r#"{"status":"Rejected"}"#);
        assert_eq!(read_answer(&rejected), (None, Some("Rejected".into())));
    }

    #[test]
    fn the_upload_url_is_under_the_public_url() {
        let config = Config {
            public_url: "https://csms.example".into(),
            ..Config::default()
        };
        assert_eq!(
            upload_url(&config, "tok"),
            "https://csms.example/files/diagnostics/tok"
        );
    }
}
