//! Near-duplicate articles: syndicated copies (the same text, perhaps trimmed) and
//! machine-translated copies (the same story told with other words and garbled names).
//!
//! Near-linear: every article gets two MinHash signatures (word 5-shingles for copies,
//! content words for translations); LSH banding proposes candidate pairs, and only those
//! are compared exactly. A translated copy must also tell the same story as its original:
//! its facts line up with the original's, sentence by sentence, through the entities both
//! name alike. The entities that then stand where the original's stand (a garbled
//! "Gdunsk" where the original says "Gdansk") become [`Link`]s for the resolver.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use anyhow::Result;
use rayon::prelude::*;
use rusqlite::{params, Connection};

use crate::model::EntityType;
use crate::names::{bigram_dice, fold, fold_words, skeleton, strip_editions};
use crate::resolve::{Link, Local};

const BANDS: usize = 24;
const ROWS: usize = 3;
const HASHES: usize = BANDS * ROWS;
/// Word 5-shingles in common (Jaccard) for a syndicated copy.
pub const COPY_JACCARD: f64 = 0.5;
/// Share of the shorter text's shingles found in the longer: a trimmed copy.
pub const COPY_CONTAINMENT: f64 = 0.8;
/// Content words in common for a translated copy (then the facts must line up too).
pub const TRANSLATION_JACCARD: f64 = 0.35;
/// Most candidate translations an article is aligned with (a translation has one original;
/// a story told in many versions would otherwise cost an alignment per pair).
const MAX_ALIGNMENTS: u32 = 3;

/// `STOP.contains(w)` as one match (a comparison per word, not forty-eight).
fn is_stop(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "of" | "in" | "and" | "to" | "for" | "on" | "at" | "with" | "by" | "is" | "was" | "that" | "this" | "as"
            | "from" | "it" | "be" | "are" | "its" | "their" | "his" | "her" | "has" | "have" | "had" | "which" | "will" | "were"
            | "also" | "or" | "not" | "but" | "he" | "she" | "they" | "we" | "our" | "you" | "i" | "been" | "would" | "there"
            | "who" | "said"
    )
}

const STOP: &[&str] = &[
    "the", "a", "an", "of", "in", "and", "to", "for", "on", "at", "with", "by", "is", "was", "that", "this", "as",
    "from", "it", "be", "are", "its", "their", "his", "her", "has", "have", "had", "which", "will", "were", "also",
    "or", "not", "but", "he", "she", "they", "we", "our", "you", "i", "been", "would", "there", "who", "said",
];

/// What the text of one article offers to the comparison.
#[derive(Debug, Clone, Default)]
pub struct Text {
    /// Sorted, distinct hashes of word 5-shingles.
    pub shingles: Vec<u64>,
    /// Sorted, distinct hashes of content words.
    pub words: Vec<u64>,
    pub word_count: usize,
}

fn hash(s: &str) -> u64 {
    // FNV-1a, then a mix: stable across runs and platforms.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    mix(h)
}

fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

#[cfg(test)]
fn word_hashes(text: &str) -> Vec<(u64, bool)> {
    let mut out = Vec::new();
    word_hashes_into(text, &mut out);
    out
}

/// `word_hashes` into `out` (cleared first), so a buffer can serve every article.
fn word_hashes_into(text: &str, out: &mut Vec<(u64, bool)>) {
    // (hash, content word?) for each word, lower case, diacritics folded
    let one = |w: &str| (hash(w), w.len() > 2 && !is_stop(w));
    out.clear();
    out.reserve(text.len() / 5);
    if text.is_ascii() {
        // bytes, lower-cased while hashing: `one` on the lower-case word, without building it
        for w in text.as_bytes().split(|b| !b.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for b in w {
                h ^= b.to_ascii_lowercase() as u64;
                h = h.wrapping_mul(0x100_0000_01b3);
            }
            let stop = w.len() <= 5 && {
                let mut buf = [0u8; 5];
                for (d, s) in buf.iter_mut().zip(w) {
                    *d = s.to_ascii_lowercase();
                }
                std::str::from_utf8(&buf[..w.len()]).is_ok_and(is_stop)
            };
            out.push((mix(h), w.len() > 2 && !stop));
        }
    } else {
        // `fold` of the whole text, piece by piece: only pieces with other letters need
        // Unicode normalisation
        for piece in text.split(char::is_whitespace).filter(|p| !p.is_empty()) {
            // (typographic quotes and dashes are most of a news text's other characters:
            // they split words as ASCII punctuation does, without normalisation)
            // What `fold` does to ASCII, in one pass that hashes as it goes: apostrophes
            // go, other punctuation splits. Another letter sends the piece to `fold`.
            let first = out.len();
            let mut word = Word::default();
            let mut plain = true;
            for c in piece.chars() {
                if c.is_ascii_alphanumeric() {
                    word.push(c.to_ascii_lowercase() as u8);
                } else if matches!(c, '\'' | '’' | '‘') {
                } else if c.is_ascii() || plain_punctuation(c) {
                    word.end(out);
                } else {
                    plain = false;
                    break;
                }
            }
            if plain {
                word.end(out);
            } else {
                out.truncate(first);
                out.extend(fold_words(piece).split(' ').filter(|w| !w.is_empty()).map(one));
            }
        }
        if out.len() > 1 && out[0].0 == hash("the") {
            out.remove(0);
        }
    }
}

/// A lower-case ASCII word being read byte by byte: its hash so far and, for the stop
/// word test, its first bytes (stop words have at most five).
struct Word {
    h: u64,
    len: usize,
    head: [u8; 5],
}

impl Default for Word {
    fn default() -> Word {
        Word { h: 0xcbf2_9ce4_8422_2325, len: 0, head: [0; 5] }
    }
}

impl Word {
    fn push(&mut self, b: u8) {
        self.h ^= b as u64;
        self.h = self.h.wrapping_mul(0x100_0000_01b3);
        if self.len < 5 {
            self.head[self.len] = b;
        }
        self.len += 1;
    }
    /// Ends the word (if any): `(hash(w), content word?)` as `word_hashes` gives it.
    fn end(&mut self, out: &mut Vec<(u64, bool)>) {
        if self.len == 0 {
            return;
        }
        let stop = self.len <= 5 && std::str::from_utf8(&self.head[..self.len]).is_ok_and(is_stop);
        out.push((mix(self.h), self.len > 2 && !stop));
        *self = Word::default();
    }
}

/// Punctuation `fold` treats as ASCII punctuation: not a letter or digit, and neither is
/// anything it decomposes to (General Punctuation, guillemets). "’" and "‘" are
/// apostrophes to `fold`: they go, the words either side stay one.
fn plain_punctuation(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '«' | '»')
}

fn shingle(words: &[(u64, bool)]) -> u64 {
    words.iter().fold(0u64, |h, x| mix(h.rotate_left(17) ^ x.0))
}

thread_local! {
    /// A text and a word buffer per thread, reused: an article's (tens of KB) grown afresh
    /// for each cost more in the allocator than the hashing.
    static BUFFERS: std::cell::RefCell<(String, Vec<(u64, bool)>)> = const { std::cell::RefCell::new((String::new(), Vec::new())) };
}

impl Text {
    pub fn new(text: &str) -> Text {
        BUFFERS.with(|b| {
            let w = &mut b.borrow_mut().1;
            word_hashes_into(text, w);
            let t = Text::of_words(w);
            if w.capacity() > 1 << 20 {
                *w = Vec::new();
            }
            t
        })
    }

    fn of_words(w: &[(u64, bool)]) -> Text {
        let mut shingles: Vec<u64> = w.windows(5.min(w.len().max(1))).map(shingle).collect();
        shingles.sort_unstable();
        shingles.dedup();
        let mut words: Vec<u64> = w.iter().filter(|x| x.1).map(|x| x.0).collect();
        words.sort_unstable();
        words.dedup();
        Text { shingles, words, word_count: w.len() }
    }
}

/// One-permutation MinHash: each element is hashed once and kept in the bin its hash
/// falls into if it is that bin's smallest; an empty bin borrows the next filled bin's
/// value (shifted by the distance), so short texts still get a full signature. One hash
/// per element instead of one per element and bin: the signatures are computed for every
/// article as it is analysed.
fn signature(set: &[u64]) -> [u64; HASHES] {
    let mut sig = [u64::MAX; HASHES];
    for &h in set {
        add_to(&mut sig, h);
    }
    densify(sig, !set.is_empty())
}

/// Puts one element into its bin. Repeats change nothing: a multiset gives its set's signature.
fn add_to(sig: &mut [u64; HASHES], h: u64) {
    let x = mix(h ^ 0x9e37_79b9_7f4a_7c15);
    let bin = (((x >> 32) * HASHES as u64) >> 32) as usize;
    let v = x & 0xffff_ffff;
    if v < sig[bin] {
        sig[bin] = v;
    }
}

fn densify(sig: [u64; HASHES], any: bool) -> [u64; HASHES] {
    if !any {
        return sig;
    }
    let filled: Vec<usize> = (0..HASHES).filter(|&i| sig[i] != u64::MAX).collect();
    let mut out = sig;
    for (i, slot) in out.iter_mut().enumerate() {
        if sig[i] == u64::MAX {
            let j = filled.iter().copied().find(|&j| j > i).unwrap_or(filled[0]);
            let dist = (j + HASHES - i) % HASHES;
            *slot = sig[j] | (dist as u64) << 40;
        }
    }
    out
}

/// Share of equal bins: an estimate of the Jaccard similarity of the two sets.
fn estimate(a: &[u64; HASHES], b: &[u64; HASHES]) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / HASHES as f64
}

fn common(a: &[u64], b: &[u64]) -> usize {
    // branch-free merge: which side moves is data, not a guess the CPU gets wrong half the time
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        n += (x == y) as usize;
        i += (x <= y) as usize;
        j += (y <= x) as usize;
    }
    n
}

fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let c = common(a, b);
    let u = a.len() + b.len() - c;
    if u == 0 { 0.0 } else { c as f64 / u as f64 }
}

/// Candidate pairs (i < j) whose signatures agree on a whole band. A crowded bucket
/// (boilerplate every text shares) pairs each member with its first only, so the cost
/// stays linear.
fn candidates(sigs: &[&[u64; HASHES]]) -> BTreeSet<(usize, usize)> {
    let mut out = BTreeSet::new();
    for b in 0..BANDS {
        let mut buckets: crate::fasthash::FastMap<u64, Vec<usize>> = Default::default();
        for (i, s) in sigs.iter().enumerate() {
            let h = s[b * ROWS..(b + 1) * ROWS].iter().fold(b as u64, |h, &x| mix(h ^ x));
            buckets.entry(h).or_default().push(i);
        }
        for v in buckets.values() {
            if v.len() > 40 {
                out.extend(v[1..].iter().map(|&j| (v[0], j)));
            } else {
                for x in 0..v.len() {
                    for y in x + 1..v.len() {
                        out.insert((v[x], v[y]));
                    }
                }
            }
        }
    }
    out
}

/// An article's MinHash signatures, computed when it is analysed and stored with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Fingerprint {
    pub shingles: [u64; HASHES],
    pub words: [u64; HASHES],
    pub word_count: usize,
}

impl Fingerprint {
    pub fn of(t: &Text) -> Fingerprint {
        Fingerprint { shingles: signature(&t.shingles), words: signature(&t.words), word_count: t.word_count }
    }
    /// The text dedup compares: the article's cleaned sentences, each followed by a space.
    /// Streams the words: no sorted sets are built (the signature of a multiset is its set's).
    pub fn of_sentences<'a>(sentences: impl Iterator<Item = &'a str>) -> Fingerprint {
        BUFFERS.with(|b| {
            let (text, w) = &mut *b.borrow_mut();
            text.clear();
            for s in sentences {
                text.push_str(s);
                text.push(' ');
            }
            word_hashes_into(text, w);
            let print = Self::of_words(w);
            // (a huge article's buffers are not kept)
            if text.capacity() > 1 << 22 {
                *text = String::new();
                *w = Vec::new();
            }
            print
        })
    }

    fn of_words(w: &[(u64, bool)]) -> Fingerprint {
        let (mut shingles, mut words) = ([u64::MAX; HASHES], [u64::MAX; HASHES]);
        for s in w.windows(5.min(w.len().max(1))) {
            add_to(&mut shingles, shingle(s));
        }
        let mut any_word = false;
        for x in w.iter().filter(|x| x.1) {
            add_to(&mut words, x.0);
            any_word = true;
        }
        Fingerprint { shingles: densify(shingles, !w.is_empty()), words: densify(words, any_word), word_count: w.len() }
    }
}

#[cfg(test)]
fn joined<'a>(sentences: impl Iterator<Item = &'a str>) -> String {
    let mut buf = String::new();
    for s in sentences {
        buf.push_str(s);
        buf.push(' ');
    }
    buf
}

pub fn to_blob(sig: &[u64; HASHES]) -> Vec<u8> {
    sig.iter().flat_map(|x| x.to_le_bytes()).collect()
}

pub fn from_blob(b: &[u8]) -> Option<[u64; HASHES]> {
    if b.len() != HASHES * 8 {
        return None;
    }
    let mut out = [0u64; HASHES];
    for (o, c) in out.iter_mut().zip(b.chunks_exact(8)) {
        *o = u64::from_le_bytes(c.try_into().ok()?);
    }
    Some(out)
}

/// What the exact comparison of two texts found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sims {
    /// Jaccard of the word 5-shingles.
    pub shingles: f64,
    /// Share of the shorter text's shingles found in the longer (0 when it has < 20).
    pub contained: f64,
    /// Jaccard of the content words.
    pub words: f64,
}

impl Sims {
    pub fn of(a: &Text, b: &Text) -> Sims {
        let c = common(&a.shingles, &b.shingles);
        let shorter = a.shingles.len().min(b.shingles.len());
        let contained = if shorter >= 20 { c as f64 / shorter as f64 } else { 0.0 };
        let union = a.shingles.len() + b.shingles.len() - c;
        let shingles = if union == 0 { 0.0 } else { c as f64 / union as f64 };
        Sims { shingles, contained, words: jaccard(&a.words, &b.words) }
    }
    fn copy(&self) -> bool {
        self.shingles >= COPY_JACCARD || self.contained >= COPY_CONTAINMENT
    }
}

/// (article, article, similarity)
pub type Pairs = Vec<(usize, usize, f64)>;

/// Pairs of texts that are syndicated copies of each other (Jaccard of shingles, or a
/// shorter text contained in a longer one), and pairs similar enough in words to be
/// translations, to be checked against their facts.
pub fn similar(texts: &[&str]) -> (Pairs, Pairs) {
    let prints: Vec<Fingerprint> = texts.iter().map(|t| Fingerprint::of(&Text::new(t))).collect();
    let mut known = HashMap::new();
    let s = similar_prints(&prints, &mut known, |_, _| true, |i| Ok(texts[i].to_string())).expect("texts in memory");
    (s.copies, s.translations)
}

/// [`similar`] from stored fingerprints: LSH proposes candidate pairs, their signatures
/// drop the hopeless ones, and the rest are compared exactly — unless `known` (the
/// comparisons of earlier builds) has them already; new comparisons are added to it.
/// `text(i)` is asked at most once per article. Candidate translations that `alignable`
/// rejects are not compared: only pairs it accepts could be aligned.
pub fn similar_prints<A, F>(prints: &[Fingerprint], known: &mut HashMap<(usize, usize), Sims>, alignable: A, mut text: F) -> Result<Similar>
where
    A: Fn(usize, usize) -> bool,
    F: FnMut(usize) -> Result<String>,
{
    let sig_s: Vec<&[u64; HASHES]> = prints.iter().map(|p| &p.shingles).collect();
    let sig_w: Vec<&[u64; HASHES]> = prints.iter().map(|p| &p.words).collect();
    // margins of about three standard deviations of the signatures' estimate
    let copy_pairs: Vec<(usize, usize)> = candidates(&sig_s)
        .into_iter()
        .filter(|&(i, j)| {
            let est = estimate(sig_s[i], sig_s[j]);
            let (ni, nj) = (prints[i].word_count.saturating_sub(4).max(1) as f64, prints[j].word_count.saturating_sub(4).max(1) as f64);
            let contained = est * (ni + nj) / ((1.0 + est) * ni.min(nj));
            est >= COPY_JACCARD - 0.2 || contained >= COPY_CONTAINMENT - 0.25
        })
        .collect();
    let word_pairs: Vec<(usize, usize)> = candidates(&sig_w)
        .into_iter()
        .filter(|&(i, j)| {
            let (wi, wj) = (prints[i].word_count, prints[j].word_count);
            let ratio = wi.min(wj) as f64 / wi.max(wj).max(1) as f64;
            ratio >= 0.6 && estimate(sig_w[i], sig_w[j]) >= TRANSLATION_JACCARD - 0.17 && alignable(i, j)
        })
        .collect();
    let mut todo: Vec<(usize, usize)> = copy_pairs.iter().chain(&word_pairs).copied().filter(|p| !known.contains_key(p)).collect();
    todo.sort_unstable();
    todo.dedup();
    if !todo.is_empty() {
        let mut need: Vec<usize> = todo.iter().flat_map(|&(i, j)| [i, j]).collect();
        need.sort_unstable();
        need.dedup();
        // texts are read one by one (one database connection), made into sets in parallel
        let mut texts: HashMap<usize, Text> = HashMap::with_capacity(need.len());
        for chunk in need.chunks(256) {
            let raw: Vec<String> = chunk.iter().map(|&i| text(i)).collect::<Result<_>>()?;
            texts.extend(chunk.iter().copied().zip(raw.par_iter().map(|t| Text::new(t)).collect::<Vec<_>>()));
        }
        let found: Vec<((usize, usize), Sims)> = todo.par_iter().map(|&(i, j)| ((i, j), Sims::of(&texts[&i], &texts[&j]))).collect();
        known.extend(found);
    }
    let mut copies = Vec::new();
    let mut seen = BTreeSet::new();
    for (i, j) in copy_pairs {
        let s = known[&(i, j)];
        if s.copy() {
            copies.push((i, j, s.shingles));
            seen.insert((i, j));
        }
    }
    let mut translations = Vec::new();
    for (i, j) in word_pairs {
        let s = known[&(i, j)];
        if !seen.contains(&(i, j)) && s.words >= TRANSLATION_JACCARD {
            translations.push((i, j, s.words));
        }
    }
    Ok(Similar { copies, translations, compared: todo })
}

/// Pairs (i, j, similarity) found by [`similar_prints`], and the pairs it compared anew.
pub struct Similar {
    pub copies: Vec<(usize, usize, f64)>,
    pub translations: Vec<(usize, usize, f64)>,
    pub compared: Vec<(usize, usize)>,
}

/// One fact as the aligner sees it: local ids, predicate, role, sentence.
#[derive(Debug, Clone)]
pub struct FactRow {
    pub subject: i64,
    pub predicate: String,
    pub object: Option<i64>,
    pub role: Option<String>,
    pub sentence: i64,
}

/// An article's local entities (indexes into the corpus `locals`) and facts.
#[derive(Debug, Clone, Default)]
pub struct Story {
    pub locals: Vec<usize>,
    pub facts: Vec<FactRow>,
    pub sentences: i64,
}

/// Whether two names could be one name garbled by translation: a person with the same
/// surname or given name, or a name sharing a word or most of its letters.
fn could_be(copy: &Local, orig: &Local) -> bool {
    if copy.etype != orig.etype {
        return false;
    }
    let (c, o) = (fold(copy.name()), fold(orig.name()));
    if copy.etype == EntityType::Person {
        let (cw, ow): (Vec<&str>, Vec<&str>) = (c.split(' ').collect(), o.split(' ').collect());
        let same = |a: &str, b: &str| skeleton(a) == skeleton(b);
        return same(cw[cw.len() - 1], ow[ow.len() - 1]) || (cw.len() > 1 && ow.len() > 1 && same(cw[0], ow[0]));
    }
    const REGION: &[&str] = &["region", "oblast", "province", "district", "krai", "governorate", "state"];
    let region = |s: &str| s.split(' ').any(|w| REGION.contains(&w));
    if copy.etype == EntityType::Gpe && region(&c) != region(&o) {
        return false;
    }
    let content = |s: &str| -> BTreeSet<String> {
        strip_editions(s).split(' ').filter(|w| w.len() > 2 && !STOP.contains(w) && !REGION.contains(w)).map(str::to_string).collect()
    };
    let (cs, os) = (content(&c), content(&o));
    let shared = cs.intersection(&os).count();
    if shared > 0 && shared * 2 >= cs.union(&os).count() {
        return true;
    }
    let core = |s: &BTreeSet<String>| s.iter().cloned().collect::<Vec<_>>().join(" ");
    bigram_dice(&core(&cs), &core(&os)) >= 0.5
}

/// Aligns a translated copy with its original. Entities both name alike are anchors; a
/// fact of the copy and a fact of the original with the same predicate, role and place
/// in the story, one end on an anchor, pair their other ends, when the pairing is one to
/// one and the names could be one name garbled. Returns the links (copy local → original
/// local) and how many facts of the copy line up, or None when the stories differ.
pub fn align(locals: &[Local], copy: &Story, orig: &Story) -> Option<(Vec<Link>, usize)> {
    let lid = |s: &Story, id: i64| s.locals.iter().copied().find(|&i| locals[i].local_id == id);
    let mut map: BTreeMap<usize, usize> = BTreeMap::new();
    let mut back: BTreeMap<usize, usize> = BTreeMap::new();
    let mut links = Vec::new();
    let plain = |k: &str| k.split('@').next().unwrap_or(k).to_string();
    for &c in &copy.locals {
        let lc = &locals[c];
        let hit = orig.locals.iter().copied().find(|&o| locals[o].key == lc.key).or_else(|| {
            orig.locals.iter().copied().find(|&o| locals[o].etype == lc.etype && (plain(&locals[o].key) == plain(&lc.key) || fold(locals[o].name()) == fold(lc.name())))
        });
        if let Some(o) = hit {
            if back.contains_key(&o) {
                continue;
            }
            map.insert(c, o);
            back.insert(o, c);
            if locals[o].key != lc.key {
                links.push(Link { from: c, to: o, rule: "translated copy: same name", evidence: format!("{:?} in {} is {:?} in its original {}", lc.name(), lc.article, locals[o].name(), locals[o].article) });
            }
        }
    }
    let anchors = map.len();
    let pos = |s: &Story, f: &FactRow| f.sentence as f64 / s.sentences.max(1) as f64;
    let same_role = |a: &Option<String>, b: &Option<String>| match (a, b) {
        (Some(x), Some(y)) => fold(x) == fold(y),
        _ => true,
    };
    loop {
        let mut cand: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
        let mut why: BTreeMap<(usize, usize), String> = BTreeMap::new();
        for fc in &copy.facts {
            for fo in &orig.facts {
                if fc.predicate != fo.predicate || !same_role(&fc.role, &fo.role) || (pos(copy, fc) - pos(orig, fo)).abs() > 0.3 {
                    continue;
                }
                let (Some(cs), Some(os)) = (lid(copy, fc.subject), lid(orig, fo.subject)) else { continue };
                let (co, oo) = (fc.object.and_then(|x| lid(copy, x)), fo.object.and_then(|x| lid(orig, x)));
                let (Some(co), Some(oo)) = (co, oo) else { continue };
                for (known_c, known_o, c, o, subject) in [(cs, os, co, oo, true), (co, oo, cs, os, false)] {
                    if map.get(&known_c) == Some(&known_o) && !map.contains_key(&c) && !back.contains_key(&o) && could_be(&locals[c], &locals[o]) {
                        cand.entry(c).or_default().insert(o);
                        why.entry((c, o)).or_insert_with(|| {
                            let known = locals[known_c].name();
                            let said = if subject { format!("{known:?} {} it", fc.predicate) } else { format!("it {} {known:?}", fc.predicate) };
                            format!("in both, {said} (sentence {} of the copy, {} of the original)", fc.sentence + 1, fo.sentence + 1)
                        });
                    }
                }
            }
        }
        let mut rev: BTreeMap<usize, usize> = BTreeMap::new();
        for os in cand.values() {
            for &o in os {
                *rev.entry(o).or_default() += 1;
            }
        }
        let mut added = false;
        for (c, os) in &cand {
            let o = *os.iter().next().expect("non-empty");
            if os.len() == 1 && rev[&o] == 1 {
                map.insert(*c, o);
                back.insert(o, *c);
                let (lc, lo) = (&locals[*c], &locals[o]);
                links.push(Link {
                    from: *c,
                    to: o,
                    rule: "translated copy aligned with its original",
                    evidence: format!("{:?} in {} stands where {:?} stands in {}: {}", lc.name(), lc.article, lo.name(), lo.article, why[&(*c, o)]),
                });
                added = true;
            }
        }
        if !added {
            break;
        }
    }
    let lined = copy
        .facts
        .iter()
        .filter(|fc| {
            let (Some(cs), co) = (lid(copy, fc.subject), fc.object.and_then(|x| lid(copy, x))) else { return false };
            orig.facts.iter().any(|fo| {
                fo.predicate == fc.predicate
                    && map.get(&cs).is_some_and(|&o| Some(o) == lid(orig, fo.subject))
                    && match (co, fo.object.and_then(|x| lid(orig, x))) {
                        (Some(c), Some(o)) => map.get(&c) == Some(&o),
                        (None, None) => true,
                        _ => false,
                    }
            })
        })
        .count();
    // the copy tells the same story: most of its facts, and most of the original's, line
    // up, in stories of about the same length
    let most = copy.facts.len().max(orig.facts.len());
    let (sa, sb) = (copy.sentences.min(orig.sentences), copy.sentences.max(orig.sentences));
    let enough = anchors >= 2 && lined >= 3 && lined * 10 >= copy.facts.len() * 6 && lined * 2 >= most && sa * 10 >= sb * 7;
    enough.then_some((links, lined))
}

/// What the dedup step found.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// article → the article it copies (the original of its group).
    /// Articles found to copy another.
    pub duplicates: usize,
    /// Articles that are translated copies: their names are aliases, not canonical names.
    pub translated: BTreeSet<String>,
    pub links: Vec<Link>,
    pub copies: usize,
    pub translations: usize,
    /// The rows to write, kept for [`write`]: the build's full-text indexing holds the
    /// write lock meanwhile, and writing now would wait for it.
    pub pending: Pending,
}

/// What dedup writes: similarities newly compared (a cache for later builds), then the
/// `article.duplicate_of` values that change, in that order.
#[derive(Debug, Clone, Default)]
pub struct Pending {
    similarities: Vec<(i64, i64, Sims)>,
    duplicate_of: Vec<(i64, Option<String>)>,
}

/// Writes what [`candidates_of`] and [`run`] found (inside the caller's transaction).
pub fn write(conn: &Connection, pending: &Pending) -> Result<()> {
    let mut st = conn.prepare("INSERT OR REPLACE INTO similarity (a, b, shingles, contained, words) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for (a, b, s) in &pending.similarities {
        st.execute(params![a, b, s.shingles, s.contained, s.words])?;
    }
    let mut st = conn.prepare_cached("UPDATE article SET duplicate_of = ?2 WHERE num = ?1")?;
    for (num, want) in &pending.duplicate_of {
        st.execute(params![num, want])?;
    }
    Ok(())
}

/// Up to three distinct articles that use a key (more are not needed).
#[derive(Default)]
struct KeyArticles<'a>([Option<&'a str>; 3]);

impl<'a> KeyArticles<'a> {
    fn add(&mut self, a: &'a str) {
        for slot in self.0.iter_mut() {
            match slot {
                Some(x) if *x == a => return,
                Some(_) => {}
                None => {
                    *slot = Some(a);
                    return;
                }
            }
        }
    }
    fn only_one(&self) -> bool {
        self.0[1].is_none()
    }
    /// Whether an article other than these two uses the key.
    fn any_but(&self, a: &str, b: &str) -> bool {
        self.0.iter().flatten().any(|x| *x != a && *x != b)
    }
}

struct Meta {
    num: i64,
    id: String,
    published: Option<String>,
    current: Option<String>,
    title: Option<String>,
}

fn load_story(conn: &Connection, article: i64, locals: &[usize]) -> Result<Story> {
    let mut st = conn.prepare_cached("SELECT subject, predicate, object, role, sentence FROM fact WHERE article = ?1 ORDER BY idx")?;
    let facts = st
        .query_map([article], |r| Ok(FactRow { subject: r.get(0)?, predicate: r.get(1)?, object: r.get(2)?, role: r.get(3)?, sentence: r.get(4)? }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let sentences: i64 = conn.query_row("SELECT count(*) FROM sentence WHERE article = ?1", [article], |r| r.get(0))?;
    Ok(Story { locals: locals.to_vec(), facts, sentences })
}

/// Whether two publication dates (ISO, maybe missing) are within a week: a translation
/// appears soon after its original.
fn near_in_time(a: Option<&str>, b: Option<&str>) -> bool {
    within(a, b, 7)
}

/// Whether two ISO dates (maybe missing) are at most `days` apart.
fn within(a: Option<&str>, b: Option<&str>, days: i64) -> bool {
    let day = |s: &str| -> Option<i64> {
        let mut p = s.get(..10)?.split('-').map(|x| x.parse::<i64>().ok());
        let (y, m, d) = (p.next()??, p.next()??, p.next()??);
        Some(y * 372 + m * 31 + d)
    };
    match (a.and_then(day), b.and_then(day)) {
        (Some(x), Some(y)) => (x - y).abs() <= days,
        _ => true,
    }
}

/// Articles that look alike, found from their fingerprints and texts alone (run before the
/// local entities are loaded, so the texts compared and the entities are never in memory
/// together).
pub struct Candidates {
    metas: Vec<Meta>,
    /// article → its group of identical texts; groups' members
    group_of: Vec<usize>,
    members: Vec<Vec<usize>>,
    copies: Vec<(usize, usize, f64)>,
    translations: Vec<(usize, usize, f64)>,
    similarities: Vec<(i64, i64, Sims)>,
}

pub fn candidates_of(conn: &Connection) -> Result<Candidates> {
    let mut metas: Vec<Meta> = Vec::new();
    // Identical texts (same hash) are copies of the first by id, their representative;
    // only representatives are compared, so a corpus full of exact copies costs no more.
    let mut reps: Vec<usize> = Vec::new();
    let mut group_of: Vec<usize> = Vec::new();
    let mut prints: Vec<Fingerprint> = Vec::new();
    {
        let mut first: HashMap<String, usize> = HashMap::new();
        let mut st = conn.prepare(
            "SELECT a.num, a.id, a.published, a.duplicate_of, a.title, a.hash, p.shingles, p.words, p.word_count
             FROM article a JOIN fingerprint p ON p.article = a.num ORDER BY a.id",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let id: String = r.get(1)?;
            let i = metas.len();
            let g = *first.entry(r.get(5)?).or_insert(reps.len());
            group_of.push(g);
            if g == reps.len() {
                reps.push(i);
                let sig = |c: usize| -> Result<[u64; HASHES]> {
                    from_blob(r.get_ref(c)?.as_blob()?).ok_or_else(|| anyhow::anyhow!("bad fingerprint of article {id}"))
                };
                prints.push(Fingerprint { shingles: sig(6)?, words: sig(7)?, word_count: r.get::<_, i64>(8)? as usize });
            }
            metas.push(Meta { num: r.get(0)?, id, published: r.get(2)?, current: r.get(3)?, title: r.get(4)? });
        }
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); reps.len()];
    for (i, &g) in group_of.iter().enumerate() {
        members[g].push(i);
    }
    let rep_of_num: HashMap<i64, usize> = reps.iter().enumerate().map(|(g, &i)| (metas[i].num, g)).collect();
    let mut known: HashMap<(usize, usize), Sims> = HashMap::new();
    {
        let mut st = conn.prepare("SELECT a, b, shingles, contained, words FROM similarity")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            if let (Some(&i), Some(&j)) = (rep_of_num.get(&r.get(0)?), rep_of_num.get(&r.get(1)?)) {
                known.insert((i, j), Sims { shingles: r.get(2)?, contained: r.get(3)?, words: r.get(4)? });
            }
        }
    }
    // (most candidate translations of a corpus of one language are stories on one subject,
    // and most of those are too poor in facts to align: their texts are not read)
    let facts = fact_counts(conn)?;
    let alignable = |g: usize, h: usize| {
        let (a, b) = (&metas[reps[g]], &metas[reps[h]]);
        may_align(&facts, a, b)
    };
    let Similar { copies: rep_copies, translations: rep_translations, compared } = {
        let mut st = conn.prepare_cached("SELECT text FROM sentence WHERE article = ?1 ORDER BY idx")?;
        similar_prints(&prints, &mut known, alignable, |g| {
            let mut rows = st.query([metas[reps[g]].num])?;
            let mut buf = String::new();
            while let Some(r) = rows.next()? {
                buf.push_str(r.get_ref(0)?.as_str()?);
                buf.push(' ');
            }
            Ok(buf)
        })?
    };
    drop(prints);
    let mut similarities: Vec<(i64, i64, Sims)> = compared.iter().map(|&(i, j)| (metas[reps[i]].num, metas[reps[j]].num, known[&(i, j)])).collect();
    similarities.sort_by_key(|x| (x.0, x.1));
    drop(known);
    // back to articles: exact copies, then every member of two similar groups
    let mut copies: Vec<(usize, usize, f64)> = Vec::new();
    for m in &members {
        for (x, &i) in m.iter().enumerate() {
            copies.extend(m[x + 1..].iter().map(|&j| (i, j, 1.0)));
        }
    }
    for &(g, h, sim) in &rep_copies {
        for &i in &members[g] {
            copies.extend(members[h].iter().map(|&j| (i.min(j), i.max(j), sim)));
        }
    }
    copies.sort_by_key(|c| (c.0, c.1));
    let translations: Vec<(usize, usize, f64)> = rep_translations.iter().map(|&(g, h, sim)| (reps[g], reps[h], sim)).collect();
    Ok(Candidates { metas, group_of, members, copies, translations, similarities })
}

/// The candidate translations worth aligning: most similar first, each article in at most
/// `MAX_ALIGNMENTS` of them, so the work grows with the articles, not with the pairs.
fn pairs_to_align(pairs: &[(usize, usize, f64)], articles: usize, eligible: impl Fn(usize, usize) -> bool) -> Vec<(usize, usize)> {
    let mut order: Vec<&(usize, usize, f64)> = pairs.iter().collect();
    order.sort_by(|a, b| b.2.total_cmp(&a.2).then((a.0, a.1).cmp(&(b.0, b.1))));
    let mut used: Vec<u32> = vec![0; articles];
    let mut out = Vec::new();
    for &&(i, j, _) in &order {
        if used[i] < MAX_ALIGNMENTS && used[j] < MAX_ALIGNMENTS && eligible(i, j) {
            used[i] += 1;
            used[j] += 1;
            out.push((i, j));
        }
    }
    out
}

/// Facts per article (by `article.num`).
fn fact_counts(conn: &Connection) -> Result<HashMap<i64, usize>> {
    let mut out = HashMap::new();
    let mut st = conn.prepare("SELECT article, count(*) FROM fact GROUP BY article")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        out.insert(r.get(0)?, r.get::<_, i64>(1)? as usize);
    }
    Ok(out)
}

/// Whether two articles could be aligned as a translation and its original: a story needs
/// facts to line up, and a translation appears soon after its original.
fn may_align(facts: &HashMap<i64, usize>, a: &Meta, b: &Meta) -> bool {
    let n = |m: &Meta| facts.get(&m.num).copied().unwrap_or(0);
    n(a) >= 3 && n(b) >= 3 && near_in_time(a.published.as_deref(), b.published.as_deref())
}

/// Decides which candidates are copies and translated copies, with the entity links the
/// translations give, and the `article.duplicate_of` values that change (for [`write`]).
pub fn run(conn: &Connection, locals: &[Local], found_pairs: Candidates) -> Result<Found> {
    let Candidates { metas, group_of, members, copies, translations, similarities } = found_pairs;

    // an article's locals (as index lists), and for each key the first three articles
    // using it: enough to tell "only here" and "also in another article"
    // (locals come grouped by article)
    let mut by_article: HashMap<&str, std::ops::Range<usize>> = HashMap::new();
    let mut key_articles: crate::fasthash::FastMap<&str, KeyArticles> = Default::default();
    for (i, l) in locals.iter().enumerate() {
        by_article.entry(&l.article).and_modify(|r| r.end = i + 1).or_insert(i..i + 1);
        key_articles.entry(&l.key).or_default().add(&l.article);
    }
    let locals_of = |a: &str| by_article.get(a).cloned().unwrap_or(0..0);
    // how well the rest of the corpus knows an article's names: originals spell them as
    // other articles do, translated copies garble them
    let support = |a: &str, other: &str| -> usize {
        locals_of(a).filter(|&i| key_articles[&*locals[i].key].any_but(a, other)).count()
    };

    // union of copies; the original of a group: dated first, earliest, then first id
    let mut parent: Vec<usize> = (0..metas.len()).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let rank = |i: usize| (metas[i].published.is_none(), metas[i].published.clone(), metas[i].id.clone());
    let mut found = Found::default();
    // a template filled with other names (two disaster declarations for two states) is
    // not a copy: the names of the shorter must nearly all be in the longer
    let named = |a: &str| -> BTreeSet<&str> { locals_of(a).map(|i| &*locals[i].key).filter(|k| !k.contains("@article ")).collect() };
    // and the two name the same people and places (a readout of a call
    // with another leader, a declaration for another state, is another story); copies
    // appear within a month of each other (a notice renewed every year is not a copy)
    let same_names = |i: usize, j: usize| {
        let (x, y) = (named(&metas[i].id), named(&metas[j].id));
        let (x, y) = if x.len() <= y.len() { (x, y) } else { (y, x) };
        let small = x.len();
        // both ways: a short template text naming nobody must not chain two others together
        let pp = |k: &&&str| k.starts_with("person:") || k.starts_with("gpe:");
        let people_places = x.iter().filter(pp).eq(y.iter().filter(pp));
        let names = (small == 0 && y.is_empty()) || (small > 0 && x.intersection(&y).count() * 10 >= small * 8);
        names && people_places && within(metas[i].published.as_deref(), metas[j].published.as_deref(), 31)
    };
    // two releases built on one template ("... Approves Montana Disaster Declaration" and
    // "... Kansas ...") carry different titles: with different titles, only a near-identical
    // text is a copy
    let titles_differ = |i: usize, j: usize| match (&metas[i].title, &metas[j].title) {
        (Some(a), Some(b)) => crate::names::fold(a) != crate::names::fold(b),
        _ => false,
    };
    for &(i, j, sim) in &copies {
        if !same_names(i, j) || titles_differ(i, j) && sim < 0.9 {
            continue;
        }
        let (a, b) = (find(&mut parent, i), find(&mut parent, j));
        if a != b {
            let (root, other) = if rank(a) <= rank(b) { (a, b) } else { (b, a) };
            parent[other] = root;
        }
        found.copies += 1;
    }
    let fact_count = fact_counts(conn)?;
    // many versions of one story (each a candidate translation of all the others) once
    // cost an alignment per pair, on every build; now a few per article, stories read once
    let eligible = |i: usize, j: usize| may_align(&fact_count, &metas[i], &metas[j]);
    let mut stories: HashMap<usize, Story> = HashMap::new();
    for (i, j) in pairs_to_align(&translations, metas.len(), eligible) {
        let (ai, aj) = (metas[i].id.as_str(), metas[j].id.as_str());
        let (si, sj) = (support(ai, aj), support(aj, ai));
        let (copy, orig) = if (si, std::cmp::Reverse(rank(i))) < (sj, std::cmp::Reverse(rank(j))) { (i, j) } else { (j, i) };
        for k in [copy, orig] {
            if let std::collections::hash_map::Entry::Vacant(e) = stories.entry(k) {
                let l: Vec<usize> = locals_of(&metas[k].id).collect();
                e.insert(load_story(conn, metas[k].num, &l)?);
            }
        }
        let (cs, os) = (&stories[&copy], &stories[&orig]);
        let Some((links, _)) = align(locals, cs, os) else { continue };
        // A translation garbles names no other article uses, and leaves few names of its
        // own unexplained; a template filled with other, well-known names does neither.
        let rare = |i: usize| key_articles[&*locals[i].key].only_one();
        let links: Vec<Link> = links.into_iter().filter(|l| l.rule.starts_with("translated copy: same") || rare(l.from)).collect();
        let garbled = links.iter().filter(|l| !l.rule.starts_with("translated copy: same")).count();
        let named: Vec<usize> = cs.locals.iter().copied().filter(|&i| !locals[i].key.contains("@article ")).collect();
        let explained = named
            .iter()
            .filter(|&&i| links.iter().any(|l| l.from == i) || os.locals.iter().any(|&o| locals[o].key == locals[i].key))
            .count();
        if garbled == 0 || explained * 10 < named.len() * 8 {
            continue;
        }
        found.translations += 1;
        // the translation's exact copies are translations too
        found.translated.extend(members[group_of[copy]].iter().map(|&i| metas[i].id.clone()));
        found.links.extend(links);
        let (a, b) = (find(&mut parent, copy), find(&mut parent, orig));
        if a != b {
            parent[a] = b;
        }
    }
    found.pending.similarities = similarities;
    for i in 0..metas.len() {
        let r = find(&mut parent, i);
        let want = (r != i).then(|| metas[r].id.as_str());
        if r != i {
            found.duplicates += 1;
        }
        if want != metas[i].current.as_deref() {
            found.pending.duplicate_of.push((metas[i].num, want.map(str::to_string)));
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "The city council approved the new budget on Monday after a long debate about \
        school funding, road repairs and the future of the central library, which has been closed since the flood \
        of last spring. The mayor said the vote showed that the council could still agree on what matters.";

    #[test]
    fn syndicated_copy_is_found_and_other_texts_are_not() {
        let copy = format!("{STORY} Reporting by the wire service.");
        let other = "Heavy snow closed the mountain pass for a third day as crews worked to clear avalanches \
            and stranded drivers waited in shelters along the highway, the transport ministry said on Friday.";
        let (copies, _) = similar(&[STORY, &copy, other]);
        assert_eq!(copies.iter().map(|c| (c.0, c.1)).collect::<Vec<_>>(), vec![(0, 1)]);
    }

    #[test]
    fn ascii_words_hash_as_their_lower_case() {
        let got = word_hashes("The Council, of THE city-hall said");
        let want: Vec<(u64, bool)> = ["the", "council", "of", "the", "city", "hall", "said"].iter().map(|w| (hash(w), w.len() > 2 && !is_stop(w))).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn stop_words_match_the_list() {
        for w in STOP {
            assert!(is_stop(w), "{w}");
        }
        assert!(!is_stop("council") && !is_stop("thee"));
    }

    #[test]
    fn alignments_grow_with_the_articles_not_the_pairs() {
        let n = 300;
        let all: Vec<(usize, usize, f64)> = (0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j, 0.5 + ((i * 7 + j) % 13) as f64 / 100.0))).collect();
        let picked = pairs_to_align(&all, n, |_, _| true);
        assert!(picked.len() <= n * MAX_ALIGNMENTS as usize / 2, "{} alignments", picked.len());
        // a lone pair is always aligned, the most similar first
        let few = [(0, 1, 0.4), (2, 3, 0.9)];
        assert_eq!(pairs_to_align(&few, 4, |_, _| true), [(2, 3), (0, 1)]);
        assert_eq!(pairs_to_align(&few, 4, |i, _| i != 2), [(0, 1)]);
    }

    #[test]
    fn jaccard_counts_common_hashes() {
        assert!((jaccard(&[1, 2, 3], &[2, 3, 4]) - 0.5).abs() < 1e-9);
        assert_eq!(common(&[1, 5, 9], &[5, 9, 10]), 2);
    }
}

#[cfg(test)]
mod fold_tests {
    use super::*;

    #[test]
    fn words_of_a_non_ascii_text_are_its_folded_words() {
        let text = "The “Ministry” of Türkiye's — Heydər Əliyev’s  plan, 2,500 km; it's done.\nA-B c'd";
        let want: Vec<u64> = fold(text).split(' ').filter(|w| !w.is_empty()).map(hash).collect();
        let got: Vec<u64> = word_hashes(text).into_iter().map(|x| x.0).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn typographic_punctuation_splits_as_fold_splits() {
        // every character the fast path takes, between letters, beside digits and at the ends
        let marks: String = ('\u{2010}'..='\u{205E}').chain(['«', '»', '½', 'ª', 'ﬁ', 'ʼ']).collect();
        for c in marks.chars() {
            let text = format!("Ab{c}cd 12{c}34 {c}Word{c} x{c}{c}y");
            let want: Vec<u64> = fold(&text).split(' ').filter(|w| !w.is_empty()).map(hash).collect();
            let got: Vec<u64> = word_hashes(&text).into_iter().map(|x| x.0).collect();
            assert_eq!(got, want, "{c:?} (U+{:04X})", c as u32);
        }
    }

    #[test]
    fn words_and_content_flags_are_folds_words() {
        // stop words, apostrophes, a piece that turns to other letters half-way ("re-élu")
        for text in [
            "The Minister’s visit to Montréal—and the O’Brien «plan» re-élu, said: there would be 3.5 “more” of it.",
            "“Their” d’Estaing’s Zürich–Genève deal, which was signed in São Paulo… ½ of it",
        ] {
            let want: Vec<(u64, bool)> = fold(text).split(' ').filter(|w| !w.is_empty()).map(|w| (hash(w), w.len() > 2 && !STOP.contains(&w))).collect();
            assert_eq!(word_hashes(text), want, "{text}");
        }
    }
}

#[cfg(test)]
mod stored_tests {
    use super::*;

    #[test]
    fn known_comparisons_are_not_made_again() {
        let a = "The city council approved the new budget on Monday after a long debate about school funding, road repairs and the library.";
        let b = format!("{a} Reporting by the wire service.");
        let prints: Vec<Fingerprint> = [a, b.as_str()].iter().map(|t| Fingerprint::of(&Text::new(t))).collect();
        let mut known = HashMap::new();
        let first = similar_prints(&prints, &mut known, |_, _| true, |i| Ok([a, b.as_str()][i].to_string())).unwrap();
        assert_eq!(first.compared, vec![(0, 1)]);
        assert_eq!(first.copies.len(), 1);
        let again = similar_prints(&prints, &mut known, |_, _| true, |_| panic!("no text is read again")).unwrap();
        assert!(again.compared.is_empty());
        assert_eq!(again.copies.len(), 1);
    }

    #[test]
    fn candidate_translations_that_cannot_align_are_not_read() {
        // the same words in another order: a translation's profile, not a copy's
        let a = "The regional council approved a new budget for schools, roads, hospitals and libraries after a long debate with the mayor and citizens";
        let b: String = a.split(' ').rev().collect::<Vec<_>>().join(" ");
        let prints: Vec<Fingerprint> = [a, b.as_str()].iter().map(|t| Fingerprint::of(&Text::new(t))).collect();
        let found = similar_prints(&prints, &mut HashMap::new(), |_, _| true, |i| Ok([a, b.as_str()][i].to_string())).unwrap();
        assert_eq!((found.copies.len(), found.translations.len()), (0, 1));
        let skipped = similar_prints(&prints, &mut HashMap::new(), |_, _| false, |_| panic!("no text is read")).unwrap();
        assert!(skipped.compared.is_empty() && skipped.translations.is_empty());
    }

    #[test]
    fn streamed_fingerprint_equals_the_one_of_the_sets() {
        for t in ["", "one", "a b c", "The council met. The council met again, and again, and again on Monday in the city hall."] {
            assert_eq!(Fingerprint::of_sentences([t].into_iter()), Fingerprint::of(&Text::new(&joined([t].into_iter()))), "{t:?}");
        }
    }

    #[test]
    fn fingerprints_survive_the_database() {
        let p = Fingerprint::of(&Text::new("one two three four five six seven"));
        assert_eq!(from_blob(&to_blob(&p.shingles)), Some(p.shingles));
        assert_eq!(from_blob(&[1, 2, 3]), None);
    }
}
