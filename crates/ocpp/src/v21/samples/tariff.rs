//! Samples of the `tariff` module's types.

use super::*;

impl Sample for Tariff {
    fn full() -> Self {
        Tariff {
            tariff_id: fill("TariffId"),
            description: vec![MessageContent::full()],
            currency: fill("Currency"),
            energy: Some(TariffEnergy::full()),
            valid_from: Some(at(60)),
            charging_time: Some(TariffTime::full()),
            idle_time: Some(TariffTime::full()),
            fixed_fee: Some(TariffFixed::full()),
            reservation_time: Some(TariffTime::full()),
            reservation_fixed: Some(TariffFixed::full()),
            min_cost: Some(Price::full()),
            max_cost: Some(Price::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        Tariff {
            tariff_id: text("TariffId"),
            description: Vec::new(),
            currency: text("Currency"),
            energy: None,
            valid_from: None,
            charging_time: None,
            idle_time: None,
            fixed_fee: None,
            reservation_time: None,
            reservation_fixed: None,
            min_cost: None,
            max_cost: None,
            custom_data: None,
        }
    }
}

impl Sample for TariffEnergy {
    fn full() -> Self {
        TariffEnergy {
            prices: vec![TariffEnergyPrice::full()],
            tax_rates: vec![TaxRate::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        TariffEnergy {
            prices: vec![TariffEnergyPrice::minimal()],
            tax_rates: Vec::new(),
            custom_data: None,
        }
    }
}

impl Sample for TariffEnergyPrice {
    fn full() -> Self {
        TariffEnergyPrice {
            price_kwh: 11.5,
            conditions: Some(TariffConditions::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        TariffEnergyPrice {
            price_kwh: 1.0,
            conditions: None,
            custom_data: None,
        }
    }
}

impl Sample for TariffConditions {
    fn full() -> Self {
        TariffConditions {
            start_time_of_day: Some("08:00".into()),
            end_time_of_day: Some("18:00".into()),
            day_of_week: vec![DayOfWeek::Sunday],
            valid_from_date: Some("2026-01-01".into()),
            valid_to_date: Some("2026-12-31".into()),
            evse_kind: Some(EvseKind::Dc),
            min_energy: Some(11.5),
            max_energy: Some(11.5),
            min_current: Some(11.5),
            max_current: Some(11.5),
            min_power: Some(11.5),
            max_power: Some(11.5),
            min_time: Some(3),
            max_time: Some(3),
            min_charging_time: Some(3),
            max_charging_time: Some(3),
            min_idle_time: Some(3),
            max_idle_time: Some(3),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        TariffConditions {
            start_time_of_day: Some("08:00".into()),
            end_time_of_day: None,
            day_of_week: Vec::new(),
            valid_from_date: None,
            valid_to_date: None,
            evse_kind: None,
            min_energy: None,
            max_energy: None,
            min_current: None,
            max_current: None,
            min_power: None,
            max_power: None,
            min_time: None,
            max_time: None,
            min_charging_time: None,
            max_charging_time: None,
            min_idle_time: None,
            max_idle_time: None,
            custom_data: None,
        }
    }
}

impl Sample for TaxRate {
    fn full() -> Self {
        TaxRate {
            kind: fill("Type"),
            tax: 11.5,
            stack: Some(3),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        TaxRate {
            kind: text("Type"),
            tax: 1.0,
            stack: None,
            custom_data: None,
        }
    }
}

impl Sample for TariffTime {
    fn full() -> Self {
        TariffTime {
            prices: vec![TariffTimePrice::full()],
            tax_rates: vec![TaxRate::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        TariffTime {
            prices: vec![TariffTimePrice::minimal()],
            tax_rates: Vec::new(),
            custom_data: None,
        }
    }
}

impl Sample for TariffTimePrice {
    fn full() -> Self {
        TariffTimePrice {
            price_minute: 11.5,
            conditions: Some(TariffConditions::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        TariffTimePrice {
            price_minute: 1.0,
            conditions: None,
            custom_data: None,
        }
    }
}

impl Sample for TariffFixed {
    fn full() -> Self {
        TariffFixed {
            prices: vec![TariffFixedPrice::full()],
            tax_rates: vec![TaxRate::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        TariffFixed {
            prices: vec![TariffFixedPrice::minimal()],
            tax_rates: Vec::new(),
            custom_data: None,
        }
    }
}

impl Sample for TariffFixedPrice {
    fn full() -> Self {
        TariffFixedPrice {
            conditions: Some(TariffConditionsFixed::full()),
            price_fixed: 11.5,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        TariffFixedPrice {
            conditions: None,
            price_fixed: 1.0,
            custom_data: None,
        }
    }
}

impl Sample for TariffConditionsFixed {
    fn full() -> Self {
        TariffConditionsFixed {
            start_time_of_day: Some("08:00".into()),
            end_time_of_day: Some("18:00".into()),
            day_of_week: vec![DayOfWeek::Sunday],
            valid_from_date: Some("2026-01-01".into()),
            valid_to_date: Some("2026-12-31".into()),
            evse_kind: Some(EvseKind::Dc),
            payment_brand: Some(fill("PaymentBrand")),
            payment_recognition: Some(fill("PaymentRecognition")),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        TariffConditionsFixed {
            start_time_of_day: Some("08:00".into()),
            end_time_of_day: None,
            day_of_week: Vec::new(),
            valid_from_date: None,
            valid_to_date: None,
            evse_kind: None,
            payment_brand: None,
            payment_recognition: None,
            custom_data: None,
        }
    }
}

impl Sample for Price {
    fn full() -> Self {
        Price {
            excl_tax: Some(11.5),
            incl_tax: Some(11.5),
            tax_rates: vec![TaxRate::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        Price {
            excl_tax: Some(1.0),
            incl_tax: None,
            tax_rates: Vec::new(),
            custom_data: None,
        }
    }
}

impl Sample for AbsolutePriceSchedule {
    fn full() -> Self {
        AbsolutePriceSchedule {
            time_anchor: at(60),
            price_schedule_id: 3,
            price_schedule_description: Some(fill("PriceScheduleDescription")),
            currency: fill("Currency"),
            language: fill("Language"),
            price_algorithm: fill("PriceAlgorithm"),
            minimum_cost: Some(RationalNumber::full()),
            maximum_cost: Some(RationalNumber::full()),
            price_rule_stacks: vec![PriceRuleStack::full()],
            tax_rules: vec![TaxRule::full()],
            overstay_rule_list: Some(OverstayRuleList::full()),
            additional_selected_services: vec![AdditionalSelectedServices::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        AbsolutePriceSchedule {
            time_anchor: at(0),
            price_schedule_id: 1,
            price_schedule_description: None,
            currency: text("Currency"),
            language: text("Language"),
            price_algorithm: text("PriceAlgorithm"),
            minimum_cost: None,
            maximum_cost: None,
            price_rule_stacks: vec![PriceRuleStack::minimal()],
            tax_rules: Vec::new(),
            overstay_rule_list: None,
            additional_selected_services: Vec::new(),
            custom_data: None,
        }
    }
}

impl Sample for PriceRuleStack {
    fn full() -> Self {
        PriceRuleStack {
            duration: 3,
            price_rule: vec![PriceRule::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        PriceRuleStack {
            duration: 1,
            price_rule: vec![PriceRule::minimal()],
            custom_data: None,
        }
    }
}

impl Sample for PriceRule {
    fn full() -> Self {
        PriceRule {
            parking_fee_period: Some(3),
            carbon_dioxide_emission: Some(3),
            renewable_generation_percentage: Some(percent(80)),
            energy_fee: RationalNumber::full(),
            parking_fee: Some(RationalNumber::full()),
            power_range_start: RationalNumber::full(),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        PriceRule {
            parking_fee_period: None,
            carbon_dioxide_emission: None,
            renewable_generation_percentage: None,
            energy_fee: RationalNumber::minimal(),
            parking_fee: None,
            power_range_start: RationalNumber::minimal(),
            custom_data: None,
        }
    }
}

impl Sample for TaxRule {
    fn full() -> Self {
        TaxRule {
            tax_rule_id: 3,
            tax_rule_name: Some(fill("TaxRuleName")),
            tax_included_in_price: Some(true),
            applies_to_energy_fee: true,
            applies_to_parking_fee: true,
            applies_to_overstay_fee: true,
            applies_to_minimum_maximum_cost: true,
            tax_rate: RationalNumber::full(),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        TaxRule {
            tax_rule_id: 1,
            tax_rule_name: None,
            tax_included_in_price: None,
            applies_to_energy_fee: false,
            applies_to_parking_fee: false,
            applies_to_overstay_fee: false,
            applies_to_minimum_maximum_cost: false,
            tax_rate: RationalNumber::minimal(),
            custom_data: None,
        }
    }
}

impl Sample for OverstayRuleList {
    fn full() -> Self {
        OverstayRuleList {
            overstay_power_threshold: Some(RationalNumber::full()),
            overstay_rule: vec![OverstayRule::full()],
            overstay_time_threshold: Some(3),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        OverstayRuleList {
            overstay_power_threshold: None,
            overstay_rule: vec![OverstayRule::minimal()],
            overstay_time_threshold: None,
            custom_data: None,
        }
    }
}

impl Sample for OverstayRule {
    fn full() -> Self {
        OverstayRule {
            overstay_fee: RationalNumber::full(),
            overstay_rule_description: Some(fill("OverstayRuleDescription")),
            start_time: 3,
            overstay_fee_period: 3,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        OverstayRule {
            overstay_fee: RationalNumber::minimal(),
            overstay_rule_description: None,
            start_time: 1,
            overstay_fee_period: 1,
            custom_data: None,
        }
    }
}

impl Sample for PriceLevelSchedule {
    fn full() -> Self {
        PriceLevelSchedule {
            price_level_schedule_entries: vec![PriceLevelScheduleEntry::full()],
            time_anchor: at(60),
            price_schedule_id: 3,
            price_schedule_description: Some(fill("PriceScheduleDescription")),
            number_of_price_levels: 3,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        PriceLevelSchedule {
            price_level_schedule_entries: vec![PriceLevelScheduleEntry::minimal()],
            time_anchor: at(0),
            price_schedule_id: 1,
            price_schedule_description: None,
            number_of_price_levels: 1,
            custom_data: None,
        }
    }
}

impl Sample for PriceLevelScheduleEntry {
    fn full() -> Self {
        PriceLevelScheduleEntry {
            duration: 3,
            price_level: 3,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        PriceLevelScheduleEntry {
            duration: 1,
            price_level: 1,
            custom_data: None,
        }
    }
}
