using Microsoft.Extensions.Logging;

namespace Spinel.NodeAgent.Supervision;

internal sealed partial class ShardController
{
    private static partial class Log
    {
        [LoggerMessage(EventId = EventIds.ShardStarting, Level = LogLevel.Debug, Message = "Starting shard {ShardUid} on {Host}:{Port}")]
        public static partial void ShardStarting(ILogger logger, int shardUid, string host, int port);

        [LoggerMessage(EventId = EventIds.ShardStarted, Level = LogLevel.Information, Message = "Shard {ShardUid} started with pid {Pid} on {Host}:{Port}")]
        public static partial void ShardStarted(ILogger logger, int shardUid, int pid, string host, int port);

        [LoggerMessage(EventId = EventIds.ShardStartFailed, Level = LogLevel.Error, Message = "Shard {ShardUid} failed to start: {Error}")]
        public static partial void ShardStartFailed(ILogger logger, int shardUid, string error);

        [LoggerMessage(EventId = EventIds.ShardPortInUse, Level = LogLevel.Error,
            Message = "Shard {ShardUid} cannot listen on {Host}:{Port}: the port is in use by another process (redis-server exited with code {ExitCode})")]
        public static partial void ShardPortInUse(ILogger logger, int shardUid, string host, int port, int? exitCode);

        [LoggerMessage(EventId = EventIds.ShardExited, Level = LogLevel.Warning, Message = "Shard {ShardUid} (pid {Pid}) exited with code {ExitCode}")]
        public static partial void ShardExited(ILogger logger, int shardUid, int pid, int exitCode);

        [LoggerMessage(EventId = EventIds.ShardRestarting, Level = LogLevel.Information,
            Message = "Restarting shard {ShardUid} in {Delay} (failure {Failures} in a row)")]
        public static partial void ShardRestarting(ILogger logger, int shardUid, TimeSpan delay, int failures);

        [LoggerMessage(EventId = EventIds.ShardStopped, Level = LogLevel.Information, Message = "Shard {ShardUid} (pid {Pid}) stopped with code {ExitCode}")]
        public static partial void ShardStopped(ILogger logger, int shardUid, int pid, int exitCode);

        [LoggerMessage(EventId = EventIds.ShardKilled, Level = LogLevel.Warning, Message = "Shard {ShardUid} (pid {Pid}) did not stop within {Timeout}; killed it")]
        public static partial void ShardKilled(ILogger logger, int shardUid, int pid, TimeSpan timeout);

        [LoggerMessage(EventId = EventIds.ShardSettingApplied, Level = LogLevel.Information, Message = "Shard {ShardUid}: applied {Change}")]
        public static partial void ShardSettingApplied(ILogger logger, int shardUid, string change);

        [LoggerMessage(EventId = EventIds.ShardSettingApplyFailed, Level = LogLevel.Warning,
            Message = "Shard {ShardUid}: changing settings in place failed ({Error}); restarting it")]
        public static partial void ShardSettingApplyFailed(ILogger logger, int shardUid, string error);

        [LoggerMessage(EventId = EventIds.ShardAddressChanged, Level = LogLevel.Information,
            Message = "Shard {ShardUid} moves from {OldHost}:{OldPort} to {NewHost}:{NewPort}; restarting it")]
        public static partial void ShardAddressChanged(ILogger logger, int shardUid, string oldHost, int oldPort, string newHost, int newPort);

        [LoggerMessage(EventId = EventIds.ShardHealthCheckFailed, Level = LogLevel.Warning, Message = "Shard {ShardUid} (pid {Pid}) failed its health check: {Error}")]
        public static partial void ShardHealthCheckFailed(ILogger logger, int shardUid, int pid, string error);

        [LoggerMessage(EventId = EventIds.ShardAwaitingDecision, Level = LogLevel.Warning,
            Message = "Shard {ShardUid} is a master with a replica whose data is gone (last run at generation {Generation}); not relaunching it until the topology makes it a replica or raises its generation")]
        public static partial void ShardAwaitingDecision(ILogger logger, int shardUid, long generation);

        [LoggerMessage(EventId = EventIds.LaunchMarkerFailed, Level = LogLevel.Error, Message = "Shard {ShardUid}: cannot update {Marker}: {Error}")]
        public static partial void LaunchMarkerFailed(ILogger logger, int shardUid, string marker, string error);

        [LoggerMessage(EventId = EventIds.ShardUnresponsive, Level = LogLevel.Error,
            Message = "Shard {ShardUid} (pid {Pid}) failed {Failures} health checks in a row and is unresponsive: {Error}")]
        public static partial void ShardUnresponsive(ILogger logger, int shardUid, int pid, int failures, string error);

        [LoggerMessage(EventId = EventIds.ShardResponsiveAgain, Level = LogLevel.Information,
            Message = "Shard {ShardUid} (pid {Pid}) answers again after {Failures} failed health checks")]
        public static partial void ShardResponsiveAgain(ILogger logger, int shardUid, int pid, int failures);

        [LoggerMessage(EventId = EventIds.ShardStepFailed, Level = LogLevel.Error, Message = "Supervising shard {ShardUid} failed unexpectedly")]
        public static partial void StepFailed(ILogger logger, Exception exception, int shardUid);

        [LoggerMessage(EventId = EventIds.ShardAclUsersRejected, Level = LogLevel.Error,
            Message = "Shard {ShardUid}: ACL users left out because redis would refuse them: {Rejected}")]
        public static partial void ShardAclUsersRejected(ILogger logger, int shardUid, string rejected);

        [LoggerMessage(EventId = EventIds.ShardAclUserRefused, Level = LogLevel.Error, Message = "Shard {ShardUid}: {Refusal}; the user was deleted")]
        public static partial void ShardAclUserRefused(ILogger logger, int shardUid, string refusal);
    }
}
