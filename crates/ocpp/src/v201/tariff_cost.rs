//! Tariff and cost: functional block I of OCPP 2.0.1 Part 2.

use serde::{Deserialize, Serialize};

use super::types::CustomData;
use crate::CiString;

requests! {
    CostUpdatedRequest => CostUpdatedResponse, CostUpdated;
}

/// CostUpdated request (P2-201 I02): the CSMS tells the station the running cost of a transaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CostUpdatedRequest {
    pub total_cost: f64,
    pub transaction_id: CiString<36>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// CostUpdated response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CostUpdatedResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
