using Microsoft.Extensions.Logging;
using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Raft;

internal sealed partial class ClusterStoreStateMachine
{
    private static partial class Log
    {
        [LoggerMessage(EventId = EventIds.CommandApplied, Level = LogLevel.Debug, Message = "Applied entry {Index}: state version {Version}")]
        public static partial void CommandApplied(ILogger logger, long index, long version);

        [LoggerMessage(EventId = EventIds.CommandRejected, Level = LogLevel.Information, Message = "Entry {Index} rejected ({Code}): {Reason}")]
        public static partial void CommandRejected(ILogger logger, long index, RejectionCode code, string reason);

        [LoggerMessage(EventId = EventIds.EntryUndecodable, Level = LogLevel.Error, Message = "Entry {Index} is not a command and was skipped: {Error}")]
        public static partial void EntryUndecodable(ILogger logger, long index, string error);

        [LoggerMessage(EventId = EventIds.SnapshotWritten, Level = LogLevel.Information, Message = "Snapshot of state version {Version} written ({Bytes} bytes)")]
        public static partial void SnapshotWritten(ILogger logger, long version, int bytes);

        [LoggerMessage(EventId = EventIds.SnapshotRestored, Level = LogLevel.Information, Message = "Restored snapshot {File}: state version {Version}")]
        public static partial void SnapshotRestored(ILogger logger, string file, long version);
    }
}
