import Foundation
import ScenarioKit
import Testing

/// The lessons of `tenantsim learn`: they load, follow the page in order, show a scenario that
/// exists, and each exercise fails as given and passes once solved.
@Suite("Lessons")
struct LessonTests {
    static var root: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
    static var fixtures: FixtureLibrary { FixtureLibrary(directory: root.appendingPathComponent("fixtures").path) }

    static func lessons() -> [Lesson] { (try? LessonLibrary.standard().lessons) ?? [] }

    @Test("twelve lessons, numbered 1 to 12, each linking to a section of the Microsoft Learn page and showing a built-in scenario")
    func lessonsLoad() throws {
        let lessons = try LessonLibrary.standard().lessons
        #expect(lessons.map(\.number) == Array(1...12))
        for lesson in lessons {
            #expect(lesson.link.hasPrefix("https://learn.microsoft.com/power-platform/admin/invite-users-azure-active-directory-b2b-collaboration#"))
            #expect(ScenarioLoader.builtIn(lesson.demo) != nil, "lesson \(lesson.number) shows \(lesson.demo), which isn't in the library")
            #expect(!lesson.why.isEmpty && !lesson.exercise.task.isEmpty && !lesson.exercise.check.isEmpty)
        }
    }

    @Test("each exercise fails its check as given, naming what is wrong, and passes once solved", arguments: lessons().map(\.number))
    func exerciseFailsThenPasses(number: Int) async throws {
        let library = try LessonLibrary.standard()
        let lesson = try #require(library.lesson(number))
        let given = await library.check(lesson, text: lesson.exercise.scenario, file: "lesson-\(number).yaml", library: Self.fixtures)
        #expect(!given.passed, "lesson \(number)'s exercise passes without a fix")
        #expect(given.problems.contains { $0.contains("not done yet") }, "\(given.problems)")
        let solved = await library.check(lesson, text: lesson.exercise.solution, file: "solution-\(number).yaml", library: Self.fixtures)
        #expect(solved.passed, "lesson \(number)'s solution doesn't pass: \(solved.problems)")
    }

    @Test("a file that doesn't load is a problem named, not a crash")
    func brokenFile() async throws {
        let library = try LessonLibrary.standard()
        let lesson = try #require(library.lesson(1))
        let checked = await library.check(lesson, text: "name: x\nsteps:\n  - invit: pat@fabrikam.com\n", file: "broken.yaml")
        #expect(!checked.passed)
        #expect(checked.problems.first?.contains("unknown action 'invit'") == true)
    }

    @Test("docs/LEARN.md is generated from the lessons (regenerate with tenantsim learn --format markdown > docs/LEARN.md)")
    func learnDocIsFresh() throws {
        let committed = try String(contentsOf: Self.root.appendingPathComponent("docs/LEARN.md"), encoding: .utf8)
        #expect(committed == (try LessonLibrary.standard()).markdown())
    }

    @Test("the built-in lessons match lessons/*.yaml (regenerate with scripts/embed-fixtures)")
    func builtInLessonsMatchDisk() throws {
        let folder = Self.root.appendingPathComponent("lessons")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(LessonLibrary.builtInFiles.keys))
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(
                LessonLibrary.builtInFiles[String(file.dropLast(5))] == text.trimmingCharacters(in: .newlines),
                "\(file) is stale in the binary: run scripts/embed-fixtures")
        }
    }
}
