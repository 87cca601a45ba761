//! What stations reported of their configuration: `/api/v1/stations/{id}/variables` (the
//! 2.x device model, and 1.6 keys as variables without a component) and
//! `/api/v1/stations/{id}/configuration` (API.md: one key and value per line, for every
//! version).

use axum::extract::State;
use axum::extract::rejection::QueryRejection;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::commands::CommandResponse;
use super::error::{ApiError, ErrorBody};
use super::json::{AppJson, AppPath};
use super::stations::registered;
use crate::app::App;
use crate::domain::{
    Attribute, AttributeKind, Characteristics, Mutability, VariableKey, VariableRecord,
};

/// A variable of a station's device model (OCPP 2.x), or a 1.6 configuration key (no
/// component).
#[derive(Debug, Serialize, ToSchema)]
pub struct Variable {
    /// `null` for a 1.6 configuration key.
    #[schema(required = true)]
    pub component: Option<String>,
    #[schema(required = true)]
    pub component_instance: Option<String>,
    #[schema(required = true)]
    pub evse_id: Option<u32>,
    #[schema(required = true)]
    pub connector_id: Option<u32>,
    pub variable: String,
    #[schema(required = true)]
    pub variable_instance: Option<String>,
    /// Actual, Target, MinSet, MaxSet, as far as reported. Passwords (1.6 AuthorizationKey,
    /// 2.x BasicAuthPassword) are never kept: their `value` is `null`.
    pub attributes: Vec<Attribute>,
    /// As NotifyReport gave them; `null` until a report did.
    #[schema(required = true)]
    pub characteristics: Option<Characteristics>,
    /// When the station last reported this variable.
    pub reported_at: DateTime<Utc>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VariableQuery {
    /// Only this component (case-insensitive).
    pub component: Option<String>,
    /// Only this variable (case-insensitive).
    pub variable: Option<String>,
}

#[utoipa::path(
    get, path = "/stations/{id}/variables", tag = "configuration",
    params(("id" = String, Path, description = "Station id"), VariableQuery),
    responses(
        (status = 200, description = "What the station reported (NotifyReport, GetVariables, \
            GetConfiguration, accepted changes), by component and variable", body = Vec<Variable>),
        (status = 400, description = "Invalid query", body = ErrorBody),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 404, description = "No such station", body = ErrorBody),
    )
)]
pub async fn list_variables(
    State(app): State<App>,
    AppPath(id): AppPath<String>,
    query: Result<axum::extract::Query<VariableQuery>, QueryRejection>,
) -> Result<AppJson<Vec<Variable>>, ApiError> {
    let station = registered(&app, &id).await?;
    let axum::extract::Query(query) = query?;
    let matches = |wanted: &Option<String>, name: Option<&str>| {
        wanted
            .as_deref()
            .is_none_or(|w| name.is_some_and(|n| n.eq_ignore_ascii_case(w)))
    };
    let variables = app.store.variables(&station.id).await?;
    Ok(AppJson(
        variables
            .into_iter()
            .filter(|v| {
                matches(&query.component, v.key.component.as_deref())
                    && matches(&query.variable, Some(&v.key.variable))
            })
            .map(variable_json)
            .collect(),
    ))
}

fn variable_json(record: VariableRecord) -> Variable {
    let VariableKey {
        component,
        component_instance,
        evse_id,
        connector_id,
        variable,
        variable_instance,
    } = record.key;
    Variable {
        component,
        component_instance,
        evse_id,
        connector_id,
        variable,
        variable_instance,
        attributes: record.attributes,
        characteristics: record.characteristics,
        reported_at: record.reported_at,
    }
}

/// One configuration value: as the station last reported it, and what the operator wants.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConfigurationEntry {
    /// The 1.6 key, or the 2.x `Component.Variable`.
    pub key: String,
    /// `null` when the station gave none, for a password (never kept), or for a key that is
    /// only desired.
    #[schema(required = true)]
    pub value: Option<String>,
    pub readonly: bool,
    /// The desired value, if the operator set one (`PUT .../configuration/{key}`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub desired: Option<String>,
    /// The station's answer to the last attempt to set the desired value (`Accepted`,
    /// `Rejected`, `RebootRequired`, `NotSupported`, or `Timeout` / `CallError: …`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_result: Option<String>,
    /// When the station last reported the key; `null` for a key that is only desired.
    #[schema(required = true)]
    pub reported_at: Option<DateTime<Utc>>,
    /// 2.x only, where the variable has them: which EVSE, connector and instances.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evse_id: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub connector_id: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub component_instance: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variable_instance: Option<String>,
}

#[utoipa::path(
    get, path = "/stations/{id}/configuration", tag = "configuration",
    params(("id" = String, Path, description = "Station id")),
    responses(
        (status = 200, description = "The last values the station reported (1.6 keys, 2.x \
            variables' Actual values) with the desired ones beside them", body = Vec<ConfigurationEntry>),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 404, description = "No such station", body = ErrorBody),
    )
)]
pub async fn get_configuration(
    State(app): State<App>,
    AppPath(id): AppPath<String>,
) -> Result<AppJson<Vec<ConfigurationEntry>>, ApiError> {
    let station = registered(&app, &id).await?;
    let variables = app.store.variables(&station.id).await?;
    let mut desired = app.store.desired_configuration(&station.id).await?;
    let mut entries: Vec<ConfigurationEntry> = variables
        .into_iter()
        .filter_map(configuration_entry)
        .collect();
    // A desired value goes beside the station-wide entry of its key (the first one).
    for entry in &mut entries {
        let station_wide = entry.evse_id.is_none()
            && entry.connector_id.is_none()
            && entry.component_instance.is_none()
            && entry.variable_instance.is_none();
        if let Some(at) = desired
            .iter()
            .position(|d| station_wide && d.key.eq_ignore_ascii_case(&entry.key))
        {
            let wanted = desired.swap_remove(at);
            entry.desired = Some(wanted.value);
            entry.last_result = wanted.last_result;
        }
    }
    desired.sort_by(|a, b| a.key.cmp(&b.key));
    entries.extend(desired.into_iter().map(|wanted| ConfigurationEntry {
        key: wanted.key,
        value: None,
        readonly: false,
        desired: Some(wanted.value),
        last_result: wanted.last_result,
        reported_at: None,
        evse_id: None,
        connector_id: None,
        component_instance: None,
        variable_instance: None,
    }));
    Ok(AppJson(entries))
}

/// A variable's Actual value as a configuration line (none: the variable has no Actual).
fn configuration_entry(record: VariableRecord) -> Option<ConfigurationEntry> {
    let actual = record.attribute(AttributeKind::Actual)?;
    Some(ConfigurationEntry {
        key: record.key.configuration_name(),
        value: actual.value.clone(),
        readonly: actual.mutability == Some(Mutability::ReadOnly),
        desired: None,
        last_result: None,
        reported_at: Some(record.reported_at),
        evse_id: record.key.evse_id,
        connector_id: record.key.connector_id,
        component_instance: record.key.component_instance,
        variable_instance: record.key.variable_instance,
    })
}

/// `PUT /stations/{id}/configuration/{key}`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DesiredBody {
    /// At most 1000 characters (2.x attributeValue; a 1.6 station takes at most 500).
    pub value: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DesiredResponse {
    pub key: String,
    pub desired: String,
    /// The station's answer to setting it now; `null` when the station is not connected or
    /// did not answer (it is set when the station next connects).
    #[schema(required = true)]
    pub applied: Option<CommandResponse>,
}

/// The longest key: a 2.x Component (50) and Variable (50) name with the dot.
const MAX_KEY: usize = 101;
const MAX_VALUE: usize = 1000;

#[utoipa::path(
    put, path = "/stations/{id}/configuration/{key}", tag = "configuration",
    params(
        ("id" = String, Path, description = "Station id"),
        ("key" = String, Path, description = "1.6 key or 2.x Component.Variable"),
    ),
    request_body = DesiredBody,
    responses(
        (status = 200, description = "Stored; set at the station at once when it is connected, \
            and again after each boot or reconnect whenever it reports another value", body = DesiredResponse),
        (status = 400, description = "Invalid key or value (passwords are never kept: set \
            them with change-configuration)", body = ErrorBody),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 404, description = "No such station", body = ErrorBody),
    )
)]
pub async fn put_desired(
    State(app): State<App>,
    AppPath((id, key)): AppPath<(String, String)>,
    body: Result<axum::Json<DesiredBody>, axum::extract::rejection::JsonRejection>,
) -> Result<AppJson<DesiredResponse>, ApiError> {
    let station = registered(&app, &id).await?;
    let axum::Json(body) = body?;
    check_desired(&key, &body.value)?;
    let stored = app
        .store
        .put_desired(&station.id, &key, &body.value, Utc::now())
        .await?;
    let connected = app.registry.is_connected(&station.id)
        && crate::commands::refusal(app.registry.boot_status(&station.id), "", false).is_none();
    let applied = if connected {
        match crate::operations::configuration::apply(&app, &station.id, &key, &body.value).await {
            Ok(reply) => Some(CommandResponse::from(reply)),
            // The station's version cannot express the key (e.g. 2.x without a dot).
            Err(crate::commands::CommandError::Invalid(message)) => {
                return Err(ApiError::BadRequest(message));
            }
            Err(_) => None,
        }
    } else {
        None
    };
    Ok(AppJson(DesiredResponse {
        key: stored.key,
        desired: stored.value,
        applied,
    }))
}

#[utoipa::path(
    delete, path = "/stations/{id}/configuration/{key}", tag = "configuration",
    params(
        ("id" = String, Path, description = "Station id"),
        ("key" = String, Path, description = "1.6 key or 2.x Component.Variable"),
    ),
    responses(
        (status = 204, description = "The desired value is forgotten (the station keeps what it has)"),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 404, description = "No such station, or no desired value for the key", body = ErrorBody),
    )
)]
pub async fn delete_desired(
    State(app): State<App>,
    AppPath((id, key)): AppPath<(String, String)>,
) -> Result<axum::http::StatusCode, ApiError> {
    let station = registered(&app, &id).await?;
    if app.store.delete_desired(&station.id, &key).await? {
        Ok(axum::http::StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found(format!(
            "no desired value for {key} on station {}",
            station.id
        )))
    }
}

fn check_desired(key: &str, value: &str) -> Result<(), ApiError> {
    let bad = |message: String| Err(ApiError::BadRequest(message));
    if key.trim().is_empty() || key.chars().count() > MAX_KEY {
        return bad(format!("a key has 1 to {MAX_KEY} characters"));
    }
    if value.chars().count() > MAX_VALUE {
        return bad(format!("a value has at most {MAX_VALUE} characters"));
    }
    let variable = key.split_once('.').map_or(key, |(_, variable)| variable);
    let probe = VariableKey {
        component: key.contains('.').then(|| "SecurityCtrlr".to_owned()),
        ..VariableKey::configuration_key(variable)
    };
    if probe.is_secret() {
        return bad(
            "passwords are never kept as desired values: set them with change-configuration".into(),
        );
    }
    Ok(())
}
