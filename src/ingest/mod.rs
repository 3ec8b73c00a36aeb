//! Ingest: input paths → `Article`s. Finds the files, reads plain text, HTML, Markdown
//! and JSONL, refuses bad input with a one-line reason (never a panic), cleans the text
//! and reads title, date and agency.

pub mod clean;
mod dates;
mod html;
mod jsonl;
mod lines;
mod markup;
pub mod meta;

use crate::model::Article;
use std::collections::BTreeSet;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

pub use clean::{original_end, Cleaned, Format};

/// A date as given by the user or a JSONL record ("2023-09-19", "September 19, 2023") in
/// ISO form; None when it holds no real date.
pub fn normalize_date(value: &str) -> Option<String> {
    dates::normalize(value)
}

/// Largest article accepted, in bytes (the default of `--max-article-bytes`, which can
/// lower it). A JSONL file may be larger; each line may not.
pub const MAX_ARTICLE_BYTES: usize = 16 * 1024 * 1024;

/// File name endings read when a folder is walked (explicitly named files are always read).
const TEXT_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "jsonl", "ndjson",
];

/// One input that failed, with a one-line reason naming the problem ("binary file", "not valid UTF-8 at byte 17", "empty", "too large (…MB, limit …)", "JSONL line 12: missing field `text`").
#[derive(Debug, Clone, PartialEq)]
pub struct ReadError {
    pub path: String,
    pub reason: String,
}

impl ReadError {
    fn new(path: impl Into<String>, reason: impl Into<String>) -> Self {
        ReadError {
            path: path.into(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

impl std::error::Error for ReadError {}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn wanted_in_folder(path: &Path) -> bool {
    match path.extension() {
        None => true,
        Some(e) => TEXT_EXTENSIONS.contains(&e.to_string_lossy().to_ascii_lowercase().as_str()),
    }
}

/// An input file and the id its article gets (JSONL lines carry their own ids).
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    pub path: PathBuf,
    pub id: String,
}

/// What kind of non-regular file this is, for the warning that skips it.
fn special_kind(t: std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        "a FIFO"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else {
        "not a regular file"
    }
}

/// The input files of `discover`.
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<ReadError>) {
    let (inputs, errors) = discover_inputs(paths);
    (inputs.into_iter().map(|i| i.path).collect(), errors)
}

/// Expand files and folders (recursively, following no symlink loops) into a sorted, de-duplicated list of input files. Hidden files/dirs (starting with '.') are skipped. Errors for a path that does not exist are returned as ReadError, not panics.
///
/// Inside folders only text-like files are taken (.txt .md .html .jsonl … or no
/// extension); a file named explicitly is always taken. FIFOs, sockets and devices are
/// skipped with a warning (reading one could block forever).
///
/// A file's id is its path relative to the folder named (its file name when directly in
/// it, or when named itself), so `x/a.txt` and `y/a.txt` are two articles; should two
/// inputs still share an id, the later one is known by its path as given.
pub fn discover_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<ReadError>) {
    let mut files: Vec<Input> = Vec::new();
    let mut errors = Vec::new();
    for root in paths {
        let shown = root.display().to_string();
        let meta = match std::fs::metadata(root) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                errors.push(ReadError::new(shown, "not found"));
                continue;
            }
            Err(e) => {
                errors.push(ReadError::new(
                    shown,
                    format!("cannot read: {}", io_reason(&e)),
                ));
                continue;
            }
        };
        if !meta.is_dir() {
            if meta.is_file() {
                files.push(Input { path: root.clone(), id: file_id(root) });
            } else {
                errors.push(ReadError::new(shown, format!("{}, skipped", special_kind(meta.file_type()))));
            }
            continue;
        }
        let walk = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walk {
            match entry {
                Ok(e) if e.file_type().is_file() && wanted_in_folder(e.path()) => {
                    let id = relative_id(root, e.path());
                    files.push(Input { path: e.into_path(), id })
                }
                Ok(e) if !e.file_type().is_file() && !e.file_type().is_dir() => {
                    errors.push(ReadError::new(e.path().display().to_string(), format!("{}, skipped", special_kind(e.file_type()))));
                }
                Ok(_) => {}
                Err(e) => {
                    let path = e.path().map_or(shown.clone(), |p| p.display().to_string());
                    let reason = if e.loop_ancestor().is_some() {
                        "symlink loop, skipped".to_string()
                    } else if let Some(io) = e.io_error() {
                        format!("cannot read: {}", io_reason(io))
                    } else {
                        e.to_string()
                    };
                    errors.push(ReadError::new(path, reason));
                }
            }
        }
    }
    // the same file reached twice (named and inside a folder, or by a link) counts once
    let mut seen = BTreeSet::new();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files.retain(|i| seen.insert(std::fs::canonicalize(&i.path).unwrap_or_else(|_| i.path.clone())));
    let mut ids = std::collections::HashSet::new();
    for i in &mut files {
        if !ids.insert(i.id.clone()) {
            i.id = i.path.display().to_string();
            ids.insert(i.id.clone());
        }
    }
    (files, errors)
}

fn file_id(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// `sub/a.txt` for `root/sub/a.txt` ('/' between parts on every system).
fn relative_id(root: &Path, path: &Path) -> String {
    match path.strip_prefix(root) {
        Ok(rel) if rel.components().count() > 0 => rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"),
        _ => file_id(path),
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::NotFound => "not found".into(),
        _ => e.to_string(),
    }
}

fn megabytes(n: u64) -> String {
    match n {
        0..1024 => format!("{n} bytes"),
        1024..1048576 => format!("{:.1}KB", n as f64 / 1024.0),
        _ => format!("{:.1}MB", n as f64 / (1024.0 * 1024.0)),
    }
}

pub(crate) fn too_large(n: u64, max: usize) -> String {
    format!(
        "too large ({}, limit {})",
        megabytes(n),
        megabytes(max as u64)
    )
}

fn is_jsonl(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

/// Read one input file: a `.jsonl` / `.ndjson` yields one item per non-blank line (streamed: do not read the whole file into memory at once; each line is one article with `id`, `text`, optional `title`, `date`, `source`); any other file yields exactly one item, its id = the file name (not the path; see `read_input`).
pub fn read_file(path: &Path) -> Box<dyn Iterator<Item = Result<Article, ReadError>>> {
    Box::new(read_file_except(path, None).map(|r| match r {
        Ok(ReadItem::New(a)) => Ok(a),
        Ok(ReadItem::Unchanged { .. }) => unreachable!("no stored articles were given"),
        Err(e) => Err(e),
    }))
}

/// Tells whether an article (id, blake3 hash of its text) is stored already, unchanged.
pub type Stored = std::sync::Arc<dyn Fn(&str, &str) -> bool + Send + Sync>;

/// An item read: an article, or one that `Stored` says is unchanged (not cleaned again).
#[derive(Debug)]
pub enum ReadItem {
    New(Article),
    Unchanged { id: String, path: String, bytes: u64 },
}

/// `read_file`, where articles that `stored` has unchanged are only hashed, not cleaned.
pub fn read_file_except(path: &Path, stored: Option<Stored>) -> Box<dyn Iterator<Item = Result<ReadItem, ReadError>>> {
    read_input(&Input { path: path.to_path_buf(), id: file_id(path) }, stored, MAX_ARTICLE_BYTES)
}

/// `read_file_except`, skipping articles over `max` bytes (at most `MAX_ARTICLE_BYTES`)
/// without holding them.
pub fn read_file_limited(path: &Path, stored: Option<Stored>, max: usize) -> Box<dyn Iterator<Item = Result<ReadItem, ReadError>>> {
    read_input(&Input { path: path.to_path_buf(), id: file_id(path) }, stored, max)
}

/// `read_file_limited` for an input of `discover_inputs`: a single article gets its id.
pub fn read_input(input: &Input, stored: Option<Stored>, max: usize) -> Box<dyn Iterator<Item = Result<ReadItem, ReadError>>> {
    let max = max.min(MAX_ARTICLE_BYTES);
    if is_jsonl(&input.path) {
        return Box::new(jsonl::Lines::open(&input.path, stored, max));
    }
    Box::new(std::iter::once(read_single(&input.path, input.id.clone(), stored.as_ref(), max)))
}

fn read_single(path: &Path, id: String, stored: Option<&Stored>, max: usize) -> Result<ReadItem, ReadError> {
    let shown = path.display().to_string();
    let fail = |reason: String| ReadError::new(shown.clone(), reason);
    // opening a FIFO would block until someone writes to it
    match std::fs::metadata(path) {
        Ok(m) if !m.is_file() && !m.is_dir() => return Err(fail(format!("{}, skipped", special_kind(m.file_type())))),
        _ => {}
    }
    let file =
        std::fs::File::open(path).map_err(|e| fail(format!("cannot read: {}", io_reason(&e))))?;
    let meta = file
        .metadata()
        .map_err(|e| fail(format!("cannot read: {}", io_reason(&e))))?;
    if meta.is_dir() {
        return Err(fail("is a folder".into()));
    }
    if meta.len() > max as u64 {
        return Err(fail(too_large(meta.len(), max)));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // read one byte past the limit so a file that grew meanwhile is still caught
    file.take(max as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("cannot read: {}", io_reason(&e))))?;
    if bytes.len() > max {
        return Err(fail(too_large(bytes.len() as u64, max)));
    }
    let text = decode(bytes).map_err(fail)?;
    read_article(id, shown.clone(), text, None, None, None, stored)
}

/// `make_article`, unless `stored` has this text under this id already.
pub(crate) fn read_article(
    id: String,
    path: String,
    text: String,
    title: Option<String>,
    date: Option<String>,
    source: Option<String>,
    stored: Option<&Stored>,
) -> Result<ReadItem, ReadError> {
    if let Some(s) = stored {
        let hash = blake3::hash(text.as_bytes()).to_hex().to_string();
        if s(&id, &hash) {
            return Ok(ReadItem::Unchanged { id, path, bytes: text.len() as u64 });
        }
    }
    make_article(id, path, text, title, date, source).map(ReadItem::New)
}

/// Bytes → text, refusing binary data and invalid UTF-8. A byte-order mark is dropped.
pub(crate) fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.is_empty() {
        return Err("empty".into());
    }
    if let Some(p) = bytes.iter().position(|&b| b == 0) {
        return Err(format!("binary file (NUL byte at {p})"));
    }
    let mut text = String::from_utf8(bytes)
        .map_err(|e| format!("not valid UTF-8 at byte {}", e.utf8_error().valid_up_to()))?;
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    Ok(text)
}

/// Why a text is no article, if it is none: empty, binary-looking, or too large.
fn refuse(text: &str) -> Option<String> {
    if text.len() > MAX_ARTICLE_BYTES {
        return Some(too_large(text.len() as u64, MAX_ARTICLE_BYTES));
    }
    if text.is_empty() {
        return Some("empty".into());
    }
    if text.trim().is_empty() {
        return Some("empty (whitespace only)".into());
    }
    if let Some(p) = text.find('\0') {
        return Some(format!("binary file (NUL byte at {p})"));
    }
    // mostly control characters: binary data that happens to be valid UTF-8
    let sample = &text.as_bytes()[..text.len().min(8192)];
    let control = sample
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)) || b == 0x7f)
        .count();
    if control * 10 > sample.len() * 3 {
        return Some(format!(
            "binary file ({control} of the first {} bytes are control characters)",
            sample.len()
        ));
    }
    None
}

/// Build an Article from an id and raw text (+ optional metadata given by JSONL): detect HTML / Markdown / plain, clean, find title/date/source, hash with blake3 (hex of the ORIGINAL text).
pub fn make_article(
    id: String,
    path: String,
    text: String,
    title: Option<String>,
    date: Option<String>,
    source: Option<String>,
) -> Result<Article, ReadError> {
    if let Some(reason) = refuse(&text) {
        return Err(ReadError::new(path, reason));
    }
    let cleaned = clean::clean(&text);
    if cleaned.clean.text.trim().is_empty() {
        return Err(ReadError::new(path, "no text left after cleaning"));
    }
    let given = meta::Given {
        title,
        date,
        source,
    };
    let m = meta::find(&cleaned.clean.text, &cleaned.hints, &given);
    let hash = blake3::hash(text.as_bytes()).to_hex().to_string();
    Ok(Article {
        id,
        path,
        text,
        hash,
        title: m.title,
        published: m.published,
        source: m.source,
        words: cleaned.clean.text.split_whitespace().count(),
        clean: cleaned.clean,
    })
}

#[cfg(test)]
mod tests;
