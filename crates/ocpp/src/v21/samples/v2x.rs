//! Samples of the `v2x` module's types.

use super::*;

impl Sample for AFRRSignalRequest {
    fn full() -> Self {
        AFRRSignalRequest {
            timestamp: at(60),
            signal: 3,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        AFRRSignalRequest {
            timestamp: at(0),
            signal: 1,
            custom_data: None,
        }
    }
}

impl Sample for AFRRSignalResponse {
    fn full() -> Self {
        AFRRSignalResponse {
            status: GenericStatus::Rejected,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        AFRRSignalResponse {
            status: GenericStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for NotifyAllowedEnergyTransferRequest {
    fn full() -> Self {
        NotifyAllowedEnergyTransferRequest {
            transaction_id: fill("TransactionId"),
            allowed_energy_transfer: vec![EnergyTransferMode::Wpt],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyAllowedEnergyTransferRequest {
            transaction_id: text("TransactionId"),
            allowed_energy_transfer: vec![EnergyTransferMode::AcSinglePhase],
            custom_data: None,
        }
    }
}

impl Sample for NotifyAllowedEnergyTransferResponse {
    fn full() -> Self {
        NotifyAllowedEnergyTransferResponse {
            status: NotifyAllowedEnergyTransferStatus::Rejected,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyAllowedEnergyTransferResponse {
            status: NotifyAllowedEnergyTransferStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}
