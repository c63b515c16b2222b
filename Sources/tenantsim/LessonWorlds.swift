import ScenarioKit
import TenantAPI

/// The lessons' starting worlds (each exercise's world), for the console's "load a lesson" action.
enum LessonWorlds {
    /// Built on first use (the console's home page), not at serve's start.
    static let cached: [LessonWorld] = all()

    static func all() -> [LessonWorld] {
        guard let library = try? LessonLibrary.standard() else { return [] }
        return library.lessons.compactMap { lesson in
            guard let scenario = try? ScenarioLoader.parse(lesson.exercise.scenario, file: "lesson-\(lesson.number).yaml"),
                let spec = try? scenario.world.spec(library: .standard)
            else { return nil }
            return LessonWorld(number: lesson.number, title: lesson.title, spec: spec)
        }
    }
}
