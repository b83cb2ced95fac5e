namespace Spinel.ControlPlane.Store.Commands;

/// <summary>
/// Adds events to the end of the event log; the store numbers them and keeps only the newest
/// <see cref="ClusterStateMachine.EventLogCapacity"/>. Proposers put it in the batch of the change it reports.
/// </summary>
public sealed record AppendEvents : ClusterCommand
{
    public required ValueList<EventRecord> Events { get; init; }
}
