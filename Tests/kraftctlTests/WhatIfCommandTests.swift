import Foundation
import Testing

@Suite("kraftctl whatif")
struct WhatIfCommandTests {
  @Test("Swedish sentences first, then the tables; the money in whole kronor")
  func swedish() throws {
    let r = try Run.kraftctl("whatif", "--add", "Nydala", "--remove", "Holma")
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "Nydala kommer med i urvalet och Holma lämnar det.")
    #expect(lines.contains("Kluster 2 upphör."))
    // Names, not area codes, in the Swedish prose.
    #expect(
      lines.contains(
        "Insatsen Läxhjälp och kvällsfritids i Holma uppfyller villkoren före ändringen men uppfyller inte villkoren efter: Insatsen riktar sig till Holma, inget av urvalets 12 delområden."
      ))
    let sentences = try #require(r.stdout.components(separatedBy: "\n\n").first)
    #expect(sentences.contains("Holma lämnar det") && !sentences.contains("25611"))
    #expect(lines.contains("Fritidsförvaltningen får 1 266 666 kr mindre (0 kr i stället för 1 266 666 kr)."))
    #expect(lines.contains("2 600 000 kr av budgeten blir över efter ändringen (före: 0 kr)."))
    #expect(lines.contains { $0.hasPrefix("FRF") && $0.hasSuffix("1266666        0    -1266666") })
    #expect(r.stdout.contains("Insatser som ändrar bedömning"))
  }

  @Test("JSON: codes, ids and integer kronor; the differences add up to the change of what is left over")
  func json() throws {
    let r = try Run.kraftctl("whatif", "--add", "36106", "--remove", "Holma", "--format", "json")
    #expect(r.status == 0)
    let object = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(object["adding"] as? [String] == ["36106"])
    #expect(object["removing"] as? [String] == ["25611"])
    #expect((object["selection_after"] as? [String])?.count == 12)
    let verdicts = try #require(object["verdicts"] as? [[String: Any]])
    #expect(verdicts.compactMap { $0["insats"] as? String } == ["EX-2026-01", "EX-2026-08"])
    let money = try #require(object["forvaltningar"] as? [[String: Any]])
    let total = money.compactMap { ($0["difference"] as? NSNumber)?.int64Value }.reduce(0, +)
    #expect(total == -2_600_000)
    #expect(object["budget"] as? Int == 6_000_000)
  }

  @Test("English, another model and budget: the sums still hold")
  func english() throws {
    let r = try Run.kraftctl(
      "whatif", "--add", "Nydala", "--remove", "Holma", "--budget", "3 MSEK", "--model", "pro-rata", "--lang", "en")
    #expect(r.status == 0)
    #expect(r.stdout.hasPrefix("Nydala joins the selection and Holma leaves it."))
    #expect(r.stdout.contains("Förskoleförvaltningen gets 525,000 kr more (1,400,000 kr instead of 875,000 kr)."))
    #expect(r.stdout.contains("600,000 kr of the budget is left over after the change (before: 0 kr)."))
  }

  @Test("Usage errors exit 64, a change that does not fit the selection 65")
  func errors() throws {
    let none = try Run.kraftctl("whatif")
    #expect(none.status == 64)
    #expect(none.stderr.contains("whatif needs --add AREA or --remove AREA"))
    let unknown = try Run.kraftctl("whatif", "--add", "Helenholm")
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("did you mean Heleneholm?"))
    let selected = try Run.kraftctl("whatif", "--add", "Holma", "--remove", "Nydala")
    #expect(selected.status == 65)
    #expect(selected.stderr.contains("Holma (25611) is already in the selection"))
    #expect(selected.stderr.contains("Nydala (36106) is not in the selection"))
    #expect(selected.stdout.isEmpty)
  }
}
