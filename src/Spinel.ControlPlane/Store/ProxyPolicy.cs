using System.Text.Json.Serialization;

namespace Spinel.ControlPlane.Store;

/// <summary>Which nodes' proxies bind a database endpoint (<c>proxy_policy</c>).</summary>
// The JSON names are persisted in the Raft log and snapshots: never change one.
public enum ProxyPolicy
{
    [JsonStringEnumMemberName("single")]
    Single,

    [JsonStringEnumMemberName("all-master-shards")]
    AllMasterShards,

    [JsonStringEnumMemberName("all-nodes")]
    AllNodes,
}
