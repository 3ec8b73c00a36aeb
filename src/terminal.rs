//! Text bound for a terminal: control characters (C0, DEL, C1) are shown escaped, so a
//! crafted file name, entity name or cell cannot move the cursor, clear the screen or
//! retitle the window. CSV, DOT, GraphML and SVG have escaping of their own.

use std::borrow::Cow;
use std::fmt::Write;

fn is_control(c: char) -> bool {
    c.is_control()
}

fn escape_with(s: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(|c| is_control(c) && !keep(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if !is_control(c) || keep(c) {
            out.push(c);
        } else if (c as u32) < 0x80 {
            let _ = write!(out, "\\x{:02x}", c as u32);
        } else {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
    Cow::Owned(out)
}

/// One line: every control character escaped, line breaks and tabs too.
pub fn line(s: &str) -> Cow<'_, str> {
    escape_with(s, |_| false)
}

/// Several lines: newlines and tabs kept, every other control character escaped.
pub fn text(s: &str) -> Cow<'_, str> {
    escape_with(s, |c| c == '\n' || c == '\t')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_control_characters() {
        assert_eq!(line("a\x1b[2Jb.txt"), "a\\x1b[2Jb.txt");
        assert_eq!(line("x\ny\r"), "x\\x0ay\\x0d");
        assert_eq!(text("x\ny\u{9b}2J\x07"), "x\ny\\u{9b}2J\\x07");
        assert!(matches!(text("plain Əliyev\n"), Cow::Borrowed(_)));
    }
}
