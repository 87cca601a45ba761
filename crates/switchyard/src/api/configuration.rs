//! What stations reported of their configuration: `/api/v1/stations/{id}/variables` (the
//! 2.x device model, and 1.6 keys as variables without a component) and
//! `/api/v1/stations/{id}/configuration` (API.md: one key and value per line, for every
//! version).

use axum::extract::State;
use axum::extract::rejection::QueryRejection;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

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

/// One configuration value, as the station last reported it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConfigurationEntry {
    /// The 1.6 key, or the 2.x `Component.Variable`.
    pub key: String,
    /// `null` when the station gave none, or for a password (never kept).
    #[schema(required = true)]
    pub value: Option<String>,
    pub readonly: bool,
    pub reported_at: DateTime<Utc>,
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
        (status = 200, description = "The last values the station reported: 1.6 keys, 2.x \
            variables' Actual values", body = Vec<ConfigurationEntry>),
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
    Ok(AppJson(
        variables
            .into_iter()
            .filter_map(configuration_entry)
            .collect(),
    ))
}

/// A variable's Actual value as a configuration line (none: the variable has no Actual).
fn configuration_entry(record: VariableRecord) -> Option<ConfigurationEntry> {
    let actual = record.attribute(AttributeKind::Actual)?;
    Some(ConfigurationEntry {
        key: record.key.configuration_name(),
        value: actual.value.clone(),
        readonly: actual.mutability == Some(Mutability::ReadOnly),
        reported_at: record.reported_at,
        evse_id: record.key.evse_id,
        connector_id: record.key.connector_id,
        component_instance: record.key.component_instance,
        variable_instance: record.key.variable_instance,
    })
}
