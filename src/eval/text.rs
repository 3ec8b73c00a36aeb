//! Name folding and small Python look-alikes used by the scorer. Every function mirrors
//! a function of /work/shared/eval/score.py (or of Python itself) so that the Rust
//! scorer gives the same numbers byte for byte.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use regex::Regex;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

/// Words dropped from token sets (score.py `STOP`).
const STOP: &[&str] = &["the", "of", "a", "an", "and", "in", "on", "for", "to", "s"];

/// Role words read as another (score.py `ROLE_WORDS`).
const ROLE_WORDS: &[(&str, &str)] = &[
    ("chairman", "chair"),
    ("chairwoman", "chair"),
    ("chairperson", "chair"),
    ("spokesman", "spokesperson"),
    ("spokeswoman", "spokesperson"),
    ("pm", "prime minister"),
    ("ceo", "chief executive"),
    ("gen", "general"),
    ("dy", "deputy"),
];

fn regex(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("valid pattern"))
}

/// Python's `\w` on str patterns: letters, numbers and `_` (not combining marks).
fn is_word(c: char) -> bool {
    static WORD: OnceLock<Regex> = OnceLock::new();
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    let mut buf = [0u8; 4];
    regex(&WORD, r"^[\p{L}\p{N}]$").is_match(c.encode_utf8(&mut buf))
}

/// score.py `FOLD`: letters NFKD does not take apart, and apostrophes.
fn fold(c: char, out: &mut String) {
    match c {
        'ə' | 'Ə' => out.push('a'),
        'ı' | 'İ' => out.push('i'),
        'đ' | 'Đ' => out.push('d'),
        'ł' | 'Ł' => out.push('l'),
        'ø' | 'Ø' => out.push('o'),
        'ß' => out.push_str("ss"),
        'æ' => out.push_str("ae"),
        'œ' => out.push_str("oe"),
        'ħ' => out.push('h'),
        'ʼ' | '’' | '\'' => {}
        _ => out.push(c),
    }
}

/// `re.sub(r"(\w)['’]s\b", r"\1", name)`: drop the possessive "'s".
fn strip_possessive(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len());
    let mut i = 0;
    while i < chars.len() {
        let hit = is_word(chars[i])
            && matches!(chars.get(i + 1), Some('\'') | Some('’'))
            && chars.get(i + 2) == Some(&'s')
            && chars.get(i + 3).map_or(true, |c| !is_word(*c));
        out.push(chars[i]);
        i += if hit { 3 } else { 1 };
    }
    out
}

/// score.py `norm`: the folded form names are compared in.
pub fn norm(name: &str) -> String {
    static NON_WORD: OnceLock<Regex> = OnceLock::new();
    let mut folded = String::with_capacity(name.len());
    for c in strip_possessive(name).chars() {
        fold(c, &mut folded);
    }
    let bare: String = folded
        .nfkd()
        .filter(|c| canonical_combining_class(*c) == 0)
        .collect();
    let lower = bare.to_lowercase();
    let spaced = regex(&NON_WORD, r"[^\p{L}\p{N}]+").replace_all(&lower, " ");
    let s = spaced.trim_matches(' ');
    s.strip_prefix("the ").unwrap_or(s).to_string()
}

/// score.py `tokens`: the content words of a name.
pub fn tokens(name: &str) -> BTreeSet<String> {
    norm(name)
        .split_whitespace()
        .filter(|t| !STOP.contains(t))
        .map(str::to_string)
        .collect()
}

/// score.py `role_tokens`: the content words of a role, with synonyms mapped.
pub fn role_tokens(role: &str) -> BTreeSet<String> {
    let normed = norm(role);
    let mapped: Vec<&str> = normed
        .split_whitespace()
        .map(|t| {
            ROLE_WORDS
                .iter()
                .find(|(k, _)| *k == t)
                .map_or(t, |(_, v)| *v)
        })
        .collect();
    mapped
        .join(" ")
        .split_whitespace()
        .filter(|t| !STOP.contains(t))
        .map(str::to_string)
        .collect()
}

/// score.py `jaccard`: 0 when either set is empty.
pub fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let both = a.intersection(b).count();
    let either = a.len() + b.len() - both;
    both as f64 / either as f64
}

/// score.py `role_match`: a gold role and a system role agree loosely.
pub fn role_match(want: &str, got: &str) -> bool {
    let (a, b) = (role_tokens(want), role_tokens(got));
    !a.is_empty() && !b.is_empty() && (a.is_subset(&b) || b.is_subset(&a) || jaccard(&a, &b) >= 0.5)
}

/// score.py `date_span`: an ISO date, month, year or `first/last` interval as the
/// (first day, last day) it covers; months end on day 31 as in score.py.
pub fn date_span(text: &str) -> Option<(String, String)> {
    static DATE: OnceLock<Regex> = OnceLock::new();
    let text = py_strip(text);
    let re = regex(
        &DATE,
        r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$",
    );
    if !re.is_match(text) {
        return None;
    }
    let bounds = |part: &str| -> (String, String) {
        let bits: Vec<&str> = part.split('-').collect();
        match bits.len() {
            1 => (format!("{}-01-01", bits[0]), format!("{}-12-31", bits[0])),
            2 => (format!("{part}-01"), format!("{part}-31")),
            _ => (part.to_string(), part.to_string()),
        }
    };
    let (first, last) = text.split_once('/').unwrap_or((text, ""));
    let last = if last.is_empty() { first } else { last };
    Some((bounds(first).0, bounds(last).1))
}

/// score.py `overlaps`: two date spans share a day.
pub fn overlaps(a: Option<&(String, String)>, b: Option<&(String, String)>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.0 <= b.1 && b.0 <= a.1,
        _ => false,
    }
}

/// Python `str.isspace()`: Unicode white space plus the ASCII separators 0x1C-0x1F.
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python `str.strip()`.
pub(crate) fn py_strip(s: &str) -> &str {
    s.trim_matches(py_space)
}

/// Python `str.splitlines()`: every Unicode line break, no empty last line.
pub(crate) fn py_splitlines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let end = match c {
            '\r' => {
                if let Some((_, '\n')) = iter.peek() {
                    iter.next();
                    i + 2
                } else {
                    i + 1
                }
            }
            '\n' | '\u{0b}' | '\u{0c}' | '\u{1c}' | '\u{1d}' | '\u{1e}' | '\u{85}' | '\u{2028}'
            | '\u{2029}' => i + c.len_utf8(),
            _ => continue,
        };
        lines.push(&text[start..i]);
        start = end;
    }
    if start < text.len() {
        lines.push(&text[start..]);
    }
    lines
}

/// Python `repr(str)`, for messages and list output.
pub(crate) fn py_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || (0x7f..=0xa0).contains(&(c as u32)) || c == '\u{ad}' => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if py_unprintable(c) => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Common characters Python's `str.isprintable()` rejects above U+00A0 (separators,
/// format characters); rare others print as themselves here.
fn py_unprintable(c: char) -> bool {
    matches!(c as u32,
        0x1680 | 0x2000..=0x200f | 0x2028..=0x202f | 0x205f..=0x2064 | 0x3000 | 0xfeff)
}

/// Python `repr(list_of_str)`.
pub(crate) fn py_list(items: &[String]) -> String {
    let parts: Vec<String> = items.iter().map(|s| py_repr(s)).collect();
    format!("[{}]", parts.join(", "))
}

/// Python `repr(float)`: shortest round-trip digits, with ".0" on whole numbers.
pub(crate) fn py_float(x: f64) -> String {
    if x.is_finite() && x.fract() == 0.0 && x.abs() < 1e16 {
        format!("{x:.1}")
    } else {
        format!("{x}")
    }
}

/// Python `round(x, 4)`: Rust formats the exact binary value with ties to even, as
/// Python's correctly rounded `round` does.
pub(crate) fn round4(x: f64) -> f64 {
    format!("{x:.4}").parse().unwrap_or(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(words: &[&str]) -> BTreeSet<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn norm_folds_like_score_py() {
        // Expected values printed by score.py's norm().
        assert_eq!(norm("Heydər Əliyev"), "heydar aliyev");
        assert_eq!(
            norm("Azerbaijan's Media Development Agency"),
            "azerbaijan media development agency"
        );
        assert_eq!(norm("The Kremlin"), "kremlin");
        assert_eq!(norm("the Republic of Türkiye"), "republic of turkiye");
        assert_eq!(norm("Polad Bülbüloğlu"), "polad bulbuloglu");
        assert_eq!(norm("Burhani-Hagigat"), "burhani hagigat");
        assert_eq!(norm("  RUSSIA  "), "russia");
        assert_eq!(norm("O'Brien"), "obrien");
        assert_eq!(norm("Boss's"), "boss");
        assert_eq!(norm("Jones’s office"), "jones office");
        assert_eq!(norm("it's"), "it");
        assert_eq!(norm("'s"), "s");
        assert_eq!(norm("x'sy"), "xsy");
        assert_eq!(norm("Straße"), "strasse");
        assert_eq!(norm("snake_case__name"), "snake case name");
        assert_eq!(norm("ﬁnance ²"), "finance 2");
        assert_eq!(norm("theatre"), "theatre");
        assert_eq!(norm("the"), "the");
        assert_eq!(norm("The the band"), "the band");
        assert_eq!(norm(""), "");
        assert_eq!(norm("İstanbul"), "istanbul");
        assert_eq!(norm("ΟΔΥΣΣΕΥΣ"), "οδυσσευς");
    }

    #[test]
    fn tokens_drop_stop_words() {
        assert_eq!(
            tokens("the Republic of Azerbaijan"),
            set(&["republic", "azerbaijan"])
        );
        assert_eq!(
            role_tokens("Chairman of the Board"),
            set(&["chair", "board"])
        );
        assert_eq!(role_tokens("PM"), set(&["prime", "minister"]));
    }

    #[test]
    fn role_match_is_loose() {
        assert!(role_match("governor", "Governor of the Astrakhan region"));
        assert!(role_match("board chairman", "chairwoman of the board"));
        assert!(role_match("spokesman", "spokeswoman"));
        assert!(role_match("director general", "general director"));
        assert!(role_match("first deputy", "deputy"));
        assert!(role_match("president", "former president of the company"));
        assert!(!role_match("president", "prime minister"));
        assert!(role_match("former president", "president"));
        assert!(!role_match("executive director", "head"));
        assert!(!role_match("the", "head"));
        assert!(!role_match("head", ""));
        // jaccard 2/4 = 0.5 without either side holding the other
        assert!(role_match(
            "chief executive officer",
            "chief executive director"
        ));
        assert!(!role_match("a b c", "a d e"));
    }

    #[test]
    fn date_span_covers_days() {
        let span = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(date_span("2023-09-19"), span("2023-09-19", "2023-09-19"));
        assert_eq!(date_span("2023-09"), span("2023-09-01", "2023-09-31"));
        assert_eq!(date_span("2023"), span("2023-01-01", "2023-12-31"));
        assert_eq!(
            date_span(" 2023-09-18/2023-09-19\n"),
            span("2023-09-18", "2023-09-19")
        );
        assert_eq!(date_span("2023-07/2024"), span("2023-07-01", "2024-12-31"));
        assert_eq!(date_span("2023-9-19"), None);
        assert_eq!(date_span("19 September 2023"), None);
        assert_eq!(date_span("2023-09-19/"), None);
        assert_eq!(date_span(""), None);
        assert!(overlaps(
            date_span("2023-09").as_ref(),
            date_span("2023-09-18/2023-09-19").as_ref()
        ));
        assert!(!overlaps(
            date_span("2023-10").as_ref(),
            date_span("2023-09-19").as_ref()
        ));
        assert!(!overlaps(None, date_span("2023").as_ref()));
    }

    #[test]
    fn python_helpers() {
        assert_eq!(
            py_splitlines("a\r\nb\rc\n\nd\u{2028}e\n"),
            vec!["a", "b", "c", "", "d", "e"]
        );
        assert_eq!(py_splitlines(""), Vec::<&str>::new());
        assert_eq!(py_repr("abc"), "'abc'");
        assert_eq!(py_repr("it's"), "\"it's\"");
        assert_eq!(py_repr("a'\"b"), "'a\\'\"b'");
        assert_eq!(py_list(&["a".into(), "b".into()]), "['a', 'b']");
        assert_eq!(py_list(&[]), "[]");
        assert_eq!(py_float(1.0), "1.0");
        assert_eq!(py_float(0.0), "0.0");
        assert_eq!(py_float(0.9333), "0.9333");
        assert_eq!(round4(0.03125), 0.0312);
        assert_eq!(round4(2.0 / 3.0), 0.6667);
        assert_eq!(py_strip("\u{1c} x \u{a0}"), "x");
    }
}
