namespace Spinel.ControlPlane.Store.Commands;

/// <summary>
/// Several commands applied as one: in order, all or none. The orchestrator uses it so that a step's decision and the
/// action's next state reach the log together, and a new leader never sees one without the other.
/// </summary>
public sealed record Batch : ClusterCommand
{
    /// <summary>The commands, none of them a batch; their own <see cref="ClusterCommand.ExpectedClusterVersion"/> is ignored.</summary>
    public required ValueList<ClusterCommand> Commands { get; init; }
}
