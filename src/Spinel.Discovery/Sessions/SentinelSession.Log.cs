using System.Net;
using Microsoft.Extensions.Logging;

namespace Spinel.Discovery.Sessions;

internal sealed partial class SentinelSession
{
    private static partial class Log
    {
        [LoggerMessage(EventIds.ClientProtocolError, LogLevel.Information, "Discovery client {ClientId} ({RemoteEndPoint}) broke the protocol and is disconnected: {Reason}")]
        public static partial void ProtocolError(ILogger logger, long clientId, EndPoint? remoteEndPoint, string reason);

        [LoggerMessage(EventIds.SlowSubscriberDropped, LogLevel.Warning, "Discovery client {ClientId} ({RemoteEndPoint}) does not read its messages and is disconnected")]
        public static partial void SlowSubscriberDropped(ILogger logger, long clientId, EndPoint? remoteEndPoint);
    }
}
