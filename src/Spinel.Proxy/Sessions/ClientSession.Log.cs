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

        [LoggerMessage(EventIds.AclDenied, LogLevel.Debug, "Client {ClientId} (user {User}): {Command} denied by the user's ACL rules")]
        public static partial void AclDenied(ILogger logger, long clientId, string user, string command);

        [LoggerMessage(EventIds.AclUserGone, LogLevel.Information, "Client {ClientId}: user {User} no longer exists on bdb {BdbUid}; the client must authenticate again")]
        public static partial void AclUserGone(ILogger logger, long clientId, string user, int bdbUid);
    }
}
