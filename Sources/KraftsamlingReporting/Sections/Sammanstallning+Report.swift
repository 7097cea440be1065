import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingGeography
import KraftsamlingInsatser
import KraftsamlingAllocation
import KraftsamlingFollowUp

extension Sammanställning {
  /// One sentence for a dashboard or a demo: how many answered, the
  /// stances and, when coordinators were proposed, the most-named ones.
  ///
  /// ```swift
  /// Sammanställning(MalmöData.remissvar2023).headline()
  /// // "STK-2023-137: 15 remissvar (12 nämnder, 3 bolag); 8 positiva, 7 positiva med invändningar.
  /// //  Samordnare: Stadskontoret nämns av 5, MKB Fastighets AB av 4; 7 namnger ingen aktör."
  /// ```
  ///
  /// - Parameter language: Swedish (default) or English.
  /// - Complexity: O(a + c), a answers, c coordinator rows.
  public func headline(language: ReportLanguage = .sv) -> String {
    let sv = language == .sv
    var s = remiss.diarienummer + ": "
    let n = answerCount
    if recipientsKnown {
      s += sv ? "\(n) av \(remiss.recipients.count) remissinstanser har svarat" : "\(n) of \(remiss.recipients.count) bodies have answered"
    } else {
      s += sv ? "\(n) remissvar" : "\(n) answers"
    }
    let kinds = kindBreakdown(language)
    if n > 0 && !kinds.isEmpty { s += " (" + kinds + ")" }
    if !nonRespondents.isEmpty, let d = remiss.deadline {
      s += sv ? ", sista svarsdag \(d)" : ", deadline \(d)"
    }
    if n > 0 {
      s += "; " + stances.map { c in
        "\(c.respondents.count) \(stanceWord(Ställningstagande(rawValue: c.label) ?? .neutral, count: c.respondents.count, language))"
      }.joined(separator: ", ")
    }
    s += "."
    let named = coordinators.rows.prefix(2).filter { !$0.anyRole.isEmpty }
    if !named.isEmpty {
      s += sv ? " Samordnare: " : " Coordinator: "
      s += named.enumerated().map { i, r in
        i == 0 ? (sv ? "\(r.name) nämns av \(r.anyRole.count)" : "\(r.name) named by \(r.anyRole.count)")
          : (sv ? "\(r.name) av \(r.anyRole.count)" : "\(r.name) by \(r.anyRole.count)")
      }.joined(separator: ", ")
      s += sv ? "; \(coordinators.namesNoActor.count) namnger ingen aktör." : "; \(coordinators.namesNoActor.count) name no actor."
    }
    return s
  }

  /// The report as sections: overview, non-respondents, each question,
  /// coordinators, indicator demand, criticism of the index, reservations,
  /// sources (the documents by title; the round's notes stay in its JSON).
  ///
  /// - Parameters:
  ///   - question: Only this question (with the overview and, for its
  ///     topic, the coordinator or indicator tables); `nil` for all.
  ///   - language: Swedish (default) or English.
  /// - Returns: The sections, in report order.
  /// - Complexity: O(size of the report).
  package func sections(question: Int? = nil, language: ReportLanguage = .sv) -> [ReportSection] {
    let sv = language == .sv
    var out: [ReportSection] = [overviewSection(language)]
    if question == nil { out.append(nonRespondentSection(language)) }
    var coordinatorShown = false
    var indicatorsShown = false
    for q in questions where question == nil || q.question.number == question {
      out.append(questionSection(q, language))
      if q.question.topic == .coordinator && !coordinatorShown {
        out.append(coordinatorSection(language))
        coordinatorShown = true
      }
      if q.question.topic == .indicators && !indicatorsShown {
        out.append(matrixSection(indicatorDemand, heading: sv ? "Efterfrågade indikatorer" : "Indicators asked for", language))
        indicatorsShown = true
      }
    }
    guard question == nil else { return out }
    if !coordinatorShown && !coordinators.rows.isEmpty { out.append(coordinatorSection(language)) }
    if !indicatorsShown && !indicatorDemand.rows.isEmpty {
      out.append(matrixSection(indicatorDemand, heading: sv ? "Efterfrågade indikatorer" : "Indicators asked for", language))
    }
    if !indexCriticism.rows.isEmpty {
      out.append(themeListSection(indexCriticism, heading: sv ? "Kritik av indexet, per tema" : "Criticism of the index, by theme", language))
    }
    if !reservations.isEmpty { out.append(reservationSection(language)) }
    out.append(sourceSection(language))
    return out
  }

  /// The report as Markdown, ready to attach to an ärende.
  ///
  /// ```swift
  /// let md = Sammanställning(round).markdown()                      // Swedish
  /// let en = Sammanställning(round).markdown(language: .en)
  /// ```
  ///
  /// - Parameters:
  ///   - question: Only this question; `nil` for all.
  ///   - language: Swedish (default) or English.
  /// - Complexity: O(size of the report).
  public func markdown(question: Int? = nil, language: ReportLanguage = .sv) -> String {
    var doc = ReportDocument(
      title: (language == .sv ? "Sammanställning av remissvar – " : "Summary of consultation responses – ") + remiss.diarienummer,
      subtitle: remiss.title, language: language)
    doc.sections = sections(question: question, language: language)
    return doc.markdown()
  }

  /// The report as plain text with aligned tables.
  ///
  /// - Parameters:
  ///   - question: Only this question; `nil` for all.
  ///   - language: Swedish (default) or English.
  package func text(question: Int? = nil, language: ReportLanguage = .sv) -> String {
    sections(question: question, language: language).plainText()
  }

  // MARK: - Sections

  private func kindBreakdown(_ language: ReportLanguage) -> String {
    let sv = language == .sv
    var parts: [String] = []
    let nämnder = respondents.filter { $0.kind == .nämnd }.count
    let bolag = respondents.filter { $0.kind == .bolag }.count
    let other = respondents.count - nämnder - bolag
    if nämnder > 0 { parts.append(sv ? "\(nämnder) \(nämnder == 1 ? "nämnd" : "nämnder")" : "\(nämnder) \(nämnder == 1 ? "nämnd" : "nämnder")") }
    if bolag > 0 { parts.append(sv ? "\(bolag) bolag" : "\(bolag) \(bolag == 1 ? "company" : "companies")") }
    if other > 0 { parts.append(sv ? "\(other) övriga" : "\(other) other") }
    return parts.joined(separator: ", ")
  }

  private func stanceWord(_ s: Ställningstagande, count: Int, _ language: ReportLanguage) -> String {
    guard language == .sv, count != 1 else { return s.label(language) }
    switch s {
    case .positiv: return "positiva"
    case .positivMedInvändningar: return "positiva med invändningar"
    case .neutral: return "neutrala"
    case .kritisk: return "kritiska"
    case .negativ: return "negativa"
    case .ingenStällning: return "tar inte ställning"
    }
  }

  private func kindLabel(_ k: AktörKind?, _ language: ReportLanguage) -> String {
    guard let k else { return "" }
    switch (k, language) {
    case (.nämnd, _): return "nämnd"
    case (.förvaltning, _): return "förvaltning"
    case (.bolag, .sv): return "bolag"
    case (.bolag, .en): return "company"
    case (.extern, .sv): return "extern"
    case (.extern, .en): return "external"
    }
  }

  private func overviewSection(_ language: ReportLanguage) -> ReportSection {
    let sv = language == .sv
    var paragraphs = ["\(remiss.diarienummer): \(remiss.title)"]
    var facts: [String] = []
    if let d = remiss.deadline { facts.append((sv ? "Sista svarsdag " : "Deadline ") + d.description) }
    if recipientsKnown {
      facts.append(sv ? "\(answerCount) av \(remiss.recipients.count) remissinstanser har svarat" : "\(answerCount) of \(remiss.recipients.count) bodies have answered")
    } else {
      facts.append(sv ? "\(answerCount) remissvar; mottagarlistan finns inte i underlaget" : "\(answerCount) answers; the list of recipients is not in the source")
    }
    if !unsolicited.isEmpty {
      facts.append((sv ? "svar från andra än mottagarna: " : "answers from bodies not asked: ") + unsolicited.joined(separator: ", "))
    }
    paragraphs.append(facts.joined(separator: ". ") + ".")
    if !stances.isEmpty {
      paragraphs.append(
        (sv ? "Ställningstaganden: " : "Stances: ")
          + stances.map { "\(Ställningstagande(rawValue: $0.label)?.label(language) ?? $0.label) \($0.respondents.count)" }
          .joined(separator: ", ") + ".")
    }
    if !sv && answerCount > 0 {
      paragraphs.append(
        "The questions, positions, themes and summaries are given in Swedish, as they were recorded from the source.")
    }
    var t = ReportTable(
      columns: sv ? ["Remissinstans", "Namn", "Typ", "Datum", "Ställningstagande", "Reservationer och särskilda yttranden"]
        : ["Respondent", "Name", "Kind", "Date", "Stance", "Reservations and special statements"])
    for r in respondents {
      t.append([
        r.id, r.name, kindLabel(r.kind, language), r.date?.description ?? "", r.stance.label(language),
        r.reservationLabels(language).joined(separator: "; "),
      ])
    }
    return ReportSection(id: "oversikt", title: sv ? "Översikt" : "Overview", paragraphs: paragraphs, table: t)
  }

  private func nonRespondentSection(_ language: ReportLanguage) -> ReportSection {
    let sv = language == .sv
    let heading = sv ? "Ej inkomna svar" : "Not answered"
    guard recipientsKnown else {
      return ReportSection(
        id: "ej-inkomna-svar", title: heading,
        paragraphs: [sv ? "Remissens mottagarlista finns inte i underlaget, så ej inkomna svar kan inte anges."
          : "The remiss's list of recipients is not in the source, so missing answers cannot be listed."])
    }
    if nonRespondents.isEmpty {
      return ReportSection(id: "ej-inkomna-svar", title: heading, paragraphs: [sv ? "Alla remissinstanser har svarat." : "Every recipient has answered."])
    }
    var t = ReportTable(columns: sv ? ["Remissinstans", "Namn"] : ["Recipient", "Name"])
    for a in nonRespondents { t.append([a.id, a.name]) }
    var p = [sv ? "\(nonRespondents.count) av \(remiss.recipients.count) remissinstanser har inte svarat."
      : "\(nonRespondents.count) of \(remiss.recipients.count) recipients have not answered."]
    if let d = remiss.deadline { p[0] += sv ? " Sista svarsdag: \(d)." : " Deadline: \(d)." }
    return ReportSection(id: "ej-inkomna-svar", title: heading, paragraphs: p, table: t)
  }

  private func questionSection(_ q: QuestionTally, _ language: ReportLanguage) -> ReportSection {
    let sv = language == .sv
    var p = [q.question.text]
    var counts = [
      sv ? "Besvarad av \(q.answered.count)" : "Answered by \(q.answered.count)"
    ]
    if !q.declined.isEmpty {
      counts.append((sv ? "avstår: " : "declined: ") + q.declined.joined(separator: ", "))
    }
    if !q.notAddressed.isEmpty {
      counts.append((sv ? "berör inte frågan: " : "not addressed: ") + q.notAddressed.joined(separator: ", "))
    }
    if respondents.isEmpty { counts = [sv ? "Inga svar ännu" : "No answers yet"] }
    p.append(counts.joined(separator: "; ") + ".")
    var t = ReportTable(
      columns: sv ? ["Ståndpunkt", "Antal", "Remissinstanser"] : ["Position", "Count", "Respondents"],
      alignments: [.left, .right, .left])
    for c in q.positions {
      let label = Ställningstagande(rawValue: c.label)?.label(language) ?? c.label
      t.append([label, String(c.respondents.count), c.respondents.joined(separator: ", ")])
    }
    return ReportSection(
      id: "fraga-\(q.question.number)", title: (sv ? "Fråga \(q.question.number)" : "Question \(q.question.number)")
        + (q.question.shortLabel.map { ": " + $0 } ?? ""),
      paragraphs: p, table: t)
  }

  private func coordinatorSection(_ language: ReportLanguage) -> ReportSection {
    let sv = language == .sv
    var t = ReportTable(
      columns: sv ? ["Aktör", "Namn", "Ensam", "Gemensamt", "Stödjande", "Någon roll", "Avvisas av"]
        : ["Actor", "Name", "Alone", "Jointly", "Supporting", "Any role", "Rejected by"],
      alignments: [.left, .left, .left, .left, .left, .right, .left])
    func list(_ r: [String]) -> String { r.isEmpty ? "" : "\(r.count): " + r.joined(separator: ", ") }
    for r in coordinators.rows {
      t.append([r.actor, r.name, list(r.alone), list(r.jointly), list(r.supporting), String(r.anyRole.count), list(r.rejectedBy)])
    }
    var p: [String] = []
    p.append(
      sv ? "Räknar remissinstanser, inte omnämnanden. \"Ensam\": aktören är förslagets enda part; \"gemensamt\": tillsammans med andra (namngivna eller beskrivna); \"någon roll\": någon av dessa eller stödjande."
        : "Counts respondents, not mentions. \"Alone\": the actor is the proposal's only party; \"jointly\": together with others (named or described); \"any role\": any of these or supporting.")
    if coordinators.grouping == .nämnd {
      p.append(sv ? "Förvaltningar räknas som sin nämnd (stadskontoret som kommunstyrelsen)." : "Förvaltningar are counted as their nämnd (stadskontoret as kommunstyrelsen).")
    }
    var notes: [String] = []
    if !coordinators.unnamedParties.isEmpty {
      notes.append(
        (sv ? "Beskrivna men inte namngivna parter: " : "Parties described but not named: ")
          + coordinators.unnamedParties.map { "\($0.label) (\($0.respondents.joined(separator: ", ")))" }.joined(separator: "; ") + ".")
    }
    notes.append(
      (sv ? "Namnger ingen aktör: \(coordinators.namesNoActor.count)" : "Name no actor: \(coordinators.namesNoActor.count)")
        + (coordinators.namesNoActor.isEmpty ? "" : " (" + coordinators.namesNoActor.joined(separator: ", ") + ")")
        + (sv ? "; lämnar inget förslag alls: \(coordinators.noProposal.count)" : "; make no proposal at all: \(coordinators.noProposal.count)")
        + (coordinators.noProposal.isEmpty ? "" : " (" + coordinators.noProposal.joined(separator: ", ") + ")") + ".")
    return ReportSection(
      id: "samordnande-roll", title: sv ? "Samordnande roll: vem föreslår vem" : "Coordinating role: who proposes whom",
      paragraphs: p, table: t, bullets: notes)
  }

  private func matrixSection(_ m: ThemeMatrix, heading: String, _ language: ReportLanguage) -> ReportSection {
    let sv = language == .sv
    var t = ReportTable(
      columns: [sv ? "Tema" : "Theme", sv ? "Antal" : "Count"] + m.respondents,
      alignments: [.left, .right] + m.respondents.map { _ in .left })
    for r in m.rows {
      let set = Set(r.respondents)
      t.append([r.theme, String(r.respondents.count)] + m.respondents.map { set.contains($0) ? "x" : "" })
    }
    var notes: [String] = []
    if !m.unthemed.isEmpty {
      notes.append(
        sv ? "Dessutom \(m.unthemed.count) förslag utan tema (se remissvaren): "
          + m.unthemed.map { "\($0.text) (\($0.respondent))" }.joined(separator: "; ") + "."
          : "Also \(m.unthemed.count) proposals without a theme (see the answers): "
          + m.unthemed.map { "\($0.text) (\($0.respondent))" }.joined(separator: "; ") + ".")
    }
    return ReportSection(
      id: "indikatorer", title: heading,
      paragraphs: [sv ? "Antal remissinstanser som efterfrågar indikatorer inom varje tema; x = efterfrågar." : "Number of respondents asking for indicators under each theme; x = asks for it."],
      table: t, bullets: notes)
  }

  private func themeListSection(_ m: ThemeMatrix, heading: String, _ language: ReportLanguage) -> ReportSection {
    let sv = language == .sv
    var t = ReportTable(columns: sv ? ["Tema", "Antal", "Remissinstanser"] : ["Theme", "Count", "Respondents"], alignments: [.left, .right, .left])
    for r in m.rows { t.append([r.theme, String(r.respondents.count), r.respondents.joined(separator: ", ")]) }
    let notes = m.unthemed.isEmpty ? [] : [
      sv ? "Dessutom \(m.unthemed.count) synpunkter utan tema." : "Also \(m.unthemed.count) points without a theme."
    ]
    return ReportSection(id: "kritik-av-indexet", title: heading, paragraphs: [], table: t, bullets: notes)
  }

  private func reservationSection(_ language: ReportLanguage) -> ReportSection {
    let sv = language == .sv
    var t = ReportTable(
      columns: sv ? ["Parti", "Reservationer", "Särskilda yttranden"] : ["Party", "Reservations", "Special statements"])
    for r in reservations {
      t.append([r.party, r.reservations.joined(separator: ", "), r.särskildaYttranden.joined(separator: ", ")])
    }
    return ReportSection(
      id: "reservationer", title: sv ? "Reservationer och särskilda yttranden" : "Reservations and special statements (särskilda yttranden)",
      paragraphs: [sv ? "Per parti: i vilka nämnders beslut om remissvaret partiet reserverade sig eller lämnade särskilt yttrande."
        : "By party: in which nämnder's decisions on the answer the party reserved against it or made a special statement."],
      table: t)
  }

  /// The source documents as a reader cites them: by title, which
  /// carries the diarienummer. File names, line counts and the round's
  /// notes on how it was compiled stay in the record (JSON).
  private func sourceSection(_ language: ReportLanguage) -> ReportSection {
    let sv = language == .sv
    var blocks: [ReportBlock] = []
    if documents.isEmpty {
      blocks.append(.paragraph(sv ? "Underlaget anger inga källdokument." : "The record names no source documents."))
    } else {
      blocks.append(.paragraph(sv ? "Sammanställningen bygger på:" : "The summary is based on these documents (in Swedish):"))
      blocks.append(.bullets(documents.map { $0.title.hasSuffix(".") ? $0.title : $0.title + "." }))
    }
    guard answerCount > 0 else { return ReportSection(id: "kallor", title: sv ? "Källor" : "Sources", blocks: blocks) }
    blocks.append(
      .paragraph(
        sv ? "Svaren återges med korta sammanfattningar i sammanställarens egna ord, inte som citat. Varje uppgift i underlaget hänvisar till var i källdokumentet den står."
          : "The answers are given as short summaries in the compilers' own words, not as quotations. Every fact in the record refers to where it stands in the source document."))
    return ReportSection(id: "kallor", title: sv ? "Källor" : "Sources", blocks: blocks)
  }
}
