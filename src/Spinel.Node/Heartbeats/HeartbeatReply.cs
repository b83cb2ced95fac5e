namespace Spinel.Node.Heartbeats;

/// <summary>What a node answers to a heartbeat: only the leader's answer can grant the sender a write lease.</summary>
/// <param name="Leader">The receiver is the Raft leader.</param>
/// <param name="LeaseGranted">The receiver leads and heard from a majority within a lease: the sender may take writes.</param>
/// <param name="FenceVersion">The store version the sender must have applied for the grant to count.</param>
public sealed record HeartbeatReply(bool Leader, bool LeaseGranted, long FenceVersion);
