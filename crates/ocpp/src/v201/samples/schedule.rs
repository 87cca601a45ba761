//! Samples of the `schedule` module's types.

use super::*;

impl Sample for ChargingSchedule {
    fn full() -> Self {
        ChargingSchedule {
            id: 3,
            start_schedule: Some(at(60)),
            duration: Some(3),
            charging_rate_unit: ChargingRateUnit::A,
            charging_schedule_period: vec![ChargingSchedulePeriod::full()],
            min_charging_rate: Some(16.5),
            sales_tariff: Some(SalesTariff::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ChargingSchedule {
            id: 1,
            start_schedule: None,
            duration: None,
            charging_rate_unit: ChargingRateUnit::W,
            charging_schedule_period: vec![ChargingSchedulePeriod::minimal()],
            min_charging_rate: None,
            sales_tariff: None,
            custom_data: None,
        }
    }
}

impl Sample for ChargingSchedulePeriod {
    fn full() -> Self {
        ChargingSchedulePeriod {
            start_period: 3,
            limit: 16.5,
            number_phases: Some(3),
            phase_to_use: Some(3),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ChargingSchedulePeriod {
            start_period: 1,
            limit: 11.0,
            number_phases: None,
            phase_to_use: None,
            custom_data: None,
        }
    }
}

impl Sample for SalesTariff {
    fn full() -> Self {
        SalesTariff {
            id: 3,
            sales_tariff_description: Some(fill("SalesTariffDescription")),
            num_e_price_levels: Some(3),
            sales_tariff_entry: vec![SalesTariffEntry::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SalesTariff {
            id: 1,
            sales_tariff_description: None,
            num_e_price_levels: None,
            sales_tariff_entry: vec![SalesTariffEntry::minimal()],
            custom_data: None,
        }
    }
}

impl Sample for SalesTariffEntry {
    fn full() -> Self {
        SalesTariffEntry {
            relative_time_interval: RelativeTimeInterval::full(),
            e_price_level: Some(3),
            consumption_cost: vec![ConsumptionCost::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SalesTariffEntry {
            relative_time_interval: RelativeTimeInterval::minimal(),
            e_price_level: None,
            consumption_cost: Vec::new(),
            custom_data: None,
        }
    }
}

impl Sample for RelativeTimeInterval {
    fn full() -> Self {
        RelativeTimeInterval {
            start: 3,
            duration: Some(3),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        RelativeTimeInterval {
            start: 1,
            duration: None,
            custom_data: None,
        }
    }
}

impl Sample for ConsumptionCost {
    fn full() -> Self {
        ConsumptionCost {
            start_value: 16.5,
            cost: vec![Cost::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ConsumptionCost {
            start_value: 11.0,
            cost: vec![Cost::minimal()],
            custom_data: None,
        }
    }
}

impl Sample for Cost {
    fn full() -> Self {
        Cost {
            cost_kind: CostKind::RenewableGenerationPercentage,
            amount: 3,
            amount_multiplier: Some(3),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        Cost {
            cost_kind: CostKind::CarbonDioxideEmission,
            amount: 1,
            amount_multiplier: None,
            custom_data: None,
        }
    }
}

impl Sample for ChargingProfile {
    fn full() -> Self {
        ChargingProfile {
            id: 3,
            stack_level: 3,
            charging_profile_purpose: ChargingProfilePurpose::TxProfile,
            charging_profile_kind: ChargingProfileKind::Relative,
            recurrency_kind: Some(RecurrencyKind::Weekly),
            valid_from: Some(at(60)),
            valid_to: Some(at(60)),
            charging_schedule: vec![ChargingSchedule::full()],
            transaction_id: Some(fill("TransactionId")),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ChargingProfile {
            id: 1,
            stack_level: 1,
            charging_profile_purpose: ChargingProfilePurpose::ChargingStationExternalConstraints,
            charging_profile_kind: ChargingProfileKind::Absolute,
            recurrency_kind: None,
            valid_from: None,
            valid_to: None,
            charging_schedule: vec![ChargingSchedule::minimal()],
            transaction_id: None,
            custom_data: None,
        }
    }
}
