//! The extract stage: rules read each sentence's items (mentions, roles, words) and
//! propose facts with evidence. Every rule has an id, a plain description and an example
//! sentence (see `RULES`), which `newsgraph explain` shows.

pub mod dates;
mod rules;

use crate::analyse::lexicon::RoleKind;
use crate::analyse::mentions::Item;
use crate::analyse::Doc;
use crate::model::{Analysis, EntityType, Fact, FactObject, Modality, Predicate, Quote};
pub use rules::RULES;

const ORDINALS: &[&str] = &["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "annual"];

/// A rule: what it reads and an example of a sentence it fires on.
pub struct RuleInfo {
    pub id: &'static str,
    pub reads: &'static str,
    pub example: &'static str,
    pub confidence: f64,
}

/// Looks a rule up by id.
pub fn rule(id: &str) -> Option<&'static RuleInfo> {
    RULES.iter().find(|r| r.id == id)
}

/// Runs every rule over every sentence, then keeps one copy of each fact per article.
pub fn extract(doc: &Doc, clean: &str, analysis: &mut Analysis) {
    let mut unplaced = Vec::new();
    for si in 0..doc.items.len() {
        // every fact's subject is a mention of its sentence: a sentence without one (a
        // third of a corpus's) gives none
        if !doc.items[si].iter().any(|it| it.mention().is_some()) {
            continue;
        }
        let mut cx = Ctx::new(doc, clean, si, &doc.items[si]);
        rules::run_all(&mut cx);
        analysis.facts.append(&mut cx.facts);
        analysis.quotes.append(&mut cx.quotes);
        unplaced.append(&mut cx.unplaced);
    }
    if let Some(event) = article_event(analysis).filter(|_| !unplaced.is_empty()) {
        for mut f in unplaced {
            if f.subject != event {
                f.object = FactObject::Entity(event);
                analysis.facts.push(f);
            }
        }
    }
    analysis.quotes = rules::quotations(doc, clean);
    attend_by_speaking(clean, analysis);
    infer_parent_base(&mut analysis.facts);
    dedupe(&mut analysis.facts);
}

/// Who spoke at an event was there, unless the sentence says the speech came by video or
/// recording ("addressed the summit by video link", "in a recorded message").
fn attend_by_speaking(clean: &str, analysis: &mut Analysis) {
    let mut new = Vec::new();
    for f in analysis.facts.iter().filter(|f| f.predicate == Predicate::SpokeAt) {
        let sentence = analysis.sentences.get(f.sentence).and_then(|s| clean.get(s.start..s.end)).unwrap_or("").to_lowercase();
        if ["video", "virtual", "online", "recorded", "remotely", "by phone", "telephone", "message"].iter().any(|w| sentence.contains(w)) {
            continue;
        }
        new.push(Fact { predicate: Predicate::Attended, rule: "attend.by_speaking", confidence: rule::confidence("attend.by_speaking"), role: None, detail: None, ..f.clone() });
    }
    analysis.facts.extend(new);
}

/// The one event an article is about: the one it says was held somewhere, some day or by
/// someone, else the only event it names. None when it tells of several.
fn article_event(analysis: &Analysis) -> Option<usize> {
    let mut held: Vec<usize> = analysis
        .facts
        .iter()
        .filter(|f| matches!(f.predicate, Predicate::HeldIn | Predicate::HeldOn | Predicate::OrganizedBy) && f.modality == Modality::Asserted)
        .map(|f| f.subject)
        .collect();
    held.sort_unstable();
    held.dedup();
    match held.as_slice() {
        [one] => Some(*one),
        // else the event it names most often (twice at least), if no other is named as often
        [] => {
            // (not a war or a crisis: no one speaks at those)
            let venue = |e: &crate::model::LocalEntity| {
                e.etype == EntityType::Event && !e.name.rsplit(' ').next().is_some_and(|w| matches!(w.to_lowercase().as_str(), "war" | "wars" | "revolution" | "pandemic" | "crisis" | "genocide" | "holocaust" | "attack" | "attacks" | "earthquake"))
            };
            let mut count: Vec<(usize, usize)> = Vec::new();
            for m in &analysis.mentions {
                if analysis.entities.get(m.entity).is_some_and(venue) {
                    match count.iter_mut().find(|c| c.0 == m.entity) {
                        Some(c) => c.1 += 1,
                        None => count.push((m.entity, 1)),
                    }
                }
            }
            let top = count.iter().map(|c| c.1).max().filter(|&t| t >= 2)?;
            let mut best = count.iter().filter(|c| c.1 == top);
            let first = best.next()?;
            best.next().is_none().then_some(first.0)
        }
        _ => None,
    }
}

/// A unit is where its parent is: "the Agency under the Administration of the President of
/// the Republic of X" → the Agency is based in X too.
fn infer_parent_base(facts: &mut Vec<Fact>) {
    let mut new = Vec::new();
    for f in facts.iter().filter(|f| f.predicate == Predicate::PartOf && f.modality == Modality::Asserted) {
        let FactObject::Entity(parent) = f.object else { continue };
        for b in facts.iter().filter(|b| b.predicate == Predicate::BasedIn && b.subject == parent) {
            new.push(Fact { subject: f.subject, predicate: Predicate::BasedIn, object: b.object.clone(), rule: "based.via_parent", confidence: rule::confidence("based.via_parent"), role: None, detail: None, ..f.clone() });
        }
    }
    facts.extend(new);
}

/// Same (subject, predicate, object) in one article: keep the most confident statement,
/// and its role/detail if the kept one has none.
fn dedupe(facts: &mut Vec<Fact>) {
    let mut kept: Vec<Fact> = Vec::new();
    for f in facts.drain(..) {
        let same = kept.iter().position(|k| {
            k.predicate == f.predicate
                && k.modality == f.modality
                && (k.subject == f.subject && k.object == f.object
                    || f.predicate.is_symmetric() && FactObject::Entity(k.subject) == f.object && k.object == FactObject::Entity(f.subject))
        });
        match same {
            Some(i) => {
                let k = &mut kept[i];
                if f.confidence > k.confidence {
                    let role = k.role.take();
                    let detail = k.detail.take();
                    *k = f;
                    k.role = k.role.take().or(role);
                    k.detail = k.detail.take().or(detail);
                } else {
                    if k.role.is_none() {
                        k.role = f.role;
                    }
                    if k.detail.is_none() {
                        k.detail = f.detail;
                    }
                }
            }
            None => kept.push(f),
        }
    }
    *facts = kept;
}

/// What a rule sees: one sentence.
pub(crate) struct Ctx<'a> {
    pub doc: &'a Doc,
    pub clean: &'a str,
    pub si: usize,
    pub items: &'a [Item],
    pub facts: Vec<Fact>,
    /// Facts whose object is the article's one event, which only the whole article tells.
    pub unplaced: Vec<Fact>,
    pub quotes: Vec<Quote>,
    /// Which verb lists have a phrase starting at each item, filled on first use.
    pub verb_starts: std::cell::OnceCell<Vec<u8>>,
}

impl<'a> Ctx<'a> {
    pub fn new(doc: &'a Doc, clean: &'a str, si: usize, items: &'a [Item]) -> Self {
        Ctx { doc, clean, si, items, facts: Vec::new(), unplaced: Vec::new(), quotes: Vec::new(), verb_starts: std::cell::OnceCell::new() }
    }

    /// The entity and type of the mention at item `k` (adjective demonyms excluded unless asked).
    pub fn ent(&self, k: usize) -> Option<(usize, EntityType)> {
        let it = self.items.get(k)?;
        let c = self.doc.cand_of(it)?;
        let e = self.doc.entity_of(it)?;
        if c.adjective {
            return None;
        }
        Some((e, c.etype))
    }

    /// Like `ent` but an adjective demonym counts as its country: "Azerbaijani President".
    pub fn ent_or_demonym(&self, k: usize) -> Option<(usize, EntityType)> {
        let it = self.items.get(k)?;
        let c = self.doc.cand_of(it)?;
        Some((self.doc.entity_of(it)?, c.etype))
    }

    pub fn is(&self, k: usize, word: &str) -> bool {
        self.items.get(k).is_some_and(|i| i.is(word))
    }

    /// A quotation mark or a name's quote mark at `k`.
    pub fn is_quote(&self, k: usize) -> bool {
        self.items.get(k).is_some_and(|i| i.lower.starts_with('"'))
    }

    /// Words `ws` (space-separated) stand at `k`; returns the index after them.
    pub fn words_at(&self, k: usize, ws: &str) -> Option<usize> {
        let mut j = k;
        for w in ws.split(' ') {
            let ok = w.split('|').any(|alt| self.is(j, alt));
            if !ok {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    /// The item before `k`, behind a "the" / "a" / "an" (0 at the start).
    pub fn skip_back_det(&self, k: usize) -> usize {
        let j = k.saturating_sub(1);
        if j > 0 && (self.is(j, "the") || self.is(j, "a") || self.is(j, "an")) {
            j - 1
        } else {
            j
        }
    }

    /// Skips "the", "a", "an" and ordinals ("the eighth") at `k`.
    pub fn skip_det(&self, k: usize) -> usize {
        let mut j = k;
        if self.is(j, "the") || self.is(j, "a") || self.is(j, "an") {
            j += 1;
        }
        while self.items.get(j).is_some_and(|i| matches!(i.kind, crate::analyse::mentions::ItemKind::Word) && ORDINALS.contains(&i.lower.as_str())) {
            j += 1;
        }
        j
    }

    /// Skips what stands between a preposition and the name it governs: "the", ordinals,
    /// up to two lower-case modifiers ("the official Nordvik Wildlife Service") when a
    /// mention follows them, and "the city of".
    pub fn skip_to_name(&self, k: usize) -> usize {
        let j = self.skip_det(k);
        if matches!(self.items.get(j).map(|i| i.lower.as_str()), Some("city" | "town" | "village" | "capital" | "settlement" | "port" | "island")) && self.is(j + 1, "of") {
            return j + 2;
        }
        let modifier = |x: usize| {
            self.items.get(x).is_some_and(|i| i.role().is_some() && i.tok_end == i.tok_start + 1 || matches!(i.kind, crate::analyse::mentions::ItemKind::Word) && i.lower.chars().all(|c| c.is_lowercase() || c == '-') && !matches!(i.lower.as_str(), "of" | "in" | "at" | "on" | "and" | "to" | "the" | "for" | "by" | "with" | "from" | "as" | "or" | "who" | "which" | "that" | "said"))
        };
        for n in 1..=2 {
            if (j..j + n).all(modifier) && self.items.get(j + n).is_some_and(|i| i.mention().is_some()) {
                return j + n;
            }
        }
        j
    }

    /// The evidence span of items `[a, b)` in the cleaned text.
    pub fn span(&self, a: usize, b: usize) -> (usize, usize) {
        let b = b.min(self.items.len()).max(a + 1);
        let first = self.items[a].tok_start.min(self.doc.tokens.len() - 1);
        let last = self.items[b - 1].tok_end.max(self.items[b - 1].tok_start + 1).min(self.doc.tokens.len());
        (self.doc.tokens[first].start, self.doc.tokens[last - 1].end.max(self.doc.tokens[first].start))
    }

    /// Whether the clause around item `k` says the event is planned, hedged or negated.
    pub fn modality(&self, k: usize) -> Modality {
        let start = self.clause_start(k);
        let mut m = Modality::Asserted;
        let number = |x: Option<&crate::analyse::mentions::Item>| x.is_some_and(|i| !i.lower.is_empty() && i.lower.bytes().all(|b| b.is_ascii_digit()));
        for (x, it) in self.items.iter().enumerate().take(k.min(self.items.len())).skip(start) {
            // "May 19", "19 May": the month, not the modal
            if it.lower == "may" && (number(self.items.get(x + 1)) || x > 0 && number(self.items.get(x - 1))) {
                continue;
            }
            match it.lower.as_str() {
                "not" | "n't" | "never" | "no" | "neither" | "nor" | "denied" | "refused" | "failed" => return Modality::Negated,
                "will" | "shall" | "plans" | "planned" | "plan" | "intends" | "scheduled" | "expected" | "set" | "going" | "would" | "to" => {
                    if m == Modality::Asserted {
                        m = if it.lower == "to" { m } else { Modality::Planned };
                    }
                }
                "may" | "might" | "could" | "reportedly" | "allegedly" | "possibly" | "likely" | "if" | "unless" | "should" => m = Modality::Hedged,
                _ => {}
            }
        }
        m
    }

    /// Index of the first item of the clause holding item `k`.
    pub fn clause_start(&self, k: usize) -> usize {
        let mut j = k.min(self.items.len());
        while j > 0 {
            let w = self.items[j - 1].lower.as_str();
            if matches!(w, ";" | "that" | "which" | "who" | "while" | "whereas" | "but" | ":" | "when" | "because" | "although" | "where" | "whose" | "if" | "unless" | "since" | "\"") {
                break;
            }
            j -= 1;
        }
        j
    }

    /// The subject of a verb at item `k`: the first mention of an allowed type in its clause,
    /// or the antecedent of "who"/"which" just before the verb.
    pub fn subject_before(&self, k: usize, allowed: &[EntityType]) -> Option<(usize, usize)> {
        // "X, who arrived ...": the mention before ", who".
        let mut j = k;
        while j > 0 && matches!(self.items[j - 1].lower.as_str(), "also" | "then" | "later" | "has" | "have" | "had" | "was" | "were" | "is" | "are" | "been" | "being" | "recently" | "officially" | "already" | "will" | "would" | "not") {
            j -= 1;
        }
        if j > 0 && (self.is(j - 1, "who") || self.is(j - 1, "which")) {
            let mut a = j - 1;
            if a > 0 && self.is(a - 1, ",") {
                a -= 1;
            }
            if a > 0 {
                if let Some((e, t)) = self.ent(a - 1) {
                    if allowed.contains(&t) {
                        return Some((a - 1, e));
                    }
                }
            }
            return None;
        }
        let start = self.clause_start(k);
        // Skip a leading adverbial: "During the meeting, ...", "In July, ...".
        let mut from = start;
        if let Some(c) = (start..k).find(|&x| self.is(x, ",")) {
            let lead = &self.items[start];
            if matches!(lead.lower.as_str(), "during" | "at" | "in" | "on" | "after" | "before" | "then" | "later" | "following" | "earlier" | "meanwhile" | "also" | "delivering" | "speaking" | "addressing" | "opening") {
                from = c + 1;
            }
        }
        for x in from..k {
            if let Some((e, t)) = self.ent(x) {
                // "Russian Foreign Ministry Spokeswoman X": the body before a title is not the subject
                if self.items.get(x + 1).is_some_and(|i| i.role().is_some()) {
                    continue;
                }
                // "Deputy Head of the Office of the Prime Minister X took part": the title's
                // body is not the subject, the person after it is
                if t != EntityType::Person && allowed.contains(&EntityType::Person) && self.ent(x + 1).is_some_and(|(_, t2)| t2 == EntityType::Person) {
                    continue;
                }
                if allowed.contains(&t) {
                    return Some((x, e));
                }
                // a mention of another type as the clause's subject blocks the rule
                if x == from || x == self.skip_det(from) {
                    continue;
                }
            }
        }
        None
    }

    /// Objects after item `k`: a mention of an allowed type, then more joined by ",", "and",
    /// "as well as", skipping prepositional modifiers ("the monument in the park").
    pub fn objects_after(&self, k: usize, allowed: &[EntityType], limit: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut j = self.skip_to_name(k);
        if self.is_quote(j) {
            j += 1;
        }
        let end = (k + limit).min(self.items.len());
        while j < end {
            let Some((e, t)) = self.ent(j) else { break };
            // "the State Department's website": a possessor is not the object
            if !allowed.contains(&t) || self.is(j + 1, "'s") {
                break;
            }
            out.push((j, e));
            j += 1;
            // modifiers: <inner>...</inner>, "in/at/of the X"
            loop {
                if self.is(j, "<inner>") {
                    while j < self.items.len() && !self.is(j, "</inner>") {
                        j += 1;
                    }
                    j += 1;
                    continue;
                }
                if matches!(self.items.get(j).map(|i| i.lower.as_str()), Some("in" | "at" | "near" | "of" | "under")) {
                    let m = self.skip_det(j + 1);
                    if self.ent(m).is_some() {
                        j = m + 1;
                        continue;
                    }
                }
                break;
            }
            // list joiners
            let mut n = j;
            if self.is(n, ",") {
                n += 1;
            }
            if let Some(x) = self.words_at(n, "as well as") {
                n = x;
            } else if self.is(n, "and") {
                n += 1;
            }
            if n == j {
                break;
            }
            j = self.skip_det(n);
            if self.is_quote(j) {
                j += 1;
            }
        }
        out
    }

    pub fn emit(&mut self, subject: usize, predicate: Predicate, object: FactObject, rule: &'static str, at: (usize, usize)) -> Option<&mut Fact> {
        if let FactObject::Entity(o) = &object {
            if *o == subject {
                return None;
            }
        }
        let (start, end) = self.span(at.0, at.1);
        let confidence = rule::confidence(rule);
        // Roles, homes and geography do not depend on the tense of the sentence they are
        // read from ("will travel to Cairo, Egypt"); events and meetings do.
        let eventive = matches!(
            predicate,
            Predicate::Attended | Predicate::ObserverAt | Predicate::SpokeAt | Predicate::HeldIn | Predicate::HeldOn
                | Predicate::OrganizedBy | Predicate::MetWith | Predicate::Visited | Predicate::SignedAgreementWith
        );
        let modality = if eventive { self.modality(at.0.max(at.1.saturating_sub(1))) } else { Modality::Asserted };
        self.facts.push(Fact {
            sentence: self.si,
            subject,
            predicate,
            object,
            role: None,
            detail: None,
            confidence,
            rule,
            modality,
            start,
            end,
        });
        self.facts.last_mut()
    }

    /// `emit` of a fact whose object `extract` fills in with the article's one event.
    pub fn emit_unplaced(&mut self, subject: usize, rule: &'static str, at: (usize, usize)) {
        self.emit_unplaced_as(subject, Predicate::SpokeAt, rule, at);
    }

    /// A fact about the article's one event, which the sentence does not name (see `extract`).
    pub fn emit_unplaced_as(&mut self, subject: usize, predicate: Predicate, rule: &'static str, at: (usize, usize)) {
        if self.emit(subject, predicate, FactObject::Entity(usize::MAX), rule, at).is_some() {
            let f = self.facts.pop().expect("just emitted");
            self.unplaced.push(f);
        }
    }

    pub fn role_fact(&mut self, person: usize, kind: RoleKind, role: &str, target: (usize, EntityType), rule: &'static str, at: (usize, usize)) {
        let (t, ttype) = target;
        // "X, Nominee for Chair of the Board", "nominated to be Director of Y": a post not held
        let from = at.0.saturating_sub(3);
        if (from..at.1.min(self.items.len())).any(|x| matches!(self.items[x].lower.as_str(), "nominee" | "nominees" | "nominated" | "nomination" | "designate" | "candidate")) {
            return;
        }
        // "Ann Lee, Member, Skarn Board" listed under "announced his intent to appoint the
        // following": the post to be filled, not one held
        let listing = self.items.iter().all(|i| !matches!(i.kind, crate::analyse::mentions::ItemKind::Word) || matches!(i.lower.as_str(), "of" | "the" | "and" | "for" | "&" | "to" | "on"));
        if listing && (self.clean.contains("intent to appoint") || self.clean.contains("intent to nominate")) {
            return;
        }
        // "Director of Policy Planning", "Secretary of Foreign Affairs": a portfolio, not a body
        let mut names = self.doc.cands.iter().filter(|c| c.entity == t && matches!(c.kind, crate::model::MentionKind::Name | crate::model::MentionKind::Acronym)).peekable();
        if ttype == EntityType::Org && names.peek().is_some() && names.all(|c| portfolio_like(&c.name)) {
            return;
        }
        let pred = match (kind, ttype) {
            (RoleKind::Envoy, _) => Predicate::Represents,
            (RoleKind::Member, EntityType::Org | EntityType::Group) => Predicate::MemberOf,
            // a senator of a state acts for it; "U.S. Senator" says nothing about which state
            (RoleKind::Member, EntityType::Gpe) if self.doc.cands.iter().any(|c| c.entity == t && c.canonical.as_deref().and_then(crate::gazetteer::place).is_some_and(|p| p.kind == crate::gazetteer::PlaceKind::Country)) => return,
            (RoleKind::Member, EntityType::Gpe) => Predicate::Represents,
            (RoleKind::Top, EntityType::Org | EntityType::Group | EntityType::Gpe) => Predicate::Heads,
            // A minister heads a ministry but works for a government.
            (RoleKind::Staff, EntityType::Org) if role.ends_with("minister") && self.doc.cands.iter().any(|c| c.entity == t && c.head == "ministry") => Predicate::Heads,
            // "Secretary of Energy Ann Lee, U.S. Department of Energy": a secretary heads the
            // department (not a deputy, under or press secretary)
            (RoleKind::Staff, EntityType::Org)
                if (role == "secretary" || role.starts_with("secretary of ") || role.starts_with("cabinet secretary"))
                    && self.doc.cands.iter().any(|c| c.entity == t && (c.head == "department" || c.name.to_lowercase().contains("department of") || c.name.to_lowercase().contains("treasury"))) =>
            {
                Predicate::Heads
            }
            (RoleKind::Staff, EntityType::Org | EntityType::Gpe | EntityType::Group) => Predicate::WorksFor,
            _ => return,
        };
        if let Some(f) = self.emit(person, pred, FactObject::Entity(t), rule, at) {
            f.role = Some(role.to_string());
        }
    }
}

/// A name made only of ordinary words, with no word that names a body: "Foreign Affairs",
/// "Policy Planning", "U.S. Manufacturing".
fn portfolio_like(name: &str) -> bool {
    use crate::analyse::lexicon as lx;
    let acronym = name.split_whitespace().any(|w| w.len() >= 2 && !w.contains('.') && w.chars().all(|c| c.is_uppercase()));
    let words: Vec<String> = name.split_whitespace().map(|w| w.to_lowercase()).filter(|w| !matches!(w.as_str(), "of" | "and" | "for" | "the" | "&")).collect();
    !acronym
        && !words.is_empty()
        && words.len() <= 4
        && words.iter().all(|w| (lx::is_common_word(w) || w.ends_with('.') || PORTFOLIO_WORDS.contains(&w.as_str())) && !lx::has(lx::HEAD, w) && crate::gazetteer::place(w).is_none())
}

/// Words of portfolios that news writes in capitals, so the corpus never sees them lower-case.
const PORTFOLIO_WORDS: &[&str] = &["affairs", "relations", "policy", "planning", "cooperation", "development", "security", "programs", "programmes", "operations", "outreach", "engagement", "intelligence", "protocol", "staff", "communications", "national", "public", "international", "economic", "foreign"];

mod rule {
    pub fn confidence(id: &str) -> f64 {
        super::rule(id).map(|r| r.confidence).unwrap_or(0.5)
    }
}
