//! Samples of the `remote_control` module's types.

use super::*;

impl Sample for RequestStartTransactionRequest {
    fn full() -> Self {
        RequestStartTransactionRequest {
            evse_id: Some(NonZeroU32::MIN.saturating_add(2)),
            group_id_token: Some(IdToken::full()),
            id_token: IdToken::full(),
            remote_start_id: 3,
            charging_profile: Some(ChargingProfile::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        RequestStartTransactionRequest {
            evse_id: None,
            group_id_token: None,
            id_token: IdToken::minimal(),
            remote_start_id: 1,
            charging_profile: None,
            custom_data: None,
        }
    }
}

impl Sample for RequestStartTransactionResponse {
    fn full() -> Self {
        RequestStartTransactionResponse {
            status: RequestStartStopStatus::Rejected,
            status_info: Some(StatusInfo::full()),
            transaction_id: Some(fill("TransactionId")),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        RequestStartTransactionResponse {
            status: RequestStartStopStatus::Accepted,
            status_info: None,
            transaction_id: None,
            custom_data: None,
        }
    }
}

impl Sample for RequestStopTransactionRequest {
    fn full() -> Self {
        RequestStopTransactionRequest {
            transaction_id: fill("TransactionId"),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        RequestStopTransactionRequest {
            transaction_id: text("TransactionId"),
            custom_data: None,
        }
    }
}

impl Sample for RequestStopTransactionResponse {
    fn full() -> Self {
        RequestStopTransactionResponse {
            status: RequestStartStopStatus::Rejected,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        RequestStopTransactionResponse {
            status: RequestStartStopStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for TriggerMessageRequest {
    fn full() -> Self {
        TriggerMessageRequest {
            evse: Some(Evse::full()),
            requested_message: MessageTrigger::CustomTrigger,
            custom_trigger: Some(fill("CustomTrigger")),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        TriggerMessageRequest {
            evse: None,
            requested_message: MessageTrigger::BootNotification,
            custom_trigger: None,
            custom_data: None,
        }
    }
}

impl Sample for TriggerMessageResponse {
    fn full() -> Self {
        TriggerMessageResponse {
            status: TriggerMessageStatus::NotImplemented,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        TriggerMessageResponse {
            status: TriggerMessageStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for UnlockConnectorRequest {
    fn full() -> Self {
        UnlockConnectorRequest {
            evse_id: 3,
            connector_id: 3,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        UnlockConnectorRequest {
            evse_id: 1,
            connector_id: 1,
            custom_data: None,
        }
    }
}

impl Sample for UnlockConnectorResponse {
    fn full() -> Self {
        UnlockConnectorResponse {
            status: UnlockStatus::UnknownConnector,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        UnlockConnectorResponse {
            status: UnlockStatus::Unlocked,
            status_info: None,
            custom_data: None,
        }
    }
}
