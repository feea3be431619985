-- luacheck run from the repository root (`luacheck scenarios`, or a scenario file under scenarios/) uses the
-- scenario rules in scenarios/.luacheckrc, the one place they are written.
local rules = {}
local chunk = loadfile("scenarios/.luacheckrc")
if chunk then
    setfenv(chunk, rules)
    chunk()
    files["scenarios"] = rules
end
