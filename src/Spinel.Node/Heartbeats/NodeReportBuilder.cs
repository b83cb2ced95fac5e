using Spinel.ControlPlane.Health;
using Spinel.NodeAgent;

namespace Spinel.Node.Heartbeats;

/// <summary>Turns what the node agent knows of its shards into a heartbeat report.</summary>
internal static class NodeReportBuilder
{
    public static NodeReport Build(int nodeUid, long topologyVersion, IReadOnlyList<ShardStatus> shards) => new()
    {
        NodeUid = nodeUid,
        TopologyVersion = topologyVersion,
        Shards = shards.Select(s => new ShardReport
        {
            Uid = s.ShardUid,
            State = s.State switch
            {
                ShardState.Starting => ReportedShardState.Starting,
                ShardState.Running => ReportedShardState.Running,
                ShardState.Crashed => ReportedShardState.Crashed,
                ShardState.Stopped => ReportedShardState.Stopped,
                ShardState.Unresponsive => ReportedShardState.Unresponsive,
                _ => ReportedShardState.Failed,
            },
            Role = s.Role,
            MasterLinkUp = s.MasterLinkUp,
            ReplicationOffset = s.ReplicationOffset,
            AwaitingDecision = s.AwaitingDecision,
            Generation = s.Generation,
            LastError = s.LastError,
        }).ToList(),
    };
}
