import Foundation
import Synchronization
import Testing

@testable import RehearsalCore

/// SHA-256 against FIPS 180-4's example vectors and block-boundary lengths: stored session ids and input
/// identities depend on every digest staying the same.
@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func fipsExamples(input: String, digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }

    @Test func aMillionTimesTheLetterA() {
        let input = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(input) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func digestIsThirtyTwoBytesAndHexIsItsLowercaseSpelling() {
        let digest = SHA256.digest(Array("abc".utf8))
        #expect(digest.count == 32)
        #expect(
            digest.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
                .joined() == SHA256.hex(Array("abc".utf8)))
    }

    /// Each thread hashes with its own reused context: many threads at once, each hashing many inputs in turn
    /// (a context reused after a long input and after an empty one), give the same digests as one thread.
    @Test func threadsHashingAtOnceGetTheSameDigests() async {
        let inputs = (0..<64).map { [UInt8](repeating: UInt8(ascii: "a") &+ UInt8($0 % 26), count: $0 * 37) }
        let expected = inputs.map { SHA256.hex($0) }
        let results = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 { group.addTask { inputs.map { SHA256.hex($0) } } }
            var all: [[String]] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 8)
        for result in results { #expect(result == expected) }
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    /// A thread's context is freed when the thread ends: threads that hash and exit, one after another and four at
    /// a time (as grading workers do at the end of a run), neither crash nor change a digest.
    @Test func threadsThatEndFreeTheirContexts() {
        let expected = SHA256.hex(Array("abc".utf8))
        let digests = Mutex<[String]>([])
        for round in 0..<5 {
            let group = DispatchGroup()
            for _ in 0..<(round == 0 ? 1 : 4) {
                group.enter()
                Thread {
                    let digest = SHA256.hex(Array("abc".utf8))
                    digests.withLock { $0.append(digest) }
                    group.leave()
                }.start()
            }
            #expect(group.wait(timeout: .now() + 10) == .success)
        }
        #expect(digests.withLock { $0 } == Array(repeating: expected, count: 17))
        #expect(SHA256.hex(Array("abc".utf8)) == expected)
    }
}
