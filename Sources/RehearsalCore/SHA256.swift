import CCrypto

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SHA-256 (FIPS 180-4), for scenario hashes, session ids and the identity of recorded input. OpenSSL's
/// libcrypto computes it: its assembly runs about 2.4x faster than portable code, and batch grading hashes every
/// byte it reads.
///
/// ```swift
/// SHA256.hex(Array("abc".utf8))   // "ba7816bf..."
/// SHA256.hex(utf8: "abc")         // the same, without the array
/// ```
public enum SHA256 {
    /// The digest of bytes, as 32 bytes.
    public static func digest(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBytes { input in
            [UInt8](unsafeUninitializedCapacity: Int(SHA256_DIGEST_LENGTH)) { output, count in
                digest(input, into: output.baseAddress!)
                count = Int(SHA256_DIGEST_LENGTH)
            }
        }
    }

    /// The digest of bytes, as lowercase hex.
    public static func hex(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes(hex)
    }

    /// The digest of a text's UTF-8 bytes, as lowercase hex.
    public static func hex(utf8 text: String) -> String {
        var text = text
        return text.withUTF8 { hex(UnsafeRawBufferPointer($0)) }
    }

    /// The digest of bytes, as lowercase hex, written straight into the string.
    static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Int(SHA256_DIGEST_LENGTH)) { digest in
            SHA256.digest(bytes, into: digest.baseAddress!)
            return String(unsafeUninitializedCapacity: digest.count * 2) { text in
                let digits: StaticString = "0123456789abcdef"
                for (index, byte) in digest.enumerated() {
                    text[2 * index] = digits.utf8Start[Int(byte >> 4)]
                    text[2 * index + 1] = digits.utf8Start[Int(byte & 15)]
                }
                return digest.count * 2
            }
        }
    }

    /// SHA-256 as OpenSSL's providers give it, fetched once: the one-shot `SHA256()` looks it up on every call,
    /// which cost more than hashing the short identities batch grading hashes for every session. Nil when no
    /// loaded provider has it (an `OPENSSL_CONF` that loads none). Only read, never freed: safe across threads.
    nonisolated(unsafe) private static let algorithm = EVP_MD_fetch(nil, "SHA256", nil)

    /// The key of each thread's own digest context. `EVP_Digest` allocates and frees a context on every call; a
    /// thread keeps one instead, freed when the thread ends. A context is never shared between threads, so this is
    /// as safe across threads as `EVP_Digest`. Nil if the key cannot be made (then `EVP_Digest` does the work).
    private static let contextKey: pthread_key_t? = {
        var key = pthread_key_t()
        // The destructor's argument is optional on Linux and not on Darwin; `OpaquePointer($0)` takes either.
        let made = pthread_key_create(&key) { EVP_MD_CTX_free(OpaquePointer($0)) }
        return made == 0 ? key : nil
    }()

    /// This thread's digest context, made on first use; nil if it cannot be made.
    private static func threadContext() -> OpaquePointer? {
        guard let key = contextKey else { return nil }
        if let context = pthread_getspecific(key) { return OpaquePointer(context) }
        guard let context = EVP_MD_CTX_new() else { return nil }
        guard pthread_setspecific(key, UnsafeRawPointer(context)) == 0 else {
            EVP_MD_CTX_free(context)
            return nil
        }
        return context
    }

    /// Hashes `bytes` into the 32 bytes at `output`.
    static func digest(_ bytes: UnsafeRawBufferPointer, into output: UnsafeMutablePointer<UInt8>) {
        var empty: UInt8 = 0
        let computed = withUnsafePointer(to: &empty) { fallback in
            algorithm.map { algorithm in
                let input = bytes.baseAddress ?? UnsafeRawPointer(fallback)
                // The same digest either way: the thread's context, initialised afresh for each input, or (when
                // it cannot be had) a one-shot context.
                if let context = threadContext(), EVP_DigestInit_ex2(context, algorithm, nil) == 1,
                    EVP_DigestUpdate(context, input, bytes.count) == 1,
                    EVP_DigestFinal_ex(context, output, nil) == 1
                {
                    return Int32(1)
                }
                return EVP_Digest(input, bytes.count, output, nil, algorithm, nil)
            }
        }
        // OpenSSL 3 fetches SHA-256 from a provider: a configuration (OPENSSL_CONF) that loads none gives no
        // digest. Carrying on with zeros would give every scenario, session and recording the same identity,
        // and batch grading would skip all but the first as already stored; stopping is the only safe answer.
        guard computed == 1 else {
            fatalError(
                "OpenSSL's libcrypto cannot compute SHA-256 here (is OPENSSL_CONF loading a provider without it?); "
                    + "rehearse needs it to identify scenarios and sessions")
        }
    }
}
