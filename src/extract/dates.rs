//! Dates in text resolved against the article's publication date: "on Monday",
//! "tomorrow", "in July", "September 18 and 19", "from September 30 – October 2",
//! "May 15", "15 May 2023", "February 2022" → ISO dates or intervals.

const MONTHS: &[(&str, u32)] = &[
    ("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("mar", 3),
    ("april", 4), ("apr", 4), ("may", 5), ("june", 6), ("jun", 6), ("july", 7), ("jul", 7),
    ("august", 8), ("aug", 8), ("september", 9), ("sep", 9), ("sept", 9), ("october", 10),
    ("oct", 10), ("november", 11), ("nov", 11), ("december", 12), ("dec", 12),
];
const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

pub fn is_weekday(word: &str) -> bool {
    WEEKDAYS.contains(&word)
}

pub fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == w).map(|(_, n)| *n)
}

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    pub y: i32,
    pub m: u32,
    pub d: u32,
}

impl Day {
    pub fn parse(iso: &str) -> Option<Day> {
        let mut it = iso.split('-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.parse().ok()?;
        Day::checked(y, m, d)
    }
    /// The day, if it exists ("31 February" does not).
    pub fn checked(y: i32, m: u32, d: u32) -> Option<Day> {
        let last = match m {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
            2 => 28,
            _ => 0,
        };
        (1..=last).contains(&d).then_some(Day { y, m, d })
    }
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
    /// Days since 1970-01-01 (civil calendar).
    fn ordinal(self) -> i64 {
        let (y, m) = if self.m <= 2 { (self.y as i64 - 1, self.m as i64 + 9) } else { (self.y as i64, self.m as i64 - 3) };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * m + 2) / 5 + self.d as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }
    fn from_ordinal(z: i64) -> Day {
        let z = z + 719468;
        let era = z.div_euclid(146097);
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = (yoe + era * 400 + if m <= 2 { 1 } else { 0 }) as i32;
        Day { y, m, d }
    }
    pub fn add(self, days: i64) -> Day {
        Day::from_ordinal(self.ordinal() + days)
    }
    /// 0 = Monday.
    pub fn weekday(self) -> usize {
        (self.ordinal() + 3).rem_euclid(7) as usize
    }
}

/// Tense of the clause a relative date stands in: past "on Monday" is the last Monday,
/// future "on Monday" the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
}

/// Reads a date expression from lower-case words starting at `words[0]`. Returns the ISO
/// value and how many words it used.
pub fn read(words: &[&str], published: Option<&str>, tense: Tense) -> Option<(String, usize)> {
    let base = published.and_then(Day::parse);
    let w0 = *words.first()?;
    // Relative days.
    match w0 {
        "today" => return base.map(|b| (b.iso(), 1)),
        "tomorrow" => return base.map(|b| (b.add(1).iso(), 1)),
        "yesterday" => return base.map(|b| (b.add(-1).iso(), 1)),
        _ => {}
    }
    if let Some(wd) = WEEKDAYS.iter().position(|w| *w == w0) {
        let b = base?;
        let diff = wd as i64 - b.weekday() as i64;
        let delta = match tense {
            Tense::Future => (diff + 7) % 7,
            _ => -((-diff).rem_euclid(7)),
        };
        return Some((b.add(delta).iso(), 1));
    }
    // "September 18 and 19", "September 18-19", "May 15", "May 15, 2023", "February 2022", "July"
    if let Some(m) = month(w0) {
        let num = |w: &str| w.trim_end_matches(|c: char| c.is_alphabetic()).parse::<u32>().ok();
        let day = words.get(1).and_then(|w| num(w)).filter(|d| (1..=31).contains(d));
        let year_at = |i: usize| words.get(i).and_then(|w| w.parse::<i32>().ok()).filter(|y| (1800..=2200).contains(y));
        if let Some(d) = day {
            let mut used = 2;
            let mut end_day = None;
            if matches!(words.get(2), Some(&"and") | Some(&"-") | Some(&"to")) {
                if let Some(d2) = words.get(3).and_then(|w| num(w)).filter(|x| *x > d && *x <= 31) {
                    end_day = Some((m, d2));
                    used = 4;
                } else if let Some(m2) = words.get(3).and_then(|w| month(w)) {
                    if let Some(d2) = words.get(4).and_then(|w| num(w)) {
                        end_day = Some((m2, d2));
                        used = 5;
                    }
                }
            }
            let year = if words.get(used) == Some(&",") { year_at(used + 1).map(|y| { used += 2; y }) } else { year_at(used).map(|y| { used += 1; y }) };
            let y = year.or_else(|| base.map(|b| infer_year(b, m, tense)))?;
            let start = Day::checked(y, m, d)?;
            return Some(match end_day {
                Some((m2, d2)) => {
                    let y2 = if m2 < m { y + 1 } else { y };
                    (format!("{}/{}", start.iso(), Day::checked(y2, m2, d2)?.iso()), used)
                }
                None => (start.iso(), used),
            });
        }
        if let Some(y) = year_at(1) {
            return Some((format!("{y:04}-{m:02}"), 2));
        }
        let y = base.map(|b| infer_year(b, m, tense))?;
        return Some((format!("{y:04}-{m:02}"), 1));
    }
    // "15 May 2023", "18 and 19 September", "19 - 20 October 2015", "3-4 May", "30 September
    // – 2 October 2025"
    let dash = |w: &str| matches!(w, "and" | "-" | "–" | "—" | "to");
    let year_at = |i: usize| words.get(i).and_then(|w| w.parse::<i32>().ok()).filter(|y| (1800..=2200).contains(y));
    // ("18th", "1st": an ordinal day)
    let day_num = |w: &str| ["st", "nd", "rd", "th"].iter().find_map(|s| w.strip_suffix(s)).unwrap_or(w).parse::<u32>().ok().filter(|d| (1..=31).contains(d));
    // (a range written as one word: "3-4")
    let joined = w0.split_once(['-', '–']).and_then(|(a, b)| Some((day_num(a)?, day_num(b)?)));
    let (d, d2, m_at) = match (day_num(w0), joined) {
        (Some(d), _) if words.get(1).is_some_and(|w| dash(w)) && words.get(2).and_then(|w| day_num(w)).is_some() && words.get(3).and_then(|w| month(w)).is_some() => (d, words.get(2).and_then(|w| day_num(w)), 3),
        // "the 18th of January"
        (Some(d), _) if w0.ends_with(|c: char| c.is_alphabetic()) && words.get(1) == Some(&"of") => (d, None, 2),
        (Some(d), _) => (d, None, 1),
        (None, Some((a, b))) => (a, Some(b), 1),
        _ => return None,
    };
    let m = words.get(m_at).and_then(|w| month(w))?;
    let mut used = m_at + 1;
    // "30 September – 2 October": a second day and month
    let mut end = d2.filter(|&x| x > d).map(|x| (m, x));
    if d2.is_none() && words.get(used).is_some_and(|w| dash(w)) {
        if let (Some(x), Some(m2)) = (words.get(used + 1).and_then(|w| day_num(w)), words.get(used + 2).and_then(|w| month(w))) {
            end = Some((m2, x));
            used += 3;
        }
    }
    if d2.is_some() && end.is_none() {
        return None;
    }
    let year = year_at(used);
    if year.is_some() {
        used += 1;
    }
    let y = year.or_else(|| base.map(|b| infer_year(b, m, tense)))?;
    let start = Day::checked(y, m, d)?;
    Some(match end {
        Some((m2, x)) => {
            let y1 = if m2 < m && year.is_some() { y - 1 } else { y };
            let start = Day::checked(y1, m, d)?;
            let y2 = if m2 < m { y1 + 1 } else { y1 };
            (format!("{}/{}", start.iso(), Day::checked(y2, m2, x)?.iso()), used)
        }
        None => (start.iso(), used),
    })
}

/// A month named without a year: the nearest one in the direction of the tense.
fn infer_year(base: Day, m: u32, tense: Tense) -> i32 {
    match tense {
        Tense::Past if m > base.m => base.y - 1,
        Tense::Future if m < base.m => base.y + 1,
        _ => base.y,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str, tense: Tense) -> Option<String> {
        let words: Vec<&str> = s.split(' ').collect();
        read(&words, Some("2023-05-23"), tense).map(|x| x.0)
    }

    #[test]
    fn weekdays_resolve_against_the_article_date() {
        // 2023-05-23 is a Tuesday.
        assert_eq!(Day::parse("2023-05-23").unwrap().weekday(), 1);
        assert_eq!(r("monday", Tense::Past).as_deref(), Some("2023-05-22"));
        assert_eq!(r("monday", Tense::Future).as_deref(), Some("2023-05-29"));
        assert_eq!(r("tuesday", Tense::Past).as_deref(), Some("2023-05-23"));
        assert_eq!(r("tomorrow", Tense::Future).as_deref(), Some("2023-05-24"));
    }

    #[test]
    fn months_days_and_intervals() {
        assert_eq!(r("september 18 and 19", Tense::Present).as_deref(), Some("2023-09-18/2023-09-19"));
        assert_eq!(r("july", Tense::Past).as_deref(), Some("2022-07"));
        assert_eq!(r("may 15", Tense::Past).as_deref(), Some("2023-05-15"));
        assert_eq!(r("february 2022", Tense::Past).as_deref(), Some("2022-02"));
        assert_eq!(r("september 30 - october 2", Tense::Future).as_deref(), Some("2023-09-30/2023-10-02"));
        assert_eq!(r("15 may 2021", Tense::Past).as_deref(), Some("2021-05-15"));
        assert_eq!(r("may 15 , 2021", Tense::Past).as_deref(), Some("2021-05-15"));
        assert_eq!(r("19 - 20 october 2015", Tense::Past).as_deref(), Some("2015-10-19/2015-10-20"));
        assert_eq!(r("18 and 19 september", Tense::Present).as_deref(), Some("2023-09-18/2023-09-19"));
        assert_eq!(r("3-4 may 2024", Tense::Past).as_deref(), Some("2024-05-03/2024-05-04"));
        assert_eq!(r("30 september – 2 october 2025", Tense::Future).as_deref(), Some("2025-09-30/2025-10-02"));
        assert_eq!(r("30 december - 2 january 2025", Tense::Past).as_deref(), Some("2024-12-30/2025-01-02"));
        assert_eq!(r("18th january 2025", Tense::Past).as_deref(), Some("2025-01-18"));
        assert_eq!(r("1st of may", Tense::Past).as_deref(), Some("2023-05-01"));
        assert_eq!(r("22nd - 23rd march 2024", Tense::Past).as_deref(), Some("2024-03-22/2024-03-23"));
        assert_eq!(r("18 of may", Tense::Past), None);
    }

    #[test]
    fn impossible_days_are_no_dates() {
        assert_eq!(r("31 february 2023", Tense::Past), None);
        assert_eq!(r("february 29 , 2023", Tense::Past), None);
        assert_eq!(r("29 february 2024", Tense::Past).as_deref(), Some("2024-02-29"));
        assert_eq!(r("april 30 - may 32", Tense::Past), None);
        assert_eq!(Day::parse("2023-02-31"), None);
    }

    #[test]
    fn day_arithmetic_round_trips() {
        let d = Day::parse("2024-02-28").unwrap();
        assert_eq!(d.add(1).iso(), "2024-02-29");
        assert_eq!(d.add(2).iso(), "2024-03-01");
        assert_eq!(Day::parse("2023-01-01").unwrap().add(-1).iso(), "2022-12-31");
    }
}
