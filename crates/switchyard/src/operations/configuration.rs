//! The desired configuration: values the operator wants a station to have, set when it is
//! connected and again whenever what it reports differs (API.md, Configuration).

use crate::app::App;
use crate::commands::{Command, CommandError, CommandReply};
use crate::domain::{StationId, configured_value};

/// Set one desired value at the station now, and record its answer. A CALLERROR or a
/// timeout is recorded too, so the operator sees why a value is not in place; a station that
/// is not connected is tried again when it comes back.
pub async fn apply(
    app: &App,
    station: &StationId,
    key: &str,
    value: &str,
) -> Result<CommandReply, CommandError> {
    let command = Command::ChangeConfiguration {
        key: key.to_owned(),
        value: value.to_owned(),
    };
    let answer = app
        .registry
        .send(station, command, app.config.call_timeout)
        .await;
    let result = match &answer {
        Ok(reply) => Some(reply.status.clone()),
        Err(CommandError::NotConnected) => None,
        Err(CommandError::Timeout(_)) => Some("Timeout".to_owned()),
        Err(CommandError::CallError(error)) => Some(format!("CallError: {}", error.code)),
        Err(CommandError::Invalid(message) | CommandError::Forbidden(message)) => {
            Some(format!("Invalid: {message}"))
        }
    };
    if let Some(result) = result
        && let Err(e) = app
            .store
            .desired_result(station, key, value, &result, chrono::Utc::now())
            .await
    {
        tracing::warn!(%station, key, "cannot record a desired value's result: {e}");
    }
    answer
}

/// Bring the station's configuration to the desired values: read the desired keys first
/// when `read` (what is stored may be old), then set every one the station reports
/// differently (or not at all).
pub async fn apply_all(app: &App, station: &StationId, read: bool) -> Result<(), CommandError> {
    let desired = match app.store.desired_configuration(station).await {
        Ok(desired) => desired,
        Err(e) => {
            tracing::warn!(%station, "cannot read the desired configuration: {e}");
            return Ok(());
        }
    };
    if desired.is_empty() {
        return Ok(());
    }
    if read {
        let keys = desired.iter().map(|d| d.key.clone()).collect();
        // The answer is stored by the session; a station that cannot say just gets the values.
        match app
            .registry
            .send(
                station,
                Command::GetConfiguration { keys },
                app.config.call_timeout,
            )
            .await
        {
            Err(CommandError::NotConnected) => return Err(CommandError::NotConnected),
            Err(e) => tracing::info!(%station, "reading the desired keys failed: {e}"),
            Ok(_) => {}
        }
    }
    let variables = app.store.variables(station).await.unwrap_or_default();
    for wanted in desired {
        if configured_value(&variables, &wanted.key) == Some(wanted.value.as_str()) {
            continue;
        }
        if let Err(CommandError::NotConnected) =
            apply(app, station, &wanted.key, &wanted.value).await
        {
            return Err(CommandError::NotConnected);
        }
    }
    Ok(())
}
