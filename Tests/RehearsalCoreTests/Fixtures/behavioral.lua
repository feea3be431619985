-- A behavioural round: a fixed opener, two picked stories, a follow-up when the result is missing.
scenario {
    id = "behavioral-demo",
    title = "Behavioural round (demo)",
    role = "Software engineer",
    version = "1.0",
    time_limit = "20m",
}

criterion {
    id = "structure",
    title = "Structure",
    weight = 2,
    levels = { "rambling", "some order", "clear arc", "crisp STAR" },
    tips = { "Open with one sentence of context, then say what you did." },
    resources = { "Practise three STAR stories out loud." },
}

criterion {
    id = "impact",
    title = "Impact",
    levels = { "no outcome", "vague outcome", "measured outcome" },
    tips = { "Close with a number: time saved, errors cut, users reached." },
    resources = { "List the numbers behind your last three projects." },
}

local function has_number(text) return text:find("%d") ~= nil end

local function score_story(answer)
    local structure = 1
    if answer.words >= 20 then structure = 2 end
    if answer.text:find("[Ii] ") and answer.words >= 30 then structure = 3 end
    if structure == 3 and has_number(answer.text) then structure = 4 end
    local impact = has_number(answer.text) and 3 or (answer.text:lower():find("result") and 2 or 1)
    return { structure = structure, impact = { impact, impact == 1 and "no outcome stated" or nil } }
end

question {
    id = "intro",
    prompt = "Walk me through your background.",
    limit = "2m",
    criteria = { "structure" },
    score = function(answer)
        return { structure = answer.words >= 30 and 3 or 2 }
    end,
}

question {
    id = "conflict",
    prompt = "Tell me about a conflict with a colleague.",
    tags = { "story" },
    limit = 120,
    overtime = "penalize",
    criteria = { "structure", "impact" },
    score = score_story,
    follow_up = function(answer)
        if not has_number(answer.text) then
            return { id = "conflict-result", prompt = "What was the measurable result?", score = score_story }
        end
    end,
}

question { id = "failure", prompt = "Tell me about a failure.", tags = { "story" }, score = score_story }
question { id = "deadline", prompt = "Tell me about a tight deadline.", tags = { "story" }, score = score_story }

flow(function(session)
    session:ask("intro")
    for _, id in ipairs(session:pick { tag = "story", count = 2 }) do
        session:ask(id)
    end
    session:note(("asked %d questions"):format(#session.answers))
end)

debrief(function(result)
    if result.overall and result.overall >= 80 then
        result:strength("Consistently strong stories.")
    end
    result:plan("Record one answer a day and time it.")
end)

example {
    name = "strong",
    answers = {
        intro = "I studied physics, then moved into backend work. For five years I have built payment systems at "
            .. "two companies, led a team of four, and mentored new engineers through their first on-call rotations.",
        conflict = {
            text = "A colleague and I disagreed on a schema change. I set up a meeting, I listed the risks, I proposed "
                .. "a staged rollout, and we shipped it in 3 weeks with zero downtime for 40000 users.",
            seconds = 90,
        },
        failure = "I missed a migration step once and a release failed. I wrote a checklist, I automated the dry run, "
            .. "I walked the team through it, and since then 12 migrations went out cleanly without a single incident.",
    },
    expect = {
        intro = { structure = 3 },
        conflict = { structure = 4, impact = 3 },
        failure = { structure = 4, impact = 3 },
        overall = { min = 90 },
        asked = { "intro", "conflict", "failure" },
    },
}

example {
    name = "vague stories get a follow-up",
    answers = {
        intro = "Backend engineer.",
        conflict = "We argued about style and talked it over and it was fine.",
        ["conflict-result"] = "We agreed on a linter.",
        deadline = "It was tight but we made it.",
    },
    expect = {
        intro = { structure = 2 },
        conflict = { structure = { max = 2 }, impact = 1 },
        overall = { max = 40 },
        asked = { "intro", "conflict", "conflict-result", "deadline" },
    },
}
