//! The resolve stage: local entities (one per thing an article speaks of) → corpus entities.
//!
//! Each local entity gets a resolution key when its article is analysed (`local_key`);
//! after every build that changed something, `resolve` groups all local entities of the
//! corpus by key, joins what the key cannot see (a bare surname or an organisation named
//! without its country, when only one candidate exists in the corpus), picks canonical
//! names and stable ids, and records why each local entity joined its entity.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::gazetteer;
use crate::model::{Analysis, EntityType, FactObject, Predicate};
use crate::names::{fold, skeleton, strip_editions};

/// A local entity as the resolver sees it.
#[derive(Debug, Clone)]
pub struct Local {
    pub article: String,
    pub local_id: i64,
    pub etype: EntityType,
    pub name: String,
    pub key: String,
    /// Names the article used for it (aliases), with counts.
    pub names: Vec<String>,
}

/// A corpus entity with the local entities it holds and why.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub id: String,
    pub etype: EntityType,
    pub name: String,
    pub members: Vec<(usize, &'static str, String)>, // (index into locals, rule, evidence)
    pub aliases: BTreeMap<String, i64>,
    pub articles: usize,
}

/// Generic descriptions ("the monument to the great leader", "a roundtable discussion")
/// never join across articles: they are tied to their article.
fn generic(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_lowercase())
}

fn region_norm(f: &str) -> String {
    let words: Vec<&str> = f.split(' ').collect();
    match words.last() {
        Some(&("oblast" | "province" | "krai" | "governorate" | "district")) if words.len() >= 2 => {
            format!("{} region", words[..words.len() - 1].join(" "))
        }
        _ => f.to_string(),
    }
}

/// Resolution keys for an article's local entities: (key, context).
pub fn local_keys(article: &str, a: &Analysis) -> Vec<(String, String)> {
    let mut out = Vec::with_capacity(a.entities.len());
    for (i, e) in a.entities.iter().enumerate() {
        let f = fold(&e.name);
        let key = match e.etype {
            EntityType::Gpe => {
                let c = gazetteer::place(&e.name).map(|p| fold(p.canonical)).unwrap_or_else(|| region_norm(&f));
                format!("gpe:{c}")
            }
            EntityType::Person => {
                let words: Vec<&str> = f.split(' ').filter(|w| !matches!(*w, "jr" | "sr" | "ii" | "iii" | "iv")).collect();
                let surname = skeleton(words.last().unwrap_or(&""));
                if words.len() >= 2 {
                    format!("person:{} {}", skeleton(words[0]), surname)
                } else {
                    format!("person:?{surname}")
                }
            }
            EntityType::Org => {
                let core = strip_country_words(&f, &e.context);
                format!("org:{}@{}", core, fold(&e.context))
            }
            EntityType::Group => {
                // A delegation is tied to the event it attended in this article.
                let event = a.facts.iter().find_map(|x| match (&x.object, x.predicate) {
                    (FactObject::Entity(o), Predicate::Attended) if x.subject == i => Some(*o),
                    _ => None,
                });
                let ctx = match event {
                    Some(ev) if !generic(&a.entities[ev].name) => strip_editions(&fold(&a.entities[ev].name)),
                    _ => format!("article {article}"),
                };
                format!("group:{}@{}", f, ctx)
            }
            EntityType::Event => {
                if generic(&e.name) {
                    format!("event:{}@article {article}", strip_editions(&f))
                } else {
                    format!("event:{}", strip_editions(&f))
                }
            }
            t => {
                let ty = t.as_str().to_lowercase();
                if generic(&e.name) {
                    format!("{ty}:{f}@article {article}")
                } else {
                    format!("{ty}:{f}")
                }
            }
        };
        out.push((key, e.context.clone()));
    }
    out
}

/// "azerbaijan media development agency" / "media development agency of republic of
/// azerbaijan" → "media development agency" when the country is known.
fn strip_country_words(f: &str, country: &str) -> String {
    if country.is_empty() {
        return f.to_string();
    }
    let c = fold(country);
    let mut s = f.to_string();
    // "... of the Republic of X", "... of the Russian Federation": any name of the country
    let positions: Vec<usize> = s.match_indices(" of ").map(|(p, _)| p).collect();
    for pos in positions {
        let tail = &s[pos + 4..];
        let tail = tail.strip_prefix("the ").unwrap_or(tail);
        let named = fold(tail) == c || gazetteer::place(&title_case(tail)).is_some_and(|p| fold(p.canonical) == c);
        if named {
            s.truncate(pos);
            return s;
        }
    }
    if let Some(x) = s.strip_prefix(&format!("{c} ")) {
        return x.to_string();
    }
    // a demonym in front: "russian foreign ministry"
    if let Some((first, rest)) = s.split_once(' ') {
        let mut cap: String = first.chars().take(1).flat_map(|c| c.to_uppercase()).collect();
        cap.push_str(&first.chars().skip(1).collect::<String>());
        if gazetteer::demonym_country(&cap).is_some_and(|d| fold(d) == c) {
            return rest.to_string();
        }
    }
    s
}

/// "republic of azerbaijan" → "Republic Of Azerbaijan" for gazetteer lookups of folded text.
fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) if !matches!(w, "of" | "the" | "and") => f.to_uppercase().chain(c).collect(),
                _ => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn slug(s: &str) -> String {
    let f = fold(s);
    let mut out = String::new();
    for c in f.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').chars().take(60).collect()
}

/// Groups every local entity of the corpus into entities. Deterministic: the result depends
/// only on the set of locals, not on their order.
pub fn resolve(locals: &[Local]) -> Vec<Resolved> {
    // 1. same key
    let mut by_key: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, l) in locals.iter().enumerate() {
        by_key.entry(l.key.as_str()).or_default().push(i);
    }
    // 2. keys that stand for an unambiguous fuller key
    let mut target: HashMap<&str, (&str, &'static str)> = HashMap::new();
    let full_people: BTreeMap<String, BTreeSet<&str>> = by_key.keys().filter_map(|k| {
        let rest = k.strip_prefix("person:")?;
        if rest.starts_with('?') {
            return None;
        }
        let surname = rest.rsplit(' ').next()?.to_string();
        Some((surname, *k))
    }).fold(BTreeMap::new(), |mut m, (s, k)| {
        m.entry(s).or_insert_with(BTreeSet::new).insert(k);
        m
    });
    let orgs_with_country: BTreeMap<&str, BTreeSet<&str>> = by_key.keys().filter_map(|k| {
        let rest = k.strip_prefix("org:")?;
        let (core, country) = rest.rsplit_once('@')?;
        (!country.is_empty()).then_some((core, *k))
    }).fold(BTreeMap::new(), |mut m, (c, k)| {
        m.entry(c).or_insert_with(BTreeSet::new).insert(k);
        m
    });
    for k in by_key.keys() {
        if let Some(s) = k.strip_prefix("person:?") {
            if let Some(full) = full_people.get(s).filter(|f| f.len() == 1) {
                target.insert(k, (full.iter().next().unwrap(), "surname unique in corpus"));
            }
        } else if let Some(core) = k.strip_prefix("org:").and_then(|r| r.strip_suffix('@')) {
            if let Some(full) = orgs_with_country.get(core).filter(|f| f.len() == 1) {
                target.insert(k, (full.iter().next().unwrap(), "name without country, one country in corpus"));
            }
        }
    }
    let mut clusters: BTreeMap<&str, Vec<(usize, &'static str)>> = BTreeMap::new();
    for (k, members) in &by_key {
        let (dest, rule) = match target.get(k) {
            Some((d, r)) => (*d, *r),
            None => (*k, "same name"),
        };
        for &i in members {
            clusters.entry(dest).or_default().push((i, rule));
        }
    }
    // 3. canonical names and ids
    let mut out: Vec<Resolved> = Vec::with_capacity(clusters.len());
    let mut used: HashMap<String, usize> = HashMap::new();
    for (key, members) in clusters {
        let etype = locals[members[0].0].etype;
        let mut names: BTreeMap<String, i64> = BTreeMap::new();
        let mut aliases: BTreeMap<String, i64> = BTreeMap::new();
        let mut articles = BTreeSet::new();
        for &(i, _) in &members {
            *names.entry(locals[i].name.clone()).or_default() += 1;
            for n in &locals[i].names {
                *aliases.entry(n.clone()).or_default() += 1;
            }
            articles.insert(locals[i].article.as_str());
        }
        let name = canonical(etype, &names);
        aliases.entry(name.clone()).or_insert(0);
        let base = format!("{}:{}", etype.as_str().to_lowercase(), slug(&name));
        let n = used.entry(base.clone()).or_insert(0);
        *n += 1;
        let id = if *n == 1 { base } else { format!("{base}~{n}") };
        let first_fold = fold(&name);
        let members = members
            .into_iter()
            .map(|(i, rule)| {
                let l = &locals[i];
                let rule = if rule == "same name" && fold(&l.name) != first_fold {
                    if l.key.starts_with("gpe:") { "gazetteer name" } else { "same key (spelling variant)" }
                } else {
                    rule
                };
                (i, rule, format!("{:?} in {} has key {:?} ({})", l.name, l.article, l.key, key))
            })
            .collect();
        out.push(Resolved { id, etype, name, members, aliases, articles: articles.len() });
    }
    out
}

/// The fullest well-formed name: most words, then most used, then first in order.
fn canonical(etype: EntityType, names: &BTreeMap<String, i64>) -> String {
    if etype == EntityType::Gpe {
        if let Some(p) = names.keys().find_map(|n| gazetteer::place(n)) {
            return p.canonical.to_string();
        }
    }
    names
        .iter()
        .max_by(|a, b| {
            let wa = a.0.split_whitespace().count();
            let wb = b.0.split_whitespace().count();
            let well_a = !a.0.contains('"');
            let well_b = !b.0.contains('"');
            (well_a, wa, a.1).cmp(&(well_b, wb, b.1)).then_with(|| b.0.cmp(a.0))
        })
        .map(|(n, _)| n.clone())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(article: &str, id: i64, t: EntityType, name: &str, key: &str) -> Local {
        Local { article: article.into(), local_id: id, etype: t, name: name.into(), key: key.into(), names: vec![name.into()] }
    }

    #[test]
    fn surname_joins_the_only_full_name_and_ids_are_stable() {
        let locals = vec![
            local("a", 0, EntityType::Person, "Jane Roe", "person:jn r"),
            local("b", 0, EntityType::Person, "Roe", "person:?r"),
            local("b", 1, EntityType::Person, "John Doe", "person:jhn d"),
        ];
        let r = resolve(&locals);
        assert_eq!(r.len(), 2);
        let jane = r.iter().find(|e| e.name == "Jane Roe").unwrap();
        assert_eq!(jane.members.len(), 2);
        assert_eq!(jane.id, "person:jane-roe");
        let mut rev = locals.clone();
        rev.reverse();
        let r2 = resolve(&rev);
        assert_eq!(r2.iter().map(|e| e.id.clone()).collect::<Vec<_>>(), r.iter().map(|e| e.id.clone()).collect::<Vec<_>>());
    }

    #[test]
    fn organisation_names_lose_their_country_in_the_key() {
        assert_eq!(strip_country_words("media development agency of the republic of azerbaijan", "Azerbaijan"), "media development agency");
        assert_eq!(strip_country_words("azerbaijan media development agency", "Azerbaijan"), "media development agency");
        assert_eq!(strip_country_words("russian foreign ministry", "Russia"), "foreign ministry");
        assert_eq!(strip_country_words("ministry of foreign affairs of the russian federation", "Russia"), "ministry of foreign affairs");
        assert_eq!(strip_country_words("bank of england", ""), "bank of england");
    }

    #[test]
    fn ambiguous_surname_stays_apart() {
        let locals = vec![
            local("a", 0, EntityType::Person, "Jane Roe", "person:jn r"),
            local("a", 1, EntityType::Person, "Mark Roe", "person:mrk r"),
            local("b", 0, EntityType::Person, "Roe", "person:?r"),
        ];
        assert_eq!(resolve(&locals).len(), 3);
    }
}
