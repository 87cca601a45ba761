//! Samples of the `display` module's types.

use super::*;

impl Sample for ClearDisplayMessageRequest {
    fn full() -> Self {
        ClearDisplayMessageRequest {
            id: 3,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ClearDisplayMessageRequest {
            id: 1,
            custom_data: None,
        }
    }
}

impl Sample for ClearDisplayMessageResponse {
    fn full() -> Self {
        ClearDisplayMessageResponse {
            status: ClearMessageStatus::Rejected,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ClearDisplayMessageResponse {
            status: ClearMessageStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for GetDisplayMessagesRequest {
    fn full() -> Self {
        GetDisplayMessagesRequest {
            id: vec![3],
            request_id: 3,
            priority: Some(MessagePriority::NormalCycle),
            state: Some(MessageState::Discharging),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetDisplayMessagesRequest {
            id: Vec::new(),
            request_id: 1,
            priority: None,
            state: None,
            custom_data: None,
        }
    }
}

impl Sample for GetDisplayMessagesResponse {
    fn full() -> Self {
        GetDisplayMessagesResponse {
            status: GetDisplayMessagesStatus::Unknown,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetDisplayMessagesResponse {
            status: GetDisplayMessagesStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for NotifyDisplayMessagesRequest {
    fn full() -> Self {
        NotifyDisplayMessagesRequest {
            message_info: vec![MessageInfo::full()],
            request_id: 3,
            tbc: Some(true),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyDisplayMessagesRequest {
            message_info: Vec::new(),
            request_id: 1,
            tbc: None,
            custom_data: None,
        }
    }
}

impl Sample for MessageInfo {
    fn full() -> Self {
        MessageInfo {
            display: Some(Component::full()),
            id: 3,
            priority: MessagePriority::NormalCycle,
            state: Some(MessageState::Discharging),
            start_date_time: Some(at(60)),
            end_date_time: Some(at(60)),
            transaction_id: Some(fill("TransactionId")),
            message: MessageContent::full(),
            message_extra: vec![MessageContent::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        MessageInfo {
            display: None,
            id: 1,
            priority: MessagePriority::AlwaysFront,
            state: None,
            start_date_time: None,
            end_date_time: None,
            transaction_id: None,
            message: MessageContent::minimal(),
            message_extra: Vec::new(),
            custom_data: None,
        }
    }
}

impl Sample for NotifyDisplayMessagesResponse {
    fn full() -> Self {
        NotifyDisplayMessagesResponse {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyDisplayMessagesResponse { custom_data: None }
    }
}

impl Sample for SetDisplayMessageRequest {
    fn full() -> Self {
        SetDisplayMessageRequest {
            message: MessageInfo::full(),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SetDisplayMessageRequest {
            message: MessageInfo::minimal(),
            custom_data: None,
        }
    }
}

impl Sample for SetDisplayMessageResponse {
    fn full() -> Self {
        SetDisplayMessageResponse {
            status: DisplayMessageStatus::LanguageNotSupported,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SetDisplayMessageResponse {
            status: DisplayMessageStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}
