//! Second cleaning pass, line by line over the text the markup pass left: the leading
//! ` date 2023-09-19` header, share/print/font-size widgets, "Follow us", cookie
//! notices, lines that are only a URL, bylines near the top, and the "Related stories"
//! tail. Returns byte ranges to remove (in the text it was given).

use super::clean::Hints;
use super::dates;
use super::meta;
use regex::Regex;
use std::sync::LazyLock;

/// A ` date 2023-09-19` (or `Published: September 19, 2023`) header at the very top.
static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^[ \t]*(?:date|published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?)[ \t]*:?[ \t]+(?P<date>\d{{4}}-\d{{1,2}}-\d{{1,2}}|(?:{m})\.?[ \t]+\d{{1,2}},?[ \t]+\d{{4}}|\d{{1,2}}[ \t]+(?:{m})\.?[ \t]+\d{{4}})(?:[ T]\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?[ \t]*",
        m = dates::MONTHS_RE
    ))
    .unwrap()
});

/// A line that starts the list of links after the article.
static TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:related(?:\s+(?:stories|articles|news|posts|content|coverage|links|reading|topics))?|read\s+(?:more|also|next)|also\s+read|see\s+also|more\s+on\s+(?:this|the)\s+(?:topic|story|subject|issue)|recommended(?:\s+(?:for\s+you|stories|articles|reading))?|you\s+may\s+also\s+like|more\s+stories|most\s+read)\s*(?:[:.…»>|\-–—].*)?$").unwrap()
});

/// "By Jane Doe", "By Jane Doe and John Roe, Reuters".
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    let name = r"[\p{Lu}][\p{L}'’.\-]*(?:\s+(?:[\p{Lu}][\p{L}'’.\-]*|de|da|del|van|von|der|den|bin|ibn|al|el|la|le))*";
    Regex::new(&format!(
        r"^(?:By|BY)\s+(?P<names>{name}(?:\s*(?:,|(?-u:\b)and(?-u:\b)|&)\s*{name})*)\s*$"
    ))
    .unwrap()
});

static REF_DEFINITION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\[[^\]]{1,40}\]:\s*\S+").unwrap());

/// Is `t` a token of share bars and font-size widgets? `Some(true)` for the tokens
/// that only such widgets have ("share", "px", "↺"), `Some(false)` for the ones they
/// share with text ("a", "copy", "16"). A `match` on the lower-cased bytes, because
/// this runs on every short line of the corpus.
fn ui_token(t: &str) -> Option<bool> {
    let b = t.as_bytes();
    if b.is_empty() || b.len() > 13 {
        return None;
    }
    let digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    if digits(b) {
        return Some(false);
    }
    let mut buf = [0u8; 13];
    buf[..b.len()].copy_from_slice(b);
    buf.make_ascii_lowercase();
    let lower = &buf[..b.len()];
    if lower.len() > 2 && lower.ends_with(b"px") && digits(&lower[..lower.len() - 2]) {
        return Some(true);
    }
    match lower {
        b"share" | b"shares" | b"tweet" | b"print" | b"email" | b"e-mail" | b"facebook"
        | b"twitter" | b"linkedin" | b"whatsapp" | b"telegram" | b"reddit" | b"pinterest"
        | b"vk" | b"messenger" | b"pocket" | b"flipboard" | b"advertisement" | b"px" | b"a+"
        | b"a-" => Some(true),
        _ if matches!(
            t,
            "↺" | "↻" | "⟲" | "⟳" | "a−" | "A−" | "Loading…" | "loading…"
        ) =>
        {
            Some(true)
        }
        b"+" | b"-" | b"a" | b"aa" | b"x" | b"copy" | b"link" | b"comments" | b"comment"
        | b"save" | b"bookmark" | b"listen" | b"font" | b"size" | b"text" | b"this"
        | b"article" | b"on" | b"story" | b"page" | b"via" | b"the" | b"to" | b"reset"
        | b"increase" | b"decrease" | b"mail" => Some(false),
        _ if matches!(t, "−" | "–") => Some(false),
        _ => None,
    }
}

/// A line made only of share buttons or font-size controls: `+ ↺ − 16 px`, `Share | Tweet`.
fn is_ui_line(line: &str) -> bool {
    if line.len() > 120 {
        return false;
    }
    let mut any_core = false;
    let tokens = line
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '•' | '·' | '/' | ',' | ':'))
        .filter(|t| !t.is_empty());
    for (n, t) in tokens.enumerate() {
        match ui_token(t) {
            Some(core) if n < 12 => any_core |= core,
            _ => return false,
        }
    }
    any_core
}

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// "Follow us on …", "Subscribe to …", "Sign up for our newsletter", cookie notices.
fn is_notice_line(line: &str) -> bool {
    if line.len() > 600 {
        return false;
    }
    let prefix = ["follow us", "subscribe", "sign up for", "click here"]
        .iter()
        .any(|p| starts_with_ci(line, p));
    if prefix && line.split_whitespace().count() <= 15 {
        return true;
    }
    if !line.contains("ookie") {
        return false;
    }
    let lower = line.to_lowercase();
    [
        "we use",
        "uses cookies",
        "use of cookies",
        "accept",
        "consent",
        "cookie policy",
        "privacy policy",
        "by continuing",
        "by using",
    ]
    .iter()
    .any(|k| lower.contains(k))
}

/// Cheap test before the tail regex: the first words of the markers.
fn may_be_tail(line: &str) -> bool {
    line.len() <= 200
        && [
            "related",
            "read ",
            "also read",
            "see also",
            "more ",
            "recommended",
            "you may also",
            "most read",
        ]
        .iter()
        .any(|p| starts_with_ci(line, p))
}

/// `---`, `***`, `###`, `===`: separators and leftover heading marks.
fn is_rule_line(line: &str) -> bool {
    line.bytes()
        .all(|b| matches!(b, b'#' | b'*' | b'-' | b'_' | b'=' | b'~' | b' ' | b'\t'))
}

fn is_url_line(line: &str) -> bool {
    let t = line.trim_start_matches('<').trim_end_matches('>');
    (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
        && !t.contains(char::is_whitespace)
}

/// Source named at the end of a byline: "…, Reuters", "…, AP".
fn byline_source(names: &str) -> Option<String> {
    let (before, last) = names.rsplit_once(',')?;
    let last = last.trim();
    if before.trim().is_empty() || last.is_empty() {
        return None;
    }
    let single = !last.contains(char::is_whitespace) && !last.contains('&');
    (single || meta::is_known_agency(last)).then(|| last.to_string())
}

/// Ranges of `text` to remove. Reads the header date and a byline's source into `hints`.
pub fn removals(text: &str, hints: &mut Hints) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let first = text.len() - text.trim_start().len();
    let first = text[..first].rfind('\n').map_or(0, |n| n + 1);
    let mut resume = 0;
    if let Some(c) = HEADER.captures(&text[first..]) {
        let m = c.get(0).unwrap();
        if let Some(d) = dates::normalize(&c["date"]) {
            hints.header_date = Some(d);
            out.push((first, first + m.end()));
            resume = first + m.end();
        }
    }
    let mut lines_seen = 0;
    // the tail is cut only after some article text: a line that ends a sentence
    let mut sentence_seen = false;
    let mut pos = 0;
    // the previous line, to tell a line of its own from a hard-wrapped continuation
    let mut prev: &str = "";
    for raw in text.split_inclusive('\n') {
        let line_start = pos;
        pos += raw.len();
        let start = line_start.max(resume);
        if start >= pos {
            continue;
        }
        let content = &text[start..pos];
        let trimmed = content.trim();
        let wrapped = !prev.is_empty()
            && !prev.ends_with(['.', '!', '?', ':', ';', '"', '\u{201d}', ')', ']']);
        let last = std::mem::replace(&mut prev, trimmed);
        if trimmed.is_empty() {
            continue;
        }
        let lead = content.len() - content.trim_start().len();
        let (s, e) = (start + lead, start + lead + trimmed.len());
        let lower_start = trimmed.chars().next().is_some_and(char::is_lowercase);
        lines_seen += 1;
        if !wrapped && !lower_start && may_be_tail(trimmed) && TAIL.is_match(trimmed) {
            if sentence_seen {
                out.push((s, text.len()));
                break;
            }
            out.push((s, e));
            continue;
        }
        if lines_seen <= 6 && s < 1000 && trimmed.len() <= 120 && starts_with_ci(trimmed, "by ") {
            if let Some(c) = BYLINE.captures(trimmed) {
                if c["names"].split_whitespace().count() <= 14 {
                    if hints.byline_source.is_none() {
                        hints.byline_source = byline_source(&c["names"]);
                    }
                    out.push((s, e));
                    continue;
                }
            }
        }
        let furniture = is_rule_line(trimmed)
            || is_url_line(trimmed)
            || (!(wrapped && lower_start) && (is_ui_line(trimmed) || is_notice_line(trimmed)))
            || (trimmed.starts_with('[') && REF_DEFINITION.is_match(trimmed));
        if furniture {
            out.push((s, e));
            prev = last; // a removed line does not count as the previous one
            continue;
        }
        sentence_seen |= trimmed.ends_with(['.', '!', '?', '"', '\u{201d}']);
    }
    // the header and the rest of its line may both have gone: join touching ranges
    out.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(out.len());
    for (a, b) in out {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::super::clean::clean;

    fn c(s: &str) -> String {
        clean(s).clean.text
    }

    #[test]
    fn header_date_is_read_and_blanked() {
        let r = clean(" date 2023-09-19 Astrakhan, RUSSIA,September 19. Text.");
        assert_eq!(r.clean.text, "Astrakhan, RUSSIA,September 19. Text.");
        assert_eq!(r.hints.header_date.as_deref(), Some("2023-09-19"));
        let r = clean("Published: September 19, 2023 10:30\n\nBody.");
        assert_eq!(r.clean.text, "\n\nBody.");
        assert_eq!(r.hints.header_date.as_deref(), Some("2023-09-19"));
        // a date later in the text is not a header
        assert_eq!(clean("Body.\ndate 2023-09-19").hints.header_date, None);
    }

    #[test]
    fn font_widget_and_template_on_header_line_go() {
        assert_eq!(
            c(" date 2023-10-17 + ↺ − 16 px\n\nAn article."),
            "\n\nAn article."
        );
        assert_eq!(
            c(" date 2023-05-23 {{dayPoint.date | date : 'd MMMM yyyy'}}\nTitle here\n\nText."),
            "\nTitle here\n\nText."
        );
    }

    #[test]
    fn ui_lines() {
        assert_eq!(
            c("Text one.\nShare\nTweet | Print | Email\nA- A+\nText two."),
            "Text one.\n\n\n\nText two."
        );
        assert_eq!(c("Share this article on Facebook\nBody."), "\nBody.");
        assert_eq!(
            c("16 people\nShare the load, they said."),
            "16 people\nShare the load, they said."
        );
        assert_eq!(
            c("Officials will\n    share\n    the data."),
            "Officials will\n    share\n    the data."
        );
    }

    #[test]
    fn notices_and_urls() {
        assert_eq!(c("Follow us on Twitter and Telegram\nBody."), "\nBody.");
        assert_eq!(c("Subscribe to our newsletter\nBody."), "\nBody.");
        assert_eq!(
            c("We use cookies to improve your experience. Accept\nBody."),
            "\nBody."
        );
        assert_eq!(
            c("Body.\nhttps://example.org/a/b?c=d\n<https://x.org>\nMore."),
            "Body.\n\n\nMore."
        );
        assert_eq!(
            c("See https://example.org for more."),
            "See https://example.org for more."
        );
        assert_eq!(
            c("Cookies were served at the reception."),
            "Cookies were served at the reception."
        );
    }

    #[test]
    fn rule_lines_and_reference_definitions() {
        assert_eq!(
            c("Body.\n\n###\n\n* * *\n[1]: https://x.org\n"),
            "Body.\n\n\n\n\n\n"
        );
    }

    #[test]
    fn bylines() {
        let r = clean("Talks resume\n\nBy Jane Doe and John Roe, Reuters\n\nThe talks resumed.");
        assert_eq!(r.clean.text, "Talks resume\n\n\n\nThe talks resumed.");
        assert_eq!(r.hints.byline_source.as_deref(), Some("Reuters"));
        let r = clean("By Jane Doe\nThe talks resumed.");
        assert_eq!(r.clean.text, "\nThe talks resumed.");
        assert_eq!(r.hints.byline_source, None);
        assert_eq!(clean("By Jane Doe, John Roe\nX.").hints.byline_source, None);
        // not a byline: a sentence, or far down the article
        assert_eq!(
            c("By then the talks resumed.\n"),
            "By then the talks resumed.\n"
        );
        let far = format!("{}\n\nBy Jane Doe\n", "Text.\n".repeat(10));
        assert_eq!(c(&far), far);
    }

    #[test]
    fn tail_goes_from_marker_to_end() {
        let body = "The meeting ended with a joint statement on trade and energy. ".repeat(4);
        for marker in [
            "Related stories",
            "Related:",
            "Read more",
            "Also read: Other headline",
            "More on this topic",
            "Recommended",
        ] {
            let t = format!("{body}\n\n{marker}\nOther story one\nOther story two");
            assert_eq!(c(&t), format!("{body}\n\n"), "{marker}");
        }
        // at the top it only blanks its own line
        assert_eq!(c("Related:\nShort body."), "\nShort body.");
        // a sentence that starts like a marker is text
        let t = format!("{body}\n\nRead more about the plan on the website.\nEnd.");
        assert_eq!(c(&t), t);
        // so is a marker word wrapped onto a line of its own
        let t = format!(
            "{body}\n\nA maker of packaging materials and\n    related\n    products announced it."
        );
        assert_eq!(c(&t), t);
        let t = format!("{body}\n\nThe plan, they said, is\nRecommended\nby the board.");
        assert_eq!(c(&t), t);
    }
}
