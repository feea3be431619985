-- luacheck configuration for scenario scripts: Lua 5.4 with only the sandbox's globals.
std = "lua54"
-- The scenario language (docs/scenario-api.md).
read_globals = { "scenario", "criterion", "question", "flow", "debrief", "example", "analysis", "quote" }
-- The sandbox has no io, os, package, require, debug, dofile or loadfile.
not_globals = { "io", "os", "package", "require", "debug", "dofile", "loadfile", "module" }
max_line_length = 120
