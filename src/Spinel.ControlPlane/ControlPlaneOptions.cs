namespace Spinel.ControlPlane;

/// <summary>Settings of the control plane's Raft-replicated cluster store.</summary>
public sealed class ControlPlaneOptions
{
    /// <summary>The node's data directory; the store keeps <c>raft/wal</c>, <c>raft/snapshots</c> and <c>raft/members.bin</c> in it. Required.</summary>
    public string DataDir { get; set; } = "";

    /// <summary>Where this node's Raft listens and how the other members reach it, <c>ip:port</c> (IPv6 as <c>[::1]:port</c>). Required.</summary>
    public string RaftEndPoint { get; set; } = "";

    /// <summary>
    /// Whether this node may create a one-member cluster when its membership storage is empty (the node that creates the
    /// cluster). A node that joins starts with false and waits until the leader adds it. Ignored once membership is stored.
    /// </summary>
    /// <value>Defaults to false.</value>
    public bool ColdStart { get; set; }

    /// <summary>
    /// Whether Raft traffic between members is TLS with mutual authentication against the cluster CA, using the
    /// <see cref="Raft.RaftTransportCredentials"/> the host installs. Every member of a cluster must agree.
    /// </summary>
    /// <value>Defaults to false (a spinel-node turns it on).</value>
    public bool RaftTls { get; set; }

    /// <summary>Lower bound of the randomised election timeout.</summary>
    /// <value>Defaults to 150 ms.</value>
    public TimeSpan LowerElectionTimeout { get; set; } = TimeSpan.FromMilliseconds(150);

    /// <summary>Upper bound of the randomised election timeout.</summary>
    /// <value>Defaults to 300 ms.</value>
    public TimeSpan UpperElectionTimeout { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Timeout of one Raft request to another member; null uses the lower election timeout.</summary>
    /// <value>Defaults to null.</value>
    public TimeSpan? RequestTimeout { get; set; }

    /// <summary>How many applied commands trigger a snapshot of the state, after which the log before it is compacted.</summary>
    /// <value>Defaults to 1000.</value>
    public int SnapshotInterval { get; set; } = 1000;

    /// <summary>Longest time <see cref="IClusterStore.ProposeAsync"/> waits for a commit before it answers with an unknown outcome.</summary>
    /// <value>Defaults to 5 seconds.</value>
    public TimeSpan ProposeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest time <see cref="IClusterStore.AddMemberAsync"/> or <see cref="IClusterStore.RemoveMemberAsync"/> may take.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan MembershipChangeTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
