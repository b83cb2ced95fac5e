using System.Net;
using Microsoft.Extensions.Logging;

namespace Spinel.Proxy.Hosting;

internal sealed partial class EndpointListener
{
    private static partial class Log
    {
        [LoggerMessage(EventIds.ClientRejected, LogLevel.Warning, "Endpoint :{Port} refused {RemoteEndPoint}: {Clients} clients is the maximum")]
        public static partial void ClientRejected(ILogger logger, int port, EndPoint? remoteEndPoint, int clients);

        [LoggerMessage(EventIds.ClientIdleTimeout, LogLevel.Information, "Closing client {ClientId} of endpoint :{Port}: idle timeout")]
        public static partial void IdleTimeout(ILogger logger, long clientId, int port);

        [LoggerMessage(EventIds.TlsHandshakeFailed, LogLevel.Information, "TLS handshake of {RemoteEndPoint} on endpoint :{Port} failed: {Error}")]
        public static partial void TlsHandshakeFailed(ILogger logger, EndPoint? remoteEndPoint, int port, string error);

        [LoggerMessage(EventIds.TlsCertificateMissing, LogLevel.Error, "Endpoint :{Port} requires TLS but this node has no endpoint certificate; closing {RemoteEndPoint}")]
        public static partial void TlsCertificateMissing(ILogger logger, int port, EndPoint? remoteEndPoint);

        [LoggerMessage(EventIds.ClientSessionFailed, LogLevel.Error, "A client session of endpoint :{Port} failed")]
        public static partial void SessionFailed(ILogger logger, int port, Exception exception);
    }
}
