using Spinel.ControlPlane.Store.Commands;

namespace Spinel.ControlPlane.Store;

public static partial class ClusterStateMachine
{
    /// <summary>How many events the log keeps; older ones are dropped as new ones arrive.</summary>
    // Part of what a stored log means, like every rule here: a different number makes old logs replay to other states.
    public const int EventLogCapacity = 1000;

    private static CommandResult ApplyAppendEvents(ClusterState state, AppendEvents command)
    {
        if (command.Events.Count == 0)
        {
            return Reject(state, RejectionCode.Invalid, "append_events needs at least one event");
        }
        if (command.Events.FirstOrDefault(e => string.IsNullOrWhiteSpace(e.Type)) is not null)
        {
            return Reject(state, RejectionCode.Invalid, "an event has no type");
        }
        var uid = state.LastEventUid;
        var numbered = command.Events.Select(e => e with { Uid = ++uid });
        var kept = state.Events.Concat(numbered).ToList();
        var log = kept.Count > EventLogCapacity ? kept.Skip(kept.Count - EventLogCapacity) : kept;
        return Accept(state with { Events = log.ToValueList(), LastEventUid = uid });
    }
}
