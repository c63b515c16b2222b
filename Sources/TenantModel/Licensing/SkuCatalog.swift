/// Well-known SKUs by part number, so fixtures can say `POWERAPPS_PER_USER` and get Microsoft's
/// SKU id, a service plan and what the licence grants in Power Platform. Ids are from Microsoft's
/// "Product names and service plan identifiers for licensing" reference.
public struct SkuCatalog: Sendable {
    public struct Entry: Sendable, Hashable {
        public var partNumber: String
        public var skuId: String
        public var productName: String
        public var servicePlans: [ServicePlanInfo]
        public var grantsDataverse: Bool
        public var grantsPowerApps: Bool
    }

    public static let entries: [Entry] = [
        Entry(
            partNumber: "POWERAPPS_PER_USER", skuId: "b30411f5-fea1-4a59-9ad9-3db7c7ead579", productName: "Power Apps Premium",
            servicePlans: [
                ServicePlanInfo(servicePlanId: "ea2cf03b-ac60-46ae-9c1d-eeaeb63cec86", servicePlanName: "POWERAPPS_PER_USER"),
                ServicePlanInfo(servicePlanId: "6ea4c1ef-c259-46df-bce2-943342cd3cb2", servicePlanName: "DYN365_CDS_P2"),
            ], grantsDataverse: true, grantsPowerApps: true),
        Entry(
            partNumber: "DYN365_ENTERPRISE_SALES", skuId: "1e1a282c-9c54-43a2-9310-98ef728faace", productName: "Dynamics 365 Sales Enterprise",
            servicePlans: [ServicePlanInfo(servicePlanId: "2da8e897-7791-486b-b08f-cc63c8129df7", servicePlanName: "DYN365_ENTERPRISE_SALES")],
            grantsDataverse: true, grantsPowerApps: true),
        Entry(
            partNumber: "DYN365_ENTERPRISE_CUSTOMER_SERVICE", skuId: "749742bf-0d37-4158-a120-33567104deeb",
            productName: "Dynamics 365 Customer Service Enterprise",
            servicePlans: [
                ServicePlanInfo(servicePlanId: "99340b49-fb81-4b1e-976b-8f2ae8e9394f", servicePlanName: "DYN365_ENTERPRISE_CUSTOMER_SERVICE")
            ],
            grantsDataverse: true, grantsPowerApps: true),
        Entry(
            partNumber: "POWERAPPS_DEV", skuId: "5b631642-bd26-49fe-bd20-1daaa972ef80", productName: "Microsoft Power Apps for Developer",
            servicePlans: [ServicePlanInfo(servicePlanId: "a2729df7-25f8-4e63-984b-8a8484121554", servicePlanName: "POWERAPPS_DEV_VIRAL")],
            grantsDataverse: true, grantsPowerApps: true),
        Entry(
            partNumber: "ENTERPRISEPACK", skuId: "6fd2c87f-b296-42f0-b197-1e91e994b900", productName: "Office 365 E3",
            servicePlans: [
                ServicePlanInfo(servicePlanId: "efb87545-963c-4e0d-99df-69c6916d9eb0", servicePlanName: "EXCHANGE_S_ENTERPRISE"),
                ServicePlanInfo(servicePlanId: "c68f8d98-5534-41c8-bf36-22fa496fa792", servicePlanName: "POWERAPPS_O365_P2"),
            ], grantsDataverse: false, grantsPowerApps: true),
        Entry(
            partNumber: "SPE_E5", skuId: "06ebc4ee-1bb5-47dd-8120-11324bc54e06", productName: "Microsoft 365 E5",
            servicePlans: [
                ServicePlanInfo(servicePlanId: "efb87545-963c-4e0d-99df-69c6916d9eb0", servicePlanName: "EXCHANGE_S_ENTERPRISE"),
                ServicePlanInfo(servicePlanId: "9c0dab89-a30c-4117-86e7-97bda240acd2", servicePlanName: "POWERAPPS_O365_P3"),
            ], grantsDataverse: false, grantsPowerApps: true),
        Entry(
            partNumber: "AAD_PREMIUM", skuId: "078d2b04-f1bd-4111-bbd4-b4b1b354cef4", productName: "Microsoft Entra ID P1",
            servicePlans: [ServicePlanInfo(servicePlanId: "41781fb2-bc02-4b7c-bd55-b576c07bb09d", servicePlanName: "AAD_PREMIUM")],
            grantsDataverse: false, grantsPowerApps: false),
        Entry(
            partNumber: "POWER_BI_PRO", skuId: "f8a1db68-be16-40ed-86d5-cb42ce701560", productName: "Power BI Pro",
            servicePlans: [ServicePlanInfo(servicePlanId: "70d33638-9c74-4d01-bfd3-562de28bd4ba", servicePlanName: "BI_AZURE_P2")],
            grantsDataverse: false, grantsPowerApps: false),
        Entry(
            partNumber: "FLOW_FREE", skuId: "f30db892-07e9-47e9-837c-80727f46fd3d", productName: "Microsoft Power Automate Free",
            servicePlans: [ServicePlanInfo(servicePlanId: "50e68c76-46c6-4674-81f9-75456511b170", servicePlanName: "FLOW_P2_VIRAL")],
            grantsDataverse: false, grantsPowerApps: false),
    ]

    public static func entry(partNumber: String) -> Entry? {
        entries.first { $0.partNumber.lowercased() == partNumber.lowercased() }
    }
}
