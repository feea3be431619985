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
    ],
    targets: [
        // The system Lua 5.4 library (Debian: liblua5.4-dev).
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
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
        .target(name: "RehearsalCore", dependencies: ["LuaHost", "Analysis"]),
        // The result store: an interface, and its SQLite implementation (GRDB).
        .target(
            name: "Store",
            dependencies: ["RehearsalCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Subcommands and terminal I/O.
        .target(
            name: "RehearsalCLI",
            dependencies: [
                "LuaHost",
                "Analysis",
                "RehearsalCore",
                "Store",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "rehearse", dependencies: ["RehearsalCLI"]),
        // In-process benchmarks (state creation, analysis); see docs/performance.md.
        .executableTarget(name: "rehearse-bench", dependencies: ["LuaHost", "Analysis", "RehearsalCore"]),
        .testTarget(name: "LuaHostTests", dependencies: ["LuaHost"], resources: [.copy("Fixtures")]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RehearsalCoreTests", dependencies: ["RehearsalCore"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "RehearsalCLITests",
            dependencies: ["RehearsalCLI", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Fixtures")]
        ),
    ]
)
