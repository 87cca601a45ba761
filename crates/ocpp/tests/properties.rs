//! Property tests: arbitrary input never panics, and what we encode parses back.

use std::time::Instant;

use ocpp::rpc::{self, Frame};
use ocpp::{Endpoint, EndpointConfig, Version};
use proptest::prelude::*;

const VERSIONS: [Version; 3] = [Version::V16, Version::V201, Version::V21];

/// Text that looks enough like OCPP-J to get past the first checks.
fn framish() -> impl Strategy<Value = String> {
    let atom = prop_oneof![
        Just("2".to_owned()),
        Just("3".to_owned()),
        Just("4".to_owned()),
        Just("-1".to_owned()),
        Just("{}".to_owned()),
        Just("[]".to_owned()),
        Just("null".to_owned()),
        "\"[a-zA-Z0-9]{0,40}\"",
        "[0-9]{1,20}",
        "\\{\"[a-z]{1,8}\":[0-9]{1,3}\\}",
    ];
    prop::collection::vec(atom, 0..7).prop_map(|items| format!("[{}]", items.join(",")))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn parse_never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let text = String::from_utf8_lossy(&bytes);
        for version in VERSIONS {
            let _ = rpc::parse(&text, version).map_err(|e| e.call_error(version));
        }
    }

    #[test]
    fn parse_never_panics_on_framish_text(text in framish()) {
        for version in VERSIONS {
            if let Err(e) = rpc::parse(&text, version)
                && let Some(ce) = e.call_error(version)
            {
                // An answer is itself a valid frame.
                let answer = Frame::CallError(ce).encode();
                prop_assert!(matches!(rpc::parse(&answer, version), Ok(Frame::CallError(_))));
            }
        }
    }

    #[test]
    fn endpoint_never_panics(frames in prop::collection::vec(prop_oneof![framish(), ".{0,40}"], 0..20)) {
        let mut ep = Endpoint::new(EndpointConfig { version: Version::V16, id_prefix: "p".into() });
        let now = Instant::now();
        for f in &frames {
            ep.handle_frame(now, f);
            while ep.poll_transmit().is_some() {}
            while ep.poll_event().is_some() {}
        }
    }

    #[test]
    fn call_round_trips(id in "[a-zA-Z0-9\\-\"\\\\]{1,36}", action in "[A-Za-z]{1,30}", n in any::<i64>()) {
        let payload = serde_json::value::to_raw_value(&serde_json::json!({"n": n})).unwrap();
        let id = rpc::MessageId::new(id).unwrap();
        let frame = Frame::Call(rpc::Call { id: id.clone(), action: action.clone(), payload });
        let Ok(Frame::Call(back)) = rpc::parse(&frame.encode(), Version::V16) else {
            return Err(TestCaseError::fail("did not parse back"));
        };
        prop_assert_eq!(back.id, id);
        prop_assert_eq!(back.action, action);
        let v: serde_json::Value = serde_json::from_str(back.payload.get()).unwrap();
        prop_assert_eq!(v["n"].as_i64(), Some(n));
    }
}
