using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Spinel.ControlPlane;
using Spinel.ControlPlane.Raft;
using Spinel.ControlPlane.Store;

namespace Spinel.Node.Cluster;

/// <summary>
/// The certificates this node presents. Its own: a provisional self-signed one until the node belongs to a cluster,
/// then one issued by the cluster CA for the node's address; the CA goes to <c>&lt;DataDir&gt;/cluster-ca.pem</c> for
/// clients (<c>spinel --cacert</c>, <c>curl --cacert</c>). The HTTPS listener presents the cluster's custom
/// <c>api</c> certificate when one is set, and database endpoints with TLS the custom <c>proxy</c> one, else the
/// node's own once the cluster issued it. Both are read at every handshake, so a replaced one applies to new
/// connections while open ones keep theirs. The cluster-issued certificate and its key are kept in
/// <c>&lt;DataDir&gt;/node-cert.pem</c> and <c>node-key.pem</c> and, with the CA, installed as the Raft transport's
/// credentials, so that a restarted node speaks TLS to its peers before its store has replayed the CA. Thread-safe.
/// </summary>
internal sealed partial class NodeCertificate : IHostedService, IDisposable, Spinel.Proxy.Tls.IEndpointCertificateSource
{
    X509Certificate2? Spinel.Proxy.Tls.IEndpointCertificateSource.Current => _proxy?.Certificate ?? (IsClusterIssued ? _current : null);

    private readonly IClusterStore _store;
    private readonly ClusterNodeOptions _options;
    private readonly TimeProvider _time;
    private readonly RaftTransportCredentials _raft;
    private readonly ILogger<NodeCertificate> _logger;
    private volatile X509Certificate2 _current;
    private readonly Lock _gate = new();
    private volatile string? _issuedFor;
    private volatile Custom? _proxy;
    private volatile Custom? _api;
    private IDisposable? _subscription;

    public NodeCertificate(IClusterStore store, ClusterNodeOptions options, TimeProvider time, RaftTransportCredentials raft, ILogger<NodeCertificate> logger)
    {
        (_store, _options, _time, _raft, _logger) = (store, options, time, raft, logger);
        _current = CertificateAuthority.CreateProvisional(options.Address, time);
        if (LoadSaved() is { } saved)
        {
            (_current, _issuedFor) = saved;
            _raft.Install(_current, Authorities(saved.CaPem));
        }
    }

    /// <summary>The node's own certificate (provisional or cluster-issued).</summary>
    public X509Certificate2 Current => _current;

    /// <summary>What the REST API presents: the custom <c>api</c> certificate, else the node's own.</summary>
    public X509Certificate2 ApiCertificate => _api?.Certificate ?? _current;

    /// <summary>Whether the certificate now chains to the cluster CA (the node is in a cluster).</summary>
    public bool IsClusterIssued => _issuedFor is not null;

    public string CaFilePath => Path.Combine(DataDir, "cluster-ca.pem");

    private string DataDir => Path.GetFullPath(_options.DataDir);

    private string CertificateFilePath => Path.Combine(DataDir, "node-cert.pem");

    private string KeyFilePath => Path.Combine(DataDir, "node-key.pem");

    /// <summary>
    /// Issues this node's certificate from a CA it was handed before its store has the cluster (a join: the member it
    /// asked answers with the CA), so that its Raft transport can authenticate the leader that will add it.
    /// </summary>
    public void Install(string caPem, string caKeyPem, string clusterName)
    {
        lock (_gate)
        {
            Issue(caPem, caKeyPem, clusterName);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = ChangeToken.OnChange(_store.GetChangeToken, Refresh);
        Refresh();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Refresh()
    {
        if (_store.Current.Cluster is not { } cluster)
        {
            return;
        }
        lock (_gate)
        {
            if (cluster is { CertificateAuthorityPem: { } caPem, CertificateAuthorityKeyPem: { } caKey } && caPem != _issuedFor)
            {
                Issue(caPem, caKey, cluster.Name);
            }
            // Replaced certificates are not disposed: a handshake may be using one right now.
            _proxy = Load(CertificateName.Proxy, cluster.ProxyCertificate, _proxy);
            _api = Load(CertificateName.Api, cluster.ApiCertificate, _api);
        }
    }

    private void Issue(string caPem, string caKeyPem, string clusterName)
    {
        var issued = CertificateAuthority.IssueNodeCertificate(caPem, caKeyPem, _options.Address, clusterName, _time);
        Directory.CreateDirectory(DataDir);
        // The key first and owner-only: a crash in between leaves a key without a certificate, which is ignored.
        WritePrivate(KeyFilePath, issued.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(CertificateFilePath, issued.ExportCertificatePem());
        File.WriteAllText(CaFilePath, caPem);
        _raft.Install(issued, Authorities(caPem));
        _current = issued;
        _issuedFor = caPem;
    }

    private (X509Certificate2 Certificate, string CaPem)? LoadSaved()
    {
        if (!File.Exists(CaFilePath) || !File.Exists(CertificateFilePath) || !File.Exists(KeyFilePath))
        {
            return null;
        }
        try
        {
            var caPem = File.ReadAllText(CaFilePath);
            using var saved = X509Certificate2.CreateFromPem(File.ReadAllText(CertificateFilePath), File.ReadAllText(KeyFilePath));
            if (saved.NotAfter.ToUniversalTime() <= _time.GetUtcNow().UtcDateTime)
            {
                return null;
            }
            return (X509CertificateLoader.LoadPkcs12(saved.Export(X509ContentType.Pkcs12), null), caPem);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or IOException)
        {
            LogSavedCertificateUnusable(_logger, CertificateFilePath, e);
            return null;
        }
    }

    private static X509Certificate2Collection Authorities(string caPem)
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPem(caPem);
        return authorities;
    }

    private static void WritePrivate(string path, string text)
    {
        var mode = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            mode.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var file = new FileStream(path, mode);
        using var writer = new StreamWriter(file);
        writer.Write(text);
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
            LogCustomCertificate(_logger, name, usable.Subject, usable.Thumbprint, usable.NotAfter.ToUniversalTime());
            return new Custom(pair, usable);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            // The REST layer checked the pair; one that still fails here keeps the node on what it presented before.
            LogCustomCertificateFailed(_logger, name, e);
            return loaded;
        }
    }

    public void Dispose() => _subscription?.Dispose();

    private sealed record Custom(CertificatePair Pair, X509Certificate2 Certificate);

    [LoggerMessage(EventId = 3040, Level = LogLevel.Information, Message = "Presenting the custom {Name} certificate {Subject} ({Thumbprint}, valid until {NotAfter:O}) to new TLS connections")]
    private static partial void LogCustomCertificate(ILogger logger, CertificateName name, string subject, string thumbprint, DateTime notAfter);

    [LoggerMessage(EventId = 3042, Level = LogLevel.Warning, Message = "The saved node certificate {File} cannot be used; the node issues a new one once its store has the cluster CA")]
    private static partial void LogSavedCertificateUnusable(ILogger logger, string file, Exception exception);

    [LoggerMessage(EventId = 3041, Level = LogLevel.Error, Message = "The custom {Name} certificate cannot be loaded; the node keeps presenting the previous one")]
    private static partial void LogCustomCertificateFailed(ILogger logger, CertificateName name, Exception exception);
}
