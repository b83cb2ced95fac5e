using Spinel.ControlPlane.Store;

namespace Spinel.Api.Forwarding;

/// <summary>
/// One <see cref="HttpClient"/> for calls to other nodes, trusting the cluster CA, made again only when the CA changes,
/// so calls reuse their TLS connections. No client-wide timeout: each caller bounds its own requests.
/// </summary>
internal sealed class ClusterCaClient(IForwardingHandlerFactory handlers) : IDisposable
{
    private readonly Lock _lock = new();
    private (string? CertificateAuthorityPem, HttpClient Client)? _current;

    public HttpClient For(ClusterState state)
    {
        var pem = state.Cluster?.CertificateAuthorityPem;
        lock (_lock)
        {
            if (_current is not { } current || current.CertificateAuthorityPem != pem)
            {
                // A replaced client is left to the collector: requests may still run on it.
                _current = current = (pem, new HttpClient(handlers.Create(pem), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan });
            }
            return current.Client;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _current?.Client.Dispose();
        }
    }
}
