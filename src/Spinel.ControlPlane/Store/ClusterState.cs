using System.Text.Json.Serialization;

namespace Spinel.ControlPlane.Store;

/// <summary>
/// The whole cluster configuration at one <see cref="Version"/>. Immutable with value equality: every node that applied
/// the same commands holds an equal state.
/// </summary>
public sealed record ClusterState
{
    public static ClusterState Empty { get; } = new();

    /// <summary>Number of commands applied so far (rejected ones excluded); only grows.</summary>
    public long Version { get; init; }

    /// <summary>The cluster; null until <c>CreateCluster</c> is applied.</summary>
    public ClusterRecord? Cluster { get; init; }

    public ValueDictionary<int, NodeRecord> Nodes { get; init; }

    public ValueDictionary<int, BdbRecord> Bdbs { get; init; }

    public ValueDictionary<int, ShardRecord> Shards { get; init; }

    /// <summary>Endpoints by their uid (<c>bdb:n</c>).</summary>
    public ValueDictionary<string, EndpointRecord> Endpoints { get; init; }

    /// <summary>Actions by their action_uid.</summary>
    public ValueDictionary<string, ActionRecord> Actions { get; init; }

    public ValueDictionary<int, UserRecord> Users { get; init; }

    /// <summary>The event log, oldest first, at most <see cref="ClusterStateMachine.EventLogCapacity"/> events.</summary>
    public ValueList<EventRecord> Events { get; init; }

    /// <summary>The uid the next node added with uid 0 receives.</summary>
    public int NextNodeUid { get; init; } = 1;

    public int NextBdbUid { get; init; } = 1;

    public int NextShardUid { get; init; } = 1;

    public int NextUserUid { get; init; } = 1;

    /// <summary>The uid of the newest event ever appended (0 before the first); it only grows, even as old events are dropped.</summary>
    // Not "next" like the other counters: a state written before the event log reads as 0 here, which must mean none.
    public long LastEventUid { get; init; }

    [JsonIgnore]
    public bool IsCreated => Cluster is not null;

    public IEnumerable<ShardRecord> ShardsOf(int bdbUid) => Shards.Values.Where(s => s.BdbUid == bdbUid);

    public IEnumerable<ShardRecord> ShardsOnNode(int nodeUid) => Shards.Values.Where(s => s.NodeUid == nodeUid);

    public IEnumerable<EndpointRecord> EndpointsOf(int bdbUid) => Endpoints.Values.Where(e => e.BdbUid == bdbUid);
}
