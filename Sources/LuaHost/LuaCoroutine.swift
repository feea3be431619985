import CLua
import LuaShim

/// A coroutine inside a ``LuaState``, resumed from Swift with ``LuaState/resume(_:_:)``.
public struct LuaCoroutine {
    /// Keeps the thread alive in the registry.
    public let reference: LuaRef
    let thread: OpaquePointer

    /// The identity of the coroutine's thread (as ``LuaCall/threadIdentity`` sees it).
    public var threadIdentity: UnsafeRawPointer { UnsafeRawPointer(thread) }
}

/// What a resume gave back.
public enum LuaResumeResult: Equatable {
    /// The coroutine yielded these values and can be resumed again.
    case yielded([LuaValue])
    /// The coroutine's function returned these values; the coroutine is dead.
    case returned([LuaValue])
}

extension LuaState {
    /// Creates a coroutine that runs a function.
    public func newCoroutine(_ function: LuaRef) throws -> LuaCoroutine {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        guard let thread = lua_newthread(L) else {
            throw LuaError(kind: .memory, message: "cannot create a coroutine: out of memory")
        }
        try stack.pushRef(function)
        lua_xmove(L, thread, 1)
        return LuaCoroutine(reference: stack.makeRef(), thread: thread)
    }

    /// Whether the coroutine can be resumed.
    public func isSuspended(_ coroutine: LuaCoroutine) -> Bool {
        let status = lua_status(coroutine.thread)
        if status == LUA_YIELD { return true }
        // Not started yet: its function waits alone on its stack.
        return status == LUA_OK && lua_gettop(coroutine.thread) > 0 && rh_isfunction(coroutine.thread, 1) != 0
            && !isRunning(coroutine)
    }

    private func isRunning(_ coroutine: LuaCoroutine) -> Bool {
        var debug = lua_Debug()
        return lua_getstack(coroutine.thread, 0, &debug) != 0
    }

    /// Resumes a coroutine under the limits (each resume gets the full instruction and time budget).
    public func resume(_ coroutine: LuaCoroutine, _ arguments: [LuaValue] = []) throws -> LuaResumeResult {
        guard coroutine.reference.stateID == id else {
            throw LuaError(kind: .usage, message: "a coroutine from another Lua state")
        }
        guard isSuspended(coroutine) else {
            throw LuaError(kind: .usage, message: "cannot resume a dead coroutine")
        }
        let co = coroutine.thread
        let costack = LuaStack(L: co, state: self, charging: true)
        try costack.reserve(arguments.count)
        for argument in arguments { try costack.push(argument) }
        var count: Int32 = 0
        let status = rh_resume(co, L, Int32(arguments.count), &count)
        switch status {
        case LUA_OK, LUA_YIELD:
            let first = lua_gettop(co) - count + 1
            let values = try costack.values(from: first)
            lua_settop(co, first - 1)
            return status == LUA_YIELD ? .yielded(values) : .returned(values)
        default:
            let message = costack.errorText(at: -1)
            let top = lua_gettop(L)
            rh_traceback(L, co, message, 0)
            let traceback = LuaState.splitTraceback(LuaError.readable(stack.string(at: -1).text)).traceback
            lua_settop(L, top)
            let error = self.error(status: status, thread: co, traceback: traceback)
            lua_settop(co, 0)
            throw error
        }
    }
}
