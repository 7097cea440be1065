extension OutputFile {
  /// Writes an Excel workbook at `path` with the same care as text files:
  /// a file is replaced only when it is a workbook KraftsamlingKit wrote,
  /// recognised by ``Workbook/stamp`` in the ZIP comment at its end.
  ///
  /// - Throws: ``OutputError`` `output.exists` when another file is at
  ///   `path`; `output.io` when it cannot be written (nothing is left).
  package static func write(_ workbook: Workbook, to path: String) throws(OutputError) {
    try place(workbook.bytes(), at: path) { existing in
      guard let tail = FileSystem.suffix(of: existing, count: 512) else { return false }
      return String(decoding: tail, as: UTF8.self).hasSuffix(Workbook.stamp)
    }
  }
}
