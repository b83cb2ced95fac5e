namespace Spinel.ControlPlane.Store.Commands;

/// <summary>Adds a node; rejected when its uid, address or Raft endpoint is taken. Uid 0 assigns the next uid.</summary>
public sealed record AddNode : ClusterCommand
{
    public required NodeRecord Node { get; init; }
}
