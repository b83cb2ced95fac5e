namespace Spinel.Api.Json;

/// <summary>The Redis Enterprise <c>cluster</c> object as this API writes it; the CA's private key is never part of it.</summary>
internal sealed record ClusterDto
{
    public string Name { get; init; } = "";
    public string? CreatedTime { get; init; }

    /// <summary>high (LAN, the default) or low (clouds): how fast a silent node is declared down.</summary>
    public string FailureDetectionSensitivity { get; init; } = "";

    /// <summary>Whether replicas lost with a node are re-created elsewhere.</summary>
    public bool SlaveHa { get; init; }

    /// <summary>Seconds a node stays down before its replicas are re-created elsewhere.</summary>
    public int SlaveHaGracePeriod { get; init; }
}
