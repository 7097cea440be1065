import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser
import KraftsamlingAllocation

/// The allocation explained for a reader: one row per insats and
/// förvaltning with the amount requested, the amount given and one or two
/// sentences in the report's language saying how it arose — the need and
/// target population behind it, its share of the budget, whether the
/// request capped it, how it was rounded and how it is spread over the
/// years. Exact fractions and weights stay in the CSV/JSON
/// (`tabeller/fordelning.csv`, `json/fordelning.json`).
struct AllocationNarrative {
  /// One insats × förvaltning, summed over the years.
  struct Item {
    var insatsID: String
    var förvaltningID: String
    var years: [Int] = []
    var requested: Int64 = 0
    var amount: Int64 = 0
    var explanation: AllocationExplanation
  }

  let fördelning: Fördelning
  let insatser: [String: Insats]
  let need: any NeedSource
  let areaName: (String) -> String
  let aktörName: (String) -> String
  let L: ReportLanguage

  /// The items in the order of the allocation's rows.
  var items: [Item] {
    var out: [Item] = []
    var position: [String: Int] = [:]
    for row in fördelning.rows {
      let key = row.insatsID + "\u{1F}" + row.förvaltningID
      let k = position[key] ?? {
        out.append(Item(insatsID: row.insatsID, förvaltningID: row.förvaltningID, explanation: row.explanation))
        position[key] = out.count - 1
        return out.count - 1
      }()
      if let y = row.year { out[k].years.append(y) }
      out[k].requested += row.requested.kronor
      out[k].amount += row.amount.kronor
    }
    return out
  }

  /// The table shown in the report.
  func table() -> ReportTable {
    var t = ReportTable(
      columns: [
        L.pick("Insats", "Insats"), L.pick("Förvaltning", "Administration"), L.pick("Sökt", "Requested"),
        L.pick("Beviljat", "Allocated"), L.pick("Så uppstod beloppet", "How the amount arose"),
      ],
      alignments: [.left, .left, .right, .right, .left])
    let all = items
    let anyCapped = all.contains(where: isCapped)
    for item in all {
      t.append([
        insatser[item.insatsID]?.title ?? item.insatsID, aktörName(item.förvaltningID),
        L.money(Belopp(kronor: item.requested)), L.money(Belopp(kronor: item.amount)),
        sentence(item, afterRedistribution: anyCapped && !isCapped(item)),
      ])
    }
    return t
  }

  /// Whether the request capped the item: its proportional share was more.
  func isCapped(_ item: Item) -> Bool {
    guard let q = item.explanation.quota?.approximation else { return false }
    return item.amount == item.requested && q > Double(item.requested) + 0.5
  }

  /// How the item's amount arose, in one or two sentences.
  func sentence(_ item: Item, afterRedistribution: Bool) -> String {
    var parts = [basis(item, afterRedistribution: afterRedistribution)]
    if isCapped(item), let q = item.explanation.quota?.approximation {
      let surplus = L.money(Belopp(kronor: Int64((q - Double(item.requested)).rounded())))
      parts.append(
        L.pick(
          "Taket är det sökta beloppet \(L.money(Belopp(kronor: item.requested))); överskottet \(surplus) fördelas vidare till de andra insatserna.",
          "The cap is the amount requested, \(L.money(Belopp(kronor: item.requested))); the surplus of \(surplus) goes on to the other insatser."))
    } else if let rounding = rounding(item) {
      parts.append(rounding)
    }
    if item.years.count > 1, let first = item.years.min(), let last = item.years.max() {
      parts.append(
        L.pick(
          "Beloppet delas på åren \(first)–\(last) i proportion till det sökta per år.",
          "The amount is spread over \(first)–\(last) in proportion to the yearly requests."))
    }
    return parts.joined(separator: " ")
  }

  /// What the share rests on: the need and target population of the
  /// insats's areas for the need-based models, else the model.
  private func basis(_ item: Item, afterRedistribution: Bool) -> String {
    let share = shareText(item)
    let after =
      afterRedistribution
      ? L.pick(", sedan överskottet från insatser som nått sitt sökta belopp fördelats om", ", once the surplus of insatser that reached their request is passed on")
      : ""
    let basis = item.explanation.weightBasis ?? ""
    if basis.contains("need"), let insats = insatser[item.insatsID] {
      let (n, population) = need.need(ofAreas: insats.areas)
      let areas = insats.areas.map(areaName).joined(separator: ", ")
      let needText = n.map { L.number($0, places: 1) } ?? ".."
      let people = population.map { L.integer($0) } ?? ".."
      return L.pick(
        "Behovet i \(areas) (behov \(needText) av 100, \(people) personer i målgruppen) ger \(share)\(after).",
        "The need in \(areas) (need \(needText) of 100, \(people) people in the target group) gives \(share)\(after).")
    }
    if basis.contains("request") {
      return L.pick(
        "I proportion till det sökta beloppet blir andelen \(share)\(after).",
        "In proportion to the amount requested the share is \(share)\(after).")
    }
    return L.pick("Modellen ger \(share)\(after).", "The model gives \(share)\(after).")
  }

  /// "23,0 % av budgeten, 1 380 000 kr" (the exact share, rounded to kronor).
  private func shareText(_ item: Item) -> String {
    let budget = Double(fördelning.budget.kronor)
    let q = item.explanation.quota?.approximation ?? Double(item.amount)
    let percent = budget > 0 ? L.percent(q / budget) : ".."
    let kronor = L.money(Belopp(kronor: Int64(q.rounded())))
    return L.pick("\(percent) av budgeten, \(kronor)", "\(percent) of the budget, \(kronor)")
  }

  /// How the exact share became whole kronor, when it was not whole.
  private func rounding(_ item: Item) -> String? {
    guard let quota = item.explanation.quota, !quota.isWhole else { return nil }
    let up = Double(item.amount) > quota.approximation
    let amount = L.money(Belopp(kronor: item.amount))
    return up
      ? L.pick(
        "Avrundat uppåt till \(amount): de kronor som blir över vid avrundningen går till de största resterna, så att summan blir exakt budgeten.",
        "Rounded up to \(amount): the kronor left by rounding go to the largest remainders, so the sum is exactly the budget.")
      : L.pick(
        "Avrundat nedåt till \(amount), så att summan blir exakt budgeten.",
        "Rounded down to \(amount), so that the sum is exactly the budget.")
  }
}
