//! Validate a payload of a named action against its typed message.

use serde::de::DeserializeOwned;

use super::*;
use crate::rpc::{PayloadError, PayloadErrorKind, decode};

fn check<T: DeserializeOwned>(json: &str) -> Result<(), PayloadError> {
    decode::<T>(json).map(|_| ())
}

/// A SEND is never answered, so whatever claims to be its response is refused.
fn no_response(action: Action) -> PayloadError {
    PayloadError {
        kind: PayloadErrorKind::BadValue,
        message: format!("{action} is sent with SEND and has no response"),
    }
}

/// Check that `json` is a valid request payload for `action` (unknown properties allowed).
pub fn validate_request(action: Action, json: &str) -> Result<(), PayloadError> {
    match action {
        Action::CertificateSigned => check::<CertificateSignedRequest>(json),
        Action::SecurityEventNotification => check::<SecurityEventNotificationRequest>(json),
        Action::SignCertificate => check::<SignCertificateRequest>(json),
        Action::BootNotification => check::<BootNotificationRequest>(json),
        Action::GetBaseReport => check::<GetBaseReportRequest>(json),
        Action::GetReport => check::<GetReportRequest>(json),
        Action::GetVariables => check::<GetVariablesRequest>(json),
        Action::NotifyReport => check::<NotifyReportRequest>(json),
        Action::Reset => check::<ResetRequest>(json),
        Action::SetNetworkProfile => check::<SetNetworkProfileRequest>(json),
        Action::SetVariables => check::<SetVariablesRequest>(json),
        Action::Authorize => check::<AuthorizeRequest>(json),
        Action::ClearCache => check::<ClearCacheRequest>(json),
        Action::NotifySettlement => check::<NotifySettlementRequest>(json),
        Action::NotifyWebPaymentStarted => check::<NotifyWebPaymentStartedRequest>(json),
        Action::VatNumberValidation => check::<VatNumberValidationRequest>(json),
        Action::GetLocalListVersion => check::<GetLocalListVersionRequest>(json),
        Action::SendLocalList => check::<SendLocalListRequest>(json),
        Action::GetTransactionStatus => check::<GetTransactionStatusRequest>(json),
        Action::TransactionEvent => check::<TransactionEventRequest>(json),
        Action::RequestStartTransaction => check::<RequestStartTransactionRequest>(json),
        Action::RequestStopTransaction => check::<RequestStopTransactionRequest>(json),
        Action::TriggerMessage => check::<TriggerMessageRequest>(json),
        Action::UnlockConnector => check::<UnlockConnectorRequest>(json),
        Action::ChangeAvailability => check::<ChangeAvailabilityRequest>(json),
        Action::Heartbeat => check::<HeartbeatRequest>(json),
        Action::StatusNotification => check::<StatusNotificationRequest>(json),
        Action::CancelReservation => check::<CancelReservationRequest>(json),
        Action::ReservationStatusUpdate => check::<ReservationStatusUpdateRequest>(json),
        Action::ReserveNow => check::<ReserveNowRequest>(json),
        Action::ChangeTransactionTariff => check::<ChangeTransactionTariffRequest>(json),
        Action::ClearTariffs => check::<ClearTariffsRequest>(json),
        Action::CostUpdated => check::<CostUpdatedRequest>(json),
        Action::GetTariffs => check::<GetTariffsRequest>(json),
        Action::SetDefaultTariff => check::<SetDefaultTariffRequest>(json),
        Action::MeterValues => check::<MeterValuesRequest>(json),
        Action::ClearChargingProfile => check::<ClearChargingProfileRequest>(json),
        Action::ClearedChargingLimit => check::<ClearedChargingLimitRequest>(json),
        Action::GetChargingProfiles => check::<GetChargingProfilesRequest>(json),
        Action::GetCompositeSchedule => check::<GetCompositeScheduleRequest>(json),
        Action::NotifyChargingLimit => check::<NotifyChargingLimitRequest>(json),
        Action::NotifyEVChargingNeeds => check::<NotifyEVChargingNeedsRequest>(json),
        Action::NotifyEVChargingSchedule => check::<NotifyEVChargingScheduleRequest>(json),
        Action::NotifyPriorityCharging => check::<NotifyPriorityChargingRequest>(json),
        Action::PullDynamicScheduleUpdate => check::<PullDynamicScheduleUpdateRequest>(json),
        Action::ReportChargingProfiles => check::<ReportChargingProfilesRequest>(json),
        Action::SetChargingProfile => check::<SetChargingProfileRequest>(json),
        Action::UpdateDynamicSchedule => check::<UpdateDynamicScheduleRequest>(json),
        Action::UsePriorityCharging => check::<UsePriorityChargingRequest>(json),
        Action::FirmwareStatusNotification => check::<FirmwareStatusNotificationRequest>(json),
        Action::PublishFirmware => check::<PublishFirmwareRequest>(json),
        Action::PublishFirmwareStatusNotification => {
            check::<PublishFirmwareStatusNotificationRequest>(json)
        }
        Action::UnpublishFirmware => check::<UnpublishFirmwareRequest>(json),
        Action::UpdateFirmware => check::<UpdateFirmwareRequest>(json),
        Action::DeleteCertificate => check::<DeleteCertificateRequest>(json),
        Action::Get15118EVCertificate => check::<Get15118EVCertificateRequest>(json),
        Action::GetCertificateChainStatus => check::<GetCertificateChainStatusRequest>(json),
        Action::GetCertificateStatus => check::<GetCertificateStatusRequest>(json),
        Action::GetInstalledCertificateIds => check::<GetInstalledCertificateIdsRequest>(json),
        Action::InstallCertificate => check::<InstallCertificateRequest>(json),
        Action::AdjustPeriodicEventStream => check::<AdjustPeriodicEventStreamRequest>(json),
        Action::ClearVariableMonitoring => check::<ClearVariableMonitoringRequest>(json),
        Action::ClosePeriodicEventStream => check::<ClosePeriodicEventStreamRequest>(json),
        Action::CustomerInformation => check::<CustomerInformationRequest>(json),
        Action::GetLog => check::<GetLogRequest>(json),
        Action::GetMonitoringReport => check::<GetMonitoringReportRequest>(json),
        Action::GetPeriodicEventStream => check::<GetPeriodicEventStreamRequest>(json),
        Action::LogStatusNotification => check::<LogStatusNotificationRequest>(json),
        Action::NotifyCustomerInformation => check::<NotifyCustomerInformationRequest>(json),
        Action::NotifyEvent => check::<NotifyEventRequest>(json),
        Action::NotifyMonitoringReport => check::<NotifyMonitoringReportRequest>(json),
        Action::NotifyPeriodicEventStream => check::<NotifyPeriodicEventStreamRequest>(json),
        Action::OpenPeriodicEventStream => check::<OpenPeriodicEventStreamRequest>(json),
        Action::SetMonitoringBase => check::<SetMonitoringBaseRequest>(json),
        Action::SetMonitoringLevel => check::<SetMonitoringLevelRequest>(json),
        Action::SetVariableMonitoring => check::<SetVariableMonitoringRequest>(json),
        Action::ClearDisplayMessage => check::<ClearDisplayMessageRequest>(json),
        Action::GetDisplayMessages => check::<GetDisplayMessagesRequest>(json),
        Action::NotifyDisplayMessages => check::<NotifyDisplayMessagesRequest>(json),
        Action::SetDisplayMessage => check::<SetDisplayMessageRequest>(json),
        Action::DataTransfer => check::<DataTransferRequest>(json),
        Action::AFRRSignal => check::<AFRRSignalRequest>(json),
        Action::NotifyAllowedEnergyTransfer => check::<NotifyAllowedEnergyTransferRequest>(json),
        Action::ClearDERControl => check::<ClearDERControlRequest>(json),
        Action::GetDERControl => check::<GetDERControlRequest>(json),
        Action::NotifyDERAlarm => check::<NotifyDERAlarmRequest>(json),
        Action::NotifyDERStartStop => check::<NotifyDERStartStopRequest>(json),
        Action::ReportDERControl => check::<ReportDERControlRequest>(json),
        Action::SetDERControl => check::<SetDERControlRequest>(json),
        Action::BatterySwap => check::<BatterySwapRequest>(json),
        Action::RequestBatterySwap => check::<RequestBatterySwapRequest>(json),
    }
}

/// Check that `json` is a valid response payload for `action`. An action sent with SEND
/// ([`Action::is_send_only`]) has none, and any payload is refused.
pub fn validate_response(action: Action, json: &str) -> Result<(), PayloadError> {
    match action {
        Action::CertificateSigned => check::<CertificateSignedResponse>(json),
        Action::SecurityEventNotification => check::<SecurityEventNotificationResponse>(json),
        Action::SignCertificate => check::<SignCertificateResponse>(json),
        Action::BootNotification => check::<BootNotificationResponse>(json),
        Action::GetBaseReport => check::<GetBaseReportResponse>(json),
        Action::GetReport => check::<GetReportResponse>(json),
        Action::GetVariables => check::<GetVariablesResponse>(json),
        Action::NotifyReport => check::<NotifyReportResponse>(json),
        Action::Reset => check::<ResetResponse>(json),
        Action::SetNetworkProfile => check::<SetNetworkProfileResponse>(json),
        Action::SetVariables => check::<SetVariablesResponse>(json),
        Action::Authorize => check::<AuthorizeResponse>(json),
        Action::ClearCache => check::<ClearCacheResponse>(json),
        Action::NotifySettlement => check::<NotifySettlementResponse>(json),
        Action::NotifyWebPaymentStarted => check::<NotifyWebPaymentStartedResponse>(json),
        Action::VatNumberValidation => check::<VatNumberValidationResponse>(json),
        Action::GetLocalListVersion => check::<GetLocalListVersionResponse>(json),
        Action::SendLocalList => check::<SendLocalListResponse>(json),
        Action::GetTransactionStatus => check::<GetTransactionStatusResponse>(json),
        Action::TransactionEvent => check::<TransactionEventResponse>(json),
        Action::RequestStartTransaction => check::<RequestStartTransactionResponse>(json),
        Action::RequestStopTransaction => check::<RequestStopTransactionResponse>(json),
        Action::TriggerMessage => check::<TriggerMessageResponse>(json),
        Action::UnlockConnector => check::<UnlockConnectorResponse>(json),
        Action::ChangeAvailability => check::<ChangeAvailabilityResponse>(json),
        Action::Heartbeat => check::<HeartbeatResponse>(json),
        Action::StatusNotification => check::<StatusNotificationResponse>(json),
        Action::CancelReservation => check::<CancelReservationResponse>(json),
        Action::ReservationStatusUpdate => check::<ReservationStatusUpdateResponse>(json),
        Action::ReserveNow => check::<ReserveNowResponse>(json),
        Action::ChangeTransactionTariff => check::<ChangeTransactionTariffResponse>(json),
        Action::ClearTariffs => check::<ClearTariffsResponse>(json),
        Action::CostUpdated => check::<CostUpdatedResponse>(json),
        Action::GetTariffs => check::<GetTariffsResponse>(json),
        Action::SetDefaultTariff => check::<SetDefaultTariffResponse>(json),
        Action::MeterValues => check::<MeterValuesResponse>(json),
        Action::ClearChargingProfile => check::<ClearChargingProfileResponse>(json),
        Action::ClearedChargingLimit => check::<ClearedChargingLimitResponse>(json),
        Action::GetChargingProfiles => check::<GetChargingProfilesResponse>(json),
        Action::GetCompositeSchedule => check::<GetCompositeScheduleResponse>(json),
        Action::NotifyChargingLimit => check::<NotifyChargingLimitResponse>(json),
        Action::NotifyEVChargingNeeds => check::<NotifyEVChargingNeedsResponse>(json),
        Action::NotifyEVChargingSchedule => check::<NotifyEVChargingScheduleResponse>(json),
        Action::NotifyPriorityCharging => check::<NotifyPriorityChargingResponse>(json),
        Action::PullDynamicScheduleUpdate => check::<PullDynamicScheduleUpdateResponse>(json),
        Action::ReportChargingProfiles => check::<ReportChargingProfilesResponse>(json),
        Action::SetChargingProfile => check::<SetChargingProfileResponse>(json),
        Action::UpdateDynamicSchedule => check::<UpdateDynamicScheduleResponse>(json),
        Action::UsePriorityCharging => check::<UsePriorityChargingResponse>(json),
        Action::FirmwareStatusNotification => check::<FirmwareStatusNotificationResponse>(json),
        Action::PublishFirmware => check::<PublishFirmwareResponse>(json),
        Action::PublishFirmwareStatusNotification => {
            check::<PublishFirmwareStatusNotificationResponse>(json)
        }
        Action::UnpublishFirmware => check::<UnpublishFirmwareResponse>(json),
        Action::UpdateFirmware => check::<UpdateFirmwareResponse>(json),
        Action::DeleteCertificate => check::<DeleteCertificateResponse>(json),
        Action::Get15118EVCertificate => check::<Get15118EVCertificateResponse>(json),
        Action::GetCertificateChainStatus => check::<GetCertificateChainStatusResponse>(json),
        Action::GetCertificateStatus => check::<GetCertificateStatusResponse>(json),
        Action::GetInstalledCertificateIds => check::<GetInstalledCertificateIdsResponse>(json),
        Action::InstallCertificate => check::<InstallCertificateResponse>(json),
        Action::AdjustPeriodicEventStream => check::<AdjustPeriodicEventStreamResponse>(json),
        Action::ClearVariableMonitoring => check::<ClearVariableMonitoringResponse>(json),
        Action::ClosePeriodicEventStream => check::<ClosePeriodicEventStreamResponse>(json),
        Action::CustomerInformation => check::<CustomerInformationResponse>(json),
        Action::GetLog => check::<GetLogResponse>(json),
        Action::GetMonitoringReport => check::<GetMonitoringReportResponse>(json),
        Action::GetPeriodicEventStream => check::<GetPeriodicEventStreamResponse>(json),
        Action::LogStatusNotification => check::<LogStatusNotificationResponse>(json),
        Action::NotifyCustomerInformation => check::<NotifyCustomerInformationResponse>(json),
        Action::NotifyEvent => check::<NotifyEventResponse>(json),
        Action::NotifyMonitoringReport => check::<NotifyMonitoringReportResponse>(json),
        Action::NotifyPeriodicEventStream => Err(no_response(action)),
        Action::OpenPeriodicEventStream => check::<OpenPeriodicEventStreamResponse>(json),
        Action::SetMonitoringBase => check::<SetMonitoringBaseResponse>(json),
        Action::SetMonitoringLevel => check::<SetMonitoringLevelResponse>(json),
        Action::SetVariableMonitoring => check::<SetVariableMonitoringResponse>(json),
        Action::ClearDisplayMessage => check::<ClearDisplayMessageResponse>(json),
        Action::GetDisplayMessages => check::<GetDisplayMessagesResponse>(json),
        Action::NotifyDisplayMessages => check::<NotifyDisplayMessagesResponse>(json),
        Action::SetDisplayMessage => check::<SetDisplayMessageResponse>(json),
        Action::DataTransfer => check::<DataTransferResponse>(json),
        Action::AFRRSignal => check::<AFRRSignalResponse>(json),
        Action::NotifyAllowedEnergyTransfer => check::<NotifyAllowedEnergyTransferResponse>(json),
        Action::ClearDERControl => check::<ClearDERControlResponse>(json),
        Action::GetDERControl => check::<GetDERControlResponse>(json),
        Action::NotifyDERAlarm => check::<NotifyDERAlarmResponse>(json),
        Action::NotifyDERStartStop => check::<NotifyDERStartStopResponse>(json),
        Action::ReportDERControl => check::<ReportDERControlResponse>(json),
        Action::SetDERControl => check::<SetDERControlResponse>(json),
        Action::BatterySwap => check::<BatterySwapResponse>(json),
        Action::RequestBatterySwap => check::<RequestBatterySwapResponse>(json),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_by_action() {
        assert!(validate_request(Action::Heartbeat, "{}").is_ok());
        assert!(validate_request(Action::Reset, r#"{"type":"Immediate"}"#).is_ok());
        assert!(validate_request(Action::Reset, r#"{"type":"Hard"}"#).is_err());
        assert!(validate_request(Action::RequestStartTransaction, "{}").is_err());
        assert!(validate_response(Action::Reset, r#"{"status":"Scheduled"}"#).is_ok());
        assert!(validate_response(Action::Heartbeat, "{}").is_err());
        assert!(validate_request(Action::ClearTariffs, "{}").is_ok());
        assert!(validate_response(Action::NotifyPeriodicEventStream, "{}").is_err());
    }
}
