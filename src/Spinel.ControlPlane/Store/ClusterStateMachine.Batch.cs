using Spinel.ControlPlane.Store.Commands;

namespace Spinel.ControlPlane.Store;

public static partial class ClusterStateMachine
{
    private static CommandResult ApplyBatch(ClusterState state, Batch command)
    {
        if (command.Commands.Count == 0)
        {
            return Reject(state, RejectionCode.Invalid, "a batch needs at least one command");
        }
        var current = state;
        var assigned = new List<int>();
        foreach (var inner in command.Commands)
        {
            if (inner is Batch)
            {
                return Reject(state, RejectionCode.Invalid, "a batch cannot contain a batch");
            }
            var result = Execute(current, inner with { ExpectedClusterVersion = null });
            if (result.Rejection is { } rejection)
            {
                return Reject(state, rejection);
            }
            current = result.State;
            assigned.AddRange(result.AssignedUids);
        }
        return new CommandResult { State = current, AssignedUids = assigned.ToValueList() };
    }
}
