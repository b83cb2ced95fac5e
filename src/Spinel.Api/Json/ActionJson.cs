using Spinel.ControlPlane.Store;

namespace Spinel.Api.Json;

/// <summary>Maps action records to the Redis Enterprise state-machine object.</summary>
internal static class ActionJson
{
    public static StateMachineDto ToDto(ActionRecord action) => new()
    {
        ActionUid = action.ActionUid,
        ObjectName = action.ObjectName,
        Name = action.Name,
        State = action.State,
        Status = StoreEnumNames<ActionStatus>.Name(action.Status),
        Progress = action.Progress,
        Error = action.Status == ActionStatus.Failed ? action.Error ?? "" : null,
        CreationTime = ApiTime.Format(action.CreationTime),
    };

    /// <summary>Oldest first; actions created in the same second in uid order, so lists are stable.</summary>
    public static List<StateMachineDto> ToDtos(IEnumerable<ActionRecord> actions) =>
        [.. actions.OrderBy(a => a.CreationTime).ThenBy(a => a.ActionUid, StringComparer.Ordinal).Select(ToDto)];
}
