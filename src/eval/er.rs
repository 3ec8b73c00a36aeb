//! Entity-resolution statistics (second half of score.py `score`): which gold entities
//! the system split, merged, or joined with their garbled names.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::text::norm;
use super::{EntityId, Gold, Score};

/// Entity-resolution statistics from `entity_aliases` rows (score.py, second half).
pub(super) fn entity_stats(res: &mut Score, gold: &Gold, aliases: &[(EntityId, String, String)]) {
    // system entity -> its normalised names, in order of first appearance
    let mut names_of: Vec<(EntityId, BTreeSet<String>)> = Vec::new();
    let mut index: HashMap<EntityId, usize> = HashMap::new();
    for (id, entity, alias) in aliases {
        let i = *index.entry(id.clone()).or_insert_with(|| {
            names_of.push((id.clone(), BTreeSet::new()));
            names_of.len() - 1
        });
        names_of[i].1.insert(norm(alias));
        names_of[i].1.insert(norm(entity));
    }
    let unique: HashMap<&String, &String> = gold
        .alias_keys
        .iter()
        .filter(|(_, keys)| keys.len() == 1)
        .map(|(a, keys)| (a, keys.iter().next().expect("one key")))
        .collect();
    let soft: HashMap<&String, BTreeSet<String>> = gold
        .entities
        .iter()
        .map(|(k, e)| {
            (
                k,
                e.names
                    .iter()
                    .filter(|(_, hard)| !hard)
                    .map(|(a, _)| norm(a))
                    .collect(),
            )
        })
        .collect();
    // gold key -> indexes of system entities holding a plain name of it
    let mut holders: BTreeMap<&String, BTreeSet<usize>> = BTreeMap::new();
    // system entity (index) -> gold keys it holds a unique name of
    let mut keys_in: Vec<(usize, BTreeSet<String>)> = Vec::new();
    for (i, (_, names)) in names_of.iter().enumerate() {
        let mut keys = BTreeSet::new();
        for n in names {
            let Some(&k) = unique.get(n) else { continue };
            keys.insert(k.clone());
            if soft[k].contains(n) {
                holders.entry(k).or_default().insert(i);
            }
        }
        if !keys.is_empty() {
            keys_in.push((i, keys));
        }
    }
    res.entities_seen = holders.len();
    res.fragmented = holders
        .iter()
        .filter(|(_, h)| h.len() > 1)
        .map(|(k, _)| (*k).clone())
        .collect();
    res.overmerged = keys_in
        .iter()
        .filter(|(_, ks)| ks.len() > 1)
        .map(|(i, ks)| (names_of[*i].0.clone(), ks.iter().cloned().collect()))
        .collect();
    res.overmerged.sort();
    for group in &gold.distinct {
        for (i, ks) in &keys_in {
            let clash: Vec<String> = group.iter().filter(|k| ks.contains(*k)).cloned().collect();
            if clash.len() > 1 {
                res.distinct_violations
                    .push((names_of[*i].0.clone(), clash));
            }
        }
    }
    for (k, entity) in &gold.entities {
        let hard: BTreeSet<String> = entity
            .names
            .iter()
            .filter(|(_, h)| *h)
            .map(|(a, _)| norm(a))
            .filter(|h| !soft[k].contains(h))
            .collect();
        for h in &hard {
            let owners: Vec<usize> = names_of
                .iter()
                .enumerate()
                .filter(|(_, (_, names))| names.contains(h))
                .map(|(i, _)| i)
                .collect();
            if owners.is_empty() {
                continue;
            }
            res.hard_aliases_seen += 1;
            if owners
                .iter()
                .any(|i| holders.get(k).is_some_and(|hs| hs.contains(i)))
            {
                res.hard_aliases_merged += 1;
            }
        }
    }
}
