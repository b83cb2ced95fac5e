using System.Globalization;
using Spinel.ControlPlane.Health;
using Spinel.ControlPlane.Store;
using Spinel.Model;

namespace Spinel.Api.Json;

/// <summary>Maps shard records, with what heartbeats tell of them, to the Redis Enterprise <c>shard</c> object.</summary>
internal static class ShardJson
{
    public static ShardDto ToDto(ShardRecord shard, ClusterState state, IClusterHealth health)
    {
        var seen = new ShardHealthView(shard, state, health);
        return new()
        {
            Uid = shard.Uid.ToString(CultureInfo.InvariantCulture),
            BdbUid = shard.BdbUid,
            NodeUid = shard.NodeUid.ToString(CultureInfo.InvariantCulture),
            Role = shard.Role == ShardRole.Master ? "master" : "slave",
            AssignedSlots = string.Join(",", shard.AssignedSlots.Select(r => r.ToString())),
            Status = seen.IsStopped ? StoreEnumNames<ShardStatus>.Name(ShardStatus.Inactive) : StoreEnumNames<ShardStatus>.Name(shard.Status),
            DetailedStatus = seen.DetailedStatus,
            Sync = seen.Sync(),
            ReportTimestamp = ApiTime.Format(seen.ReportedAt),
            RedisInfo = seen.RedisInfo(),
        };
    }
}
