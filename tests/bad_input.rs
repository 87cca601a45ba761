//! Bad input from a station (OCPP-RULES §7.3): the right CALLERROR, nothing echoed, and the
//! connection stays usable. Oversized frames are refused with close 1009.

mod common;

use common::TestServer;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_framing_case_gets_its_answer_and_the_connection_stays_usable() {
    let server = TestServer::start().await;
    let mut st = server.booted("CP-BAD").await;
    let cases: Vec<(&str, Option<(&str, &str)>)> = vec![
        ("this is not json", Some(("-1", "FormationViolation"))),
        (
            "{\"not\": \"an array\"}",
            Some(("-1", "FormationViolation")),
        ),
        (
            "[2, 17, \"Heartbeat\", {}]",
            Some(("-1", "FormationViolation")),
        ),
        (
            "[2, \"m-arity\", \"Heartbeat\"]",
            Some(("m-arity", "FormationViolation")),
        ),
        (
            "[2, \"m-payload\", \"Heartbeat\", 7]",
            Some(("m-payload", "FormationViolation")),
        ),
        (
            "[2, \"m-unknown\", \"NoSuchAction\", {}]",
            Some(("m-unknown", "NotImplemented")),
        ),
        (
            "[2, \"m-dir\", \"RemoteStartTransaction\", {\"idTag\": \"x\"}]",
            Some(("m-dir", "NotSupported")),
        ),
        (
            "[2, \"m-missing\", \"Authorize\", {}]",
            Some(("m-missing", "OccurenceConstraintViolation")),
        ),
        (
            "[2, \"m-type\", \"Authorize\", {\"idTag\": 12}]",
            Some(("m-type", "TypeConstraintViolation")),
        ),
        (
            "[2, \"m-long\", \"Authorize\", {\"idTag\": \"123456789012345678901\"}]",
            Some(("m-long", "PropertyConstraintViolation")),
        ),
        (
            "[2, \"m-enum\", \"StatusNotification\", {\"connectorId\": 1, \"errorCode\": \"Bad\", \"status\": \"Available\"}]",
            Some(("m-enum", "PropertyConstraintViolation")),
        ),
        // 1.6 ignores unknown message types (J16 §4.1.3), and answers to nothing are dropped.
        ("[7, \"m-type7\", {}]", None),
        ("[3, \"nobody-asked\", {}]", None),
        ("[4, \"nobody-asked\", \"GenericError\", \"\", {}]", None),
    ];
    for (frame, expected) in cases {
        st.send_text(frame).await;
        if let Some((id, code)) = expected {
            let answer = st.recv().await;
            assert_eq!(answer[0], 4, "{frame} → {answer}");
            assert_eq!(answer[1], id, "{frame} → {answer}");
            assert_eq!(answer[2], code, "{frame} → {answer}");
            assert!(answer[3].as_str().unwrap().len() <= 255);
            assert_eq!(answer[4], json!({}));
            assert!(
                !answer.to_string().contains("not json")
                    && !answer.to_string().contains("123456789012345678901"),
                "input is never echoed: {answer}"
            );
        }
        // Still usable after each case.
        assert_eq!(
            st.call_frame("Heartbeat", json!({})).await[0],
            3,
            "after {frame}"
        );
    }
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_frame_is_refused_with_1009() {
    let server = TestServer::start().await;
    let mut st = server.booted("CP-BIG").await;
    let big = format!(
        "[2,\"big\",\"DataTransfer\",{{\"vendorId\":\"x\",\"data\":\"{}\"}}]",
        "a".repeat(1 << 20)
    );
    st.send_text(&big).await;
    assert_eq!(st.closed().await, Some(1009));
    // The station can reconnect and go on.
    let mut again = server.connect("CP-BIG").await;
    assert_eq!(again.call_frame("Heartbeat", json!({})).await[0], 3);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_api_requests_are_json_errors() {
    let server = TestServer::start().await;
    server.register("CP-API").await;
    let client = reqwest::Client::new();
    let response = client
        .put(server.url("/api/v1/stations/CP-API"))
        .bearer_auth(&server.token)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "bad_request");
    let (status, body) = server
        .api("PUT", "/api/v1/id-tags/T", Some(json!({"status": "Maybe"})))
        .await;
    assert!(status == 400 || status == 422, "{status} {body}");
    assert!(body["error"]["message"].is_string());
    let (status, _) = server.api("GET", "/api/v1/transactions/999999", None).await;
    assert_eq!(status, 404);
    let unauthorized = client
        .get(server.url("/api/v1/stations"))
        .send()
        .await
        .unwrap();
    assert_eq!(unauthorized.status(), 401);
    server.stop().await;
}
