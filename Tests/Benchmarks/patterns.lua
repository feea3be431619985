-- Pattern-heavy benchmark: find, match, gmatch and gsub over interview-like text.
local sentences = {
    "Um, so last spring our team's release was slipping badly.",
    "I was asked to fix the flaky test suite, and I owned it end to end.",
    "Like, within three weeks the build went from 40 minutes to 12 minutes.",
    "We cut failures by 80% and saved about $12,000 a year in CI costs.",
    "I think, you know, the key was pairing with two juniors so they could own it.",
}
local text = table.concat(sentences, " ")

local total = 0
for _ = 1, 20000 do
    for word in text:gmatch("%a+") do total = total + #word end
    for number in text:gmatch("%$?%d[%d,]*%%?") do total = total + #number end
    local s, e = text:find("pairing with (%a+) juniors")
    total = total + s + e
    total = total + #(text:match("(%d+) minutes to (%d+)"))
    local replaced, n = text:gsub("%f[%a](%a+)ing%f[%A]", "%1")
    total = total + n + #replaced
    local _, fillers = text:lower():gsub("%f[%a]um%f[%A]", "")
    total = total + fillers
end
print(total)
