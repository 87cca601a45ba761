//! Smart charging: functional block K of OCPP 2.0.1 Part 2.

use serde::{Deserialize, Serialize};

use super::schedule::{
    ChargingProfile, ChargingProfilePurpose, ChargingRateUnit, ChargingSchedule,
    ChargingSchedulePeriod,
};
use super::types::{CustomData, GenericStatus, Percent, StatusInfo};
use crate::Timestamp;

requests! {
    ClearChargingProfileRequest => ClearChargingProfileResponse, ClearChargingProfile;
    ClearedChargingLimitRequest => ClearedChargingLimitResponse, ClearedChargingLimit;
    GetChargingProfilesRequest => GetChargingProfilesResponse, GetChargingProfiles;
    GetCompositeScheduleRequest => GetCompositeScheduleResponse, GetCompositeSchedule;
    NotifyChargingLimitRequest => NotifyChargingLimitResponse, NotifyChargingLimit;
    NotifyEVChargingNeedsRequest => NotifyEVChargingNeedsResponse, NotifyEVChargingNeeds;
    NotifyEVChargingScheduleRequest => NotifyEVChargingScheduleResponse, NotifyEVChargingSchedule;
    ReportChargingProfilesRequest => ReportChargingProfilesResponse, ReportChargingProfiles;
    SetChargingProfileRequest => SetChargingProfileResponse, SetChargingProfile;
}

/// ClearChargingProfile request (P2-201 K10): the CSMS removes charging profiles.
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

/// `ClearChargingProfileStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ClearChargingProfileStatus {
    Accepted,
    Unknown,
}

/// ClearedChargingLimit request (P2-201 K13): the station reports that an external charging limit
/// was lifted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClearedChargingLimitRequest {
    pub charging_limit_source: ChargingLimitSource,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse_id: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// Who set a charging limit: the CSMS, an EMS, the grid operator (SO) or another party
/// (`ChargingLimitSourceEnumType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChargingLimitSource {
    #[serde(rename = "EMS")]
    Ems,
    Other,
    #[serde(rename = "SO")]
    So,
    #[serde(rename = "CSO")]
    Cso,
}

/// ClearedChargingLimit response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClearedChargingLimitResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// GetChargingProfiles request (P2-201 K09): the CSMS asks for installed profiles, delivered by
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
    pub charging_limit_source: Vec<ChargingLimitSource>,
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

/// `GetChargingProfileStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GetChargingProfileStatus {
    Accepted,
    NoProfiles,
}

/// GetCompositeSchedule request (P2-201 K08): the CSMS asks for the schedule that results from all
/// profiles.
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
    /// At least 1 item in the schema; not enforced when read.
    pub charging_schedule_period: Vec<ChargingSchedulePeriod>,
    pub evse_id: u32,
    pub duration: u32,
    pub schedule_start: Timestamp,
    pub charging_rate_unit: ChargingRateUnit,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// NotifyChargingLimit request (P2-201 K12): the station reports a limit set by an external system.
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

/// `ChargingLimitType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChargingLimit {
    pub charging_limit_source: ChargingLimitSource,
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

/// NotifyEVChargingNeeds request (P2-201 K15-K17): the station forwards an ISO 15118 EV's charging
/// needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyEVChargingNeedsRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_schedule_tuples: Option<u32>,
    pub charging_needs: ChargingNeeds,
    pub evse_id: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ACChargingParametersType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AcChargingParameters {
    pub energy_amount: i32,
    pub ev_min_current: i32,
    pub ev_max_current: i32,
    pub ev_max_voltage: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `DCChargingParametersType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DcChargingParameters {
    pub ev_max_current: i32,
    pub ev_max_voltage: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub energy_amount: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ev_max_power: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_of_charge: Option<Percent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ev_energy_capacity: Option<i32>,
    #[serde(rename = "fullSoC", default, skip_serializing_if = "Option::is_none")]
    pub full_soc: Option<Percent>,
    #[serde(rename = "bulkSoC", default, skip_serializing_if = "Option::is_none")]
    pub bulk_soc: Option<Percent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `EnergyTransferModeEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EnergyTransferMode {
    #[serde(rename = "DC")]
    Dc,
    #[serde(rename = "AC_single_phase")]
    AcSinglePhase,
    #[serde(rename = "AC_two_phase")]
    AcTwoPhase,
    #[serde(rename = "AC_three_phase")]
    AcThreePhase,
}

/// What an ISO 15118 EV needs: energy transfer mode, departure time and AC or DC limits
/// (`ChargingNeedsType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChargingNeeds {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ac_charging_parameters: Option<AcChargingParameters>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dc_charging_parameters: Option<DcChargingParameters>,
    pub requested_energy_transfer: EnergyTransferMode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub departure_time: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
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
}

/// NotifyEVChargingSchedule request (P2-201 K15-K17): the station forwards the schedule an ISO
/// 15118 EV chose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyEVChargingScheduleRequest {
    pub time_base: Timestamp,
    pub charging_schedule: ChargingSchedule,
    pub evse_id: u32,
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

/// ReportChargingProfiles request (P2-201 K09): the station delivers profiles asked for by
/// GetChargingProfiles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportChargingProfilesRequest {
    pub request_id: i32,
    pub charging_limit_source: ChargingLimitSource,
    /// At least 1 item in the schema; not enforced when read.
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

/// SetChargingProfile request (P2-201 K01): the CSMS installs a charging profile.
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

/// `ChargingProfileStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChargingProfileStatus {
    Accepted,
    Rejected,
}
