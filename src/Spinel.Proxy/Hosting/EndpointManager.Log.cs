using Microsoft.Extensions.Logging;

namespace Spinel.Proxy.Hosting;

internal sealed partial class EndpointManager
{
    private static partial class Log
    {
        [LoggerMessage(EventIds.EndpointBound, LogLevel.Information, "Endpoint of database {Name} (bdb {Uid}) listening on {Address}:{Port}")]
        public static partial void Bound(ILogger logger, string name, int uid, string address, int port);

        [LoggerMessage(EventIds.EndpointBindFailed, LogLevel.Error, "Endpoint of database {Name} (bdb {Uid}) cannot listen on port {Port}: {Error}; retrying")]
        public static partial void BindFailed(ILogger logger, string name, int uid, int port, string error);

        [LoggerMessage(EventIds.EndpointUnbound, LogLevel.Information, "Endpoint of bdb {Uid} on port {Port} closed")]
        public static partial void Unbound(ILogger logger, int uid, int port);
    }
}
