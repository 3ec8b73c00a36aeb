//! Tokens with byte offsets into the cleaned text.

use super::lexicon::Lex;
use crate::smallstr::SmallStr;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    /// A paragraph break (blank line): sentences never cross it.
    Break,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub text: SmallStr,
    pub lower: SmallStr,
    pub kind: TokenKind,
    /// The word classes of `lower`, looked up once for all the rules that ask.
    pub lex: Lex,
    /// Some whitespace stands before the token.
    pub space_before: bool,
}

impl Token {
    /// First letter upper case: "Baku", "NATO", "U.S.".
    pub fn is_cap(&self) -> bool {
        self.kind == TokenKind::Word && self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }
    /// Every letter upper case and at least two letters: "NATO", "OPEC", "U.S.".
    pub fn is_upper(&self) -> bool {
        let mut letters = 0;
        for c in self.text.chars().filter(|c| c.is_alphabetic()) {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
        letters >= 2
    }
    pub fn is(&self, word: &str) -> bool {
        self.lower == word
    }
    pub fn is_punct(&self, p: &str) -> bool {
        self.kind == TokenKind::Punct && self.text == p
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\u{0301}' || c == '\u{0307}'
}

/// Whether the letters at the start of `rest` spell a title ("President", "Minister").
fn glued_title(rest: &[(usize, char)]) -> bool {
    let w: String = rest.iter().map(|x| x.1).take_while(|c| c.is_alphabetic()).take(24).flat_map(char::to_lowercase).collect();
    w.len() >= 5 && super::lexicon::is_role_core(&w)
}

/// Splits text into words, numbers and punctuation. Keeps together: "U.S.", "Kassym-Jomart",
/// "high-ranking", "O'Brien", "1,000", "3.5", "5th"; splits the possessive "'s" off.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    // news runs at about one token per five bytes: grow the vector rarely
    let mut out = Vec::with_capacity(text.len() / 4 + 8);
    let n = chars.len();
    let end_of = |i: usize| if i < n { chars[i].0 } else { text.len() };
    let mut i = 0;
    let mut space_before = true;
    while i < n {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            // A blank line is a paragraph break.
            let mut newlines = 0;
            let mut j = i;
            while j < n && chars[j].1.is_whitespace() {
                if chars[j].1 == '\n' {
                    newlines += 1;
                }
                j += 1;
            }
            if newlines >= 2 && !out.is_empty() {
                out.push(Token {
                    start,
                    end: end_of(j),
                    text: "\n\n".into(),
                    lower: "\n\n".into(),
                    kind: TokenKind::Break,
                lex: Lex::default(),
                    space_before: true,
                });
            }
            space_before = true;
            i = j;
            continue;
        }
        if is_word_char(c) {
            let mut j = i + 1;
            while j < n {
                let d = chars[j].1;
                if is_word_char(d) {
                    // "Saidov TimurPresident of Tajikistan": a title glued to a name in
                    // scraped pages starts a new word
                    if d.is_uppercase() && chars[j - 1].1.is_lowercase() && glued_title(&chars[j..]) {
                        break;
                    }
                    j += 1;
                    continue;
                }
                let next = chars.get(j + 1).map(|x| x.1);
                let joins = match d {
                    // inner hyphen or apostrophe: high-ranking, O'Brien (but not the possessive 's)
                    // (but "Philippines-Japan relations" are two countries)
                    '-' | '\u{2010}' | '\u{2011}' => next.is_some_and(is_word_char) && !two_countries(text, &chars, start, j),
                    '\'' | '\u{2019}' => {
                        next.is_some_and(|x| x.is_alphabetic())
                            && !(matches!(next, Some('s') | Some('S'))
                                && !chars.get(j + 2).is_some_and(|x| is_word_char(x.1)))
                    }
                    // digits: 1,000 and 3.5
                    ',' | '.' if chars[j - 1].1.is_ascii_digit() => {
                        next.is_some_and(|x| x.is_ascii_digit())
                    }
                    // web names: Report.az, Gazeta.ru
                    // (a domain after the dot, not a sentence run on: "in Kathmandu.The delegation")
                    '.' if chars[j - 1].1.is_alphabetic() && chars[j - 1].1.is_lowercase()
                        && next.is_some_and(|x| x.is_alphabetic())
                        && j >= 3 && !chars[j - 2].1.is_whitespace()
                        && domain_after(&chars, j + 1) =>
                    {
                        true
                    }
                    // initialisms: U.S., U.K.
                    '.' => {
                        let prev_single = j >= 1
                            && chars[j - 1].1.is_uppercase()
                            && (j < 2 || !is_word_char(chars[j - 2].1) || chars[j - 2].1 == '.');
                        prev_single
                            && next.is_some_and(|x| x.is_uppercase())
                            && !chars.get(j + 2).is_some_and(|x| x.1.is_alphabetic() && x.1.is_lowercase())
                    }
                    _ => false,
                };
                if joins {
                    j += 1;
                } else {
                    break;
                }
            }
            // Trailing period of an initialism: "U.S." (a dot inside already), and of a
            // middle initial before a name: "Joseph R. Biden".
            let word = &text[start..end_of(j)];
            let middle_initial = word.chars().count() == 1
                && word.chars().all(|c| c.is_uppercase())
                && chars.get(j).is_some_and(|x| x.1 == '.')
                && chars.get(j + 1).is_some_and(|x| x.1 == ' ' || x.1 == '\n')
                && chars.get(j + 2).is_some_and(|x| x.1.is_uppercase())
                && chars.get(j + 3).is_some_and(|x| x.1.is_lowercase())
                && out.last().is_some_and(|t: &Token| t.kind == TokenKind::Word && t.text.chars().next().is_some_and(|c| c.is_uppercase()) && t.text.len() > 1
                    // "Mr. K. Selvan": an initial after an abbreviated title
                    || t.text == "." && out.len() >= 2 && super::lexicon::is_honorific(&out[out.len() - 2].lower));
            if j < n && chars[j].1 == '.' && (word.contains('.') && word.len() <= 6 || middle_initial) {
                j += 1;
            }
            let word = &text[start..end_of(j)];
            let kind = if word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            let lower = SmallStr::lowercase(word);
            out.push(Token {
                start,
                end: end_of(j),
                text: SmallStr::new(word),
                lex: Lex::of(&lower),
                lower,
                kind,
                space_before,
            });
            space_before = false;
            i = j;
            continue;
        }
        // Possessive 's / ’s as its own token.
        if (c == '\'' || c == '\u{2019}')
            && matches!(chars.get(i + 1).map(|x| x.1), Some('s') | Some('S'))
            && !chars.get(i + 2).is_some_and(|x| is_word_char(x.1))
            && !out.is_empty()
        {
            out.push(Token {
                start,
                end: end_of(i + 2),
                text: SmallStr::new(&text[start..end_of(i + 2)]),
                lower: "'s".into(),
                kind: TokenKind::Word,
                lex: Lex::of("'s"),
                space_before,
            });
            space_before = false;
            i += 2;
            continue;
        }
        let norm = match c {
            '“' | '”' | '„' | '«' | '»' => SmallStr::new("\""),
            '‘' | '’' => SmallStr::new("'"),
            '–' | '—' | '−' => SmallStr::new("-"),
            _ => SmallStr::new(c.encode_utf8(&mut [0; 4])),
        };
        out.push(Token {
            start,
            end: end_of(i + 1),
            text: SmallStr::new(&text[start..end_of(i + 1)]),
            lex: Lex::of(&norm),
            lower: norm,
            kind: TokenKind::Punct,
            space_before,
        });
        space_before = false;
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        tokenize(s).into_iter().map(|t| t.text.to_string()).collect()
    }

    #[test]
    fn keeps_initialisms_hyphens_numbers() {
        assert_eq!(words("The U.S. envoy"), ["The", "U.S.", "envoy"]);
        assert_eq!(words("high-ranking officials, 1,000 people"), ["high-ranking", "officials", ",", "1,000", "people"]);
        assert_eq!(words("Russia’s vision"), ["Russia", "’s", "vision"]);
        assert_eq!(words("O'Brien said."), ["O'Brien", "said", "."]);
        assert_eq!(words("the 5th meeting"), ["the", "5th", "meeting"]);
    }

    #[test]
    fn offsets_point_into_text() {
        let s = "Baku – “Pravda” (1919–1920).";
        for t in tokenize(s) {
            assert_eq!(&s[t.start..t.end], t.text);
        }
    }

    #[test]
    fn blank_line_is_a_break() {
        let toks = tokenize("One.\n\nTwo.");
        assert!(toks.iter().any(|t| t.kind == TokenKind::Break));
        let toks = tokenize("One\nTwo.");
        assert!(!toks.iter().any(|t| t.kind == TokenKind::Break));
    }
}

/// "Philippines-Japan": capitalised words on both sides of the hyphen at `j` that are
/// countries (or the second a place), so the hyphen joins two names, not one word.
fn two_countries(text: &str, chars: &[(usize, char)], start: usize, j: usize) -> bool {
    let upper = |x: usize| chars.get(x).is_some_and(|c| c.1.is_uppercase());
    if !text[start..].starts_with(|c: char| c.is_uppercase()) || !upper(j + 1) {
        return false;
    }
    let mut e = j + 1;
    while e < chars.len() && chars[e].1.is_alphabetic() {
        e += 1;
    }
    let end = chars.get(e).map_or(text.len(), |c| c.0);
    let left = &text[start..chars[j].0];
    let right = &text[chars[j + 1].0..end];
    let country = |n: &str| crate::gazetteer::place(n).is_some_and(|p| p.kind == crate::gazetteer::PlaceKind::Country);
    // ("Guinea-Bissau" is one country)
    country(left) && crate::gazetteer::place(right).is_some() && crate::gazetteer::place(&text[start..end]).is_none()
}

/// The letters from `i` spell a web domain's last part ("az", "ru", "com"), not a word that
/// begins a run-on sentence ("the", "He").
fn domain_after(chars: &[(usize, char)], i: usize) -> bool {
    let w: String = chars[i.min(chars.len())..].iter().map(|c| c.1).take_while(|c| c.is_alphabetic()).take(8).collect();
    // "Ph.D", "Welcome.US" stay whole; "Prof.Yan", "Kathmandu.The" are two words
    if w.chars().next().is_some_and(char::is_uppercase) {
        return w.len() <= 3 && w.chars().all(char::is_uppercase);
    }
    match w.len() {
        2 => !matches!(w.as_str(), "in" | "to" | "of" | "at" | "on" | "is" | "it" | "as" | "an" | "by" | "be" | "he" | "we" | "me" | "my" | "no" | "so" | "up" | "do" | "go" | "or" | "if" | "am"),
        _ => matches!(w.as_str(), "com" | "org" | "net" | "gov" | "edu" | "int" | "mil" | "info" | "news" | "biz" | "online" | "media" | "asia" | "africa" | "eu"),
    }
}
