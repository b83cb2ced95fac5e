using Microsoft.Extensions.Primitives;

namespace Spinel.ControlPlane.Health;

/// <summary>
/// The latest heartbeat of every node as this node received it. Heartbeats never go through the Raft log: each node
/// keeps its own view, and only the leader acts on it. Thread-safe.
/// </summary>
public interface IClusterHealth
{
    /// <summary>Stores a heartbeat received now.</summary>
    void Record(NodeReport report);

    /// <summary>The node's last heartbeat and its age; null when none was received since this process started.</summary>
    NodeHealth? GetNode(int nodeUid);

    /// <summary>
    /// Whether the node was heard from within <paramref name="timeout"/>; a node never heard from counts as alive for a
    /// few timeouts from the first time it is asked about (a new member's heartbeats start only once its join is done).
    /// </summary>
    bool IsAlive(int nodeUid, TimeSpan timeout);

    /// <summary>The last report of a shard from the node that runs it; null when that node has not reported it.</summary>
    ShardReport? GetShard(int shardUid, int nodeUid);

    /// <summary>Fires once when a node is first heard from or a report changes a shard's state, role or link.</summary>
    IChangeToken GetChangeToken();
}

/// <summary>A node's last heartbeat and how long ago it arrived.</summary>
public sealed record NodeHealth(NodeReport Report, DateTimeOffset ReceivedAt, TimeSpan Age);
