using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Primitives;
using Spinel.ControlPlane;

namespace Spinel.Node.Cluster;

/// <summary>
/// The certificate this node's HTTPS listener presents: a provisional self-signed one until the node belongs to a
/// cluster, then one issued by the cluster CA for the node's address. Also writes the CA to
/// <c>&lt;DataDir&gt;/cluster-ca.pem</c> for clients (<c>spinel --cacert</c>, <c>curl --cacert</c>). Database endpoints
/// with TLS present it too, once the cluster issued it.
/// </summary>
internal sealed class NodeCertificate(IClusterStore store, ClusterNodeOptions options, TimeProvider time)
    : IHostedService, IDisposable, Spinel.Proxy.Tls.IEndpointCertificateSource
{
    X509Certificate2? Spinel.Proxy.Tls.IEndpointCertificateSource.Current => IsClusterIssued ? _current : null;

    private X509Certificate2 _current = CertificateAuthority.CreateProvisional(options.Address, time);
    private readonly Lock _gate = new();
    private string? _issuedFor;
    private IDisposable? _subscription;

    public X509Certificate2 Current => _current;

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
        if (store.Current.Cluster is not { CertificateAuthorityPem: { } caPem, CertificateAuthorityKeyPem: { } caKey } cluster || caPem == _issuedFor)
        {
            return;
        }
        lock (_gate)
        {
            if (caPem == _issuedFor)
            {
                return;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(CaFilePath)!);
            File.WriteAllText(CaFilePath, caPem);
            _current = CertificateAuthority.IssueNodeCertificate(caPem, caKey, options.Address, cluster.Name, time);
            _issuedFor = caPem;
        }
    }

    public void Dispose() => _subscription?.Dispose();
}
