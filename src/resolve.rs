//! The resolve stage: local entities (one per thing an article speaks of) → corpus entities.
//!
//! Each local entity gets a resolution key when its article is analysed (`local_key`);
//! after every build that changed something, `resolve` groups all local entities of the
//! corpus by key, joins what the key cannot see (a bare surname or an organisation named
//! without its country, when only one candidate exists in the corpus), picks canonical
//! names and stable ids, and records why each local entity joined its entity.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use crate::fasthash::FastMap;
use rayon::prelude::*;
use crate::gazetteer;
use crate::model::{Analysis, EntityType, FactObject, Predicate};
use crate::names::{fold, is_patronymic, key_spelling, of_swap, skeleton, strip_defined_acronym, strip_editions, strip_titles};

/// A local entity as the resolver sees it. Strings are shared (`Arc<str>`): a corpus has
/// far fewer distinct names and keys than local entities, and the resolver holds them all.
#[derive(Debug, Clone)]
pub struct Local {
    pub article: Arc<str>,
    pub local_id: i64,
    pub etype: EntityType,
    pub key: Arc<str>,
    /// The fullest name the article uses for it first, then the other names its mentions
    /// used (aliases).
    pub names: Arc<[Arc<str>]>,
}

impl Local {
    /// The fullest name the article uses.
    pub fn name(&self) -> &str {
        self.names.first().map_or("", |n| n)
    }
}

/// Why a local entity is in its corpus entity.
#[derive(Debug, Clone, PartialEq)]
pub enum Why {
    /// Same key, and the canonical name folded.
    SameName,
    /// Same key, which is a place the gazetteer knows.
    GazetteerName,
    /// Same key, another spelling.
    SameKey,
    /// Joined by a rule: (rule, evidence).
    Joined(Box<(String, String)>),
}

impl Why {
    /// The evidence stored with the local entity: only a join's; the merge_log view writes
    /// out the others ("\"Name\" has key \"key\"") from the name and key.
    pub fn stored_evidence(&self) -> Option<&str> {
        match self {
            Why::Joined(b) => Some(&b.1),
            _ => None,
        }
    }
    pub fn rule(&self) -> &str {
        match self {
            Why::SameName => "same name",
            Why::GazetteerName => "gazetteer name",
            Why::SameKey => "same key (spelling variant)",
            Why::Joined(b) => &b.0,
        }
    }
}

/// A corpus entity with the local entities it holds and why.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub id: String,
    pub etype: EntityType,
    pub name: String,
    pub members: Vec<(usize, Why)>, // (index into locals, why)
    pub aliases: BTreeMap<String, i64>,
    pub articles: usize,
}

/// Generic descriptions ("the monument to the great leader", "a roundtable discussion")
/// never join across articles: they are tied to their article.
fn generic(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_lowercase())
}

/// Resolution keys for an article's local entities: (key, context).
pub fn local_keys(article: &str, published: Option<&str>, a: &Analysis) -> Vec<(String, String)> {
    // the year of an event named without one: the article's
    let year_of_article = published.and_then(|p| p.get(..4)).filter(|y| y.bytes().all(|b| b.is_ascii_digit()));
    let mut out = Vec::with_capacity(a.entities.len());
    for (i, e) in a.entities.iter().enumerate() {
        let f = fold(strip_defined_acronym(&e.name));
        let key = match e.etype {
            EntityType::Gpe => format!("gpe:{}", gpe_key(&e.name)),
            EntityType::Person => {
                // a bare surname is tied to its article: across articles it never joins
                let k = person_key(&e.name);
                if k.starts_with("person:?") { format!("{k}@article {article}") } else { k }
            }
            EntityType::Org => {
                // "U.S. Environmental Protection Agency" names its country like "... of the United States"
                let us = e.context.is_empty() || fold(&e.context) == "united states";
                // and "White House Acme Policy Council" the president's office's "Acme Policy Council"
                let (f, ctx) = match (us, ["u s ", "us ", "united states "].iter().find_map(|p| f.strip_prefix(p)).or_else(|| f.strip_prefix("white house ").filter(|r| r.split(' ').count() >= 3))) {
                    (true, Some(rest)) if rest.contains(' ') || rest.len() > 4 => (rest.to_string(), "united states".to_string()),
                    _ => (strip_country_words(&f, &e.context), fold(&e.context)),
                };
                format!("org:{}@{}", of_swap(&key_spelling(&f)), ctx)
            }
            EntityType::Group => {
                // A delegation is tied to the event it attended in this article.
                let event = a.facts.iter().find_map(|x| match (&x.object, x.predicate) {
                    (FactObject::Entity(o), Predicate::Attended) if x.subject == i => Some(*o),
                    _ => None,
                });
                let ctx = match event {
                    Some(ev) if !generic(&a.entities[ev].name) => of_swap(&strip_editions(&fold(strip_defined_acronym(&a.entities[ev].name)))),
                    _ => format!("article {article}"),
                };
                format!("group:{}@{}", f, ctx)
            }
            EntityType::Event => {
                if generic(&e.name) {
                    format!("event:{}@article {article}", strip_editions(&f))
                } else {
                    // editions never join: "Olympic Games" of a 2021 article is the 2021 one
                    let year = f.split(' ').find(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.bytes().all(|b| b.is_ascii_digit())).or(year_of_article);
                    format!("event:{}{}", of_swap(&strip_editions(&f)), year.map(|y| format!(" #{y}")).unwrap_or_default())
                }
            }
            t if matches!(t, EntityType::Fac | EntityType::Org) && seated(&f) => {
                // "U.S. Embassy" is one per city: the city the article puts it in, else the article
                let seat = a.facts.iter().find_map(|x| match (&x.object, x.predicate) {
                    (FactObject::Entity(o), Predicate::LocatedIn) if x.subject == i => Some(gpe_key(&a.entities[*o].name)),
                    _ => None,
                });
                let ty = t.as_str().to_lowercase();
                format!("{ty}:{}@{}", of_swap(&f), seat.unwrap_or_else(|| format!("article {article}")))
            }
            t => {
                let ty = t.as_str().to_lowercase();
                match dedication_key(i, a) {
                    Some(k) if generic(&e.name) && matches!(t, EntityType::Fac | EntityType::Loc) => format!("{ty}:{k}"),
                    _ if generic(&e.name) => format!("{ty}:{f}@article {article}"),
                    _ => format!("{ty}:{}", of_swap(&key_spelling(&f))),
                }
            }
        };
        out.push((key, e.context.clone()));
    }
    out
}

/// A diplomatic post named only by the country it serves ("U.S. Embassy", "the American
/// Consulate"): every city has one, so the name alone says not which.
fn seated(folded: &str) -> bool {
    let w: Vec<&str> = folded.split(' ').collect();
    w.iter().any(|x| matches!(*x, "embassy" | "consulate" | "consulate-general")) && !w.contains(&"in") && w.len() <= 4
}

/// "the monument to the great leader" that the article says is dedicated to (or named
/// after) a person: "monument|person:<key>@<place key>" — its head noun and the person
/// name it, whatever titles the description uses; the place it stands in, when the
/// article says, keeps two monuments to one person apart.
fn dedication_key(i: usize, a: &Analysis) -> Option<String> {
    let person = a.facts.iter().find_map(|x| match (&x.object, x.predicate) {
        (FactObject::Entity(o), Predicate::DedicatedTo | Predicate::NamedAfter)
            if x.subject == i && a.entities[*o].etype == EntityType::Person =>
        {
            Some(*o)
        }
        _ => None,
    })?;
    let place = a.facts.iter().find_map(|x| match (&x.object, x.predicate) {
        (FactObject::Entity(o), Predicate::LocatedIn) if x.subject == i && a.entities[*o].etype == EntityType::Gpe => {
            Some(gpe_key(&a.entities[*o].name))
        }
        _ => None,
    });
    let f = fold(&a.entities[i].name);
    let head = f.split(' ').find(|w| !matches!(*w, "a" | "an"))?;
    Some(format!("{head}|{}@{}", person_key(&a.entities[person].name), place.unwrap_or_default()))
}

/// Folded key of a place: the gazetteer's canonical name when it knows the place, with
/// "city of X", "X city", "province of X" and "X oblast/district" read as the gazetteer's
/// city or region X.
pub fn gpe_key(name: &str) -> String {
    let name = strip_defined_acronym(name);
    if let Some(p) = gazetteer::place(name) {
        return fold(p.canonical);
    }
    let f = fold(name);
    let known = |t: &str, kind: gazetteer::PlaceKind| {
        gazetteer::place_candidates(&title_case(t)).iter().find(|p| p.kind == kind).map(|p| fold(p.canonical))
    };
    let words: Vec<&str> = f.split(' ').collect();
    const REGION: &[&str] = &["region", "oblast", "province", "krai", "governorate", "district"];
    if words.len() >= 2 {
        let (first, last) = (words[0], words[words.len() - 1]);
        if last == "city" || (first == "city" && words.get(1) == Some(&"of")) {
            let core = if last == "city" { words[..words.len() - 1].join(" ") } else { words[2..].join(" ") };
            if let Some(k) = known(&core, gazetteer::PlaceKind::City) {
                return k;
            }
        }
        let core = if REGION.contains(&last) {
            Some(words[..words.len() - 1].join(" "))
        } else if REGION.contains(&first) && words.get(1) == Some(&"of") && words.len() >= 3 {
            Some(words[2..].join(" "))
        } else {
            None
        };
        if let Some(core) = core {
            for suffix in ["region", "oblast", "province"] {
                if let Some(k) = known(&format!("{core} {suffix}"), gazetteer::PlaceKind::Region) {
                    return k;
                }
            }
            return format!("{core} region");
        }
    }
    f
}

/// A person's key: "person:<given> <surname>" as consonant skeletons, "person:?<surname>"
/// for a bare surname, "person:<i>. <surname>" for an initial, "person:<given> ~" for a
/// given name with a patronymic ("Ivan Petrovich"). Titles are never part of it.
pub fn person_key(name: &str) -> String {
    let f = fold(strip_titles(name));
    let words: Vec<&str> = f.split(' ').filter(|w| !matches!(*w, "jr" | "sr" | "ii" | "iii" | "iv")).collect();
    let Some(last) = words.last() else { return "person:?".into() };
    if words.len() == 1 {
        return format!("person:?{}", skeleton(last));
    }
    if words.len() == 2 && is_patronymic(last) {
        return format!("person:{} ~", skeleton(words[0]));
    }
    if words[0].chars().count() == 1 {
        return format!("person:{}. {}", skeleton(words[0]), skeleton(last));
    }
    format!("person:{} {}", skeleton(words[0]), skeleton(last))
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
    out.trim_matches('-').to_string()
}

/// A join the keys cannot see, found by another stage (a translated copy aligned with its
/// original): local `from` is the same thing as local `to`.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub from: usize,
    pub to: usize,
    pub rule: &'static str,
    pub evidence: String,
}

/// Why a local entity joined a group by a rule: (rule, evidence).
pub type Reason = Box<(String, String)>;

/// Local entities grouped into one corpus entity, before names and ids are chosen.
/// `why[k]` says why `members[k]` joined (None: same key as the group).
#[derive(Debug, Clone, Default)]
pub struct Cluster {
    pub members: Vec<usize>,
    pub why: Vec<Option<Reason>>,
    /// The name a user's merge keeps (`merge A B` keeps A's), when a member uses it.
    pub name: Option<String>,
    /// The type a user's `retype` gives it.
    pub etype: Option<EntityType>,
}

struct Union {
    parent: Vec<u32>,
    why: Vec<Option<Reason>>,
}

impl Union {
    fn find(&mut self, x: usize) -> usize {
        let mut x = x as u32;
        while self.parent[x as usize] != x {
            self.parent[x as usize] = self.parent[self.parent[x as usize] as usize];
            x = self.parent[x as usize];
        }
        x as usize
    }
    /// `from` joins `to`'s group; the reason is kept for `from` unless it already has one.
    fn join(&mut self, from: usize, to: usize, rule: &str, evidence: String) {
        let (a, b) = (self.find(from), self.find(to));
        if a == b {
            return;
        }
        if self.why[from].is_none() {
            self.why[from] = Some(Box::new((rule.to_string(), evidence)));
        }
        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
        self.parent[hi] = lo as u32;
    }
}

/// Groups every local entity of the corpus into entities. Deterministic: the result depends
/// only on the set of locals, not on their order.
pub fn resolve(locals: &[Local]) -> Vec<Resolved> {
    finish(locals, group(locals, &[]), &BTreeSet::new())
}

/// The whole resolve stage: keys and joins, the links other stages found, then the
/// user's curation decisions, then names and ids.
pub fn resolve_curated(locals: &[Local], links: &[Link], garbled: &BTreeSet<String>, decisions: &[crate::curation::Decision]) -> Vec<Resolved> {
    let mut clusters = group(locals, links);
    crate::curation::apply(&mut clusters, locals, decisions);
    finish(locals, clusters, garbled)
}

/// The partial key that stands for a fuller one: a bare surname, an initial, a given name
/// with a patronymic, an organisation named without its country, a dedicated monument
/// without its place. Returns (what must match, kind of rule).
fn partial(key: &str) -> Option<(String, &'static str)> {
    if let Some(s) = key.strip_prefix("person:?") {
        let s = s.split_once('@').map_or(s, |(s, _)| s);
        return Some((format!("surname {s}"), "surname"));
    }
    if let Some(rest) = key.strip_prefix("person:") {
        if let Some(g) = rest.strip_suffix(" ~") {
            return Some((format!("given {g}"), "given name and patronymic"));
        }
        if let Some((i, s)) = rest.split_once(". ") {
            return Some((format!("initial {i} {s}"), "initial and surname"));
        }
        return None;
    }
    let (core, ctx) = key.rsplit_once('@')?;
    // "National Assembly", "Foreign Ministry": names every country has never join one
    // country's body on their own
    let generic = key.starts_with("org:") && every_country(core.trim_start_matches("org:"));
    (ctx.is_empty() && !generic && !key.starts_with("group:") && !key.starts_with("event:")).then(|| (format!("core {core}"), "name without place or country"))
}

/// A body every country has, named by common words alone: "National Assembly", "Foreign
/// Ministry", "Ministry of Economic Development". Three or more such words make a name
/// of one body ("Small Business Protection Administration") unless it is a ministry or
/// parliament, which every government names alike.
fn every_country(core: &str) -> bool {
    let words: Vec<&str> = core.split(' ').filter(|w| !w.is_empty()).collect();
    if !words.iter().all(|w| generic_word(w)) {
        return false;
    }
    let content = words.iter().filter(|w| !matches!(**w, "of" | "the" | "and" | "for" | "on" | "in")).count();
    content <= 2 || words.iter().any(|w| matches!(*w, "ministry" | "ministries" | "foreign" | "parliament" | "assembly" | "government" | "cabinet"))
}

/// An organisation's head word, also run into another word or plural: "datacenters",
/// "bioworks" of "Vela Bioworks".
fn org_head_like(w: &str) -> bool {
    use crate::analyse::lexicon as lx;
    let one = w.strip_suffix('s').unwrap_or(w);
    lx::has(lx::ORG, w) || lx::has(lx::ORG, one) || lx::ORG_HEADS.iter().any(|h| h.len() >= 5 && one.len() > h.len() + 2 && one.ends_with(h))
}

fn generic_word(w: &str) -> bool {
    use crate::analyse::lexicon as lx;
    lx::is_common_word(w)
        || lx::has(lx::ORG, w)
        || matches!(w, "national" | "federal" | "supreme" | "foreign" | "state" | "central" | "people" | "peoples" | "public" | "general" | "of" | "the" | "and" | "for" | "affairs" | "security" | "defense" | "defence" | "interior")
}

/// What a full key offers to partial keys.
fn offers(key: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(rest) = key.strip_prefix("person:") {
        if rest.starts_with('?') || rest.ends_with(" ~") || rest.contains(". ") {
            return out;
        }
        if let Some((g, s)) = rest.split_once(' ') {
            out.push(format!("surname {s}"));
            out.push(format!("given {g}"));
            if let Some(c) = g.chars().next() {
                out.push(format!("initial {c} {s}"));
            }
        }
        return out;
    }
    if let Some((core, ctx)) = key.rsplit_once('@') {
        if !ctx.is_empty() && !ctx.starts_with("article ") && !key.starts_with("group:") && !key.starts_with("event:") {
            out.push(format!("core {core}"));
        }
    }
    out
}

/// An all-caps name of 2 to 6 letters: "OTS", "NATO".
fn acronym(name: &str) -> bool {
    let n = name.trim();
    (2..=6).contains(&n.chars().count()) && n.chars().all(|c| c.is_ascii_uppercase())
}

/// Groups locals by key, then joins what the keys cannot see: partial keys that stand for
/// exactly one fuller key (in the same article first, else in the corpus), acronyms that
/// another article defined for exactly one name, and the `links` of other stages.
pub fn group(locals: &[Local], links: &[Link]) -> Vec<Cluster> {
    // (u32 indexes: the resolver holds a few per local entity of the corpus)
    // what an article's coreference missed, decided from that article alone; a local so
    // joined leaves its key's group: "NPA" of one article standing for one name, or "Roe"
    // typed as a body beside "Jane Roe", must not carry every "NPA" or "Roe" of the corpus
    let here = same_article(locals);
    let mut detached = vec![false; locals.len()];
    for h in &here {
        detached[h.0] = true;
    }
    // (sorted first: a map built from sorted runs is built in one pass)
    let mut keyed: Vec<(&str, u32)> = locals.iter().enumerate().filter(|&(i, _)| !detached[i]).map(|(i, l)| (&*l.key, i as u32)).collect();
    keyed.par_sort_unstable();
    let by_key: BTreeMap<&str, Vec<u32>> = keyed.chunk_by(|a, b| a.0 == b.0).map(|run| (run[0].0, run.iter().map(|x| x.1).collect())).collect();
    drop(keyed);
    let mut u = Union { parent: (0..locals.len() as u32).collect(), why: vec![None; locals.len()] };
    for members in by_key.values() {
        for &i in &members[1..] {
            u.parent[i as usize] = members[0];
        }
    }
    one_type_per_name(locals, &detached, &mut u);
    nicknames(locals, &by_key, &mut u);
    spaceless_keys(&by_key, &mut u);
    shorter_event_names(&by_key, &mut u);
    // full keys by what they offer, in the corpus and per article
    #[derive(Clone, Copy)]
    enum Only<'a> {
        One(&'a str),
        Many,
    }
    fn add<'a>(slot: Option<Only<'a>>, k: &'a str) -> Only<'a> {
        match slot {
            None => Only::One(k),
            Some(Only::One(x)) if x == k => Only::One(x),
            _ => Only::Many,
        }
    }
    let mut article_no: FastMap<&str, u32> = FastMap::default();
    for l in locals {
        let n = article_no.len() as u32;
        article_no.entry(&l.article).or_insert(n);
    }
    let mut offer_no: FastMap<String, u32> = FastMap::default();
    let mut offer_corpus: Vec<Option<Only>> = Vec::new();
    let mut offer_article: FastMap<(u32, u32), Only> = FastMap::default();
    for (k, members) in &by_key {
        for o in offers(k) {
            let n = offer_corpus.len() as u32;
            let o = *offer_no.entry(o).or_insert(n);
            if o == n {
                offer_corpus.push(None);
            }
            offer_corpus[o as usize] = Some(add(offer_corpus[o as usize], k));
            for &i in members {
                let slot = offer_article.entry((article_no[&*locals[i as usize].article], o));
                let v = match slot {
                    std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                    std::collections::hash_map::Entry::Vacant(e) => e.insert(Only::One(k)),
                };
                *v = add(Some(*v), k);
            }
        }
    }
    for (k, members) in &by_key {
        let Some((want, what)) = partial(k) else { continue };
        let Some(&o) = offer_no.get(&want) else { continue };
        for &i in members {
            let i = i as usize;
            let here = match offer_article.get(&(article_no[&*locals[i].article], o)) {
                Some(Only::One(x)) => Some((*x, "same article")),
                _ => None,
            };
            // a bare surname is coreference: it joins a person only inside its article
            let found = here.or(match offer_corpus[o as usize] {
                Some(Only::One(x)) if what != "surname" => Some((x, "unique in corpus")),
                _ => None,
            });
            if let Some((full, rule)) = found {
                let to = by_key[full][0] as usize;
                u.join(i, to, &format!("{what}, {rule}"), format!("{:?} in {} has key {:?}, one entity has key {:?}", locals[i].name(), locals[i].article, k, full));
            }
        }
    }
    // a body every country has, named bare ("the Senate", "Department of Energy"): the
    // country whose body of that name most articles naming both name beside it
    for (k, members) in &by_key {
        let Some((core, "")) = k.rsplit_once('@') else { continue };
        if !k.starts_with("org:") || !every_country(core.trim_start_matches("org:")) {
            continue;
        }
        let Some(&o) = offer_no.get(&format!("core {core}")) else { continue };
        let mut votes: BTreeMap<&str, usize> = BTreeMap::new();
        let mut seen: BTreeSet<u32> = BTreeSet::new();
        for &i in members {
            let a = article_no[&*locals[i as usize].article];
            if !seen.insert(a) {
                continue;
            }
            match offer_article.get(&(a, o)) {
                Some(Only::One(x)) => *votes.entry(x).or_default() += 1,
                Some(Only::Many) => *votes.entry("").or_default() += 1,
                None => {}
            }
        }
        let total: usize = votes.values().sum();
        if let Some((full, &n)) = votes.iter().filter(|(x, _)| !x.is_empty()).max_by_key(|(x, n)| (**n, std::cmp::Reverse(**x))) {
            if n >= 3 && n * 3 >= total * 2 {
                u.join(members[0] as usize, by_key[full][0] as usize, "body most articles naming both give a country", format!("{:?} has key {k:?}; {n} of the {total} articles that name it beside a country's name it beside key {full:?}", locals[members[0] as usize].name()));
                continue;
            }
        }
        // else the corpus: one country's body of that name named ten times as often as all
        // others together (an article's coreference already joined the two names it uses)
        // (not a headline's word: "STEEL" is no body)
        if !core.contains(' ') && acronym(locals[members[0] as usize].name()) || locals[members[0] as usize].name().chars().all(|c| !c.is_lowercase()) {
            continue;
        }
        let lead = format!("{core}@");
        let named: Vec<(&str, usize)> = by_key.range::<&str, _>(lead.as_str()..).take_while(|(x, _)| x.starts_with(&lead)).filter(|(x, _)| x.len() > lead.len() && !x[lead.len()..].starts_with("article ")).map(|(x, m)| (*x, m.len())).collect();
        let others: usize = named.iter().map(|x| x.1).sum();
        if let Some(&(full, n)) = named.iter().max_by_key(|x| (x.1, std::cmp::Reverse(x.0))) {
            if n >= 10 && n >= 10 * (others - n) {
                u.join(members[0] as usize, by_key[full][0] as usize, "body the corpus names for one country", format!("{:?} has key {k:?}; {n} local entities have key {full:?}, {} another country's", locals[members[0] as usize].name(), others - n));
            }
        }
    }
    // acronyms: "OTS" joins the one organisation whose article defined it
    let mut defined: BTreeMap<(EntityType, String), BTreeMap<&str, usize>> = BTreeMap::new();
    for l in locals {
        // (most locals have no acronym among their names: no initials to work out)
        if acronym(l.name()) || !l.names.iter().any(|n| acronym(n)) {
            continue;
        }
        let ini = crate::names::initials(strip_defined_acronym(l.name())).to_uppercase();
        for n in l.names.iter() {
            if acronym(n) && **n == *ini {
                *defined.entry((l.etype, n.to_string())).or_default().entry(&*l.key).or_default() += 1;
            }
        }
    }
    for (i, l) in locals.iter().enumerate() {
        if !acronym(l.name()) || detached[i] {
            continue;
        }
        // one name, or one that four in five of the articles defining it use
        fn one<'a>(s: &BTreeMap<&'a str, usize>) -> Option<&'a str> {
            let total: usize = s.values().sum();
            let (k, &n) = s.iter().max_by_key(|(k, n)| (**n, std::cmp::Reverse(**k)))?;
            (s.len() == 1 || n >= 3 && n * 5 >= total * 4).then_some(*k)
        }
        if let Some(full) = defined.get(&(l.etype, l.name().to_string())).and_then(one) {
            if let Some(m) = by_key.get(full).filter(|_| full != &*l.key) {
                let to = m[0] as usize;
                u.join(i, to, "acronym defined for one name", format!("{:?} in {} is the acronym an article defined for key {:?}", l.name(), l.article, full));
            }
        }
    }
    // an acronym that most of the articles spelling it out spell out as one name stands
    // for that name where no article says: "NPA" of the corpus is the port authority that
    // three articles in four name beside it
    let mut spelt: BTreeMap<&str, BTreeMap<usize, (usize, usize)>> = BTreeMap::new();
    for &(i, j, rule, _) in &here {
        if rule == ACRONYM_HERE || rule == DEPARTMENT_HERE {
            let e = spelt.entry(&locals[i].key).or_default().entry(u.find(j)).or_insert((0, j));
            e.0 += 1;
        }
    }
    for (k, targets) in &spelt {
        let Some(members) = by_key.get(k) else { continue };
        let total: usize = targets.values().map(|t| t.0).sum();
        let Some((tk, &(n, j))) = targets.iter().max_by_key(|(tk, t)| (t.0, std::cmp::Reverse(*tk))) else { continue };
        if n >= 3 && n * 3 >= total * 2 {
            u.join(members[0] as usize, j, "short name most articles spell out as one name", format!("{:?} stands for {:?} (root {tk}) in {n} of the {total} articles that spell it out", locals[members[0] as usize].name(), locals[j].name()));
        }
    }
    for (i, j, rule, why) in here {
        u.join(i, j, rule, why);
    }
    for link in links {
        u.join(link.from, link.to, link.rule, link.evidence.clone());
    }
    drop(by_key);
    // groups by root, in root order, members in order
    let roots: Vec<u32> = (0..locals.len()).map(|i| u.find(i) as u32).collect();
    let mut order: Vec<u32> = (0..locals.len() as u32).collect();
    order.sort_unstable_by_key(|&i| (roots[i as usize], i));
    let mut out: Vec<Cluster> = Vec::new();
    for run in order.chunk_by(|&a, &b| roots[a as usize] == roots[b as usize]) {
        let members: Vec<usize> = run.iter().map(|&i| i as usize).collect();
        let why = members.iter().map(|&i| u.why[i].take()).collect();
        out.push(Cluster { members, why, name: None, etype: None });
    }
    sort_clusters(locals, &mut out);
    out
}

const ACRONYM_HERE: &str = "acronym of a name in the same article";
const DEPARTMENT_HERE: &str = "what a department in the same article is of";

/// The type a thing named two ways in one article keeps: the most specific.
fn type_rank(t: EntityType) -> u8 {
    match t {
        EntityType::Person => 7,
        EntityType::Event => 6,
        EntityType::Org => 5,
        EntityType::Fac => 4,
        EntityType::Work => 3,
        EntityType::Loc => 2,
        EntityType::Gpe => 1,
        _ => 0,
    }
}

/// Joins inside one article that its coreference missed:
/// - an acronym ("NPA") and the one name the article defined it for ("Nordvik Port
///   Authority (NPA)"), or whose initials it is (of all its words, or of what a
///   department is of: "U.S. Department of Health Care" → "HC");
/// - one name given two types ("Nordvik Ventures" an ORG here and a GPE there);
/// - a surname typed as a place or body ("Roe" beside "Jane Roe");
/// - a person named with a title the tagger took for a body ("Minister Jane Roe");
/// - a shorter name of an event with its first and last words ("Nordvik Summit" beside
///   "Nordvik Investment Summit").
fn same_article(locals: &[Local]) -> Vec<(usize, usize, &'static str, String)> {
    let mut by_article: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, l) in locals.iter().enumerate() {
        by_article.entry(&l.article).or_default().push(i);
    }
    // articles are independent: read on every core, joined in article order
    let articles: Vec<&Vec<usize>> = by_article.values().filter(|m| m.len() >= 2).collect();
    articles.par_iter().map(|members| in_article(locals, members)).collect::<Vec<_>>().concat()
}

/// `same_article`'s joins in one article (`members`: its locals, in order).
fn in_article(locals: &[Local], members: &[usize]) -> Vec<(usize, usize, &'static str, String)> {
    let mut out = Vec::new();
    let known_place = |n: &str| gazetteer::place(n).is_some();
    let folds: Vec<String> = members.iter().map(|&i| fold(strip_defined_acronym(locals[i].name()))).collect();
    // (most names have no British spelling nor legal form: no copy)
    let spelt: Vec<std::borrow::Cow<str>> = folds
        .iter()
        .map(|f| {
            let british = ["centre", "organis", "programme", "defence", "labour", "theatre", "harbour", "honour", "neighbour"].iter().any(|b| f.contains(b));
            let form = f.rsplit(' ').next().is_some_and(|w| matches!(w, "inc" | "incorporated" | "ltd" | "limited" | "llc" | "plc" | "pvt" | "pte" | "corp" | "gmbh" | "co" | "llp"));
            if british || form { std::borrow::Cow::Owned(key_spelling(f)) } else { std::borrow::Cow::Borrowed(f.as_str()) }
        })
        .collect();
    // organisations of the article by the first word of their spelt name
    let mut by_first: FastMap<&str, Vec<usize>> = FastMap::default();
    for (b, &j) in members.iter().enumerate() {
        if locals[j].etype == EntityType::Org {
            by_first.entry(spelt[b].split(' ').next().unwrap_or("")).or_default().push(b);
        }
    }
    // members by type: most rules compare a name with the article's names of one type
    // (an article names hundreds of things; comparing all pairs took a second of resolve)
    let mut by_type: FastMap<EntityType, Vec<usize>> = FastMap::default();
    for (b, &j) in members.iter().enumerate() {
        by_type.entry(locals[j].etype).or_default().push(b);
    }
    let none: Vec<usize> = Vec::new();
    let typed = |t: EntityType| by_type.get(&t).unwrap_or(&none);
    // (index in the article, local) of the article's names of type `t`, but `a`
    let of_type = |t: EntityType, a: usize| typed(t).iter().filter(move |&&b| b != a).map(|&b| (b, &members[b]));
    // persons named in full, with whether the name looks like a person's (not made of
    // the words bodies use)
    let full_persons: Vec<(usize, bool)> = typed(EntityType::Person)
        .iter()
        .filter(|&&b| !locals[members[b]].key.starts_with("person:?"))
        .map(|&b| (b, folds[b].contains(' ') && folds[b].rsplit(' ').next().is_some_and(|w| !generic_word(w)) && !folds[b].split(' ').all(generic_word)))
        .collect();
    let mut by_fold: FastMap<&str, Vec<usize>> = FastMap::default();
    for (b, f) in folds.iter().enumerate() {
        by_fold.entry(f.as_str()).or_default().push(b);
    }
    // initials of each body's, event's and venue's name, and of what a department is of
    // ("U.S. Department of Health Care" → "hc"), worked out once, when an acronym asks
    let initials: std::cell::OnceCell<Vec<(String, Option<String>)>> = std::cell::OnceCell::new();
    let initials_of = |b: usize| -> &(String, Option<String>) {
        &initials.get_or_init(|| {
            folds
                .iter()
                .enumerate()
                .map(|(b, f)| {
                    if !matches!(locals[members[b]].etype, EntityType::Org | EntityType::Event | EntityType::Fac) {
                        return (String::new(), None);
                    }
                    let of = f.split_once(" of ").filter(|(head, _)| head.split(' ').any(|w| matches!(w, "department" | "ministry" | "office" | "bureau"))).map(|(_, t)| t);
                    (crate::names::initials(f), of.filter(|t| t.contains(' ')).map(crate::names::initials))
                })
                .collect()
        })[b]
    };
    // the other names of each local, folded, when a possessive asks
    let name_folds: std::cell::OnceCell<Vec<Vec<String>>> = std::cell::OnceCell::new();
    let names_folded = |b: usize| -> &Vec<String> { &name_folds.get_or_init(|| members.iter().map(|&j| locals[j].names.iter().map(|n| fold(n)).collect()).collect())[b] };
    // the one candidate a rule finds, else none
    let only = |cands: Vec<usize>| -> Option<usize> {
        let mut c = cands;
        c.sort_unstable();
        c.dedup();
        (c.len() == 1).then(|| c[0])
    };
    for (a, &i) in members.iter().enumerate() {
        let l = &locals[i];
        let name = l.name();
        let others = || members.iter().enumerate().filter(move |&(b, _)| b != a);
        let mut join = |to: usize, rule: &'static str, why: String| {
            out.push((i, to, rule, why));
        };
        if acronym(name) && l.etype != EntityType::Person {
            let not_person = |j: usize| locals[j].etype != EntityType::Person && locals[j].key != l.key;
            let named = only(others().filter(|&(_, &j)| not_person(j) && !acronym(locals[j].name()) && locals[j].names.iter().any(|n| **n == *name)).map(|(_, &j)| j).collect());
            let paren = format!("({name})");
            let defined = || only(others().filter(|&(_, &j)| not_person(j) && locals[j].names.iter().any(|n| n.contains(&paren))).map(|(_, &j)| j).collect());
            let lower = name.to_lowercase();
            // initials of the whole name, or of what a department's name is of
            // ("U.S. Department of Health Care" → "hc")
            let by_initials = || {
                only(others()
                    .filter(|&(b, &j)| {
                        not_person(j) && matches!(locals[j].etype, EntityType::Org | EntityType::Event | EntityType::Fac) && {
                            let (whole, of) = initials_of(b);
                            *whole == lower || of.as_deref() == Some(lower.as_str())
                        }
                    })
                    .map(|(_, &j)| j)
                    .collect())
            };
            if let Some(j) = named.or_else(defined).or_else(by_initials) {
                join(j, ACRONYM_HERE, format!("{name:?} in {} stands for {:?}", l.article, locals[j].name()));
                continue;
            }
        }
        // "the banquet reception" beside "Nordvik Gala Reception": a description with
        // the head of the one named event of its article
        if l.etype == EntityType::Event && generic(name) {
            // the head noun: the last word before any "of" ("farewell ceremony of the X")
            fn head_of(f: &str) -> &str {
                f.split(" of ").next().unwrap_or("").rsplit(' ').next().unwrap_or("")
            }
            let head = head_of(&folds[a]);
            let is_head = crate::analyse::lexicon::has(crate::analyse::lexicon::EVENT, head);
            let named = only(of_type(EntityType::Event, a).filter(|&(b, &j)| !generic(locals[j].name()) && head_of(&folds[b]) == head).map(|(_, &j)| j).collect());
            // two words, the first not a kind or a count ("trilateral meeting", "fourth
            // meeting", "global conference" are not the one named meeting)
            let w: Vec<&str> = folds[a].split(' ').collect();
            let plain = w.len() == 2 && !w[0].ends_with("al") && !w[0].ends_with("th") && !w[0].contains('-') && !matches!(w[0], "first" | "second" | "third" | "next" | "last" | "new" | "annual" | "another" | "joint");
            if let Some(j) = named.filter(|_| is_head && plain) {
                join(j, "description of the named event of its article", format!("{name:?} in {} has the head of {:?}", l.article, locals[j].name()));
                continue;
            }
        }
        if generic(name) || l.key.contains("@article ") {
            continue;
        }
        // one name, two types: the most specific type
        let twin = only(by_fold[folds[a].as_str()].iter().filter(|&&b| b != a).map(|&b| (b, &members[b])).filter(|&(_, &j)| locals[j].etype != l.etype && type_rank(locals[j].etype) > type_rank(l.etype)).map(|(_, &j)| j).collect());
        if let Some(j) = twin.filter(|_| !(l.etype == EntityType::Gpe && known_place(name))) {
            join(j, "one name, two types in one article", format!("{name:?} in {} is {} there too", l.article, locals[j].etype));
            continue;
        }
        if l.etype == EntityType::Person {
            continue;
        }
        let persons = || full_persons.iter().filter(move |p| p.0 != a).map(|&(b, personal)| (b, members[b], personal));
        // a surname typed as something else
        let word = &folds[a];
        if !word.contains(' ') && !known_place(name) && name.chars().next().is_some_and(char::is_uppercase) && !(acronym(name) && word.len() <= 4) && !generic_word(word) && !matches!(word.as_str(), "jr" | "sr" | "ii" | "iii" | "iv") {
            let p = only(persons().filter(|&(b, _, _)| folds[b].contains(' ') && folds[b].rsplit(' ').next() == Some(folds[a].as_str())).map(|(_, j, _)| j).collect());
            if let Some(j) = p {
                join(j, "surname of a person in the same article", format!("{name:?} in {} is the surname of {:?}", l.article, locals[j].name()));
                continue;
            }
        }
        // "Skarn" beside "Skarn Ventures" (or "Skarn Data Center"): the leading words of
        // one organisation's name in the article, the rest its head or words no common
        // text uses ("Skarn Quiltworks"); "XR" beside "XR Cloud" is a modifier, not a name
        // (a place the gazetteer does not know may be a plain word: "Pi" of "Pi Data")
        let org_begins = || by_first.get(spelt[a].split(' ').next().unwrap_or("")).is_some_and(|v| v.iter().any(|&b| b != a && spelt[b].len() > spelt[a].len()));
        if matches!(l.etype, EntityType::Org | EntityType::Loc | EntityType::Gpe) && org_begins() && !known_place(name) && (l.etype != EntityType::Org || !word.split(' ').all(generic_word)) && (word.len() > 2 || !acronym(name)) {
            let lead = format!("{} ", spelt[a]);
            let first = spelt[a].split(' ').next().unwrap_or("");
            let fuller = only(by_first.get(first).into_iter().flatten().map(|&b| (b, &members[b])).filter(|&(b, _)| b != a)
                .filter(|&(b, &j)| {
                    let f: &str = &spelt[b];
                    locals[j].etype == EntityType::Org
                        && f.strip_prefix(&lead).is_some_and(|rest| {
                            let r: Vec<&str> = rest.split(' ').collect();
                            r.len() <= 2 && r.iter().all(|w| w.len() > 1 && (org_head_like(w) || !crate::analyse::lexicon::is_common_word(w)))
                        })
                })
                .map(|(_, &j)| j)
                .collect());
            if let Some(j) = fuller {
                join(j, "leading words of a name in the same article", format!("{name:?} in {} begins {:?}", l.article, locals[j].name()));
                continue;
            }
        }
        // "the Vennick League's Regional Office" beside "the Regional Office of the Vennick
        // League" (or of what "VL" stands for): one body, named by its owner both ways
        if l.etype == EntityType::Org {
            if let Some((owner, rest)) = name.split_once("'s ").or_else(|| name.split_once("’s ")) {
                let (owner, rest) = (fold(owner), fold(rest));
                let owners: Vec<&str> = std::iter::once(owner.as_str())
                    .chain(others().filter(|&(b, _)| names_folded(b).iter().any(|n| *n == owner)).map(|(b, _)| folds[b].as_str()))
                    .collect();
                let owned = |f: &str| f.strip_prefix(rest.as_str()).and_then(|t| t.strip_prefix(" of ")).is_some_and(|t| owners.contains(&t.strip_prefix("the ").unwrap_or(t)));
                let fuller = only(others().filter(|&(b, &j)| locals[j].etype == EntityType::Org && !rest.is_empty() && owned(&folds[b])).map(|(_, &j)| j).collect());
                if let Some(j) = fuller {
                    join(j, "an owner's body named both ways in the same article", format!("{name:?} in {} is {:?}", l.article, locals[j].name()));
                    continue;
                }
            }
        }
        // "Powerdyn Asia" beside "Power Dynamics Asia Ltd": a name run together from the
        // first words of another, the rest alike
        if l.etype == EntityType::Org {
            let w: Vec<&str> = spelt[a].split(' ').collect();
            if w[0].len() >= 6 && w[0].chars().all(|c| c.is_ascii_alphabetic()) && name.chars().any(char::is_lowercase) {
                let run = only((1..w[0].len() - 1).filter_map(|p| by_first.get(&w[0][..p])).flatten().map(|&b| (b, &members[b])).filter(|&(b, _)| b != a)
                    .filter(|&(b, &j)| {
                        // (the first words first: most pairs part there, without a copy)
                        let v0 = spelt[b].split(' ').next().unwrap_or("");
                        if locals[j].etype != EntityType::Org || v0.len() + 2 > w[0].len() || !w[0].starts_with(v0) || v0.is_empty() {
                            return false;
                        }
                        let v: Vec<&str> = spelt[b].split(' ').collect();
                        locals[j].etype == EntityType::Org
                            && v.len() >= w.len() + 1
                            && w[0].len() >= v[0].len() + 2
                            && w[0].starts_with(v[0])
                            && v[v.len() - (w.len() - 1)..] == w[1..]
                            && {
                                let k = v.len() - (w.len() - 1);
                                k >= 2 && v[..k].concat().starts_with(w[0]) && !v[..k - 1].concat().starts_with(w[0])
                            }
                    })
                    .map(|(_, &j)| j)
                    .collect());
                if let Some(j) = run {
                    join(j, "name run together from another's words in the same article", format!("{name:?} in {} runs together {:?}", l.article, locals[j].name()));
                    continue;
                }
            }
        }
        // "Heritage Centre" beside "Skarn Heritage Center": the common words that end one
        // name of the article
        let connector = |w: &str| matches!(w, "of" | "the" | "and" | "for" | "on" | "in" | "to");
        if matches!(l.etype, EntityType::Org | EntityType::Fac) && word.contains(' ') && word.split(' ').all(|w| generic_word(w) && !connector(w)) {
            let tail = format!(" {}", spelt[a]);
            // the fuller name is one or two words before them ("Skarn Heritage Center"),
            // not a body they belong to ("Office of Skarn Heritage Center")
            let fuller = only(of_type(EntityType::Org, a).chain(of_type(EntityType::Fac, a))
                .filter(|&(b, _)| {
                    let f: &str = &spelt[b];
                    f.strip_suffix(&tail).is_some_and(|pre| {
                            let p: Vec<&str> = pre.split(' ').collect();
                            p.len() <= 2 && !p.iter().any(|w| connector(w) || w.ends_with('’') || w.ends_with('\''))
                        })
                })
                .map(|(_, &j)| j)
                .collect());
            if let Some(j) = fuller {
                join(j, "common words ending a name in the same article", format!("{name:?} in {} ends {:?}", l.article, locals[j].name()));
                continue;
            }
        }
        // "Nordvick" beside "Nordvik": one letter apart in one article, not two places
        // (words, not acronyms, numbers or places the gazetteer knows: "Chicano" is no
        // misspelt city)
        let spelt_word = |n: &str| n.chars().any(char::is_lowercase) && !n.chars().any(|c| c.is_ascii_digit()) && !known_place(n);
        if matches!(l.etype, EntityType::Org | EntityType::Loc | EntityType::Gpe | EntityType::Fac) && !word.contains(' ') && word.chars().count() >= 7 && !generic_word(word) && spelt_word(name) {
            let near = only(of_type(l.etype, a)
                .filter(|&(b, &j)| b < a && folds[b].len().abs_diff(word.len()) <= 2 && !folds[b].contains(' ') && folds[b] != *word && one_edit(word, &folds[b]) && spelt_word(locals[j].name()))
                .map(|(_, &j)| j)
                .collect());
            if let Some(j) = near {
                join(j, "one letter apart in the same article", format!("{name:?} in {} is spelt {:?} there too", l.article, locals[j].name()));
                continue;
            }
        }
        // "Skarnian Mission" beside "Mission to the Union" or "Skarnian Mission to the
        // Union": the one mission of the article named by whom it is to
        if l.etype == EntityType::Org && !word.contains(" to ") {
            if let Some(pre) = ["mission", "delegation"].iter().find_map(|h| word.strip_suffix(h).filter(|p| p.is_empty() || p.ends_with(' ')).map(|p| (p.trim_end(), *h))) {
                let to = only(of_type(EntityType::Org, a)
                    .filter(|&(b, _)| {
                        folds[b].split_once(&format!("{} to ", pre.1)).is_some_and(|(before, _)| before.trim_end().is_empty() || before.trim_end() == pre.0)
                    })
                    .map(|(_, &j)| j)
                    .collect());
                if let Some(j) = to {
                    join(j, "mission named by whom it is to in the same article", format!("{name:?} in {} is {:?}", l.article, locals[j].name()));
                    continue;
                }
            }
        }
        // "Beekeeping" beside "Department of Beekeeping": the bare word a department is of
        if l.etype == EntityType::Org && !word.contains(' ') && !acronym(name) && name.chars().next().is_some_and(char::is_uppercase) {
            let tails = [format!(" of {word}"), format!(" of the {word}")];
            let d = only(of_type(EntityType::Org, a)
                .filter(|&(b, _)| {
                    tails.iter().any(|t| folds[b].ends_with(t.as_str())) && folds[b].split(' ').any(|w| matches!(w, "department" | "ministry"))
                })
                .map(|(_, &j)| j)
                .collect());
            if let Some(j) = d {
                join(j, DEPARTMENT_HERE, format!("{name:?} in {} is what {:?} is of", l.article, locals[j].name()));
                continue;
            }
        }
        // "Minister Jane Roe" typed as a body
        if matches!(l.etype, EntityType::Org | EntityType::Gpe | EntityType::Loc) {
            // the person's name must look like one: not made of the words bodies use
            let (fa, n) = (folds[a].as_str(), folds[a].len());
            let p = only(persons()
                .filter(|&(b, _, personal)| {
                    let fb = folds[b].as_str();
                    personal && n > fb.len() && fa.ends_with(fb) && fa.as_bytes()[n - fb.len() - 1] == b' ' && fa[..n - fb.len()].split(' ').filter(|w| !w.is_empty()).count() <= 3
                })
                .map(|(_, j, _)| j)
                .collect());
            if let Some(j) = p {
                join(j, "person with a title in the same article", format!("{name:?} in {} ends with the name of {:?}", l.article, locals[j].name()));
                continue;
            }
        }
        if l.etype == EntityType::Event {
            let w: Vec<&str> = folds[a].split(' ').collect();
            if w.len() >= 2 {
                let fuller = only(of_type(EntityType::Event, a)
                    .filter(|&(b, _)| {
                        let v: Vec<&str> = folds[b].split(' ').collect();
                        v.len() > w.len()
                            && v[0] == w[0]
                            && (v.last() == w.last() && w.iter().all(|x| v.contains(x))
                                // "Nordvik Forum 2024" and "Nordvik Forum 2024 Annual Meeting"
                                || v[..w.len()] == w[..] && v[w.len()..].iter().all(|x| crate::analyse::lexicon::has(crate::analyse::lexicon::EVENT, x) || matches!(*x, "annual" | "general" | "plenary")))
                            && crate::names::editions_agree(&folds[a], &folds[b])
                    })
                    .map(|(_, &j)| j)
                    .collect());
                if let Some(j) = fuller {
                    join(j, "shorter name of an event in the same article", format!("{name:?} in {} is a shorter name of {:?}", l.article, locals[j].name()));
                }
            }
        }
    }
    out
}

/// "Nordvik Summit" of one article and "Nordvik Investment Summit" of another, the same
/// year: a shorter name of the one event of that edition with its first and last words.
fn shorter_event_names(by_key: &BTreeMap<&str, Vec<u32>>, u: &mut Union) {
    // (first word, last word, edition) → keys
    let mut by: FastMap<(&str, &str, &str), Vec<(&str, Vec<&str>)>> = FastMap::default();
    for k in by_key.keys() {
        let Some(rest) = k.strip_prefix("event:") else { continue };
        if rest.contains('@') {
            continue;
        }
        let (name, year) = rest.rsplit_once(" #").unwrap_or((rest, ""));
        let w: Vec<&str> = name.split(' ').collect();
        if w.len() < 2 {
            continue;
        }
        by.entry((w[0], w[w.len() - 1], year)).or_default().push((k, w));
    }
    let mut joins: Vec<(&str, &str)> = Vec::new();
    for keys in by.values().filter(|v| v.len() > 1) {
        for (k, w) in keys {
            let fuller: Vec<&str> = keys.iter().filter(|(_, v)| v.len() > w.len() && v.len() <= w.len() + 2 && w.iter().all(|x| v.contains(x))).map(|(f, _)| *f).collect();
            if let [f] = fuller.as_slice() {
                joins.push((k, f));
            }
        }
    }
    joins.sort_unstable();
    for (k, f) in joins {
        u.join(by_key[k][0] as usize, by_key[f][0] as usize, "shorter name of an event of that edition", format!("key {k:?} is a shorter name of key {f:?}"));
    }
}

/// Whether two words are one insertion, deletion or substitution apart.
fn one_edit(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        let (s, l) = if a.len() <= b.len() { (a.as_bytes(), b.as_bytes()) } else { (b.as_bytes(), a.as_bytes()) };
        if l.len() - s.len() > 1 {
            return false;
        }
        let p = s.iter().zip(l.iter()).take_while(|(x, y)| x == y).count();
        return if s.len() == l.len() { s[(p + 1).min(s.len())..] == l[(p + 1).min(l.len())..] } else { s[p..] == l[p + 1..] };
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (s, l) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if l.len() - s.len() > 1 {
        return false;
    }
    let p = s.iter().zip(l.iter()).take_while(|(x, y)| x == y).count();
    if s.len() == l.len() {
        s[p + 1..] == l[p + 1..]
    } else {
        s[p..] == l[p + 1..]
    }
}

/// "Nordvik-Mart" and "NordvikMart": organisation keys alike but for their spaces are one.
fn spaceless_keys(by_key: &BTreeMap<&str, Vec<u32>>, u: &mut Union) {
    let mut by: FastMap<String, Vec<&str>> = FastMap::default();
    for k in by_key.keys().filter(|k| k.starts_with("org:") && k.contains(' ')) {
        by.entry(k.replace(' ', "")).or_default().push(k);
    }
    // (a key with spaces is in its own group already)
    for k in by_key.keys().filter(|k| k.starts_with("org:") && !k.contains(' ')) {
        if let Some(v) = by.get_mut(*k) {
            v.push(k);
        }
    }
    let mut groups: Vec<_> = by.into_values().filter(|v| v.len() > 1).collect();
    groups.sort_unstable();
    for mut g in groups {
        g.sort_unstable();
        let to = by_key[g[0]][0] as usize;
        for k in &g[1..] {
            let i = by_key[k][0] as usize;
            u.join(i, to, "same name but for spaces", format!("key {k:?} is key {:?} but for its spaces", g[0]));
        }
    }
}

/// "Joe Roe" joins "Joseph Roe": a nickname and the one formal given name it can stand for
/// with that surname, unless an article names both (then they are two people).
fn nicknames(locals: &[Local], by_key: &BTreeMap<&str, Vec<u32>>, u: &mut Union) {
    for (k, members) in by_key {
        let Some(rest) = k.strip_prefix("person:") else { continue };
        if rest.starts_with('?') || rest.ends_with(" ~") || rest.contains(". ") {
            continue;
        }
        let Some((_, s)) = rest.split_once(' ') else { continue };
        // the given names as written: a skeleton is shared by names no table links
        let given = |i: u32| fold(strip_titles(locals[i as usize].name())).split(' ').next().unwrap_or("").to_string();
        let g = given(members[0]);
        let formal = crate::nicknames::formal_skeletons(&g);
        let found: Vec<(String, &Vec<u32>)> = formal
            .iter()
            .map(|f| format!("person:{f} {s}"))
            .filter_map(|fk| by_key.get(fk.as_str()).map(|m| (fk, m)))
            .filter(|(_, m)| crate::nicknames::variants(&g, &given(m[0])))
            .collect();
        let [(fk, fm)] = found.as_slice() else { continue };
        let here: BTreeSet<&str> = members.iter().map(|&i| &*locals[i as usize].article).collect();
        if fm.iter().any(|&i| here.contains(&*locals[i as usize].article)) {
            continue;
        }
        let i = members[0] as usize;
        u.join(i, fm[0] as usize, "nickname of the given name", format!("{:?} has key {:?}, a nickname of {:?}", locals[i].name(), k, fk));
    }
}

/// One type per name, by the evidence of the corpus: a name typed PERSON by four times as
/// many local entities as GPE is a PERSON, and its GPE locals join the PERSON.
fn one_type_per_name(locals: &[Local], detached: &[bool], u: &mut Union) {
    // (names folded on every core, grouped in local order)
    let folded: Vec<Option<String>> = locals
        .par_iter()
        .enumerate()
        .map(|(i, l)| {
            let n = l.name();
            (!(detached[i] || generic(n) || l.key.contains("@article ") || l.etype == EntityType::Group)).then(|| fold(n))
        })
        .collect();
    let mut by_name: FastMap<String, Vec<u32>> = FastMap::default();
    for (i, f) in folded.into_iter().enumerate() {
        if let Some(f) = f {
            by_name.entry(f).or_default().push(i as u32);
        }
    }
    let mut names: Vec<_> = by_name.into_iter().filter(|(_, m)| m.iter().any(|&i| locals[i as usize].etype != locals[m[0] as usize].etype)).collect();
    names.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (name, members) in names {
        let mut counts: Vec<(EntityType, usize, u32)> = Vec::new();
        for &i in &members {
            let t = locals[i as usize].etype;
            match counts.iter_mut().find(|c| c.0 == t) {
                Some(c) => c.1 += 1,
                None => counts.push((t, 1, i)),
            }
        }
        let &(top, most, to) = counts.iter().max_by_key(|c| (c.1, std::cmp::Reverse(c.2))).expect("members");
        let minority = members.len() - most;
        if most < 2 || most < 4 * minority {
            continue;
        }
        for &i in members.iter().filter(|&&i| locals[i as usize].etype != top) {
            let t = locals[i as usize].etype;
            let n = counts.iter().find(|c| c.0 == t).map_or(0, |c| c.1);
            u.join(i as usize, to as usize, "one type per name", format!("{name:?} is {top} in {most} local entities, {t} in {n}"));
        }
    }
}

/// Orders clusters by their smallest key, then their first member: independent of the
/// order locals were loaded in.
pub fn sort_clusters(locals: &[Local], clusters: &mut [Cluster]) {
    let first = |c: &Cluster| {
        let key = c.members.iter().map(|&i| &*locals[i].key).min().unwrap_or("");
        let who = c.members.iter().map(|&i| (&*locals[i].article, locals[i].local_id)).min().unwrap_or(("", 0));
        (key, who.0, who.1)
    };
    clusters.sort_by_cached_key(first);
}

/// Canonical names, stable ids, aliases and reasons. Names from `garbled` articles
/// (machine-translated copies) become aliases but not canonical names.
pub fn finish(locals: &[Local], clusters: Vec<Cluster>, garbled: &BTreeSet<String>) -> Vec<Resolved> {
    // clusters are named on every core; ids, which count the names before, in order after
    let mut out: Vec<Resolved> = clusters.into_par_iter().filter(|c| !c.members.is_empty()).map(|c| named(locals, c, garbled)).collect();
    let mut used: HashMap<String, usize> = HashMap::new();
    for r in &mut out {
        let n = used.entry(r.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            r.id = format!("{}~{n}", r.id);
        }
    }
    out
}

/// A cluster's type, canonical name, aliases and reasons; its id is the base the name
/// gives, before `finish` numbers repeats.
fn named(locals: &[Local], c: Cluster, garbled: &BTreeSet<String>) -> Resolved {
    // the type most of its local entities have (one type per name joins a few of another)
    let mut types: Vec<(EntityType, usize)> = Vec::new();
    for &i in &c.members {
        match types.iter_mut().find(|t| t.0 == locals[i].etype) {
            Some(t) => t.1 += 1,
            None => types.push((locals[i].etype, 1)),
        }
    }
    // (a tie goes to the most specific type)
    let etype = c.etype.unwrap_or_else(|| types.iter().max_by_key(|t| (t.1, type_rank(t.0))).map_or(locals[c.members[0]].etype, |t| t.0));
    let mut names: BTreeMap<&str, i64> = BTreeMap::new();
    let mut fallback: BTreeMap<&str, i64> = BTreeMap::new();
    let mut counted: BTreeMap<&str, i64> = BTreeMap::new();
    let mut articles = BTreeSet::new();
    for &i in &c.members {
        let l = &locals[i];
        let pool = if garbled.contains(&*l.article) { &mut fallback } else { &mut names };
        let shown = if etype == EntityType::Person { strip_titles(l.name()) } else { l.name() };
        *pool.entry(shown).or_default() += 1;
        for n in l.names.iter() {
            *counted.entry(n).or_default() += 1;
        }
        articles.insert(&*l.article);
    }
    let pool = if names.is_empty() { &fallback } else { &names };
    let kept = c.name.as_deref().map(fold).and_then(|f| pool.keys().find(|n| fold(n) == f).map(|n| n.to_string()));
    let name = kept.unwrap_or_else(|| canonical(etype, pool));
    let mut aliases: BTreeMap<String, i64> = counted.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    aliases.entry(name.clone()).or_insert(0);
    let id = format!("{}:{}", etype.as_str().to_lowercase(), slug(&name));
    let first_fold = fold(&name);
    // many members share a name: fold each name once
    let mut same: FastMap<&str, bool> = FastMap::default();
    let members = c
        .members
        .iter()
        .zip(c.why)
        .map(|(&i, why)| {
            let l = &locals[i];
            match why {
                Some(b) => (i, Why::Joined(b)),
                None if *same.entry(l.name()).or_insert_with(|| fold(l.name()) == first_fold) => (i, Why::SameName),
                None if l.key.starts_with("gpe:") => (i, Why::GazetteerName),
                None => (i, Why::SameKey),
            }
        })
        .collect();
    Resolved { id, etype, name, members, aliases, articles: articles.len() }
}

/// The fullest well-formed name among those in common use (at least a tenth as many
/// local entities as the most used name: one article's "Counsel of the Acme Agency" or
/// a translated title before a name does not name the entity): most words, then most
/// used, then first in order.
fn canonical(etype: EntityType, names: &BTreeMap<&str, i64>) -> String {
    if etype == EntityType::Gpe {
        if let Some(p) = names.keys().find_map(|n| gazetteer::place(n)) {
            return p.canonical.to_string();
        }
    }
    let top = names.values().copied().max().unwrap_or(0);
    names
        .iter()
        .filter(|(_, &c)| c * 10 >= top)
        .max_by(|a, b| {
            let wa = a.0.split_whitespace().count();
            let wb = b.0.split_whitespace().count();
            // well formed: no stray quote, no initial standing for a given name
            // nor a patronymic standing for a surname ("Ivan Petrovich" is a form of address)
            let well = |n: &str| {
                !n.contains('"')
                    && !n.split_whitespace().any(|w| w.trim_end_matches('.').chars().count() == 1)
                    && !(etype == EntityType::Person && n.split_whitespace().last().is_some_and(is_patronymic))
            };
            (well(a.0), wa, a.1, a.0.len()).cmp(&(well(b.0), wb, b.1, b.0.len())).then_with(|| b.0.cmp(a.0))
        })
        .map(|(n, _)| n.to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(article: &str, id: i64, t: EntityType, name: &str, key: &str) -> Local {
        Local { article: article.into(), local_id: id, etype: t, key: key.into(), names: vec![name.into()].into() }
    }

    #[test]
    fn surname_joins_only_inside_its_article_and_ids_are_stable() {
        let locals = vec![
            local("a", 0, EntityType::Person, "Jane Roe", "person:jn r"),
            local("b", 0, EntityType::Person, "Roe", "person:?r@article b"),
            local("b", 1, EntityType::Person, "John Doe", "person:jhn d"),
            local("b", 2, EntityType::Person, "Jane Roe", "person:jn r"),
            local("c", 0, EntityType::Person, "Roe", "person:?r@article c"),
        ];
        let r = resolve(&locals);
        // "Roe" of article c has no Jane Roe beside it: a surname alone never joins across articles
        assert_eq!(r.len(), 3);
        let jane = r.iter().find(|e| e.name == "Jane Roe").unwrap();
        assert_eq!(jane.members.len(), 3);
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

    #[test]
    fn a_name_takes_the_type_most_articles_give_it() {
        let mut locals: Vec<Local> = (0..5).map(|i| local(&format!("p{i}"), 0, EntityType::Person, "Jane Roe", "person:jn r")).collect();
        locals.push(local("g", 0, EntityType::Gpe, "Jane Roe", "gpe:jane roe"));
        let r = resolve(&locals);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].etype, EntityType::Person);
        assert_eq!(r[0].members.len(), 6);
        // one against one: no evidence either way
        let two = vec![local("a", 0, EntityType::Person, "Jane Roe", "person:jn r"), local("b", 0, EntityType::Org, "Jane Roe", "org:jane roe@")];
        assert_eq!(resolve(&two).len(), 2);
    }

    #[test]
    fn nicknames_join_the_formal_name_unless_an_article_names_both() {
        let p = |a: &str, id: i64, n: &str| local(a, id, EntityType::Person, n, &person_key(n));
        let r = resolve(&[p("a", 0, "Joe Roe"), p("b", 0, "Joseph Roe"), p("c", 0, "Joe Doe")]);
        assert_eq!(r.len(), 2);
        assert!(r.iter().any(|e| e.members.len() == 2 && e.aliases.contains_key("Joe Roe")));
        let both = resolve(&[p("a", 0, "Joe Roe"), p("a", 1, "Joseph Roe"), p("b", 0, "Joseph Roe")]);
        assert_eq!(both.len(), 2);
    }

    #[test]
    fn events_keep_their_edition_and_embassies_their_city() {
        use crate::model::LocalEntity;
        let ent = |t: EntityType, n: &str| LocalEntity { etype: t, name: n.into(), names: vec![n.into()], context: String::new() };
        let a = Analysis { entities: vec![ent(EntityType::Event, "Olympic Games"), ent(EntityType::Event, "2008 Olympic Games"), ent(EntityType::Fac, "U.S. Embassy")], ..Default::default() };
        let k = local_keys("x", Some("2021-07-23"), &a);
        assert_eq!(k[0].0, "event:olympic games #2021");
        assert_eq!(k[1].0, "event:olympic games #2008");
        assert_eq!(k[2].0, "fac:u s embassy@article x");
        assert_eq!(local_keys("y", None, &a)[0].0, "event:olympic games");
        let us = Analysis { entities: vec![ent(EntityType::Org, "U.S. Department of Commerce"), ent(EntityType::Org, "United States Senate")], ..Default::default() };
        let k = local_keys("z", None, &us);
        assert_eq!(k[0].0, "org:commerce department@united states");
        assert_eq!(k[1].0, "org:senate@united states");
    }

    #[test]
    fn same_article_joins_acronyms_types_and_spellings() {
        let l = |a: &str, id: i64, t: EntityType, names: &[&str], key: &str| Local { article: a.into(), local_id: id, etype: t, key: key.into(), names: names.iter().map(|n| Arc::from(*n)).collect::<Vec<_>>().into() };
        let r = resolve(&[
            l("a", 0, EntityType::Org, &["Nordvik Port Authority", "NPA"], "org:nordvik port authority@"),
            l("a", 1, EntityType::Org, &["NPA"], "org:npa@"),
            l("a", 2, EntityType::Org, &["Skarn Ventures"], "org:skarn ventures@"),
            l("a", 3, EntityType::Gpe, &["Skarn Ventures"], "gpe:skarn ventures"),
            l("a", 4, EntityType::Person, &["Jane Quorvel"], "person:jn qrvl"),
            l("a", 5, EntityType::Gpe, &["Quorvel"], "gpe:quorvel"),
            l("b", 0, EntityType::Org, &["Tel-Mart"], "org:tel mart@"),
            l("c", 0, EntityType::Org, &["TelMart"], "org:telmart@"),
        ]);
        assert_eq!(r.len(), 4, "{r:?}");
        assert!(r.iter().any(|e| e.etype == EntityType::Org && e.aliases.contains_key("Skarn Ventures")));
        assert!(r.iter().any(|e| e.etype == EntityType::Person && e.aliases.contains_key("Quorvel")));
        assert_eq!(key_spelling("nordvik data centre ltd"), key_spelling("nordvik data center"));
    }

    #[test]
    fn same_article_joins_by_title_initials_shorter_name_and_spelling() {
        let l = |id: i64, t: EntityType, name: &str, key: &str| Local { article: "d".into(), local_id: id, etype: t, key: key.into(), names: vec![Arc::from(name)].into() };
        let r = resolve(&[
            l(0, EntityType::Person, "Jane Quorvel", "person:jane quorvel"),
            l(1, EntityType::Org, "Minister Jane Quorvel", "org:minister jane quorvel@"),
            l(2, EntityType::Org, "Department of Health Care", "org:department of health care@"),
            l(3, EntityType::Org, "HC", "org:hc@"),
            l(4, EntityType::Event, "Nordvik Summit", "event:nordvik summit@"),
            l(5, EntityType::Event, "Nordvik Investment Summit", "event:nordvik investment summit@"),
            l(6, EntityType::Org, "Quarnstead", "org:quarnstead@"),
            l(7, EntityType::Org, "Quarnsted", "org:quarnsted@"),
            l(8, EntityType::Gpe, "Ostvale", "gpe:ostvale"),
        ]);
        let together = |a: &str, b: &str| r.iter().any(|e| e.aliases.contains_key(a) && e.aliases.contains_key(b));
        assert!(together("Jane Quorvel", "Minister Jane Quorvel"), "{r:?}");
        assert!(together("Department of Health Care", "HC"), "{r:?}");
        assert!(together("Nordvik Investment Summit", "Nordvik Summit"), "{r:?}");
        assert!(together("Quarnstead", "Quarnsted"), "{r:?}");
        assert_eq!(r.len(), 5, "{r:?}");
    }

    #[test]
    fn a_short_place_name_that_begins_an_organisation_joins_it() {
        let r = resolve(&[
            local("a", 0, EntityType::Org, "Vela DATACENTERS", "org:vela datacenters@"),
            local("a", 1, EntityType::Gpe, "Vela", "gpe:vela"),
        ]);
        assert_eq!(r.len(), 1, "{r:?}");
        let l = |id: i64, names: &[&str], key: &str| Local { article: "b".into(), local_id: id, etype: EntityType::Org, key: key.into(), names: names.iter().map(|n| Arc::from(*n)).collect::<Vec<_>>().into() };
        let r = resolve(&[
            l(0, &["Vennick Treaty Organisation", "VTO"], "org:vennick treaty organisation@"),
            l(1, &["Regional Office of the Vennick Treaty Organisation"], "org:regional office of the vennick treaty organisation@"),
            l(2, &["VTO's Regional Office"], "org:vtos regional office@"),
        ]);
        assert_eq!(r.len(), 2, "{r:?}");
    }
}
