// KraftsamlingKit: the one module SDK users import.
//
// It re-exports the stages of the data flow, each a module of its own so
// that the compiler holds the layering (a stage imports only the stages
// before it). A developer who needs one stage may depend on it alone, e.g.
// `KraftsamlingAllocation` to prototype a fördelningsmodell.

@_exported import KraftsamlingCore
@_exported import KraftsamlingIndex
@_exported import KraftsamlingGeography
@_exported import KraftsamlingInsatser
@_exported import KraftsamlingAllocation
@_exported import KraftsamlingFollowUp
@_exported import KraftsamlingReporting
