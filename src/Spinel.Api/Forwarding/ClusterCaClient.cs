using Spinel.ControlPlane.Store;

namespace Spinel.Api.Forwarding;

/// <summary>
/// One <see cref="HttpClient"/> for calls to other nodes, trusting the cluster CA (and the custom REST API certificate
/// when one is set), made again only when either changes,
/// so calls reuse their TLS connections. No client-wide timeout: each caller bounds its own requests.
/// </summary>
internal sealed class ClusterCaClient(IForwardingHandlerFactory handlers) : IDisposable
{
    private readonly Lock _lock = new();
    private (string? CertificateAuthorityPem, string? ApiCertificatePem, HttpClient Client)? _current;

    public HttpClient For(ClusterState state)
    {
        var pem = state.Cluster?.CertificateAuthorityPem;
        var api = state.Cluster?.ApiCertificate?.CertificatePem;
        lock (_lock)
        {
            if (_current is not { } current || current.CertificateAuthorityPem != pem || current.ApiCertificatePem != api)
            {
                // A replaced client is left to the collector: requests may still run on it.
                _current = current = (pem, api, new HttpClient(handlers.Create(pem, api), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan });
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
