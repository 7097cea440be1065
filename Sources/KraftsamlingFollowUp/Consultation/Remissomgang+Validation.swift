import KraftsamlingCore

extension Remissomgång {
  /// Checks the round against an actor catalogue and itself, returning
  /// every problem found.
  ///
  /// Errors: an unknown actor id (recipient, respondent, sender, proposed
  /// coordinator — with "did you mean"), a respondent answering twice, an
  /// answer to another remiss, an answer to a question the remiss does not
  /// have, question numbers that are not unique and positive, a coordinator
  /// proposal with no party, a source reference to an unknown document or
  /// with an empty line span. Notes: a respondent who was not among the
  /// recipients, an answer dated after the deadline.
  ///
  /// ```swift
  /// round.diagnostics(against: .malmö).errors.isEmpty   // true for the bundled rounds
  /// ```
  ///
  /// - Parameters:
  ///   - catalogue: The actors ids are resolved in.
  ///   - file: The file name for locations.
  /// - Returns: The problems, errors first, in record order within a severity.
  /// - Complexity: O(a·(q + p) + r), a answers, q questions, p parties and
  ///   references per answer, r recipients.
  public func diagnostics(against catalogue: AktörKatalog, file: String? = nil) -> [Diagnostic] {
    diagnostics(against: catalogue, file: file, root: nil)
  }

  /// The problems, located in the parsed JSON of the file (`root`) when the
  /// round was read from one.
  package func diagnostics(against catalogue: AktörKatalog, file: String?, root: JSONNode?) -> [Diagnostic] {
    var check = RoundCheck(catalogue: catalogue, file: file, root: root, documents: Set(documents.map(\.id)))
    let numbers = checkRemiss(&check)
    let recipients = Set(remiss.recipients)
    var seen: [String: Int] = [:]
    for (i, a) in answers.enumerated() {
      checkAnswer(a, at: i, questions: numbers, recipients: recipients, seen: &seen, &check)
    }
    return check.out.enumerated().sorted { l, r in
      l.element.severity != r.element.severity ? l.element.severity > r.element.severity : l.offset < r.offset
    }.map(\.element)
  }

  /// The problems found so far, and how to locate and record them.
  private struct RoundCheck {
    let catalogue: AktörKatalog
    let file: String?
    let root: JSONNode?
    /// The ids of the round's documents.
    let documents: Set<String>
    var out: [Diagnostic] = []

    /// Records a problem at a JSON path (with its line and column when the
    /// parsed file is known).
    mutating func add(
      _ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String, _ path: [JSONPathComponent],
      hint: String? = nil
    ) {
      var location = SourceLocation(file: file, field: JSONPathComponent.render(path))
      if let root {
        let node = root.deepest(along: path)
        location.line = node.line
        location.column = node.column
      }
      out.append(Diagnostic(severity, code: code, message, at: location, hint: hint))
    }

    /// An actor id the catalogue does not know is an error.
    mutating func checkActor(_ id: String, _ path: [JSONPathComponent], role: String) {
      guard catalogue.aktör(id: id) == nil else { return }
      let s = catalogue.suggestions(for: id)
      add(.error, "consultation.unknown-actor", "unknown \(role) '\(id)'", path,
          hint: s.isEmpty ? "use an actor id of the catalogue (e.g. ASN, MKB) or add the actor to it"
            : "did you mean \(s.joined(separator: " or "))?")
    }

    /// Source references must name a document of the round and a line span.
    mutating func checkSources(_ refs: [Källhänvisning], _ path: [JSONPathComponent]) {
      for (i, r) in refs.enumerated() {
        let p = path + [.index(i)]
        if !documents.contains(r.document) {
          add(.error, "consultation.unknown-document", "reference to unknown document '\(r.document)'", p + [.key("document")],
              hint: "list the document under \"documents\" or correct the id")
        }
        if r.firstLine < 1 || r.lastLine < r.firstLine {
          add(.error, "consultation.bad-line-span", "line span [\(r.firstLine), \(r.lastLine)] is empty or starts before line 1",
              p + [.key("lines")], hint: "give [first, last] with 1 ≤ first ≤ last")
        }
      }
    }
  }

  /// Checks the remiss itself: question numbers, sender and recipients.
  ///
  /// - Returns: The question numbers.
  private func checkRemiss(_ check: inout RoundCheck) -> Set<Int> {
    let r = remiss
    let rp: [JSONPathComponent] = [.key("remiss")]
    var numbers = Set<Int>()
    for (i, q) in r.questions.enumerated() {
      if q.number < 1 || !numbers.insert(q.number).inserted {
        check.add(.error, "consultation.bad-question-number", "question number \(q.number) is not positive or is used twice",
            rp + [.key("questions"), .index(i), .key("number")], hint: "number the questions 1, 2, 3 …")
      }
    }
    if let s = r.sender { check.checkActor(s, rp + [.key("sender")], role: "sender") }
    var seenRecipients = Set<String>()
    for (i, id) in r.recipients.enumerated() {
      check.checkActor(id, rp + [.key("recipients"), .index(i)], role: "recipient")
      if !seenRecipients.insert(id).inserted {
        check.add(.warning, "consultation.duplicate-recipient", "recipient '\(id)' is listed twice", rp + [.key("recipients"), .index(i)])
      }
    }
    return numbers
  }

  /// Checks one answer: its respondent (known, answering once, among the
  /// recipients), its remiss and date, its questions, coordinator
  /// proposals and source references.
  private func checkAnswer(
    _ a: Remissvar, at i: Int, questions numbers: Set<Int>, recipients: Set<String>, seen: inout [String: Int],
    _ check: inout RoundCheck
  ) {
    let r = remiss
    let ap: [JSONPathComponent] = [.key("answers"), .index(i)]
    check.checkActor(a.respondent, ap + [.key("respondent")], role: "respondent")
    if let first = seen[a.respondent] {
      check.add(.error, "consultation.duplicate-answer", "'\(a.respondent)' answers twice (also answers[\(first)])",
          ap + [.key("respondent")], hint: "merge the two answers into one")
    } else {
      seen[a.respondent] = i
    }
    if !recipients.isEmpty && !recipients.contains(a.respondent) {
      check.add(.note, "consultation.not-a-recipient", "'\(a.respondent)' answered but is not among the recipients",
          ap + [.key("respondent")])
    }
    if let other = a.remiss, other != r.diarienummer {
      check.add(.error, "consultation.other-remiss", "answer is to \(other), not to \(r.diarienummer)", ap + [.key("remiss")],
          hint: "move it to the round of \(other) or correct the diarienummer")
    }
    if let d = a.date, let deadline = r.deadline, d > deadline {
      check.add(.note, "consultation.late", "answer dated \(d) is after the deadline \(deadline)", ap + [.key("date")])
    }
    for (j, q) in a.answers.enumerated() where !numbers.contains(q.question) {
      check.add(.error, "consultation.unknown-question", "answer to question \(q.question), which the remiss does not have",
          ap + [.key("answers"), .index(j), .key("question")],
          hint: "the remiss has questions \(numbers.sorted().map(String.init).joined(separator: ", "))")
    }
    for (j, q) in a.answers.enumerated() { check.checkSources(q.sources, ap + [.key("answers"), .index(j), .key("sources")]) }
    for (j, p) in a.coordinatorProposals.enumerated() {
      let pp = ap + [.key("coordinatorProposals"), .index(j)]
      if p.partyCount == 0 {
        check.add(.error, "consultation.empty-proposal", "coordinator proposal names no party", pp,
            hint: "give \"actors\" (actor ids) or \"unnamedParties\" (descriptions)")
      }
      for (k, id) in p.actors.enumerated() { check.checkActor(id, pp + [.key("actors"), .index(k)], role: "coordinator") }
      check.checkSources(p.sources, pp + [.key("sources")])
    }
    let lists: [(String, [Synpunkt])] = [
      ("indicators", a.indicators), ("indexCriticism", a.indexCriticism), ("areas", a.areas),
      ("moneyViews", a.moneyViews), ("programmes", a.programmes), ("otherPoints", a.otherPoints),
    ]
    for (key, points) in lists {
      for (j, p) in points.enumerated() { check.checkSources(p.sources, ap + [.key(key), .index(j), .key("sources")]) }
    }
    for (j, res) in a.reservations.enumerated() {
      check.checkSources(res.sources, ap + [.key("reservations"), .index(j), .key("sources")])
    }
    check.checkSources(a.sources, ap + [.key("sources")])
  }

  /// Checks the round and throws if there is any error.
  ///
  /// ```swift
  /// try MalmöData.remissvar2023.validate(against: .malmö)   // passes
  /// ```
  ///
  /// - Parameter catalogue: The actors ids are resolved in.
  /// - Throws: ``DataError`` with every problem when at least one is an error.
  /// - Complexity: as ``diagnostics(against:file:root:)``.
  package func validate(against catalogue: AktörKatalog) throws(DataError) {
    let d = diagnostics(against: catalogue)
    if d.containsErrors { throw DataError(diagnostics: d) }
  }
}
