//! Samples of the `provisioning` module's types.

use super::*;

impl Sample for BootNotificationRequest {
    fn full() -> Self {
        BootNotificationRequest {
            charging_station: ChargingStation::full(),
            reason: BootReason::Watchdog,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        BootNotificationRequest {
            charging_station: ChargingStation::minimal(),
            reason: BootReason::ApplicationReset,
            custom_data: None,
        }
    }
}

impl Sample for ChargingStation {
    fn full() -> Self {
        <ChargingStation as v201::samples::Sample>::full()
    }
    fn minimal() -> Self {
        <ChargingStation as v201::samples::Sample>::minimal()
    }
}

impl Sample for Modem {
    fn full() -> Self {
        <Modem as v201::samples::Sample>::full()
    }
    fn minimal() -> Self {
        <Modem as v201::samples::Sample>::minimal()
    }
}

impl Sample for BootNotificationResponse {
    fn full() -> Self {
        BootNotificationResponse {
            current_time: at(60),
            interval: 3,
            status: RegistrationStatus::Rejected,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        BootNotificationResponse {
            current_time: at(0),
            interval: 1,
            status: RegistrationStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for GetBaseReportRequest {
    fn full() -> Self {
        GetBaseReportRequest {
            request_id: 3,
            report_base: ReportBase::SummaryInventory,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetBaseReportRequest {
            request_id: 1,
            report_base: ReportBase::ConfigurationInventory,
            custom_data: None,
        }
    }
}

impl Sample for GetBaseReportResponse {
    fn full() -> Self {
        GetBaseReportResponse {
            status: GenericDeviceModelStatus::EmptyResultSet,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetBaseReportResponse {
            status: GenericDeviceModelStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for GetReportRequest {
    fn full() -> Self {
        GetReportRequest {
            component_variable: vec![ComponentVariable::full()],
            request_id: 3,
            component_criteria: vec![ComponentCriterion::Problem],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetReportRequest {
            component_variable: Vec::new(),
            request_id: 1,
            component_criteria: Vec::new(),
            custom_data: None,
        }
    }
}

impl Sample for GetReportResponse {
    fn full() -> Self {
        GetReportResponse {
            status: GenericDeviceModelStatus::EmptyResultSet,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetReportResponse {
            status: GenericDeviceModelStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for GetVariablesRequest {
    fn full() -> Self {
        GetVariablesRequest {
            get_variable_data: vec![GetVariableData::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetVariablesRequest {
            get_variable_data: vec![GetVariableData::minimal()],
            custom_data: None,
        }
    }
}

impl Sample for GetVariableData {
    fn full() -> Self {
        GetVariableData {
            attribute_type: Some(Attribute::MaxSet),
            component: Component::full(),
            variable: Variable::full(),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetVariableData {
            attribute_type: None,
            component: Component::minimal(),
            variable: Variable::minimal(),
            custom_data: None,
        }
    }
}

impl Sample for GetVariablesResponse {
    fn full() -> Self {
        GetVariablesResponse {
            get_variable_result: vec![GetVariableResult::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetVariablesResponse {
            get_variable_result: vec![GetVariableResult::minimal()],
            custom_data: None,
        }
    }
}

impl Sample for GetVariableResult {
    fn full() -> Self {
        GetVariableResult {
            attribute_status: GetVariableStatus::NotSupportedAttributeType,
            attribute_status_info: Some(StatusInfo::full()),
            attribute_type: Some(Attribute::MaxSet),
            attribute_value: Some(fill("AttributeValue")),
            component: Component::full(),
            variable: Variable::full(),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        GetVariableResult {
            attribute_status: GetVariableStatus::Accepted,
            attribute_status_info: None,
            attribute_type: None,
            attribute_value: None,
            component: Component::minimal(),
            variable: Variable::minimal(),
            custom_data: None,
        }
    }
}

impl Sample for NotifyReportRequest {
    fn full() -> Self {
        NotifyReportRequest {
            request_id: 3,
            generated_at: at(60),
            report_data: vec![ReportData::full()],
            tbc: Some(true),
            seq_no: 3,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyReportRequest {
            request_id: 1,
            generated_at: at(0),
            report_data: Vec::new(),
            tbc: None,
            seq_no: 1,
            custom_data: None,
        }
    }
}

impl Sample for ReportData {
    fn full() -> Self {
        ReportData {
            component: Component::full(),
            variable: Variable::full(),
            variable_attribute: vec![VariableAttribute::full()],
            variable_characteristics: Some(VariableCharacteristics::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ReportData {
            component: Component::minimal(),
            variable: Variable::minimal(),
            variable_attribute: vec![VariableAttribute::minimal()],
            variable_characteristics: None,
            custom_data: None,
        }
    }
}

impl Sample for VariableAttribute {
    fn full() -> Self {
        <VariableAttribute as v201::samples::Sample>::full()
    }
    fn minimal() -> Self {
        <VariableAttribute as v201::samples::Sample>::minimal()
    }
}

impl Sample for VariableCharacteristics {
    fn full() -> Self {
        VariableCharacteristics {
            unit: Some(fill("Unit")),
            data_type: Data::MemberList,
            min_limit: Some(11.5),
            max_limit: Some(11.5),
            max_elements: Some(NonZeroU32::MIN.saturating_add(2)),
            values_list: Some(fill("ValuesList")),
            supports_monitoring: true,
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        VariableCharacteristics {
            unit: None,
            data_type: Data::String,
            min_limit: None,
            max_limit: None,
            max_elements: None,
            values_list: None,
            supports_monitoring: false,
            custom_data: None,
        }
    }
}

impl Sample for NotifyReportResponse {
    fn full() -> Self {
        NotifyReportResponse {
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        NotifyReportResponse { custom_data: None }
    }
}

impl Sample for ResetRequest {
    fn full() -> Self {
        ResetRequest {
            kind: Reset::ImmediateAndResume,
            evse_id: Some(3),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ResetRequest {
            kind: Reset::Immediate,
            evse_id: None,
            custom_data: None,
        }
    }
}

impl Sample for ResetResponse {
    fn full() -> Self {
        ResetResponse {
            status: ResetStatus::Scheduled,
            status_info: Some(StatusInfo::full()),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        ResetResponse {
            status: ResetStatus::Accepted,
            status_info: None,
            custom_data: None,
        }
    }
}

impl Sample for SetVariablesRequest {
    fn full() -> Self {
        SetVariablesRequest {
            set_variable_data: vec![SetVariableData::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SetVariablesRequest {
            set_variable_data: vec![SetVariableData::minimal()],
            custom_data: None,
        }
    }
}

impl Sample for SetVariableData {
    fn full() -> Self {
        SetVariableData {
            attribute_type: Some(Attribute::MaxSet),
            attribute_value: fill("AttributeValue"),
            component: Component::full(),
            variable: Variable::full(),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SetVariableData {
            attribute_type: None,
            attribute_value: text("AttributeValue"),
            component: Component::minimal(),
            variable: Variable::minimal(),
            custom_data: None,
        }
    }
}

impl Sample for SetVariablesResponse {
    fn full() -> Self {
        SetVariablesResponse {
            set_variable_result: vec![SetVariableResult::full()],
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SetVariablesResponse {
            set_variable_result: vec![SetVariableResult::minimal()],
            custom_data: None,
        }
    }
}

impl Sample for SetVariableResult {
    fn full() -> Self {
        SetVariableResult {
            attribute_type: Some(Attribute::MaxSet),
            attribute_status: SetVariableStatus::RebootRequired,
            attribute_status_info: Some(StatusInfo::full()),
            component: Component::full(),
            variable: Variable::full(),
            custom_data: Some(CustomData::full()),
        }
    }
    fn minimal() -> Self {
        SetVariableResult {
            attribute_type: None,
            attribute_status: SetVariableStatus::Accepted,
            attribute_status_info: None,
            component: Component::minimal(),
            variable: Variable::minimal(),
            custom_data: None,
        }
    }
}
