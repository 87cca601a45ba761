//! The station's local authorization list, as a charger keeps it: SendLocalList replaces it
//! (Full) or changes entries (Differential, a higher version than it holds, or
//! VersionMismatch); GetLocalListVersion reports the version (0: no list yet). Both versions
//! share it; the answers are in `reply.rs` (1.6) and `v201_answer.rs` (2.0.1).

use std::collections::BTreeMap;

/// Entries a station holds at most (1.6 `LocalAuthListMaxLength`).
pub const MAX_ENTRIES: usize = 1000;
/// Entries per SendLocalList (1.6 `SendLocalListMaxLength`, 2.x `ItemsPerMessage`).
pub const PER_MESSAGE: usize = 100;

#[derive(Debug, Default, Clone)]
pub struct LocalList {
    version: i32,
    /// Tag → its authorization status.
    entries: BTreeMap<String, String>,
}

/// Why an update was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// More entries than the station takes, in one message or in all.
    Failed,
    /// A differential update that does not raise the version.
    VersionMismatch,
}

impl LocalList {
    pub fn version(&self) -> i32 {
        self.version
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    #[cfg(test)]
    pub fn accepts(&self, tag: &str) -> bool {
        self.entries.get(tag).is_some_and(|s| s == "Accepted")
    }

    /// Apply one update: entries are (tag, status), no status removes the tag.
    pub fn update(
        &mut self,
        full: bool,
        version: i32,
        entries: Vec<(String, Option<String>)>,
    ) -> Result<(), Refused> {
        if entries.len() > PER_MESSAGE {
            return Err(Refused::Failed);
        }
        if !full && version <= self.version {
            return Err(Refused::VersionMismatch);
        }
        let mut next = if full {
            BTreeMap::new()
        } else {
            self.entries.clone()
        };
        for (tag, status) in entries {
            match status {
                Some(status) => {
                    next.insert(tag, status);
                }
                None => {
                    next.remove(&tag);
                }
            }
        }
        if next.len() > MAX_ENTRIES {
            return Err(Refused::Failed);
        }
        self.entries = next;
        self.version = version;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn some(tag: &str, status: &str) -> (String, Option<String>) {
        (tag.into(), Some(status.into()))
    }

    #[test]
    fn full_then_differential_with_rising_versions() {
        let mut list = LocalList::default();
        assert_eq!(list.version(), 0);
        list.update(true, 3, vec![some("A", "Accepted"), some("B", "Blocked")])
            .unwrap();
        assert!(list.accepts("A") && !list.accepts("B"));
        assert_eq!(
            list.update(false, 3, vec![some("C", "Accepted")]),
            Err(Refused::VersionMismatch)
        );
        list.update(false, 4, vec![("A".into(), None), some("C", "Accepted")])
            .unwrap();
        assert_eq!((list.version(), list.len()), (4, 2));
        assert!(!list.accepts("A") && list.accepts("C"));
        let too_many = (0..=PER_MESSAGE).map(|i| some(&format!("T{i}"), "Accepted"));
        assert_eq!(
            list.update(true, 5, too_many.collect()),
            Err(Refused::Failed)
        );
        assert_eq!(list.version(), 4, "a refused update changes nothing");
        list.update(true, 6, Vec::new()).unwrap();
        assert_eq!((list.version(), list.len()), (6, 0));
    }
}
