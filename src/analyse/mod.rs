//! The analyse stage: sentences, tokens, typed mentions, and coreference inside one
//! article (names, bare surnames, pronouns, definite descriptions → local entities).

pub mod lexicon;
pub mod mentions;
pub mod sentences;
pub mod tagger;
pub mod tokens;

use crate::fasthash::FastMap;
use crate::gazetteer;
use crate::model::{Analysis, Article, EntityType, LocalEntity, Mention, MentionKind, Sentence};
use crate::names::{fold, initials, possessor, skeleton, strip_editions, tidy};
use mentions::{Cand, Item, ItemKind, Scanner};
use sentences::SentenceSpan;
use tokens::Token;

/// The analysed article as rules read it. Offsets are into `Article::clean.text`.
pub struct Doc {
    pub tokens: Vec<Token>,
    pub sentences: Vec<SentenceSpan>,
    /// Items of each sentence.
    pub items: Vec<Vec<Item>>,
    /// Every mention candidate; `entity == usize::MAX` when coreference found no referent.
    pub cands: Vec<Cand>,
    /// Roles each local entity was given in the article ("executive director").
    pub roles: Vec<Vec<String>>,
    /// The article's publication date, for resolving relative dates.
    pub published: Option<String>,
    /// The country the article is about, when one clearly dominates its mentions of
    /// countries: the local entity. Gives "President X" with no country stated a country.
    pub country: Option<usize>,
    /// The two countries a story between two countries is about (a visit, a summit of two
    /// leaders), when two dominate its mentions of countries: the local entities, most
    /// mentioned first.
    pub pair: Option<[usize; 2]>,
}

impl Doc {
    /// Entity of the mention item, if it has one.
    pub fn entity_of(&self, item: &Item) -> Option<usize> {
        item.mention().map(|c| self.cands[c].entity).filter(|&e| e != usize::MAX)
    }
    pub fn cand_of(&self, item: &Item) -> Option<&Cand> {
        item.mention().map(|c| &self.cands[c])
    }
    pub fn text(&self, clean: &str, tok_start: usize, tok_end: usize) -> String {
        if tok_end <= tok_start {
            return String::new();
        }
        clean[self.tokens[tok_start].start..self.tokens[tok_end - 1].end].to_string()
    }
}

/// Side information coreference keeps per entity.
#[derive(Default, Clone)]
struct EntState {
    fold: String,
    core: String,
    given: String,
    given_sk: String,
    surname: String,
    head: String,
    country: String,
    /// `strip_country(core, country)` while `country` is not empty, kept up to date.
    core_sans_country: String,
    /// Canonical gazetteer name of the entity's current name, looked up once.
    place: Option<&'static str>,
    /// Initials of the current name of an ORG or GPE, for acronyms.
    initials: String,
}

pub fn analyse(article: &Article) -> (Doc, Analysis) {
    let text = &article.clean.text;
    let tokens = tokens::tokenize(text);
    let spans = sentences::split(&tokens);
    let mut scanner = Scanner::new(&tokens);
    let mut items = Vec::with_capacity(spans.len());
    let mut entities: Vec<LocalEntity> = Vec::new();
    let mut state: Vec<EntState> = Vec::new();
    let mut roles: Vec<Vec<String>> = Vec::new();
    let mut recall = Recall::default();
    // The person the previous sentence was about (its first person outside quotes):
    // "He ..." at the start of the next sentence usually means them.
    let mut last_subject: Option<usize> = None;
    for (si, sp) in spans.iter().enumerate() {
        let first_new = scanner.cands.len();
        let its = scanner.scan(si, sp.start, sp.end);
        list_types(&mut scanner.cands, &its);
        let mut order: Vec<usize> = (first_new..scanner.cands.len()).collect();
        order.sort_by_key(|&c| (scanner.cands[c].tok_start, scanner.cands[c].tok_end));
        let first_cand = order.first().copied();
        for c in order {
            if !tidy_cand(&mut scanner.cands[c]) {
                continue;
            }
            let subject_pronoun = Some(c) == first_cand && scanner.cands[c].kind == MentionKind::Pronoun && scanner.cands[c].etype == EntityType::Person;
            let e = if subject_pronoun && last_subject.is_some() {
                last_subject
            } else {
                corefer(&scanner.cands, c, &its, &mut entities, &mut state, &roles, &mut recall)
            };
            scanner.cands[c].entity = e.unwrap_or(usize::MAX);
            if let Some(e) = e {
                roles.resize(entities.len(), Vec::new());
                recall.touch(e);
            }
        }
        roles.resize(entities.len(), Vec::new());
        record_roles(&scanner.cands, &its, &mut roles);
        let quote_toks: Vec<usize> = (sp.start..sp.end).filter(|&t| tokens[t].lower == "\"").collect();
        let inside_quotes = |t: usize| quote_toks.iter().filter(|&&q| q < t).count() % 2 == 1;
        if let Some(subj) = (first_new..scanner.cands.len())
            .filter(|&c| scanner.cands[c].etype == EntityType::Person && scanner.cands[c].entity != usize::MAX && !inside_quotes(scanner.cands[c].tok_start))
            .min_by_key(|&c| scanner.cands[c].tok_start)
        {
            last_subject = Some(scanner.cands[subj].entity);
        }
        // A role description may name a person introduced later in the same sentence:
        // "the monument to the great leader in the park named after national leader X".
        for c in first_new..scanner.cands.len() {
            let cand = &scanner.cands[c];
            if cand.entity != usize::MAX || cand.kind != MentionKind::Description || cand.etype != EntityType::Person {
                continue;
            }
            let core = cand.role.as_deref().and_then(|r| r.split(' ').last()).unwrap_or("").to_string();
            let later = (first_new..scanner.cands.len())
                .filter(|&x| x > c && scanner.cands[x].etype == EntityType::Person && scanner.cands[x].entity != usize::MAX)
                .map(|x| scanner.cands[x].entity)
                .find(|&e| roles[e].iter().any(|r| r.ends_with(&core)));
            if let Some(e) = later {
                scanner.cands[c].entity = e;
            }
        }
        items.push(its);
    }
    roles.resize(entities.len(), Vec::new());
    let cands = scanner.cands;
    let mut analysis = Analysis {
        sentences: spans
            .iter()
            .enumerate()
            .map(|(i, sp)| Sentence { idx: i, start: tokens[sp.start].start, end: tokens[sp.end - 1].end })
            .collect(),
        ..Default::default()
    };
    // Group contexts: a delegation is tied to the country it comes from.
    for (e, st) in state.iter().enumerate() {
        if entities[e].etype == EntityType::Group || entities[e].etype == EntityType::Org {
            entities[e].context = st.country.clone();
        }
    }
    analysis.entities = entities;
    for c in &cands {
        if c.entity == usize::MAX {
            continue;
        }
        let (s, e) = (tokens[c.tok_start].start, tokens[c.tok_end - 1].end);
        analysis.mentions.push(Mention {
            sentence: c.sentence,
            start: s,
            end: e,
            text: text[s..e].to_string(),
            kind: c.kind,
            entity: c.entity,
        });
    }
    let counts = country_counts(&cands);
    let country = main_country(&counts);
    let pair = country_pair(&counts);
    let doc = Doc { tokens, sentences: spans, items, cands, roles, published: article.published.clone(), country, pair };
    (doc, analysis)
}

/// "including Skarn Bank, Vennick Capital, Arvo and Tallis": a list whose names are
/// mostly bodies is a list of bodies; a one-word name in it that only the tagger took for
/// a place or a person ("Arvo" read as a town) is a body too. Gazetteer places and
/// names with a known given name keep their type.
fn list_types(cands: &mut [Cand], items: &[Item]) {
    let name_at = |cands: &[Cand], k: usize| items.get(k).and_then(|i| i.mention()).filter(|&c| matches!(cands[c].kind, MentionKind::Name | MentionKind::Surname) && !cands[c].adjective);
    // (a member may have its article: "A, the B and C")
    let name_at = |cands: &[Cand], k: usize| name_at(cands, k).or_else(|| if items.get(k).is_some_and(|i| i.is("the")) { name_at(cands, k + 1) } else { None });
    let mut k = 0;
    while k < items.len() {
        let Some(first) = name_at(cands, k) else {
            k += 1;
            continue;
        };
        // the names of "A, B, C and D" (commas, then "and" / "or" before the last)
        let mut members = vec![first];
        let mut j = k + 1 + usize::from(items[k].is("the"));
        while j + 1 < items.len() && (items[j].is(",") || items[j].is("and") || items[j].is("or")) {
            let step = if items[j].is(",") && (items[j + 1].is("and") || items[j + 1].is("or")) { 2 } else { 1 };
            let Some(c) = name_at(cands, j + step) else { break };
            let last = !items[j].is(",") || step == 2;
            members.push(c);
            j += step + 1 + usize::from(items[j + step].is("the"));
            if last {
                break;
            }
        }
        k = j.max(k + 1);
        if members.len() < 3 {
            continue;
        }
        let orgs = members.iter().filter(|&&c| cands[c].etype == EntityType::Org).count();
        if orgs * 2 <= members.len() {
            continue;
        }
        for &c in &members {
            let cand = &cands[c];
            let guessed = match cand.etype {
                EntityType::Gpe => cand.canonical.is_none() && gazetteer::place(&cand.name).is_none(),
                EntityType::Person => !cand.name.contains(' ') && !gazetteer::is_given_name(&cand.name),
                _ => false,
            };
            if guessed && !cand.name.contains(' ') {
                cands[c].etype = EntityType::Org;
                cands[c].kind = MentionKind::Name;
                cands[c].head = fold(&cands[c].name);
            }
        }
    }
}

/// Cleans a candidate's name before coreference compares it and aliases show it; false
/// for a fragment that names nothing ("'s Office"), which stays without an entity.
fn tidy_cand(cand: &mut Cand) -> bool {
    let Some(mut name) = tidy(&cand.name) else { return false };
    if cand.etype == EntityType::Person && cand.kind == MentionKind::Name {
        // "Biden's Executive Order" speaks of Biden
        let owner = possessor(&name);
        if owner.len() < name.len() {
            match tidy(owner) {
                Some(o) => name = o,
                None => return false,
            }
            if !name.contains(' ') {
                cand.kind = MentionKind::Surname;
            }
        }
    }
    cand.name = name;
    true
}

/// The country most mentioned, if it is mentioned at least three times and twice as often
/// as any other (names and demonyms count alike).
/// How often the article names each country (names and demonyms), in order of first mention.
fn country_counts(cands: &[Cand]) -> Vec<(usize, usize)> {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for c in cands.iter().filter(|c| c.etype == EntityType::Gpe && c.entity != usize::MAX) {
        let name = c.canonical.as_deref().unwrap_or(&c.name);
        if !gazetteer::place(name).is_some_and(|p| p.kind == gazetteer::PlaceKind::Country) {
            continue;
        }
        match counts.iter_mut().find(|(e, _)| *e == c.entity) {
            Some(x) => x.1 += 1,
            None => counts.push((c.entity, 1)),
        }
    }
    counts
}

fn main_country(counts: &[(usize, usize)]) -> Option<usize> {
    // ties broken by first mention (the vector keeps mention order)
    let (top, n) = counts.iter().fold((usize::MAX, 0), |best, &(e, n)| if n > best.1 { (e, n) } else { best });
    let second = counts.iter().filter(|(e, _)| *e != top).map(|x| x.1).max().unwrap_or(0);
    (n >= 3 && n >= 2 * second).then_some(top)
}

/// Two countries named twice or more each, every other country at most half as often as
/// the second and together at most a quarter of all the mentions of countries.
fn country_pair(counts: &[(usize, usize)]) -> Option<[usize; 2]> {
    let mut sorted = counts.to_vec();
    // most mentioned first; ties by first mention (a stable sort keeps mention order)
    sorted.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    let (&(a, na), &(b, nb)) = (sorted.first()?, sorted.get(1)?);
    let rest: usize = sorted[2..].iter().map(|x| x.1).sum();
    let third = sorted.get(2).map_or(0, |x| x.1);
    (nb >= 2 && 2 * third <= nb && 4 * rest <= na + nb + rest).then_some([a, b])
}

/// Roles stated next to a person's name in this sentence: "Role PERSON", "PERSON, the Role",
/// "the Role of X, PERSON". They let "the executive director" find its person later.
fn record_roles(cands: &[Cand], items: &[Item], roles: &mut [Vec<String>]) {
    let person = |it: &Item| it.mention().map(|c| &cands[c]).filter(|c| c.etype == EntityType::Person && c.entity != usize::MAX).map(|c| c.entity);
    for (k, it) in items.iter().enumerate() {
        let Some(role) = it.role() else { continue };
        let mut target = items.get(k + 1).and_then(person);
        if target.is_none() && k >= 2 && items[k - 1].is("the") && items[k - 2].is(",") {
            target = k.checked_sub(3).and_then(|x| person(&items[x]));
        }
        if target.is_none() && k >= 1 && items[k - 1].is(",") {
            target = person(&items[k - 2.min(k)]).filter(|_| k >= 2);
        }
        if target.is_none() {
            // "the Role of the ORG, PERSON": the first person after the next comma
            if let Some(comma) = items[k + 1..].iter().position(|i| i.is(",")).map(|p| k + 1 + p) {
                if items[k + 1..comma].iter().all(|i| i.role().is_none()) && comma - k < 12 {
                    target = items.get(comma + 1).and_then(person);
                }
            }
        }
        if let Some(e) = target {
            if !roles[e].contains(&role.words) {
                roles[e].push(role.words.clone());
            }
        }
    }
}

fn split_person(name: &str) -> (String, String) {
    let f = fold(name);
    let words: Vec<&str> = f.split(' ').filter(|w| !matches!(*w, "jr" | "sr" | "ii" | "iii" | "iv")).collect();
    let surname = words.last().copied().unwrap_or("").to_string();
    let given = if words.len() > 1 { words[0].to_string() } else { String::new() };
    (given, surname)
}

impl EntState {
    fn update_sans_country(&mut self) {
        if !self.country.is_empty() {
            self.core_sans_country = strip_country(&self.core, &self.country);
        }
    }
}

/// What coreference keeps to find entities fast: by recency and by surname.
#[derive(Default)]
struct Recall {
    /// Entities from least to most recently mentioned: "the latest X" searches from the end.
    order: Vec<usize>,
    /// When each entity was last mentioned (a counter), to pick the latest of a few.
    seen: Vec<usize>,
    clock: usize,
    /// Person entities by surname, and by its skeleton when not empty, oldest first.
    by_surname: FastMap<String, Vec<usize>>,
    by_surname_sk: FastMap<String, Vec<usize>>,
    /// Entities of each type, oldest first.
    by_type: FastMap<EntityType, Vec<usize>>,
}

impl Recall {
    fn touch(&mut self, e: usize) {
        self.clock += 1;
        if self.seen.len() <= e {
            self.seen.resize(e + 1, 0);
        }
        self.seen[e] = self.clock;
        if let Some(p) = self.order.iter().rposition(|&x| x == e) {
            self.order.remove(p);
        }
        self.order.push(e);
    }
    /// The most recently mentioned entity that fits.
    fn recent(&self, pred: &dyn Fn(usize) -> bool) -> Option<usize> {
        self.order.iter().rev().copied().find(|&e| pred(e))
    }
    /// The most recently mentioned of `es`.
    fn latest(&self, es: Option<&Vec<usize>>) -> Option<usize> {
        es?.iter().copied().max_by_key(|&e| self.seen[e])
    }
}

/// Occasions a story can be about without naming them: "the ceremony", "the launch".
pub(crate) const CEREMONIES: &[&str] = &["ceremony", "inauguration", "celebration", "ribbon-cutting", "groundbreaking", "handover", "launch"];
/// Heads of events where people sit together, which news names one way and refers back to
/// another ("the conference ... the forum", "a meeting of the Council ... the summit").
const GATHERINGS: &[&str] = &["meeting", "summit", "session", "conference", "forum", "congress", "convention", "symposium", "conclave"];

/// Finds or makes the local entity a mention refers to.
fn corefer(
    cands: &[Cand],
    c: usize,
    items: &[Item],
    entities: &mut Vec<LocalEntity>,
    state: &mut Vec<EntState>,
    roles: &[Vec<String>],
    recall: &mut Recall,
) -> Option<usize> {
    let cand = &cands[c];
    let recent = |pred: &dyn Fn(usize) -> bool| recall.recent(pred);
    match cand.kind {
        MentionKind::Pronoun => {
            let et = cand.etype;
            return match et {
                EntityType::Person => recent(&|e| entities[e].etype == EntityType::Person),
                _ => recent(&|e| matches!(entities[e].etype, EntityType::Org | EntityType::Event | EntityType::Gpe)),
            };
        }
        MentionKind::Surname => {
            // the latest person of that surname, else of a surname spelled alike
            // ("Sherwood-Randall" is filed under "randall", the last word of its fold)
            let folded = fold(&cand.name);
            let exact = match folded.rsplit_once(' ') {
                Some((_, last)) => recall.by_surname.get(last).and_then(|es| {
                    let hits: Vec<usize> = es.iter().copied().filter(|&e| state[e].fold.ends_with(&folded)).collect();
                    recall.latest(Some(&hits))
                }),
                None => recall.latest(recall.by_surname.get(&folded)),
            };
            // a skeleton alone is too loose for surnames ("Bowden"/"Biden"): the spellings must look alike
            let alike = |e: usize| crate::names::bigram_dice(&state[e].surname, &folded) >= 0.5;
            let hit = exact.or_else(|| recall.latest(recall.by_surname_sk.get(&skeleton(&cand.name))).filter(|&e| alike(e)));
            // "Prince Faisal" after "Prince Faisal bin Farhan": a given name alone stands for
            // the one person of the article so far with that given name (not a name that is
            // a surname too: "Governor Davis" is no "Davis Lee")
            let hit = hit.or_else(|| {
                if !crate::gazetteer::is_given_name(&cand.name) || crate::gazetteer::is_surname(&cand.name) {
                    return None;
                }
                let mut same: Vec<usize> = recall.by_type.get(&EntityType::Person).into_iter().flatten().copied().filter(|&e| state[e].given == folded).collect();
                same.sort_unstable();
                same.dedup();
                (same.len() == 1).then(|| same[0])
            });
            if let Some(e) = hit {
                add_name(&mut entities[e], &cand.name);
                return hit;
            }
            // "Mr. Atapattu", "Dr Mensah" with no one of that name before: a person
            // introduced by surname alone (else coreference found nobody: no entity)
            let at = items.iter().position(|i| i.mention() == Some(c)).unwrap_or(0);
            let address = |w: &str| matches!(w, "mr" | "mrs" | "ms" | "dr" | "shri" | "smt");
            let addressed = at >= 1 && address(&items[at - 1].lower) || at >= 2 && items[at - 1].lower == "." && address(&items[at - 2].lower);
            if !addressed {
                return None;
            }
        }
        MentionKind::Description => {
            match cand.etype {
                EntityType::Person => {
                    let role = cand.role.clone().unwrap_or_default();
                    let core = role.split(' ').last().unwrap_or("").to_string();
                    return recent(&|e| entities[e].etype == EntityType::Person && roles.get(e).is_some_and(|r| r.iter().any(|x| *x == role)))
                        .or_else(|| recent(&|e| entities[e].etype == EntityType::Person && roles.get(e).is_some_and(|r| r.iter().any(|x| x.ends_with(&core)))));
                }
                EntityType::Group => return recent(&|e| entities[e].etype == EntityType::Group),
                EntityType::Event => {
                    let f = fold(&cand.name);
                    let core = strip_editions(&f);
                    // "the 8th session" is not the 9th one
                    let same_edition = |e: usize| crate::names::editions_agree(&f, &state[e].fold);
                    // described by more than its head ("the closing session", "the regional
                    // seminar"), it is an occasion described alike or only by that head
                    // ("the first seminar"), not another kind ("the listening session")
                    let modified = core.contains(' ');
                    let alike = |e: usize| !modified || state[e].core == cand.head;
                    let found = recent(&|e| entities[e].etype == EntityType::Event && state[e].core == core && same_edition(e))
                    .or_else(|| recent(&|e| entities[e].etype == EntityType::Event && state[e].head == cand.head && same_edition(e) && alike(e)))
                    .or_else(|| {
                        // ("an international conference" is not the session named before)
                        if f.contains(' ') {
                            None
                        } else if cand.head == "event" {
                            // "the event": the occasion the story is about, which it names
                            // first, not the launch it mentions on the way
                            recall.by_type.get(&EntityType::Event).and_then(|es| es.first().copied())
                        } else if GATHERINGS.contains(&cand.head.as_str()) {
                            // "a meeting of the Council ... The summit was attended by": a
                            // gathering named one way and referred to another
                            recent(&|e| entities[e].etype == EntityType::Event && GATHERINGS.contains(&state[e].head.as_str()))
                        } else if CEREMONIES.contains(&cand.head.as_str()) {
                            // "the launch ... the ceremony ... the celebration": one occasion
                            recent(&|e| entities[e].etype == EntityType::Event && CEREMONIES.contains(&state[e].head.as_str()))
                        } else {
                            None
                        }
                    });
                    // "Speaking at the launch, ...": a ceremony has its identity in its
                    // article even unnamed (a meeting or an event does not); it stays
                    // the article's (its lower-case name keys it to the article)
                    // "the regional seminar" with none before: described more than by its
                    // head, it is a new occasion of the article too
                    if found.is_some() || !CEREMONIES.contains(&cand.head.as_str()) && !f.contains(' ') {
                        return found;
                    }
                }
                _ => return None,
            }
        }
        MentionKind::Acronym => {
            // Defined in parentheses right after a name: "Economic Community of West African States (ECOWAS)".
            let pos = items.iter().position(|i| i.mention() == Some(c));
            if let Some(p) = pos.filter(|&p| p >= 2 && items[p - 1].is("(")) {
                // a place's acronym begins with its name's letter: "University of Skarn,
                // Nordvik (USN)" defines no acronym for Nordvik
                let first = |s: &str| s.chars().find(|c| c.is_alphanumeric()).map(|c| c.to_lowercase().next());
                // nor is "the Secretariat of the Vennick Treaty Organisation (VTO)" the secretariat's
                let of_what = |n: &str| n.split_once(" of ").map(|(_, t)| t.strip_prefix("the ").unwrap_or(t).to_string());
                // (unless its letters are the name's, as "HHS" of "Department of Health and Human Services")
                let letters = |n: &str| crate::names::initials(n);
                let within = |short: &str, long: &str| {
                    let mut l = long.chars();
                    short.chars().all(|c| l.any(|x| x == c))
                };
                let acr = cand.name.to_lowercase().replace('.', "");
                // an office of a body that is named as a whole ("Secretariat of the Vennick
                // Treaty Organization"), not a department named by its field
                let unit_of_body = |n: &str| {
                    n.split_once(" of ").is_some_and(|(unit, body)| {
                        let last = |s: &str| s.rsplit(' ').next().unwrap_or("").to_lowercase();
                        matches!(last(unit).as_str(), "office" | "secretariat" | "branch" | "mission" | "representation" | "headquarters")
                            && matches!(last(body).as_str(), "organization" | "organisation" | "union" | "league" | "alliance" | "association" | "federation" | "community" | "council" | "bank" | "fund" | "forum")
                    })
                };
                let owns = |n: &str| first(n) == first(&cand.name) || of_what(n).is_none_or(|t| first(&t) != first(&cand.name)) || within(&acr, &letters(n)) && !unit_of_body(n);
                if let Some(prev) = items[p - 2].mention().map(|x| cands[x].entity).filter(|&e| e != usize::MAX && (entities[e].etype != EntityType::Gpe || first(&entities[e].name) == first(&cand.name)) && owns(&entities[e].name)) {
                    add_name(&mut entities[prev], &cand.name);
                    return Some(prev);
                }
            }
            let ini = cand.name.to_lowercase().replace('.', "");
            if let Some(e) = recent(&|e| ini.len() >= 2 && matches!(entities[e].etype, EntityType::Org | EntityType::Gpe) && state[e].initials == ini) {
                add_name(&mut entities[e], &cand.name);
                return Some(e);
            }
        }
        MentionKind::Name => {}
    }
    // Names: the same thing spelled the same or more fully, else a new entity.
    let f = fold(&cand.name);
    let canonical = if cand.etype == EntityType::Gpe {
        cand.canonical.clone().or_else(|| gazetteer::place(&cand.name).map(|p| p.canonical.to_string()))
    } else {
        None
    };
    // the edition-free core is compared only for types other than these
    let core = if matches!(cand.etype, EntityType::Person | EntityType::Gpe | EntityType::Group) { String::new() } else { strip_editions(&f) };
    let (given, surname) = if cand.etype == EntityType::Person { split_person(&cand.name) } else { Default::default() };
    let given_sk = if given.is_empty() { String::new() } else { skeleton(&given) };
    let country = cand.country.map(|g| cands[g].name.clone()).map(|n| gazetteer::place(&n).map(|p| p.canonical.to_string()).unwrap_or(n)).unwrap_or_default();
    let cand_sans_country = std::cell::OnceCell::new();
    let fits = |e: usize| {
        let ent = &entities[e];
        let st = &state[e];
        if ent.etype != cand.etype {
            return false;
        }
        match cand.etype {
            EntityType::Gpe => match (&canonical, st.place) {
                (Some(c), Some(p)) => p == c,
                _ => st.fold == f,
            },
            EntityType::Person => {
                st.surname == surname
                    && (st.given.is_empty() || given.is_empty() || st.given_sk == given_sk || st.given.len() == 1 && given.starts_with(&st.given) || crate::nicknames::variants(&st.given, &given))
            }
            EntityType::Group => st.country == country && st.head == cand.head,
            // cheap tests first: is_subset and strip_country are the costly ones
            EntityType::Event if !crate::names::editions_agree(&f, &st.fold) => false,
            _ => {
                st.core == core
                    || !cand.head.is_empty() && st.head == cand.head && (core.contains(' ') && is_subset(&core, &st.core) || st.core.contains(' ') && is_subset(&st.core, &core))
                    || !country.is_empty() && st.country == country && *cand_sans_country.get_or_init(|| strip_country(&core, &country)) == st.core_sans_country
            }
        }
    };
    // the latest-made entity that fits; a person's can only be among those of its surname
    let found = if cand.etype == EntityType::Person {
        recall.by_surname.get(&surname).and_then(|es| es.iter().rev().copied().find(|&e| fits(e)))
    } else {
        recall.by_type.get(&cand.etype).and_then(|es| es.iter().rev().copied().find(|&e| fits(e)))
    };
    if let Some(e) = found {
        add_name(&mut entities[e], &cand.name);
        if fuller(&cand.name, &entities[e].name, cand.etype) && canonical.is_none() {
            entities[e].name = cand.name.clone();
            if cand.etype == EntityType::Gpe {
                state[e].place = gazetteer::place(&cand.name).map(|p| p.canonical);
            }
            if matches!(cand.etype, EntityType::Org | EntityType::Gpe) {
                state[e].initials = initials(&cand.name);
            }
            state[e].fold = f;
            state[e].core = core;
            if !given.is_empty() {
                state[e].given = given;
                state[e].given_sk = given_sk;
            }
            state[e].update_sans_country();
        }
        if state[e].country.is_empty() {
            state[e].country = country;
            state[e].update_sans_country();
        }
        return Some(e);
    }
    let name = canonical.clone().unwrap_or_else(|| cand.name.clone());
    let mut ent = LocalEntity { etype: cand.etype, name: name.clone(), names: vec![name], context: String::new() };
    add_name(&mut ent, &cand.name);
    let place = if cand.etype == EntityType::Gpe { gazetteer::place(&ent.name).map(|p| p.canonical) } else { None };
    let ent_initials = if matches!(cand.etype, EntityType::Org | EntityType::Gpe) { initials(&ent.name) } else { String::new() };
    entities.push(ent);
    recall.by_type.entry(cand.etype).or_default().push(entities.len() - 1);
    if cand.etype == EntityType::Person {
        let e = entities.len() - 1;
        recall.by_surname.entry(surname.clone()).or_default().push(e);
        if !surname.is_empty() {
            recall.by_surname_sk.entry(skeleton(&surname)).or_default().push(e);
        }
    }
    let mut st = EntState { fold: f, core, given, given_sk, surname, head: cand.head.clone(), country, core_sans_country: String::new(), place, initials: ent_initials };
    st.update_sans_country();
    state.push(st);
    Some(entities.len() - 1)
}

/// "media development agency azerbaijan" and "azerbaijan media development agency" share a core.
fn strip_country(core: &str, country: &str) -> String {
    let c = fold(country);
    let mut s = core.replace(&format!("of republic of {c}"), "").replace(&format!("of {c}"), "");
    if let Some(rest) = s.strip_prefix(&format!("{c} ")) {
        s = rest.to_string();
    }
    for d in [format!("{c}n "), format!("{c}i "), format!("{c}an ")] {
        if let Some(rest) = s.strip_prefix(&d) {
            s = rest.to_string();
        }
    }
    s.trim().to_string()
}

/// Every word of `a` is in `b`, and what `b` adds names no other body: "Foreign Ministry" is
/// in "Ministry of Foreign Affairs", but "National Science Board" is not "Board of Science
/// Education for the National Academies".
fn is_subset(a: &str, b: &str) -> bool {
    let body = |w: &str| {
        let one = w.strip_suffix("ies").map(|s| format!("{s}y")).unwrap_or_else(|| w.strip_suffix('s').unwrap_or(w).to_string());
        lexicon::has(lexicon::ORG, w) || lexicon::has(lexicon::ORG, &one)
    };
    !a.is_empty() && a.split(' ').all(|w| b.split(' ').any(|x| x == w)) && !b.split(' ').any(|x| !a.split(' ').any(|w| w == x) && body(x))
}

fn fuller(new: &str, old: &str, t: EntityType) -> bool {
    let n = new.split_whitespace().count();
    let o = old.split_whitespace().count();
    match t {
        // Prefer the full personal name over a surname; among full names keep the first.
        EntityType::Person => n > o,
        _ => n > o,
    }
}

fn add_name(ent: &mut LocalEntity, name: &str) {
    if !ent.names.iter().any(|n| n == name) {
        ent.names.push(name.to_string());
    }
}

/// Items of a sentence, for tests and `explain`.
pub fn describe_items(doc: &Doc, clean: &str, si: usize) -> String {
    let mut out = Vec::new();
    for it in &doc.items[si] {
        match &it.kind {
            ItemKind::Mention(c) => {
                let cand = &doc.cands[*c];
                out.push(format!("[{} {}]", cand.etype, doc.text(clean, it.tok_start, it.tok_end)));
            }
            ItemKind::Role(r) => out.push(format!("<{}>", r.words)),
            _ => out.push(it.lower.to_string()),
        }
    }
    out.join(" ")
}
