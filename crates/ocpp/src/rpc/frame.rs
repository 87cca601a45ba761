use std::fmt;

use serde_json::value::RawValue;

use super::{MAX_FRAME_BYTES, MAX_MESSAGE_ID_CHARS, RpcError};
use crate::Version;

/// A message id, at most 36 characters (J16 §4.1.4).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MessageId(String);

impl MessageId {
    /// The id used to answer a frame whose own id cannot be read (P4-201 Ed.3 §4.2.3).
    pub fn unreadable() -> MessageId {
        MessageId("-1".to_owned())
    }

    pub fn new(id: impl Into<String>) -> Option<MessageId> {
        let id = id.into();
        (id.chars().count() <= MAX_MESSAGE_ID_CHARS).then_some(MessageId(id))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for MessageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for MessageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `[2, id, action, payload]`; also 2.1's SEND (`[6, …]`), which is never answered.
#[derive(Debug, Clone)]
pub struct Call {
    pub id: MessageId,
    pub action: String,
    pub payload: Box<RawValue>,
}

/// `[3, id, payload]`
#[derive(Debug, Clone)]
pub struct CallResult {
    pub id: MessageId,
    pub payload: Box<RawValue>,
}

/// `[4, id, code, description, details]`; also 2.1's CALLRESULTERROR (`[5, …]`).
#[derive(Debug, Clone)]
pub struct CallError {
    pub id: MessageId,
    /// The code exactly as sent (parse it with [`super::ErrorCode::parse`]).
    pub code: String,
    pub description: String,
    pub details: Box<RawValue>,
}

#[derive(Debug, Clone)]
pub enum Frame {
    Call(Call),
    CallResult(CallResult),
    CallError(CallError),
    /// 2.1 only (P4-21 §4.2.4).
    CallResultError(CallError),
    /// 2.1 only (P4-21 §4.2.4).
    Send(Call),
}

impl Frame {
    pub fn id(&self) -> &MessageId {
        match self {
            Frame::Call(c) | Frame::Send(c) => &c.id,
            Frame::CallResult(r) => &r.id,
            Frame::CallError(e) | Frame::CallResultError(e) => &e.id,
        }
    }

    /// Serialise to the wire format.
    pub fn encode(&self) -> String {
        match self {
            Frame::Call(c) => encode_call(2, c),
            Frame::Send(c) => encode_call(6, c),
            Frame::CallResult(r) => {
                format!("[3,{},{}]", json_string(r.id.as_str()), r.payload.get())
            }
            Frame::CallError(e) => encode_error(4, e),
            Frame::CallResultError(e) => encode_error(5, e),
        }
    }
}

fn encode_call(type_id: u8, c: &Call) -> String {
    format!(
        "[{type_id},{},{},{}]",
        json_string(c.id.as_str()),
        json_string(&c.action),
        c.payload.get()
    )
}

fn encode_error(type_id: u8, e: &CallError) -> String {
    format!(
        "[{type_id},{},{},{},{}]",
        json_string(e.id.as_str()),
        json_string(&e.code),
        json_string(&e.description),
        e.details.get()
    )
}

fn json_string(s: &str) -> String {
    // Serialising a &str to JSON cannot fail.
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned())
}

/// Parse one text frame. The payload is kept raw: decoding it is the version module's job.
pub fn parse(text: &str, version: Version) -> Result<Frame, RpcError> {
    if text.len() > MAX_FRAME_BYTES {
        return Err(RpcError::TooLarge { len: text.len() });
    }
    let items: Vec<&RawValue> = match serde_json::from_str(text) {
        Ok(items) => items,
        Err(e) if e.is_syntax() || e.is_eof() => return Err(RpcError::NotJson),
        Err(_) => return Err(RpcError::NotAnArray { id: None }),
    };
    // The id first: whatever else is wrong, an answer should carry it if it can be read.
    let id = items.get(1).and_then(|raw| read_id(raw));
    let Some(type_id) = items
        .first()
        .and_then(|raw| serde_json::from_str::<u64>(raw.get()).ok())
    else {
        return Err(RpcError::NotAnArray { id });
    };
    let allows_21 = version >= Version::V21;
    let known = matches!(type_id, 2..=4) || (allows_21 && matches!(type_id, 5 | 6));
    if !known {
        return Err(RpcError::UnknownMessageType { id, type_id });
    }
    let Some(id) = id else {
        return Err(RpcError::UnreadableId {
            type_id: type_id as u8,
        });
    };
    let malformed = |what: &'static str| RpcError::Malformed {
        id: id.clone(),
        type_id: type_id as u8,
        what,
    };
    match type_id {
        2 | 6 => {
            let [_, _, action, payload] = items.as_slice() else {
                return Err(malformed("a CALL has exactly 4 elements"));
            };
            let action: String = serde_json::from_str(action.get())
                .map_err(|_| malformed("the action is not a string"))?;
            let payload =
                object(payload).ok_or_else(|| malformed("the payload is not an object"))?;
            let call = Call {
                id,
                action,
                payload,
            };
            Ok(if type_id == 2 {
                Frame::Call(call)
            } else {
                Frame::Send(call)
            })
        }
        3 => {
            let [_, _, payload] = items.as_slice() else {
                return Err(malformed("a CALLRESULT has exactly 3 elements"));
            };
            let payload =
                object(payload).ok_or_else(|| malformed("the payload is not an object"))?;
            Ok(Frame::CallResult(CallResult { id, payload }))
        }
        _ => {
            // Some stations leave out the details; accept 4 elements as well as 5.
            let (code, description, details) = match items.as_slice() {
                [_, _, code, description, details] => (code, description, Some(details)),
                [_, _, code, description] => (code, description, None),
                _ => return Err(malformed("a CALLERROR has 5 elements")),
            };
            let code: String = serde_json::from_str(code.get())
                .map_err(|_| malformed("the error code is not a string"))?;
            let description: String = serde_json::from_str(description.get())
                .map_err(|_| malformed("the error description is not a string"))?;
            let details = match details {
                Some(raw) => {
                    object(raw).ok_or_else(|| malformed("the details are not an object"))?
                }
                None => empty_object(),
            };
            let error = CallError {
                id,
                code,
                description,
                details,
            };
            Ok(if type_id == 4 {
                Frame::CallError(error)
            } else {
                Frame::CallResultError(error)
            })
        }
    }
}

fn read_id(raw: &RawValue) -> Option<MessageId> {
    let id: String = serde_json::from_str(raw.get()).ok()?;
    MessageId::new(id)
}

fn object(raw: &RawValue) -> Option<Box<RawValue>> {
    raw.get().starts_with('{').then(|| raw.to_owned())
}

pub(crate) fn empty_object() -> Box<RawValue> {
    RawValue::from_string("{}".to_owned()).unwrap_or_else(|_| unreachable_raw())
}

fn unreachable_raw() -> Box<RawValue> {
    // "{}" is valid JSON; this branch exists only to avoid an unwrap.
    serde_json::value::to_raw_value(&serde_json::Map::new()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Frame {
        parse(text, Version::V16).unwrap()
    }

    #[test]
    fn parses_the_three_types() {
        let Frame::Call(c) = ok(r#"[2,"a1","Heartbeat",{}]"#) else {
            panic!()
        };
        assert_eq!(
            (c.id.as_str(), c.action.as_str(), c.payload.get()),
            ("a1", "Heartbeat", "{}")
        );
        let Frame::CallResult(r) = ok(r#"[3, "a1", {"currentTime":"x"}]"#) else {
            panic!()
        };
        assert_eq!(r.payload.get(), r#"{"currentTime":"x"}"#);
        let Frame::CallError(e) = ok(r#"[4,"a1","NotImplemented","nope",{}]"#) else {
            panic!()
        };
        assert_eq!(
            (e.code.as_str(), e.description.as_str()),
            ("NotImplemented", "nope")
        );
        let Frame::CallError(e) = ok(r#"[4,"a1","GenericError",""]"#) else {
            panic!()
        };
        assert_eq!(e.details.get(), "{}");
    }

    #[test]
    fn encode_round_trips() {
        for text in [
            r#"[2,"a\"1","Heartbeat",{}]"#,
            r#"[3,"x",{"status":"Accepted"}]"#,
            r#"[4,"x","GenericError","d",{"k":1}]"#,
        ] {
            assert_eq!(ok(text).encode(), text);
        }
    }

    #[test]
    fn errors_are_classified() {
        assert!(matches!(
            parse("nonsense", Version::V16),
            Err(RpcError::NotJson)
        ));
        assert!(matches!(
            parse("{}", Version::V16),
            Err(RpcError::NotAnArray { id: None })
        ));
        assert!(matches!(
            parse(r#"[9,"id",{}]"#, Version::V16),
            Err(RpcError::UnknownMessageType { type_id: 9, .. })
        ));
        assert!(matches!(
            parse(r#"[6,"id","X",{}]"#, Version::V16),
            Err(RpcError::UnknownMessageType { type_id: 6, .. })
        ));
        assert!(matches!(
            parse(r#"[6,"id","X",{}]"#, Version::V21),
            Ok(Frame::Send(_))
        ));
        assert!(matches!(
            parse(r#"[2,17,"Heartbeat",{}]"#, Version::V16),
            Err(RpcError::UnreadableId { type_id: 2 })
        ));
        assert!(matches!(
            parse(r#"[2,"id","Heartbeat",[]]"#, Version::V16),
            Err(RpcError::Malformed { .. })
        ));
        assert!(matches!(
            parse(r#"[2,"id","Heartbeat"]"#, Version::V16),
            Err(RpcError::Malformed { .. })
        ));
        let long_id = format!(r#"[2,"{}","Heartbeat",{{}}]"#, "x".repeat(37));
        assert!(matches!(
            parse(&long_id, Version::V16),
            Err(RpcError::UnreadableId { .. })
        ));
        let big = format!(
            r#"[2,"id","DataTransfer",{{"data":"{}"}}]"#,
            "x".repeat(MAX_FRAME_BYTES)
        );
        assert!(matches!(
            parse(&big, Version::V16),
            Err(RpcError::TooLarge { .. })
        ));
    }
}
