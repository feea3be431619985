import LuaHost
import Testing

/// The state's allocator keeps small blocks for reuse: what scripts build survives any mix of sizes, growth and
/// shrinking, and the memory accounting (which the cap enforces) is the same as malloc's would be.
@Suite struct AllocatorTests {
    /// Strings of every small size and beyond, tables grown across the size classes and shrunk by a collection,
    /// all checked after much garbage has come and gone.
    static let churn = """
        local kept = {}
        for round = 1, 20 do
            for size = 1, 300, 7 do
                local s = string.rep(string.char(65 + (size + round) % 26), size)
                if size % 3 == 0 then kept[#kept + 1] = s end
                local t = {}
                for i = 1, size % 40 do t[i] = i * round end
                for i = 1, size % 40, 2 do t[i] = nil end
                t.name = s
                if size % 5 == 0 then kept[#kept + 1] = t end
            end
            collectgarbage("step")
        end
        collectgarbage("collect")
        local sum = 0
        for _, v in ipairs(kept) do
            if type(v) == "string" then
                for i = 1, #v do sum = sum + v:byte(i) end
            else
                for k, x in pairs(v) do sum = sum + (type(x) == "number" and x or #x) end
            end
        end
        return #kept, sum
        """

    /// The same result computed without Lua: the kept strings' bytes, and each kept table's even entries and name.
    static func expected() -> (Int64, Int64) {
        var count: Int64 = 0
        var sum: Int64 = 0
        for round in 1...20 {
            for size in stride(from: 1, through: 300, by: 7) {
                let letter = Int64(65 + (size + round) % 26)
                if size % 3 == 0 {
                    count += 1
                    sum += letter * Int64(size)
                }
                if size % 5 == 0 {
                    count += 1
                    for i in stride(from: 2, through: size % 40, by: 2) { sum += Int64(i * round) }
                    sum += Int64(size)
                }
            }
        }
        return (count, sum)
    }

    @Test func whatScriptsBuildSurvivesReuse() throws {
        let lua = try LuaState(limits: LuaLimits(instructions: 0, seconds: 10, memory: 64 << 20))
        let function = try lua.load(AllocatorTests.churn, chunkName: "churn")
        let (count, sum) = AllocatorTests.expected()
        for _ in 0..<3 {
            #expect(try lua.call(function) == [.integer(count), .integer(sum)])
        }
    }

    @Test func garbageCollectedGivesItsBytesBack() throws {
        let lua = try LuaState(limits: LuaLimits(instructions: 0, seconds: 10, memory: 64 << 20))
        let collect = try lua.load("collectgarbage('collect')", chunkName: "gc")
        _ = try lua.call(collect)
        let before = lua.memoryInUse
        let function = try lua.load(AllocatorTests.churn, chunkName: "churn")
        _ = try lua.call(function)
        #expect(lua.memoryPeak > before + 10_000)
        _ = try lua.call(collect)
        // Only the loaded chunk (its function and constants) stays.
        #expect(lua.memoryInUse < before + 8_192)
    }

    /// Blocks kept for reuse stay within 2 MiB whatever sizes a script makes and drops, so a state never holds
    /// much more than its live memory (which the cap bounds): here 8 MB of strings in each of four size classes.
    @Test func blocksKeptForReuseStayBounded() throws {
        let lua = try LuaState(limits: LuaLimits(instructions: 0, seconds: 20, memory: 64 << 20))
        let function = try lua.load(
            """
            local length = ...
            local t = {}
            for i = 1, 8e6 // (length + 40) do t[i] = string.rep("x", length - 8) .. string.format("%08d", i) end
            t = nil
            collectgarbage("collect")
            """, chunkName: "classes")
        _ = try lua.call(try lua.load("collectgarbage('collect')", chunkName: "gc"))
        let live = lua.memoryInUse
        for length in [16, 48, 96, 160] {
            _ = try lua.call(function, [.integer(Int64(length))])
            #expect(lua.memoryKeptForReuse <= 2 << 20, "\(length)-byte strings: \(lua.memoryKeptForReuse) kept")
            #expect(lua.memoryKeptForReuse > 1 << 20, "the lists are used")
            #expect(lua.memoryInUse < live + (2 << 20), "the 8 MB of strings are gone")
        }
    }

    @Test func theCapCountsSmallBlocks() throws {
        let lua = try LuaState(limits: LuaLimits(instructions: 0, seconds: 10, memory: 2 << 20))
        let function = try lua.load(
            "local t = {} for i = 1, 1e6 do t[i] = { i } end return #t", chunkName: "many")
        #expect {
            _ = try lua.call(function)
        } throws: { error in
            (error as? LuaError)?.kind == .limit(.memory)
        }
        #expect(lua.memoryPeak <= 2 << 20)
    }
}
