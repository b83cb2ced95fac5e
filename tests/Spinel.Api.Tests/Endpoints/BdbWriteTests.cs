using System.Net;
using Spinel.Api.Tests.Infrastructure;
using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Store;

namespace Spinel.Api.Tests.Endpoints;

public sealed class BdbWriteTests
{
    [Fact]
    public async Task Create_NameAndMemoryOnly_UsesDefaultsAndAnswersTheAction()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        var bdb = await host.Client().PostJsonAsync("/v1/bdbs", """{"name":"db1","memory_size":104857600}""").ExpectAsync(HttpStatusCode.OK);

        var (operation, requested, _) = Assert.Single(host.Databases.Calls);
        Assert.Equal("create", operation);
        Assert.Equal("db1", requested!.Name);
        Assert.Equal(104857600, requested.MemorySize);
        Assert.Equal(0, requested.Uid);
        Assert.Equal(0, requested.Port);
        Assert.Equal(1, requested.ShardsCount);
        Assert.False(requested.Replication);
        Assert.Equal(BdbStatus.Pending, requested.Status);
        Assert.Equal(host.Time.GetUtcNow(), requested.CreatedTime);
        Assert.Equal(1, (int)bdb["uid"]!);
        Assert.Equal("db1", (string?)bdb["name"]);
        Assert.Equal("pending", (string?)bdb["status"]);
        Assert.Equal(12000, (int)bdb["port"]!);
        Assert.Equal(host.Databases.ActionUid, (string?)bdb["action_uid"]);
    }

    [Fact]
    public async Task Create_EveryField_ReachesTheOperation()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        const string Body = """
            {"uid":5,"name":"Full-1","type":"redis","version":"7.2","memory_size":0,"shards_count":3,"replication":true,
             "sharding":true,"shard_key_regex":[{"regex":"(?<tag>.*)"}],"shards_placement":"sparse","proxy_policy":"all-nodes",
             "port":12345,"authentication_redis_pass":"pw","data_persistence":"aof","aof_policy":"appendfsync-always",
             "eviction_policy":"allkeys-lru","oss_cluster":true,"max_connections":50}
            """;

        var bdb = await host.Client().PostJsonAsync("/v1/bdbs", Body).ExpectAsync(HttpStatusCode.OK);

        var requested = Assert.Single(host.Databases.Calls).Bdb!;
        Assert.Equal(
            new BdbRecord
            {
                Uid = 5, Name = "Full-1", Type = BdbType.Redis, RedisVersion = "7.2", MemorySize = 0, ShardsCount = 3, Replication = true,
                Sharding = true, ShardKeyRegex = ["(?<tag>.*)"], ShardsPlacement = ShardsPlacement.Sparse, ProxyPolicy = ProxyPolicy.AllNodes,
                Port = 12345, AuthenticationRedisPass = "pw", DataPersistence = DataPersistence.Aof, AofPolicy = AofPolicy.AppendFsyncAlways,
                EvictionPolicy = EvictionPolicy.AllKeysLru, OssCluster = true, MaxConnections = 50, Status = BdbStatus.Pending,
                CreatedTime = host.Time.GetUtcNow(), LastChangedTime = host.Time.GetUtcNow(),
            },
            requested);
        Assert.Equal(5, (int)bdb["uid"]!);
        Assert.Equal("pw", (string?)bdb["authentication_redis_pass"]);
    }

    [Fact]
    public async Task Create_ShardingWithoutRules_GetsTheDefaultRules()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        await host.Client().PostJsonAsync("/v1/bdbs", """{"name":"s","memory_size":1,"shards_count":2,"sharding":true}""").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal([@".*\{(?<tag>.*)\}.*", "(?<tag>.*)"], Assert.Single(host.Databases.Calls).Bdb!.ShardKeyRegex);
    }

    [Theory]
    [InlineData(OperationErrorKind.BadRequest, HttpStatusCode.BadRequest)]
    [InlineData(OperationErrorKind.NotFound, HttpStatusCode.NotFound)]
    [InlineData(OperationErrorKind.InvalidConfiguration, HttpStatusCode.NotAcceptable)]
    [InlineData(OperationErrorKind.Busy, HttpStatusCode.Conflict)]
    [InlineData(OperationErrorKind.Conflict, HttpStatusCode.Conflict)]
    [InlineData(OperationErrorKind.Unavailable, HttpStatusCode.ServiceUnavailable)]
    [InlineData(OperationErrorKind.Internal, HttpStatusCode.InternalServerError)]
    public async Task Create_OperationFails_MapsTheKind(OperationErrorKind kind, HttpStatusCode status)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.Databases.Error = new OperationError(kind, "port_unavailable", "port 12000 is taken");

        var description = await host.Client().PostJsonAsync("/v1/bdbs", """{"name":"db1","memory_size":1}""").ExpectErrorAsync(status, "port_unavailable");

        Assert.Equal("port 12000 is taken", description);
    }

    [Fact]
    public async Task Update_MergesOverTheCurrentRecordWithItsVersion()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();
        var current = host.Store.Current.Bdbs[1];
        host.Time.Advance(TimeSpan.FromMinutes(5));

        var bdb = await host.Client().PutJsonAsync("/v1/bdbs/1", """{"memory_size":2147483648,"eviction_policy":"noeviction"}""").ExpectAsync(HttpStatusCode.OK);

        var (operation, desired, _) = Assert.Single(host.Databases.Calls);
        Assert.Equal("update", operation);
        Assert.Equal(current with { MemorySize = 2147483648, EvictionPolicy = EvictionPolicy.NoEviction, LastChangedTime = host.Time.GetUtcNow() }, desired);
        Assert.Equal("active-change-pending", (string?)bdb["status"]);
        Assert.Equal(2147483648, (long)bdb["memory_size"]!);
        Assert.Equal(host.Databases.ActionUid, (string?)bdb["action_uid"]);
    }

    [Theory]
    [InlineData("""{"replication":false}""", false, true)]
    [InlineData("""{"replication":true,"slave_ha":false}""", true, false)]
    public async Task Update_ReplicationAndSlaveHa_ReachTheOperation(string body, bool replication, bool slaveHa)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();

        var bdb = await host.Client().PutJsonAsync("/v1/bdbs/1", body).ExpectAsync(HttpStatusCode.OK);

        var desired = Assert.Single(host.Databases.Calls).Bdb!;
        Assert.Equal((replication, slaveHa), (desired.Replication, desired.SlaveHa));
        Assert.Equal(replication, (bool)bdb["replication"]!);
        Assert.Equal(slaveHa, (bool)bdb["slave_ha"]!);
    }

    [Fact]
    public async Task Create_SlaveHaOff_ReachesTheOperation()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        await host.Client().PostJsonAsync("/v1/bdbs", """{"name":"db1","memory_size":1,"slave_ha":false}""").ExpectAsync(HttpStatusCode.OK);

        Assert.False(Assert.Single(host.Databases.Calls).Bdb!.SlaveHa);
    }

    [Fact]
    public async Task Update_UnknownDatabase_Is404()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        await host.Client().PutJsonAsync("/v1/bdbs/3", """{"memory_size":1}""").ExpectErrorAsync(HttpStatusCode.NotFound, "db_not_found");

        Assert.Empty(host.Databases.Calls);
    }

    [Fact]
    public async Task Update_Busy_Is409()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();
        host.Databases.Error = new OperationError(OperationErrorKind.Busy, "busy", "SMUpdateBDB runs on bdb:1");

        await host.Client().PutJsonAsync("/v1/bdbs/1", """{"memory_size":1}""").ExpectErrorAsync(HttpStatusCode.Conflict, "busy");
    }

    [Fact]
    public async Task Delete_StartsTheDeletion()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();

        var bdb = await host.Client().DeleteAsync("/v1/bdbs/1").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(("delete", 1), Assert.Single(host.Databases.Calls) is var c ? (c.Operation, c.Uid) : default);
        Assert.Equal("delete-pending", (string?)bdb["status"]);
        Assert.Equal(host.Databases.ActionUid, (string?)bdb["action_uid"]);
    }

    [Fact]
    public async Task Delete_UnknownDatabase_Is404()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        await host.Client().DeleteAsync("/v1/bdbs/8").ExpectErrorAsync(HttpStatusCode.NotFound, "db_not_found");
    }

    [Fact]
    public async Task Writes_ByClusterMember_AreAllowed_ByViewer_Are403()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddUser("member", "pw", UserRole.ClusterMember);
        host.AddUser("viewer", "pw", UserRole.DbViewer);

        await host.Client("member", "pw").PostJsonAsync("/v1/bdbs", """{"name":"m","memory_size":1}""").ExpectAsync(HttpStatusCode.OK);
        await host.Client("viewer", "pw").PostJsonAsync("/v1/bdbs", """{"name":"v","memory_size":1}""").ExpectErrorAsync(HttpStatusCode.Forbidden, "insufficient_permissions");
        await host.Client("viewer", "pw").DeleteAsync("/v1/bdbs/1").ExpectErrorAsync(HttpStatusCode.Forbidden, "insufficient_permissions");
        await host.Client("viewer", "pw").GetOkAsync("/v1/bdbs/1");
        Assert.Single(host.Databases.Calls);
    }
}
