//! Extractors whose rejections come back as our JSON error (400), and lenient body parsing.
//!
//! [`AppJson`] and [`AppQuery`] wrap axum's `Json` and `Query`. Handlers that must make their
//! 404/409/503 checks before complaining about the request (commands) take the body as
//! `Bytes` and parse it later with [`parse_body`].

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::{HeaderMap, header, request::Parts};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};

use super::error::ApiError;

/// `axum::Json` with our rejection; also the response wrapper for JSON bodies.
#[derive(Debug, Clone, Copy, Default)]
pub struct AppJson<T>(pub T);

impl<T, S> FromRequest<S> for AppJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let json_type = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(is_json);
        if !json_type {
            return Err(wrong_content_type());
        }
        let bytes = Bytes::from_request(req, state).await?;
        require_object(&bytes)?;
        let axum::Json(value) = axum::Json::<T>::from_bytes(&bytes)?;
        Ok(AppJson(value))
    }
}

impl<T: Serialize> IntoResponse for AppJson<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

/// `axum::extract::Query` with our rejection.
#[derive(Debug, Clone, Copy, Default)]
pub struct AppQuery<T>(pub T);

impl<T, S> FromRequestParts<S> for AppQuery<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Query(value) = Query::<T>::from_request_parts(parts, state).await?;
        Ok(AppQuery(value))
    }
}

/// `axum::extract::Path` with our rejection.
#[derive(Debug, Clone, Copy, Default)]
pub struct AppPath<T>(pub T);

impl<T, S> FromRequestParts<S> for AppPath<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Path(value) = Path::<T>::from_request_parts(parts, state).await?;
        Ok(AppPath(value))
    }
}

/// For `#[serde(default, deserialize_with = "present")]` on an `Option<Option<T>>` field:
/// absent → `None` (leave as it is), `null` → `Some(None)` (clear), a value → `Some(Some(v))`.
pub fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// Parse a JSON request body that was taken as bytes. An empty body counts as `{}`; a
/// `Content-Type` other than JSON is refused, a missing one is accepted (`curl -X POST`).
pub fn parse_body<T: DeserializeOwned>(headers: &HeaderMap, body: &[u8]) -> Result<T, ApiError> {
    if let Some(content_type) = headers.get(header::CONTENT_TYPE)
        && !is_json(content_type.to_str().unwrap_or_default())
    {
        return Err(wrong_content_type());
    }
    let body: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        body
    };
    require_object(body)?;
    serde_json::from_slice(body).map_err(|e| {
        ApiError::bad_request(format!(
            "Failed to deserialize the JSON body into the target type: {e}"
        ))
    })
}

fn wrong_content_type() -> ApiError {
    ApiError::bad_request("expected a request body with Content-Type: application/json")
}

/// Every request body of this API is a JSON object. (Derived `Deserialize` would also take
/// an array for a struct, filling its fields by position.)
fn require_object(body: &[u8]) -> Result<(), ApiError> {
    match body.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => Ok(()),
        _ => Err(ApiError::bad_request(
            "the request body must be a JSON object",
        )),
    }
}

/// `application/json` or `application/*+json`, parameters ignored (as axum's `Json` does).
fn is_json(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Body {
        #[serde(default)]
        n: u32,
    }

    #[test]
    fn lenient_body() {
        let mut headers = HeaderMap::new();
        assert_eq!(parse_body::<Body>(&headers, b"").unwrap(), Body { n: 0 });
        assert_eq!(
            parse_body::<Body>(&headers, b" {\"n\":3}").unwrap(),
            Body { n: 3 }
        );
        assert!(parse_body::<Body>(&headers, b"{").is_err());
        assert!(parse_body::<Body>(&headers, b"[3]").is_err());
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json; charset=utf-8"),
        );
        assert!(parse_body::<Body>(&headers, b"{}").is_ok());
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain"));
        assert!(matches!(
            parse_body::<Body>(&headers, b"{}"),
            Err(ApiError::BadRequest(_))
        ));
        assert!(is_json("application/merge-patch+json"));
    }
}
