using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FleetSim.Wire.Tls;

/// <summary>
/// The listeners' TLS certificate: a CA and a server certificate for *.mariadb.database.azure.com,
/// localhost and 127.0.0.1, made at first start into a folder and reused after, so that a client
/// can pin the CA (--ssl-ca) once. ECDSA P-256: the cheapest handshake for a load test's clients.
/// </summary>
public sealed record ServerCertificates(string CaPath, string CertificatePath, string KeyPath)
{
    private static readonly string[] DnsNames = ["*.mariadb.database.azure.com", "localhost"];

    /// <summary>The files in <paramref name="folder"/>, created when missing.</summary>
    public static ServerCertificates InFolder(string folder)
    {
        Directory.CreateDirectory(folder);
        var files = new ServerCertificates(Path.Combine(folder, "ca.pem"), Path.Combine(folder, "server.pem"), Path.Combine(folder, "server-key.pem"));
        if (!File.Exists(files.CaPath) || !File.Exists(files.CertificatePath) || !File.Exists(files.KeyPath))
            files.Create();
        return files;
    }

    /// <summary>Given files (--tls-cert, --tls-key); the CA is unknown.</summary>
    public static ServerCertificates Given(string certificate, string key) => new("", certificate, key);

    /// <exception cref="CryptographicException">The files are not a PEM certificate and its private key.</exception>
    public X509Certificate2 Load()
    {
        using var pem = X509Certificate2.CreateFromPemFile(CertificatePath, KeyPath);
        // SslStream on Linux needs the key in a form it can hand to OpenSSL; a PKCS#12 round trip gives it one.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    private void Create()
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=FleetSim simulated gateway CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now, now.AddYears(10));

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=*.mariadb.database.azure.com", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in DnsNames)
            names.AddDnsName(name);
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var server = request.Create(ca, now, now.AddYears(5), serial);

        File.WriteAllText(Path.Combine(Path.GetDirectoryName(CaPath)!, "ca-key.pem"), caKey.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(CertificatePath, server.ExportCertificatePem());
        File.WriteAllText(CaPath, ca.ExportCertificatePem());
    }
}
