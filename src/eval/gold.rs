//! The gold folder (entities.tsv, facts.tsv, optional er.tsv) and the resolver that maps
//! system names to gold keys, as in score.py `load_gold` and `Resolver`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use anyhow::{bail, Context, Result};

use super::text::{date_span, jaccard, norm, py_repr, py_splitlines, py_strip, tokens};

/// The predicates of spec/ontology.md; facts with others are counted apart.
#[rustfmt::skip]
pub(crate) const PREDICATES: &[&str] = &[
    "attended", "observer_at", "spoke_at", "held_in", "held_on", "organized_by",
    "located_in", "based_in", "heads", "works_for", "member_of", "represents",
    "met_with", "visited", "twinned_with", "partner_of", "signed_agreement_with",
    "published_in", "dedicated_to", "named_after", "part_of",
];

/// Predicates whose subject and object may come in either order.
pub(crate) const SYMMETRIC: &[&str] = &[
    "met_with",
    "twinned_with",
    "partner_of",
    "signed_agreement_with",
];

/// One gold entity: its type and its names; `true` marks a garbled ("~") name.
#[derive(Debug, Clone)]
pub struct GoldEntity {
    pub etype: String,
    pub names: Vec<(String, bool)>,
    /// `tokens()` of each name, in the order of `names`.
    pub(crate) name_tokens: Vec<BTreeSet<String>>,
}

/// One line of facts.tsv.
#[derive(Debug, Clone)]
pub struct GoldFact {
    pub s: String,
    pub p: String,
    pub o: String,
    pub optional: bool,
    pub role: String,
}

/// A loaded gold folder.
#[derive(Debug, Clone, Default)]
pub struct Gold {
    pub entities: BTreeMap<String, GoldEntity>,
    /// norm(name) -> keys of the entities with that name.
    pub alias_keys: BTreeMap<String, BTreeSet<String>>,
    /// article -> its gold facts, in file order.
    pub facts: BTreeMap<String, Vec<GoldFact>>,
    /// Groups of keys that must stay separate entities (er.tsv `distinct` lines).
    pub distinct: Vec<Vec<String>>,
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Load a gold folder; errors carry score.py's messages ("facts.tsv line N: ...").
pub fn load_gold(dir: &Path) -> Result<Gold> {
    let mut gold = Gold::default();
    let text = read(&dir.join("entities.tsv"))?;
    for (n, line) in py_splitlines(&text).into_iter().enumerate() {
        if py_strip(line).is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            bail!(
                "entities.tsv line {}: expected key, type and aliases",
                n + 1
            );
        }
        let mut entity = GoldEntity {
            etype: cols[1].to_string(),
            names: vec![],
            name_tokens: vec![],
        };
        for alias in cols[2].split('|') {
            let name = alias.trim_start_matches('~');
            entity
                .names
                .push((name.to_string(), alias.starts_with('~')));
            entity.name_tokens.push(tokens(name));
            gold.alias_keys
                .entry(norm(name))
                .or_default()
                .insert(cols[0].to_string());
        }
        gold.entities.insert(cols[0].to_string(), entity);
    }
    let text = read(&dir.join("facts.tsv"))?;
    for (i, line) in py_splitlines(&text).into_iter().enumerate() {
        let n = i + 1;
        if py_strip(line).is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 4 {
            bail!(
                "facts.tsv line {n}: not enough values to unpack (expected 6, got {})",
                cols.len() + 2
            );
        }
        cols.extend(["", ""]);
        let (article, s, p, o) = (cols[0], cols[1], cols[2], cols[3]);
        for k in [s, o] {
            if !gold.entities.contains_key(k) && date_span(k).is_none() {
                bail!("facts.tsv line {n}: unknown entity {}", py_repr(k));
            }
        }
        if !PREDICATES.contains(&p) {
            bail!("facts.tsv line {n}: unknown predicate {}", py_repr(p));
        }
        gold.facts
            .entry(article.to_string())
            .or_default()
            .push(GoldFact {
                s: s.to_string(),
                p: p.to_string(),
                o: o.to_string(),
                optional: py_strip(cols[4]) == "?",
                role: py_strip(cols[5]).to_string(),
            });
    }
    let er = dir.join("er.tsv");
    if er.exists() {
        for line in py_splitlines(&read(&er)?) {
            if let Some(rest) = line.strip_prefix("distinct\t") {
                gold.distinct
                    .push(rest.split('\t').map(str::to_string).collect());
            }
        }
    }
    Ok(gold)
}

impl Gold {
    /// score.py `Resolver.key`: the gold key a system name stands for. An exact alias
    /// wins (the smallest key among the article's own, else the smallest key); failing
    /// that, the best token Jaccard ≥ 0.75, over the article's keys first, then all.
    pub fn resolve(&self, name: &str, local: &BTreeSet<String>) -> Option<String> {
        if let Some(found) = self.alias_keys.get(&norm(name)).filter(|f| !f.is_empty()) {
            let key = found
                .intersection(local)
                .next()
                .or_else(|| found.iter().next());
            return key.filter(|k| !k.is_empty()).cloned();
        }
        let toks = tokens(name);
        let mut best = 0.0;
        let mut best_key: Option<&String> = None;
        let pools: [Box<dyn Iterator<Item = &String>>; 2] =
            [Box::new(local.iter()), Box::new(self.entities.keys())];
        for pool in pools {
            for k in pool {
                let Some(entity) = self.entities.get(k) else {
                    continue;
                };
                for alias_tokens in &entity.name_tokens {
                    let score = jaccard(&toks, alias_tokens);
                    if score > best {
                        best = score;
                        best_key = Some(k);
                    }
                }
            }
            if best >= 0.75 {
                // score.py's `or f"?{s}"` also treats an empty key as no key
                return best_key.filter(|k| !k.is_empty()).cloned();
            }
        }
        None
    }

    /// Keys of gold entities named in an article's gold facts.
    pub(crate) fn local_keys(&self, facts: &[GoldFact]) -> BTreeSet<String> {
        facts
            .iter()
            .flat_map(|f| [&f.s, &f.o])
            .filter(|k| self.entities.contains_key(*k))
            .cloned()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_gold_lines_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("entities.tsv"), "a\tORG\tAlpha\n").unwrap();
        std::fs::write(dir.path().join("facts.tsv"), "# c\nx.txt\ta\tvisited\tb\n").unwrap();
        let err = load_gold(dir.path()).unwrap_err().to_string();
        assert_eq!(err, "facts.tsv line 2: unknown entity 'b'");
        std::fs::write(dir.path().join("facts.tsv"), "x.txt\ta\tlikes\t2023\n").unwrap();
        let err = load_gold(dir.path()).unwrap_err().to_string();
        assert_eq!(err, "facts.tsv line 1: unknown predicate 'likes'");
    }
}
