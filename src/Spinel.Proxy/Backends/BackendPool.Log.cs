using System.Net;
using Microsoft.Extensions.Logging;

namespace Spinel.Proxy.Backends;

internal sealed partial class BackendPool
{
    private static partial class Log
    {
        [LoggerMessage(EventIds.ShardDown, LogLevel.Warning, "Shard {EndPoint} is unreachable; holding requests for it until it answers or the topology moves its slots")]
        public static partial void ShardDown(ILogger logger, EndPoint endPoint);

        [LoggerMessage(EventIds.ShardUp, LogLevel.Information, "Shard {EndPoint} answers again; releasing requests held for it")]
        public static partial void ShardUp(ILogger logger, EndPoint endPoint);
    }
}
