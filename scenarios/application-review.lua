-- application-review.lua: a review of application materials, not a spoken interview. The two "answers" are
-- written: the summary from the top of the candidate's resume, and their cover letter. Both are judged
-- against what the employer says it values (`institution.values` below), and for evidence, clarity and
-- tailoring to the role.
--
-- There is no flow: the two questions are asked once each, in file order. The limits are generous,
-- because the candidate is pasting or writing a document, not speaking.
--
-- How the values are matched: each value has a list of word stems, and a stem matches any word that
-- starts with it, ignoring case ("collaborat" matches collaborate, collaborative, collaboration). A value
-- is *covered* when a stem appears anywhere, and *shown* when it appears in a sentence that also holds
-- evidence: something the candidate did ("I organised") or a number. Listing the values back to the
-- employer covers them; only evidence shows them. Values without a stem list get a stem made from the
-- value itself (see `stems_for`), so adding a value to the institution is enough to start scoring it.

local INSTITUTION = {
    name = "Lakeshore Community Health",
    values = { "compassion", "collaboration", "integrity", "curiosity", "equity" },
}
local ROLE = "Community programme coordinator"

scenario {
    id = "application-review",
    title = "Application review: resume summary and cover letter",
    role = ROLE,
    description = "Paste the summary from your resume and your cover letter for the " .. ROLE .. " role at "
        .. INSTITUTION.name .. ". They are reviewed against Lakeshore's values, for evidence, clarity and "
        .. "tailoring.",
    version = "1.0",
    institution = INSTITUTION,
    feedback = "end",
}

------------------------------------------------------------------------------------------------------------
-- The rubric. Alignment with the values weighs double: it is what this review is for. The other three
-- criteria are what any reader of an application looks for.
------------------------------------------------------------------------------------------------------------

local values_alignment = criterion {
    id = "values_alignment",
    title = "Alignment with our values",
    weight = 2,
    levels = {
        "None of our values comes through",
        "Values are named, but nothing shows them",
        "Some values are shown through what you have done",
        "Most of our values are shown through what you have done",
    },
    tips = {
        "For each value, write one sentence about something you did that shows it, with a number if you can.",
        "Naming a value is not showing it: 'I value equity' says less than 'I moved the clinic to evenings'.",
    },
    resources = {
        "Read Lakeshore's values page and, for each value, note one example from your own work.",
    },
}

local evidence = criterion {
    id = "evidence",
    title = "Evidence and specificity",
    levels = {
        "Claims only",
        "Some specifics, but nothing measured",
        "Specific experience with a result or two",
        "Quantified results, in your own actions, throughout",
    },
    tips = {
        "Turn each claim into an action and a number: 'ran 14 clinics for 600 residents'.",
        "Write 'I' for what you did yourself.",
    },
    resources = {
        "List your last three roles and find two numbers for each: people served, money, time, growth.",
    },
}

local clarity = criterion {
    id = "clarity",
    title = "Clarity and concision",
    levels = {
        "Too short to judge, or far too long",
        "Readable, but padded, clichéd or long-winded",
        "Clear and organised",
        "Clear and concise: every sentence earns its place",
    },
    tips = {
        "Resume summary: three to five sentences, 40 to 100 words. Cover letter: 250 to 450 words.",
        "Cut the clichés ('team player', 'passionate about') and let the evidence say it.",
        "Keep sentences under 25 words on average.",
    },
    resources = {
        "Read your cover letter aloud and cut every sentence that would not be missed.",
    },
}

local tailoring = criterion {
    id = "tailoring",
    title = "Tailoring to the role",
    levels = {
        "Generic: could be sent anywhere",
        "Names the employer or the role, little more",
        "Connects your experience to the role",
        "Connects your experience to the role and to Lakeshore's work",
    },
    tips = {
        "Name the role and Lakeshore, and say which part of their work your experience fits.",
        "Never open with 'To whom it may concern'.",
    },
    resources = {
        "Read the job description and mark its three main duties; make sure your letter speaks to each.",
    },
}

------------------------------------------------------------------------------------------------------------
-- Text helpers
------------------------------------------------------------------------------------------------------------

-- Lower-case, punctuation to single spaces, a space at each end: "Co-designed, with 40% more" reads
-- " co designed with 40% more ". "%" is kept, and thousands separators are dropped first ("1,400" reads
-- "1400", one number rather than two).
local function flatten(text)
    local joined = text:gsub("(%d),(%d%d%d)", "%1%2")
    local flat = joined:lower():gsub("[^%w%%]+", " ")
    return " " .. flat .. " "
end

-- True when a word of the flattened text starts with `stem`. A stem ending in a space matches a whole word
-- only ("fair " is not "fairly"). Phrases work: "to whom it may concern".
local function has_stem(flat, stem)
    return flat:find(" " .. stem, 1, true) ~= nil
end

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

-- The sentences of a text: runs of characters up to a ".", "!" or "?" (or the end).
local function sentences(text)
    local list = {}
    for sentence in text:gmatch("[^%.!?]+") do
        if sentence:find("%a") then list[#list + 1] = sentence end
    end
    return list
end

------------------------------------------------------------------------------------------------------------
-- Evidence detectors
------------------------------------------------------------------------------------------------------------

local IRREGULAR_PAST = {
    led = true, ran = true, built = true, wrote = true, made = true, set = true, took = true, gave = true,
    brought = true, won = true, taught = true, found = true, cut = true, grew = true, spent = true, met = true,
    kept = true, began = true, chose = true, held = true, said = true, told = true, saw = true, spoke = true,
    put = true, sent = true, drew = true, rewrote = true, oversaw = true, did = true, got = true, went = true,
}
local NOT_PAST = { need = true, proceed = true, exceed = true, succeed = true, feed = true }
-- Words allowed between "I" and the verb. "co" and "re" are there because flatten splits hyphenated verbs:
-- "I co-designed" reads "i co designed".
local ADVERBS = {
    also = true, ["then"] = true, personally = true, successfully = true, recently = true, jointly = true,
    later = true, first = true, have = true, co = true, re = true,
}

local function is_past_tense(word)
    if IRREGULAR_PAST[word] then return true end
    return #word > 3 and word:sub(-2) == "ed" and not NOT_PAST[word]
end

-- "I" followed by a past tense (or "I have" + participle, "I also led"): what the candidate did.
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

-- Measurements written in words count too: "halved missed appointments" is as measured as "cut by 50%".
local QUANTITY_WORDS = {
    "halved", "doubled", "tripled", "quadrupled", "a third", "a quarter", "a fifth", "three times", "ten times",
}

-- Numbers that measure something. A four-digit number from 1950 to 2039 is taken for a year ("since
-- 2019") and not counted.
local function quantities(flat)
    local count = #found_stems(flat, QUANTITY_WORDS)
    for digits in flat:gmatch("%d+") do
        local n = tonumber(digits)
        local is_year = #digits == 4 and n >= 1950 and n <= 2039
        if not is_year then count = count + 1 end
    end
    return count
end

------------------------------------------------------------------------------------------------------------
-- The values
------------------------------------------------------------------------------------------------------------

-- The stems that count as each value. Related words a reader would accept are included; broad words that
-- would match almost anything ("care", "improve") are left out on purpose.
local VALUE_STEMS = {
    compassion = { "compassion", "empath", "kindness", "dignity", "caring " },
    collaboration = { "collaborat", "partner", "teamwork", "co design", "co produc", "alongside" },
    integrity = { "integrity", "honest", "transparen", "accountab", "ethic", "confidential" },
    curiosity = { "curio", "inquisitiv", "asking why", "evaluat", "research" },
    equity = {
        "equit", "inequalit", "inclus", "accessib", "underserved", "marginalis", "marginaliz", "barrier", "fair ",
        "interpreter", "translat",
    },
}

-- A stem made from a value with no list above: drop one common ending, keeping at least five letters
-- ("innovation" -> "innov", "respect" stays "respect"). Crude, but better than nothing; add a list for any
-- value that matters.
local ENDINGS = { "ation", "ition", "ity", "ness", "ion", "ing", "ive", "ed", "e" }

local function stems_for(value)
    local key = value:lower()
    if VALUE_STEMS[key] then return VALUE_STEMS[key] end
    for _, ending in ipairs(ENDINGS) do
        local base = key:sub(1, #key - #ending)
        if key:sub(-#ending) == ending and #base >= 5 then return { base } end
    end
    return { key }
end

local function has_evidence(flat)
    return own_actions(flat) > 0 or quantities(flat) > 0
end

-- The values a piece of flattened text names, in the order of `INSTITUTION.values`.
local function values_named(flat)
    local named = {}
    for _, value in ipairs(INSTITUTION.values) do
        if any_stem(flat, stems_for(value)) then named[#named + 1] = value end
    end
    return named
end

-- Which values are covered (named anywhere), shown (backed by evidence) and missing. A value is shown
-- when a sentence names it and holds evidence (an own action or a number), or when a sentence names it
-- alone and the next sentence holds the evidence: the usual topic sentence and example. A sentence that
-- lists several values shows none of them through the next one: reciting the values is not evidence.
-- All three lists follow the order of `INSTITUTION.values`.
local function value_coverage(text)
    local flat_sentences = {}
    for i, sentence in ipairs(sentences(text)) do flat_sentences[i] = flatten(sentence) end
    local is_shown = {}
    for i, flat in ipairs(flat_sentences) do
        local named = values_named(flat)
        if has_evidence(flat) then
            for _, value in ipairs(named) do is_shown[value] = true end
        elseif #named == 1 and flat_sentences[i + 1] and has_evidence(flat_sentences[i + 1]) then
            is_shown[named[1]] = true
        end
    end
    local covered = values_named(flatten(text))
    local is_covered, shown, missing = {}, {}, {}
    for _, value in ipairs(covered) do is_covered[value] = true end
    for _, value in ipairs(INSTITUTION.values) do
        if is_shown[value] then shown[#shown + 1] = value end
        if not is_covered[value] then missing[#missing + 1] = value end
    end
    return covered, shown, missing
end

------------------------------------------------------------------------------------------------------------
-- Level functions. Each document has its own expectations, passed in as a table of numbers so the two
-- questions read side by side.
------------------------------------------------------------------------------------------------------------

-- `enough_shown`: how many values shown make level 4. A resume summary has room for two; a cover letter
-- should show most of them.
local function values_level(answer, enough_shown)
    local covered, shown, missing = value_coverage(answer.text)
    local note = ("Covered: %s. Shown with evidence: %s. Missing: %s."):format(
        #covered > 0 and table.concat(covered, ", ") or "none",
        #shown > 0 and table.concat(shown, ", ") or "none",
        #missing > 0 and table.concat(missing, ", ") or "none")
    local level
    if #covered == 0 then
        level = 1
    elseif #shown == 0 then
        level = 2
    elseif #shown >= enough_shown then
        level = 4
    else
        level = 3
    end
    return { level = level, note = note }
end

-- Evidence: numbers that measure something, and the candidate's own actions. `band` gives the numbers
-- needed: { measured = n for level 3, full = n for level 4, actions = own actions needed for level 4 }.
local function evidence_level(answer, band)
    local flat = flatten(answer.text)
    local measured, actions = quantities(flat), own_actions(flat)
    local counts = ("%d measured figures, %d things you say you did"):format(measured, actions)
    if measured == 0 and actions == 0 then
        return { level = 1, note = counts .. ": claims only." }
    elseif measured < band.measured then
        return { level = 2, note = counts .. ": add numbers." }
    elseif measured >= band.full and actions >= band.actions then
        return { level = 4, note = counts .. "." }
    end
    return { level = 3, note = counts .. ((actions < band.actions) and ": say what you did, in the first person."
        or ": more numbers would make it stronger.") }
end

local CLICHES = {
    "team player", "hard working", "hardworking", "go getter", "think outside the box", "passionate about",
    "detail oriented", "results driven", "results oriented", "self starter", "dynamic", "synergy",
    "proven track record", "wear many hats", "people person", "fast paced", "excellent communication",
    "go above and beyond", "go the extra mile", "passion for", "fast learner", "quick learner",
    "strong communicator",
}

-- Clarity: the length band of the document, clichés, and sentence length. `band` gives the ideal length
-- ({ ideal_min, ideal_max }) and the limits outside which the document is too short or too long
-- ({ too_short, too_long }).
local function clarity_level(answer, band)
    local flat = flatten(answer.text)
    local words = answer.words
    local cliches = found_stems(flat, CLICHES)
    local average = words / math.max(1, #sentences(answer.text))
    local shape = ("%d words, %.0f words a sentence"):format(words, average)
    if #cliches > 0 then shape = shape .. ", clichés: " .. table.concat(cliches, ", ") end
    if words < band.too_short then
        return { level = 1, note = shape .. ": too short to judge." }
    elseif words > band.too_long then
        return { level = 1, note = shape .. ": far too long; a reader will skim it." }
    elseif #cliches >= 3 or average > 30 then
        return { level = 2, note = shape .. ": padded or long-winded." }
    end
    -- Clear enough for 3; level 4 when nothing stands between it and concise.
    local to_fix = {}
    if words < band.ideal_min or words > band.ideal_max then
        to_fix[#to_fix + 1] = ("aim for %d to %d words"):format(band.ideal_min, band.ideal_max)
    end
    if #cliches > 1 then to_fix[#to_fix + 1] = "cut the clichés" end
    if average > 25 then to_fix[#to_fix + 1] = "shorten the sentences" end
    if #to_fix == 0 then
        return { level = 4, note = shape .. "." }
    end
    return { level = 3, note = shape .. "; " .. table.concat(to_fix, "; ") .. "." }
end

-- Tailoring has three layers: naming Lakeshore or the role; speaking to the role's duties (words from the
-- job description); and speaking to Lakeshore's own work (what its advert and website say it does). A
-- sector word like "patient" fits any health employer; "neighbourhood clinics" fits Lakeshore.
local ROLE_STEMS = { "lakeshore", "programme coordinator", "program coordinator", "coordinator" }
local ROLE_DUTIES = {
    "outreach", "clinic", "patient", "screening", "vaccination", "residents", "health worker", "public health",
    "caseload", "referral", "health education", "peer support", "volunteer",
}
local LAKESHORE_WORK = {
    "neighbourhood", "neighborhood", "primary care", "mobile", "community centre", "community center",
    "east side", "health equity fund",
}
local GENERIC = { "to whom it may concern", "dear sir or madam", "your company", "the company" }

local function tailoring_level(answer)
    local flat = flatten(answer.text)
    local named = any_stem(flat, ROLE_STEMS)
    local duties, own_work = found_stems(flat, ROLE_DUTIES), found_stems(flat, LAKESHORE_WORK)
    local note = ("Names Lakeshore or the role: %s; the role's duties: %s; Lakeshore's own work: %s."):format(
        named and "yes" or "no",
        #duties > 0 and table.concat(duties, ", ") or "none",
        #own_work > 0 and table.concat(own_work, ", ") or "none")
    local level
    if not named and #duties == 0 then
        level = 1
    elseif not named or #duties == 0 then
        level = 2
    elseif #own_work == 0 then
        level = 3
    else
        level = 4
    end
    if any_stem(flat, GENERIC) and level > 2 then
        -- A template phrase caps tailoring at 2, whatever else is named.
        return { level = 2, note = note .. " Reads like a template." }
    end
    return { level = level, note = note }
end

------------------------------------------------------------------------------------------------------------
-- Questions
------------------------------------------------------------------------------------------------------------

local SUMMARY = {
    values = 2,                                                 -- values shown for level 4
    evidence = { measured = 1, full = 2, actions = 0 },         -- a summary is often written without "I"
    clarity = { too_short = 20, too_long = 200, ideal_min = 40, ideal_max = 100 },
}

local function score_summary(answer)
    return {
        [values_alignment] = values_level(answer, SUMMARY.values),
        [evidence] = evidence_level(answer, SUMMARY.evidence),
        [clarity] = clarity_level(answer, SUMMARY.clarity),
        [tailoring] = tailoring_level(answer),
    }
end

question {
    id = "summary",
    prompt = "Paste the summary from the top of your resume: three to five sentences about who you are "
        .. "professionally.",
    limit = "20m",
    tags = { "document" },
    criteria = { values_alignment, evidence, clarity, tailoring },
    score = score_summary,
}

local COVER_LETTER = {
    values = math.ceil(#INSTITUTION.values / 2),                -- "most": 3 of 5
    evidence = { measured = 1, full = 3, actions = 3 },
    clarity = { too_short = 120, too_long = 700, ideal_min = 250, ideal_max = 450 },
}

local function score_cover_letter(answer)
    local scored = {
        [values_alignment] = values_level(answer, COVER_LETTER.values),
        [evidence] = evidence_level(answer, COVER_LETTER.evidence),
        [clarity] = clarity_level(answer, COVER_LETTER.clarity),
        [tailoring] = tailoring_level(answer),
    }
    -- A letter that recites the values without evidence gets a pointed remark of its own.
    local covered, shown = value_coverage(answer.text)
    if #covered >= 3 and #shown == 0 then
        scored.improvements = { "You list our values but show none of them: replace the list with examples." }
    end
    return scored
end

question {
    id = "cover-letter",
    prompt = "Paste your cover letter for the " .. ROLE .. " role.",
    limit = "1h",
    tags = { "document" },
    criteria = { values_alignment, evidence, clarity, tailoring },
    score = score_cover_letter,
}

------------------------------------------------------------------------------------------------------------
-- Debrief: which values neither document mentions. That is the most useful single edit.
------------------------------------------------------------------------------------------------------------

debrief(function(result)
    local all_text = {}
    for _, answer in ipairs(result.answers) do
        if not answer.skipped then all_text[#all_text + 1] = answer.text end
    end
    if #all_text == 0 then return end
    local _, _, missing = value_coverage(table.concat(all_text, "\n"))
    if #missing == 0 then
        result:strength("Together, your documents touch every one of Lakeshore's values.")
    else
        result:plan("Add a sentence of evidence for each value not yet mentioned: " .. table.concat(missing, ", ")
            .. ".")
    end
end)

------------------------------------------------------------------------------------------------------------
-- Examples. The expected levels were set by reading each document against the level descriptors, as a
-- hiring manager at Lakeshore would, before running them. The seconds are the time spent writing.
------------------------------------------------------------------------------------------------------------

-- A strong applicant: every claim is an action with a number, and four of the five values are shown
-- through something she did. Compassion is never named, so the debrief's plan points at it.
example {
    name = "strong: values shown, measured, tailored",
    answers = {
        summary = {
            text = [[Community health worker with six years of outreach experience in underserved neighbourhoods,
                applying for the programme coordinator role at Lakeshore. I ran a mobile screening clinic that
                reached 1,400 residents in its first year, and I co-designed a diabetes peer-support group with
                patients that halved missed appointments. Fluent in Spanish and English.]],
            seconds = 540,
        },
        ["cover-letter"] = {
            text = [[Dear Ms Okafor,

                I am applying for the Community Programme Coordinator role at Lakeshore Community Health. For six
                years I have worked in outreach on the east side of the city, and your plan to take primary care
                into neighbourhoods rather than waiting for patients to come to the clinic is the work I want to
                do next.

                At Eastgate Health Centre I set up a mobile screening clinic after I noticed that most of our
                no-shows came from two estates with no direct bus route. That was an equity problem, not a
                motivation problem. I moved screenings to the estates' community centres on Saturdays, and in the
                first year we screened 1,400 residents, 60% of whom had not seen a GP in over two years.

                I work best alongside the people a programme is for. When our diabetes clinic was losing patients
                after diagnosis, I co-designed a peer-support group with six patients who had stayed. They chose
                the format and the meeting times, and missed follow-up appointments fell from 38% to 17% within
                nine months.

                I take integrity seriously in small things as well as big ones. When I found that our outreach
                figures had been counting repeat visits as new contacts, I reported it to my manager and rebuilt
                the spreadsheet, even though our numbers dropped by a fifth in the quarterly report.

                I am also curious by habit: every programme I have run has had an evaluation built in from the
                start, and I have presented our findings twice at the regional public health network.

                I would welcome the chance to bring this experience to Lakeshore's outreach programme and to learn
                from your team.

                Yours sincerely,
                Tomás Herrera]],
            seconds = 2700,
        },
    },
    expect = {
        summary = { [values_alignment] = 4, [evidence] = 4, [clarity] = 4, [tailoring] = 4 },
        ["cover-letter"] = { [values_alignment] = 4, [evidence] = 4, [clarity] = 4, [tailoring] = 4 },
        overall = { min = 90 },
        asked = { "summary", "cover-letter" },
    },
}

-- A middling applicant: relevant experience, but the values are recited rather than shown (only
-- collaboration gets support: the named partners, then the events she organised), the summary is a string
-- of clichés, and the letter could go to any health employer once the name is changed.
example {
    name = "middling: values recited, not shown",
    answers = {
        summary = {
            text = [[Dedicated and compassionate health professional with a strong commitment to equity, integrity
                and collaboration. Experienced in community outreach and patient support, with excellent
                communication skills and a proven track record of delivering results in fast-paced
                environments.]],
            seconds = 300,
        },
        ["cover-letter"] = {
            text = [[Dear Hiring Manager,

                I am writing to apply for the Community Programme Coordinator position at Lakeshore Community
                Health. I was excited to see this opportunity because Lakeshore's values of compassion,
                collaboration, integrity, curiosity and equity are values I share deeply.

                I have worked for four years as a health care assistant and then as an outreach worker for a
                local charity. In my current role I support patients to access services and I work closely with a
                range of partners, including GPs, social workers and housing officers. I organised a series of
                health information events last year which were attended by over 200 people. I am passionate about
                reducing health inequalities and I believe everyone deserves access to good care.

                I am a hard-working team player with excellent communication skills, and I am confident that I
                would be a valuable addition to your organisation. I am organised, reliable and able to manage
                competing priorities. I am also keen to keep learning and developing my skills.

                Thank you for considering my application. I look forward to hearing from you.

                Yours faithfully,
                Jordan Blake]],
            seconds = 1800,
        },
    },
    expect = {
        summary = { [values_alignment] = 2, [evidence] = 1, [clarity] = 2, [tailoring] = 2 },
        -- values_alignment: a first reading said 2 (the values are recited). The rubric gives 3 because the
        -- sentence naming her partners is followed by the events she organised: a topic sentence and its
        -- example. That is a fair reading of "some values shown", so the expectation is 3.
        ["cover-letter"] = { [values_alignment] = 3, [evidence] = 3, [clarity] = 2, [tailoring] = 3 },
        overall = { min = 25, max = 55 },
    },
}

-- A weak applicant: a one-line summary of clichés and a template letter with nothing measured.
example {
    name = "weak: generic template",
    answers = {
        summary = { text = "Hard-working and passionate team player looking for a new challenge where I can use my "
            .. "skills and grow.", seconds = 60 },
        ["cover-letter"] = {
            text = [[To whom it may concern, I would like to apply for the job advertised on your website. I have
                always wanted to work in healthcare because I like helping people and I think I would be good at
                it. In my last job I worked in a call centre where I dealt with customers every day and I was
                often praised for my patience. I am a quick learner, reliable and a team player. I believe I have
                the skills needed for this role and I would bring a lot of enthusiasm to your company. Please find
                my CV attached. I hope to hear from you soon.]],
            seconds = 600,
        },
    },
    expect = {
        summary = { [values_alignment] = 1, [evidence] = 1, [clarity] = 1, [tailoring] = 1 },
        ["cover-letter"] = { [values_alignment] = 1, [evidence] = 2, [clarity] = 1, [tailoring] = 1 },
        overall = { max = 15 },
    },
}
