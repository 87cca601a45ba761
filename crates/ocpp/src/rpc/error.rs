use super::frame::{CallError, MessageId, empty_object};
use super::{ErrorCode, MAX_DESCRIPTION_CHARS, PayloadError};
use crate::Version;

/// Why a frame could not be taken as a valid message. Descriptions never quote the input.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum RpcError {
    #[error("frame of {len} bytes exceeds the 1 MiB limit")]
    TooLarge { len: usize },
    #[error("frame is not valid JSON")]
    NotJson,
    #[error("frame is not an OCPP-J array with a message type id")]
    NotAnArray { id: Option<MessageId> },
    #[error("message type id {type_id} is not supported")]
    UnknownMessageType { id: Option<MessageId>, type_id: u64 },
    #[error("message id is missing, not a string, or longer than 36 characters")]
    UnreadableId { type_id: u8 },
    #[error("malformed frame: {what}")]
    Malformed {
        id: MessageId,
        type_id: u8,
        what: &'static str,
    },
    #[error("unknown action")]
    UnknownAction { id: MessageId },
    #[error("action is not supported")]
    NotSupported { id: MessageId },
    #[error("{error}")]
    Payload { id: MessageId, error: PayloadError },
    #[error("a CALL with this message id is already being handled")]
    DuplicateId { id: MessageId },
    /// The CALL is not allowed in the connection's state (J16E §3.8: before an accepted boot).
    #[error("{reason}")]
    NotAllowed { id: MessageId, reason: String },
}

impl RpcError {
    /// The CALLERROR that answers this error on a `version` connection, or `None` where the
    /// specification says to ignore the frame (unknown message types in 1.6 and 2.1, J16 §4.1.3,
    /// P4-21 §4.4) or where a reply would answer a reply (broken CALLRESULT/CALLERROR frames).
    pub fn call_error(&self, version: Version) -> Option<CallError> {
        let frame_code = ErrorCode::RpcFrameworkError;
        let (id, code) = match self {
            RpcError::TooLarge { .. } => return None,
            RpcError::NotJson => (MessageId::unreadable(), frame_code),
            RpcError::NotAnArray { id } => {
                (id.clone().unwrap_or_else(MessageId::unreadable), frame_code)
            }
            RpcError::UnknownMessageType { id, .. } => {
                if version != Version::V201 {
                    return None;
                }
                (
                    id.clone().unwrap_or_else(MessageId::unreadable),
                    ErrorCode::MessageTypeNotSupported,
                )
            }
            RpcError::UnreadableId { type_id } => {
                if !is_request(*type_id) {
                    return None;
                }
                (MessageId::unreadable(), frame_code)
            }
            RpcError::Malformed { id, type_id, .. } => {
                if !is_request(*type_id) {
                    return None;
                }
                (id.clone(), ErrorCode::FormatViolation)
            }
            RpcError::UnknownAction { id } => (id.clone(), ErrorCode::NotImplemented),
            RpcError::NotSupported { id } => (id.clone(), ErrorCode::NotSupported),
            RpcError::Payload { id, error } => (id.clone(), error.code()),
            RpcError::DuplicateId { id } => (id.clone(), ErrorCode::ProtocolError),
            RpcError::NotAllowed { id, .. } => (id.clone(), ErrorCode::SecurityError),
        };
        Some(CallError {
            id,
            code: code.as_str(version).to_owned(),
            description: truncate(&self.to_string(), MAX_DESCRIPTION_CHARS),
            details: empty_object(),
        })
    }

    /// The id of the frame in error, where it could be read.
    pub fn id(&self) -> Option<&MessageId> {
        match self {
            RpcError::NotAnArray { id } | RpcError::UnknownMessageType { id, .. } => id.as_ref(),
            RpcError::Malformed { id, .. }
            | RpcError::UnknownAction { id }
            | RpcError::NotSupported { id }
            | RpcError::Payload { id, .. }
            | RpcError::DuplicateId { id }
            | RpcError::NotAllowed { id, .. } => Some(id),
            RpcError::TooLarge { .. } | RpcError::NotJson | RpcError::UnreadableId { .. } => None,
        }
    }
}

/// CALL (2) and 2.1's SEND (6) are requests; answering a broken reply would start a ping-pong.
fn is_request(type_id: u8) -> bool {
    matches!(type_id, 2)
}

fn truncate(text: &str, max_chars: usize) -> String {
    text.chars().take(max_chars).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rpc::parse;

    fn answer(text: &str, version: Version) -> Option<(String, String)> {
        let err = parse(text, version).unwrap_err();
        err.call_error(version).map(|e| (e.id.to_string(), e.code))
    }

    #[test]
    fn unreadable_frames_get_minus_one() {
        assert_eq!(
            answer("{not json", Version::V16),
            Some(("-1".into(), "FormationViolation".into()))
        );
        assert_eq!(
            answer("[2,{},\"Heartbeat\",{}]", Version::V16),
            Some(("-1".into(), "FormationViolation".into()))
        );
        assert_eq!(
            answer("{not json", Version::V201),
            Some(("-1".into(), "RpcFrameworkError".into()))
        );
    }

    #[test]
    fn unknown_message_types_follow_each_version() {
        assert_eq!(answer(r#"[7,"m1",{}]"#, Version::V16), None);
        assert_eq!(
            answer(r#"[7,"m1",{}]"#, Version::V201),
            Some(("m1".into(), "MessageTypeNotSupported".into()))
        );
        assert_eq!(answer(r#"[7,"m1",{}]"#, Version::V21), None);
    }

    #[test]
    fn readable_id_is_echoed() {
        assert_eq!(
            answer(r#"[2,"m1","Heartbeat",17]"#, Version::V16),
            Some(("m1".into(), "FormationViolation".into()))
        );
    }

    #[test]
    fn broken_replies_are_not_answered() {
        assert_eq!(answer(r#"[3,"m1",17]"#, Version::V16), None);
        assert_eq!(answer(r#"[3,17,{}]"#, Version::V16), None);
    }

    #[test]
    fn descriptions_never_quote_input() {
        let secret = "SECRET-INPUT";
        for text in [
            format!("[2,\"{secret}\" oops"),
            format!("{{\"{secret}\":1}}"),
        ] {
            let err = parse(&text, Version::V16).unwrap_err();
            let ce = err.call_error(Version::V16).unwrap();
            assert!(!ce.description.contains(secret));
        }
    }
}
