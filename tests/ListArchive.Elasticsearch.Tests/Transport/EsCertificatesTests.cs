using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ListArchive.Elasticsearch.Transport;
using ListArchive.Testing;

namespace ListArchive.Elasticsearch.Tests.Transport;

public sealed class EsCertificatesTests
{
    private static X509Certificate2 MakeCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static X509Certificate2 MakeServer(X509Certificate2 ca)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=es.test", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        return request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(10), [1, 2, 3, 4]);
    }

    [Fact]
    public void ServerSignedByTheConfiguredCaIsAcceptedAndAnyOtherRefused()
    {
        using var ca = MakeCa("cluster CA");
        using var stranger = MakeCa("some other CA");
        using var server = MakeServer(ca);
        using var impostor = MakeServer(stranger);
        using var temp = new TempDirectory();
        var pem = temp.Write("http_ca.crt", ca.ExportCertificatePem());
        var roots = EsCertificates.LoadPem(pem);

        Assert.True(EsCertificates.Validate(roots, server, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(EsCertificates.Validate(roots, impostor, null, SslPolicyErrors.RemoteCertificateChainErrors));
        // A name mismatch is never forgiven, even with the right CA.
        Assert.False(EsCertificates.Validate(roots, server, null, SslPolicyErrors.RemoteCertificateNameMismatch));
        Assert.False(EsCertificates.Validate(roots, null, null, SslPolicyErrors.RemoteCertificateNotAvailable));
    }

    [Fact]
    public void UnreadableCaFileNamesTheFileAndTheSetting()
    {
        using var temp = new TempDirectory();
        var empty = temp.Write("empty.pem", "not a certificate\n");

        var e = Assert.Throws<EsException>(() => EsCertificates.LoadPem(empty));
        var missing = Assert.Throws<EsException>(() => new EsClient(new EsOptions { Url = new Uri("https://es.test:9200"), CaCertificate = temp.Combine("nope.pem") }));

        Assert.Contains(empty, e.Message);
        Assert.Contains("ListArchive:Index:CaCertificate", missing.Message);
    }
}
