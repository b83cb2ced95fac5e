namespace Spinel.ControlPlane.Orchestration;

/// <summary>This node can no longer write to the store (not the leader, no quorum); its runners stop and a leader resumes.</summary>
public sealed class LeadershipLostException(string message) : Exception(message);
