//! HTML pieces: recognising a tag at a position, decoding an entity, and reading the
//! title and publication date from a page's markup.

use super::clean::Hints;
use super::dates;
use regex::Regex;
use std::sync::LazyLock;

/// Elements dropped with everything inside them: code, styling and page furniture.
const DROP: &[&str] = &[
    "aside", "button", "footer", "form", "head", "header", "iframe", "nav", "noscript", "object",
    "script", "select", "style", "svg", "template", "title",
];
/// Raw-text elements: their content is not markup, so no nesting is counted.
const RAW: &[&str] = &["script", "style", "title", "textarea"];
/// Tags that break a line.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "html",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];
/// Table cells: a space, so the cells of a row do not run together.
const CELL: &[&str] = &["td", "th"];
/// Tags that vanish without a trace.
const INLINE: &[&str] = &[
    "a", "abbr", "audio", "b", "base", "bdi", "bdo", "big", "cite", "code", "col", "colgroup",
    "data", "del", "dfn", "em", "embed", "font", "i", "img", "input", "ins", "kbd", "label",
    "link", "mark", "meta", "picture", "q", "s", "samp", "small", "source", "span", "strike",
    "strong", "sub", "sup", "textarea", "time", "track", "tt", "u", "var", "video", "wbr",
];

/// A tag found at some position.
#[derive(Debug, Clone, PartialEq)]
pub struct Tag {
    /// Just past the closing `>`.
    pub end: usize,
    pub block: bool,
    pub cell: bool,
    /// For an element dropped with its content: just past its end tag.
    pub drop_until: Option<usize>,
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from >= b.len() {
        return None;
    }
    b[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// The end (past `>`) of the tag whose name ends at `k`, honouring quoted attributes.
fn tag_end(b: &[u8], k: usize) -> Option<usize> {
    let limit = (k + 4096).min(b.len());
    let mut quote = 0u8;
    let mut j = k;
    while j < limit {
        let c = b[j];
        if quote != 0 {
            if c == quote {
                quote = 0;
            }
        } else if c == b'"' || c == b'\'' {
            quote = c;
        } else if c == b'>' {
            return Some(j + 1);
        } else if c == b'<' {
            return None;
        }
        j += 1;
    }
    None
}

/// Name of a tag starting at `j` (after `<` or `</`), lower-cased, and where it ends.
fn name_at(b: &[u8], j: usize) -> Option<(String, usize)> {
    if !b.get(j)?.is_ascii_alphabetic() {
        return None;
    }
    let n = b[j..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    let k = j + n;
    match b.get(k) {
        None => None,
        Some(c) if c.is_ascii_whitespace() || *c == b'/' || *c == b'>' => {
            Some((String::from_utf8_lossy(&b[j..k]).to_ascii_lowercase(), k))
        }
        _ => None,
    }
}

/// A known HTML tag, comment or declaration starting at `i`.
pub fn tag_at(b: &[u8], i: usize) -> Option<Tag> {
    if b.get(i) != Some(&b'<') {
        return None;
    }
    let plain = |end| {
        Some(Tag {
            end,
            block: false,
            cell: false,
            drop_until: None,
        })
    };
    if b[i..].starts_with(b"<!--") {
        return plain(find(b, i + 4, b"-->")? + 3);
    }
    if matches!(b.get(i + 1), Some(b'!' | b'?'))
        && b.get(i + 2).is_some_and(|c| c.is_ascii_alphabetic())
    {
        return plain(tag_end(b, i + 2)?);
    }
    let closing = b.get(i + 1) == Some(&b'/');
    let (name, k) = name_at(b, i + 1 + usize::from(closing))?;
    let name = name.as_str();
    let end = tag_end(b, k)?;
    let is = |list: &[&str]| list.contains(&name);
    if is(DROP) || !closing && (is(BLOCK) || is(INLINE)) && hidden(&b[k..end]) {
        let self_closing = b[..end].ends_with(b"/>");
        let drop_until = if closing || self_closing {
            None
        } else {
            element_end(b, end, name)
        };
        return Some(Tag {
            end,
            block: true,
            cell: false,
            drop_until,
        });
    }
    if is(BLOCK) {
        return Some(Tag {
            end,
            block: true,
            cell: false,
            drop_until: None,
        });
    }
    if is(CELL) {
        return Some(Tag {
            end,
            block: false,
            cell: true,
            drop_until: None,
        });
    }
    if is(INLINE) {
        return plain(end);
    }
    None
}

/// Attributes that keep an element off the screen: a hidden tooltip that repeats a name,
/// a screen-reader label ("opens in a new window"), `hidden`, `display: none`.
fn hidden(attrs: &[u8]) -> bool {
    static HIDDEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?i)(?:^|\s)(?:hidden(?:\s|=|/|>|$)|aria-hidden\s*=\s*["']?true|style\s*=\s*["'][^"']*(?:display\s*:\s*none|visibility\s*:\s*hidden)|class\s*=\s*["'](?:[^"']*\s)?(?:hidden|sr-only|visually-hidden|screen-reader-text)["'\s])"#).unwrap()
    });
    let a = String::from_utf8_lossy(attrs);
    HIDDEN.is_match(&a)
}

/// Past the end tag that closes the element `name` opened before `from`.
fn element_end(b: &[u8], from: usize, name: &str) -> Option<usize> {
    let raw = RAW.contains(&name);
    let mut depth = 1;
    let mut j = from;
    while let Some(p) = find(b, j, b"<") {
        let closing = b.get(p + 1) == Some(&b'/');
        if let Some((n, k)) = name_at(b, p + 1 + usize::from(closing)) {
            if n == name {
                if closing {
                    depth -= 1;
                    if depth == 0 {
                        return tag_end(b, k).or(Some(k));
                    }
                } else if !raw {
                    depth += 1;
                }
            }
        }
        j = p + 1;
    }
    // an unclosed script or style would leak code into the text: drop to the end
    raw.then_some(b.len())
}

fn named_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" | "ensp" | "emsp" | "thinsp" | "hairsp" => " ",
        "shy" | "zwj" | "zwnj" | "lrm" | "rlm" => "",
        "mdash" => "\u{2014}",
        "ndash" => "\u{2013}",
        "minus" => "\u{2212}",
        "hellip" => "\u{2026}",
        "lsquo" => "\u{2018}",
        "rsquo" => "\u{2019}",
        "sbquo" => "\u{201a}",
        "ldquo" => "\u{201c}",
        "rdquo" => "\u{201d}",
        "bdquo" => "\u{201e}",
        "laquo" => "\u{ab}",
        "raquo" => "\u{bb}",
        "prime" => "\u{2032}",
        "Prime" => "\u{2033}",
        "bull" => "\u{2022}",
        "middot" => "\u{b7}",
        "copy" => "\u{a9}",
        "reg" => "\u{ae}",
        "trade" => "\u{2122}",
        "deg" => "\u{b0}",
        "times" => "\u{d7}",
        "divide" => "\u{f7}",
        "plusmn" => "\u{b1}",
        "frac12" => "\u{bd}",
        "frac14" => "\u{bc}",
        "frac34" => "\u{be}",
        "euro" => "\u{20ac}",
        "pound" => "\u{a3}",
        "yen" => "\u{a5}",
        "cent" => "\u{a2}",
        "sect" => "\u{a7}",
        "para" => "\u{b6}",
        "dagger" => "\u{2020}",
        "iexcl" => "\u{a1}",
        "iquest" => "\u{bf}",
        "aacute" => "á",
        "eacute" => "é",
        "iacute" => "í",
        "oacute" => "ó",
        "uacute" => "ú",
        "Aacute" => "Á",
        "Eacute" => "É",
        "Iacute" => "Í",
        "Oacute" => "Ó",
        "Uacute" => "Ú",
        "agrave" => "à",
        "egrave" => "è",
        "ograve" => "ò",
        "acirc" => "â",
        "ecirc" => "ê",
        "ocirc" => "ô",
        "auml" => "ä",
        "euml" => "ë",
        "iuml" => "ï",
        "ouml" => "ö",
        "uuml" => "ü",
        "Auml" => "Ä",
        "Ouml" => "Ö",
        "Uuml" => "Ü",
        "szlig" => "ß",
        "ntilde" => "ñ",
        "Ntilde" => "Ñ",
        "ccedil" => "ç",
        "Ccedil" => "Ç",
        "oslash" => "ø",
        "aring" => "å",
        _ => return None,
    })
}

/// Windows-1252 characters that pages write as `&#146;` and the like.
fn cp1252(n: u32) -> Option<char> {
    Some(match n {
        130 => '\u{201a}',
        133 => '\u{2026}',
        139 => '\u{2039}',
        145 => '\u{2018}',
        146 => '\u{2019}',
        147 => '\u{201c}',
        148 => '\u{201d}',
        149 => '\u{2022}',
        150 => '\u{2013}',
        151 => '\u{2014}',
        153 => '\u{2122}',
        155 => '\u{203a}',
        _ => return None,
    })
}

/// An entity at `i` (`&amp;`, `&#8217;`, `&#x2019;`): its length and its text.
pub fn entity_at(b: &[u8], i: usize) -> Option<(usize, String)> {
    let limit = (i + 12).min(b.len());
    let semi = b[i + 1..limit].iter().position(|&c| c == b';')? + i + 1;
    let body = std::str::from_utf8(&b[i + 1..semi]).ok()?;
    let len = semi + 1 - i;
    if let Some(num) = body.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        let ch = cp1252(n)
            .or_else(|| char::from_u32(n).filter(|&c| c != '\0'))
            .unwrap_or('\u{fffd}');
        return Some((len, ch.to_string()));
    }
    if !body.bytes().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    named_entity(body).map(|s| (len, s.to_string()))
}

/// Tags out, entities decoded, white space collapsed: the text of a small fragment.
pub fn fragment_text(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    let mut last = 0;
    while i < b.len() {
        match b[i] {
            b'<' => {
                if let Some(end) = tag_end(b, i + 1) {
                    out.push_str(&s[last..i]);
                    out.push(' ');
                    i = end;
                    last = i;
                    continue;
                }
            }
            b'&' => {
                if let Some((len, rep)) = entity_at(b, i) {
                    out.push_str(&s[last..i]);
                    out.push_str(&rep);
                    i += len;
                    last = i;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    out.push_str(&s[last..]);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

static TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<title[^>]*>(.*?)</title\s*>").unwrap());
static H1: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<h1(?:\s[^>]*)?>(.*?)</h1\s*>").unwrap());
static META: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?is)<meta\s[^>]*>").unwrap());
static ATTR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"([A-Za-z:._-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))"#).unwrap()
});
static TIME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?is)<time\s[^>]*datetime\s*=\s*["']?([^"'\s>]+)"#).unwrap());

const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "published_time",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
];

/// Title, date and site name from the markup of an HTML page.
pub fn read_hints(text: &str, hints: &mut Hints) {
    let head = &text[..super::markup::floor_boundary(text, 512 * 1024)];
    let title = TITLE
        .captures(head)
        .map(|c| fragment_text(&c[1]))
        .filter(|t| !t.is_empty());
    let h1s: Vec<String> = H1
        .captures_iter(head)
        .map(|c| fragment_text(&c[1]))
        .filter(|t| !t.is_empty())
        .collect();
    // the <h1> inside the <title> is the headline without the site name
    let best = match &title {
        Some(t) => {
            let tl = t.to_lowercase();
            h1s.iter()
                .filter(|h| tl.contains(&h.to_lowercase()))
                .max_by_key(|h| h.len())
                .cloned()
                .or_else(|| Some(t.clone()))
        }
        None => h1s.first().cloned(),
    };
    if hints.title.is_none() {
        hints.title = best;
    }
    for m in META.find_iter(head) {
        let mut key = None;
        let mut content = None;
        for a in ATTR.captures_iter(m.as_str()) {
            let v = a
                .get(2)
                .or(a.get(3))
                .or(a.get(4))
                .map_or("", |v| v.as_str());
            match a[1].to_ascii_lowercase().as_str() {
                "property" | "name" | "itemprop" => key = Some(v.to_ascii_lowercase()),
                "content" => content = Some(v.to_string()),
                _ => {}
            }
        }
        let (Some(key), Some(content)) = (key, content) else {
            continue;
        };
        if hints.html_date.is_none() && DATE_KEYS.contains(&key.as_str()) {
            hints.html_date = dates::normalize(&content);
        }
        if hints.site.is_none() && key == "og:site_name" && !content.trim().is_empty() {
            hints.site = Some(fragment_text(&content));
        }
    }
    if hints.html_date.is_none() {
        hints.html_date = TIME.captures(head).and_then(|c| dates::normalize(&c[1]));
    }
}

#[cfg(test)]
mod tests {
    use super::super::clean::clean;
    use super::*;

    fn c(s: &str) -> String {
        clean(s).clean.text
    }

    #[test]
    fn block_tags_break_lines_inline_tags_vanish() {
        assert_eq!(
            c("<p>One <b>two</b></p><p>Three<br/>four</p>"),
            "\nOne two\n\nThree\nfour\n"
        );
        assert_eq!(
            c("<div>a</div><table><tr><td>x</td><td>y</td></tr></table>"),
            "\na\n\n\n x  y \n\n"
        );
    }

    #[test]
    fn dropped_elements_go_with_content() {
        let t = c("<p>Keep</p><script>if (a<b) {x='</p>'}</script><nav><ul><li>Menu</li></ul></nav><aside><aside>in</aside>out</aside><p>End</p>");
        assert_eq!(t, "\nKeep\n\nEnd\n");
        assert_eq!(c("<p>A</p><style>p {}"), "\nA\n");
    }

    #[test]
    fn hidden_elements_go_with_content() {
        let t = c("<p>President <a href=x>Anna Berg<span class=\"tip tooltip_person hidden\"> Berg Anna President</span></a> spoke</p>");
        assert_eq!(t, "\nPresident Anna Berg spoke\n");
        assert_eq!(c("<p>a<span style=\"display: none\">b</span><i aria-hidden=\"true\">c</i><b hidden>d</b>e</p>"), "\nae\n");
        // a class that merely contains the word stays ("hidden-xs" hides on phones only)
        assert_eq!(c("<p><span class=\"hidden-xs unhidden\">kept</span></p>"), "\nkept\n");
    }

    #[test]
    fn comments_and_unknown_tags() {
        assert_eq!(c("<p>a<!-- hidden -->b</p>"), "\nab\n");
        assert_eq!(
            c("<p>x</p> 3 <b and <notatag> stay"),
            "\nx\n 3 <b and <notatag> stay"
        );
    }

    #[test]
    fn entities() {
        let b = b"&amp;&#8217;&#x2019;&nbsp;&#146;&#0;&zz;";
        assert_eq!(entity_at(b, 0), Some((5, "&".into())));
        assert_eq!(entity_at(b, 5), Some((7, "\u{2019}".into())));
        assert_eq!(entity_at(b, 12), Some((8, "\u{2019}".into())));
        assert_eq!(entity_at(b, 20), Some((6, " ".into())));
        assert_eq!(entity_at(b, 26), Some((6, "\u{2019}".into())));
        assert_eq!(entity_at(b, 32), Some((4, "\u{fffd}".into())));
        assert_eq!(entity_at(b, 36), None);
    }

    #[test]
    fn hints_from_markup() {
        let mut h = Hints::default();
        read_hints("<html><head><title>Talks end | Daily Wire</title><meta content='Daily Wire' property='og:site_name'><meta name=\"pubdate\" content=\"September 19, 2023\"></head><body><h1 class=x>Talks <i>end</i></h1><time datetime=\"2020-01-01\">", &mut h);
        assert_eq!(h.title.as_deref(), Some("Talks end"));
        assert_eq!(h.html_date.as_deref(), Some("2023-09-19"));
        assert_eq!(h.site.as_deref(), Some("Daily Wire"));
        let mut h = Hints::default();
        read_hints(
            "<p><time datetime='2021-03-04T10:00'>March 4</time></p>",
            &mut h,
        );
        assert_eq!(h.html_date.as_deref(), Some("2021-03-04"));
    }
}
