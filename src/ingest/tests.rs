//! Tests of the whole stage: the sample articles, bad inputs, folders, the corpus.

use super::*;
use std::io::{BufRead, Write};

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles");
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpora/whitehouse-briefing-room/articles.jsonl");

fn bad(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/bad_inputs")
        .join(name)
}

fn seed(prefix: &str) -> Option<Article> {
    let dir = std::fs::read_dir(SEEDS).ok()?;
    let path = dir
        .flatten()
        .map(|e| e.path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))?;
    let mut it = read_file(&path);
    Some(it.next().unwrap().unwrap())
}

#[test]
fn seed_articles() {
    let Some(a0) = seed("000") else { return }; // shared data not mounted
    assert!(a0.id.starts_with("000_") && a0.id.ends_with(".txt") && !a0.id.contains('/'));
    assert_eq!(a0.published.as_deref(), Some("2023-09-19"));
    assert_eq!(a0.source.as_deref(), Some("Trend"));
    assert_eq!(a0.title, None);
    assert!(a0
        .clean
        .text
        .starts_with("Astrakhan, RUSSIA,September 19. The Azerbaijani"));
    assert_eq!(
        a0.hash,
        blake3::hash(a0.text.as_bytes()).to_hex().to_string()
    );

    let a1 = seed("001").unwrap();
    assert_eq!(a1.published, None);
    assert_eq!(a1.source, None); // "The EPA reports that …" is reported speech, not an attribution
    assert_eq!(a1.clean.text, a1.text);

    let a2 = seed("002").unwrap();
    assert_eq!(a2.published.as_deref(), Some("2023-09-19"));
    assert_eq!(a2.source.as_deref(), Some("Trend"));

    let a3 = seed("003").unwrap();
    assert_eq!(a3.published.as_deref(), Some("2023-10-17"));
    assert_eq!(a3.source.as_deref(), Some("News.Az"));
    assert!(!a3.clean.text.contains("16 px") && !a3.clean.text.contains('↺'));
    assert!(a3
        .clean
        .text
        .trim_start()
        .starts_with("An Azerbaijani delegation headed by"));

    let a4 = seed("004").unwrap();
    assert_eq!(a4.published.as_deref(), Some("2023-05-23"));
    assert_eq!(a4.source.as_deref(), Some("TASS"));
    assert_eq!(
        a4.title.as_deref(),
        Some("Russian, Azerbaijani reporters discuss cooperation at TASS roundtable meeting")
    );
    assert!(!a4.clean.text.contains("{{") && !a4.clean.text.contains("dayPoint"));
    assert!(a4
        .clean
        .text
        .contains("MOSCOW, May 23. /TASS/. A roundtable"));
    // paragraph breaks survive
    assert!(a4.clean.text.matches("\n\n").count() >= 10);
}

#[test]
fn seed_offsets_map_back() {
    let Some(a) = seed("004") else { return };
    let clean = &a.clean;
    for needle in [
        "MOSCOW, May 23.",
        "Russian, Azerbaijani reporters",
        "Kremlin Spokesman",
        "Foreign Ministry Spokeswoman",
    ] {
        let c = clean.text.find(needle).unwrap();
        let (o, e) = (clean.to_original(c), original_end(clean, c + needle.len()));
        assert_eq!(&a.text[o..e], needle);
    }
}

#[test]
fn html_and_markdown_articles() {
    let html = "<html><head><title>Leaders meet in Geneva - World News</title>\
        <meta property=\"article:published_time\" content=\"2024-03-05T09:00:00Z\"></head>\
        <body><header><a href=\"/\">World News</a></header><h1>Leaders meet in Geneva</h1>\
        <p>GENEVA (Reuters) - The leaders met on Tuesday&nbsp;and agreed to talk again.</p>\
        <p>Share</p><footer>Contact us</footer></body></html>";
    let a = make_article(
        "x.html".into(),
        "x.html".into(),
        html.into(),
        None,
        None,
        None,
    )
    .unwrap();
    assert_eq!(a.title.as_deref(), Some("Leaders meet in Geneva"));
    assert_eq!(a.published.as_deref(), Some("2024-03-05"));
    assert_eq!(a.source.as_deref(), Some("Reuters"));
    assert!(a
        .clean
        .text
        .contains("GENEVA (Reuters) - The leaders met on Tuesday and agreed"));
    assert!(!a.clean.text.contains("Share") && !a.clean.text.contains("Contact"));

    let md = "---\ntitle: Trade deal signed\ndate: 2022-06-01\n---\n# Trade deal signed\n\nBy Jane Doe, AFP\n\n\
        BRUSSELS, June 1. The **two sides** signed the [deal](https://example.org/deal) today.\n\nRelated stories\n- [Other](https://x.org)\n";
    let a = make_article("x.md".into(), "x.md".into(), md.into(), None, None, None).unwrap();
    assert_eq!(a.title.as_deref(), Some("Trade deal signed"));
    assert_eq!(a.published.as_deref(), Some("2022-06-01"));
    assert_eq!(a.source.as_deref(), Some("AFP"));
    assert!(a
        .clean
        .text
        .contains("BRUSSELS, June 1. The two sides signed the deal today."));
    assert!(
        !a.clean.text.contains("Jane")
            && !a.clean.text.contains("Other")
            && !a.clean.text.contains("Related")
    );
}

fn reason(path: &Path) -> String {
    let mut it = read_file(path);
    let r = it.next().unwrap().unwrap_err();
    assert!(it.next().is_none());
    r.reason
}

#[test]
fn bad_single_files() {
    assert!(
        reason(&bad("binary.bin")).starts_with("binary file"),
        "{}",
        reason(&bad("binary.bin"))
    );
    assert_eq!(reason(&bad("empty.txt")), "empty");
    assert_eq!(reason(&bad("whitespace.txt")), "empty (whitespace only)");
    assert_eq!(
        reason(&bad("invalid_utf8.txt")),
        "not valid UTF-8 at byte 17"
    );
    assert!(reason(&bad("control.txt")).starts_with("binary file"));
    assert_eq!(reason(&bad("no_such_file.txt")), "cannot read: not found");
}

#[test]
fn too_large_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("big.txt");
    let mut f = std::fs::File::create(&p).unwrap();
    let line = "word ".repeat(200) + "\n";
    while f.metadata().unwrap().len() <= MAX_ARTICLE_BYTES as u64 {
        f.write_all(line.as_bytes()).unwrap();
    }
    drop(f);
    assert_eq!(reason(&p), "too large (16.0MB, limit 16.0MB)");
    let big = "a".repeat(MAX_ARTICLE_BYTES + 1);
    let e = make_article("b".into(), "b".into(), big, None, None, None).unwrap_err();
    assert!(e.reason.starts_with("too large"));
}

#[cfg(unix)]
#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("locked.txt");
    std::fs::write(&p, "Some text.").unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&p).is_ok() {
        return; // running as root: permissions do not stop us
    }
    assert_eq!(reason(&p), "cannot read: permission denied");
}

#[test]
fn broken_jsonl_line_does_not_stop_the_others() {
    let items: Vec<_> = read_file(&bad("broken.jsonl")).collect();
    assert_eq!(items.len(), 6, "{items:?}"); // the blank line yields nothing
    let ok: Vec<&Article> = items.iter().filter_map(|r| r.as_ref().ok()).collect();
    assert_eq!(
        ok.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
        ["a1", "a3", "a6"]
    );
    assert!(ok[0].path.ends_with("broken.jsonl:1"));
    assert!(ok[1].path.ends_with("broken.jsonl:4"));
    assert_eq!(ok[0].title.as_deref(), Some("Title 1"));
    assert_eq!(ok[0].published.as_deref(), Some("2023-09-19"));
    assert_eq!(ok[0].source.as_deref(), Some("AFP"));
    let errs: Vec<String> = items
        .iter()
        .filter_map(|r| r.as_ref().err())
        .map(|e| e.reason.clone())
        .collect();
    assert!(
        errs[0].starts_with("JSONL line 2: invalid JSON at column"),
        "{errs:?}"
    );
    assert_eq!(errs[1], "JSONL line 5: missing field `text`");
    assert_eq!(errs[2], "JSONL line 6: empty (whitespace only)");
}

#[test]
fn jsonl_invalid_utf8_line() {
    let items: Vec<_> = read_file(&bad("bad_utf8.jsonl")).collect();
    assert_eq!(items.len(), 3);
    assert!(items[0].is_ok() && items[2].is_ok());
    let first_len = std::fs::read(bad("bad_utf8.jsonl"))
        .unwrap()
        .iter()
        .position(|&b| b == b'\n')
        .unwrap()
        + 1;
    let want = format!("JSONL line 2: not valid UTF-8 at byte {}", first_len + 25);
    assert_eq!(items[1].as_ref().unwrap_err().reason, want);
}

#[test]
fn discover_walks_sorts_dedups_and_skips_hidden() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("sub/.hidden")).unwrap();
    for f in [
        "b.txt",
        "a.md",
        "sub/c.jsonl",
        "sub/.secret.txt",
        "sub/.hidden/d.txt",
        "image.png",
        "noext",
    ] {
        std::fs::write(root.join(f), "x").unwrap();
    }
    #[cfg(unix)]
    std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();
    let (files, errors) = discover(&[
        root.to_path_buf(),
        root.join("b.txt"),
        root.join("missing.txt"),
    ]);
    let names: Vec<String> = files
        .iter()
        .map(|p| p.strip_prefix(root).unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["a.md", "b.txt", "noext", "sub/c.jsonl"]);
    assert!(
        errors
            .iter()
            .any(|e| e.path.ends_with("missing.txt") && e.reason == "not found"),
        "{errors:?}"
    );
    // an explicitly named file is taken whatever its name
    let (files, _) = discover(&[root.join("image.png")]);
    assert_eq!(files.len(), 1);
}

#[test]
fn ids_are_paths_inside_the_folder_named_and_never_repeat() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for f in ["x/a.txt", "y/a.txt", "a.txt", "y/deep/a.txt"] {
        std::fs::create_dir_all(root.join(f).parent().unwrap()).unwrap();
        std::fs::write(root.join(f), "x").unwrap();
    }
    let (inputs, _) = discover_inputs(&[root.to_path_buf()]);
    let ids: Vec<&str> = inputs.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["a.txt", "x/a.txt", "y/a.txt", "y/deep/a.txt"]);
    // named one by one, two files of one name: the second is known by its path
    let (inputs, _) = discover_inputs(&[root.join("x/a.txt"), root.join("y/a.txt")]);
    assert_eq!(inputs[0].id, "a.txt");
    assert_eq!(inputs[1].id, root.join("y/a.txt").display().to_string());
}

#[test]
fn corpus_first_500_lines_parse() {
    let Ok(f) = std::fs::File::open(CORPUS) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("head.jsonl");
    let mut out = std::fs::File::create(&p).unwrap();
    for line in std::io::BufReader::new(f).lines().take(500) {
        writeln!(out, "{}", line.unwrap()).unwrap();
    }
    drop(out);
    let mut n = 0;
    let mut spans = 0;
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    for item in read_file(&p) {
        let a = item.unwrap_or_else(|e| panic!("{e}"));
        spans += check_map(&a, &mut seed, 40);
        assert!(a.title.is_some() && a.published.is_some(), "{}", a.id);
        assert!(!a.clean.text.contains("](http"), "{}: link left", a.id);
        assert!(!a.clean.text.contains("\\###"), "{}", a.id);
        n += 1;
    }
    assert_eq!(n, 500);
    assert!(spans > 10_000, "{spans}");
}

/// Random spans strictly inside one piece of the map: `to_original` gives the same
/// bytes back. (Replacements are at most one character, so such spans are verbatim.)
fn check_map(a: &Article, seed: &mut u64, rounds: usize) -> usize {
    let clean = &a.clean;
    let mut checked = 0;
    for _ in 0..rounds {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        let i = (*seed % clean.map.len() as u64) as usize;
        let start = clean.map[i].0;
        let end = clean.map.get(i + 1).map_or(clean.text.len(), |m| m.0);
        if end - start < 3 {
            continue;
        }
        let x = start + (*seed >> 20) as usize % (end - start);
        let y = start + (*seed >> 40) as usize % (end - start);
        let (lo, hi) = (x.min(y), x.max(y));
        if lo == hi || !clean.text.is_char_boundary(lo) || !clean.text.is_char_boundary(hi) {
            continue;
        }
        let (o1, o2) = (clean.to_original(lo), clean.to_original(hi));
        assert_eq!(&a.text[o1..o2], &clean.text[lo..hi], "{}: {lo}..{hi}", a.id);
        assert_eq!(original_end(clean, hi), o2);
        checked += 1;
    }
    checked
}

/// Reading + cleaning the whole corpus. Run in release:
/// `cargo test --release --lib ingest::tests::bench_corpus -- --ignored --nocapture`
#[test]
#[ignore]
fn bench_corpus() {
    let path = Path::new(CORPUS);
    let start = std::time::Instant::now();
    let (mut ok, mut bad, mut bytes, mut sources, mut cleaned) = (0, 0, 0usize, 0, 0usize);
    for item in read_file(path) {
        match item {
            Ok(a) => {
                ok += 1;
                bytes += a.text.len();
                cleaned += a.clean.text.len();
                sources += usize::from(a.source.is_some());
            }
            Err(e) => {
                bad += 1;
                eprintln!("{e}");
            }
        }
    }
    let t = start.elapsed();
    eprintln!("{ok} articles, {bad} errors, {bytes} bytes of text ({cleaned} cleaned), {sources} with a source, in {t:?}");
    assert_eq!(bad, 0);
}
