// Fixed inputs the fuzz targets combine with the fuzzed bytes: a small
// statistics table (16 of Malmö's delområden from the bundled illustrative
// data), their area hierarchy with GeSO, an actor catalogue and rule sets,
// follow-up options, and two example insatser.
// Built once; any failure here is a bug in the fixtures, not in a reader.
//
// The fuzz binary is built from the stages without KraftsamlingKitData, so
// the catalogue and rule sets are copies of Malmö's presets (AktörKatalog.malmö,
// RuleSetRegistry.malmö), made here from the stages' building blocks.

enum FuzzFixtures {
  static let statistikCSV = """
    kod,namn,befolkning,barn_0_18,befolkning_20_64,unga_16_29,avgangna_ak9,ej_behoriga_yrkesprogram_ak9,avgangna_ak9_flickor,ej_behoriga_ak9_flickor,avgangna_ak9_pojkar,ej_behoriga_ak9_pojkar,trangbodda_0_18,ekonomiskt_bistand_20_64,lag_inkomststandard_0_18,uvas_16_29
    10101,Västra Hamnen,3574,677,2074,680,39,0,18,0,21,0,90,26,47,20
    10102,Inre Hamnen,2247,479,1197,466,26,1,11,0,15,1,129,31,27,19
    10103,Frihamnen,0,0,0,0,0,0,0,0,0,0,0,0,0,0
    10104,Mellersta Hamnen,3,0,1,0,0,0,0,0,0,0,0,0,0,0
    11319,Södra Sofielund,4964,1247,3044,952,62,18,32,10,30,8,842,732,744,160
    11431,Katrinelund,5532,1405,2961,1017,82,30,35,10,47,20,874,684,800,137
    25611,Holma,5871,1505,3150,1184,90,34,46,19,44,15,991,765,832,232
    36101,Heleneholm,7779,2096,4343,1398,99,22,56,8,43,14,1144,507,957,205
    36105,Hermodsdal,7321,1682,4165,996,87,25,40,6,47,19,1061,824,821,143
    36108,Gullviksborg,6535,1694,3463,1205,90,28,44,11,46,17,1046,632,732,149
    36109,Augustenborg,4024,1055,2345,776,51,19,22,6,29,13,759,524,537,157
    48104,Kryddgården,8345,2267,4693,1525,123,52,59,26,64,26,1558,906,1228,249
    48205,Törnrosen,5818,1596,3418,1078,84,47,42,21,42,26,1122,929,1008,213
    48206,Örtagården,5692,1518,3104,836,84,29,41,14,43,15,1051,737,881,136
    48208,Herrgården,6681,1847,3704,1336,93,58,43,28,50,30,1407,1210,1262,300
    48209,Persborg,4667,1367,2784,767,74,22,38,11,36,11,904,634,800,114
    """

  static let table: AreaTable = {
    do {
      return try AreaTable.read(CSVReader.parse(statistikCSV, source: "fixture.csv")).table
    } catch {
      fatalError("fuzz fixture table: \(error)")
    }
  }()

  static let population: [Double?] = table.column("befolkning") ?? Array(repeating: nil, count: table.codes.count)

  static let codes: [String] = table.codes

  static let hierarchy: AreaHierarchy = {
    do {
      return try AreaHierarchy(areas: [
    Area(code: "10101", name: "Västra Hamnen", level: .delområde, parents: [.geso: "1"]),
    Area(code: "10102", name: "Inre Hamnen", level: .delområde, parents: [.geso: "1"]),
    Area(code: "10103", name: "Frihamnen", level: .delområde, parents: [.geso: "1"]),
    Area(code: "10104", name: "Mellersta Hamnen", level: .delområde, parents: [.geso: "1"]),
    Area(code: "36109", name: "Augustenborg", level: .delområde, parents: [.geso: "11"]),
    Area(code: "36101", name: "Heleneholm", level: .delområde, parents: [.geso: "11"]),
    Area(code: "11319", name: "Södra Sofielund", level: .delområde, parents: [.geso: "9"]),
    Area(code: "36108", name: "Gullviksborg", level: .delområde, parents: [.geso: "11"]),
    Area(code: "36105", name: "Hermodsdal", level: .delområde, parents: [.geso: "11"]),
    Area(code: "48208", name: "Herrgården", level: .delområde, parents: [.geso: "10"]),
    Area(code: "48104", name: "Kryddgården", level: .delområde, parents: [.geso: "10"]),
    Area(code: "48209", name: "Persborg", level: .delområde, parents: [.geso: "10"]),
    Area(code: "48205", name: "Törnrosen", level: .delområde, parents: [.geso: "10"]),
    Area(code: "48206", name: "Örtagården", level: .delområde, parents: [.geso: "10"]),
    Area(code: "25611", name: "Holma", level: .delområde, parents: [.geso: "14"]),
    Area(code: "11431", name: "Katrinelund", level: .delområde, parents: [.geso: "2"]),
    Area(code: "1", name: "Västra hamnen, Gamla staden m fl", level: .geso),
    Area(code: "11", name: "Nydala, Almhög m fl", level: .geso),
    Area(code: "9", name: "Möllevången, Rådmansvången m fl", level: .geso),
    Area(code: "10", name: "Örtagården, Herrgården m fl", level: .geso),
    Area(code: "14", name: "Hyllievång, Kroksbäck m fl", level: .geso),
    Area(code: "2", name: "Kirsebergsstaden, Värnhem m fl", level: .geso),
      ])
    } catch {
      fatalError("fuzz fixture hierarchy: \(error)")
    }
  }()

  static let insatserJSON = #"""
{
 "format": "kraftsamlingkit.insatser",
 "version": 1,
 "insatser": [
  {
   "id": "EX-2026-03",
   "title": "Sommarjobb och praktik i Augustenborg och Södra Sofielund",
   "description": "Arbetsmarknadsförvaltningen och MKB erbjuder feriejobb och praktik i bostadsområdena, med handledare från MKB. (Påhittat exempel.)",
   "owner": "ASF",
   "participants": [
    {
     "actor": "MKB",
     "role": "medgenomförare"
    }
   ],
   "areas": [
    "36109",
    "11319"
   ],
   "themes": [
    "arbete"
   ],
   "targetGroup": {
    "ages": {
     "from": 15,
     "to": 19
    },
    "description": "ungdomar 15–19 år"
   },
   "period": {
    "from": 2026,
    "to": 2027
   },
   "budget": [
    {
     "actor": "ASF",
     "year": 2026,
     "amount": 300000,
     "source": "sökta"
    },
    {
     "actor": "ASF",
     "year": 2027,
     "amount": 300000,
     "source": "sökta"
    },
    {
     "actor": "MKB",
     "year": 2026,
     "amount": 199999,
     "source": "sökta"
    },
    {
     "actor": "MKB",
     "year": 2027,
     "amount": 200000,
     "source": "sökta"
    }
   ],
   "classification": {
    "focus": [
     "förebyggande",
     "främjande"
    ],
    "reach": "direkt"
   },
   "programmes": [
    "Ung i Sommar"
   ],
   "effektlogik": {
    "nodes": [
     {
      "id": "r1",
      "kind": "resurs",
      "label": "Lönemedel och handledare",
      "responsible": "ASF",
      "amount": 999999
     },
     {
      "id": "a1",
      "kind": "aktivitet",
      "label": "Feriejobb i bostadsområdena",
      "responsible": "MKB"
     },
     {
      "id": "a2",
      "kind": "aktivitet",
      "label": "Vägledning om gymnasieval och arbete",
      "responsible": "ASF"
     },
     {
      "id": "p1",
      "kind": "prestation",
      "label": "80 feriejobb per sommar",
      "responsible": "MKB"
     },
     {
      "id": "e1",
      "kind": "kortsiktig-effekt",
      "label": "Ungdomarna får arbetslivserfarenhet och kontakter",
      "responsible": "ASF",
      "indicators": [
       {
        "name": "Andel deltagare med referens från arbetsgivare",
        "baseline": 0,
        "baselineYear": 2025,
        "target": 90,
        "year": 2027,
        "unit": "%"
       }
      ]
     },
     {
      "id": "e2",
      "kind": "långsiktig-effekt",
      "label": "Fler unga går vidare till arbete eller studier",
      "indicators": [
       {
        "name": "Andel deltagare i arbete eller studier ett år efter",
        "baseline": 70,
        "baselineYear": 2025,
        "target": 85,
        "year": 2028,
        "unit": "%"
       }
      ]
     },
     {
      "id": "g",
      "kind": "slutmål",
      "label": "Fler unga arbetar eller studerar efter årskurs 9",
      "indicators": [
       {
        "name": "Andel 16–29 år som varken arbetar eller studerar (UVAS)",
        "indicator": "uvas_16_29",
        "baseline": 15.0,
        "baselineYear": 2023,
        "target": 12.5,
        "year": 2035,
        "unit": "%"
       }
      ]
     }
    ],
    "links": [
     {
      "from": "r1",
      "to": "a1",
      "rationale": "Lön gör jobben möjliga"
     },
     {
      "from": "r1",
      "to": "a2",
      "rationale": "Handledare har tid för vägledning"
     },
     {
      "from": "a1",
      "to": "p1",
      "rationale": "MKB har uppdrag i sina områden",
      "assumptions": [
       "MKB:s fastighetsskötsel kan ta emot ungdomar"
      ]
     },
     {
      "from": "a2",
      "to": "e1",
      "rationale": "Vägledning gör erfarenheten till en plan"
     },
     {
      "from": "p1",
      "to": "e1",
      "rationale": "Ett första jobb ger erfarenhet och referens"
     },
     {
      "from": "e1",
      "to": "e2",
      "rationale": "Erfarenhet och kontakter leder vidare"
     },
     {
      "from": "e2",
      "to": "g",
      "rationale": "Färre blir UVAS"
     }
    ],
    "externalFactors": [
     "Konjunkturen och efterfrågan på unga arbetstagare"
    ]
   },
   "status": "inlämnad",
   "decisions": [
    {
     "from": "utkast",
     "to": "inlämnad",
     "body": "arbetsgrupp",
     "representative": {
      "name": "Eva Lund",
      "actor": "STK",
      "title": "samordnare, arbetsgruppen",
      "mandate": true
     },
     "date": "2025-10-06",
     "reason": "Förslag från arbetsgruppen"
    }
   ],
   "localKnowledge": "Många unga i området saknar kontakter in i arbetslivet."
  },
  {
   "id": "EX-2026-04",
   "title": "Trygga stråk och belysning i Hermodsdal och Gullviksborg",
   "description": "Ny belysning och röjning längs skolvägarna, planerad med de boende. (Påhittat exempel.)",
   "owner": "FGK",
   "participants": [
    {
     "actor": "TN",
     "role": "medgenomförare"
    },
    {
     "actor": "CIVIL",
     "role": "kunskapsresurs"
    }
   ],
   "areas": [
    "Hermodsdal",
    "Gullviksborg"
   ],
   "themes": [
    "trygghet",
    "stadsmiljö"
   ],
   "targetGroup": {
    "ages": {
     "from": 6,
     "to": 19
    },
    "description": "barn och unga på väg till skola och fritid"
   },
   "period": {
    "from": 2026,
    "to": 2027
   },
   "budget": [
    {
     "actor": "FGK",
     "year": 2026,
     "amount": 800000,
     "source": "sökta"
    },
    {
     "actor": "FGK",
     "year": 2027,
     "amount": 600000,
     "source": "sökta"
    }
   ],
   "classification": {
    "focus": [
     "förebyggande"
    ],
    "reach": "indirekt"
   },
   "programmes": [
    "Tryggare Malmö"
   ],
   "effektlogik": {
    "nodes": [
     {
      "id": "r1",
      "kind": "resurs",
      "label": "Investering i belysning och röjning",
      "responsible": "FGK",
      "amount": 1400000
     },
     {
      "id": "a1",
      "kind": "aktivitet",
      "label": "Trygghetsvandringar med boende och elever",
      "responsible": "FGK"
     },
     {
      "id": "a2",
      "kind": "aktivitet",
      "label": "Ny belysning längs fem skolvägar",
      "responsible": "FGK"
     },
     {
      "id": "p1",
      "kind": "prestation",
      "label": "Fem upplysta stråk",
      "responsible": "FGK"
     },
     {
      "id": "e1",
      "kind": "kortsiktig-effekt",
      "label": "Barn och unga känner sig tryggare ute",
      "indicators": [
       {
        "name": "Andel unga som känner sig trygga ute på kvällen",
        "baseline": 48,
        "baselineYear": 2025,
        "target": 60,
        "year": 2027,
        "unit": "%"
       }
      ]
     },
     {
      "id": "e2",
      "kind": "medellång-effekt",
      "label": "Fler unga deltar i fritidsaktiviteter på kvällstid",
      "indicators": [
       {
        "name": "Antal besök på fritidsgården per vecka",
        "baseline": 300,
        "baselineYear": 2025,
        "target": 400,
        "year": 2028,
        "unit": "antal"
       }
      ]
     },
     {
      "id": "g",
      "kind": "slutmål",
      "label": "Fler unga arbetar eller studerar efter årskurs 9",
      "indicators": [
       {
        "name": "Andel 16–29 år som varken arbetar eller studerar (UVAS)",
        "indicator": "uvas_16_29",
        "baseline": 16.3,
        "baselineYear": 2023,
        "target": 13.8,
        "year": 2035,
        "unit": "%"
       }
      ]
     }
    ],
    "links": [
     {
      "from": "r1",
      "to": "a2",
      "rationale": "Investeringen finansierar belysningen"
     },
     {
      "from": "a1",
      "to": "a2",
      "rationale": "Vandringarna visar var belysning behövs"
     },
     {
      "from": "a2",
      "to": "p1",
      "rationale": "Stråken byggs om"
     },
     {
      "from": "p1",
      "to": "e1",
      "rationale": "Ljus och överblick ökar tryggheten",
      "assumptions": [
       "Stråken underhålls"
      ]
     },
     {
      "from": "e1",
      "to": "e2",
      "rationale": "Den som känner sig trygg går ut"
     },
     {
      "from": "e2",
      "to": "g",
      "rationale": "Meningsfull fritid skyddar mot utanförskap"
     }
    ],
    "externalFactors": [
     "Brottsutvecklingen i området"
    ]
   },
   "status": "utkast",
   "decisions": [],
   "localKnowledge": "Föräldrar berättar att barnen undviker gångtunneln under Amiralsgatan efter mörkrets inbrott."
  }
 ]
}
"""#

  /// Malmö's nämnder, förvaltningar, companies and partners (the ids of the
  /// consultation and insatser corpora), as in KraftsamlingKitData.
  static let catalogue: AktörKatalog = {
    func n(_ id: String, _ name: String, _ fid: String, _ fname: String, special: Bool = false, resource: Bool = false) -> Nämnd {
      Nämnd(
        id: id, name: name, förvaltning: Förvaltning(id: fid, name: fname, nämndID: id),
        särskiltUppdrag: special, kunskapsresurs: resource)
    }
    do {
      return try AktörKatalog(
        nämnder: [
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
        ],
        bolag: [
          Bolag(id: "MKB", name: "MKB Fastighets AB"),
          Bolag(id: "MINC", name: "Malmö Incubator AB (MINC)"),
          Bolag(id: "P-MALMO", name: "Parkering Malmö"),
          Bolag(id: "POMAB", name: "Parkeringsövervakning i Malmö AB (PÖMAB)"),
        ],
        partners: [
          ExternPartner(id: "POLIS", name: "Polismyndigheten", kind: .polis),
          ExternPartner(id: "REGION-SKANE", name: "Region Skåne", kind: .region),
          ExternPartner(id: "AF", name: "Arbetsförmedlingen", kind: .statligMyndighet),
          ExternPartner(id: "CIVIL", name: "Idéburna organisationer (civilsamhället)", kind: .civilsamhälle),
        ])
    } catch {
      fatalError("fuzz fixture catalogue: \(error)")
    }
  }()

  /// The four criteria of STK-2024-1374 (as `RuleSet.stk2024_1374()`).
  static let rules = RuleSet(
    name: "stk-2024-1374",
    rules: [
      EffectLogicRule(options: .init(goalIndicator: "uvas_16_29")), DistinctActorsRule(), MinimumBudgetRule(),
      PreventiveFocusRule(),
    ])

  /// The criteria plus the optional rules (as `RuleSet.stk2024_1374Full()`).
  static let fullRules: RuleSet = {
    let selection: Set<String> = [
      "36109", "36101", "11319", "36108", "36105", "48208", "48104", "48209", "48205", "48206", "25611", "11431",
    ]
    var set = rules.adding(SelectedAreaRule(areas: selection, name: "the initial selection of STK-2024-1374"))
      .adding(PeriodRule()).adding(NoOverlapRule())
    set.name = "stk-2024-1374-full"
    return set
  }()

  /// The two sets by name, for rule-set files' `base`.
  static let ruleSets = RuleSetRegistry()
    .registering(rules.name, summary: "the four criteria") { _ in FuzzFixtures.rules }
    .registering(fullRules.name, summary: "with the optional rules") { _ in FuzzFixtures.fullRules }

  /// Follow-up options with a published city and national value.
  static let followUpOptions: Uppföljning.Options = {
    var o = Uppföljning.Options(cityName: "Malmö")
    o.publishedCity = [ReferenceValue(year: 2023, value: 0.095, source: "fixture")]
    o.publishedNation = [ReferenceValue(year: 2023, value: 0.068, source: "fixture")]
    return o
  }()

  static let insatser: [Insats] = {
    do {
      return try InsatsReader(catalogue: catalogue, areas: hierarchy).parse(insatserJSON, file: "fixture.json").file.insatser
    } catch {
      fatalError("fuzz fixture insatser: \(error)")
    }
  }()
}
