using System.Net;
using Spinel.Api.Tests.Infrastructure;

namespace Spinel.Api.Tests.Endpoints;

/// <summary><c>sharding</c> and <c>shard_key_regex</c> in <c>POST</c> and <c>PUT /v1/bdbs</c>: what reaches the operation, and what the API refuses itself.</summary>
public sealed class BdbShardingTests
{
    private const string UserRules = """[{"regex":"user:(?<tag>[0-9]+):.*"},{"regex":"(?<tag>.*)"}]""";
    private static readonly string[] DefaultRules = [@".*\{(?<tag>.*)\}.*", "(?<tag>.*)"];

    private static async Task<ApiTestHost> StartWithUnshardedDatabaseAsync()
    {
        var host = await ApiTestHost.StartWithClusterAsync();
        await host.Client().PostJsonAsync("/v1/bdbs", """{"name":"plain","memory_size":1}""").ExpectAsync(HttpStatusCode.OK);
        return host;
    }

    [Fact]
    public async Task Create_CustomRules_ReachTheOperationInOrder()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        var bdb = await host.Client().PostJsonAsync("/v1/bdbs", $$"""{"name":"u","memory_size":1,"shards_count":2,"sharding":true,"shard_key_regex":{{UserRules}}}""")
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(["user:(?<tag>[0-9]+):.*", "(?<tag>.*)"], Assert.Single(host.Databases.Calls).Bdb!.ShardKeyRegex);
        Assert.Equal("user:(?<tag>[0-9]+):.*", (string?)bdb["shard_key_regex"]![0]!["regex"]);
    }

    [Fact]
    public async Task Update_ShardingOnAlone_GetsTheDefaultRules()
    {
        await using var host = await StartWithUnshardedDatabaseAsync();

        await host.Client().PutJsonAsync("/v1/bdbs/1", """{"sharding":true}""").ExpectAsync(HttpStatusCode.OK);

        var desired = host.Databases.Calls[^1].Bdb!;
        Assert.True(desired.Sharding);
        Assert.Equal(DefaultRules, desired.ShardKeyRegex);
        Assert.Equal(1, desired.ShardsCount);
    }

    [Fact]
    public async Task Update_ShardingRulesAndShardsInOnePut_ReachTheOperation()
    {
        await using var host = await StartWithUnshardedDatabaseAsync();

        await host.Client().PutJsonAsync("/v1/bdbs/1", $$"""{"sharding":true,"shard_key_regex":{{UserRules}},"shards_count":2}""")
            .ExpectAsync(HttpStatusCode.OK);

        var (operation, desired, _) = host.Databases.Calls[^1];
        Assert.Equal("update", operation);
        Assert.Equal((true, 2), (desired!.Sharding, desired.ShardsCount));
        Assert.Equal(["user:(?<tag>[0-9]+):.*", "(?<tag>.*)"], desired.ShardKeyRegex);
    }

    [Fact]
    public async Task Update_ShardsWithoutSharding_Is406AndNoUpdateRuns()
    {
        await using var host = await StartWithUnshardedDatabaseAsync();

        var description = await host.Client().PutJsonAsync("/v1/bdbs/1", """{"shards_count":2}""").ExpectErrorAsync(HttpStatusCode.NotAcceptable, "invalid_sharding");

        Assert.Contains("sharding must be enabled", description, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Databases.Calls, c => c.Operation == "update");
    }

    [Fact]
    public async Task Update_ShardingOffWithSeveralShards_Is406()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();

        var description = await host.Client().PutJsonAsync("/v1/bdbs/1", """{"sharding":false}""").ExpectErrorAsync(HttpStatusCode.NotAcceptable, "invalid_sharding");

        Assert.Contains("cannot be turned off", description, StringComparison.Ordinal);
        Assert.Empty(host.Databases.Calls);
    }

    [Fact]
    public async Task Update_RuleWithoutTag_Is406NamingIt()
    {
        await using var host = await StartWithUnshardedDatabaseAsync();

        var description = await host.Client().PutJsonAsync("/v1/bdbs/1", """{"sharding":true,"shard_key_regex":[{"regex":"user:[0-9]+"}]}""")
            .ExpectErrorAsync(HttpStatusCode.NotAcceptable, "invalid_sharding");

        Assert.Contains("shard_key_regex[0].regex 'user:[0-9]+' has no named group 'tag'", description, StringComparison.Ordinal);
    }
}
