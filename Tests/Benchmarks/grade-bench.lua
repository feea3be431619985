-- The batch-grading benchmark's scenario (Tests/Benchmarks/grade.sh, docs/performance.md): five questions whose
-- score function reads the analysis measurements (star, numbers, fillers, pace, words), as real rubrics do. The
-- same scenario as `rehearse-bench engine`.
scenario { id = "engine-bench", title = "Engine bench" }
criterion { id = "structure", title = "Structure", levels = { "a", "b", "c", "d" } }
criterion { id = "impact", title = "Impact", levels = { "a", "b", "c", "d" } }
criterion { id = "delivery", title = "Delivery", levels = { "a", "b", "c", "d" } }
local function score(a)
    local star = a.star
    local structure = 1 + star.count - (star.result.present and 0 or 1)
    if structure < 1 then structure = 1 elseif structure > 4 then structure = 4 end
    local numbers = a.numbers
    local impact = numbers.total >= 2 and 4 or (numbers.total == 1 and 3 or 1)
    local delivery = 4
    if a.fillers.total > 2 then delivery = delivery - 1 end
    if a.wpm and (a.wpm < 100 or a.wpm > 180) then delivery = delivery - 1 end
    if a.words < 60 then delivery = delivery - 1 end
    local scored = { structure = structure, impact = impact, delivery = delivery }
    if not star.result.present then scored.improvements = { "Say what the result was." } end
    return scored
end
for i = 1, 5 do
    question { id = "q" .. i, prompt = "Tell me about a time (" .. i .. ").",
        criteria = { "structure", "impact", "delivery" }, score = score }
end

