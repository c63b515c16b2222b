import OnboardingKit
import TenantModel

extension ServiceEndpoints {
    /// The hosts and audiences of `cloud`; with `controlKey`, TenantSim's control API answers on
    /// `localhost` (`tenantSim: false`: the real cloud, no control API).
    public init(cloud: Cloud, tenantSim: Bool = true, controlKey: String?) {
        self.init(
            graphHost: cloud.graphHost, adminAPIHost: cloud.adminAPIHost, adminAPIAudience: cloud.powerAppsAudience,
            controlAuthority: tenantSim ? "localhost" : nil, controlKey: controlKey, powerPlatformAPIHost: cloud.powerPlatformAPIHost)
    }
}
