//! Local authorization lists (1.6 Local Auth List Management, 2.x block D): what a station's
//! list should hold, and the SendLocalList messages that take it there from what it holds.
//!
//! Pure: the caller reads the tags and the station's last acknowledged list from the store,
//! sends the planned messages one by one, and records each accepted one.

use std::collections::BTreeMap;

use super::auth::{Authorization, authorize};
use super::{TagRecord, Time, format_time};

/// One entry of a SendLocalList: a tag and its authorization, or none (a differential
/// removal: an entry without idTagInfo removes the tag, S16 §5.15 and 2.x D01).
#[derive(Clone, Debug, PartialEq)]
pub struct ListEntry {
    pub id_tag: String,
    pub authorization: Option<Authorization>,
}

impl ListEntry {
    /// What the station holds for this entry, as a comparable string (the store keeps it).
    pub fn fingerprint(&self) -> Option<String> {
        self.authorization.as_ref().map(|a| {
            format!(
                "{}|{}|{}",
                a.status.as_str(),
                a.expiry_date.map(format_time).unwrap_or_default(),
                a.parent_id_tag.as_deref().unwrap_or_default()
            )
        })
    }
}

/// A SendLocalList to send: `full` replaces the station's list, otherwise it changes entries.
#[derive(Clone, Debug, PartialEq)]
pub struct ListUpdate {
    pub version: i32,
    pub full: bool,
    pub entries: Vec<ListEntry>,
}

/// The station's list as the system last saw it acknowledged.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LocalListState {
    /// The last version the station accepted (0: none yet).
    pub version: i32,
    /// The station's last answer (`Accepted`, `Failed`, `NotSupported`, `VersionMismatch`),
    /// or why there was none (`NotConnected`, `Timeout`, `CallError`).
    pub last_result: Option<String>,
    pub updated_at: Option<Time>,
    /// Tag → fingerprint of every entry the station holds.
    pub entries: BTreeMap<String, String>,
}

impl LocalListState {
    /// Whether the station's list is known to be what `wanted` says. After a refused
    /// update (Failed, VersionMismatch, …) it is not: what the station holds is in doubt.
    pub fn in_sync(&self, wanted: &[ListEntry]) -> bool {
        self.version > 0
            && self.last_result.as_deref() == Some("Accepted")
            && self.entries.len() == wanted.len()
            && wanted
                .iter()
                .all(|e| e.fingerprint().as_ref() == self.entries.get(&e.id_tag))
    }
}

/// How a station may take a list (from its configuration).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListLimits {
    /// `LocalAuthListMaxLength` (2.x `LocalAuthListCtrlr.Entries` maxLimit): tags beyond it
    /// are left out.
    pub max_entries: Option<usize>,
    /// `SendLocalListMaxLength` (2.x `LocalAuthListCtrlr.ItemsPerMessage`): entries per message.
    pub per_message: Option<usize>,
}

/// The list a station should hold at `now`: every tag with the answer the system would give
/// (an expired one as Expired), sorted by tag, cut at the station's maximum.
pub fn wanted(tags: &[TagRecord], now: Time, limits: ListLimits) -> Vec<ListEntry> {
    let mut entries: Vec<ListEntry> = tags
        .iter()
        .map(|tag| ListEntry {
            id_tag: tag.id_tag.clone(),
            authorization: Some(authorize(Some(tag), now)),
        })
        .collect();
    entries.sort_by(|a, b| a.id_tag.cmp(&b.id_tag));
    if let Some(max) = limits.max_entries {
        entries.truncate(max);
    }
    entries
}

/// The messages that take the station from `held` to `wanted`: a Full update (chunked: a Full
/// with the first part, then Differentials, every message a higher version) when `full` or
/// nothing is known of the station's list, otherwise one Differential per chunk of changes.
/// Empty when the station already holds the list. A Full update of an empty list is one
/// message without entries, which empties the station's list.
pub fn plan(
    wanted: &[ListEntry],
    held: &LocalListState,
    full: bool,
    limits: ListLimits,
) -> Vec<ListUpdate> {
    let chunk = limits.per_message.unwrap_or(usize::MAX).max(1);
    let full = full || held.version <= 0 || held.last_result.as_deref() != Some("Accepted");
    let (entries, first_full) = if full {
        (wanted.to_vec(), true)
    } else {
        let mut changes: Vec<ListEntry> = wanted
            .iter()
            .filter(|e| e.fingerprint().as_ref() != held.entries.get(&e.id_tag))
            .cloned()
            .collect();
        changes.extend(
            held.entries
                .keys()
                .filter(|tag| !wanted.iter().any(|e| &e.id_tag == *tag))
                .map(|tag| ListEntry {
                    id_tag: tag.clone(),
                    authorization: None,
                }),
        );
        if changes.is_empty() {
            return Vec::new();
        }
        (changes, false)
    };
    let mut updates: Vec<ListUpdate> = entries
        .chunks(chunk)
        .enumerate()
        .map(|(i, part)| ListUpdate {
            version: 0,
            full: first_full && i == 0,
            entries: part.to_vec(),
        })
        .collect();
    if updates.is_empty() {
        updates.push(ListUpdate {
            version: 0,
            full: true,
            entries: Vec::new(),
        });
    }
    // Strictly increasing versions: a station refuses a differential update that does not
    // raise its version (VersionMismatch).
    for (i, update) in updates.iter_mut().enumerate() {
        let step = i32::try_from(i + 1).unwrap_or(i32::MAX);
        update.version = held.version.max(0).saturating_add(step);
    }
    updates
}

/// The station's list after it accepted `update`.
pub fn apply(held: &mut LocalListState, update: &ListUpdate) {
    if update.full {
        held.entries.clear();
    }
    for entry in &update.entries {
        match entry.fingerprint() {
            Some(fingerprint) => {
                held.entries.insert(entry.id_tag.clone(), fingerprint);
            }
            None => {
                held.entries.remove(&entry.id_tag);
            }
        }
    }
    held.version = update.version;
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone, Utc};

    use super::*;
    use crate::domain::TagStatus;

    fn now() -> Time {
        Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap()
    }

    fn tag(id: &str, status: TagStatus) -> TagRecord {
        TagRecord {
            id_tag: id.into(),
            status,
            expiry_date: None,
            parent_id_tag: None,
        }
    }

    const NO_LIMITS: ListLimits = ListLimits {
        max_entries: None,
        per_message: None,
    };

    fn accepted(version: i32, wanted: &[ListEntry]) -> LocalListState {
        let mut state = LocalListState {
            last_result: Some("Accepted".into()),
            ..LocalListState::default()
        };
        apply(
            &mut state,
            &ListUpdate {
                version,
                full: true,
                entries: wanted.to_vec(),
            },
        );
        state
    }

    #[test]
    fn the_first_update_is_full_and_chunked_with_rising_versions() {
        let tags: Vec<TagRecord> = ["C", "A", "B", "D", "E"]
            .iter()
            .map(|t| tag(t, TagStatus::Accepted))
            .collect();
        let limits = ListLimits {
            max_entries: Some(4),
            per_message: Some(3),
        };
        let wanted = wanted(&tags, now(), limits);
        let ids: Vec<&str> = wanted.iter().map(|e| e.id_tag.as_str()).collect();
        assert_eq!(ids, ["A", "B", "C", "D"], "sorted, cut at the maximum");
        let updates = plan(&wanted, &LocalListState::default(), false, limits);
        assert_eq!(updates.len(), 2);
        assert!(updates[0].full && !updates[1].full);
        assert_eq!((updates[0].version, updates[1].version), (1, 2));
        assert_eq!(updates[0].entries.len(), 3);
        assert!(
            updates
                .iter()
                .flat_map(|u| &u.entries)
                .all(|e| e.authorization.is_some())
        );

        let mut held = LocalListState {
            last_result: Some("Accepted".into()),
            ..LocalListState::default()
        };
        for update in &updates {
            apply(&mut held, update);
        }
        assert!(held.in_sync(&wanted));
        assert!(
            plan(&wanted, &held, false, limits).is_empty(),
            "nothing to send"
        );
    }

    #[test]
    fn changes_go_as_differential_updates_and_removals_carry_no_info() {
        let before = wanted(
            &[tag("A", TagStatus::Accepted), tag("B", TagStatus::Accepted)],
            now(),
            NO_LIMITS,
        );
        let held = accepted(7, &before);
        let after = wanted(
            &[tag("A", TagStatus::Blocked), tag("C", TagStatus::Accepted)],
            now(),
            NO_LIMITS,
        );
        let updates = plan(&after, &held, false, NO_LIMITS);
        assert_eq!(updates.len(), 1);
        let update = &updates[0];
        assert!(!update.full);
        assert_eq!(update.version, 8);
        let by_tag = |t: &str| update.entries.iter().find(|e| e.id_tag == t).cloned();
        assert_eq!(
            by_tag("A").and_then(|e| e.authorization).map(|a| a.status),
            Some(TagStatus::Blocked)
        );
        assert!(by_tag("C").is_some_and(|e| e.authorization.is_some()));
        assert!(
            by_tag("B").is_some_and(|e| e.authorization.is_none()),
            "removed"
        );
        // Forcing gives a Full update of the whole list instead.
        let forced = plan(&after, &held, true, NO_LIMITS);
        assert!(forced[0].full && forced[0].entries.len() == 2 && forced[0].version == 8);
    }

    #[test]
    fn a_refused_or_unknown_list_gets_a_full_update_and_an_empty_list_one_message() {
        let mut held = accepted(3, &[]);
        held.last_result = Some("VersionMismatch".into());
        let updates = plan(&[], &held, false, NO_LIMITS);
        assert_eq!(
            updates,
            vec![ListUpdate {
                version: 4,
                full: true,
                entries: Vec::new()
            }]
        );
    }

    #[test]
    fn an_expired_tag_is_listed_as_expired_and_changes_when_it_expires() {
        let mut record = tag("A", TagStatus::Accepted);
        record.expiry_date = Some(now() + Duration::hours(1));
        let before = wanted(std::slice::from_ref(&record), now(), NO_LIMITS);
        let held = accepted(1, &before);
        let later = wanted(&[record], now() + Duration::hours(2), NO_LIMITS);
        assert_eq!(
            later[0].authorization.as_ref().map(|a| a.status),
            Some(TagStatus::Expired)
        );
        assert!(!held.in_sync(&later));
        assert_eq!(plan(&later, &held, false, NO_LIMITS).len(), 1);
    }
}
