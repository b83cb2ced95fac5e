using Spinel.Cli.Api;

namespace Spinel.Cli.Rendering;

/// <summary>Everything <c>spinel status</c> shows, as fetched from the REST API.</summary>
/// <param name="NodeRoles">Cluster role (master/slave) by node uid, from <c>/v1/nodes/status</c>; empty when the server does not offer it.</param>
internal sealed record ClusterStatus(
    ClusterInfo Cluster,
    IReadOnlyList<NodeInfo> Nodes,
    IReadOnlyList<BdbInfo> Bdbs,
    IReadOnlyList<ShardInfo> Shards,
    IReadOnlyDictionary<string, string> NodeRoles);
