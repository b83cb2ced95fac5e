using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Raft;

/// <summary>The content of a snapshot file: a format number, then the state.</summary>
internal sealed record ClusterSnapshot
{
    public const int CurrentFormat = 1;

    public required int Format { get; init; }

    public required ClusterState State { get; init; }
}
