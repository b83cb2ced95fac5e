using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.ControlPlane.Tests.Infrastructure;

namespace Spinel.ControlPlane.Tests.Raft;

/// <summary>Commands the Raft tests propose.</summary>
internal static class Proposals
{
    public static CreateCluster CreateCluster(TestNode first) => new()
    {
        Cluster = Records.Cluster(),
        FirstNode = Records.Node(1) with { RaftEndPoint = first.EndPoint.ToString() },
        Admin = Records.User(),
    };

    public static AddNode AddNode(int n) => new() { Node = Records.Node(n) with { RaftEndPoint = $"127.0.0.1:{9000 + n}" } };

    public static PutBdb PutBdb(int n) => new() { Bdb = Records.Bdb($"db{n}", 12000 + n), ExpectedVersion = 0 };

    /// <summary>Proposes on <paramref name="node"/> and asserts it was applied.</summary>
    public static async Task<ProposeResult> AppliedAsync(TestNode node, ClusterCommand command)
    {
        var result = await node.Store.ProposeAsync(command, CancellationToken.None);
        Assert.True(result.Status == ProposeStatus.Applied, $"{command.GetType().Name} on {node}: {result.Status} {result.Description}");
        return result;
    }

    /// <summary>
    /// Proposes on the current leader. A refusal that certainly left the log untouched (the leader moved before the
    /// entry was appended: an election on a busy machine) is retried on the new leader.
    /// </summary>
    public static async Task<ProposeResult> ProposeAsync(TestCluster cluster, ClusterCommand command)
    {
        var deadline = DateTime.UtcNow + Eventually.DefaultTimeout;
        while (true)
        {
            var leader = await cluster.LeaderAsync();
            var result = await leader.Store.ProposeAsync(command, CancellationToken.None);
            var untouched = result.Status is ProposeStatus.NotLeader or ProposeStatus.NoQuorum && !result.MayStillApply;
            if (!untouched || DateTime.UtcNow >= deadline)
            {
                return result;
            }
        }
    }

    /// <summary>Proposes on the current leader (see <see cref="ProposeAsync"/>) and asserts it was applied.</summary>
    public static async Task<ProposeResult> AppliedAsync(TestCluster cluster, ClusterCommand command)
    {
        var result = await ProposeAsync(cluster, command);
        Assert.True(result.Status == ProposeStatus.Applied, $"{command.GetType().Name}: {result.Status} {result.Description}");
        return result;
    }

    public static async Task<ClusterState> ApplyAllAsync(TestCluster cluster, IEnumerable<ClusterCommand> commands)
    {
        ProposeResult? last = null;
        foreach (var command in commands)
        {
            last = await AppliedAsync(cluster, command);
        }
        return last!.State!;
    }

    public static async Task<ClusterState> ApplyAllAsync(TestNode node, IEnumerable<ClusterCommand> commands)
    {
        ProposeResult? last = null;
        foreach (var command in commands)
        {
            last = await AppliedAsync(node, command);
        }
        return last!.State!;
    }
}
