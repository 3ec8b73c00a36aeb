#!/usr/bin/env python3
"""A tree of generated articles for the robustness bench (BENCHMARKS.md, issue 14):
N mutated copies of one story (some words replaced, two paragraphs swapped),
spread over folders where file names repeat (every folder has 000.txt, 001.txt, ...),
plus a few texts without any sentence stop, which were once slow.

    scripts/near_copies.py SOURCE.jsonl OUT_DIR N [--slow K]

The story is the first article of SOURCE whose id contains $STORY (default: a
White House release with 34 facts); $RATE is the share of words replaced (0.1). Deterministic (seeded)."""
import json, os, random, sys

def main():
    src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    slow = int(sys.argv[sys.argv.index("--slow") + 1]) if "--slow" in sys.argv else 0
    story = None
    with open(src, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if os.environ.get("STORY", "career-members-of-the-senior-foreign-service") in rec["id"]:
                story = rec["text"]
                break
    rate = float(os.environ.get("RATE", "0.1"))
    rng = random.Random(14)
    paras = [p for p in story.split("\n\n") if p.strip()]
    vocab = sorted(set(w for w in story.split() if w.isalpha() and w.islower()))
    per_folder = int(os.environ.get("PER_FOLDER", "50"))
    for k in range(n):
        ps = list(paras)
        i = rng.randrange(len(ps) - 1)
        ps[i], ps[i + 1] = ps[i + 1], ps[i]
        words = "\n\n".join(ps).split(" ")
        for w in range(len(words)):
            if rng.random() < rate and words[w].isalpha():
                words[w] = rng.choice(vocab)
        d = os.path.join(out, f"batch{k // per_folder:03d}")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, f"{k % per_folder:03d}.txt"), "w", encoding="utf-8") as f:
            f.write(" ".join(words))
    for k in range(slow):
        d = os.path.join(out, "slow")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, f"{k:03d}.txt"), "w", encoding="utf-8") as f:
            f.write("he met her and they said it " * (20000 + 1000 * k))

if __name__ == "__main__":
    main()
