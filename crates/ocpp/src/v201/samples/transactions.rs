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
            event_type: TransactionEvent::Updated,
            meter_value: vec![MeterValue::full()],
            timestamp: at(60),
            trigger_reason: TriggerReason::ResetCommand,
            seq_no: 3,
            offline: Some(true),
            number_of_phases_used: Some(3),
            cable_max_current: Some(3),
            reservation_id: Some(3),
            transaction_info: Transaction::full(),
            evse: Some(Evse::full()),
            id_token: Some(IdToken::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        TransactionEventRequest {
            event_type: TransactionEvent::Ended,
            meter_value: Vec::new(),
            timestamp: at(0),
            trigger_reason: TriggerReason::Authorized,
            seq_no: 1,
            offline: None,
            number_of_phases_used: None,
            cable_max_current: None,
            reservation_id: None,
            transaction_info: Transaction::minimal(),
            evse: None,
            id_token: None,
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
            stopped_reason: Some(Reason::Timeout),
            remote_start_id: Some(3),
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
            custom_data: None,
        }
    }
}

impl Sample for TransactionEventResponse {
    fn full() -> Self {
        TransactionEventResponse {
            total_cost: Some(16.5),
            charging_priority: Some(3),
            id_token_info: Some(IdTokenInfo::full()),
            updated_personal_message: Some(MessageContent::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        TransactionEventResponse {
            total_cost: None,
            charging_priority: None,
            id_token_info: None,
            updated_personal_message: None,
            custom_data: None,
        }
    }
}
