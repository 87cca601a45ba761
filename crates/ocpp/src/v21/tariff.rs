//! Tariffs (new in 2.1), shared by authorization, tariff and cost, transactions, remote control
//! and smart charging.

use serde::{Deserialize, Serialize};

use super::schedule::{AdditionalSelectedServices, RationalNumber};
use super::types::{CustomData, DayOfWeek, EvseKind, MessageContent, Percent};
use crate::{CiString, Timestamp};

/// A tariff (new in 2.1): its prices for energy, charging time, idle time and fixed fees, each with
/// the conditions under which it applies (`TariffType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tariff {
    pub tariff_id: CiString<60>,
    /// 1 to 10 items in the schema; not enforced when read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub description: Vec<MessageContent>,
    pub currency: CiString<3>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub energy: Option<TariffEnergy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charging_time: Option<TariffTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idle_time: Option<TariffTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed_fee: Option<TariffFixed>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reservation_time: Option<TariffTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reservation_fixed: Option<TariffFixed>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_cost: Option<Price>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_cost: Option<Price>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `TariffEnergyType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TariffEnergy {
    pub prices: Vec<TariffEnergyPrice>,
    /// 1 to 5 items in the schema; not enforced when read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tax_rates: Vec<TaxRate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `TariffEnergyPriceType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TariffEnergyPrice {
    pub price_kwh: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions: Option<TariffConditions>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// When a tariff price applies: time of day, days of week, dates, energy, power, current and
/// durations (`TariffConditionsType`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TariffConditions {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time_of_day: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time_of_day: Option<String>,
    /// 1 to 7 items in the schema; not enforced when read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub day_of_week: Vec<DayOfWeek>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse_kind: Option<EvseKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_energy: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_energy: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_current: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_current: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_power: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_power: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_time: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_time: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_charging_time: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_charging_time: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_idle_time: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_idle_time: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// A tax on a tariff price: its type, its rate in percent, and in which order it stacks with other
/// taxes (`TaxRateType`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TaxRate {
    #[serde(rename = "type")]
    pub kind: CiString<20>,
    pub tax: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stack: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `TariffTimeType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TariffTime {
    pub prices: Vec<TariffTimePrice>,
    /// 1 to 5 items in the schema; not enforced when read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tax_rates: Vec<TaxRate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `TariffTimePriceType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TariffTimePrice {
    pub price_minute: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions: Option<TariffConditions>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `TariffFixedType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TariffFixed {
    pub prices: Vec<TariffFixedPrice>,
    /// 1 to 5 items in the schema; not enforced when read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tax_rates: Vec<TaxRate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `TariffFixedPriceType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TariffFixedPrice {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions: Option<TariffConditionsFixed>,
    pub price_fixed: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// When a fixed tariff fee applies: time of day, days of week, dates, EVSE kind and means of
/// payment (`TariffConditionsFixedType`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TariffConditionsFixed {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time_of_day: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time_of_day: Option<String>,
    /// 1 to 7 items in the schema; not enforced when read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub day_of_week: Vec<DayOfWeek>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evse_kind: Option<EvseKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_brand: Option<CiString<20>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_recognition: Option<CiString<20>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `PriceType` in the schemas.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Price {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excl_tax: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incl_tax: Option<f64>,
    /// 1 to 5 items in the schema; not enforced when read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tax_rates: Vec<TaxRate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `AbsolutePriceScheduleType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AbsolutePriceSchedule {
    pub time_anchor: Timestamp,
    #[serde(rename = "priceScheduleID")]
    pub price_schedule_id: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_schedule_description: Option<CiString<160>>,
    pub currency: CiString<3>,
    pub language: CiString<8>,
    pub price_algorithm: CiString<2000>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_cost: Option<RationalNumber>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum_cost: Option<RationalNumber>,
    /// 1 to 1024 items in the schema; not enforced when read.
    pub price_rule_stacks: Vec<PriceRuleStack>,
    /// 1 to 10 items in the schema; not enforced when read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tax_rules: Vec<TaxRule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overstay_rule_list: Option<OverstayRuleList>,
    /// 1 to 5 items in the schema; not enforced when read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub additional_selected_services: Vec<AdditionalSelectedServices>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `PriceRuleStackType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PriceRuleStack {
    pub duration: u32,
    /// 1 to 8 items in the schema; not enforced when read.
    pub price_rule: Vec<PriceRule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `PriceRuleType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PriceRule {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parking_fee_period: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carbon_dioxide_emission: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewable_generation_percentage: Option<Percent>,
    pub energy_fee: RationalNumber,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parking_fee: Option<RationalNumber>,
    pub power_range_start: RationalNumber,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `TaxRuleType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TaxRule {
    #[serde(rename = "taxRuleID")]
    pub tax_rule_id: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_rule_name: Option<CiString<100>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_included_in_price: Option<bool>,
    pub applies_to_energy_fee: bool,
    pub applies_to_parking_fee: bool,
    pub applies_to_overstay_fee: bool,
    pub applies_to_minimum_maximum_cost: bool,
    pub tax_rate: RationalNumber,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `OverstayRuleListType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OverstayRuleList {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overstay_power_threshold: Option<RationalNumber>,
    /// 1 to 5 items in the schema; not enforced when read.
    pub overstay_rule: Vec<OverstayRule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overstay_time_threshold: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `OverstayRuleType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OverstayRule {
    pub overstay_fee: RationalNumber,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overstay_rule_description: Option<CiString<32>>,
    pub start_time: i32,
    pub overstay_fee_period: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `PriceLevelScheduleType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PriceLevelSchedule {
    /// 1 to 100 items in the schema; not enforced when read.
    pub price_level_schedule_entries: Vec<PriceLevelScheduleEntry>,
    pub time_anchor: Timestamp,
    pub price_schedule_id: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_schedule_description: Option<CiString<32>>,
    pub number_of_price_levels: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}

/// `PriceLevelScheduleEntryType` in the schemas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PriceLevelScheduleEntry {
    pub duration: u32,
    pub price_level: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<CustomData>,
}
