//! The one error type of the HTTP API, and the one place it becomes a response.
//!
//! Every failure renders as `{"error": {"code": "...", "message": "..."}}` (API.md); a station's
//! CALLERROR adds `ocpp_error_code` and `details`. Internal causes are never sent: they ride in
//! a response extension ([`InternalCause`]) that `api::log_internal_errors` logs once.

use axum::extract::rejection::{BytesRejection, JsonRejection, PathRejection, QueryRejection};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::value::RawValue;
use utoipa::ToSchema;

use crate::commands::{CommandError, StationError};
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// 400: the request itself is invalid (body, query, path value).
    #[error("{0}")]
    BadRequest(String),
    /// 401: no bearer token, or a wrong one.
    #[error("missing or invalid bearer token")]
    Unauthorized,
    /// 404: unknown station, id tag, transaction, command or route.
    #[error("{0}")]
    NotFound(String),
    /// 405: the path exists, the method does not.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// 409: the system's records conflict with the request (e.g. stopping a stopped transaction).
    #[error("{0}")]
    Conflict(String),
    /// 422: the system refuses the request (e.g. a command the station's state forbids).
    #[error("{0}")]
    Unprocessable(String),
    /// 502: the station answered with a CALLERROR.
    #[error(transparent)]
    CallError(StationError),
    /// 503: the station is not connected.
    #[error("{0}")]
    NotConnected(String),
    /// 504: the station did not answer in time.
    #[error("{0}")]
    Timeout(String),
    /// 413: an upload larger than the server's `--upload-limit`.
    #[error("{0}")]
    TooLarge(String),
    /// 500: something of ours failed; the cause is logged, never sent.
    #[error("internal error")]
    Internal(String),
}

/// The cause of a 500, attached to the response for the logging middleware.
#[derive(Clone, Debug)]
pub struct InternalCause(pub String);

/// The error body (documentation and tests; responses are built in `into_response`).
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// `bad_request`, `unauthorized`, `not_found`, `method_not_allowed`, `conflict`,
    /// `unprocessable`, `call_error`, `station_not_connected`, `station_timeout`,
    /// `payload_too_large`, `internal`.
    pub code: &'static str,
    pub message: String,
    /// Only with `call_error`: the station's OCPP error code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ocpp_error_code: Option<String>,
    /// Only with `call_error`: the station's errorDetails object.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub details: Option<Box<RawValue>>,
}

impl ApiError {
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::CallError(_) => StatusCode::BAD_GATEWAY,
            ApiError::NotConnected(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Timeout(_) => StatusCode::GATEWAY_TIMEOUT,
            ApiError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            ApiError::BadRequest(_) => "bad_request",
            ApiError::Unauthorized => "unauthorized",
            ApiError::NotFound(_) => "not_found",
            ApiError::MethodNotAllowed => "method_not_allowed",
            ApiError::Conflict(_) => "conflict",
            ApiError::Unprocessable(_) => "unprocessable",
            ApiError::CallError(_) => "call_error",
            ApiError::NotConnected(_) => "station_not_connected",
            ApiError::Timeout(_) => "station_timeout",
            ApiError::TooLarge(_) => "payload_too_large",
            ApiError::Internal(_) => "internal",
        }
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::BadRequest(message.into())
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::NotFound(message.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let code = self.code();
        let message = self.to_string();
        let (ocpp_error_code, details, cause) = match self {
            ApiError::CallError(station) => (Some(station.code), Some(station.details), None),
            ApiError::Internal(cause) => (None, None, Some(cause)),
            _ => (None, None, None),
        };
        let body = ErrorBody {
            error: ErrorDetail {
                code,
                message,
                ocpp_error_code,
                details,
            },
        };
        let mut response = (status, axum::Json(body)).into_response();
        if status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        if let Some(cause) = cause {
            response.extensions_mut().insert(InternalCause(cause));
        }
        response
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> ApiError {
        ApiError::Internal(format!("store: {error}"))
    }
}

impl From<CommandError> for ApiError {
    fn from(error: CommandError) -> ApiError {
        match error {
            CommandError::NotConnected => ApiError::NotConnected(error.to_string()),
            CommandError::Timeout(_) => ApiError::Timeout(error.to_string()),
            CommandError::CallError(station) => ApiError::CallError(station),
            CommandError::Forbidden(message) => ApiError::Unprocessable(message),
            CommandError::Invalid(message) => ApiError::BadRequest(message),
        }
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> ApiError {
        match rejection {
            JsonRejection::MissingJsonContentType(_) => {
                ApiError::bad_request("expected a request body with Content-Type: application/json")
            }
            JsonRejection::BytesRejection(bytes) => ApiError::from(bytes),
            other => ApiError::BadRequest(other.body_text()),
        }
    }
}

impl From<BytesRejection> for ApiError {
    fn from(rejection: BytesRejection) -> ApiError {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::bad_request(format!(
                "the request body is larger than {} bytes",
                super::BODY_LIMIT
            ))
        } else {
            ApiError::BadRequest(rejection.body_text())
        }
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> ApiError {
        ApiError::BadRequest(rejection.body_text())
    }
}

impl From<PathRejection> for ApiError {
    fn from(rejection: PathRejection) -> ApiError {
        ApiError::BadRequest(rejection.body_text())
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use axum::body::to_bytes;

    use super::*;

    async fn render(error: ApiError) -> (StatusCode, serde_json::Value, Option<InternalCause>) {
        let response = error.into_response();
        let status = response.status();
        let cause = response.extensions().get::<InternalCause>().cloned();
        let body = to_bytes(response.into_body(), usize::MAX).await.unwrap();
        (status, serde_json::from_slice(&body).unwrap(), cause)
    }

    #[tokio::test]
    async fn command_errors_map_to_statuses_and_codes() {
        let cases = [
            (CommandError::NotConnected, 503, "station_not_connected"),
            (
                CommandError::Timeout(Duration::from_secs(30)),
                504,
                "station_timeout",
            ),
            (
                CommandError::Forbidden("boot is Pending".into()),
                422,
                "unprocessable",
            ),
            (
                CommandError::Invalid("unknown action".into()),
                400,
                "bad_request",
            ),
        ];
        for (error, status, code) in cases {
            let (got, body, _) = render(error.into()).await;
            assert_eq!(got.as_u16(), status);
            assert_eq!(body["error"]["code"], code);
            assert!(body["error"]["message"].is_string());
            assert!(body["error"].get("ocpp_error_code").is_none());
        }
    }

    #[tokio::test]
    async fn call_error_carries_ocpp_code_and_details() {
        let error = CommandError::CallError(StationError {
            code: "NotSupported".into(),
            description: "no such thing".into(),
            details: RawValue::from_string(r#"{"why":"firmware"}"#.into()).unwrap(),
        });
        let (status, body, _) = render(error.into()).await;
        assert_eq!(status, StatusCode::BAD_GATEWAY);
        assert_eq!(body["error"]["code"], "call_error");
        assert_eq!(body["error"]["ocpp_error_code"], "NotSupported");
        assert_eq!(body["error"]["details"]["why"], "firmware");
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .contains("no such thing")
        );
    }

    #[tokio::test]
    async fn store_errors_hide_their_cause() {
        let (status, body, cause) =
            render(StoreError::Database("disk I/O error at /secret".into()).into()).await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(body["error"]["code"], "internal");
        assert!(!body.to_string().contains("secret"));
        assert!(cause.unwrap().0.contains("/secret"));
    }
}
