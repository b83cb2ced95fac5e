namespace Spinel.Proxy.Hosting;

/// <summary>Whether an endpoint's listener is accepting clients.</summary>
public enum EndpointState
{
    Listening,
    Failed,
}
