//! Sentence boundaries over tokens: at paragraph breaks, and after . ! ? when the next
//! word starts a sentence and the word before the stop is not an abbreviation or initial.

use super::tokens::{Token, TokenKind};

/// Words that take a period without ending a sentence (lower case, no period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "maj",
    "sen", "rep", "gov", "pres", "st", "jr", "sr", "inc", "corp", "ltd", "co", "no", "nos", "vs",
    "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec",
    "fig", "ave", "blvd", "mt", "rev", "hon", "rt", "dept", "univ", "approx", "est", "amb", "messrs",
];

/// A sentence as a range of tokens `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceSpan {
    pub start: usize,
    pub end: usize,
}

fn is_closer(t: &Token) -> bool {
    t.kind == TokenKind::Punct && matches!(t.lower.as_str(), "\"" | "'" | ")" | "]")
}

fn starts_sentence(t: &Token) -> bool {
    match t.kind {
        TokenKind::Word => t.is_cap(),
        TokenKind::Number => true,
        TokenKind::Punct => matches!(t.lower.as_str(), "\"" | "'" | "(" | "["),
        TokenKind::Break => true,
    }
}

fn is_abbreviation(t: &Token) -> bool {
    if t.kind != TokenKind::Word {
        return false;
    }
    let single_initial = t.text.chars().count() == 1 && t.is_cap();
    single_initial || ABBREVIATIONS.contains(&t.lower.as_str())
}

/// Longest sentence, in tokens. Longer runs without a stop (a text with no punctuation)
/// are cut: the work per sentence grows faster than its length, and real sentences stay
/// far below this (the longest in the evaluation sets is under 200).
pub const MAX_SENTENCE_TOKENS: usize = 400;

/// Cuts `[s, e)` into pieces of at most `MAX_SENTENCE_TOKENS`, after a comma or
/// semicolon in the last quarter of a piece when there is one.
fn push_capped(out: &mut Vec<SentenceSpan>, tokens: &[Token], mut s: usize, e: usize) {
    while e - s > MAX_SENTENCE_TOKENS {
        let hard = s + MAX_SENTENCE_TOKENS;
        let soft = (s + MAX_SENTENCE_TOKENS * 3 / 4..hard).rev().find(|&k| matches!(tokens[k - 1].lower.as_str(), "," | ";"));
        let cut = soft.unwrap_or(hard);
        out.push(SentenceSpan { start: s, end: cut });
        s = cut;
    }
    if e > s {
        out.push(SentenceSpan { start: s, end: e });
    }
}

pub fn split(tokens: &[Token]) -> Vec<SentenceSpan> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let push = |out: &mut Vec<SentenceSpan>, s: usize, e: usize| push_capped(out, tokens, s, e);
    while i < tokens.len() {
        let t = &tokens[i];
        if t.kind == TokenKind::Break {
            push(&mut out, start, i);
            start = i + 1;
            i += 1;
            continue;
        }
        let stop = t.kind == TokenKind::Punct && matches!(t.lower.as_str(), "." | "!" | "?");
        if stop {
            let mut j = i + 1;
            while j < tokens.len() && is_closer(&tokens[j]) && !tokens[j].space_before {
                j += 1;
            }
            let number_abbrev = i > 0 && matches!(tokens[i - 1].lower.as_str(), "no" | "nos")
                && tokens.get(j).is_some_and(|n| n.kind == TokenKind::Number);
            let prev_abbrev = i > 0 && !t.space_before && is_abbreviation(&tokens[i - 1])
                && (!matches!(tokens[i - 1].lower.as_str(), "no" | "nos") || number_abbrev);
            let next_starts = j >= tokens.len() || starts_sentence(&tokens[j]);
            if next_starts && !(prev_abbrev && t.lower == ".") {
                push(&mut out, start, j);
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    push(&mut out, start, tokens.len());
    out
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn sentences(s: &str) -> Vec<String> {
        let toks = tokenize(s);
        split(&toks)
            .into_iter()
            .map(|sp| s[toks[sp.start].start..toks[sp.end - 1].end].to_string())
            .collect()
    }

    #[test]
    fn survives_abbreviations_and_initials() {
        let got = sentences(
            "Dr. Jane Doe met Gen. Smith on Jan. 5 in the U.S. capital. J. R. Ewing said no. He left.",
        );
        assert_eq!(
            got,
            [
                "Dr. Jane Doe met Gen. Smith on Jan. 5 in the U.S. capital.",
                "J. R. Ewing said no.",
                "He left."
            ]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        let got = sentences("\"We agree.\" She nodded. The talks (in Baku.) ended.");
        assert_eq!(got, ["\"We agree.\"", "She nodded.", "The talks (in Baku.) ended."]);
    }

    #[test]
    fn a_text_without_stops_is_cut_into_bounded_sentences() {
        let text = "he met her and they said it ".repeat(2000) + "then, after that, more words follow";
        let toks = tokenize(&text);
        let spans = split(&toks);
        assert!(spans.iter().all(|s| s.end - s.start <= MAX_SENTENCE_TOKENS));
        assert!(spans.len() >= toks.len() / MAX_SENTENCE_TOKENS);
        assert_eq!((spans[0].start, spans.last().unwrap().end), (0, toks.len()));
        assert!(spans.windows(2).all(|w| w[0].end == w[1].start));
    }

    #[test]
    fn dateline_and_paragraphs() {
        let got = sentences("MOSCOW, May 23. /Xinhua/. A meeting took place.\n\nHeadline here\n\nText.");
        assert_eq!(got, ["MOSCOW, May 23. /Xinhua/.", "A meeting took place.", "Headline here", "Text."]);
    }
}
