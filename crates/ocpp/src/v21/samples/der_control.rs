//! Samples of the `der_control` module's types.

use super::*;

impl Sample for ClearDERControlRequest {
    fn full() -> Self {
        ClearDERControlRequest {
            is_default: true,
            control_type: Some(DerControl::WattVar),
            control_id: Some(fill("ControlId")),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ClearDERControlRequest {
            is_default: false,
            control_type: None,
            control_id: None,
            custom_data: None,
        }
    }
}

impl Sample for ClearDERControlResponse {
    fn full() -> Self {
        ClearDERControlResponse {
            status: DerControlStatus::NotFound,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ClearDERControlResponse {
            status: DerControlStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for GetDERControlRequest {
    fn full() -> Self {
        GetDERControlRequest {
            request_id: 3,
            is_default: Some(true),
            control_type: Some(DerControl::WattVar),
            control_id: Some(fill("ControlId")),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetDERControlRequest {
            request_id: 1,
            is_default: None,
            control_type: None,
            control_id: None,
            custom_data: None,
        }
    }
}

impl Sample for GetDERControlResponse {
    fn full() -> Self {
        GetDERControlResponse {
            status: DerControlStatus::NotFound,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetDERControlResponse {
            status: DerControlStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for NotifyDERAlarmRequest {
    fn full() -> Self {
        NotifyDERAlarmRequest {
            control_type: DerControl::WattVar,
            grid_event_fault: Some(GridEventFault::VoltageImbalance),
            alarm_ended: Some(true),
            timestamp: at(60),
            extra_info: Some(fill("ExtraInfo")),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyDERAlarmRequest {
            control_type: DerControl::EnterService,
            grid_event_fault: None,
            alarm_ended: None,
            timestamp: at(0),
            extra_info: None,
            custom_data: None,
        }
    }
}

impl Sample for NotifyDERAlarmResponse {
    fn full() -> Self {
        NotifyDERAlarmResponse {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyDERAlarmResponse { custom_data: None }
    }
}

impl Sample for NotifyDERStartStopRequest {
    fn full() -> Self {
        NotifyDERStartStopRequest {
            control_id: fill("ControlId"),
            started: true,
            timestamp: at(60),
            superseded_ids: vec![fill("SupersededIds")],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyDERStartStopRequest {
            control_id: text("ControlId"),
            started: false,
            timestamp: at(0),
            superseded_ids: Vec::new(),
            custom_data: None,
        }
    }
}

impl Sample for NotifyDERStartStopResponse {
    fn full() -> Self {
        NotifyDERStartStopResponse {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyDERStartStopResponse { custom_data: None }
    }
}

impl Sample for ReportDERControlRequest {
    fn full() -> Self {
        ReportDERControlRequest {
            curve: vec![DerCurveGet::full()],
            enter_service: vec![EnterServiceGet::full()],
            fixed_pf_absorb: vec![FixedPfGet::full()],
            fixed_pf_inject: vec![FixedPfGet::full()],
            fixed_var: vec![FixedVarGet::full()],
            freq_droop: vec![FreqDroopGet::full()],
            gradient: vec![GradientGet::full()],
            limit_max_discharge: vec![LimitMaxDischargeGet::full()],
            request_id: 3,
            tbc: Some(true),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ReportDERControlRequest {
            curve: Vec::new(),
            enter_service: Vec::new(),
            fixed_pf_absorb: Vec::new(),
            fixed_pf_inject: Vec::new(),
            fixed_var: Vec::new(),
            freq_droop: Vec::new(),
            gradient: Vec::new(),
            limit_max_discharge: Vec::new(),
            request_id: 1,
            tbc: None,
            custom_data: None,
        }
    }
}

impl Sample for DerCurveGet {
    fn full() -> Self {
        DerCurveGet {
            curve: DerCurve::full(),
            id: fill("Id"),
            curve_type: DerControl::WattVar,
            is_default: true,
            is_superseded: true,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        DerCurveGet {
            curve: DerCurve::minimal(),
            id: text("Id"),
            curve_type: DerControl::EnterService,
            is_default: false,
            is_superseded: false,
            custom_data: None,
        }
    }
}

impl Sample for DerCurve {
    fn full() -> Self {
        DerCurve {
            curve_data: vec![DerCurvePoints::full()],
            hysteresis: Some(Hysteresis::full()),
            priority: 3,
            reactive_power_params: Some(ReactivePowerParams::full()),
            voltage_params: Some(VoltageParams::full()),
            y_unit: DerUnit::PctEffectiveV,
            response_time: Some(11.5),
            start_time: Some(at(60)),
            duration: Some(11.5),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        DerCurve {
            curve_data: vec![DerCurvePoints::minimal()],
            hysteresis: None,
            priority: 1,
            reactive_power_params: None,
            voltage_params: None,
            y_unit: DerUnit::NotApplicable,
            response_time: None,
            start_time: None,
            duration: None,
            custom_data: None,
        }
    }
}

impl Sample for DerCurvePoints {
    fn full() -> Self {
        DerCurvePoints {
            x: 11.5,
            y: 11.5,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        DerCurvePoints {
            x: 1.0,
            y: 1.0,
            custom_data: None,
        }
    }
}

impl Sample for Hysteresis {
    fn full() -> Self {
        Hysteresis {
            hysteresis_high: Some(11.5),
            hysteresis_low: Some(11.5),
            hysteresis_delay: Some(11.5),
            hysteresis_gradient: Some(11.5),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        Hysteresis {
            hysteresis_high: Some(1.0),
            hysteresis_low: None,
            hysteresis_delay: None,
            hysteresis_gradient: None,
            custom_data: None,
        }
    }
}

impl Sample for ReactivePowerParams {
    fn full() -> Self {
        ReactivePowerParams {
            v_ref: Some(11.5),
            autonomous_v_ref_enable: Some(true),
            autonomous_v_ref_time_constant: Some(11.5),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ReactivePowerParams {
            v_ref: Some(1.0),
            autonomous_v_ref_enable: None,
            autonomous_v_ref_time_constant: None,
            custom_data: None,
        }
    }
}

impl Sample for VoltageParams {
    fn full() -> Self {
        VoltageParams {
            hv10_min_mean_value: Some(11.5),
            hv10_min_mean_trip_delay: Some(11.5),
            power_during_cessation: Some(PowerDuringCessation::Reactive),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        VoltageParams {
            hv10_min_mean_value: Some(1.0),
            hv10_min_mean_trip_delay: None,
            power_during_cessation: None,
            custom_data: None,
        }
    }
}

impl Sample for EnterServiceGet {
    fn full() -> Self {
        EnterServiceGet {
            enter_service: EnterService::full(),
            id: fill("Id"),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        EnterServiceGet {
            enter_service: EnterService::minimal(),
            id: text("Id"),
            custom_data: None,
        }
    }
}

impl Sample for EnterService {
    fn full() -> Self {
        EnterService {
            priority: 3,
            high_voltage: 11.5,
            low_voltage: 11.5,
            high_freq: 11.5,
            low_freq: 11.5,
            delay: Some(11.5),
            random_delay: Some(11.5),
            ramp_rate: Some(11.5),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        EnterService {
            priority: 1,
            high_voltage: 1.0,
            low_voltage: 1.0,
            high_freq: 1.0,
            low_freq: 1.0,
            delay: None,
            random_delay: None,
            ramp_rate: None,
            custom_data: None,
        }
    }
}

impl Sample for FixedPfGet {
    fn full() -> Self {
        FixedPfGet {
            fixed_pf: FixedPf::full(),
            id: fill("Id"),
            is_default: true,
            is_superseded: true,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        FixedPfGet {
            fixed_pf: FixedPf::minimal(),
            id: text("Id"),
            is_default: false,
            is_superseded: false,
            custom_data: None,
        }
    }
}

impl Sample for FixedPf {
    fn full() -> Self {
        FixedPf {
            priority: 3,
            displacement: 11.5,
            excitation: true,
            start_time: Some(at(60)),
            duration: Some(11.5),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        FixedPf {
            priority: 1,
            displacement: 1.0,
            excitation: false,
            start_time: None,
            duration: None,
            custom_data: None,
        }
    }
}

impl Sample for FixedVarGet {
    fn full() -> Self {
        FixedVarGet {
            fixed_var: FixedVar::full(),
            id: fill("Id"),
            is_default: true,
            is_superseded: true,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        FixedVarGet {
            fixed_var: FixedVar::minimal(),
            id: text("Id"),
            is_default: false,
            is_superseded: false,
            custom_data: None,
        }
    }
}

impl Sample for FixedVar {
    fn full() -> Self {
        FixedVar {
            priority: 3,
            setpoint: 11.5,
            unit: DerUnit::PctEffectiveV,
            start_time: Some(at(60)),
            duration: Some(11.5),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        FixedVar {
            priority: 1,
            setpoint: 1.0,
            unit: DerUnit::NotApplicable,
            start_time: None,
            duration: None,
            custom_data: None,
        }
    }
}

impl Sample for FreqDroopGet {
    fn full() -> Self {
        FreqDroopGet {
            freq_droop: FreqDroop::full(),
            id: fill("Id"),
            is_default: true,
            is_superseded: true,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        FreqDroopGet {
            freq_droop: FreqDroop::minimal(),
            id: text("Id"),
            is_default: false,
            is_superseded: false,
            custom_data: None,
        }
    }
}

impl Sample for FreqDroop {
    fn full() -> Self {
        FreqDroop {
            priority: 3,
            over_freq: 11.5,
            under_freq: 11.5,
            over_droop: 11.5,
            under_droop: 11.5,
            response_time: 11.5,
            start_time: Some(at(60)),
            duration: Some(11.5),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        FreqDroop {
            priority: 1,
            over_freq: 1.0,
            under_freq: 1.0,
            over_droop: 1.0,
            under_droop: 1.0,
            response_time: 1.0,
            start_time: None,
            duration: None,
            custom_data: None,
        }
    }
}

impl Sample for GradientGet {
    fn full() -> Self {
        GradientGet {
            gradient: Gradient::full(),
            id: fill("Id"),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GradientGet {
            gradient: Gradient::minimal(),
            id: text("Id"),
            custom_data: None,
        }
    }
}

impl Sample for Gradient {
    fn full() -> Self {
        Gradient {
            priority: 3,
            gradient: 11.5,
            soft_gradient: 11.5,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        Gradient {
            priority: 1,
            gradient: 1.0,
            soft_gradient: 1.0,
            custom_data: None,
        }
    }
}

impl Sample for LimitMaxDischargeGet {
    fn full() -> Self {
        LimitMaxDischargeGet {
            id: fill("Id"),
            is_default: true,
            is_superseded: true,
            limit_max_discharge: LimitMaxDischarge::full(),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        LimitMaxDischargeGet {
            id: text("Id"),
            is_default: false,
            is_superseded: false,
            limit_max_discharge: LimitMaxDischarge::minimal(),
            custom_data: None,
        }
    }
}

impl Sample for LimitMaxDischarge {
    fn full() -> Self {
        LimitMaxDischarge {
            priority: 3,
            pct_max_discharge_power: Some(11.5),
            power_monitoring_must_trip: Some(DerCurve::full()),
            start_time: Some(at(60)),
            duration: Some(11.5),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        LimitMaxDischarge {
            priority: 1,
            pct_max_discharge_power: None,
            power_monitoring_must_trip: None,
            start_time: None,
            duration: None,
            custom_data: None,
        }
    }
}

impl Sample for ReportDERControlResponse {
    fn full() -> Self {
        ReportDERControlResponse {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ReportDERControlResponse { custom_data: None }
    }
}

impl Sample for SetDERControlRequest {
    fn full() -> Self {
        SetDERControlRequest {
            is_default: true,
            control_id: fill("ControlId"),
            control_type: DerControl::WattVar,
            curve: Some(DerCurve::full()),
            enter_service: Some(EnterService::full()),
            fixed_pf_absorb: Some(FixedPf::full()),
            fixed_pf_inject: Some(FixedPf::full()),
            fixed_var: Some(FixedVar::full()),
            freq_droop: Some(FreqDroop::full()),
            gradient: Some(Gradient::full()),
            limit_max_discharge: Some(LimitMaxDischarge::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SetDERControlRequest {
            is_default: false,
            control_id: text("ControlId"),
            control_type: DerControl::EnterService,
            curve: None,
            enter_service: None,
            fixed_pf_absorb: None,
            fixed_pf_inject: None,
            fixed_var: None,
            freq_droop: None,
            gradient: None,
            limit_max_discharge: None,
            custom_data: None,
        }
    }
}

impl Sample for SetDERControlResponse {
    fn full() -> Self {
        SetDERControlResponse {
            status: DerControlStatus::NotFound,
            status_info: Some(StatusInfo::full()),
            superseded_ids: vec![fill("SupersededIds")],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SetDERControlResponse {
            status: DerControlStatus::Accepted,
            status_info: None,
            superseded_ids: Vec::new(),
            custom_data: None,
        }
    }
}
