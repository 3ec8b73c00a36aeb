//! A learned name tagger: for every capitalised word, the kind of name it belongs to
//! (person, organisation, place, nationality, ...) read from the word and its context.
//!
//! Word lists type the names they hold; the tagger types the rest ("visited Ukmerge and
//! Jonava", "Prof. Musa Danjuma", "the Commission"). It is an averaged perceptron over
//! hashed features, trained by `examples/train_tagger.rs` on silver labels that spaCy's
//! MIT-licensed `en_core_web_sm` gave public-domain press releases
//! (`scripts/gen_tagger_silver.py`); origin, licence and accuracy are in
//! `data/tagger/README.md`. Only capitalised words are classified: the mention scanner
//! decides boundaries, the tagger is asked about types.

use super::lexicon as lx;
use super::tokens::{Token, TokenKind};
use crate::gazetteer;

/// What a capitalised word is part of. `O`: not a name (or a kind newsgraph does not keep).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Tag {
    O = 0,
    Person,
    Org,
    Gpe,
    Loc,
    Fac,
    Event,
    /// Nationalities, religions, political groups: "Arabic", "Islamic", "Republicans".
    Norp,
    /// Laws, works, products.
    Misc,
}

pub const N_TAGS: usize = 9;
pub const TAGS: [Tag; N_TAGS] = [Tag::O, Tag::Person, Tag::Org, Tag::Gpe, Tag::Loc, Tag::Fac, Tag::Event, Tag::Norp, Tag::Misc];

impl Tag {
    /// spaCy's OntoNotes labels as newsgraph keeps them.
    pub fn from_spacy(label: &str) -> Tag {
        match label {
            "PERSON" => Tag::Person,
            "ORG" => Tag::Org,
            "GPE" => Tag::Gpe,
            "LOC" => Tag::Loc,
            "FAC" => Tag::Fac,
            "EVENT" => Tag::Event,
            "NORP" | "LANGUAGE" => Tag::Norp,
            "WORK_OF_ART" | "LAW" | "PRODUCT" => Tag::Misc,
            _ => Tag::O,
        }
    }
    pub fn name(self) -> &'static str {
        ["O", "PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP", "MISC"][self as usize]
    }
}

/// Is the token one the tagger classifies?
pub fn is_instance(t: &Token) -> bool {
    t.is_cap()
}

/// Hashed feature table size (a power of two).
pub const BUCKETS_LOG2: u32 = 19;
const MASK: u64 = (1 << BUCKETS_LOG2) - 1;

fn fnv(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h ^ (h >> 29)
}

fn shape(t: &Token) -> &'static str {
    match t.kind {
        TokenKind::Break => "BR",
        TokenKind::Number => "d",
        TokenKind::Punct => match t.text.as_str() {
            "." | "!" | "?" => ".",
            "," => ",",
            "(" | ")" => "(",
            "\"" | "“" | "”" | "'" => "q",
            "-" | "–" | "—" => "-",
            _ => "p",
        },
        TokenKind::Word => {
            let mut cs = t.text.chars();
            let first = cs.next().unwrap_or(' ');
            if !first.is_uppercase() {
                return if t.text.contains('-') { "x-x" } else { "x" };
            }
            if t.is_upper() {
                return if t.text.contains('.') { "X.X." } else { "XX" };
            }
            if t.text.contains('-') {
                "Xx-x"
            } else if t.text.chars().skip(1).any(|c| c.is_uppercase()) {
                "XxX"
            } else {
                "Xx"
            }
        }
    }
}

fn lower_or<'a>(toks: &'a [Token], i: isize) -> &'a str {
    if i < 0 {
        "<s>"
    } else {
        toks.get(i as usize).map(|t| if t.kind == TokenKind::Break { "<br>" } else { t.lower.as_str() }).unwrap_or("</s>")
    }
}

fn shape_or(toks: &[Token], i: isize) -> &'static str {
    if i < 0 {
        "<s>"
    } else {
        toks.get(i as usize).map(shape).unwrap_or("</s>")
    }
}

/// The previous word as the next decision sees it: its predicted tag when it was
/// classified, else its shape.
fn prev_marker(toks: &[Token], tags: &[Tag], i: isize) -> &'static str {
    if i < 0 {
        return "<s>";
    }
    let t = &toks[i as usize];
    if is_instance(t) {
        tags[i as usize].name()
    } else {
        shape(t)
    }
}

/// The word-list facts the tagger reads of a token, in the order of `LEX_NAMES`.
const LEX_NAMES: [&str; 15] = ["given", "given?", "surname", "country", "place", "demonym", "common", "role", "rolemod", "honorific", "org", "event", "fac", "loc", "region"];
const LEX_WORK: &str = "work";

/// What the word lists say of each token (a bit per `LEX_NAMES` entry, bit 15 for "work"),
/// looked up once per token: each is read as a word and as three words' neighbour.
pub fn token_flags(toks: &[Token]) -> Vec<u16> {
    toks.iter().map(flags_of).collect()
}

/// `token_flags` of only the tokens `features` reads: each classified word and the words
/// one before, one and two after it; the others stay 0. Most tokens are none of these,
/// and each costs a handful of word-list lookups.
fn needed_flags(toks: &[Token]) -> Vec<u16> {
    let mut flags = vec![0u16; toks.len()];
    let mut done = 0;
    for i in 0..toks.len() {
        if !is_instance(&toks[i]) {
            continue;
        }
        for j in i.saturating_sub(1).max(done)..(i + 3).min(toks.len()) {
            flags[j] = flags_of(&toks[j]);
        }
        done = (i + 3).min(toks.len());
    }
    flags
}

fn flags_of(tok: &Token) -> u16 {
    if tok.kind != TokenKind::Word {
        return 0;
    }
    let text = tok.text.as_str();
    let place = gazetteer::place(text);
    let bits = [
        gazetteer::is_given_name(text),
        gazetteer::is_ambiguous_given_name(text),
        gazetteer::is_surname(text),
        place.is_some_and(|p| p.kind == gazetteer::PlaceKind::Country),
        place.is_some_and(|p| p.kind != gazetteer::PlaceKind::Country),
        gazetteer::demonym_country(text).is_some(),
        tok.lex.is_common_word(),
        tok.lex.is_role_core(),
        tok.lex.is_role_modifier(),
        tok.lex.is_honorific(),
        tok.lex.has(lx::ORG),
        tok.lex.has(lx::EVENT),
        tok.lex.has(lx::FAC),
        tok.lex.has(lx::LOC),
        tok.lex.has(lx::REGION),
        tok.lex.has(lx::WORK),
    ];
    bits.iter().enumerate().fold(0u16, |m, (i, &b)| if b { m | 1 << i } else { m })
}

/// The last `n` characters of `w` (all of it when shorter), without copying.
fn suffix(w: &str, n: usize) -> &str {
    w.char_indices().rev().nth(n - 1).map_or(w, |(i, _)| &w[i..])
}

/// Feature hashes of token `i`, given the tags already decided to its left and the
/// tokens' `token_flags`.
pub fn features(toks: &[Token], flags: &[u16], tags: &[Tag], i: usize, out: &mut Vec<u64>) {
    out.clear();
    let t = &toks[i];
    let ii = i as isize;
    let w = t.lower.as_str();
    let mut f = |id: u64, parts: &[&str]| {
        let mut h = id;
        for p in parts {
            h = fnv(h, p.as_bytes());
        }
        out.push(h & MASK);
    };
    f(0, &[]);
    f(1, &[w]);
    f(2, &[suffix(w, 3)]);
    f(3, &[suffix(w, 4)]);
    let pre = w.char_indices().nth(3).map_or(w, |(i, _)| &w[..i]);
    f(4, &[pre]);
    f(5, &[shape(t)]);
    let (wm1, wm2, wp1, wp2) = (lower_or(toks, ii - 1), lower_or(toks, ii - 2), lower_or(toks, ii + 1), lower_or(toks, ii + 2));
    f(6, &[wm1]);
    f(7, &[wp1]);
    f(8, &[wm2]);
    f(9, &[wp2]);
    f(10, &[shape_or(toks, ii - 1), shape_or(toks, ii + 1)]);
    f(11, &[wm1, w]);
    f(12, &[w, wp1]);
    f(13, &[wm2, wm1]);
    f(14, &[wp1, wp2]);
    let p1 = prev_marker(toks, tags, ii - 1);
    let p2 = prev_marker(toks, tags, ii - 2);
    f(15, &[p1]);
    f(16, &[p1, p2]);
    f(17, &[p1, shape(t)]);
    f(18, &[p1, w]);
    // what the word lists say of the word and its neighbours (features 19 to 22, their
    // hashes worked out once)
    let lex_hashes = lex_hashes();
    let mut lex = |slot: usize, bits: u16| {
        let mut rest = bits;
        while rest != 0 {
            let b = rest.trailing_zeros() as usize;
            out.push(lex_hashes[slot][b]);
            rest &= rest - 1;
        }
    };
    lex(0, flags[i]);
    for (slot, j) in [(1, ii - 1), (2, ii + 1), (3, ii + 2)] {
        if j >= 0 && (j as usize) < toks.len() {
            lex(slot, flags[j as usize]);
        }
    }
}

/// The bucket of feature `19 + slot` for word-list bit `b` (`LEX_NAMES`, then "work"):
/// what `features` would hash for it, hashed once.
fn lex_hashes() -> &'static [[u64; 16]; 4] {
    static TABLE: std::sync::OnceLock<[[u64; 16]; 4]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [[0u64; 16]; 4];
        for (slot, row) in t.iter_mut().enumerate() {
            for (b, cell) in row.iter_mut().enumerate() {
                let name = LEX_NAMES.get(b).copied().unwrap_or(LEX_WORK);
                *cell = fnv(19 + slot as u64, name.as_bytes()) & MASK;
            }
        }
        t
    })
}

/// The embedded weights: `BUCKETS × N_TAGS` little-endian i16 after a short header.
static WEIGHTS: &[u8] = include_bytes!("../../data/tagger/names.bin");
const HEADER: &[u8; 8] = b"NGTAG01\n";

pub struct Model<'a> {
    w: &'a [u8],
}

impl<'a> Model<'a> {
    /// The model compiled into newsgraph.
    pub fn embedded() -> Model<'static> {
        Model::from_bytes(WEIGHTS).expect("embedded tagger weights are well formed")
    }
    pub fn from_bytes(b: &'a [u8]) -> Option<Model<'a>> {
        let body = b.strip_prefix(HEADER.as_slice())?;
        (body.len() == (1usize << BUCKETS_LOG2) * N_TAGS * 2).then_some(Model { w: body })
    }
    /// Adds a feature's weights to the scores (its row read once: one bounds check, not nine).
    fn add(&self, bucket: u64, scores: &mut [i32; N_TAGS]) {
        let row: &[u8; N_TAGS * 2] = self.w[bucket as usize * N_TAGS * 2..][..N_TAGS * 2].try_into().expect("a whole row");
        for (t, s) in scores.iter_mut().enumerate() {
            *s += i16::from_le_bytes([row[2 * t], row[2 * t + 1]]) as i32;
        }
    }
    /// Asks the CPU to load a feature's row ahead of `add`. The table (9 MB) is far larger
    /// than the caches, so nearly every row is a miss; asked for together, the misses
    /// overlap instead of following one another.
    #[inline]
    fn prefetch(&self, bucket: u64) {
        #[cfg(target_arch = "x86_64")]
        {
            let p = self.w[bucket as usize * N_TAGS * 2..].as_ptr();
            // SAFETY: a prefetch is a hint, it reads nothing; `p` points into `self.w`
            unsafe { std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p as *const i8) };
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = bucket;
    }
    /// Tags of every token (`O` for the words it does not classify), left to right.
    pub fn tag(&self, toks: &[Token]) -> Vec<Tag> {
        let mut tags = vec![Tag::O; toks.len()];
        if !toks.iter().any(is_instance) {
            return tags;
        }
        let flags = needed_flags(toks);
        let mut feats = Vec::with_capacity(48);
        for i in 0..toks.len() {
            if !is_instance(&toks[i]) {
                continue;
            }
            features(toks, &flags, &tags, i, &mut feats);
            for &h in &feats {
                self.prefetch(h);
            }
            let mut scores = [0i32; N_TAGS];
            for &h in &feats {
                self.add(h, &mut scores);
            }
            tags[i] = best(&scores);
        }
        tags
    }
}

/// The highest score; ties go to the earlier tag, so the result is deterministic.
pub fn best<S: PartialOrd + Copy>(scores: &[S; N_TAGS]) -> Tag {
    let mut b = 0;
    for t in 1..N_TAGS {
        if scores[t] > scores[b] {
            b = t;
        }
    }
    TAGS[b]
}

/// One silver-labelled article (a line written by `scripts/gen_tagger_silver.py`): its
/// tokens and the teacher's tag of each, a token taking the tag of the name it starts in.
pub fn silver(line: &str) -> Option<(Vec<Token>, Vec<Tag>)> {
    let v: serde_json::Value = serde_json::from_str(line).ok()?;
    let toks = super::tokens::tokenize(v["text"].as_str()?);
    let mut ents: Vec<(usize, usize, Tag)> = Vec::new();
    for e in v["ents"].as_array()? {
        ents.push((e[0].as_u64()? as usize, e[1].as_u64()? as usize, Tag::from_spacy(e[2].as_str()?)));
    }
    let tags = toks
        .iter()
        .map(|t| {
            let k = ents.partition_point(|e| e.1 <= t.start);
            ents.get(k).filter(|e| e.0 <= t.start && t.start < e.1).map(|e| e.2).unwrap_or(Tag::O)
        })
        .collect();
    Some((toks, tags))
}

/// Writes trained weights in the embedded format, scaled into i16.
pub fn encode(weights: &[f64]) -> Vec<u8> {
    let max = weights.iter().fold(0f64, |m, w| m.max(w.abs())).max(1e-9);
    let scale = 32767.0 / max;
    let mut out = Vec::with_capacity(HEADER.len() + weights.len() * 2);
    out.extend_from_slice(HEADER);
    for w in weights {
        out.extend_from_slice(&((w * scale).round() as i16).to_le_bytes());
    }
    out
}
