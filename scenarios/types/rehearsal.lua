---@meta rehearsal
-- Editor annotations for Rehearsal scenario files (Lua Language Server). This file is never run: it only
-- tells the editor what the scenario globals and objects are, so it can complete and check the DSL.
-- The reference is docs/scenario-api.md. To use it, add this folder to the language server's library,
-- e.g. in .luarc.json: { "runtime.version": "Lua 5.4", "workspace.library": ["scenarios/types"] }.
-- luacheck: globals scenario criterion question flow debrief example analysis quote
-- luacheck: no unused

------------------------------------------------------------------------------------------------------------
-- Small types
------------------------------------------------------------------------------------------------------------

---A duration: a number of seconds (`90`, `7.5`), or a string: seconds (`"90"`) or numbers with the units h, m
---and s, in that order, each at most once (`"45s"`, `"2m"`, `"1m30s"`, `"1.5m"`, `"1h"`); spaces are ignored.
---@alias Duration number|string

---What happens when an answer runs over its question's `limit`.
---`"warn"`: marked overtime only. `"stop"`: live, the answer ends at the limit (a replay keeps it whole and
---marks it). `"penalize"`: every level of the answer is lowered by 1, not below 1.
---@alias OvertimePolicy "warn"|"stop"|"penalize"

---Live sessions: show feedback after each answer (`"each"`) or after the last one (`"end"`).
---@alias FeedbackTiming "end"|"each"

---How a session gets its answers.
---@alias SessionMode "live"|"replay"|"example"

------------------------------------------------------------------------------------------------------------
-- Declarations
------------------------------------------------------------------------------------------------------------

---The school or company interviewing.
---@class InstitutionSpec
---@field name string The institution's name (required).
---@field values? string[] Its values; `answer.values` is their coverage in an answer. Default `{}`.

---The fields of `scenario { ... }`.
---@class ScenarioSpec
---@field id string Matches `[a-z0-9][a-z0-9-]*`; identifies the scenario in results and the store.
---@field title string Shown to the candidate and in reports.
---@field role? string The role interviewed for.
---@field description? string What the interview is about; shown before a live session starts.
---@field version? string|number Your version of the scenario, recorded (as text) in every result.
---@field institution? InstitutionSpec The school or company interviewing.
---@field feedback? FeedbackTiming Live sessions: when feedback is shown. Default `"end"`.
---@field self_assessment? boolean Live sessions: the candidate rates themself on each criterion. Default `false`.
---@field time_limit? Duration The time planned for the whole session; read `session.remaining` in the flow.
---@field typing_allowance? number 1 or more: a typed answer's limit is `limit` times this. Default `3`.

---The fields of `criterion { ... }`.
---@class CriterionSpec
---@field id string Unique among the criteria; the key in score tables and results.
---@field title string Shown in feedback and reports.
---@field weight? number Greater than 0; how much the criterion counts in the overall score. Default `1`.
---@field levels string[] Two or more level descriptions, lowest first; levels are numbered 1..#levels.
---@field tips? string[] Advice shown when the criterion needs improvement. Default `{}`.
---@field resources? string[] Added to the plan when the criterion needs improvement. Default `{}`.

---The fields of `question { ... }`, and of an ad-hoc question (a table passed to `session:ask` or returned by a
---`follow_up`; its `id` must not be a declared question's id). `score` and `follow_up` are not called for a
---skipped answer; `follow_up` runs after `score`, and a question it returns is asked next.
---@class QuestionSpec
---@field id string Unique among the questions.
---@field prompt string What the interviewer asks.
---@field think? Duration Live sessions: time to think before answering. Default `"0s"` (no thinking phase).
---@field limit? Duration Time allowed for the answer. Default: no limit.
---@field typing_allowance? number 1 or more: a typed answer's limit is `limit` times this. Default: the scenario's.
---@field overtime? OvertimePolicy What happens when the answer runs over `limit`. Default `"warn"`.
---@field tags? string[] Labels for `session:pick`. Default `{}`.
---@field criteria? string[] Declared criterion ids; a skipped answer gets level 1 on each. Default `{}`.
---@field retakes? integer Live sessions: how many times the answer may be recorded again. Default `0`.
---@field keywords? string[] Terms a good answer covers; `answer.keywords` is their coverage. Default `{}`.
---@field score? fun(answer: Answer, session: Session): ScoreResult Scores the answer; not called when skipped.
---@field follow_up? fun(answer: Answer, session: Session): QuestionSpec|false|nil Returns a question to ask next.

---An example's answer to one question, when more than the text is given.
---@class ExampleAnswer
---@field text string The answer.
---@field seconds? number How long the answer took.
---@field think_seconds? number How long the candidate thought first.
---@field typed? boolean Typed at a terminal, as a live session's answers are: seconds is typing time, no pace.

---An inclusive range; either bound may be left out.
---@class LevelRange
---@field min? number
---@field max? number

---What an example expects. Besides `overall` and `asked`, each key is a question id mapping criterion ids to an
---exact level or a `{ min, max }` range, checked against the first answer to that question.
---@class ExampleExpectation
---@field overall? LevelRange The overall score (0 to 100) is within this range.
---@field asked? string[] The ids of every question asked, in order (follow-ups and skipped ones included).
---@field [string] table<string, integer|LevelRange>

---The fields of `example { ... }`.
---@class ExampleSpec
---@field name string Unique among the examples.
---@field answers table<string, string|ExampleAnswer> Question id (declared or ad-hoc) -> answer; others are skipped.
---@field seed? integer The session's seed (0 or more): decides picks among answered questions. Default `0`.
---@field expect? ExampleExpectation What must hold. Default `{}`.

------------------------------------------------------------------------------------------------------------
-- Session, answers and scores
------------------------------------------------------------------------------------------------------------

---The argument of `session:pick`.
---@class PickSpec
---@field tag? string Only questions with this tag.
---@field count integer How many to pick (0 or more); the list returned may be shorter.
---@field exclude? string[] Never pick these ids.

---One criterion's level in a score table, with a note explaining it: `{ level = 3, note = "why" }`
---(`{ 3, "why" }` is accepted too).
---@class ScoreLevel
---@field level integer 1..#levels of the criterion.
---@field note? string Why; shown with the level.

---What a score function returns: for each criterion it scores, `[criterion_id] = level` or
---`[criterion_id] = { level = n, note = "..." }`; optionally `strengths` and `improvements` (free text).
---@class ScoreResult
---@field strengths? string[] What went well in this answer.
---@field improvements? string[] What to improve in this answer.
---@field [string] integer|ScoreLevel|string[]

---An answer, as score functions, follow-ups and the flow see it. Read it; changing it changes nothing.
---@class Answer
---@field id string The question's id.
---@field prompt string The question's prompt.
---@field text string What the candidate said or wrote; `""` when skipped.
---@field words integer Whitespace-separated tokens holding at least one letter or digit.
---@field seconds? number How long the answer took; nil when unknown or skipped.
---@field think_seconds? number How long the candidate thought first; nil when unknown or skipped.
---@field limit? number The answer's limit in seconds: the question's, times its typing allowance when typed.
---@field overtime boolean The question has a limit and `seconds > limit` (false when seconds is unknown).
---@field skipped boolean The question got no answer.
---@field wpm? number Words per minute; nil when seconds is 0 or unknown, or the answer was typed.
---@field typed? boolean True when the answer was typed at a terminal: seconds is typing time, and it has no pace.
---@field scores table<string, integer> Once scored: the level per criterion id (after any overtime penalty).
---@field sentences integer The number of sentences (measured on first read, like every field below).
---@field average_sentence_length number Words per sentence.
---@field fillers TermCounts Fillers (um, uh, "you know", "like" as a filler, ...).
---@field hedges TermCounts Hedges ("I think", "maybe", "probably", ...).
---@field star Star Situation, task, action and result, each present or not, with evidence.
---@field numbers Numbers Numbers, percentages, money and durations mentioned.
---@field pronouns { i: integer, we: integer, i_share: number } I/me/my against we/us/our.
---@field top_words { word: string, count: integer }[] The most used content words.
---@field repeated_phrases { phrase: string, count: integer, evidence: Evidence[] }[] Phrases said more than once.
---@field pauses? Pauses Silences longer than the threshold, when the answer has timings (transcripts); else nil.
---@field keywords Coverage Coverage of the question's keywords.
---@field values Coverage Coverage of the scenario's institution values.
local Answer = {}

---Coverage of a list of terms or phrases (default: the question's keywords); stem-aware, case-insensitive.
---@param terms? string[]|string
---@return Coverage
function Answer:coverage(terms) end

---One `{ term, count, found, evidence }` per term, in the order given.
---@param terms string[]|string
---@return TermMatch[]
function Answer:mentions(terms) end

---Turns evidence into short quotes of the candidate. `quote(text, limit)` is `quote.text(text, limit)`.
---@class QuoteLibrary
---@overload fun(text: string, limit?: integer): string
quote = {}

---The text with whitespace squeezed and trailing punctuation dropped, cut at a word boundary (default 70 bytes).
---@param text string
---@param limit? integer
---@return string
function quote.text(text, limit) end

---The evidence with a few words either side (default 25 bytes), within its sentence.
---@param answer Answer
---@param evidence Evidence
---@param width? integer
---@return string
function quote.around(answer, evidence, width) end

---The words around the cue of a STAR evidence item, or the start of its sentence.
---@param answer Answer
---@param evidence Evidence
---@param width? integer
---@return string
function quote.cue(answer, evidence, width) end

---The terms a coverage or mention list found, as said, quoted and comma-separated (at most `most`, default 4).
---@param matches TermMatch[]
---@param most? integer
---@return string
function quote.found(matches, most) end

---Where a measurement found something: `answer.text:sub(e.first, e.last) == e.text`.
---@class Evidence
---@field text string
---@field first integer
---@field last integer
---@field offset integer Characters before the match (Unicode scalars, from 0).
---@field length integer
---@field term? string
---@field start_time? number
---@field end_time? number

---@class TermCounts
---@field total integer
---@field by_term table<string, integer>
---@field per_minute? number
---@field evidence Evidence[]

---@class StarPart
---@field present boolean
---@field evidence Evidence[]

---@class Star
---@field situation StarPart
---@field task StarPart
---@field action StarPart
---@field result StarPart
---@field count integer How many of the four parts are present.
---@field missing string[] The names of the absent parts.

---@class Numbers
---@field total integer
---@field number integer
---@field percentage integer
---@field money integer
---@field duration integer
---@field evidence Evidence[]

---@class Pause
---@field start number When the silence started, in seconds (the transcript's clock).
---@field end number When it ended.
---@field duration number How long it lasted, in seconds.

---@class Pauses
---@field count integer
---@field total number Seconds of pauses in all.
---@field longest number
---@field threshold number The shortest silence that counts (`analysis { pause_threshold = ... }`, default 2).
---@field items Pause[]

---@class TermMatch
---@field term string
---@field count integer
---@field found boolean
---@field evidence Evidence[]

---@class Coverage
---@field covered string[]
---@field missing string[]
---@field count integer
---@field fraction number
---@field matches TermMatch[]

---The session, passed to the flow, score functions and follow-ups. Read its fields; do not assign them.
---@class Session
---@field candidate? string The candidate's name, when known.
---@field elapsed number Seconds since the session started (a virtual clock in replays and examples).
---@field remaining? number With a `time_limit`: seconds left, never below 0; nil otherwise.
---@field answers Answer[] Every answer so far, in the order asked (follow-ups and skipped ones included).
local Session = {}

---Asks a question and returns its answer, once scored. The question's follow-up, if any, is asked before this
---returns. Only from the flow.
---@param question string|QuestionSpec A question's id, or an ad-hoc question (its `id` is required).
---@return Answer answer The answer to this question.
function Session:ask(question) end

---Picks question ids with the session's seeded random generator, without replacement, never one already asked
---or excluded. In a replay or an example, only among questions it answered. May return fewer than `count`.
---@param spec PickSpec
---@return string[] ids
function Session:pick(spec) end

---Adds a line to the result's notes.
---@param text string
function Session:note(text) end

------------------------------------------------------------------------------------------------------------
-- The debrief's result
------------------------------------------------------------------------------------------------------------

---A criterion's session result.
---@class CriterionResult
---@field title string
---@field level number The mean of the levels the criterion got (not rounded).
---@field max integer The criterion's number of levels.
---@field weight number
---@field descriptor string The level text at the mean rounded half up: `levels[floor(level + 0.5)]`.

---What the debrief function receives: the aggregated session, and methods that add feedback.
---@class DebriefResult
---@field criteria table<string, CriterionResult> The scored criteria.
---@field overall? number 0 to 100, one decimal; nil when nothing was scored.
---@field answers Answer[] The answers, in the order asked (as `session.answers` held them).
local DebriefResult = {}

---Adds a strength (with no criterion) to the feedback.
---@param text string
function DebriefResult:strength(text) end

---Adds an improvement for a declared criterion, with that criterion's tips.
---@param criterion_id string
---@param text string
function DebriefResult:improve(criterion_id, text) end

---Adds a line to the plan (unless it is there already).
---@param text string
function DebriefResult:plan(text) end

------------------------------------------------------------------------------------------------------------
-- The DSL
------------------------------------------------------------------------------------------------------------

---Declares the interview. Exactly once per file. Returns its id.
---@param spec ScenarioSpec
---@return string id
function scenario(spec) end

---Declares a criterion of the rubric (at least one). Returns its id.
---@param spec CriterionSpec
---@return string id
function criterion(spec) end

---Declares a question. Returns its id.
---@param spec QuestionSpec
---@return string id
function question(spec) end

---Sets the flow (at most once). Without it, every question is asked once, in file order.
---@param fn fun(session: Session)
function flow(fn) end

---Sets the debrief (at most once): runs after aggregation to add feedback.
---@param fn fun(result: DebriefResult)
function debrief(fn) end

---Declares an example that `rehearse test` runs and checks. Returns its name.
---@param spec ExampleSpec
---@return string name
function example(spec) end

---@class AnalysisSpec
---@field fillers? string[] Replaces the filler terms.
---@field extra_fillers? string[] Adds filler terms (e.g. `{ "basically", "right" }`).
---@field hedges? string[] Replaces the hedge terms.
---@field extra_hedges? string[] Adds hedge terms.
---@field pause_threshold? number Seconds, more than 0: the shortest silence that counts as a pause. Default `2`.
---@field top_words? integer 1 or more: how many words `answer.top_words` lists. Default `10`.

---Sets what the measurements count in this scenario (at most once, at the top level).
---@param spec AnalysisSpec
function analysis(spec) end
