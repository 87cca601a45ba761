//! Validate a payload of a named action against its typed message.

use serde::de::DeserializeOwned;

use super::*;
use crate::rpc::{PayloadError, decode};

fn check<T: DeserializeOwned>(json: &str) -> Result<(), PayloadError> {
    decode::<T>(json).map(|_| ())
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
        Action::CostUpdated => check::<CostUpdatedRequest>(json),
        Action::MeterValues => check::<MeterValuesRequest>(json),
        Action::ClearChargingProfile => check::<ClearChargingProfileRequest>(json),
        Action::ClearedChargingLimit => check::<ClearedChargingLimitRequest>(json),
        Action::GetChargingProfiles => check::<GetChargingProfilesRequest>(json),
        Action::GetCompositeSchedule => check::<GetCompositeScheduleRequest>(json),
        Action::NotifyChargingLimit => check::<NotifyChargingLimitRequest>(json),
        Action::NotifyEVChargingNeeds => check::<NotifyEVChargingNeedsRequest>(json),
        Action::NotifyEVChargingSchedule => check::<NotifyEVChargingScheduleRequest>(json),
        Action::ReportChargingProfiles => check::<ReportChargingProfilesRequest>(json),
        Action::SetChargingProfile => check::<SetChargingProfileRequest>(json),
        Action::FirmwareStatusNotification => check::<FirmwareStatusNotificationRequest>(json),
        Action::PublishFirmware => check::<PublishFirmwareRequest>(json),
        Action::PublishFirmwareStatusNotification => {
            check::<PublishFirmwareStatusNotificationRequest>(json)
        }
        Action::UnpublishFirmware => check::<UnpublishFirmwareRequest>(json),
        Action::UpdateFirmware => check::<UpdateFirmwareRequest>(json),
        Action::DeleteCertificate => check::<DeleteCertificateRequest>(json),
        Action::Get15118EVCertificate => check::<Get15118EVCertificateRequest>(json),
        Action::GetCertificateStatus => check::<GetCertificateStatusRequest>(json),
        Action::GetInstalledCertificateIds => check::<GetInstalledCertificateIdsRequest>(json),
        Action::InstallCertificate => check::<InstallCertificateRequest>(json),
        Action::ClearVariableMonitoring => check::<ClearVariableMonitoringRequest>(json),
        Action::CustomerInformation => check::<CustomerInformationRequest>(json),
        Action::GetLog => check::<GetLogRequest>(json),
        Action::GetMonitoringReport => check::<GetMonitoringReportRequest>(json),
        Action::LogStatusNotification => check::<LogStatusNotificationRequest>(json),
        Action::NotifyCustomerInformation => check::<NotifyCustomerInformationRequest>(json),
        Action::NotifyEvent => check::<NotifyEventRequest>(json),
        Action::NotifyMonitoringReport => check::<NotifyMonitoringReportRequest>(json),
        Action::SetMonitoringBase => check::<SetMonitoringBaseRequest>(json),
        Action::SetMonitoringLevel => check::<SetMonitoringLevelRequest>(json),
        Action::SetVariableMonitoring => check::<SetVariableMonitoringRequest>(json),
        Action::ClearDisplayMessage => check::<ClearDisplayMessageRequest>(json),
        Action::GetDisplayMessages => check::<GetDisplayMessagesRequest>(json),
        Action::NotifyDisplayMessages => check::<NotifyDisplayMessagesRequest>(json),
        Action::SetDisplayMessage => check::<SetDisplayMessageRequest>(json),
        Action::DataTransfer => check::<DataTransferRequest>(json),
    }
}

/// Check that `json` is a valid response payload for `action`.
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
        Action::CostUpdated => check::<CostUpdatedResponse>(json),
        Action::MeterValues => check::<MeterValuesResponse>(json),
        Action::ClearChargingProfile => check::<ClearChargingProfileResponse>(json),
        Action::ClearedChargingLimit => check::<ClearedChargingLimitResponse>(json),
        Action::GetChargingProfiles => check::<GetChargingProfilesResponse>(json),
        Action::GetCompositeSchedule => check::<GetCompositeScheduleResponse>(json),
        Action::NotifyChargingLimit => check::<NotifyChargingLimitResponse>(json),
        Action::NotifyEVChargingNeeds => check::<NotifyEVChargingNeedsResponse>(json),
        Action::NotifyEVChargingSchedule => check::<NotifyEVChargingScheduleResponse>(json),
        Action::ReportChargingProfiles => check::<ReportChargingProfilesResponse>(json),
        Action::SetChargingProfile => check::<SetChargingProfileResponse>(json),
        Action::FirmwareStatusNotification => check::<FirmwareStatusNotificationResponse>(json),
        Action::PublishFirmware => check::<PublishFirmwareResponse>(json),
        Action::PublishFirmwareStatusNotification => {
            check::<PublishFirmwareStatusNotificationResponse>(json)
        }
        Action::UnpublishFirmware => check::<UnpublishFirmwareResponse>(json),
        Action::UpdateFirmware => check::<UpdateFirmwareResponse>(json),
        Action::DeleteCertificate => check::<DeleteCertificateResponse>(json),
        Action::Get15118EVCertificate => check::<Get15118EVCertificateResponse>(json),
        Action::GetCertificateStatus => check::<GetCertificateStatusResponse>(json),
        Action::GetInstalledCertificateIds => check::<GetInstalledCertificateIdsResponse>(json),
        Action::InstallCertificate => check::<InstallCertificateResponse>(json),
        Action::ClearVariableMonitoring => check::<ClearVariableMonitoringResponse>(json),
        Action::CustomerInformation => check::<CustomerInformationResponse>(json),
        Action::GetLog => check::<GetLogResponse>(json),
        Action::GetMonitoringReport => check::<GetMonitoringReportResponse>(json),
        Action::LogStatusNotification => check::<LogStatusNotificationResponse>(json),
        Action::NotifyCustomerInformation => check::<NotifyCustomerInformationResponse>(json),
        Action::NotifyEvent => check::<NotifyEventResponse>(json),
        Action::NotifyMonitoringReport => check::<NotifyMonitoringReportResponse>(json),
        Action::SetMonitoringBase => check::<SetMonitoringBaseResponse>(json),
        Action::SetMonitoringLevel => check::<SetMonitoringLevelResponse>(json),
        Action::SetVariableMonitoring => check::<SetVariableMonitoringResponse>(json),
        Action::ClearDisplayMessage => check::<ClearDisplayMessageResponse>(json),
        Action::GetDisplayMessages => check::<GetDisplayMessagesResponse>(json),
        Action::NotifyDisplayMessages => check::<NotifyDisplayMessagesResponse>(json),
        Action::SetDisplayMessage => check::<SetDisplayMessageResponse>(json),
        Action::DataTransfer => check::<DataTransferResponse>(json),
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
    }
}
