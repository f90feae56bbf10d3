using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
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
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(10), [1, 2, 3, 4]);
        return certificate.CopyWithPrivateKey(key);
    }

    /// <summary>
    /// A one-shot HTTPS server on loopback presenting <paramref name="certificate"/> and answering
    /// GET / like a 9.x node; returns its port. A failed handshake just ends the connection.
    /// </summary>
    private static int ServeOnce(X509Certificate2 certificate, out Task served)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        served = Task.Run(async () =>
        {
            try
            {
                using var tcp = await listener.AcceptTcpClientAsync();
                using var tls = new SslStream(tcp.GetStream());
                await tls.AuthenticateAsServerAsync(certificate);
                using var reader = new StreamReader(tls, leaveOpen: true);
                while (!string.IsNullOrEmpty(await reader.ReadLineAsync()))
                {
                }

                var body = """{"version":{"number":"9.1.0"}}""";
                await tls.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}"));
                await tls.FlushAsync();
            }
            catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
            {
                // The client refused the certificate.
            }
            finally
            {
                listener.Stop();
            }
        });
        return port;
    }

    [Fact]
    public async Task ClientReachesAClusterWhoseCertificateTheConfiguredCaSigned()
    {
        using var ca = MakeCa("cluster CA");
        using var server = MakeServer(ca);
        using var temp = new TempDirectory();
        var pem = temp.Write("http_ca.crt", ca.ExportCertificatePem());
        var port = ServeOnce(server, out var served);
        using var client = new EsClient(new EsOptions { Url = new Uri($"https://localhost:{port}"), CaCertificate = pem, MaxRetries = 0 });

        Assert.Equal("9.1.0", client.CheckVersion());
        await served.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task ClientRefusesAClusterSignedByAnotherCaAndSaysWhichFileToCheck()
    {
        using var ca = MakeCa("cluster CA");
        using var stranger = MakeCa("some other CA");
        using var server = MakeServer(stranger);
        using var temp = new TempDirectory();
        var pem = temp.Write("http_ca.crt", ca.ExportCertificatePem());
        var port = ServeOnce(server, out var served);
        using var client = new EsClient(new EsOptions { Url = new Uri($"https://localhost:{port}"), CaCertificate = pem, MaxRetries = 0 });

        var e = Assert.Throws<EsException>(() => client.CheckVersion());

        Assert.Equal("tls", e.ErrorType);
        Assert.Contains(pem, e.Message);
        await served.WaitAsync(TimeSpan.FromSeconds(30));
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
