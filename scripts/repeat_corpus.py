#!/usr/bin/env python3
"""Writes a JSONL corpus repeated N times under new ids (copy K gets ids "rK/<id>"), for
the memory-scaling benchmark in BENCHMARKS.md. Also writes one extra article (a copy of
the first, under a new id) for the add-one-article measurement.

    scripts/repeat_corpus.py IN.jsonl N OUT.jsonl [ONE.jsonl]
"""
import json
import sys


def main():
    src, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    one = sys.argv[4] if len(sys.argv) > 4 else None
    lines = open(src, encoding="utf-8").read().splitlines()
    with open(out, "w", encoding="utf-8") as f:
        for k in range(n):
            for line in lines:
                if not line.strip():
                    continue
                rec = json.loads(line)
                if k > 0:
                    rec["id"] = f"r{k}/{rec['id']}"
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if one:
        rec = json.loads(next(l for l in lines if l.strip()))
        rec["id"] = "added/" + rec["id"]
        with open(one, "w", encoding="utf-8") as f:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
