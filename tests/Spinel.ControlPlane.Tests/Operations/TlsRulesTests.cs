using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Tests.Infrastructure;

namespace Spinel.ControlPlane.Tests.Operations;

public sealed class TlsRulesTests
{
    [Theory]
    [InlineData(TlsMode.Disabled, false, 0, null)]
    [InlineData(TlsMode.Enabled, false, 0, null)]
    [InlineData(TlsMode.Enabled, true, 1, null)]
    [InlineData(TlsMode.Enabled, true, 0, "invalid_tls_settings")]
    [InlineData(TlsMode.Disabled, true, 1, "invalid_tls_settings")]
    public void ClientAuthentication_NeedsTlsAndATrustedCertificate(TlsMode mode, bool enforce, int certificates, string? error)
    {
        var bdb = Records.Bdb() with
        {
            TlsMode = mode, EnforceClientAuthentication = enforce, ClientCertificates = [.. Enumerable.Repeat("-----BEGIN CERTIFICATE-----", certificates)],
        };

        Assert.Equal(error, TlsRules.Check(bdb)?.ErrorCode);
    }
}
