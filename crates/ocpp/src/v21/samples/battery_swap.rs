//! Samples of the `battery_swap` module's types.

use super::*;

impl Sample for BatterySwapRequest {
    fn full() -> Self {
        BatterySwapRequest {
            battery_data: vec![BatteryData::full()],
            event_type: BatterySwapEvent::BatteryOutTimeout,
            id_token: IdToken::full(),
            request_id: 3,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        BatterySwapRequest {
            battery_data: vec![BatteryData::minimal()],
            event_type: BatterySwapEvent::BatteryIn,
            id_token: IdToken::minimal(),
            request_id: 1,
            custom_data: None,
        }
    }
}

impl Sample for BatteryData {
    fn full() -> Self {
        BatteryData {
            evse_id: 3,
            serial_number: fill("SerialNumber"),
            soc: 11.5,
            soh: 11.5,
            production_date: Some(at(60)),
            vendor_info: Some(fill("VendorInfo")),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        BatteryData {
            evse_id: 1,
            serial_number: text("SerialNumber"),
            soc: 1.0,
            soh: 1.0,
            production_date: None,
            vendor_info: None,
            custom_data: None,
        }
    }
}

impl Sample for BatterySwapResponse {
    fn full() -> Self {
        BatterySwapResponse {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        BatterySwapResponse { custom_data: None }
    }
}

impl Sample for RequestBatterySwapRequest {
    fn full() -> Self {
        RequestBatterySwapRequest {
            id_token: IdToken::full(),
            request_id: 3,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        RequestBatterySwapRequest {
            id_token: IdToken::minimal(),
            request_id: 1,
            custom_data: None,
        }
    }
}

impl Sample for RequestBatterySwapResponse {
    fn full() -> Self {
        RequestBatterySwapResponse {
            status: GenericStatus::Rejected,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        RequestBatterySwapResponse {
            status: GenericStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}
