#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file line by line through a fixed read buffer, so memory does not grow with the file.
///
/// Lines end at LF; a CR before the LF is dropped (CRLF files), and a UTF-8 byte order mark at the start of
/// the file is skipped. Line numbers count from 1. A line longer than `maximumLineLength` is not held: its bytes
/// are dropped as they are read, it is handed out empty, and `takeOverlong()` says so.
public struct LineReader {
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
    /// The longest line kept whole; longer ones are dropped (`takeOverlong`).
    public let maximumLineLength: Int
    /// Set when a line was dropped for its length, until `takeOverlong()`.
    private var overlong = false
    /// The number of the line `nextLine` returns next, minus one.
    public private(set) var lineNumber = 0
    /// Bytes read from the file so far (for progress).
    public private(set) var bytesRead: Int64 = 0
    /// The system's error number when reading failed (a folder, an I/O error): reading then stops as at the end of
    /// the file, and a reader that must not take a failure for the end checks this.
    public private(set) var readError: Int32?

    /// Why reading failed, as a sentence (nil when it did not).
    public var readFailure: String? {
        readError.map { "cannot read the file: \(String(cString: strerror($0)))" }
    }

    /// Opens `path`; throws a `Rejected` for the whole file when it cannot be opened.
    public init(
        path: String, bufferSize: Int = 1 << 20, maximumLineLength: Int = RecordingReader.maximumLineBytes
    ) throws(Rejected) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw Rejected(path: path, line: nil, reason: "cannot read the file: \(String(cString: strerror(errno)))")
        }
        file = OpenFile(descriptor)
        buffer = [UInt8](repeating: 0, count: bufferSize)
        self.maximumLineLength = maximumLineLength
    }

    /// Why an overlong line is rejected.
    static let overlongReason = "the line is longer than \(RecordingReader.maximumLineBytes >> 20) MiB: skipped"

    /// Whether the line just handed out (empty) was longer than `maximumLineLength`; clears the mark.
    public mutating func takeOverlong() -> Bool {
        defer { overlong = false }
        return overlong
    }

    /// Calls `body` with the next line's number and bytes (valid only during the call); nil at the end.
    public mutating func withNextLine<Result>(_ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Result) rethrows
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
        if end == buffer.count {
            // One line fills the buffer: grow it, or, at the limit, drop the line.
            guard buffer.count < maximumLineLength else { return dropRestOfLine() }
            buffer.append(contentsOf: repeatElement(0, count: buffer.count))
        }
        let count = readMore(at: end)
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

    /// Reads into the buffer from `offset` to its end; the byte count, 0 at the end of the file, -1 on an error
    /// (kept in `readError`).
    private mutating func readMore(at offset: Int) -> Int {
        let capacity = buffer.count - offset
        let count = buffer.withUnsafeMutableBufferPointer { bytes in
            var count: Int
            repeat {
                count = read(file.descriptor, bytes.baseAddress! + offset, capacity)
            } while count < 0 && errno == EINTR
            return count
        }
        if count < 0 { readError = errno }
        return count
    }

    /// Drops the buffered line and the rest of it as it is read, up to its LF, which is left to end an empty line
    /// (one is made at the end of the file).
    private mutating func dropRestOfLine() {
        overlong = true
        start = 0
        end = 0
        while true {
            let count = readMore(at: 0)
            guard count > 0 else {
                atEndOfFile = true
                buffer[0] = 0x0A
                end = 1
                return
            }
            bytesRead += Int64(count)
            let newline = buffer.withUnsafeBufferPointer { bytes in
                memchr(bytes.baseAddress!, 0x0A, count).map {
                    bytes.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self))
                }
            }
            if let newline {
                start = newline
                end = count
                return
            }
        }
    }
}
