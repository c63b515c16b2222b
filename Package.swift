// swift-tools-version:6.2
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "TenantSim",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tenantsim", targets: ["tenantsim"]),
        .library(name: "TenantEngine", targets: ["TenantEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        .target(name: "TenantModel", swiftSettings: strict),
        .target(name: "TenantRules", dependencies: ["TenantModel"], swiftSettings: strict),
        .target(
            name: "TenantStore",
            dependencies: ["TenantModel", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .target(name: "TenantEngine", dependencies: ["TenantModel", "TenantRules", "TenantStore"], swiftSettings: strict),
        .executableTarget(
            name: "tenantsim",
            dependencies: [
                "TenantModel", "TenantRules", "TenantEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "tenantsim-bench", dependencies: ["TenantModel", "TenantEngine"], swiftSettings: strict),
        .testTarget(name: "TenantModelTests", dependencies: ["TenantModel"], swiftSettings: strict),
        .testTarget(name: "TenantRulesTests", dependencies: ["TenantModel", "TenantRules"], swiftSettings: strict),
        .testTarget(name: "TenantStoreTests", dependencies: ["TenantModel", "TenantStore"], swiftSettings: strict),
        .testTarget(name: "TenantEngineTests", dependencies: ["TenantModel", "TenantRules", "TenantEngine"], swiftSettings: strict),
    ]
)
