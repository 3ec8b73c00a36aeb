#!/usr/bin/env python3
"""Derive data/lexicon/common_words.txt from the White House briefing-room corpus.

A word is "common" when, away from the start of a sentence, it is written in lower case
at least as often as capitalised. The analyser uses the list to tell a capitalised
sentence-initial word ("During", "Then") from the first word of a name.

    python3 scripts/gen_lexicon.py ../shared/corpora/whitehouse-briefing-room/articles.jsonl

Origin: public-domain U.S. government press releases (whitehouse.gov briefing room).
The output is a plain word list, one per line, sorted.
"""
import json
import re
import sys
from collections import Counter

WORD = re.compile(r"[A-Za-z][a-z]+(?:-[a-z]+)*")
lower, upper = Counter(), Counter()
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        text = json.loads(line)["text"]
        for sent in re.split(r"(?<=[.!?])\s+|\n\s*\n", text):
            words = WORD.findall(sent)
            for w in words[1:]:
                if w[0].isupper():
                    upper[w.lower()] += 1
                else:
                    lower[w] += 1
common = sorted(w for w, n in lower.items() if n >= 3 and n >= upper[w])
with open("data/lexicon/common_words.txt", "w", encoding="utf-8") as out:
    out.write("\n".join(common) + "\n")
print(len(common), "words")
