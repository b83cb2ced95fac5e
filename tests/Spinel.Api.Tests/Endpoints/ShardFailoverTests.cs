using System.Net;
using Spinel.Api.Tests.Infrastructure;
using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Store;

namespace Spinel.Api.Tests.Endpoints;

public sealed class ShardFailoverTests
{
    private static async Task<ApiTestHost> StartAsync()
    {
        var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();
        return host;
    }

    [Fact]
    public async Task Failover_ShardUidsAsStringsOrNumbers_StartsTheAction()
    {
        await using var host = await StartAsync();

        var body = await host.Client().PostJsonAsync("/v1/shards/actions/failover", """{"shard_uids":["1",2,"1"],"immediate":true}""").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal($$"""{"action_uid":"{{host.Shards.ActionUid}}","description":"Failover was triggered"}""", body.ToJsonString());
        var request = Assert.Single(host.Shards.Failovers);
        Assert.Equal([1, 2], request.ShardUids);
        Assert.True(request.Immediate);
        Assert.False(request.DryRun);
    }

    [Fact]
    public async Task Failover_RedisEnterpriseFieldsSpinelIgnores_AreAccepted()
    {
        await using var host = await StartAsync();
        const string Body = """{"shard_uids":["1"],"dead_uids":["2"],"dead_uid":"2","dead_nodes":["3"],"force_rebind":true,"redis_version_upgrade":"7.2"}""";

        await host.Client().PostJsonAsync("/v1/shards/actions/failover", Body).ExpectAsync(HttpStatusCode.OK);

        var request = Assert.Single(host.Shards.Failovers);
        Assert.Equal([1], request.ShardUids);
        Assert.False(request.Immediate);
        Assert.False(request.DryRun);
    }

    [Fact]
    public async Task Failover_DryRun_AnswersWithoutAnAction()
    {
        await using var host = await StartAsync();

        var body = await host.Client().PostJsonAsync("/v1/shards/actions/failover", """{"shard_uids":[1],"dry_run":true}""").ExpectAsync(HttpStatusCode.OK);

        Assert.True(Assert.Single(host.Shards.Failovers).DryRun);
        Assert.Null(body["action_uid"]);
        Assert.Equal("Failover dry run passed", (string?)body["description"]);
    }

    [Fact]
    public async Task FailoverOne_WithoutBodyOrContentType_FailsOverThePathShard()
    {
        await using var host = await StartAsync();

        var body = await host.Client().PostAsync("/v1/shards/2/actions/failover", content: null).ExpectAsync(HttpStatusCode.OK);

        var request = Assert.Single(host.Shards.Failovers);
        Assert.Equal([2], request.ShardUids);
        Assert.False(request.Immediate);
        Assert.Equal(host.Shards.ActionUid, (string?)body["action_uid"]);
    }

    [Fact]
    public async Task FailoverOne_WithBody_ReadsItsFlags()
    {
        await using var host = await StartAsync();

        await host.Client().PostJsonAsync("/v1/shards/1/actions/failover", """{"immediate":true,"dry_run":true,"force_rebind":false}""").ExpectAsync(HttpStatusCode.OK);

        var request = Assert.Single(host.Shards.Failovers);
        Assert.Equal([1], request.ShardUids);
        Assert.True(request.Immediate);
        Assert.True(request.DryRun);
    }

    [Theory]
    [InlineData("/v1/shards/actions/failover", "{}")]
    [InlineData("/v1/shards/actions/failover", """{"shard_uids":[]}""")]
    [InlineData("/v1/shards/actions/failover", "")]
    public async Task Failover_NoShardUids_Is404ShardUidsRequired(string path, string body)
    {
        await using var host = await StartAsync();

        await host.Client().PostJsonAsync(path, body).ExpectErrorAsync(HttpStatusCode.NotFound, "shard_uids_required");

        Assert.Empty(host.Shards.Failovers);
    }

    [Theory]
    [InlineData("/v1/shards/actions/failover", """{"shard_uids":[1],"target_node_uid":2}""", "invalid_schema", "target_node_uid")]
    [InlineData("/v1/shards/actions/failover", """{"shard_uids":"1"}""", "invalid_schema", "shard_uids")]
    [InlineData("/v1/shards/actions/failover", """{"shard_uids":[true]}""", "invalid_schema", "shard_uids[0]")]
    [InlineData("/v1/shards/actions/failover", """{"shard_uids":[1,"redis:2"]}""", "invalid_parameter", "shard_uids[1]")]
    [InlineData("/v1/shards/actions/failover", """{"shard_uids":[0]}""", "invalid_parameter", "shard_uids[0]")]
    [InlineData("/v1/shards/actions/failover", """{"shard_uids":[1],"immediate":"yes"}""", "invalid_schema", "immediate")]
    [InlineData("/v1/shards/actions/failover", """{"shard_uids":[1],"dead_nodes":"3"}""", "invalid_schema", "dead_nodes")]
    [InlineData("/v1/shards/1/actions/failover", """{"shard_uids":[1]}""", "invalid_schema", "shard_uids")]
    [InlineData("/v1/shards/1/actions/failover", """{"dry_run":1}""", "invalid_schema", "dry_run")]
    public async Task Failover_BadField_Is406NamingIt(string path, string body, string errorCode, string field)
    {
        await using var host = await StartAsync();

        var description = await host.Client().PostJsonAsync(path, body).ExpectErrorAsync(HttpStatusCode.NotAcceptable, errorCode);

        Assert.Contains(field, description, StringComparison.Ordinal);
        Assert.Empty(host.Shards.Failovers);
    }

    [Theory]
    [InlineData("[1]", "invalid_json")]
    [InlineData("{\"shard_uids\":[1],}", "invalid_json")]
    public async Task Failover_BodyNotAnObject_Is400(string body, string errorCode)
    {
        await using var host = await StartAsync();

        await host.Client().PostJsonAsync("/v1/shards/actions/failover", body).ExpectErrorAsync(HttpStatusCode.BadRequest, errorCode);
    }

    [Fact]
    public async Task FailoverOne_BodyWithoutJsonContentType_Is400()
    {
        await using var host = await StartAsync();
        var client = host.Client();

        await client.SendJsonAsync(HttpMethod.Post, "/v1/shards/1/actions/failover", "{}", "text/plain").ExpectErrorAsync(HttpStatusCode.BadRequest, "unsupported_content_type");
        using var untyped = new ByteArrayContent("{}"u8.ToArray());
        await client.PostAsync("/v1/shards/1/actions/failover", untyped).ExpectErrorAsync(HttpStatusCode.BadRequest, "unsupported_content_type");
        Assert.Empty(host.Shards.Failovers);
    }

    [Theory]
    [InlineData(OperationErrorKind.NotFound, "shard_not_exist", HttpStatusCode.NotFound)]
    [InlineData(OperationErrorKind.BadRequest, "shard_is_slave", HttpStatusCode.BadRequest)]
    [InlineData(OperationErrorKind.BadRequest, "failover_shards_different_bdb", HttpStatusCode.BadRequest)]
    [InlineData(OperationErrorKind.InvalidConfiguration, "no_replica", HttpStatusCode.NotAcceptable)]
    [InlineData(OperationErrorKind.Busy, "db_busy", HttpStatusCode.Conflict)]
    [InlineData(OperationErrorKind.Unavailable, "no_quorum", HttpStatusCode.ServiceUnavailable)]
    [InlineData(OperationErrorKind.Internal, "internal_error", HttpStatusCode.InternalServerError)]
    public async Task Failover_OperationFails_MapsTheKind(OperationErrorKind kind, string errorCode, HttpStatusCode status)
    {
        await using var host = await StartAsync();
        host.Shards.Error = new OperationError(kind, errorCode, "refused by the fake");

        var description = await host.Client().PostJsonAsync("/v1/shards/actions/failover", """{"shard_uids":[1]}""").ExpectErrorAsync(status, errorCode);

        Assert.Equal("refused by the fake", description);
    }

    [Fact]
    public async Task Failover_ByClusterMember_IsAllowed_ByViewer_Is403()
    {
        await using var host = await StartAsync();
        host.AddUser("member", "pw", UserRole.ClusterMember);
        host.AddUser("viewer", "pw", UserRole.ClusterViewer);

        await host.Client("member", "pw").PostAsync("/v1/shards/1/actions/failover", null).ExpectAsync(HttpStatusCode.OK);
        await host.Client("viewer", "pw").PostAsync("/v1/shards/1/actions/failover", null).ExpectErrorAsync(HttpStatusCode.Forbidden, "insufficient_permissions");
        await host.Anonymous().PostAsync("/v1/shards/1/actions/failover", null).ExpectErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Single(host.Shards.Failovers);
    }

    [Fact]
    public async Task Failover_OnFollower_IsRelayedToTheLeaderWithItsBody()
    {
        await using var host = await StartAsync();
        host.FollowNode2();
        host.Leader.Body = """{"action_uid":"from-leader","description":"Failover was triggered"}""";

        var body = await host.Client().PostJsonAsync("/v1/shards/actions/failover", """{"shard_uids":[1]}""").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("from-leader", (string?)body["action_uid"]);
        var forwarded = Assert.Single(host.Leader.Requests);
        Assert.Equal("https://127.0.0.2:9443/v1/shards/actions/failover", forwarded.Uri.ToString());
        Assert.Equal("""{"shard_uids":[1]}""", forwarded.Body);
        Assert.Empty(host.Shards.Failovers);
    }

    [Fact]
    public async Task FailoverOne_OnFollowerWithoutBody_IsRelayedEmpty()
    {
        await using var host = await StartAsync();
        host.FollowNode2();
        host.Leader.Body = """{"action_uid":"from-leader","description":"Failover was triggered"}""";

        await host.Client().PostAsync("/v1/shards/1/actions/failover", null).ExpectAsync(HttpStatusCode.OK);

        var forwarded = Assert.Single(host.Leader.Requests);
        Assert.Equal("https://127.0.0.2:9443/v1/shards/1/actions/failover", forwarded.Uri.ToString());
        Assert.True(string.IsNullOrEmpty(forwarded.Body));
    }

    [Fact]
    public async Task Failover_OperationSaysNotLeader_IsRelayed()
    {
        await using var host = await StartAsync();
        host.Store.LeaderRaftEndPoint = IPEndPoint.Parse("127.0.0.2:3333");
        host.Shards.Error = new OperationError(OperationErrorKind.NotLeader, "not_leader", "lost the lead");

        await host.Client().PostJsonAsync("/v1/shards/actions/failover", """{"shard_uids":[1]}""").ExpectAsync(HttpStatusCode.OK);

        Assert.Single(host.Leader.Requests);
    }

    [Fact]
    public async Task Failover_WithoutQuorum_Is503()
    {
        await using var host = await StartAsync();
        host.Store.HasQuorum = false;

        await host.Client().PostJsonAsync("/v1/shards/actions/failover", """{"shard_uids":[1]}""").ExpectErrorAsync(HttpStatusCode.ServiceUnavailable, "no_quorum");

        Assert.Empty(host.Shards.Failovers);
    }
}
