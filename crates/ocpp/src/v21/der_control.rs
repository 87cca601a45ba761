//! DER control: functional block R of OCPP 2.1 Part 2; the DER control kinds are shared with the
//! EV charging needs of smart charging.

use serde::{Deserialize, Serialize};

use super::types::{CustomData, StatusInfo};
use crate::{CiString, Timestamp};

requests! {
    ClearDERControlRequest => ClearDERControlResponse, ClearDERControl;
    GetDERControlRequest => GetDERControlResponse, GetDERControl;
    NotifyDERAlarmRequest => NotifyDERAlarmResponse, NotifyDERAlarm;
    NotifyDERStartStopRequest => NotifyDERStartStopResponse, NotifyDERStartStop;
    ReportDERControlRequest => ReportDERControlResponse, ReportDERControl;
    SetDERControlRequest => SetDERControlResponse, SetDERControl;
}

/// ClearDERControl request: the CSMS removes DER (distributed energy resource) controls.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClearDERControlRequest {
    pub is_default: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub control_type: Option<DerControl>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub control_id: Option<CiString<36>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// Which DER control or curve a message is about (`DERControlEnumType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DerControl {
    EnterService,
    FreqDroop,
    FreqWatt,
    #[serde(rename = "FixedPFAbsorb")]
    FixedPfAbsorb,
    #[serde(rename = "FixedPFInject")]
    FixedPfInject,
    FixedVar,
    Gradients,
    #[serde(rename = "HFMustTrip")]
    HfMustTrip,
    #[serde(rename = "HFMayTrip")]
    HfMayTrip,
    #[serde(rename = "HVMustTrip")]
    HvMustTrip,
    #[serde(rename = "HVMomCess")]
    HvMomCess,
    #[serde(rename = "HVMayTrip")]
    HvMayTrip,
    LimitMaxDischarge,
    #[serde(rename = "LFMustTrip")]
    LfMustTrip,
    #[serde(rename = "LVMustTrip")]
    LvMustTrip,
    #[serde(rename = "LVMomCess")]
    LvMomCess,
    #[serde(rename = "LVMayTrip")]
    LvMayTrip,
    PowerMonitoringMustTrip,
    VoltVar,
    VoltWatt,
    #[serde(rename = "WattPF")]
    WattPf,
    WattVar,
}

/// ClearDERControl response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClearDERControlResponse {
    pub status: DerControlStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `DERControlStatusEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DerControlStatus {
    Accepted,
    Rejected,
    NotSupported,
    NotFound,
}

/// GetDERControl request: the CSMS asks for installed DER controls, delivered by ReportDERControl.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetDERControlRequest {
    pub request_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub control_type: Option<DerControl>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub control_id: Option<CiString<36>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// GetDERControl response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetDERControlResponse {
    pub status: DerControlStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// NotifyDERAlarm request: the station reports a grid event that a DER control reacted to, or its
/// end.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyDERAlarmRequest {
    pub control_type: DerControl,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grid_event_fault: Option<GridEventFault>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alarm_ended: Option<bool>,
    pub timestamp: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra_info: Option<CiString<200>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `GridEventFaultEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GridEventFault {
    CurrentImbalance,
    LocalEmergency,
    LowInputPower,
    OverCurrent,
    OverFrequency,
    OverVoltage,
    PhaseRotation,
    RemoteEmergency,
    UnderFrequency,
    UnderVoltage,
    VoltageImbalance,
}

/// NotifyDERAlarm response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyDERAlarmResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// NotifyDERStartStop request: the station reports that a scheduled DER control started or stopped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyDERStartStopRequest {
    pub control_id: CiString<36>,
    pub started: bool,
    pub timestamp: Timestamp,
    /// 1 to 24 items in the schema; not enforced when read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub superseded_ids: Vec<CiString<36>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// NotifyDERStartStop response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NotifyDERStartStopResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// ReportDERControl request: the station reports DER controls asked for by GetDERControl.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportDERControlRequest {
    /// 1 to 24 items in the schema; not enforced when read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub curve: Vec<DerCurveGet>,
    /// 1 to 24 items in the schema; not enforced when read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enter_service: Vec<EnterServiceGet>,
    /// 1 to 24 items in the schema; not enforced when read.
    #[serde(
        rename = "fixedPFAbsorb",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub fixed_pf_absorb: Vec<FixedPfGet>,
    /// 1 to 24 items in the schema; not enforced when read.
    #[serde(
        rename = "fixedPFInject",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub fixed_pf_inject: Vec<FixedPfGet>,
    /// 1 to 24 items in the schema; not enforced when read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixed_var: Vec<FixedVarGet>,
    /// 1 to 24 items in the schema; not enforced when read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub freq_droop: Vec<FreqDroopGet>,
    /// 1 to 24 items in the schema; not enforced when read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gradient: Vec<GradientGet>,
    /// 1 to 24 items in the schema; not enforced when read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub limit_max_discharge: Vec<LimitMaxDischargeGet>,
    pub request_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tbc: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `DERCurveGetType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DerCurveGet {
    pub curve: DerCurve,
    pub id: CiString<36>,
    pub curve_type: DerControl,
    pub is_default: bool,
    pub is_superseded: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// A DER curve: its points and units, its priority and timing, and the settings that shape the
/// response (`DERCurveType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DerCurve {
    /// 1 to 10 items in the schema; not enforced when read.
    pub curve_data: Vec<DerCurvePoints>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hysteresis: Option<Hysteresis>,
    pub priority: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reactive_power_params: Option<ReactivePowerParams>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voltage_params: Option<VoltageParams>,
    pub y_unit: DerUnit,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_time: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `DERCurvePointsType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DerCurvePoints {
    pub x: f64,
    pub y: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `HysteresisType` in the schemas.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Hysteresis {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hysteresis_high: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hysteresis_low: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hysteresis_delay: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hysteresis_gradient: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `ReactivePowerParamsType` in the schemas.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReactivePowerParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub v_ref: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autonomous_v_ref_enable: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autonomous_v_ref_time_constant: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `VoltageParamsType` in the schemas.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VoltageParams {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hv10_min_mean_value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hv10_min_mean_trip_delay: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub power_during_cessation: Option<PowerDuringCessation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `PowerDuringCessationEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PowerDuringCessation {
    Active,
    Reactive,
}

/// `DERUnitEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DerUnit {
    #[serde(rename = "Not_Applicable")]
    NotApplicable,
    PctMaxW,
    PctMaxVar,
    PctWAvail,
    PctVarAvail,
    PctEffectiveV,
}

/// `EnterServiceGetType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EnterServiceGet {
    pub enter_service: EnterService,
    pub id: CiString<36>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `EnterServiceType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EnterService {
    pub priority: u32,
    pub high_voltage: f64,
    pub low_voltage: f64,
    pub high_freq: f64,
    pub low_freq: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delay: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub random_delay: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ramp_rate: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `FixedPFGetType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FixedPfGet {
    #[serde(rename = "fixedPF")]
    pub fixed_pf: FixedPf,
    pub id: CiString<36>,
    pub is_default: bool,
    pub is_superseded: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `FixedPFType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FixedPf {
    pub priority: u32,
    pub displacement: f64,
    pub excitation: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `FixedVarGetType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FixedVarGet {
    pub fixed_var: FixedVar,
    pub id: CiString<36>,
    pub is_default: bool,
    pub is_superseded: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `FixedVarType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FixedVar {
    pub priority: u32,
    pub setpoint: f64,
    pub unit: DerUnit,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `FreqDroopGetType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FreqDroopGet {
    pub freq_droop: FreqDroop,
    pub id: CiString<36>,
    pub is_default: bool,
    pub is_superseded: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `FreqDroopType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FreqDroop {
    pub priority: u32,
    pub over_freq: f64,
    pub under_freq: f64,
    pub over_droop: f64,
    pub under_droop: f64,
    pub response_time: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `GradientGetType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GradientGet {
    pub gradient: Gradient,
    pub id: CiString<36>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `GradientType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Gradient {
    pub priority: u32,
    pub gradient: f64,
    pub soft_gradient: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `LimitMaxDischargeGetType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LimitMaxDischargeGet {
    pub id: CiString<36>,
    pub is_default: bool,
    pub is_superseded: bool,
    pub limit_max_discharge: LimitMaxDischarge,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `LimitMaxDischargeType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LimitMaxDischarge {
    pub priority: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pct_max_discharge_power: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub power_monitoring_must_trip: Option<DerCurve>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// ReportDERControl response, sent by the CSMS.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportDERControlResponse {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// SetDERControl request: the CSMS installs a DER control: a curve, a setpoint or a grid support
/// function.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetDERControlRequest {
    pub is_default: bool,
    pub control_id: CiString<36>,
    pub control_type: DerControl,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub curve: Option<DerCurve>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enter_service: Option<EnterService>,
    #[serde(
        rename = "fixedPFAbsorb",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fixed_pf_absorb: Option<FixedPf>,
    #[serde(
        rename = "fixedPFInject",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fixed_pf_inject: Option<FixedPf>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_var: Option<FixedVar>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freq_droop: Option<FreqDroop>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gradient: Option<Gradient>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_max_discharge: Option<LimitMaxDischarge>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// SetDERControl response, sent by the charging station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SetDERControlResponse {
    pub status: DerControlStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_info: Option<StatusInfo>,
    /// 1 to 24 items in the schema; not enforced when read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub superseded_ids: Vec<CiString<36>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
