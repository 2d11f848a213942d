//! A set of entry kinds, for the kind filter: one bit per kind.

use record_access_contract::EntryKind;

/// Every kind in alphabetical order of its wire name: the order the kinds
/// are written in the URL query.
const ALPHABETICAL: [EntryKind; 8] = [
    EntryKind::Allergy,
    EntryKind::Consultation,
    EntryKind::Document,
    EntryKind::Immunisation,
    EntryKind::Medicine,
    EntryKind::Other,
    EntryKind::Problem,
    EntryKind::TestResult,
];

/// Some of the kinds of entry. Empty means no kind filter.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KindSet(u16);

impl KindSet {
    fn bit(kind: EntryKind) -> u16 {
        1 << (kind as u16)
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn contains(self, kind: EntryKind) -> bool {
        self.0 & Self::bit(kind) != 0
    }

    pub fn insert(&mut self, kind: EntryKind) {
        self.0 |= Self::bit(kind);
    }

    pub fn remove(&mut self, kind: EntryKind) {
        self.0 &= !Self::bit(kind);
    }

    /// The kinds in the set, in alphabetical order of their wire names.
    pub fn iter(self) -> impl Iterator<Item = EntryKind> {
        ALPHABETICAL.into_iter().filter(move |k| self.contains(*k))
    }
}

impl FromIterator<EntryKind> for KindSet {
    fn from_iter<I: IntoIterator<Item = EntryKind>>(kinds: I) -> Self {
        let mut set = KindSet::default();
        for kind in kinds {
            set.insert(kind);
        }
        set
    }
}

impl<const N: usize> From<[EntryKind; N]> for KindSet {
    fn from(kinds: [EntryKind; N]) -> Self {
        kinds.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_each_kind_on_its_own() {
        for kind in ALPHABETICAL {
            let mut set = KindSet::default();
            assert!(!set.contains(kind));
            set.insert(kind);
            assert!(set.contains(kind));
            assert_eq!(set.iter().collect::<Vec<_>>(), [kind]);
            for other in ALPHABETICAL.into_iter().filter(|k| *k != kind) {
                assert!(!set.contains(other), "{other:?} in a set of {kind:?}");
            }
            set.remove(kind);
            assert!(set.is_empty());
        }
    }

    #[test]
    fn lists_every_kind_in_alphabetical_order() {
        let names: Vec<&str> = ALPHABETICAL.iter().map(|k| k.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(names, sorted);
        assert!(EntryKind::KNOWN.iter().all(|k| ALPHABETICAL.contains(k)));
        let all: KindSet = EntryKind::KNOWN.into();
        assert!(!all.contains(EntryKind::Other));
        assert_eq!(all.iter().count(), 7);
    }
}
