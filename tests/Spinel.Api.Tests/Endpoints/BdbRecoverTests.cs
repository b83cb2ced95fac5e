using System.Net;
using Spinel.Api.Tests.Infrastructure;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.Api.Tests.Endpoints;

/// <summary><c>POST /v1/bdbs/{uid}/actions/recover</c>: masters with no copy on a live node are placed again on live nodes.</summary>
public sealed class BdbRecoverTests
{
    private static async Task<ApiTestHost> StartAsync()
    {
        var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();
        var create = host.Store.Current.Actions["a-create-1"];
        host.Store.Apply(new PutAction { Action = create with { Status = ActionStatus.Completed }, ExpectedVersion = create.Version });
        return host;
    }

    private static void MarkDown(ApiTestHost host, int nodeUid)
    {
        var node = host.Store.Current.Nodes[nodeUid];
        host.Store.Apply(new UpdateNode { Node = node with { Status = NodeStatus.Down }, ExpectedVersion = node.Version });
    }

    [Fact]
    public async Task MastersWithALiveReplica_AreNothingToRecover()
    {
        await using var host = await StartAsync();
        MarkDown(host, 1);

        await host.Client().PostJsonAsync("/v1/bdbs/1/actions/recover", "{}").ExpectErrorAsync(HttpStatusCode.NotAcceptable, "nothing_to_recover");
    }

    [Fact]
    public async Task MastersWithoutALiveCopy_MoveToALiveNode()
    {
        await using var host = await StartAsync();
        host.Store.Apply(new AddNode { Node = new NodeRecord { Address = "127.0.0.3", RaftEndPoint = "127.0.0.3:3333", TotalMemory = 8L << 30 } });
        MarkDown(host, 1);
        MarkDown(host, 2);

        var answer = await host.Client().PostJsonAsync("/v1/bdbs/1/actions/recover", "{}").ExpectAsync(HttpStatusCode.OK);

        Assert.Contains("shard 1 on node 3", (string?)answer["description"], StringComparison.Ordinal);
        Assert.Equal([3, 3], host.Store.Current.ShardsOf(1).Where(s => s.Role == Spinel.Model.ShardRole.Master).Select(s => s.NodeUid));
    }

    [Fact]
    public async Task NoLiveNodeWithRoom_IsInsufficientResources_AndUnknownFieldsAreRefused()
    {
        await using var host = await StartAsync();
        MarkDown(host, 1);
        MarkDown(host, 2);

        await host.Client().PostJsonAsync("/v1/bdbs/1/actions/recover", "{}").ExpectErrorAsync(HttpStatusCode.NotAcceptable, "insufficient_resources");
        await host.Client().PostJsonAsync("/v1/bdbs/1/actions/recover", """{"colour":"red"}""").ExpectErrorAsync(HttpStatusCode.NotAcceptable, "invalid_schema");
        await host.Client().PostJsonAsync("/v1/bdbs/9/actions/recover", "{}").ExpectErrorAsync(HttpStatusCode.NotFound, "db_not_found");
    }
}
