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

/// The stages of the data flow, in order. Each is a module that may import
/// only the stages before it; `KraftsamlingKit` re-exports them all.
let stages: [(name: String, dependencies: [String])] = [
  ("KraftsamlingCore", []),
  ("KraftsamlingIndex", ["KraftsamlingCore"]),
  ("KraftsamlingGeography", ["KraftsamlingCore", "KraftsamlingIndex"]),
  ("KraftsamlingInsatser", ["KraftsamlingCore"]),
  ("KraftsamlingAllocation", ["KraftsamlingCore", "KraftsamlingIndex", "KraftsamlingInsatser"]),
  ("KraftsamlingFollowUp", ["KraftsamlingCore", "KraftsamlingIndex", "KraftsamlingGeography"]),
  (
    "KraftsamlingReporting",
    ["KraftsamlingCore", "KraftsamlingIndex", "KraftsamlingGeography", "KraftsamlingInsatser",
     "KraftsamlingAllocation", "KraftsamlingFollowUp"]
  ),
]

var targets: [Target] = stages.map { stage in
  .target(
    name: stage.name,
    dependencies: stage.dependencies.map { .target(name: $0) },
    path: "Sources/\(stage.name)",
    swiftSettings: strictSwift)
}

targets += [
  .target(
    name: "KraftsamlingKit",
    dependencies: stages.map { .target(name: $0.name) },
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
    exclude: ["Fixtures"],
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
    .library(name: "KraftsamlingCore", targets: ["KraftsamlingCore"]),
    .library(name: "KraftsamlingIndex", targets: ["KraftsamlingIndex"]),
    .library(name: "KraftsamlingGeography", targets: ["KraftsamlingGeography"]),
    .library(name: "KraftsamlingInsatser", targets: ["KraftsamlingInsatser"]),
    .library(name: "KraftsamlingAllocation", targets: ["KraftsamlingAllocation"]),
    .library(name: "KraftsamlingFollowUp", targets: ["KraftsamlingFollowUp"]),
    .library(name: "KraftsamlingReporting", targets: ["KraftsamlingReporting"]),
    .library(name: "KraftsamlingKitData", targets: ["KraftsamlingKitData"]),
    .executable(name: "kraftctl", targets: ["kraftctl"]),
    .executable(name: "kraftbench", targets: ["kraftbench"]),
  ],
  targets: targets,
  swiftLanguageModes: [.v6]
)
