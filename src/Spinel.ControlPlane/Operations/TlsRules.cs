using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Operations;

/// <summary>The TLS settings a database may have: client authentication needs TLS and at least one trusted certificate.</summary>
public static class TlsRules
{
    public static OperationError? Check(BdbRecord bdb)
    {
        if (!bdb.EnforceClientAuthentication)
        {
            return null;
        }
        if (bdb.TlsMode != TlsMode.Enabled)
        {
            return new(OperationErrorKind.InvalidConfiguration, "invalid_tls_settings", "enforce_client_authentication needs tls_mode 'enabled'");
        }
        return bdb.ClientCertificates.Count == 0
            ? new(OperationErrorKind.InvalidConfiguration, "invalid_tls_settings",
                "enforce_client_authentication needs authentication_ssl_client_certs: [{\"client_cert\": \"-----BEGIN CERTIFICATE-----...\"}]")
            : null;
    }
}
