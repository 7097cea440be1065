/// The domain of ``Workbook``'s errors.
public enum WorkbookDomain: StageErrorDomain {}

/// Why a table cannot become a sheet of an Excel workbook: it is larger than
/// Excel can open (1,048,576 rows, 16,384 columns, 32,767 characters in a
/// cell) or the workbook would pass the 4 GiB a ZIP archive without ZIP64
/// records can hold. The sheet's name is the error's field. `kraftctl`
/// maps it to exit code 73 (`EX_CANTCREAT`): nothing is written.
///
/// ```swift
/// do { try workbook.append(sheet: "index", table: huge) }
/// catch { print(error) }   // index: the table has 2000000 rows; an Excel sheet holds 1048575 below its header …
/// ```
public typealias WorkbookError = StageError<WorkbookDomain>

extension StageError.Code where Domain == WorkbookDomain {
  /// More rows than a sheet holds.
  package static let tooManyRows = Self(rawValue: "xlsx.too-many-rows")
  /// More columns than a sheet holds.
  package static let tooManyColumns = Self(rawValue: "xlsx.too-many-columns")
  /// A cell with more text than Excel keeps.
  package static let cellTooLong = Self(rawValue: "xlsx.cell-too-long")
  /// More sheets or bytes than the ZIP container holds.
  package static let tooLarge = Self(rawValue: "xlsx.too-large")
}

extension StageError where Domain == WorkbookDomain {
  /// An error about the sheet `sheet`.
  init(_ code: Code, sheet: String, _ message: String, hint: String) {
    self.init(code, message, hint: hint, at: SourceLocation(field: sheet))
  }
}
