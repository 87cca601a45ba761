//! Firmware images, status history, diagnostics and campaigns.

use super::{at, register, station};
use crate::domain::firmware::{
    CampaignState, CampaignStationUpdate, DiagnosticsStatusReport, DiagnosticsUpload,
    FirmwareStatusReport, NewCampaign, NewDiagnostics, NewFirmware, NewFirmwareRequest,
};
use crate::store::{DynStore, Write, Written};

/// The firmware contract tests, for [`super::contract_tests!`].
macro_rules! firmware_contract_tests {
    ($open:expr) => {
        crate::store::tests::contract_tests!($open;
            firmware_files_are_kept,
            firmware_statuses_are_kept_in_order,
            diagnostics_requests_follow_their_upload,
            campaign_stations_follow_firmware_statuses,
        );
    };
}
pub(crate) use firmware_contract_tests;

fn image(name: &str, token: &str) -> NewFirmware {
    NewFirmware {
        filename: name.into(),
        size: 1234,
        sha256: "ab".repeat(32),
        token: token.into(),
        uploaded_at: at(10),
    }
}

pub(crate) async fn firmware_files_are_kept(store: DynStore) {
    let first = store.add_firmware(image("a.bin", "t1")).await.unwrap();
    let second = store.add_firmware(image("b.bin", "t2")).await.unwrap();
    assert!(second.id > first.id);
    assert_eq!(first.filename, "a.bin");
    assert_eq!(first.size, 1234);
    assert_eq!(first.uploaded_at, at(10));
    let all = store.firmware_files().await.unwrap();
    assert_eq!(all, vec![first.clone(), second.clone()]);
    assert_eq!(store.firmware_file(second.id).await.unwrap(), Some(second));
    assert_eq!(store.firmware_by_token("t1").await.unwrap(), Some(first));
    assert_eq!(store.firmware_by_token("t3").await.unwrap(), None);
    assert_eq!(store.firmware_file(999).await.unwrap(), None);
}

fn status(id: &str, status: &str, request_id: Option<i64>, seconds: i64) -> Write {
    Write::FirmwareStatus(FirmwareStatusReport {
        station_id: station(id),
        status: status.into(),
        request_id,
        received_at: at(seconds),
    })
}

pub(crate) async fn firmware_statuses_are_kept_in_order(store: DynStore) {
    register(&store, "CP-1").await;
    let request = NewFirmwareRequest {
        station_id: station("CP-1"),
        location: "http://x/fw.bin".into(),
        firmware_id: None,
        campaign_id: None,
        requested_at: at(0),
    };
    let first = store.add_firmware_request(request.clone()).await.unwrap();
    let second = store.add_firmware_request(request).await.unwrap();
    assert!(second > first, "request ids increase");
    for (i, s) in ["Downloading", "Downloaded", "Installing", "Installed"]
        .iter()
        .enumerate()
    {
        let written = store
            .write(status("CP-1", s, Some(second), i as i64))
            .await
            .unwrap();
        assert!(matches!(written, Written::FirmwareStatus));
    }
    // A station that is not registered (deleted while connected) has nothing kept.
    store
        .write(status("CP-X", "Installed", None, 9))
        .await
        .unwrap();
    let history = store.firmware_statuses(&station("CP-1")).await.unwrap();
    let statuses: Vec<_> = history.iter().map(|h| h.status.as_str()).collect();
    assert_eq!(
        statuses,
        ["Downloading", "Downloaded", "Installing", "Installed"]
    );
    assert_eq!(history[3].request_id, Some(second));
    assert_eq!(history[3].received_at, at(3));
    assert!(
        store
            .firmware_statuses(&station("CP-X"))
            .await
            .unwrap()
            .is_empty()
    );
}

fn diagnostics_status(id: &str, status: &str, request_id: Option<i64>) -> Write {
    Write::DiagnosticsStatus(DiagnosticsStatusReport {
        station_id: station(id),
        status: status.into(),
        request_id,
        received_at: at(50),
    })
}

pub(crate) async fn diagnostics_requests_follow_their_upload(store: DynStore) {
    register(&store, "CP-1").await;
    register(&store, "CP-2").await;
    let new = |id: &str, token: Option<&str>| NewDiagnostics {
        station_id: station(id),
        token: token.map(Into::into),
        location: "http://x/files/diagnostics/t".into(),
        requested_at: at(1),
    };
    let first = store
        .add_diagnostics(new("CP-1", Some("d1")))
        .await
        .unwrap();
    let second = store
        .add_diagnostics(new("CP-1", Some("d2")))
        .await
        .unwrap();
    let other = store.add_diagnostics(new("CP-2", None)).await.unwrap();
    assert_eq!(first.status, "Requested");
    assert_eq!((first.filename.clone(), first.size), (None, None));
    assert_eq!(
        store.diagnostics_by_token("d2").await.unwrap(),
        Some(second.clone())
    );
    let mine = store.diagnostics(Some(&station("CP-1"))).await.unwrap();
    assert_eq!(
        mine.iter().map(|d| d.id).collect::<Vec<_>>(),
        [second.id, first.id],
        "newest first"
    );
    assert_eq!(store.diagnostics(None).await.unwrap().len(), 3);

    store
        .diagnostics_answered(second.id, Some("announced.log".into()), None)
        .await
        .unwrap();
    store
        .diagnostics_answered(other.id, None, Some("Rejected".into()))
        .await
        .unwrap();
    store
        .diagnostics_uploaded(DiagnosticsUpload {
            id: second.id,
            filename: "real.log".into(),
            size: 77,
            received_at: at(40),
        })
        .await
        .unwrap();
    // 1.6: no request id, the station's latest; 2.x: the one it names.
    let written = store
        .write(diagnostics_status("CP-1", "Uploaded", None))
        .await
        .unwrap();
    assert!(matches!(written, Written::DiagnosticsStatus(true)));
    store
        .write(diagnostics_status("CP-1", "UploadFailure", Some(first.id)))
        .await
        .unwrap();
    // Another station's request id is not taken for this station's.
    store
        .write(diagnostics_status("CP-2", "Uploading", Some(first.id)))
        .await
        .unwrap();
    let idle = store
        .write(diagnostics_status("CP-1", "Idle", None))
        .await
        .unwrap();
    assert!(matches!(idle, Written::DiagnosticsStatus(false)));
    let second = store.diagnostics_record(second.id).await.unwrap().unwrap();
    assert_eq!(second.filename.as_deref(), Some("real.log"));
    assert_eq!(second.size, Some(77));
    assert_eq!(second.received_at, Some(at(40)));
    assert_eq!(second.status, "Uploaded");
    let first = store.diagnostics_record(first.id).await.unwrap().unwrap();
    assert_eq!(first.status, "UploadFailure");
    let other = store.diagnostics_record(other.id).await.unwrap().unwrap();
    assert_eq!(other.status, "Uploading");
    let none = store
        .write(diagnostics_status("CP-3", "Uploading", None))
        .await
        .unwrap();
    assert!(matches!(none, Written::DiagnosticsStatus(false)));
}

pub(crate) async fn campaign_stations_follow_firmware_statuses(store: DynStore) {
    for id in ["CP-1", "CP-2", "CP-3"] {
        register(&store, id).await;
    }
    let file = store.add_firmware(image("fw.bin", "t")).await.unwrap();
    let campaign = store
        .add_campaign(NewCampaign {
            firmware_id: file.id,
            station_ids: vec![station("CP-2"), station("CP-1"), station("CP-3")],
            max_concurrent: 2,
            start_at: at(100),
            created_at: at(5),
        })
        .await
        .unwrap();
    assert_eq!(campaign.max_concurrent, 2);
    assert_eq!(campaign.start_at, at(100));
    let order: Vec<_> = campaign
        .stations
        .iter()
        .map(|s| s.station_id.as_str().to_owned())
        .collect();
    assert_eq!(order, ["CP-2", "CP-1", "CP-3"], "kept in the given order");
    assert!(
        campaign
            .stations
            .iter()
            .all(|s| s.state == CampaignState::Pending)
    );
    let sent = |id: &str, request_id: i64| CampaignStationUpdate {
        campaign_id: campaign.id,
        station_id: station(id),
        state: CampaignState::InProgress,
        request_id: Some(request_id),
        answer: Some("Accepted".into()),
        firmware_status: None,
        sent_at: Some(at(101)),
        finished_at: None,
    };
    store
        .update_campaign_station(sent("CP-2", 11))
        .await
        .unwrap();
    store
        .update_campaign_station(sent("CP-1", 12))
        .await
        .unwrap();
    // Another request's status does not move CP-2; its own does.
    store
        .write(status("CP-2", "Installed", Some(99), 102))
        .await
        .unwrap();
    store
        .write(status("CP-2", "Downloading", Some(11), 103))
        .await
        .unwrap();
    store
        .write(status("CP-2", "InstallationFailed", Some(11), 104))
        .await
        .unwrap();
    // 1.6 (no request id) and a pending station: CP-3 was not sent anything.
    store
        .write(status("CP-1", "Downloading", None, 105))
        .await
        .unwrap();
    store
        .write(status("CP-3", "Installed", None, 106))
        .await
        .unwrap();
    let campaign = store.campaign(campaign.id).await.unwrap().unwrap();
    let [cp2, cp1, cp3] = &campaign.stations[..] else {
        panic!("{campaign:?}")
    };
    assert_eq!(cp2.state, CampaignState::Done);
    assert_eq!(cp2.firmware_status.as_deref(), Some("InstallationFailed"));
    assert_eq!(cp2.finished_at, Some(at(104)));
    assert_eq!(cp2.answer.as_deref(), Some("Accepted"));
    assert_eq!(cp1.state, CampaignState::InProgress);
    assert_eq!(cp1.firmware_status.as_deref(), Some("Downloading"));
    assert_eq!(cp1.request_id, Some(12));
    assert_eq!(cp3.state, CampaignState::Pending);
    assert_eq!(cp3.firmware_status, None);
    assert_eq!(store.campaigns().await.unwrap(), vec![campaign]);
    assert_eq!(store.campaign(999).await.unwrap(), None);
}
