using System.Net;
using Spinel.Api.Tests.Infrastructure;
using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Store;

namespace Spinel.Api.Tests.Endpoints;

public sealed class ShardMigrateTests
{
    private static async Task<ApiTestHost> StartAsync()
    {
        var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();
        return host;
    }

    [Fact]
    public async Task Migrate_EveryField_ReachesTheOperation()
    {
        await using var host = await StartAsync();
        const string Body = """
            {"shard_uids":["1","2"],"target_node_uid":2,"preserve_roles":true,"dry_run":false,"override_rack_policy":true,"max_concurrent_bdb_migrations":3}
            """;

        var body = await host.Client().PostJsonAsync("/v1/shards/actions/migrate", Body).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal($$"""{"action_uid":"{{host.Shards.ActionUid}}","description":"Migrate was triggered"}""", body.ToJsonString());
        var request = Assert.Single(host.Shards.Migrations);
        Assert.Equal([1, 2], request.ShardUids);
        Assert.Equal(2, request.TargetNodeUid);
        Assert.True(request.PreserveRoles);
        Assert.False(request.DryRun);
    }

    [Fact]
    public async Task MigrateOne_TargetAsString_MovesThePathShard()
    {
        await using var host = await StartAsync();

        await host.Client().PostJsonAsync("/v1/shards/3/actions/migrate", """{"target_node_uid":"1","override_rack_policy":false}""").ExpectAsync(HttpStatusCode.OK);

        var request = Assert.Single(host.Shards.Migrations);
        Assert.Equal([3], request.ShardUids);
        Assert.Equal(1, request.TargetNodeUid);
        Assert.False(request.PreserveRoles);
    }

    [Fact]
    public async Task Migrate_DryRun_AnswersWithoutAnAction()
    {
        await using var host = await StartAsync();

        var body = await host.Client().PostJsonAsync("/v1/shards/3/actions/migrate", """{"target_node_uid":1,"dry_run":true}""").ExpectAsync(HttpStatusCode.OK);

        Assert.True(Assert.Single(host.Shards.Migrations).DryRun);
        Assert.Equal("""{"description":"Migrate dry run passed"}""", body.ToJsonString());
    }

    [Theory]
    [InlineData("/v1/shards/actions/migrate", """{"target_node_uid":2}""", "shard_uids_required")]
    [InlineData("/v1/shards/actions/migrate", """{"shard_uids":[1]}""", "target_node_uid_required")]
    [InlineData("/v1/shards/1/actions/migrate", "{}", "target_node_uid_required")]
    [InlineData("/v1/shards/1/actions/migrate", "", "target_node_uid_required")]
    public async Task Migrate_MissingUids_Are404(string path, string body, string errorCode)
    {
        await using var host = await StartAsync();

        await host.Client().PostJsonAsync(path, body).ExpectErrorAsync(HttpStatusCode.NotFound, errorCode);

        Assert.Empty(host.Shards.Migrations);
    }

    [Theory]
    [InlineData("/v1/shards/actions/migrate", """{"shard_uids":[1],"target_node_uid":2,"immediate":true}""", "invalid_schema", "immediate")]
    [InlineData("/v1/shards/actions/migrate", """{"shard_uids":[1],"target_node_uid":[2]}""", "invalid_schema", "target_node_uid")]
    [InlineData("/v1/shards/actions/migrate", """{"shard_uids":[1],"target_node_uid":-2}""", "invalid_parameter", "target_node_uid")]
    [InlineData("/v1/shards/actions/migrate", """{"shard_uids":[1],"target_node_uid":2,"preserve_roles":"yes"}""", "invalid_schema", "preserve_roles")]
    [InlineData("/v1/shards/actions/migrate", """{"shard_uids":[1],"target_node_uid":2,"max_concurrent_bdb_migrations":0}""", "invalid_parameter", "max_concurrent_bdb_migrations")]
    [InlineData("/v1/shards/1/actions/migrate", """{"target_node_uid":2,"max_concurrent_bdb_migrations":2}""", "invalid_schema", "max_concurrent_bdb_migrations")]
    [InlineData("/v1/shards/1/actions/migrate", """{"target_node_uid":2,"shard_uids":[2]}""", "invalid_schema", "shard_uids")]
    public async Task Migrate_BadField_Is406NamingIt(string path, string body, string errorCode, string field)
    {
        await using var host = await StartAsync();

        var description = await host.Client().PostJsonAsync(path, body).ExpectErrorAsync(HttpStatusCode.NotAcceptable, errorCode);

        Assert.Contains(field, description, StringComparison.Ordinal);
        Assert.Empty(host.Shards.Migrations);
    }

    [Theory]
    [InlineData(OperationErrorKind.NotFound, "node_not_exist", HttpStatusCode.NotFound)]
    [InlineData(OperationErrorKind.NotFound, "shard_not_exist", HttpStatusCode.NotFound)]
    [InlineData(OperationErrorKind.InvalidConfiguration, "invalid_target_node", HttpStatusCode.NotAcceptable)]
    [InlineData(OperationErrorKind.Busy, "db_busy", HttpStatusCode.Conflict)]
    public async Task Migrate_OperationFails_MapsTheKind(OperationErrorKind kind, string errorCode, HttpStatusCode status)
    {
        await using var host = await StartAsync();
        host.Shards.Error = new OperationError(kind, errorCode, "refused by the fake");

        await host.Client().PostJsonAsync("/v1/shards/1/actions/migrate", """{"target_node_uid":2}""").ExpectErrorAsync(status, errorCode);
    }

    [Fact]
    public async Task Migrate_ByClusterMember_IsAllowed_ByViewer_Is403()
    {
        await using var host = await StartAsync();
        host.AddUser("member", "pw", UserRole.ClusterMember);
        host.AddUser("viewer", "pw", UserRole.DbViewer);
        const string Body = """{"shard_uids":[1],"target_node_uid":2}""";

        await host.Client("member", "pw").PostJsonAsync("/v1/shards/actions/migrate", Body).ExpectAsync(HttpStatusCode.OK);
        await host.Client("viewer", "pw").PostJsonAsync("/v1/shards/actions/migrate", Body).ExpectErrorAsync(HttpStatusCode.Forbidden, "insufficient_permissions");
        Assert.Single(host.Shards.Migrations);
    }

    [Fact]
    public async Task Migrate_OnFollower_IsRelayed()
    {
        await using var host = await StartAsync();
        host.FollowNode2();

        await host.Client().PostJsonAsync("/v1/shards/4/actions/migrate", """{"target_node_uid":1}""").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("https://127.0.0.2:9443/v1/shards/4/actions/migrate", Assert.Single(host.Leader.Requests).Uri.ToString());
        Assert.Empty(host.Shards.Migrations);
    }
}
