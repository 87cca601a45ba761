//! Meter values, shared by MeterValues and TransactionEvent (functional blocks J and E).

use serde::{Deserialize, Serialize};

use super::types::CustomData;
use crate::strings::UnlistedName;
use crate::{CiString, Timestamp};

// Unchanged from 2.0.1: the same schema, properties, enums and limits.
pub use crate::v201::{Phase, ReadingContext, UnitOfMeasure};

/// Values sampled at one point in time (`MeterValueType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MeterValue {
    pub sampled_value: Vec<SampledValue>,
    pub timestamp: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// One measured value; in 2.1 a decimal number, not a string as in 1.6 (`SampledValueType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SampledValue {
    pub value: f64,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::strings::text_first"
    )]
    pub measurand: Option<Measurand>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<ReadingContext>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<Phase>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_meter_value: Option<SignedMeterValue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_of_measure: Option<UnitOfMeasure>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `MeasurandEnumType` in the schemas.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Measurand {
    #[serde(rename = "Current.Export")]
    CurrentExport,
    #[serde(rename = "Current.Export.Offered")]
    CurrentExportOffered,
    #[serde(rename = "Current.Export.Minimum")]
    CurrentExportMinimum,
    #[serde(rename = "Current.Import")]
    CurrentImport,
    #[serde(rename = "Current.Import.Offered")]
    CurrentImportOffered,
    #[serde(rename = "Current.Import.Minimum")]
    CurrentImportMinimum,
    #[serde(rename = "Current.Offered")]
    CurrentOffered,
    #[serde(rename = "Display.PresentSOC")]
    DisplayPresentSoc,
    #[serde(rename = "Display.MinimumSOC")]
    DisplayMinimumSoc,
    #[serde(rename = "Display.TargetSOC")]
    DisplayTargetSoc,
    #[serde(rename = "Display.MaximumSOC")]
    DisplayMaximumSoc,
    #[serde(rename = "Display.RemainingTimeToMinimumSOC")]
    DisplayRemainingTimeToMinimumSoc,
    #[serde(rename = "Display.RemainingTimeToTargetSOC")]
    DisplayRemainingTimeToTargetSoc,
    #[serde(rename = "Display.RemainingTimeToMaximumSOC")]
    DisplayRemainingTimeToMaximumSoc,
    #[serde(rename = "Display.ChargingComplete")]
    DisplayChargingComplete,
    #[serde(rename = "Display.BatteryEnergyCapacity")]
    DisplayBatteryEnergyCapacity,
    #[serde(rename = "Display.InletHot")]
    DisplayInletHot,
    #[serde(rename = "Energy.Active.Export.Interval")]
    EnergyActiveExportInterval,
    #[serde(rename = "Energy.Active.Export.Register")]
    EnergyActiveExportRegister,
    #[serde(rename = "Energy.Active.Import.Interval")]
    EnergyActiveImportInterval,
    #[serde(rename = "Energy.Active.Import.Register")]
    EnergyActiveImportRegister,
    #[serde(rename = "Energy.Active.Import.CableLoss")]
    EnergyActiveImportCableLoss,
    #[serde(rename = "Energy.Active.Import.LocalGeneration.Register")]
    EnergyActiveImportLocalGenerationRegister,
    #[serde(rename = "Energy.Active.Net")]
    EnergyActiveNet,
    #[serde(rename = "Energy.Active.Setpoint.Interval")]
    EnergyActiveSetpointInterval,
    #[serde(rename = "Energy.Apparent.Export")]
    EnergyApparentExport,
    #[serde(rename = "Energy.Apparent.Import")]
    EnergyApparentImport,
    #[serde(rename = "Energy.Apparent.Net")]
    EnergyApparentNet,
    #[serde(rename = "Energy.Reactive.Export.Interval")]
    EnergyReactiveExportInterval,
    #[serde(rename = "Energy.Reactive.Export.Register")]
    EnergyReactiveExportRegister,
    #[serde(rename = "Energy.Reactive.Import.Interval")]
    EnergyReactiveImportInterval,
    #[serde(rename = "Energy.Reactive.Import.Register")]
    EnergyReactiveImportRegister,
    #[serde(rename = "Energy.Reactive.Net")]
    EnergyReactiveNet,
    #[serde(rename = "EnergyRequest.Target")]
    EnergyRequestTarget,
    #[serde(rename = "EnergyRequest.Minimum")]
    EnergyRequestMinimum,
    #[serde(rename = "EnergyRequest.Maximum")]
    EnergyRequestMaximum,
    #[serde(rename = "EnergyRequest.Minimum.V2X")]
    EnergyRequestMinimumV2x,
    #[serde(rename = "EnergyRequest.Maximum.V2X")]
    EnergyRequestMaximumV2x,
    #[serde(rename = "EnergyRequest.Bulk")]
    EnergyRequestBulk,
    Frequency,
    #[serde(rename = "Power.Active.Export")]
    PowerActiveExport,
    #[serde(rename = "Power.Active.Import")]
    PowerActiveImport,
    #[serde(rename = "Power.Active.Setpoint")]
    PowerActiveSetpoint,
    #[serde(rename = "Power.Active.Residual")]
    PowerActiveResidual,
    #[serde(rename = "Power.Export.Minimum")]
    PowerExportMinimum,
    #[serde(rename = "Power.Export.Offered")]
    PowerExportOffered,
    #[serde(rename = "Power.Factor")]
    PowerFactor,
    #[serde(rename = "Power.Import.Offered")]
    PowerImportOffered,
    #[serde(rename = "Power.Import.Minimum")]
    PowerImportMinimum,
    #[serde(rename = "Power.Offered")]
    PowerOffered,
    #[serde(rename = "Power.Reactive.Export")]
    PowerReactiveExport,
    #[serde(rename = "Power.Reactive.Import")]
    PowerReactiveImport,
    SoC,
    Voltage,
    #[serde(rename = "Voltage.Minimum")]
    VoltageMinimum,
    #[serde(rename = "Voltage.Maximum")]
    VoltageMaximum,
    /// A measurand the schema does not list, kept as sent ([`UnlistedName`]).
    #[serde(untagged)]
    Unlisted(UnlistedName),
}

/// `LocationEnumType` in the schemas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Location {
    Body,
    Cable,
    #[serde(rename = "EV")]
    Ev,
    Inlet,
    Outlet,
    Upstream,
}

/// `SignedMeterValueType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignedMeterValue {
    pub signed_meter_data: CiString<32768>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing_method: Option<CiString<50>>,
    pub encoding_method: CiString<50>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_key: Option<CiString<2500>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
