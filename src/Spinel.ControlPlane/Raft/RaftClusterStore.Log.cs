using System.Net;
using Microsoft.Extensions.Logging;

namespace Spinel.ControlPlane.Raft;

public sealed partial class RaftClusterStore
{
    private static partial class Log
    {
        [LoggerMessage(EventId = EventIds.StoreStarting, Level = LogLevel.Information, Message = "Starting the cluster store on {EndPoint} in {Directory} (cold start: {ColdStart})")]
        public static partial void Starting(ILogger logger, EndPoint endPoint, string directory, bool coldStart);

        [LoggerMessage(EventId = EventIds.StoreStarted, Level = LogLevel.Information, Message = "Cluster store on {EndPoint} started at state version {Version} with {Members} known members")]
        public static partial void Started(ILogger logger, EndPoint endPoint, long version, int members);

        [LoggerMessage(EventId = EventIds.StoreStopping, Level = LogLevel.Information, Message = "Stopping the cluster store on {EndPoint}")]
        public static partial void Stopping(ILogger logger, string endPoint);

        [LoggerMessage(EventId = EventIds.StoreStopFailed, Level = LogLevel.Warning, Message = "The cluster store did not stop cleanly")]
        public static partial void StopFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = EventIds.LeaderChanged, Level = LogLevel.Information, Message = "Leader is now {Leader} (term {Term})")]
        public static partial void LeaderChanged(ILogger logger, EndPoint? leader, long term);

        [LoggerMessage(EventId = EventIds.ProposalFailed, Level = LogLevel.Information, Message = "Proposal failed ({Status}): {Description}")]
        public static partial void ProposalFailed(ILogger logger, ProposeStatus status, string description);

        [LoggerMessage(EventId = EventIds.MemberAdding, Level = LogLevel.Information, Message = "Adding member {EndPoint}")]
        public static partial void MemberAdding(ILogger logger, EndPoint endPoint);

        [LoggerMessage(EventId = EventIds.MemberAdded, Level = LogLevel.Information, Message = "Member {EndPoint} added")]
        public static partial void MemberAdded(ILogger logger, EndPoint endPoint);

        [LoggerMessage(EventId = EventIds.MemberAddFailed, Level = LogLevel.Warning, Message = "Member {EndPoint} was not added: {Reason}")]
        public static partial void MemberAddFailed(ILogger logger, EndPoint endPoint, string reason);

        [LoggerMessage(EventId = EventIds.MemberRemoved, Level = LogLevel.Information, Message = "Member {EndPoint} removed")]
        public static partial void MemberRemoved(ILogger logger, EndPoint endPoint);

        [LoggerMessage(EventId = EventIds.MemberRemoveFailed, Level = LogLevel.Warning, Message = "Member {EndPoint} was not removed: {Reason}")]
        public static partial void MemberRemoveFailed(ILogger logger, EndPoint endPoint, string reason);
    }
}
