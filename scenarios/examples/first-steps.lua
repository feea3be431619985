-- First steps with the sandbox: the kind of helper code a coach writes for score functions.
-- Run it with:  rehearse lua scenarios/examples/first-steps.lua

local answer = [[
Um, so last spring our team's release was slipping. I was asked to fix the flaky test suite.
I rewrote the slowest tests, added retries where the network was involved, and I paired with two
juniors so they could own it. Like, within three weeks the build went from 40 minutes to 12,
and failures dropped by 80%.
]]

-- Count words: whitespace-separated tokens with at least one letter or digit.
local function count_words(text)
    local n = 0
    for token in text:gmatch("%S+") do
        if token:find("[%w]") then n = n + 1 end
    end
    return n
end

-- Find numbers and percentages: evidence of a quantified result.
local function numbers(text)
    local found = {}
    for number in text:gmatch("%d+%%?") do found[#found + 1] = number end
    return found
end

-- A few fillers at word boundaries (the analysis library does this properly; this shows patterns).
local function fillers(text)
    local count = 0
    for _, filler in ipairs({ "um", "uh", "like" }) do
        for _ in (" " .. text:lower()):gmatch("%f[%a]" .. filler .. "%f[%A],") do count = count + 1 end
    end
    return count
end

print(("words: %d"):format(count_words(answer)))
print("numbers: " .. table.concat(numbers(answer), ", "))
print(("fillers followed by a comma: %d"):format(fillers(answer)))
print(("random pick (seeded, same every run): %d"):format(math.random(1, 6)))
