import ArgumentParser
import Foundation
import ScenarioKit

/// `tenantsim learn [N] [--check FILE]`: the guided lessons.
struct LearnCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "Guided lessons that follow Microsoft Learn's guest onboarding page, each with an exercise to fix.",
        discussion: """
            tenantsim learn lists the lessons. tenantsim learn N explains the step and why it exists (with the Microsoft \
            Learn link), runs its scenario one step at a time (pausing on a terminal; --no-pause for CI), and writes the \
            exercise to lesson-N.yaml. Fix it, then tenantsim learn N --check lesson-N.yaml says what is still wrong, in the \
            rules' words. Exit codes: 0 the lesson ran or the exercise is solved, 1 the exercise isn't solved yet, 2 no such \
            lesson or file.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown }

    @Argument(help: "The lesson's number.")
    var number: Int?

    @Option(help: "Check your fixed exercise file.")
    var check: String?

    @Flag(help: "Don't pause between steps (CI, or reading ahead).")
    var noPause = false

    @Option(help: "Print the list (text) or the whole tour as Markdown (docs/LEARN.md).")
    var format: Format = .text

    func run() async throws {
        let library = try LessonLibrary.standard()
        let output = TerminalOutput.standardOutput()
        if format == .markdown {
            print(library.markdown(), terminator: "")
            return
        }
        guard let number else {
            var lines = [TextReport.Line(mark: .summary, indent: 0, text: "Lessons (tenantsim learn N runs one):")]
            for lesson in library.lessons {
                lines.append(TextReport.Line(mark: .detail, indent: 2, text: "\(lesson.number). \(lesson.title)"))
            }
            print(output.render(lines), terminator: "")
            return
        }
        guard let lesson = library.lesson(number) else {
            throw ConfigurationError("There is no lesson \(number): the lessons are 1 to \(library.lessons.count) (tenantsim learn lists them).")
        }
        if let check { return try await checkExercise(lesson, file: check, library: library, output: output) }
        try await teach(lesson, output: output)
    }

    func teach(_ lesson: Lesson, output: TerminalOutput) async throws {
        let pausing = !noPause && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        print(
            output.render([
                TextReport.Line(mark: .summary, indent: 0, text: "Lesson \(lesson.number): \(lesson.title)"),
                TextReport.Line(mark: .detail, indent: 0, text: "Microsoft Learn: \(lesson.section) — \(lesson.link)"),
                TextReport.Line(mark: .detail, indent: 0, text: ""),
                TextReport.Line(mark: .detail, indent: 0, text: lesson.why),
                TextReport.Line(mark: .detail, indent: 0, text: ""),
                TextReport.Line(mark: .detail, indent: 0, text: "Watch it happen (\(lesson.demo)):"),
            ]), terminator: "")
        let result = await ScenarioRunner(library: .standard).run(file: lesson.demo)
        var lines = TextReport.lines(result)
        let header = lines.removeFirst()
        print(output.render([header]), terminator: "")
        // One step (with its explanation, note and details) at a time.
        var chunk: [TextReport.Line] = []
        func flush() {
            guard !chunk.isEmpty else { return }
            print(output.render(chunk), terminator: "")
            chunk = []
            if pausing {
                FileHandle.standardOutput.write(Data("    (Enter for the next step)".utf8))
                _ = readLine()
            }
        }
        for line in lines {
            if line.indent <= 4 && line.mark != .detail { flush() }
            chunk.append(line)
        }
        flush()
        let exerciseFile = "lesson-\(lesson.number).yaml"
        let written: String
        if FileManager.default.fileExists(atPath: exerciseFile) {
            written = "\(exerciseFile) already exists, so it was left as it is (delete it for a fresh copy)."
        } else {
            try lesson.exercise.scenario.write(toFile: exerciseFile, atomically: true, encoding: .utf8)
            written = "The exercise is in \(exerciseFile)."
        }
        print(
            output.render([
                TextReport.Line(mark: .detail, indent: 0, text: ""),
                TextReport.Line(mark: .summary, indent: 0, text: "Exercise"),
                TextReport.Line(mark: .detail, indent: 0, text: lesson.exercise.task),
                TextReport.Line(mark: .detail, indent: 0, text: "\(written) Fix it, then: tenantsim learn \(lesson.number) --check \(exerciseFile)"),
            ]), terminator: "")
    }

    func checkExercise(_ lesson: Lesson, file: String, library: LessonLibrary, output: TerminalOutput) async throws {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw ConfigurationError("Can't read \(file).") }
        let checked = await library.check(lesson, text: text, file: file)
        if checked.passed {
            print(
                output.render([TextReport.Line(mark: .passed, indent: 0, text: "✓ Lesson \(lesson.number) solved: \(lesson.title).")]), terminator: ""
            )
            return
        }
        var lines = [TextReport.Line(mark: .failed, indent: 0, text: "✗ Not yet — what is still wrong:")]
        lines += checked.problems.map { TextReport.Line(mark: .failed, indent: 2, text: "- \($0)") }
        lines.append(TextReport.Line(mark: .detail, indent: 0, text: "The task: \(lesson.exercise.task)"))
        print(output.render(lines), terminator: "")
        throw ExitCode(1)
    }
}
