using Microsoft.Extensions.Logging;

namespace Spinel.Proxy.Sessions;

internal sealed partial class ClientSession
{
    private static partial class Log
    {
        [LoggerMessage(EventIds.ClientProtocolError, LogLevel.Information, "Client {ClientId} broke the protocol: {Error}")]
        public static partial void ProtocolError(ILogger logger, long clientId, string error);

        [LoggerMessage(EventIds.ClientOutputLimit, LogLevel.Warning, "Client {ClientId} disconnected: {Bytes} reply bytes waiting exceed its output buffer limit")]
        public static partial void OutputLimit(ILogger logger, long clientId, long bytes);

        [LoggerMessage(EventIds.HoldTimedOut, LogLevel.Debug, "Client {ClientId}: {Command} waited too long for a held shard or the write fence; answered {Error}")]
        public static partial void HoldTimedOut(ILogger logger, long clientId, string command, string error);
    }
}
