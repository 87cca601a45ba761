//! Samples of the `metering` module's types.

use super::*;

impl Sample for SampledValue {
    fn full() -> Self {
        SampledValue {
            value: 16.5,
            context: Some(ReadingContext::Trigger),
            measurand: Some(Measurand::Voltage),
            phase: Some(Phase::L3L1),
            location: Some(Location::Outlet),
            signed_meter_value: Some(SignedMeterValue::full()),
            unit_of_measure: Some(UnitOfMeasure::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SampledValue {
            value: 11.0,
            context: None,
            measurand: None,
            phase: None,
            location: None,
            signed_meter_value: None,
            unit_of_measure: None,
            custom_data: None,
        }
    }
}

impl Sample for SignedMeterValue {
    fn full() -> Self {
        SignedMeterValue {
            signed_meter_data: fill("SignedMeterData"),
            signing_method: fill("SigningMethod"),
            encoding_method: fill("EncodingMethod"),
            public_key: fill("PublicKey"),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SignedMeterValue {
            signed_meter_data: text("SignedMeterData"),
            signing_method: text("SigningMethod"),
            encoding_method: text("EncodingMethod"),
            public_key: text("PublicKey"),
            custom_data: None,
        }
    }
}

impl Sample for UnitOfMeasure {
    fn full() -> Self {
        UnitOfMeasure {
            unit: Some(fill("Unit")),
            multiplier: Some(3),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        UnitOfMeasure {
            unit: Some(text("Unit")),
            multiplier: None,
            custom_data: None,
        }
    }
}

impl Sample for MeterValue {
    fn full() -> Self {
        MeterValue {
            sampled_value: vec![SampledValue::full()],
            timestamp: at(60),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        MeterValue {
            sampled_value: vec![SampledValue::minimal()],
            timestamp: at(0),
            custom_data: None,
        }
    }
}
