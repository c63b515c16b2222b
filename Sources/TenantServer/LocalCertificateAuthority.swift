import Crypto
import Foundation
import SwiftASN1
import TenantModel
import X509

/// The local CA TenantSim generates and keeps with its state, and the server certificate it signs
/// for localhost, 127.0.0.1, ::1 and every Microsoft host TenantSim serves. Clients trust
/// `ca.pem`, or `bundle.pem` (the system roots plus the CA) via `REQUESTS_CA_BUNDLE` / `SSL_CERT_FILE`.
public struct LocalCertificateAuthority: Sendable {
    public let directory: String
    public var caFile: String { directory + "/ca.pem" }
    public var caKeyFile: String { directory + "/ca-key.pem" }
    public var certificateFile: String { directory + "/server.pem" }
    public var keyFile: String { directory + "/server-key.pem" }
    /// The system CA bundle plus TenantSim's CA.
    public var bundleFile: String { directory + "/bundle.pem" }

    /// Loads the CA in `directory`, creating it (and the server certificate) on first use.
    public static func prepare(in directory: String) throws -> LocalCertificateAuthority {
        let authority = LocalCertificateAuthority(directory: directory)
        let files = FileManager.default
        // Owner-only, like everything next to a state: the CA key signs certificates clients trust.
        try PrivateFiles.createFolder(directory)
        if !files.fileExists(atPath: authority.caFile) || !files.fileExists(atPath: authority.caKeyFile) {
            try authority.createCertificateAuthority()
        }
        if !files.fileExists(atPath: authority.certificateFile) || !files.fileExists(atPath: authority.keyFile) {
            try authority.issueServerCertificate()
        }
        try authority.writeBundle()
        for file in [authority.caFile, authority.caKeyFile, authority.certificateFile, authority.keyFile] { PrivateFiles.tighten(file) }
        return authority
    }

    func createCertificateAuthority() throws {
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName {
            CommonName("TenantSim Local CA")
            OrganizationName("TenantSim")
        }
        let now = Date()
        let publicKey = Certificate.PublicKey(key.publicKey)
        let certificate = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: publicKey, notValidBefore: now.addingTimeInterval(-86_400),
            notValidAfter: now.addingTimeInterval(10 * 365 * 86_400), issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: publicKey)
            }, issuerPrivateKey: .init(key))
        try write(try certificate.serializeAsPEM().pemString, to: caFile)
        try write(key.pemRepresentation, to: caKeyFile, private: true)
        try? FileManager.default.removeItem(atPath: certificateFile)
    }

    /// Every host name the server certificate covers.
    public static var serverNames: [String] {
        var names = ["localhost"]
        for cloud in Cloud.allCases {
            names += [
                cloud.graphHost, cloud.adminAPIHost, cloud.powerPlatformAPIHost, "*.\(cloud.dataverseDomain)", "*.api.\(cloud.dataverseDomain)",
            ]
        }
        for cloud in EntraCloud.allCases { names += cloud.authorityAliases + [cloud.armHost] }
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }

    func issueServerCertificate() throws {
        let caKey = try P256.Signing.PrivateKey(pemRepresentation: try String(contentsOfFile: caKeyFile, encoding: .utf8))
        let caCertificate = try Certificate(pemEncoded: try String(contentsOfFile: caFile, encoding: .utf8))
        let key = P256.Signing.PrivateKey()
        let publicKey = Certificate.PublicKey(key.publicKey)
        let subject = try DistinguishedName {
            CommonName("localhost")
            OrganizationName("TenantSim")
        }
        var names: [GeneralName] = Self.serverNames.map { .dnsName($0) }
        names.append(.ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])))
        names.append(.ipAddress(ASN1OctetString(contentBytes: ArraySlice(Array(repeating: 0, count: 15) + [1]))))
        let now = Date()
        let caKeyIdentifier = try caCertificate.extensions.subjectKeyIdentifier?.keyIdentifier
        let certificate = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: publicKey, notValidBefore: now.addingTimeInterval(-86_400),
            notValidAfter: now.addingTimeInterval(397 * 86_400), issuer: caCertificate.subject, subject: subject,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true, keyEncipherment: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(names)
                SubjectKeyIdentifier(hash: publicKey)
                AuthorityKeyIdentifier(keyIdentifier: caKeyIdentifier)
            }, issuerPrivateKey: .init(caKey))
        try write(try certificate.serializeAsPEM().pemString, to: certificateFile)
        try write(key.pemRepresentation, to: keyFile, private: true)
    }

    /// System roots (first readable of the usual places) followed by TenantSim's CA.
    func writeBundle() throws {
        let candidates = [
            "/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/cert.pem",
            "/usr/local/etc/openssl/cert.pem",
        ]
        let system = candidates.lazy.compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }.first ?? ""
        let ca = try String(contentsOfFile: caFile, encoding: .utf8)
        try write(system + (system.hasSuffix("\n") || system.isEmpty ? "" : "\n") + ca, to: bundleFile)
    }

    /// Every file is written owner-only (0600) and atomically; `private` marks the keys.
    func write(_ text: String, to path: String, private isPrivate: Bool = false) throws {
        try PrivateFiles.write(Data(text.utf8), to: path)
    }
}
