#!/usr/bin/env bash
# Backup and restore of a store (docs/performance.md, "Export and import"): `rehearse export` and `rehearse import`
# of a store holding N graded ~100-word answers (grade-bench.lua, five answers a session), time and peak memory,
# side by side with stock sqlite3 doing its own backup and restore of the same store in the same run
# (`.dump` to SQL text, then that text read into an empty file).
# Usage: Tests/Benchmarks/export-import.sh [answers] [runs]   (needs python3, sqlite3, hyperfine and GNU time)
set -euo pipefail
cd "$(dirname "$0")/../.."
answers=${1:-100000}
runs=${2:-3}
swift build -c release --product rehearse >/dev/null
bin=$PWD/.build/release/rehearse
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 Tests/Benchmarks/make-answers.py Tests/Benchmarks/grade-sample.jsonl "$answers" >"$work/answers.jsonl"
"$bin" grade Tests/Benchmarks/grade-bench.lua "$work/answers.jsonl" --store "$work/store.sqlite" --json >/dev/null
sqlite3 "$work/store.sqlite" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
echo "== a store of $answers answers: $(du -m "$work/store.sqlite" | cut -f1) MB"

hyperfine -N --warmup 1 --runs "$runs" --export-markdown "$work/export.md" \
    "$bin export --store $work/store.sqlite -o $work/export.jsonl" \
    "sqlite3 $work/store.sqlite \".output $work/dump.sql\" .dump"
# sqlite3 reads its dump from standard input, so it goes through a shell; hyperfine subtracts the shell's start.
hyperfine --warmup 1 --runs "$runs" --export-markdown "$work/import.md" \
    --prepare "rm -f $work/restored.sqlite* $work/reference.sqlite*" \
    "$bin import --store $work/restored.sqlite $work/export.jsonl" \
    "sqlite3 $work/reference.sqlite < $work/dump.sql"
cat "$work/export.md" "$work/import.md"

memory() { # label command...
    local label=$1
    shift
    /usr/bin/time -f "%M" -o "$work/rss" "$@" >/dev/null 2>&1
    echo "$label: peak RSS $(($(cat "$work/rss") / 1024)) MiB"
}
memory "rehearse export" "$bin" export --store "$work/store.sqlite" -o "$work/export.jsonl"
rm -f "$work"/restored.sqlite*
memory "rehearse import" "$bin" import --store "$work/restored.sqlite" "$work/export.jsonl"
echo "export file: $(du -m "$work/export.jsonl" | cut -f1) MB; sessions restored: $(sqlite3 "$work/restored.sqlite" \
    "SELECT count(*) FROM session")"
