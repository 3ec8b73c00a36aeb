//! A string that keeps short text inline. Tokens and items hold millions of short words;
//! a heap allocation (and free) for each of them was a large share of the analysis time.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

/// Bytes kept inline: the type is as large as a `String` (24 bytes).
const INLINE: usize = 22;

#[derive(Clone)]
pub struct SmallStr(Repr);

#[derive(Clone)]
enum Repr {
    Inline(u8, [u8; INLINE]),
    Heap(Box<str>),
}

impl SmallStr {
    pub fn new(s: &str) -> Self {
        if s.len() <= INLINE {
            let mut buf = [0u8; INLINE];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            SmallStr(Repr::Inline(s.len() as u8, buf))
        } else {
            SmallStr(Repr::Heap(s.into()))
        }
    }

    /// `SmallStr::from(s.to_lowercase())`, without the intermediate `String` for ASCII text.
    pub fn lowercase(s: &str) -> Self {
        if s.is_ascii() && s.len() <= INLINE {
            let mut buf = [0u8; INLINE];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            buf[..s.len()].make_ascii_lowercase();
            SmallStr(Repr::Inline(s.len() as u8, buf))
        } else {
            SmallStr::from(s.to_lowercase())
        }
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            // SAFETY: the bytes were copied whole from a `str` (lower-casing ASCII bytes
            // keeps them ASCII), so they are valid UTF-8.
            Repr::Inline(len, buf) => unsafe { std::str::from_utf8_unchecked(&buf[..*len as usize]) },
            Repr::Heap(s) => s,
        }
    }
}

impl Default for SmallStr {
    fn default() -> Self {
        SmallStr(Repr::Inline(0, [0; INLINE]))
    }
}

impl Deref for SmallStr {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SmallStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

/// Lets maps keyed by `SmallStr` be looked up with a `&str` (hashes and equality agree).
impl std::borrow::Borrow<str> for SmallStr {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for SmallStr {
    fn from(s: &str) -> Self {
        SmallStr::new(s)
    }
}

impl From<String> for SmallStr {
    fn from(s: String) -> Self {
        if s.len() <= INLINE {
            SmallStr::new(&s)
        } else {
            SmallStr(Repr::Heap(s.into_boxed_str()))
        }
    }
}

impl From<&SmallStr> for String {
    fn from(s: &SmallStr) -> String {
        s.as_str().to_string()
    }
}

impl fmt::Debug for SmallStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for SmallStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl Hash for SmallStr {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self.as_str().hash(h)
    }
}

impl PartialEq for SmallStr {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}
impl Eq for SmallStr {}

impl PartialEq<str> for SmallStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}
impl PartialEq<&str> for SmallStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}
impl PartialEq<String> for SmallStr {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}
impl PartialEq<SmallStr> for str {
    fn eq(&self, other: &SmallStr) -> bool {
        self == other.as_str()
    }
}
impl PartialEq<SmallStr> for &str {
    fn eq(&self, other: &SmallStr) -> bool {
        *self == other.as_str()
    }
}
impl PartialEq<SmallStr> for String {
    fn eq(&self, other: &SmallStr) -> bool {
        self == other.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_and_heap_read_back() {
        for s in ["", "a", "Baku", "exactly-twenty-two-by", "a longer string than twenty-two bytes", "Heydər Əliyev"] {
            assert_eq!(SmallStr::new(s).as_str(), s);
            assert_eq!(SmallStr::from(s.to_string()).as_str(), s);
            assert_eq!(SmallStr::lowercase(s).as_str(), s.to_lowercase());
        }
        assert_eq!(SmallStr::lowercase("U.S."), "u.s.");
        assert_eq!(std::mem::size_of::<SmallStr>(), std::mem::size_of::<String>());
    }
}
