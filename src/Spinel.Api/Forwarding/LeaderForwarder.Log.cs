using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Spinel.Api.Forwarding;

internal sealed partial class LeaderForwarder
{
    private static partial class Log
    {
        [LoggerMessage(EventId = EventIds.Forwarding, Level = LogLevel.Debug, Message = "{Method} {Path} forwarded to the leader, node {NodeUid} at {Address}")]
        public static partial void Forwarding(ILogger logger, string method, PathString path, int nodeUid, string address);

        [LoggerMessage(EventId = EventIds.ForwardFailed, Level = LogLevel.Warning, Message = "Forwarding a write to the leader, node {NodeUid} at {Address}, failed")]
        public static partial void ForwardFailed(ILogger logger, int nodeUid, string address, Exception exception);

        [LoggerMessage(EventId = EventIds.ForwardRefused, Level = LogLevel.Information, Message = "{Method} {Path} was forwarded here, but this node is not the leader")]
        public static partial void ForwardRefused(ILogger logger, string method, PathString path);
    }
}
