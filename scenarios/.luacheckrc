-- luacheck configuration for scenario scripts: Lua 5.4 with only the sandbox's globals.
std = "lua54"
-- The sandbox has no io, os, package, require, debug, dofile or loadfile.
not_globals = { "io", "os", "package", "require", "debug", "dofile", "loadfile", "module" }
max_line_length = 120
