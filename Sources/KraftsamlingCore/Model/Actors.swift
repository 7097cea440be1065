/// What kind of body an ``Aktör`` is.
package enum AktörKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// A political committee of the municipality (nämnd), e.g. Grundskolenämnden.
  case nämnd
  /// The administration serving a nämnd (förvaltning), e.g. Grundskoleförvaltningen.
  case förvaltning
  /// A municipally owned company (kommunalt bolag), e.g. MKB.
  case bolag
  /// A partner outside the municipality: civil society, Region Skåne, the police…
  case extern
}

/// The kind of an external partner.
public enum PartnerKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// Idéburen sektor / civilsamhälle: associations, faith communities.
  case civilsamhälle
  /// The region (e.g. Region Skåne: health care, public transport).
  case region
  /// The police (Polismyndigheten).
  case polis
  /// Another state agency (Arbetsförmedlingen, Försäkringskassan…).
  case statligMyndighet = "statlig-myndighet"
  /// A private business.
  case näringsliv
  /// Anything else.
  case annan
}

/// Any body that can own, join, fund or comment on an insats: a nämnd, a
/// förvaltning, a municipal company or an external partner.
///
/// Insatser, remissvar and allocations name actors by ``id``; a
/// ``AktörKatalog`` resolves ids and names to actors.
///
/// ```swift
/// let mkb = try AktörKatalog.malmö.resolve("MKB")
/// mkb.kind          // .bolag
/// mkb.isMunicipal   // true
/// ```
public struct Aktör: Sendable, Hashable, Codable, Identifiable, CustomStringConvertible {
  /// A short, stable identifier, e.g. `GRF` for Grundskoleförvaltningen.
  public var id: String
  /// The full name.
  public var name: String
  /// What kind of body it is.
  package var kind: AktörKind
  /// For an external partner, what kind of partner.
  package var partnerKind: PartnerKind?
  /// For a förvaltning, the id of its nämnd; for a nämnd, the id of its
  /// förvaltning.
  package var relatedID: String?

  /// Creates an actor.
  package init(id: String, name: String, kind: AktörKind, partnerKind: PartnerKind? = nil, relatedID: String? = nil) {
    self.id = id
    self.name = name
    self.kind = kind
    self.partnerKind = partnerKind
    self.relatedID = relatedID
  }

  /// Whether the actor is part of the municipal organisation (nämnd,
  /// förvaltning or bolag) rather than an external partner.
  package var isMunicipal: Bool { kind != .extern }

  /// The name.
  public var description: String { name }
}

/// A type that can act as an ``Aktör``: the typed actor models
/// ``Nämnd``, ``Förvaltning``, ``Bolag`` and ``ExternPartner`` conform, and
/// so can a user's own types.
package protocol AktörRepresentable: Sendable {
  /// The value as a general actor.
  var aktör: Aktör { get }
}

/// The administration (förvaltning) that carries out a nämnd's decisions.
/// Money for kraftsamlande insatser is divided between förvaltningar.
public struct Förvaltning: AktörRepresentable, Hashable, Codable, Identifiable {
  /// A short identifier, e.g. `GRF`.
  public var id: String
  /// The name, e.g. `Grundskoleförvaltningen`.
  public var name: String
  /// The id of the nämnd the förvaltning serves.
  package var nämndID: String

  /// Creates a förvaltning.
  public init(id: String, name: String, nämndID: String) {
    self.id = id
    self.name = name
    self.nämndID = nämndID
  }

  /// The förvaltning as a general actor.
  package var aktör: Aktör { Aktör(id: id, name: name, kind: .förvaltning, relatedID: nämndID) }
}

/// A municipal committee (nämnd) with its förvaltning and its role in the
/// kraftsamlande insatser.
public struct Nämnd: AktörRepresentable, Hashable, Codable, Identifiable {
  /// A short identifier, e.g. `GRN`.
  public var id: String
  /// The name, e.g. `Grundskolenämnden`.
  public var name: String
  /// The administration that serves it.
  package var förvaltning: Förvaltning
  /// Whether the nämnd has a special mandate (*särskilt uppdrag*) to carry
  /// out kraftsamlande insatser (six nämnder in STK-2024-1374).
  public var särskiltUppdrag: Bool
  /// Whether the nämnd is named as a knowledge resource
  /// (*kunskapsresurs*) rather than a carrier of insatser.
  public var kunskapsresurs: Bool

  /// Creates a nämnd.
  public init(id: String, name: String, förvaltning: Förvaltning, särskiltUppdrag: Bool = false, kunskapsresurs: Bool = false) {
    self.id = id
    self.name = name
    self.förvaltning = förvaltning
    self.särskiltUppdrag = särskiltUppdrag
    self.kunskapsresurs = kunskapsresurs
  }

  /// The nämnd as a general actor.
  package var aktör: Aktör { Aktör(id: id, name: name, kind: .nämnd, relatedID: förvaltning.id) }
}

/// A municipally owned company (*kommunalt bolag*), e.g. MKB Fastighets AB.
public struct Bolag: AktörRepresentable, Hashable, Codable, Identifiable {
  /// A short identifier, e.g. `MKB`.
  public var id: String
  /// The name.
  public var name: String

  /// Creates a company.
  public init(id: String, name: String) {
    self.id = id
    self.name = name
  }

  /// The company as a general actor.
  package var aktör: Aktör { Aktör(id: id, name: name, kind: .bolag) }
}

/// A partner outside the municipal organisation.
public struct ExternPartner: AktörRepresentable, Hashable, Codable, Identifiable {
  /// A short identifier, e.g. `POLIS`.
  public var id: String
  /// The name.
  public var name: String
  /// What kind of partner.
  package var kind: PartnerKind

  /// Creates a partner.
  public init(id: String, name: String, kind: PartnerKind) {
    self.id = id
    self.name = name
    self.kind = kind
  }

  /// The partner as a general actor.
  package var aktör: Aktör { Aktör(id: id, name: name, kind: .extern, partnerKind: kind) }
}
