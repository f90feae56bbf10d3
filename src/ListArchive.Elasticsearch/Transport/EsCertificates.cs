using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ListArchive.Elasticsearch.Transport;

/// <summary>
/// TLS to a cluster with its own CA (Elasticsearch generates one on first start and signs the
/// HTTP certificate with it): the server chain must end in that CA; the system trust store is not
/// consulted and validation is never switched off.
/// </summary>
internal static class EsCertificates
{
    /// <summary>Every certificate in a PEM file; throws <see cref="EsException"/> naming the file when it cannot.</summary>
    public static X509Certificate2Collection LoadPem(string path)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new EsException($"CA certificate {path} (ListArchive:Index:CaCertificate) cannot be read: {e.Message}", 0, "configuration", e);
        }

        if (roots.Count == 0)
            throw new EsException($"CA certificate {path} (ListArchive:Index:CaCertificate) holds no PEM certificate", 0, "configuration");
        return roots;
    }

    /// <summary>
    /// The server certificate is accepted when its name matches (the platform checked that) and a
    /// chain to one of <paramref name="roots"/> builds; intermediates the server sent are used.
    /// </summary>
    public static bool Validate(X509Certificate2Collection roots, X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is null)
            return false;
        // Name mismatch or no certificate: never acceptable. Chain errors are expected (the CA is
        // not in the system store) and are decided below against the configured CA alone.
        if ((errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
            return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        // Cluster CAs made by elasticsearch-certutil publish no CRL or OCSP endpoint.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
