using System.Net;
using Spinel.Api.Tests.Infrastructure;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.Api.Tests.Endpoints;

public sealed class ShardAndActionEndpointsTests
{
    [Fact]
    public async Task GetShards_AsRedisEnterpriseWritesThem()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();

        var shards = (await host.Client().GetOkAsync("/v1/shards")).AsArray();

        Assert.Equal(4, shards.Count);
        Assert.Equal("""{"uid":"1","bdb_uid":1,"node_uid":"1","role":"master","assigned_slots":"0-8191","status":"active","detailed_status":"unknown"}""",
            shards[0]!.ToJsonString());
        Assert.Equal("slave", (string?)shards[3]!["role"]);
        Assert.Equal("2", (string?)shards[3]!["node_uid"]);
        Assert.Equal("8192-16383", (string?)shards[3]!["assigned_slots"]);
    }

    [Fact]
    public async Task GetShard_SeveralRanges_AreCommaJoined()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();
        var shard = host.Store.Current.Shards[1];
        host.Store.Apply(new PutShards { BdbUid = 1, Shards = [shard with { AssignedSlots = [new(0, 5), new(7, 7), new(9, 100)] }] });

        var body = await host.Client().GetOkAsync("/v1/shards/1");

        Assert.Equal("0-5,7,9-100", (string?)body["assigned_slots"]);
        await host.Client().GetAsync("/v1/shards/77").ExpectErrorAsync(HttpStatusCode.NotFound, "shard_not_found");
    }

    [Fact]
    public async Task GetShards_WithFields()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();

        var shards = (await host.Client().GetOkAsync("/v1/shards?fields=uid,role")).AsArray();

        Assert.All(shards, s => Assert.Equal(["uid", "role"], s!.Keys()));
    }

    [Fact]
    public async Task GetActions_ListsStateMachines()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();

        var body = await host.Client().GetOkAsync("/v1/actions");

        Assert.Empty(body["actions"]!.AsArray());
        var machine = Assert.Single(body["state-machines"]!.AsArray())!;
        Assert.Equal(
            """{"action_uid":"a-create-1","object_name":"bdb:1","name":"SMCreateBDB","state":"proxy_policy","status":"active","progress":40,"creation_time":"2025-03-01T12:00:00Z"}""",
            machine.ToJsonString());
    }

    [Fact]
    public async Task GetAction_Failed_HasItsError()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();
        var action = host.Store.Current.Actions["a-create-1"];
        host.Store.Apply(new PutAction { Action = action with { Status = ActionStatus.Failed, Error = "no node has room", Progress = 12.5 } });

        var body = await host.Client().GetOkAsync("/v1/actions/a-create-1");

        Assert.Equal("failed", (string?)body["status"]);
        Assert.Equal("no node has room", (string?)body["error"]);
        Assert.Equal(12.5, (double)body["progress"]!);
    }

    [Fact]
    public async Task GetAction_Unknown_Is404()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        await host.Client().GetAsync("/v1/actions/nope").ExpectErrorAsync(HttpStatusCode.NotFound, "action_not_found");
    }

    [Fact]
    public async Task GetActionsOfBdb_OnlyThatDatabase()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();
        host.Store.Apply(new PutAction { Action = new ActionRecord { ActionUid = "other", Name = "SMCreateBDB", ObjectName = "bdb:10" } });

        var list = (await host.Client().GetOkAsync("/v1/actions/bdb/1")).AsArray();
        var none = (await host.Client().GetOkAsync("/v1/actions/bdb/2")).AsArray();

        Assert.Equal("a-create-1", (string?)Assert.Single(list)!["action_uid"]);
        Assert.Empty(none);
    }

    [Fact]
    public async Task GetActions_WithFields_ProjectsEachMachine()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();

        var body = await host.Client().GetOkAsync("/v1/actions?fields=action_uid,progress");

        Assert.Equal("""{"actions":[],"state-machines":[{"action_uid":"a-create-1","progress":40}]}""", body.ToJsonString());
    }
}
