#!/usr/bin/env bash
# End-to-end batch grading (docs/performance.md): parse, replay, score and store generated ~100-word answers with
# --jobs 1 and --jobs 2, each into a fresh store, process start included.
#   1. Tests/Benchmarks/grade-bench.lua: five questions whose score function reads star, numbers, fillers, pace and
#      words (the issue's "score functions that use the analysis measurements"); N answers (default 200,000).
#   2. scenarios/software-engineer-behavioral.lua, the shipped behavioural round (flows, follow-ups, many
#      `mentions` and pattern calls per answer); N/20 answers.
# Reference in the same run: stock sqlite3 inserting the same answers' text, one row each, in one transaction.
# Usage: Tests/Benchmarks/grade.sh [answers]   (needs python3, sqlite3 and GNU time)
set -euo pipefail
cd "$(dirname "$0")/../.."
answers=${1:-200000}
swift build -c release --product rehearse >/dev/null
bin=.build/release/rehearse
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() { # scenario sample count label
    python3 Tests/Benchmarks/make-answers.py "$2" "$3" >"$work/answers.jsonl"
    echo "== $4: $3 answers, $(du -m "$work/answers.jsonl" | cut -f1) MB of JSON Lines"
    for jobs in 1 2; do
        rm -f "$work"/store.sqlite*
        /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$bin" grade "$1" "$work/answers.jsonl" --jobs "$jobs" \
            --store "$work/store.sqlite" --json >"$work/summary.json"
        read -r seconds rss user system <"$work/time"
        python3 - "$work/summary.json" "$jobs" "$seconds" "$rss" "$user" "$system" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1]))
jobs, seconds, rss = sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
cpu = float(sys.argv[5]) + float(sys.argv[6])
answers = summary['answers']
print(f"rehearse grade --jobs {jobs}: {answers} answers in {seconds:.2f} s, {answers / seconds:,.0f} answers/s; "
      f"CPU {cpu / answers * 1e6:.1f} µs per answer (all threads); peak RSS {rss / 1024:.0f} MiB; "
      f"rejected {summary['rejected']}")
PY
    done
}
run Tests/Benchmarks/grade-bench.lua Tests/Benchmarks/grade-sample.jsonl "$answers" "grade-bench.lua"
run scenarios/software-engineer-behavioral.lua scenarios/answers/engineer-sample.jsonl "$((answers / 20))" \
    "software-engineer-behavioral.lua"

# The reference: sqlite3 storing the benchmark's answers, one row each, in one transaction.
python3 Tests/Benchmarks/make-answers.py Tests/Benchmarks/grade-sample.jsonl "$answers" >"$work/answers.jsonl"
python3 - "$work/answers.jsonl" >"$work/answers.sql" <<'PY'
import json, sys
quote = lambda s: "'" + s.replace("'", "''") + "'"
print("PRAGMA journal_mode=WAL; CREATE TABLE answer (session TEXT, question TEXT, text TEXT, seconds REAL);")
print("BEGIN;")
for line in open(sys.argv[1], encoding="utf-8"):
    a = json.loads(line)
    print(f"INSERT INTO answer VALUES ({quote(a['session'])}, {quote(a['question'])}, {quote(a['text'])}, {a['seconds']});")
print("COMMIT;")
PY
start=$(date +%s.%N)
sqlite3 "$work/reference.sqlite" <"$work/answers.sql" >/dev/null
end=$(date +%s.%N)
python3 -c "import sys; n, s = int(sys.argv[1]), float(sys.argv[3]) - float(sys.argv[2]); print(f'sqlite3 reference: {n} rows in {s:.2f} s, {n / s:,.0f} rows/s')" "$answers" "$start" "$end"
