//! Firmware images, updates, campaigns and diagnostics uploads.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::*;
use crate::commands::{Command, FirmwareUpdate};
use crate::domain::firmware::{DiagnosticsStatusReport, FirmwareStatusReport};

struct Hosted {
    h: Harness,
    _data: tempfile::TempDir,
}

/// A harness whose data directory is a temporary one and whose public URL is known.
fn hosted(upload_limit: u64) -> Hosted {
    let data = tempfile::tempdir().unwrap();
    let h = Harness::with_config(Config {
        data_dir: data.path().to_owned(),
        public_url: "http://csms.test:8180".into(),
        upload_limit,
        ..Config::default()
    });
    Hosted { h, _data: data }
}

async fn upload(h: &Harness, filename: &str, body: &'static [u8]) -> Reply {
    let uri = format!("/api/v1/firmware?filename={filename}");
    let request = Request::builder()
        .method(Method::POST)
        .uri(uri)
        .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
        .header(header::CONTENT_TYPE, "application/octet-stream")
        .body(Body::from(body))
        .unwrap();
    h.send(request).await
}

/// The part of a public URL after the host.
fn path_of(url: &str) -> &str {
    url.strip_prefix("http://csms.test:8180").unwrap()
}

async fn public(h: &Harness, method: Method, uri: &str, body: Body, content_type: &str) -> Reply {
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::CONTENT_TYPE, content_type)
        .body(body)
        .unwrap();
    h.send(request).await
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[tokio::test]
async fn an_uploaded_image_is_listed_and_served_without_a_token() {
    let Hosted { h, .. } = &hosted(1 << 20);
    let image: &'static [u8] = b"\x7fELF firmware image v2";
    let resp = upload(h, "fw-2.0.bin", image).await;
    assert_eq!(resp.status, StatusCode::CREATED, "{}", resp.text);
    let created = resp.json();
    assert_eq!(created["filename"], "fw-2.0.bin");
    assert_eq!(created["size"], image.len());
    assert_eq!(created["sha256"], sha256_hex(image));
    let url = created["url"].as_str().unwrap();
    assert!(
        url.starts_with("http://csms.test:8180/files/firmware/"),
        "{url}"
    );
    assert!(url.ends_with("/fw-2.0.bin"), "{url}");
    // 64 hex characters of token: unguessable.
    let token = path_of(url).split('/').nth(3).unwrap();
    assert_eq!(token.len(), 64);

    let listed = h.get("/api/v1/firmware").await.ok();
    assert_eq!(listed, json!([created.clone()]));

    // No Authorization header: stations cannot send one.
    let download = public(h, Method::GET, path_of(url), Body::empty(), "text/plain").await;
    assert_eq!(download.status, StatusCode::OK);
    assert_eq!(download.text.as_bytes(), image);
    assert_eq!(
        download.headers[header::CONTENT_LENGTH],
        image.len().to_string()
    );

    // A resumed download: the rest from byte 5.
    let request = Request::builder()
        .uri(path_of(url))
        .header(header::RANGE, "bytes=5-")
        .body(Body::empty())
        .unwrap();
    let rest = h.send(request).await;
    assert_eq!(rest.status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(rest.text.as_bytes(), &image[5..]);

    let wrong_token = format!("/files/firmware/{}/fw-2.0.bin", "0".repeat(64));
    let resp = public(h, Method::GET, &wrong_token, Body::empty(), "text/plain").await;
    assert_eq!(resp.error(404), "not_found");
    let wrong_name = path_of(url).replace("fw-2.0.bin", "other.bin");
    let resp = public(h, Method::GET, &wrong_name, Body::empty(), "text/plain").await;
    assert_eq!(resp.error(404), "not_found");
}

#[tokio::test]
async fn images_are_not_held_to_the_api_body_limit() {
    let Hosted { h, .. } = &hosted(1 << 30);
    let image: &'static [u8] = Box::leak(vec![7u8; 3 * 1024 * 1024].into_boxed_slice());
    let resp = upload(h, "big.bin", image).await;
    assert_eq!(resp.status, StatusCode::CREATED, "{}", resp.text);
    assert_eq!(resp.json()["sha256"], sha256_hex(image));
}

#[tokio::test]
async fn uploads_need_the_token_a_valid_name_and_fit_the_limit() {
    let Hosted { h, .. } = &hosted(16);
    let request = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/firmware?filename=a.bin")
        .body(Body::from("x"))
        .unwrap();
    assert_eq!(h.send(request).await.error(401), "unauthorized");
    for bad in ["", "..", "..%2Fetc%2Fpasswd", "a%2Fb.bin", "a%5Cb", "x%00y"] {
        let resp = upload(h, bad, b"x").await;
        assert_eq!(resp.error(400), "bad_request", "{bad:?}");
    }
    let resp = upload(h, "a.bin", b"").await;
    assert_eq!(resp.error(400), "bad_request");
    let resp = upload(h, "big.bin", b"seventeen bytes!!").await;
    assert_eq!(resp.error(413), "payload_too_large");
    let resp = upload(h, "fits.bin", b"sixteen bytes!!!").await;
    assert_eq!(resp.status, StatusCode::CREATED, "{}", resp.text);
    assert_eq!(
        h.get("/api/v1/firmware")
            .await
            .ok()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // Nothing but the stored image (no temporary files) is left in the directory.
    let dir = crate::operations::files::firmware_dir(&h.app.config);
    assert_eq!(std::fs::read_dir(dir).unwrap().count(), 1);
}

#[tokio::test]
async fn update_firmware_sends_the_hosted_url_and_keeps_the_request_id() {
    let Hosted { h, .. } = &hosted(1 << 20);
    h.register("CP-1").await;
    let created = upload(h, "fw.bin", b"image").await.json();
    let resp = h
        .post(
            "/api/v1/stations/CP-1/commands/update-firmware",
            json!({"firmware_id": created["id"]}),
        )
        .await;
    assert_eq!(resp.error(503), "station_not_connected");
    let mut station = h.connect("CP-1", |_| Ok(reply("Accepted", "{}", None)));
    let body = h
        .post(
            "/api/v1/stations/CP-1/commands/update-firmware",
            json!({"firmware_id": created["id"], "retries": 3, "retry_interval_s": 60,
                   "retrieve_at": "2026-03-01T02:00:00Z"}),
        )
        .await
        .ok();
    assert_eq!(body["status"], "Accepted");
    assert_eq!(body["location"], created["url"]);
    let request_id = body["request_id"].as_i64().unwrap();
    let Seen::Command(Command::UpdateFirmware(update)) = station.next().await else {
        panic!("not an update")
    };
    assert_eq!(
        *update,
        FirmwareUpdate {
            request_id,
            location: created["url"].as_str().unwrap().to_owned(),
            retrieve_at: "2026-03-01T02:00:00Z".parse().unwrap(),
            retries: Some(3),
            retry_interval_s: Some(60),
        }
    );

    let cases = [
        (json!({}), 400),
        (
            json!({"firmware_id": created["id"], "location": "http://x/y"}),
            400,
        ),
        (json!({"location": ""}), 400),
        (json!({"firmware_id": 999}), 404),
        (json!({"location": "ftp://x/fw.bin", "extra": 1}), 400),
    ];
    for (body, status) in cases {
        let resp = h
            .post(
                "/api/v1/stations/CP-1/commands/update-firmware",
                body.clone(),
            )
            .await;
        resp.error(status);
    }
    let other = h
        .post(
            "/api/v1/stations/CP-1/commands/update-firmware",
            json!({"location": "ftp://files.example/fw.bin"}),
        )
        .await
        .ok();
    assert_eq!(other["location"], "ftp://files.example/fw.bin");
    assert!(other["request_id"].as_i64().unwrap() > request_id);
}

#[tokio::test]
async fn firmware_status_notifications_make_the_history() {
    let Hosted { h, .. } = &hosted(1 << 20);
    h.register("CP-1").await;
    let empty = h.get("/api/v1/stations/CP-1/firmware").await.ok();
    assert_eq!(
        empty,
        json!({"status": null, "updated_at": null, "history": []})
    );
    for (hour, status) in [(1, "Downloading"), (2, "Downloaded"), (3, "Installed")] {
        h.app
            .store
            .write(Write::FirmwareStatus(FirmwareStatusReport {
                station_id: sid("CP-1"),
                status: status.into(),
                request_id: Some(4),
                received_at: at(hour),
            }))
            .await
            .unwrap();
    }
    let firmware = h.get("/api/v1/stations/CP-1/firmware").await.ok();
    assert_eq!(firmware["status"], "Installed");
    assert_eq!(firmware["updated_at"], "2026-01-02T03:00:00Z");
    let statuses: Vec<&str> = firmware["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["Downloading", "Downloaded", "Installed"]);
    assert_eq!(firmware["history"][0]["request_id"], 4);
    h.get("/api/v1/stations/CP-9/firmware").await.error(404);
}

/// A multipart/form-data body with one file field, as chargers send it.
fn form(filename: &str, content: &str) -> (String, String) {
    let boundary = "----switchyard-test-boundary";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"{filename}\"\r\n\
         Content-Type: application/octet-stream\r\n\r\n{content}\r\n--{boundary}--\r\n"
    );
    (body, format!("multipart/form-data; boundary={boundary}"))
}

#[tokio::test]
async fn diagnostics_are_uploaded_by_post_or_put_listed_and_downloaded() {
    let Hosted { h, .. } = &hosted(1 << 20);
    h.register("CP-1").await;
    let _station = h.connect("CP-1", |command| match command {
        Command::GetDiagnostics(_) => Ok(reply("Accepted", r#"{"fileName":"diag.log"}"#, None)),
        other => panic!("{other:?}"),
    });
    let answer = h
        .post(
            "/api/v1/stations/CP-1/commands/get-diagnostics",
            json!({"start_time": "2026-01-01T00:00:00Z", "retries": 1}),
        )
        .await
        .ok();
    assert_eq!(answer["status"], "Accepted");
    let id = answer["diagnostics_id"].as_i64().unwrap();
    let location = answer["location"].as_str().unwrap();
    assert!(location.starts_with("http://csms.test:8180/files/diagnostics/"));
    let listed = h.get("/api/v1/diagnostics?station_id=CP-1").await.ok();
    assert_eq!(listed[0]["id"], id);
    assert_eq!(listed[0]["filename"], "diag.log");
    assert_eq!(listed[0]["status"], "Requested");
    assert_eq!(listed[0]["size"], Value::Null);
    h.get(&format!("/api/v1/diagnostics/{id}/file"))
        .await
        .error(404);

    let (body, content_type) = form("logs/diag-2026.log", "line 1\nline 2\n");
    let uploaded = public(
        h,
        Method::POST,
        path_of(location),
        Body::from(body),
        &content_type,
    )
    .await;
    assert_eq!(uploaded.status, StatusCode::OK, "{}", uploaded.text);
    assert_eq!(uploaded.json()["filename"], "diag-2026.log");
    h.app
        .store
        .write(Write::DiagnosticsStatus(DiagnosticsStatusReport {
            station_id: sid("CP-1"),
            status: "Uploaded".into(),
            request_id: None,
            received_at: at(1),
        }))
        .await
        .unwrap();
    let listed = h.get("/api/v1/diagnostics?station_id=CP-1").await.ok();
    assert_eq!(listed[0]["filename"], "diag-2026.log");
    assert_eq!(listed[0]["size"], 14);
    assert_eq!(listed[0]["status"], "Uploaded");
    assert!(listed[0]["received_at"].is_string());
    let file = h.get(&format!("/api/v1/diagnostics/{id}/file")).await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.text, "line 1\nline 2\n");
    assert!(
        file.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .contains("diag-2026.log")
    );

    // PUT to the URL plus the file name replaces it.
    let put = format!("{}/second.log", path_of(location));
    let uploaded = public(h, Method::PUT, &put, Body::from("again"), "text/plain").await;
    assert_eq!(uploaded.status, StatusCode::OK, "{}", uploaded.text);
    let file = h.get(&format!("/api/v1/diagnostics/{id}/file")).await;
    assert_eq!(file.text, "again");

    let wrong = format!("/files/diagnostics/{}/x.log", "f".repeat(64));
    public(h, Method::PUT, &wrong, Body::from("x"), "text/plain")
        .await
        .error(404);
    let bad_name = format!("{}/..", path_of(location));
    public(h, Method::PUT, &bad_name, Body::from("x"), "text/plain")
        .await
        .error(400);
    let no_form = public(
        h,
        Method::POST,
        path_of(location),
        Body::from("x"),
        "text/plain",
    )
    .await;
    no_form.error(400);
    assert_eq!(
        h.get("/api/v1/diagnostics?station_id=CP-2").await.ok(),
        json!([])
    );
}

#[tokio::test]
async fn diagnostics_to_another_location_have_no_upload_url() {
    let Hosted { h, .. } = &hosted(1 << 20);
    h.register("CP-1").await;
    let _station = h.connect("CP-1", |_| {
        Ok(reply("Rejected", r#"{"status":"Rejected"}"#, None))
    });
    let answer = h
        .post(
            "/api/v1/stations/CP-1/commands/get-diagnostics",
            json!({"location": "ftp://logs.example/"}),
        )
        .await
        .ok();
    assert_eq!(answer["location"], "ftp://logs.example/");
    let listed = h.get("/api/v1/diagnostics").await.ok();
    assert_eq!(listed[0]["status"], "Rejected");
    h.post(
        "/api/v1/stations/CP-1/commands/get-diagnostics",
        json!({"start_time": "2026-01-02T00:00:00Z", "stop_time": "2026-01-01T00:00:00Z"}),
    )
    .await
    .error(400);
}

#[tokio::test]
async fn a_campaign_updates_at_most_max_concurrent_stations_at_a_time() {
    let Hosted { h, .. } = &hosted(1 << 20);
    for id in ["CP-1", "CP-2", "CP-3"] {
        h.register(id).await;
    }
    let created = upload(h, "fw.bin", b"image").await.json();
    let firmware_id = created["id"].clone();
    let bad = [
        (
            json!({"firmware_id": 99, "station_ids": ["CP-1"], "max_concurrent": 1}),
            404,
        ),
        (
            json!({"firmware_id": firmware_id, "station_ids": ["CP-9"], "max_concurrent": 1}),
            404,
        ),
        (
            json!({"firmware_id": firmware_id, "station_ids": [], "max_concurrent": 1}),
            400,
        ),
        (
            json!({"firmware_id": firmware_id, "station_ids": ["CP-1", "CP-1"], "max_concurrent": 1}),
            400,
        ),
        (
            json!({"firmware_id": firmware_id, "station_ids": ["CP-1"], "max_concurrent": 0}),
            400,
        ),
    ];
    for (body, status) in bad {
        h.post("/api/v1/firmware-campaigns", body)
            .await
            .error(status);
    }
    let resp = h
        .post(
            "/api/v1/firmware-campaigns",
            json!({"firmware_id": firmware_id, "station_ids": ["CP-1", "CP-2", "CP-3"],
                   "max_concurrent": 1}),
        )
        .await;
    assert_eq!(resp.status, StatusCode::CREATED, "{}", resp.text);
    let campaign = resp.json();
    let id = campaign["id"].as_i64().unwrap();
    assert_eq!(campaign["status"], "running");
    assert!(
        campaign["stations"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["state"] == "pending")
    );

    // CP-1 is offline: it is waited for, and CP-2 goes first.
    let mut cp2 = h.connect("CP-2", |_| Ok(reply("Accepted", "{}", None)));
    let mut cp3 = h.connect("CP-3", |_| Ok(reply("Accepted", "{}", None)));
    let run = || crate::operations::campaigns::run_once(&h.app, chrono::Utc::now());
    run().await.unwrap();
    let Seen::Command(Command::UpdateFirmware(update)) = cp2.next().await else {
        panic!("CP-2 was not sent the update")
    };
    assert_eq!(update.location, created["url"].as_str().unwrap());
    run().await.unwrap();
    assert!(cp3.seen.try_recv().is_err(), "one at a time");
    let state = |campaign: &Value, i: usize| campaign["stations"][i]["state"].clone();
    let now = h
        .get(&format!("/api/v1/firmware-campaigns/{id}"))
        .await
        .ok();
    assert_eq!(state(&now, 0), "pending");
    assert_eq!(state(&now, 1), "in_progress");
    assert_eq!(now["stations"][1]["request_id"], update.request_id);

    // CP-2 reports Installed for that request: done, and CP-3's turn.
    h.app
        .store
        .write(Write::FirmwareStatus(FirmwareStatusReport {
            station_id: sid("CP-2"),
            status: "Installed".into(),
            request_id: Some(update.request_id),
            received_at: chrono::Utc::now(),
        }))
        .await
        .unwrap();
    run().await.unwrap();
    assert!(matches!(
        cp3.next().await,
        Seen::Command(Command::UpdateFirmware(_))
    ));
    let now = h
        .get(&format!("/api/v1/firmware-campaigns/{id}"))
        .await
        .ok();
    assert_eq!(state(&now, 1), "done");
    assert_eq!(now["stations"][1]["firmware_status"], "Installed");
    assert_eq!(state(&now, 2), "in_progress");
    // 1.6 reports carry no request id: they count for the station's update in progress.
    h.app
        .store
        .write(Write::FirmwareStatus(FirmwareStatusReport {
            station_id: sid("CP-3"),
            status: "DownloadFailed".into(),
            request_id: None,
            received_at: chrono::Utc::now(),
        }))
        .await
        .unwrap();
    let mut cp1 = h.connect("CP-1", |_| {
        Ok(reply("Rejected", r#"{"status":"Rejected"}"#, None))
    });
    run().await.unwrap();
    assert!(matches!(
        cp1.next().await,
        Seen::Command(Command::UpdateFirmware(_))
    ));
    // The answer is recorded by a spawned task.
    let mut done = Value::Null;
    for _ in 0..50 {
        done = h
            .get(&format!("/api/v1/firmware-campaigns/{id}"))
            .await
            .ok();
        if done["status"] == "done" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(done["status"], "done", "{done}");
    assert_eq!(done["stations"][0]["answer"], "Rejected");
    assert_eq!(done["stations"][2]["firmware_status"], "DownloadFailed");
    let all = h.get("/api/v1/firmware-campaigns").await.ok();
    assert_eq!(all.as_array().unwrap().len(), 1);
    h.get("/api/v1/firmware-campaigns/99").await.error(404);
}

#[tokio::test]
async fn a_campaign_waits_for_its_start() {
    let Hosted { h, .. } = &hosted(1 << 20);
    h.register("CP-1").await;
    let created = upload(h, "fw.bin", b"image").await.json();
    let campaign = h
        .post(
            "/api/v1/firmware-campaigns",
            json!({"firmware_id": created["id"], "station_ids": ["CP-1"], "max_concurrent": 5,
                   "start_at": "2099-01-01T00:00:00Z"}),
        )
        .await
        .json();
    assert_eq!(campaign["status"], "scheduled");
    let mut cp1 = h.connect("CP-1", |_| Ok(reply("Accepted", "{}", None)));
    crate::operations::campaigns::run_once(&h.app, chrono::Utc::now())
        .await
        .unwrap();
    assert!(cp1.seen.try_recv().is_err());
}
