using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ListArchive.Ingest.Imap;

/// <summary>
/// Decides whether a server certificate is accepted: the system's validation by default; for a
/// self-hosted server, exactly one certificate given by the operator (a PEM/DER file or
/// <c>sha256:HEX</c> of its DER bytes, colons allowed), which is then accepted whatever its
/// chain or host name. Nothing else is ever accepted (no "trust all").
/// </summary>
internal sealed class CertificateTrust
{
    private readonly string? _pin;

    private CertificateTrust(string? pin) => _pin = pin;

    /// <summary>Why the last certificate was refused, for the error message.</summary>
    public string? LastRefusal { get; private set; }

    /// <summary>The SHA-256 of the last certificate seen (hex, upper case, colon-separated).</summary>
    public string? LastFingerprint { get; private set; }

    public static CertificateTrust Create(string? trust)
    {
        if (string.IsNullOrWhiteSpace(trust))
        {
            return new CertificateTrust(null);
        }

        if (trust.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase))
        {
            var hex = trust[7..].Replace(":", "", StringComparison.Ordinal).Trim();
            if (hex.Length != 64 || !hex.All(Uri.IsHexDigit))
            {
                throw new ImapException(ImapErrorKind.Certificate, "trustCertificate: sha256: must be followed by 64 hexadecimal digits");
            }

            return new CertificateTrust(hex.ToUpperInvariant());
        }

        if (!File.Exists(trust))
        {
            throw new ImapException(ImapErrorKind.Certificate, $"trustCertificate: file {trust} not found");
        }

        try
        {
            using var certificate = X509CertificateLoader.LoadCertificateFromFile(trust);
            return new CertificateTrust(Convert.ToHexString(SHA256.HashData(certificate.RawData)));
        }
        catch (CryptographicException ex)
        {
            throw new ImapException(ImapErrorKind.Certificate, $"trustCertificate: {trust} is not a PEM or DER certificate ({ex.Message})", ex);
        }
    }

    public static string Fingerprint(byte[] der) => string.Join(':', Convert.ToHexString(SHA256.HashData(der)).Chunk(2).Select(c => new string(c)));

    public bool Validate(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            LastRefusal = "the server sent no certificate";
            return false;
        }

        var der = certificate.GetRawCertData();
        LastFingerprint = Fingerprint(der);
        if (_pin is not null)
        {
            var ok = Convert.ToHexString(SHA256.HashData(der)) == _pin;
            LastRefusal = ok ? null : $"the server's certificate (SHA-256 {LastFingerprint}) is not the one configured in trustCertificate";
            return ok;
        }

        LastRefusal = errors == SslPolicyErrors.None ? null
            : $"the server's certificate is not trusted ({errors}; SHA-256 {LastFingerprint}). For a self-hosted server, set trustCertificate to its file or to sha256:{LastFingerprint}";
        return errors == SslPolicyErrors.None;
    }
}
