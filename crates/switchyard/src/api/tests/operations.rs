//! Authentication, health, metrics, the OpenAPI document, fallbacks, limits and SSE.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use futures_util::StreamExt;
use serde_json::json;

use super::*;
use crate::events::{Event, EventKind};

fn unauthenticated(method: Method, uri: &str, authorization: Option<&str>) -> Request<Body> {
    let mut builder = Request::builder().method(method).uri(uri);
    if let Some(value) = authorization {
        builder = builder.header(header::AUTHORIZATION, value);
    }
    builder
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(r#"{"description": "intruder"}"#))
        .unwrap()
}

#[tokio::test]
async fn api_needs_the_token_and_nothing_changes_without_it() {
    let h = Harness::new();
    let wrong = [
        None,
        Some("Bearer wrong-token"),
        Some(&*format!("Basic {TOKEN}")),
        Some(&*format!("Bearer {TOKEN}x")),
        Some("Bearer"),
        Some(""),
    ];
    for authorization in wrong {
        for (method, uri) in [
            (Method::PUT, "/api/v1/stations/CP-1"),
            (Method::GET, "/api/v1/stations"),
            (Method::PUT, "/api/v1/id-tags/TAG"),
            (Method::GET, "/api/v1/openapi.json"),
            (Method::GET, "/api/v1/no-such-thing"),
            (Method::POST, "/api/v1/stations/CP-1/commands/reset"),
        ] {
            let reply = h
                .send(unauthenticated(method.clone(), uri, authorization))
                .await;
            assert_eq!(
                reply.error(401),
                "unauthorized",
                "{method} {uri} {authorization:?}"
            );
            assert_eq!(reply.headers[header::WWW_AUTHENTICATE], "Bearer");
        }
    }
    h.get("/api/v1/stations/CP-1").await.error(404);
    h.get("/api/v1/id-tags/TAG").await.error(404);
    assert_eq!(h.get("/api/v1/stations").await.ok(), json!([]));
    // The scheme is case-insensitive.
    let reply = h
        .send(unauthenticated(
            Method::GET,
            "/api/v1/stations",
            Some(&format!("bearer {TOKEN}")),
        ))
        .await;
    assert_eq!(reply.status, StatusCode::OK);
}

#[tokio::test]
async fn health_needs_no_token() {
    let h = Harness::new();
    let reply = h
        .send(Request::get("/health").body(Body::empty()).unwrap())
        .await;
    assert_eq!(reply.ok(), json!({"status": "ok"}));
}

#[tokio::test]
async fn metrics_are_open_unless_a_metrics_token_is_set() {
    let h = Harness::new();
    let reply = h
        .send(Request::get("/metrics").body(Body::empty()).unwrap())
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(
        reply.headers[header::CONTENT_TYPE],
        "text/plain; version=0.0.4"
    );

    let h = Harness::with_config(Config {
        metrics_token: Some("scrape-me".into()),
        ..Config::default()
    });
    let reply = h
        .send(Request::get("/metrics").body(Body::empty()).unwrap())
        .await;
    reply.error(401);
    // The API token is not the metrics token.
    reply_status(&h, &format!("Bearer {TOKEN}"), 401).await;
    reply_status(&h, "Bearer scrape-me", 200).await;
}

async fn reply_status(h: &Harness, authorization: &str, status: u16) {
    let request = Request::get("/metrics")
        .header(header::AUTHORIZATION, authorization)
        .body(Body::empty())
        .unwrap();
    assert_eq!(h.send(request).await.status.as_u16(), status);
}

#[tokio::test]
async fn openapi_lists_every_route() {
    let h = Harness::new();
    let reply = h.get("/api/v1/openapi.json").await;
    let document = reply.ok();
    assert_eq!(reply.headers[header::CONTENT_TYPE], "application/json");
    assert_eq!(document["openapi"], "3.1.0");
    assert_eq!(
        document["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    assert_eq!(document["security"], json!([{"bearer": []}]));
    let expected = [
        ("/health", vec!["get"]),
        ("/metrics", vec!["get"]),
        ("/api/v1/openapi.json", vec!["get"]),
        ("/api/v1/stations", vec!["get"]),
        ("/api/v1/stations/{id}", vec!["put", "get", "delete"]),
        ("/api/v1/stations/{id}/messages", vec!["get"]),
        ("/api/v1/stations/{id}/variables", vec!["get"]),
        ("/api/v1/stations/{id}/configuration", vec!["get"]),
        (
            "/api/v1/stations/{id}/configuration/{key}",
            vec!["put", "delete"],
        ),
        ("/api/v1/stations/{id}/local-list", vec!["get"]),
        ("/api/v1/stations/{id}/local-list/sync", vec!["post"]),
        ("/api/v1/stations/{id}/commands/{command}", vec!["post"]),
        ("/api/v1/stations/{id}/call", vec!["post"]),
        ("/api/v1/id-tags", vec!["get"]),
        ("/api/v1/id-tags/{id_tag}", vec!["put", "get", "delete"]),
        ("/api/v1/transactions", vec!["get"]),
        ("/api/v1/transactions/{id}", vec!["get"]),
        ("/api/v1/stations/{id}/unmatched-stops", vec!["get"]),
        ("/api/v1/events", vec!["get"]),
        ("/api/v1/reservations", vec!["post", "get"]),
        ("/api/v1/reservations/{id}", vec!["get", "delete"]),
        (
            "/api/v1/stations/{id}/charging-profiles",
            vec!["get", "delete"],
        ),
        (
            "/api/v1/stations/{id}/charging-profiles/{profile_id}",
            vec!["put", "delete"],
        ),
        ("/api/v1/firmware", vec!["post", "get"]),
        ("/api/v1/firmware-campaigns", vec!["post", "get"]),
        ("/api/v1/firmware-campaigns/{id}", vec!["get"]),
        (
            "/api/v1/stations/{id}/commands/update-firmware",
            vec!["post"],
        ),
        ("/api/v1/stations/{id}/firmware", vec!["get"]),
        (
            "/api/v1/stations/{id}/commands/get-diagnostics",
            vec!["post"],
        ),
        ("/api/v1/diagnostics", vec!["get"]),
        ("/api/v1/diagnostics/{id}/file", vec!["get"]),
        ("/files/firmware/{token}/{filename}", vec!["get"]),
        ("/files/diagnostics/{token}", vec!["post"]),
        ("/files/diagnostics/{token}/{filename}", vec!["put"]),
    ];
    let paths = document["paths"].as_object().unwrap();
    assert_eq!(paths.len(), expected.len(), "{:?}", paths.keys());
    for (path, methods) in expected {
        for method in methods {
            assert!(
                paths[path][method].is_object(),
                "{method} {path} is not described"
            );
        }
    }
    // Types come from the handlers.
    let schemas = &document["components"]["schemas"];
    for name in [
        "Station",
        "PutStation",
        "IdTag",
        "Transaction",
        "CommandResponse",
        "ErrorBody",
    ] {
        assert!(schemas[name].is_object(), "no schema {name}");
    }
    assert!(schemas["Station"]["properties"].get("password").is_none());
    let commands = &paths["/api/v1/stations/{id}/commands/{command}"]["post"]["parameters"];
    assert!(commands.to_string().contains("timeout_s"), "{commands}");
    assert_eq!(paths["/health"]["get"]["security"], json!([{}]));
    // Stations cannot send a token: the file routes need none.
    for (path, method) in [
        ("/files/firmware/{token}/{filename}", "get"),
        ("/files/diagnostics/{token}", "post"),
        ("/files/diagnostics/{token}/{filename}", "put"),
    ] {
        assert_eq!(paths[path][method]["security"], json!([{}]), "{path}");
    }
    // Fields that are always present, if null, are required.
    let required = &schemas["Station"]["required"];
    for field in ["site_id", "last_seen", "connectors", "boot_status"] {
        assert!(
            required.as_array().unwrap().contains(&json!(field)),
            "{field}"
        );
    }
    // Every reference resolves.
    let mut references = Vec::new();
    collect_refs(&document, &mut references);
    assert!(!references.is_empty());
    for reference in references {
        let name = reference.strip_prefix("#/components/schemas/").unwrap();
        assert!(schemas[name].is_object(), "dangling {reference}");
    }
    // The served document is the one `api::openapi()` builds without a server.
    assert_eq!(
        document,
        serde_json::to_value(crate::api::openapi()).unwrap()
    );
}

fn collect_refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(reference)) = map.get("$ref") {
                out.push(reference.clone());
            }
            map.values().for_each(|v| collect_refs(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}

#[tokio::test]
async fn unknown_routes_and_methods_are_json_errors() {
    let h = Harness::new();
    assert_eq!(h.get("/api/v1/nothing/here").await.error(404), "not_found");
    assert_eq!(h.get("/api/v1").await.error(404), "not_found");
    let reply = h.post("/api/v1/stations", json!({})).await;
    assert_eq!(reply.error(405), "method_not_allowed");
}

#[tokio::test]
async fn bodies_are_limited_and_checked() {
    let h = Harness::new();
    let big = json!({"description": "x".repeat(2 * 1024 * 1024)});
    let reply = h.put("/api/v1/stations/CP-1", big).await;
    assert_eq!(reply.error(400), "bad_request");
    // Malformed JSON, a wrong content type, and no body at all.
    for (content_type, body) in [
        (Some("application/json"), "{\"description\": "),
        (Some("text/plain"), "{}"),
        (None, "{}"),
    ] {
        let mut request = Request::put("/api/v1/stations/CP-1")
            .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"));
        if let Some(content_type) = content_type {
            request = request.header(header::CONTENT_TYPE, content_type);
        }
        let reply = h.send(request.body(Body::from(body)).unwrap()).await;
        assert_eq!(reply.error(400), "bad_request", "{content_type:?} {body}");
    }
    h.get("/api/v1/stations/CP-1").await.error(404);
}

#[tokio::test]
async fn events_stream_as_sse_filtered_by_station() {
    let h = Harness::new();
    let request = Request::get("/api/v1/events?station_id=CP-1")
        .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
        .body(Body::empty())
        .unwrap();
    let response = h.router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "text/event-stream"
    );
    h.app
        .events
        .publish(Event::new(EventKind::StationBooted, &sid("CP-2")));
    h.app.events.publish(
        Event::new(EventKind::ConnectorStatus, &sid("CP-1"))
            .with("connector_id", 1)
            .with("status", "Available"),
    );
    let mut body = response.into_body().into_data_stream();
    // The stream opens with a comment (so the head goes out at once); skip comments.
    let text = loop {
        let chunk = tokio::time::timeout(std::time::Duration::from_secs(5), body.next())
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        let text = String::from_utf8(chunk.to_vec()).unwrap();
        if !text.starts_with(':') {
            break text;
        }
    };
    assert!(text.starts_with("event: connector.status\n"), "{text}");
    let data = text
        .lines()
        .find_map(|line| line.strip_prefix("data: "))
        .unwrap();
    let data: Value = serde_json::from_str(data).unwrap();
    assert_eq!(
        data,
        json!({"station_id": "CP-1", "connector_id": 1, "status": "Available"})
    );

    let reply = h.get("/api/v1/events?station_id=a:b").await;
    assert_eq!(reply.error(400), "bad_request");
}

#[tokio::test]
async fn serves_on_a_real_listener() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let h = Harness::new();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let server = tokio::spawn(axum::serve(listener, h.router.clone()).into_future());
    let mut socket = tokio::net::TcpStream::connect(address).await.unwrap();
    socket
        .write_all(
            format!(
                "GET /api/v1/stations HTTP/1.1\r\nHost: {address}\r\n\
                 Authorization: Bearer {TOKEN}\r\nConnection: close\r\n\r\n"
            )
            .as_bytes(),
        )
        .await
        .unwrap();
    let mut response = String::new();
    socket.read_to_string(&mut response).await.unwrap();
    assert!(response.starts_with("HTTP/1.1 200 OK\r\n"), "{response}");
    assert!(response.ends_with("\r\n\r\n[]"), "{response}");
    server.abort();
}
