//! Cleaning: blank out what scrapers leave around the article text, keeping a map from
//! every cleaned byte back to the original.
//!
//! Two passes. `markup` reads the original and decides edits (a tag removed, an entity
//! decoded, a Markdown marker dropped). `lines` then reads the result line by line and
//! decides which lines are page furniture (share buttons, bylines, "Related stories" and
//! everything after). Its removals are carried back to the original, merged with the
//! first edits, and the original is cut once more: so every piece of the final text is
//! either a verbatim slice of the original or one small replacement.

use super::{lines, markup};
use crate::model::CleanText;
use std::borrow::Cow;

/// How the input is written. Tags and entities are handled in every format (Markdown
/// from scrapers keeps inline HTML); Markdown syntax only when the text looks like it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Plain,
    Markdown,
    Html,
}

/// Metadata found while cleaning, in places the cleaned text no longer shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    /// From front matter, or from `<title>` / `<h1>` of an HTML page.
    pub title: Option<String>,
    /// From front matter.
    pub date: Option<String>,
    /// From a leading ` date 2023-09-19` header line.
    pub header_date: Option<String>,
    /// From `<meta property="article:published_time">` or `<time datetime>`.
    pub html_date: Option<String>,
    /// From front matter.
    pub source: Option<String>,
    /// From a byline such as "By Jane Doe, Reuters".
    pub byline_source: Option<String>,
    /// From `<meta property="og:site_name">`: the publisher, a last resort.
    pub site: Option<String>,
}

/// The outcome of cleaning one text.
#[derive(Debug, Clone, PartialEq)]
pub struct Cleaned {
    pub clean: CleanText,
    pub format: Format,
    pub hints: Hints,
}

/// One change to the original: bytes `start..end` become `rep`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Edit {
    pub start: usize,
    pub end: usize,
    pub rep: Cow<'static, str>,
}

impl Edit {
    pub fn remove(start: usize, end: usize) -> Self {
        Edit {
            start,
            end,
            rep: Cow::Borrowed(""),
        }
    }
    pub fn replace(start: usize, end: usize, rep: impl Into<Cow<'static, str>>) -> Self {
        Edit {
            start,
            end,
            rep: rep.into(),
        }
    }
}

/// A stretch of cleaned text: a verbatim slice of the original, or a replacement of the
/// original bytes `orig..orig_end`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Piece {
    pub clean: usize,
    pub orig: usize,
    pub orig_end: usize,
    pub verbatim: bool,
}

/// The original with edits applied, and the pieces it is made of.
#[derive(Debug, Clone)]
pub(crate) struct Applied {
    pub text: String,
    pub pieces: Vec<Piece>,
    orig_len: usize,
}

/// Apply sorted, non-overlapping edits.
pub(crate) fn apply(original: &str, edits: &[Edit]) -> Applied {
    let mut text = String::with_capacity(original.len());
    let mut pieces = Vec::with_capacity(edits.len() * 2 + 1);
    let mut pos = 0;
    let verbatim = |text: &mut String, pieces: &mut Vec<Piece>, a: usize, b: usize| {
        if b > a {
            pieces.push(Piece {
                clean: text.len(),
                orig: a,
                orig_end: b,
                verbatim: true,
            });
            text.push_str(&original[a..b]);
        }
    };
    for e in edits {
        debug_assert!(
            e.start >= pos && e.end >= e.start,
            "edits overlap: {e:?} at {pos}"
        );
        if e.start < pos {
            continue;
        }
        verbatim(&mut text, &mut pieces, pos, e.start);
        if !e.rep.is_empty() {
            pieces.push(Piece {
                clean: text.len(),
                orig: e.start,
                orig_end: e.end,
                verbatim: false,
            });
            text.push_str(&e.rep);
        }
        pos = e.end;
    }
    verbatim(&mut text, &mut pieces, pos, original.len());
    Applied {
        text,
        pieces,
        orig_len: original.len(),
    }
}

impl Applied {
    fn piece_at(&self, c: usize) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.clean <= c);
        if i == 0 {
            None
        } else {
            Some(&self.pieces[i - 1])
        }
    }

    /// Original offset where the cleaned text from `c` on comes from.
    pub fn orig_start(&self, c: usize) -> usize {
        if c >= self.text.len() {
            return self.orig_len;
        }
        match self.piece_at(c) {
            Some(p) if p.verbatim => p.orig + (c - p.clean),
            Some(p) => p.orig,
            None => c,
        }
    }

    /// Original offset just after the cleaned text up to `c` (exclusive end).
    pub fn orig_end(&self, c: usize) -> usize {
        if c == 0 {
            return self.orig_start(0);
        }
        match self.piece_at(c - 1) {
            Some(p) if p.verbatim => p.orig + (c - p.clean),
            Some(p) => p.orig_end,
            None => c,
        }
    }

    pub fn to_clean_text(&self) -> CleanText {
        let map = self.pieces.iter().map(|p| (p.clean, p.orig)).collect();
        CleanText {
            text: self.text.clone(),
            map,
        }
    }
}

/// Original offset for the exclusive end `clean_end` of a cleaned span: unlike
/// `CleanText::to_original`, it does not jump over text removed right after the span
/// ("world" in "world</b>." maps to the end of "world", not past "</b>").
pub fn original_end(clean: &CleanText, clean_end: usize) -> usize {
    if clean_end == 0 {
        return clean.to_original(0);
    }
    let i = clean.map.partition_point(|&(c, _)| c < clean_end);
    if i == 0 {
        return clean_end;
    }
    let (c, o) = clean.map[i - 1];
    o + (clean_end - c)
}

fn join(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    spans.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (a, b) in spans {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

/// Index of the first span that overlaps `start..end`, if any (spans sorted, disjoint).
fn overlapping(spans: &[(usize, usize)], start: usize, end: usize) -> Option<usize> {
    let i = spans.partition_point(|&(_, b)| b <= start);
    (i < spans.len() && spans[i].0 < end.max(start + 1)).then_some(i)
}

/// Merge line removals (original offsets) into the markup edits: an edit inside a
/// removal goes, one reaching out of it widens it.
fn merge(edits: Vec<Edit>, removals: Vec<(usize, usize)>) -> Vec<Edit> {
    let mut spans = join(removals);
    loop {
        let mut widened = false;
        for e in &edits {
            if let Some(i) = overlapping(&spans, e.start, e.end) {
                let s = &mut spans[i];
                if e.start < s.0 || e.end > s.1 {
                    *s = (s.0.min(e.start), s.1.max(e.end));
                    widened = true;
                }
            }
        }
        if !widened {
            break;
        }
        spans = join(spans);
    }
    let mut out: Vec<Edit> = edits
        .into_iter()
        .filter(|e| overlapping(&spans, e.start, e.end).is_none())
        .collect();
    out.extend(
        spans
            .into_iter()
            .filter(|(a, b)| b > a)
            .map(|(a, b)| Edit::remove(a, b)),
    );
    out.sort_by_key(|e| (e.start, e.end));
    out
}

/// Clean one text. Never fails: the worst case is the text unchanged.
pub fn clean(original: &str) -> Cleaned {
    let mut hints = Hints::default();
    let format = markup::detect(original);
    let edits = markup::edits(original, format, &mut hints);
    let first = apply(original, &edits);
    let removals = lines::removals(&first.text, &mut hints);
    let applied = if removals.is_empty() {
        first
    } else {
        let orig: Vec<(usize, usize)> = removals
            .iter()
            .map(|&(a, b)| (first.orig_start(a), first.orig_end(b)))
            .collect();
        apply(original, &merge(edits, orig))
    };
    Cleaned {
        clean: applied.to_clean_text(),
        format,
        hints,
    }
}

/// Clean and also return the pieces (for tests of the offset map).
#[cfg(test)]
pub(crate) fn clean_pieces(original: &str) -> (Cleaned, Vec<Piece>) {
    let mut hints = Hints::default();
    let format = markup::detect(original);
    let edits = markup::edits(original, format, &mut hints);
    let first = apply(original, &edits);
    let removals = lines::removals(&first.text, &mut hints);
    let orig: Vec<(usize, usize)> = removals
        .iter()
        .map(|&(a, b)| (first.orig_start(a), first.orig_end(b)))
        .collect();
    let applied = apply(original, &merge(edits, orig));
    (
        Cleaned {
            clean: applied.to_clean_text(),
            format,
            hints,
        },
        applied.pieces,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> String {
        clean(s).clean.text
    }

    /// Deterministic xorshift, so the random offsets are the same on every run.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    /// For many random spans inside verbatim pieces, the map gives the same bytes back.
    fn check_offsets(original: &str, rounds: usize) -> usize {
        let (cleaned, pieces) = clean_pieces(original);
        let ct = &cleaned.clean;
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut checked = 0;
        let verbatim: Vec<&Piece> = pieces.iter().filter(|p| p.verbatim).collect();
        if verbatim.is_empty() {
            return 0;
        }
        for _ in 0..rounds {
            let p = verbatim[rng.next(verbatim.len())];
            let len = p.orig_end - p.orig;
            let (mut a, mut b) = (p.clean + rng.next(len + 1), p.clean + rng.next(len + 1));
            if a > b {
                std::mem::swap(&mut a, &mut b);
            }
            if a == b || !ct.text.is_char_boundary(a) || !ct.text.is_char_boundary(b) {
                continue;
            }
            let want = &ct.text[a..b];
            let oa = ct.to_original(a);
            let ob = original_end(ct, b);
            assert_eq!(&original[oa..ob], want, "span {a}..{b}");
            if b < p.clean + len {
                // strictly inside a piece the plain map is exact for ends too
                assert_eq!(&original[oa..ct.to_original(b)], want, "span {a}..{b}");
            }
            checked += 1;
        }
        checked
    }

    #[test]
    fn offsets_map_back_on_seeds_and_snippets() {
        let mut texts: Vec<String> = Vec::new();
        if let Ok(dir) = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles")) {
            for f in dir.flatten() {
                texts.push(std::fs::read_to_string(f.path()).unwrap());
            }
        }
        texts.push(HTML.to_string());
        texts.push(MARKDOWN.to_string());
        texts.push("By Jane Doe\n\nPlain &amp; simple text, «quoted» — done.\n\nShare\n\nMore text here.\n\nRelated stories\nOther".into());
        let mut total = 0;
        for t in &texts {
            total += check_offsets(t, 2000);
        }
        assert!(total > 5000, "only {total} spans checked");
    }

    const HTML: &str = "<!DOCTYPE html><html><head><title>Ministers meet in Baku</title>\n<meta property=\"article:published_time\" content=\"2023-09-19T08:00:00Z\"><style>p{color:red}</style></head>\n<body><nav><a href=\"/\">Home</a> | <a href=\"/world\">World</a></nav>\n<header><h1>Ministers meet</h1></header>\n<article><h1>Ministers meet in Baku</h1>\n<p>The ministers met on Tuesday &amp; agreed to talk again.<br>They said &#8220;yes&#x201D;&nbsp;twice.</p>\n<p>It was the <b>first</b> meeting <i>since</i> 2020.</p>\n<script>var x = '<p>not text</p>';</script>\n<aside>Most read: other things</aside></article>\n<footer>© News Co. <a href=\"/privacy\">Privacy</a></footer></body></html>";

    const MARKDOWN: &str = "---\ntitle: \"Leaders agree on trade\"\ndate: 2023-09-19\nsource: Example Wire\n---\n\n# Leaders agree on trade\n\nThe **leaders** of both countries met in [Geneva](https://example.org/geneva_(city)) on _Monday_.\n\n-   **Item one** of the deal\n-   Item *two*, with snake_case kept\n\n> A quoted line \\* with an escaped star.\n\n\\###\n";

    #[test]
    fn html_drops_furniture_and_decodes() {
        let r = clean(HTML);
        assert_eq!(r.format, Format::Html);
        let t = &r.clean.text;
        assert!(t.contains("The ministers met on Tuesday & agreed to talk again.\nThey said \u{201c}yes\u{201d} twice."), "{t}");
        assert!(t.contains("It was the first meeting since 2020."), "{t}");
        for gone in [
            "Home",
            "World",
            "color",
            "not text",
            "Most read",
            "Privacy",
            "<",
            "Ministers meet\n\n",
        ] {
            assert!(!t.contains(gone), "{gone:?} left in {t:?}");
        }
        assert_eq!(r.hints.title.as_deref(), Some("Ministers meet in Baku"));
        assert_eq!(r.hints.html_date.as_deref(), Some("2023-09-19"));
    }

    #[test]
    fn markdown_syntax_goes_text_stays() {
        let r = clean(MARKDOWN);
        assert_eq!(r.format, Format::Markdown);
        let t = &r.clean.text;
        assert!(t.contains("Leaders agree on trade\n"), "{t}");
        assert!(!t.contains('#'), "{t}");
        assert!(
            t.contains("The leaders of both countries met in Geneva on Monday."),
            "{t}"
        );
        assert!(
            t.contains("\n\nItem one of the deal\n\nItem two, with snake_case kept"),
            "{t}"
        );
        assert!(t.contains("A quoted line * with an escaped star."), "{t}");
        assert!(!t.contains("title:"), "{t}");
        assert_eq!(r.hints.title.as_deref(), Some("Leaders agree on trade"));
        assert_eq!(r.hints.date.as_deref(), Some("2023-09-19"));
        assert_eq!(r.hints.source.as_deref(), Some("Example Wire"));
    }

    #[test]
    fn templates_go() {
        assert_eq!(
            c("A {{dayPoint.date | date : 'd MMMM yyyy'}} B {% if x %}C"),
            "A  B C"
        );
        assert_eq!(c("Keep {single} braces"), "Keep {single} braces");
    }

    #[test]
    fn paragraph_breaks_stay() {
        let t = "First paragraph here.\n\nSecond one.\nStill second.\n\nThird.";
        assert_eq!(c(t), t);
    }

    #[test]
    fn original_end_does_not_swallow_removed_text() {
        let orig = "Hello <b>world</b>. Bye";
        let ct = clean(orig).clean;
        assert_eq!(ct.text, "Hello world. Bye");
        let (a, b) = (6, 11);
        assert_eq!(&orig[ct.to_original(a)..original_end(&ct, b)], "world");
    }
}
