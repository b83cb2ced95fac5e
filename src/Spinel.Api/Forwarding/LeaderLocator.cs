using System.Net;
using Spinel.ControlPlane.Raft;
using Spinel.ControlPlane.Store;

namespace Spinel.Api.Forwarding;

/// <summary>Finds the node record of the Raft leader: the one whose <see cref="NodeRecord.RaftEndPoint"/> is the leader's endpoint.</summary>
internal static class LeaderLocator
{
    public static NodeRecord? Find(ClusterState state, EndPoint? leader) =>
        leader is null ? null : state.Nodes.Values.FirstOrDefault(n => IsAt(n, leader));

    public static bool IsAt(NodeRecord node, EndPoint? endPoint)
    {
        if (endPoint is null)
        {
            return false;
        }
        if (endPoint is IPEndPoint ip && RaftEndPoints.TryParse(node.RaftEndPoint, out var stored))
        {
            return stored.Equals(ip);
        }
        var text = endPoint is DnsEndPoint dns ? $"{dns.Host}:{dns.Port}" : RaftEndPoints.Format(endPoint);
        return string.Equals(node.RaftEndPoint, text, StringComparison.OrdinalIgnoreCase);
    }
}
