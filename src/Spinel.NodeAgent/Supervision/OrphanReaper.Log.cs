using Microsoft.Extensions.Logging;

namespace Spinel.NodeAgent.Supervision;

internal sealed partial class OrphanReaper
{
    private static partial class Log
    {
        [LoggerMessage(EventId = EventIds.OrphanKilled, Level = LogLevel.Warning,
            Message = "Stopped orphan redis-server pid {Pid} left in {Directory} by a previous run")]
        public static partial void OrphanKilled(ILogger logger, int pid, string directory);

        [LoggerMessage(EventId = EventIds.OrphanForceKilled, Level = LogLevel.Warning,
            Message = "Killed orphan redis-server pid {Pid} left in {Directory}: it ignored SIGTERM for {Timeout}")]
        public static partial void OrphanForceKilled(ILogger logger, int pid, string directory, TimeSpan timeout);

        [LoggerMessage(EventId = EventIds.OrphanIgnored, Level = LogLevel.Debug, Message = "Left pid {Pid} of {PidFile} alone: {Reason}")]
        public static partial void OrphanIgnored(ILogger logger, int pid, string pidFile, string reason);

        [LoggerMessage(EventId = EventIds.OrphanScanFailed, Level = LogLevel.Warning, Message = "Cannot read pid file {PidFile}: {Error}")]
        public static partial void OrphanScanFailed(ILogger logger, string pidFile, string error);
    }
}
