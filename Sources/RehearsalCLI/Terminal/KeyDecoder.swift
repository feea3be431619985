/// Turns the bytes read from a terminal in raw mode into keys. Bytes may arrive in any chunks: an
/// incomplete UTF-8 character or escape sequence waits for the next chunk. A lone Escape is only known to be
/// one when no more bytes follow: call `flush()` when the input has been quiet.
///
/// ```swift
/// var decoder = KeyDecoder()
/// decoder.feed(Array("hé\u{1B}[D".utf8))  // [.text("hé"), .left]
/// ```
struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []
    private var pasting: [UInt8]?

    private static let pasteStart: [UInt8] = Array("\u{1B}[200~".utf8)
    private static let pasteEnd: [UInt8] = Array("\u{1B}[201~".utf8)

    /// Whether bytes are waiting for the rest of a sequence.
    var isWaiting: Bool { !pending.isEmpty || pasting != nil }

    /// The keys the bytes complete.
    mutating func feed(_ bytes: [UInt8]) -> [Key] {
        pending += bytes
        var keys: [Key] = []
        var index = 0
        while index < pending.count {
            if pasting != nil {
                guard let end = Self.find(Self.pasteEnd, in: pending, from: index) else {
                    // Keep a tail that may be the start of the end marker.
                    let keep = max(index, pending.count - (Self.pasteEnd.count - 1))
                    pasting?.append(contentsOf: pending[index..<keep])
                    index = keep
                    break
                }
                let text = (pasting ?? []) + pending[index..<end]
                keys.append(.paste(String(decoding: text, as: UTF8.self).replacingCRLF))
                pasting = nil
                index = end + Self.pasteEnd.count
                continue
            }
            guard let (key, length) = Self.decodeOne(pending[index...]) else { break }
            if length == Self.pasteStart.count, pending[index..<(index + length)].elementsEqual(Self.pasteStart) {
                pasting = []
            } else if case .text(let text) = key, case .text(let previous)? = keys.last {
                keys[keys.count - 1] = .text(previous + text)
            } else {
                keys.append(key)
            }
            index += length
        }
        pending.removeFirst(index)
        return keys
    }

    /// The keys held back waiting for more bytes, when no more came: a lone Escape, or an Escape sequence
    /// cut short.
    mutating func flush() -> [Key] {
        guard pasting == nil, !pending.isEmpty else { return [] }
        let bytes = pending
        pending = []
        if bytes == [0x1B] { return [.escape] }
        return [.unknown]
    }

    /// One key at the start of the bytes, and how many bytes it took; nil when more bytes are needed.
    private static func decodeOne(_ bytes: ArraySlice<UInt8>) -> (Key, Int)? {
        let first = bytes[bytes.startIndex]
        switch first {
        case 0x0D, 0x0A: return (.enter, 1)
        case 0x7F, 0x08: return (.backspace, 1)
        case 0x09: return (.tab, 1)
        case 0x1B: return escape(bytes)
        case 0x01...0x1A:
            return (.control(Character(Unicode.Scalar(first + 0x60))), 1)
        case 0x00, 0x1C...0x1F: return (.unknown, 1)
        case 0x20...0x7E: return (.text(String(Unicode.Scalar(first))), 1)
        default: return utf8(bytes)
        }
    }

    private static func utf8(_ bytes: ArraySlice<UInt8>) -> (Key, Int)? {
        let first = bytes[bytes.startIndex]
        let length: Int
        switch first {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return (.unknown, 1)
        }
        let available = bytes.prefix(length)
        for (offset, byte) in available.enumerated() where offset > 0 && byte & 0xC0 != 0x80 {
            return (.unknown, offset)
        }
        guard available.count == length else { return nil }
        var decoded = ""
        var iterator = available.makeIterator()
        var codec = UTF8()
        guard case .scalarValue(let scalar) = codec.decode(&iterator) else { return (.unknown, length) }
        decoded.unicodeScalars.append(scalar)
        return (.text(decoded), length)
    }

    /// Escape sequences: CSI (ESC [ ... final byte) and SS3 (ESC O letter). Alt and a printable key (Escape then
    /// the key) is a key this program does not use: it types nothing.
    private static func escape(_ bytes: ArraySlice<UInt8>) -> (Key, Int)? {
        let start = bytes.startIndex
        guard bytes.count >= 2 else { return nil }
        let second = bytes[start + 1]
        if second == UInt8(ascii: "O") {
            guard bytes.count >= 3 else { return nil }
            let keys: [UInt8: Key] = [0x41: .up, 0x42: .down, 0x43: .right, 0x44: .left, 0x48: .home, 0x46: .end]
            return (keys[bytes[start + 2]] ?? .unknown, 3)
        }
        guard second == UInt8(ascii: "[") else { return (0x20...0x7E).contains(second) ? (.unknown, 2) : (.escape, 1) }
        var end = start + 2
        while end < bytes.endIndex, !(0x40...0x7E).contains(bytes[end]) { end += 1 }
        guard end < bytes.endIndex else { return bytes.count > 16 ? (.unknown, bytes.count) : nil }
        let parameters = String(decoding: bytes[(start + 2)..<end], as: UTF8.self)
        let length = end - start + 1
        switch (bytes[end], parameters) {
        case (0x41, _): return (.up, length)
        case (0x42, _): return (.down, length)
        case (0x43, _): return (.right, length)
        case (0x44, _): return (.left, length)
        case (0x48, _): return (.home, length)
        case (0x46, _): return (.end, length)
        case (0x7E, "1"), (0x7E, "7"): return (.home, length)
        case (0x7E, "4"), (0x7E, "8"): return (.end, length)
        case (0x7E, "3"): return (.delete, length)
        case (0x7E, "200"): return (.unknown, length)  // the paste marker; feed() recognises it
        default: return (.unknown, length)
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count + start else { return nil }
        for index in start...(haystack.count - needle.count)
        where haystack[index..<(index + needle.count)].elementsEqual(needle) {
            return index
        }
        return nil
    }
}

extension String {
    /// Line ends as "\n", whatever the terminal sent (CR LF or CR).
    var replacingCRLF: String {
        replacing("\r\n", with: "\n").replacing("\r", with: "\n")
    }
}
