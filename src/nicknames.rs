//! Given-name variants (Joe/Joseph, Bill/William) from `data/names/nicknames.tsv`, as the
//! consonant skeletons person keys use.

use crate::fasthash::FastMap;
use crate::names::skeleton;
use std::sync::OnceLock;

static TSV: &str = include_str!("../data/names/nicknames.tsv");

/// Skeleton of a nickname → skeletons of the formal names it stands for.
fn table() -> &'static FastMap<String, Vec<String>> {
    static T: OnceLock<FastMap<String, Vec<String>>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t: FastMap<String, Vec<String>> = FastMap::default();
        for line in TSV.lines().filter(|l| !l.starts_with('#')) {
            let Some((nick, formal)) = line.split_once('\t') else { continue };
            let (n, f) = (skeleton(nick), skeleton(formal));
            if n != f {
                let v = t.entry(n).or_default();
                if !v.contains(&f) {
                    v.push(f);
                }
            }
        }
        t
    })
}

/// The formal given names (as skeletons) a given name's skeleton may be short for.
pub fn formal_of(given_sk: &str) -> &'static [String] {
    table().get(given_sk).map_or(&[], |v| v.as_slice())
}

/// Whether two given names (skeletons) are a nickname and its formal name.
pub fn variants(a: &str, b: &str) -> bool {
    formal_of(a).iter().any(|f| f == b) || formal_of(b).iter().any(|f| f == a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nicknames_point_to_formal_names() {
        for (n, f) in [("Joe", "Joseph"), ("Tony", "Antony"), ("Tony", "Anthony"), ("Bill", "William"), ("Bob", "Robert"), ("Liz", "Elizabeth")] {
            assert!(formal_of(&skeleton(n)).contains(&skeleton(f)), "{n} → {f}");
        }
        assert!(formal_of(&skeleton("Joseph")).is_empty() || !formal_of(&skeleton("Joseph")).contains(&skeleton("Joe")));
    }
}
