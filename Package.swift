// swift-tools-version:6.2
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// Every target's imports are checked against its declared dependencies (the build fails otherwise).
let checked: [Target.PluginUsage] = [.plugin(name: "ImportCheck")]

let package = Package(
    name: "TenantSim",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tenantsim", targets: ["tenantsim"]),
        .library(name: "TenantEngine", targets: ["TenantEngine"]),
        .library(name: "TenantSimTesting", targets: ["TenantSimTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.8.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/vapor/console-kit.git", from: "4.16.0"),
        .package(url: "https://github.com/onevcat/Rainbow.git", from: "4.2.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
    ],
    targets: [
        .plugin(name: "ImportCheck", capability: .buildTool()),
        .target(name: "TenantModel", swiftSettings: strict, plugins: checked),
        .target(name: "TenantRules", dependencies: ["TenantModel"], swiftSettings: strict, plugins: checked),
        .target(
            name: "TenantStore",
            dependencies: ["TenantModel", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict,
            plugins: checked
        ),
        .target(name: "TenantEngine", dependencies: ["TenantModel", "TenantRules", "TenantStore"], swiftSettings: strict, plugins: checked),
        .target(
            name: "TenantConsole",
            dependencies: ["TenantModel", "TenantRules", "TenantEngine", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: strict,
            plugins: checked
        ),
        .target(
            name: "HTTPTransport",
            dependencies: [
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strict,
            plugins: checked
        ),
        .target(
            name: "TenantAPI",
            dependencies: [
                "TenantModel", "TenantRules", "TenantEngine", "TenantConsole", "HTTPTransport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOFoundationEssentialsCompat", package: "swift-nio"),
            ],
            swiftSettings: strict,
            plugins: checked
        ),
        .target(
            name: "TenantServer",
            dependencies: [
                "TenantModel", "TenantEngine", "TenantAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict,
            plugins: checked
        ),
        .target(
            name: "OnboardingKit",
            dependencies: [
                "HTTPTransport",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            swiftSettings: strict,
            plugins: checked
        ),
        .target(
            name: "ScenarioKit",
            dependencies: [
                "TenantModel", "TenantRules", "TenantEngine", "TenantAPI", "TenantServer", "HTTPTransport", "OnboardingKit",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict,
            plugins: checked
        ),
        .target(
            name: "TenantSimTesting",
            dependencies: [
                "TenantModel", "TenantEngine", "TenantAPI", "TenantServer", "HTTPTransport", "ScenarioKit", "OnboardingKit",
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strict,
            plugins: checked
        ),
        .executableTarget(
            name: "tenantsim",
            dependencies: [
                "TenantModel", "TenantRules", "TenantEngine", "TenantAPI", "TenantServer", "ScenarioKit", "OnboardingKit",
                "HTTPTransport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ConsoleKitTerminal", package: "console-kit"),
                .product(name: "Rainbow", package: "Rainbow"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict,
            plugins: checked
        ),
        .executableTarget(
            name: "tenantsim-bench",
            dependencies: [
                "TenantModel", "TenantEngine", "TenantAPI", "TenantServer", "OnboardingKit", "HTTPTransport",
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strict,
            plugins: checked
        ),
        .testTarget(name: "TenantModelTests", dependencies: ["TenantModel"], swiftSettings: strict, plugins: checked),
        .testTarget(name: "TenantRulesTests", dependencies: ["TenantModel", "TenantRules"], swiftSettings: strict, plugins: checked),
        .testTarget(name: "TenantStoreTests", dependencies: ["TenantModel", "TenantStore"], swiftSettings: strict, plugins: checked),
        .testTarget(
            name: "TenantEngineTests",
            dependencies: ["TenantModel", "TenantRules", "TenantEngine", "TenantStore", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Golden"], swiftSettings: strict, plugins: checked),
        .testTarget(
            name: "OnboardingKitTests",
            dependencies: [
                "OnboardingKit", "HTTPTransport", "TenantModel", "TenantEngine", "TenantAPI", "TenantServer", "TenantSimTesting",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            swiftSettings: strict,
            plugins: checked
        ),
        .testTarget(
            name: "ScenarioKitTests",
            dependencies: [
                "ScenarioKit", "TenantModel", "TenantRules", "TenantEngine", "TenantAPI", "OnboardingKit", "HTTPTransport", "TenantSimTesting",
            ],
            swiftSettings: strict, plugins: checked),
        .testTarget(
            name: "TenantAPITests",
            dependencies: [
                "TenantModel", "TenantRules", "TenantEngine", "TenantAPI", "HTTPTransport", "TenantServer", "TenantStore", "TenantSimTesting",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: strict,
            plugins: checked
        ),
    ]
)
