/// A configuration problem found while running (an unknown tenant, app or secret): printed as
/// `Error: …` without the usage text, exit code 2.
struct ConfigurationError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
