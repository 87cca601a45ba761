//! Samples of the `smart_charging` module's types.

use super::*;

impl Sample for ClearChargingProfileRequest {
    fn full() -> Self {
        ClearChargingProfileRequest {
            charging_profile_id: Some(3),
            charging_profile_criteria: Some(ClearChargingProfile::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ClearChargingProfileRequest {
            charging_profile_id: None,
            charging_profile_criteria: None,
            custom_data: None,
        }
    }
}

impl Sample for ClearChargingProfile {
    fn full() -> Self {
        ClearChargingProfile {
            evse_id: Some(3),
            charging_profile_purpose: Some(ChargingProfilePurpose::TxProfile),
            stack_level: Some(3),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ClearChargingProfile {
            evse_id: Some(1),
            charging_profile_purpose: None,
            stack_level: None,
            custom_data: None,
        }
    }
}

impl Sample for ClearChargingProfileResponse {
    fn full() -> Self {
        ClearChargingProfileResponse {
            status: ClearChargingProfileStatus::Unknown,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ClearChargingProfileResponse {
            status: ClearChargingProfileStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for ClearedChargingLimitRequest {
    fn full() -> Self {
        ClearedChargingLimitRequest {
            charging_limit_source: ChargingLimitSource::Cso,
            evse_id: Some(3),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ClearedChargingLimitRequest {
            charging_limit_source: ChargingLimitSource::Ems,
            evse_id: None,
            custom_data: None,
        }
    }
}

impl Sample for ClearedChargingLimitResponse {
    fn full() -> Self {
        ClearedChargingLimitResponse {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ClearedChargingLimitResponse { custom_data: None }
    }
}

impl Sample for GetChargingProfilesRequest {
    fn full() -> Self {
        GetChargingProfilesRequest {
            request_id: 3,
            evse_id: Some(3),
            charging_profile: ChargingProfileCriterion::full(),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetChargingProfilesRequest {
            request_id: 1,
            evse_id: None,
            charging_profile: ChargingProfileCriterion::minimal(),
            custom_data: None,
        }
    }
}

impl Sample for ChargingProfileCriterion {
    fn full() -> Self {
        ChargingProfileCriterion {
            charging_profile_purpose: Some(ChargingProfilePurpose::TxProfile),
            stack_level: Some(3),
            charging_profile_id: vec![3],
            charging_limit_source: vec![ChargingLimitSource::Cso],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ChargingProfileCriterion {
            charging_profile_purpose: Some(
                ChargingProfilePurpose::ChargingStationExternalConstraints,
            ),
            stack_level: None,
            charging_profile_id: Vec::new(),
            charging_limit_source: Vec::new(),
            custom_data: None,
        }
    }
}

impl Sample for GetChargingProfilesResponse {
    fn full() -> Self {
        GetChargingProfilesResponse {
            status: GetChargingProfileStatus::NoProfiles,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetChargingProfilesResponse {
            status: GetChargingProfileStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for GetCompositeScheduleRequest {
    fn full() -> Self {
        GetCompositeScheduleRequest {
            duration: 3,
            charging_rate_unit: Some(ChargingRateUnit::A),
            evse_id: 3,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetCompositeScheduleRequest {
            duration: 1,
            charging_rate_unit: None,
            evse_id: 1,
            custom_data: None,
        }
    }
}

impl Sample for GetCompositeScheduleResponse {
    fn full() -> Self {
        GetCompositeScheduleResponse {
            status: GenericStatus::Rejected,
            status_info: Some(StatusInfo::full()),
            schedule: Some(CompositeSchedule::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetCompositeScheduleResponse {
            status: GenericStatus::Accepted,
            status_info: None,
            schedule: None,
            custom_data: None,
        }
    }
}

impl Sample for CompositeSchedule {
    fn full() -> Self {
        CompositeSchedule {
            charging_schedule_period: vec![ChargingSchedulePeriod::full()],
            evse_id: 3,
            duration: 3,
            schedule_start: at(60),
            charging_rate_unit: ChargingRateUnit::A,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        CompositeSchedule {
            charging_schedule_period: vec![ChargingSchedulePeriod::minimal()],
            evse_id: 1,
            duration: 1,
            schedule_start: at(0),
            charging_rate_unit: ChargingRateUnit::W,
            custom_data: None,
        }
    }
}

impl Sample for NotifyChargingLimitRequest {
    fn full() -> Self {
        NotifyChargingLimitRequest {
            charging_schedule: vec![ChargingSchedule::full()],
            evse_id: Some(3),
            charging_limit: ChargingLimit::full(),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyChargingLimitRequest {
            charging_schedule: Vec::new(),
            evse_id: None,
            charging_limit: ChargingLimit::minimal(),
            custom_data: None,
        }
    }
}

impl Sample for ChargingLimit {
    fn full() -> Self {
        ChargingLimit {
            charging_limit_source: ChargingLimitSource::Cso,
            is_grid_critical: Some(true),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ChargingLimit {
            charging_limit_source: ChargingLimitSource::Ems,
            is_grid_critical: None,
            custom_data: None,
        }
    }
}

impl Sample for NotifyChargingLimitResponse {
    fn full() -> Self {
        NotifyChargingLimitResponse {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyChargingLimitResponse { custom_data: None }
    }
}

impl Sample for NotifyEVChargingNeedsRequest {
    fn full() -> Self {
        NotifyEVChargingNeedsRequest {
            max_schedule_tuples: Some(3),
            charging_needs: ChargingNeeds::full(),
            evse_id: 3,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyEVChargingNeedsRequest {
            max_schedule_tuples: None,
            charging_needs: ChargingNeeds::minimal(),
            evse_id: 1,
            custom_data: None,
        }
    }
}

impl Sample for AcChargingParameters {
    fn full() -> Self {
        AcChargingParameters {
            energy_amount: 3,
            ev_min_current: 3,
            ev_max_current: 3,
            ev_max_voltage: 3,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        AcChargingParameters {
            energy_amount: 1,
            ev_min_current: 1,
            ev_max_current: 1,
            ev_max_voltage: 1,
            custom_data: None,
        }
    }
}

impl Sample for DcChargingParameters {
    fn full() -> Self {
        DcChargingParameters {
            ev_max_current: 3,
            ev_max_voltage: 3,
            energy_amount: Some(3),
            ev_max_power: Some(3),
            state_of_charge: Some(percent(80)),
            ev_energy_capacity: Some(3),
            full_soc: Some(percent(80)),
            bulk_soc: Some(percent(80)),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        DcChargingParameters {
            ev_max_current: 1,
            ev_max_voltage: 1,
            energy_amount: None,
            ev_max_power: None,
            state_of_charge: None,
            ev_energy_capacity: None,
            full_soc: None,
            bulk_soc: None,
            custom_data: None,
        }
    }
}

impl Sample for ChargingNeeds {
    fn full() -> Self {
        ChargingNeeds {
            ac_charging_parameters: Some(AcChargingParameters::full()),
            dc_charging_parameters: Some(DcChargingParameters::full()),
            requested_energy_transfer: EnergyTransferMode::AcThreePhase,
            departure_time: Some(at(60)),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ChargingNeeds {
            ac_charging_parameters: None,
            dc_charging_parameters: None,
            requested_energy_transfer: EnergyTransferMode::Dc,
            departure_time: None,
            custom_data: None,
        }
    }
}

impl Sample for NotifyEVChargingNeedsResponse {
    fn full() -> Self {
        NotifyEVChargingNeedsResponse {
            status: NotifyEvChargingNeedsStatus::Processing,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyEVChargingNeedsResponse {
            status: NotifyEvChargingNeedsStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for NotifyEVChargingScheduleRequest {
    fn full() -> Self {
        NotifyEVChargingScheduleRequest {
            time_base: at(60),
            charging_schedule: ChargingSchedule::full(),
            evse_id: 3,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyEVChargingScheduleRequest {
            time_base: at(0),
            charging_schedule: ChargingSchedule::minimal(),
            evse_id: 1,
            custom_data: None,
        }
    }
}

impl Sample for NotifyEVChargingScheduleResponse {
    fn full() -> Self {
        NotifyEVChargingScheduleResponse {
            status: GenericStatus::Rejected,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyEVChargingScheduleResponse {
            status: GenericStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for ReportChargingProfilesRequest {
    fn full() -> Self {
        ReportChargingProfilesRequest {
            request_id: 3,
            charging_limit_source: ChargingLimitSource::Cso,
            charging_profile: vec![ChargingProfile::full()],
            tbc: Some(true),
            evse_id: 3,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ReportChargingProfilesRequest {
            request_id: 1,
            charging_limit_source: ChargingLimitSource::Ems,
            charging_profile: vec![ChargingProfile::minimal()],
            tbc: None,
            evse_id: 1,
            custom_data: None,
        }
    }
}

impl Sample for ReportChargingProfilesResponse {
    fn full() -> Self {
        ReportChargingProfilesResponse {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ReportChargingProfilesResponse { custom_data: None }
    }
}

impl Sample for SetChargingProfileRequest {
    fn full() -> Self {
        SetChargingProfileRequest {
            evse_id: 3,
            charging_profile: ChargingProfile::full(),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SetChargingProfileRequest {
            evse_id: 1,
            charging_profile: ChargingProfile::minimal(),
            custom_data: None,
        }
    }
}

impl Sample for SetChargingProfileResponse {
    fn full() -> Self {
        SetChargingProfileResponse {
            status: ChargingProfileStatus::Rejected,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SetChargingProfileResponse {
            status: ChargingProfileStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}
