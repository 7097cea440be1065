import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingGeography
import KraftsamlingInsatser
import KraftsamlingAllocation
import KraftsamlingFollowUp

/// Everything the whole pipeline — data check → index → robustness →
/// clusters and hot spots → eligibility → allocation → follow-up →
/// consultation — needs, with every choice explicit so a report can be
/// reproduced from its "Method" section.
///
/// The statistics, the index definition and the municipality (its name,
/// actors and eligibility rules) are required; every later stage runs when
/// its inputs are given (a layer for geography, insatser for eligibility, a
/// budget for allocation, a panel for follow-up, consultation rounds for the
/// summary). Malmö's actors and rules are `AktörKatalog.malmö` and
/// `RuleSet.stk2024_1374()` in KraftsamlingKitData.
///
/// ```swift
/// var config = PipelineConfiguration(
///   statistics: table, definition: .stadskontoret2025,
///   municipality: "Malmö", catalogue: .malmö, rules: .stk2024_1374())
/// config.layer = layer
/// config.title = "Kraftsamling i Malmö 2026"   // default: "Kraftsamlande insatser i Malmö"
/// config.selectionSize = 10                   // default: the 12 highest ranked
/// config.insatser = insatser
/// config.budget = Belopp(kronor: 6_000_000)
/// let result = try KraftsamlingPipeline.run(config)
/// let files = try result.artifacts().files  // index.html, rapport.md, figures, tables
/// ```
public struct PipelineConfiguration: Sendable {
  // Data
  /// The statistics, one row per area.
  public var statistics: AreaTable
  /// The problems found in reading the statistics (e.g. missing values
  /// such as `..`), counted with the data check's own. Default: none.
  package var statisticsDiagnostics: [Diagnostic]
  /// The areas with their parents (GeSO), for names and aggregation.
  public var hierarchy: AreaHierarchy?
  /// The area polygons, for clusters, hot spots and maps.
  public var layer: AreaLayer?
  /// The credit line of the geometry (e.g. "Geometri: Malmö stad").
  package var geometryCredit: String?
  /// Where the statistics come from, shown under every figure and table.
  package var statisticsSource: String
  /// Whether the statistics are illustrative; every figure then carries
  /// ``illustrativeLabel``.
  package var isIllustrative: Bool
  /// The label of illustrative data, in the report's language.
  package var illustrativeLabel: String
  /// The municipality: its name, or a neutral word such as "kommunen",
  /// which heads the city-wide column of the data section and ends the
  /// default title ("Kraftsamlande insatser i Malmö").
  public var municipality: String
  /// The report's title, or `nil` for "Kraftsamlande insatser i
  /// ``municipality``" ("Concentrated interventions in …" in English).
  public var title: String?
  /// One line for each section left out for want of its input, saying what
  /// would fill it (e.g. "Inga insatser angavs; …"), in the report's
  /// language; shown at the end of the summary. Default: none.
  package var omissionNotes: [String]

  // Index and selection
  /// The index definition (its id and version are printed in the Method section).
  public var definition: IndexDefinition
  /// How many of the highest-ranked areas form the selection (default 12).
  /// When fewer areas are ranked, the selection is every ranked area, and
  /// the report says so.
  public var selectionSize: Int
  /// The contiguity rule for clusters and hot spots.
  package var contiguityRule: any ContiguityRule
  /// Permutations of the hot-spot test.
  public var permutations: Int
  /// The seed of every random step (permutations, robustness).
  public var seed: UInt64
  /// The significance level of the hot spots.
  public var alpha: Double
  /// Whether hot spots use the false discovery rate.
  public var falseDiscoveryRate: Bool
  /// Monte Carlo replications of the robustness analysis (0 = skip).
  package var robustnessReplications: Int
  /// Areas added to and removed from the selection (a what-if run), or `nil`.
  package var selectionChange: SelectionChange?

  // Insatser and money
  /// The insatser to check and allocate.
  public var insatser: [Insats]
  /// A label for the insatser (e.g. "Påhittade exempel").
  package var insatserLabel: String?
  /// The eligibility rules.
  public var rules: RuleSet
  /// The budget to divide, or `nil` to skip allocation.
  public var budget: Belopp?
  /// The fördelningsmodell.
  public var model: any Fördelningsmodell
  /// Constraints of the allocation (minimum per insats, floors, caps).
  public var constraints: AllocationConstraints
  /// The actor catalogue.
  public var catalogue: AktörKatalog
  /// The column of the statistics holding an insats's target population
  /// (for the need-based models); default `barn_0_18`.
  package var populationColumn: String

  // Follow-up and consultation
  /// The UVAS (or other) series to follow up, or `nil` to skip.
  package var followUpPanel: IndicatorPanel?
  /// The groups compared in the follow-up (selection, clusters).
  package var followUpGroups: [AreaGroup]
  /// Follow-up options (targets are user-set; none are invented).
  package var followUpOptions: Uppföljning.Options
  /// Consultation rounds to summarise.
  package var consultations: [Remissomgång]
  /// Several years of statistics for the section on the index over time
  /// (`Documentation/IndexOverTime.md`), or `nil` to leave it out.
  package var indexPanel: IndexPanelInput? = nil

  // Output
  /// The report's language.
  public var language: ReportLanguage
  /// Disclosure control of shown counts and rates.
  public var disclosure: DisclosureControl

  /// Creates a configuration with defaults for everything but the data, the
  /// index and the municipality: the default title, top 12, rook, 999
  /// permutations, seed 2025, α = 0.05, 1,000 robustness replications, the
  /// need-weighted model, the follow-up defaults for the municipality (no
  /// published values, no targets), Swedish.
  ///
  /// - Parameters:
  ///   - statistics: The statistics, one row per area.
  ///   - definition: The index definition.
  ///   - municipality: The municipality's name (the default title, the
  ///     city-wide column; the follow-up's city).
  ///   - catalogue: The municipality's actors.
  ///   - rules: The eligibility rules.
  public init(
    statistics: AreaTable, definition: IndexDefinition, municipality: String, catalogue: AktörKatalog, rules: RuleSet
  ) {
    self.statistics = statistics
    self.statisticsDiagnostics = []
    self.hierarchy = nil
    self.layer = nil
    self.geometryCredit = nil
    self.statisticsSource = statistics.source ?? "statistics"
    self.isIllustrative = false
    self.illustrativeLabel = "Illustrativa data – inte officiell statistik"
    self.municipality = municipality
    self.title = nil
    self.omissionNotes = []
    self.definition = definition
    self.selectionSize = 12
    self.contiguityRule = .rook
    self.permutations = 999
    self.seed = 2025
    self.alpha = 0.05
    self.falseDiscoveryRate = false
    self.robustnessReplications = 1_000
    self.selectionChange = nil
    self.insatser = []
    self.insatserLabel = nil
    self.rules = rules
    self.budget = nil
    self.model = NeedWeightedModel()
    self.constraints = AllocationConstraints()
    self.catalogue = catalogue
    self.populationColumn = "barn_0_18"
    self.followUpPanel = nil
    self.followUpGroups = []
    self.followUpOptions = Uppföljning.Options(cityName: municipality)
    self.consultations = []
    self.language = .sv
    self.disclosure = DisclosureControl()
  }
}
