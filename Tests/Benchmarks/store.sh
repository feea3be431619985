#!/usr/bin/env bash
# The batch store writer alone (docs/performance.md, "The store writer"): `rehearse-bench store` grades N ~100-word
# answers (five a session, untimed) and saves them with SQLiteStore.saveBatch into a fresh store, BATCH sessions a
# transaction (default 1024, as `rehearse grade`), timing the writer's thread CPU. The reference in the same run:
# stock sqlite3 inserting the very same rows (dumped from that store, session by session) into the same schema with
# the same settings, BATCH sessions a transaction, timed as a process (CPU and wall; it parses SQL text, which the
# writer does not).
# Usage: Tests/Benchmarks/store.sh [answers] [batch]   (needs python3, sqlite3 and GNU time)
set -euo pipefail
cd "$(dirname "$0")/../.."
answers=${1:-100000}
batch=${2:-1024}
swift build -c release --product rehearse-bench >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

.build/release/rehearse-bench store "$answers" "$work/store.sqlite" "$batch"
sqlite3 "$work/store.sqlite" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
sqlite3 "$work/store.sqlite" .dump >"$work/dump.sql"
python3 - "$work/dump.sql" "$work/store.sqlite" "$batch" >"$work/reference.sql" <<'PY'
import re, sqlite3, sys
dump, store, batch = sys.argv[1], sys.argv[2], int(sys.argv[3])
schema = [row[0] + ";" for row in sqlite3.connect(store).execute(
    "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'grdb%' ORDER BY type = 'index', rowid")]
first = re.compile(r"^INSERT INTO (\w+) VALUES\((?:'((?:[^']|'')*)')?")
by_session, sessions, candidates, scenarios = {}, [], [], []
for line in open(dump, encoding="utf-8"):
    match = first.match(line)
    if not match:
        continue
    table, key = match.groups()
    if table == "scenario":
        scenarios.append(line)
    elif table == "candidate":
        candidates.append(line)
    elif table == "session":
        sessions.append(key)
        by_session[key] = [line]
    elif table in ("answer_verbatim", "score", "note", "feedback_verbatim"):
        by_session[key].append(line)
out = sys.stdout
page_size = sqlite3.connect(store).execute("PRAGMA page_size").fetchone()[0]
out.write(f"PRAGMA page_size = {page_size};\nPRAGMA cache_size = -8192;\nPRAGMA journal_mode = WAL;\n")
out.write("PRAGMA synchronous = NORMAL;\nPRAGMA foreign_keys = ON;\nPRAGMA secure_delete = ON;\n")
out.write("\n".join(schema) + "\nBEGIN;\n" + "".join(scenarios) + "".join(candidates) + "COMMIT;\n")
for start in range(0, len(sessions), batch):
    out.write("BEGIN;\n")
    for key in sessions[start:start + batch]:
        out.write("".join(by_session[key]))
    out.write("COMMIT;\n")
PY
/usr/bin/time -f "%U %S %e" -o "$work/time" sqlite3 -bail "$work/reference.sqlite" <"$work/reference.sql" >/dev/null
read -r user system elapsed <"$work/time"
# Rows stored: answers, feedback lines (schema v4) and session-level means (v5) are views over the result JSON; only
# the rows kept as they are count.
rows=$(sqlite3 "$work/reference.sqlite" "SELECT (SELECT COUNT(*) FROM answer) || ' answers, ' ||
    ((SELECT COUNT(*) FROM session) + (SELECT COUNT(*) FROM answer_verbatim) + (SELECT COUNT(*) FROM score_stored) +
     (SELECT COUNT(*) FROM note) + (SELECT COUNT(*) FROM feedback_verbatim)) || ' rows'")
python3 -c "
import sys
n, user, system, elapsed = int(sys.argv[1].split()[0]), *map(float, sys.argv[2:5])
print(f'sqlite3 reference, the same rows ({sys.argv[1]}): CPU {(user + system) * 1e6 / n:.1f} us per answer '
      f'({user:.2f} s user, {system:.2f} s system); wall {elapsed * 1e6 / n:.1f} us per answer')" \
    "$rows" "$user" "$system" "$elapsed"
