// swift-tools-version:6.0
//
// KraftsamlingKit — decide where a city concentrates social investment,
// which interventions qualify, and how the money is divided.
//
// This manifest deliberately declares no package dependencies: the SDK uses
// only the Swift toolchain (Swift standard library, FoundationEssentials,
// Dispatch, Swift Testing).

import PackageDescription

let strictSwift: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
]

/// Tutorial programs under `Examples/<Name>/main.swift`; each is built in CI
/// and run by `Tests/kraftctlTests`.
let examples: [String] = [
  "LoadMalmoData",
  "CustomIndex",
  "MalmoClusters",
  "CustomEligibilityRule",
  "ConsultationAndFollowUp",
  "CustomAllocationModel",
  "HotSpots",
  "RobustSelection",
]

var targets: [Target] = [
  .target(
    name: "KraftsamlingKit",
    path: "Sources/KraftsamlingKit",
    swiftSettings: strictSwift),
  .target(
    name: "KraftsamlingKitData",
    dependencies: ["KraftsamlingKit"],
    path: "Sources/KraftsamlingKitData",
    swiftSettings: strictSwift),
  .executableTarget(
    name: "kraftctl",
    dependencies: ["KraftsamlingKit", "KraftsamlingKitData"],
    path: "Sources/kraftctl",
    swiftSettings: strictSwift),
  .executableTarget(
    name: "kraftbench",
    dependencies: ["KraftsamlingKit"],
    path: "Sources/kraftbench",
    swiftSettings: strictSwift),
  .testTarget(
    name: "KraftsamlingKitTests",
    dependencies: ["KraftsamlingKit", "KraftsamlingKitData"],
    path: "Tests/KraftsamlingKitTests",
    exclude: ["Fixtures"],
    swiftSettings: strictSwift),
  .testTarget(
    name: "kraftctlTests",
    dependencies: ["kraftctl"] + examples.map { .target(name: $0) },
    path: "Tests/kraftctlTests",
    swiftSettings: strictSwift),
]

targets += examples.map { name in
  .executableTarget(
    name: name,
    dependencies: ["KraftsamlingKit", "KraftsamlingKitData"],
    path: "Examples/\(name)",
    swiftSettings: strictSwift)
}

let package = Package(
  name: "KraftsamlingKit",
  products: [
    .library(name: "KraftsamlingKit", targets: ["KraftsamlingKit"]),
    .library(name: "KraftsamlingKitData", targets: ["KraftsamlingKitData"]),
    .executable(name: "kraftctl", targets: ["kraftctl"]),
    .executable(name: "kraftbench", targets: ["kraftbench"]),
  ],
  targets: targets,
  swiftLanguageModes: [.v6]
)
