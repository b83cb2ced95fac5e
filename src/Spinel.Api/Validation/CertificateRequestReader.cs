using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Spinel.Api.Http;
using Spinel.Api.Json;
using Spinel.ControlPlane.Store;

namespace Spinel.Api.Validation;

/// <summary>
/// Reads the body of <c>PUT /v1/cluster/update_cert</c>: <c>name</c> (proxy|api), <c>certificate</c> (PEM, the leaf
/// first, intermediates after it) and <c>key</c> (the leaf's PEM private key), all required. The pair must parse, match
/// and be valid now; any other field is unknown.
/// </summary>
internal static class CertificateRequestReader
{
    private const int MaxPemLength = 64 * 1024;

    public static RequestError? Read(JsonElement body, DateTimeOffset now, out CertificateName name, out CertificatePair pair)
    {
        name = default;
        pair = null!;
        string? nameText = null, certificate = null, key = null;
        foreach (var property in body.EnumerateObject())
        {
            var (field, value) = (property.Name, property.Value);
            var error = field switch
            {
                "name" => JsonFields.ReadString(field, value, 32, out var read) ?? Keep(read, out nameText),
                "certificate" => JsonFields.ReadString(field, value, MaxPemLength, out var read) ?? Keep(read, out certificate),
                "key" => JsonFields.ReadString(field, value, MaxPemLength, out var read) ?? Keep(read, out key),
                _ => JsonFields.UnknownField(field),
            };
            if (error is not null)
            {
                return error;
            }
        }
        if (nameText is null || certificate is null || key is null)
        {
            return RequestError.Schema("name, certificate and key are required");
        }
        if (!StoreEnumNames<CertificateName>.TryParse(nameText, out name))
        {
            return RequestError.NotAcceptable(ErrorCodes.InvalidCertificateName,
                $"name must be one of {StoreEnumNames<CertificateName>.AllNames}, not '{nameText}'");
        }
        if (Check(certificate, key, now) is { } invalid)
        {
            return invalid;
        }
        pair = new CertificatePair { CertificatePem = certificate, KeyPem = key };
        return null;
    }

    private static RequestError? Keep(string read, out string? target)
    {
        target = read;
        return null;
    }

    private static RequestError? Check(string certificatePem, string keyPem, DateTimeOffset now)
    {
        X509Certificate2 leaf;
        try
        {
            leaf = X509Certificate2.CreateFromPem(certificatePem);
        }
        catch (CryptographicException e)
        {
            return RequestError.NotAcceptable(ErrorCodes.InvalidCertificate, $"certificate is not a PEM certificate: {e.Message}");
        }
        using (leaf)
        {
            try
            {
                using var withKey = X509Certificate2.CreateFromPem(certificatePem, keyPem);
            }
            // A key of another certificate is an ArgumentException, one that does not parse a CryptographicException.
            catch (Exception e) when (e is CryptographicException or ArgumentException)
            {
                return RequestError.NotAcceptable(ErrorCodes.InvalidCertificate, $"key is not the PEM private key of the certificate: {e.Message}");
            }
            if (leaf.NotAfter.ToUniversalTime() <= now.UtcDateTime)
            {
                return RequestError.NotAcceptable(ErrorCodes.CertificateExpired, $"the certificate expired on {leaf.NotAfter.ToUniversalTime():O}");
            }
            if (leaf.NotBefore.ToUniversalTime() > now.UtcDateTime)
            {
                return RequestError.NotAcceptable(ErrorCodes.InvalidCertificate, $"the certificate is not valid before {leaf.NotBefore.ToUniversalTime():O}");
            }
        }
        return null;
    }
}
