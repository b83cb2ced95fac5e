using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Spinel.ControlPlane;
using Spinel.ControlPlane.Store;

namespace Spinel.Node.Cluster;

/// <summary>
/// The certificates this node presents. Its own: a provisional self-signed one until the node belongs to a cluster,
/// then one issued by the cluster CA for the node's address; the CA goes to <c>&lt;DataDir&gt;/cluster-ca.pem</c> for
/// clients (<c>spinel --cacert</c>, <c>curl --cacert</c>). The HTTPS listener presents the cluster's custom
/// <c>api</c> certificate when one is set, and database endpoints with TLS the custom <c>proxy</c> one, else the
/// node's own once the cluster issued it. Both are read at every handshake, so a replaced one applies to new
/// connections while open ones keep theirs. Thread-safe.
/// </summary>
internal sealed partial class NodeCertificate(IClusterStore store, ClusterNodeOptions options, TimeProvider time, ILogger<NodeCertificate> logger)
    : IHostedService, IDisposable, Spinel.Proxy.Tls.IEndpointCertificateSource
{
    X509Certificate2? Spinel.Proxy.Tls.IEndpointCertificateSource.Current => _proxy?.Certificate ?? (IsClusterIssued ? _current : null);

    private volatile X509Certificate2 _current = CertificateAuthority.CreateProvisional(options.Address, time);
    private readonly Lock _gate = new();
    private volatile string? _issuedFor;
    private volatile Custom? _proxy;
    private volatile Custom? _api;
    private IDisposable? _subscription;

    /// <summary>The node's own certificate (provisional or cluster-issued).</summary>
    public X509Certificate2 Current => _current;

    /// <summary>What the REST API presents: the custom <c>api</c> certificate, else the node's own.</summary>
    public X509Certificate2 ApiCertificate => _api?.Certificate ?? _current;

    /// <summary>Whether the certificate now chains to the cluster CA (the node is in a cluster).</summary>
    public bool IsClusterIssued => _issuedFor is not null;

    public string CaFilePath => Path.Combine(Path.GetFullPath(options.DataDir), "cluster-ca.pem");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = ChangeToken.OnChange(store.GetChangeToken, Refresh);
        Refresh();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Refresh()
    {
        if (store.Current.Cluster is not { } cluster)
        {
            return;
        }
        lock (_gate)
        {
            if (cluster is { CertificateAuthorityPem: { } caPem, CertificateAuthorityKeyPem: { } caKey } && caPem != _issuedFor)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(CaFilePath)!);
                File.WriteAllText(CaFilePath, caPem);
                _current = CertificateAuthority.IssueNodeCertificate(caPem, caKey, options.Address, cluster.Name, time);
                _issuedFor = caPem;
            }
            // Replaced certificates are not disposed: a handshake may be using one right now.
            _proxy = Load(CertificateName.Proxy, cluster.ProxyCertificate, _proxy);
            _api = Load(CertificateName.Api, cluster.ApiCertificate, _api);
        }
    }

    private Custom? Load(CertificateName name, CertificatePair? pair, Custom? loaded)
    {
        if (pair is null || pair == loaded?.Pair)
        {
            return pair is null ? null : loaded;
        }
        try
        {
            using var certificate = X509Certificate2.CreateFromPem(pair.CertificatePem, pair.KeyPem);
            // SslStream on Linux wants a key that came from PKCS#12, not an ephemeral key object.
            var usable = X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
            LogCustomCertificate(logger, name, usable.Subject, usable.Thumbprint, usable.NotAfter.ToUniversalTime());
            return new Custom(pair, usable);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            // The REST layer checked the pair; one that still fails here keeps the node on what it presented before.
            LogCustomCertificateFailed(logger, name, e);
            return loaded;
        }
    }

    public void Dispose() => _subscription?.Dispose();

    private sealed record Custom(CertificatePair Pair, X509Certificate2 Certificate);

    [LoggerMessage(EventId = 3040, Level = LogLevel.Information, Message = "Presenting the custom {Name} certificate {Subject} ({Thumbprint}, valid until {NotAfter:O}) to new TLS connections")]
    private static partial void LogCustomCertificate(ILogger logger, CertificateName name, string subject, string thumbprint, DateTime notAfter);

    [LoggerMessage(EventId = 3041, Level = LogLevel.Error, Message = "The custom {Name} certificate cannot be loaded; the node keeps presenting the previous one")]
    private static partial void LogCustomCertificateFailed(ILogger logger, CertificateName name, Exception exception);
}
