//! Samples of the `tariff_cost` module's types.

use super::*;

impl Sample for ChangeTransactionTariffRequest {
    fn full() -> Self {
        ChangeTransactionTariffRequest {
            tariff: Tariff::full(),
            transaction_id: fill("TransactionId"),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ChangeTransactionTariffRequest {
            tariff: Tariff::minimal(),
            transaction_id: text("TransactionId"),
            custom_data: None,
        }
    }
}

impl Sample for ChangeTransactionTariffResponse {
    fn full() -> Self {
        ChangeTransactionTariffResponse {
            status: TariffChangeStatus::NoCurrencyChange,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ChangeTransactionTariffResponse {
            status: TariffChangeStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for ClearTariffsRequest {
    fn full() -> Self {
        ClearTariffsRequest {
            tariff_ids: vec![fill("TariffIds")],
            evse_id: Some(3),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ClearTariffsRequest {
            tariff_ids: Vec::new(),
            evse_id: None,
            custom_data: None,
        }
    }
}

impl Sample for ClearTariffsResponse {
    fn full() -> Self {
        ClearTariffsResponse {
            clear_tariffs_result: vec![ClearTariffsResult::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ClearTariffsResponse {
            clear_tariffs_result: vec![ClearTariffsResult::minimal()],
            custom_data: None,
        }
    }
}

impl Sample for ClearTariffsResult {
    fn full() -> Self {
        ClearTariffsResult {
            status_info: Some(StatusInfo::full()),
            tariff_id: Some(fill("TariffId")),
            status: TariffClearStatus::NoTariff,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ClearTariffsResult {
            status_info: None,
            tariff_id: None,
            status: TariffClearStatus::Accepted,
            custom_data: None,
        }
    }
}

impl Sample for CostUpdatedRequest {
    fn full() -> Self {
        CostUpdatedRequest {
            total_cost: 11.5,
            transaction_id: fill("TransactionId"),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        CostUpdatedRequest {
            total_cost: 1.0,
            transaction_id: text("TransactionId"),
            custom_data: None,
        }
    }
}

impl Sample for CostUpdatedResponse {
    fn full() -> Self {
        CostUpdatedResponse {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        CostUpdatedResponse { custom_data: None }
    }
}

impl Sample for GetTariffsRequest {
    fn full() -> Self {
        GetTariffsRequest {
            evse_id: 3,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetTariffsRequest {
            evse_id: 1,
            custom_data: None,
        }
    }
}

impl Sample for GetTariffsResponse {
    fn full() -> Self {
        GetTariffsResponse {
            status: TariffGetStatus::NoTariff,
            status_info: Some(StatusInfo::full()),
            tariff_assignments: vec![TariffAssignment::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetTariffsResponse {
            status: TariffGetStatus::Accepted,
            status_info: None,
            tariff_assignments: Vec::new(),
            custom_data: None,
        }
    }
}

impl Sample for TariffAssignment {
    fn full() -> Self {
        TariffAssignment {
            tariff_id: fill("TariffId"),
            tariff_kind: TariffKind::DriverTariff,
            valid_from: Some(at(60)),
            evse_ids: vec![3],
            id_tokens: vec![fill("IdTokens")],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        TariffAssignment {
            tariff_id: text("TariffId"),
            tariff_kind: TariffKind::DefaultTariff,
            valid_from: None,
            evse_ids: Vec::new(),
            id_tokens: Vec::new(),
            custom_data: None,
        }
    }
}

impl Sample for SetDefaultTariffRequest {
    fn full() -> Self {
        SetDefaultTariffRequest {
            evse_id: 3,
            tariff: Tariff::full(),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SetDefaultTariffRequest {
            evse_id: 1,
            tariff: Tariff::minimal(),
            custom_data: None,
        }
    }
}

impl Sample for SetDefaultTariffResponse {
    fn full() -> Self {
        SetDefaultTariffResponse {
            status: TariffSetStatus::DuplicateTariffId,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SetDefaultTariffResponse {
            status: TariffSetStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}
