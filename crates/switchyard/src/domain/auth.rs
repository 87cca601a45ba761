//! Authorization of id tags (S16 §4.2 Authorize, §4.8 StartTransaction, §4.10 StopTransaction).

use super::{TagRecord, TagStatus, Time};

/// The answer to give for a tag, as idTagInfo carries it.
#[derive(Clone, Debug, PartialEq)]
pub struct Authorization {
    pub status: TagStatus,
    pub expiry_date: Option<Time>,
    pub parent_id_tag: Option<String>,
}

/// Decide a tag's status at `now`. Unknown tags are `Invalid`; an `Accepted` tag past its
/// expiry is `Expired`; an explicit `Blocked`/`Invalid`/`Expired` wins over the date.
pub fn authorize(tag: Option<&TagRecord>, now: Time) -> Authorization {
    let Some(tag) = tag else {
        return Authorization {
            status: TagStatus::Invalid,
            expiry_date: None,
            parent_id_tag: None,
        };
    };
    let expired = tag.expiry_date.is_some_and(|expiry| expiry <= now);
    let status = match tag.status {
        TagStatus::Accepted if expired => TagStatus::Expired,
        other => other,
    };
    Authorization {
        status,
        expiry_date: tag.expiry_date,
        parent_id_tag: tag.parent_id_tag.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone, Utc};

    fn tag(status: TagStatus, expiry: Option<Time>) -> TagRecord {
        TagRecord {
            id_tag: "T".into(),
            status,
            expiry_date: expiry,
            parent_id_tag: Some("P".into()),
        }
    }

    #[test]
    fn rules() {
        let now = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let past = Some(now - Duration::seconds(1));
        let future = Some(now + Duration::days(1));
        assert_eq!(authorize(None, now).status, TagStatus::Invalid);
        assert_eq!(
            authorize(Some(&tag(TagStatus::Accepted, None)), now).status,
            TagStatus::Accepted
        );
        assert_eq!(
            authorize(Some(&tag(TagStatus::Accepted, future)), now).status,
            TagStatus::Accepted
        );
        assert_eq!(
            authorize(Some(&tag(TagStatus::Accepted, past)), now).status,
            TagStatus::Expired
        );
        assert_eq!(
            authorize(Some(&tag(TagStatus::Blocked, past)), now).status,
            TagStatus::Blocked
        );
        assert_eq!(
            authorize(Some(&tag(TagStatus::Invalid, future)), now).status,
            TagStatus::Invalid
        );
        assert_eq!(
            authorize(Some(&tag(TagStatus::Accepted, None)), now)
                .parent_id_tag
                .as_deref(),
            Some("P")
        );
    }
}
