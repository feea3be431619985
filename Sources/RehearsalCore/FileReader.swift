#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads whole files without Foundation.
enum FileReader {
    /// The bytes of a file, or why they cannot be read, in words for a message: the system's reason
    /// ("No such file or directory"), or that the file is larger than `limit` bytes (checked before it is read).
    static func read(_ path: String, limit: Int = .max) -> Result<[UInt8], FileReadProblem> {
        guard let file = fopen(path, "rb") else { return .failure(.system(String(cString: strerror(errno)))) }
        defer { fclose(file) }
        var info = stat()
        if fstat(fileno(file), &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(.system(String(cString: strerror(EISDIR)))) }
            if Int(info.st_size) > limit { return .failure(.tooLarge(bytes: Int(info.st_size))) }
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count > 0 { bytes.append(contentsOf: buffer[0..<count]) }
            // A file that grows while it is read (or a pipe) is held to the same limit.
            if bytes.count > limit { return .failure(.tooLarge(bytes: bytes.count)) }
            if count < buffer.count {
                if ferror(file) != 0 { return .failure(.system(String(cString: strerror(errno)))) }
                break
            }
        }
        return .success(bytes)
    }
}

/// Why a file could not be read.
enum FileReadProblem: Error {
    /// The system's reason.
    case system(String)
    /// Larger than the reader's limit.
    case tooLarge(bytes: Int)
}
