-- A realistic score function and a prebuilt answer table, for the host-cost benchmark
-- (Tests/Benchmarks/score-host.sh, docs/performance.md "Scoring calls: host against stock lua5.4").
-- Stock lua5.4 runs it with a count: `lua5.4 score.lua 1000000` calls score(answer) that many times in a
-- Lua loop. `rehearse-bench host score.lua 1000000` loads the same file in the sandbox (no count: the
-- chunk returns the function and the answer) and calls the function that many times from Swift.

local answer = {
    id = "conflict", prompt = "Tell me about a disagreement with a colleague.",
    text = "Last year my colleague and I disagreed about the release plan...",
    words = 104, seconds = 52.5, wpm = 118.9, overtime = false, skipped = false,
    fillers = { total = 3, per_minute = 3.4, by_term = { um = 2, like = 1 } },
    star = {
        count = 3, missing = { "task" },
        situation = { present = true }, task = { present = false },
        action = { present = true }, result = { present = true },
    },
    numbers = { total = 2, percent = 1, money = 0, duration = 1, count = 0 },
}

local function score(a)
    local star = a.star
    local structure = star.count + 1
    if not star.result.present then structure = structure - 1 end
    if structure > 4 then structure = 4 end
    local impact = a.numbers.total >= 2 and 4 or (a.numbers.total == 1 and 3 or 1)
    local delivery = 4
    if a.fillers.total > 2 then delivery = delivery - 1 end
    if a.wpm < 100 or a.wpm > 180 then delivery = delivery - 1 end
    if a.words < 60 then delivery = delivery - 1 end
    return { structure = structure, impact = impact, delivery = { level = delivery, note = "pace and fillers" } }
end

local count = tonumber((arg or {})[1])
if count then
    local sum = 0
    for _ = 1, count do
        local levels = score(answer)
        sum = sum + levels.structure + levels.impact + levels.delivery.level
    end
    print(("%d calls, checksum %d"):format(count, sum))
end
return { score = score, answer = answer }
