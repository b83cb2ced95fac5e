using System.Net;
using Microsoft.Extensions.Logging;

namespace Spinel.Proxy.Backends;

internal sealed partial class BackendConnection
{
    private static partial class Log
    {
        [LoggerMessage(EventIds.BackendConnected, LogLevel.Debug, "Connected to shard {EndPoint} (RESP{Protocol})")]
        public static partial void Connected(ILogger logger, EndPoint endPoint, int protocol);

        [LoggerMessage(EventIds.BackendConnectFailed, LogLevel.Warning, "Cannot connect to shard {EndPoint}: {Reason}")]
        public static partial void ConnectFailed(ILogger logger, EndPoint endPoint, string reason);

        [LoggerMessage(EventIds.BackendConnectionLost, LogLevel.Warning, "Lost connection to shard {EndPoint}: {Reason}")]
        public static partial void ConnectionLost(ILogger logger, EndPoint endPoint, string reason);
    }
}
