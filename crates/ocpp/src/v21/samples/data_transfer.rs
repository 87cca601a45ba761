//! Samples of the `data_transfer` module's types.

use super::*;

impl Sample for DataTransferRequest {
    fn full() -> Self {
        DataTransferRequest {
            message_id: Some(fill("MessageId")),
            data: Some(json!({"note": "vendor specific"})),
            vendor_id: fill("VendorId"),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        DataTransferRequest {
            message_id: None,
            data: None,
            vendor_id: text("VendorId"),
            custom_data: None,
        }
    }
}

impl Sample for DataTransferResponse {
    fn full() -> Self {
        DataTransferResponse {
            status: DataTransferStatus::UnknownVendorId,
            status_info: Some(StatusInfo::full()),
            data: Some(json!({"note": "vendor specific"})),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        DataTransferResponse {
            status: DataTransferStatus::Accepted,
            status_info: None,
            data: None,
            custom_data: None,
        }
    }
}
