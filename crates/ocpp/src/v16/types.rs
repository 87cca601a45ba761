//! Types shared by several 1.6 messages: identifiers, meter values and charging profiles.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::quirk::{self, Quirk};
use crate::strings::UnlistedName;
use crate::{CiString, Timestamp};

/// An identifier for authorization (an RFID uid, a token): `IdToken` = CiString20Type.
pub type IdToken = CiString<20>;

/// Whether an identifier may charge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AuthorizationStatus {
    Accepted,
    Blocked,
    Expired,
    Invalid,
    ConcurrentTx,
}

/// Status of an identifier, as the Central System or the local list knows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdTagInfo {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry_date: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id_tag: Option<IdToken>,
    pub status: AuthorizationStatus,
}

impl IdTagInfo {
    /// An `IdTagInfo` with only a status.
    pub fn new(status: AuthorizationStatus) -> IdTagInfo {
        IdTagInfo {
            expiry_date: None,
            parent_id_tag: None,
            status,
        }
    }
}

/// Why a sample was taken (absent means `Sample.Periodic`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReadingContext {
    #[serde(rename = "Interruption.Begin")]
    InterruptionBegin,
    #[serde(rename = "Interruption.End")]
    InterruptionEnd,
    #[serde(rename = "Sample.Clock")]
    SampleClock,
    #[serde(rename = "Sample.Periodic")]
    SamplePeriodic,
    #[serde(rename = "Transaction.Begin")]
    TransactionBegin,
    #[serde(rename = "Transaction.End")]
    TransactionEnd,
    Trigger,
    Other,
}

/// How a sampled value is written (absent means `Raw`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ValueFormat {
    Raw,
    SignedData,
}

/// What was measured (absent means `Energy.Active.Import.Register`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Measurand {
    #[serde(rename = "Energy.Active.Export.Register")]
    EnergyActiveExportRegister,
    #[serde(rename = "Energy.Active.Import.Register")]
    EnergyActiveImportRegister,
    #[serde(rename = "Energy.Reactive.Export.Register")]
    EnergyReactiveExportRegister,
    #[serde(rename = "Energy.Reactive.Import.Register")]
    EnergyReactiveImportRegister,
    #[serde(rename = "Energy.Active.Export.Interval")]
    EnergyActiveExportInterval,
    #[serde(rename = "Energy.Active.Import.Interval")]
    EnergyActiveImportInterval,
    #[serde(rename = "Energy.Reactive.Export.Interval")]
    EnergyReactiveExportInterval,
    #[serde(rename = "Energy.Reactive.Import.Interval")]
    EnergyReactiveImportInterval,
    #[serde(rename = "Power.Active.Export")]
    PowerActiveExport,
    #[serde(rename = "Power.Active.Import")]
    PowerActiveImport,
    #[serde(rename = "Power.Offered")]
    PowerOffered,
    #[serde(rename = "Power.Reactive.Export")]
    PowerReactiveExport,
    #[serde(rename = "Power.Reactive.Import")]
    PowerReactiveImport,
    #[serde(rename = "Power.Factor")]
    PowerFactor,
    #[serde(rename = "Current.Import")]
    CurrentImport,
    #[serde(rename = "Current.Export")]
    CurrentExport,
    #[serde(rename = "Current.Offered")]
    CurrentOffered,
    Voltage,
    Frequency,
    Temperature,
    SoC,
    #[serde(rename = "RPM")]
    Rpm,
    /// A measurand the schema does not list, kept as sent ([`UnlistedName`]).
    #[serde(untagged)]
    Unlisted(UnlistedName),
}

/// The phase (or pair of phases) a value was measured on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Phase {
    L1,
    L2,
    L3,
    N,
    #[serde(rename = "L1-N")]
    L1N,
    #[serde(rename = "L2-N")]
    L2N,
    #[serde(rename = "L3-N")]
    L3N,
    #[serde(rename = "L1-L2")]
    L1L2,
    #[serde(rename = "L2-L3")]
    L2L3,
    #[serde(rename = "L3-L1")]
    L3L1,
}

/// Where a value was measured (absent means `Outlet`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Location {
    Cable,
    #[serde(rename = "EV")]
    Ev,
    Inlet,
    Outlet,
    Body,
}

/// The unit of a sampled value (absent means `Wh`).
///
/// The 1.6 schemas list both `Celcius` (sic) and `Celsius`. Reading accepts both, notes
/// [`Quirk::MisspelledUnit`] for the misspelling and maps it to [`UnitOfMeasure::Celsius`];
/// writing always sends `Celsius`. `Hertz` is in the MeterValues schema but missing from
/// StopTransaction's copy of the enum, so do not put it in `transactionData`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnitOfMeasure {
    Wh,
    KWh,
    Varh,
    Kvarh,
    W,
    KW,
    Va,
    Kva,
    Var,
    Kvar,
    A,
    V,
    K,
    Celsius,
    Fahrenheit,
    Percent,
    Hertz,
}

impl UnitOfMeasure {
    pub const ALL: [UnitOfMeasure; 17] = [
        UnitOfMeasure::Wh,
        UnitOfMeasure::KWh,
        UnitOfMeasure::Varh,
        UnitOfMeasure::Kvarh,
        UnitOfMeasure::W,
        UnitOfMeasure::KW,
        UnitOfMeasure::Va,
        UnitOfMeasure::Kva,
        UnitOfMeasure::Var,
        UnitOfMeasure::Kvar,
        UnitOfMeasure::A,
        UnitOfMeasure::V,
        UnitOfMeasure::K,
        UnitOfMeasure::Celsius,
        UnitOfMeasure::Fahrenheit,
        UnitOfMeasure::Percent,
        UnitOfMeasure::Hertz,
    ];

    /// The spelling that [`Self::ALL`]'s units are sent with, in the same order.
    const NAMES: [&'static str; 17] = {
        let mut names = [""; 17];
        let mut i = 0;
        while i < names.len() {
            names[i] = UnitOfMeasure::ALL[i].as_str();
            i += 1;
        }
        names
    };

    /// The exact string sent on the wire.
    pub const fn as_str(self) -> &'static str {
        match self {
            UnitOfMeasure::Wh => "Wh",
            UnitOfMeasure::KWh => "kWh",
            UnitOfMeasure::Varh => "varh",
            UnitOfMeasure::Kvarh => "kvarh",
            UnitOfMeasure::W => "W",
            UnitOfMeasure::KW => "kW",
            UnitOfMeasure::Va => "VA",
            UnitOfMeasure::Kva => "kVA",
            UnitOfMeasure::Var => "var",
            UnitOfMeasure::Kvar => "kvar",
            UnitOfMeasure::A => "A",
            UnitOfMeasure::V => "V",
            UnitOfMeasure::K => "K",
            UnitOfMeasure::Celsius => "Celsius",
            UnitOfMeasure::Fahrenheit => "Fahrenheit",
            UnitOfMeasure::Percent => "Percent",
            UnitOfMeasure::Hertz => "Hertz",
        }
    }

    /// Read a unit exactly as spelled (no quirk handling: see the `Deserialize` impl).
    pub fn parse(text: &str) -> Option<UnitOfMeasure> {
        UnitOfMeasure::ALL.into_iter().find(|u| u.as_str() == text)
    }
}

impl fmt::Display for UnitOfMeasure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for UnitOfMeasure {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for UnitOfMeasure {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <Cow<'de, str>>::deserialize(deserializer)?;
        if text == "Celcius" {
            quirk::note(Quirk::MisspelledUnit);
            return Ok(UnitOfMeasure::Celsius);
        }
        UnitOfMeasure::parse(&text)
            .ok_or_else(|| serde::de::Error::unknown_variant(&text, &UnitOfMeasure::NAMES))
    }
}

/// One measured value. `value` is a string in 1.6 (a decimal, or signed data when
/// `format` is `SignedData`); the schema sets no length limit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SampledValue {
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<ReadingContext>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<ValueFormat>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::strings::text_first"
    )]
    pub measurand: Option<Measurand>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<Phase>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<UnitOfMeasure>,
}

impl SampledValue {
    /// A value with every optional field absent (an energy register reading in Wh).
    pub fn new(value: impl Into<String>) -> SampledValue {
        SampledValue {
            value: value.into(),
            context: None,
            format: None,
            measurand: None,
            phase: None,
            location: None,
            unit: None,
        }
    }
}

/// Values sampled at one point in time. The MeterValues schema wants at least one sampled
/// value (StopTransaction's does not); decoding does not enforce it, so check `is_empty()`
/// where it matters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MeterValue {
    pub timestamp: Timestamp,
    pub sampled_value: Vec<SampledValue>,
}

/// What a charging profile is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChargingProfilePurpose {
    ChargePointMaxProfile,
    TxDefaultProfile,
    TxProfile,
}

/// How a profile's schedule is anchored in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChargingProfileKind {
    Absolute,
    Recurring,
    Relative,
}

/// How often a `Recurring` profile repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RecurrencyKind {
    Daily,
    Weekly,
}

/// The unit of a schedule's limits: amperes or watts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChargingRateUnit {
    A,
    W,
}

/// One period of a schedule. `limit` is a decimal with one digit after the point
/// (`multipleOf 0.1`); it is written rounded to that, so float noise never breaks the schema.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChargingSchedulePeriod {
    /// Seconds from the start of the schedule.
    pub start_period: u32,
    #[serde(serialize_with = "tenths::serialize")]
    pub limit: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_phases: Option<u32>,
}

/// A list of limits over time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChargingSchedule {
    /// Seconds; absent means the last period lasts until the profile ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_schedule: Option<Timestamp>,
    pub charging_rate_unit: ChargingRateUnit,
    pub charging_schedule_period: Vec<ChargingSchedulePeriod>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "tenths::serialize_option"
    )]
    pub min_charging_rate: Option<f64>,
}

/// A charging profile, as SetChargingProfile and RemoteStartTransaction carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChargingProfile {
    pub charging_profile_id: i32,
    /// Only for `TxProfile`s; `i32` like every transaction id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<i32>,
    pub stack_level: u32,
    pub charging_profile_purpose: ChargingProfilePurpose,
    pub charging_profile_kind: ChargingProfileKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurrency_kind: Option<RecurrencyKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<Timestamp>,
    pub charging_schedule: ChargingSchedule,
}

/// Decimals the schemas constrain to `multipleOf: 0.1`: written rounded to one decimal.
mod tenths {
    use serde::Serializer;

    fn round(value: f64) -> f64 {
        (value * 10.0).round() / 10.0
    }

    pub fn serialize<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(round(*value))
    }

    pub fn serialize_option<S: Serializer>(
        value: &Option<f64>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => serializer.serialize_some(&round(*value)),
            None => serializer.serialize_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rpc::decode;

    #[test]
    fn unit_names_match_as_str() {
        for (unit, name) in UnitOfMeasure::ALL.into_iter().zip(UnitOfMeasure::NAMES) {
            assert_eq!(unit.as_str(), name);
            assert_eq!(UnitOfMeasure::parse(name), Some(unit));
            assert_eq!(serde_json::to_string(&unit).unwrap(), format!("\"{name}\""));
        }
    }

    #[test]
    fn celcius_is_read_as_celsius_and_noted() {
        let d = decode::<SampledValue>(r#"{"value":"21.5","unit":"Celcius"}"#).unwrap();
        assert_eq!(d.value.unit, Some(UnitOfMeasure::Celsius));
        assert_eq!(d.quirks, vec![Quirk::MisspelledUnit]);
        let json = serde_json::to_string(&d.value).unwrap();
        assert_eq!(json, r#"{"value":"21.5","unit":"Celsius"}"#);

        let d = decode::<SampledValue>(r#"{"value":"21.5","unit":"Celsius"}"#).unwrap();
        assert_eq!(d.value.unit, Some(UnitOfMeasure::Celsius));
        assert!(d.quirks.is_empty());
    }

    #[test]
    fn unknown_unit_is_a_bad_value_and_not_echoed() {
        let err = decode::<SampledValue>(r#"{"value":"1","unit":"EVIL"}"#).unwrap_err();
        assert_eq!(err.kind, crate::rpc::PayloadErrorKind::BadValue);
        assert!(!err.message.contains("EVIL"), "{}", err.message);
        // Case matters, as in every enum.
        assert!(decode::<SampledValue>(r#"{"value":"1","unit":"kwh"}"#).is_err());
    }

    #[test]
    fn limits_are_written_in_tenths() {
        let period = ChargingSchedulePeriod {
            start_period: 0,
            limit: 0.1 + 0.2,
            number_phases: None,
        };
        let json = serde_json::to_string(&period).unwrap();
        assert_eq!(json, r#"{"startPeriod":0,"limit":0.3}"#);
        let schedule = ChargingSchedule {
            duration: None,
            start_schedule: None,
            charging_rate_unit: ChargingRateUnit::W,
            charging_schedule_period: vec![],
            min_charging_rate: Some(11.04),
        };
        let json = serde_json::to_string(&schedule).unwrap();
        assert!(json.ends_with(r#""minChargingRate":11.0}"#), "{json}");
    }

    #[test]
    fn integer_limits_are_read() {
        let d = decode::<ChargingSchedulePeriod>(r#"{"startPeriod":0,"limit":16}"#).unwrap();
        assert_eq!(d.value.limit, 16.0);
    }
}
