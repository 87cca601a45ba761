//! Samples of the `meter_values` module's types.

use super::*;

impl Sample for MeterValuesRequest {
    fn full() -> Self {
        MeterValuesRequest {
            evse_id: 3,
            meter_value: vec![MeterValue::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        MeterValuesRequest {
            evse_id: 1,
            meter_value: vec![MeterValue::minimal()],
            custom_data: None,
        }
    }
}

impl Sample for MeterValuesResponse {
    fn full() -> Self {
        MeterValuesResponse {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        MeterValuesResponse { custom_data: None }
    }
}
