//! Samples of the `diagnostics` module's types.

use super::*;

impl Sample for AdjustPeriodicEventStreamRequest {
    fn full() -> Self {
        AdjustPeriodicEventStreamRequest {
            id: 3,
            params: PeriodicEventStreamParams::full(),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        AdjustPeriodicEventStreamRequest {
            id: 1,
            params: PeriodicEventStreamParams::minimal(),
            custom_data: None,
        }
    }
}

impl Sample for PeriodicEventStreamParams {
    fn full() -> Self {
        PeriodicEventStreamParams {
            interval: Some(3),
            values: Some(3),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        PeriodicEventStreamParams {
            interval: Some(1),
            values: None,
            custom_data: None,
        }
    }
}

impl Sample for AdjustPeriodicEventStreamResponse {
    fn full() -> Self {
        AdjustPeriodicEventStreamResponse {
            status: GenericStatus::Rejected,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        AdjustPeriodicEventStreamResponse {
            status: GenericStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for ClearVariableMonitoringRequest {
    fn full() -> Self {
        ClearVariableMonitoringRequest {
            id: vec![3],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ClearVariableMonitoringRequest {
            id: vec![1],
            custom_data: None,
        }
    }
}

impl Sample for ClearVariableMonitoringResponse {
    fn full() -> Self {
        ClearVariableMonitoringResponse {
            clear_monitoring_result: vec![ClearMonitoringResult::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ClearVariableMonitoringResponse {
            clear_monitoring_result: vec![ClearMonitoringResult::minimal()],
            custom_data: None,
        }
    }
}

impl Sample for ClearMonitoringResult {
    fn full() -> Self {
        ClearMonitoringResult {
            status: ClearMonitoringStatus::NotFound,
            id: 3,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ClearMonitoringResult {
            status: ClearMonitoringStatus::Accepted,
            id: 1,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for ClosePeriodicEventStreamRequest {
    fn full() -> Self {
        ClosePeriodicEventStreamRequest {
            id: 3,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ClosePeriodicEventStreamRequest {
            id: 1,
            custom_data: None,
        }
    }
}

impl Sample for ClosePeriodicEventStreamResponse {
    fn full() -> Self {
        ClosePeriodicEventStreamResponse {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ClosePeriodicEventStreamResponse { custom_data: None }
    }
}

impl Sample for CustomerInformationRequest {
    fn full() -> Self {
        CustomerInformationRequest {
            customer_certificate: Some(CertificateHashData::full()),
            id_token: Some(IdToken::full()),
            request_id: 3,
            report: true,
            clear: true,
            customer_identifier: Some(fill("CustomerIdentifier")),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        CustomerInformationRequest {
            customer_certificate: None,
            id_token: None,
            request_id: 1,
            report: false,
            clear: false,
            customer_identifier: None,
            custom_data: None,
        }
    }
}

impl Sample for CustomerInformationResponse {
    fn full() -> Self {
        CustomerInformationResponse {
            status: CustomerInformationStatus::Invalid,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        CustomerInformationResponse {
            status: CustomerInformationStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for GetLogRequest {
    fn full() -> Self {
        GetLogRequest {
            log: LogParameters::full(),
            log_type: Log::DataCollectorLog,
            request_id: 3,
            retries: Some(3),
            retry_interval: Some(3),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetLogRequest {
            log: LogParameters::minimal(),
            log_type: Log::DiagnosticsLog,
            request_id: 1,
            retries: None,
            retry_interval: None,
            custom_data: None,
        }
    }
}

impl Sample for LogParameters {
    fn full() -> Self {
        LogParameters {
            remote_location: fill("RemoteLocation"),
            oldest_timestamp: Some(at(60)),
            latest_timestamp: Some(at(60)),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        LogParameters {
            remote_location: text("RemoteLocation"),
            oldest_timestamp: None,
            latest_timestamp: None,
            custom_data: None,
        }
    }
}

impl Sample for GetLogResponse {
    fn full() -> Self {
        GetLogResponse {
            status: LogStatus::AcceptedCanceled,
            status_info: Some(StatusInfo::full()),
            filename: Some(fill("Filename")),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetLogResponse {
            status: LogStatus::Accepted,
            status_info: None,
            filename: None,
            custom_data: None,
        }
    }
}

impl Sample for GetMonitoringReportRequest {
    fn full() -> Self {
        GetMonitoringReportRequest {
            component_variable: vec![ComponentVariable::full()],
            request_id: 3,
            monitoring_criteria: vec![MonitoringCriterion::PeriodicMonitoring],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetMonitoringReportRequest {
            component_variable: Vec::new(),
            request_id: 1,
            monitoring_criteria: Vec::new(),
            custom_data: None,
        }
    }
}

impl Sample for GetMonitoringReportResponse {
    fn full() -> Self {
        GetMonitoringReportResponse {
            status: GenericDeviceModelStatus::EmptyResultSet,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetMonitoringReportResponse {
            status: GenericDeviceModelStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for GetPeriodicEventStreamRequest {
    fn full() -> Self {
        GetPeriodicEventStreamRequest {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetPeriodicEventStreamRequest { custom_data: None }
    }
}

impl Sample for GetPeriodicEventStreamResponse {
    fn full() -> Self {
        GetPeriodicEventStreamResponse {
            constant_stream_data: vec![ConstantStreamData::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetPeriodicEventStreamResponse {
            constant_stream_data: Vec::new(),
            custom_data: None,
        }
    }
}

impl Sample for ConstantStreamData {
    fn full() -> Self {
        ConstantStreamData {
            id: 3,
            params: PeriodicEventStreamParams::full(),
            variable_monitoring_id: 3,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ConstantStreamData {
            id: 1,
            params: PeriodicEventStreamParams::minimal(),
            variable_monitoring_id: 1,
            custom_data: None,
        }
    }
}

impl Sample for LogStatusNotificationRequest {
    fn full() -> Self {
        LogStatusNotificationRequest {
            status: UploadLogStatus::AcceptedCanceled,
            request_id: Some(3),
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        LogStatusNotificationRequest {
            status: UploadLogStatus::BadMessage,
            request_id: None,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for LogStatusNotificationResponse {
    fn full() -> Self {
        LogStatusNotificationResponse {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        LogStatusNotificationResponse { custom_data: None }
    }
}

impl Sample for NotifyCustomerInformationRequest {
    fn full() -> Self {
        NotifyCustomerInformationRequest {
            data: fill("Data"),
            tbc: Some(true),
            seq_no: 3,
            generated_at: at(60),
            request_id: 3,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyCustomerInformationRequest {
            data: text("Data"),
            tbc: None,
            seq_no: 1,
            generated_at: at(0),
            request_id: 1,
            custom_data: None,
        }
    }
}

impl Sample for NotifyCustomerInformationResponse {
    fn full() -> Self {
        NotifyCustomerInformationResponse {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyCustomerInformationResponse { custom_data: None }
    }
}

impl Sample for NotifyEventRequest {
    fn full() -> Self {
        NotifyEventRequest {
            generated_at: at(60),
            tbc: Some(true),
            seq_no: 3,
            event_data: vec![EventData::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyEventRequest {
            generated_at: at(0),
            tbc: None,
            seq_no: 1,
            event_data: vec![EventData::minimal()],
            custom_data: None,
        }
    }
}

impl Sample for EventData {
    fn full() -> Self {
        EventData {
            event_id: 3,
            timestamp: at(60),
            trigger: EventTrigger::Periodic,
            cause: Some(3),
            actual_value: fill("ActualValue"),
            tech_code: Some(fill("TechCode")),
            tech_info: Some(fill("TechInfo")),
            cleared: Some(true),
            transaction_id: Some(fill("TransactionId")),
            component: Component::full(),
            variable_monitoring_id: Some(3),
            event_notification_type: EventNotification::CustomMonitor,
            variable: Variable::full(),
            severity: Some(3),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        EventData {
            event_id: 1,
            timestamp: at(0),
            trigger: EventTrigger::Alerting,
            cause: None,
            actual_value: text("ActualValue"),
            tech_code: None,
            tech_info: None,
            cleared: None,
            transaction_id: None,
            component: Component::minimal(),
            variable_monitoring_id: None,
            event_notification_type: EventNotification::HardWiredNotification,
            variable: Variable::minimal(),
            severity: None,
            custom_data: None,
        }
    }
}

impl Sample for NotifyEventResponse {
    fn full() -> Self {
        NotifyEventResponse {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyEventResponse { custom_data: None }
    }
}

impl Sample for NotifyMonitoringReportRequest {
    fn full() -> Self {
        NotifyMonitoringReportRequest {
            monitor: vec![MonitoringData::full()],
            request_id: 3,
            tbc: Some(true),
            seq_no: 3,
            generated_at: at(60),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyMonitoringReportRequest {
            monitor: Vec::new(),
            request_id: 1,
            tbc: None,
            seq_no: 1,
            generated_at: at(0),
            custom_data: None,
        }
    }
}

impl Sample for MonitoringData {
    fn full() -> Self {
        MonitoringData {
            component: Component::full(),
            variable: Variable::full(),
            variable_monitoring: vec![VariableMonitoring::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        MonitoringData {
            component: Component::minimal(),
            variable: Variable::minimal(),
            variable_monitoring: vec![VariableMonitoring::minimal()],
            custom_data: None,
        }
    }
}

impl Sample for VariableMonitoring {
    fn full() -> Self {
        VariableMonitoring {
            id: 3,
            transaction: true,
            value: 11.5,
            kind: Monitor::TargetDeltaRelative,
            severity: 3,
            event_notification_type: EventNotification::CustomMonitor,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        VariableMonitoring {
            id: 1,
            transaction: false,
            value: 1.0,
            kind: Monitor::UpperThreshold,
            severity: 1,
            event_notification_type: EventNotification::HardWiredNotification,
            custom_data: None,
        }
    }
}

impl Sample for NotifyMonitoringReportResponse {
    fn full() -> Self {
        NotifyMonitoringReportResponse {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyMonitoringReportResponse { custom_data: None }
    }
}

impl Sample for NotifyPeriodicEventStreamRequest {
    fn full() -> Self {
        NotifyPeriodicEventStreamRequest {
            data: vec![StreamDataElement::full()],
            id: 3,
            pending: 3,
            basetime: at(60),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyPeriodicEventStreamRequest {
            data: vec![StreamDataElement::minimal()],
            id: 1,
            pending: 1,
            basetime: at(0),
            custom_data: None,
        }
    }
}

impl Sample for StreamDataElement {
    fn full() -> Self {
        StreamDataElement {
            t: 11.5,
            v: fill("V"),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        StreamDataElement {
            t: 1.0,
            v: text("V"),
            custom_data: None,
        }
    }
}

impl Sample for OpenPeriodicEventStreamRequest {
    fn full() -> Self {
        OpenPeriodicEventStreamRequest {
            constant_stream_data: ConstantStreamData::full(),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        OpenPeriodicEventStreamRequest {
            constant_stream_data: ConstantStreamData::minimal(),
            custom_data: None,
        }
    }
}

impl Sample for OpenPeriodicEventStreamResponse {
    fn full() -> Self {
        OpenPeriodicEventStreamResponse {
            status: GenericStatus::Rejected,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        OpenPeriodicEventStreamResponse {
            status: GenericStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for SetMonitoringBaseRequest {
    fn full() -> Self {
        SetMonitoringBaseRequest {
            monitoring_base: MonitoringBase::HardWiredOnly,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SetMonitoringBaseRequest {
            monitoring_base: MonitoringBase::All,
            custom_data: None,
        }
    }
}

impl Sample for SetMonitoringBaseResponse {
    fn full() -> Self {
        SetMonitoringBaseResponse {
            status: GenericDeviceModelStatus::EmptyResultSet,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SetMonitoringBaseResponse {
            status: GenericDeviceModelStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for SetMonitoringLevelRequest {
    fn full() -> Self {
        SetMonitoringLevelRequest {
            severity: 3,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SetMonitoringLevelRequest {
            severity: 1,
            custom_data: None,
        }
    }
}

impl Sample for SetMonitoringLevelResponse {
    fn full() -> Self {
        SetMonitoringLevelResponse {
            status: GenericStatus::Rejected,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SetMonitoringLevelResponse {
            status: GenericStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for SetVariableMonitoringRequest {
    fn full() -> Self {
        SetVariableMonitoringRequest {
            set_monitoring_data: vec![SetMonitoringData::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SetVariableMonitoringRequest {
            set_monitoring_data: vec![SetMonitoringData::minimal()],
            custom_data: None,
        }
    }
}

impl Sample for SetMonitoringData {
    fn full() -> Self {
        SetMonitoringData {
            id: Some(3),
            periodic_event_stream: Some(PeriodicEventStreamParams::full()),
            transaction: Some(true),
            value: 11.5,
            kind: Monitor::TargetDeltaRelative,
            severity: 3,
            component: Component::full(),
            variable: Variable::full(),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SetMonitoringData {
            id: None,
            periodic_event_stream: None,
            transaction: None,
            value: 1.0,
            kind: Monitor::UpperThreshold,
            severity: 1,
            component: Component::minimal(),
            variable: Variable::minimal(),
            custom_data: None,
        }
    }
}

impl Sample for SetVariableMonitoringResponse {
    fn full() -> Self {
        SetVariableMonitoringResponse {
            set_monitoring_result: vec![SetMonitoringResult::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SetVariableMonitoringResponse {
            set_monitoring_result: vec![SetMonitoringResult::minimal()],
            custom_data: None,
        }
    }
}

impl Sample for SetMonitoringResult {
    fn full() -> Self {
        SetMonitoringResult {
            id: Some(3),
            status_info: Some(StatusInfo::full()),
            status: SetMonitoringStatus::Duplicate,
            kind: Monitor::TargetDeltaRelative,
            component: Component::full(),
            variable: Variable::full(),
            severity: 3,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SetMonitoringResult {
            id: None,
            status_info: None,
            status: SetMonitoringStatus::Accepted,
            kind: Monitor::UpperThreshold,
            component: Component::minimal(),
            variable: Variable::minimal(),
            severity: 1,
            custom_data: None,
        }
    }
}
