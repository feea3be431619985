-- teacher-interview.lua: a first interview for a classroom teacher at a community secondary school.
--
-- Shape of the session (about 30 minutes):
--   1. a fixed opener on motivation, scored on how well it is tailored to this school;
--   2. three "core" questions picked at random (seeded) from a pool of seven;
--      each one is followed up when the answer has no concrete classroom example;
--   3. a fixed closing question on what the candidate would bring beyond the classroom.
--
-- How the scoring works, in one paragraph: every answer is lower-cased and flattened (punctuation turned
-- into spaces) and then searched for word stems: "collaborat" finds collaborate, collaborative and
-- collaboration. A "concrete example" means the candidate says what *they* did, in the past tense, at
-- least twice ("I moved", "I rang", "I taught") and places it somewhere real (a year group, a placement,
-- "last term"). The lists of stems below are the rubric made visible: change them to suit your school.
-- Word-matching is a blunt instrument, so every level comes with a note saying what was (not) found,
-- which lets a coach overrule it in seconds.

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
-- Text helpers
------------------------------------------------------------------------------------------------------------

-- Lower-case the text and turn every run of punctuation into a single space, with a space at each end, so
-- that "Year-9," reads " year 9 " and a phrase can be found with a plain search. "%" is kept.
local function flatten(text)
    local flat = text:lower():gsub("[^%w%%]+", " ")
    return " " .. flat .. " "
end

-- True when a word of the flattened text starts with `stem`. End a stem with a space to match a whole word
-- only: "ta " finds "TA" but not "take". Phrases work too: "exit ticket".
local function has_stem(flat, stem)
    return flat:find(" " .. stem, 1, true) ~= nil
end

-- The stems of `stems` that the text contains, in list order.
local function found_stems(flat, stems)
    local found = {}
    for _, stem in ipairs(stems) do
        if has_stem(flat, stem) then found[#found + 1] = (stem:gsub(" $", "")) end
    end
    return found
end

local function any_stem(flat, stems)
    return #found_stems(flat, stems) > 0
end

-- Lua patterns (not plain stems), for things like "year 9" where the digit varies.
local function any_pattern(flat, patterns)
    for _, pattern in ipairs(patterns) do
        if flat:find(pattern) then return true end
    end
    return false
end

------------------------------------------------------------------------------------------------------------
-- Evidence detectors shared by the score functions
------------------------------------------------------------------------------------------------------------

-- Past tenses that do not end in -ed, and -ed words that are not past tenses.
local IRREGULAR_PAST = {
    taught = true, made = true, set = true, spoke = true, met = true, wrote = true, gave = true, took = true,
    sat = true, rang = true, brought = true, kept = true, went = true, ran = true, built = true, led = true,
    began = true, chose = true, found = true, got = true, held = true, put = true, said = true, sent = true,
    spent = true, told = true, won = true, did = true, cut = true, drew = true, split = true, let = true,
    left = true, rewrote = true, retaught = true, thought = true, understood = true, read = true,
}
local NOT_PAST = { need = true, feed = true, proceed = true, exceed = true, succeed = true, speed = true }
-- Words allowed between "I" and the verb: "I then rang", "I also asked". "co" and "re" are there because
-- flatten splits hyphenated verbs: "I co-planned" reads "i co planned".
local ADVERBS = {
    also = true, ["then"] = true, first = true, quickly = true, immediately = true, just = true, finally = true,
    eventually = true, personally = true, deliberately = true, actually = true, later = true, gently = true,
    calmly = true, still = true, never = true, always = true, simply = true, carefully = true, co = true,
    re = true,
}

local function is_past_tense(word)
    if IRREGULAR_PAST[word] then return true end
    return #word > 3 and word:sub(-2) == "ed" and not NOT_PAST[word]
end

-- How many times the candidate says what they did: "I" followed by a past tense ("I rang", "I then moved").
local function own_actions(flat)
    local words = {}
    for word in flat:gmatch("%S+") do words[#words + 1] = word end
    local count = 0
    for i, word in ipairs(words) do
        if word == "i" then
            local verb = words[i + 1]
            if verb and ADVERBS[verb] then verb = words[i + 2] end
            if verb and is_past_tense(verb) then count = count + 1 end
        end
    end
    return count
end

-- Where and when: a year group, a key stage, a placement, "last term"...
local SETTING_PATTERNS = { " year %d", " y%d+ ", " ks%d", " key stage", " reception ", " sixth form", " nursery " }
local WHEN_STEMS = {
    "last term", "last year", "last week", "last spring", "last summer", "last autumn", "last winter",
    "this term", "this year", "placement", "in my first", "in my second", "in my nqt", "in my ect",
    "one lesson", "one morning", "one afternoon", "during my", "at my last", "at my current", "at my previous",
}

-- A concrete example: the candidate did things (twice at least) somewhere real. This is what the follow-up
-- asks for when it is missing. Hypothetical answers ("I would...") fail it on purpose.
local function concrete_example(flat)
    local placed = any_pattern(flat, SETTING_PATTERNS) or any_stem(flat, WHEN_STEMS)
    return placed and own_actions(flat) >= 2
end

-- Outcomes the panel can check: "18 of 28 pupils", "80%", "from 4 to 9", "12 pupils".
local OUTCOME_PATTERNS = {
    "%d+ ?%%", " %d+ out of %d+", " %d+ of %d+", " %d+ of the %d+", " %d+ pupils", " %d+ students",
    " %d+ children", " from %d+ to %d+", " %d+ more ",
}

-- The school's values and the stems that count as naming each one. Keep these in step with
-- `institution.values` above.
local VALUE_STEMS = {
    { value = "inclusion", stems = { "inclus", "belong" } },
    { value = "curiosity", stems = { "curios", "curious", "wonder" } },
    { value = "collaboration", stems = { "collaborat", "co plan", "team teach" } },
}

local function values_named(flat)
    local named = {}
    for _, entry in ipairs(VALUE_STEMS) do
        if any_stem(flat, entry.stems) then named[#named + 1] = entry.value end
    end
    return named
end

-- Things about Riverside a candidate only knows from doing their homework (its website, a visit). Merely
-- saying "Riverside" does not count: the name is in the question.
local SCHOOL_FEATURES = { "nurture", "reading programme", "reading program", "forest school", "house system" }

local function knows_school(flat)
    return any_stem(flat, SCHOOL_FEATURES)
end

------------------------------------------------------------------------------------------------------------
-- Level functions: one per criterion. Each takes the answer and returns { level = n, note = why }, ready to
-- put in a score table. Question score functions combine them and add what is special to the question.
------------------------------------------------------------------------------------------------------------

-- Delivery problems cap communication whatever the content: too short, over time, too fast or slow, too
-- long. Returns nil when the delivery is fine. (wpm is nil for a written or untimed answer.)
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
    if answer.words > 450 then
        return { level = 2, note = ("%d words: the point gets buried."):format(answer.words) }
    end
    return nil
end

-- General pedagogy: the vocabulary of someone who has thought about how pupils learn.
local PEDAGOGY = {
    "misconception", "scaffold", "retrieval", "model", "worked example", "formative", "summative", "assess",
    "feedback", "exit ticket", "hinge question", "cold call", "questioning", "differentiat", "adaptive teaching",
    "prior knowledge", "success criteria", "learning objective", "learning intention", "mini whiteboard",
    "think pair share", "spaced", "interleav", "phonics", "vocabulary", "sentence starter", "manipulative",
    "concrete pictorial", "senco", "special educational", "ehcp", "eal ", "curriculum", "schema",
    "cognitive load", "dual coding", "chunk", "check for understanding", "checking for understanding", "quiz",
    "mark scheme", "reading age", "oracy", "knowledge organiser", "graphic organiser", "do now", "practical",
}

-- Sparking curiosity has its own craft (a hook, a puzzle, a prediction, talk); the curiosity question
-- counts these as well.
local HOOKS = {
    "puzzle", "mystery", "why it works", "real world", "real life", "investigat", "enquiry", "inquiry", "hook",
    "predict", "demonstration", "big question", "surprise", "story", "discussion", "debate", "in pairs",
}

-- Behaviour management has its own vocabulary; the behaviour question uses this list instead.
local BEHAVIOUR = {
    "routine", "seating plan", "restorative", "consequence", "behaviour policy", "warning", "praise",
    "expectation", "de escalat", "reset", "quiet word", "private word", "positive", "script", "sanction",
    "head of year", "senco", "home school", "report card", "meet and greet", "at the door", "trigger",
}

-- The kinds of specific detail that let a panel picture an answer: where (a year group), when (last term),
-- how many (a number) and how (a named teaching strategy). Returns the kinds found.
-- A number counts as "how many" unless it is part of a year group or key stage ("Year 9" is a "where").
local function has_quantity(flat)
    local without_groups = flat:gsub(" year %d+", " "):gsub(" y%d+", " "):gsub(" ks%d", " "):gsub(" stage %d", " ")
    return without_groups:find("%d") ~= nil
end

local function specifics(flat)
    local kinds = {}
    if any_pattern(flat, SETTING_PATTERNS) then kinds[#kinds + 1] = "where" end
    if any_stem(flat, WHEN_STEMS) then kinds[#kinds + 1] = "when" end
    if has_quantity(flat) then kinds[#kinds + 1] = "how many" end
    if any_stem(flat, PEDAGOGY) or any_stem(flat, BEHAVIOUR) or any_stem(flat, HOOKS) then
        kinds[#kinds + 1] = "how"
    end
    return kinds
end

-- Level 4 needs room (60 words: enough for a situation, an action and an outcome) and a picture: either a
-- concrete example of what the candidate did or three kinds of specifics (useful for forward-looking
-- questions). Level 3 needs at least one specific; a clear answer with none is generic, level 2.
local function communication_level(answer)
    local problem = delivery_problem(answer)
    if problem then return problem end
    local flat = flatten(answer.text)
    local kinds = specifics(flat)
    if answer.words >= 60 and (concrete_example(flat) or #kinds >= 3) then
        return { level = 4, note = "Clear, well paced, and the panel can picture it." }
    end
    if #kinds >= 1 then
        return { level = 3, note = "Clear and well paced; specific about " .. table.concat(kinds, ", ") .. "." }
    end
    return { level = 2, note = "Clear but generic: name the class, the topic or the strategy you used." }
end

local function knowledge_level(answer, terms)
    local flat = flatten(answer.text)
    local found = found_stems(flat, terms)
    local listed = table.concat(found, ", ")
    if #found == 0 then
        return { level = 1, note = "No teaching strategy or subject detail named." }
    elseif #found == 1 then
        return { level = 2, note = "One strategy named (" .. listed .. "); say how and why it works." }
    elseif #found >= 3 and concrete_example(flat) then
        return { level = 4, note = "Strategies (" .. listed .. ") grounded in a real lesson." }
    end
    return { level = 3, note = "Names strategies (" .. listed .. ")." }
end

local PEOPLE = {
    "parent", "carer", "mum", "dad", "family", "families", "colleague", "teaching assistant", "ta ", "senco",
    "head of year", "head of department", "mentor", "pupil", "student", "child", "form tutor", "tutor",
    "department", "team", "guardian", "grandparent",
}
local ENGAGED = {
    "listen", "called", "rang", "phoned", "phone call", "met ", "meeting", "asked", "agreed", "follow",
    "explained", "shared", "invited", "reassur", "acknowledg", "apologis", "apologiz", "thanked", "spoke",
    "talked", "emailed", "worked with", "checked in", "sat down", "co plan", "planned together", "visited",
}
local EMPATHY = {
    "understand", "understood", "worried", "anxious", "upset", "felt", "feel", "perspective", "frustrat",
    "trust", "relationship", "point of view", "concern", "respect", "embarrass", "scared", "nervous",
}
local FOLLOWED_UP = {
    "follow", "checked in", "a week later", "weeks later", "since then", "kept in touch", "every week",
    "weekly", "every friday", "regular", "from then on", "each week", "fortnight",
}
-- Blaming pupils, parents or colleagues is level 1 (the descriptor says "or blamed") whatever else is said.
local BLAME = { "their fault", "his fault", "her fault", "lazy", "not my job", "not my problem", "naughty" }

local function interpersonal_level(answer)
    local flat = flatten(answer.text)
    if any_stem(flat, BLAME) then
        return { level = 1, note = "Blames the other person; show their side of it instead." }
    end
    if not any_stem(flat, PEOPLE) then
        return { level = 1, note = "No pupil, parent or colleague appears in the answer." }
    end
    local engaged = #found_stems(flat, ENGAGED)
    if engaged < 2 then
        return { level = 2, note = "Others are mentioned, but not how you worked with them." }
    end
    if not any_stem(flat, EMPATHY) then
        return { level = 2, note = "Says what you did, but not what the other person felt or needed." }
    end
    if any_stem(flat, FOLLOWED_UP) and concrete_example(flat) then
        return { level = 4, note = "Listens, acts with the other person and follows up, in a real example." }
    end
    return { level = 3, note = "Listens and shows the other person's view; show the follow-up for the top level." }
end

local NOTICED = {
    "realis", "realiz", "learned", "learnt", "reflect", "looking back", "hindsight", "i noticed", "mistake",
    "went wrong", "didn t work", "did not work", "wasn t working", "i misjudged", "i underestimated",
    "i assumed", "should have",
}
local CHANGED = {
    "changed", "i change", "now i", "next time", "since then", "i started", "i stopped", "adapted", "i adapt",
    "redesign", "rewrote", "replann", "retaught", "re taught", "reteach", "re teach", "from then on",
    "these days", "i now",
}
local CHECKED = {
    "next lesson", "results", "scores", "improved", "exit ticket", "data", "checked", "by the end", "went up",
    "rose", "the following", "compared", "re test", "retest",
}

-- Blaming the class for a lesson that failed is the opposite of reflection.
local BLAMES_CLASS = { "they just wouldn t", "they just would not", "the class was just", "bad class", "lazy" }

local function reflective_level(answer)
    local flat = flatten(answer.text)
    local noticed = any_stem(flat, NOTICED)
    local changed = any_stem(flat, CHANGED)
    if any_stem(flat, BLAMES_CLASS) then
        local level = (noticed or changed) and 2 or 1
        return { level = level, note = "Puts the problem on the pupils rather than the teaching." }
    end
    if not noticed and not changed then
        return { level = 1, note = "Tells what happened without examining it." }
    end
    if not changed then
        return { level = 2, note = "Says what went wrong, not what you changed." }
    end
    local checked = any_stem(flat, CHECKED) or any_pattern(flat, OUTCOME_PATTERNS)
    if noticed and checked then
        return { level = 4, note = "Noticed the problem, changed the practice and checked the effect." }
    end
    return { level = 3, note = "Says what changed; add how you knew it worked." }
end

------------------------------------------------------------------------------------------------------------
-- Follow-up: when an answer has no concrete example, ask for one. The follow-up is scored on one criterion,
-- the one the original question most needed evidence for, so a candidate who can produce the example on
-- the second try earns that credit back. Skipping it gives level 1 on that criterion.
------------------------------------------------------------------------------------------------------------

local function ask_for_example(focus, level_of)
    return function(answer)
        if concrete_example(flatten(answer.text)) then return nil end
        return {
            id = answer.id .. "-example",
            prompt = "Can you give us a specific example: which class, what you did, and what happened for the "
                .. "pupils?",
            think = "15s",
            limit = "2m",
            criteria = { focus },
            score = function(example_answer)
                return { [focus] = level_of(example_answer) }
            end,
        }
    end
end

-- The knowledge level function with the general pedagogy list, for follow-ups.
local function pedagogy_level(answer)
    return knowledge_level(answer, PEDAGOGY)
end

------------------------------------------------------------------------------------------------------------
-- Questions
------------------------------------------------------------------------------------------------------------

-- The opener is about fit: a clear answer that could be given to any school stays at level 2. Naming one of
-- Riverside's values or something particular to it reaches 3; two values plus something the candidate
-- actually did reaches 4.
local function score_motivation(answer)
    local flat = flatten(answer.text)
    local named = values_named(flat)
    local scored = { strengths = {}, improvements = {} }
    if #named > 0 then
        scored.strengths[1] = "Connected your motivation to our values: " .. table.concat(named, ", ") .. "."
    else
        scored.improvements[1] = "Connect your motivation to Riverside's values: inclusion, curiosity, collaboration."
    end
    local problem = delivery_problem(answer)
    if problem then
        scored[communication] = problem
    elseif #named >= 2 and own_actions(flat) >= 1 then
        scored[communication] = { level = 4, note = "Tailored to Riverside and backed by your own experience." }
    elseif #named >= 1 or knows_school(flat) then
        scored[communication] = { level = 3, note = "Tailored to Riverside; add what you have done that shows it." }
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
-- panel's patience for one story), the criteria it is about, and a follow-up asking for an example.

local function score_failed_lesson(answer)
    return {
        [communication] = communication_level(answer),
        [reflective] = reflective_level(answer),
        [knowledge] = pedagogy_level(answer),
    }
end

question {
    id = "failed-lesson",
    prompt = "Tell us about a lesson you taught that did not go well. What happened, and what did you do next?",
    think = "30s",
    limit = "3m",
    tags = { "core", "reflection" },
    criteria = { communication, reflective, knowledge },
    score = score_failed_lesson,
    follow_up = ask_for_example(reflective, reflective_level),
}

-- Differentiation: naming strategies is not enough; the answer has to say *who* the adaptation was for.
local LEARNER_GROUPS = {
    "special educational", "send ", "sen ", "ehcp", "eal ", "english as an additional", "new to english",
    "dyslexi", "autis", "adhd", "higher attain", "lower attain", "high attain", "low attain", "most able",
    "stretch", "extension", "struggl", "less confident", "reading age", "gifted", "pupil premium",
}

local function score_differentiation(answer)
    local level = pedagogy_level(answer)
    if level.level > 2 and not any_stem(flatten(answer.text), LEARNER_GROUPS) then
        level = { level = 2, note = level.note .. " But who was it for? Name the learners you adapted for." }
    end
    return { [knowledge] = level, [communication] = communication_level(answer) }
end

question {
    id = "differentiation",
    prompt = "How do you make sure every pupil in a mixed-attainment class makes progress? Give us an example.",
    think = "30s",
    limit = "3m",
    tags = { "core", "pedagogy" },
    criteria = { knowledge, communication },
    score = score_differentiation,
    follow_up = ask_for_example(knowledge, pedagogy_level),
}

local function score_parent(answer)
    return { [interpersonal] = interpersonal_level(answer), [communication] = communication_level(answer) }
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

-- Behaviour: knowledge here means behaviour-management practice, so it uses its own list of terms.
local function behaviour_level(answer)
    return knowledge_level(answer, BEHAVIOUR)
end

local function score_behaviour(answer)
    return { [interpersonal] = interpersonal_level(answer), [knowledge] = behaviour_level(answer) }
end

question {
    id = "behaviour",
    prompt = "A pupil keeps disrupting your lessons. Walk us through how you would handle it; an example helps.",
    think = "30s",
    limit = "3m",
    tags = { "core", "behaviour" },
    criteria = { interpersonal, knowledge },
    score = score_behaviour,
    follow_up = ask_for_example(knowledge, behaviour_level),
}

-- Assessment: knowing *that* pupils learned, and doing something with what you found.
local function score_assessment(answer)
    return { [knowledge] = pedagogy_level(answer), [reflective] = reflective_level(answer) }
end

question {
    id = "assessment",
    prompt = "How do you know whether your pupils have learned what you taught them?",
    think = "30s",
    limit = "3m",
    tags = { "core", "pedagogy" },
    criteria = { knowledge, reflective },
    score = score_assessment,
    follow_up = ask_for_example(knowledge, pedagogy_level),
}

local function score_colleague(answer)
    return { [interpersonal] = interpersonal_level(answer), [communication] = communication_level(answer) }
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

local function curiosity_level(answer)
    return knowledge_level(answer, CURIOSITY_TERMS)
end

-- Curiosity is one of the school's values, so naming it (or showing it) earns an answer-level strength.
local function score_curiosity(answer)
    local scored = { [knowledge] = curiosity_level(answer), [communication] = communication_level(answer) }
    if #values_named(flatten(answer.text)) > 0 then
        scored.strengths = { "Linked your teaching to the school's values." }
    end
    return scored
end

question {
    id = "curiosity",
    prompt = "Pick a topic pupils often find dull. How would you make them curious about it?",
    think = "30s",
    limit = "3m",
    tags = { "core", "pedagogy" },
    criteria = { knowledge, communication },
    score = score_curiosity,
    follow_up = ask_for_example(knowledge, curiosity_level),
}

-- The closing question looks forward, so there is no past-tense requirement for level 3: a concrete offer
-- that involves other people is enough. Level 4 adds evidence from the past and names a school value.
local OFFERS = {
    "run ", "lead", "start", "set up", "coach", "share", "help", "organis", "organiz", "volunteer", "mentor",
    "support", "club", "trip",
}
local COMMUNITY = {
    "colleague", "department", "families", "parent", "community", "club", "team", "staff", "pupils",
    "students", "local", "trip",
}

local function score_contribution(answer)
    local flat = flatten(answer.text)
    local named = values_named(flat)
    local level
    if not any_stem(flat, COMMUNITY) then
        level = { level = 1, note = "Nothing beyond your own classroom." }
    elseif not any_stem(flat, OFFERS) then
        level = { level = 2, note = "Mentions the wider school, but no concrete offer." }
    elseif own_actions(flat) >= 1 and #named >= 1 then
        level = { level = 4, note = "A concrete offer, backed by what you have done, in the school's terms." }
    else
        level = { level = 3, note = "A concrete offer that involves others." }
    end
    local scored = { [interpersonal] = level, [communication] = communication_level(answer) }
    if #named > 0 then scored.strengths = { "Spoke to our values: " .. table.concat(named, ", ") .. "." } end
    return scored
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

flow(function(session)
    session:ask("motivation")
    -- Three of the seven core questions, chosen by the session's seed. In a replay, the three the
    -- recording answered.
    for _, id in ipairs(session:pick { tag = "core", count = 3 }) do
        session:ask(id)
    end
    session:ask("contribution")
end)

-- The reference (docs/scenario-api.md) names a debrief answer's question id `question`; the engine this was
-- written against hands over the answer object, whose id is `id`. Reading both keeps the debrief working.
local function question_id(answer)
    return answer.question or answer.id
end

debrief(function(result)
    local follow_ups, values_mentioned = 0, false
    for _, answer in ipairs(result.answers) do
        if question_id(answer):find("%-example$") then follow_ups = follow_ups + 1 end
        if not answer.skipped and #values_named(flatten(answer.text)) > 0 then values_mentioned = true end
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
-- exactly three and those three are asked (in file order); answer more and the seed chooses.
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
        asked = { "motivation", "differentiation", "parent-conflict", "failed-lesson", "contribution" },
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
