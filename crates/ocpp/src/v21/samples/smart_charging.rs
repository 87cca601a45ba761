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
            charging_profile_purpose: Some(ChargingProfilePurpose::LocalGeneration),
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
            charging_limit_source: fill("ChargingLimitSource"),
            evse_id: Some(3),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ClearedChargingLimitRequest {
            charging_limit_source: text("ChargingLimitSource"),
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
            charging_profile_purpose: Some(ChargingProfilePurpose::LocalGeneration),
            stack_level: Some(3),
            charging_profile_id: vec![3],
            charging_limit_source: vec![fill("ChargingLimitSource")],
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
            evse_id: 3,
            duration: 3,
            schedule_start: at(60),
            charging_rate_unit: ChargingRateUnit::A,
            charging_schedule_period: vec![ChargingSchedulePeriod::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        CompositeSchedule {
            evse_id: 1,
            duration: 1,
            schedule_start: at(0),
            charging_rate_unit: ChargingRateUnit::W,
            charging_schedule_period: vec![ChargingSchedulePeriod::minimal()],
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
            charging_limit_source: fill("ChargingLimitSource"),
            is_local_generation: Some(true),
            is_grid_critical: Some(true),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ChargingLimit {
            charging_limit_source: text("ChargingLimitSource"),
            is_local_generation: None,
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
            evse_id: NonZeroU32::MIN.saturating_add(2),
            max_schedule_tuples: Some(3),
            charging_needs: ChargingNeeds::full(),
            timestamp: Some(at(60)),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyEVChargingNeedsRequest {
            evse_id: NonZeroU32::MIN,
            max_schedule_tuples: None,
            charging_needs: ChargingNeeds::minimal(),
            timestamp: None,
            custom_data: None,
        }
    }
}

impl Sample for ChargingNeeds {
    fn full() -> Self {
        ChargingNeeds {
            ac_charging_parameters: Some(AcChargingParameters::full()),
            der_charging_parameters: Some(DerChargingParameters::full()),
            ev_energy_offer: Some(EvEnergyOffer::full()),
            requested_energy_transfer: EnergyTransferMode::Wpt,
            dc_charging_parameters: Some(DcChargingParameters::full()),
            v2x_charging_parameters: Some(V2xChargingParameters::full()),
            available_energy_transfer: vec![EnergyTransferMode::Wpt],
            control_mode: Some(ControlMode::DynamicControl),
            mobility_needs_mode: Some(MobilityNeedsMode::EvccSecc),
            departure_time: Some(at(60)),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ChargingNeeds {
            ac_charging_parameters: None,
            der_charging_parameters: None,
            ev_energy_offer: None,
            requested_energy_transfer: EnergyTransferMode::AcSinglePhase,
            dc_charging_parameters: None,
            v2x_charging_parameters: None,
            available_energy_transfer: Vec::new(),
            control_mode: None,
            mobility_needs_mode: None,
            departure_time: None,
            custom_data: None,
        }
    }
}

impl Sample for AcChargingParameters {
    fn full() -> Self {
        AcChargingParameters {
            energy_amount: 11.5,
            ev_min_current: 11.5,
            ev_max_current: 11.5,
            ev_max_voltage: 11.5,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        AcChargingParameters {
            energy_amount: 1.0,
            ev_min_current: 1.0,
            ev_max_current: 1.0,
            ev_max_voltage: 1.0,
            custom_data: None,
        }
    }
}

impl Sample for DerChargingParameters {
    fn full() -> Self {
        DerChargingParameters {
            ev_supported_der_control: vec![DerControl::WattVar],
            ev_over_excited_max_discharge_power: Some(11.5),
            ev_over_excited_power_factor: Some(11.5),
            ev_under_excited_max_discharge_power: Some(11.5),
            ev_under_excited_power_factor: Some(11.5),
            max_apparent_power: Some(11.5),
            max_charge_apparent_power: Some(11.5),
            max_charge_apparent_power_l2: Some(11.5),
            max_charge_apparent_power_l3: Some(11.5),
            max_discharge_apparent_power: Some(11.5),
            max_discharge_apparent_power_l2: Some(11.5),
            max_discharge_apparent_power_l3: Some(11.5),
            max_charge_reactive_power: Some(11.5),
            max_charge_reactive_power_l2: Some(11.5),
            max_charge_reactive_power_l3: Some(11.5),
            min_charge_reactive_power: Some(11.5),
            min_charge_reactive_power_l2: Some(11.5),
            min_charge_reactive_power_l3: Some(11.5),
            max_discharge_reactive_power: Some(11.5),
            max_discharge_reactive_power_l2: Some(11.5),
            max_discharge_reactive_power_l3: Some(11.5),
            min_discharge_reactive_power: Some(11.5),
            min_discharge_reactive_power_l2: Some(11.5),
            min_discharge_reactive_power_l3: Some(11.5),
            nominal_voltage: Some(11.5),
            nominal_voltage_offset: Some(11.5),
            max_nominal_voltage: Some(11.5),
            min_nominal_voltage: Some(11.5),
            ev_inverter_manufacturer: Some(fill("EvInverterManufacturer")),
            ev_inverter_model: Some(fill("EvInverterModel")),
            ev_inverter_serial_number: Some(fill("EvInverterSerialNumber")),
            ev_inverter_sw_version: Some(fill("EvInverterSwVersion")),
            ev_inverter_hw_version: Some(fill("EvInverterHwVersion")),
            ev_islanding_detection_method: vec![IslandingDetection::OtherActive],
            ev_islanding_trip_time: Some(11.5),
            ev_maximum_level1_dc_injection: Some(11.5),
            ev_duration_level1_dc_injection: Some(11.5),
            ev_maximum_level2_dc_injection: Some(11.5),
            ev_duration_level2_dc_injection: Some(11.5),
            ev_reactive_susceptance: Some(11.5),
            ev_session_total_discharge_energy_available: Some(11.5),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        DerChargingParameters {
            ev_supported_der_control: vec![DerControl::EnterService],
            ev_over_excited_max_discharge_power: None,
            ev_over_excited_power_factor: None,
            ev_under_excited_max_discharge_power: None,
            ev_under_excited_power_factor: None,
            max_apparent_power: None,
            max_charge_apparent_power: None,
            max_charge_apparent_power_l2: None,
            max_charge_apparent_power_l3: None,
            max_discharge_apparent_power: None,
            max_discharge_apparent_power_l2: None,
            max_discharge_apparent_power_l3: None,
            max_charge_reactive_power: None,
            max_charge_reactive_power_l2: None,
            max_charge_reactive_power_l3: None,
            min_charge_reactive_power: None,
            min_charge_reactive_power_l2: None,
            min_charge_reactive_power_l3: None,
            max_discharge_reactive_power: None,
            max_discharge_reactive_power_l2: None,
            max_discharge_reactive_power_l3: None,
            min_discharge_reactive_power: None,
            min_discharge_reactive_power_l2: None,
            min_discharge_reactive_power_l3: None,
            nominal_voltage: None,
            nominal_voltage_offset: None,
            max_nominal_voltage: None,
            min_nominal_voltage: None,
            ev_inverter_manufacturer: None,
            ev_inverter_model: None,
            ev_inverter_serial_number: None,
            ev_inverter_sw_version: None,
            ev_inverter_hw_version: None,
            ev_islanding_detection_method: Vec::new(),
            ev_islanding_trip_time: None,
            ev_maximum_level1_dc_injection: None,
            ev_duration_level1_dc_injection: None,
            ev_maximum_level2_dc_injection: None,
            ev_duration_level2_dc_injection: None,
            ev_reactive_susceptance: None,
            ev_session_total_discharge_energy_available: None,
            custom_data: None,
        }
    }
}

impl Sample for EvEnergyOffer {
    fn full() -> Self {
        EvEnergyOffer {
            ev_absolute_price_schedule: Some(EvAbsolutePriceSchedule::full()),
            ev_power_schedule: EvPowerSchedule::full(),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        EvEnergyOffer {
            ev_absolute_price_schedule: None,
            ev_power_schedule: EvPowerSchedule::minimal(),
            custom_data: None,
        }
    }
}

impl Sample for EvAbsolutePriceSchedule {
    fn full() -> Self {
        EvAbsolutePriceSchedule {
            time_anchor: at(60),
            currency: fill("Currency"),
            ev_absolute_price_schedule_entries: vec![EvAbsolutePriceScheduleEntry::full()],
            price_algorithm: fill("PriceAlgorithm"),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        EvAbsolutePriceSchedule {
            time_anchor: at(0),
            currency: text("Currency"),
            ev_absolute_price_schedule_entries: vec![EvAbsolutePriceScheduleEntry::minimal()],
            price_algorithm: text("PriceAlgorithm"),
            custom_data: None,
        }
    }
}

impl Sample for EvAbsolutePriceScheduleEntry {
    fn full() -> Self {
        EvAbsolutePriceScheduleEntry {
            duration: 3,
            ev_price_rule: vec![EvPriceRule::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        EvAbsolutePriceScheduleEntry {
            duration: 1,
            ev_price_rule: vec![EvPriceRule::minimal()],
            custom_data: None,
        }
    }
}

impl Sample for EvPriceRule {
    fn full() -> Self {
        EvPriceRule {
            energy_fee: 11.5,
            power_range_start: 11.5,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        EvPriceRule {
            energy_fee: 1.0,
            power_range_start: 1.0,
            custom_data: None,
        }
    }
}

impl Sample for EvPowerSchedule {
    fn full() -> Self {
        EvPowerSchedule {
            ev_power_schedule_entries: vec![EvPowerScheduleEntry::full()],
            time_anchor: at(60),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        EvPowerSchedule {
            ev_power_schedule_entries: vec![EvPowerScheduleEntry::minimal()],
            time_anchor: at(0),
            custom_data: None,
        }
    }
}

impl Sample for EvPowerScheduleEntry {
    fn full() -> Self {
        EvPowerScheduleEntry {
            duration: 3,
            power: 11.5,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        EvPowerScheduleEntry {
            duration: 1,
            power: 1.0,
            custom_data: None,
        }
    }
}

impl Sample for DcChargingParameters {
    fn full() -> Self {
        DcChargingParameters {
            ev_max_current: 11.5,
            ev_max_voltage: 11.5,
            ev_max_power: Some(11.5),
            ev_energy_capacity: Some(11.5),
            energy_amount: Some(11.5),
            state_of_charge: Some(percent(80)),
            full_soc: Some(percent(80)),
            bulk_soc: Some(percent(80)),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        DcChargingParameters {
            ev_max_current: 1.0,
            ev_max_voltage: 1.0,
            ev_max_power: None,
            ev_energy_capacity: None,
            energy_amount: None,
            state_of_charge: None,
            full_soc: None,
            bulk_soc: None,
            custom_data: None,
        }
    }
}

impl Sample for V2xChargingParameters {
    fn full() -> Self {
        V2xChargingParameters {
            min_charge_power: Some(11.5),
            min_charge_power_l2: Some(11.5),
            min_charge_power_l3: Some(11.5),
            max_charge_power: Some(11.5),
            max_charge_power_l2: Some(11.5),
            max_charge_power_l3: Some(11.5),
            min_discharge_power: Some(11.5),
            min_discharge_power_l2: Some(11.5),
            min_discharge_power_l3: Some(11.5),
            max_discharge_power: Some(11.5),
            max_discharge_power_l2: Some(11.5),
            max_discharge_power_l3: Some(11.5),
            min_charge_current: Some(11.5),
            max_charge_current: Some(11.5),
            min_discharge_current: Some(11.5),
            max_discharge_current: Some(11.5),
            min_voltage: Some(11.5),
            max_voltage: Some(11.5),
            ev_target_energy_request: Some(11.5),
            ev_min_energy_request: Some(11.5),
            ev_max_energy_request: Some(11.5),
            ev_min_v2x_energy_request: Some(11.5),
            ev_max_v2x_energy_request: Some(11.5),
            target_soc: Some(percent(80)),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        V2xChargingParameters {
            min_charge_power: Some(1.0),
            min_charge_power_l2: None,
            min_charge_power_l3: None,
            max_charge_power: None,
            max_charge_power_l2: None,
            max_charge_power_l3: None,
            min_discharge_power: None,
            min_discharge_power_l2: None,
            min_discharge_power_l3: None,
            max_discharge_power: None,
            max_discharge_power_l2: None,
            max_discharge_power_l3: None,
            min_charge_current: None,
            max_charge_current: None,
            min_discharge_current: None,
            max_discharge_current: None,
            min_voltage: None,
            max_voltage: None,
            ev_target_energy_request: None,
            ev_min_energy_request: None,
            ev_max_energy_request: None,
            ev_min_v2x_energy_request: None,
            ev_max_v2x_energy_request: None,
            target_soc: None,
            custom_data: None,
        }
    }
}

impl Sample for NotifyEVChargingNeedsResponse {
    fn full() -> Self {
        NotifyEVChargingNeedsResponse {
            status: NotifyEvChargingNeedsStatus::NoChargingProfile,
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
            evse_id: NonZeroU32::MIN.saturating_add(2),
            selected_charging_schedule_id: Some(3),
            power_tolerance_acceptance: Some(true),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyEVChargingScheduleRequest {
            time_base: at(0),
            charging_schedule: ChargingSchedule::minimal(),
            evse_id: NonZeroU32::MIN,
            selected_charging_schedule_id: None,
            power_tolerance_acceptance: None,
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

impl Sample for NotifyPriorityChargingRequest {
    fn full() -> Self {
        NotifyPriorityChargingRequest {
            transaction_id: fill("TransactionId"),
            activated: true,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyPriorityChargingRequest {
            transaction_id: text("TransactionId"),
            activated: false,
            custom_data: None,
        }
    }
}

impl Sample for NotifyPriorityChargingResponse {
    fn full() -> Self {
        NotifyPriorityChargingResponse {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyPriorityChargingResponse { custom_data: None }
    }
}

impl Sample for PullDynamicScheduleUpdateRequest {
    fn full() -> Self {
        PullDynamicScheduleUpdateRequest {
            charging_profile_id: 3,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        PullDynamicScheduleUpdateRequest {
            charging_profile_id: 1,
            custom_data: None,
        }
    }
}

impl Sample for PullDynamicScheduleUpdateResponse {
    fn full() -> Self {
        PullDynamicScheduleUpdateResponse {
            schedule_update: Some(ChargingScheduleUpdate::full()),
            status: ChargingProfileStatus::Rejected,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        PullDynamicScheduleUpdateResponse {
            schedule_update: None,
            status: ChargingProfileStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for ChargingScheduleUpdate {
    fn full() -> Self {
        ChargingScheduleUpdate {
            limit: Some(11.5),
            limit_l2: Some(11.5),
            limit_l3: Some(11.5),
            discharge_limit: Some(-11.5),
            discharge_limit_l2: Some(-11.5),
            discharge_limit_l3: Some(-11.5),
            setpoint: Some(11.5),
            setpoint_l2: Some(11.5),
            setpoint_l3: Some(11.5),
            setpoint_reactive: Some(11.5),
            setpoint_reactive_l2: Some(11.5),
            setpoint_reactive_l3: Some(11.5),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ChargingScheduleUpdate {
            limit: Some(1.0),
            limit_l2: None,
            limit_l3: None,
            discharge_limit: None,
            discharge_limit_l2: None,
            discharge_limit_l3: None,
            setpoint: None,
            setpoint_l2: None,
            setpoint_l3: None,
            setpoint_reactive: None,
            setpoint_reactive_l2: None,
            setpoint_reactive_l3: None,
            custom_data: None,
        }
    }
}

impl Sample for ReportChargingProfilesRequest {
    fn full() -> Self {
        ReportChargingProfilesRequest {
            request_id: 3,
            charging_limit_source: fill("ChargingLimitSource"),
            charging_profile: vec![ChargingProfile::full()],
            tbc: Some(true),
            evse_id: 3,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ReportChargingProfilesRequest {
            request_id: 1,
            charging_limit_source: text("ChargingLimitSource"),
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

impl Sample for UpdateDynamicScheduleRequest {
    fn full() -> Self {
        UpdateDynamicScheduleRequest {
            charging_profile_id: 3,
            schedule_update: ChargingScheduleUpdate::full(),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        UpdateDynamicScheduleRequest {
            charging_profile_id: 1,
            schedule_update: ChargingScheduleUpdate::minimal(),
            custom_data: None,
        }
    }
}

impl Sample for UpdateDynamicScheduleResponse {
    fn full() -> Self {
        UpdateDynamicScheduleResponse {
            status: ChargingProfileStatus::Rejected,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        UpdateDynamicScheduleResponse {
            status: ChargingProfileStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for UsePriorityChargingRequest {
    fn full() -> Self {
        UsePriorityChargingRequest {
            transaction_id: fill("TransactionId"),
            activate: true,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        UsePriorityChargingRequest {
            transaction_id: text("TransactionId"),
            activate: false,
            custom_data: None,
        }
    }
}

impl Sample for UsePriorityChargingResponse {
    fn full() -> Self {
        UsePriorityChargingResponse {
            status: PriorityChargingStatus::NoProfile,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        UsePriorityChargingResponse {
            status: PriorityChargingStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}
