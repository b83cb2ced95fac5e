using Microsoft.Extensions.Logging;

namespace Spinel.Proxy.Routing;

internal sealed partial class DatabaseRuntime
{
    private static partial class Log
    {
        [LoggerMessage(EventIds.ShardHeld, LogLevel.Information, "Shard {ShardUid} of bdb {BdbUid} held by topology version {Version}; requests for its slots wait")]
        public static partial void ShardHeld(ILogger logger, int shardUid, int bdbUid, long version);

        [LoggerMessage(EventIds.ShardReleased, LogLevel.Information, "Shard {ShardUid} of bdb {BdbUid} released by topology version {Version}")]
        public static partial void ShardReleased(ILogger logger, int shardUid, int bdbUid, long version);

        [LoggerMessage(EventIds.InvalidAclRules, LogLevel.Error, "ACL rules of user {User} on bdb {BdbUid} do not compile ({Error}); the user gets no permission")]
        public static partial void InvalidAclRules(ILogger logger, string user, int bdbUid, string error);
    }
}
