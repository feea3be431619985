import CLua
import LuaShim
import Synchronization

private let nextStateID = Atomic<UInt64>(1)

/// A sandboxed Lua 5.4 state: load chunks, call functions, resume coroutines, register Swift functions.
///
/// Every script runs in the sandbox (see docs/scenario-api.md, "The sandbox") under ``limits``.
/// A state is not Sendable: use it from one thread at a time; give each worker its own.
///
/// ```swift
/// let lua = try LuaState()
/// let chunk = try lua.load("return 6 * 7", chunkName: "answer.lua")
/// let results = try lua.call(chunk)   // [.integer(42)]
/// ```
public final class LuaState {
    /// The main thread.
    let L: OpaquePointer
    /// Limits, accounting and host hooks shared with the C shim.
    let control: UnsafeMutablePointer<RHControl>
    /// Swift functions callable from Lua, by slot.
    /// (Read on every call from Lua, only ever on the state's own thread: no exclusivity checks.)
    @exclusivity(unchecked) var functions: [LuaFunction] = []
    /// Their names, by slot, for messages.
    @exclusivity(unchecked) var functionNames: [String] = []
    /// The environment of chunks loaded without one, made on first use.
    private var sharedEnvironment: LuaRef?
    /// References made while reading values inside ``withReferenceScope(_:)``, per open scope.
    var referenceScopes: [[LuaRef]] = []

    /// The identity of this state; references carry it.
    public let id: UInt64
    /// The seed of math.random.
    public let seed: Int64

    /// Receives what print() and warn() write, one call at a time. Nil discards it.
    public var output: ((LuaString) -> Void)?

    /// The limits of the next calls (the memory cap holds at once).
    public var limits: LuaLimits {
        didSet { applyLimits() }
    }

    /// Creates a sandboxed state.
    /// - Parameters:
    ///   - limits: the limits scripts run under.
    ///   - seed: the seed of math.random; the same seed gives the same numbers.
    public init(limits: LuaLimits = .scenarioLoad, seed: Int64 = 0) throws {
        _ = dispatcherInstalled
        let control = UnsafeMutablePointer<RHControl>.allocate(capacity: 1)
        control.initialize(to: RHControl())
        guard let L = rh_newstate(control) else {
            control.deallocate()
            throw LuaError(kind: .memory, message: "cannot create a Lua state: out of memory")
        }
        let status = rh_open_sandbox(L, seed)
        guard status == LUA_OK else {
            let message = String(cString: lua_tolstring(L, -1, nil))
            rh_close(L)
            control.deallocate()
            throw LuaError(kind: .memory, message: "cannot open the sandbox: \(message)")
        }
        self.L = L
        self.control = control
        self.seed = seed
        self.limits = limits
        self.id = nextStateID.add(1, ordering: .relaxed).oldValue
        control.pointee.host = Unmanaged.passUnretained(self).toOpaque()
        control.pointee.print_context = control.pointee.host
        control.pointee.print = luaHostPrint
        applyLimits()
        // A cycle starts when the heap reaches 3x what the last one kept (Lua's default: 2x). States live long
        // and hold little (a few MB at most), and most of what a scoring call makes is garbage at once: fewer
        // cycles cost less (docs/performance.md, "The engine, one reused LoadedScenario").
        rh_gc_incremental(L, 300, 0)
        rh_watchdog_register(control)
    }

    deinit {
        rh_watchdog_unregister(control)
        rh_close(L)
        control.deallocate()
    }

    private func applyLimits() {
        control.pointee.instruction_limit = max(0, limits.instructions)
        // Beyond ~292 years the nanoseconds would overflow: that is no limit at all.
        control.pointee.time_limit_ns =
            limits.seconds > 0 && limits.seconds < 9e9 ? Int64((limits.seconds * 1e9).rounded()) : 0
        control.pointee.memory_limit = limits.memory > 0 ? limits.memory : 0
        rh_watchdog_limits_changed()
    }

    /// Bytes the state holds now.
    public var memoryInUse: Int { control.pointee.memory }

    /// The most bytes the state has held.
    public var memoryPeak: Int { control.pointee.memory_peak }
    /// Bytes of freed small blocks the state keeps for reuse instead of returning them to malloc (at most 2 MiB,
    /// whatever the script did): what the process holds for this state beyond ``memoryInUse``.
    public var memoryKeptForReuse: Int { rh_pool_kept(control) }

    /// Instructions charged in the last call.
    public var instructionsUsed: Int64 { control.pointee.instructions }

    var stack: LuaStack { LuaStack(L: L, state: self) }
    /// The stack for reading what a call returned: charged as part of the call.
    var resultStack: LuaStack { LuaStack(L: L, state: self, charging: true) }

    // MARK: - Loading and calling

    /// Compiles a text chunk (binary chunks are refused).
    /// - Parameters:
    ///   - source: the Lua source.
    ///   - chunkName: the script's path or name; messages read `chunkName:line: message`.
    ///   - environment: the chunk's `_ENV`: an environment from ``newEnvironment()``, or nil for the
    ///     state's default environment (one environment shared by every chunk loaded without one).
    /// - Returns: a reference to the compiled function.
    public func load(_ source: LuaString, chunkName: String, environment: LuaRef? = nil) throws -> LuaRef {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try pushEnvironment(environment)
        let status = source.bytes.withUnsafeBytes { raw in
            rh_load(L, raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count, "@" + chunkName, -1)
        }
        guard status == LUA_OK else { throw error(status: status, thread: L) }
        return stack.makeRef()
    }

    /// Compiles a text chunk (binary chunks are refused).
    public func load(_ source: String, chunkName: String, environment: LuaRef? = nil) throws -> LuaRef {
        try load(LuaString(source), chunkName: chunkName, environment: environment)
    }

    /// Calls a function under the limits and returns its results.
    public func call(_ function: LuaRef, _ arguments: [LuaValue] = []) throws -> [LuaValue] {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try stack.pushRef(function)
        try stack.reserve(arguments.count)
        for argument in arguments { try stack.push(argument) }
        let status = rh_pcall(L, Int32(arguments.count), LUA_MULTRET)
        guard status == LUA_OK else { throw error(status: status, thread: L) }
        return try resultStack.values(from: top + 1)
    }

    /// Loads and runs a chunk; returns what it returns.
    @discardableResult
    public func run(_ source: String, chunkName: String, environment: LuaRef? = nil) throws -> [LuaValue] {
        let chunk = try load(source, chunkName: chunkName, environment: environment)
        defer { release(chunk) }
        return try call(chunk)
    }

    /// Releases a reference; the value may then be collected.
    public func release(_ reference: LuaRef) {
        guard reference.stateID == id else { return }
        luaL_unref(L, rh_registryindex(), reference.id)
    }

    // MARK: - Environments and globals

    /// Creates an environment for one script: its own globals and its own copies of the library tables,
    /// so that what one script changes no other script (and not the host) sees.
    public func newEnvironment() throws -> LuaRef {
        let status = rh_push_fresh_env(L)
        guard status == LUA_OK else {
            lua_settop(L, -2)
            throw LuaError(kind: .memory, message: "cannot create an environment: out of memory")
        }
        return stack.makeRef()
    }

    /// Sets a global (raw, without metamethods) in an environment, or in the default environment.
    public func setGlobal(_ name: String, _ value: LuaValue, in environment: LuaRef? = nil) throws {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try pushEnvironment(environment)
        lua_pushstring(L, name)
        try stack.push(value)
        lua_rawset(L, -3)
    }

    /// Reads a global (raw, without metamethods) from an environment, or from the default environment.
    public func global(_ name: String, in environment: LuaRef? = nil) throws -> LuaValue {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try pushEnvironment(environment)
        lua_pushstring(L, name)
        lua_rawget(L, -2)
        return try stack.value(at: -1)
    }

    /// Makes an environment's globals read-only: from now on a script that assigns a global (`x = 1`,
    /// `rawset(_ENV, "x", 1)`) fails with "cannot assign the global 'x': ..." at its line. Reads work as
    /// before. Tables reached from the globals (and locals captured by functions) stay writable.
    public func freezeGlobals(in environment: LuaRef) throws {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try pushEnvironment(environment)
        let status = rh_freeze_env(L, -1)
        guard status == LUA_OK else { throw error(status: status, thread: L) }
    }

    /// The environment of chunks loaded without one.
    public func defaultEnvironment() throws -> LuaRef {
        if let sharedEnvironment { return sharedEnvironment }
        let environment = try newEnvironment()
        sharedEnvironment = environment
        return environment
    }

    private func pushEnvironment(_ environment: LuaRef?) throws {
        try stack.pushRef(environment ?? defaultEnvironment())
        guard lua_type(L, -1) == LUA_TTABLE else {
            throw LuaError(kind: .usage, message: "the reference is not an environment")
        }
    }

    // MARK: - Errors

    /// Builds the error for a failed call; the error object is on top of thread's stack.
    func error(status: Int32, thread: OpaquePointer, traceback extra: String? = nil) -> LuaError {
        let raw = stack(thread).errorText(at: -1)
        var (text, traceback) = LuaState.splitTraceback(raw)
        if let extra { traceback = extra }
        if control.pointee.tripped != Int32(RH_LIMIT_NONE.rawValue) {
            var error = trippedLimitError()
            error.traceback = traceback
            return error
        }
        if status == LUA_ERRMEM {
            return LuaError(kind: .memory, message: "not enough memory", traceback: traceback)
        }
        var (chunk, line, message) = LuaError.parse(text)
        if chunk == nil {
            (chunk, line) = LuaState.splitWhere(String(cString: rh_error_where(L)))
        }
        let kind: LuaError.Kind = status == LUA_ERRSYNTAX ? .syntax : .runtime
        if status == LUA_ERRERR { message = "error in error handling: " + message }
        return LuaError(kind: kind, message: message, chunk: chunk, line: line, traceback: traceback)
    }

    /// The error for the limit that tripped: its name and value, where it tripped.
    func trippedLimitError() -> LuaError {
        rh_push_limit_message(L)
        let message = String(cString: lua_tolstring(L, -1, nil))
        lua_settop(L, -2)
        let (chunk, line) = LuaState.splitWhere(String(cString: rh_trip_where(L)))
        let limit: LuaLimit =
            switch Int(control.pointee.tripped) {
            case Int(RH_LIMIT_INSTRUCTIONS.rawValue): .instructions
            case Int(RH_LIMIT_TIME.rawValue): .time
            default: .memory
            }
        return LuaError(kind: .limit(limit), message: message, chunk: chunk, line: line)
    }

    func stack(_ thread: OpaquePointer) -> LuaStack { LuaStack(L: thread, state: self) }

    static func splitTraceback(_ raw: String) -> (message: String, traceback: String?) {
        guard let range = raw.firstRange(of: "\nstack traceback:\n") else { return (raw, nil) }
        return (String(raw[..<range.lowerBound]), "stack traceback:\n" + raw[range.upperBound...])
    }

    /// Splits "chunk:line" at its last colon (a chunk name is the script's, so it is made readable).
    static func splitWhere(_ raw: String) -> (chunk: String?, line: Int?) {
        guard !raw.isEmpty else { return (nil, nil) }
        let text = LuaError.readable(raw)
        guard let colon = text.lastIndex(of: ":"), let line = Int(text[text.index(after: colon)...]) else {
            return (text, nil)
        }
        return (String(text[..<colon]), line)
    }
}

/// Sends print() output to the state's `output`.
private let luaHostPrint: rh_print_fn = { context, bytes, length in
    guard let context, let bytes else { return }
    let state = Unmanaged<LuaState>.fromOpaque(context).takeUnretainedValue()
    guard let output = state.output else { return }
    output(LuaString(bytes: Array(UnsafeRawBufferPointer(start: bytes, count: length))))
}
