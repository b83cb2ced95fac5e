using System.Globalization;
using Spinel.ControlPlane.Placement;
using Spinel.Model;

namespace Spinel.Api.Json;

/// <summary>Maps a rebalance plan's blueprint to Redis Enterprise's dry-run answer.</summary>
internal static class BlueprintJson
{
    public static IReadOnlyList<BlueprintEntryDto> ToDtos(RebalancePlan plan) =>
    [
        .. plan.Blueprint.Select(group => new BlueprintEntryDto
        {
            SlotRange = string.Join(",", group.Slots.Select(r => r.ToString())),
            Nodes =
            [
                .. group.Shards.Select(s => new BlueprintNodeDto
                {
                    NodeUid = s.NodeUid.ToString(CultureInfo.InvariantCulture),
                    Role = s.Role == ShardRole.Master ? "master" : "slave",
                }),
            ],
        }),
    ];
}
