use super::*;

const TIMEOUT: Duration = Duration::from_secs(30);

fn endpoint() -> (Endpoint, Instant) {
    let ep = Endpoint::new(EndpointConfig {
        version: Version::V16,
        id_prefix: "c1-".into(),
    });
    (ep, Instant::now())
}

fn payload(json: &str) -> Box<RawValue> {
    RawValue::from_string(json.to_owned()).unwrap()
}

fn sent(ep: &mut Endpoint) -> Vec<serde_json::Value> {
    std::iter::from_fn(|| ep.poll_transmit())
        .map(|t| serde_json::from_str(&t).unwrap())
        .collect()
}

fn events(ep: &mut Endpoint) -> Vec<Event> {
    std::iter::from_fn(|| ep.poll_event()).collect()
}

#[test]
fn one_outstanding_call_and_a_queue() {
    let (mut ep, t0) = endpoint();
    let a = ep.start_call(t0, "Reset", payload(r#"{"type":"Soft"}"#), TIMEOUT);
    let b = ep.start_call(t0, "ClearCache", payload("{}"), TIMEOUT);
    let out = sent(&mut ep);
    assert_eq!(out.len(), 1, "the second call waits");
    assert_eq!(out[0][0], 2);
    assert_eq!(out[0][2], "Reset");
    let id_a = out[0][1].as_str().unwrap().to_owned();

    ep.handle_frame(
        t0 + Duration::from_millis(5),
        &format!(r#"[3,"{id_a}",{{"status":"Accepted"}}]"#),
    );
    let ev = events(&mut ep);
    assert!(
        matches!(&ev[..], [Event::Reply { call, reply: Reply::Result(_), round_trip, .. }]
        if *call == a && *round_trip == Duration::from_millis(5))
    );
    let out = sent(&mut ep);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0][2], "ClearCache");
    let id_b = out[0][1].as_str().unwrap();
    assert_ne!(id_a, id_b, "message ids are unique");
    assert_eq!(ep.pending_calls(), 1);
    let _ = b;
}

#[test]
fn late_answer_is_never_taken_for_a_later_call() {
    let (mut ep, t0) = endpoint();
    let a = ep.start_call(t0, "Reset", payload("{}"), TIMEOUT);
    let id_a = sent(&mut ep)[0][1].as_str().unwrap().to_owned();
    assert_eq!(ep.poll_timeout(), Some(t0 + TIMEOUT));
    let b = ep.start_call(
        t0 + Duration::from_secs(1),
        "ClearCache",
        payload("{}"),
        TIMEOUT,
    );

    ep.handle_timeout(t0 + TIMEOUT);
    let ev = events(&mut ep);
    assert!(matches!(&ev[..], [Event::Timeout { call, sent: true, .. }] if *call == a));
    let id_b = sent(&mut ep)[0][1].as_str().unwrap().to_owned();

    // The station finally answers the first call: dropped, flagged late, b still waits.
    ep.handle_frame(
        t0 + TIMEOUT + Duration::from_secs(1),
        &format!(r#"[3,"{id_a}",{{}}]"#),
    );
    let ev = events(&mut ep);
    assert!(matches!(
        &ev[..],
        [Event::UnmatchedReply { late: true, .. }]
    ));
    assert_eq!(ep.pending_calls(), 1);

    ep.handle_frame(
        t0 + TIMEOUT + Duration::from_secs(2),
        &format!(r#"[4,"{id_b}","NotSupported","",{{}}]"#),
    );
    let ev = events(&mut ep);
    assert!(matches!(&ev[..], [Event::Reply { call, reply: Reply::Error(_), .. }] if *call == b));
}

#[test]
fn queued_calls_expire_unsent() {
    let (mut ep, t0) = endpoint();
    ep.start_call(t0, "Reset", payload("{}"), Duration::from_secs(60));
    let short = ep.start_call(t0, "ClearCache", payload("{}"), Duration::from_secs(5));
    sent(&mut ep);
    assert_eq!(ep.poll_timeout(), Some(t0 + Duration::from_secs(5)));
    ep.handle_timeout(t0 + Duration::from_secs(5));
    let ev = events(&mut ep);
    assert!(matches!(&ev[..], [Event::Timeout { call, sent: false, .. }] if *call == short));
    assert!(
        sent(&mut ep).is_empty(),
        "nothing new goes out while the first call is outstanding"
    );
    assert_eq!(ep.poll_timeout(), Some(t0 + Duration::from_secs(60)));
}

#[test]
fn spurious_timeout_is_harmless() {
    let (mut ep, t0) = endpoint();
    ep.handle_timeout(t0);
    ep.start_call(t0, "Reset", payload("{}"), TIMEOUT);
    sent(&mut ep);
    ep.handle_timeout(t0 + Duration::from_secs(1));
    assert!(events(&mut ep).is_empty());
    assert_eq!(ep.pending_calls(), 1);
}

#[test]
fn calls_cross_in_both_directions() {
    let (mut ep, t0) = endpoint();
    ep.start_call(t0, "Reset", payload("{}"), TIMEOUT);
    let id_ours = sent(&mut ep)[0][1].as_str().unwrap().to_owned();
    ep.handle_frame(t0, r#"[2,"s1","Heartbeat",{}]"#);
    let Some(Event::Call(call)) = ep.poll_event() else {
        panic!("expected the station's call")
    };
    assert_eq!(call.action, "Heartbeat");
    ep.respond(
        call.id,
        payload(r#"{"currentTime":"2026-01-01T00:00:00.000Z"}"#),
    );
    assert_eq!(
        sent(&mut ep)[0],
        serde_json::json!([3, "s1", {"currentTime": "2026-01-01T00:00:00.000Z"}])
    );
    ep.handle_frame(t0, &format!(r#"[3,"{id_ours}",{{}}]"#));
    assert!(matches!(ep.poll_event(), Some(Event::Reply { .. })));
}

#[test]
fn duplicate_incoming_id_is_refused_while_handled() {
    let (mut ep, t0) = endpoint();
    ep.handle_frame(t0, r#"[2,"s1","Heartbeat",{}]"#);
    ep.handle_frame(t0, r#"[2,"s1","Heartbeat",{}]"#);
    let ev = events(&mut ep);
    assert!(matches!(
        &ev[..],
        [
            Event::Call(_),
            Event::Violation(RpcError::DuplicateId { .. })
        ]
    ));
    assert_eq!(sent(&mut ep)[0][2], "ProtocolError");
    // Once answered, the id may be reused (1.6 only requires uniqueness among open calls here).
    ep.respond(MessageId::new("s1").unwrap(), payload("{}"));
    ep.handle_frame(t0, r#"[2,"s1","Heartbeat",{}]"#);
    assert!(matches!(ep.poll_event(), Some(Event::Call(_))));
}

#[test]
fn broken_frames_are_answered_and_reported() {
    let (mut ep, t0) = endpoint();
    ep.handle_frame(t0, "]]not json");
    assert_eq!(
        sent(&mut ep)[0],
        serde_json::json!([4, "-1", "FormationViolation", "frame is not valid JSON", {}])
    );
    assert!(matches!(
        ep.poll_event(),
        Some(Event::Violation(RpcError::NotJson))
    ));
    ep.handle_frame(t0, r#"[5,"x",{}]"#);
    assert!(
        sent(&mut ep).is_empty(),
        "1.6 ignores unknown message types"
    );
}

#[test]
fn reject_call_uses_the_version_spelling() {
    let (mut ep, t0) = endpoint();
    ep.handle_frame(t0, r#"[2,"s1","Bogus",{}]"#);
    let Some(Event::Call(call)) = ep.poll_event() else {
        panic!()
    };
    ep.reject_call(RpcError::UnknownAction { id: call.id });
    assert_eq!(sent(&mut ep)[0][2], "NotImplemented");
}
