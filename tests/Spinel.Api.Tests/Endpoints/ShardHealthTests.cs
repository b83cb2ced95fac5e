using System.Net;
using System.Text.Json.Nodes;
using Spinel.Api.Tests.Infrastructure;
using Spinel.ControlPlane.Health;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.Model;

namespace Spinel.Api.Tests.Endpoints;

/// <summary>The health fields of shard objects, from the heartbeats in <see cref="ApiTestHost.Health"/>; shards 1, 2 on node 1, replicas 3 (of 1), 4 (of 2) on node 2.</summary>
public sealed class ShardHealthTests
{
    private static async Task<ApiTestHost> StartAsync()
    {
        var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();
        return host;
    }

    private static ShardReport Running(int uid, ShardRole role, long offset, bool? linkUp = null) =>
        new() { Uid = uid, State = ReportedShardState.Running, Role = role, ReplicationOffset = offset, MasterLinkUp = linkUp };

    private static void Report(ApiTestHost host, int node, params ShardReport[] shards) =>
        host.Health.Record(new NodeReport { NodeUid = node, Shards = shards });

    private static async Task<JsonNode> ShardAsync(ApiTestHost host, int uid) => await host.Client().GetOkAsync($"/v1/shards/{uid}");

    [Fact]
    public async Task NoHeartbeat_IsUnknownWithoutReportFields()
    {
        await using var host = await StartAsync();

        var shard = await ShardAsync(host, 3);

        Assert.Equal("""{"uid":"3","bdb_uid":1,"node_uid":"2","role":"slave","assigned_slots":"0-8191","status":"active","detailed_status":"unknown"}""",
            shard.ToJsonString());
    }

    [Fact]
    public async Task RunningMaster_IsOkWithItsOffset()
    {
        await using var host = await StartAsync();
        Report(host, 1, Running(1, ShardRole.Master, 5000), Running(2, ShardRole.Master, 7000));

        var shard = await ShardAsync(host, 1);

        Assert.Equal("active", (string?)shard["status"]);
        Assert.Equal("ok", (string?)shard["detailed_status"]);
        Assert.Equal("2025-03-01T12:00:00Z", (string?)shard["report_timestamp"]);
        Assert.Equal("""{"role":"master","master_repl_offset":5000}""", shard["redis_info"]!.ToJsonString());
        Assert.Null(shard["sync"]);
    }

    [Fact]
    public async Task LinkedReplica_IsIdleWithTheBytesItIsBehind()
    {
        await using var host = await StartAsync();
        Report(host, 1, Running(1, ShardRole.Master, 5000));
        Report(host, 2, Running(3, ShardRole.Replica, 4200, linkUp: true));

        var shard = await ShardAsync(host, 3);

        Assert.Equal("""{"status":"idle","progress":800}""", shard["sync"]!.ToJsonString());
        Assert.Equal("""{"role":"slave","master_link_status":"up","slave_repl_offset":4200}""", shard["redis_info"]!.ToJsonString());
        Assert.Equal("ok", (string?)shard["detailed_status"]);
    }

    [Fact]
    public async Task LinkedReplica_MasterUnreported_HasNoProgress()
    {
        await using var host = await StartAsync();
        Report(host, 2, Running(3, ShardRole.Replica, 4200, linkUp: true));

        Assert.Equal("""{"status":"idle"}""", (await ShardAsync(host, 3))["sync"]!.ToJsonString());
    }

    [Theory]
    [InlineData(ReportedShardState.Running, false, "link_down")]
    [InlineData(ReportedShardState.Starting, null, "in_progress")]
    [InlineData(ReportedShardState.Crashed, null, "link_down")]
    [InlineData(ReportedShardState.Unresponsive, false, "link_down")]
    public async Task Replica_SyncFollowsItsState(ReportedShardState state, bool? linkUp, string sync)
    {
        await using var host = await StartAsync();
        Report(host, 2, new ShardReport { Uid = 3, State = state, Role = ShardRole.Replica, MasterLinkUp = linkUp });

        Assert.Equal(sync, (string?)(await ShardAsync(host, 3))["sync"]!["status"]);
    }

    [Fact]
    public async Task RunningReplica_LinkUnknown_HasNoSync()
    {
        await using var host = await StartAsync();
        Report(host, 2, new ShardReport { Uid = 3, State = ReportedShardState.Running });

        var shard = await ShardAsync(host, 3);

        Assert.Null(shard["sync"]);
        Assert.Null(shard["redis_info"]);
        Assert.Equal("ok", (string?)shard["detailed_status"]);
    }

    [Theory]
    [InlineData(ReportedShardState.Running, false, "active", "ok")]
    [InlineData(ReportedShardState.Starting, false, "active", "loading")]
    [InlineData(ReportedShardState.Unresponsive, false, "active", "timeout")]
    [InlineData(ReportedShardState.Crashed, false, "inactive", "down")]
    [InlineData(ReportedShardState.Failed, false, "inactive", "down")]
    [InlineData(ReportedShardState.Stopped, false, "inactive", "down")]
    [InlineData(ReportedShardState.Crashed, true, "inactive", "down")]
    public async Task Master_StatusFollowsTheReportedState(ReportedShardState state, bool awaitingDecision, string status, string detailed)
    {
        await using var host = await StartAsync();
        Report(host, 1, new ShardReport { Uid = 1, State = state, AwaitingDecision = awaitingDecision });

        var shard = await ShardAsync(host, 1);

        Assert.Equal(status, (string?)shard["status"]);
        Assert.Equal(detailed, (string?)shard["detailed_status"]);
        Assert.Equal("master", (string?)shard["role"]);
    }

    [Fact]
    public async Task NodeReportsWithoutTheShard_IsUnknown()
    {
        await using var host = await StartAsync();
        Report(host, 1, Running(2, ShardRole.Master, 1));

        var shard = await ShardAsync(host, 1);

        Assert.Equal("unknown", (string?)shard["detailed_status"]);
        Assert.Equal("2025-03-01T12:00:00Z", (string?)shard["report_timestamp"]);
        Assert.Null(shard["redis_info"]);
    }

    [Fact]
    public async Task StaleReport_IsUnknown_KeepsTheStoredStatusAndShowsTheLastInfo()
    {
        await using var host = await StartAsync();
        Report(host, 1, new ShardReport { Uid = 1, State = ReportedShardState.Crashed, Role = ShardRole.Master, ReplicationOffset = 9 });
        host.Time.Advance(HeartbeatTimings.High.NodeTimeout + TimeSpan.FromMilliseconds(1));

        var shard = await ShardAsync(host, 1);

        Assert.Equal("unknown", (string?)shard["detailed_status"]);
        Assert.Equal("active", (string?)shard["status"]);
        Assert.Equal(9, (long)shard["redis_info"]!["master_repl_offset"]!);
    }

    [Fact]
    public async Task LowSensitivity_ToleratesALongerSilence()
    {
        await using var host = await StartAsync();
        host.Store.Apply(new UpdateCluster { Cluster = host.Store.Current.Cluster! with { FailureDetectionSensitivity = FailureDetectionSensitivity.Low } });
        Report(host, 1, Running(1, ShardRole.Master, 1));
        host.Time.Advance(HeartbeatTimings.High.NodeTimeout * 2);

        Assert.Equal("ok", (string?)(await ShardAsync(host, 1))["detailed_status"]);
    }

    [Fact]
    public async Task NodeDown_IsDown()
    {
        await using var host = await StartAsync();
        Report(host, 2, Running(3, ShardRole.Replica, 1, linkUp: true));
        host.Store.Apply(new UpdateNode { Node = host.Store.Current.Nodes[2] with { Status = NodeStatus.Down } });

        Assert.Equal("down", (string?)(await ShardAsync(host, 3))["detailed_status"]);
    }

    [Fact]
    public async Task ReportedRoleDiffers_RoleStaysTheStoredOne()
    {
        await using var host = await StartAsync();
        Report(host, 2, Running(3, ShardRole.Master, 10));

        var shard = await ShardAsync(host, 3);

        Assert.Equal("slave", (string?)shard["role"]);
        Assert.Equal("master", (string?)shard["redis_info"]!["role"]);
    }

    [Fact]
    public async Task ShardsOfBdb_AndList_CarryTheHealthFields()
    {
        await using var host = await StartAsync();
        Report(host, 1, Running(1, ShardRole.Master, 1), Running(2, ShardRole.Master, 1));

        var ofBdb = (await host.Client().GetOkAsync("/v1/bdbs/1/shards")).AsArray();
        var all = (await host.Client().GetOkAsync("/v1/shards?fields=uid,detailed_status")).AsArray();

        Assert.Equal(["ok", "ok", "unknown", "unknown"], ofBdb.Select(s => (string?)s!["detailed_status"]));
        Assert.Equal("""{"uid":"1","detailed_status":"ok"}""", all.Single(s => (string?)s!["uid"] == "1")!.ToJsonString());
    }

    [Fact]
    public async Task UnknownShard_Is404()
    {
        await using var host = await StartAsync();

        await host.Client().GetAsync("/v1/shards/9").ExpectErrorAsync(HttpStatusCode.NotFound, "shard_not_found");
    }
}
