//! A fast hash for the word tables looked up for every token. The standard SipHash guards
//! against hash flooding, which embedded word lists do not need. Reads eight bytes at a
//! time (byte-at-a-time FNV was a visible cost with one lookup per token) and mixes the
//! result so both the low bits (bucket) and the high bits (tag) of hashbrown vary.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

const K: u64 = 0x9e37_79b9_7f4a_7c15;

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        // murmur3's 64-bit finaliser
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0 ^ bytes.len() as u64;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            h = (h ^ u64::from_le_bytes(c.try_into().unwrap())).wrapping_mul(K).rotate_left(23);
        }
        // the last 1-7 bytes in overlapping reads (no copy); the length is already mixed in
        let r = chunks.remainder();
        let n = r.len();
        let tail = if n >= 4 {
            u32::from_le_bytes(r[..4].try_into().unwrap()) as u64 | (u32::from_le_bytes(r[n - 4..].try_into().unwrap()) as u64) << 32
        } else if n > 0 {
            r[0] as u64 | (r[n / 2] as u64) << 8 | (r[n - 1] as u64) << 16
        } else {
            0
        };
        if n > 0 {
            h = (h ^ tail).wrapping_mul(K).rotate_left(23);
        }
        self.0 = h;
    }
    fn write_u8(&mut self, i: u8) {
        // the end marker `str` hashes after its bytes
        self.0 = (self.0 ^ i as u64).wrapping_mul(K);
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

/// FNV-1a, one byte at a time: unlike [`FastHasher`], the same bytes hash alike however
/// they are split between `write` calls, so a hash built piece by piece (the resolver's
/// hash of a merge-log row) equals the hash of the whole string read back.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h ^= *b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

#[cfg(test)]
mod fnv_tests {
    use super::*;

    #[test]
    fn fnv_does_not_depend_on_how_bytes_are_split() {
        let (mut a, mut b) = (Fnv::default(), Fnv::default());
        a.write(b"merge log row");
        b.write(b"merge ");
        b.write(b"log");
        b.write(b" row");
        assert_eq!(a.finish(), b.finish());
    }
}
