//! Samples of the `schedule` module's types.

use super::*;

impl Sample for ChargingProfile {
    fn full() -> Self {
        ChargingProfile {
            id: 3,
            stack_level: 3,
            charging_profile_purpose: ChargingProfilePurpose::LocalGeneration,
            charging_profile_kind: ChargingProfileKind::Dynamic,
            recurrency_kind: Some(RecurrencyKind::Weekly),
            valid_from: Some(at(60)),
            valid_to: Some(at(60)),
            transaction_id: Some(fill("TransactionId")),
            max_offline_duration: Some(3),
            charging_schedule: vec![ChargingSchedule::full()],
            invalid_after_offline_duration: Some(true),
            dyn_update_interval: Some(3),
            dyn_update_time: Some(at(60)),
            price_schedule_signature: Some(fill("PriceScheduleSignature")),
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
            transaction_id: None,
            max_offline_duration: None,
            charging_schedule: vec![ChargingSchedule::minimal()],
            invalid_after_offline_duration: None,
            dyn_update_interval: None,
            dyn_update_time: None,
            price_schedule_signature: None,
            custom_data: None,
        }
    }
}

impl Sample for ChargingSchedule {
    fn full() -> Self {
        ChargingSchedule {
            id: 3,
            limit_at_soc: Some(LimitAtSoc::full()),
            start_schedule: Some(at(60)),
            duration: Some(3),
            charging_rate_unit: ChargingRateUnit::A,
            min_charging_rate: Some(11.5),
            power_tolerance: Some(11.5),
            signature_id: Some(3),
            digest_value: Some(fill("DigestValue")),
            use_local_time: Some(true),
            charging_schedule_period: vec![ChargingSchedulePeriod::full()],
            randomized_delay: Some(3),
            sales_tariff: Some(SalesTariff::full()),
            absolute_price_schedule: Some(AbsolutePriceSchedule::full()),
            price_level_schedule: Some(PriceLevelSchedule::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ChargingSchedule {
            id: 1,
            limit_at_soc: None,
            start_schedule: None,
            duration: None,
            charging_rate_unit: ChargingRateUnit::W,
            min_charging_rate: None,
            power_tolerance: None,
            signature_id: None,
            digest_value: None,
            use_local_time: None,
            charging_schedule_period: vec![ChargingSchedulePeriod::minimal()],
            randomized_delay: None,
            sales_tariff: None,
            absolute_price_schedule: None,
            price_level_schedule: None,
            custom_data: None,
        }
    }
}

impl Sample for LimitAtSoc {
    fn full() -> Self {
        LimitAtSoc {
            soc: percent(80),
            limit: 11.5,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        LimitAtSoc {
            soc: percent(50),
            limit: 1.0,
            custom_data: None,
        }
    }
}

impl Sample for ChargingSchedulePeriod {
    fn full() -> Self {
        ChargingSchedulePeriod {
            start_period: 3,
            limit: Some(11.5),
            limit_l2: Some(11.5),
            limit_l3: Some(11.5),
            number_phases: Some(phases(3)),
            phase_to_use: Some(phases(3)),
            discharge_limit: Some(-11.5),
            discharge_limit_l2: Some(-11.5),
            discharge_limit_l3: Some(-11.5),
            setpoint: Some(11.5),
            setpoint_l2: Some(11.5),
            setpoint_l3: Some(11.5),
            setpoint_reactive: Some(11.5),
            setpoint_reactive_l2: Some(11.5),
            setpoint_reactive_l3: Some(11.5),
            preconditioning_request: Some(true),
            evse_sleep: Some(true),
            v2x_baseline: Some(11.5),
            operation_mode: Some(OperationMode::LocalLoadBalancing),
            v2x_freq_watt_curve: vec![V2xFreqWattPoint::full()],
            v2x_signal_watt_curve: vec![V2xSignalWattPoint::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ChargingSchedulePeriod {
            start_period: 1,
            limit: None,
            limit_l2: None,
            limit_l3: None,
            number_phases: None,
            phase_to_use: None,
            discharge_limit: None,
            discharge_limit_l2: None,
            discharge_limit_l3: None,
            setpoint: None,
            setpoint_l2: None,
            setpoint_l3: None,
            setpoint_reactive: None,
            setpoint_reactive_l2: None,
            setpoint_reactive_l3: None,
            preconditioning_request: None,
            evse_sleep: None,
            v2x_baseline: None,
            operation_mode: None,
            v2x_freq_watt_curve: Vec::new(),
            v2x_signal_watt_curve: Vec::new(),
            custom_data: None,
        }
    }
}

impl Sample for V2xFreqWattPoint {
    fn full() -> Self {
        V2xFreqWattPoint {
            frequency: 11.5,
            power: 11.5,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        V2xFreqWattPoint {
            frequency: 1.0,
            power: 1.0,
            custom_data: None,
        }
    }
}

impl Sample for V2xSignalWattPoint {
    fn full() -> Self {
        V2xSignalWattPoint {
            signal: 3,
            power: 11.5,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        V2xSignalWattPoint {
            signal: 1,
            power: 1.0,
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
        <SalesTariffEntry as v201::samples::Sample>::full()
    }
    fn minimal() -> Self {
        <SalesTariffEntry as v201::samples::Sample>::minimal()
    }
}

impl Sample for RelativeTimeInterval {
    fn full() -> Self {
        <RelativeTimeInterval as v201::samples::Sample>::full()
    }
    fn minimal() -> Self {
        <RelativeTimeInterval as v201::samples::Sample>::minimal()
    }
}

impl Sample for ConsumptionCost {
    fn full() -> Self {
        <ConsumptionCost as v201::samples::Sample>::full()
    }
    fn minimal() -> Self {
        <ConsumptionCost as v201::samples::Sample>::minimal()
    }
}

impl Sample for Cost {
    fn full() -> Self {
        <Cost as v201::samples::Sample>::full()
    }
    fn minimal() -> Self {
        <Cost as v201::samples::Sample>::minimal()
    }
}

impl Sample for RationalNumber {
    fn full() -> Self {
        RationalNumber {
            exponent: 3,
            value: 3,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        RationalNumber {
            exponent: 1,
            value: 1,
            custom_data: None,
        }
    }
}

impl Sample for AdditionalSelectedServices {
    fn full() -> Self {
        AdditionalSelectedServices {
            service_fee: RationalNumber::full(),
            service_name: fill("ServiceName"),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        AdditionalSelectedServices {
            service_fee: RationalNumber::minimal(),
            service_name: text("ServiceName"),
            custom_data: None,
        }
    }
}
