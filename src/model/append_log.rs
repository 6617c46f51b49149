//! A history that edits only append to (status changes, scope changes), kept in a persistent
//! vector ([`imbl::Vector`]) so that copying a plan (for an undo step, or when an edit comes while a
//! worker thread still reads the plan) costs a few pointers however long the history has grown.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::ops::Index;

/// An append-only history: reads like a `Vec`, copies in constant time.
#[derive(Clone, PartialEq)]
pub struct AppendLog<T: Clone>(imbl::Vector<T>);

impl<T: Clone> Default for AppendLog<T> {
    fn default() -> Self {
        Self(imbl::Vector::new())
    }
}

impl<T: Clone> AppendLog<T> {
    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The newest entry.
    pub fn last(&self) -> Option<&T> {
        self.0.back()
    }

    /// Adds an entry at the end.
    pub fn push(&mut self, entry: T) {
        self.0.push_back(entry);
    }

    /// The entries, oldest first.
    pub fn iter(&self) -> imbl::vector::Iter<'_, T, imbl::shared_ptr::DefaultSharedPtr> {
        self.0.iter()
    }

    /// The entries, to change (each chunk shared with a copy is copied as it is reached).
    pub fn iter_mut(&mut self) -> imbl::vector::IterMut<'_, T, imbl::shared_ptr::DefaultSharedPtr> {
        self.0.iter_mut()
    }

    /// Cuts the log back to `len` entries and returns the ones cut, oldest first.
    pub fn split_off(&mut self, len: usize) -> Vec<T> {
        self.0
            .split_off(len.min(self.0.len()))
            .into_iter()
            .collect()
    }

    /// Sorts the entries stably by a key.
    pub fn sort_by_key<K: Ord>(&mut self, key: impl FnMut(&T) -> K) {
        let mut entries: Vec<T> = self.0.iter().cloned().collect();
        entries.sort_by_key(key);
        self.0 = entries.into_iter().collect();
    }
}

impl<T: Clone> Extend<T> for AppendLog<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, entries: I) {
        self.0.extend(entries);
    }
}

impl<T: Clone> Index<usize> for AppendLog<T> {
    type Output = T;

    fn index(&self, index: usize) -> &T {
        &self.0[index]
    }
}

impl<T: Clone + std::fmt::Debug> std::fmt::Debug for AppendLog<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.0.iter()).finish()
    }
}

impl<T: Clone> From<Vec<T>> for AppendLog<T> {
    fn from(entries: Vec<T>) -> Self {
        Self(entries.into_iter().collect())
    }
}

impl<T: Clone> FromIterator<T> for AppendLog<T> {
    fn from_iter<I: IntoIterator<Item = T>>(entries: I) -> Self {
        Self(entries.into_iter().collect())
    }
}

impl<'a, T: Clone> IntoIterator for &'a AppendLog<T> {
    type Item = &'a T;
    type IntoIter = imbl::vector::Iter<'a, T, imbl::shared_ptr::DefaultSharedPtr>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'a, T: Clone> IntoIterator for &'a mut AppendLog<T> {
    type Item = &'a mut T;
    type IntoIter = imbl::vector::IterMut<'a, T, imbl::shared_ptr::DefaultSharedPtr>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter_mut()
    }
}

impl<T: Clone + Serialize> Serialize for AppendLog<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter())
    }
}

impl<'de, T: Clone + Deserialize<'de>> Deserialize<'de> for AppendLog<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<T>::deserialize(deserializer).map(Self::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_keeps_its_entries_when_the_original_grows_or_is_cut() {
        let mut log: AppendLog<u32> = (0..100).collect();
        let copy = log.clone();
        log.push(100);
        assert_eq!(log.split_off(50), (50..=100).collect::<Vec<_>>());
        log.extend([7]);
        assert_eq!(log.len(), 51);
        assert_eq!(log[50], 7);
        assert_eq!(
            copy.iter().copied().collect::<Vec<_>>(),
            (0..100).collect::<Vec<_>>()
        );
    }

    #[test]
    fn it_is_written_and_read_as_a_plain_sequence() {
        let log: AppendLog<u32> = vec![3, 1, 2].into();
        let text = ron::to_string(&log).expect("writes");
        assert_eq!(text, "[3,1,2]");
        assert_eq!(ron::from_str::<AppendLog<u32>>(&text).expect("reads"), log);
    }
}
