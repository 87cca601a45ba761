//! Charging profiles and schedules, shared by smart charging, transactions and remote control.

use serde::{Deserialize, Serialize};

use super::tariff::{AbsolutePriceSchedule, PriceLevelSchedule};
use super::types::{CustomData, Percent, PhaseCount};
use crate::{CiString, Timestamp};

// Unchanged from 2.0.1: the same schema, properties, enums and limits.
pub use crate::v201::{
    ChargingRateUnit, ConsumptionCost, Cost, CostKind, RecurrencyKind, RelativeTimeInterval,
    SalesTariffEntry,
};

/// `OperationModeEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OperationMode {
    Idle,
    ChargingOnly,
    CentralSetpoint,
    ExternalSetpoint,
    ExternalLimits,
    CentralFrequency,
    LocalFrequency,
    LocalLoadBalancing,
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<CiString<36>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_offline_duration: Option<i32>,
    /// 1 to 3 items in the schema; not enforced when read.
    pub charging_schedule: Vec<ChargingSchedule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invalid_after_offline_duration: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dyn_update_interval: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dyn_update_time: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_schedule_signature: Option<CiString<256>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// What a charging profile is for: station-wide maximum, default, one transaction, external limit,
/// and in 2.1 priority charging and local generation (`ChargingProfilePurposeEnumType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChargingProfilePurpose {
    ChargingStationExternalConstraints,
    ChargingStationMaxProfile,
    TxDefaultProfile,
    TxProfile,
    PriorityCharging,
    LocalGeneration,
}

/// `ChargingProfileKindEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChargingProfileKind {
    Absolute,
    Recurring,
    Relative,
    Dynamic,
}

/// A list of limits over time (`ChargingScheduleType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChargingSchedule {
    pub id: i32,
    #[serde(
        rename = "limitAtSoC",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub limit_at_soc: Option<LimitAtSoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_schedule: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u32>,
    pub charging_rate_unit: ChargingRateUnit,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_charging_rate: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub power_tolerance: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_id: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest_value: Option<CiString<88>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub use_local_time: Option<bool>,
    /// 1 to 1024 items in the schema; not enforced when read.
    pub charging_schedule_period: Vec<ChargingSchedulePeriod>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub randomized_delay: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sales_tariff: Option<SalesTariff>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub absolute_price_schedule: Option<AbsolutePriceSchedule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_level_schedule: Option<PriceLevelSchedule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `LimitAtSoCType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LimitAtSoc {
    pub soc: Percent,
    pub limit: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// One period of a schedule; `limit` is in the schedule's rate unit (`ChargingSchedulePeriodType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChargingSchedulePeriod {
    pub start_period: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<f64>,
    #[serde(rename = "limit_L2", default, skip_serializing_if = "Option::is_none")]
    pub limit_l2: Option<f64>,
    #[serde(rename = "limit_L3", default, skip_serializing_if = "Option::is_none")]
    pub limit_l3: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_phases: Option<PhaseCount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase_to_use: Option<PhaseCount>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discharge_limit: Option<f64>,
    #[serde(
        rename = "dischargeLimit_L2",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub discharge_limit_l2: Option<f64>,
    #[serde(
        rename = "dischargeLimit_L3",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub discharge_limit_l3: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub setpoint: Option<f64>,
    #[serde(
        rename = "setpoint_L2",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub setpoint_l2: Option<f64>,
    #[serde(
        rename = "setpoint_L3",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub setpoint_l3: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub setpoint_reactive: Option<f64>,
    #[serde(
        rename = "setpointReactive_L2",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub setpoint_reactive_l2: Option<f64>,
    #[serde(
        rename = "setpointReactive_L3",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub setpoint_reactive_l3: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preconditioning_request: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse_sleep: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub v2x_baseline: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation_mode: Option<OperationMode>,
    /// 1 to 20 items in the schema; not enforced when read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub v2x_freq_watt_curve: Vec<V2xFreqWattPoint>,
    /// 1 to 20 items in the schema; not enforced when read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub v2x_signal_watt_curve: Vec<V2xSignalWattPoint>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `V2XFreqWattPointType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct V2xFreqWattPoint {
    pub frequency: f64,
    pub power: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `V2XSignalWattPointType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct V2xSignalWattPoint {
    pub signal: i32,
    pub power: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// An ISO 15118 sales tariff, passed on to the EV (`SalesTariffType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SalesTariff {
    pub id: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sales_tariff_description: Option<CiString<32>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num_e_price_levels: Option<u32>,
    /// 1 to 1024 items in the schema; not enforced when read.
    pub sales_tariff_entry: Vec<SalesTariffEntry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `RationalNumberType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RationalNumber {
    pub exponent: i32,
    pub value: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `AdditionalSelectedServicesType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AdditionalSelectedServices {
    pub service_fee: RationalNumber,
    pub service_name: CiString<80>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
