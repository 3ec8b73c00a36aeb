//! Closed word lists of English news: roles, honorifics, the head nouns that type a name,
//! reporting verbs. Everything here is about how news is written, never about who is in it.

use crate::fasthash::FastMap as HashMap;
use crate::smallstr::SmallStr;
use std::sync::OnceLock;

/// How a role relates its holder to the organisation or country it is "of".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleKind {
    /// Leads it: director, chairman, president, governor → `heads`.
    Top,
    /// Holds a post under the top one: deputy, spokesman, minister of a government → `works_for`.
    Staff,
    /// Acts for it abroad: ambassador, envoy → `represents`.
    Envoy,
    /// member → `member_of`.
    Member,
}

/// Core role nouns, with what holding them means.
const ROLE_CORES: &[(&str, RoleKind)] = &[
    ("president", RoleKind::Top),
    ("president-elect", RoleKind::Top),
    ("chairman", RoleKind::Top),
    ("chairwoman", RoleKind::Top),
    ("chairperson", RoleKind::Top),
    ("chair", RoleKind::Top),
    ("director", RoleKind::Top),
    ("director-general", RoleKind::Top),
    ("head", RoleKind::Top),
    ("chief", RoleKind::Top),
    ("ceo", RoleKind::Top),
    ("governor", RoleKind::Top),
    ("mayor", RoleKind::Top),
    ("king", RoleKind::Top),
    ("queen", RoleKind::Top),
    ("emir", RoleKind::Top),
    ("sultan", RoleKind::Top),
    ("leader", RoleKind::Top),
    ("rector", RoleKind::Top),
    ("founder", RoleKind::Top),
    ("commander", RoleKind::Top),
    ("premier", RoleKind::Top),
    ("chancellor", RoleKind::Top),
    ("editor-in-chief", RoleKind::Top),
    ("dean", RoleKind::Top),
    ("speaker", RoleKind::Top),
    ("secretary-general", RoleKind::Top),
    ("administrator", RoleKind::Top),
    ("commissioner", RoleKind::Top),
    ("minister", RoleKind::Staff),
    ("secretary", RoleKind::Staff),
    ("deputy", RoleKind::Staff),
    ("spokesman", RoleKind::Staff),
    ("spokeswoman", RoleKind::Staff),
    ("spokesperson", RoleKind::Staff),
    ("adviser", RoleKind::Staff),
    ("advisor", RoleKind::Staff),
    ("aide", RoleKind::Staff),
    ("correspondent", RoleKind::Staff),
    ("editor", RoleKind::Staff),
    ("official", RoleKind::Staff),
    ("officer", RoleKind::Staff),
    ("counselor", RoleKind::Staff),
    ("counsel", RoleKind::Staff),
    ("coordinator", RoleKind::Staff),
    ("manager", RoleKind::Staff),
    ("fellow", RoleKind::Staff),
    ("researcher", RoleKind::Staff),
    ("scientist", RoleKind::Staff),
    ("lecturer", RoleKind::Staff),
    ("economist", RoleKind::Staff),
    ("analyst", RoleKind::Staff),
    ("engineer", RoleKind::Staff),
    ("vice-chancellor", RoleKind::Top),
    ("senator", RoleKind::Member),
    ("member", RoleKind::Member),
    ("lawmaker", RoleKind::Member),
    ("ambassador", RoleKind::Envoy),
    ("envoy", RoleKind::Envoy),
    ("consul", RoleKind::Envoy),
    ("consul-general", RoleKind::Envoy),
    ("representative", RoleKind::Envoy),
    ("attache", RoleKind::Envoy),
];

/// Words that modify a role without being one: "executive director", "first deputy",
/// "foreign minister", "former president". "general" follows its noun: "director general".
const ROLE_MODIFIERS: &[&str] = &[
    "former", "acting", "interim", "late", "then", "current", "outgoing", "incoming", "first",
    "second", "deputy", "vice", "assistant", "associate", "senior", "executive", "general",
    "prime", "foreign", "defense", "defence", "finance", "interior", "economy", "trade",
    "health", "education", "justice", "culture", "press", "board", "national", "state",
    "chief", "managing", "permanent", "special", "presidential", "regional", "lord", "grand",
    "supreme", "co", "honorary", "great", "attorney", "principal", "majority", "minority",
];

/// Role cores that take a following "general": "director general", "secretary general".
const GENERAL_TAKERS: &[&str] = &["director", "secretary", "attorney", "consul", "governor", "procurator", "prosecutor", "surgeon"];

/// Honorifics before a person's name that are not roles.
pub const HONORIFICS: &[&str] = &[
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lady", "lord", "sheikh",
    "prof", "prof.", "professor", "gen", "gen.", "general", "colonel", "col.", "lt.", "captain",
    "capt.", "sen.", "rep.", "gov.", "congressman", "congresswoman", "judge", "justice",
    "pope", "prince", "princess", "imam", "rabbi", "father", "madam", "madame", "ayatollah",
    "marshal", "admiral", "major", "sergeant", "lieutenant",
];

/// Head nouns that make a name an organisation: "Kenya Wildlife Service", "Central Bank".
pub const ORG_HEADS: &[&str] = &[
    "agency", "ministry", "organization", "organisation", "council", "committee", "commission",
    "university", "institute", "association", "union", "company", "corporation", "corp", "corp.",
    "inc", "inc.", "ltd", "ltd.", "llc", "plc", "bank", "fund", "foundation", "party",
    "parliament", "assembly", "department", "administration", "service", "services", "bureau",
    "authority", "center", "centre", "academy", "court", "police", "army", "forces", "navy",
    "government", "cabinet", "senate", "board", "chamber", "federation", "alliance",
    "coalition", "network", "group", "television", "tv", "radio", "press", "holding",
    "airlines", "airways", "railways", "club", "church", "office", "secretariat", "mission",
    "directorate", "inspectorate", "guard", "command", "society", "league", "trust",
    "partnership", "initiative", "program", "programme", "consortium", "cooperative", "media",
    "news", "agencies", "ministries", "commissions", "parliaments", "majlis", "duma", "rada",
    "knesset", "congress", "secretariat", "observatory", "laboratory", "college", "school",
    "kremlin", "pentagon", "holdings", "engineering", "motors", "industries", "enterprises", "technologies",
    "solutions", "logistics", "pharmaceuticals", "force", "unit",
];

/// Head nouns that make a name an event: "Baltic Trade Forum", "5th meeting of ...".
pub const EVENT_HEADS: &[&str] = &[
    "forum", "summit", "conference", "meeting", "roundtable", "round-table", "congress",
    "exhibition", "expo", "festival", "games", "olympics", "olympiad", "championship",
    "championships", "cup", "awards", "ceremony", "session", "symposium", "dialogue", "talks",
    "week", "fair", "biennale", "seminar", "workshop", "rally", "parade", "inauguration",
    "celebration", "competition", "tournament", "marathon", "gala", "discussion", "convention",
    "consultations", "debate", "hackathon", "conclave", "jamboree", "exercise", "exercises",
    "event", "ribbon-cutting", "groundbreaking", "handover", "launch", "reception", "press conference",
];

/// Head nouns of buildings, monuments and other built places.
pub const FAC_HEADS: &[&str] = &[
    "monument", "memorial", "statue", "building", "tower", "bridge", "airport", "station",
    "port", "stadium", "arena", "museum", "palace", "hall", "theatre", "theater", "cathedral",
    "mosque", "church", "temple", "school", "hospital", "embassy", "consulate", "headquarters",
    "plant", "factory", "mausoleum", "library", "gallery", "complex", "base", "prison", "camp",
    "dam", "highway", "road", "street", "avenue", "pipeline", "flame", "house", "residence",
    "office", "bust", "obelisk", "arch", "gate", "terminal", "mall", "hotel", "cemetery",
];

/// Head nouns of places that are not GPEs.
pub const LOC_HEADS: &[&str] = &[
    "park", "garden", "gardens", "sea", "ocean", "river", "lake", "mountains", "mountain",
    "valley", "desert", "island", "islands", "peninsula", "gulf", "bay", "strait", "canal",
    "forest", "square", "coast", "basin", "plateau", "alley", "boulevard", "embankment",
    "region", "caucasus", "balkans", "sahel", "steppe",
];

/// Words after a place name that make it an administrative region (a GPE of its own).
pub const REGION_WORDS: &[&str] = &[
    "region", "oblast", "province", "district", "krai", "governorate", "prefecture", "county",
    "territory", "canton", "municipality", "rayon", "autonomous", "state",
];

/// Nouns for newspapers, books and documents.
pub const WORK_HEADS: &[&str] = &[
    "newspaper", "newspapers", "magazine", "magazines", "journal", "journals", "book", "books",
    "publication", "publications", "memorandum", "agreement", "treaty", "declaration",
    "convention", "charter", "accord", "protocol", "report", "novel", "film", "documentary",
];

/// Verbs that introduce speech: quotes and "Wanjiru said".
pub const SPEECH_VERBS: &[&str] = &[
    "said", "says", "noted", "notes", "added", "adds", "stressed", "stresses", "emphasized",
    "emphasised", "emphasizes", "told", "stated", "states", "explained", "underscored",
    "underlined", "remarked", "declared", "announced", "recalled", "pointed", "expressed",
    "highlighted", "warned", "urged", "insisted", "argued", "wrote", "asked", "replied",
    "answered", "continued", "concluded", "reminded", "described", "thanked", "spoke",
];

/// Capitalised words that never start a name even when capitalised mid-sentence.
const NEVER_NAME: &[&str] = &[
    "i", "we", "he", "she", "it", "they", "you", "the", "a", "an", "this", "that", "these",
    "those", "his", "her", "its", "their", "our", "my", "your", "mr", "mrs", "ms", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "today", "tomorrow", "yesterday", "also", "however", "meanwhile", "moreover",
    "according", "during", "after", "before", "when", "while", "then", "thus", "in", "on",
    "at", "for", "of", "and", "but", "or", "as", "to", "by", "with", "from", "said", "there",
    "here", "what", "who", "which", "where", "why", "how", "all", "both", "each", "many",
    "some", "such", "other", "another", "every", "no", "not", "yes", "if", "so", "since",
    "although", "though", "because", "until", "unless", "whether", "per", "via", "over",
    "under", "between", "among", "following", "including", "regarding", "despite",
];

/// Word classes, as bits: one hash lookup answers "is this word an ORG head?" and the like.
pub const ORG: u16 = 1;
pub const EVENT: u16 = 2;
pub const FAC: u16 = 4;
pub const LOC: u16 = 8;
pub const REGION: u16 = 16;
pub const WORK: u16 = 32;
pub const SPEECH: u16 = 64;
const NEVER: u16 = 128;
const MODIFIER: u16 = 256;
const HONORIFIC: u16 = 512;
/// Lower-case words the corpus writes in lower case mid-sentence (data/lexicon).
const COMMON: u16 = 1024;
/// Head nouns of any kind: ORG, EVENT, FAC or LOC.
pub const HEAD: u16 = ORG | EVENT | FAC | LOC;

/// Keys are kept inline (`SmallStr`): one lookup per token then reads one table slot
/// instead of following a pointer to the word.
fn classes() -> &'static HashMap<SmallStr, (u16, Option<RoleKind>)> {
    static MAP: OnceLock<HashMap<SmallStr, (u16, Option<RoleKind>)>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m: HashMap<SmallStr, (u16, Option<RoleKind>)> = HashMap::default();
        for (list, bit) in [
            (ORG_HEADS, ORG),
            (EVENT_HEADS, EVENT),
            (FAC_HEADS, FAC),
            (LOC_HEADS, LOC),
            (REGION_WORDS, REGION),
            (WORK_HEADS, WORK),
            (SPEECH_VERBS, SPEECH),
            (NEVER_NAME, NEVER),
            (ROLE_MODIFIERS, MODIFIER),
            (HONORIFICS, HONORIFIC),
        ] {
            for w in list {
                m.entry(SmallStr::new(w)).or_insert((0, None)).0 |= bit;
            }
        }
        for (w, k) in ROLE_CORES {
            m.entry(SmallStr::new(w)).or_insert((0, None)).1 = Some(*k);
        }
        for w in include_str!("../../data/lexicon/common_words.txt").lines() {
            m.entry(SmallStr::new(w)).or_insert((0, None)).0 |= COMMON;
        }
        m
    })
}

/// Every class of one word, looked up once: tokens keep theirs (`Token::lex`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Lex {
    bits: u16,
    role: Option<RoleKind>,
}

impl Lex {
    pub fn of(word: &str) -> Lex {
        // no listed word starts with a digit, a capital or punctuation: skip the hash then
        if word.as_bytes().first().is_some_and(|&b| !first_bytes()[b as usize]) {
            return Lex::default();
        }
        classes().get(word).map(|&(bits, role)| Lex { bits, role }).unwrap_or_default()
    }
    pub fn has(self, class: u16) -> bool {
        self.bits & class != 0
    }
    pub fn role_kind(self) -> Option<RoleKind> {
        self.role
    }
    pub fn is_role_core(self) -> bool {
        self.role.is_some()
    }
    pub fn is_role_modifier(self) -> bool {
        self.has(MODIFIER)
    }
    pub fn is_honorific(self) -> bool {
        self.has(HONORIFIC)
    }
    pub fn never_name(self) -> bool {
        self.has(NEVER)
    }
    pub fn is_common_word(self) -> bool {
        self.has(COMMON)
    }
}

/// Which bytes begin some word of the class table.
fn first_bytes() -> &'static [bool; 256] {
    static FIRST: OnceLock<[bool; 256]> = OnceLock::new();
    FIRST.get_or_init(|| {
        let mut first = [false; 256];
        for w in classes().keys() {
            if let Some(&b) = w.as_bytes().first() {
                first[b as usize] = true;
            }
        }
        first
    })
}

/// Whether `word` (lower case) belongs to a class: `has(ORG, "agency")`.
pub fn has(class: u16, word: &str) -> bool {
    classes().get(word).is_some_and(|(bits, _)| bits & class != 0)
}

pub fn role_kind(word: &str) -> Option<RoleKind> {
    classes().get(word).and_then(|(_, k)| *k)
}

pub fn is_role_core(word: &str) -> bool {
    role_kind(word).is_some()
}

pub fn is_role_modifier(word: &str) -> bool {
    has(MODIFIER, word)
}

pub fn takes_general(word: &str) -> bool {
    GENERAL_TAKERS.contains(&word)
}

pub fn is_honorific(word: &str) -> bool {
    has(HONORIFIC, word)
}

pub fn never_name(word: &str) -> bool {
    has(NEVER, word)
}

/// Lower-case words the corpus writes in lower case mid-sentence (data/lexicon).
pub fn is_common_word(lower: &str) -> bool {
    has(COMMON, lower)
}

/// The kind of the role a word sequence names, by its last core word: "first deputy" is
/// Staff, "executive director" Top, "deputy prime minister" Staff (a deputy of anything is).
pub fn classify_role(words: &[&str]) -> Option<RoleKind> {
    let core = words.iter().rev().find_map(|w| role_kind(w))?;
    let has = |x: &str| words.contains(&x);
    // party posts in a chamber: a member of it, not its head
    if has("majority") || has("minority") {
        return Some(RoleKind::Member);
    }
    // "prime minister", "chief minister", "secretary general" lead what they are of
    let core = if (has("prime") || has("chief") || has("first")) && has("minister") || has("secretary") && has("general") { RoleKind::Top } else { core };
    // a Commonwealth country's ambassador is its high commissioner
    if has("high") && has("commissioner") && !has("for") {
        return Some(RoleKind::Envoy);
    }
    // a university's vice-chancellor runs it
    if has("vice") && has("chancellor") && !has("deputy") && !has("pro") {
        return Some(RoleKind::Top);
    }
    let deputy = words
        .iter()
        .any(|w| matches!(*w, "deputy" | "vice" | "assistant" | "associate" | "regional" | "divisional" | "country" | "area" | "district"))
        && core != RoleKind::Envoy;
    // "State Executive Director", "field director": the head of a body's office in one state
    // works for the body; a state's own governor or premier leads it
    let local_office = words.iter().any(|w| matches!(*w, "state" | "field" | "branch")) && words.iter().any(|w| matches!(*w, "director" | "administrator" | "manager" | "chief" | "executive"));
    let deputy = deputy || local_office && core != RoleKind::Envoy;
    Some(if deputy { RoleKind::Staff } else { core })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_classify_by_core_and_rank() {
        assert_eq!(classify_role(&["executive", "director"]), Some(RoleKind::Top));
        assert_eq!(classify_role(&["first", "deputy"]), Some(RoleKind::Staff));
        assert_eq!(classify_role(&["deputy", "prime", "minister"]), Some(RoleKind::Staff));
        assert_eq!(classify_role(&["spokeswoman"]), Some(RoleKind::Staff));
        assert_eq!(classify_role(&["ambassador"]), Some(RoleKind::Envoy));
        assert_eq!(classify_role(&["deputy", "high", "commissioner"]), Some(RoleKind::Envoy));
        assert_eq!(classify_role(&["former", "president"]), Some(RoleKind::Top));
        assert_eq!(classify_role(&["board", "chairman"]), Some(RoleKind::Top));
        assert_eq!(classify_role(&["foreign"]), None);
        assert_eq!(classify_role(&["prime", "minister"]), Some(RoleKind::Top));
        assert_eq!(classify_role(&["secretary", "general"]), Some(RoleKind::Top));
        assert_eq!(classify_role(&["majority", "leader"]), Some(RoleKind::Member));
        // a regional director runs a part of the body, not the body
        assert_eq!(classify_role(&["regional", "director"]), Some(RoleKind::Staff));
    }

    #[test]
    fn common_words_are_loaded() {
        assert!(is_common_word("during"));
        assert!(!is_common_word("baku"));
    }
}
