//! JSONL / NDJSON input, streamed line by line: one article per non-blank line. A bad
//! line is an error for that line only; the others still go through.

use super::{read_article, too_large, ReadItem, ReadError, Stored};
use serde::Deserialize;
use serde_json::Value;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// Longest line read, in article limits: JSON escapes (`\u00e9`) can make a line several
/// times longer than the text it carries. Longer lines are skipped without being held.
const LINE_FACTOR: usize = 6;

#[derive(Deserialize)]
struct Record {
    id: Option<Value>,
    text: Option<Value>,
    title: Option<Value>,
    date: Option<Value>,
    source: Option<Value>,
}

enum Line {
    Eof,
    Got,
    TooLong(usize),
}

/// Read up to and without the next `\n` into `buf`, never holding more than `limit`
/// bytes. Returns what was found and how many bytes of the file were consumed.
fn read_line(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<(Line, usize)> {
    let n = reader
        .by_ref()
        .take(limit as u64 + 1)
        .read_until(b'\n', buf)?;
    if n == 0 {
        return Ok((Line::Eof, 0));
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        return Ok((Line::Got, n));
    }
    if buf.len() <= limit {
        return Ok((Line::Got, n)); // last line, no final newline
    }
    // too long: skip to the end of the line without keeping it
    let mut total = n;
    loop {
        buf.clear();
        let m = reader.by_ref().take(1 << 20).read_until(b'\n', buf)?;
        total += m;
        if m == 0 || buf.last() == Some(&b'\n') {
            buf.clear();
            buf.shrink_to(1 << 16);
            return Ok((Line::TooLong(total), total));
        }
    }
}

/// The articles of one JSONL file, in file order.
pub struct Lines {
    shown: String,
    reader: Option<BufReader<File>>,
    pending: Option<ReadError>,
    line_no: usize,
    offset: usize,
    buf: Vec<u8>,
    stored: Option<Stored>,
    max: usize,
}

impl Lines {
    pub fn open(path: &Path, stored: Option<Stored>, max: usize) -> Self {
        let shown = path.display().to_string();
        let (reader, pending) = match File::open(path) {
            Ok(f) => (Some(BufReader::with_capacity(1 << 16, f)), None),
            Err(e) => (
                None,
                Some(ReadError::new(
                    shown.clone(),
                    format!("cannot read: {}", super::io_reason(&e)),
                )),
            ),
        };
        Lines {
            shown,
            reader,
            pending,
            line_no: 0,
            offset: 0,
            buf: Vec::new(),
            stored,
            max,
        }
    }

    fn error(&self, reason: impl std::fmt::Display) -> ReadError {
        ReadError::new(
            self.shown.clone(),
            format!("JSONL line {}: {reason}", self.line_no),
        )
    }

    fn parse(&mut self, line_offset: usize) -> Result<ReadItem, ReadError> {
        let bytes = std::mem::take(&mut self.buf);
        let line = match std::str::from_utf8(&bytes) {
            Ok(l) => l,
            Err(e) => {
                return Err(self.error(format!(
                    "not valid UTF-8 at byte {}",
                    line_offset + e.valid_up_to()
                )))
            }
        };
        let record: Record = serde_json::from_str(line.trim_end_matches('\r')).map_err(|e| {
            let msg = e.to_string();
            let msg = msg
                .rfind(" at line ")
                .map_or(msg.as_str(), |p| &msg[..p])
                .to_string();
            self.error(format!("invalid JSON at column {}: {msg}", e.column()))
        })?;
        self.buf = bytes; // keep the allocation for the next line
        let id = match record.id {
            Some(Value::String(s)) if !s.trim().is_empty() => s,
            Some(Value::Number(n)) => n.to_string(),
            None | Some(Value::Null) => return Err(self.error("missing field `id`")),
            Some(_) => return Err(self.error("field `id` is not a string or number")),
        };
        let text = match record.text {
            Some(Value::String(s)) => s,
            None | Some(Value::Null) => return Err(self.error("missing field `text`")),
            Some(_) => return Err(self.error("field `text` is not a string")),
        };
        if text.len() > self.max {
            return Err(self.error(too_large(text.len() as u64, self.max)));
        }
        let opt = |v: Option<Value>| match v {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s),
            _ => None,
        };
        let path = format!("{}:{}", self.shown, self.line_no);
        read_article(
            id,
            path,
            text,
            opt(record.title),
            opt(record.date),
            opt(record.source),
            self.stored.as_ref(),
        )
        .map_err(|e| self.error(e.reason))
    }
}

impl Iterator for Lines {
    type Item = Result<ReadItem, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(e) = self.pending.take() {
            return Some(Err(e));
        }
        loop {
            let reader = self.reader.as_mut()?;
            self.buf.clear();
            let line_offset = self.offset;
            let got = read_line(reader, &mut self.buf, LINE_FACTOR.saturating_mul(self.max));
            self.line_no += 1;
            match got {
                Err(e) => {
                    self.reader = None;
                    let reason = format!("cannot read: {}", super::io_reason(&e));
                    return Some(Err(self.error(reason)));
                }
                Ok((Line::Eof, _)) => {
                    self.reader = None;
                    return None;
                }
                Ok((Line::TooLong(n), _)) => {
                    self.offset += n;
                    return Some(Err(self.error(too_large(n as u64, self.max))));
                }
                Ok((Line::Got, n)) => {
                    self.offset += n;
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(self.parse(line_offset));
                }
            }
        }
    }
}
