//! Samples of the `metering` module's types.

use super::*;

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

impl Sample for SampledValue {
    fn full() -> Self {
        SampledValue {
            value: 11.5,
            measurand: Some(Measurand::VoltageMaximum),
            context: Some(ReadingContext::Trigger),
            phase: Some(Phase::L3L1),
            location: Some(Location::Upstream),
            signed_meter_value: Some(SignedMeterValue::full()),
            unit_of_measure: Some(UnitOfMeasure::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SampledValue {
            value: 1.0,
            measurand: None,
            context: None,
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
            signing_method: Some(fill("SigningMethod")),
            encoding_method: fill("EncodingMethod"),
            public_key: Some(fill("PublicKey")),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SignedMeterValue {
            signed_meter_data: text("SignedMeterData"),
            signing_method: None,
            encoding_method: text("EncodingMethod"),
            public_key: None,
            custom_data: None,
        }
    }
}

impl Sample for UnitOfMeasure {
    fn full() -> Self {
        <UnitOfMeasure as v201::samples::Sample>::full()
    }
    fn minimal() -> Self {
        <UnitOfMeasure as v201::samples::Sample>::minimal()
    }
}
