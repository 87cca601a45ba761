//! `/api/v1/transactions`: charging sessions and their meter values.

use std::borrow::Cow;

use axum::extract::State;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::error::{ApiError, ErrorBody};
use super::json::{AppJson, AppPath, AppQuery};
use crate::app::App;
use crate::domain::{
    BillingFlag, MeterValue, SampleValue, SampledValue, StationId, TransactionRecord,
};
use crate::store::TransactionFilter;

#[derive(Debug, Serialize, ToSchema)]
pub struct Transaction {
    /// The system's own id.
    pub id: i64,
    /// What the station uses: the 1.6 integer as a string, or the 2.0.1 transactionId.
    pub ocpp_transaction_id: String,
    pub station_id: String,
    pub evse_id: u32,
    pub connector_id: u32,
    pub id_tag: String,
    /// The station's timestamp of the start.
    pub started_at: DateTime<Utc>,
    #[schema(required = true)]
    pub stopped_at: Option<DateTime<Utc>>,
    /// 1.6: meterStart; 2.x: the first energy register reading, `null` until there is one.
    #[schema(required = true)]
    pub meter_start_wh: Option<f64>,
    #[schema(required = true)]
    pub meter_stop_wh: Option<f64>,
    /// `meter_stop_wh − meter_start_wh`, or `null` while either is unknown.
    #[schema(required = true)]
    pub energy_wh: Option<f64>,
    #[schema(required = true)]
    pub stop_reason: Option<String>,
    /// Why the energy figures need a look before billing, or `null`.
    #[schema(required = true)]
    pub flag: Option<BillingFlag>,
}

/// A transaction with every meter value it received (1.6 `transactionData` included).
#[derive(Debug, Serialize, ToSchema)]
pub struct TransactionDetail {
    #[serde(flatten)]
    pub transaction: Transaction,
    pub meter_values: Vec<MeterValueJson>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(as = MeterValue)]
pub struct MeterValueJson {
    pub timestamp: DateTime<Utc>,
    pub sampled_value: Vec<SampledValueJson>,
}

#[derive(Debug, Serialize, ToSchema)]
#[schema(as = SampledValue)]
pub struct SampledValueJson {
    pub value: Sample,
    pub measurand: String,
    /// Normalised: `kWh` is reported as `Wh`, `kW` as `W`.
    #[schema(required = true)]
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
}

/// A number in `unit`, or the station's text where it was not a number.
#[derive(Debug, Serialize, ToSchema)]
#[serde(untagged)]
pub enum Sample {
    Number(f64),
    Text(String),
}

/// Filters; an empty value counts as absent.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TransactionQuery {
    /// Only this station's transactions.
    pub station_id: Option<String>,
    /// `true`: only running transactions; `false`: only stopped ones.
    #[param(value_type = Option<bool>)]
    pub active: Option<String>,
}

#[utoipa::path(
    get, path = "/transactions", tag = "transactions",
    params(TransactionQuery),
    responses(
        (status = 200, description = "Newest first (by `started_at`, then `id`)", body = Vec<Transaction>),
        (status = 400, description = "Invalid `station_id` or `active`", body = ErrorBody),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
    )
)]
pub async fn list_transactions(
    State(app): State<App>,
    AppQuery(query): AppQuery<TransactionQuery>,
) -> Result<AppJson<Vec<Transaction>>, ApiError> {
    let station_id = match query.station_id.as_deref() {
        None | Some("") => None,
        Some(id) => Some(
            StationId::new(id)
                .map_err(|e| ApiError::bad_request(format!("invalid station_id: {e}")))?,
        ),
    };
    let active = match query.active.as_deref() {
        None | Some("") => None,
        Some("true") => Some(true),
        Some("false") => Some(false),
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "active must be true or false, not {other:?}"
            )));
        }
    };
    let filter = TransactionFilter {
        station_id,
        active,
        limit: None,
    };
    let mut records = app.store.transactions(filter).await?;
    // The contract's order, whatever the store's.
    records.sort_by(|a, b| b.started_at.cmp(&a.started_at).then(b.id.cmp(&a.id)));
    Ok(AppJson(records.into_iter().map(transaction_json).collect()))
}

#[utoipa::path(
    get, path = "/transactions/{id}", tag = "transactions",
    params(("id" = i64, Path, description = "The system's transaction id")),
    responses(
        (status = 200, description = "The transaction with its meter values, oldest first", body = TransactionDetail),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 404, description = "No such transaction", body = ErrorBody),
    )
)]
pub async fn get_transaction(
    State(app): State<App>,
    AppPath(id): AppPath<String>,
) -> Result<AppJson<TransactionDetail>, ApiError> {
    let record = find(&app, &id).await?;
    let meter_values = app.store.meter_values(record.id).await?;
    Ok(AppJson(TransactionDetail {
        transaction: transaction_json(record),
        meter_values: meter_values.into_iter().map(meter_value_json).collect(),
    }))
}

/// The transaction with this path id; an id that is not an integer is unknown too (404).
async fn find(app: &App, id: &str) -> Result<TransactionRecord, ApiError> {
    let unknown = || ApiError::not_found(format!("transaction {id} is not known"));
    let Ok(number) = id.parse::<i64>() else {
        return Err(unknown());
    };
    app.store.transaction(number).await?.ok_or_else(unknown)
}

pub(super) fn transaction_json(record: TransactionRecord) -> Transaction {
    Transaction {
        energy_wh: record.energy_wh(),
        id: record.id,
        ocpp_transaction_id: record.ocpp_transaction_id,
        station_id: record.station_id.to_string(),
        evse_id: record.evse_id,
        connector_id: record.connector_id,
        id_tag: record.id_tag,
        started_at: record.started_at,
        stopped_at: record.stopped_at,
        meter_start_wh: record.meter_start_wh,
        meter_stop_wh: record.meter_stop_wh,
        stop_reason: record.stop_reason,
        flag: record.flag,
    }
}

fn meter_value_json(value: MeterValue) -> MeterValueJson {
    MeterValueJson {
        timestamp: value.timestamp,
        sampled_value: value
            .sampled_value
            .into_iter()
            .map(sampled_value_json)
            .collect(),
    }
}

fn sampled_value_json(sample: SampledValue) -> SampledValueJson {
    SampledValueJson {
        value: match sample.value {
            // JSON has no NaN or infinity; keep what the station meant as text.
            SampleValue::Number(n) if !n.is_finite() => Sample::Text(n.to_string()),
            SampleValue::Number(n) => Sample::Number(n),
            SampleValue::Text(text) => Sample::Text(text),
        },
        measurand: sample.measurand.into_owned(),
        unit: sample.unit.map(Cow::into_owned),
        phase: sample.phase.map(Cow::into_owned),
        location: sample.location.map(Cow::into_owned),
        context: sample.context.map(Cow::into_owned),
    }
}

/// A StopTransaction that named a transaction the system does not know (an unknown id, or
/// errata §3.18's -1): confirmed to the station and kept, with its readings, for an operator
/// to match by hand.
#[derive(Debug, Serialize, ToSchema)]
pub struct UnmatchedStop {
    /// The transactionId the station sent.
    pub ocpp_transaction_id: String,
    #[schema(required = true)]
    pub id_tag: Option<String>,
    /// The station's timestamp of the stop.
    pub stopped_at: DateTime<Utc>,
    pub meter_stop_wh: f64,
    pub reason: String,
    /// When the system received it.
    pub received_at: DateTime<Utc>,
    /// `transactionData` as sent.
    pub meter_values: Vec<MeterValueJson>,
}

#[utoipa::path(
    get, path = "/stations/{id}/unmatched-stops", tag = "transactions",
    params(("id" = String, Path, description = "Station id")),
    responses(
        (status = 200, description = "Stops of unknown transactions, oldest first", body = Vec<UnmatchedStop>),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 404, description = "No such station", body = ErrorBody),
    )
)]
pub async fn list_unmatched_stops(
    State(app): State<App>,
    AppPath(id): AppPath<String>,
) -> Result<AppJson<Vec<UnmatchedStop>>, ApiError> {
    let station = super::stations::registered(&app, &id).await?;
    let stops = app.store.unmatched_stops(&station.id).await?;
    Ok(AppJson(
        stops
            .into_iter()
            .map(|stop| UnmatchedStop {
                ocpp_transaction_id: stop.ocpp_transaction_id,
                id_tag: stop.id_tag,
                stopped_at: stop.stopped_at,
                meter_stop_wh: stop.meter_stop_wh,
                reason: stop.reason,
                received_at: stop.received_at,
                meter_values: stop
                    .meter_values
                    .into_iter()
                    .map(meter_value_json)
                    .collect(),
            })
            .collect(),
    ))
}
