// kraftctl — the command-line tool of KraftsamlingKit.
//
// Every command is a few lines over the library's public API; see
// Sources/kraftctl/Commands/. The argument parser, output formats and the
// mapping of errors to exit codes live in Sources/kraftctl/CLI/.

import Foundation

let status = CommandLineTool.run(Array(CommandLine.arguments.dropFirst()))
exit(status.rawValue)
