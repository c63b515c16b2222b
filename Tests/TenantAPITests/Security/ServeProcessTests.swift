import Foundation
import TenantEngine
import TenantModel
import TenantStore
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `tenantsim serve` as a process: what only the real command shows (binding, keys on disk,
/// surviving a kill while a new state is being created).
@Suite("tenantsim serve as a process", .serialized)
struct ServeProcessTests {
    /// The `tenantsim` executable built beside the tests.
    static func binary() throws -> String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for candidate in [beside, beside.deletingLastPathComponent()].map({ $0.appendingPathComponent("tenantsim").path }) + [
            ".build/debug/tenantsim"
        ]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        throw TestFailure("the tenantsim executable is not built beside the tests (swift build --build-tests builds it)")
    }

    struct TestFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    static func temporaryFolder() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tenantsim-serve-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A running `tenantsim serve` with its output in files.
    final class Served: @unchecked Sendable {
        let process = Process()
        let output: String
        let errors: String

        init(_ arguments: [String], folder: String) throws {
            output = folder + "/stdout-\(UUID().uuidString).txt"
            errors = folder + "/stderr-\(UUID().uuidString).txt"
            _ = FileManager.default.createFile(atPath: output, contents: nil)
            _ = FileManager.default.createFile(atPath: errors, contents: nil)
            process.executableURL = URL(fileURLWithPath: try ServeProcessTests.binary())
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: folder)
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }

        var stdout: String { (try? String(contentsOfFile: output, encoding: .utf8)) ?? "" }
        var stderr: String { (try? String(contentsOfFile: errors, encoding: .utf8)) ?? "" }

        /// Waits for the banner (or the process's end) for up to `seconds`.
        func waitForBanner(seconds: Double = 120) async throws -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if stdout.contains("Press Ctrl-C") { return true }
                if !process.isRunning { return false }
                try await Task.sleep(for: .milliseconds(50))
            }
            return false
        }

        func kill(_ signal: Int32) {
            Glibc.kill(process.processIdentifier, signal)
            process.waitUntilExit()
        }
    }

    @Test("a non-loopback --host is refused without --allow-remote, and warned about with it")
    func nonLoopbackBind() async throws {
        let folder = Self.temporaryFolder()
        let refused = try Served(["serve", "--state", folder + "/state.sqlite", "--host", "0.0.0.0", "--port", "0"], folder: folder)
        refused.process.waitUntilExit()
        #expect(refused.process.terminationStatus != 0)
        #expect(refused.stderr.contains("--allow-remote"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/state.sqlite"))
        let allowed = try Served(
            ["serve", "--state", folder + "/state.sqlite", "--host", "0.0.0.0", "--port", "0", "--allow-remote"], folder: folder)
        #expect(try await allowed.waitForBanner())
        #expect(allowed.stderr.contains("Warning"))
        #expect(allowed.stderr.contains("control key"))
        allowed.kill(SIGTERM)
        #expect(allowed.process.terminationStatus == 0)
        // Loopback needs no flag.
        let local = try Served(["serve", "--state", folder + "/state.sqlite", "--host", "127.0.0.1", "--port", "0"], folder: folder)
        #expect(try await local.waitForBanner())
        #expect(!local.stderr.contains("Warning"))
        local.kill(SIGTERM)
    }

    @Test("everything under the state folder is owner-only, and the banner shows the control key from its file")
    func stateFolderIsPrivate() async throws {
        let folder = Self.temporaryFolder()
        let state = folder + "/.tenantsim/state.sqlite"
        let served = try Served(["serve", "--state", state, "--port", "0"], folder: folder)
        #expect(try await served.waitForBanner())
        served.kill(SIGTERM)
        let key = try String(contentsOfFile: state + ".control-key", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(key.hasPrefix("tsk_") && key.count > 40)
        #expect(served.stdout.contains("Control key         \(key)"))
        let root = folder + "/.tenantsim"
        #expect(try Self.mode(root) == 0o700)
        let entries = try FileManager.default.subpathsOfDirectory(atPath: root)
        #expect(entries.contains("state.sqlite.tls/ca-key.pem"))
        for entry in entries {
            let path = root + "/" + entry
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            #expect(try Self.mode(path) == (isDirectory.boolValue ? 0o700 : 0o600), "\(entry)")
        }
        // The same key on the next start.
        let again = try Served(["serve", "--state", state, "--port", "0"], folder: folder)
        #expect(try await again.waitForBanner())
        again.kill(SIGTERM)
        #expect(again.stdout.contains("Control key         \(key)"))
    }

    static func mode(_ path: String) throws -> Int {
        ((try FileManager.default.attributesOfItem(atPath: path))[.posixPermissions] as? Int ?? -1) & 0o777
    }

    /// The tenants in the state at `path`, or `nil` when there is no state file.
    static func tenantCount(_ path: String) async throws -> Int? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let engine = try await TenantEngine(store: try TenantStore.file(at: path))
        return try await engine.tenants().count
    }

    @Test("killed at 24 points while creating a new state, serve leaves no state or a whole one, and the next run works")
    func killDuringCreation() async throws {
        // A complete state, for the count of tenants a whole world has.
        let reference = Self.temporaryFolder()
        let whole = try Served(["serve", "--state", reference + "/state.sqlite", "--port", "0"], folder: reference)
        #expect(try await whole.waitForBanner())
        whole.kill(SIGTERM)
        let complete = try #require(try await Self.tenantCount(reference + "/state.sqlite"))
        #expect(complete >= 5)
        var absent = 0
        var present = 0
        for point in 0..<24 {
            let folder = Self.temporaryFolder()
            let state = folder + "/.tenantsim/state.sqlite"
            let served = try Served(["serve", "--state", state, "--port", "0"], folder: folder)
            try await Task.sleep(for: .milliseconds(point * 15))
            served.kill(SIGKILL)
            switch try await Self.tenantCount(state) {
            case nil: absent += 1
            case let count?:
                present += 1
                #expect(count == complete, "kill point \(point): a state with \(count) of \(complete) tenants")
            }
            let next = try Served(["serve", "--state", state, "--port", "0"], folder: folder)
            #expect(try await next.waitForBanner(), "kill point \(point): the next run failed: \(next.stderr)")
            next.kill(SIGTERM)
            #expect(try await Self.tenantCount(state) == complete, "kill point \(point)")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder + "/.tenantsim").filter { $0.contains(".creating-") }
            #expect(leftovers.isEmpty, "kill point \(point): \(leftovers)")
        }
        // The points span creation: some kills came before the state existed.
        #expect(absent > 0)
        #expect(absent + present == 24)
    }
}
