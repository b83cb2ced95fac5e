namespace Spinel.Discovery.View;

/// <summary>The discovery service of another node, as SENTINEL SENTINELS lists it; immutable.</summary>
internal sealed record SentinelPeer(int NodeUid, string Ip, int Port, string RunId);
