//! `/api/v1/id-tags`: the authorization tokens (RFID cards, app tokens) the system knows.

use axum::extract::State;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::error::{ApiError, ErrorBody};
use super::json::{AppJson, AppPath};
use crate::app::App;
use crate::domain::{TagRecord, TagStatus};

/// OCPP 1.6 `IdToken` is a CiString20; 2.0.1 allows 36, so 20 fits both.
pub const ID_TAG_MAX: usize = 20;

#[derive(Debug, Serialize, ToSchema)]
pub struct IdTag {
    pub id_tag: String,
    pub status: TagStatusName,
    #[schema(required = true)]
    pub expiry_date: Option<DateTime<Utc>>,
    #[schema(required = true)]
    pub parent_id_tag: Option<String>,
}

/// A tag the system does not know is answered `Invalid`; an `Accepted` tag past its
/// `expiry_date` is answered `Expired`; `Blocked` and `Invalid` win over the date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum TagStatusName {
    Accepted,
    Blocked,
    Expired,
    Invalid,
}

/// The whole tag: fields left out are `null` (PUT replaces). Invalid values, and unknown
/// fields, are 400.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PutIdTag {
    pub status: TagStatusName,
    /// RFC 3339; stored in UTC.
    #[serde(default)]
    pub expiry_date: Option<DateTime<Utc>>,
    /// 1 to 20 characters, no control characters.
    #[serde(default)]
    #[schema(min_length = 1, max_length = 20)]
    pub parent_id_tag: Option<String>,
}

#[utoipa::path(
    put, path = "/id-tags/{id_tag}", tag = "id-tags",
    params(("id_tag" = String, Path, description = "1 to 20 characters, no control characters")),
    request_body = PutIdTag,
    responses(
        (status = 200, description = "The tag as stored", body = IdTag),
        (status = 400, description = "Invalid id tag, status, date or parent", body = ErrorBody),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
    )
)]
pub async fn put_id_tag(
    State(app): State<App>,
    AppPath(id_tag): AppPath<String>,
    AppJson(body): AppJson<PutIdTag>,
) -> Result<AppJson<IdTag>, ApiError> {
    check_id_tag("id_tag", &id_tag)?;
    if let Some(parent) = &body.parent_id_tag {
        check_id_tag("parent_id_tag", parent)?;
    }
    let record = TagRecord {
        id_tag,
        status: body.status.into(),
        expiry_date: body.expiry_date,
        parent_id_tag: body.parent_id_tag,
    };
    let stored = app.store.put_tag(record).await?;
    // Local lists follow the tags at once (API.md, Local authorization list).
    crate::operations::local_list::tags_changed(&app);
    Ok(AppJson(tag_json(stored)))
}

#[utoipa::path(
    get, path = "/id-tags", tag = "id-tags",
    responses(
        (status = 200, description = "Every tag the system knows", body = Vec<IdTag>),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
    )
)]
pub async fn list_id_tags(State(app): State<App>) -> Result<AppJson<Vec<IdTag>>, ApiError> {
    let tags = app.store.tags().await?;
    Ok(AppJson(tags.into_iter().map(tag_json).collect()))
}

#[utoipa::path(
    get, path = "/id-tags/{id_tag}", tag = "id-tags",
    params(("id_tag" = String, Path, description = "The id tag")),
    responses(
        (status = 200, description = "The tag", body = IdTag),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 404, description = "The system does not know the tag", body = ErrorBody),
    )
)]
pub async fn get_id_tag(
    State(app): State<App>,
    AppPath(id_tag): AppPath<String>,
) -> Result<AppJson<IdTag>, ApiError> {
    let tag = app
        .store
        .tag(&id_tag)
        .await?
        .ok_or_else(|| unknown(&id_tag))?;
    Ok(AppJson(tag_json(tag)))
}

#[utoipa::path(
    delete, path = "/id-tags/{id_tag}", tag = "id-tags",
    params(("id_tag" = String, Path, description = "The id tag")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No or wrong bearer token", body = ErrorBody),
        (status = 404, description = "The system does not know the tag", body = ErrorBody),
    )
)]
pub async fn delete_id_tag(
    State(app): State<App>,
    AppPath(id_tag): AppPath<String>,
) -> Result<StatusCode, ApiError> {
    if app.store.delete_tag(&id_tag).await? {
        crate::operations::local_list::tags_changed(&app);
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(unknown(&id_tag))
    }
}

fn unknown(id_tag: &str) -> ApiError {
    ApiError::not_found(format!("id tag {id_tag} is not known"))
}

/// An id tag as OCPP carries it: 1 to [`ID_TAG_MAX`] characters, no control characters.
pub(super) fn check_id_tag(field: &str, value: &str) -> Result<(), ApiError> {
    let length = value.chars().count();
    if length == 0 || length > ID_TAG_MAX {
        return Err(ApiError::bad_request(format!(
            "{field} must have 1 to {ID_TAG_MAX} characters, it has {length}"
        )));
    }
    if value.chars().any(char::is_control) {
        return Err(ApiError::bad_request(format!(
            "{field} must not contain control characters"
        )));
    }
    Ok(())
}

fn tag_json(record: TagRecord) -> IdTag {
    IdTag {
        id_tag: record.id_tag,
        status: record.status.into(),
        expiry_date: record.expiry_date,
        parent_id_tag: record.parent_id_tag,
    }
}

impl From<TagStatusName> for TagStatus {
    fn from(name: TagStatusName) -> TagStatus {
        match name {
            TagStatusName::Accepted => TagStatus::Accepted,
            TagStatusName::Blocked => TagStatus::Blocked,
            TagStatusName::Expired => TagStatus::Expired,
            TagStatusName::Invalid => TagStatus::Invalid,
        }
    }
}

impl From<TagStatus> for TagStatusName {
    fn from(status: TagStatus) -> TagStatusName {
        match status {
            TagStatus::Accepted => TagStatusName::Accepted,
            TagStatus::Blocked => TagStatusName::Blocked,
            TagStatus::Expired => TagStatusName::Expired,
            // Never stored through the API; the nearest stored meaning.
            TagStatus::Invalid | TagStatus::ConcurrentTx => TagStatusName::Invalid,
        }
    }
}
