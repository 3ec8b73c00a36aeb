//! Fuzzing ingest → analyse → extract → store with a seeded mutator (stable Rust, no
//! extra dependency). Seeds: the sample articles and a few White House releases
//! (tests/data/fuzz, public domain). Short in CI; long on demand:
//!
//! ```sh
//! NEWSGRAPH_FUZZ_SECS=1800 cargo test --release --test fuzz -- --nocapture
//! NEWSGRAPH_FUZZ_CASES=100000 NEWSGRAPH_FUZZ_SEED=7 cargo test --release --test fuzz -- --nocapture
//! ```
//!
//! A panic fails the test and leaves the input in `target/fuzz-failures/` (add it to
//! `tests/data/fuzz/found/` once fixed, to be replayed each run); a case slower
//! than `NEWSGRAPH_FUZZ_SLOW_SECS` (default 10) is saved there too, as `slow-*`, and
//! reported, not failed (timing is not asserted).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use newsgraph::{ingest, pipeline, store};

/// xorshift64*: deterministic, so a seed reproduces a run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Pieces that reach the corners of the reader: markup, escapes, quotes, bullets, dates,
/// odd Unicode.
const TOKENS: &[&str] = &[
    "\x1b[2J", "\0", "\r\n", "\n\n", "\t", "\u{7f}", "<p>", "</p>", "<script>", "<!--", "-->", "<br/>", "<a href=\"x\">", "&amp;", "&#x0;",
    "&#1234567;", "&nbsp;", "\u{202e}", "\u{feff}", "\u{200b}", "\u{fffd}", "Mr. ", "Dr. ", "U.S. ", "(", ")", "\"", "“", "”", "'s ", "- ",
    "+ ", "* ", "# ", "---\ntitle: x\n---\n", "...", "President ", "Secretary of State ", "said ", "met with ", "on Monday", "Jan. 5, 2021",
    "2024-02-30", "31/31/2031", "📰", "ﬁ", "e\u{301}", "İ", "Ǆ", "\u{10ffff}", " , ", ". ", "?", "!", ":", ";", "{\"id\":", "\\u0000",
];

fn seeds() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("examples/articles")).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for f in files {
        out.push(std::fs::read(f).unwrap());
    }
    let jsonl = std::fs::read_to_string(root.join("tests/data/fuzz/whitehouse.jsonl")).unwrap();
    for line in jsonl.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        out.push(v["text"].as_str().unwrap().as_bytes().to_vec());
    }
    out
}

const MAX_INPUT: usize = 96 * 1024;

fn range(rng: &mut Rng, len: usize) -> (usize, usize) {
    let a = rng.below(len + 1);
    let b = (a + 1 + rng.below(64.max(len / 8))).min(len);
    (a, b.max(a))
}

/// One to four mutations of a seed (byte-level, so invalid UTF-8 happens too).
fn mutate(rng: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut v = seeds[rng.below(seeds.len())].clone();
    for _ in 0..1 + rng.below(4) {
        let len = v.len();
        match rng.below(11) {
            0 => {
                for _ in 0..1 + rng.below(8) {
                    if !v.is_empty() {
                        let i = rng.below(v.len());
                        v[i] ^= 1 << rng.below(8);
                    }
                }
            }
            1 | 2 => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let at = rng.below(len + 1);
                for _ in 0..1 + rng.below(3) {
                    v.splice(at..at, t.iter().copied());
                }
            }
            3 => {
                let (a, b) = range(rng, len);
                v.drain(a..b);
            }
            4 => {
                let (a, b) = range(rng, len);
                let piece = v[a..b].to_vec();
                for _ in 0..1 + rng.below(20) {
                    v.splice(b..b, piece.iter().copied());
                }
            }
            5 => {
                let other = &seeds[rng.below(seeds.len())];
                let (a, b) = range(rng, other.len());
                let at = rng.below(len + 1);
                v.splice(at..at, other[a..b].iter().copied());
            }
            6 => {
                let (a, b) = range(rng, len);
                for c in &mut v[a..b] {
                    *c = if rng.below(2) == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() };
                }
            }
            7 => {
                // sentence ends and line breaks removed: long unpunctuated runs
                let (a, b) = range(rng, len);
                for c in &mut v[a..b] {
                    if matches!(*c, b'.' | b'\n' | b'!' | b'?') {
                        *c = b' ';
                    }
                }
            }
            8 => v.truncate(rng.below(len + 1)),
            9 => {
                let wrap: (&str, &str) = match rng.below(3) {
                    0 => ("<html><head><title>T</title></head><body><p>", "</p></body></html>"),
                    1 => ("---\ntitle: \"x\"\ndate: 2021-01-01\n---\n# Heading\n\n", "\n"),
                    _ => ("<div><div><div><div><span>", ""),
                };
                v.splice(0..0, wrap.0.bytes());
                v.extend_from_slice(wrap.1.as_bytes());
            }
            _ => {
                let i = rng.below(len + 1);
                v.insert(i, rng.next() as u8);
            }
        }
        v.truncate(MAX_INPUT);
    }
    v
}

/// File endings the reader treats differently; a JSONL case wraps the text in a line.
const ENDINGS: &[&str] = &["txt", "html", "md", "jsonl", ""];

/// Runs one input through the whole chain; store writes go to `conn` now and then.
fn run_case(case: u64, input: &[u8], dir: &Path, conn: &mut rusqlite::Connection) {
    let text = String::from_utf8_lossy(input).into_owned();
    let id = format!("fuzz-{}", case % 40);
    let mut analysed = Vec::new();
    if let Ok(a) = ingest::make_article(id.clone(), id.clone(), text.clone(), None, Some("2021-01-05".into()), None) {
        analysed.push(pipeline::analyse_article(a).0);
    }
    // every fourth case also goes through a file, raw bytes and all
    if case % 4 == 0 {
        let ext = ENDINGS[(case / 4) as usize % ENDINGS.len()];
        let path = dir.join(if ext.is_empty() { format!("case{}", case % 7) } else { format!("case{}.{ext}", case % 7) });
        let bytes = if ext == "jsonl" {
            let mut line = serde_json::json!({"id": id, "text": text, "date": "2021-13-45"}).to_string().into_bytes();
            line.push(b'\n');
            line.extend_from_slice(input);
            line
        } else {
            input.to_vec()
        };
        std::fs::write(&path, bytes).unwrap();
        for a in ingest::read_file(&path).flatten() {
            analysed.push(pipeline::analyse_article(a).0);
        }
    }
    if case % 8 == 0 && !analysed.is_empty() {
        analysed.truncate(1);
        store::write_batch(conn, &analysed).unwrap();
    }
    if case % 200 == 199 {
        store::resolve_all(conn).unwrap();
    }
}

/// Inputs the fuzzer found crashing once (tests/data/fuzz/found), replayed every run.
#[test]
fn inputs_found_by_fuzzing_no_longer_panic() {
    let found = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz/found");
    let dir = tempfile::tempdir().unwrap();
    let mut conn = store::open(&dir.path().join("found.db")).unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(found).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(!files.is_empty());
    for (i, f) in files.iter().enumerate() {
        // case 0 mod 8: through a file and the store too
        run_case(8 * i as u64, &std::fs::read(f).unwrap(), dir.path(), &mut conn);
    }
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

#[test]
fn fuzz_ingest_analyse_extract_store() {
    let cases = env_u64("NEWSGRAPH_FUZZ_CASES");
    let secs = env_u64("NEWSGRAPH_FUZZ_SECS");
    // the short CI run: a few seconds in a debug build
    let cases = cases.unwrap_or(if secs.is_some() { u64::MAX } else { 120 });
    let deadline = secs.map(|s| Instant::now() + Duration::from_secs(s));
    let seed = env_u64("NEWSGRAPH_FUZZ_SEED").unwrap_or(13);
    let slow = Duration::from_secs(env_u64("NEWSGRAPH_FUZZ_SLOW_SECS").unwrap_or(10));
    let failures = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-failures");

    let seeds = seeds();
    let dir = tempfile::tempdir().unwrap();
    let mut conn = store::open(&dir.path().join("fuzz.db")).unwrap();
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);

    // A watchdog saves a case that runs long (a hang shows up as one that never ends).
    let current: Arc<Mutex<(u64, Vec<u8>)>> = Arc::new(Mutex::new((0, Vec::new())));
    let started_case = Arc::new(AtomicU64::new(0));
    let epoch = Instant::now();
    let stop = Arc::new(AtomicU64::new(0));
    let watchdog = {
        let (current, started_case, stop, failures) = (current.clone(), started_case.clone(), stop.clone(), failures.clone());
        std::thread::spawn(move || {
            let mut reported = u64::MAX;
            while stop.load(Ordering::Relaxed) == 0 {
                std::thread::sleep(Duration::from_millis(500));
                let began = Duration::from_millis(started_case.load(Ordering::Relaxed));
                let (case, input) = current.lock().unwrap().clone();
                if case != reported && epoch.elapsed().saturating_sub(began) > slow {
                    std::fs::create_dir_all(&failures).unwrap();
                    let f = failures.join(format!("slow-seed{seed}-case{case}.txt"));
                    std::fs::write(&f, &input).unwrap();
                    eprintln!("fuzz: case {case} is slow (over {}s), input in {}", slow.as_secs(), f.display());
                    reported = case;
                }
            }
        })
    };

    let mut panics = Vec::new();
    let mut bytes = 0u64;
    let mut done = 0u64;
    let t0 = Instant::now();
    while done < cases && deadline.map_or(true, |d| Instant::now() < d) {
        let input = mutate(&mut rng, &seeds);
        bytes += input.len() as u64;
        *current.lock().unwrap() = (done, input.clone());
        started_case.store(epoch.elapsed().as_millis() as u64, Ordering::Relaxed);
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_case(done, &input, dir.path(), &mut conn)));
        if r.is_err() {
            std::fs::create_dir_all(&failures).unwrap();
            let f = failures.join(format!("panic-seed{seed}-case{done}.txt"));
            std::fs::write(&f, &input).unwrap();
            panics.push(f);
        }
        done += 1;
        if done % 5000 == 0 {
            eprintln!("fuzz: {done} cases, {:.0} s, {} panics", t0.elapsed().as_secs_f64(), panics.len());
        }
    }
    stop.store(1, Ordering::Relaxed);
    watchdog.join().unwrap();
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    println!(
        "fuzz: seed {seed}: {done} cases ({:.1} MB of input) in {:.1} s, {} panics; database {ok}",
        bytes as f64 / 1e6,
        t0.elapsed().as_secs_f64(),
        panics.len()
    );
    assert!(panics.is_empty(), "inputs that panicked: {panics:?}");
    assert_eq!(ok, "ok");
}
