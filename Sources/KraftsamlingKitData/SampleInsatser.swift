import KraftsamlingKit

/// The bundled sample insatser: eight INVENTED kraftsamlande insatser in
/// Malmö's delområden of STK-2024-1374's initial selection, covering
/// eligible and ineligible cases, for examples, tests and `kraftctl`.
///
/// | id | title | under `stk-2024-1374` |
/// |---|---|---|
/// | EX-2026-01 | Läxhjälp och kvällsfritids i Holma | eligible (pågående) |
/// | EX-2026-02 | Föräldraskapsstöd på familjecentralen i Kryddgården och Törnrosen | eligible (tillstyrkt) |
/// | EX-2026-03 | Sommarjobb och praktik i Augustenborg och Södra Sofielund | fails: 999 999 kr |
/// | EX-2026-04 | Trygga stråk och belysning i Hermodsdal och Gullviksborg | fails: one actor (Tekniska nämnden is its förvaltning's nämnd) |
/// | EX-2026-05 | Behandling för unga med riskbruk i Persborg och Herrgården | fails: not preventive (avstyrkt) |
/// | EX-2026-06 | Kulturskola och skapande i Gullviksborg | fails: effect logic does not reach the goal |
/// | EX-2026-07 | Läslyft i förskola och bibliotek i Katrinelund | eligible at exactly 1 000 000 kr |
/// | EX-2026-08 | Mötesplats och fältarbete för unga i Holma | eligible; overlaps EX-2026-01 |
///
/// The same JSON is in `Examples/data/insatser-exempel.json` for reading.
///
/// ```swift
/// import KraftsamlingKitData
/// SampleInsatser.insatser.count                  // 8
/// SampleInsatser.file.name                       // "insatser-exempel.json"
/// ```
public enum SampleInsatser {
  /// The label every output based on the sample must carry (Swedish).
  package static let exampleLabel = "Påhittade exempel – inga verkliga insatser"
  /// The label every output based on the sample must carry (English).
  public static let exampleLabelEnglish = "Invented examples – not real insatser"

  /// The sample as an embedded JSON file (`insatser-exempel.json`).
  package static let file = EmbeddedFile(name: "insatser-exempel.json", text: json)

  /// The sample file, read and resolved against ``AktörKatalog/malmö`` and
  /// ``MalmöData/hierarchy``.
  package static let insatsFile: InsatsFile = {
    do {
      return try InsatsReader(catalogue: .malmö, areas: MalmöData.hierarchy)
        .parse(file.text, file: MalmöData.sourceName(file)).file
    } catch {
      preconditionFailure("KraftsamlingKit's bundled sample insatser are broken: \(error)")
    }
  }()

  /// The eight sample insatser.
  public static var insatser: [Insats] { insatsFile.insatser }

  /// The sample as a register.
  package static var register: InsatsRegister {
    do { return try InsatsRegister(insatser, catalogue: .malmö) } catch { preconditionFailure("duplicate sample ids: \(error)") }
  }

  /// The JSON text.
  static let json = #"""
{
  "format": "kraftsamlingkit.insatser",
  "version": 1,
  "example": true,
  "note": "PÅHITTADE EXEMPEL – inga verkliga förslag eller beslut. Åtta tänkta kraftsamlande insatser i Malmös delområden ur STK-2024-1374:s inledande urval, för att visa regelprövningen: EX-2026-01, -02, -07 och -08 uppfyller kriterierna (-07 med exakt 1 000 000 kr); -03 har 999 999 kr, -04 bara en aktör, -05 är inte förebyggande och -06:s effektlogik når inte slutmålet. Personnamn, diarienummer och siffror är påhittade. / INVENTED EXAMPLES – not real proposals or decisions.",
  "insatser": [
    {
      "id": "EX-2026-01",
      "title": "Läxhjälp och kvällsfritids i Holma",
      "description": "Skolan och fritidsförvaltningen öppnar Holmaskolan tre eftermiddagar och kvällar i veckan: läxhjälp med lärare och ideella, därefter idrott och kultur. (Påhittat exempel.)",
      "owner": "GRF",
      "participants": [
        {
          "actor": "FRF",
          "role": "medgenomförare"
        },
        {
          "actor": "CIVIL",
          "role": "medgenomförare"
        },
        {
          "actor": "GVF",
          "role": "kunskapsresurs"
        }
      ],
      "areas": [
        "25611"
      ],
      "themes": [
        "skola",
        "fritid"
      ],
      "targetGroup": {
        "ages": {
          "from": 10,
          "to": 16
        },
        "description": "elever i åk 4–9 på Holmaskolan"
      },
      "period": {
        "from": 2026,
        "to": 2028
      },
      "budget": [
        {
          "actor": "GRF",
          "year": 2026,
          "amount": 400000,
          "source": "sökta"
        },
        {
          "actor": "GRF",
          "year": 2027,
          "amount": 400000,
          "source": "sökta"
        },
        {
          "actor": "GRF",
          "year": 2028,
          "amount": 400000,
          "source": "sökta"
        },
        {
          "actor": "FRF",
          "year": 2026,
          "amount": 200000,
          "source": "sökta"
        },
        {
          "actor": "FRF",
          "year": 2027,
          "amount": 200000,
          "source": "sökta"
        },
        {
          "actor": "FRF",
          "year": 2028,
          "amount": 200000,
          "source": "sökta"
        },
        {
          "actor": "CIVIL",
          "year": 2026,
          "amount": 100000,
          "source": "egna"
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
        "CTC"
      ],
      "effektlogik": {
        "nodes": [
          {
            "id": "r1",
            "kind": "resurs",
            "label": "Två lärare och en fritidsledare i tre år",
            "responsible": "GRF",
            "amount": 1800000
          },
          {
            "id": "r2",
            "kind": "resurs",
            "label": "Lokaler och ideella läxhjälpare",
            "responsible": "CIVIL",
            "amount": 100000
          },
          {
            "id": "a1",
            "kind": "aktivitet",
            "label": "Läxhjälp tre eftermiddagar i veckan",
            "responsible": "GRF"
          },
          {
            "id": "a2",
            "kind": "aktivitet",
            "label": "Kvällsfritids med idrott och kultur",
            "responsible": "FRF"
          },
          {
            "id": "p1",
            "kind": "prestation",
            "label": "120 elever deltar minst en gång i veckan",
            "responsible": "GRF"
          },
          {
            "id": "p2",
            "kind": "prestation",
            "label": "Öppet tre kvällar i veckan, 40 veckor om året",
            "responsible": "FRF"
          },
          {
            "id": "e1",
            "kind": "kortsiktig-effekt",
            "label": "Fler elever gör läxorna och är i skolan",
            "responsible": "GRF",
            "indicators": [
              {
                "name": "Andel elever åk 6–9 med minst 90 % närvaro",
                "baseline": 78,
                "baselineYear": 2025,
                "target": 85,
                "year": 2027,
                "unit": "%"
              }
            ]
          },
          {
            "id": "e2",
            "kind": "medellång-effekt",
            "label": "Fler elever blir behöriga till gymnasiets yrkesprogram",
            "responsible": "GRF",
            "indicators": [
              {
                "name": "Andel avgångna åk 9 ej behöriga till yrkesprogram",
                "indicator": "ej_behoriga_yrkesprogram_ak9",
                "baseline": 38,
                "baselineYear": 2024,
                "target": 30,
                "year": 2029,
                "unit": "%"
              }
            ]
          },
          {
            "id": "e3",
            "kind": "långsiktig-effekt",
            "label": "Fler unga påbörjar och fullföljer gymnasiet",
            "indicators": [
              {
                "name": "Andel som tar examen inom fyra år",
                "baseline": 55,
                "baselineYear": 2024,
                "target": 62,
                "year": 2032,
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
                "baseline": 14.2,
                "baselineYear": 2023,
                "target": 11.5,
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
            "rationale": "Lärarledd läxhjälp kräver personal med ämneskunskap"
          },
          {
            "from": "r2",
            "to": "a1",
            "rationale": "Ideella vuxna ger fler timmar med stöd",
            "assumptions": [
              "Föreningen kan rekrytera läxhjälpare tre år"
            ]
          },
          {
            "from": "r1",
            "to": "a2",
            "rationale": "Fritidsledaren håller öppet efter läxhjälpen"
          },
          {
            "from": "a1",
            "to": "p1",
            "rationale": "Eleverna kommer när stödet finns på deras egen skola",
            "assumptions": [
              "Vårdnadshavarna ser läxhjälpen som ett stöd"
            ]
          },
          {
            "from": "a2",
            "to": "p2",
            "rationale": "Fast schema gör verksamheten förutsägbar"
          },
          {
            "from": "p1",
            "to": "e1",
            "rationale": "Regelbunden läxhjälp ökar närvaro och studiero"
          },
          {
            "from": "p2",
            "to": "e1",
            "rationale": "En meningsfull fritid stärker skolanknytningen",
            "assumptions": [
              "Aktiviteterna lockar även de elever som har hög frånvaro"
            ]
          },
          {
            "from": "e1",
            "to": "e2",
            "rationale": "Närvaro och gjorda läxor ger godkända betyg"
          },
          {
            "from": "e2",
            "to": "e3",
            "rationale": "Behörighet öppnar gymnasiets yrkesprogram"
          },
          {
            "from": "e3",
            "to": "g",
            "rationale": "Gymnasieexamen är den starkaste skyddsfaktorn mot UVAS"
          }
        ],
        "externalFactors": [
          "Arbetsmarknaden för unga i Malmö",
          "Skolans resurser i övrigt och lärarbehörighet"
        ]
      },
      "status": "pågående",
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
          "reason": "Förslag från arbetsgruppen efter dialog med Holmaskolan"
        },
        {
          "from": "inlämnad",
          "to": "tillstyrkt",
          "body": "styrgrupp",
          "representative": {
            "name": "Anna Berg",
            "actor": "GRF",
            "title": "avdelningschef",
            "mandate": true
          },
          "date": "2025-11-12",
          "reason": "Tydlig effektlogik, tre aktörer, förebyggande"
        },
        {
          "from": "tillstyrkt",
          "to": "beviljad",
          "body": "kommunstyrelsen",
          "date": "2025-12-10",
          "reason": "Medel beviljas 2026–2028",
          "reference": "KS-EXEMPEL-2025-101 §5"
        },
        {
          "from": "beviljad",
          "to": "pågående",
          "body": "genomförare",
          "representative": {
            "name": "Anna Berg",
            "actor": "GRF",
            "title": "avdelningschef",
            "mandate": true
          },
          "date": "2026-01-12",
          "reason": "Start vid vårterminens början"
        }
      ],
      "localKnowledge": "Skolan ser att många elever saknar lugn studiemiljö hemma; föreningslivet i Holma har redan läxhjälp två kvällar i veckan som kan byggas ut."
    },
    {
      "id": "EX-2026-02",
      "title": "Föräldraskapsstöd på familjecentralen i Kryddgården och Törnrosen",
      "description": "Förskolan, socialtjänsten och regionens barnhälsovård erbjuder föräldragrupper, hembesök och språkstöd vid familjecentralen. (Påhittat exempel.)",
      "owner": "FSKF",
      "participants": [
        {
          "actor": "ASF",
          "role": "medgenomförare"
        },
        {
          "actor": "REGION-SKANE",
          "role": "medgenomförare"
        }
      ],
      "areas": [
        "48104",
        "48205"
      ],
      "themes": [
        "föräldraskap",
        "förskola"
      ],
      "targetGroup": {
        "ages": {
          "from": 0,
          "to": 6
        },
        "description": "barn 0–6 år och deras vårdnadshavare"
      },
      "period": {
        "from": 2026,
        "to": 2029
      },
      "budget": [
        {
          "actor": "FSKF",
          "year": 2026,
          "amount": 350000,
          "source": "sökta"
        },
        {
          "actor": "FSKF",
          "year": 2027,
          "amount": 350000,
          "source": "sökta"
        },
        {
          "actor": "FSKF",
          "year": 2028,
          "amount": 350000,
          "source": "sökta"
        },
        {
          "actor": "FSKF",
          "year": 2029,
          "amount": 350000,
          "source": "sökta"
        },
        {
          "actor": "ASF",
          "year": 2026,
          "amount": 250000,
          "source": "sökta"
        },
        {
          "actor": "ASF",
          "year": 2027,
          "amount": 250000,
          "source": "sökta"
        },
        {
          "actor": "ASF",
          "year": 2028,
          "amount": 250000,
          "source": "sökta"
        },
        {
          "actor": "ASF",
          "year": 2029,
          "amount": 250000,
          "source": "sökta"
        },
        {
          "actor": "REGION-SKANE",
          "year": 2026,
          "amount": 200000,
          "source": "egna"
        }
      ],
      "classification": {
        "focus": [
          "förebyggande"
        ],
        "reach": "indirekt"
      },
      "programmes": [
        "Familjecentral"
      ],
      "effektlogik": {
        "nodes": [
          {
            "id": "r1",
            "kind": "resurs",
            "label": "Förskollärare, socialsekreterare och BVC-sjuksköterska på familjecentralen",
            "responsible": "FSKF",
            "amount": 2600000
          },
          {
            "id": "a1",
            "kind": "aktivitet",
            "label": "Föräldragrupper enligt ett evidensbaserat program",
            "responsible": "ASF"
          },
          {
            "id": "a2",
            "kind": "aktivitet",
            "label": "Hembesök för förstagångsföräldrar",
            "responsible": "REGION-SKANE"
          },
          {
            "id": "a3",
            "kind": "aktivitet",
            "label": "Språkstimulans och uppsökande om förskoleplats",
            "responsible": "FSKF"
          },
          {
            "id": "p1",
            "kind": "prestation",
            "label": "200 familjer per år deltar",
            "responsible": "ASF"
          },
          {
            "id": "p2",
            "kind": "prestation",
            "label": "Fler barn skrivs in i förskolan",
            "responsible": "FSKF"
          },
          {
            "id": "e1",
            "kind": "kortsiktig-effekt",
            "label": "Stärkt föräldraförmåga och trygg anknytning",
            "responsible": "ASF",
            "indicators": [
              {
                "name": "Andel föräldrar som rapporterar ökad trygghet i föräldraskapet",
                "baseline": 60,
                "baselineYear": 2025,
                "target": 75,
                "year": 2027,
                "unit": "%"
              }
            ]
          },
          {
            "id": "e2",
            "kind": "medellång-effekt",
            "label": "Barnen börjar skolan med bättre språk",
            "responsible": "FSKF",
            "indicators": [
              {
                "name": "Andel inskrivna i förskola 1–5 år",
                "baseline": 82,
                "baselineYear": 2024,
                "target": 92,
                "year": 2029,
                "unit": "%"
              }
            ]
          },
          {
            "id": "e3",
            "kind": "långsiktig-effekt",
            "label": "Fler klarar grundskolan",
            "indicators": [
              {
                "name": "Andel avgångna åk 9 ej behöriga till yrkesprogram",
                "indicator": "ej_behoriga_yrkesprogram_ak9",
                "baseline": 35,
                "baselineYear": 2024,
                "target": 28,
                "year": 2034,
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
                "baseline": 13.1,
                "baselineYear": 2023,
                "target": 10.8,
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
            "rationale": "Personal med rätt kompetens på plats"
          },
          {
            "from": "r1",
            "to": "a2",
            "rationale": "Regionen bidrar med BVC-sjuksköterskans tid",
            "assumptions": [
              "Regionen behåller bemanningen"
            ]
          },
          {
            "from": "r1",
            "to": "a3",
            "rationale": "Förskollärare kan möta familjerna där de är"
          },
          {
            "from": "a1",
            "to": "p1",
            "rationale": "Grupperna hålls på flera språk"
          },
          {
            "from": "a2",
            "to": "p1",
            "rationale": "Hembesöken leder familjer till grupperna"
          },
          {
            "from": "a3",
            "to": "p2",
            "rationale": "Uppsökande arbete sänker trösklarna till förskolan",
            "assumptions": [
              "Det finns förskoleplatser i närområdet"
            ]
          },
          {
            "from": "p1",
            "to": "e1",
            "rationale": "Programmet har visat effekt på föräldraförmåga"
          },
          {
            "from": "p2",
            "to": "e2",
            "rationale": "Förskola ger språkutveckling före skolstart"
          },
          {
            "from": "e1",
            "to": "e3",
            "rationale": "Trygg uppväxt ger bättre skolresultat"
          },
          {
            "from": "e2",
            "to": "e3",
            "rationale": "Språket är nyckeln till skolans ämnen"
          },
          {
            "from": "e3",
            "to": "g",
            "rationale": "Den som klarar grundskolan kan gå vidare till studier och arbete"
          }
        ],
        "externalFactors": [
          "Trångboddhet och bostadsmarknaden",
          "Regionens prioriteringar i barnhälsovården"
        ]
      },
      "status": "tillstyrkt",
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
        },
        {
          "from": "inlämnad",
          "to": "tillstyrkt",
          "body": "styrgrupp",
          "representative": {
            "name": "Maria Ek",
            "actor": "FSKF",
            "title": "förvaltningsdirektör",
            "mandate": true
          },
          "date": "2025-11-12",
          "reason": "Bygger vidare på befintlig familjecentral"
        }
      ],
      "localKnowledge": "Familjecentralen når redan många familjer men har väntelista till föräldragrupperna."
    },
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
    },
    {
      "id": "EX-2026-05",
      "title": "Behandling för unga med riskbruk i Persborg och Herrgården",
      "description": "Socialtjänsten och regionens beroendevård erbjuder behandling och stöd till unga som redan har ett riskbruk. (Påhittat exempel.)",
      "owner": "ASF",
      "participants": [
        {
          "actor": "REGION-SKANE",
          "role": "medgenomförare"
        }
      ],
      "areas": [
        "48209",
        "48208"
      ],
      "themes": [
        "missbruk",
        "hälsa"
      ],
      "targetGroup": {
        "ages": {
          "from": 15,
          "to": 24
        },
        "description": "unga 15–24 år med riskbruk"
      },
      "period": {
        "from": 2026,
        "to": 2028
      },
      "budget": [
        {
          "actor": "ASF",
          "year": 2026,
          "amount": 500000,
          "source": "sökta"
        },
        {
          "actor": "ASF",
          "year": 2027,
          "amount": 500000,
          "source": "sökta"
        },
        {
          "actor": "ASF",
          "year": 2028,
          "amount": 500000,
          "source": "sökta"
        }
      ],
      "classification": {
        "focus": [
          "åtgärdande"
        ],
        "reach": "direkt"
      },
      "programmes": [],
      "effektlogik": {
        "nodes": [
          {
            "id": "r1",
            "kind": "resurs",
            "label": "Två behandlare",
            "responsible": "ASF",
            "amount": 1500000
          },
          {
            "id": "a1",
            "kind": "aktivitet",
            "label": "Individuell behandling och samtal",
            "responsible": "ASF"
          },
          {
            "id": "a2",
            "kind": "aktivitet",
            "label": "Medicinsk bedömning",
            "responsible": "REGION-SKANE"
          },
          {
            "id": "p1",
            "kind": "prestation",
            "label": "40 unga per år i behandling",
            "responsible": "ASF"
          },
          {
            "id": "e1",
            "kind": "kortsiktig-effekt",
            "label": "Minskat riskbruk",
            "responsible": "ASF",
            "indicators": [
              {
                "name": "Andel deltagare med minskat bruk efter sex månader",
                "baseline": 0,
                "baselineYear": 2025,
                "target": 60,
                "year": 2027,
                "unit": "%"
              }
            ]
          },
          {
            "id": "e2",
            "kind": "långsiktig-effekt",
            "label": "Fler återgår till studier eller arbete",
            "indicators": [
              {
                "name": "Andel deltagare i studier eller arbete efter ett år",
                "baseline": 30,
                "baselineYear": 2025,
                "target": 50,
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
                "baseline": 17.0,
                "baselineYear": 2023,
                "target": 14.5,
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
            "rationale": "Behandlare ger behandling"
          },
          {
            "from": "a1",
            "to": "p1",
            "rationale": "Unga remitteras från socialtjänsten"
          },
          {
            "from": "a2",
            "to": "p1",
            "rationale": "Bedömning före behandling"
          },
          {
            "from": "p1",
            "to": "e1",
            "rationale": "Behandlingen har stöd i forskning",
            "assumptions": [
              "Deltagarna fullföljer behandlingen"
            ]
          },
          {
            "from": "e1",
            "to": "e2",
            "rationale": "Minskat bruk gör studier möjliga"
          },
          {
            "from": "e2",
            "to": "g",
            "rationale": "Färre blir UVAS"
          }
        ],
        "externalFactors": [
          "Tillgången på narkotika i området"
        ]
      },
      "status": "avstyrkt",
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
        },
        {
          "from": "inlämnad",
          "to": "avstyrkt",
          "body": "styrgrupp",
          "representative": {
            "name": "Omar Said",
            "actor": "ASF",
            "title": "avdelningschef",
            "mandate": true
          },
          "date": "2025-11-12",
          "reason": "Åtgärdande, inte förebyggande; hänvisas till ordinarie verksamhet"
        }
      ],
      "localKnowledge": "Behovet är stort men insatsen hör hemma i socialtjänstens ordinarie uppdrag."
    },
    {
      "id": "EX-2026-06",
      "title": "Kulturskola och skapande i Gullviksborg",
      "description": "Kulturskolan flyttar ut till Gullviksborgsskolan med kurser i musik, dans och film. (Påhittat exempel.)",
      "owner": "KF",
      "participants": [
        {
          "actor": "GRF",
          "role": "medgenomförare"
        }
      ],
      "areas": [
        "36108"
      ],
      "themes": [
        "kultur",
        "skola"
      ],
      "targetGroup": {
        "ages": {
          "from": 7,
          "to": 15
        },
        "description": "elever i åk 1–9"
      },
      "period": {
        "from": 2026,
        "to": 2028
      },
      "budget": [
        {
          "actor": "KF",
          "year": 2026,
          "amount": 400000,
          "source": "sökta"
        },
        {
          "actor": "KF",
          "year": 2027,
          "amount": 400000,
          "source": "sökta"
        },
        {
          "actor": "KF",
          "year": 2028,
          "amount": 400000,
          "source": "sökta"
        },
        {
          "actor": "GRF",
          "year": 2026,
          "amount": 100000,
          "source": "sökta"
        },
        {
          "actor": "GRF",
          "year": 2027,
          "amount": 100000,
          "source": "sökta"
        },
        {
          "actor": "GRF",
          "year": 2028,
          "amount": 100000,
          "source": "sökta"
        }
      ],
      "classification": {
        "focus": [
          "främjande",
          "förebyggande"
        ],
        "reach": "direkt"
      },
      "programmes": [],
      "effektlogik": {
        "nodes": [
          {
            "id": "r1",
            "kind": "resurs",
            "label": "Kulturpedagoger och instrument",
            "responsible": "KF",
            "amount": 1500000
          },
          {
            "id": "a1",
            "kind": "aktivitet",
            "label": "Kurser i musik, dans och film efter skoltid",
            "responsible": "KF"
          },
          {
            "id": "a2",
            "kind": "aktivitet",
            "label": "Föreställningar för föräldrar",
            "responsible": "KF"
          },
          {
            "id": "p1",
            "kind": "prestation",
            "label": "150 elever i kurser varje termin",
            "responsible": "KF"
          },
          {
            "id": "e1",
            "kind": "kortsiktig-effekt",
            "label": "Ökad delaktighet och självkänsla",
            "responsible": "GRF",
            "indicators": [
              {
                "name": "Andel elever som deltar i organiserad fritid",
                "baseline": 35,
                "baselineYear": 2025,
                "target": 50,
                "year": 2027,
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
                "baseline": 14.8,
                "baselineYear": 2023,
                "target": 12.3,
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
            "rationale": "Pedagogerna leder kurserna"
          },
          {
            "from": "r1",
            "to": "a2",
            "rationale": "Pedagogerna sätter upp föreställningarna"
          },
          {
            "from": "a1",
            "to": "p1",
            "rationale": "Kurserna är avgiftsfria"
          },
          {
            "from": "p1",
            "to": "e1",
            "rationale": "Skapande stärker självkänslan"
          }
        ],
        "externalFactors": []
      },
      "status": "utkast",
      "decisions": [],
      "localKnowledge": "Eleverna efterfrågar dans och film; skolan har lokaler som står tomma efter 15."
    },
    {
      "id": "EX-2026-07",
      "title": "Läslyft i förskola och bibliotek i Katrinelund",
      "description": "Förskolan och biblioteket läser med barnen, lånar ut bokpåsar och bjuder in föräldrar till sagostunder. (Påhittat exempel.)",
      "owner": "KF",
      "participants": [
        {
          "actor": "FSKF",
          "role": "medgenomförare"
        }
      ],
      "areas": [
        "Katrinelund"
      ],
      "themes": [
        "läsning",
        "förskola"
      ],
      "targetGroup": {
        "ages": {
          "from": 1,
          "to": 9
        },
        "description": "barn i förskola och lågstadium och deras föräldrar"
      },
      "period": {
        "from": 2025,
        "to": 2026
      },
      "budget": [
        {
          "actor": "KF",
          "year": 2025,
          "amount": 250000,
          "source": "sökta"
        },
        {
          "actor": "KF",
          "year": 2026,
          "amount": 250000,
          "source": "sökta"
        },
        {
          "actor": "FSKF",
          "year": 2025,
          "amount": 250000,
          "source": "sökta"
        },
        {
          "actor": "FSKF",
          "year": 2026,
          "amount": 250000,
          "source": "sökta"
        }
      ],
      "classification": {
        "focus": [
          "främjande",
          "förebyggande"
        ],
        "reach": "indirekt"
      },
      "programmes": [],
      "effektlogik": {
        "nodes": [
          {
            "id": "r1",
            "kind": "resurs",
            "label": "Barnbibliotekarie och förskollärare",
            "responsible": "KF",
            "amount": 1000000
          },
          {
            "id": "a1",
            "kind": "aktivitet",
            "label": "Sagostunder och bokpåsar",
            "responsible": "KF"
          },
          {
            "id": "a2",
            "kind": "aktivitet",
            "label": "Läsning varje dag i förskolan",
            "responsible": "FSKF"
          },
          {
            "id": "p1",
            "kind": "prestation",
            "label": "300 bokpåsar per år",
            "responsible": "KF"
          },
          {
            "id": "p2",
            "kind": "prestation",
            "label": "Alla avdelningar läser dagligen",
            "responsible": "FSKF"
          },
          {
            "id": "e1",
            "kind": "kortsiktig-effekt",
            "label": "Barnen läser mer hemma",
            "responsible": "KF",
            "indicators": [
              {
                "name": "Andel föräldrar som läser för barnen varje vecka",
                "baseline": 45,
                "baselineYear": 2025,
                "target": 65,
                "year": 2026,
                "unit": "%"
              }
            ]
          },
          {
            "id": "e2",
            "kind": "medellång-effekt",
            "label": "Bättre läsförståelse i åk 3",
            "responsible": "FSKF",
            "indicators": [
              {
                "name": "Andel elever i åk 3 som klarar nationella provet i läsförståelse",
                "baseline": 68,
                "baselineYear": 2024,
                "target": 78,
                "year": 2030,
                "unit": "%"
              }
            ]
          },
          {
            "id": "e3",
            "kind": "långsiktig-effekt",
            "label": "Fler behöriga till gymnasiet",
            "indicators": [
              {
                "name": "Andel avgångna åk 9 ej behöriga till yrkesprogram",
                "indicator": "ej_behoriga_yrkesprogram_ak9",
                "baseline": 30,
                "baselineYear": 2024,
                "target": 24,
                "year": 2034,
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
                "baseline": 12.4,
                "baselineYear": 2023,
                "target": 10.5,
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
            "rationale": "Bibliotekarien leder sagostunderna"
          },
          {
            "from": "r1",
            "to": "a2",
            "rationale": "Förskollärarna får stöd och böcker"
          },
          {
            "from": "a1",
            "to": "p1",
            "rationale": "Föräldrar hämtar bokpåsar vid sagostunden",
            "assumptions": [
              "Föräldrarna hinner komma"
            ]
          },
          {
            "from": "a2",
            "to": "p2",
            "rationale": "Läsningen läggs in i dagsschemat"
          },
          {
            "from": "p1",
            "to": "e1",
            "rationale": "Böcker hemma leder till läsning hemma"
          },
          {
            "from": "p2",
            "to": "e2",
            "rationale": "Daglig läsning utvecklar språket"
          },
          {
            "from": "e1",
            "to": "e2",
            "rationale": "Läsning hemma stärker läsförståelsen"
          },
          {
            "from": "e2",
            "to": "e3",
            "rationale": "Läsförståelse bär alla ämnen"
          },
          {
            "from": "e3",
            "to": "g",
            "rationale": "Behörighet leder vidare till studier"
          }
        ],
        "externalFactors": [
          "Bibliotekets öppettider och kommunens budget"
        ]
      },
      "status": "pågående",
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
          "date": "2025-09-15",
          "reason": "Förslag från arbetsgruppen"
        },
        {
          "from": "inlämnad",
          "to": "tillstyrkt",
          "body": "styrgrupp",
          "representative": {
            "name": "Lena Holm",
            "actor": "KF",
            "title": "avdelningschef",
            "mandate": true
          },
          "date": "2025-10-08",
          "reason": "Exakt en miljon; tydlig effektlogik"
        },
        {
          "from": "tillstyrkt",
          "to": "beviljad",
          "body": "kommunstyrelsen",
          "date": "2025-10-22",
          "reason": "Medel beviljas 2025–2026",
          "reference": "KS-EXEMPEL-2025-087 §9"
        },
        {
          "from": "beviljad",
          "to": "pågående",
          "body": "genomförare",
          "representative": {
            "name": "Lena Holm",
            "actor": "KF",
            "title": "avdelningschef",
            "mandate": true
          },
          "date": "2025-11-03",
          "reason": "Start i november"
        }
      ],
      "localKnowledge": "Biblioteket i området har få besökare under 10 år; förskolorna vill samarbeta."
    },
    {
      "id": "EX-2026-08",
      "title": "Mötesplats och fältarbete för unga i Holma",
      "description": "Fritidsgården får längre öppettider, fältassistenter rör sig i området och SSPF-samverkan med polisen fångar upp unga i riskzon. (Påhittat exempel.)",
      "owner": "FRF",
      "participants": [
        {
          "actor": "ASF",
          "role": "medgenomförare"
        },
        {
          "actor": "POLIS",
          "role": "medgenomförare"
        }
      ],
      "areas": [
        "Holma"
      ],
      "themes": [
        "fritid",
        "trygghet"
      ],
      "targetGroup": {
        "ages": {
          "from": 12,
          "to": 20
        },
        "description": "unga 12–20 år"
      },
      "period": {
        "from": 2026,
        "to": 2028
      },
      "budget": [
        {
          "actor": "FRF",
          "year": 2026,
          "amount": 500000,
          "source": "sökta"
        },
        {
          "actor": "FRF",
          "year": 2027,
          "amount": 500000,
          "source": "sökta"
        },
        {
          "actor": "FRF",
          "year": 2028,
          "amount": 500000,
          "source": "sökta"
        },
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
          "actor": "ASF",
          "year": 2028,
          "amount": 300000,
          "source": "sökta"
        }
      ],
      "classification": {
        "focus": [
          "förebyggande"
        ],
        "reach": "direkt"
      },
      "programmes": [
        "SSPF",
        "Ungdomsfält Malmö"
      ],
      "effektlogik": {
        "nodes": [
          {
            "id": "r1",
            "kind": "resurs",
            "label": "Fritidsledare och fältassistenter",
            "responsible": "FRF",
            "amount": 2400000
          },
          {
            "id": "a1",
            "kind": "aktivitet",
            "label": "Längre öppettider på fritidsgården",
            "responsible": "FRF"
          },
          {
            "id": "a2",
            "kind": "aktivitet",
            "label": "Fältarbete och SSPF-samverkan",
            "responsible": "ASF"
          },
          {
            "id": "p1",
            "kind": "prestation",
            "label": "Öppet fem kvällar i veckan",
            "responsible": "FRF"
          },
          {
            "id": "p2",
            "kind": "prestation",
            "label": "Alla unga i riskzon får en kontaktperson",
            "responsible": "ASF"
          },
          {
            "id": "e1",
            "kind": "kortsiktig-effekt",
            "label": "Färre unga dras in i kriminalitet",
            "responsible": "POLIS",
            "indicators": [
              {
                "name": "Antal unga 12–17 misstänkta för brott",
                "baseline": 40,
                "baselineYear": 2025,
                "target": 30,
                "year": 2027,
                "unit": "antal"
              }
            ]
          },
          {
            "id": "e2",
            "kind": "medellång-effekt",
            "label": "Fler unga har en meningsfull fritid",
            "responsible": "FRF",
            "indicators": [
              {
                "name": "Andel unga som deltar i organiserad fritid",
                "baseline": 30,
                "baselineYear": 2025,
                "target": 45,
                "year": 2028,
                "unit": "%"
              }
            ]
          },
          {
            "id": "e3",
            "kind": "långsiktig-effekt",
            "label": "Fler unga fullföljer skolan",
            "indicators": [
              {
                "name": "Andel avgångna åk 9 ej behöriga till yrkesprogram",
                "indicator": "ej_behoriga_yrkesprogram_ak9",
                "baseline": 42,
                "baselineYear": 2024,
                "target": 34,
                "year": 2032,
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
                "baseline": 14.2,
                "baselineYear": 2023,
                "target": 11.5,
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
            "rationale": "Personal för fler kvällar"
          },
          {
            "from": "r1",
            "to": "a2",
            "rationale": "Fältassistenter finns i området"
          },
          {
            "from": "a1",
            "to": "p1",
            "rationale": "Schemat utökas"
          },
          {
            "from": "a2",
            "to": "p2",
            "rationale": "SSPF fördelar kontaktpersoner",
            "assumptions": [
              "Polisen deltar i SSPF-mötena"
            ]
          },
          {
            "from": "p1",
            "to": "e2",
            "rationale": "Öppen verksamhet lockar unga"
          },
          {
            "from": "p2",
            "to": "e1",
            "rationale": "En vuxen kontakt minskar risken"
          },
          {
            "from": "e1",
            "to": "e3",
            "rationale": "Unga utan brott klarar skolan bättre"
          },
          {
            "from": "e2",
            "to": "e3",
            "rationale": "Fritid stärker skolanknytningen"
          },
          {
            "from": "e3",
            "to": "g",
            "rationale": "Skolan leder vidare till studier och arbete"
          }
        ],
        "externalFactors": [
          "Konflikter mellan grupper i närområdet"
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
      "localKnowledge": "Fältassistenterna ser att unga samlas vid Holma centrum sent på kvällen."
    }
  ]
}
"""#
}
