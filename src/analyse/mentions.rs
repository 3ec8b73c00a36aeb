//! Mention detection: turns a sentence's tokens into a sequence of items (mentions with a
//! type, role phrases, plain words) that extraction rules read.
//!
//! Names are runs of capitalised words ("Ministry of Digital Development of the Republic of
//! Armenia"); a run is split where a role phrase stands in it ("Nordvik Director General
//! Paul Renard" → ORG, role, PERSON) and typed by its head noun, the gazetteer, or the
//! shape of a personal name. Lower-case noun phrases become mentions when news uses them
//! as names: "the Georgian delegation", "the 5th meeting of ministers", "the Xinhua office",
//! "the monument to ...", "the park named after ...". Definite descriptions ("the forum",
//! "the delegation", "the executive director") and pronouns are kept for coreference.

use super::lexicon::{self as lx, RoleKind};
use super::tagger::{self, Tag};
use super::tokens::{Token, TokenKind};
use crate::gazetteer;
use crate::smallstr::SmallStr;
use crate::model::{EntityType, MentionKind};

/// A mention found in a sentence, before coreference gives it an entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Cand {
    pub sentence: usize,
    pub tok_start: usize,
    pub tok_end: usize,
    pub etype: EntityType,
    pub kind: MentionKind,
    /// The name as it should be stored ("Azerbaijani delegation", "Russia" for "Russian").
    pub name: String,
    /// Lower-case head noun: "agency", "forum", "delegation"; for people the family name.
    pub head: String,
    /// For ORG/GROUP names that carry their country: the candidate index of that GPE.
    pub country: Option<usize>,
    /// A demonym used as an adjective ("Azerbaijani reporters"): a weak mention.
    pub adjective: bool,
    /// For descriptions that are roles ("the executive director"): the role words.
    pub role: Option<String>,
    /// For places found in the gazetteer: the canonical name ("Russia" for "RUSSIA").
    pub canonical: Option<String>,
    /// Filled by coreference.
    pub entity: usize,
}

/// A role phrase: "executive director", "Director General", "first deputy".
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    pub words: String,
    pub kind: RoleKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ItemKind {
    /// Index into the document's candidates.
    Mention(usize),
    Role(Role),
    Word,
    Punct,
}

/// One step of a sentence as rules see it.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub kind: ItemKind,
    pub tok_start: usize,
    pub tok_end: usize,
    /// Lower-case text for words and punctuation (quotes and dashes normalised).
    pub lower: SmallStr,
}

impl Item {
    pub fn mention(&self) -> Option<usize> {
        match self.kind {
            ItemKind::Mention(c) => Some(c),
            _ => None,
        }
    }
    pub fn role(&self) -> Option<&Role> {
        match &self.kind {
            ItemKind::Role(r) => Some(r),
            _ => None,
        }
    }
    pub fn is(&self, w: &str) -> bool {
        matches!(self.kind, ItemKind::Word | ItemKind::Punct) && self.lower == w
    }
}

/// Small words inside names: "Bank of X", "bin", "van der" (a match, not a list search:
/// asked for most words of every name).
fn is_connector(w: &str) -> bool {
    matches!(w, "of" | "the" | "and" | "for" | "de" | "del" | "da" | "al" | "bin" | "bint" | "ibn" | "von" | "van" | "der" | "on" | "&")
}
const ORDINAL_WORDS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "inaugural", "annual", "international", "regional", "joint",
    "global", "national", "photo", "art", "trade", "extraordinary", "plenary", "high-level",
    "ministerial", "bilateral", "trilateral", "official", "solemn", "special",
];
const PRONOUNS: &[(&str, EntityType)] = &[
    ("he", EntityType::Person),
    ("she", EntityType::Person),
    ("his", EntityType::Person),
    ("her", EntityType::Person),
    ("him", EntityType::Person),
    ("its", EntityType::Org),
];

fn is_roman(s: &str) -> bool {
    s.len() <= 6 && !s.is_empty() && s.chars().all(|c| "IVXL".contains(c)) && s != "I"
}

fn is_ordinal(t: &Token) -> bool {
    t.kind == TokenKind::Number && ["st", "nd", "rd", "th"].iter().any(|s| t.lower.ends_with(s))
        || is_roman(&t.text)
        || ORDINAL_WORDS.contains(&t.lower.as_str())
}

/// Can this token be part of a capitalised name run?
fn name_word(t: &Token) -> bool {
    match t.kind {
        TokenKind::Word => t.is_cap() && !t.lex.never_name() || is_roman(&t.text),
        TokenKind::Number => t.lower.len() == 4 || is_ordinal(t),
        _ => false,
    }
}

fn text_of(toks: &[Token], a: usize, b: usize) -> String {
    // never longer than the source span: single spaces stand for its whitespace
    let mut s = String::with_capacity(if b > a { toks[b - 1].end - toks[a].start } else { 0 });
    for (i, t) in toks[a..b].iter().enumerate() {
        if i > 0 && t.space_before {
            s.push(' ');
        }
        s.push_str(&t.text);
    }
    s
}

/// Scanner state for one document.
pub struct Scanner<'a> {
    pub toks: &'a [Token],
    /// The learned tagger's type for each capitalised token (`O` elsewhere).
    pub tags: Vec<Tag>,
    pub cands: Vec<Cand>,
    /// The part being typed follows a role phrase: "Minister Joao Silva".
    after_role: bool,
}

impl<'a> Scanner<'a> {
    pub fn new(toks: &'a [Token]) -> Self {
        Scanner { toks, tags: tagger::Model::embedded().tag(toks), cands: Vec::new(), after_role: false }
    }

    /// What the tagger reads the capitalised words of `[a, b)` as: the most frequent name
    /// tag, ties to the last such word's (the head of an English name); `O` when none.
    fn tag_of(&self, a: usize, b: usize) -> Tag {
        let mut n = [0usize; tagger::N_TAGS];
        let mut last = Tag::O;
        // words read as no name count only when no word is read as one
        for x in a..b {
            if tagger::is_instance(&self.toks[x]) && self.tags[x] != Tag::O {
                n[self.tags[x] as usize] += 1;
                last = self.tags[x];
            }
        }
        let top = *n.iter().max().unwrap_or(&0);
        if top == 0 {
            return Tag::O;
        }
        if n[last as usize] == top {
            last
        } else {
            tagger::TAGS[n.iter().position(|&c| c == top).unwrap()]
        }
    }

    fn push(&mut self, sentence: usize, a: usize, b: usize, etype: EntityType, kind: MentionKind, name: String, head: &str) -> usize {
        self.cands.push(Cand {
            sentence,
            tok_start: a,
            tok_end: b,
            etype,
            kind,
            name,
            head: head.to_string(),
            country: None,
            adjective: false,
            role: None,
            canonical: None,
            entity: usize::MAX,
        });
        self.cands.len() - 1
    }

    /// Items of the sentence made of tokens `[a, b)`.
    pub fn scan(&mut self, sentence: usize, a: usize, b: usize) -> Vec<Item> {
        let toks = self.toks;
        let mut items = Vec::with_capacity(b - a);
        let mut i = a;
        while i < b {
            if let Some((end, mut new)) = self.lowercase_np(sentence, i, b).or_else(|| self.name_run(sentence, i, b, a)) {
                items.append(&mut new);
                i = end;
                continue;
            }
            let t = &toks[i];
            // "His Excellency", "Her Majesty", "His Royal Highness": a form of address, no pronoun
            let address = matches!(t.lower.as_str(), "his" | "her" | "their")
                && toks.get(i + 1).is_some_and(|n| i + 1 < b && n.is_cap() && matches!(n.lower.as_str(), "excellency" | "excellencies" | "majesty" | "majesties" | "highness" | "highnesses" | "holiness" | "eminence" | "royal" | "grace"));
            if address {
                items.push(word_item(toks, i));
                i += 1;
                while i < b && toks[i].is_cap() && matches!(toks[i].lower.as_str(), "excellency" | "excellencies" | "majesty" | "majesties" | "highness" | "highnesses" | "holiness" | "eminence" | "royal" | "imperial" | "serene" | "grace") {
                    items.push(word_item(toks, i));
                    i += 1;
                }
                continue;
            }
            if let Some((_, et)) = PRONOUNS.iter().find(|(p, _)| *p == t.lower) {
                let c = self.push(sentence, i, i + 1, *et, MentionKind::Pronoun, t.text.to_string(), &t.lower);
                items.push(Item { kind: ItemKind::Mention(c), tok_start: i, tok_end: i + 1, lower: t.lower.clone() });
                i += 1;
                continue;
            }
            if let Some((end, role)) = role_at(toks, i, b) {
                items.push(Item { kind: ItemKind::Role(role), tok_start: i, tok_end: end, lower: SmallStr::default() });
                i = end;
                continue;
            }
            let kind = if t.kind == TokenKind::Punct { ItemKind::Punct } else { ItemKind::Word };
            items.push(Item { kind, tok_start: i, tok_end: i + 1, lower: t.lower.clone() });
            i += 1;
        }
        let mut items = join_coordinated_roles(items);
        self.mark_role_descriptions(sentence, &mut items);
        self.type_list_members(sentence, a, &mut items);
        self.type_envoy_posts(&items);
        items
    }

    /// "the Ambassador to Vennick": where an envoy is sent is a country, though the tagger
    /// read the unknown word as a surname.
    fn type_envoy_posts(&mut self, items: &[Item]) {
        for k in 2..items.len() {
            let Some(c) = items[k].mention() else { continue };
            let envoy = items[k - 2].role().is_some_and(|r| r.kind == RoleKind::Envoy) && items[k - 1].lower == "to";
            let cand = &self.cands[c];
            if envoy && cand.etype == EntityType::Person && cand.kind == MentionKind::Surname && !gazetteer::is_surname(&cand.name) {
                self.cands[c].etype = EntityType::Gpe;
                self.cands[c].kind = MentionKind::Name;
            }
        }
    }

    /// "investors, including Acme Capital, Barclays and Nordbank": a capitalised word no list
    /// knows, in a list beside an organisation, is an organisation too.
    fn type_list_members(&mut self, sentence: usize, sent_start: usize, items: &mut [Item]) {
        let toks = self.toks;
        let is_org = |s: &Self, it: &Item| it.mention().is_some_and(|c| s.cands[c].etype == EntityType::Org && s.cands[c].kind == MentionKind::Name);
        let sep = |it: &Item| matches!(it.lower.as_str(), "," | "and" | "&") && !matches!(it.kind, ItemKind::Mention(_) | ItemKind::Role(_));
        // one unknown capitalised word, not a sentence's first, then the list goes on or ends
        // (a single word the tagger read as a surname, too: "including Acme Capital and Brandt")
        let bare = |s: &Self, items: &[Item], x: usize| {
            let it = &items[x];
            let t = &toks[it.tok_start];
            let surname = it.mention().is_some_and(|c| s.cands[c].kind == MentionKind::Surname && !gazetteer::is_surname(&t.text));
            (it.kind == ItemKind::Word || surname)
                && it.tok_end == it.tok_start + 1
                && it.tok_start > sent_start
                && name_word(t)
                && t.text.chars().count() > 2
                && !t.lex.is_common_word()
                && !t.lex.has(lx::HEAD | lx::REGION)
                && !t.lex.is_role_core()
                && !gazetteer::is_given_name(&t.text)
                && gazetteer::place(&t.text).is_none()
                && gazetteer::demonym_country(&t.text).is_none()
                && (items.get(x + 1).is_none_or(|n| sep(n) || matches!(n.lower.as_str(), "." | ")" | ";" | ":")) || x > 0 && items[x - 1].lower == "and")
        };
        // title-case lines (headlines, menus) are no lists
        let words = items.iter().filter(|it| it.kind == ItemKind::Word).count();
        let caps = items.iter().filter(|it| it.kind == ItemKind::Word && toks[it.tok_start].is_cap()).count();
        if caps * 2 > words.max(4) {
            return;
        }
        // "investors, including Nordbank, ...", "companies such as Nordbank": the first member
        // after a plural of companies is one
        let mut seeds = Vec::new();
        for k in 1..items.len().saturating_sub(1) {
            let such_as = items[k].lower == "as" && items[k - 1].lower == "such";
            if items[k].lower != "including" && !such_as {
                continue;
            }
            let companies = (k.saturating_sub(4)..k).any(|x| {
                let w = items[x].lower.as_str();
                items[x].kind == ItemKind::Word && (matches!(w, "investors" | "sponsors" | "lenders" | "banks" | "brands") || w.strip_suffix('s').is_some_and(|one| COMPANY_NOUNS.contains(&one) || one == "compan" || one == "companie"))
            });
            if companies && bare(self, items, k + 1) {
                seeds.push(k + 1);
            }
        }
        let mut trusted = seeds.clone();
        for &x in &seeds {
            self.make_org(sentence, &mut items[x]);
        }
        // (a word made an organisation extends the list: twice at most)
        for _ in 0..2 {
        let mut convert = Vec::new();
        // a list is of organisations when one is named as a body ("Acme Capital", "NORDCO",
        // "SmartAsset"), not a field ("Health Policy and Management")
        let body = |s: &Self, it: &Item| {
            is_org(s, it) && {
                let (a, b) = (it.tok_start, it.tok_end);
                (a..b).any(|x| toks[x].lex.has(lx::ORG)) || b == a + 1 && (toks[a].is_upper() || toks[a].text.chars().skip(1).any(char::is_uppercase))
            }
        };
        for m in 0..items.len() {
            if !body(self, &items[m]) && !trusted.contains(&m) {
                continue;
            }
            // the list's members on either side: separators and names, one after another
            for dir in [1isize, -1] {
                let mut x = m as isize;
                loop {
                    let s1 = x + dir;
                    if s1 < 0 || s1 as usize >= items.len() || !sep(&items[s1 as usize]) {
                        break;
                    }
                    // ", and"
                    let mut y = s1 + dir;
                    if y >= 0 && (y as usize) < items.len() && sep(&items[y as usize]) && items[y as usize].lower != items[s1 as usize].lower {
                        y += dir;
                    }
                    if y < 0 || y as usize >= items.len() {
                        break;
                    }
                    let yu = y as usize;
                    // "the Securities and Exchange Commission": a word before "and" and a body
                    // may be the first half of its name; a list goes on before it ("A, B and C")
                    let first_half = dir < 0 && items[s1 as usize].lower == "and" && y == s1 - 1 && !(yu > 1 && items[yu - 1].lower == "," && (is_org(self, &items[yu - 2]) || bare(self, items, yu - 2)));
                    // (and one the tagger reads as a name: "Policy and Management" are words)
                    if bare(self, items, yu) && !first_half && self.tags[items[yu].tok_start] != Tag::O {
                        convert.push(yu);
                    } else if !is_org(self, &items[yu]) {
                        break;
                    }
                    x = y;
                }
            }
        }
        convert.sort_unstable();
        convert.dedup();
        if convert.is_empty() {
            return;
        }
        trusted.extend(&convert);
        for x in convert {
            self.make_org(sentence, &mut items[x]);
        }
        }
    }

    /// One word of a list made an organisation: a new mention, or the surname mention retyped.
    fn make_org(&mut self, sentence: usize, item: &mut Item) {
        if let Some(c) = item.mention() {
            self.cands[c].etype = EntityType::Org;
            self.cands[c].kind = MentionKind::Name;
            return;
        }
        let t = &self.toks[item.tok_start];
        let c = self.push(sentence, item.tok_start, item.tok_start + 1, EntityType::Org, MentionKind::Name, t.text.to_string(), &t.lower.clone());
        item.kind = ItemKind::Mention(c);
        item.lower = SmallStr::default();
    }

    /// "the executive director" (no name after it) is a description of a person.
    fn mark_role_descriptions(&mut self, sentence: usize, items: &mut [Item]) {
        for k in 0..items.len() {
            let Some(role) = items[k].role().cloned() else { continue };
            let after_name = items.get(k + 1).and_then(|n| n.mention()).is_some_and(|c| self.cands[c].etype == EntityType::Person);
            let of_follows = items.get(k + 1).is_some_and(|n| n.is("of") || n.is("to"));
            let comma_name = items.get(k + 1).is_some_and(|n| n.is(","))
                && items.get(k + 2).and_then(|n| n.mention()).is_some_and(|c| self.cands[c].etype == EntityType::Person);
            let the_before = k > 0 && items[k - 1].is("the");
            // "the official delegation": a role word before a name or noun is an adjective
            let before_noun = items.get(k + 1).is_some_and(|n| n.mention().is_some() || matches!(n.kind, ItemKind::Word) && !matches!(n.lower.as_str(), "said" | "says" | "and" | "also" | "was" | "is" | "will" | "has" | "had" | "who" | "of" | "to" | "in" | "at" | "for" | "on" | "with"));
            if the_before && !after_name && !of_follows && !comma_name && !before_noun {
                let (a, b) = (items[k].tok_start, items[k].tok_end);
                let c = self.push(sentence, a, b, EntityType::Person, MentionKind::Description, format!("the {}", role.words), &role.words);
                self.cands[c].role = Some(role.words.clone());
                items[k] = Item { kind: ItemKind::Mention(c), tok_start: a, tok_end: b, lower: SmallStr::default() };
            }
        }
    }

    /// Lower-case noun phrases that name things: delegations, events, monuments, parks.
    fn lowercase_np(&mut self, sentence: usize, i: usize, b: usize) -> Option<(usize, Vec<Item>)> {
        let toks = self.toks;
        let t = &toks[i];
        let det = matches!(t.lower.as_str(), "the" | "a" | "an");
        let mut j = if det { i + 1 } else { i };
        // "the parliamentary delegation of Estonia", "a high-level Estonian delegation"
        if det {
            let adj = |t: &Token| t.kind == TokenKind::Word && !t.is_cap() && !is_connector(t.lower.as_str()) && !t.lex.has(lx::HEAD);
            let dele = |t: &Token| matches!(t.lower.as_str(), "delegation" | "delegations");
            if j + 1 < b && adj(&toks[j]) && (dele(&toks[j + 1]) || j + 2 < b && (dele(&toks[j + 2]) || adj(&toks[j + 1]) && dele(&toks[j + 2]) || toks[j + 1].is_cap() && dele(&toks[j + 2]))) {
                j += 1;
                if j + 1 < b && adj(&toks[j]) && dele(&toks[j + 1]) {
                    j += 1;
                }
            }
        }
        // "the Georgian delegation", "a Russian delegation", "delegation of Azerbaijan"
        let mut demonym: Option<(usize, &'static str)> = None;
        // without a determiner only "Georgian delegation" can come of a capitalised word:
        // spare the gazetteer lookups otherwise
        let delegation_next = toks.get(i + 1).is_some_and(|n| i + 1 < b && matches!(n.lower.as_str(), "delegation" | "delegations") && !n.is_cap());
        if (det || delegation_next) && j < b && toks[j].is_cap() {
            if let Some(c) = gazetteer::demonym_country(&toks[j].text) {
                demonym = Some((j, c));
            } else if let Some(p) = gazetteer::place(&toks[j].text) {
                if p.kind == gazetteer::PlaceKind::Country {
                    demonym = Some((j, p.canonical));
                }
            }
            if demonym.is_some() {
                j += 1;
            }
        }
        if j < b && matches!(toks[j].lower.as_str(), "delegation" | "delegations") && !toks[j].is_cap() {
            let head_end = j + 1;
            if let Some((dj, country)) = demonym {
                let mut items = Vec::new();
                if det {
                    items.push(word_item(toks, i));
                }
                let name = format!("{} {}", toks[dj].text, toks[j].text);
                let g = self.push(sentence, dj, head_end, EntityType::Group, MentionKind::Name, name, "delegation");
                let gp = self.push(sentence, dj, dj + 1, EntityType::Gpe, MentionKind::Name, country.to_string(), &country.to_lowercase());
                self.cands[gp].adjective = true;
                self.cands[g].country = Some(gp);
                items.push(Item { kind: ItemKind::Mention(g), tok_start: dj, tok_end: head_end, lower: SmallStr::default() });
                return Some((head_end, items));
            }
            // "the delegation of Azerbaijan": a group named by its country
            if head_end + 1 < b && matches!(toks[head_end].lower.as_str(), "of" | "from") && toks[j].lower == "delegation" {
                let k = if toks[head_end + 1].lower == "the" { head_end + 2 } else { head_end + 1 };
                if let Some((pe, place)) = place_at(toks, k, b) {
                    if place.kind == gazetteer::PlaceKind::Country {
                        let mut items = Vec::new();
                        if det {
                            items.push(word_item(toks, i));
                        }
                        let name = format!("delegation of {}", place.canonical);
                        let g = self.push(sentence, j, pe, EntityType::Group, MentionKind::Name, name, "delegation");
                        let gp = self.push(sentence, k, pe, EntityType::Gpe, MentionKind::Name, place.canonical.to_string(), &place.canonical.to_lowercase());
                        self.cands[g].country = Some(gp);
                        items.push(Item { kind: ItemKind::Mention(g), tok_start: j, tok_end: pe, lower: SmallStr::default() });
                        return Some((pe, items));
                    }
                }
                // "a delegation of Skarn University": a group named by the body it comes from
                if k < b && toks[k].is_cap() && det {
                    let first = self.cands.len();
                    if let Some((e, part)) = self.name_run(sentence, k, b, 0) {
                        let org = match part.as_slice() {
                            [one] => one.mention().filter(|&c| self.cands[c].etype == EntityType::Org && self.cands[c].tok_start == k && self.cands[c].tok_end == e),
                            _ => None,
                        };
                        if let Some(o) = org {
                            let name = format!("delegation of {}", self.cands[o].name);
                            let g = self.push(sentence, j, e, EntityType::Group, MentionKind::Name, name, "delegation");
                            self.cands[g].country = Some(o);
                            return Some((e, vec![word_item(toks, i), Item { kind: ItemKind::Mention(g), tok_start: j, tok_end: e, lower: SmallStr::default() }]));
                        }
                    }
                    // (not a body: what the run made is dropped, and the words read again)
                    self.cands.truncate(first);
                }
            }
            if det && t.lower == "the" && toks[j].lower == "delegation" {
                let g = self.push(sentence, j, head_end, EntityType::Group, MentionKind::Description, "the delegation".into(), "delegation");
                return Some((head_end, vec![word_item(toks, i), Item { kind: ItemKind::Mention(g), tok_start: j, tok_end: head_end, lower: SmallStr::default() }]));
            }
            return None;
        }
        if demonym.is_some() {
            return None;
        }
        if !det {
            return None;
        }
        // Events: "a roundtable discussion", "the 5th meeting of ...", "the forum".
        let mut k = j;
        let mut modifiers = 0;
        let mut plain_modifiers = 0;
        while k < b && !toks[k].is_cap() && (is_ordinal(&toks[k]) || toks[k].lower == "photo") {
            // ("annual", "regional" describe; "5th", "first", "XII" count editions)
            if toks[k].kind != TokenKind::Number && !is_roman(&toks[k].text) && !ORDINAL_WORDS[..13].contains(&toks[k].lower.as_str()) {
                plain_modifiers += 1;
            }
            k += 1;
            modifiers += 1;
        }
        // "the naming ceremony", "a ribbon cutting ceremony", "the opening session": up to two
        // plain words before a noun that always names an occasion
        if !(k < b && toks[k].lex.has(lx::EVENT)) {
            let plain = |t: &Token| t.kind == TokenKind::Word && !t.is_cap() && !is_connector(t.lower.as_str()) && !t.lex.is_role_core() && !matches!(t.lower.as_str(), "a" | "an" | "this" | "that" | "its" | "their" | "his" | "her" | "our");
            for extra in 1..=2 {
                if k + extra < b && (k..k + extra).all(|x| plain(&toks[x])) && OCCASIONS.contains(&toks[k + extra].lower.as_str()) {
                    modifiers += extra;
                    plain_modifiers += extra;
                    k += extra;
                    break;
                }
            }
        }
        // "serves as a forum for ...", "acts as a platform": an indefinite after "as" says
        // what something is used as, it names no occasion (after a copula it may: "the
        // highlight was an exhibition featuring ...")
        let predicative = t.lower != "the" && i > 0 && toks[i - 1].lower == "as";
        // "the handing over of the new hostel": the handover, written as a verb phrase
        let handing_over = k + 1 < b && toks[k].lower == "handing" && toks[k + 1].lower == "over" && toks.get(k + 2).is_some_and(|t| k + 2 < b && matches!(t.lower.as_str(), "of" | "ceremony"));
        if k < b && !toks[k].is_cap() && (toks[k].lex.has(lx::EVENT) || handing_over) && !predicative {
            let mut head = if handing_over { SmallStr::from("handover") } else { toks[k].lower.clone() };
            let mut e = k + 1 + usize::from(handing_over);
            // compound heads: "roundtable discussion", "roundtable meeting"
            while e < b && !toks[e].is_cap() && toks[e].lex.has(lx::EVENT) {
                head = toks[e].lower.clone();
                e += 1;
            }
            let indefinite = t.lower != "the";
            // "a meeting of the Council of Heads of State", "the 9th session of the
            // Bi-national Commission": a capitalised body after "of" names the occasion
            let cap_end = if e < b && toks[e].lower == "of" { cap_chain_end(toks, e, b) } else { None };
            let of_chain = e < b && toks[e].lower == "of" && modifiers > 0;
            // "the inauguration of the new airbase": a ceremony named by what it opens
            let opens = cap_end.is_none() && !of_chain && matches!(head.as_str(), "inauguration" | "unveiling" | "groundbreaking" | "commissioning" | "handover") && e + 2 < b && toks[e].lower == "of" && toks[e + 1].lower == "the";
            let opened_end = if opens { what_is_opened_end(toks, e + 2, b) } else { None };
            // "a seminar on the protection of heritage", "a conference with business
            // leaders": an occasion named by its subject
            let topic = if indefinite && modifiers == 0 && cap_end.is_none() && opened_end.is_none() { topic_end(toks, e, b, &head) } else { None };
            if let Some(ce) = cap_end {
                e = ce;
            } else if of_chain {
                e = of_chain_end(toks, e, b);
            } else if let Some(oe) = opened_end {
                e = oe;
            } else if let Some(te) = topic {
                e = te;
            }
            let named = indefinite || modifiers > 0 || cap_end.is_some() || opened_end.is_some();
            let start = if named || plain_modifiers > 0 { j } else { k };
            let name = text_of(toks, start, e);
            // "the regional seminar" after "the first seminar": described again, so it
            // refers back (coreference makes it new when nothing came before)
            let refers_back = !indefinite && !super::CEREMONIES.contains(&head.as_str()) && plain_modifiers == modifiers && cap_end.is_none() && !of_chain && opened_end.is_none();
            let kind = if named && !refers_back { MentionKind::Name } else { MentionKind::Description };
            let c = self.push(sentence, start, e, EntityType::Event, kind, name, &head);
            return Some((e, vec![word_item(toks, i), Item { kind: ItemKind::Mention(c), tok_start: start, tok_end: e, lower: SmallStr::default() }]));
        }
        // Monuments and parks named for someone: "the monument to the great leader",
        // "the park named after national leader X", "a school that bears his name".
        if j < b && !toks[j].is_cap() {
            let w = toks[j].lower.as_str();
            let fac = toks[j].lex.has(lx::FAC);
            let loc = toks[j].lex.has(lx::LOC) && w != "region";
            if (fac || loc) && j + 1 < b {
                let etype = if fac { EntityType::Fac } else { EntityType::Loc };
                let next = toks[j + 1].lower.as_str();
                let end = if next == "to" && w == "monument" || next == "to" && w == "memorial" {
                    Some(person_phrase_end(toks, j + 2, b))
                } else if next == "named" && toks.get(j + 2).is_some_and(|t| t.lower == "after") {
                    Some(person_phrase_end(toks, j + 3, b))
                } else if next == "that" && toks[j + 2..b.min(j + 6)].iter().any(|t| t.lower == "bears") {
                    let e = toks[j..b].iter().position(|t| t.lower == "name").map(|p| j + p + 1);
                    e
                } else {
                    None
                };
                if let Some(e) = end.filter(|&e| e > j + 2) {
                    let name = text_of(toks, j, e);
                    let c = self.push(sentence, j, e, etype, MentionKind::Name, name, w);
                    // The name inside stays visible to rules: rescan it as its own items.
                    let mut items = vec![word_item(toks, i), Item { kind: ItemKind::Mention(c), tok_start: j, tok_end: e, lower: SmallStr::default() }];
                    let inner_start = toks[j + 1..e].iter().position(|t| matches!(t.lower.as_str(), "to" | "after" | "that")).map(|p| j + 1 + p + 1).unwrap_or(e);
                    let mut inner = self.scan(sentence, inner_start, e);
                    // "named after Lesya Ukrainka": capitalised words there name a person
                    if !inner.iter().any(|it| it.mention().is_some_and(|c| self.cands[c].etype == EntityType::Person)) {
                        let caps: Vec<usize> = (inner_start..e).filter(|&x| toks[x].is_cap()).collect();
                        if caps.len() >= 2 && caps.windows(2).all(|w| w[1] == w[0] + 1) && caps.last() == Some(&(e - 1)) {
                            let (ps, pe) = (caps[0], e);
                            let c = self.push(sentence, ps, pe, EntityType::Person, MentionKind::Name, text_of(toks, ps, pe), &toks[pe - 1].lower.clone());
                            inner.retain(|it| it.tok_end <= ps);
                            inner.push(Item { kind: ItemKind::Mention(c), tok_start: ps, tok_end: pe, lower: SmallStr::default() });
                        }
                    }
                    items.push(Item { kind: ItemKind::Word, tok_start: inner_start, tok_end: inner_start, lower: "<inner>".into() });
                    items.extend(inner);
                    items.push(Item { kind: ItemKind::Word, tok_start: e, tok_end: e, lower: "</inner>".into() });
                    return Some((e, items));
                }
            }
        }
        None
    }

    /// A run of capitalised words starting at `i`, split into mentions and roles.
    fn name_run(&mut self, sentence: usize, i: usize, b: usize, sent_start: usize) -> Option<(usize, Vec<Item>)> {
        let toks = self.toks;
        // Quoted names: “Tomb of the Unknown Soldier”, "Pravda".
        if toks[i].kind == TokenKind::Punct && toks[i].lower == "\"" {
            return self.quoted_name(sentence, i, b);
        }
        // "the WHO": the organisation, not the pronoun
        if toks[i].text == "WHO" && i > sent_start && (matches!(toks[i - 1].lower.as_str(), "the" | "(") || toks.get(i + 1).is_some_and(|t| i + 1 < b && matches!(t.lower.as_str(), ")" | "'s"))) && !toks.get(i + 1).is_some_and(|t| i + 1 < b && t.is_upper()) {
            let c = self.push(sentence, i, i + 1, EntityType::Org, MentionKind::Acronym, "WHO".to_string(), "who");
            return Some((i + 1, vec![Item { kind: ItemKind::Mention(c), tok_start: i, tok_end: i + 1, lower: SmallStr::default() }]));
        }
        if !name_word(&toks[i]) {
            return None;
        }
        // "H.E. Mr. X": a title alone before a full stop is no name
        if is_name_title(&toks[i]) && toks.get(i + 1).is_none_or(|t| i + 1 >= b || t.kind == TokenKind::Punct) {
            return None;
        }
        // A sentence-initial common word ("During", "Then", "Opening") is not a name.
        let next_cap = toks.get(i + 1).is_some_and(|t| i + 1 < b && name_word(t));
        if i == sent_start && toks[i].lex.is_common_word() && gazetteer::place(&toks[i].text).is_none() && !toks[i].lex.is_role_core() && !next_cap {
            return None;
        }
        let mut e = i + 1;
        while e < b {
            if name_word(&toks[e]) {
                e += 1;
                continue;
            }
            // "Abu Bakr al-Baghdadi": an article glued to the family name
            let t = &toks[e];
            if t.kind == TokenKind::Word && ["al-", "el-", "ad-", "ash-", "as-", "at-", "az-", "ibn-"].iter().any(|p| t.text.strip_prefix(p).is_some_and(|r| r.starts_with(char::is_uppercase))) {
                e += 1;
                continue;
            }
            // 's inside an org name is a split point handled below; connectors need a name word after them.
            if is_connector(toks[e].lower.as_str()) && !toks[e].is_cap() {
                let mut f = e + 1;
                while f < b && is_connector(toks[f].lower.as_str()) && !toks[f].is_cap() {
                    f += 1;
                }
                // "Rui Tavares the Director": "the" right after a name ends the name
                if toks[e].lower == "the" {
                    break;
                }
                // "Jane R. Roe of the Acme Agency": a person is of a body, not part of its name
                // (after an honorific: "Ms. Jane Roe of ...")
                // (or after a title: "Secretary General Jane Roe of ...": the words that
                // end the run, a given name and a surname, perhaps an initial between)
                let person_run = || {
                    let p0 = (i..e).find(|&x| !toks[x].lex.is_honorific() && toks[x].kind == TokenKind::Word).unwrap_or(i);
                    let whole = e - p0 >= 2
                        && !toks[p0..e].iter().any(|t| t.lex.has(lx::HEAD))
                        && ((p0..e).filter(|&x| toks[x].kind == TokenKind::Word).all(|x| self.tags[x] == Tag::Person) || gazetteer::is_given_name(&toks[p0].text) && toks[e - 1].is_cap() && toks[e - 1].text.chars().count() > 2);
                    let tail = || {
                        let words: Vec<usize> = (i..e).filter(|&x| toks[x].kind == TokenKind::Word).collect();
                        words.len() >= 3 && {
                            let last = words[words.len() - 1];
                            let given = words[words.len() - 2..].iter().chain(words.get(words.len().saturating_sub(3))).copied().find(|&x| x < last && gazetteer::is_given_name(&toks[x].text));
                            given.is_some_and(|g| (g..e).all(|x| toks[x].kind != TokenKind::Word || self.tags[x] == Tag::Person && !toks[x].lex.has(lx::HEAD)) && (i..g).any(|x| toks[x].lex.is_role_core()))
                        }
                    };
                    whole || tail()
                };
                if toks[e].lower == "of" && person_run() {
                    break;
                }
                let and_at = (e..f).any(|x| toks[x].lower == "and");
                // f < b first: `toks[f]` past the last token panicked (found by tests/fuzz.rs)
                let and_breaks = f < b
                    && and_at
                    && (!(org_like(toks, i, e) || event_after_and(toks, i, e, f, b) || org_after_and(toks, i, e, f, b))
                        || (e..f).any(|x| toks[x].lower == "the")
                        // ("Conference on Debate and Dialogue": a topic after "on" may be a head word)
                        || toks[f].lex.has(lx::HEAD) && !((i + 1..e).any(|x| toks[x].lower == "on" && toks[x - 1].lex.has(lx::EVENT)) && !toks.get(f + 1).is_some_and(|t| f + 1 < b && name_word(t)))
                        // "the Chamber of Commerce and Acme Holdings": a second body with its own head
                        || (i..e).any(|x| toks[x].lex.has(lx::ORG)) && !toks[f].lex.is_common_word() && (f + 1..(f + 4).min(b)).any(|x| toks[x].lex.has(lx::ORG) && toks[x].is_cap() && (x + 1 >= b || !name_word(&toks[x + 1])))
                        // "the Department of Defense and NASA": an acronym is a body of its own
                        || toks[f].is_upper() && toks[f].text.chars().count() >= 2 && !toks.get(f + 1).is_some_and(|t| f + 1 < b && name_word(t))
                        || gazetteer::place(&toks[f].text).is_some()
                        || gazetteer::demonym_country(&toks[f].text).is_some()
                        || self.tags[f] == Tag::Person
                        || gazetteer::is_given_name(&toks[f].text));
                if f < b && name_word(&toks[f]) && toks[f].kind == TokenKind::Word && !and_breaks {
                    e = f + 1;
                    continue;
                }
            }
            // "the Skarnian Mission to the Vennick League": a mission is named by whom it is to
            if toks[e].lower == "to" && matches!(toks[e - 1].lower.as_str(), "mission" | "delegation") {
                let f = if toks.get(e + 1).is_some_and(|t| e + 1 < b && t.lower == "the") { e + 2 } else { e + 1 };
                if f < b && name_word(&toks[f]) && toks[f].kind == TokenKind::Word {
                    e = f + 1;
                    continue;
                }
            }
            // "National Cattlemen's Beef Association": a possessive inside a name, unless a
            // place owns what follows ("Azerbaijan's State News Agency" is two names).
            if toks[e].lower == "'s" && e + 1 < b && name_word(&toks[e + 1]) && toks[e + 1].kind == TokenKind::Word {
                let before = text_of(toks, i, e);
                // "Biden's Bipartisan Infrastructure Law": a person owns what follows
                let person_owner = self.tags[e - 1] == Tag::Person || gazetteer::is_given_name(&toks[i].text) || gazetteer::is_surname(&toks[e - 1].text);
                // "the Acme Administration's Investing in Roads agenda": what follows is a
                // programme named by a verb, not part of the owner's name
                let verb_follows = toks[e + 1].lower.ends_with("ing") && !toks[e + 1].lex.has(lx::HEAD) && toks.get(e + 2).is_some_and(|t| e + 2 < b && matches!(t.lower.as_str(), "in" | "for" | "to" | "on" | "with"));
                if !verb_follows && gazetteer::place(&before).is_none() && gazetteer::place(&toks[e - 1].text).is_none() && !toks[i].is_upper() && !person_owner {
                    e += 2;
                    continue;
                }
            }
            // "Business Leaders' Roundtable": a plural possessive inside a name
            if toks[e].lower == "'" && !toks[e].space_before && toks[e - 1].lower.ends_with('s') && e + 1 < b && name_word(&toks[e + 1]) && toks[e + 1].kind == TokenKind::Word {
                e += 2;
                continue;
            }
            if toks[e].lower == "," {
                if let Some(f) = comma_inside_name(toks, i, e, b) {
                    e = f;
                    continue;
                }
            }
            // "India–Sweden Joint Commission": a dash between names, unspaced, joins them;
            // "Kassym-Jomart" is one token; "Russia - Azerbaijan" is not a name.
            if toks[e].lower == "-" && toks[e].text != "—" && !toks[e].space_before && e + 1 < b && !toks[e + 1].space_before && name_word(&toks[e + 1]) && toks[e + 1].kind == TokenKind::Word {
                e += 2;
                continue;
            }
            break;
        }
        // Trim connectors at the end (the loop never ends on one, but be safe).
        let mut items = self.split_run(sentence, i, e);
        // "Mattel, Inc.", "Skarn Holdings, Ltd.": a company with its legal form after a
        // comma (the form belongs to the mention; the name stays without it)
        if e + 1 < b && toks[e].lower == "," && toks[e + 1].is_cap() && matches!(toks[e + 1].lower.as_str(), "inc" | "ltd" | "llc" | "plc" | "corp" | "gmbh" | "ag" | "nv" | "incorporated" | "limited") {
            let end = if e + 3 < b && toks[e + 2].lower == "." { e + 3 } else { e + 2 };
            // (a word no one typed: "Mattel")
            if items.len() == 1 && items[0].mention().is_none() && e == i + 1 {
                let c = self.push(sentence, i, end, EntityType::Org, MentionKind::Name, toks[i].text.to_string(), &toks[i].lower.clone());
                return Some((end, vec![Item { kind: ItemKind::Mention(c), tok_start: i, tok_end: end, lower: SmallStr::default() }]));
            }
            if let Some(last) = items.last_mut().filter(|it| it.tok_end == e) {
                if let Some(c) = last.mention().filter(|&c| matches!(self.cands[c].kind, MentionKind::Name | MentionKind::Surname)) {
                    let cand = &mut self.cands[c];
                    if matches!(cand.etype, EntityType::Gpe | EntityType::Person) && cand.canonical.is_none() || cand.etype == EntityType::Org {
                        cand.etype = EntityType::Org;
                        cand.kind = MentionKind::Name;
                        cand.tok_end = end;
                        last.tok_end = end;
                        return Some((end, items));
                    }
                }
            }
        }
        // a part may take a lower-case word after the run: "Sverdlovsk region", "Xinhua office"
        let e = items.iter().map(|it| it.tok_end).max().unwrap_or(e).max(e);
        Some((e, items))
    }

    fn quoted_name(&mut self, sentence: usize, i: usize, b: usize) -> Option<(usize, Vec<Item>)> {
        let toks = self.toks;
        let close = (i + 1..b.min(i + 14)).find(|&k| toks[k].lower == "\"")?;
        if close == i + 1 || !toks[i + 1].is_cap() {
            return None;
        }
        let words = &toks[i + 1..close];
        if words.iter().any(|t| matches!(t.lower.as_str(), "." | "!" | "?")) {
            return None;
        }
        let name = text_of(toks, i + 1, close);
        // What follows or precedes the quote types it: "monument", newspapers.
        let after = toks.get(close + 1).filter(|_| close + 1 < b);
        let mut end = close + 1;
        let (etype, head) = if let Some(t) = after.filter(|t| t.lex.has(lx::FAC)) {
            end = close + 2;
            (EntityType::Fac, t.lower.clone())
        } else if let Some(t) = after.filter(|t| t.lex.has(lx::EVENT)) {
            end = close + 2;
            (EntityType::Event, t.lower.clone())
        } else {
            let last = words.iter().rev().find(|t| t.kind == TokenKind::Word).map(|t| t.lower.clone()).unwrap_or_default();
            if lx::has(lx::EVENT, &last) {
                (EntityType::Event, last)
            } else if lx::has(lx::ORG, &last) {
                (EntityType::Org, last)
            } else if words.len() <= 3 && works_context(toks, i) {
                (EntityType::Work, last)
            } else {
                return None;
            }
        };
        let c = self.push(sentence, i + 1, close, etype, MentionKind::Name, name, &head);
        let items = vec![
            // a name's quote marks are not speech: `"n` keeps them apart from quotation marks
            Item { kind: ItemKind::Punct, tok_start: i, tok_end: i + 1, lower: "\"n".into() },
            Item { kind: ItemKind::Mention(c), tok_start: i + 1, tok_end: if end == close + 1 { close } else { end }, lower: SmallStr::default() },
        ];
        // keep the closing quote as an item when the head noun was not taken
        let mut items = items;
        if end == close + 1 {
            items.push(Item { kind: ItemKind::Punct, tok_start: close, tok_end: close + 1, lower: "\"n".into() });
        } else {
            self.cands[c].tok_end = end;
        }
        Some((end, items))
    }

    /// Splits a capitalised run into [modifier mention] [role] [name], and types each part.
    fn split_run(&mut self, sentence: usize, a: usize, b: usize) -> Vec<Item> {
        let toks = self.toks;
        let mut items = Vec::new();
        // Roles inside the run: "Nordvik Director General Paul Renard",
        // "Executive Director of the Kenya Wildlife Service".
        // An organisation or event head before "of ... President" keeps the role inside it:
        // "Administration of the President of ...".
        let mut k = a;
        while k < b {
            if let Some((re, role)) = role_at(toks, k, b) {
                // "Office of the U.S. Trade Representative": a head, "of (the)", a country, the title
                let of_country = || {
                    (a..k).any(|h| {
                        toks[h].lex.has(lx::ORG) && toks.get(h + 1).is_some_and(|t| t.lower == "of") && {
                            let c = if toks.get(h + 2).is_some_and(|t| t.lower == "the") { h + 3 } else { h + 2 };
                            c < k && gazetteer::place(&text_of(toks, c, k)).is_some_and(|p| p.kind == gazetteer::PlaceKind::Country)
                        }
                    })
                };
                let inside_org = (a..k).any(|x| toks[x].lex.has(lx::HEAD)) && toks[k - 1].lower == "the" || toks[k.saturating_sub(1)].lower == "of" && k > a || of_country();
                if !inside_org {
                    if k > a {
                        // "Rui Tavares the Director of ...": an apposition, not "Kremlin Spokesman"
                        let before_role = toks[k - 1].lower != "the";
                        items.extend(self.typed_part(sentence, a, k, before_role));
                    }
                    items.push(Item { kind: ItemKind::Role(role), tok_start: k, tok_end: re, lower: SmallStr::default() });
                    let mut rest = re;
                    // "the President's Task Force": a possessive after a title is a word
                    if rest < b && toks[rest].lower == "'s" {
                        items.push(word_item(toks, rest));
                        rest += 1;
                    }
                    // "Director of the Agency": keep "of the" as words for the rules.
                    while rest < b && is_connector(toks[rest].lower.as_str()) {
                        items.push(word_item(toks, rest));
                        rest += 1;
                    }
                    if rest < b {
                        self.after_role = rest == re;
                        items.extend(self.split_run(sentence, rest, b));
                        self.after_role = false;
                    }
                    return items;
                }
                // "Office of the Prime Minister": the whole title stays in the name
                k = re;
                continue;
            }
            k += 1;
        }
        self.typed_part(sentence, a, b, false)
    }

    /// Types a role-free part of a run. `before_role` is true for "Nordvik" in "Nordvik Director".
    fn typed_part(&mut self, sentence: usize, a: usize, b: usize, before_role: bool) -> Vec<Item> {
        let toks = self.toks;
        let (a, lead_the) = if toks[a].lower == "the" { (a + 1, true) } else { (a, false) };
        // "Council of Economic Advisers &" before a role: drop the dangling connector
        let mut b = b;
        while b > a && is_connector(toks[b - 1].lower.as_str()) {
            b -= 1;
        }
        // "the Cook Islands' Prime Minister": the possessive after a name before a title
        if b > a + 1 && matches!(toks[b - 1].lower.as_str(), "'" | "'s") && toks[b - 2].kind == TokenKind::Word {
            let mut out = self.typed_part(sentence, if lead_the { a - 1 } else { a }, b - 1, before_role);
            out.push(word_item(toks, b - 1));
            return out;
        }
        // "Jane Roe CMG OBE": honours after a name are not part of it
        if b > a + 2 && POST_NOMINALS.contains(&toks[b - 1].text.as_str()) && toks[a..b - 1].iter().all(|t| t.kind == TokenKind::Word) {
            let mut out = self.typed_part(sentence, if lead_the { a - 1 } else { a }, b - 1, before_role);
            out.push(word_item(toks, b - 1));
            return out;
        }
        // "the Skarn Institute and Ana Ruiz the deputy director": a body's name ends at its
        // head word; the full name after "and" is a person's (commas lost in a scrape)
        if let Some(x) = (a + 1..b.saturating_sub(2)).find(|&x| toks[x].lower == "and" && toks[x - 1].lex.has(lx::ORG) && toks[x - 1].is_cap()) {
            let person = (2..=3).contains(&(b - x - 1)) && toks[x + 1..b].iter().all(|t| t.kind == TokenKind::Word && t.is_cap() && !t.is_upper() && !t.lex.has(lx::HEAD)) && (gazetteer::is_given_name(&toks[x + 1].text) || self.tag_of(x + 1, b) == Tag::Person || toks.get(b).is_some_and(|t| matches!(t.lower.as_str(), "the" | ",")) && !toks[x + 1..b].iter().any(|t| t.lex.is_common_word()));
            if person {
                let mut out = self.typed_part(sentence, if lead_the { a - 1 } else { a }, x, before_role);
                out.push(word_item(toks, x));
                let c = self.push(sentence, x + 1, b, EntityType::Person, MentionKind::Name, text_of(toks, x + 1, b), &toks[b - 1].lower.clone());
                out.push(Item { kind: ItemKind::Mention(c), tok_start: x + 1, tok_end: b, lower: SmallStr::default() });
                return out;
            }
        }
        // "Former University of X": a leading "former" belongs to the person, not the name
        let a = if b > a + 1 && toks[a].lower == "former" { a + 1 } else { a };
        let mut items = Vec::new();
        if lead_the {
            items.push(word_item(toks, a - 1));
        }
        if a >= b {
            return items;
        }
        // "Twitter Facebook LinkedIn E-mail European Commission": a share bar before a name
        let share = |x: usize| matches!(toks[x].lower.as_str(), "twitter" | "facebook" | "linkedin" | "e-mail" | "email" | "whatsapp" | "telegram" | "pinterest" | "reddit" | "instagram" | "youtube" | "print" | "share" | "tweet");
        if b - a >= 3 && share(a) && share(a + 1) {
            let mut x = a;
            while x < b && share(x) {
                x += 1;
            }
            let mut out = items;
            out.extend((a..x).map(|y| word_item(toks, y)));
            if x < b {
                out.extend(self.typed_part(sentence, x, b, before_role));
            }
            return out;
        }
        // "European Commission Facebook Twitter": a share bar after a name
        if b - a >= 3 && share(b - 1) && share(b - 2) {
            let mut x = b;
            while x > a && share(x - 1) {
                x -= 1;
            }
            let mut out = if x > a { self.typed_part(sentence, a, x, before_role) } else { Vec::new() };
            out.splice(0..0, items);
            out.extend((x..b).map(|y| word_item(toks, y)));
            return out;
        }
        // "European Commission European Commission": a name said twice by page furniture
        if (b - a) % 2 == 0 && b - a >= 4 && (0..(b - a) / 2).all(|i| toks[a + i].lower == toks[a + (b - a) / 2 + i].lower) {
            let h = a + (b - a) / 2;
            let mut out = self.typed_part(sentence, a, h, before_role);
            out.splice(0..0, items);
            out.extend((h..b).map(|y| word_item(toks, y)));
            return out;
        }
        // Honorifics: "Mr. Smith", "Sheikh Mohammed".
        let mut a2 = a;
        while a2 < b && is_name_title(&toks[a2]) && a2 + 1 < b {
            items.push(word_item(toks, a2));
            a2 += 1;
        }
        let honorific = a2 > a;
        let a = a2;
        // "Ministry of Foreign Affairs Dr. X", "Eastern Province Hon'ble": a title that ends the
        // run belongs to the name after it
        if b > a + 1 && (is_name_title(&toks[b - 1]) || is_title_abbreviation(&toks[b - 1]) && toks.get(b).is_some_and(|t| t.lower == ".")) {
            let mut out = items;
            out.extend(self.typed_part(sentence, a, b - 1, before_role));
            out.push(word_item(toks, b - 1));
            return out;
        }
        // "Antony J. Blinken": a middle initial between two capitalised words makes a person
        let middle_initial = b - a == 3
            && toks[a + 1].text.chars().count() == 2
            && toks[a + 1].text.starts_with(|c: char| c.is_ascii_uppercase())
            && toks[a + 1].text.ends_with('.')
            && [a, a + 2].iter().all(|&x| toks[x].is_cap() && !toks[x].is_upper() && toks[x].kind == TokenKind::Word && !toks[x].lex.has(lx::HEAD | lx::REGION) && !toks[x].lex.is_common_word() && gazetteer::place(&toks[x].text).is_none());
        if middle_initial {
            let c = self.push(sentence, a, b, EntityType::Person, MentionKind::Name, text_of(toks, a, b), &toks[b - 1].lower.clone());
            items.push(Item { kind: ItemKind::Mention(c), tok_start: a, tok_end: b, lower: SmallStr::default() });
            return items;
        }
        // "Anna Berg Appointed to Chair ...", "Ravi Menon Engages With ...": a title-case
        // headline's verb is not part of the name before it
        let verb_like = |w: &str| w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing") || w.ends_with("es"));
        // "... Ecuador, and Panama Sign a Memorandum": a headline's verb after a place
        if b - a >= 2 && matches!(toks[b - 1].lower.as_str(), "sign" | "signs" | "meet" | "meets" | "visit" | "visits" | "open" | "opens" | "launch" | "hold" | "holds" | "host" | "hosts" | "join" | "joins" | "agree" | "agrees" | "mark" | "marks" | "talk" | "discuss") && gazetteer::place(&text_of(toks, a, b - 1)).is_some() {
            let mut out = self.typed_part(sentence, a, b - 1, before_role);
            out.splice(0..0, items);
            out.push(word_item(toks, b - 1));
            return out;
        }
        if b - a >= 3 && self.tags[b - 1] == Tag::O && toks[b - 1].lex.is_common_word() && verb_like(&toks[b - 1].lower) && !toks[b - 1].lex.has(lx::HEAD | lx::REGION) && !toks[b - 1].lex.is_role_core() {
            let mut out = self.typed_part(sentence, a, b - 1, before_role);
            out.splice(0..0, items);
            out.push(word_item(toks, b - 1));
            return out;
        }
        // "the Kandym gas processing plant", "the Skarn steel mill": a name, then up to three
        // lower-case words and the head of a works (not a country's: "the Russian gas plant")
        if a > 0 && matches!(toks[a - 1].lower.as_str(), "the" | "a" | "an" | "its" | "this") {
            let plain = |t: &Token| t.kind == TokenKind::Word && !t.is_cap() && !is_connector(t.lower.as_str()) && !t.lex.is_role_core() && !matches!(t.lower.as_str(), "a" | "an" | "in" | "at" | "to" | "by" | "with" | "from" | "was" | "is" | "are" | "were" | "has" | "had" | "will" | "which" | "that");
            let head = (b..(b + 4).min(toks.len())).take_while(|&x| plain(&toks[x])).find(|&x| WORKS.contains(&toks[x].lower.as_str()));
            // (the costly lookups only when a works' head follows)
            let country = || {
                let name = text_of(toks, a, b);
                gazetteer::demonym_country(&name).is_some() || gazetteer::place(&name).is_some_and(|p| p.kind == gazetteer::PlaceKind::Country)
            };
            if let Some(h) = head.filter(|&h| h > b && !country()) {
                let c = self.push(sentence, a, h + 1, EntityType::Fac, MentionKind::Name, text_of(toks, a, h + 1), &toks[h].lower.clone());
                items.push(Item { kind: ItemKind::Mention(c), tok_start: a, tok_end: h + 1, lower: SmallStr::default() });
                return items;
            }
        }
        // "the Turkiye-Azerbaijan-Pakistan trilateral summit", "the CIS summit": a name, then
        // lower-case words that make it an event
        if a > 0 && matches!(toks[a - 1].lower.as_str(), "the" | "a" | "an" | "this" | "last") {
            let mut e = b;
            while e < toks.len() && e < b + 3 && !toks[e].is_cap() && toks[e].kind == TokenKind::Word && (is_ordinal(&toks[e]) || EVENT_MODIFIERS.contains(&toks[e].lower.as_str())) {
                e += 1;
            }
            if let Some(t) = toks.get(e).filter(|t| !t.is_cap() && t.lex.has(lx::EVENT) && !matches!(t.lower.as_str(), "week" | "exercise" | "exercises" | "talks" | "debate" | "discussion" | "dialogue")) {
                let name = text_of(toks, a, e + 1);
                let c = self.push(sentence, a, e + 1, EntityType::Event, MentionKind::Name, name, &t.lower.clone());
                items.push(Item { kind: ItemKind::Mention(c), tok_start: a, tok_end: e + 1, lower: SmallStr::default() });
                return items;
            }
        }
        // "India–Sweden" alone, "Australia–Indonesia partnership": two places, not one name
        if let Some(d) = (a + 1..b.saturating_sub(1)).find(|&x| toks[x].lower == "-") {
            let left = gazetteer::place(&text_of(toks, a, d)).is_some();
            let right_end = (d + 2..=b).rev().find(|&y| gazetteer::place(&text_of(toks, d + 1, y)).is_some());
            if left && right_end == Some(b) || left && d + 2 == b {
                let mut out = items;
                out.extend(self.typed_part(sentence, a, d, false));
                out.push(word_item(toks, d));
                out.extend(self.typed_part(sentence, d + 1, b, false));
                return out;
            }
        }
        // "Eastern Province Hon'ble Kumar Selvan": a title inside a run starts a name
        if let Some(h) = (a + 1..b.saturating_sub(1)).find(|&x| is_name_title(&toks[x])) {
            let mut out = items;
            out.extend(self.typed_part(sentence, a, h, before_role));
            out.extend(self.typed_part(sentence, h, b, false));
            return out;
        }
        // "Minister of Health Paulo Bastos", "U.S. Northern Command Ann Tiller": a name the
        // tagger reads as a person closes the run
        if b - a >= 3 && self.tags[b - 1] == Tag::Person && self.tags[b - 2] == Tag::Person {
            let s = (a..b).rev().take_while(|&x| self.tags[x] == Tag::Person && toks[x].is_cap()).last().unwrap_or(b);
            // (a known given name before it begins the same name: "led by Kofi Tadeu Asante";
            // not after "for", "to", "of": "Administrator for Asia Jane Roe" has a portfolio)
            let given = s == a + 1 && gazetteer::is_given_name(&toks[a].text) && !toks[a].lex.has(lx::HEAD) && !matches!(self.tags[a], Tag::Gpe | Tag::Loc | Tag::Norp) && !(a > 0 && matches!(toks[a - 1].lower.as_str(), "for" | "of" | "in" | "to" | "from" | "at"));
            if !given && s > a && s + 2 <= b && self.tags[s - 1] != Tag::Person && !is_connector(toks[s - 1].lower.as_str()) || s > a + 1 && is_connector(toks[s - 1].lower.as_str()) && s + 2 <= b && toks[s - 1].lower != "of" {
                let mut out = items;
                out.extend(self.typed_part(sentence, a, s, before_role));
                self.after_role = true;
                out.extend(self.typed_part(sentence, s, b, false));
                return out;
            }
        }
        // "Secretary of State for Civic Affairs Ann Tiller": a portfolio of common words, then
        // a known given name and one or two surname-like words close the run
        // "NORDOIL Ivan Petrov": a body's acronym, then a person's name
        // ("President of NORDOIL Vagit Osmanov": after a title's "of", an unknown given name too)
        let after_title_of = a >= 2
            && toks[a - 1].lower == "of"
            && toks[a - 2].lex.is_role_core()
            && b - a == 3
            && toks[a].text.chars().count() >= 3
            && !toks[a].text.contains('.')
            // (a person's name: not "NORDCO Consulting Partners", "U.S. Pacific Fleet")
            && (a + 1..b).all(|x| !toks[x].lex.has(lx::HEAD | lx::REGION) && !toks[x].lex.is_common_word() && !toks[x].text.contains('-') && gazetteer::place(&toks[x].text).is_none() && gazetteer::demonym_country(&toks[x].text).is_none());
        if (3..=4).contains(&(b - a)) && toks[a].is_upper() && toks[a].text.chars().count() >= 2 && (gazetteer::is_given_name(&toks[a + 1].text) || after_title_of) && (a + 1..b).all(|x| toks[x].kind == TokenKind::Word && !toks[x].is_upper() && toks[x].is_cap()) {
            let mut out = items;
            out.extend(self.typed_part(sentence, a, a + 1, before_role));
            self.after_role = true;
            out.extend(self.typed_part(sentence, a + 1, b, false));
            self.after_role = false;
            return out;
        }
        if b - a >= 4 {
            let s = (a + 2..b.saturating_sub(1)).find(|&x| gazetteer::is_given_name(&toks[x].text) && b - x <= 3);
            if let Some(s) = s {
                let prefix_common = (toks[s - 1].lex.is_common_word() || (a..s).any(|x| toks[x].lex.has(lx::HEAD) || is_connector(toks[x].lower.as_str())))
                    && !gazetteer::is_given_name(&toks[s - 1].text)
                    && !gazetteer::is_surname(&toks[s - 1].text)
                    && !is_connector(toks[s - 1].lower.as_str());
                let tail_names = (s + 1..b).all(|x| toks[x].is_cap() && !toks[x].lex.has(lx::HEAD) && !toks[x].lex.is_common_word());
                if prefix_common && tail_names && (s..b).all(|x| toks[x].kind == TokenKind::Word) {
                    let mut out = items;
                    out.extend(self.typed_part(sentence, a, s, before_role));
                    self.after_role = true;
                    out.extend(self.typed_part(sentence, s, b, false));
                    self.after_role = false;
                    return out;
                }
            }
        }
        // Possessive: "Azerbaijan's State News Agency" → GPE 's ORG.
        if let Some(p) = (a..b).find(|&x| toks[x].lower == "'s") {
            if p > a && p + 1 < b && gazetteer::place(&text_of(toks, a, p)).is_some() {
                items.extend(self.typed_part(sentence, a, p, false));
                items.push(word_item(toks, p));
                items.extend(self.typed_part(sentence, p + 1, b, before_role));
                return items;
            }
        }
        if toks[a..b].iter().all(|t| t.kind == TokenKind::Number) {
            items.extend((a..b).map(|x| word_item(toks, x)));
            return items;
        }
        let words: Vec<&str> = toks[a..b].iter().map(|t| t.text.as_str()).collect();
        let lower: Vec<&str> = toks[a..b].iter().map(|t| t.lower.as_str()).collect();
        let full = text_of(toks, a, b);
        // "a Seoul-based firm": the place a body is based in, written into one word
        // ("the Seoul-based Hanil Corp": the name after it is the body's)
        if b - a > 1 && toks[a].text.ends_with("-based") && gazetteer::place(toks[a].text.trim_end_matches("-based")).is_some() {
            let mut out = self.typed_part(sentence, a, a + 1, false);
            let first = self.cands.len();
            out.extend(self.typed_part(sentence, a + 1, b, before_role));
            // what is based somewhere is a body, not a person (unless a person's name
            // follows: "Seoul-based engineer Jane Roe" has its noun between)
            let named_person = gazetteer::is_given_name(&toks[a + 1].text);
            for c in &mut self.cands[first..] {
                if c.etype == EntityType::Person && c.tok_start == a + 1 && !named_person {
                    c.etype = EntityType::Org;
                    c.kind = MentionKind::Name;
                }
            }
            return out;
        }
        // ("South Korea-based": the place may be of several words)
        if b - a <= 3 {
            let prefix = full.strip_suffix("-based").or_else(|| full.strip_suffix("-headquartered"));
            // ("German-based": a demonym names its country)
            let place = prefix.and_then(|p| if gazetteer::place(p).is_some() { Some(p) } else { gazetteer::demonym_country(p) });
            if let Some(p) = place {
                let c = self.push(sentence, a, b, EntityType::Gpe, MentionKind::Name, p.to_string(), &p.to_lowercase());
                items.push(Item { kind: ItemKind::Mention(c), tok_start: a, tok_end: b, lower: SmallStr::default() });
                return items;
            }
        }
        // "the city of X", "X, Russia": a place even when the gazetteer does not know it.
        let city_of = a >= 2 && toks[a - 1].lower == "of" && matches!(toks[a - 2].lower.as_str(), "city" | "town" | "village" | "capital" | "settlement");
        let comma_country = toks.get(b).is_some_and(|t| t.lower == ",")
            && toks.get(b + 1).is_some_and(|t| gazetteer::place(&t.text).is_some_and(|p| p.kind == gazetteer::PlaceKind::Country))
            // "Audrey Tang, Taiwan's minister": a person with a title, not a place
            && !toks.get(b + 2).is_some_and(|t| t.lower == "'s" || t.lex.is_role_core() || t.lex.is_role_modifier())
            && !gazetteer::is_given_name(words[0])
            && b - a <= 2
            && gazetteer::place(&full).is_none();
        // "a plant in Mason, Ohio": after "in", a name before a comma and a state or region
        let comma_region = a >= 1
            && toks[a - 1].lower == "in"
            && toks.get(b).is_some_and(|t| t.lower == ",")
            && (1..=2).any(|m| b + 1 + m <= toks.len() && toks[b + 1..b + 1 + m].iter().all(|t| t.is_cap()) && gazetteer::place(&text_of(toks, b + 1, b + 1 + m)).is_some_and(|p| p.kind == gazetteer::PlaceKind::Region))
            && b - a <= 2
            && gazetteer::place(&full).is_none();
        if (city_of || comma_country || comma_region) && !lower.iter().any(|w| is_connector(w)) && b - a <= 3 && !is_head(lower[b - a - 1]) {
            let c = self.push(sentence, a, b, EntityType::Gpe, MentionKind::Name, full.clone(), &lower[b - a - 1].to_string());
            items.push(Item { kind: ItemKind::Mention(c), tok_start: a, tok_end: b, lower: SmallStr::default() });
            return items;
        }
        let push_item = |s: &mut Self, c: usize, items: &mut Vec<Item>| {
            items.push(Item { kind: ItemKind::Mention(c), tok_start: s.cands[c].tok_start, tok_end: s.cands[c].tok_end, lower: SmallStr::default() });
        };
        // Regions: "Sverdlovsk region" (the region word may follow in lower case).
        let region_follow = toks.get(b).is_some_and(|t| !t.is_cap() && t.lex.has(lx::REGION) && t.lower != "state");
        if region_follow && b - a <= 3 {
            let name = format!("{} {}", full, toks[b].text);
            let c = self.push(sentence, a, b + 1, EntityType::Gpe, MentionKind::Name, name, "region");
            push_item(self, c, &mut items);
            return items;
        }
        // Places from the gazetteer, with "the": "the Slovak Republic", "RUSSIA".
        if let Some(p) = gazetteer::place(&full) {
            let c = self.push(sentence, a, b, EntityType::Gpe, MentionKind::Name, full.clone(), &p.canonical.to_lowercase());
            self.cands[c].canonical = Some(p.canonical.to_string());
            push_item(self, c, &mut items);
            return items;
        }
        // A demonym alone: "Kazakh President Nurlan Abenov", "Russian reporters".
        if b - a == 1 {
            if let Some(country) = gazetteer::demonym_country(words[0]) {
                let c = self.push(sentence, a, b, EntityType::Gpe, MentionKind::Name, country.to_string(), &country.to_lowercase());
                self.cands[c].adjective = true;
                push_item(self, c, &mut items);
                return items;
            }
        }
        let last = *lower.last().unwrap();
        if b - a >= 2 && lx::has(lx::REGION, last) && last != "state" {
            let c = self.push(sentence, a, b, EntityType::Gpe, MentionKind::Name, full, "region");
            push_item(self, c, &mut items);
            return items;
        }
        // The head noun: the last word before the first "of", or the last word.
        let of_pos = lower.iter().position(|w| *w == "of");
        let last_word = lower.iter().rposition(|w| !w.chars().next().is_some_and(|c| c.is_ascii_digit())).unwrap_or(lower.len() - 1);
        let head_idx = of_pos.map(|p| p.saturating_sub(1)).unwrap_or(last_word);
        let mut head = lower[head_idx];
        // "International Conference on Climate Finance", "Conference on Debate and Dialogue":
        // an event's head before "on"/"for", also when the last word could head one itself
        if of_pos.is_none() && (!is_head(head) || lx::has(lx::EVENT, head)) {
            if let Some(p) = (1..lower.len()).find(|&p| matches!(lower[p], "on" | "for") && lx::has(lx::EVENT, lower[p - 1]) && toks[a + p - 1].is_cap()) {
                head = lower[p - 1];
            }
        }
        // "... of the Republic of Kazakhstan": the country is split off as based_in context.
        let mut country: Option<(usize, usize, &'static str)> = None;
        let mut core_end = b;
        if let Some(p) = of_pos {
            // last "of" followed by a country
            for q in (p..lower.len()).rev() {
                if lower[q] != "of" {
                    continue;
                }
                let s = if lower.get(q + 1) == Some(&"the") { q + 2 } else { q + 1 };
                let cand = text_of(toks, a + s, b);
                if let Some(pl) = gazetteer::place(&cand) {
                    if pl.kind == gazetteer::PlaceKind::Country && q > 0 {
                        country = Some((a + s, b, pl.canonical));
                        core_end = a + q;
                    }
                }
                break;
            }
        }
        // A leading country or demonym: "Armenia Digital Development Agency", "Russian Interior Ministry".
        if country.is_none() && b - a >= 2 {
            let first = words[0];
            let c = gazetteer::demonym_country(first).or_else(|| gazetteer::place(first).filter(|p| p.kind == gazetteer::PlaceKind::Country).map(|p| p.canonical));
            if let Some(cn) = c {
                // "Azerbaijan Business Center" abroad is not based in its country
                let after_hyphen = a > 0 && toks[a - 1].lower == "-" && !toks[a].space_before;
                if is_head(head) && !after_hyphen && !matches!(head, "center" | "centre" | "house" | "school" | "street" | "square" | "park" | "program" | "programme" | "initiative" | "fund" | "partnership" | "group" | "trust" | "coalition") {
                    country = Some((a, a + 1, cn));
                }
            }
        }
        // "the Consumer Financial Protection Bureau Rohit Chopra": an organisation, then a person
        if let Some(h) = toks[a..b].iter().rposition(|t| t.lex.has(lx::ORG)) {
            let tail_is_name = (h + 1..lower.len()).all(|i| !toks[a + i].lex.is_common_word() && !toks[a + i].lex.has(lx::HEAD) && !toks[a + i].is_upper() && !is_connector(lower[i]) && gazetteer::place(words[i]).is_none());
            if h + 2 < lower.len() && h + 4 >= lower.len() && tail_is_name {
                let mut out = items;
                out.extend(self.typed_part(sentence, a, a + h + 1, false));
                self.after_role = true;
                out.extend(self.typed_part(sentence, a + h + 1, b, false));
                return out;
            }
        }
        // "State News Agency MTI": a name in apposition after the head noun.
        let head = if of_pos.is_none() && !is_head(head) && b - a >= 3 {
            lower[..lower.len() - 1].iter().rev().take(2).find(|w| lx::has(lx::ORG, w)).copied().unwrap_or(head)
        } else {
            head
        };
        // Governments are their countries: "Government of Ghana", "the Saudi Government",
        // "Kano State Government" name the place.
        if (lower.contains(&"government") || lower.last() == Some(&"govt")) && b - a >= 2 {
            let rest: Vec<usize> = (a..b).filter(|&x| !matches!(toks[x].lower.as_str(), "government" | "govt" | "of" | "the" | "federal" | "national" | "central" | "royal")).collect();
            // ("Government of the Republic of Skarnia": connectors inside the place's name)
            let contiguous = rest.windows(2).all(|w| w[1] == w[0] + 1 || (w[0] + 1..w[1]).all(|x| matches!(toks[x].lower.as_str(), "of" | "the")));
            if let (Some(&ra), Some(&rb), true) = (rest.first(), rest.last(), contiguous) {
                let place_text = text_of(toks, ra, rb + 1);
                let canonical = gazetteer::place(&place_text).map(|p| p.canonical).or_else(|| (rb == ra).then(|| gazetteer::demonym_country(&toks[ra].text)).flatten());
                let state_name = rb > ra && matches!(toks[rb].lower.as_str(), "state" | "province" | "region" | "county");
                if canonical.is_some() || state_name {
                    let c = self.push(sentence, a, b, EntityType::Gpe, MentionKind::Name, full.clone(), &canonical.unwrap_or(&place_text).to_lowercase());
                    self.cands[c].canonical = Some(canonical.map(str::to_string).unwrap_or(place_text));
                    push_item(self, c, &mut items);
                    return items;
                }
            }
        }
        // "Kano State", "Cross River State", "Penang State": a federal state named by its
        // place (not "Islamic State", "Member State", "Secretary of State")
        if b - a >= 2 && b - a <= 3 && lower[lower.len() - 1] == "state" && !lower.contains(&"of") {
            let words = a..b - 1;
            let plain_place = words.clone().all(|x| toks[x].is_cap() && toks[x].kind == TokenKind::Word && !toks[x].lex.has(lx::HEAD) && !toks[x].lex.is_role_core() && gazetteer::demonym_country(&toks[x].text).is_none())
                && !words.clone().any(|x| matches!(toks[x].lower.as_str(), "islamic" | "member" | "nation" | "jewish" | "secretary" | "head" | "heads" | "united" | "sovereign" | "welfare" | "deep" | "police" | "union" | "independent"))
                && !gazetteer::place(&text_of(toks, a, b - 1)).is_some_and(|p| p.kind == gazetteer::PlaceKind::Country);
            if plain_place {
                let c = self.push(sentence, a, b, EntityType::Gpe, MentionKind::Name, full.clone(), &full.to_lowercase());
                self.cands[c].canonical = Some(full.clone());
                push_item(self, c, &mut items);
                return items;
            }
        }
        // "House of Representatives", "House of Commons": a chamber, not a building
        let chamber = head == "house" && lower.iter().any(|w| matches!(*w, "representatives" | "representative" | "commons" | "lords" | "delegates" | "councillors" | "councilors" | "peers" | "assembly" | "keys"));
        // "Qatar National Convention Center", "the Skarn Exhibition Centre": a venue
        let venue = matches!(head, "center" | "centre") && head_idx > 0 && matches!(lower[head_idx - 1], "convention" | "conference" | "exhibition" | "congress" | "expo" | "events" | "trade" | "sports" | "shopping" | "performing" | "arts");
        let head_type = if chamber {
            Some(EntityType::Org)
        } else if venue {
            Some(EntityType::Fac)
        } else if lx::has(lx::EVENT, head) && head != "congress" {
            Some(EntityType::Event)
        } else if lx::has(lx::ORG, head) {
            Some(EntityType::Org)
        } else if lx::has(lx::FAC, head) {
            Some(EntityType::Fac)
        } else if lx::has(lx::LOC, head) {
            Some(EntityType::Loc)
        } else if lx::has(lx::WORK, head) && b - a >= 2 {
            Some(EntityType::Work)
        } else {
            None
        };
        // A lower-case facility word after a name: "the Xinhua office", "the Kremlin building".
        if head_type.is_none() {
            if let Some(t) = toks.get(b).filter(|t| !t.is_cap() && matches!(t.lower.as_str(), "office" | "building" | "headquarters" | "monument" | "museum" | "residence" | "embassy")) {
                let name = format!("{} {}", full, t.text);
                let mut e = b + 1;
                if toks.get(e).is_some_and(|t| t.lower == "building") {
                    e += 1;
                }
                let c = self.push(sentence, a, e, EntityType::Fac, MentionKind::Name, name, &t.lower.clone());
                push_item(self, c, &mut items);
                return items;
            }
        }
        // A lone head noun ("School", "County", "Coalition") names nothing; a few bodies are
        // named by one word in news ("the Senate", "the Kremlin").
        const INSTITUTIONS: &[&str] = &["senate", "congress", "parliament", "cabinet", "government", "kremlin", "pentagon", "duma", "knesset", "majlis", "rada", "police", "army", "navy", "vatican"];
        let bare_generic = b - a == 1 && (toks[a].lex.is_common_word() || toks[a].lex.has(lx::HEAD) && !INSTITUTIONS.contains(&lower[0]));
        if let (Some(etype), false) = (head_type, bare_generic) {
            let c = self.push(sentence, a, b, etype, MentionKind::Name, full, head);
            if let Some((cs, ce, cn)) = country {
                let g = self.push(sentence, cs, ce, EntityType::Gpe, MentionKind::Name, cn.to_string(), &cn.to_lowercase());
                self.cands[g].adjective = ce - cs == 1 && gazetteer::demonym_country(&toks[cs].text).is_some();
                self.cands[c].country = Some(g);
                let _ = core_end;
            }
            push_item(self, c, &mut items);
            return items;
        }
        // Acronyms: "NATO", "CSTO", "OPEC".
        if b - a == 1 && toks[a].is_upper() && toks[a].text.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !is_name_title(&toks[a]) {
            let c = self.push(sentence, a, b, EntityType::Org, MentionKind::Acronym, full, &lower[0]);
            push_item(self, c, &mut items);
            return items;
        }
        // "Mexico Ken Salas" (after "Ambassador to"), "Kenji Sato of Japan": a place and a person.
        if b - a >= 3 {
            if let Some(n) = (1..b - a - 1).rev().find(|&n| gazetteer::place(&text_of(toks, a, a + n)).is_some()) {
                if gazetteer::is_given_name(words[n]) {
                    let mut out = items;
                    out.extend(self.typed_part(sentence, a, a + n, false));
                    out.extend(self.typed_part(sentence, a + n, b, false));
                    return out;
                }
            }
            if let Some(p) = lower.iter().position(|w| *w == "of") {
                let place_start = if lower.get(p + 1) == Some(&"the") { p + 2 } else { p + 1 };
                if p >= 2 && place_start < b - a && gazetteer::place(&text_of(toks, a + place_start, b)).is_some() && !lower[..p].iter().any(|w| is_connector(w)) && !is_head(lower[p - 1]) {
                    let mut out = items;
                    out.extend(self.typed_part(sentence, a, a + p, false));
                    out.extend((a + p..a + place_start).map(|x| word_item(toks, x)));
                    out.extend(self.typed_part(sentence, a + place_start, b, false));
                    return out;
                }
            }
        }
        // "São Paulo Brazil", "Mason Ohio": a place, then the country or region it is in,
        // their comma lost in a scrape
        if b - a >= 2 && gazetteer::place(&full).is_none() {
            let within = |n: usize| gazetteer::place(&text_of(toks, a, a + n)).is_some() && gazetteer::place(&text_of(toks, a + n, b)).is_some_and(|p| matches!(p.kind, gazetteer::PlaceKind::Country));
            if let Some(n) = (1..b - a).find(|&n| within(n)) {
                let mut out = items;
                out.extend(self.typed_part(sentence, a, a + n, false));
                out.extend(self.typed_part(sentence, a + n, b, false));
                return out;
            }
        }
        // "Kyrgyzstan Aibek Osmonov" (after "Prime Minister of"): a country, then a person;
        // "Consul General in Chennai Ana Ruiz": after "in" any place, then a full name
        if b - a >= 3 {
            let locative = a > 0 && matches!(toks[a - 1].lower.as_str(), "in" | "at" | "to" | "of" | "from");
            let leads = |n: usize| gazetteer::place(&text_of(toks, a, a + n)).is_some_and(|p| p.kind == gazetteer::PlaceKind::Country || locative && b - a - n >= 2);
            if let Some(n) = (1..=2).find(|&n| leads(n)) {
                if a + n < b && self.tag_of(a + n, b) == Tag::Person && toks[a + n].is_cap() {
                    let mut out = items;
                    out.extend(self.typed_part(sentence, a, a + n, false));
                    out.extend(self.typed_part(sentence, a + n, b, false));
                    return out;
                }
            }
        }
        // "Timur Saidov Saidov Timur": a name and its surname-first repeat (scraped tooltips)
        if b - a == 4 && lower[0] == lower[3] && lower[1] == lower[2] {
            let mut out = items;
            out.extend(self.typed_part(sentence, a, a + 2, false));
            out.extend((a + 2..b).map(|x| word_item(toks, x)));
            return out;
        }
        // "the Russian company Volgatek", "wind power firm, Fjell Energy": what the text
        // calls a company is one, whatever its name looks like
        let body_cue = a >= 1 && {
            let p = if toks[a - 1].lower == "," && a >= 2 { a - 2 } else { a - 1 };
            !toks[p].is_cap() && COMPANY_NOUNS.contains(&toks[p].lower.as_str())
        };
        if body_cue && !gazetteer::is_given_name(words[0]) && b - a <= 5 {
            let c = self.push(sentence, a, b, EntityType::Org, MentionKind::Name, full, lower[b - a - 1]);
            push_item(self, c, &mut items);
            return items;
        }
        // People: a known given name first, a title before, or a name-like run of 2–4 words.
        let no_connectors = !lower.iter().any(|w| is_connector(w));
        let person_shape = no_connectors
            && (2..=4).contains(&(b - a))
            && toks[a..b].iter().all(|t| t.kind == TokenKind::Word && !t.is_upper() || t.text.len() <= 2);
        let after_role = std::mem::take(&mut self.after_role);
        let given = gazetteer::is_given_name(words[0]) || gazetteer::is_ambiguous_given_name(words[0]) && b - a >= 2 || after_role;
        let common_first = toks[a].lex.is_common_word();
        // "Prof. Musa Danjuma", "Gov. Ann Lee": the abbreviated title ends its own run
        let honorific = honorific || a >= 2 && toks[a - 1].lower == "." && is_title_abbreviation(&toks[a - 2]);
        let tag = self.tag_of(a, b);
        // "Mohammed bin Salman Al Saud", "Ursula von der Leyen": particles inside a person's name
        let particle_name = (tag == Tag::Person || gazetteer::is_given_name(words[0]) && lower.iter().any(|w| NAME_PARTICLES.contains(w)))
            && (2..=7).contains(&(b - a))
            && toks[a].is_cap()
            && toks[b - 1].is_cap()
            && lower.iter().all(|w| !is_connector(w) || NAME_PARTICLES.contains(w));
        if person_shape && (given || honorific || tag == Tag::Person || !common_first && looks_like_surname(words[b - a - 1])) || particle_name {
            let c = self.push(sentence, a, b, EntityType::Person, MentionKind::Name, full, lower[b - a - 1]);
            push_item(self, c, &mut items);
            return items;
        }
        if b - a == 1 && (toks[a].lex.is_honorific() || is_name_title(&toks[a])) {
            items.push(word_item(toks, a));
            return items;
        }
        let tagged_place = matches!(tag, Tag::Gpe | Tag::Loc);
        if b - a == 1 && ((honorific || gazetteer::is_surname(words[0]) || looks_like_surname(words[0]) && !tagged_place) && !common_first || honorific && toks[a].is_cap()) {
            // A bare family name: coreference decides whose.
            let c = self.push(sentence, a, b, EntityType::Person, MentionKind::Surname, full, lower[0]);
            push_item(self, c, &mut items);
            return items;
        }
        let place_role = toks.get(b).is_some_and(|t| matches!(t.lower.as_str(), "mayor" | "governor" | "county"));
        if before_role && place_role && b - a <= 3 && !toks[a..b].iter().any(|t| t.lex.is_common_word()) {
            let c = self.push(sentence, a, b, EntityType::Gpe, MentionKind::Name, full, lower[b - a - 1]);
            push_item(self, c, &mut items);
            return items;
        }
        let generic_word = |i: usize| {
            let w = lower[i];
            matches!(w, "majesty" | "highness" | "excellency" | "honorable" | "ranking" | "nominee" | "nominees" | "candidate" | "designate" | "republican" | "republicans" | "democrat" | "democrats" | "democratic" | "dr" | "dr." | "his" | "her")
                || toks[a + i].lex.is_common_word() || toks[a + i].lex.has(lx::HEAD | lx::REGION) || gazetteer::demonym_country(words[i]).is_some() || gazetteer::place(words[i]).is_some()
        };
        // Any ordinary word there makes it the role's portfolio ("National Security Advisor",
        // "Transportation Secretary"): precision over recall.
        if before_role && b - a <= 3 && !(0..b - a).any(generic_word) {
            // "Kremlin Spokesman X", "Gazprom CEO X": a proper name before a role is the body the
            // role belongs to; common words there are the role's portfolio ("Energy Secretary").
            let c = self.push(sentence, a, b, EntityType::Org, MentionKind::Name, full, lower[b - a - 1]);
            push_item(self, c, &mut items);
            return items;
        }
        // What no word list knows, the tagger types from context: "visited Ukmerge and
        // Jonava", "NordDebate, founded by ...".
        let tagged = match tag {
            Tag::Gpe => Some(EntityType::Gpe),
            Tag::Loc => Some(EntityType::Loc),
            Tag::Org => Some(EntityType::Org),
            Tag::Fac => Some(EntityType::Fac),
            Tag::Event => Some(EntityType::Event),
            Tag::Person if b - a <= 4 && no_connectors => Some(EntityType::Person),
            _ => None,
        };
        let generic_single = b - a == 1 && (common_first || toks[a].lex.has(lx::HEAD | lx::REGION) || !toks[a].is_cap());
        // "the monument of the Great Order": the name is inside a description of a monument
        let inside_description = a >= 3 && toks[a - 1].lower == "the" && toks[a - 2].lower == "of" && !toks[a - 3].is_cap() && toks[a - 3].lex.has(lx::FAC | lx::LOC);
        // one word read as an organisation is trusted only in an organisation's shape:
        // "UNICEF", "NordDebate" (not "Turkic", not a surname before "said")
        let org_shape = b - a > 1 || toks[a].is_upper() || toks[a].text.chars().skip(1).any(|c| c.is_uppercase());
        // before a title, the words are its portfolio ("National Security Advisor") unless
        // the rules above made them the body the title belongs to
        let tagged = tagged.filter(|&t| !inside_description && !before_role && (t != EntityType::Org || org_shape));
        if let (Some(etype), false) = (tagged, generic_single) {
            let kind = if b - a == 1 && etype == EntityType::Person { MentionKind::Surname } else { MentionKind::Name };
            let c = self.push(sentence, a, b, etype, kind, full, lower[b - a - 1]);
            push_item(self, c, &mut items);
            return items;
        }
        // "QatarDebate", "PorterShed", "LeadIT": one word with a capital inside is a brand's or
        // an organisation's name, which the tagger (trained on words it has seen) may miss
        // (not a handle or a hashtag: "@JaneRoe", "#StopTheBleed")
        let handle = a > 0 && matches!(toks[a - 1].text.as_str(), "@" | "#");
        if b - a == 1 && tag == Tag::O && !common_first && !handle && camel_case(&toks[a].text) && !inside_description && !before_role {
            let c = self.push(sentence, a, b, EntityType::Org, MentionKind::Name, full, lower[0]);
            push_item(self, c, &mut items);
            return items;
        }
        if b - a == 1 && !common_first && tag == Tag::Person && !toks[a].lex.has(lx::HEAD) {
            // An unknown single capitalised word read as a person: a candidate surname;
            // coreference drops it when no person of that name was introduced.
            let c = self.push(sentence, a, b, EntityType::Person, MentionKind::Surname, full, lower[0]);
            push_item(self, c, &mut items);
            return items;
        }
        for x in a..b {
            items.push(word_item(toks, x));
        }
        items
    }
}

/// A word capitalised inside as brands are ("QatarDebate", "LeadIT"), not a surname with a
/// particle ("McCain", "DeSantis", "LaGuardia").
fn camel_case(w: &str) -> bool {
    let c: Vec<char> = w.chars().collect();
    if c.len() < 5 || !c[0].is_uppercase() || !c.iter().all(|x| x.is_alphabetic()) {
        return false;
    }
    let Some(i) = (1..c.len()).find(|&i| c[i - 1].is_lowercase() && c[i].is_uppercase()) else { return false };
    let head: String = c[..i].iter().collect();
    // (nor a person's name run together: "JaneRoe")
    i >= 3 && !matches!(head.as_str(), "Mac" | "Van" | "Von" | "Del" | "Della" | "Des") && !crate::gazetteer::is_given_name(&head)
}

/// Honours and degrees written after a person's name.
const POST_NOMINALS: &[&str] = &["CMG", "KCMG", "GCMG", "OBE", "MBE", "CBE", "KBE", "DBE", "GBE", "KCB", "GCB", "CB", "CVO", "KCVO", "LVO", "MVO", "QC", "KC", "MP", "MEP", "MLA", "MSP", "FRS", "FREng", "PhD", "DPhil", "JP", "DL", "OAM", "AO", "AC", "CNZM", "ONZM"];

/// Portfolios a government title names after "of": "Secretary of State", "Minister of Health".
/// Nouns that say the name after them is a company's: "the Russian company X".
const COMPANY_NOUNS: &[&str] = &[
    "company", "firm", "conglomerate", "corporation", "bank", "lender", "insurer", "carrier", "airline", "operator", "manufacturer", "maker",
    "producer", "developer", "giant", "startup", "start-up", "retailer", "broadcaster", "supplier", "contractor", "exporter", "distributor",
    "subsidiary", "multinational",
];

pub(crate) const PORTFOLIOS: &[&str] = &[
    "state", "defense", "defence", "energy", "commerce", "labor", "labour", "agriculture", "treasury", "education",
    "transportation", "transport", "interior", "health", "justice", "homeland", "veterans", "housing", "culture",
    "tourism", "finance", "environment", "economy", "industry", "trade", "information", "communications",
    "sports", "youth", "planning", "works", "fisheries", "mines", "petroleum", "water", "war", "navy",
];

/// Heads of works a name and lower-case words make a place of: "the Kandym gas processing plant".
const WORKS: &[&str] = &["plant", "factory", "refinery", "mill", "mine", "smelter", "terminal", "complex", "dam", "pipeline", "facility", "shipyard", "depot", "warehouse", "reactor"];

/// Nouns that name an occasion whatever words stand before them ("the naming ceremony").
const OCCASIONS: &[&str] = &["ceremony", "summit", "forum", "conference", "festival", "exhibition", "roundtable", "seminar", "symposium", "workshop", "celebration", "reception", "inauguration", "session", "gala", "expo", "fair"];

/// Lower-case words between a name and an event noun: "the CIS informal summit".
const EVENT_MODIFIERS: &[&str] = &["trilateral", "bilateral", "annual", "joint", "regional", "informal", "ministerial", "high-level", "business", "economic", "investment", "trade", "leaders", "leaders'", "opening", "closing", "inaugural", "extraordinary", "international", "global", "youth"];

/// Particles that stand inside personal names.
const NAME_PARTICLES: &[&str] = &["bin", "bint", "ibn", "al", "el", "von", "van", "der", "de", "del", "da", "di", "du", "la", "le"];

/// Honorifics that stand before a name inside a capitalised run: "Dr", "Hon'ble", "Shri".
fn is_name_title(t: &Token) -> bool {
    t.lex.is_honorific() || matches!(t.lower.as_str(), "hon'ble" | "hon’ble" | "honourable" | "honorable" | "shri" | "smt" | "h.e" | "h.e." | "mr." | "dr.")
}

/// "Prof", "Gov", "Sen" before a full stop: a title, so a name follows.
fn is_title_abbreviation(t: &Token) -> bool {
    t.lex.is_honorific() || matches!(t.lower.as_str(), "gov" | "sen" | "rep" | "hon" | "amb" | "lt" | "col" | "capt" | "gen" | "h.e" | "sgt" | "maj" | "cdr" | "adm" | "supt" | "insp" | "engr" | "arch" | "rev" | "fr" | "sr")
}

fn is_head(w: &str) -> bool {
    lx::has(lx::HEAD, w)
}

/// Family-name endings common in news from many regions.
pub fn looks_like_surname(w: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ov", "ova", "ev", "eva", "yev", "yeva", "in", "ina", "yan", "ian", "enko", "sky", "ski", "skiy",
        "ska", "vich", "ovich", "evich", "oglu", "zade", "zadeh", "ic", "ić", "escu", "idis", "opoulos", "ashvili",
        "uly", "kyzy", "bekov", "bayev", "son", "sen", "stein", "berg", "mann",
    ];
    let l = w.to_lowercase();
    w.chars().next().is_some_and(|c| c.is_uppercase()) && l.len() >= 5 && ENDINGS.iter().any(|e| l.ends_with(e))
}

/// Whether the name run `[a, e)` reads like an organisation so far (an "and" may join it:
/// "Ministry of Information and Social Development").
fn org_like(toks: &[Token], a: usize, e: usize) -> bool {
    toks[a..e].iter().any(|t| t.lex.has(lx::ORG)) && toks[a..e].iter().any(|t| t.lower == "of")
        // "International Conference on Debate and Dialogue", "Forum for Peace and Security"
        // "Task Force on Worker Organizing and Empowerment", "Council for Peace and Security"
        || (a + 1..e).any(|x| matches!(toks[x].lower.as_str(), "on" | "for" | "of") && toks[x - 1].lex.has(lx::EVENT | lx::ORG) && toks[x - 1].is_cap())
}

/// "High-Level Trade and Investment Policy Forum": after "and", capitalised words that end
/// in an event's head noun, when the words before "and" hold no head noun of their own.
fn event_after_and(toks: &[Token], a: usize, e: usize, f: usize, b: usize) -> bool {
    if toks[a..e].iter().any(|t| t.lex.has(lx::HEAD)) {
        return false;
    }
    let mut x = f;
    while x < b && x < f + 5 && (name_word(&toks[x]) || toks[x].lower == "-" && !toks[x].space_before) {
        if toks[x].lex.has(lx::EVENT) && toks[x].is_cap() {
            return true;
        }
        x += 1;
    }
    false
}

/// "Food and Fodder Administration": one or two capitalised words without a head noun,
/// "and", then capitalised words that end in an organisation's head noun.
fn org_after_and(toks: &[Token], a: usize, e: usize, f: usize, b: usize) -> bool {
    if e - a > 2 || toks[a..e].iter().any(|t| t.lex.has(lx::HEAD) || !t.is_cap()) || e + 1 != f {
        return false;
    }
    let mut x = f;
    while x < b && x < f + 3 && name_word(&toks[x]) && toks[x].kind == TokenKind::Word {
        if toks[x].lex.has(lx::ORG) && toks[x].is_cap() {
            return x > f;
        }
        x += 1;
    }
    false
}

/// Is the quote at `i` in a context that names publications?
fn works_context(toks: &[Token], i: usize) -> bool {
    let from = i.saturating_sub(40);
    toks[from..i].iter().any(|t| t.lex.has(lx::WORK))
        || toks[from..i].iter().filter(|t| t.lower == "(").count() > toks[from..i].iter().filter(|t| t.lower == ")").count()
            && toks[from..i].iter().any(|t| t.lower == "\"")
}

/// A role phrase at `i`: modifiers then a core, with "general" after some cores.
pub fn role_at(toks: &[Token], i: usize, b: usize) -> Option<(usize, Role)> {
    // "Gov. Jane Roe", "Sen. Ann Lee": an abbreviated title before a name
    if i + 2 < b && toks[i].is_cap() && toks[i + 1].lower == "." && toks[i + 2].is_cap() && toks[i + 2].kind == TokenKind::Word {
        let full = match toks[i].lower.as_str() {
            "gov" => Some("governor"),
            "sen" => Some("senator"),
            "amb" => Some("ambassador"),
            "pres" => Some("president"),
            _ => None,
        };
        if let Some((words, kind)) = full.and_then(|f| Some((f, lx::classify_role(&[f])?))) {
            return Some((i + 2, Role { words: words.to_string(), kind }));
        }
    }
    let mut j = i;
    let mut words: Vec<&str> = Vec::new();
    let mut last_core = None;
    while j < b && toks[j].kind == TokenKind::Word {
        let w = toks[j].lower.as_str();
        // "Under Secretary": the capitalised preposition is part of the title
        if j == i && toks[j].text == "Under" && toks.get(j + 1).is_some_and(|t| j + 1 < b && t.lower == "secretary") {
            words.push("under");
            j += 1;
            continue;
        }
        // "High Commissioner": a Commonwealth ambassador
        // (the UN's "High Commissioner for Refugees" heads an office: a name)
        if w == "high" && toks.get(j + 1).is_some_and(|t| j + 1 < b && t.lower == "commissioner") && toks.get(j + 2).is_none_or(|t| t.lower != "for") {
            words.push("high");
            j += 1;
            continue;
        }
        if toks[j].lex.is_role_core() {
            words.push(w);
            j += 1;
            last_core = Some(j);
            if j < b && toks[j].lower == "general" && lx::takes_general(w) {
                words.push("general");
                j += 1;
                last_core = Some(j);
            }
            continue;
        }
        // "Commerce Minister", "Tourism Minister": a capitalised portfolio just before
        // "Minister" is the title's (the country then comes from the words before it).
        // ("Agriculture Secretary" is left to the department rules: it names the department.)
        // (the cheap test first: role_at is asked at most words of a text)
        if last_core.is_none()
            && toks.get(j + 1).is_some_and(|t| j + 1 < b && t.lower == "minister")
            && toks[j].is_cap()
            && PORTFOLIOS.contains(&w)
        {
            words.push(w);
            j += 1;
            continue;
        }
        // "Deputy Prime Minister", "Assistant Chief Constable": a deputy's title goes on
        let deputy = last_core.is_some_and(|e: usize| e == j && matches!(toks[e - 1].lower.as_str(), "deputy" | "vice" | "assistant" | "associate" | "acting"));
        if toks[j].lex.is_role_modifier() && (last_core.is_none() || deputy) {
            words.push(w);
            j += 1;
            continue;
        }
        break;
    }
    // "Secretary of State", "Minister of Health", "Secretary of the Treasury": a portfolio
    // named after "of" belongs to the title when a name or a clause boundary follows it
    if let Some(e) = last_core.filter(|&e| matches!(toks[e - 1].lower.as_str(), "secretary" | "minister") && e + 1 < b && toks[e].lower == "of") {
        let p = if toks[e + 1].lower == "the" { e + 2 } else { e + 1 };
        if p < b && PORTFOLIOS.contains(&toks[p].lower.as_str()) && toks[p].is_cap() {
            let next = toks.get(p + 1);
            let ends = next.is_none_or(|t| p + 1 >= b || t.kind == TokenKind::Punct || t.is_cap() || matches!(t.lower.as_str(), "and" | "said" | "says" | "met" | "will" | "has" | "was" | "is"));
            // "Minister of State for Trade Policy Ravi Kumar": the portfolio after "for" is
            // part of the title when a known given name (or the clause's end) follows it
            if !ends && next.is_some_and(|t| t.lower == "for") {
                let portfolio_word = |x: usize| toks[x].is_cap() && toks[x].kind == TokenKind::Word && !toks[x].lex.has(lx::HEAD) && !gazetteer::is_given_name(&toks[x].text);
                // the run may end with the portfolio ("the Secretary of State for Health said")
                let q = (p + 2..(p + 7).min(b)).find(|&x| !portfolio_word(x)).or_else(|| (b <= p + 7).then_some(b));
                let closes = |q: usize| q > p + 2 && (q >= b || gazetteer::is_given_name(&toks[q].text) || is_name_title(&toks[q]) || matches!(toks[q].lower.as_str(), "," | "said" | "says" | "in" | "at"));
                if let Some(q) = q.filter(|&q| closes(q)) {
                    let words: Vec<&str> = toks[i..q].iter().map(|t| t.lower.as_str()).collect();
                    let core: Vec<&str> = toks[i..e].iter().map(|t| t.lower.as_str()).collect();
                    let kind = lx::classify_role(&core)?;
                    return Some((q, Role { words: words.join(" "), kind }));
                }
            }
            // "Minister of Fisheries, Aquatic and Ocean Resources Hon. Ravi Sen": a list of
            // portfolios, when a name follows it
            if next.is_some_and(|t| t.lower == ",") {
                if let Some((_, q)) = comma_list_end(toks, p + 1, b) {
                    let named = q < b && (toks[q].lex.is_honorific() || is_name_title(&toks[q]) || gazetteer::is_given_name(&toks[q].text) || toks[q].lower == "," && toks.get(q + 1).is_some_and(|t| q + 1 < b && (t.lex.is_honorific() || is_name_title(t))));
                    if named {
                        let words: Vec<&str> = toks[i..q].iter().map(|t| t.lower.as_str()).filter(|w| *w != ",").collect();
                        let core: Vec<&str> = toks[i..e].iter().map(|t| t.lower.as_str()).collect();
                        let kind = lx::classify_role(&core)?;
                        return Some((q, Role { words: words.join(" "), kind }));
                    }
                }
            }
            if ends && !next.is_some_and(|t| t.lex.has(lx::HEAD)) {
                let words: Vec<&str> = toks[i..=p].iter().map(|t| t.lower.as_str()).collect();
                let core: Vec<&str> = words.iter().copied().filter(|w| *w != "of" && *w != "the").collect();
                let kind = lx::classify_role(&core[..core.len() - 1])?;
                return Some((p + 1, Role { words: words.join(" "), kind }));
            }
        }
    }
    // "Chief Technology Officer", "chief operating officer": a portfolio inside the title
    if last_core == Some(i + 1) && toks[i].lower == "chief" {
        if let Some(o) = (i + 2..(i + 4).min(b)).find(|&x| toks[x].lower == "officer") {
            if toks[i + 1..o].iter().all(|t| t.kind == TokenKind::Word && !t.lex.is_role_core()) {
                let words: Vec<&str> = toks[i..=o].iter().map(|t| t.lower.as_str()).collect();
                // the chief executive runs the company; a chief technology officer works there
                let kind = if words.contains(&"executive") { RoleKind::Top } else { RoleKind::Staff };
                return Some((o + 1, Role { words: words.join(" "), kind }));
            }
        }
    }
    let end = last_core?;
    // "fellow citizens", "a senior analyst says": these cores are titles only when written
    // as one ("Senior Fellow") or tied to a body ("fellow at the institute")
    if matches!(toks[end - 1].lower.as_str(), "fellow" | "researcher" | "scientist" | "lecturer" | "economist" | "analyst" | "engineer")
        && !toks[end - 1].is_cap()
        && !toks.get(end).is_some_and(|t| end < b && matches!(t.lower.as_str(), "of" | "at" | "with"))
    {
        return None;
    }
    let n = end - i;
    let words: Vec<&str> = words[..n].to_vec();
    // "General" alone is an honorific; "Head" at a sentence start is usually a verb-ish heading.
    let kind = lx::classify_role(&words)?;
    let cap_mixed = toks[i..end].iter().any(|t| t.is_cap()) && toks[i..end].iter().any(|t| !t.is_cap());
    if cap_mixed {
        // "the Azerbaijani Ambassador" fine; but "former President" mixes: allow lower modifiers only.
        if toks[i..end].iter().skip_while(|t| !t.is_cap()).any(|t| !t.is_cap() && t.lower != "general") {
            return None;
        }
    }
    Some((end, Role { words: words.join(" "), kind }))
}

/// "President and CEO", "founder & chief executive": coordinated titles are one role,
/// so every rule that reads a role reads them. The top post decides the kind.
fn join_coordinated_roles(items: Vec<Item>) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    let mut it = items.into_iter().peekable();
    while let Some(item) = it.next() {
        let joinable = |o: &[Item]| o.len() >= 2 && o[o.len() - 1].is("and") | o[o.len() - 1].is("&") && o[o.len() - 2].role().is_some();
        if let (ItemKind::Role(r2), true) = (&item.kind, joinable(&out)) {
            let _and = out.pop();
            let prev = out.last_mut().unwrap();
            if let ItemKind::Role(r1) = &mut prev.kind {
                r1.words = format!("{} and {}", r1.words, r2.words);
                if r2.kind == RoleKind::Top {
                    r1.kind = RoleKind::Top;
                }
                prev.tok_end = item.tok_end;
            }
            continue;
        }
        out.push(item);
    }
    out
}

fn word_item(toks: &[Token], i: usize) -> Item {
    let kind = if toks[i].kind == TokenKind::Punct { ItemKind::Punct } else { ItemKind::Word };
    Item { kind, tok_start: i, tok_end: i + 1, lower: toks[i].lower.clone() }
}

/// End of a place name from the gazetteer starting at `i` (longest match).
fn place_at(toks: &[Token], i: usize, b: usize) -> Option<(usize, gazetteer::Place)> {
    let max = gazetteer::max_place_words().min(b.saturating_sub(i));
    (1..=max).rev().find_map(|n| gazetteer::place(&text_of(toks, i, i + n)).map(|p| (i + n, p)))
}

/// "of ministers and high-ranking officials in charge of media and information of the
/// Economic Community of West African States (ECOWAS)": an event's "of" chain, up to a clause boundary.
/// End of a capitalised name after an occasion's "of": "of the Council of Heads of State",
/// "of the India–Sweden Joint Commission for Economic, Industrial and Scientific Cooperation".
/// None when no name follows, or when it is only a place ("the summit of Russia and ...").
fn cap_chain_end(toks: &[Token], e: usize, b: usize) -> Option<usize> {
    let mut x = e + 1;
    if x < b && toks[x].lower == "the" {
        x += 1;
    }
    if x >= b || !name_word(&toks[x]) || toks[x].kind != TokenKind::Word {
        return None;
    }
    // "a meeting of Acting President of Nordvik X and ...": titled people, not a body
    if toks[x].lex.is_role_core() || matches!(toks[x].lower.as_str(), "acting" | "interim" | "deputy" | "vice") {
        return None;
    }
    let first = x;
    let mut last = None;
    let mut head_for = false;
    while x < b {
        let t = &toks[x];
        if name_word(t) {
            x += 1;
            last = Some(x);
            continue;
        }
        let next_name = toks.get(x + 1).is_some_and(|n| x + 1 < b && name_word(n));
        if is_connector(t.lower.as_str()) && !t.is_cap() && t.lower != "and" && next_name
            || t.lower == "the" && x > 0 && toks[x - 1].lower == "of" && next_name
        {
            if matches!(t.lower.as_str(), "for" | "of" | "on") && x > 0 && toks[x - 1].lex.has(lx::HEAD) {
                head_for = true;
            }
            x += 1;
            continue;
        }
        if t.lower == "and" && next_name && !toks[x + 1].lex.has(lx::HEAD) && gazetteer::place(&toks[x + 1].text).is_none() {
            x += 1;
            continue;
        }
        if t.lower == "-" && !t.space_before && next_name && !toks[x + 1].space_before {
            x += 1;
            continue;
        }
        // "(BNC)": a defined acronym
        if t.lower == "(" && toks.get(x + 2).is_some_and(|c| x + 2 < b && c.lower == ")") && toks[x + 1].is_upper() {
            x += 3;
            last = Some(x);
            continue;
        }
        // "for Economic, Industrial and Scientific Cooperation": a list inside the name
        if t.lower == "," && head_for && next_name {
            let mut y = x + 1;
            let mut ok = false;
            while y < b && y < x + 12 {
                if name_word(&toks[y]) && gazetteer::place(&toks[y].text).is_none() {
                    y += 1;
                } else if toks[y].lower == "," && toks.get(y + 1).is_some_and(name_word) {
                    y += 1;
                } else if toks[y].lower == "and" && toks.get(y + 1).is_some_and(name_word) {
                    ok = true;
                    break;
                } else {
                    break;
                }
            }
            if ok {
                x += 1;
                continue;
            }
        }
        break;
    }
    let last = last?;
    // the name is only a place: "the summit of Russia", "a meeting of Kazakh ..."
    let name = text_of(toks, first, last);
    if gazetteer::place(&name).is_some() || last == first + 1 && gazetteer::demonym_country(&toks[first].text).is_some() {
        return None;
    }
    Some(last)
}

/// Where a name goes on past the comma at `c` (the run began at `i`), if it does:
/// - a list inside the name: "the Nordvik Educational, Scientific and Cultural Organization",
///   "the Federation of State, County and Municipal Workers", "Ministry of Education, Science
///   and Culture": single capitalised words, then "and" and the words that end the name, which
///   end in a body's head word, or the run before the comma is "BODY of ...";
/// - a body's branch: "the Reserve Bank of Skarn City, Vennick Branch".
/// The rest of a list of capitalised words from the comma at `c`: ", Word (, Word)* (,) and
/// Word…" (one to three words after "and"), as the "and" and the list's end.
fn comma_list_end(toks: &[Token], c: usize, b: usize) -> Option<(usize, usize)> {
    let word = |x: usize| x < b && name_word(&toks[x]) && toks[x].kind == TokenKind::Word && !toks[x].is_upper();
    let plain = |x: usize| word(x) && gazetteer::place(&toks[x].text).is_none() && !gazetteer::is_given_name(&toks[x].text) && !toks[x].lex.is_role_core();
    let mut x = c;
    while x < b && toks[x].lower == "," && plain(x + 1) && !word(x + 2) {
        x += 2;
    }
    if x > c && x < b && toks[x].lower == "," && x + 1 < b && toks[x + 1].lower == "and" {
        x += 1;
    }
    if x > c && x < b && toks[x].lower == "and" && plain(x + 1) {
        // (a title or a given name after the list begins a person's name)
        let mut end = x + 2;
        while word(end) && !is_name_title(&toks[end]) && !gazetteer::is_given_name(&toks[end].text) {
            end += 1;
        }
        return (end - (x + 1) <= 3).then_some((x, end));
    }
    None
}

fn comma_inside_name(toks: &[Token], i: usize, c: usize, b: usize) -> Option<usize> {
    let word = |x: usize| x < b && name_word(&toks[x]) && toks[x].kind == TokenKind::Word && !toks[x].is_upper();
    let before = &toks[c - 1];
    if c < i + 2 || !word(c - 1) || gazetteer::place(&before.text).is_some() {
        return None;
    }
    // the end of the capitalised words from x
    let run_end = |mut x: usize| {
        while word(x) {
            x += 1;
        }
        x
    };
    let body_of = (i..c).any(|x| toks[x].lower == "of" && x > i && toks[x - 1].lex.has(lx::ORG));
    // a title's portfolios: "Minister of Fisheries, Aquatic and Ocean Resources Hon. Ravi Sen"
    let title_of = (i..c).any(|x| toks[x].lex.is_role_core() && toks.get(x + 1).is_some_and(|t| t.lower == "of"));
    if title_of {
        if let Some((_, end)) = comma_list_end(toks, c, b) {
            if end < b && (is_name_title(&toks[end]) || gazetteer::is_given_name(&toks[end].text)) {
                return Some(end);
            }
        }
    }
    // a list: ", Word (, Word)* (,) and Word… HEAD"
    if !before.lex.has(lx::ORG) {
        if let Some((and, end)) = comma_list_end(toks, c, b) {
            if toks[end - 1].lex.has(lx::ORG) || body_of && end <= and + 3 {
                return Some(end);
            }
        }
    }
    // a branch: ", Words Branch"
    if (i..c).any(|x| toks[x].lex.has(lx::ORG)) && word(c + 1) {
        let end = run_end(c + 1);
        let last = toks[end - 1].lower.as_str();
        // (not "Chair of the Board, Skarn Chapter, Vennick Anglers": a branch of what follows)
        let stops = end >= b || toks[end].kind != TokenKind::Word && !(toks[end].lower == "," && word(end + 1));
        if end - (c + 1) <= 4 && end > c + 2 && stops && matches!(last, "branch" | "campus" | "chapter" | "division") {
            return Some(end);
        }
    }
    None
}

/// End of the subject after an occasion's head, from `e`: "on the protection of cultural
/// heritage", "dedicated to cooperation". Stops before
/// a place, a time or a verb; None when there is no subject or it is a date ("on Monday").
fn topic_end(toks: &[Token], e: usize, b: usize, head: &str) -> Option<usize> {
    let w = |x: usize| toks.get(x).filter(|_| x < b).map(|t| t.lower.as_str()).unwrap_or("");
    // ("with": "a roundtable with investors, including X, Y" lists who attended)
    let start = match w(e) {
        "on" => e + 1,
        "dedicated" | "devoted" if w(e + 1) == "to" => e + 2,
        _ => return None,
    };
    if !matches!(head, "seminar" | "conference" | "forum" | "workshop" | "symposium" | "roundtable" | "round-table" | "summit" | "exhibition" | "dialogue" | "discussion" | "debate" | "congress" | "convention" | "festival" | "session" | "hackathon") {
        return None;
    }
    let timeish = |t: &Token| t.kind == TokenKind::Number || crate::extract::dates::month(&t.lower).is_some() || crate::extract::dates::is_weekday(&t.lower) || matches!(t.lower.as_str(), "sidelines" | "margins" | "margin" | "occasion" | "behalf" | "today" | "tomorrow" | "yesterday");
    // ("on improving access in rural areas": after a verb's -ing, "in" is the subject's)
    let gerund = toks.get(start).is_some_and(|t| t.lower.len() > 5 && t.lower.ends_with("ing"));
    let mut x = start;
    while x < b && x < start + 9 {
        if gerund && t_is(toks, x, "in") {
            x += 1;
            continue;
        }
        let t = &toks[x];
        let stop = t.kind != TokenKind::Word && t.lower != "-" && t.lower != "'s"
            || timeish(t)
            || matches!(t.lower.as_str(), "in" | "at" | "on" | "during" | "last" | "this" | "next" | "which" | "that" | "who" | "where" | "when" | "was" | "were" | "is" | "are" | "be" | "been" | "has" | "have" | "had" | "will" | "would" | "held" | "for" | "by" | "from" | "organised" | "organized" | "hosted" | "as" | "with" | "after" | "before" | "since" | "until" | "said" | "says")
            || t.lower == "to" && matches!(w(x + 1), "be" | "take" | "discuss" | "mark" | "celebrate" | "promote" | "explore" | "address" | "review")
            // "on the New Climate Economy facilitated ...": a verb after the subject's noun
            || x > start && t.lower.len() > 4 && t.lower.ends_with("ed") && !t.is_cap() && !matches!(toks[x - 1].lower.as_str(), "the" | "a" | "an" | "of" | "and" | "for");
        if stop {
            break;
        }
        x += 1;
    }
    // a subject that ends in a noun, not in "the", "of" or "and"
    while x > start && matches!(toks[x - 1].lower.as_str(), "the" | "a" | "an" | "of" | "and" | "-" | "'s" | "its" | "their") {
        x -= 1;
    }
    // (a subject begins in lower case: "on Capitol Hill" is where, "on President X's
    // efforts" holds a name the sentence needs)
    (x > start && !toks[start].is_cap() && !timeish(&toks[start]) && !(x == start + 1 && matches!(toks[start].lower.as_str(), "the" | "a"))).then_some(x)
}

fn t_is(toks: &[Token], x: usize, w: &str) -> bool {
    toks.get(x).is_some_and(|t| t.lower == w)
}

fn of_chain_end(toks: &[Token], mut e: usize, b: usize) -> usize {
    while e < b {
        let w = toks[e].lower.as_str();
        if w == "in" && toks.get(e + 1).is_some_and(|t| t.lower == "charge") {
            e += 2;
            continue;
        }
        if matches!(w, "," | "." | ";" | ":" | "in" | "on" | "at" | "with" | "to" | "which" | "that" | "who" | "was" | "were" | "is" | "are" | "will" | "took" | "takes" | "held" | "\"" | "-" | "from" | "during" | "by" | "after" | "before" | "since" | "until") {
            break;
        }
        if w == "(" {
            // keep a defined acronym: "(OTS)"
            if toks.get(e + 2).is_some_and(|t| t.lower == ")") && toks[e + 1].is_upper() {
                e += 3;
                continue;
            }
            break;
        }
        e += 1;
    }
    e
}

/// End of the short noun phrase a ceremony opens, from `e` (after "of the"): "new Russian
/// airbase", "corporate headquarters"; up to four words, no preposition, list or clause.
fn what_is_opened_end(toks: &[Token], e: usize, b: usize) -> Option<usize> {
    let mut x = e;
    while x < b && x < e + 4 {
        let t = &toks[x];
        if t.kind != TokenKind::Word || is_connector(t.lower.as_str()) || matches!(t.lower.as_str(), "in" | "near" | "at" | "on" | "by" | "with" | "which" | "that" | "who" | "was" | "is" | "'s") {
            break;
        }
        x += 1;
    }
    // (the phrase ends in a noun the sentence goes on from, not mid-way: "of the new")
    let stop = |t: &Token| t.kind != TokenKind::Word || matches!(t.lower.as_str(), "in" | "near" | "at" | "on" | "by" | "with" | "which" | "that" | "was" | "is" | "and");
    (x > e && x < b && stop(&toks[x])).then_some(x)
}

/// End of the name phrase after "monument to" / "named after": "the great leader X",
/// "national leader X", "X". Stops at a preposition or punctuation.
fn person_phrase_end(toks: &[Token], mut e: usize, b: usize) -> usize {
    while e < b {
        let t = &toks[e];
        let ok = t.kind == TokenKind::Word
            && !matches!(t.lower.as_str(), "in" | "on" | "at" | "as" | "and" | "with" | "which" | "that" | "near" | "by" | "from")
            || t.lower == "'s";
        if !ok {
            break;
        }
        e += 1;
    }
    e
}
