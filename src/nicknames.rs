//! Given-name variants (Joe/Joseph, Bill/William) from `data/names/nicknames.tsv`, as the
//! consonant skeletons person keys use.

use crate::fasthash::FastMap;
use crate::names::skeleton;
use std::sync::OnceLock;

static TSV: &str = include_str!("../data/names/nicknames.tsv");

/// A nickname (folded) → the formal names (folded) it stands for. Compared as written, not
/// as skeletons: "Jake" and "Jack" share a skeleton but not a formal name.
fn table() -> &'static FastMap<&'static str, Vec<&'static str>> {
    static T: OnceLock<FastMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t: FastMap<&'static str, Vec<&'static str>> = FastMap::default();
        for line in TSV.lines().filter(|l| !l.starts_with('#')) {
            let Some((nick, formal)) = line.split_once('\t') else { continue };
            let v = t.entry(nick).or_default();
            if !v.contains(&formal) {
                v.push(formal);
            }
        }
        t
    })
}

/// The formal names a given name (folded, "joe") may be short for.
pub fn formal_of(given: &str) -> &'static [&'static str] {
    table().get(given).map_or(&[], |v| v.as_slice())
}

/// Whether two given names (folded) are a nickname and its formal name.
pub fn variants(a: &str, b: &str) -> bool {
    a != b && (formal_of(a).contains(&b) || formal_of(b).contains(&a))
}

/// Skeletons of the formal names of `given`, as person keys spell them.
pub fn formal_skeletons(given: &str) -> Vec<String> {
    let mut v: Vec<String> = formal_of(given).iter().map(|f| skeleton(f)).collect();
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nicknames_point_to_formal_names() {
        for (n, f) in [("joe", "joseph"), ("tony", "antony"), ("tony", "anthony"), ("bill", "william"), ("bob", "robert"), ("liz", "elizabeth")] {
            assert!(variants(n, f) && variants(f, n), "{n} → {f}");
        }
        // same skeleton, not the same name
        assert!(!variants("jake", "john"));
        assert!(!variants("joe", "joe"));
    }
}
