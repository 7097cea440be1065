import KraftsamlingCore

extension Utvärderingsplan {
  /// The plan in Swedish Markdown for the ärende: what was decided, what
  /// can be seen, what the numbers cannot say. Names only — no area codes,
  /// file paths or formulas (those are in the JSON).
  package func markdown() -> String {
    var s = "# Utvärderingsplan: går det att se om kraftsamlingen fungerade?\n\n"
    s += "Planen låses nu, innan pengarna börjar användas. Den bestämmer i förväg hur vi ska bedöma om "
    s += "andelen unga 16–29 år som varken arbetar eller studerar (UVAS) minskade mer i de valda områdena "
    s += "än den annars skulle ha gjort, mätt \(Self.list(followUpYears.map(String.init))).\n\n"
    if inputs.contains(where: { $0.source.hasPrefix("bundled:") }) {
      s += "*Planen bygger på illustrativa data – inte officiell statistik.*\n\n"
    }
    s += selectionSection() + powerSection() + placeboSection() + comparisonSection() + limitsSection()
    s += "## Så skyddas planen\n\n"
    s += "Planen och alla underlag har fått ett digitalt fingeravtryck. När uppföljningsdata kommer "
    s += "kontrolleras att varken planen eller uppgifterna från åren före starten har ändrats. Har något ändrats "
    s += "vägrar beräkningen; den kan tvingas fram, men då står det i varje resultat.\n"
    return s
  }

  func selectionSection() -> String {
    var s = "## Vilka områden som valdes\n\n"
    s += "De \(treated.count) områden som låg högst i \(selection.definitionTitle) valdes: "
    s += Self.list(treated.map(\.name)) + ".\n\n"
    s += "Effekten mäts med UVAS 16–29 (källa: \(outcome.source)). Värdet för ett år publiceras "
    s += "\(outcome.publicationLagMonths[0])–\(outcome.publicationLagMonths[1]) månader efter årets slut. "
    s += "Åren \(preYears.first)–\(preYears.last) är perioden före starten.\n\n"
    return s
  }

  func powerSection() -> String {
    "## Går det att se en effekt?\n\n" + powerParagraphs().map { $0 + "\n\n" }.joined()
  }

  /// The MDE in sentences: the issue's sentence with the real numbers, the
  /// simulated check and, when the history was too short, what that means.
  package func powerParagraphs() -> [String] {
    guard let first = power.first else { return [] }
    let clauses = power.map { "med \(Self.pp($0.minimumDetectableEffect)) procentenheter till \($0.year)" }
    var paragraphs = [
      "Med dessa \(treated.count) områden kan en minskning av UVAS \(Self.list(clauses)) upptäckas med "
        + "80 % sannolikhet; en minskning med \(Self.pp(first.minimumDetectableEffect / 2)) till \(first.year) "
        + "upptäcks bara med knappt 30 % sannolikhet och kan oftast inte skiljas från slumpen."
    ]
    if let sim = first.simulatedMinimumDetectableEffect {
      paragraphs.append(
        "En simulering med \(ReportLanguage.sv.integer(first.replications)) upprepningar av det test som ska "
          + "användas ger gränsen \(Self.pp(sim)) procentenheter till \(first.year).")
    }
    if let e = power.first(where: \.extrapolated) {
      paragraphs.append(
        "Tidsserien är kortare än tiden fram till uppföljningen. Siffrorna bygger på hur mycket områdenas "
          + "UVAS svängde över \(e.horizonUsed) år och antar att svängningarna växer med tiden; de är osäkra.")
    }
    return paragraphs
  }

  func placeboSection() -> String {
    placeboParagraph().map { "## Hur mycket hade de förbättrats ändå?\n\n" + $0 + "\n\n" } ?? ""
  }

  /// Regression to the mean in a paragraph: how much areas selected for
  /// scoring worst moved anyway, in the placebo years.
  package func placeboParagraph() -> String? {
    guard let p = placebo else { return nil }
    let direction = p.meanDifference < 0 ? "sjönk" : "steg"
    var s = "Om vi tidigare år hade valt de \(treated.count) områden som då hade högst UVAS, utan att göra något, "
    s += "\(direction) deras UVAS i genomsnitt \(Self.pp(abs(p.meanDifference))) procentenheter mer än i resten av "
    s += "staden på \(p.horizon) år"
    if let sd = p.standardDeviation { s += " (spridning mellan åren: \(Self.pp(sd)) procentenheter)" }
    s += ". Så mycket kan områden som valts för att de ligger sämst röra sig av sig själva. En enkel jämförelse "
    s += "före och efter kan därför inte visa en effekt; jämförelsen måste göras mot liknande områden."
    return s
  }

  func comparisonSection() -> String {
    var s = "## Vilka vi jämför med\n\n"
    let names = Dictionary(treated.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    s += "Varje valt område jämförs med det område som liknade det mest i nivå och utveckling av UVAS före starten: "
    s += Self.list(comparison.matches.map { "\(names[$0.treated] ?? "") med \($0.comparisonName)" }) + ".\n\n"
    if let level = comparison.balance.first(where: { $0.feature == "nivå" }), abs(level.after) > 0.25 {
      s += "De valda områdena har ändå klart högre UVAS än sina jämförelseområden, eftersom de valdes för att de "
      s += "ligger sämst. Jämförelsen bygger därför på att utvecklingen, inte nivån, hade varit densamma.\n\n"
    }
    if !comparison.excludedByBuffer.isEmpty {
      s += "\(comparison.excludedByBuffer.count) områden som gränsar till ett valt område används inte som "
      s += "jämförelse, eftersom insatserna kan nå dem också.\n\n"
    }
    let top = syntheticControl.donors.filter { $0.weight >= 0.01 }.sorted { $0.weight > $1.weight }.prefix(5)
    s += "Som andra jämförelse används en blandning av områden som tillsammans följde de valda områdenas UVAS "
    s += "före starten, i genomsnitt med \(Self.pp(syntheticControl.preRMSPE)) procentenheters avvikelse. "
    s += "Störst vikt har " + Self.list(top.map { "\($0.name) (\(ReportLanguage.sv.percent($0.weight, places: 0)))" })
    s += ".\n\n"
    if let first = power.first, syntheticControl.preRMSPE > first.minimumDetectableEffect / 2 {
      s += "Blandningen följer de valda områdena dåligt före starten – avvikelsen är stor jämfört med den effekt "
      s += "som kan upptäckas – så dess resultat väger lätt.\n\n"
    }
    if !nearMisses.isEmpty {
      s += "Strax under gränsen för urvalet ligger " + Self.list(nearMisses.map(\.name)) + ". De liknar de valda "
      s += "områdena mest men får inga insatser, och är en tredje jämförelse.\n\n"
    }
    return s
  }

  func limitsSection() -> String {
    """
    ## Vad siffrorna inte kan säga

    - Jämförelsen håller bara om de valda områdena och jämförelseområdena hade utvecklats lika utan insatserna. \
    Åren före starten visar om de gjorde det då, inte att de skulle ha gjort det sedan.
    - Når insatserna jämförelseområdena ser effekten mindre ut än den är.
    - Om unga flyttar in eller ut på grund av insatserna ändras vilka som räknas.
    - Gränsen för vad som kan upptäckas säger något om upplägget, inte om insatserna. Blir resultatet inte \
    säkerställt betyder det att vi inte kunde veta, inte att insatserna inte fungerade.
    - Gränserna bygger på hur UVAS har svängt tidigare år; en kort tidsserie ger osäkra gränser.


    """
  }

  /// A share as percentage points with a decimal comma.
  static func pp(_ share: Double) -> String { ReportLanguage.sv.number(share * 100, places: 1) }

  /// `a`, `a och b`, `a, b och c`.
  static func list(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " och " + items.last!
  }
}
