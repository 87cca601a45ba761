//! Bidirectional power transfer (V2X): functional block Q of OCPP 2.1 Part 2.

use serde::{Deserialize, Serialize};

use super::types::{CustomData, EnergyTransferMode, GenericStatus, StatusInfo};
use crate::{CiString, Timestamp};

requests! {
    AFRRSignalRequest => AFRRSignalResponse, AFRRSignal;
    NotifyAllowedEnergyTransferRequest => NotifyAllowedEnergyTransferResponse, NotifyAllowedEnergyTransfer;
}

/// AFRRSignal request: the CSMS passes on an automatic frequency restoration reserve (aFRR) signal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AFRRSignalRequest {
    pub timestamp: Timestamp,
    pub signal: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// AFRRSignal response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AFRRSignalResponse {
    pub status: GenericStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// NotifyAllowedEnergyTransfer request: the CSMS tells the station which energy transfer modes a
/// transaction may use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyAllowedEnergyTransferRequest {
    pub transaction_id: CiString<36>,
    pub allowed_energy_transfer: Vec<EnergyTransferMode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// NotifyAllowedEnergyTransfer response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyAllowedEnergyTransferResponse {
    pub status: NotifyAllowedEnergyTransferStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `NotifyAllowedEnergyTransferStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NotifyAllowedEnergyTransferStatus {
    Accepted,
    Rejected,
}
