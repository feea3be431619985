#!/usr/bin/env bash
# The host's cost per scoring call against stock lua5.4, side by side in the same run (docs/performance.md,
# "Scoring calls: the host against stock lua5.4").
# Usage: Tests/Benchmarks/score-host.sh [calls] [runs]   (needs hyperfine and lua5.4; builds in release first)
#
# Three ways of calling the score function of score.lua `calls` times with the same answer table:
#   stock lua5.4, in a Lua loop;
#   rehearse-bench host ... scoring: from Swift through LuaState.callReadingFields, as the engine calls a score function,
#     under the scoring-call limits (10^7 instructions, 1 s), the levels table read back into Swift;
#   rehearse-bench host ... none: the same without limits (no count hook), to show what the hook costs;
#   score-floor (score-floor.c, built here with cc against Debian's liblua5.4): the least any host on Lua's C API
#     can do, a C loop of lua_pcall and lua_getfield with no sandbox and no conversion, without and with a count hook.
set -euo pipefail
cd "$(dirname "$0")/../.."
calls=${1:-1000000}
runs=${2:-5}
swift build -c release --product rehearse-bench >/dev/null
bin=.build/release
file=Tests/Benchmarks/score.lua
floor=$(mktemp -d)
trap 'rm -rf "$floor"' EXIT
# shellcheck disable=SC2046
${CC:-cc} -O2 -o "$floor/score-floor" Tests/Benchmarks/score-floor.c $(pkg-config --cflags --libs lua5.4)
hyperfine -N --warmup 1 --runs "$runs" --export-markdown /tmp/rehearse-bench-score-host.md \
    "lua5.4 $file $calls" "$bin/rehearse-bench host $file $calls scoring" "$bin/rehearse-bench host $file $calls none" \
    "$floor/score-floor $file $calls hook" "$floor/score-floor $file $calls none"
