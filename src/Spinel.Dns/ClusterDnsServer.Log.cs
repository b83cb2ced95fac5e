using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Spinel.Dns;

internal sealed partial class ClusterDnsServer
{
    [LoggerMessage(EventId = EventIds.Listening, Level = LogLevel.Information, Message = "DNS server for zone {Zone} listening on {EndPoint} (UDP and TCP)")]
    private static partial void LogListening(ILogger logger, IPEndPoint endPoint, string zone);

    [LoggerMessage(EventId = EventIds.BindFailed, Level = LogLevel.Error, Message = "DNS server cannot listen on {EndPoint} ({Error}: {Reason}); this node answers no DNS queries. Free the port, or set another with --Dns:Port (0 turns DNS off); port 53 needs root or CAP_NET_BIND_SERVICE")]
    private static partial void LogBindFailed(ILogger logger, IPEndPoint endPoint, SocketError error, string reason);

    [LoggerMessage(EventId = EventIds.Disabled, Level = LogLevel.Information, Message = "DNS server is off (Dns:Port is 0)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(EventId = EventIds.Stopped, Level = LogLevel.Information, Message = "DNS server on {EndPoint} stopped")]
    private static partial void LogStopped(ILogger logger, IPEndPoint endPoint);

    [LoggerMessage(EventId = EventIds.ServerError, Level = LogLevel.Debug, Message = "DNS server dropped a request: {Reason}")]
    private static partial void LogServerError(ILogger logger, string reason);
}
