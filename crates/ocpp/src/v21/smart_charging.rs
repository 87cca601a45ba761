//! Smart charging: functional block K of OCPP 2.1 Part 2.

use std::num::NonZeroU32;

use serde::{Deserialize, Serialize};

use super::der_control::DerControl;
use super::schedule::{
    ChargingProfile, ChargingProfilePurpose, ChargingRateUnit, ChargingSchedule,
    ChargingSchedulePeriod,
};
use super::types::{CustomData, EnergyTransferMode, GenericStatus, Percent, StatusInfo};
use crate::{CiString, Timestamp};

// Unchanged from 2.0.1: the same schema, properties, enums and limits.
pub use crate::v201::{
    ChargingProfileStatus, ClearChargingProfileStatus, GetChargingProfileStatus,
};

requests! {
    ClearChargingProfileRequest => ClearChargingProfileResponse, ClearChargingProfile;
    ClearedChargingLimitRequest => ClearedChargingLimitResponse, ClearedChargingLimit;
    GetChargingProfilesRequest => GetChargingProfilesResponse, GetChargingProfiles;
    GetCompositeScheduleRequest => GetCompositeScheduleResponse, GetCompositeSchedule;
    NotifyChargingLimitRequest => NotifyChargingLimitResponse, NotifyChargingLimit;
    NotifyEVChargingNeedsRequest => NotifyEVChargingNeedsResponse, NotifyEVChargingNeeds;
    NotifyEVChargingScheduleRequest => NotifyEVChargingScheduleResponse, NotifyEVChargingSchedule;
    NotifyPriorityChargingRequest => NotifyPriorityChargingResponse, NotifyPriorityCharging;
    PullDynamicScheduleUpdateRequest => PullDynamicScheduleUpdateResponse, PullDynamicScheduleUpdate;
    ReportChargingProfilesRequest => ReportChargingProfilesResponse, ReportChargingProfiles;
    SetChargingProfileRequest => SetChargingProfileResponse, SetChargingProfile;
    UpdateDynamicScheduleRequest => UpdateDynamicScheduleResponse, UpdateDynamicSchedule;
    UsePriorityChargingRequest => UsePriorityChargingResponse, UsePriorityCharging;
}

/// ClearChargingProfile request: the CSMS removes charging profiles.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClearChargingProfileRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_profile_id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_profile_criteria: Option<ClearChargingProfile>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ClearChargingProfileType` in the schemas.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClearChargingProfile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse_id: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_profile_purpose: Option<ChargingProfilePurpose>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stack_level: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// ClearChargingProfile response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClearChargingProfileResponse {
    pub status: ClearChargingProfileStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// ClearedChargingLimit request: the station reports that an external charging limit was lifted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClearedChargingLimitRequest {
    pub charging_limit_source: CiString<20>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse_id: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// ClearedChargingLimit response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClearedChargingLimitResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// GetChargingProfiles request: the CSMS asks for installed profiles, delivered by
/// ReportChargingProfiles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetChargingProfilesRequest {
    pub request_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse_id: Option<u32>,
    pub charging_profile: ChargingProfileCriterion,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ChargingProfileCriterionType` in the schemas.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChargingProfileCriterion {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_profile_purpose: Option<ChargingProfilePurpose>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stack_level: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub charging_profile_id: Vec<i32>,
    /// 1 to 4 items in the schema; not enforced when read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub charging_limit_source: Vec<CiString<20>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// GetChargingProfiles response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetChargingProfilesResponse {
    pub status: GetChargingProfileStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// GetCompositeSchedule request: the CSMS asks for the schedule that results from all profiles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetCompositeScheduleRequest {
    pub duration: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_rate_unit: Option<ChargingRateUnit>,
    pub evse_id: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// GetCompositeSchedule response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetCompositeScheduleResponse {
    pub status: GenericStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<CompositeSchedule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// The schedule that results from all active profiles, as GetCompositeSchedule returns it
/// (`CompositeScheduleType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CompositeSchedule {
    pub evse_id: u32,
    pub duration: u32,
    pub schedule_start: Timestamp,
    pub charging_rate_unit: ChargingRateUnit,
    pub charging_schedule_period: Vec<ChargingSchedulePeriod>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// NotifyChargingLimit request: the station reports a limit set by an external system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyChargingLimitRequest {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub charging_schedule: Vec<ChargingSchedule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse_id: Option<u32>,
    pub charging_limit: ChargingLimit,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// An external charging limit: who set it and whether it is grid critical or local generation
/// (`ChargingLimitType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChargingLimit {
    pub charging_limit_source: CiString<20>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_local_generation: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_grid_critical: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// NotifyChargingLimit response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyChargingLimitResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// NotifyEVChargingNeeds request: the station forwards an ISO 15118 EV's charging needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyEVChargingNeedsRequest {
    pub evse_id: NonZeroU32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_schedule_tuples: Option<u32>,
    pub charging_needs: ChargingNeeds,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// What an ISO 15118 EV needs: energy transfer mode, departure time, AC, DC, V2X or DER parameters,
/// and its energy offer (`ChargingNeedsType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChargingNeeds {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ac_charging_parameters: Option<AcChargingParameters>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub der_charging_parameters: Option<DerChargingParameters>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ev_energy_offer: Option<EvEnergyOffer>,
    pub requested_energy_transfer: EnergyTransferMode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dc_charging_parameters: Option<DcChargingParameters>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub v2x_charging_parameters: Option<V2xChargingParameters>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub available_energy_transfer: Vec<EnergyTransferMode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub control_mode: Option<ControlMode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobility_needs_mode: Option<MobilityNeedsMode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub departure_time: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ACChargingParametersType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AcChargingParameters {
    pub energy_amount: f64,
    pub ev_min_current: f64,
    pub ev_max_current: f64,
    pub ev_max_voltage: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// The DER capabilities of an EV's inverter, as it reports them for V2X
/// (`DERChargingParametersType`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DerChargingParameters {
    #[serde(
        rename = "evSupportedDERControl",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub ev_supported_der_control: Vec<DerControl>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ev_over_excited_max_discharge_power: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ev_over_excited_power_factor: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ev_under_excited_max_discharge_power: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ev_under_excited_power_factor: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_apparent_power: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_charge_apparent_power: Option<f64>,
    #[serde(
        rename = "maxChargeApparentPower_L2",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_charge_apparent_power_l2: Option<f64>,
    #[serde(
        rename = "maxChargeApparentPower_L3",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_charge_apparent_power_l3: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_discharge_apparent_power: Option<f64>,
    #[serde(
        rename = "maxDischargeApparentPower_L2",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_discharge_apparent_power_l2: Option<f64>,
    #[serde(
        rename = "maxDischargeApparentPower_L3",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_discharge_apparent_power_l3: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_charge_reactive_power: Option<f64>,
    #[serde(
        rename = "maxChargeReactivePower_L2",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_charge_reactive_power_l2: Option<f64>,
    #[serde(
        rename = "maxChargeReactivePower_L3",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_charge_reactive_power_l3: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_charge_reactive_power: Option<f64>,
    #[serde(
        rename = "minChargeReactivePower_L2",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub min_charge_reactive_power_l2: Option<f64>,
    #[serde(
        rename = "minChargeReactivePower_L3",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub min_charge_reactive_power_l3: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_discharge_reactive_power: Option<f64>,
    #[serde(
        rename = "maxDischargeReactivePower_L2",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_discharge_reactive_power_l2: Option<f64>,
    #[serde(
        rename = "maxDischargeReactivePower_L3",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_discharge_reactive_power_l3: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_discharge_reactive_power: Option<f64>,
    #[serde(
        rename = "minDischargeReactivePower_L2",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub min_discharge_reactive_power_l2: Option<f64>,
    #[serde(
        rename = "minDischargeReactivePower_L3",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub min_discharge_reactive_power_l3: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nominal_voltage: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nominal_voltage_offset: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_nominal_voltage: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_nominal_voltage: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ev_inverter_manufacturer: Option<CiString<50>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ev_inverter_model: Option<CiString<50>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ev_inverter_serial_number: Option<CiString<50>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ev_inverter_sw_version: Option<CiString<50>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ev_inverter_hw_version: Option<CiString<50>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ev_islanding_detection_method: Vec<IslandingDetection>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ev_islanding_trip_time: Option<f64>,
    #[serde(
        rename = "evMaximumLevel1DCInjection",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ev_maximum_level1_dc_injection: Option<f64>,
    #[serde(
        rename = "evDurationLevel1DCInjection",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ev_duration_level1_dc_injection: Option<f64>,
    #[serde(
        rename = "evMaximumLevel2DCInjection",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ev_maximum_level2_dc_injection: Option<f64>,
    #[serde(
        rename = "evDurationLevel2DCInjection",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ev_duration_level2_dc_injection: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ev_reactive_susceptance: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ev_session_total_discharge_energy_available: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `IslandingDetectionEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum IslandingDetection {
    NoAntiIslandingSupport,
    RoCoF,
    #[serde(rename = "UVP_OVP")]
    UvpOvp,
    #[serde(rename = "UFP_OFP")]
    UfpOfp,
    VoltageVectorShift,
    ZeroCrossingDetection,
    OtherPassive,
    ImpedanceMeasurement,
    ImpedanceAtFrequency,
    SlipModeFrequencyShift,
    SandiaFrequencyShift,
    SandiaVoltageShift,
    FrequencyJump,
    #[serde(rename = "RCLQFactor")]
    RclqFactor,
    OtherActive,
}

/// The schedule and prices at which an EV offers to discharge (`EVEnergyOfferType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EvEnergyOffer {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ev_absolute_price_schedule: Option<EvAbsolutePriceSchedule>,
    pub ev_power_schedule: EvPowerSchedule,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `EVAbsolutePriceScheduleType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EvAbsolutePriceSchedule {
    pub time_anchor: Timestamp,
    pub currency: CiString<3>,
    /// 1 to 1024 items in the schema; not enforced when read.
    pub ev_absolute_price_schedule_entries: Vec<EvAbsolutePriceScheduleEntry>,
    pub price_algorithm: CiString<2000>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `EVAbsolutePriceScheduleEntryType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EvAbsolutePriceScheduleEntry {
    pub duration: u32,
    /// 1 to 8 items in the schema; not enforced when read.
    pub ev_price_rule: Vec<EvPriceRule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `EVPriceRuleType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EvPriceRule {
    pub energy_fee: f64,
    pub power_range_start: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `EVPowerScheduleType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EvPowerSchedule {
    /// 1 to 1024 items in the schema; not enforced when read.
    pub ev_power_schedule_entries: Vec<EvPowerScheduleEntry>,
    pub time_anchor: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `EVPowerScheduleEntryType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EvPowerScheduleEntry {
    pub duration: u32,
    pub power: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `DCChargingParametersType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DcChargingParameters {
    pub ev_max_current: f64,
    pub ev_max_voltage: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ev_max_power: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ev_energy_capacity: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub energy_amount: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_of_charge: Option<Percent>,
    #[serde(rename = "fullSoC", default, skip_serializing_if = "Option::is_none")]
    pub full_soc: Option<Percent>,
    #[serde(rename = "bulkSoC", default, skip_serializing_if = "Option::is_none")]
    pub bulk_soc: Option<Percent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// What a bidirectional (V2X) EV can take and give: power, current and energy bounds, charging and
/// discharging (`V2XChargingParametersType`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct V2xChargingParameters {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_charge_power: Option<f64>,
    #[serde(
        rename = "minChargePower_L2",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub min_charge_power_l2: Option<f64>,
    #[serde(
        rename = "minChargePower_L3",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub min_charge_power_l3: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_charge_power: Option<f64>,
    #[serde(
        rename = "maxChargePower_L2",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_charge_power_l2: Option<f64>,
    #[serde(
        rename = "maxChargePower_L3",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_charge_power_l3: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_discharge_power: Option<f64>,
    #[serde(
        rename = "minDischargePower_L2",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub min_discharge_power_l2: Option<f64>,
    #[serde(
        rename = "minDischargePower_L3",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub min_discharge_power_l3: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_discharge_power: Option<f64>,
    #[serde(
        rename = "maxDischargePower_L2",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_discharge_power_l2: Option<f64>,
    #[serde(
        rename = "maxDischargePower_L3",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_discharge_power_l3: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_charge_current: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_charge_current: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_discharge_current: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_discharge_current: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_voltage: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_voltage: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ev_target_energy_request: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ev_min_energy_request: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ev_max_energy_request: Option<f64>,
    #[serde(
        rename = "evMinV2XEnergyRequest",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ev_min_v2x_energy_request: Option<f64>,
    #[serde(
        rename = "evMaxV2XEnergyRequest",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ev_max_v2x_energy_request: Option<f64>,
    #[serde(rename = "targetSoC", default, skip_serializing_if = "Option::is_none")]
    pub target_soc: Option<Percent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ControlModeEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ControlMode {
    ScheduledControl,
    DynamicControl,
}

/// `MobilityNeedsModeEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MobilityNeedsMode {
    #[serde(rename = "EVCC")]
    Evcc,
    #[serde(rename = "EVCC_SECC")]
    EvccSecc,
}

/// NotifyEVChargingNeeds response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyEVChargingNeedsResponse {
    pub status: NotifyEvChargingNeedsStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `NotifyEVChargingNeedsStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NotifyEvChargingNeedsStatus {
    Accepted,
    Rejected,
    Processing,
    NoChargingProfile,
}

/// NotifyEVChargingSchedule request: the station forwards the schedule an ISO 15118 EV chose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyEVChargingScheduleRequest {
    pub time_base: Timestamp,
    pub charging_schedule: ChargingSchedule,
    pub evse_id: NonZeroU32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected_charging_schedule_id: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub power_tolerance_acceptance: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// NotifyEVChargingSchedule response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyEVChargingScheduleResponse {
    pub status: GenericStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// NotifyPriorityCharging request: the station reports that priority charging started or stopped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyPriorityChargingRequest {
    pub transaction_id: CiString<36>,
    pub activated: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// NotifyPriorityCharging response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyPriorityChargingResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// PullDynamicScheduleUpdate request: the station asks for the next values of a dynamic charging
/// profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PullDynamicScheduleUpdateRequest {
    pub charging_profile_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// PullDynamicScheduleUpdate response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PullDynamicScheduleUpdateResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_update: Option<ChargingScheduleUpdate>,
    pub status: ChargingProfileStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// New values for a dynamic charging profile: limits and setpoints, per phase where given
/// (`ChargingScheduleUpdateType`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChargingScheduleUpdate {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<f64>,
    #[serde(rename = "limit_L2", default, skip_serializing_if = "Option::is_none")]
    pub limit_l2: Option<f64>,
    #[serde(rename = "limit_L3", default, skip_serializing_if = "Option::is_none")]
    pub limit_l3: Option<f64>,
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
    pub custom_data: Option<CustomData>,
}

/// ReportChargingProfiles request: the station delivers profiles asked for by GetChargingProfiles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportChargingProfilesRequest {
    pub request_id: i32,
    pub charging_limit_source: CiString<20>,
    pub charging_profile: Vec<ChargingProfile>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tbc: Option<bool>,
    pub evse_id: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// ReportChargingProfiles response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportChargingProfilesResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// SetChargingProfile request: the CSMS installs a charging profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetChargingProfileRequest {
    pub evse_id: u32,
    pub charging_profile: ChargingProfile,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// SetChargingProfile response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetChargingProfileResponse {
    pub status: ChargingProfileStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// UpdateDynamicSchedule request: the CSMS pushes new values for a dynamic charging profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateDynamicScheduleRequest {
    pub charging_profile_id: i32,
    pub schedule_update: ChargingScheduleUpdate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// UpdateDynamicSchedule response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateDynamicScheduleResponse {
    pub status: ChargingProfileStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// UsePriorityCharging request: the CSMS switches priority charging on or off for a transaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UsePriorityChargingRequest {
    pub transaction_id: CiString<36>,
    pub activate: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// UsePriorityCharging response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UsePriorityChargingResponse {
    pub status: PriorityChargingStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `PriorityChargingStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PriorityChargingStatus {
    Accepted,
    Rejected,
    NoProfile,
}
