//! Title, publication date and news agency of an article, from what the input gave
//! (JSONL fields, front matter, HTML markup, the date header) and otherwise from the
//! first paragraphs of the cleaned text: a short first line, a dateline, and the words
//! around "reports / told / informs / /NAME/ / (NAME) -" near the start.

use super::clean::Hints;
use super::dates;
use regex::Regex;
use std::sync::LazyLock;

/// What was found about one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    pub published: Option<String>,
    pub source: Option<String>,
}

/// Values the input itself gave (JSONL fields); they win over anything found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Given {
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
}

/// How far into the cleaned text the start of the article is looked for.
const HEAD: usize = 600;

/// Wire services and national agencies, for attributions the rules do not catch
/// ("according to the Associated Press"). General knowledge, not a list of inputs.
const KNOWN_AGENCIES: &[&str] = &[
    "Agence France-Presse",
    "AFP",
    "Associated Press",
    "AP",
    "Reuters",
    "Xinhua",
    "Xinhua News Agency",
    "Bloomberg",
    "United Press International",
    "UPI",
    "Deutsche Presse-Agentur",
    "dpa",
    "EFE",
    "ANSA",
    "Kyodo",
    "Kyodo News",
    "Jiji Press",
    "Yonhap",
    "Yonhap News Agency",
    "Press Trust of India",
    "PTI",
    "IANS",
    "ANI",
    "Bernama",
    "Antara",
    "IRNA",
    "ISNA",
    "Anadolu",
    "Anadolu Agency",
    "Interfax",
    "RIA Novosti",
    "Ukrinform",
    "PAP",
    "MTI",
    "BTA",
    "KUNA",
    "WAM",
    "SPA",
    "MENA",
    "WAFA",
    "QNA",
    "Petra",
    "SANA",
    "APA",
    "Canadian Press",
    "AAP",
    "Australian Associated Press",
    "Lusa",
    "Prensa Latina",
    "Tanjug",
    "NTB",
    "Kazinform",
    "Kabar",
    "Dunya",
    "Vietnam News Agency",
    "Philippine News Agency",
    "Xinhua News",
];

/// Words that look like names after a comma but are not agencies.
const NOT_AGENCY: &[&str] = &[
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "who",
    "congress",
    "parliament",
    "senate",
    "house",
    "president",
    "minister",
    "god",
    "him",
    "her",
    "them",
    "us",
    "me",
    "police",
    "officials",
    "sources",
    "reporters",
];

pub fn is_url(s: &str) -> bool {
    let s = s.trim();
    s.contains("://") || s.starts_with("www.")
}

pub fn is_known_agency(s: &str) -> bool {
    KNOWN_AGENCIES
        .iter()
        .any(|k| k.eq_ignore_ascii_case(s.trim()))
}

/// An agency-like name: capitalised words, inner dots allowed ("News.Az", "Report.az").
const NAME: &str = r"\p{Lu}(?:[\p{L}\p{N}&'’.\-]*[\p{L}\p{N}])?";

fn name_re(max_words: usize) -> String {
    format!(r"(?P<name>{NAME}(?:\s+{NAME}){{0,{}}})", max_words - 1)
}

/// "…, Trend reports." "…, AFP reported from the scene." "…, Report.az informs."
static REPORTS_TRAILING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r",\s+(?:the\s+)?{}(?:\s+(?:news\s+)?agency)?\s+(?:reports|reported|informs|informed)(?:\s*[.;,]|\s+(?:from|citing|quoting|with\s+reference|referring|on\s+\p{{Lu}}\w*day)(?-u:\b))",
        name_re(4)
    ))
    .unwrap()
});

/// "…, reports Xinhua." with the verb first.
static REPORTS_INVERTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r",\s+(?:reports|reported|informs)\s+(?:the\s+)?{}\s*[.;]",
        name_re(3)
    ))
    .unwrap()
});

/// "Trend reports citing the ministry …" at the start of a sentence.
static REPORTS_LEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?m)(?:^|[.!?]\s+){}(?:\s+(?:news\s+)?agency)?\s+(?:reports|reported|informs)\s+(?:citing|quoting|with\s+reference|referring)(?-u:\b)",
        name_re(3)
    ))
    .unwrap()
});

/// "… told Trend." ending the paragraph, "… told Reuters in an (exclusive) interview".
static TOLD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)told\s+(?:the\s+)?(?P<name>{NAME})(?:\.?\s*$|\s+in\s+an\s+(?:exclusive\s+)?interview(?-u:\b))"
    ))
    .unwrap()
});

/// "/TASS/." "MOSCOW, May 23. /NAME/."
static SLASHED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?:^|\s)/{}/(?:[\s.,]|$)", name_re(3))).unwrap());

/// "WASHINGTON (Reuters) -", "NEW YORK, Sept. 5 (AP) —", "(AP) —" opening a paragraph.
static PAREN_DASH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:\p{{Lu}}[\p{{Lu}}'’.\-]+(?:\s+\p{{Lu}}[\p{{Lu}}'’.\-]+){{0,2}}(?:\s*,\s*[^()\n]{{1,40}})?\s*)?\({}\)\s*[-—–]",
        name_re(3)
    ))
    .unwrap()
});

/// "… — Anadolu" ending a paragraph: one name, maybe followed by "Agency" / "News".
static DASH_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\s[—–]\s*(?P<name>{NAME}(?:\s+(?:Agency|News(?:\s+Agency)?))?)\s*$"
    ))
    .unwrap()
});

/// Known agencies after "according to / told / citing", or before "said / reported".
static KNOWN_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    let mut names: Vec<&str> = KNOWN_AGENCIES.to_vec();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let alt = names
        .iter()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!(
        r"(?:(?-u:\b)(?:according\s+to|told|citing|cited\s+by|quoted\s+by)\s+(?:the\s+)?(?P<a>{alt})(?-u:\b)|(?-u:\b)(?P<b>{alt})\s+(?:said|reported|reports|quoted)(?-u:\b))"
    ))
    .unwrap()
});

/// A dateline with a date: "MOSCOW, May 23.", "Astrakhan, RUSSIA,September 19.",
/// "BAKU, Azerbaijan, Sept. 5.", "WASHINGTON, Sept 5, 2023 (Reuters) -".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let place = r"\p{Lu}[\p{L}'’.\-]*(?:[ ]\p{Lu}[\p{L}'’.\-]*){0,3}";
    Regex::new(&format!(
        r"^(?P<place>{place}(?:\s*,\s*{place}){{0,3}})\s*,?\s*(?:(?P<m1>(?i:{m}))\.?\s*(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>(?i:{m}))\.?)(?:,?\s+(?P<y>\d{{4}}))?\s*(?:[.:/(]|[-—–])",
        m = dates::MONTHS_RE
    ))
    .unwrap()
});

/// A dateline without a date: "WASHINGTON (Reuters) -", "KYIV —".
static DATELINE_BARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{Lu}'’.\-]+(?:\s+\p{Lu}[\p{Lu}'’.\-]+){0,2}(?:\s*,\s*\p{Lu}[\p{L}'’.\-]*(?:\s+\p{Lu}[\p{L}'’.\-]*){0,2}){0,2}\s*(?:\([^)\n]{1,40}\)\s*)?[-—–]").unwrap()
});

/// Words that start sentences like "On September 19 …" and are no place.
const NOT_PLACE: &[&str] = &[
    "On", "In", "At", "By", "Since", "Until", "From", "The", "Last", "Next", "This", "Before",
    "After", "During", "Between", "Of", "For", "Through", "Early", "Late", "Mid", "Today",
];

/// Month and day (and year if written) of a dateline at the start of `para`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    pub place: String,
    pub month: u32,
    pub day: u32,
    pub year: Option<i32>,
}

pub fn dateline(para: &str) -> Option<Dateline> {
    let c = DATELINE.captures(para.trim_start())?;
    let place = c["place"].trim().to_string();
    let first = place
        .split(|ch: char| ch == ',' || ch.is_whitespace())
        .next()
        .unwrap_or("");
    if NOT_PLACE.contains(&first) || dates::month_number(first).is_some() {
        return None;
    }
    let (m, d) = match (c.name("m1"), c.name("d1")) {
        (Some(m), Some(d)) => (m.as_str(), d.as_str()),
        _ => (c.name("m2")?.as_str(), c.name("d2")?.as_str()),
    };
    let month = dates::month_number(m)?;
    let day: u32 = d.parse().ok()?;
    if day == 0 || day > 31 {
        return None;
    }
    let year = c.name("y").and_then(|y| y.as_str().parse().ok());
    Some(Dateline {
        place,
        month,
        day,
        year,
    })
}

/// The paragraphs (split at blank lines) that start in the first `limit` bytes, trimmed.
fn paragraphs(text: &str, limit: usize, max: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (true, Some(s)) => {
                out.push(text[s..pos].trim());
                start = None;
            }
            (false, None) => {
                if pos >= limit || out.len() >= max {
                    break;
                }
                start = Some(pos);
            }
            _ => {}
        }
        pos += line.len();
    }
    if let Some(s) = start {
        if out.len() < max {
            out.push(text[s..].trim());
        }
    }
    out
}

fn tidy(s: &str) -> Option<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

/// A first line that reads as a headline: short, no final period, followed by a blank
/// line or by a longer paragraph; not a dateline or a leftover template.
pub fn title_line(text: &str) -> Option<String> {
    let mut lines = text.split('\n').map(str::trim).skip_while(|l| l.is_empty());
    let first = lines.next()?;
    let start = text.find(first)?;
    let words = first.split_whitespace().count();
    if start >= HEAD || !(2..=20).contains(&words) {
        return None;
    }
    let starts_upper = first
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric() || "\"“'‘".contains(c));
    if !starts_upper
        || first.ends_with(['.', ',', ';', ':'])
        || first.contains("{{")
        || first.contains("{%")
        || dateline(first).is_some()
        || DATELINE_BARE.is_match(first)
        || dates::find_full_date(first).is_some_and(|(_, r)| r.len() + 12 >= first.len())
    {
        return None;
    }
    let next = lines.next()?;
    if next.is_empty() {
        // a blank line, then some text
        lines.find(|l| !l.is_empty())?;
    } else {
        let next_starts_upper = next
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || "\"“'‘".contains(c));
        let para: usize = std::iter::once(next)
            .chain(lines.take_while(|l| !l.is_empty()))
            .map(str::len)
            .sum();
        if !next_starts_upper || para <= first.len() {
            return None;
        }
    }
    tidy(first)
}

/// A full date on a short line near the top ("September 19, 2023", "Posted 2023-09-19").
fn header_line_date(text: &str) -> Option<String> {
    text.split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(5)
        .filter(|l| l.split_whitespace().count() <= 12)
        .find_map(|l| dates::find_full_date(l).map(|(d, _)| d))
}

fn good_name(name: &str) -> Option<String> {
    let n = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let n = n.trim_end_matches('.');
    let n = n.strip_prefix("The ").unwrap_or(n);
    if n.is_empty()
        || n.split_whitespace().count() > 4
        || NOT_AGENCY.contains(&n.to_lowercase().as_str())
        || n.chars().all(|c| c.is_numeric())
    {
        return None;
    }
    Some(n.to_string())
}

/// The agency named near the start: rules over the words around reports / told /
/// informs / /NAME/ / (NAME), then known agencies in attribution phrases. Looks at the
/// first three paragraphs, at most `SOURCE_WINDOW` bytes.
pub fn source_in(text: &str) -> Option<String> {
    source_rule(text).map(|(_, name)| name)
}

/// Like `source_in`, with the id of the rule that fired (for tests and debugging).
pub fn source_rule(text: &str) -> Option<(&'static str, String)> {
    const SOURCE_WINDOW: usize = 1500;
    let paras = paragraphs(text, HEAD, 3);
    let base = text.as_ptr() as usize;
    let end = paras
        .last()
        .map_or(0, |p| p.as_ptr() as usize - base + p.len());
    let window = &text[..super::markup::floor_boundary(text, end.min(SOURCE_WINDOW))];
    let first = |id: &'static str, re: &Regex| {
        re.captures_iter(window)
            .find_map(|c| good_name(&c["name"]))
            .map(|n| (id, n))
    };
    let reports = window.contains("report") || window.contains("inform");
    first("slashed", &SLASHED)
        .or_else(|| {
            // "(Reuters) -" belongs to the dateline: only at a paragraph's start
            paras.iter().find_map(|p| {
                let head = &p[..super::markup::floor_boundary(p, 200)];
                PAREN_DASH
                    .captures(head)
                    .and_then(|c| good_name(&c["name"]))
                    .map(|n| ("paren_dash", n))
            })
        })
        .or_else(|| {
            reports
                .then(|| first("reports", &REPORTS_TRAILING))
                .flatten()
        })
        .or_else(|| {
            reports
                .then(|| first("reports_inverted", &REPORTS_INVERTED))
                .flatten()
        })
        .or_else(|| {
            reports
                .then(|| first("reports_leading", &REPORTS_LEADING))
                .flatten()
        })
        .or_else(|| {
            // "… told Trend." closing a paragraph, or "told Reuters in an interview"
            paras.iter().take(2).find_map(|p| {
                TOLD.captures_iter(p)
                    .find_map(|c| good_name(&c["name"]))
                    .map(|n| ("told", n))
            })
        })
        .or_else(|| {
            // "… — Anadolu" closing one of the first paragraphs, not a quotation's speaker
            paras.iter().find_map(|p| {
                let c = DASH_END.captures(p)?;
                let before = p[..c.get(0).unwrap().start()].trim_end();
                if before.ends_with(['"', '\u{201d}', '\'', '\u{2019}']) {
                    return None;
                }
                good_name(&c["name"]).map(|n| ("dash_end", n))
            })
        })
        .or_else(|| {
            KNOWN_CONTEXT.captures(window).and_then(|c| {
                c.name("a")
                    .or(c.name("b"))
                    .map(|m| ("known", m.as_str().to_string()))
            })
        })
}

/// The publication date found in the text: a full-date header line, or a dateline that
/// writes its year. A dateline without a year gives nothing on its own: any other date
/// found (header, front matter) already decides, and the clock is never read.
fn date_in(text: &str) -> Option<String> {
    if let Some(d) = header_line_date(&text[..super::markup::floor_boundary(text, HEAD)]) {
        return Some(d);
    }
    paragraphs(text, HEAD, 3)
        .into_iter()
        .filter_map(dateline)
        .find_map(|d| dates::iso(d.year?, d.month, d.day))
}

/// Everything about one article, given the cleaned text and what cleaning found.
pub fn find(clean: &str, hints: &Hints, given: &Given) -> Meta {
    let title = given
        .title
        .as_deref()
        .and_then(tidy)
        .or_else(|| hints.title.as_deref().and_then(tidy))
        .or_else(|| title_line(clean));
    let published = given
        .date
        .as_deref()
        .and_then(dates::normalize)
        .or_else(|| hints.date.clone())
        .or_else(|| hints.header_date.clone())
        .or_else(|| hints.html_date.clone())
        .or_else(|| date_in(clean));
    let source = given
        .source
        .as_deref()
        .filter(|s| !is_url(s))
        .and_then(tidy)
        .or_else(|| hints.source.clone())
        .or_else(|| hints.byline_source.clone())
        .or_else(|| source_in(clean))
        .or_else(|| hints.site.clone());
    Meta {
        title,
        published,
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        let d = dateline("MOSCOW, May 23. /TASS/. A roundtable").unwrap();
        assert_eq!(
            (d.place.as_str(), d.month, d.day, d.year),
            ("MOSCOW", 5, 23, None)
        );
        let d = dateline("Astrakhan, RUSSIA,September 19. The delegation").unwrap();
        assert_eq!(
            (d.place.as_str(), d.month, d.day),
            ("Astrakhan, RUSSIA", 9, 19)
        );
        let d = dateline("RUSSIA, Astrakhan, September 19. Text").unwrap();
        assert_eq!(d.place, "RUSSIA, Astrakhan");
        let d = dateline("BAKU, Azerbaijan, Sept. 5. Text").unwrap();
        assert_eq!((d.month, d.day), (9, 5));
        let d = dateline("WASHINGTON, Sept 5, 2023 (Reuters) - Text").unwrap();
        assert_eq!(d.year, Some(2023));
        let d = dateline("LONDON, 5 March 2024 — Text").unwrap();
        assert_eq!((d.month, d.day, d.year), (3, 5, Some(2024)));
        assert_eq!(dateline("On September 19. the forum"), None);
        assert_eq!(
            dateline("The forum on September 18 and 19 is attended"),
            None
        );
        assert_eq!(dateline("Then the delegation met with the governor."), None);
        assert!(DATELINE_BARE.is_match("WASHINGTON (Reuters) - The"));
        assert!(!DATELINE_BARE.is_match("Washington said - no"));
    }

    #[test]
    fn dateline_year_rules() {
        let h = Hints::default();
        let g = Given::default();
        // no year anywhere: no date
        assert_eq!(find("MOSCOW, May 23. Text.", &h, &g).published, None);
        // year in the dateline
        assert_eq!(
            find("MOSCOW, May 23, 2022. Text.", &h, &g)
                .published
                .as_deref(),
            Some("2022-05-23")
        );
        // another date found decides
        let h2 = Hints {
            header_date: Some("2023-05-23".into()),
            ..Hints::default()
        };
        assert_eq!(
            find("MOSCOW, May 23. Text.", &h2, &g).published.as_deref(),
            Some("2023-05-23")
        );
        // a header line with a full date
        assert_eq!(
            find("September 19, 2023\n\nText here.", &h, &g)
                .published
                .as_deref(),
            Some("2023-09-19")
        );
        assert_eq!(
            find("19 September 2023\n\nText here.", &h, &g)
                .published
                .as_deref(),
            Some("2023-09-19")
        );
        assert_eq!(
            find("Posted 2023-09-19\n\nText here.", &h, &g)
                .published
                .as_deref(),
            Some("2023-09-19")
        );
        // JSONL wins
        let g2 = Given {
            date: Some("2021-01-15".into()),
            ..Given::default()
        };
        assert_eq!(
            find("Text.", &h2, &g2).published.as_deref(),
            Some("2021-01-15")
        );
    }

    fn src(t: &str) -> Option<String> {
        source_in(t)
    }

    #[test]
    fn source_patterns() {
        assert_eq!(
            src("BAKU, Sept. 5. The talks began in the capital, Trend reports.").as_deref(),
            Some("Trend")
        );
        assert_eq!(
            src("The forum opened in the city, Trend reports from the scene.").as_deref(),
            Some("Trend")
        );
        assert_eq!(
            src("MOSCOW, May 23. /TASS/. A roundtable took place.").as_deref(),
            Some("TASS")
        );
        assert_eq!(
            src("A delegation took part in the meeting, News.Az reports.").as_deref(),
            Some("News.Az")
        );
        assert_eq!(src("the agency told Trend.").as_deref(), Some("Trend"));
        assert_eq!(
            src("the minister told Reuters in an interview.").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            src("WASHINGTON (Reuters) - The Senate voted.").as_deref(),
            Some("Reuters")
        );
        assert_eq!(src("NEW YORK (AP) — Stocks fell.").as_deref(), Some("AP"));
        assert_eq!(
            src("Stocks fell on Monday, AFP reports.").as_deref(),
            Some("AFP")
        );
        assert_eq!(
            src("The quake struck at dawn, Xinhua reported.").as_deref(),
            Some("Xinhua")
        );
        assert_eq!(
            src("The plant reopened on Monday — Anadolu").as_deref(),
            Some("Anadolu")
        );
        assert_eq!(
            src("The deal was signed in Baku, APA reports.").as_deref(),
            Some("APA")
        );
        assert_eq!(
            src("The ministry said so, Report.az informs.").as_deref(),
            Some("Report.az")
        );
        assert_eq!(
            src("The ministry said so, reports Xinhua.").as_deref(),
            Some("Xinhua")
        );
        assert_eq!(
            src("Interfax reports citing the ministry that talks ended.").as_deref(),
            Some("Interfax")
        );
        assert_eq!(
            src("The talks ended, according to the Associated Press.").as_deref(),
            Some("Associated Press")
        );
        assert_eq!(
            src("The talks ended, the Interfax news agency reported.").as_deref(),
            Some("Interfax")
        );
        assert_eq!(
            src("The bill passed, the New\nYork Post reports.").as_deref(),
            Some("New York Post")
        );
    }

    #[test]
    fn source_non_matches() {
        assert_eq!(src("The EPA reports that emissions fell."), None);
        assert_eq!(src("The president told Congress."), None);
        assert_eq!(src("Officials told reporters on Monday."), None);
        assert_eq!(src("The forum, he reported, was a success."), None);
        assert_eq!(
            src("Smith said the Organization of Turkic States (OTS) in Bishkek met."),
            None
        );
        assert_eq!(
            src("The Council of Advisors (PCAST) – a group of experts – met."),
            None
        );
        assert_eq!(
            src("“We will win.” – President Biden\n\nToday the President spoke."),
            None
        );
        assert_eq!(
            src("Under Secretary – Jane Roe\n\nJane Roe was a fellow."),
            None
        );
        assert_eq!(
            src("borrowers of the previous – or REPAYE – Plan.\n\nText."),
            None
        );
        assert_eq!(
            src("I served with him and told Mike about it.\n\nText."),
            None
        );
        // only the start of the article counts
        let far = format!("{}\n\nThe talks ended, AFP reports.", "Para.\n\n".repeat(5));
        assert_eq!(src(&far), None);
    }

    #[test]
    fn titles() {
        let t = "Ministers discuss cooperation at roundtable meeting\n\nLead paragraph here.";
        assert_eq!(
            title_line(t).as_deref(),
            Some("Ministers discuss cooperation at roundtable meeting")
        );
        let t =
            "\n Ministers discuss cooperation\nThe ministers met on Monday in the capital city.";
        assert_eq!(
            title_line(t).as_deref(),
            Some("Ministers discuss cooperation")
        );
        assert_eq!(
            title_line("The delegation met the governor.\n\nText."),
            None
        );
        assert_eq!(title_line("MOSCOW, May 23. /TASS/\n\nText."), None);
        assert_eq!(title_line("The pandemic is getting worse by the day, more people are\nhospitalized than ever."), None);
        assert_eq!(title_line("A headline with nothing after it"), None);
        assert_eq!(title_line("September 19, 2023\n\nText."), None);
        let long = format!("{}\n\nText.", "word ".repeat(21));
        assert_eq!(title_line(&long), None);
    }

    #[test]
    fn given_values_win_and_urls_are_not_agencies() {
        let h = Hints {
            title: Some("From markup".into()),
            ..Hints::default()
        };
        let g = Given {
            title: Some(" Given\u{a0}title ".into()),
            source: Some("https://example.org/x".into()),
            date: None,
        };
        let m = find("Text here, AFP reports.", &h, &g);
        assert_eq!(m.title.as_deref(), Some("Given title"));
        assert_eq!(m.source.as_deref(), Some("AFP"));
        let g = Given {
            source: Some("Example Wire".into()),
            ..Given::default()
        };
        assert_eq!(
            find("Text.", &h, &g).source.as_deref(),
            Some("Example Wire")
        );
    }
}
