//! Samples of the `transactions` module's types.

use super::*;

impl Sample for GetTransactionStatusRequest {
    fn full() -> Self {
        GetTransactionStatusRequest {
            transaction_id: Some(fill("TransactionId")),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetTransactionStatusRequest {
            transaction_id: None,
            custom_data: None,
        }
    }
}

impl Sample for GetTransactionStatusResponse {
    fn full() -> Self {
        GetTransactionStatusResponse {
            ongoing_indicator: Some(true),
            messages_in_queue: true,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetTransactionStatusResponse {
            ongoing_indicator: None,
            messages_in_queue: false,
            custom_data: None,
        }
    }
}

impl Sample for TransactionEventRequest {
    fn full() -> Self {
        TransactionEventRequest {
            cost_details: Some(CostDetails::full()),
            event_type: TransactionEvent::Updated,
            meter_value: vec![MeterValue::full()],
            timestamp: at(60),
            trigger_reason: TriggerReason::UnlockCommand,
            seq_no: 3,
            offline: Some(true),
            number_of_phases_used: Some(phases(3)),
            cable_max_current: Some(3),
            reservation_id: Some(3),
            preconditioning_status: Some(PreconditioningStatus::Preconditioning),
            evse_sleep: Some(true),
            transaction_info: Transaction::full(),
            evse: Some(Evse::full()),
            id_token: Some(IdToken::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        TransactionEventRequest {
            cost_details: None,
            event_type: TransactionEvent::Ended,
            meter_value: Vec::new(),
            timestamp: at(0),
            trigger_reason: TriggerReason::AbnormalCondition,
            seq_no: 1,
            offline: None,
            number_of_phases_used: None,
            cable_max_current: None,
            reservation_id: None,
            preconditioning_status: None,
            evse_sleep: None,
            transaction_info: Transaction::minimal(),
            evse: None,
            id_token: None,
            custom_data: None,
        }
    }
}

impl Sample for CostDetails {
    fn full() -> Self {
        CostDetails {
            charging_periods: vec![ChargingPeriod::full()],
            total_cost: TotalCost::full(),
            total_usage: TotalUsage::full(),
            failure_to_calculate: Some(true),
            failure_reason: Some(fill("FailureReason")),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        CostDetails {
            charging_periods: Vec::new(),
            total_cost: TotalCost::minimal(),
            total_usage: TotalUsage::minimal(),
            failure_to_calculate: None,
            failure_reason: None,
            custom_data: None,
        }
    }
}

impl Sample for ChargingPeriod {
    fn full() -> Self {
        ChargingPeriod {
            dimensions: vec![CostDimension::full()],
            tariff_id: Some(fill("TariffId")),
            start_period: at(60),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ChargingPeriod {
            dimensions: Vec::new(),
            tariff_id: None,
            start_period: at(0),
            custom_data: None,
        }
    }
}

impl Sample for CostDimension {
    fn full() -> Self {
        CostDimension {
            kind: CostDimensionKind::ChargingTime,
            volume: 11.5,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        CostDimension {
            kind: CostDimensionKind::Energy,
            volume: 1.0,
            custom_data: None,
        }
    }
}

impl Sample for TotalCost {
    fn full() -> Self {
        TotalCost {
            currency: fill("Currency"),
            type_of_cost: TariffCost::MaxCost,
            fixed: Some(Price::full()),
            energy: Some(Price::full()),
            charging_time: Some(Price::full()),
            idle_time: Some(Price::full()),
            reservation_time: Some(Price::full()),
            reservation_fixed: Some(Price::full()),
            total: TotalPrice::full(),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        TotalCost {
            currency: text("Currency"),
            type_of_cost: TariffCost::NormalCost,
            fixed: None,
            energy: None,
            charging_time: None,
            idle_time: None,
            reservation_time: None,
            reservation_fixed: None,
            total: TotalPrice::minimal(),
            custom_data: None,
        }
    }
}

impl Sample for TotalPrice {
    fn full() -> Self {
        TotalPrice {
            excl_tax: Some(11.5),
            incl_tax: Some(11.5),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        TotalPrice {
            excl_tax: Some(1.0),
            incl_tax: None,
            custom_data: None,
        }
    }
}

impl Sample for TotalUsage {
    fn full() -> Self {
        TotalUsage {
            energy: 11.5,
            charging_time: 3,
            idle_time: 3,
            reservation_time: Some(3),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        TotalUsage {
            energy: 1.0,
            charging_time: 1,
            idle_time: 1,
            reservation_time: None,
            custom_data: None,
        }
    }
}

impl Sample for Transaction {
    fn full() -> Self {
        Transaction {
            transaction_id: fill("TransactionId"),
            charging_state: Some(ChargingState::Idle),
            time_spent_charging: Some(3),
            stopped_reason: Some(Reason::ReqEnergyTransferRejected),
            remote_start_id: Some(3),
            operation_mode: Some(OperationMode::LocalLoadBalancing),
            tariff_id: Some(fill("TariffId")),
            transaction_limit: Some(TransactionLimit::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        Transaction {
            transaction_id: text("TransactionId"),
            charging_state: None,
            time_spent_charging: None,
            stopped_reason: None,
            remote_start_id: None,
            operation_mode: None,
            tariff_id: None,
            transaction_limit: None,
            custom_data: None,
        }
    }
}

impl Sample for TransactionLimit {
    fn full() -> Self {
        TransactionLimit {
            max_cost: Some(11.5),
            max_energy: Some(11.5),
            max_time: Some(3),
            max_soc: Some(percent(80)),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        TransactionLimit {
            max_cost: Some(1.0),
            max_energy: None,
            max_time: None,
            max_soc: None,
            custom_data: None,
        }
    }
}

impl Sample for TransactionEventResponse {
    fn full() -> Self {
        TransactionEventResponse {
            total_cost: Some(11.5),
            charging_priority: Some(3),
            id_token_info: Some(IdTokenInfo::full()),
            transaction_limit: Some(TransactionLimit::full()),
            updated_personal_message: Some(MessageContent::full()),
            updated_personal_message_extra: vec![MessageContent::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        TransactionEventResponse {
            total_cost: None,
            charging_priority: None,
            id_token_info: None,
            transaction_limit: None,
            updated_personal_message: None,
            updated_personal_message_extra: Vec::new(),
            custom_data: None,
        }
    }
}
