namespace Spinel.Proxy.Hosting;

/// <summary>What one database endpoint on this node is doing; a snapshot.</summary>
public sealed record EndpointStatus(int BdbUid, string Name, int Port, EndpointState State, int Clients, string? Error);
