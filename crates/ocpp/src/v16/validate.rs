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
        Action::Authorize => check::<AuthorizeRequest>(json),
        Action::BootNotification => check::<BootNotificationRequest>(json),
        Action::ChangeAvailability => check::<ChangeAvailabilityRequest>(json),
        Action::ChangeConfiguration => check::<ChangeConfigurationRequest>(json),
        Action::ClearCache => check::<ClearCacheRequest>(json),
        Action::DataTransfer => check::<DataTransferRequest>(json),
        Action::GetConfiguration => check::<GetConfigurationRequest>(json),
        Action::Heartbeat => check::<HeartbeatRequest>(json),
        Action::MeterValues => check::<MeterValuesRequest>(json),
        Action::RemoteStartTransaction => check::<RemoteStartTransactionRequest>(json),
        Action::RemoteStopTransaction => check::<RemoteStopTransactionRequest>(json),
        Action::Reset => check::<ResetRequest>(json),
        Action::StartTransaction => check::<StartTransactionRequest>(json),
        Action::StatusNotification => check::<StatusNotificationRequest>(json),
        Action::StopTransaction => check::<StopTransactionRequest>(json),
        Action::UnlockConnector => check::<UnlockConnectorRequest>(json),
        Action::DiagnosticsStatusNotification => {
            check::<DiagnosticsStatusNotificationRequest>(json)
        }
        Action::FirmwareStatusNotification => check::<FirmwareStatusNotificationRequest>(json),
        Action::GetDiagnostics => check::<GetDiagnosticsRequest>(json),
        Action::UpdateFirmware => check::<UpdateFirmwareRequest>(json),
        Action::GetLocalListVersion => check::<GetLocalListVersionRequest>(json),
        Action::SendLocalList => check::<SendLocalListRequest>(json),
        Action::CancelReservation => check::<CancelReservationRequest>(json),
        Action::ReserveNow => check::<ReserveNowRequest>(json),
        Action::ClearChargingProfile => check::<ClearChargingProfileRequest>(json),
        Action::GetCompositeSchedule => check::<GetCompositeScheduleRequest>(json),
        Action::SetChargingProfile => check::<SetChargingProfileRequest>(json),
        Action::TriggerMessage => check::<TriggerMessageRequest>(json),
        Action::CertificateSigned => check::<CertificateSignedRequest>(json),
        Action::DeleteCertificate => check::<DeleteCertificateRequest>(json),
        Action::ExtendedTriggerMessage => check::<ExtendedTriggerMessageRequest>(json),
        Action::GetInstalledCertificateIds => check::<GetInstalledCertificateIdsRequest>(json),
        Action::GetLog => check::<GetLogRequest>(json),
        Action::InstallCertificate => check::<InstallCertificateRequest>(json),
        Action::LogStatusNotification => check::<LogStatusNotificationRequest>(json),
        Action::SecurityEventNotification => check::<SecurityEventNotificationRequest>(json),
        Action::SignCertificate => check::<SignCertificateRequest>(json),
        Action::SignedFirmwareStatusNotification => {
            check::<SignedFirmwareStatusNotificationRequest>(json)
        }
        Action::SignedUpdateFirmware => check::<SignedUpdateFirmwareRequest>(json),
    }
}

/// Check that `json` is a valid response payload for `action`.
pub fn validate_response(action: Action, json: &str) -> Result<(), PayloadError> {
    match action {
        Action::Authorize => check::<AuthorizeResponse>(json),
        Action::BootNotification => check::<BootNotificationResponse>(json),
        Action::ChangeAvailability => check::<ChangeAvailabilityResponse>(json),
        Action::ChangeConfiguration => check::<ChangeConfigurationResponse>(json),
        Action::ClearCache => check::<ClearCacheResponse>(json),
        Action::DataTransfer => check::<DataTransferResponse>(json),
        Action::GetConfiguration => check::<GetConfigurationResponse>(json),
        Action::Heartbeat => check::<HeartbeatResponse>(json),
        Action::MeterValues => check::<MeterValuesResponse>(json),
        Action::RemoteStartTransaction => check::<RemoteStartTransactionResponse>(json),
        Action::RemoteStopTransaction => check::<RemoteStopTransactionResponse>(json),
        Action::Reset => check::<ResetResponse>(json),
        Action::StartTransaction => check::<StartTransactionResponse>(json),
        Action::StatusNotification => check::<StatusNotificationResponse>(json),
        Action::StopTransaction => check::<StopTransactionResponse>(json),
        Action::UnlockConnector => check::<UnlockConnectorResponse>(json),
        Action::DiagnosticsStatusNotification => {
            check::<DiagnosticsStatusNotificationResponse>(json)
        }
        Action::FirmwareStatusNotification => check::<FirmwareStatusNotificationResponse>(json),
        Action::GetDiagnostics => check::<GetDiagnosticsResponse>(json),
        Action::UpdateFirmware => check::<UpdateFirmwareResponse>(json),
        Action::GetLocalListVersion => check::<GetLocalListVersionResponse>(json),
        Action::SendLocalList => check::<SendLocalListResponse>(json),
        Action::CancelReservation => check::<CancelReservationResponse>(json),
        Action::ReserveNow => check::<ReserveNowResponse>(json),
        Action::ClearChargingProfile => check::<ClearChargingProfileResponse>(json),
        Action::GetCompositeSchedule => check::<GetCompositeScheduleResponse>(json),
        Action::SetChargingProfile => check::<SetChargingProfileResponse>(json),
        Action::TriggerMessage => check::<TriggerMessageResponse>(json),
        Action::CertificateSigned => check::<CertificateSignedResponse>(json),
        Action::DeleteCertificate => check::<DeleteCertificateResponse>(json),
        Action::ExtendedTriggerMessage => check::<ExtendedTriggerMessageResponse>(json),
        Action::GetInstalledCertificateIds => check::<GetInstalledCertificateIdsResponse>(json),
        Action::GetLog => check::<GetLogResponse>(json),
        Action::InstallCertificate => check::<InstallCertificateResponse>(json),
        Action::LogStatusNotification => check::<LogStatusNotificationResponse>(json),
        Action::SecurityEventNotification => check::<SecurityEventNotificationResponse>(json),
        Action::SignCertificate => check::<SignCertificateResponse>(json),
        Action::SignedFirmwareStatusNotification => {
            check::<SignedFirmwareStatusNotificationResponse>(json)
        }
        Action::SignedUpdateFirmware => check::<SignedUpdateFirmwareResponse>(json),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_by_action() {
        assert!(validate_request(Action::Heartbeat, "{}").is_ok());
        assert!(validate_request(Action::Reset, r#"{"type":"Hard"}"#).is_ok());
        assert!(validate_request(Action::Reset, r#"{"type":"Warm"}"#).is_err());
        assert!(validate_request(Action::RemoteStartTransaction, "{}").is_err());
        assert!(validate_response(Action::Reset, r#"{"status":"Accepted"}"#).is_ok());
    }
}
