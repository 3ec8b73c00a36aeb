//! The data types the stages pass to each other: `Article` → `Analysis` (sentences,
//! mentions, local entities) → `Fact`s and `Quote`s. Offsets are byte offsets into the
//! article's original text; the store turns them into character offsets.

use std::fmt;
use std::str::FromStr;

/// One article as read from disk, before analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// File name, or the `id` of a JSONL record.
    pub id: String,
    /// Where it came from: a path, or `path:line` for JSONL.
    pub path: String,
    /// The original text, exactly as read (after JSON unescaping for JSONL).
    pub text: String,
    /// blake3 of `text`, hex: the content key that makes rebuilds idempotent.
    pub hash: String,
    pub title: Option<String>,
    /// ISO date (`2023-09-19`) when the input or the text gives one.
    pub published: Option<String>,
    /// News agency: "Reuters", "Xinhua", ...
    pub source: Option<String>,
    /// The text with page furniture blanked out, with a map back to `text`.
    pub clean: CleanText,
    /// Words of the cleaned text (whitespace-separated).
    pub words: usize,
}

/// Cleaned text plus the way back to the original. Built from pieces of the original
/// (kept verbatim) and replacements (an HTML entity decoded, a tag turned into a space).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CleanText {
    pub text: String,
    /// (offset in `text`, offset in the original) at the start of every piece, sorted.
    pub map: Vec<(usize, usize)>,
}

impl CleanText {
    /// Cleaned text identical to the original.
    pub fn verbatim(original: &str) -> Self {
        CleanText { text: original.to_string(), map: vec![(0, 0)] }
    }

    /// Original byte offset of a byte offset in the cleaned text.
    pub fn to_original(&self, clean_offset: usize) -> usize {
        let i = match self.map.binary_search_by_key(&clean_offset, |&(c, _)| c) {
            Ok(i) => i,
            Err(0) => return clean_offset,
            Err(i) => i - 1,
        };
        let (c, o) = self.map[i];
        o + (clean_offset - c)
    }
}

/// Entity types of spec/ontology.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    Person,
    Org,
    Gpe,
    Loc,
    Fac,
    Event,
    Group,
    Work,
    Date,
}

impl EntityType {
    pub const ALL: [EntityType; 9] = [
        EntityType::Person,
        EntityType::Org,
        EntityType::Gpe,
        EntityType::Loc,
        EntityType::Fac,
        EntityType::Event,
        EntityType::Group,
        EntityType::Work,
        EntityType::Date,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Fac => "FAC",
            EntityType::Event => "EVENT",
            EntityType::Group => "GROUP",
            EntityType::Work => "WORK",
            EntityType::Date => "DATE",
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntityType {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        EntityType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("unknown entity type {s:?}"))
    }
}

/// The 21 predicates of spec/ontology.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Predicate {
    Attended,
    ObserverAt,
    SpokeAt,
    HeldIn,
    HeldOn,
    OrganizedBy,
    LocatedIn,
    BasedIn,
    Heads,
    WorksFor,
    MemberOf,
    Represents,
    MetWith,
    Visited,
    TwinnedWith,
    PartnerOf,
    SignedAgreementWith,
    PublishedIn,
    DedicatedTo,
    NamedAfter,
    PartOf,
}

impl Predicate {
    pub const ALL: [Predicate; 21] = [
        Predicate::Attended,
        Predicate::ObserverAt,
        Predicate::SpokeAt,
        Predicate::HeldIn,
        Predicate::HeldOn,
        Predicate::OrganizedBy,
        Predicate::LocatedIn,
        Predicate::BasedIn,
        Predicate::Heads,
        Predicate::WorksFor,
        Predicate::MemberOf,
        Predicate::Represents,
        Predicate::MetWith,
        Predicate::Visited,
        Predicate::TwinnedWith,
        Predicate::PartnerOf,
        Predicate::SignedAgreementWith,
        Predicate::PublishedIn,
        Predicate::DedicatedTo,
        Predicate::NamedAfter,
        Predicate::PartOf,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Predicate::Attended => "attended",
            Predicate::ObserverAt => "observer_at",
            Predicate::SpokeAt => "spoke_at",
            Predicate::HeldIn => "held_in",
            Predicate::HeldOn => "held_on",
            Predicate::OrganizedBy => "organized_by",
            Predicate::LocatedIn => "located_in",
            Predicate::BasedIn => "based_in",
            Predicate::Heads => "heads",
            Predicate::WorksFor => "works_for",
            Predicate::MemberOf => "member_of",
            Predicate::Represents => "represents",
            Predicate::MetWith => "met_with",
            Predicate::Visited => "visited",
            Predicate::TwinnedWith => "twinned_with",
            Predicate::PartnerOf => "partner_of",
            Predicate::SignedAgreementWith => "signed_agreement_with",
            Predicate::PublishedIn => "published_in",
            Predicate::DedicatedTo => "dedicated_to",
            Predicate::NamedAfter => "named_after",
            Predicate::PartOf => "part_of",
        }
    }

    /// Holds both ways; stored once.
    pub fn is_symmetric(self) -> bool {
        matches!(
            self,
            Predicate::MetWith
                | Predicate::TwinnedWith
                | Predicate::PartnerOf
                | Predicate::SignedAgreementWith
        )
    }
}

impl fmt::Display for Predicate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Predicate {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Predicate::ALL
            .into_iter()
            .find(|p| p.as_str() == s)
            .ok_or_else(|| format!("unknown predicate {s:?}"))
    }
}

/// A sentence of the cleaned text. Offsets are into `Article::clean.text`.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub idx: usize,
    pub start: usize,
    pub end: usize,
}

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// A proper name: "Grace Wanjiru", "Kenya Wildlife Service".
    Name,
    /// A bare family name standing for a person named earlier: "Wanjiru said".
    Surname,
    /// An acronym: "ECOWAS" after "Economic Community of West African States (ECOWAS)".
    Acronym,
    /// he, she, his, its, they
    Pronoun,
    /// A definite description: "the forum", "the executive director", "the delegation".
    Description,
}

impl MentionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Name => "name",
            MentionKind::Surname => "surname",
            MentionKind::Acronym => "acronym",
            MentionKind::Pronoun => "pronoun",
            MentionKind::Description => "description",
        }
    }
}

/// A span of the cleaned text that speaks of an entity of the article.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: MentionKind,
    /// Index into `Analysis::entities`.
    pub entity: usize,
}

/// Something one article speaks of: the target of its mentions after coreference.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalEntity {
    pub etype: EntityType,
    /// The fullest name the article uses.
    pub name: String,
    /// Every name form the article uses (for aliases).
    pub names: Vec<String>,
    /// What ties a generic name down: a delegation's event, so two delegations of one
    /// country to different events stay apart. Empty when nothing does.
    pub context: String,
}

/// Whether a statement says something happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Modality {
    Asserted,
    Planned,
    Hedged,
    Negated,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Planned => "planned",
            Modality::Hedged => "hedged",
            Modality::Negated => "negated",
        }
    }
}

/// The object of a fact: another entity of the article, or a date value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FactObject {
    Entity(usize),
    Date(String),
}

/// A candidate fact with its evidence. Entities are indexes into `Analysis::entities`.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub sentence: usize,
    pub subject: usize,
    pub predicate: Predicate,
    pub object: FactObject,
    pub role: Option<String>,
    pub detail: Option<String>,
    pub confidence: f64,
    /// Id of the rule that fired, e.g. `role.apposition`.
    pub rule: &'static str,
    pub modality: Modality,
    /// Span in the cleaned text of the words the rule matched.
    pub start: usize,
    pub end: usize,
}

/// Words in quotation marks attributed to a speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub sentence: usize,
    pub speaker: Option<usize>,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Everything one article yields: the output of analyse + extract for one article.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Analysis {
    pub sentences: Vec<Sentence>,
    pub entities: Vec<LocalEntity>,
    pub mentions: Vec<Mention>,
    pub facts: Vec<Fact>,
    pub quotes: Vec<Quote>,
}

/// (subject, predicate, object) of a fact as names: for display and tests.
pub fn fact_names(a: &Analysis, f: &Fact) -> (String, Predicate, String) {
    let o = match &f.object {
        FactObject::Entity(o) => a.entities[*o].name.clone(),
        FactObject::Date(d) => d.clone(),
    };
    (a.entities[f.subject].name.clone(), f.predicate, o)
}
