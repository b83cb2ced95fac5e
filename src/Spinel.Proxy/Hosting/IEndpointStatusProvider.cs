namespace Spinel.Proxy.Hosting;

/// <summary>Reports the endpoints this node's proxy serves (for the API, metrics and the start-up banner).</summary>
public interface IEndpointStatusProvider
{
    IReadOnlyList<EndpointStatus> GetStatuses();
}
