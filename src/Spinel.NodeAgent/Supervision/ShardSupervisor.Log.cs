using Microsoft.Extensions.Logging;

namespace Spinel.NodeAgent.Supervision;

public sealed partial class ShardSupervisor
{
    private static partial class Log
    {
        [LoggerMessage(EventId = EventIds.ShardAdded, Level = LogLevel.Information, Message = "Shard {ShardUid} (port {Port}) assigned to this node")]
        public static partial void ShardAdded(ILogger logger, int shardUid, int port);

        [LoggerMessage(EventId = EventIds.ShardRemoved, Level = LogLevel.Information, Message = "Shard {ShardUid} removed from this node")]
        public static partial void ShardRemoved(ILogger logger, int shardUid);

        [LoggerMessage(EventId = EventIds.ShardConfigInvalid, Level = LogLevel.Error, Message = "Shard {ShardUid} cannot be configured: {Error}")]
        public static partial void ShardConfigInvalid(ILogger logger, int shardUid, string error);

        [LoggerMessage(EventId = EventIds.TopologyReconciled, Level = LogLevel.Debug, Message = "Reconciled topology version {Version}: {Count} shards on this node")]
        public static partial void Reconciled(ILogger logger, long version, int count);

        [LoggerMessage(EventId = EventIds.SupervisorStopping, Level = LogLevel.Information, Message = "Stopping {Count} shards")]
        public static partial void Stopping(ILogger logger, int count);
    }
}
