-- teacher-interview.lua: a first interview for a classroom teacher at a community secondary school.
--
-- Shape of the session (about 30 minutes):
--   1. a fixed opener on motivation, scored on how well it is tailored to this school;
--   2. three "core" questions picked at random (seeded) from a pool of seven;
--      each one is followed up when the answer has no concrete classroom example;
--   3. a fixed closing question on what the candidate would bring beyond the classroom.
--
-- How the scoring works, in one paragraph: the engine measures every answer before it is scored
-- (docs/analysis.md): its STAR structure, the numbers in it, fillers and hedges, and which of a list of terms
-- it covers, matching inflected forms ("collaborate" finds collaborative and collaboration). A "concrete
-- example" means the answer is placed somewhere real (a STAR situation such as "last term", or a year group)
-- and says what the candidate did, in the past tense (STAR actions: "I moved", "we agreed"). The term lists
-- below are the rubric made visible: change them to suit your school. Every level comes with a note quoting
-- what was (not) found, which lets a coach overrule it in seconds.

local SCHOOL = "Riverside Community School"

scenario {
    id = "teacher-interview",
    title = "Classroom teacher: first interview",
    role = "Classroom teacher (secondary, any subject)",
    description = "A 30-minute first interview with the head teacher and a head of department: motivation, "
        .. "three questions about your practice, and what you would bring to the school.",
    version = "1.0",
    institution = { name = SCHOOL, values = { "inclusion", "curiosity", "collaboration" } },
    feedback = "end",
    time_limit = "30m",
}

------------------------------------------------------------------------------------------------------------
-- The rubric. Four criteria of equal weight: a first interview should not be won on one strand alone.
------------------------------------------------------------------------------------------------------------

local communication = criterion {
    id = "communication",
    title = "Communication skills",
    levels = {
        "Hard to follow: too brief, or the point is lost",
        "Understandable, but rushed, rambling or generic",
        "Clear, well paced and pitched for the panel",
        "Clear, concise and vivid: the panel can picture the classroom",
    },
    tips = {
        "Lead with your point in one sentence, then give one example, then stop.",
        "Aim for 1 to 2 minutes per answer at a steady pace (about 120 to 160 words a minute).",
        "Name the year group and the topic so the panel can picture the lesson.",
    },
    resources = {
        "Record yourself answering two questions and listen back for pace and fillers.",
        "Prepare a one-minute answer to 'Why this school?' that names one of its values.",
    },
}

local knowledge = criterion {
    id = "content_knowledge",
    title = "Content knowledge (subject and pedagogy)",
    levels = {
        "No subject or teaching knowledge shown",
        "General statements about teaching, few specifics",
        "Accurate, names teaching strategies that fit the situation",
        "Secure: strategies tied to misconceptions, assessment and a real lesson",
    },
    tips = {
        "Name the strategy you used (retrieval practice, worked examples, mini-whiteboards...) and why it fitted.",
        "Mention the misconception you expected and how you checked for it.",
    },
    resources = {
        "Your subject's national curriculum programme of study for the key stages you would teach.",
        "Write down three common misconceptions in your subject and how you address each.",
    },
}

local interpersonal = criterion {
    id = "interpersonal",
    title = "Interpersonal skills",
    levels = {
        "Others are absent from the answer, or blamed",
        "Mentions pupils, parents or colleagues, but not how they were engaged",
        "Listens and works with others; shows their point of view",
        "Builds trust deliberately: listens, acts together, follows up",
    },
    tips = {
        "Say what the other person was worried about before you say what you did.",
        "Show the follow-up: the phone call a week later, the weekly check-in.",
    },
    resources = {
        "Prepare one story about a parent and one about a colleague, each with a follow-up.",
    },
}

local reflective = criterion {
    id = "reflective_practice",
    title = "Reflective practice",
    levels = {
        "Describes events without examining them",
        "Says what went wrong, but not what changed",
        "Explains what they learned and what they changed",
        "Changed their practice and checked the effect on pupils",
    },
    tips = {
        "After 'it went wrong', say what you noticed, what you changed, and how you knew it worked.",
    },
    resources = {
        "Keep a weekly reflection log for a month: one lesson, one change, one piece of evidence.",
    },
}

------------------------------------------------------------------------------------------------------------
-- Quoting the candidate. Measurements carry evidence (the matched text and its place in the answer); these
-- helpers turn it into short quotes for notes and remarks.
------------------------------------------------------------------------------------------------------------

-- Quoting the candidate: the engine's quote library (docs/scenario-api.md, "Quoting the candidate").
-- quote(text, limit) shortens a text; in_context quotes a match with a few words around it; cue quotes the
-- words around a STAR sentence's cue; said lists the terms a coverage found, as the candidate said them.
local in_context, cue = quote.around, quote.cue
local function said(matches, most) return quote.found(matches, most or 5) end

------------------------------------------------------------------------------------------------------------
-- Evidence shared by the score functions
------------------------------------------------------------------------------------------------------------

-- Where: a year group, key stage or other school setting. No measurement knows school year groups, so they
-- are terms (a term with digits matches exactly: "year 9" finds "Year 9"). "half term" is here because the
-- number measurement reads "last half term" as a duration, and it is a when, not a how many.
local SETTINGS = { "reception", "sixth form", "nursery", "placement", "half term" }
for n = 1, 13 do
    SETTINGS[#SETTINGS + 1] = "year " .. n
    SETTINGS[#SETTINGS + 1] = "y" .. n
end
for n = 1, 5 do
    SETTINGS[#SETTINGS + 1] = "key stage " .. n
    SETTINGS[#SETTINGS + 1] = "ks" .. n
end

-- The settings the answer names, as evidence.
local function settings(answer)
    local found = {}
    for _, match in ipairs(answer:mentions(SETTINGS)) do
        for _, evidence in ipairs(match.evidence) do found[#found + 1] = evidence end
    end
    return found
end

-- The numbers that count something ("24 of 28", "three weeks"), leaving out those inside a setting: the 9 of
-- "Year 9" is a where, not a how many.
local function figures(answer)
    local places, counted = settings(answer), {}
    for _, number in ipairs(answer.numbers.evidence) do
        local in_place = false
        for _, place in ipairs(places) do
            if number.first >= place.first and number.last <= place.last then in_place = true end
        end
        if not in_place then counted[#counted + 1] = number end
    end
    return counted
end

-- A concrete example: placed somewhere real (a STAR situation, or a year group) and saying what the
-- candidate did (STAR actions: past-tense "I" or "we"), in two sentences at least, or in one with a figure
-- for what happened. This is what the follow-up asks for when it is missing. Hypothetical answers ("I
-- would...") have no STAR action, so they fail it on purpose.
local function concrete_example(answer)
    local placed = answer.star.situation.present or #settings(answer) > 0
    local did = #answer.star.action.evidence
    return placed and (did >= 2 or (did == 1 and #figures(answer) > 0))
end

-- The school's values: `answer.values` covers the values themselves and their inflections (inclusive,
-- collaborative). These words also count as naming one.
local VALUE_SYNONYMS = {
    inclusion = { "belonging" },
    curiosity = { "curious", "wonder" },
    collaboration = { "co-plan", "team teaching" },
}

-- The values an answer names, in the order of `institution.values`, each with a quote: { value, quote }.
local function values_named(answer)
    local named = {}
    for _, match in ipairs(answer.values.matches) do
        local evidence = match.evidence[1]
        if not evidence then
            for _, synonym in ipairs(answer:mentions(VALUE_SYNONYMS[match.term] or {})) do
                evidence = evidence or synonym.evidence[1]
            end
        end
        if evidence then named[#named + 1] = { value = match.term, quote = in_context(answer, evidence) } end
    end
    return named
end

-- "inclusion ("...inclusion is not a poster here..."), curiosity (...)"
local function list_values(named)
    local parts = {}
    for _, entry in ipairs(named) do parts[#parts + 1] = ('%s ("%s")'):format(entry.value, entry.quote) end
    return table.concat(parts, ", ")
end

-- Things about Riverside a candidate only knows from doing their homework (its website, a visit). Merely
-- saying "Riverside" does not count: the name is in the question.
local SCHOOL_FEATURES = { "nurture", "reading programme", "reading program", "forest school", "house system" }

------------------------------------------------------------------------------------------------------------
-- Level functions: one per criterion. Each takes the answer and returns { level = n, note = why }, ready to
-- put in a score table. Question score functions combine them and add what is special to the question.
------------------------------------------------------------------------------------------------------------

-- Fillers at this rate are what the panel remembers ("um", "you know", "like" as a filler: docs/analysis.md).
-- At least three, so that two ums in a short answer do not count.
local FILLERS_PER_MINUTE = 4

-- Delivery problems cap communication whatever the content: too short, over time, too fast or slow, full of
-- fillers, too long. Returns nil when the delivery is fine. (wpm and per_minute are nil for a written or
-- untimed answer.)
local function delivery_problem(answer)
    if answer.words < 40 then
        return { level = 1, note = ("%d words: too brief for the panel to follow a point."):format(answer.words) }
    end
    if answer.overtime then
        return { level = 2, note = "Ran past the time limit: the point gets lost." }
    end
    if answer.wpm and answer.wpm > 190 then
        return { level = 2, note = ("%.0f words a minute: rushed; slow down."):format(answer.wpm) }
    end
    if answer.wpm and answer.wpm < 90 then
        return { level = 2, note = ("%.0f words a minute: halting; prepare the example."):format(answer.wpm) }
    end
    local fillers = answer.fillers
    if fillers.per_minute and fillers.per_minute >= FILLERS_PER_MINUTE and fillers.total >= 3 then
        return { level = 2, note = ('%.0f fillers a minute, e.g. "%s".'):format(
            fillers.per_minute, in_context(answer, fillers.evidence[1])) }
    end
    if answer.words > 450 then
        return { level = 2, note = ("%d words: the point gets buried."):format(answer.words) }
    end
    return nil
end

-- General pedagogy: the vocabulary of someone who has thought about how pupils learn. Terms match their
-- inflections, so each is chosen not to match everyday words: "formative" alone would match "forms",
-- "questioning" matches every "question", and "practical" matches "practice".
local PEDAGOGY = {
    "misconception", "scaffold", "retrieval", "model", "worked example", "formative assessment", "summative",
    "assess", "feedback", "exit ticket", "hinge question", "cold call", "differentiation", "adaptive teaching",
    "prior knowledge", "success criteria", "learning objective", "learning intention", "mini whiteboard",
    "think pair share", "spaced practice", "interleaving", "phonics", "vocabulary", "sentence starter",
    "manipulatives", "concrete pictorial", "senco", "special educational", "ehcp", "eal", "curriculum", "schema",
    "cognitive load", "dual coding", "chunk", "check for understanding", "quiz", "mark scheme", "reading age",
    "oracy", "knowledge organiser", "graphic organiser", "do now",
}

-- Sparking curiosity has its own craft (a hook, a puzzle, a prediction, talk); the curiosity question
-- counts these as well.
local HOOKS = {
    "puzzle", "mystery", "why it works", "real world", "real life", "investigate", "enquiry", "inquiry", "hook",
    "predict", "demonstration", "big question", "surprise", "story", "discussion", "debate", "in pairs",
}

-- Behaviour management has its own vocabulary; the behaviour question uses this list instead. ("positive"
-- is left out: it would match "position".)
local BEHAVIOUR = {
    "routine", "seating plan", "restorative", "consequence", "behaviour policy", "warning", "praise",
    "expectation", "de-escalate", "reset", "quiet word", "private word", "script", "sanction",
    "head of year", "senco", "home-school", "report card", "meet and greet", "at the door", "trigger",
}

-- Every strategy term, for "how" in communication.
local STRATEGIES = {}
for _, list in ipairs({ PEDAGOGY, HOOKS, BEHAVIOUR }) do
    for _, term in ipairs(list) do STRATEGIES[#STRATEGIES + 1] = term end
end

-- The kinds of specific detail that let a panel picture an answer: where (a year group), when (a STAR
-- situation: "last term", "during my placement"), how many (a figure) and how (a named teaching strategy).
-- Returns the kinds found, each with a quote: { "where (\"Year 9\")", ... }.
local function specifics(answer)
    local kinds = {}
    local place = settings(answer)[1]
    if place then kinds[#kinds + 1] = ('where ("%s")'):format(quote(place.text)) end
    local situation = answer.star.situation.evidence[1]
    if situation then kinds[#kinds + 1] = ('when ("%s")'):format(cue(answer, situation, 20)) end
    local figure = figures(answer)[1]
    if figure then kinds[#kinds + 1] = ('how many ("%s")'):format(quote(figure.text)) end
    local strategies = answer:coverage(STRATEGIES)
    if strategies.count > 0 then kinds[#kinds + 1] = ("how (%s)"):format(said(strategies.matches, 2)) end
    return kinds
end

-- Level 4 needs room (60 words: enough for a situation, an action and an outcome) and a picture: either a
-- concrete example of what the candidate did or three kinds of specifics (useful for forward-looking
-- questions). Level 3 needs at least one specific; a clear answer with none is generic, level 2.
local function communication_level(answer)
    local problem = delivery_problem(answer)
    if problem then return problem end
    local kinds = specifics(answer)
    -- Pace is praised only when it was measured: a typed or untimed answer has none (wpm is nil).
    local clear = answer.wpm and "Clear, well paced" or "Clear"
    if answer.words >= 60 and (concrete_example(answer) or #kinds >= 3) then
        return { level = 4, note = clear .. ", and the panel can picture it: " .. table.concat(kinds, ", ") .. "." }
    end
    if #kinds >= 1 then
        return { level = 3, note = (answer.wpm and "Clear and well paced" or "Clear") .. "; specific about "
            .. table.concat(kinds, ", ") .. "." }
    end
    return { level = 2, note = "Clear but generic: name the class, the topic or the strategy you used." }
end

-- Knowledge: how many of the question's strategy terms (its `keywords`) the answer names; level 4 when
-- three or more are grounded in a concrete example.
local function knowledge_level(answer)
    local coverage = answer.keywords
    local listed = said(coverage.matches)
    if coverage.count == 0 then
        return { level = 1, note = "No teaching strategy or subject detail named." }
    elseif coverage.count == 1 then
        return { level = 2, note = "One strategy named (" .. listed .. "); say how and why it works." }
    elseif coverage.count >= 3 and concrete_example(answer) then
        return { level = 4, note = "Strategies (" .. listed .. ") grounded in a real lesson." }
    end
    return { level = 3, note = "Names strategies (" .. listed .. ")." }
end

-- Interpersonal: who is in the answer, how they were engaged, whether their view is shown, and the
-- follow-up. No measurement knows these, so they are term lists.
local PEOPLE = {
    "parent", "carer", "mum", "dad", "family", "colleague", "teaching assistant", "ta", "senco",
    "head of year", "head of department", "mentor", "pupil", "student", "child", "form tutor", "tutor",
    "department", "team", "guardian", "grandparent",
}
local ENGAGED = {
    "listen", "rang", "phone", "meet", "ask", "agree", "follow", "explain", "share", "invite",
    "reassure", "acknowledge", "apologise", "apologize", "thank", "speak", "talk", "email", "work with",
    "check in", "sat down", "co-plan", "plan together", "visit",
}
local EMPATHY = {
    "understand", "worry", "anxious", "upset", "feel", "perspective", "frustrated", "trust", "relationship",
    "point of view", "concern", "respect", "embarrassed", "scared", "nervous",
}
local FOLLOWED_UP = {
    "follow up", "check in", "week later", "since then", "kept in touch", "every week", "weekly",
    "every friday", "regular", "regularly", "from then on", "each week", "fortnight", "fortnightly",
}
-- Blaming pupils, parents or colleagues is level 1 (the descriptor says "or blamed") whatever else is said.
local BLAME = { "their fault", "his fault", "her fault", "lazy", "not my job", "not my problem", "naughty" }

local function interpersonal_level(answer)
    local blame = answer:coverage(BLAME)
    if blame.count > 0 then
        return { level = 1, note = ("Blames the other person (%s); show their side of it instead."):format(
            said(blame.matches)) }
    end
    local people = answer:coverage(PEOPLE)
    if people.count == 0 then
        return { level = 1, note = "No pupil, parent or colleague appears in the answer." }
    end
    local engaged = answer:coverage(ENGAGED)
    if engaged.count < 2 then
        return { level = 2, note = ("Others are mentioned (%s), but not how you worked with them."):format(
            said(people.matches, 3)) }
    end
    local empathy = answer:coverage(EMPATHY)
    if empathy.count == 0 then
        return { level = 2, note = ("Says what you did (%s), but not what the other person felt or needed."):format(
            said(engaged.matches, 3)) }
    end
    local followed = answer:coverage(FOLLOWED_UP)
    if followed.count > 0 and concrete_example(answer) then
        return { level = 4, note = ("Listens (%s), shows their view (%s) and follows up (%s), in a real example.")
            :format(said(engaged.matches, 3), said(empathy.matches, 2), said(followed.matches, 2)) }
    end
    return { level = 3, note = ("Listens (%s) and shows their view (%s); show the follow-up for the top level."):format(
        said(engaged.matches, 3), said(empathy.matches, 2)) }
end

-- Reflection: noticing what went wrong, changing the practice, and checking the effect. The check is
-- measured (a STAR result, or a figure such as "24 of 28"); noticing and changing are term lists.
local NOTICED = {
    "realise", "realize", "I learned", "reflect", "looking back", "hindsight", "I noticed", "mistake",
    "went wrong", "didn't work", "did not work", "wasn't working", "I misjudged", "I underestimated",
    "I assumed", "should have",
}
local CHANGED = {
    "I changed", "we changed", "now I", "I now", "next time", "since then", "I started", "I stopped",
    "I adapted", "redesign", "rewrote", "rewrite", "replan", "retaught", "reteach", "re-teach",
    "from then on", "these days",
}
-- Checks a teacher makes that are not numbers or result phrases.
local CHECKED = { "next lesson", "exit ticket", "compared", "retest", "re-test", "the following" }

-- Blaming the class for a lesson that failed is the opposite of reflection.
local BLAMES_CLASS = { "they just wouldn't", "they just would not", "the class was just", "bad class", "lazy" }

-- How the answer checked the effect of the change, as a quote, or nil. A story tells what happened last, so
-- the later of its last figure and its last STAR result sentence; else a check such as "next lesson".
local function checked_effect(answer)
    local counted, results = figures(answer), answer.star.result.evidence
    local figure, result = counted[#counted], results[#results]
    if figure and (not result or figure.first > result.first) then return in_context(answer, figure) end
    if result then return cue(answer, result) end
    for _, check in ipairs(answer:mentions(CHECKED)) do
        if check.found then return in_context(answer, check.evidence[1]) end
    end
    return nil
end

local function reflective_level(answer)
    local noticed, changed = answer:coverage(NOTICED), answer:coverage(CHANGED)
    local blames = answer:coverage(BLAMES_CLASS)
    if blames.count > 0 then
        local level = (noticed.count > 0 or changed.count > 0) and 2 or 1
        return { level = level, note = ("Puts the problem on the pupils (%s) rather than the teaching."):format(
            said(blames.matches)) }
    end
    if noticed.count == 0 and changed.count == 0 then
        return { level = 1, note = "Tells what happened without examining it." }
    end
    if changed.count == 0 then
        return { level = 2, note = ("Says what went wrong (%s), not what you changed."):format(
            said(noticed.matches, 2)) }
    end
    local effect = checked_effect(answer)
    if noticed.count > 0 and effect then
        return { level = 4, note = ('Noticed (%s), changed (%s) and checked the effect: "%s".'):format(
            said(noticed.matches, 2), said(changed.matches, 2), effect) }
    end
    return { level = 3, note = ("Says what changed (%s); add how you knew it worked."):format(
        said(changed.matches, 2)) }
end

-- Hedges ("I think", "maybe", "sort of") soften a point; two or more in one answer earn a remark that
-- lists them and quotes the first in context.
local function hedging_remark(answer)
    local hedges = answer.hedges
    if hedges.total < 2 then return nil end
    local terms, seen = {}, {}
    for _, hedge in ipairs(hedges.evidence) do
        if not seen[hedge.term] then
            seen[hedge.term] = true
            terms[#terms + 1] = ('"%s"'):format(hedge.text)
        end
    end
    return ('%d hedges soften your point (%s), e.g. "%s". Say it plainly.'):format(
        hedges.total, table.concat(terms, ", "), in_context(answer, hedges.evidence[1], 30))
end

------------------------------------------------------------------------------------------------------------
-- Follow-up: when an answer has no concrete example, ask for one. The follow-up is scored on one criterion,
-- the one the original question most needed evidence for, so a candidate who can produce the example on
-- the second try earns that credit back. Skipping it gives level 1 on that criterion. `keywords` are the
-- original question's strategy terms, for `knowledge_level`.
------------------------------------------------------------------------------------------------------------

local function ask_for_example(focus, level_of, keywords)
    return function(answer)
        if concrete_example(answer) then return nil end
        return {
            id = answer.id .. "-example",
            prompt = "Can you give us a specific example: which class, what you did, and what happened for the "
                .. "pupils?",
            think = "15s",
            limit = "2m",
            criteria = { focus },
            keywords = keywords,
            score = function(example_answer)
                return { [focus] = level_of(example_answer) }
            end,
        }
    end
end

------------------------------------------------------------------------------------------------------------
-- Questions
------------------------------------------------------------------------------------------------------------

-- The opener is about fit: a clear answer that could be given to any school stays at level 2. Naming one of
-- Riverside's values or something particular to it reaches 3; two values plus something the candidate
-- actually did (a STAR action) reaches 4.
local function score_motivation(answer)
    local named = values_named(answer)
    local features = answer:coverage(SCHOOL_FEATURES)
    local scored = { strengths = {}, improvements = {} }
    if #named > 0 then
        scored.strengths[1] = "Connected your motivation to our values: " .. list_values(named) .. "."
    else
        scored.improvements[1] = "Connect your motivation to Riverside's values: inclusion, curiosity, collaboration."
    end
    local problem = delivery_problem(answer)
    local did = answer.star.action.evidence[1]
    if problem then
        scored[communication] = problem
    elseif #named >= 2 and did then
        scored[communication] = { level = 4, note = ('Tailored to Riverside and backed by your own experience: "%s".')
            :format(cue(answer, did)) }
    elseif #named >= 1 or features.count > 0 then
        local tailored = #named > 0 and list_values(named) or said(features.matches)
        scored[communication] = {
            level = 3, note = ("Tailored to Riverside (%s); add what you have done that shows it."):format(tailored),
        }
    else
        scored[communication] = { level = 2, note = "Clear, but it could be said to any school: why Riverside?" }
    end
    return scored
end

question {
    id = "motivation",
    prompt = "Why do you want to teach here, at " .. SCHOOL .. "?",
    think = "20s",
    limit = "2m",
    tags = { "opener" },
    criteria = { communication },
    score = score_motivation,
}

-- The pool of core questions: the flow picks three of them. Each has think time, a three-minute limit (a
-- panel's patience for one story), the criteria it is about, its strategy terms where knowledge is scored
-- (`keywords`), and a follow-up asking for an example. Each also gets a remark when it hedges.

local function with_hedging(scored, answer)
    local remark = hedging_remark(answer)
    if remark then
        scored.improvements = scored.improvements or {}
        scored.improvements[#scored.improvements + 1] = remark
    end
    return scored
end

local function score_failed_lesson(answer)
    return with_hedging({
        [communication] = communication_level(answer),
        [reflective] = reflective_level(answer),
        [knowledge] = knowledge_level(answer),
    }, answer)
end

question {
    id = "failed-lesson",
    prompt = "Tell us about a lesson you taught that did not go well. What happened, and what did you do next?",
    think = "30s",
    limit = "3m",
    tags = { "core", "reflection" },
    criteria = { communication, reflective, knowledge },
    keywords = PEDAGOGY,
    score = score_failed_lesson,
    follow_up = ask_for_example(reflective, reflective_level, PEDAGOGY),
}

-- Differentiation: naming strategies is not enough; the answer has to say *who* the adaptation was for.
local LEARNER_GROUPS = {
    "special educational", "ehcp", "eal", "english as an additional", "new to english", "dyslexia",
    "autism", "autistic", "adhd", "higher attaining", "lower attaining", "high attaining", "low attaining",
    "most able", "stretch", "extension", "struggling", "less confident", "reading age", "gifted",
    "pupil premium",
}

local function score_differentiation(answer)
    local level = knowledge_level(answer)
    local groups = answer:coverage(LEARNER_GROUPS)
    if level.level > 2 and groups.count == 0 then
        level = { level = 2, note = level.note .. " But who was it for? Name the learners you adapted for." }
    elseif groups.count > 0 then
        level.note = level.note .. (" Adapted for %s."):format(said(groups.matches, 3))
    end
    return with_hedging({ [knowledge] = level, [communication] = communication_level(answer) }, answer)
end

question {
    id = "differentiation",
    prompt = "How do you make sure every pupil in a mixed-attainment class makes progress? Give us an example.",
    think = "30s",
    limit = "3m",
    tags = { "core", "pedagogy" },
    criteria = { knowledge, communication },
    keywords = PEDAGOGY,
    score = score_differentiation,
    follow_up = ask_for_example(knowledge, knowledge_level, PEDAGOGY),
}

local function score_parent(answer)
    local scored = { [interpersonal] = interpersonal_level(answer), [communication] = communication_level(answer) }
    return with_hedging(scored, answer)
end

question {
    id = "parent-conflict",
    prompt = "Tell us about a time you disagreed with a parent or carer. How did you handle it?",
    think = "30s",
    limit = "3m",
    tags = { "core", "relationships" },
    criteria = { interpersonal, communication },
    score = score_parent,
    follow_up = ask_for_example(interpersonal, interpersonal_level),
}

-- Behaviour: knowledge here means behaviour-management practice, so its keywords are that list.
local function score_behaviour(answer)
    local scored = { [interpersonal] = interpersonal_level(answer), [knowledge] = knowledge_level(answer) }
    return with_hedging(scored, answer)
end

question {
    id = "behaviour",
    prompt = "A pupil keeps disrupting your lessons. Walk us through how you would handle it; an example helps.",
    think = "30s",
    limit = "3m",
    tags = { "core", "behaviour" },
    criteria = { interpersonal, knowledge },
    keywords = BEHAVIOUR,
    score = score_behaviour,
    follow_up = ask_for_example(knowledge, knowledge_level, BEHAVIOUR),
}

-- Assessment: knowing *that* pupils learned, and doing something with what you found.
local function score_assessment(answer)
    return with_hedging({ [knowledge] = knowledge_level(answer), [reflective] = reflective_level(answer) }, answer)
end

question {
    id = "assessment",
    prompt = "How do you know whether your pupils have learned what you taught them?",
    think = "30s",
    limit = "3m",
    tags = { "core", "pedagogy" },
    criteria = { knowledge, reflective },
    keywords = PEDAGOGY,
    score = score_assessment,
    follow_up = ask_for_example(knowledge, knowledge_level, PEDAGOGY),
}

local function score_colleague(answer)
    local scored = { [interpersonal] = interpersonal_level(answer), [communication] = communication_level(answer) }
    return with_hedging(scored, answer)
end

question {
    id = "colleague",
    prompt = "Tell us about working with a colleague, such as a teaching assistant or the SENCO, to help a pupil.",
    think = "30s",
    limit = "3m",
    tags = { "core", "relationships" },
    criteria = { interpersonal, communication },
    score = score_colleague,
    follow_up = ask_for_example(interpersonal, interpersonal_level),
}

-- The curiosity question counts its hooks alongside the general pedagogy list.
local CURIOSITY_TERMS = {}
for _, term in ipairs(PEDAGOGY) do CURIOSITY_TERMS[#CURIOSITY_TERMS + 1] = term end
for _, term in ipairs(HOOKS) do CURIOSITY_TERMS[#CURIOSITY_TERMS + 1] = term end

-- Curiosity is one of the school's values, so naming it (or showing it) earns an answer-level strength.
local function score_curiosity(answer)
    local scored = { [knowledge] = knowledge_level(answer), [communication] = communication_level(answer) }
    local named = values_named(answer)
    if #named > 0 then
        scored.strengths = { "Linked your teaching to the school's values: " .. list_values(named) .. "." }
    end
    return with_hedging(scored, answer)
end

question {
    id = "curiosity",
    prompt = "Pick a topic pupils often find dull. How would you make them curious about it?",
    think = "30s",
    limit = "3m",
    tags = { "core", "pedagogy" },
    criteria = { knowledge, communication },
    keywords = CURIOSITY_TERMS,
    score = score_curiosity,
    follow_up = ask_for_example(knowledge, knowledge_level, CURIOSITY_TERMS),
}

-- The closing question looks forward, so there is no past-tense requirement for level 3: a concrete offer
-- that involves other people is enough. Level 4 adds evidence from the past (a STAR action) and names a
-- school value.
local OFFERS = {
    "run", "lead", "start", "set up", "coach", "share", "help", "organise", "organize", "volunteer", "mentor",
    "support", "club", "trip",
}
local COMMUNITY = {
    "colleague", "department", "family", "parent", "community", "club", "team", "staff", "pupil", "student",
    "local", "trip",
}

local function score_contribution(answer)
    local named = values_named(answer)
    local community, offers = answer:coverage(COMMUNITY), answer:coverage(OFFERS)
    local did = answer.star.action.evidence[1]
    local level
    if community.count == 0 then
        level = { level = 1, note = "Nothing beyond your own classroom." }
    elseif offers.count == 0 then
        level = { level = 2, note = ("Mentions the wider school (%s), but no concrete offer."):format(
            said(community.matches, 3)) }
    elseif did and #named >= 1 then
        level = { level = 4, note = ('A concrete offer (%s), backed by what you have done ("%s"), in the school\'s '
            .. "terms (%s)."):format(said(offers.matches, 3), cue(answer, did), list_values(named)) }
    else
        level = { level = 3, note = ("A concrete offer that involves others: %s."):format(said(offers.matches, 3)) }
    end
    local scored = { [interpersonal] = level, [communication] = communication_level(answer) }
    if #named > 0 then scored.strengths = { "Spoke to our values: " .. list_values(named) .. "." } end
    return with_hedging(scored, answer)
end

question {
    id = "contribution",
    prompt = "Beyond your own classroom, what would you bring to the life of the school?",
    think = "20s",
    limit = "2m",
    tags = { "closing" },
    criteria = { interpersonal, communication },
    score = score_contribution,
}

------------------------------------------------------------------------------------------------------------
-- Flow and debrief
------------------------------------------------------------------------------------------------------------

-- Whether any answer of the session named one of the school's values, for the debrief. The debrief's
-- answers carry only the measurements a score function happened to read, so the flow, which sees them all,
-- works it out after the last question (and resets it first, so no session inherits another's).
local values_mentioned = false

flow(function(session)
    values_mentioned = false
    session:ask("motivation")
    -- Three of the seven core questions, chosen by the session's seed. In a replay, the three the
    -- recording answered.
    for _, id in ipairs(session:pick { tag = "core", count = 3 }) do
        session:ask(id)
    end
    session:ask("contribution")
    for _, answer in ipairs(session.answers) do
        if not answer.skipped and #values_named(answer) > 0 then values_mentioned = true end
    end
end)

-- The reference (docs/scenario-api.md) names a debrief answer's question id `question`; the engine this was
-- written against hands over the answer object, whose id is `id`. Reading both keeps the debrief working.
local function question_id(answer)
    return answer.question or answer.id
end

debrief(function(result)
    local follow_ups = 0
    for _, answer in ipairs(result.answers) do
        if question_id(answer):find("%-example$") then follow_ups = follow_ups + 1 end
    end
    if follow_ups >= 2 then
        result:plan("Build a bank of six classroom stories: year group, what you did, what changed for pupils.")
    end
    if not values_mentioned then
        result:plan("Read Riverside's website and link one of your stories to each value: inclusion, curiosity, "
            .. "collaboration.")
    end
    if result.overall and result.overall >= 75 then
        result:strength("Ready for the lesson observation stage.")
    end
end)

------------------------------------------------------------------------------------------------------------
-- Examples. The expected levels were set by reading each answer against the level descriptors, as a head
-- teacher would, before the examples were run. Seconds are realistic speaking times (120 to 160 words a
-- minute unless the example is about pace).
--
-- How picks work in examples: the pick draws only among the core questions the example answers. Answer
-- exactly three and those three are asked (in file order); answer more and the seed chooses which three,
-- still asked in file order.
------------------------------------------------------------------------------------------------------------

-- A strong science teacher. She answers four core questions; seed 1 picks three of them (assessment is
-- left out), and every answer has a concrete example, so there are no follow-ups.
example {
    name = "strong: concrete, reflective, tailored",
    seed = 1,
    answers = {
        motivation = {
            text = [[I want to teach at Riverside because inclusion is not a poster here, it is how the school is
                run: your nurture group and the reading programme for pupils new to English are exactly the work I
                care about. At my current school I set up a lunchtime science club for Year 7 pupils who were
                nervous about practicals, and I watched their curiosity grow once they were allowed to get things
                wrong. I would like to bring that to a school that already values curiosity and collaboration.]],
            seconds = 40,
            think_seconds = 12,
        },
        ["failed-lesson"] = {
            text = [[Last term I taught a Year 9 lesson on balancing equations, and it fell apart. I had planned a
                worked example followed by independent practice, but when I checked the mini-whiteboards after ten
                minutes, about two thirds of the class were changing the small numbers inside the formulas. Looking
                back, I had assumed they were secure on what a formula represents, and they were not. I stopped the
                practice, went back to particle diagrams, and I modelled two more examples with the class drawing
                the atoms. The next lesson I started with a hinge question on subscripts versus coefficients, and
                24 of 28 pupils got it right. Since then I always check that prerequisite before I teach balancing.]],
            seconds = 58,
            think_seconds = 20,
        },
        differentiation = {
            text = [[In my Year 8 class this year I have four pupils with EAL, one with an EHCP for dyslexia, and a
                group who finish everything early. For a unit on the digestive system I planned one core task with
                three ways in. I gave the EAL pupils a vocabulary mat with pictures and sentence starters, I printed
                the text in a larger font on cream paper for the pupil with dyslexia, and I set an extension
                question on enzymes for the most able. The teaching assistant and I agreed in advance who she would
                sit with. In the end-of-unit quiz the class average rose from 52% to 71%, and the EAL pupils were
                writing full explanations by week three.]],
            seconds = 52,
            think_seconds = 18,
        },
        ["parent-conflict"] = {
            text = [[Last year a dad emailed me, quite angry, because his daughter in Year 10 had been moved down a
                set in science and he felt she had been written off. I rang him the same afternoon and mostly
                listened: his worry was that she would lose the chance to take triple science. I explained what the
                assessment showed, shared her last two tests with him, and acknowledged that the move had not been
                explained to the family. We agreed a six-week plan with a short weekly check-in email from me, and
                a review with both of them at the end. She moved back up at the review, and he thanked the
                department at parents' evening.]],
            seconds = 54,
            think_seconds = 15,
        },
        assessment = {
            text = [[Mostly through low-stakes quizzes at the start of lessons and mini-whiteboards during them.
                Last half term the retrieval quiz showed that most of my Year 11 group could not explain why
                ionic compounds conduct when molten, so I retaught it with a model and checked again a week
                later.]],
            seconds = 25,
        },
        contribution = {
            text = [[I would like to start a science club for Key Stage 3 that runs with the local library, like the
                one I set up at my current school, where 30 pupils came each week. I would also share my resources
                for pupils new to English with the department, because inclusion works best when we plan it
                together. And I would be glad to help on the Year 7 residential trip.]],
            seconds = 30,
            think_seconds = 10,
        },
    },
    expect = {
        motivation = { [communication] = 4 },
        ["failed-lesson"] = { [communication] = 4, [reflective] = 4, [knowledge] = 4 },
        differentiation = { [knowledge] = 4, [communication] = 4 },
        ["parent-conflict"] = { [interpersonal] = 4, [communication] = 4 },
        contribution = { [interpersonal] = 4, [communication] = 4 },
        overall = { min = 90 },
        asked = { "motivation", "failed-lesson", "differentiation", "parent-conflict", "contribution" },
    },
}

-- A middling maths teacher: sound instincts, but the answers stay general. His behaviour answer is
-- hypothetical, so the follow-up asks for an example, and he gives a good one. His colleague and curiosity
-- answers are followed up too, and he passes (no answer: level 1 on the follow-up's criterion).
example {
    name = "middling: sound but general",
    seed = 2,
    answers = {
        motivation = {
            text = [[I have always wanted to work in a school like this one. Riverside has a really good reputation
                locally and my cousin's children came here and were happy. I am a maths teacher and I enjoy
                explaining things in different ways until it clicks. I am looking for a school where I can develop
                as a teacher and take on more responsibility over time.]],
            seconds = 30,
            think_seconds = 8,
        },
        behaviour = {
            text = [[First I would make sure my expectations and routines are really clear from the first lesson,
                and I would use the school's behaviour policy consistently so the pupil knows what happens next. I
                would give a quiet word rather than calling them out in front of everyone, and praise them when they
                get it right. If it carried on I would talk to the head of year and contact home, because there
                might be something going on outside school.]],
            seconds = 36,
            think_seconds = 20,
        },
        ["behaviour-example"] = {
            text = [[Last year in my Year 10 set a boy kept shouting out answers and making jokes. I moved him to
                the front, I had a quiet word at the door, and I praised him every time he put his hand up. It got
                better within about three weeks.]],
            seconds = 20,
        },
        colleague = {
            text = [[I work closely with our teaching assistant, Mrs Patel, in my Year 8 group. We have a boy with
                autism who finds transitions hard. I talked to her before lessons about what was coming up and she
                prepared a visual timetable for him. It helped a lot and he was calmer.]],
            seconds = 26,
            think_seconds = 15,
        },
        curiosity = {
            text = [[For algebra, which a lot of pupils find dry, I would start with a puzzle, like a number trick
                where they think of a number and I guess it, and then ask them why it works. That gets them curious
                and wanting to know the answer, and then the algebra is the tool that explains it. I would also use
                mini whiteboards so everyone is involved and I can see who is getting it.]],
            seconds = 34,
            think_seconds = 25,
        },
        contribution = {
            text = [[I would be happy to help run the maths club, and I could offer revision sessions for Year 11
                before their exams. I am also keen to be an active part of the department, share resources and
                ideas, and learn from more experienced colleagues.]],
            seconds = 20,
            think_seconds = 6,
        },
    },
    expect = {
        motivation = { [communication] = 2 },
        behaviour = { [knowledge] = 3, [interpersonal] = 2 },
        ["behaviour-example"] = { [knowledge] = 4 },
        colleague = { [interpersonal] = 2, [communication] = 3 },
        ["colleague-example"] = { [interpersonal] = 1 },
        curiosity = { [knowledge] = 3, [communication] = 3 },
        ["curiosity-example"] = { [knowledge] = 1 },
        contribution = { [interpersonal] = 3, [communication] = 3 },
        overall = { min = 35, max = 60 },
        asked = {
            "motivation", "behaviour", "behaviour-example", "colleague", "colleague-example",
            "curiosity", "curiosity-example", "contribution",
        },
    },
}

-- A weak candidate: brief, generic, blames the class, and cannot give examples when asked.
example {
    name = "weak: brief, generic, blames the class",
    seed = 3,
    answers = {
        motivation = { text = "I need a job closer to home and I like working with kids. I think I'd be a good fit.",
            seconds = 8 },
        ["failed-lesson"] = {
            text = [[I had a Year 9 class that was just really difficult. I planned a group activity and they
                wouldn't settle, they were messing about the whole time. The class was just not ready for group
                work so I went back to worksheets after that, and it was fine.]],
            seconds = 25,
        },
        differentiation = {
            text = [[I differentiate by giving different worksheets, easy, medium and hard, and the pupils choose
                which one they want to do. Sometimes I use a TA if there is one.]],
            seconds = 15,
        },
        ["parent-conflict"] = {
            text = [[I haven't really had a conflict with a parent yet, to be honest. If it did happen I would stay
                professional, listen to what they had to say and explain the school's position to them, and if they
                were rude I would pass it on to my head of department.]],
            seconds = 22,
        },
        contribution = { text = "Not sure yet, I'd need to see what is on offer. I'm happy to help out where needed.",
            seconds = 7 },
    },
    expect = {
        motivation = { [communication] = 1 },
        -- Clear enough to follow (communication 3); its weakness is reflection, and that is scored there.
        ["failed-lesson"] = { [reflective] = 1, [knowledge] = 1, [communication] = 3 },
        differentiation = { [knowledge] = 2, [communication] = 1 },
        ["differentiation-example"] = { [knowledge] = 1 },
        ["parent-conflict"] = { [interpersonal] = 2, [communication] = 2 },
        ["parent-conflict-example"] = { [interpersonal] = 1 },
        contribution = { [interpersonal] = 1, [communication] = 1 },
        overall = { max = 20 },
        asked = {
            "motivation", "failed-lesson", "differentiation", "differentiation-example", "parent-conflict",
            "parent-conflict-example", "contribution",
        },
    },
}

-- Good content, poor delivery: the lesson story is worth a 4 on reflection, but it runs past the
-- three-minute limit at a halting pace, so communication drops to 2. Only one core question is answered,
-- so only that one is picked.
example {
    name = "good story, over time",
    seed = 4,
    answers = {
        ["failed-lesson"] = {
            text = [[So, um, this was on my second placement, with a Year 7 class, and the lesson was on
                fractions, adding fractions with different denominators. I had planned it quite carefully, I
                thought, with a worked example and then a set of questions. But, um, when I went round, I noticed
                that a lot of them were just adding the tops and adding the bottoms. And I realised I had not
                checked whether they understood equivalent fractions first, which is the prerequisite really. So
                what I did, I stopped the class, and I went back to fraction walls, and we built equivalent
                fractions together on mini-whiteboards. The next lesson I started with five retrieval questions on
                equivalence, and most of them, I think 22 of the 27, got them all right, and then the adding went
                much better. Since then I always plan a quick check of the prerequisite at the start.]],
            seconds = 200,
            think_seconds = 30,
        },
    },
    expect = {
        ["failed-lesson"] = { [reflective] = 4, [knowledge] = 4, [communication] = 2 },
        asked = { "motivation", "failed-lesson", "contribution" },
    },
}
