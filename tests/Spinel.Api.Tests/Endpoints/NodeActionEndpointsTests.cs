using System.Net;
using Spinel.Api.Tests.Infrastructure;
using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.Api.Tests.Endpoints;

public sealed class NodeActionEndpointsTests
{
    private static async Task<ApiTestHost> StartAsync()
    {
        var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();
        return host;
    }

    [Fact]
    public async Task Remove_WithoutBody_StartsTheRemoval()
    {
        await using var host = await StartAsync();

        var body = await host.Client().PostAsync("/v1/nodes/2/actions/remove", null).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal($$"""{"action_uid":"{{host.Nodes.RemoveActionUid}}","description":"Remove was triggered"}""", body.ToJsonString());
        Assert.Equal([2], host.Nodes.Removals);
        Assert.Equal("decommissioning", (string?)(await host.Client().GetOkAsync("/v1/nodes/2"))["status"]);
    }

    [Fact]
    public async Task Remove_WaitForPersistence_IsAccepted()
    {
        await using var host = await StartAsync();

        await host.Client().PostJsonAsync("/v1/nodes/2/actions/remove", """{"wait_for_persistence":true}""").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal([2], host.Nodes.Removals);
    }

    [Theory]
    [InlineData("""{"wait_for_persistence":"enabled"}""", "wait_for_persistence")]
    [InlineData("""{"evict_dbs":[]}""", "evict_dbs")]
    public async Task Remove_BadField_Is406(string body, string field)
    {
        await using var host = await StartAsync();

        var description = await host.Client().PostJsonAsync("/v1/nodes/2/actions/remove", body).ExpectErrorAsync(HttpStatusCode.NotAcceptable, "invalid_schema");

        Assert.Contains(field, description, StringComparison.Ordinal);
        Assert.Empty(host.Nodes.Removals);
    }

    [Fact]
    public async Task Remove_UnknownNode_Is404()
    {
        await using var host = await StartAsync();

        await host.Client().PostAsync("/v1/nodes/9/actions/remove", null).ExpectErrorAsync(HttpStatusCode.NotFound, "node_not_found");

        Assert.Empty(host.Nodes.Removals);
    }

    [Fact]
    public async Task OtherNodeAction_Is404()
    {
        await using var host = await StartAsync();

        await host.Client().PostAsync("/v1/nodes/2/actions/maintenance_on", null).ExpectErrorAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData(OperationErrorKind.Busy, "node_busy", HttpStatusCode.Conflict)]
    [InlineData(OperationErrorKind.InvalidConfiguration, "insufficient_resources", HttpStatusCode.NotAcceptable)]
    [InlineData(OperationErrorKind.InvalidConfiguration, "last_node", HttpStatusCode.NotAcceptable)]
    [InlineData(OperationErrorKind.Internal, "not_implemented", HttpStatusCode.InternalServerError)]
    public async Task Remove_OperationFails_MapsTheKind(OperationErrorKind kind, string errorCode, HttpStatusCode status)
    {
        await using var host = await StartAsync();
        host.Nodes.Error = new OperationError(kind, errorCode, "refused by the fake");

        await host.Client().PostAsync("/v1/nodes/2/actions/remove", null).ExpectErrorAsync(status, errorCode);
    }

    [Fact]
    public async Task Remove_ByClusterMember_Is403()
    {
        await using var host = await StartAsync();
        host.AddUser("member", "pw", UserRole.ClusterMember);

        await host.Client("member", "pw").PostAsync("/v1/nodes/2/actions/remove", null).ExpectErrorAsync(HttpStatusCode.Forbidden, "insufficient_permissions");

        Assert.Empty(host.Nodes.Removals);
    }

    [Fact]
    public async Task Remove_OnFollower_IsRelayed()
    {
        await using var host = await StartAsync();
        host.FollowNode2();

        await host.Client().PostAsync("/v1/nodes/1/actions/remove", null).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("https://127.0.0.2:9443/v1/nodes/1/actions/remove", Assert.Single(host.Leader.Requests).Uri.ToString());
        Assert.Empty(host.Nodes.Removals);
    }

    [Fact]
    public async Task NodeActions_ListActionsOfNodesOnly()
    {
        await using var host = await StartAsync();
        AddAction(host, "r-2", "node:2", host.Time.GetUtcNow().AddSeconds(1));
        AddAction(host, "r-1", "node:1", host.Time.GetUtcNow());
        AddAction(host, "r-12", "node:12", host.Time.GetUtcNow());

        var all = (await host.Client().GetOkAsync("/v1/nodes/actions")).AsArray();
        var ofNode2 = (await host.Client().GetOkAsync("/v1/nodes/2/actions")).AsArray();
        var ofNode3 = (await host.Client().GetOkAsync("/v1/nodes/3/actions?fields=action_uid")).AsArray();

        Assert.Equal(["r-1", "r-12", "r-2"], all.Select(a => (string?)a!["action_uid"]));
        Assert.Equal("node:2", (string?)Assert.Single(ofNode2)!["object_name"]);
        Assert.Empty(ofNode3);
    }

    [Fact]
    public async Task NodeActions_WithFields_ProjectsEachAction()
    {
        await using var host = await StartAsync();
        AddAction(host, "r-2", "node:2", host.Time.GetUtcNow());

        var list = await host.Client().GetOkAsync("/v1/nodes/2/actions?fields=action_uid,status");

        Assert.Equal("""[{"action_uid":"r-2","status":"pending"}]""", list.ToJsonString());
    }

    private static void AddAction(ApiTestHost host, string uid, string objectName, DateTimeOffset created) =>
        host.Store.Apply(new PutAction { Action = new ActionRecord { ActionUid = uid, Name = "SMRemoveNode", ObjectName = objectName, CreationTime = created } });
}
