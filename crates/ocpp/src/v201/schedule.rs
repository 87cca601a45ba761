//! Charging profiles and schedules, with the ISO 15118 sales tariffs they may carry (shared by
//! smart charging, remote start and the EV charging schedule).

use serde::{Deserialize, Serialize};

use super::types::CustomData;
use crate::{CiString, Timestamp};

/// What a charging profile is for (station-wide maximum, default, one transaction, external limit)
/// (`ChargingProfilePurposeEnumType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChargingProfilePurpose {
    ChargingStationExternalConstraints,
    ChargingStationMaxProfile,
    TxDefaultProfile,
    TxProfile,
}

/// `ChargingProfileKindEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChargingProfileKind {
    Absolute,
    Recurring,
    Relative,
}

/// `RecurrencyKindEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RecurrencyKind {
    Daily,
    Weekly,
}

/// A list of limits over time (`ChargingScheduleType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChargingSchedule {
    pub id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_schedule: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u32>,
    pub charging_rate_unit: ChargingRateUnit,
    /// 1 to 1024 items in the schema; not enforced when read.
    pub charging_schedule_period: Vec<ChargingSchedulePeriod>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_charging_rate: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sales_tariff: Option<SalesTariff>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ChargingRateUnitEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChargingRateUnit {
    W,
    A,
}

/// One period of a schedule; `limit` is in the schedule's rate unit (`ChargingSchedulePeriodType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChargingSchedulePeriod {
    pub start_period: u32,
    pub limit: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_phases: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase_to_use: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// An ISO 15118 sales tariff, passed on to the EV (`SalesTariffType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SalesTariff {
    pub id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sales_tariff_description: Option<CiString<32>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num_e_price_levels: Option<u32>,
    /// 1 to 1024 items in the schema; not enforced when read.
    pub sales_tariff_entry: Vec<SalesTariffEntry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `SalesTariffEntryType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SalesTariffEntry {
    pub relative_time_interval: RelativeTimeInterval,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub e_price_level: Option<u32>,
    /// 1 to 3 items in the schema; not enforced when read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consumption_cost: Vec<ConsumptionCost>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `RelativeTimeIntervalType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RelativeTimeInterval {
    pub start: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ConsumptionCostType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsumptionCost {
    pub start_value: f64,
    /// 1 to 3 items in the schema; not enforced when read.
    pub cost: Vec<Cost>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// One cost component of a sales tariff entry (`CostType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Cost {
    pub cost_kind: CostKind,
    pub amount: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_multiplier: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `CostKindEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CostKind {
    CarbonDioxideEmission,
    RelativePricePercentage,
    RenewableGenerationPercentage,
}

/// A charging profile, as SetChargingProfile, RequestStartTransaction and ReportChargingProfiles
/// carry it (`ChargingProfileType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChargingProfile {
    pub id: i32,
    pub stack_level: u32,
    pub charging_profile_purpose: ChargingProfilePurpose,
    pub charging_profile_kind: ChargingProfileKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurrency_kind: Option<RecurrencyKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<Timestamp>,
    /// 1 to 3 items in the schema; not enforced when read.
    pub charging_schedule: Vec<ChargingSchedule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<CiString<36>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
