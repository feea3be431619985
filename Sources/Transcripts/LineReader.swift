#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file line by line through a fixed read buffer, so memory does not grow with the file.
///
/// Lines end at LF; a CR before the LF is dropped (CRLF files), and a UTF-8 byte order mark at the start of
/// the file is skipped. Line numbers count from 1.
struct LineReader {
    /// Closes the file when the last copy of the reader goes away, read to the end or not.
    private final class OpenFile {
        let descriptor: Int32
        init(_ descriptor: Int32) { self.descriptor = descriptor }
        deinit { _ = close(descriptor) }
    }

    private let file: OpenFile
    private var buffer: [UInt8]
    /// Where the unread bytes start and end in `buffer`.
    private var start = 0
    private var end = 0
    private var atEndOfFile = false
    private var firstRead = true
    /// The number of the line `nextLine` returns next, minus one.
    private(set) var lineNumber = 0
    /// Bytes read from the file so far (for progress).
    private(set) var bytesRead: Int64 = 0

    /// Opens `path`; throws a `Rejected` for the whole file when it cannot be opened.
    init(path: String, bufferSize: Int = 1 << 20) throws(Rejected) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw Rejected(path: path, line: nil, reason: "cannot read the file: \(String(cString: strerror(errno)))")
        }
        file = OpenFile(descriptor)
        buffer = [UInt8](repeating: 0, count: bufferSize)
    }

    /// Calls `body` with the next line's number and bytes (valid only during the call); nil at the end.
    mutating func withNextLine<Result>(_ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Result) rethrows
        -> Result?
    {
        while true {
            let found: Int? = buffer.withUnsafeBufferPointer { bytes in
                guard end > start,
                    let hit = memchr(bytes.baseAddress! + start, 0x0A, end - start)
                else { return nil }
                return bytes.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            }
            if let newline = found {
                let lineStart = start
                start = newline + 1
                lineNumber += 1
                return try emit(from: lineStart, to: newline, body)
            }
            if atEndOfFile {
                guard end > start else { return nil }
                let lineStart = start
                start = end
                lineNumber += 1
                return try emit(from: lineStart, to: end, body)
            }
            refill()
        }
    }

    private func emit<Result>(
        from lineStart: Int, to lineEnd: Int, _ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result {
        try buffer.withUnsafeBufferPointer { bytes in
            var stop = lineEnd
            if stop > lineStart && bytes[stop - 1] == 0x0D { stop -= 1 }
            return try body(lineNumber, UnsafeBufferPointer(rebasing: bytes[lineStart..<stop]))
        }
    }

    /// Moves the unread bytes to the front, grows the buffer when one line fills it, and reads more.
    private mutating func refill() {
        if start > 0 {
            let unread = end - start
            buffer.withUnsafeMutableBufferPointer { bytes in
                if unread > 0 { _ = memmove(bytes.baseAddress!, bytes.baseAddress! + start, unread) }
            }
            start = 0
            end = unread
        }
        if end == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
        let capacity = buffer.count - end
        let count = buffer.withUnsafeMutableBufferPointer { bytes in
            var count: Int
            repeat {
                count = read(file.descriptor, bytes.baseAddress! + end, capacity)
            } while count < 0 && errno == EINTR
            return count
        }
        if count <= 0 {
            atEndOfFile = true
            return
        }
        if firstRead && end + count >= 3 {
            // Skip a UTF-8 byte order mark, once three bytes are in (a pipe's first read may bring fewer).
            firstRead = false
            if buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { start = 3 }
        }
        end += count
        bytesRead += Int64(count)
    }
}
