//! Firmware and diagnostics in both adapters: the CALLs sent validate against each version's
//! schema, and the status notifications decode to the same domain reports.

use chrono::{TimeZone, Utc};
use serde_json::value::RawValue;

use super::v16::V16;
use super::v201::V201;
use super::{CallContext, Expect, Inbound, VersionAdapter};
use crate::commands::{Command, DiagnosticsUpload, FirmwareUpdate};
use crate::domain::StationId;
use crate::domain::firmware::{DiagnosticsStatusReport, FirmwareStatusReport};

fn update() -> Command {
    Command::UpdateFirmware(Box::new(FirmwareUpdate {
        request_id: 42,
        location: "http://csms.test/files/firmware/abc/fw.bin".into(),
        retrieve_at: Utc.with_ymd_and_hms(2026, 3, 1, 2, 0, 0).unwrap(),
        retries: Some(3),
        retry_interval_s: Some(60),
    }))
}

fn diagnostics() -> Command {
    Command::GetDiagnostics(Box::new(DiagnosticsUpload {
        request_id: 7,
        location: "http://csms.test/files/diagnostics/xyz".into(),
        start_time: Some(Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()),
        stop_time: None,
        retries: Some(2),
        retry_interval_s: None,
    }))
}

fn json(raw: &RawValue) -> serde_json::Value {
    serde_json::from_str(raw.get()).unwrap()
}

#[test]
fn v16_calls_are_update_firmware_and_get_diagnostics() {
    let (action, payload, expect) = V16.encode_command(&update(), 0).unwrap();
    assert_eq!(action, "UpdateFirmware");
    assert_eq!(expect, Expect::Status);
    ocpp::v16::validate_request(ocpp::v16::Action::UpdateFirmware, payload.get()).unwrap();
    assert_eq!(
        json(&payload),
        serde_json::json!({"location": "http://csms.test/files/firmware/abc/fw.bin",
            "retries": 3, "retrieveDate": "2026-03-01T02:00:00.000Z", "retryInterval": 60})
    );
    // UpdateFirmware.conf is empty: its status is Accepted (API.md).
    let reply = V16.decode_reply(&expect, RawValue::from_string("{}".into()).unwrap());
    assert_eq!(reply.status, "Accepted");

    let (action, payload, _) = V16.encode_command(&diagnostics(), 0).unwrap();
    assert_eq!(action, "GetDiagnostics");
    ocpp::v16::validate_request(ocpp::v16::Action::GetDiagnostics, payload.get()).unwrap();
    let payload = json(&payload);
    assert_eq!(payload["startTime"], "2026-01-01T00:00:00.000Z");
    assert!(payload.get("stopTime").is_none());
}

#[test]
fn v201_calls_carry_the_request_id() {
    let (action, payload, _) = V201.encode_command(&update(), 0).unwrap();
    assert_eq!(action, "UpdateFirmware");
    ocpp::v201::validate_request(ocpp::v201::Action::UpdateFirmware, payload.get()).unwrap();
    let payload = json(&payload);
    assert_eq!(payload["requestId"], 42);
    assert_eq!(
        payload["firmware"]["location"],
        "http://csms.test/files/firmware/abc/fw.bin"
    );
    assert_eq!(
        payload["firmware"]["retrieveDateTime"],
        "2026-03-01T02:00:00.000Z"
    );

    let (action, payload, _) = V201.encode_command(&diagnostics(), 0).unwrap();
    assert_eq!(action, "GetLog");
    ocpp::v201::validate_request(ocpp::v201::Action::GetLog, payload.get()).unwrap();
    let payload = json(&payload);
    assert_eq!(payload["logType"], "DiagnosticsLog");
    assert_eq!(payload["requestId"], 7);
    assert_eq!(
        payload["log"]["remoteLocation"],
        "http://csms.test/files/diagnostics/xyz"
    );
    assert_eq!(
        payload["log"]["oldestTimestamp"],
        "2026-01-01T00:00:00.000Z"
    );
}

#[test]
fn a_location_too_long_for_201_is_refused() {
    let Command::UpdateFirmware(mut long) = update() else {
        unreachable!()
    };
    long.location = format!("http://x/{}", "a".repeat(600));
    let command = Command::UpdateFirmware(long);
    assert!(V201.encode_command(&command, 0).is_err());
    assert!(V16.encode_command(&command, 0).is_ok());
}

#[test]
fn status_notifications_decode_alike() {
    let station = StationId::new("CP-1").unwrap();
    let at = Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap();
    let context = CallContext {
        station_id: &station,
        received_at: at,
    };
    let raw = |s: &str| RawValue::from_string(s.to_owned()).unwrap();
    let (inbound, _) = V16
        .decode_call(
            "FirmwareStatusNotification",
            &raw(r#"{"status":"Installing"}"#),
            context,
        )
        .unwrap();
    assert_eq!(
        inbound,
        Inbound::FirmwareStatus(FirmwareStatusReport {
            station_id: station.clone(),
            status: "Installing".into(),
            request_id: None,
            received_at: at,
        })
    );
    let (inbound, _) = V201
        .decode_call(
            "FirmwareStatusNotification",
            &raw(r#"{"status":"Installed","requestId":42}"#),
            context,
        )
        .unwrap();
    assert_eq!(
        inbound,
        Inbound::FirmwareStatus(FirmwareStatusReport {
            station_id: station.clone(),
            status: "Installed".into(),
            request_id: Some(42),
            received_at: at,
        })
    );
    let (inbound, _) = V16
        .decode_call(
            "DiagnosticsStatusNotification",
            &raw(r#"{"status":"Uploaded"}"#),
            context,
        )
        .unwrap();
    assert!(matches!(
        inbound,
        Inbound::DiagnosticsStatus(DiagnosticsStatusReport { ref status, request_id: None, .. })
            if status == "Uploaded"
    ));
    let (inbound, _) = V201
        .decode_call(
            "LogStatusNotification",
            &raw(r#"{"status":"UploadFailure","requestId":7}"#),
            context,
        )
        .unwrap();
    assert!(matches!(
        inbound,
        Inbound::DiagnosticsStatus(DiagnosticsStatusReport { ref status, request_id: Some(7), .. })
            if status == "UploadFailure"
    ));
}
