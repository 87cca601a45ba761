//! Checks every version's sample messages share (their unit tests use them).

use std::fmt;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::rpc::decode;

/// Serialize, decode with `rpc::decode`, and compare; a clean sample notes no quirk.
pub(crate) fn round_trip<T: Serialize + DeserializeOwned + PartialEq + fmt::Debug>(
    value: &T,
    what: &str,
) {
    let json = serde_json::to_string(value).unwrap();
    let decoded = decode::<T>(&json).unwrap_or_else(|e| panic!("{what}: {e}\n{json}"));
    assert_eq!(&decoded.value, value, "{what}: {json}");
    assert!(decoded.quirks.is_empty(), "{what}: {:?}", decoded.quirks);
}

/// Nothing below the top level is `null`, `[]` or `{}` (P4-201 §4.1.5).
pub(crate) fn assert_no_empty_values(value: &Value, path: &str) {
    match value {
        Value::Null => panic!("{path} is null"),
        Value::Array(items) => {
            assert!(!items.is_empty(), "{path} is []");
            for (i, item) in items.iter().enumerate() {
                assert_no_empty_values(item, &format!("{path}[{i}]"));
            }
        }
        Value::Object(map) => {
            assert!(path.is_empty() || !map.is_empty(), "{path} is {{}}");
            for (key, item) in map {
                assert_no_empty_values(item, &format!("{path}.{key}"));
            }
        }
        _ => {}
    }
}

/// The number of properties at every level, summed.
pub(crate) fn property_count(value: &Value) -> usize {
    match value {
        Value::Array(items) => items.iter().map(property_count).sum(),
        Value::Object(map) => map.len() + map.values().map(property_count).sum::<usize>(),
        _ => 0,
    }
}
