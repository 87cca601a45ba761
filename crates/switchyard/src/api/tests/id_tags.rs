//! `/api/v1/id-tags`.

use serde_json::json;

use super::*;

#[tokio::test]
async fn put_get_list_delete_round_trip() {
    let h = Harness::new();
    let tag = h
        .put(
            "/api/v1/id-tags/CARD-1",
            json!({"status": "Accepted", "expiry_date": "2027-01-01T01:00:00+01:00",
                   "parent_id_tag": "FLEET"}),
        )
        .await
        .ok();
    assert_eq!(
        tag,
        json!({"id_tag": "CARD-1", "status": "Accepted",
               "expiry_date": "2027-01-01T00:00:00Z", "parent_id_tag": "FLEET"})
    );
    assert_eq!(h.get("/api/v1/id-tags/CARD-1").await.ok(), tag);
    // PUT replaces: fields left out are null.
    let blocked = h
        .put("/api/v1/id-tags/CARD-1", json!({"status": "Blocked"}))
        .await
        .ok();
    assert_eq!(
        blocked,
        json!({"id_tag": "CARD-1", "status": "Blocked", "expiry_date": null, "parent_id_tag": null})
    );
    h.put("/api/v1/id-tags/CARD-2", json!({"status": "Invalid"}))
        .await
        .ok();
    let list = h.get("/api/v1/id-tags").await.ok();
    assert_eq!(list.as_array().unwrap().len(), 2, "{list}");
    assert!(list.as_array().unwrap().contains(&blocked));

    assert_eq!(
        h.delete("/api/v1/id-tags/CARD-1").await.status.as_u16(),
        204
    );
    assert_eq!(
        h.get("/api/v1/id-tags/CARD-1").await.error(404),
        "not_found"
    );
    assert_eq!(
        h.delete("/api/v1/id-tags/CARD-1").await.error(404),
        "not_found"
    );
    assert_eq!(
        h.get("/api/v1/id-tags")
            .await
            .ok()
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn invalid_tags_are_bad_requests_and_change_nothing() {
    let h = Harness::new();
    let long = "X".repeat(21);
    let cases = [
        ("CARD-1", json!({"status": "Maybe"})),
        ("CARD-1", json!({"status": "ConcurrentTx"})),
        ("CARD-1", json!({})),
        (
            "CARD-1",
            json!({"status": "Accepted", "expiry_date": "tomorrow"}),
        ),
        (
            "CARD-1",
            json!({"status": "Accepted", "parent_id_tag": long}),
        ),
        ("CARD-1", json!({"status": "Accepted", "parent_id_tag": ""})),
        ("CARD-1", json!({"status": "Accepted", "colour": "blue"})),
        (&long, json!({"status": "Accepted"})),
        ("bad%07bell", json!({"status": "Accepted"})),
    ];
    for (id_tag, body) in cases {
        let reply = h
            .put(&format!("/api/v1/id-tags/{id_tag}"), body.clone())
            .await;
        assert_eq!(reply.error(400), "bad_request", "{id_tag} {body}");
    }
    assert_eq!(h.get("/api/v1/id-tags").await.ok(), json!([]));
    // Twenty characters is the most.
    let twenty = "Y".repeat(20);
    h.put(
        &format!("/api/v1/id-tags/{twenty}"),
        json!({"status": "Expired"}),
    )
    .await
    .ok();
}
