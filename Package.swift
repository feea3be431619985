// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Rehearsal",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "rehearse", targets: ["rehearse"]),
        .library(name: "LuaHost", targets: ["LuaHost"]),
        .library(name: "Analysis", targets: ["Analysis"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // The system Lua 5.4 library (Debian: liblua5.4-dev).
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        // OpenSSL's libcrypto, for SHA-256 (Debian: libssl-dev).
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // Our C layer: macro wrappers, limits, trampoline, sandbox, bounded patterns.
        .target(
            name: "LuaShim",
            dependencies: ["CLua"],
            cSettings: [.unsafeFlags(["-O2"])]
        ),
        // A sandboxed Lua 5.4 host. Knows nothing of interviews.
        .target(name: "LuaHost", dependencies: ["LuaShim", "CLua"]),
        // Text measurements of answers (pure Swift, no Lua).
        .target(name: "Analysis"),
        // Scenario model, DSL loader, engine, scoring and feedback.
        .target(name: "RehearsalCore", dependencies: ["LuaHost", "Analysis", "CCrypto"]),
        // Readers for recorded interviews (JSONL, CSV, WebVTT, SRT, Whisper JSON) and question/answer alignment.
        .target(name: "Transcripts", dependencies: ["RehearsalCore", "Analysis"]),
        // SQLite settings that only C can make (sqlite3_config is variadic).
        .target(
            name: "StoreShim",
            dependencies: [.product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        // The result store: an interface, and its SQLite implementation (GRDB; the batch writer binds through
        // SQLite's C API, GRDBSQLite).
        .target(
            name: "Store",
            dependencies: [
                "RehearsalCore", "StoreShim", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // Session and progress reports (Markdown, HTML with SVG charts, JSON, email) from Mustache templates.
        .target(
            name: "Reports",
            dependencies: [
                "RehearsalCore", "Analysis", "Store", .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Templates")]
        ),
        // Batch grading: a reader, workers with a Lua state each, and a single store writer.
        .target(name: "Grading", dependencies: ["RehearsalCore", "Transcripts", "Store"]),
        // Subcommands and terminal I/O.
        .target(
            name: "RehearsalCLI",
            dependencies: [
                "LuaHost",
                "Analysis",
                "RehearsalCore",
                "Store",
                "Reports",
                "Transcripts",
                "Grading",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "rehearse", dependencies: ["RehearsalCLI"]),
        // In-process benchmarks (state creation, analysis); see docs/performance.md.
        .executableTarget(
            name: "rehearse-bench",
            dependencies: ["LuaHost", "Analysis", "RehearsalCore", "Transcripts", "Store", "Grading"]),
        .testTarget(name: "LuaHostTests", dependencies: ["LuaHost"], resources: [.copy("Fixtures")]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RehearsalCoreTests", dependencies: ["RehearsalCore"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "TranscriptsTests", dependencies: ["Transcripts", "RehearsalCore", "Analysis"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "GradingTests", dependencies: ["Grading", "Transcripts", "Store", "RehearsalCore"]),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ReportsTests",
            dependencies: ["Reports", "Store", "RehearsalCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "RehearsalCLITests",
            dependencies: ["RehearsalCLI", "Grading", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Fixtures")]
        ),
    ]
)
