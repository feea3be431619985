/// A reference to a value that stays inside a ``LuaState`` (a function, an environment, a coroutine).
///
/// A reference is valid only with the state that made it, until that state releases it or is closed.
public struct LuaRef: Hashable, Sendable {
    /// The identity of the state that made the reference.
    public let stateID: UInt64
    /// The registry reference.
    public let id: Int32
}
