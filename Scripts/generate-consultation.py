#!/usr/bin/env python3
"""Convert the 2023 consultation (remissvar to STK-2023-137) and the 2025 remiss
(STK-2024-1374) into KraftsamlingKit's `kraftsamling-remiss/1` JSON format and embed
both in Sources/KraftsamlingKitData/Generated/ConsultationJSON.swift.

Usage: python3 Scripts/generate-consultation.py [JSON_FILE]   (default: the repository's Data/remissvar-2023.json)

Input: Data/remissvar-2023.json (15 structured answers compiled from seed 004).
The free-text facts (indicators, criticism, areas, money views, programmes, other points)
are carried over word for word with their line references. Three things are structured
here by hand, from the same JSON facts, in the tables below:
  * coordinator proposals (who, alone or jointly, strength, scope) from
    `proposedCoordinator`, `coordinatorDetail` and `summaryTable`;
  * reservations from the `reservations` strings;
  * theme tags (indicator themes, criticism themes, place names, programme names),
    so the sammanställning can tally differently worded points together.
The script checks that every source string is represented and fails otherwise.

Deterministic: the same input gives byte-identical output (sorted keys, fixed order).
"""
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "Data", "remissvar-2023.json")
OUT = os.path.join(ROOT, "Sources", "KraftsamlingKitData", "Generated", "ConsultationJSON.swift")

DOC = "004"  # seed 004: the compiled answers to STK-2023-137
FORMAT = "kraftsamling-remiss/1"

ACTOR_ID = {"P-Malmö": "P-MALMO", "PÖMAB": "POMAB"}  # everything else: abbrev as is


def nfc(s):
    return unicodedata.normalize("NFC", s)


def ref(span, note=None, doc=DOC):
    r = {"document": doc, "lines": [int(span[0]), int(span[1])]}
    if note:
        r["note"] = note
    return r


# --- The 2023 remiss -------------------------------------------------------------------

QUESTIONS_2023 = [
    (1, "Vilka pågående processer inom er nämnds/bolags ansvarsområde idag skulle passa in i beskrivna "
        "organisering och arbetssätt kring lokal utveckling respektive kraftsamlande insatser?",
     "Pågående processer", "ongoing-programmes"),
    (2, "Finns det särskilda områden, geografiska eller tematiska, som nämnderna/bolagen anser vara viktiga "
        "för de kraftsamlande insatserna? Hur kan stadens nämnder/förvaltningar bidra i detta arbete?",
     "Områden och teman", "areas"),
    (3, "Hur ser er nämnd/bolag på den föreslagna modellen på samordningsstruktur?",
     "Samordningsmodellen", "model"),
    (4, "Vilken nämnd eller bolag ser ni bör få den samordnande rollen för arbetet med hållbar utveckling "
        "i de 14 geografiska statistikområdena?",
     "Samordnande roll", "coordinator"),
]

# --- Coordinator proposals, by hand from proposedCoordinator/coordinatorDetail ----------
# Each: (actors, unnamedParties, strength, scope, text, [lineRefs.proposedCoordinator keys])
# A text equal to a `proposedCoordinator` string carries it over; others are marked in
# EXTRA_PROPOSALS and come from coordinatorDetail or the summary table.
P = "proposed"
COORDINATORS = {
    "ASN": [],
    "FRN": [
        (["STK"], [], P, "samverkansplattform", "stadskontoret (samverkansplattform)",
         ["stadskontoret (samverkansplattform)"]),
        (["FRN"], [], "conditional", "hållbar lokal utveckling",
         "fritidsnämnden (hållbar lokal utveckling, conditional)",
         ["fritidsnämnden (hållbar lokal utveckling, conditional)", "conditions"]),
    ],
    "FSN": [
        (["MKB"], [], P, None, "MKB", ["MKB"]),
        (["MKB", "STK"], [], "possible", None, "stadskontoret (optional shared role with MKB)",
         ["MKB + stadskontoret shared option"]),
    ],
    "FSKN": [
        (["FRN"], [], "example", "lokal utveckling", "fritidsnämnden (example)",
         ["fritidsnämnden or teknisk/stadsutvecklings-nämnd"]),
        ([], ["nämnd med stadsutvecklings- eller samhällsplaneringsuppdrag"], "example", "lokal utveckling",
         "nämnd med stadsutvecklings-/samhällsplaneringsuppdrag (example)",
         ["fritidsnämnden or teknisk/stadsutvecklings-nämnd"]),
        (["STK"], ["en ensam samordnande förvaltning eller ett bolag"], "possible", None,
         "stadskontoret (close partner if a single förvaltning/bolag coordinates)",
         ["coordination experience as criterion; stadskontoret partner"]),
        ([], ["aktör med samordning och processledning som kärnkompetens"], P, "samverkansplattform",
         "platform: an actor whose core skill is cross-city coordination/process leadership",
         ["platform: coordination specialist"]),
    ],
    "GRN": [
        (["MKB"], ["nämnd utsedd av kommunstyrelsen"], P, None,
         "nämnd utsedd av kommunstyrelsen tillsammans med t.ex. MKB", ["KS-appointed nämnd + e.g. MKB"]),
        (["MKB"], [], "rejected", "som ensam samordnare", "does not want MKB as sole coordinator", ["#summary"]),
    ],
    "GVN": [],
    "HVON": [],
    "KN": [],
    "MN": [],
    "SN": [
        (["MKB"], [], "example", None, "MKB", ["MKB"]),
        (["MKB", "STK"], [], "possible", None, "stadskontoret (possible partner)", ["MKB possibly with stadskontoret"]),
    ],
    "SBN": [
        ([], ["nämnd med permanent lokal närvaro för hela befolkningen"], P, None,
         "none specific (a nämnd with permanent local presence serving the whole population)",
         ["no specific nämnd; permanent local presence"]),
        (["SBN"], [], P, "fysiska, tidsbegränsade områdeslyft", "stadsbyggnadsnämnden (for physical områdeslyft only)",
         ["SBN for physical områdeslyft"]),
    ],
    "TN": [
        ([], ["nämnden med formellt samordningsansvar enligt stadens reglementen"], P, "strategisk nivå",
         "strategic level: the nämnd with formal coordination responsibility under the city's reglementen (not named)",
         ["strategic level"]),
        ([], ["kommunalt bolag"], "rejected", None, "explicitly not a municipal company", ["not a company"]),
    ],
    "MKB": [],
    "P-Malmö": [
        (["MKB"], [], P, None, "MKB", ["MKB"]),
        (["MKB", "FGK"], [], "preferred", None, "MKB + fastighets- och gatukontoret (FGK), shared (preferred)",
         ["MKB + FGK"]),
        (["MF"], [], "supporting", None, "miljöförvaltningen as supporting actor", ["miljöförvaltningen support"]),
    ],
    "PÖMAB": [
        (["STK"], [], P, None, "stadskontoret", ["stadskontoret (central)", "stadskontoret"]),
    ],
}
# Proposals not literally in `proposedCoordinator` (taken from coordinatorDetail / summary table).
EXTRA_PROPOSALS = {
    ("FSKN", "platform: an actor whose core skill is cross-city coordination/process leadership"),
    ("GRN", "does not want MKB as sole coordinator"),
}
# `proposedCoordinator` strings that are not proposals (recorded in the answer summary instead).
NOT_PROPOSALS = {
    ("TN", "operational level: undecided, may vary by area/insats"),
}
# Status of question 4 when no actor is proposed.
Q4_DECLINED = {"GVN", "HVON", "KN"}

# --- Theme tags --------------------------------------------------------------------------
T_TRYGG, T_TILLIT, T_BARNFATT, T_HALSA = "trygghet", "tillit", "barnfattigdom", "hälsa"
T_FSK, T_CTC, T_CNI = "inskrivna i förskola", "CTC risk- och skyddsfaktorer", "Care Need Index (CNI)"
T_KON, T_ALDER, T_FUNK = "uppdelning per kön", "uppdelning per ålder och grupp", "funktionsnedsättning"
T_DELAK, T_FRITID = "delaktighet och socialt deltagande", "meningsfull fritid"
T_SKOLA, T_GYMN = "skolresultat och frånvaro före åk 9", "gymnasieexamen och övergångar"
T_SPRIDN, T_BARNR = "spridning, högsta och lägsta värden", "barnperspektiv och barnrätt"
T_ENKAT, T_BROTT = "enkäter bland barn och unga", "brott och polisens händelser"
T_FYSISK, T_MAL = "fysisk miljö och boende", "mål, förflyttning och mätbarhet över tid"
T_KVARBO, T_SAMH = "kvarboende och flyttmönster", "samhällsmått före verksamhetsmått"

INDICATOR_THEMES = {
    "ASN": {
        "tillit": [T_TILLIT], "trygghet": [T_TRYGG], "andel inskrivna i förskola": [T_FSK],
        "barnfattigdom": [T_BARNFATT], "socialt deltagande bland barn och unga": [T_DELAK],
        "meningsfull fritid": [T_FRITID], "fysisk aktivitet": [T_HALSA], "socialt deltagande": [T_DELAK],
        "psykisk hälsa": [T_HALSA], "CNI (Care Need Index)": [T_CNI],
        "barn/unga-index från elevenkäter, CTC-enkät, Ung Livsstil": [T_ENKAT],
        "kvarboende efter självförsörjning (i st.f. in-/utflyttning)": [T_KVARBO],
        "elevhälsodatabas (VGR som förebild)": [T_HALSA], "könsuppdelad statistik": [T_KON],
        "samhällsmått före verksamhetsmått": [T_SAMH], "mätbara indikatorer över tid": [T_MAL],
    },
    "FRN": {
        "fler/mer relevanta indikatorer för tidiga insatser": [],
        "delaktighetsindikator (dialog med unga om fritidsutbud)": [T_DELAK],
        "mått utifrån boendes egna utmaningar och behov": [],
        "CTC-enkät (barns egna röster)": [T_CTC], "antal barn inskrivna i förskola": [T_FSK],
        "skola i närområdet vs i annat område": [], "tillit": [T_TILLIT], "socialt deltagande": [T_DELAK],
        "trygghet": [T_TRYGG], "barnfattigdom": [T_BARNFATT], "CTC risk- och skyddsfaktorer per område": [T_CTC],
    },
    "FSN": {
        "nedbrytning per kön": [T_KON], "nedbrytning per ålder/andra grupper": [T_ALDER],
        "funktionsnedsättning som variabel": [T_FUNK],
        "anpassad grund-/gymnasieskola i utbildningsindikatorer": [T_FUNK], "trygghet": [T_TRYGG],
        "tillit": [T_TILLIT], "hälsa": [T_HALSA], "mer fokus på barn och unga": [T_BARNR],
    },
    "FSKN": {
        "barnperspektiv (kriterier kopplade till uppväxtvillkor)": [T_BARNR], "upplevd hälsa": [T_HALSA],
        "tillitsperspektiv / dialog med boende": [T_TILLIT], "systematisk avstämning mot stadens målbild": [T_MAL],
    },
    "GRN": {
        "strukturersättningsindex (elevers socioekonomiska bakgrund)": [], "CTC-kartläggning": [T_CTC],
        "behörighet till gymnasiet": [T_SKOLA], "elevfrånvaro": [T_SKOLA], "hälsa och välmående": [T_HALSA],
        "meningsfull fritid": [T_FRITID], "måluppfyllelse svenska/sva på lågstadiet": [T_SKOLA],
        "läskunnighet åk 1": [T_SKOLA], "procentuell frånvaro": [T_SKOLA],
        "matematisk och språklig medvetenhet i förskoleklass": [T_SKOLA], "förskoleindikatorer": [],
        "anmälda brott": [T_BROTT], "upplevd trygghet": [T_TRYGG], "indikatorer före åk 9 / progression": [T_SKOLA],
    },
    "GVN": {
        "andel med gymnasieexamen": [T_GYMN], "genomströmning 3 och/eller 4 år": [T_GYMN],
        "övergång från KAA till studier/arbete": [T_GYMN], "redovisa spridning samt högsta/lägsta värden": [T_SPRIDN],
    },
    "HVON": {"hälsodimension/hälsoaspekter": [T_HALSA]},
    "KN": {
        "sociala barnindikatorer (delaktighet, trygghet, lokal utveckling)": [T_DELAK, T_TRYGG],
        "barnfattigdom": [T_BARNFATT], "hälsa": [T_HALSA], "tillit": [T_TILLIT], "yngre barns perspektiv": [T_BARNR],
        "CTC-indikatorer": [T_CTC], "Ung Livsstil": [T_ENKAT],
    },
    "MN": {
        "barnrättsindex": [T_BARNR], "index kopplat till uppdragets mål": [T_MAL],
        "andel barn inskrivna i förskola": [T_FSK], "barnfattigdom": [T_BARNFATT], "CTC skyddsindikatorer": [T_CTC],
        "upplevd tillit till myndigheter/polis": [T_TILLIT], "upplevd kollektiv social förmåga": [T_DELAK],
        "upplevd diskriminering": [], "närhet till grönområde/rekreation": [T_FYSISK],
        "trygghetsmätningar (t.ex. Polisens)": [T_TRYGG], "fastighetsägares Nöjd kundindex": [],
        "tillit och trygghet (stöder ASN)": [T_TILLIT, T_TRYGG], "könsuppdelad statistik": [T_KON],
    },
    "SN": {},
    "SBN": {
        "CTC risk- och skyddsfaktorer som indexbas": [T_CTC], "CTC-faktorer utökade till fler åldersgrupper": [T_CTC],
    },
    "TN": {
        "hälsa (psykisk ohälsa bland unga, skillnad i förväntad livslängd)": [T_HALSA], "underhåll": [T_FYSISK],
        "renhållning": [T_FYSISK], "grönska": [T_FYSISK], "utförda investeringar": [T_FYSISK],
        "hyresrätt ny vs äldre med renoveringsbehov": [T_FYSISK],
    },
    "MKB": {
        "barnkonventionsbaserade barnindikatorer": [T_BARNR], "trygghet (delar av Polisens trygghetsundersökning)": [T_TRYGG],
        "attraktivitet via intern flyttstatistik": [T_KVARBO], "grad av blandade upplåtelseformer (ersätter indikator 3)": [T_FYSISK],
        "måluppfyllelse: vilken förflyttning var": [T_MAL],
    },
    "P-Malmö": {},
    "PÖMAB": {
        "trygghetsmätningar (sedan 1994)": [T_TRYGG], "analys av de 14 GeSO": [], "brottsstatistik": [T_BROTT],
        "polisens händelserapporter": [T_BROTT], "invånarnas egna upplevelser": [],
    },
}

# Criticism of the index: keyword → theme (checked in order; a text may get several).
CRITICISM_RULES = [
    (r"health", "hälsoperspektiv saknas"),
    (r"child|children", "barnperspektiv saknas eller är svagt"),
    (r"review|redone|reviewed", "bör ses över eller göras om"),
    (r"too few|more indicators|complementing|insufficient|only part|lacks social", "för få eller otillräckliga indikatorer"),
    (r"CTC", "bör bygga på CTC"),
    (r"physical", "fysiska och strukturella indikatorer saknas"),
    (r"geographic|GeSo", "för snävt geografiskt"),
    (r"spread", "andelar döljer spridning"),
    (r"purpose|goal|target|democracy", "svag koppling till uppdragets mål"),
]

PLACES = ["Rosengård", "Amiralsstaden", "Nydala", "Hermodsdal", "Lindängen", "Herrgården", "Holma", "Augustenborg",
          "Södra Sofielund", "Seved", "Möllevången", "Västra Hamnen"]
NO_AREA = re.compile(r"^(no named geography|declines to)")

PROGRAMME_RULES = [
    (r"\bCTC\b", "CTC (Communities That Care)"),
    (r"Örat mot marken", "Örat mot marken"),
    (r"\bSSPF\b", "SSPF (skola, socialtjänst, polis, fritid)"),
    (r"\bSBUM\b", "SBUM"),
    (r"(?i)trygga barnet", "Trygga barnet"),
    (r"Tryggare Malmö", "Tryggare Malmö"),
    (r"(?i)familjecentral", "familjecentraler"),
    (r"(?i)ung i sommar", "Ung i sommar"),
    (r"Mötesplatsstrategin|Strategi för mötesplatser", "Strategi för mötesplatser och fritidsgårdar"),
    (r"\bBID\b", "BID"),
]


def themes_by_rules(text, rules):
    out = []
    for pattern, theme in rules:
        if re.search(pattern, text) and theme not in out:
            out.append(theme)
    return out


def place_names(text):
    return [p for p in PLACES if p in text]


def parse_reservation(s):
    """'S (skriftlig reservation, jointly with L)' → Reservation JSON."""
    m = re.match(r"^(\w+) \((.*)\)$", s)
    assert m, s
    party, inner = m.group(1), m.group(2)
    res = {"party": party}
    if "särskilt yttrande" in inner:
        res["kind"] = "särskilt-yttrande"
    elif "reservation" in inner:
        res["kind"] = "reservation"
    else:
        raise SystemExit(f"cannot read reservation {s!r}")
    if "skriftlig" in inner:
        res["form"] = "skriftlig"
    elif "muntlig" in inner:
        res["form"] = "muntlig"
    j = re.search(r"jointly with (\w+)", inner)
    if j:
        res["jointWith"] = [j.group(1)]
    if "announced, not received" in inner:
        res["note"] = "anmält men inte inkommet före justeringen av protokollet"
    return res


def points(texts, refs, themes=None):
    out = []
    for t in texts:
        p = {"text": nfc(t)}
        th = themes(t) if themes else []
        if th:
            p["themes"] = th
        if t in refs:
            p["sources"] = [ref(refs[t])]
        out.append(p)
    return out


def convert_answer(r):
    ab = r["abbrev"]
    rid = ACTOR_ID.get(ab, ab)
    lr = r["lineRefs"]
    a = {"respondent": rid, "remiss": "STK-2023-137", "stance": r["stanceOnModel"]}
    if r.get("respondentNameNote"):
        a["respondentName"] = nfc(r["respondent"])
    if r.get("diarienummer"):
        a["diarienummer"] = r["diarienummer"]
    if r.get("date"):
        a["date"] = r["date"]
    a["stanceNote"] = nfc(r["stanceNote"])
    notes = []
    if r.get("diarienummerSource"):
        notes.append("diarienummer och datum: " + r["diarienummerSource"])
    if r.get("respondentNameNote"):
        notes.append("namn: " + r["respondentNameNote"])

    # Coordinator proposals.
    pc_refs = lr.get("proposedCoordinator", {})
    st = r["summaryTable"]
    summary_ref = ref(st["lines"], note="stadskontorets tabell: " + (", ".join(st["ticked"]) or "inget kryss")
                      + ("; " + st["comment"] if st["comment"] else ""))
    proposals = []
    for actors, unnamed, strength, scope, text, keys in COORDINATORS[ab]:
        p = {"strength": strength, "text": nfc(text)}
        if actors:
            p["actors"] = actors
        if unnamed:
            p["unnamedParties"] = [nfc(u) for u in unnamed]
        if scope:
            p["scope"] = nfc(scope)
        srcs = []
        for k in keys:
            if k == "#summary":
                srcs.append(summary_ref)
            else:
                assert k in pc_refs, (ab, k)
                srcs.append(ref(pc_refs[k]))
        p["sources"] = srcs
        proposals.append(p)
    texts = {p[4] for p in COORDINATORS[ab]}
    for s in r["proposedCoordinator"]:
        if s.startswith("none") and not s.startswith("none specific"):
            assert not any(p[0] for p in COORDINATORS[ab] if p[2] != "rejected"), (ab, "says none but names an actor")
            continue
        if (ab, s) in NOT_PROPOSALS:
            continue
        assert s in texts, f"{ab}: proposedCoordinator {s!r} is not represented"
    for actors, unnamed, strength, scope, text, keys in COORDINATORS[ab]:
        if text not in r["proposedCoordinator"]:
            assert (ab, text) in EXTRA_PROPOSALS, f"{ab}: {text!r} is neither in the source list nor marked extra"
    if proposals:
        a["coordinatorProposals"] = proposals

    named = []
    for p in COORDINATORS[ab]:
        if p[2] != "rejected":
            for x in p[0]:
                if x not in named:
                    named.append(x)

    # Answers per question.
    answers = []
    prog_positions = []
    for t in r["ongoingInsatser"]:
        for th in themes_by_rules(t, PROGRAMME_RULES):
            if th not in prog_positions:
                prog_positions.append(th)
    q1 = {"question": 1, "status": "answered" if r["ongoingInsatser"] else "not-addressed"}
    if r["ongoingInsatser"]:
        q1["summary"] = nfc("; ".join(r["ongoingInsatser"]))
    if prog_positions:
        q1["positions"] = prog_positions
    answers.append(q1)

    area_positions = []
    for t in r["proposedAreas"]:
        for pl in place_names(t):
            if pl not in area_positions:
                area_positions.append(pl)
    if any(t.startswith("thematic") for t in r["proposedAreas"]):
        area_positions.append("tematiskt område")
    if any(NO_AREA.match(t) for t in r["proposedAreas"]):
        area_positions.append("inget namngivet område")
    q2 = {"question": 2, "status": "answered" if r["proposedAreas"] else "not-addressed"}
    if r["proposedAreas"]:
        q2["summary"] = nfc("; ".join(r["proposedAreas"]))
    if area_positions:
        q2["positions"] = area_positions
    answers.append(q2)

    st_refs = lr.get("stanceOnModel", {})
    answers.append({
        "question": 3, "status": "answered", "summary": nfc(r["stanceNote"]), "positions": [r["stanceOnModel"]],
        "sources": [ref(v, note=nfc(k)) for k, v in st_refs.items()],
    })

    q4 = {"question": 4, "status": "declined" if rid in Q4_DECLINED else "answered",
          "summary": nfc(r["coordinatorDetail"]),
          "positions": named if named else ["ingen namngiven aktör"],
          "sources": [ref(v, note=nfc(k)) for k, v in pc_refs.items()] + [summary_ref]}
    answers.append(q4)
    a["answers"] = answers

    crit_themes = lambda t: themes_by_rules(t, CRITICISM_RULES)
    ind = INDICATOR_THEMES[ab]
    assert set(ind) == set(r["proposedIndicators"]), (ab, set(ind) ^ set(r["proposedIndicators"]))
    a["indicators"] = points(r["proposedIndicators"], lr.get("proposedIndicators", {}), lambda t: ind[t])
    a["indexCriticism"] = points(r["criticismOfIndex"], lr.get("criticismOfIndex", {}), crit_themes)
    a["areas"] = points(r["proposedAreas"], lr.get("proposedAreas", {}), place_names)
    a["moneyViews"] = points(r["allocationViews"], lr.get("allocationViews", {}))
    a["programmes"] = points(r["ongoingInsatser"], lr.get("ongoingInsatser", {}),
                             lambda t: themes_by_rules(t, PROGRAMME_RULES))
    res_ref = lr.get("reservations", {}).get("all")
    reservations = []
    for s in r["reservations"]:
        x = parse_reservation(s)
        if res_ref:
            x["sources"] = [ref(res_ref)]
        reservations.append(x)
    a["reservations"] = reservations
    a["otherPoints"] = [{"text": nfc(k), "sources": [ref(v)]} for k, v in r["otherPoints"].items()]
    a["sources"] = [ref(r["sourceLines"])]
    if notes:
        a["notes"] = notes
    for k in list(a):
        if a[k] == [] or a[k] is None:
            del a[k]
    return a


def round_2023(data):
    return {
        "format": FORMAT,
        "remiss": {
            "diarienummer": "STK-2023-137",
            "title": "Uppdrag budget 2023 – Definiera och starta ett långsiktigt och strategiskt områdeslyft i "
                     "Malmös socioekonomiskt svaga delar med särskilt fokus på barn och ungas uppväxtvillkor",
            "sender": "KS",
            "questions": [
                {"number": n, "text": nfc(t), "shortLabel": nfc(lbl), "topic": topic}
                for n, t, lbl, topic in QUESTIONS_2023
            ],
            "recipients": [],
        },
        "documents": [
            {"id": "004", "title": "Inkomna remissyttranden i sin helhet, med stadskontorets tabell över "
                                  "remissinstansernas syn på samordningsansvar (STK-2023-137)",
             "note": "text version seed 004_812396aa62444cc6.txt, 3598 lines; the four questions are at lines 7–18"},
            {"id": "003", "title": "Arbetsmarknads- och socialförvaltningens förslag till yttrande (ASN-2023-19537)",
             "note": "text version seed 003_c5380737f7b18427.txt; date and diarienummer at lines 5–10"},
        ],
        "answers": [convert_answer(r) for r in data],
        "notes": [
            "Compiled from Data/remissvar-2023.json by Scripts/generate-consultation.py. Labels are short "
            "and in the compilers' own words; coordinator proposals, reservations and theme tags are structured by "
            "the script from the same facts.",
            "The source does not list the remiss's recipients, so non-respondents cannot be derived.",
        ],
    }


def round_2025():
    qs = [
        (1, "Hur kan/bör nämnderna involveras i arbetet? (I förslaget ingår representanter från förvaltningarna i "
            "styrgrupp och arbetsgrupp.)", "Nämndernas medverkan", "involvement"),
        (2, "Finns det någon befintlig styrgrupp som anses lämplig för det här arbetet?", "Befintlig styrgrupp",
         "steering-group"),
        (3, "Vad vore rimliga fördelningskriterier för ekonomiska medel mellan förvaltningar kopplat till föreslagna "
            "insatser?", "Fördelningskriterier", "money"),
        (4, "Finns det insatser som redan är i gång som behöver förstärkas inom ramen för kraftsamlande insatser?",
         "Insatser att förstärka", "ongoing-programmes"),
    ]
    return {
        "format": FORMAT,
        "remiss": {
            "diarienummer": "STK-2024-1374",
            "title": "Återrapportering kring kraftsamlande insatser; nu fråga om remiss",
            "sender": "KS",
            "deadline": "2025-06-13",
            "questions": [{"number": n, "text": nfc(t), "shortLabel": nfc(l), "topic": tp} for n, t, l, tp in qs],
            "recipients": ["ASN", "FRN", "FSN", "FSKN", "GRN", "GVN", "HVON", "KN", "MN", "SN", "TN", "MKB", "MINC"],
        },
        "documents": [
            {"id": "001", "title": "Tjänsteskrivelse: Återrapportering kring kraftsamlande insatser; nu fråga om remiss "
                                  "(STK-2024-1374)",
             "note": "text version seed 001_1e363ded4297d3bb.txt; recipients under 'Beslutet skickas till', the "
                     "questions under 'Remissfrågor'"},
        ],
        "answers": [],
        "notes": ["No answers recorded yet: add them to \"answers\" as they arrive (deadline 2025-06-13)."],
    }


def swift_literal(text):
    hashes = "#"
    while ('"""' + hashes) in text or ('"' + hashes) in text:
        hashes += "#"
    return f'{hashes}"""\n{text}\n"""{hashes}'


def main():
    with open(SRC, encoding="utf-8") as f:
        data = json.load(f)
    assert len(data) == 15, len(data)
    r23 = json.dumps(round_2023(data), ensure_ascii=False, indent=2, sort_keys=True)
    r25 = json.dumps(round_2025(), ensure_ascii=False, indent=2, sort_keys=True)
    swift = (
        "// Generated by Scripts/generate-consultation.py from Data/remissvar-2023.json. Do not edit.\n"
        "// The 2023 consultation (STK-2023-137, 15 answers) and the 2025 remiss (STK-2024-1374, no answers yet)\n"
        "// in the kraftsamling-remiss/1 format.\n\n"
        "extension EmbeddedFiles {\n"
        "  /// `remiss-stk-2023-137.json`: the 15 remissvar to STK-2023-137.\n"
        f"  static let remissSTK2023 = EmbeddedFile(name: \"remiss-stk-2023-137.json\", text: {swift_literal(r23)})\n\n"
        "  /// `remiss-stk-2024-1374.json`: the 2025 remiss, its questions and recipients.\n"
        f"  static let remissSTK2025 = EmbeddedFile(name: \"remiss-stk-2024-1374.json\", text: {swift_literal(r25)})\n"
        "}\n"
    )
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(swift)
    print("wrote", os.path.relpath(OUT, ROOT), len(r23) + len(r25), "characters")


if __name__ == "__main__":
    main()
