import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

/// The words a report uses for the methods and states the library names
/// with ids (`zscore`, `need-weighted`, `rook`, `utkast`): one place, in
/// both languages, so that prose never shows an id. An id this table does
/// not know (a user's own strategy) is shown as it is.
extension ReportLanguage {
  /// A normalisation: "z-poäng" / "z-scores".
  func normalizationName(_ name: String) -> String {
    switch name {
    case "zscore": pick("z-poäng (avvikelse från medelvärdet i standardavvikelser)", "z-scores (deviation from the mean in standard deviations)")
    case "minmax": pick("min–max-skalning till 0–100", "min–max scaling to 0–100")
    case "rank": pick("rangordning", "ranks")
    case "percentile": pick("percentilrang", "percentile ranks")
    case "imd-exp": pick("exponentiell transformation av rangen (som Englands IMD)", "exponential transformation of ranks (as England's IMD)")
    case "identity": pick("ingen (värdena används som de är)", "none (the values as they are)")
    case "goalposts": pick("målstolpar (fasta gränser)", "goalposts (fixed bounds)")
    case "distance": pick("avstånd till ett referensvärde", "distance to a reference value")
    default: name
    }
  }

  /// A definition's normalisation, naming the indicators that have one of
  /// their own: "z-poäng … (utom Ej behöriga: målstolpar (fasta gränser))".
  func normalizationName(of d: IndexDefinition) -> String {
    let own = d.indicators.compactMap { wi in
      wi.normalization.map { "\(wi.indicator.name): \(normalizationName($0.specification.method))" }
    }
    let base = normalizationName(d.normalization.specification.method)
    return own.isEmpty ? base : base + pick(" (utom ", " (except ") + own.joined(separator: "; ") + ")"
  }

  /// An aggregation: "aritmetiskt medelvärde" / "arithmetic mean".
  func aggregationName(_ name: String) -> String {
    switch name {
    case "arithmetic": pick("viktat aritmetiskt medelvärde", "weighted arithmetic mean")
    case "geometric": pick("viktat geometriskt medelvärde", "weighted geometric mean")
    case "harmonic": pick("viktat harmoniskt medelvärde", "weighted harmonic mean")
    case "minimum": pick("det sämsta värdet (minimum)", "the worst value (minimum)")
    case "count": pick("antal indikatorer över tröskeln", "number of indicators above the threshold")
    default: name
    }
  }

  /// A missing-data method: "vikterna räknas om" / "weights renormalised".
  func missingDataName(_ method: MissingDataPolicy.Method) -> String {
    switch method {
    case .exclude: pick("området rangordnas inte", "the area is not ranked")
    case .mean: pick("ersätts med medelvärdet", "replaced by the mean")
    case .median: pick("ersätts med medianen", "replaced by the median")
    case .reweight: pick("vikterna räknas om över de indikatorer som finns", "the weights are rescaled over the indicators present")
    }
  }

  /// A fördelningsmodell: "behovsviktad fördelning" / "need-weighted allocation".
  func modelName(_ name: String) -> String {
    switch name {
    case "pro-rata": pick("i proportion till sökt belopp", "in proportion to the amounts requested")
    case "need-weighted": pick("behovsviktad fördelning", "need-weighted allocation")
    case "equal-per-forvaltning": pick("lika belopp per förvaltning", "equal amounts per administration")
    case "priority": pick("i prioritetsordning", "in order of priority")
    case "base-plus-need": pick("grundbelopp plus behovsdel", "a base amount plus a need-based part")
    case "equal-shares": pick("lika andelar (Method of Equal Shares)", "equal shares (Method of Equal Shares)")
    default: name
    }
  }

  /// A contiguity rule: "gemensam gräns" / "a shared border".
  func contiguityName(_ name: String) -> String {
    switch name {
    case "rook": pick("gemensam gräns (inte bara ett hörn)", "a shared border (not only a corner)")
    case "queen": pick("gemensam gräns eller hörn", "a shared border or corner")
    default: name
    }
  }

  /// A decision status: "utkast" / "draft".
  func statusName(_ status: Beslutsstatus) -> String {
    switch status {
    case .utkast: pick("utkast", "draft")
    case .inlämnad: pick("inlämnad", "submitted")
    case .tillstyrkt: pick("tillstyrkt", "recommended")
    case .avstyrkt: pick("avstyrkt", "not recommended")
    case .beviljad: pick("beviljad", "granted")
    case .avslagen: pick("avslagen", "refused")
    case .pågående: pick("pågående", "ongoing")
    case .avslutad: pick("avslutad", "finished")
    case .uppföljd: pick("uppföljd", "followed up")
    }
  }
}

extension String {
  /// The string with its first letter in lower case, for a title used
  /// inside a sentence ("Budget på minst …" → "budget på minst …").
  var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
