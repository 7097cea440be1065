import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingAllocation

@Suite("ApportionmentInput")
struct ApportionmentInputTests {
  func input(_ text: String, source: String = "w.csv") throws -> ApportionmentInput {
    try ApportionmentInput(document: CSVReader.parse(text, source: source))
  }

  @Test("reads name,weight in file order, whole numbers and decimals")
  func reads() throws {
    let i = try input("name,weight\nA,10\nB,7.5\nC,0\n")
    #expect(i.names == ["A", "B", "C"])
    #expect(i.weights.map(\.description) == ["10", "7.5", "0"])
    #expect(i.source == "w.csv")
  }

  @Test(
    "finds the columns by header in any order and case, or takes the first two",
    arguments: [
      ("Namn,Vikt\nA,2\n", "A", "2"),
      ("vikt,namn\n2,A\n", "A", "2"),
      ("Weight , Name\n2,A\n", "A", "2"),
      ("mottagare,andel\nA,2\n", "A", "2"),
    ])
  func columns(_ text: String, _ name: String, _ weight: String) throws {
    let i = try input(text)
    #expect(i.names == [name])
    #expect(i.weights.map(\.description) == [weight])
  }

  @Test("a decimal comma works with ; as the delimiter")
  func decimalComma() throws {
    let i = try input("namn;vikt\nA;2,5\nB;7,5\n")
    #expect(i.weights.map(\.description) == ["2.5", "7.5"])
  }

  @Test("one column is an error at line 1 with a hint")
  func oneColumn() throws {
    let error = try #require(throws: DataError.self) { try input("only\nA\n") }
    #expect(error.diagnostics.map(\.code.rawValue) == ["apportion.columns"])
    #expect(error.diagnostics[0].location == SourceLocation(file: "w.csv", line: 1))
  }

  @Test("every bad weight is reported at once, located at its cell")
  func badWeights() throws {
    let error = try #require(throws: DataError.self) { try input("name,weight\nA,x\nB,-2\nC,3\n", source: "<stdin>") }
    #expect(error.diagnostics.map(\.code.rawValue) == ["apportion.weight", "apportion.negative-weight"])
    #expect(
      error.diagnostics[0].locatedMessage.hasPrefix("<stdin>:2:2 (field weight): weight 'x' of 'A' is not a number"))
    #expect(error.diagnostics[1].message == "weight -2 of 'B' is negative")
  }

  @Test("apportions exactly; a tie under the error policy names the tied recipients")
  func apportion() throws {
    let i = try input("name,weight\nA,10\nB,7\nC,3\n")
    let a = try i.apportion(10, by: ApportionmentRegistry.standard.make("dhondt"), ties: .error)
    #expect(a.amounts.reduce(0, +) == 10)
    #expect(a.amounts == [5, 4, 1])
    let tied = try input("name,weight\nA,1\nB,1\nC,1\n")
    let error = try #require(throws: DataError.self) { try tied.apportion(2, by: LargestRemainder(), ties: .error) }
    #expect(error.diagnostics[0].message == "tie: A, B, C have an equal claim on the last 2 unit(s)")
    let ordered = try tied.apportion(2, by: LargestRemainder(), ties: .inputOrder)
    #expect(ordered.amounts == [1, 1, 0])
    #expect(tied.names(ordered.tie?.favoured ?? []) == ["A", "B"])
  }

  @Test("a missing file is unreadable (exit 66 in kraftctl)")
  func missingFile() throws {
    let error = try #require(throws: DataError.self) { try ApportionmentInput.read(path: "/nonexistent/weights.csv") }
    #expect(error.kind == .unreadable)
  }
}
