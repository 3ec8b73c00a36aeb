#!/usr/bin/env bash
# kill -9 a build at random moments, N times; after each kill the database must pass
# integrity_check and hold whole articles only, and the next build must finish the job:
# facts, entities and aliases hashed equal to a clean build's.
#
#   scripts/crash-loop.sh [N=20] [CORPUS=../shared/corpora/whitehouse-briefing-room/articles.jsonl]
#   (run it with nice -n 19 on a shared machine; RELIABILITY.md has the figures)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20}
corpus=${2:-../shared/corpora/whitehouse-briefing-room/articles.jsonl}
bin=${NEWSGRAPH:-target/release/newsgraph}
[ -x "$bin" ] || cargo build --release --locked
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

q() { "$bin" query "$1" --db "$2" --format csv; }
hashes() {
  for view in facts entity_aliases; do q "SELECT * FROM $view" "$1" | sort | sha256sum | cut -c1-16; done
  q "SELECT id, name, type, articles FROM entity" "$1" | sort | sha256sum | cut -c1-16
}

start=$(date +%s.%N)
"$bin" build "$corpus" --db "$work/clean.db" --quiet
secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
clean=$(hashes "$work/clean.db" | tr '\n' ' ')
echo "clean build: ${secs}s; hashes (facts aliases entities) $clean"

ok=0
kills=0
i=0
# until N builds were killed mid-way (at most 3N rounds)
while [ "$kills" -lt "$n" ] && [ "$i" -lt $((3 * n)) ]; do
  i=$((i + 1))
  db="$work/run$i.db"
  # a moment between 2% and 90% of a clean build (on a busy machine a build may still
  # finish first: such a round is counted apart, and the window shrinks)
  wait=$(awk -v s="$secs" -v r="$RANDOM" 'BEGIN { printf "%.2f", s * (0.02 + 0.88 * r / 32767) }')
  "$bin" build "$corpus" --db "$db" --quiet 2>/dev/null &
  pid=$!
  sleep "$wait"
  kill -9 "$pid" 2>/dev/null && killed=killed || killed=finished
  if [ "$killed" = killed ]; then kills=$((kills + 1)); else secs=$(awk -v w="$wait" 'BEGIN { printf "%.2f", w * 0.9 }'); fi
  wait "$pid" 2>/dev/null || true
  if [ -e "$db" ]; then
    integrity=$(q "PRAGMA integrity_check" "$db" | tail -1)
    articles=$(q "SELECT count(*) FROM article" "$db" | tail -1)
    torn=$(q "SELECT count(*) FROM article a WHERE NOT EXISTS (SELECT 1 FROM fingerprint f WHERE f.article = a.num)" "$db" | tail -1)
  else
    integrity=ok articles=0 torn=0
  fi
  "$bin" build "$corpus" --db "$db" --quiet 2>/dev/null
  got=$(hashes "$db" | tr '\n' ' ')
  verdict=FAIL
  if [ "$integrity" = ok ] && [ "$torn" = 0 ] && [ "$got" = "$clean" ]; then verdict=ok; ok=$((ok + 1)); fi
  echo "round $i: $killed after ${wait}s with $articles articles stored, integrity $integrity, torn $torn; resumed: $verdict"
  rm -f "$db" "$db-wal" "$db-shm"
done
echo "crash loop: $kills builds killed mid-way; $ok/$i rounds consistent and equal to the clean build after resuming"
[ "$ok" = "$i" ] && [ "$kills" = "$n" ]
