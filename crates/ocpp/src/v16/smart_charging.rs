//! Smart Charging profile. The profile and schedule types live in [`super::types`], since
//! RemoteStartTransaction (Core) carries them too.

use serde::{Deserialize, Serialize};

use super::types::{ChargingProfile, ChargingProfilePurpose, ChargingRateUnit, ChargingSchedule};
use crate::Timestamp;

requests! {
    ClearChargingProfileRequest => ClearChargingProfileResponse, ClearChargingProfile;
    GetCompositeScheduleRequest => GetCompositeScheduleResponse, GetCompositeSchedule;
    SetChargingProfileRequest => SetChargingProfileResponse, SetChargingProfile;
}

/// ClearChargingProfile.req, sent by the central system. Every field narrows the selection;
/// none at all clears every profile.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClearChargingProfileRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connector_id: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_profile_purpose: Option<ChargingProfilePurpose>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stack_level: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ClearChargingProfileStatus {
    Accepted,
    Unknown,
}

/// ClearChargingProfile.conf, sent by the charge point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClearChargingProfileResponse {
    pub status: ClearChargingProfileStatus,
}

/// GetCompositeSchedule.req, sent by the central system.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetCompositeScheduleRequest {
    pub connector_id: u32,
    /// Seconds.
    pub duration: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_rate_unit: Option<ChargingRateUnit>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GetCompositeScheduleStatus {
    Accepted,
    Rejected,
}

/// GetCompositeSchedule.conf, sent by the charge point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetCompositeScheduleResponse {
    pub status: GetCompositeScheduleStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connector_id: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_start: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_schedule: Option<ChargingSchedule>,
}

/// SetChargingProfile.req, sent by the central system. Connector 0 is the whole charge point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetChargingProfileRequest {
    pub connector_id: u32,
    pub cs_charging_profiles: ChargingProfile,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChargingProfileStatus {
    Accepted,
    Rejected,
    NotSupported,
}

/// SetChargingProfile.conf, sent by the charge point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetChargingProfileResponse {
    pub status: ChargingProfileStatus,
}
