import CLua
import LuaShim

/// A Swift function callable from Lua. It reads its arguments and returns its results through the
/// ``LuaCall``; an error it throws becomes a Lua error at the caller's line.
public typealias LuaFunction = (LuaCall) throws -> LuaCallResult

/// What a Swift function hands back to Lua.
public enum LuaCallResult: Sendable {
    /// Return these values.
    case values([LuaValue])
    /// Yield these values from the running coroutine; the values it is resumed with become the results.
    case yield([LuaValue])
    /// Return the given number of values, already pushed with ``LuaCall/push(_:)`` (no allocation).
    case pushed(Int)

    /// Returns nothing.
    public static let none = LuaCallResult.pushed(0)
}

/// The arguments of a call from Lua to Swift, and a way to push results.
public struct LuaCall {
    let stack: LuaStack
    /// The function's name, for messages ("bad argument #1 to 'name'").
    public let name: String
    /// How many arguments were passed.
    public let argumentCount: Int

    /// The state the call runs in.
    public var state: LuaState { stack.state }

    /// The identity of the thread (coroutine) the call runs on.
    public var threadIdentity: UnsafeRawPointer { UnsafeRawPointer(stack.L) }

    /// Argument `index` (1-based); nil when absent.
    public func argument(_ index: Int) throws -> LuaValue {
        guard index >= 1, index <= argumentCount else { return .nil }
        return try stack.value(at: Int32(index))
    }

    /// All arguments.
    public func arguments() throws -> [LuaValue] {
        try (0..<argumentCount).map { try argument($0 + 1) }
    }

    /// Argument `index` decoded as UTF-8 text when it is a string (numbers are not converted), else nil. A
    /// short string costs no allocation.
    public func text(_ index: Int) -> String? {
        guard index >= 1, index <= argumentCount, lua_type(stack.L, Int32(index)) == LUA_TSTRING else { return nil }
        return stack.text(at: Int32(index))
    }

    /// The Lua type name of argument `index`.
    public func typeName(_ index: Int) -> String {
        String(cString: rh_typename_at(stack.L, Int32(index)))
    }

    /// Argument `index` as a string (numbers are converted, as in Lua).
    public func string(_ index: Int) throws -> LuaString {
        let type = lua_type(stack.L, Int32(index))
        guard index <= argumentCount, type == LUA_TSTRING || type == LUA_TNUMBER else {
            throw argumentError(index, expected: "string")
        }
        if type == LUA_TNUMBER { return LuaString(try argument(index).description) }
        return stack.string(at: Int32(index))
    }

    /// Argument `index` as an integer (floats with an integral value are accepted).
    public func integer(_ index: Int) throws -> Int64 {
        var isInteger: Int32 = 0
        let value = lua_tointegerx(stack.L, Int32(index), &isInteger)
        guard index <= argumentCount, isInteger != 0, lua_type(stack.L, Int32(index)) == LUA_TNUMBER else {
            throw argumentError(index, expected: "integer")
        }
        return value
    }

    /// Argument `index` as a number.
    public func number(_ index: Int) throws -> Double {
        guard index <= argumentCount, lua_type(stack.L, Int32(index)) == LUA_TNUMBER else {
            throw argumentError(index, expected: "number")
        }
        return lua_tonumberx(stack.L, Int32(index), nil)
    }

    /// Charges work a Swift function is about to do to the call's instruction budget (and checks the
    /// deadline), so that no script can make the host work without limit. Throws the limit error when a
    /// limit is exceeded; Lua then raises it where the script called the function.
    public func charge(_ steps: Int64) throws {
        guard rh_account(stack.L, max(0, steps)) != 0 else { return }
        throw LuaError(kind: .limit(.instructions), message: "limit exceeded in \(name)")
    }

    /// Pushes a result (use with ``LuaCallResult/pushed(_:)``).
    public func push(_ value: LuaValue) throws {
        try stack.reserve(1)
        try stack.push(value)
    }

    /// The error for a bad argument, worded as Lua words its own.
    public func argumentError(_ index: Int, expected: String) -> LuaError {
        let got = index <= argumentCount ? typeName(index) : "no value"
        return LuaError(kind: .type, message: "bad argument #\(index) to '\(name)' (\(expected) expected, got \(got))")
    }
}

extension LuaState {
    /// Makes a Swift function callable from Lua and returns a reference to it.
    /// - Parameters:
    ///   - name: the name used in error messages.
    ///   - body: the function.
    public func function(_ name: String, _ body: @escaping LuaFunction) -> LuaRef {
        rh_push_swift_function(L, Int32(register(name, body)))
        return stack.makeRef()
    }

    /// Makes an `__index` function for objects whose fields the host makes on first read, and returns a reference
    /// to it. Only the keys in `names` reach `body`, which gets the object, the key and the name's code as its
    /// three arguments and returns one value; any other key is nil at once, with no call into Swift (charged to
    /// the budget as such a call would be). A value made for a code of `kept` or more is stored in the object
    /// under its key (without metamethods), so the next read is a plain field.
    /// - Parameters:
    ///   - name: the name used in error messages.
    ///   - names: the keys, each with its code.
    ///   - kept: the lowest code whose value is kept in the object.
    public func index(
        _ name: String, names: [(key: String, code: Int)], kept: Int, _ body: @escaping LuaFunction
    ) throws -> LuaRef {
        try stack.reserve(4)
        let slot = register(name, body)
        lua_createtable(L, 0, Int32(clamping: names.count))
        for (key, code) in names {
            LuaTableWriter.push(key, on: L)
            lua_pushinteger(L, lua_Integer(code))
            lua_rawset(L, -3)
        }
        rh_push_swift_index(L, Int32(slot), lua_Integer(kept))
        return stack.makeRef()
    }

    /// Keeps a Swift function and its name; returns its slot.
    private func register(_ name: String, _ body: @escaping LuaFunction) -> Int {
        functions.append(body)
        functionNames.append(name)
        return functions.count - 1
    }

    /// Makes a Swift function that takes and returns plain values.
    public func function(_ name: String, _ body: @escaping ([LuaValue]) throws -> [LuaValue]) -> LuaRef {
        function(name) { (call: LuaCall) in .values(try body(try call.arguments())) }
    }

    /// Called by the trampoline (through the dispatcher) on the calling thread.
    func dispatch(_ thread: OpaquePointer, slot: Int, count: UnsafeMutablePointer<Int32>) -> Int32 {
        let base = lua_gettop(thread)
        let body = functions[slot]
        let call = LuaCall(
            stack: LuaStack(L: thread, state: self, charging: true), name: functionNames[slot], argumentCount: Int(base)
        )
        do {
            let result = try body(call)
            let values: [LuaValue]
            let status: RHCallStatus
            switch result {
            case .pushed(let n):
                count.pointee = Int32(n)
                return Int32(RH_CALL_RETURN.rawValue)
            case .values(let v):
                values = v
                status = RH_CALL_RETURN
            case .yield(let v):
                values = v
                status = RH_CALL_YIELD
            }
            try call.stack.reserve(values.count)
            for value in values { try call.stack.push(value) }
            count.pointee = Int32(values.count)
            return Int32(status.rawValue)
        } catch let error as LuaError {
            lua_settop(thread, base)
            switch error.kind {
            case .type, .usage:
                call.stack.push(LuaString(error.message))
                return Int32(RH_CALL_ERROR.rawValue)
            default:
                // An error from Lua code the function called: it already carries its position.
                call.stack.push(LuaString(error.description))
                return Int32(RH_CALL_ERROR_NO_POSITION.rawValue)
            }
        } catch {
            lua_settop(thread, base)
            call.stack.push(LuaString(String(describing: error)))
            return Int32(RH_CALL_ERROR.rawValue)
        }
    }
}

/// Installs the process-wide dispatcher once.
let dispatcherInstalled: Void = rh_set_dispatcher(luaHostDispatch)

private let luaHostDispatch: rh_dispatch_fn = { thread, host, slot, count in
    guard let thread, let host, let count else { return Int32(RH_CALL_ERROR.rawValue) }
    let state = Unmanaged<LuaState>.fromOpaque(host).takeUnretainedValue()
    return state.dispatch(thread, slot: Int(slot), count: count)
}
