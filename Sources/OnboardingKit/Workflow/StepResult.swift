/// One step of one guest's checklist.
public struct StepResult: Sendable, Hashable {
    public var step: OnboardingStep
    public var status: StepStatus

    public init(step: OnboardingStep, status: StepStatus) {
        self.step = step
        self.status = status
    }
}
