import ConsoleKitTerminal
import OnboardingKit

/// The bulk invite's progress bar: ConsoleKit's activity indicator, sized to the terminal so it
/// never wraps, drawn only when standard output is a terminal — never into captured output.
final class ProgressMeter {
    let total: Int
    let indicator: ActivityIndicator<ProgressBar>?

    /// A meter for `total` data rows, or a silent one when output isn't a terminal (or `total` is 0).
    init(total: Int, terminal: Bool) {
        self.total = total
        guard terminal, total > 0 else {
            indicator = nil
            return
        }
        let console = Terminal()
        let widest = Self.title(BulkInviteProgress(processed: total, invited: total, failed: total), total: total).count
        // Title, a space, the brackets and a margin, so the line fits the terminal's width.
        console.activityBarWidth = max(5, min(40, console.size.width - widest - 4))
        indicator = console.progressBar(title: Self.title(BulkInviteProgress(), total: total))
        indicator?.start(refreshRate: 100)
    }

    static func title(_ progress: BulkInviteProgress, total: Int) -> String {
        "\(progress.processed)/\(total) rows, \(progress.invited) invited, \(progress.failed) failed"
    }

    func update(_ progress: BulkInviteProgress) {
        guard let indicator else { return }
        indicator.activity.title = Self.title(progress, total: max(total, progress.processed))
        indicator.activity.currentProgress = Double(progress.processed) / Double(max(total, progress.processed, 1))
    }

    func finish(succeeded: Bool) {
        guard let indicator else { return }
        if succeeded { indicator.succeed() } else { indicator.fail() }
    }
}
