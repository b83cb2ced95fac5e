using System.Globalization;
using Spinel.ControlPlane.Store;
using Spinel.Model;

namespace Spinel.Api.Json;

/// <summary>Maps shard records to the Redis Enterprise <c>shard</c> object.</summary>
internal static class ShardJson
{
    public static ShardDto ToDto(ShardRecord shard) => new()
    {
        Uid = shard.Uid.ToString(CultureInfo.InvariantCulture),
        BdbUid = shard.BdbUid,
        NodeUid = shard.NodeUid.ToString(CultureInfo.InvariantCulture),
        Role = shard.Role == ShardRole.Master ? "master" : "slave",
        AssignedSlots = string.Join(",", shard.AssignedSlots.Select(r => r.ToString())),
        Status = StoreEnumNames<ShardStatus>.Name(shard.Status),
    };
}
