using System.Net;
using Microsoft.Extensions.Logging;

namespace Spinel.Discovery.Hosting;

internal sealed partial class DiscoveryService
{
    private static partial class Log
    {
        [LoggerMessage(EventIds.Listening, LogLevel.Information, "Discovery service (Sentinel protocol) listening on {EndPoint} (attempt {Attempt})")]
        public static partial void Listening(ILogger logger, EndPoint endPoint, int attempt);

        [LoggerMessage(EventIds.BindFailed, LogLevel.Error, "Discovery service cannot listen on {EndPoint}: {Reason}; the node runs without it and retries every {RetrySeconds} s")]
        public static partial void BindFailed(ILogger logger, EndPoint endPoint, string reason, int retrySeconds, Exception exception);

        [LoggerMessage(EventIds.Disabled, LogLevel.Information, "Discovery service is off (Discovery:Port is 0)")]
        public static partial void Disabled(ILogger logger);

        [LoggerMessage(EventIds.Stopped, LogLevel.Information, "Discovery service on {EndPoint} stopped")]
        public static partial void Stopped(ILogger logger, EndPoint endPoint);

        [LoggerMessage(EventIds.ClientSessionFailed, LogLevel.Error, "Discovery client {ClientId} ({RemoteEndPoint}) failed")]
        public static partial void SessionFailed(ILogger logger, long clientId, EndPoint? remoteEndPoint, Exception exception);

        [LoggerMessage(EventIds.EndpointMoved, LogLevel.Information, "Endpoint of {Name} moved from {OldAddress} to {NewAddress}; +switch-master sent to {Receivers} subscriptions")]
        public static partial void EndpointMoved(ILogger logger, string name, string oldAddress, string newAddress, int receivers);

        [LoggerMessage(EventIds.WatchFailed, LogLevel.Error, "Discovery service failed to follow the topology; retrying")]
        public static partial void WatchFailed(ILogger logger, Exception exception);
    }
}
