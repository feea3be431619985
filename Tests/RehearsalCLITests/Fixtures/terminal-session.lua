-- A short scenario for the terminal-mode tests: two questions, a think phase, a retake, short limits.
-- Typed answers keep the spoken limits (typing_allowance = 1), so the clock shows them as written; the
-- allowance has a test of its own (theClockCountsDownTheTypedLimit).
scenario {
    id = "terminal-session",
    title = "Terminal practice",
    role = "Teacher",
    feedback = "each",
    typing_allowance = 1,
}

criterion { id = "clarity", title = "Clarity", levels = { "unclear", "mixed", "clear" } }

question {
    id = "why",
    prompt = "Why teaching?",
    criteria = { "clarity" },
    think = 2,
    limit = 20,
    retakes = 1,
    score = function(a) return { clarity = a.words >= 5 and 3 or 2 } end,
}

question {
    id = "plan",
    prompt = "Describe a lesson plan.",
    criteria = { "clarity" },
    limit = 20,
    score = function(a) return { clarity = a.text:find("objective") and 3 or 1 } end,
}
