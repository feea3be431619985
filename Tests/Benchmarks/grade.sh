#!/usr/bin/env bash
# End-to-end batch grading (docs/performance.md): parse, replay, score and store N generated answers (about 100
# words each, replaying scenarios/answers/engineer-sample.jsonl through the software-engineer scenario, whose score
# functions read words, star and numbers), with --jobs 1 and --jobs 2, into fresh stores. Reference in the same run:
# stock sqlite3 inserting the same answers' text into a table, in one transaction.
# Usage: Tests/Benchmarks/grade.sh [answers]   (default 200000; needs python3, sqlite3 and GNU time)
set -euo pipefail
cd "$(dirname "$0")/../.."
answers=${1:-200000}
swift build -c release --product rehearse >/dev/null
bin=.build/release/rehearse
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 Tests/Benchmarks/make-answers.py scenarios/answers/engineer-sample.jsonl "$answers" >"$work/answers.jsonl"
echo "== $answers answers, $(du -m "$work/answers.jsonl" | cut -f1) MB of JSON Lines"

for jobs in 1 2; do
    /usr/bin/time -f "%e %M" -o "$work/time-$jobs" "$bin" grade scenarios/software-engineer-behavioral.lua \
        "$work/answers.jsonl" --jobs "$jobs" --store "$work/store-$jobs.sqlite" --json >"$work/summary-$jobs.json"
    read -r seconds rss <"$work/time-$jobs"
    python3 - "$work/summary-$jobs.json" "$jobs" "$seconds" "$rss" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1]))
jobs, seconds, rss = sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
print(f"rehearse grade --jobs {jobs}: {summary['answers']} answers in {seconds:.2f} s (process), "
      f"{summary['answers'] / seconds:,.0f} answers/s; peak RSS {rss / 1024:.0f} MiB; rejected {summary['rejected']}")
PY
done

# The reference: sqlite3 storing the same text, one row per answer, in one transaction.
python3 - "$work/answers.jsonl" >"$work/answers.sql" <<'PY'
import json, sys
print("PRAGMA journal_mode=WAL; CREATE TABLE answer (session TEXT, question TEXT, text TEXT, seconds REAL);")
print("BEGIN;")
for line in open(sys.argv[1], encoding="utf-8"):
    a = json.loads(line)
    quote = lambda s: "'" + s.replace("'", "''") + "'"
    print(f"INSERT INTO answer VALUES ({quote(a['session'])}, {quote(a['question'])}, {quote(a['text'])}, {a['seconds']});")
print("COMMIT;")
PY
start=$(date +%s.%N)
sqlite3 "$work/reference.sqlite" <"$work/answers.sql" >/dev/null
end=$(date +%s.%N)
python3 -c "import sys; n, s = int(sys.argv[1]), float(sys.argv[3]) - float(sys.argv[2]); print(f'sqlite3 reference: {n} rows in {s:.2f} s, {n / s:,.0f} rows/s')" "$answers" "$start" "$end"
