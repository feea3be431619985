#!/usr/bin/env bash
# Benchmarks of the Lua host against stock lua5.4, side by side in the same run (docs/performance.md).
# Usage: Tests/Benchmarks/lua-host.sh [runs]   (needs hyperfine and lua5.4; builds in release first)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-10}
swift build -c release --product rehearse >/dev/null
swift build -c release --product rehearse-bench >/dev/null
bin=.build/release
high=(--instructions 1000000000000 --timeout 3600 --memory 4096)
timed=(--instructions 0 --timeout 3600 --memory 4096)
off=(--instructions 0 --timeout 0 --memory 0)
for script in vm patterns; do
    file=Tests/Benchmarks/$script.lua
    echo "== $script.lua: stock lua5.4; rehearse lua with limits set high; with a time limit and memory cap but no"
    echo "   instruction budget; without limits"
    hyperfine -N --warmup 2 --runs "$runs" --export-markdown "/tmp/rehearse-bench-$script.md" \
        "lua5.4 $file" "$bin/rehearse lua ${high[*]} $file" "$bin/rehearse lua ${timed[*]} $file" \
        "$bin/rehearse lua ${off[*]} $file"
done
echo "== in-process"
"$bin/rehearse-bench" state
