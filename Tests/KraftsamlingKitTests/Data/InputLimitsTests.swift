import Foundation
import Testing

import KraftsamlingKitData

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

/// Every reader honours ``InputLimits`` at the boundary: an input exactly at
/// a cap is read, one unit more is refused with `limit.<setting>` and a hint
/// naming the setting to raise.
@Suite("Input limits at their boundaries")
struct InputLimitsTests {
  func temporaryFile(_ bytes: [UInt8], ext: String = "json") throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("kk-limits-\(UUID().uuidString).\(ext)").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Whether an error is the documented limit error for `setting`.
  func isLimit(_ error: any Error, _ setting: String) -> Bool {
    guard let e = error as? any DiagnosticError, let d = e.diagnostics.first else { return false }
    return d.code.rawValue == "limit.\(setting)" && e.diagnostics.count == 1
  }

  // A small valid document of each JSON format and its size in bytes.
  static let ruleSet = #"{"rules": [{"id": "minsta-belopp", "minimum": 1500000}]}"#
  static let insatser = #"{"format": "kraftsamlingkit.insatser", "version": 1, "insatser": []}"#
  static let definition = #"{"id": "x", "indicators": [{"id": "a", "value": "a"}]}"#

  @Test("rule-set files: maximumBytes at the byte")
  func ruleSetBytes() throws {
    let bytes = Array(Self.ruleSet.utf8)
    let atCap = RuleSetReader(limits: InputLimits(maximumBytes: bytes.count))
    #expect(try atCap.parse(bytes).ruleSet.rule(id: "minsta-belopp") != nil)
    let below = RuleSetReader(limits: InputLimits(maximumBytes: bytes.count - 1))
    #expect { try below.parse(bytes) } throws: { isLimit($0, "maximumBytes") }
    let path = try temporaryFile(bytes)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(try atCap.read(path: path).ruleSet.rule(id: "minsta-belopp") != nil)
    #expect { try below.read(path: path) } throws: { error in
      let d = (error as! DataError).diagnostics[0]
      return d.code == "limit.maximumBytes" && d.hint?.contains("InputLimits.maximumBytes") == true && d.location.file == path
    }
  }

  @Test("insats files: maximumBytes at the byte")
  func insatsBytes() throws {
    let bytes = Array(Self.insatser.utf8)
    #expect(try InsatsReader(catalogue: .malmö, limits: InputLimits(maximumBytes: bytes.count)).parse(bytes).file.insatser.isEmpty)
    #expect { try InsatsReader(catalogue: .malmö, limits: InputLimits(maximumBytes: bytes.count - 1)).parse(bytes) } throws: {
      isLimit($0, "maximumBytes")
    }
    let path = try temporaryFile(bytes)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect { try InsatsReader(catalogue: .malmö, limits: InputLimits(maximumBytes: bytes.count - 1)).read(path: path) } throws: {
      isLimit($0, "maximumBytes")
    }
  }

  @Test("consultation files: maximumBytes at the byte")
  func consultationBytes() throws {
    // Not a valid round: at the cap the decoder is reached (json.missing-field), above it is not.
    let bytes = Array("{}".utf8)
    #expect { try Remissomgång.decode(bytes, limits: InputLimits(maximumBytes: 2)) } throws: { error in
      (error as! DataError).diagnostics[0].code == "json.missing-field"
    }
    #expect { try Remissomgång.decode(bytes, limits: InputLimits(maximumBytes: 1)) } throws: { isLimit($0, "maximumBytes") }
    let path = try temporaryFile(bytes)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect { try Remissomgång.read(path: path, catalogue: .malmö, limits: InputLimits(maximumBytes: 1)) } throws: { isLimit($0, "maximumBytes") }
  }

  @Test("index definitions: maximumBytes at the byte, as an IndexError with the limit code")
  func definitionBytes() throws {
    let bytes = Array(Self.definition.utf8)
    #expect(try IndexDefinition(json: bytes, limits: InputLimits(maximumBytes: bytes.count)).id == "x")
    #expect { try IndexDefinition(json: bytes, limits: InputLimits(maximumBytes: bytes.count - 1)) } throws: { error in
      (error as! IndexError).code.rawValue == "limit.maximumBytes"
    }
  }

  @Test("JSON models and files: maximumBytes at the byte")
  func jsonCodingBytes() throws {
    let bytes = Array("[1, 2]".utf8)  // 6 bytes
    #expect(try JSONCoding.decode([Int].self, from: bytes, file: nil, limits: InputLimits(maximumBytes: 6)) == [1, 2])
    #expect { try JSONCoding.decode([Int].self, from: bytes, file: nil, limits: InputLimits(maximumBytes: 5)) } throws: {
      isLimit($0, "maximumBytes")
    }
    let path = try temporaryFile(bytes)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(try JSONCoding.read([Int].self, path: path, limits: InputLimits(maximumBytes: 6)) == [1, 2])
    #expect { try JSONCoding.read([Int].self, path: path, limits: InputLimits(maximumBytes: 5)) } throws: {
      isLimit($0, "maximumBytes")
    }
    #expect(try FileInput.readBytes(path: path, maximumBytes: 6) == bytes)
    #expect { try FileInput.readBytes(path: path, maximumBytes: 5) } throws: { isLimit($0, "maximumBytes") }
  }

  @Test("JSON nesting: 512 levels are read, 513 are refused with limit.maximumDepth", arguments: [512, 513])
  func nestingDepth(depth: Int) throws {
    let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    if depth <= JSONParser.maximumDepth {
      #expect(try JSONParser.parse(text).arrayValue != nil)
      // The located decoder (Foundation's JSONDecoder after our parser) takes the same depth.
      #expect(throws: DataError.self) { try JSONCoding.decode([Int].self, from: Array(text.utf8), file: nil) }
    } else {
      #expect { try JSONParser.parse(text) } throws: { isLimit($0, "maximumDepth") }
      #expect { try RuleSetReader().parse(text) } throws: { isLimit($0, "maximumDepth") }
      #expect { try IndexDefinition(json: text) } throws: { error in
        (error as! IndexError).code.rawValue == "limit.maximumDepth"
      }
    }
  }

  @Test("neighbour lists: maximumRows at the row")
  func neighbourRows() throws {
    let path = try temporaryFile(Array("code,neighbor\na,b\nb,a\nb,c\n".utf8), ext: "csv")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let graph = try NeighbourGraph(csv: CSVReader.read(path: path, limits: InputLimits(maximumRows: 3)))
    #expect(graph.ids == ["a", "b", "c"])
    #expect { try CSVReader.read(path: path, limits: InputLimits(maximumRows: 2)) } throws: { error in
      let d = (error as! DataError).diagnostics[0]
      return d.code == "limit.maximumRows" && d.location.line == 4
    }
  }

  @Test("panel files: maximumRows at the row")
  func panelRows() throws {
    let text = "kod,ar,unga_16_29,uvas_16_29\n1,2022,100,10\n1,2023,100,9\n"
    #expect(try IndicatorPanel.read(CSVReader.parse(text, limits: InputLimits(maximumRows: 2))).panel.codes == ["1"])
    #expect { try CSVReader.parse(text, limits: InputLimits(maximumRows: 1)) } throws: { isLimit($0, "maximumRows") }
    let path = try temporaryFile(Array(text.utf8), ext: "csv")
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(try IndicatorPanel.read(path: path, limits: InputLimits(maximumRows: 2)).panel.years == 2022...2023)
    #expect { try IndicatorPanel.read(path: path, limits: InputLimits(maximumRows: 1)) } throws: { isLimit($0, "maximumRows") }
  }

  /// A ring of six areas, each with two neighbours.
  static let ring: SpatialWeights = {
    let ids = (0..<6).map { "r\($0)" }
    let graph = try! NeighbourGraph(ids: ids, neighbours: (0..<6).map { [($0 + 5) % 6, ($0 + 1) % 6] })
    return graph.weights(.binary)
  }()
  static let values: [Double] = [1, 4, 2, 8, 5, 7]

  @Test("local and global permutation tests: maximumPermutations at the permutation")
  func permutations() throws {
    var inference = PermutationInference(permutations: 99, seed: 1, threads: 1)
    inference.maximumPermutations = 99
    #expect(try LocalSpatialStatistics.moran(values: Self.values, weights: Self.ring, inference: inference).permutations == 99)
    #expect(try GlobalMoran(values: Self.values, weights: Self.ring, inference: inference).permutations == 99)
    inference.permutations = 100
    #expect { try LocalSpatialStatistics.moran(values: Self.values, weights: Self.ring, inference: inference) } throws: {
      error in
      let e = error as! SpatialStatisticsError
      return e.code == .permutationLimit && e.code.rawValue == "limit.maximumPermutations"
        && e.message.contains("PermutationInference.maximumPermutations")
    }
    #expect { try LocalSpatialStatistics.getisOrd(values: Self.values, weights: Self.ring, inference: inference) } throws: {
      ($0 as! SpatialStatisticsError).code == .permutationLimit
    }
    #expect { try GlobalMoran(values: Self.values, weights: Self.ring, inference: inference) } throws: {
      ($0 as! SpatialStatisticsError).code == .permutationLimit
    }
    // An injected matrix counts too.
    var injected = PermutationInference(
      matrix: PermutationMatrix.conditional(observations: 6, columns: 2, permutations: 3, seed: 1), threads: 1)
    injected.maximumPermutations = 2
    #expect { try LocalSpatialStatistics.moran(values: Self.values, weights: Self.ring, inference: injected) } throws: {
      ($0 as! SpatialStatisticsError).code == .permutationLimit
    }
  }

  @Test("the default limits: 1 GiB, 5 million rows, 10,000 columns, 1 MiB cells, 1 million features, vertices and permutations")
  func defaults() {
    let l = InputLimits.standard
    #expect(l.maximumBytes == 1 << 30)
    #expect(l.maximumRows == 5_000_000)
    #expect(l.maximumColumns == 10_000)
    #expect(l.maximumCellBytes == 1 << 20)
    #expect(l.maximumFeatures == 1_000_000)
    #expect(l.maximumVerticesPerPolygon == 1_000_000)
    #expect(l.maximumPermutations == 1_000_000)
    #expect(PermutationInference().maximumPermutations == l.maximumPermutations)
    #expect(JSONParser.maximumDepth == 512)
  }

  @Test("limits saved before a cap existed still decode; the missing caps keep their defaults")
  func decodesOlderJSON() throws {
    let older = Data(#"{"maximumRows": 5, "maximumBytes": 100}"#.utf8)
    let l = try JSONDecoder().decode(InputLimits.self, from: older)
    #expect(l.maximumRows == 5 && l.maximumBytes == 100)
    #expect(l.maximumCells == InputLimits.standard.maximumCells)
    #expect(l.maximumColumns == InputLimits.standard.maximumColumns)
    let roundTrip = try JSONDecoder().decode(InputLimits.self, from: JSONEncoder().encode(l))
    #expect(roundTrip == l)
  }
}
