/// A user (address, UPN or id) and a SKU (part number or id).
struct UserSkuArguments: Decodable {
    var user: String
    var sku: String
}
