import TenantEngine

/// A lesson's world, for the console's "load a lesson's world" action: the host program (serve)
/// provides them, since lessons live above this target.
public struct LessonWorld: Sendable {
    public var number: Int
    public var title: String
    public var spec: WorldSpec

    public init(number: Int, title: String, spec: WorldSpec) {
        self.number = number
        self.title = title
        self.spec = spec
    }
}
