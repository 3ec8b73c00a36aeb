//! Trains the name tagger (src/analyse/tagger.rs) from silver labels.
//!
//!     cargo run --release --example train_tagger -- /tmp/silver.jsonl data/tagger/names.bin \
//!         --heldout-out tests/data/tagger_heldout.jsonl
//!
//! The silver file comes from `scripts/gen_tagger_silver.py`. The last 5% of its articles
//! are held back: the trainer reports agreement with spaCy on them and can write them out
//! for the accuracy test. Deterministic: same input, same weights.

use newsgraph::analyse::tagger::{self, Tag, N_TAGS};
use newsgraph::analyse::tokens::Token;
use std::io::{BufRead, Write};

struct Doc {
    toks: Vec<Token>,
    gold: Vec<Tag>,
}

fn load(path: &str) -> (Vec<Doc>, Vec<String>) {
    let f = std::io::BufReader::new(std::fs::File::open(path).expect("silver file"));
    let (mut docs, mut lines) = (Vec::new(), Vec::new());
    for line in f.lines() {
        let line = line.unwrap();
        let (toks, gold) = tagger::silver(&line).expect("a silver line");
        docs.push(Doc { toks, gold });
        lines.push(line);
    }
    (docs, lines)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (silver, out) = (&args[1], &args[2]);
    let epochs: usize = flag(&args, "--epochs").map(|s| s.parse().unwrap()).unwrap_or(6);
    let (docs, lines) = load(silver);
    let held = (docs.len() / 20).max(1);
    let train_n = docs.len() - held;
    let size = (1usize << tagger::BUCKETS_LOG2) * N_TAGS;
    let (mut w, mut acc) = (vec![0f64; size], vec![0f64; size]);
    let mut c = 1f64;
    let mut order: Vec<usize> = (0..train_n).collect();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut feats = Vec::new();
    for epoch in 0..epochs {
        // Fisher–Yates with a fixed xorshift: the same order on every run
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let (mut right, mut total) = (0usize, 0usize);
        for &d in &order {
            let doc = &docs[d];
            let mut tags = vec![Tag::O; doc.toks.len()];
            let flags = tagger::token_flags(&doc.toks);
            for i in 0..doc.toks.len() {
                if !tagger::is_instance(&doc.toks[i]) {
                    continue;
                }
                tagger::features(&doc.toks, &flags, &tags, i, &mut feats);
                let mut s = [0f64; N_TAGS];
                for &h in &feats {
                    for (t, v) in s.iter_mut().enumerate() {
                        *v += w[h as usize * N_TAGS + t];
                    }
                }
                let pred = tagger::best(&s);
                let gold = doc.gold[i];
                if pred != gold {
                    for &h in &feats {
                        let (g, p) = (h as usize * N_TAGS + gold as usize, h as usize * N_TAGS + pred as usize);
                        w[g] += 1.0;
                        acc[g] += c;
                        w[p] -= 1.0;
                        acc[p] -= c;
                    }
                } else {
                    right += 1;
                }
                total += 1;
                tags[i] = pred;
                c += 1.0;
            }
        }
        eprintln!("epoch {}: training agreement {:.4} over {total} words", epoch + 1, right as f64 / total as f64);
    }
    let avg: Vec<f64> = w.iter().zip(&acc).map(|(w, a)| w - a / c).collect();
    let bytes = tagger::encode(&avg);
    std::fs::write(out, &bytes).unwrap();
    let model = tagger::Model::from_bytes(&bytes).unwrap();
    let (mut right, mut total) = (0usize, 0usize);
    let mut conf = [[0usize; N_TAGS]; N_TAGS];
    for doc in &docs[train_n..] {
        let tags = model.tag(&doc.toks);
        for i in (0..doc.toks.len()).filter(|&i| tagger::is_instance(&doc.toks[i])) {
            conf[doc.gold[i] as usize][tags[i] as usize] += 1;
            right += (doc.gold[i] == tags[i]) as usize;
            total += 1;
        }
    }
    println!("held-out agreement with spaCy: {:.4} ({right}/{total} capitalised words, {held} articles)", right as f64 / total as f64);
    for (t, tag) in tagger::TAGS.iter().enumerate() {
        let tp = conf[t][t] as f64;
        let p = tp / (0..N_TAGS).map(|g| conf[g][t]).sum::<usize>().max(1) as f64;
        let r = tp / conf[t].iter().sum::<usize>().max(1) as f64;
        println!("  {:<7} P {:.3} R {:.3} (n {})", tag.name(), p, r, conf[t].iter().sum::<usize>());
    }
    if let Some(path) = flag(&args, "--heldout-out") {
        let n: usize = flag(&args, "--heldout-n").map(|s| s.parse().unwrap()).unwrap_or(40);
        let mut f = std::fs::File::create(path).unwrap();
        for l in lines[train_n..].iter().take(n) {
            writeln!(f, "{l}").unwrap();
        }
    }
}

fn flag(args: &[String], name: &str) -> Option<String> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned()
}
