//! Finding the one task title that holds some words, for dependencies named by words
//! ("Authentication must be complete first", "blocked on electrical inspection").
//!
//! Exact titles are found through a map. A plain scan of every title for every reference costs
//! titles × references, quadratic for a document full of references. The index keeps, for each three-byte sequence, the titles that
//! hold it (built on the first search that needs it); a search scans only the titles holding the
//! reference's rarest sequence, and stops at the second title that holds the words.

use std::collections::HashMap;

/// Lower-case task titles and, once needed, which titles hold each three-byte sequence.
pub(super) struct Titles {
    lower: Vec<String>,
    by_title: Option<HashMap<String, usize>>,
    grams: Option<HashMap<[u8; 3], Vec<u32>>>,
}

impl Titles {
    /// The titles, lower-cased.
    pub(super) fn new<'a>(titles: impl Iterator<Item = &'a str>) -> Self {
        Self {
            lower: titles.map(str::to_lowercase).collect(),
            by_title: None,
            grams: None,
        }
    }

    /// The index of the title equal to `words` (lower-case), if any.
    pub(super) fn exact(&mut self, words: &str) -> Option<usize> {
        let titles = &self.lower;
        let by_title = self.by_title.get_or_insert_with(|| {
            let mut map = HashMap::with_capacity(titles.len());
            for (i, title) in titles.iter().enumerate() {
                map.entry(title.clone()).or_insert(i);
            }
            map
        });
        by_title.get(words).copied()
    }

    /// The index of the only title that holds `words` (lower-case); `None` when none or several do.
    pub(super) fn only_holding(&mut self, words: &str) -> Option<usize> {
        let bytes = words.as_bytes();
        if bytes.len() < 3 {
            return only(self.lower.iter().enumerate(), words);
        }
        let titles = &self.lower;
        let grams = self.grams.get_or_insert_with(|| index(titles));
        let mut rarest: Option<&Vec<u32>> = None;
        for window in bytes.windows(3) {
            let key = [window[0], window[1], window[2]];
            let list = grams.get(&key)?;
            if rarest.is_none_or(|r| list.len() < r.len()) {
                rarest = Some(list);
            }
        }
        let candidates = rarest?
            .iter()
            .map(|&i| (i as usize, &self.lower[i as usize]));
        only(candidates, words)
    }
}

/// The only one of `titles` that holds `words`.
fn only<'a>(mut titles: impl Iterator<Item = (usize, &'a String)>, words: &str) -> Option<usize> {
    let (first, _) = titles.by_ref().find(|(_, t)| t.contains(words))?;
    titles
        .find(|(_, t)| t.contains(words))
        .is_none()
        .then_some(first)
}

fn index(titles: &[String]) -> HashMap<[u8; 3], Vec<u32>> {
    let mut grams: HashMap<[u8; 3], Vec<u32>> = HashMap::new();
    for (i, title) in titles.iter().enumerate() {
        let Ok(i) = u32::try_from(i) else { break };
        for window in title.as_bytes().windows(3) {
            let list = grams.entry([window[0], window[1], window[2]]).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    grams
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_one_title_holding_the_words() {
        let mut titles = Titles::new(
            [
                "Order chairs",
                "Order tables",
                "Book the electrical inspection",
            ]
            .into_iter(),
        );
        assert_eq!(titles.only_holding("electrical inspection"), Some(2));
        assert_eq!(titles.only_holding("order"), None, "two titles hold it");
        assert_eq!(titles.only_holding("chairs"), Some(0));
        assert_eq!(titles.only_holding("ta"), Some(1));
        assert_eq!(titles.only_holding("sofas"), None);
        assert_eq!(titles.exact("order tables"), Some(1));
    }
}
