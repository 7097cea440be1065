import KraftsamlingKit

extension AktörKatalog {
  /// Malmö stad's nämnder and förvaltningar, companies and some typical
  /// external partners, as named in STK-2024-1374 and the 2023 remissvar.
  ///
  /// The six nämnder with a special mandate (*särskilt uppdrag*) are
  /// arbetsmarknads- och socialnämnden, fritidsnämnden, förskolenämnden,
  /// grundskolenämnden, kulturnämnden and tekniska nämnden;
  /// gymnasie- och vuxenutbildningsnämnden is a knowledge resource;
  /// kommunstyrelsen (stadskontoret) convenes. The set may change over time:
  /// build your own catalogue with `init(nämnder:bolag:partners:)` or
  /// `adding(nämnder:bolag:partners:)`.
  ///
  /// Pass it wherever the stages ask for a catalogue:
  ///
  /// ```swift
  /// import KraftsamlingKitData
  /// let context = EligibilityContext(catalogue: .malmö, areas: MalmöData.hierarchy)
  /// let reader = InsatsReader(catalogue: .malmö, areas: MalmöData.hierarchy)
  /// AktörKatalog.malmö.nämnder.filter(\.särskiltUppdrag).count   // 6
  /// ```
  public static let malmö: AktörKatalog = {
    func n(_ id: String, _ name: String, _ fid: String, _ fname: String, special: Bool = false, resource: Bool = false) -> Nämnd {
      Nämnd(
        id: id, name: name, förvaltning: Förvaltning(id: fid, name: fname, nämndID: id),
        särskiltUppdrag: special, kunskapsresurs: resource)
    }
    let nämnder = [
      n("ASN", "Arbetsmarknads- och socialnämnden", "ASF", "Arbetsmarknads- och socialförvaltningen", special: true),
      n("FRN", "Fritidsnämnden", "FRF", "Fritidsförvaltningen", special: true),
      n("FSKN", "Förskolenämnden", "FSKF", "Förskoleförvaltningen", special: true),
      n("GRN", "Grundskolenämnden", "GRF", "Grundskoleförvaltningen", special: true),
      n("KN", "Kulturnämnden", "KF", "Kulturförvaltningen", special: true),
      n("TN", "Tekniska nämnden", "FGK", "Fastighets- och gatukontoret", special: true),
      n("GVN", "Gymnasie- och vuxenutbildningsnämnden", "GVF", "Gymnasie- och vuxenutbildningsförvaltningen", resource: true),
      n("FSN", "Funktionsstödsnämnden", "FSF", "Funktionsstödsförvaltningen"),
      n("HVON", "Hälsa-, vård- och omsorgsnämnden", "HVOF", "Hälsa-, vård- och omsorgsförvaltningen"),
      n("MN", "Miljönämnden", "MF", "Miljöförvaltningen"),
      n("SN", "Servicenämnden", "SF", "Serviceförvaltningen"),
      n("SBN", "Stadsbyggnadsnämnden", "SBK", "Stadsbyggnadskontoret"),
      n("KS", "Kommunstyrelsen", "STK", "Stadskontoret"),
    ]
    let bolag = [
      Bolag(id: "MKB", name: "MKB Fastighets AB"),
      Bolag(id: "MINC", name: "Malmö Incubator AB (MINC)"),
      Bolag(id: "P-MALMO", name: "Parkering Malmö"),
      Bolag(id: "POMAB", name: "Parkeringsövervakning i Malmö AB (PÖMAB)"),
    ]
    let partners = [
      ExternPartner(id: "POLIS", name: "Polismyndigheten", kind: .polis),
      ExternPartner(id: "REGION-SKANE", name: "Region Skåne", kind: .region),
      ExternPartner(id: "AF", name: "Arbetsförmedlingen", kind: .statligMyndighet),
      ExternPartner(id: "CIVIL", name: "Idéburna organisationer (civilsamhället)", kind: .civilsamhälle),
    ]
    do {
      return try AktörKatalog(nämnder: nämnder, bolag: bolag, partners: partners)
    } catch {
      preconditionFailure("the built-in Malmö catalogue is inconsistent: \(error)")
    }
  }()
}
