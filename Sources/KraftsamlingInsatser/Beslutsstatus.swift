import KraftsamlingCore

/// Where an insats stands in the decision process of STK-2024-1374.
///
/// The arbetsgrupp submits a draft; the styrgrupp recommends it or not;
/// kommunstyrelsen grants or refuses the money; the actors carry it out;
/// it ends and is followed up:
///
/// ```
/// utkast → inlämnad → tillstyrkt → beviljad → pågående → avslutad → uppföljd
///                   ↘ avstyrkt   ↘ avslagen
/// ```
///
/// ```swift
/// Beslutsstatus.inlämnad.successors         // [.tillstyrkt, .avstyrkt]
/// Beslutsstatus.utkast.canMove(to: .beviljad)   // false
/// Beslutsstatus.avslagen.isFinal            // true
/// ```
///
/// - SeeAlso: ``Beslutsprocess`` records the transitions.
public enum Beslutsstatus: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
  /// Draft, being written.
  case utkast
  /// Submitted by the arbetsgrupp to the styrgrupp.
  case inlämnad
  /// Recommended by the styrgrupp to kommunstyrelsen.
  case tillstyrkt
  /// Not recommended by the styrgrupp (final).
  case avstyrkt
  /// Granted money by kommunstyrelsen.
  case beviljad
  /// Refused by kommunstyrelsen (final).
  case avslagen
  /// Being carried out.
  case pågående
  /// Ended.
  case avslutad
  /// Ended and followed up (final).
  case uppföljd

  /// The statuses an insats may move to from this one.
  package var successors: [Beslutsstatus] {
    switch self {
    case .utkast: [.inlämnad]
    case .inlämnad: [.tillstyrkt, .avstyrkt]
    case .tillstyrkt: [.beviljad, .avslagen]
    case .beviljad: [.pågående]
    case .pågående: [.avslutad]
    case .avslutad: [.uppföljd]
    case .avstyrkt, .avslagen, .uppföljd: []
    }
  }

  /// Whether the process allows the move from this status to `next`.
  ///
  /// - Parameter next: The status to move to.
  package func canMove(to next: Beslutsstatus) -> Bool { successors.contains(next) }

  /// Whether no move leads out of this status.
  package var isFinal: Bool { successors.isEmpty }

  /// The bodies that may decide the move to this status (empty for
  /// ``utkast``, which no decision leads to).
  ///
  /// inlämnad: the arbetsgrupp; tillstyrkt/avstyrkt: the styrgrupp;
  /// beviljad/avslagen: kommunstyrelsen; pågående/avslutad: the implementing
  /// actors (``Beslutsorgan/genomförare``); uppföljd: the styrgrupp or
  /// stadskontoret.
  package var decidedBy: [Beslutsorgan] {
    switch self {
    case .utkast: []
    case .inlämnad: [.arbetsgrupp]
    case .tillstyrkt, .avstyrkt: [.styrgrupp]
    case .beviljad, .avslagen: [.kommunstyrelsen]
    case .pågående, .avslutad: [.genomförare]
    case .uppföljd: [.styrgrupp, .stadskontoret]
    }
  }

  /// Whether the insats has been granted money and not yet ended, or is
  /// granted and ended (beviljad, pågående, avslutad, uppföljd).
  package var isGranted: Bool { [.beviljad, .pågående, .avslutad, .uppföljd].contains(self) }

  /// Whether the insats is live in an area: granted and not yet ended
  /// (beviljad or pågående). The overlap report looks at these by default.
  package var isActive: Bool { self == .beviljad || self == .pågående }

  /// The raw value, e.g. `inlämnad`.
  public var description: String { rawValue }
}

/// A body that takes decisions on insatser.
public enum Beslutsorgan: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
  /// The cross-administration working group that prepares and proposes
  /// insatser.
  case arbetsgrupp
  /// The steering group of one representative (with decision mandate) per
  /// participating förvaltning, which approves proposals.
  case styrgrupp
  /// The municipal executive board, which decides the division of money.
  case kommunstyrelsen
  /// The actors carrying out the insats, which start and end it.
  case genomförare
  /// The city office, which convenes and coordinates.
  case stadskontoret

  /// The raw value, e.g. `styrgrupp`.
  public var description: String { rawValue }
}
