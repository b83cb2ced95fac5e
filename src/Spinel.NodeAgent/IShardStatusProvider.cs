using Microsoft.Extensions.Primitives;

namespace Spinel.NodeAgent;

/// <summary>Reports the shard processes of this node, for health reports and the admin surfaces.</summary>
public interface IShardStatusProvider
{
    /// <summary>One status per shard this node currently manages, ordered by shard uid. Thread-safe.</summary>
    IReadOnlyList<ShardStatus> GetStatuses();

    /// <summary>
    /// A token that fires once when, after this call, a shard is added or removed, a shard's State, Role, MasterLinkUp,
    /// AwaitingDecision, Pid or Generation changes, or <see cref="AppliedTopologyVersion"/> moves; offsets and health
    /// times alone do not fire it. Thread-safe.
    /// </summary>
    IChangeToken GetChangeToken();

    /// <summary>Version of the last topology snapshot whose settings were handed to the shard controllers; 0 before the first.</summary>
    long AppliedTopologyVersion { get; }
}
