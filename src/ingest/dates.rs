//! Calendar dates as news pages write them, turned into ISO `YYYY-MM-DD`. No clock is
//! read anywhere: a date without a year stays without one.

use regex::Regex;
use std::sync::LazyLock;

/// Month names and their usual abbreviations, longest first so the regex prefers them.
pub const MONTHS_RE: &str = "january|february|march|april|may|june|july|august|september|october|november|december|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec";

/// Month number of a name or abbreviation ("September", "Sept.", "SEP").
pub fn month_number(word: &str) -> Option<u32> {
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    NAMES
        .iter()
        .position(|n| n.starts_with(w.as_str()))
        .map(|i| i as u32 + 1)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// A checked ISO date; None for 2023-02-30 and years outside 1800..=2199.
pub fn iso(year: i32, month: u32, day: u32) -> Option<String> {
    if !(1800..=2199).contains(&year) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:(?P<y1>\d{{4}})[-/](?P<m1>\d{{1,2}})[-/](?P<d1>\d{{1,2}})(?:T|(?-u:\b))|(?P<m2>{m})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})(?-u:\b)|(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m3>{m})\.?,?\s+(?P<y3>\d{{4}})(?-u:\b))",
        m = MONTHS_RE
    ))
    .unwrap()
});

/// The first complete date (with a year) in `s`, and where it is.
pub fn find_full_date(s: &str) -> Option<(String, std::ops::Range<usize>)> {
    for c in FULL_DATE.captures_iter(s) {
        let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
        let got = if let Some(y) = c.name("y1") {
            iso(y.as_str().parse().ok()?, num("m1")?, num("d1")?)
        } else if let Some(y) = c.name("y2") {
            iso(
                y.as_str().parse().ok()?,
                month_number(c.name("m2")?.as_str())?,
                num("d2")?,
            )
        } else {
            let y = c.name("y3")?;
            iso(
                y.as_str().parse().ok()?,
                month_number(c.name("m3")?.as_str())?,
                num("d3")?,
            )
        };
        if let Some(d) = got {
            return Some((d, c.get(0).unwrap().range()));
        }
    }
    None
}

/// Normalise a date value given by JSONL or front matter ("2023-09-19T10:00:00Z",
/// "September 19, 2023") to ISO; None when no complete date is in it.
pub fn normalize(value: &str) -> Option<String> {
    find_full_date(value.trim()).map(|(d, _)| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(normalize("2023-09-19").as_deref(), Some("2023-09-19"));
        assert_eq!(
            normalize("2023-09-19T10:00:00+04:00").as_deref(),
            Some("2023-09-19")
        );
        assert_eq!(
            normalize("September 19, 2023").as_deref(),
            Some("2023-09-19")
        );
        assert_eq!(normalize("Sept. 5, 2023").as_deref(), Some("2023-09-05"));
        assert_eq!(
            normalize("19 September 2023").as_deref(),
            Some("2023-09-19")
        );
        assert_eq!(
            normalize("Tuesday, 19th Sep 2023 10:15").as_deref(),
            Some("2023-09-19")
        );
        assert_eq!(normalize("2023/9/1").as_deref(), Some("2023-09-01"));
    }

    #[test]
    fn rejects_impossible_and_partial() {
        assert_eq!(normalize("2023-02-30"), None);
        assert_eq!(normalize("September 19"), None);
        assert_eq!(normalize("in 2023"), None);
        assert_eq!(normalize("2024-02-29").as_deref(), Some("2024-02-29"));
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("Mayor"), None);
        assert_eq!(month_number("SEP"), Some(9));
    }
}
