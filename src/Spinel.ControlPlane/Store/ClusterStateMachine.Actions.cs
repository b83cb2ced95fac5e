using Spinel.ControlPlane.Store.Commands;

namespace Spinel.ControlPlane.Store;

public static partial class ClusterStateMachine
{
    private static CommandResult ApplyPutAction(ClusterState state, PutAction command)
    {
        var action = command.Action;
        if (string.IsNullOrWhiteSpace(action.ActionUid))
        {
            return Reject(state, RejectionCode.Invalid, "action uid is empty");
        }
        if (string.IsNullOrWhiteSpace(action.Name))
        {
            return Reject(state, RejectionCode.Invalid, $"action {action.ActionUid} has no name");
        }
        var current = state.Actions.GetValueOrDefault(action.ActionUid);
        if (CheckVersion($"action {action.ActionUid}", current?.Version, command.ExpectedVersion) is { } rejection)
        {
            return Reject(state, rejection);
        }
        var stored = action with { Version = (current?.Version ?? 0) + 1 };
        return Accept(state with { Actions = state.Actions.SetItem(action.ActionUid, stored) });
    }

    private static CommandResult ApplyDeleteAction(ClusterState state, DeleteAction command)
    {
        var current = state.Actions.GetValueOrDefault(command.ActionUid);
        if (CheckVersion($"action {command.ActionUid}", current?.Version, command.ExpectedVersion) is { } rejection)
        {
            return Reject(state, rejection);
        }
        if (current is null)
        {
            return Reject(state, RejectionCode.NotFound, $"action {command.ActionUid} does not exist");
        }
        return Accept(state with { Actions = state.Actions.Remove(command.ActionUid) });
    }
}
