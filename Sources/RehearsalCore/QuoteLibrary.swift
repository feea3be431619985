/// The `quote` library every scenario gets: helpers that turn a measurement's evidence into short quotes
/// of the candidate, for notes and remarks. Plain Lua, run in the scenario's own environment.
enum QuoteLibrary {
    static let chunkName = "(rehearsal quote library)"

    static let source = #"""
        local quote = {}

        -- Squeeze whitespace, drop trailing punctuation, and cut a long text at a word boundary.
        function quote.text(text, limit)
            limit = limit or 70
            local squeezed = text:gsub("%s+", " "):match("^ ?(.-)[ ,;:.]*$")
            if #squeezed <= limit then return squeezed end
            local cut = squeezed:sub(1, limit):match("^(.+) ")
            return cut and (cut .. "...") or squeezed
        end

        -- A few words either side of a short match, within its sentence.
        function quote.around(answer, evidence, width)
            width = width or 25
            local text = answer.text
            local from, to = math.max(1, evidence.first - width), math.min(#text, evidence.last + width)
            local before, after = text:sub(from, evidence.first - 1), text:sub(evidence.last + 1, to)
            if from > 1 then before = before:match("^%S*%s+(.*)$") or "" end
            if to < #text then after = after:match("^(.*)%s+%S*$") or "" end
            before = before:match(".*[.!?]%s+(.*)$") or before
            after = after:match("^(.-[.!?])%s") or after
            return quote.text(before .. evidence.text .. after, 2 * width + #evidence.text)
        end

        -- The words around the cue of a STAR evidence item (a whole sentence whose `term` is the cue), or
        -- the start of the sentence when the cue cannot be found in it.
        function quote.cue(answer, evidence, width)
            local pattern = evidence.term and evidence.term:gsub("%p", "%%%0"):gsub(" ", "%%s+")
            local at, stop = evidence.text:lower():find(pattern or "^$")
            if not at or stop < at then return quote.text(evidence.text, 60) end
            local first, last = evidence.first + at - 1, evidence.first + stop - 1
            return quote.around(answer, { first = first, last = last, text = answer.text:sub(first, last) }, width or 30)
        end

        -- The terms a coverage or mention list found, as the candidate said them: "paired", "postmortem".
        function quote.found(matches, most)
            local quoted = {}
            for _, match in ipairs(matches) do
                if match.found and #quoted < (most or 4) then
                    quoted[#quoted + 1] = ('"%s"'):format(quote.text(match.evidence[1].text, 40))
                end
            end
            return table.concat(quoted, ", ")
        end

        return setmetatable(quote, { __call = function(_, text, limit) return quote.text(text, limit) end })
        """#
}
