//! Fingerprints the reading code and data (ingest, analyse, extract, word lists, weights), so
//! that a build with a newer reader re-reads stored articles instead of keeping old facts.

use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn main() {
    let mut all = Vec::new();
    for d in ["src/ingest", "src/analyse", "src/extract", "data"] {
        println!("cargo:rerun-if-changed={d}");
        files(Path::new(d), &mut all);
    }
    for f in ["src/gazetteer.rs", "src/names.rs", "src/model.rs"] {
        println!("cargo:rerun-if-changed={f}");
        all.push(PathBuf::from(f));
    }
    all.sort();
    // FNV-1a over paths and contents: stable across toolchains and machines
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in &all {
        let bytes = std::fs::read(p).unwrap_or_default();
        for b in p.to_string_lossy().replace('\\', "/").bytes().chain(bytes) {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=NEWSGRAPH_READER={}-{h:016x}", std::env::var("CARGO_PKG_VERSION").unwrap());
}
