#if canImport(Glibc)
    import Glibc
#endif

/// The scheduling priority of the thread that calls it.
///
/// A grading run has one serial stage, the store writer, and `--jobs` workers that keep both cores busy. With
/// equal priorities Linux shares a core evenly between the writer and a worker, so the writer gets about two thirds
/// of a core when it needs most of one, falls behind, and the workers then wait for it with a full queue. Workers
/// therefore run a few nice levels below the rest of the process (docs/performance.md, "End to end").
enum ThreadPriority {
    /// How many nice levels a grading worker runs below the process.
    static let workerSteps: Int32 = 5

    /// The calling thread's nice value (on Linux, nice is a property of each thread), or nil where it cannot be read.
    static var current: Int32? {
        #if os(Linux)
            errno = 0
            let value = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
            return errno == 0 ? value : nil
        #else
            return nil
        #endif
    }

    /// Lowers the calling thread's priority by `steps` nice levels (at most to 19, the lowest). Lowering needs no
    /// privilege; when it fails anyway the thread keeps its priority, which only costs speed.
    static func lowerCallingThread(by steps: Int32) {
        #if os(Linux)
            guard let now = current else { return }
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, min(19, now + steps))
        #endif
    }
}
