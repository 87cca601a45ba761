//! `/api/v1/stations/{id}/charging-profiles`, get-composite-schedule and remote-start with a
//! profile, through stand-in sessions; and the re-send after boot.

use serde_json::json;

use super::*;
use crate::commands::StationError;
use crate::domain::{ClearCriteria, ProfilePurpose, RateUnit};
use crate::operations::charging::resend_after_boot;

fn uri(station: &str, profile: &str) -> String {
    format!("/api/v1/stations/{station}/charging-profiles/{profile}")
}

fn list_uri(station: &str) -> String {
    format!("/api/v1/stations/{station}/charging-profiles")
}

/// A valid TxDefaultProfile on EVSE 1 (no id: it is the path's).
fn body() -> Value {
    json!({
        "evse_id": 1, "stack_level": 2, "purpose": "TxDefaultProfile", "kind": "Absolute",
        "valid_from": "2026-01-01T00:00:00Z", "valid_to": "2027-01-01T00:00:00Z",
        "schedule": {
            "start_schedule": "2026-01-01T00:00:00Z", "duration": 86400,
            "charging_rate_unit": "A", "min_charging_rate": 6.0,
            "periods": [{"start_period": 0, "limit": 16.0, "number_phases": 3},
                        {"start_period": 3600, "limit": 10.5}]
        }
    })
}

fn accepted(_: &Command) -> Result<CommandReply, CommandError> {
    Ok(reply("Accepted", r#"{"status":"Accepted"}"#, None))
}

async fn next_command(station: &mut FakeStation) -> Command {
    match station.next().await {
        Seen::Command(command) => command,
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn unknown_station_is_404() {
    let h = Harness::new();
    assert_eq!(h.get(&list_uri("CP-9")).await.error(404), "not_found");
    assert_eq!(
        h.put(&uri("CP-9", "1"), body()).await.error(404),
        "not_found"
    );
    assert_eq!(h.delete(&uri("CP-9", "1")).await.error(404), "not_found");
    h.register("CP-1").await;
    assert_eq!(h.delete(&uri("CP-1", "1")).await.error(404), "not_found");
    assert_eq!(h.get(&list_uri("CP-1")).await.ok(), json!([]));
}

#[tokio::test]
async fn an_offline_station_gets_its_profile_kept_as_pending() {
    let h = Harness::new();
    h.register("CP-1").await;
    let answer = h.put(&uri("CP-1", "7"), body()).await.ok();
    assert_eq!(answer["status"], Value::Null);
    assert_eq!(answer["response"], Value::Null);
    let profile = &answer["profile"];
    assert_eq!(profile["id"], 7);
    assert_eq!(profile["state"], "pending");
    assert_eq!(profile["last_status"], Value::Null);
    assert_eq!(profile["schedule"]["periods"][1]["limit"], 10.5);
    let listed = h.get(&list_uri("CP-1")).await.ok();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0], *profile);
    // Deleted while offline: kept as cleared until the station can be told.
    let answer = h.delete(&uri("CP-1", "7")).await.ok();
    assert_eq!(answer["status"], Value::Null);
    assert_eq!(answer["profile"]["state"], "cleared");
    assert_eq!(h.get(&list_uri("CP-1")).await.ok()[0]["state"], "cleared");
}

#[tokio::test]
async fn a_connected_station_is_sent_the_profile_and_its_answer_kept() {
    let h = Harness::new();
    h.register("CP-1").await;
    let mut station = h.connect("CP-1", |command| match command {
        Command::SetChargingProfile { profile, .. } if profile.id == 2 => {
            Ok(reply("Rejected", r#"{"status":"Rejected"}"#, None))
        }
        Command::SetChargingProfile { profile, .. } if profile.id == 3 => {
            Err(CommandError::CallError(StationError {
                code: "NotSupported".into(),
                description: "no smart charging".into(),
                details: serde_json::value::RawValue::from_string("{}".into()).unwrap(),
            }))
        }
        _ => accepted(command),
    });
    let answer = h.put(&uri("CP-1", "1"), body()).await.ok();
    assert_eq!(answer["status"], "Accepted");
    assert_eq!(answer["response"], json!({"status": "Accepted"}));
    assert_eq!(answer["profile"]["state"], "accepted");
    assert_eq!(answer["profile"]["last_status"], "Accepted");
    assert!(answer["profile"]["answered_at"].is_string());
    let Command::SetChargingProfile {
        profile,
        station_transaction_id,
    } = next_command(&mut station).await
    else {
        panic!("not a SetChargingProfile")
    };
    assert_eq!(profile.id, 1);
    assert_eq!(profile.target(), 1);
    assert_eq!(profile.purpose, ProfilePurpose::TxDefaultProfile);
    assert_eq!(profile.schedule.charging_rate_unit, RateUnit::A);
    assert_eq!(station_transaction_id, None);

    // Rejected is an answer (200), kept as rejected.
    let mut other = body();
    other["stack_level"] = json!(3);
    let answer = h.put(&uri("CP-1", "2"), other.clone()).await.ok();
    assert_eq!(answer["status"], "Rejected");
    assert_eq!(answer["profile"]["state"], "rejected");
    next_command(&mut station).await;

    // A CALLERROR is a 502, and the profile is kept as rejected with the code.
    other["stack_level"] = json!(4);
    let reply = h.put(&uri("CP-1", "3"), other).await;
    assert_eq!(reply.error(502), "call_error");
    next_command(&mut station).await;
    let listed = h.get(&list_uri("CP-1")).await.ok();
    assert_eq!(listed[2]["state"], "rejected");
    assert_eq!(listed[2]["last_status"], "NotSupported");
    assert_eq!(listed[2]["last_response"]["error_code"], "NotSupported");

    // DELETE clears it at the station and forgets it.
    let answer = h.delete(&uri("CP-1", "1")).await.ok();
    assert_eq!(answer["status"], "Accepted");
    assert_eq!(answer["profile"], Value::Null);
    let Command::ClearChargingProfile { criteria } = next_command(&mut station).await else {
        panic!("not a ClearChargingProfile")
    };
    assert_eq!(
        criteria,
        ClearCriteria {
            id: Some(1),
            ..ClearCriteria::default()
        }
    );
    assert_eq!(
        h.get(&list_uri("CP-1"))
            .await
            .ok()
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

/// An edit of a valid body.
type Change = dyn Fn(&mut Value);

#[tokio::test]
async fn invalid_profiles_are_400_with_the_reason() {
    let h = Harness::new();
    h.register("CP-1").await;
    h.connect("CP-1", |_| unreachable!("nothing may reach the station"));
    let cases: Vec<(&str, Box<Change>, &str)> = vec![
        ("1", Box::new(|b| b["connector_id"] = json!(1)), "not both"),
        ("1", Box::new(|b| b["id"] = json!(2)), "differs"),
        ("-1", Box::new(|_| {}), "profile id"),
        ("x", Box::new(|_| {}), "profile id"),
        (
            "1",
            Box::new(|b| b["chargingProfileKind"] = json!("Absolute")),
            "unknown field",
        ),
        (
            "1",
            Box::new(|b| b["schedule"]["periods"][1]["start_period"] = json!(0)),
            "strictly ascending",
        ),
        (
            "1",
            Box::new(|b| b["schedule"]["periods"][0]["start_period"] = json!(5)),
            "must be 0",
        ),
        (
            "1",
            Box::new(|b| b["schedule"]["periods"][0]["limit"] = json!(-1)),
            "at least 0",
        ),
        (
            "1",
            Box::new(|b| b["purpose"] = json!("ChargePointMaxProfile")),
            "whole station",
        ),
        (
            "1",
            Box::new(|b| b["kind"] = json!("Recurring")),
            "recurrency_kind",
        ),
        (
            "1",
            Box::new(|b| b["kind"] = json!("Relative")),
            "start_schedule",
        ),
        (
            "1",
            Box::new(|b| b["valid_to"] = json!("2025-01-01T00:00:00Z")),
            "valid_from",
        ),
        (
            "1",
            Box::new(|b| {
                b["schedule"]["periods"][0]["number_phases"] = json!(1);
                b["schedule"]["periods"][0]["phase_to_use"] = json!(2);
            }),
            "OCPP 1.6 has no phaseToUse",
        ),
    ];
    for (id, change, message) in cases {
        let mut body = body();
        change(&mut body);
        let reply = h.put(&uri("CP-1", id), body.clone()).await;
        assert_eq!(reply.error(400), "bad_request", "{body}");
        let text = reply.json()["error"]["message"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(text.contains(message), "{message:?} not in {text:?}");
    }
    assert_eq!(h.get(&list_uri("CP-1")).await.ok(), json!([]));
}

#[tokio::test]
async fn tx_profiles_need_an_active_transaction_of_the_station() {
    let h = Harness::new();
    h.register("CP-1").await;
    h.register("CP-2").await;
    let running = h.start("CP-1", 1, at(8), 0.0).await;
    let stopped = h.start("CP-1", 2, at(8), 0.0).await;
    h.stop("CP-1", stopped, at(9), 5.0).await;
    let elsewhere = h.start("CP-2", 1, at(8), 0.0).await;
    let tx = |transaction_id: i64| {
        let mut b = body();
        b["purpose"] = json!("TxProfile");
        b["transaction_id"] = json!(transaction_id);
        b
    };
    assert_eq!(
        h.put(&uri("CP-1", "1"), tx(999)).await.error(404),
        "not_found"
    );
    assert_eq!(
        h.put(&uri("CP-1", "1"), tx(elsewhere)).await.error(404),
        "not_found"
    );
    assert_eq!(
        h.put(&uri("CP-1", "1"), tx(stopped)).await.error(409),
        "conflict"
    );
    let mut station = h.connect("CP-1", accepted);
    assert_eq!(
        h.put(&uri("CP-1", "1"), tx(running)).await.ok()["status"],
        "Accepted"
    );
    let Command::SetChargingProfile {
        station_transaction_id,
        ..
    } = next_command(&mut station).await
    else {
        panic!("not a SetChargingProfile")
    };
    assert_eq!(station_transaction_id, Some(running.to_string()));
}

#[tokio::test]
async fn a_second_profile_in_the_same_slot_is_a_conflict() {
    let h = Harness::new();
    h.register("CP-1").await;
    h.put(&uri("CP-1", "1"), body()).await.ok();
    let reply = h.put(&uri("CP-1", "2"), body()).await;
    assert_eq!(reply.error(409), "conflict");
    // The same id replaces itself; another stack level is another slot.
    h.put(&uri("CP-1", "1"), body()).await.ok();
    let mut other = body();
    other["stack_level"] = json!(5);
    h.put(&uri("CP-1", "2"), other).await.ok();
}

#[tokio::test]
async fn kept_profiles_go_out_again_after_boot() {
    let h = Harness::new();
    h.register("CP-1").await;
    let running = h.start("CP-1", 1, at(8), 0.0).await;
    let ended = h.start("CP-1", 2, at(8), 0.0).await;
    // Kept while offline: 1 pending, 2 rejected (by a station answer), 3 cleared, 4 a
    // TxProfile whose transaction ends before the boot, 5 a TxProfile of a running one.
    h.put(&uri("CP-1", "1"), body()).await.ok();
    let mut rejected = body();
    rejected["stack_level"] = json!(9);
    {
        let _station = h.connect("CP-1", |_| {
            Ok(reply("Rejected", r#"{"status":"Rejected"}"#, None))
        });
        assert_eq!(
            h.put(&uri("CP-1", "2"), rejected).await.ok()["status"],
            "Rejected"
        );
        h.app.registry.close(&sid("CP-1"), 1000, "test").await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    let mut cleared = body();
    cleared["stack_level"] = json!(8);
    h.put(&uri("CP-1", "3"), cleared).await.ok();
    h.delete(&uri("CP-1", "3")).await.ok();
    for (id, transaction) in [("4", ended), ("5", running)] {
        let mut tx = body();
        tx["purpose"] = json!("TxProfile");
        tx["transaction_id"] = json!(transaction);
        h.put(&uri("CP-1", id), tx).await.ok();
    }
    h.stop("CP-1", ended, at(9), 1.0).await;

    let mut station = h.connect("CP-1", |command| match command {
        Command::SetChargingProfile { profile, .. } if profile.id == 5 => {
            Ok(reply("Rejected", r#"{"status":"Rejected"}"#, None))
        }
        _ => accepted(command),
    });
    resend_after_boot(&h.app, &sid("CP-1")).await;
    let mut sent = Vec::new();
    while let Ok(Seen::Command(command)) = station.seen.try_recv() {
        sent.push(match command {
            Command::SetChargingProfile { profile, .. } => format!("set {}", profile.id),
            Command::ClearChargingProfile { criteria } => {
                format!("clear {}", criteria.id.unwrap())
            }
            other => panic!("{other:?}"),
        });
    }
    assert_eq!(sent, ["set 1", "clear 3", "set 5"]);
    let listed = h.get(&list_uri("CP-1")).await.ok();
    let states: Vec<(i64, &str)> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_i64().unwrap(), p["state"].as_str().unwrap()))
        .collect();
    assert_eq!(states, [(1, "accepted"), (2, "rejected"), (5, "rejected")]);
    // Rejected ones are not retried: the next boot sends only profile 1.
    resend_after_boot(&h.app, &sid("CP-1")).await;
    assert!(matches!(
        next_command(&mut station).await,
        Command::SetChargingProfile { ref profile, .. } if profile.id == 1
    ));
    assert!(station.seen.try_recv().is_err());
}

#[tokio::test]
async fn get_composite_schedule_and_remote_start_with_a_profile() {
    let h = Harness::new();
    h.register("CP-1").await;
    h.put(&uri("CP-1", "4"), body()).await.ok();
    let mut station = h.connect("CP-1", accepted);
    let commands = "/api/v1/stations/CP-1/commands";
    let reply = h
        .post(
            &format!("{commands}/get-composite-schedule"),
            json!({"connector_id": 2, "duration": 600, "charging_rate_unit": "W"}),
        )
        .await
        .ok();
    assert_eq!(reply["status"], "Accepted");
    assert!(matches!(
        next_command(&mut station).await,
        Command::GetCompositeSchedule {
            target: 2,
            duration_s: 600,
            charging_rate_unit: Some(RateUnit::W)
        }
    ));
    for body in [
        json!({"evse_id": 1, "connector_id": 1, "duration": 60}),
        json!({"evse_id": 1}),
        json!({"duration": -1}),
    ] {
        let reply = h
            .post(&format!("{commands}/get-composite-schedule"), body.clone())
            .await;
        assert_eq!(reply.error(400), "bad_request", "{body}");
    }

    let mut profile = body();
    profile["purpose"] = json!("TxProfile");
    profile.as_object_mut().unwrap().remove("evse_id");
    let reply = h
        .post(
            &format!("{commands}/remote-start"),
            json!({"connector_id": 2, "id_tag": "CARD-1", "charging_profile": profile}),
        )
        .await
        .ok();
    assert_eq!(reply["status"], "Accepted");
    let Command::RemoteStart {
        connector_id: Some(2),
        charging_profile: Some(sent),
        ..
    } = next_command(&mut station).await
    else {
        panic!("not a remote start with a profile")
    };
    assert_eq!(sent.id, 5, "the id after the kept ones");
    assert_eq!(sent.purpose, ProfilePurpose::TxProfile);
    assert_eq!(sent.transaction_id, None);
    assert_eq!(sent.evse_id, Some(2));

    for change in [
        json!({"purpose": "TxDefaultProfile"}),
        json!({"transaction_id": 1}),
        json!({"evse_id": 3}),
        json!({"schedule": {"charging_rate_unit": "A", "periods": []}}),
    ] {
        let mut bad = profile.clone();
        for (key, value) in change.as_object().unwrap() {
            bad[key] = value.clone();
        }
        let reply = h
            .post(
                &format!("{commands}/remote-start"),
                json!({"connector_id": 2, "id_tag": "CARD-1", "charging_profile": bad}),
            )
            .await;
        assert_eq!(reply.error(400), "bad_request", "{change}");
    }
}

#[tokio::test]
async fn clearing_by_criteria_forgets_the_matching_kept_profiles() {
    let h = Harness::new();
    h.register("CP-1").await;
    h.put(&uri("CP-1", "1"), body()).await.ok();
    let mut other = body();
    other["stack_level"] = json!(6);
    h.put(&uri("CP-1", "2"), other).await.ok();
    let mut max = body();
    max["evse_id"] = json!(0);
    max["purpose"] = json!("ChargePointMaxProfile");
    h.put(&uri("CP-1", "3"), max).await.ok();
    let clear = "/api/v1/stations/CP-1/charging-profiles?purpose=TxDefaultProfile&stack_level=2";
    assert_eq!(h.delete(clear).await.error(503), "station_not_connected");
    let mut station = h.connect("CP-1", |_| {
        Ok(reply("Accepted", r#"{"status":"Accepted"}"#, None))
    });
    for bad in [
        "/api/v1/stations/CP-1/charging-profiles?evse_id=1&connector_id=1",
        "/api/v1/stations/CP-1/charging-profiles?purpose=Maximum",
        "/api/v1/stations/CP-1/charging-profiles?stack=1",
        "/api/v1/stations/CP-1/charging-profiles?timeout_s=0",
    ] {
        assert_eq!(h.delete(bad).await.error(400), "bad_request", "{bad}");
    }
    let answer = h.delete(&format!("{clear}&evse_id=1")).await.ok();
    assert_eq!(answer["status"], "Accepted");
    assert_eq!(answer["forgotten"], json!([1]));
    assert!(matches!(
        next_command(&mut station).await,
        Command::ClearChargingProfile { criteria } if criteria == ClearCriteria {
            id: None,
            target: Some(1),
            purpose: Some(ProfilePurpose::TxDefaultProfile),
            stack_level: Some(2),
        }
    ));
    // The 2.x name of the station maximum selects it too.
    let answer = h
        .delete("/api/v1/stations/CP-1/charging-profiles?purpose=ChargingStationMaxProfile")
        .await
        .ok();
    assert_eq!(answer["forgotten"], json!([3]));
    let listed = h.get(&list_uri("CP-1")).await.ok();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["id"], 2);
}

#[tokio::test]
async fn get_charging_profiles_asks_the_station() {
    let h = Harness::new();
    h.register("CP-1").await;
    let mut station = h.connect("CP-1", accepted);
    let uri = "/api/v1/stations/CP-1/commands/get-charging-profiles";
    let reply = h
        .post(
            uri,
            json!({"evse_id": 1, "purpose": "TxProfile", "stack_level": 2,
                   "profile_ids": [4, 5], "charging_limit_sources": ["EMS"]}),
        )
        .await
        .ok();
    assert_eq!(reply["status"], "Accepted");
    let Command::GetChargingProfiles {
        evse_id,
        purpose,
        stack_level,
        profile_ids,
        limit_sources,
    } = next_command(&mut station).await
    else {
        panic!("not a GetChargingProfiles")
    };
    assert_eq!(
        (evse_id, purpose, stack_level),
        (Some(1), Some(ProfilePurpose::TxProfile), Some(2))
    );
    assert_eq!(
        (profile_ids, limit_sources),
        (vec![4, 5], vec!["EMS".to_owned()])
    );
    h.post(uri, json!({})).await.ok();
    let reply = h
        .post(
            uri,
            json!({"charging_limit_sources": ["EMS", "SO", "CSO", "Other", "EMS"]}),
        )
        .await;
    assert_eq!(reply.error(400), "bad_request");
}

#[tokio::test]
async fn a_reconnect_without_boot_gets_only_what_is_pending() {
    let h = Harness::new();
    h.register("CP-1").await;
    {
        let _station = h.connect("CP-1", accepted);
        h.put(&uri("CP-1", "1"), body()).await.ok();
        h.app.registry.close(&sid("CP-1"), 1000, "test").await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    let mut other = body();
    other["stack_level"] = json!(4);
    h.put(&uri("CP-1", "2"), other).await.ok();
    let mut station = h.connect("CP-1", accepted);
    crate::operations::charging::send_pending(&h.app, &sid("CP-1")).await;
    assert!(matches!(
        next_command(&mut station).await,
        Command::SetChargingProfile { ref profile, .. } if profile.id == 2
    ));
    assert!(
        station.seen.try_recv().is_err(),
        "the accepted profile is not sent again"
    );
    let listed = h.get(&list_uri("CP-1")).await.ok();
    assert_eq!(listed[1]["state"], "accepted");
}

#[tokio::test]
async fn what_the_version_cannot_carry_is_rejected_at_boot_not_retried() {
    let h = Harness::new();
    h.register("CP-1").await;
    // Put while the station's version is unknown; the stand-in session speaks 1.6.
    let mut single_phase = body();
    single_phase["schedule"]["periods"][0]["number_phases"] = json!(1);
    single_phase["schedule"]["periods"][0]["phase_to_use"] = json!(2);
    h.put(&uri("CP-1", "1"), single_phase).await.ok();
    let mut plain = body();
    plain["stack_level"] = json!(4);
    h.put(&uri("CP-1", "2"), plain).await.ok();
    let mut station = h.connect("CP-1", |command| match command {
        Command::SetChargingProfile { profile, .. }
            if profile.schedule.periods[0].phase_to_use.is_some() =>
        {
            Err(CommandError::Invalid(
                "schedule.periods[0].phase_to_use: OCPP 1.6 has no phaseToUse".into(),
            ))
        }
        _ => accepted(command),
    });
    resend_after_boot(&h.app, &sid("CP-1")).await;
    next_command(&mut station).await;
    next_command(&mut station).await;
    let listed = h.get(&list_uri("CP-1")).await.ok();
    assert_eq!(listed[0]["state"], "rejected");
    assert_eq!(listed[0]["last_status"], "NotExpressible");
    assert!(
        listed[0]["last_response"]["error"]
            .as_str()
            .unwrap()
            .contains("phaseToUse")
    );
    assert_eq!(
        listed[1]["state"], "accepted",
        "the next profile still went out"
    );
}
