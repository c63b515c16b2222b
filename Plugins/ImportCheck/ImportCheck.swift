import Foundation
import PackagePlugin

/// Fails the build when a target imports a module it does not declare in Package.swift.
///
/// The package manager compiles a target against every module of its transitive dependencies, so
/// an undeclared import builds and the layering erodes silently. This plugin, applied to every
/// target, reads the imports at the head of each source file (up to the first declaration: a
/// string further down that starts with `import`, as in the embedded scenarios, is no import) and
/// throws — failing `swift build` — for any that is neither the target itself, a declared
/// dependency (a target, a product or one of its modules) nor a toolchain module.
@main
struct ImportCheck: BuildToolPlugin {
    static let toolchain: Set<String> = [
        "Foundation", "FoundationEssentials", "FoundationNetworking", "Dispatch", "Glibc", "Musl", "Darwin", "Android", "Swift",
        "Synchronization", "Testing", "XCTest", "os", "ucrt", "WinSDK", "_Concurrency", "RegexBuilder",
    ]

    struct UndeclaredImports: Error, CustomStringConvertible {
        let problems: [String]
        var description: String { (problems + ["\(problems.count) undeclared import(s): declare them in Package.swift"]).joined(separator: "\n") }
    }

    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        guard let module = target as? SourceModuleTarget else { return [] }
        var declared: Set<String> = [target.name]
        for dependency in target.dependencies {
            switch dependency {
            case .target(let target): declared.insert(target.name)
            case .product(let product):
                declared.insert(product.name)
                declared.formUnion(product.targets.map(\.name))
            @unknown default: break
            }
        }
        var problems: [String] = []
        for file in module.sourceFiles(withSuffix: "swift") {
            let text = try String(contentsOf: file.url, encoding: .utf8)
            for (line, imported) in Self.imports(in: text) where !declared.contains(imported) && !Self.toolchain.contains(imported) {
                problems.append(
                    "\(file.url.path):\(line): error: target '\(target.name)' imports '\(imported)' without declaring it in Package.swift")
            }
        }
        if !problems.isEmpty { throw UndeclaredImports(problems: problems) }
        return []
    }

    /// The modules imported at the head of a file, with their lines: every line before the first
    /// declaration that is blank, a comment, an attribute, a compiler directive or an import.
    static func imports(in text: String) -> [(line: Int, module: String)] {
        var found: [(Int, String)] = []
        var inBlockComment = false
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if inBlockComment {
                inBlockComment = !line.contains("*/")
                continue
            }
            if line.hasPrefix("/*") {
                inBlockComment = !line.contains("*/")
                continue
            }
            if line.isEmpty || line.hasPrefix("//") || line.hasPrefix("#") { continue }
            if let module = module(importedBy: line) {
                found.append((index + 1, module))
                continue
            }
            if line.hasPrefix("@") { continue }
            break
        }
        return found
    }

    /// `Foo` of `import Foo`, `@testable import Foo`, `public import Foo.Bar`, `import struct Foo.Baz`.
    static func module(importedBy line: String) -> String? {
        var words = line.split(separator: " ").map(String.init)
        // `@testable`, `@preconcurrency`…: attributes without arguments (an `@Suite("… import …")` is no import).
        while let first = words.first,
            (first.hasPrefix("@") && first.dropFirst().allSatisfy { $0.isLetter || $0 == "_" })
                || ["public", "internal", "package", "private", "fileprivate"].contains(first)
        {
            words.removeFirst()
        }
        guard words.first == "import", words.count >= 2 else { return nil }
        let kinds: Set<String> = ["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"]
        let path = kinds.contains(words[1]) && words.count >= 3 ? words[2] : words[1]
        return path.split(separator: ".").first.map(String.init)
    }
}
