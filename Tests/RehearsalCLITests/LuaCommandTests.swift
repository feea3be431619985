import Foundation
import Testing

/// `rehearse lua FILE`: output, errors at FILE:LINE, limits, exit statuses.
@Suite struct LuaCommandTests {
    @Test func printsToStandardOutput() throws {
        let scratch = try Scratch()
        try scratch.write(
            "hello.lua", "local t = {}\nfor i = 1, 3 do t[i] = i * i end\nprint('squares', table.concat(t, ' '))\n")
        let result = try RehearseProcess.run(["lua", "hello.lua"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stdout == "squares\t1 4 9\n")
        #expect(result.stderr == "")
    }

    @Test func runtimeErrorPointsAtFileAndLine() throws {
        let scratch = try Scratch()
        try scratch.write("bad.lua", "local function f(x)\n  return x.field\nend\nf(nil)\n")
        let result = try RehearseProcess.run(["lua", "bad.lua"], in: scratch.url)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.first == "bad.lua:2: error: attempt to index a nil value (local 'x')")
        #expect(result.stderr.contains("stack traceback:"))
        #expect(result.stderr.contains("bad.lua:4: in main chunk"))
    }

    @Test func syntaxErrorPointsAtFileAndLine() throws {
        let scratch = try Scratch()
        try scratch.write("syntax.lua", "print('ok')\nlocal = 3\n")
        let result = try RehearseProcess.run(["lua", "syntax.lua"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stderr == "syntax.lua:2: error: <name> expected near '='\n")
        #expect(result.stdout == "")
    }

    @Test func missingFile() throws {
        let result = try RehearseProcess.run(["lua", "/nonexistent/script.lua"])
        #expect(result.status == 1)
        #expect(result.stderr == "/nonexistent/script.lua: error: cannot read the file\n")
    }

    @Test(arguments: [
        (["--instructions", "1000"], "while true do end", "instruction limit of 1000 exceeded"),
        (["--instructions", "0", "--timeout", "0.2"], "while true do end", "time limit of 0.2 s exceeded"),
        (["--memory", "1"], "local s = {} for i = 1, 1e9 do s[i] = i end", "memory limit of 1 MiB exceeded"),
        (
            ["--timeout", "0.3", "--instructions", "0"],
            "print(string.find(('a'):rep(30), ('a?'):rep(30) .. ('a'):rep(30) .. 'b'))", "time limit of 0.3 s exceeded"
        ),
        (
            ["--timeout", "0.3", "--instructions", "0"],
            "local s = ('x'):rep(1 << 24) local t = {} for i = 1, 2000 do t[i] = s end table.sort(t)",
            "time limit of 0.3 s exceeded"
        ),
    ])
    func limitsFromFlags(_ flags: [String], _ script: String, _ message: String) throws {
        let scratch = try Scratch()
        try scratch.write("limit.lua", "\n" + script + "\n")
        let result = try RehearseProcess.run(["lua"] + flags + ["limit.lua"], in: scratch.url, timeout: 20)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("limit.lua:2: error: \(message)\n"), "\(result.stderr)")
    }

    /// What the file returns is read as part of the run: a table shared at every level is stopped by the limits.
    @Test func returnedValuesAreCharged() throws {
        let scratch = try Scratch()
        try scratch.write("dag.lua", "local x = 'leaf'\nfor i = 1, 40 do x = { x, x } end\nreturn x\n")
        let result = try RehearseProcess.run(
            ["lua", "--instructions", "1000000", "dag.lua"], in: scratch.url, timeout: 20)
        #expect(result.status == 1)
        #expect(result.stderr == "dag.lua: error: instruction limit of 1000000 exceeded\n")
    }

    /// A message cannot hide its end behind a NUL byte or send escape sequences to the terminal.
    @Test func controlCharactersInMessagesAreEscaped() throws {
        let scratch = try Scratch()
        try scratch.write("bad.lua", "error('a\\0b\\27[2J\\rc')\n")
        let result = try RehearseProcess.run(["lua", "bad.lua"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("bad.lua:1: error: a\\0b\\27[2J\\13c\nstack traceback:\n"), "\(result.stderr)")
    }

    @Test func noLimitsRunToCompletion() throws {
        let scratch = try Scratch()
        try scratch.write("long.lua", "local n = 0 for i = 1, 3e7 do n = n + i end print(n)")
        let result = try RehearseProcess.run(
            ["lua", "--instructions", "0", "--timeout", "0", "--memory", "0", "long.lua"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stdout == "450000015000000\n")
    }

    @Test(arguments: [["--instructions", "-1"], ["--timeout", "-2"], ["--memory", "-5"], ["--bogus"], []])
    func usageErrorsExit64(_ flags: [String]) throws {
        let scratch = try Scratch()
        try scratch.write("ok.lua", "print(1)")
        let result = try RehearseProcess.run(["lua"] + flags + (flags.isEmpty ? [] : ["ok.lua"]), in: scratch.url)
        #expect(result.status == 64)
        #expect(result.stdout == "")
        #expect(!result.stderr.isEmpty)
    }

    /// Every attack ends with exit status 1 and a message, never a signal or a hang.
    @Test(arguments: [
        "os.execute('true')",
        "io.open('/etc/passwd')",
        "require('os')",
        "dofile('/etc/passwd')",
        "loadfile('/etc/passwd')()",
        "string.dump(print)",
        "debug.sethook()",
        "getmetatable('').__index.upper = nil",
        "while true do pcall(function() while true do end end) end",
        "setmetatable({}, { __gc = function() while true do end end })",
        "error(setmetatable({}, { __tostring = function() while true do end end }))",
        "local s = 'x' while true do s = s .. s end",
        "local function f() return f() + 1 end f()",
        "local t = setmetatable({}, { __index = function(t, k) return t[k] end }) return t.x",
        "return table.unpack({}, 1, 1e8)",
        "return string.gsub(('a'):rep(50), ('a?'):rep(50) .. ('a'):rep(50) .. 'b', '')",
    ])
    func attacksAreContained(_ script: String) throws {
        let scratch = try Scratch()
        try scratch.write("attack.lua", script)
        let result = try RehearseProcess.run(["lua", "--timeout", "2", "attack.lua"], in: scratch.url, timeout: 20)
        #expect(result.status == 1, "status \(result.status): \(result.stderr)")
        #expect(result.stderr.hasPrefix("attack.lua:1: error: "), "\(result.stderr)")
    }
}
