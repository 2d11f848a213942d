//! Texts held once however many entries carry them.
//!
//! A long record repeats the same few texts thousands of times: titles
//! ("Blood test"), clinicians, places, dates, the labels of details. The
//! record keeps one copy of each and lets every entry point at it, and
//! gives each distinct search text a number, so that a search tests each
//! distinct text once rather than once an entry.

use std::borrow::Borrow;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// One copy of each text seen so far.
#[derive(Debug, Default)]
pub struct SharedTexts {
    texts: HashSet<Arc<str>>,
}

impl SharedTexts {
    /// The one copy of `text`.
    pub fn share(&mut self, text: &str) -> Arc<str> {
        if let Some(shared) = self.texts.get(text) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = Arc::from(text);
        self.texts.insert(Arc::clone(&shared));
        shared
    }

    /// How many distinct texts are held.
    pub fn len(&self) -> usize {
        self.texts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }
}

/// A text folded for search, with its number among the record's distinct
/// search texts (numbered from 0 in the order they were first seen).
#[derive(Debug, PartialEq, Eq)]
pub struct SearchText {
    number: u32,
    text: Box<str>,
}

impl SearchText {
    pub fn number(&self) -> usize {
        self.number as usize
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }
}

/// A search text as a set member, found by its text.
#[derive(Debug)]
struct ByText(Arc<SearchText>);

impl PartialEq for ByText {
    fn eq(&self, other: &Self) -> bool {
        self.0.text == other.0.text
    }
}

impl Eq for ByText {}

impl Hash for ByText {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.text.hash(state)
    }
}

impl Borrow<str> for ByText {
    fn borrow(&self) -> &str {
        &self.0.text
    }
}

/// The distinct search texts of a record, numbered.
#[derive(Debug, Default)]
pub struct SearchTexts {
    texts: HashSet<ByText>,
}

impl SearchTexts {
    /// The one copy of `folded`, numbered.
    pub fn share(&mut self, folded: String) -> Arc<SearchText> {
        if let Some(shared) = self.texts.get(folded.as_str()) {
            return Arc::clone(&shared.0);
        }
        let number = u32::try_from(self.texts.len()).unwrap_or(u32::MAX);
        let shared = Arc::new(SearchText {
            number,
            text: folded.into_boxed_str(),
        });
        self.texts.insert(ByText(Arc::clone(&shared)));
        shared
    }

    /// How many distinct search texts are held: one more than the highest
    /// number given.
    pub fn len(&self) -> usize {
        self.texts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }
}

/// Per distinct search text, whether it passed a test, worked out on
/// first use: a search over thousands of entries that share a few hundred
/// texts tests each text once.
#[derive(Debug, Default)]
pub struct TextVerdicts {
    verdicts: Vec<Option<bool>>,
    /// Verdicts keyed by text, for texts numbered beyond the table (from a
    /// record other than the one the table was sized for).
    overflow: HashMap<Box<str>, bool>,
}

impl TextVerdicts {
    /// A table for the search texts numbered below `count`.
    pub fn for_count(count: usize) -> TextVerdicts {
        TextVerdicts {
            verdicts: vec![None; count],
            overflow: HashMap::new(),
        }
    }

    /// The verdict on `text`, from `test` the first time.
    pub fn get(&mut self, text: &SearchText, test: impl FnOnce(&str) -> bool) -> bool {
        match self.verdicts.get_mut(text.number()) {
            Some(Some(verdict)) => *verdict,
            Some(slot) => *slot.insert(test(text.as_str())),
            None => *self
                .overflow
                .entry(text.text.clone())
                .or_insert_with(|| test(&text.text)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_held_once() {
        let mut texts = SharedTexts::default();
        let a = texts.share("Blood test");
        let b = texts.share("Blood test");
        let c = texts.share("Blood test ");
        assert!(Arc::ptr_eq(&a, &b));
        assert!(!Arc::ptr_eq(&a, &c));
        assert_eq!(&*a, "Blood test");
        assert_eq!(texts.len(), 2);
    }

    #[test]
    fn search_texts_are_numbered_in_order_of_first_sight() {
        let mut texts = SearchTexts::default();
        let a = texts.share("blood test".to_owned());
        let b = texts.share("asthma review".to_owned());
        let again = texts.share("blood test".to_owned());
        assert_eq!((a.number(), b.number(), again.number()), (0, 1, 0));
        assert!(Arc::ptr_eq(&a, &again));
        assert_eq!(b.as_str(), "asthma review");
        assert_eq!(texts.len(), 2);
    }

    #[test]
    fn a_verdict_is_worked_out_once_per_text() {
        let mut texts = SearchTexts::default();
        let a = texts.share("blood test".to_owned());
        let b = texts.share("asthma".to_owned());
        let mut verdicts = TextVerdicts::for_count(texts.len());
        let mut tests = 0;
        for text in [&a, &b, &a, &a, &b] {
            verdicts.get(text, |t| {
                tests += 1;
                t.contains("blood")
            });
        }
        assert_eq!(tests, 2);
        assert!(verdicts.get(&a, |_| unreachable!()));
        assert!(!verdicts.get(&b, |_| unreachable!()));
    }

    #[test]
    fn a_text_beyond_the_table_is_still_judged_by_its_own_text() {
        let mut texts = SearchTexts::default();
        let a = texts.share("blood".to_owned());
        let b = texts.share("asthma".to_owned());
        let mut verdicts = TextVerdicts::for_count(1);
        assert!(verdicts.get(&a, |t| t.contains("blood")));
        assert!(!verdicts.get(&b, |t| t.contains("blood")));
        assert!(!verdicts.get(&b, |_| unreachable!()));
    }
}
