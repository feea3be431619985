-- Differential test of string.find, string.match, string.gmatch and string.gsub.
--
-- Prints one canonical line per case. Run it with stock lua5.4 and in a state whose four pattern functions
-- are replaced (Rehearsal's bounded patterns): the outputs must be identical, byte for byte.
--
-- Rules: plain Lua 5.4; no os, io, require, load, string.dump or debug (it runs in the sandbox); the
-- functions under test are looked up in the global `string` table at each call and called through pcall;
-- the printing code itself never uses find/match/gmatch/gsub, so a broken matcher cannot hide its own
-- mistakes; random cases come from an LCG written here (math.random's seeding differs between builds).

local string_byte, string_char, string_sub, string_format, string_rep =
    string.byte, string.char, string.sub, string.format, string.rep
local concat, pack, unpack = table.concat, table.pack, table.unpack

-- ------------------------------------------------------------ canonical text

-- A string as a one-line literal: printable ASCII as is, everything else as \ddd.
local function esc(s)
    local out = {}
    for i = 1, #s do
        local b = string_byte(s, i)
        if b == 34 then
            out[i] = '\\"'
        elseif b == 92 then
            out[i] = "\\\\"
        elseif b >= 32 and b < 127 then
            out[i] = string_char(b)
        else
            out[i] = string_format("\\%03d", b)
        end
    end
    return '"' .. concat(out) .. '"'
end

local function value(v)
    local t = type(v)
    if t == "string" then
        return esc(v)
    elseif t == "number" then
        if math.type(v) == "integer" then return string_format("%d", v) end
        return string_format("%.17g", v) .. "f"
    elseif t == "nil" or t == "boolean" then
        return tostring(v)
    else
        return "<" .. t .. ">" -- never an address
    end
end

local function values(r, first, last)
    local out = {}
    for i = first, last do out[#out + 1] = value(r[i]) end
    return concat(out, ", ")
end

-- Plain substring search that does not use string.find.
local function index_of(s, needle, from)
    local n = #needle
    for i = from or 1, #s - n + 1 do
        if string_sub(s, i, i + n - 1) == needle then return i end
    end
    return nil
end

-- "bad argument #2 to 'string.find' (...)": the function's name depends on how the function was reached
-- (stock finds it through package.loaded, which a sandbox may not have), so it becomes '?'.
local function normalise_error(e)
    if type(e) ~= "string" then return "<" .. type(e) .. " error>" end
    local at = index_of(e, "bad argument #")
    if at then
        local q1 = index_of(e, " to '", at)
        local q2 = q1 and index_of(e, "'", q1 + 5)
        if q2 then e = string_sub(e, 1, q1 + 4) .. "?" .. string_sub(e, q2) end
    end
    return e
end

-- ------------------------------------------------------------ running cases

local count = 0

local function emit(label, text)
    count = count + 1
    print(string_format("%04d %s -> %s", count, label, text))
end

local function describe_args(args)
    local out = {}
    for i = 1, args.n do out[i] = value(args[i]) end
    return concat(out, ", ")
end

-- find, match, gsub: one call.
local function call(name, ...)
    local args = pack(...)
    local r = pack(pcall(string[name], ...))
    local text
    if r[1] then
        text = values(r, 2, r.n)
        if r.n == 1 then text = "(no values)" end
    else
        text = "error: " .. normalise_error(r[2])
    end
    emit(name .. "(" .. describe_args(args) .. ")", text)
end

-- A replacement given as a label plus the real value (functions and tables print as their label).
local function callr(name, s, p, label, repl, ...)
    local extra = pack(...)
    local r = pack(pcall(string[name], s, p, repl, ...))
    local text
    if r[1] then
        text = values(r, 2, r.n)
    else
        text = "error: " .. normalise_error(r[2])
    end
    local more = extra.n > 0 and (", " .. describe_args(extra)) or ""
    emit(name .. "(" .. value(s) .. ", " .. value(p) .. ", " .. label .. more .. ")", text)
end

-- gmatch: every iteration's captures, or the error (at creation or during iteration).
local function gm(...)
    local args = pack(...)
    local ok, iter = pcall(string.gmatch, ...)
    local text
    if not ok then
        text = "error: " .. normalise_error(iter)
    else
        local items = {}
        while true do
            local r = pack(pcall(iter))
            if not r[1] then
                items[#items + 1] = "error: " .. normalise_error(r[2])
                break
            end
            if r.n == 1 or r[2] == nil then break end
            items[#items + 1] = "{" .. values(r, 2, r.n) .. "}"
            if #items > 200 then
                items[#items + 1] = "..."
                break
            end
        end
        text = "[" .. concat(items, " ") .. "]"
    end
    emit("gmatch(" .. describe_args(args) .. ")", text)
end

-- ------------------------------------------------------------ hand-written cases

-- init handling
for _, init in ipairs({ 1, 2, 3, 4, 5, 6, 0, -1, -3, -4, -100, math.maxinteger, math.mininteger }) do
    call("find", "abc", "", init)
    call("find", "abc", "c", init)
    call("find", "abc", "c$", init)
    call("match", "abc", "()", init)
    call("match", "abc", "^(.)", init)
    gm("abc", ".?", init)
end
call("find", "", "")
call("find", "", "", 1)
call("find", "", "", 2)
call("find", "", ".?")
call("match", "", ".*")
call("find", "abc", "b", 2.0)
call("find", "abc", "b", 2.5)
call("find", "abc", "b", "2")
call("find", "abc", "b", "x")
call("find", "abc", "b", nil, true)
call("find", "abc", "b", {})
call("match", "abc", "b", "2")
gm("abc", ".", 2.5)
gm("abc", ".", "3")

-- argument errors and conversions
call("find", nil, "a")
call("find", "a", nil)
call("find", "a", {})
call("match", {}, "a")
call("find", 12345, 3)
call("find", 12345, 34.0)
call("match", 1.5, "%d")
call("gsub", 12345, 3, 9)
call("gsub", 12345, "x", "y")
call("gsub", "abc", "b")
call("gsub", "abc", "b", true)
call("gsub", "abc", "b", nil, "x")
call("gsub", "abc", "b", "x", "x")
call("gsub", "abc", "b", "x", 1.5)
call("gsub", "abc", "b", "x", "1")
call("gsub", "abc", "b", 7)
call("gsub", "abc", "b", 7.25)
call("gsub", nil, "b", "x")
call("gsub", "abc", nil, "x")
gm(nil, "a")
gm("a", nil)
gm("a", "a", {})

-- plain find and the no-specials shortcut
call("find", "a.b", ".", 1, true)
call("find", "a.b", ".", 1, false)
call("find", "a.b", ".", 1, 0) -- 0 is true
call("find", "a.b", ".", 1, nil)
call("find", "a+b", "+", 1, true)
call("find", "a(b", "(", 1, true)
call("find", "a(b", "(")
call("find", "a)b", ")")
call("match", "a)b", ")")
call("find", "a]b", "]")
call("find", "a[b", "[", 1, true)
call("find", "a%b", "%", 1, true)
call("find", "a%b", "%")
call("find", "abcabc", "ca")
call("find", "abcabc", "ca", 4)
call("find", "abcabc", "abcabcd")
call("find", "abcabc", "", 7)
call("find", "abcabc", "", 8)
call("find", "aaab", "aab")
call("find", "a\0b\0c", "\0c")
call("find", "a\0b\0c", "\0")
call("find", "a\0b\0c", "b\0", 1, true)
call("find", "a\0b.c", "\0b.")
call("find", "x^y", "^y")
call("find", "x^y", "^y", 1, true)
call("find", "x$y", "$y")
call("find", "x-y", "-")

-- anchors
call("find", "abc", "^")
call("find", "abc", "^", 2)
call("find", "abc", "$")
call("find", "abc", "^$")
call("find", "", "^$")
call("find", "abc", "^b")
call("find", "abc", "^b", 2)
call("find", "abc", "b$")
call("find", "abc", "c$")
call("find", "a$", "$$")
call("find", "a$b", "$b")
call("find", "a$b", "a$")
call("find", "a^b", "a^b")
call("find", "^^", "^^")
call("match", "^^", "^^")
call("match", "aaa", "^a-$")
call("match", "aaa", "^(a-)a$")
call("gsub", "abc", "^", "x")
call("gsub", "abc", "$", "x")
call("gsub", "abc", "^$", "x")
call("gsub", "", "^$", "x")
call("gsub", "aaa", "^a", "x")
call("gsub", "aaa", "^a*", "x")
call("gsub", "abc", "^b", "x")
gm("^a^a", "^a")
gm("aaa", "^a")
gm("abc", "$")
gm("abc", "c$")

-- classes: every class against all 256 bytes
do
    local all = {}
    for b = 0, 255 do all[#all + 1] = string_char(b) end
    all = concat(all)
    for _, c in ipairs({ "a", "c", "d", "g", "l", "p", "s", "u", "w", "x" }) do
        call("gsub", all, "%" .. c, "")
        call("gsub", all, "%" .. string.upper(c), "")
        call("gsub", all, "[%" .. c .. "_]", "")
        call("gsub", all, "[^%" .. c .. "]", "")
    end
    call("gsub", all, ".", "")
    call("gsub", all, "%z", "")
    call("gsub", all, "%Z", "")
    call("gsub", all, "%b", "")
    call("gsub", all, "[\0-\31]", "")
    call("gsub", all, "[\128-\255]+", "<>")
    call("gsub", all, "%f[%w]", "|")
    call("gsub", all, "%f[%W]", "|")
    call("find", all, "%z")
end
call("match", "x%y", "%%")
call("match", "x.y", "%.")
call("match", "x]y", "%]")
call("match", "a_b", "%_")
call("match", "a9b", "%9")
call("match", "q", "%q")
call("match", "Q", "%Q")
call("match", "hello world", "%a+")
call("match", "  \t\n x", "%s*()")
call("match", "0x1F", "0x(%x+)")
call("match", "ABCdef", "%u+")
call("match", "ABCdef", "%l+")
call("match", "a,b;c", "%p")
call("match", "a\1b", "%c")
call("match", "a b", "%g+")

-- sets
call("match", "abc]", "[]]")
call("match", "abc]", "[^]]+")
call("match", "a-z", "[a-]+")
call("match", "a-z", "[-a]+")
call("match", "a-z", "[a%-z]+")
call("match", "m", "[a-z]")
call("match", "M", "[a-z]")
call("match", "-", "[a-z]")
call("match", "%", "[%%]")
call("match", "x]", "[%]]")
call("match", "x]", "[x%]]+")
call("match", "b", "[%a-z]")
call("match", "-", "[%a-z]")
call("match", "5", "[a-%d]")
call("match", "b", "[a-%d]")
call("match", "^", "[%^]")
call("match", "^", "[a^]")
call("match", "a", "[^^]")
call("match", "^", "[^^]")
call("match", "\200", "[\128-\255]")
call("match", "z", "[z-a]")
call("match", "abc", "[]")
call("match", "abc", "[^]")
call("match", "abc", "[")
call("match", "abc", "[^")
call("match", "abc", "[a")
call("match", "abc", "[a%")
call("match", "abc", "[a%]")
call("match", "abc", "[%")
call("match", "abc", "[]a")
call("match", "a]", "[]a]+")
call("match", "abc", "[b-]")

-- quantifiers
call("match", "aaab", "a*")
call("match", "aaab", "a+")
call("match", "aaab", "a-")
call("match", "aaab", "a-b")
call("match", "aaab", "a?")
call("match", "aaab", "a?a?a?a?b")
call("match", "b", "a+")
call("match", "b", "a*b")
call("match", "b", "a-b")
call("match", "b", "a?b")
call("match", "<a><b>", "<.->")
call("match", "<a><b>", "<.*>")
call("match", "aaa", "a**")
call("match", "a*", "a**")
call("match", "a+", "a+%+")
call("match", "abc", "*")
call("match", "*abc", "*")
call("match", "abc", "+")
call("match", "abc", "?")
call("match", "abc", "-")
call("match", "-abc", "-")
call("match", "--x", "-+")
call("match", "key = value", "(%w+)%s*=%s*(%w+)")
call("match", "  trim me  ", "^%s*(.-)%s*$")
call("match", "2024-01-31", "(%d+)-(%d+)-(%d+)")

-- captures
call("match", "abc", "()")
call("match", "abc", "()()")
call("match", "abc", "(a)()(b)")
call("match", "abc", "((a)(b))")
call("match", "abc", "(a(b(c)))")
call("find", "abc", "(b)")
call("find", "abc", "()b()")
call("find", "abc", "(")
call("find", "abc", "(a")
call("find", "abc", "a)")
call("match", "abc", "a)")
call("match", "abc", ")")
call("match", "abc", "(()")
call("match", "abc", "(b)(")
call("match", "abc", "(a)%1")
call("match", "aab", "(a)%1")
call("match", "abab", "(ab)%1")
call("match", "abcabc", "(a(b)c)%1%2")
call("match", "xyxy", "(.)(.)%1%2")
call("match", "aa", "()a%1")
call("match", "abc", "%1")
call("match", "abc", "%0")
call("match", "abc", "(a%1)")
call("match", "abc", "(a)%2")
call("match", "abc", "(a)%9")
call("match", "a\"quoted\" b", "([\"'])(.-)%1")
call("match", "[[long]] x", "%[(=*)%[(.-)%]%1%]")
call("match", "[==[x]=]==]", "%[(=*)%[(.-)%]%1%]")
do
    local p32 = string_rep("(.)", 32)
    local p33 = string_rep("(.)", 33)
    local s40 = string_rep("abcdefghij", 4)
    call("match", s40, p32)
    call("match", s40, p33)
    call("match", s40, string_rep("()", 32))
    call("match", s40, string_rep("()", 33))
    call("find", s40, string_rep("(.)", 31) .. "()")
    call("gsub", s40, p32, "%9%1")
    call("match", s40, "(" .. string_rep("(", 31) .. "a" .. string_rep(")", 32))
end

-- recursion depth ("pattern too complex" at 200 nested matcher calls)
for _, n in ipairs({ 1, 100, 197, 198, 199, 200, 201, 250 }) do
    call("find", string_rep("a", n), string_rep("a?", n))
end
for _, n in ipairs({ 97, 98, 99, 100, 101 }) do
    call("match", string_rep("a", n), string_rep("a*", n))
    call("match", string_rep("ab", n), string_rep(".-b", n))
end
call("match", string_rep("a", 300), string_rep("a?", 300))
call("match", string_rep("a", 50), string_rep("(a)", 25) .. ".*")
call("find", string_rep("a", 300), "a-b")
call("find", string_rep("a", 60), ".-.-.-b")

-- %b
call("match", "f(a(b)c) d", "%b()")
call("match", "f(a(b)c d", "%b()")
call("match", "(((", "%b()")
call("match", ")(", "%b()")
call("match", "'a' 'b'", "%b''")
call("match", "x[1][2]", "%b[]+")
call("find", "if x then y end end", "%bie")
call("gsub", "f(x) + g(y, (z))", "%b()", "[]")
call("match", "abc", "%b")
call("match", "abc", "%ba")
call("match", "abc", "%bab")
call("match", "a\0b\0", "%b\0\0")
call("match", "a<b>c", "%b<>$")
call("match", "a<b>", "%b<>$")

-- %f
call("gsub", "THE (quick) fox", "%f[%a]%a+", "W")
call("gsub", "hello world", "%f[%w]%w+", string.upper)
call("find", "abc", "%f[%z]")
call("find", "abc", "%f[\0]")
call("find", "abc", "%f[%a]", 2)
call("find", "abc", "%f[^%a]")
call("find", "", "%f[\0]")
call("find", "", "%f[^\0]")
call("match", "abc", "%f")
call("match", "abc", "%fa")
call("match", "abc", "%f[a")
call("match", "abc", "%f[]")
call("gsub", "THE (quick) fox", "%f[%l]", "|")
call("gsub", "aXbXc", "%f[X]", "|")
call("gsub", "aXbXc", "%f[^X]", "|")

-- malformed patterns
call("match", "abc", "%")
call("match", "abc", "a%")
call("match", "abc", "(%)")
call("match", "a%", "a%%")
call("find", "abc", "%", 10)
call("find", "abc", "[", 10)
call("gsub", "abc", "%", "x")
call("gsub", "", "%", "x")
gm("abc", "%")
gm("", "[")
gm("abc", "(")
gm("abc", ")")

-- gmatch
gm("hello world from Lua", "%a+")
gm("k1=v1, k2=v2", "(%w+)=(%w+)")
gm("abc", "")
gm("abc", "()")
gm("", "")
gm("abc", "a*")
gm("aaa", "a*")
gm("abab", "a*")
gm("abc", ".-")
gm("abc", "b*")
gm("a,b,,c,", "([^,]*)")
gm("a,b,,c,", "[^,]*")
gm("one two  three", "%S+")
gm("x=1 y=22", "()=()")
gm("abc", "(.)()", 2)
gm("abc", ".", 4)
gm("abc", ".", 5)
gm("abc", "", 4)
gm("abc", "", 5)
gm("abc", "", -1)
gm("abc", "", -10)
gm("abc", "c$", 3)
gm("aaa", "%1")
gm("aaa", "(a)%1")
gm("abc", "(a")

-- gsub: string replacements
callr("gsub", "hello world", "o", '"0"', "0")
callr("gsub", "hello world", "(o)", '"[%1]"', "[%1]")
callr("gsub", "hello world", "o", '"[%1]"', "[%1]")
callr("gsub", "hello world", "o", '"[%2]"', "[%2]")
callr("gsub", "hello world", "(o)", '"[%2]"', "[%2]")
callr("gsub", "hello world", "%w+", '"%0 %0"', "%0 %0")
callr("gsub", "hello world", "%w+", '"%%"', "%%")
callr("gsub", "hello world", "%w+", '"100%"', "100%")
callr("gsub", "hello world", "%w+", '"%x"', "%x")
callr("gsub", "hello world", "%w+", '"%\\0"', "%\0")
callr("gsub", "hello world", "%w+", '"a\\0b"', "a\0b")
callr("gsub", "hello world", "()o()", '"%1-%2"', "%1-%2")
callr("gsub", "hello", "", '"-"', "-")
callr("gsub", "hello", "x*", '"-"', "-")
callr("gsub", "hello", "l*", '"-"', "-")
callr("gsub", "hello", ".-", '"-"', "-")
callr("gsub", "hello", "(l)(l)", '"%2%1"', "%2%1")
callr("gsub", "hello", "(l)", '"%0%0%1"', "%0%0%1")
callr("gsub", "abc", "(a", '"x"', "x")
callr("gsub", "abc", "(a", '"%1"', "%1")
callr("gsub", "abc", "a)", '"x"', "x")
callr("gsub", "abc", "%w", '"%0"', "%0", 0)
callr("gsub", "abc", "%w", '"x"', "x", -1)
callr("gsub", "abc", "%w", '"x"', "x", 1)
callr("gsub", "abc", "%w", '"x"', "x", 2)
callr("gsub", "abc", "%w", '"x"', "x", 3)
callr("gsub", "abc", "%w", '"x"', "x", 4)
callr("gsub", "abc", "%w", '"x"', "x", math.maxinteger)
callr("gsub", "abc", "%w", '"x"', "x", math.mininteger)
callr("gsub", "abc", "", '"x"', "x", 2)
callr("gsub", "abc", "b", '"b"', "b")
callr("gsub", "abc", "x", '"y"', "y")
callr("gsub", "abc", "b", "2.5", 2.5)
callr("gsub", "abc", "b", "-0.0", -0.0)
callr("gsub", "a\0b\0c", "%z", '"z"', "z")
callr("gsub", "a\0b\0c", "\0", '"<%0>"', "<%0>")
callr("gsub", "a\0b\0c", "[\0b]+", '"_"', "_")
callr("gsub", "héllo wörld", "[\128-\255]+", '"?"', "?")
callr("gsub", "héllo wörld", "[\192-\253][\128-\191]*", '"<%0>"', "<%0>")
callr("gsub", "日本語", "[\0-\127\194-\253][\128-\191]*", '"(%0)"', "(%0)")

-- gsub: table replacements
local tbl = { a = "A", b = false, c = 3, d = 1.5, e = {}, ["ab"] = "AB", [2] = "two" }
callr("gsub", "abcde", "%w", "tbl", tbl)
callr("gsub", "abcxyz", "[abc]", "tbl", tbl)
callr("gsub", "ab ab", "%w+", "tbl", tbl)
callr("gsub", "ab ab", "(%w)%w", "tbl", tbl)
callr("gsub", "xbx", "()b", "tbl", tbl)
callr("gsub", "xyz", "%w", "tbl", tbl)
callr("gsub", "e", "%w", "tbl", tbl)
callr("gsub", "x", "x", "{x=true}", { x = true })
callr("gsub", "x", "x", "{x=print}", { x = print })
callr("gsub", "xx", "x", "{}", {})
callr("gsub", "xx", "x", "{x=''}", { x = "" })
callr("gsub", "abc", "(a", "tbl", tbl)
callr("gsub", "abc", "%w", "setmetatable({}, {__index=upper})",
    setmetatable({}, { __index = function(_, k) return string.upper(k) end }))
callr("gsub", "abc", "%w", "setmetatable({}, {__index=error})",
    setmetatable({}, { __index = function(_, k) error("no key " .. k, 0) end }))

-- gsub: function replacements
local calls = 0
local function f_upper(s) return string.upper(s) end
local function f_nil() return nil end
local function f_false() return false end
local function f_none() end
local function f_num(...) return select("#", ...) end
local function f_join(...) return concat({ ... }, "|") end
local function f_alt(s)
    calls = calls + 1
    if calls % 2 == 0 then return false end
    return "<" .. s .. ">"
end
local function f_table() return {} end
local function f_true() return true end
local function f_err() error("boom", 0) end
local function f_errt() error({}) end
local function f_pos(a, b) return string_format("%s:%s", math.type(a), tostring(b)) end
local function f_nested(s) return (string.gsub(s, ".", "%0%0")) end
callr("gsub", "hello world", "%w+", "upper", f_upper)
callr("gsub", "hello world", "%w+", "nil", f_nil)
callr("gsub", "hello world", "%w+", "false", f_false)
callr("gsub", "hello world", "%w+", "none", f_none)
callr("gsub", "hello world", "(%w)(%w*)", "num", f_num)
callr("gsub", "hello world", "(%w)(%w*)", "join", f_join)
callr("gsub", "hello world", "%w+", "join", f_join)
callr("gsub", "a b c d e", "%w", "alt", f_alt)
callr("gsub", "a b c d e", "%w", "alt", f_alt, 3)
callr("gsub", "hello", "%w+", "table", f_table)
callr("gsub", "hello", "%w+", "true", f_true)
callr("gsub", "hello", "%w+", "err", f_err)
callr("gsub", "hello", "%w+", "errt", f_errt)
callr("gsub", "hello", "()l()", "pos", f_pos)
callr("gsub", "hello", "", "num", f_num)
callr("gsub", "hello", "l", "nested", f_nested)
callr("gsub", "hello", "(l", "join", f_join)
callr("gsub", "hello", "(l)(", "join", f_join)
callr("gsub", "hello", "%w", "num", f_num, 2)
callr("gsub", "", "", "join", f_join)

-- longer subjects
do
    local words = {}
    for i = 1, 200 do words[i] = "w" .. i end
    local text = concat(words, " ")
    call("gsub", text, "%w+", "<%0>")
    call("gsub", text, "(%w)(%d+)", "%2%1", 150)
    call("find", text, "w199")
    call("find", text, "w1(%d+)", 300)
    call("match", text, ".*w(%d+)")
    call("match", text, ".-w(%d+)")
    local n = 0
    for _ in string.gmatch(text, "%d+") do n = n + 1 end
    emit("gmatch count over 200 words", value(n))
    call("gsub", string_rep("(x)", 100), "%b()", "y")
    call("gsub", string_rep("a", 1000), "a-", "b")
    call("find", string_rep("a", 1000) .. "b", string_rep("a", 100) .. "b", 1, true)
    call("find", string_rep("ab", 500), "ba", -3, true)
    call("find", string_rep("a", 20), string_rep("a?", 10) .. string_rep("a", 10) .. "b")
    call("find", string_rep("a", 20), string_rep("a?", 10) .. string_rep("a", 10))
end

-- ------------------------------------------------------------ generated cases

-- Park-Miller style LCG on 31 bits (products stay well inside 64-bit integers).
local seed = 20240531
local function rnd(n)
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed // 65536) % n + 1
end
local function pick(list) return list[rnd(#list)] end

local subject_chars = { "a", "a", "a", "b", "b", "c", "1", " ", "(", ")", ".", "%", "\0", "\200", "-" }
local atoms = {
    "a", "b", "c", "a", "b", ".", "%a", "%d", "%s", "%w", "%l", "%p", "%A", "%S", "%W", "%%", "%(", "%.",
    "[ab]", "[^a]", "[a-c]", "[%d.]", "[]a]", "[^%s]", "[%a%d]", "\0", " ", "-", "1",
}
local quantifiers = { "", "", "", "*", "+", "-", "?" }
local oddities = { "%", "[", "(", ")", "%b", "%f", "%f[", "[^", "%bx" }

local function gen_seq(depth, ncap)
    local parts = {}
    for _ = 1, rnd(4) do
        local k = rnd(20)
        if k <= 12 then
            parts[#parts + 1] = pick(atoms) .. pick(quantifiers)
        elseif k == 13 and depth < 2 and ncap[1] < 4 then
            ncap[1] = ncap[1] + 1
            parts[#parts + 1] = "(" .. gen_seq(depth + 1, ncap) .. ")"
        elseif k == 14 then
            ncap[1] = ncap[1] + 1
            parts[#parts + 1] = "()"
        elseif k == 15 then
            parts[#parts + 1] = pick({ "%b()", "%bab", "%b((", "%b" .. pick(subject_chars) .. pick(subject_chars) })
        elseif k == 16 then
            parts[#parts + 1] = pick({ "%f[%w]", "%f[a]", "%f[^a]", "%f[%s]", "%f[%z]", "%f[\0]" })
        elseif k == 17 then
            parts[#parts + 1] = "%" .. rnd(3) -- back reference, valid or not
        elseif k == 18 then
            parts[#parts + 1] = "$"
        elseif k == 19 then
            parts[#parts + 1] = "^"
        else
            parts[#parts + 1] = pick(atoms)
        end
    end
    return concat(parts)
end

local function gen_pattern()
    local p = gen_seq(0, { 0 })
    if rnd(4) == 1 then p = "^" .. p end
    if rnd(5) == 1 then p = p .. "$" end
    if rnd(12) == 1 then p = p .. pick(oddities) end
    return p
end

local function gen_subject()
    local t = {}
    for i = 1, rnd(11) - 1 do t[i] = pick(subject_chars) end
    return concat(t)
end

local templates = { "<%0>", "[%1]", "%2%1", "x", "", "%%", "%1%1" }
local inits = { 1, 1, 2, -1, -3, 0, 5, 11 }
local gen_tbl = { a = "A", b = false, ["1"] = 1 }

for _ = 1, 170 do
    local s, p = gen_subject(), gen_pattern()
    call("find", s, p, pick(inits))
    call("match", s, p, pick(inits))
    gm(s, p)
    call("gsub", s, p, pick(templates), rnd(4) == 1 and rnd(3) or nil)
    local k = rnd(3)
    if k == 1 then
        callr("gsub", s, p, "join", f_join)
    elseif k == 2 then
        callr("gsub", s, p, "gen_tbl", gen_tbl)
    else
        callr("gsub", s, p, "alt", f_alt)
    end
end

-- ------------------------------------------------------------ pattern soup

-- Patterns, subjects and replacement templates drawn byte by byte from the characters that matter (so most
-- patterns are malformed in some way: the exact error message is what is compared), with init, plain and n of
-- every type the functions take.
local pattern_bits = { "%", "%", "[", "]", "^", "-", "(", ")", ".", "*", "+", "?", "$", "a", "b", "a", "b", "1", "2",
    "0", "f", "z", "w", "A", "\0", "\200", "%a", "%d", "%1", "%2", "%0", "%b", "%f", "%z", "%%", "[^", "%]", " " }
local subject_bits = { "a", "b", "a", "b", "(", ")", "[", "]", "%", "^", "$", "1", "2", " ", "\0", "\200", "\255", "-",
    "." }
local template_bits = { "%", "%0", "%1", "%2", "%3", "%9", "%%", "%a", "x", "y", "\0", "%" }
local function soup(bits, max)
    local t = {}
    for i = 1, rnd(max + 1) - 1 do t[i] = pick(bits) end
    return concat(t)
end
local soup_inits = { 1, 2, 3, -1, -2, 0, 4, 10, 30, -30, math.maxinteger, math.mininteger, 1.0, 2.5, "2" }
local soup_ns = { 0, 1, 2, 3, -1, 100, 1.0, 1.5, "2", math.maxinteger }
for _ = 1, 400 do
    local s, p = soup(subject_bits, 12), soup(pattern_bits, 8)
    local k = rnd(6)
    if k == 1 then
        call("find", s, p, pick(soup_inits))
    elseif k == 2 then
        call("find", s, p, pick(soup_inits), rnd(2) == 1)
    elseif k == 3 then
        call("match", s, p, pick(soup_inits))
    elseif k == 4 then
        gm(s, p, pick(soup_inits))
    elseif k == 5 then
        call("gsub", s, p, soup(template_bits, 4), pick(soup_ns))
    else
        call("gsub", s, p, soup(template_bits, 4))
    end
end

print(string_format("cases: %d", count))
