using Microsoft.Extensions.Logging;

namespace Spinel.ControlPlane.Orchestration;

internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "{Name} {Object}: {From} -> {To}")]
    public static partial void StepDone(ILogger logger, string name, string @object, string from, string to);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "{Name} {Object}: step {State} was refused by the store: {Reason}")]
    public static partial void StepRejected(ILogger logger, string name, string @object, string state, string? reason);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "{Name} {Object} failed in {State}: {Error}")]
    public static partial void ActionFailed(ILogger logger, string name, string @object, string state, string error);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Orchestrator resumes {Count} unfinished actions as the new leader")]
    public static partial void Resuming(ILogger logger, int count);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "{Name} {Object} stopped on this node: {Reason}")]
    public static partial void RunnerStopped(ILogger logger, string name, string @object, string reason);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Error, Message = "{Name} {Object} crashed in {State}; it will be retried")]
    public static partial void StepCrashed(ILogger logger, Exception exception, string name, string @object, string state);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "Node {Uid} ({Address}, raft {RaftEndPoint}) joined the cluster")]
    public static partial void NodeJoined(ILogger logger, int uid, string address, string raftEndPoint);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "Failover ({Mode}): shard {Master} on node {MasterNode} hands its slots to replica {Replica} on node {ReplicaNode}")]
    public static partial void Promoting(ILogger logger, int master, int masterNode, int replica, int replicaNode, string mode);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "Moving shard {Shard} from node {From} to node {To} (new shard {NewShard})")]
    public static partial void MovingShard(ILogger logger, int shard, int from, int to, int newShard);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Node {Uid} left the cluster")]
    public static partial void NodeRemoved(ILogger logger, int uid);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "Trimmed shard {Shard}: {Deleted} keys of slots it no longer owns deleted")]
    public static partial void ShardTrimmed(ILogger logger, int shard, long deleted);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "Planned move of shard {Shard} to node {Target} skipped: the cluster no longer allows it")]
    public static partial void MoveSkipped(ILogger logger, int shard, int target);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Information, Message = "Backup of database {Bdb}: deleted {File}, older than its backup_history")]
    public static partial void BackupExpired(ILogger logger, int bdb, string file);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Warning, Message = "Backup of database {Bdb}: could not delete the expired {File}: {Error}")]
    public static partial void BackupExpiryFailed(ILogger logger, int bdb, string file, string error);
}
