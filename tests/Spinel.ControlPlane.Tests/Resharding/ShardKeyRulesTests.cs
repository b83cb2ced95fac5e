using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Spinel.ControlPlane.Health;
using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Orchestration;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Tests.Infrastructure;
using Spinel.ControlPlane.Tests.Orchestration;
using Spinel.ControlPlane.Topology;
using Spinel.Model;
using Spinel.Resp.Slots;

namespace Spinel.ControlPlane.Tests.Resharding;

/// <summary>Turning <c>sharding</c> on and choosing <c>shard_key_regex</c>: what the decision allows, and that the rules reach the proxies and the trimmer.</summary>
public sealed class ShardKeyRulesTests
{
    private static readonly ValueList<string> UserRules = ["user:(?<tag>[0-9]+):.*", "(?<tag>.*)"];

    private readonly FakeProbe _probe = new();
    private readonly FakeTrimmer _trimmer = new();
    private readonly ClusterHealthRegistry _health = new(TimeProvider.System);
    private readonly InMemoryClusterStore _store;
    private readonly DatabaseOperations _operations;

    public ShardKeyRulesTests()
    {
        _store = new InMemoryClusterStore(Records.Created());
        _operations = new DatabaseOperations(_store, _probe, TimeProvider.System);
        _probe.ReplicationAnswer = (host, port) =>
        {
            var shard = _store.Current.Shards.Values.FirstOrDefault(s => s.Port == port && _store.Current.Nodes[s.NodeUid].Address == host);
            return shard is null ? null : new ReplicationInfo(shard.Role, shard.Role == ShardRole.Replica, 100);
        };
    }

    private async Task<BdbRecord> ActiveDatabaseAsync(int shards, bool sharding, ValueList<string> rules = default)
    {
        var created = await _operations.CreateAsync(new BdbRecord
        {
            Name = "rules", MemorySize = 1L << 30, ShardsCount = shards, Sharding = sharding, ShardKeyRegex = rules,
            ShardsPlacement = ShardsPlacement.Sparse, ProxyPolicy = ProxyPolicy.AllNodes,
        }, CancellationToken.None);
        Assert.True(created.Succeeded, created.Error?.Description);
        await RunAsync(created.ActionUid!);
        return _store.Current.Bdbs[created.Value!.Uid];
    }

    private async Task<ActionRecord> RunAsync(string actionUid)
    {
        await using var agents = new SimulatedAgents(_store, _health, _ => true);
        using var orchestrator = new Orchestrator(_store, _probe,
            Options.Create(new OrchestratorOptions { StepTimeout = TimeSpan.FromSeconds(5), PollInterval = TimeSpan.FromMilliseconds(5) }),
            TimeProvider.System, NullLogger<Orchestrator>.Instance, _health, new LeaderFence(), _trimmer);
        await orchestrator.StartAsync(CancellationToken.None);
        await Eventually.UntilAsync(() => _store.Current.Actions[actionUid].Status is ActionStatus.Completed or ActionStatus.Failed,
            "the action to finish", TimeSpan.FromSeconds(20));
        await orchestrator.StopAsync(CancellationToken.None);
        return _store.Current.Actions[actionUid];
    }

    private DatabaseConfig Published(int uid) => ClusterTopologyMapper.ToSnapshot(_store.Current).Databases.Single(d => d.Uid == uid);

    [Fact]
    public async Task UpdateAsync_ShardingOnForAnUnshardedDatabase_IsAPlainUpdateThatPublishesTheRules()
    {
        var bdb = await ActiveDatabaseAsync(shards: 1, sharding: false);
        Assert.Empty(Published(bdb.Uid).ShardKeyRegex);

        var outcome = await _operations.UpdateAsync(bdb with { Sharding = true, ShardKeyRegex = UserRules }, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error?.Description);
        Assert.Equal(ActionNames.UpdateBdb, _store.Current.Actions[outcome.ActionUid!].Name);
        Assert.Equal(UserRules, Published(bdb.Uid).ShardKeyRegex);
        Assert.Equal(ActionStatus.Completed, (await RunAsync(outcome.ActionUid!)).Status);
    }

    [Fact]
    public async Task UpdateAsync_ShardingOnWithRulesAndTwoShards_ReshardsAndTrimsByTheNewRules()
    {
        var bdb = await ActiveDatabaseAsync(shards: 1, sharding: false);

        var outcome = await _operations.UpdateAsync(bdb with { Sharding = true, ShardKeyRegex = UserRules, ShardsCount = 2 }, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Error?.Description);
        Assert.Equal(ActionNames.ReshardBdb, _store.Current.Actions[outcome.ActionUid!].Name);
        var action = await RunAsync(outcome.ActionUid!);

        Assert.Equal(ActionStatus.Completed, action.Status);
        Assert.Equal(2, _store.Current.ShardsOf(bdb.Uid).Count(s => s.Role == ShardRole.Master));
        Assert.Equal(2, _trimmer.Hashing.Count);
        Assert.All(_trimmer.Hashing.Values, hashing => Assert.Equal(UserRules, hashing.Rules));
        Assert.Equal(UserRules, Published(bdb.Uid).ShardKeyRegex);
    }

    [Fact]
    public async Task UpdateAsync_DefaultShardingAndTwoShards_TrimsByHashTags()
    {
        var bdb = await ActiveDatabaseAsync(shards: 1, sharding: false);

        var outcome = await _operations.UpdateAsync(bdb with { Sharding = true, ShardKeyRegex = [.. KeyHashing.DefaultRules], ShardsCount = 2 },
            CancellationToken.None);
        await RunAsync(outcome.ActionUid!);

        Assert.All(_trimmer.Hashing.Values, hashing => Assert.Same(KeyHashing.Default, hashing));
    }

    [Fact]
    public async Task UpdateAsync_MoreShardsWithoutSharding_IsRefused()
    {
        var bdb = await ActiveDatabaseAsync(shards: 1, sharding: false);

        var refused = await _operations.UpdateAsync(bdb with { ShardsCount = 2 }, CancellationToken.None);

        Assert.Equal("invalid_sharding", refused.Error!.ErrorCode);
        Assert.Contains("sharding must be enabled", refused.Error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAsync_RulesOfAMultiShardDatabase_AreRefusedWithTheReason()
    {
        var bdb = await ActiveDatabaseAsync(shards: 2, sharding: true, [.. KeyHashing.DefaultRules]);

        var changed = await _operations.UpdateAsync(bdb with { ShardKeyRegex = UserRules }, CancellationToken.None);
        var withReshard = await _operations.UpdateAsync(bdb with { ShardKeyRegex = UserRules, ShardsCount = 4 }, CancellationToken.None);

        Assert.Equal("invalid_sharding", changed.Error!.ErrorCode);
        Assert.Contains("keys would move", changed.Error.Description, StringComparison.Ordinal);
        Assert.Equal("invalid_sharding", withReshard.Error!.ErrorCode);
    }

    [Fact]
    public async Task UpdateAsync_ShardingOffOnAMultiShardDatabase_IsRefused()
    {
        var bdb = await ActiveDatabaseAsync(shards: 2, sharding: true, UserRules);

        var refused = await _operations.UpdateAsync(bdb with { Sharding = false }, CancellationToken.None);

        Assert.Equal("invalid_sharding", refused.Error!.ErrorCode);
        Assert.Contains("cannot be turned off", refused.Error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAsync_SameRulesOnAMultiShardDatabase_OtherChangesGoThrough()
    {
        var bdb = await ActiveDatabaseAsync(shards: 2, sharding: true, [.. KeyHashing.DefaultRules]);

        // No rules at all with sharding on are the default rules: nothing moves.
        var outcome = await _operations.UpdateAsync(bdb with { MemorySize = 2L << 30, ShardKeyRegex = [] }, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error?.Description);
    }

    [Fact]
    public async Task UpdateAsync_RulesOfAOneShardDatabase_MayChange()
    {
        var bdb = await ActiveDatabaseAsync(shards: 1, sharding: true, UserRules);

        var outcome = await _operations.UpdateAsync(bdb with { ShardKeyRegex = ["order:(?<tag>[0-9]+)"] }, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error?.Description);
        Assert.Equal(["order:(?<tag>[0-9]+)"], Published(bdb.Uid).ShardKeyRegex);
    }

    [Theory]
    [InlineData(".*", "no named group 'tag'")]
    [InlineData("(unclosed", "not a valid regular expression")]
    public async Task CreateAsync_BadRule_IsRefusedNamingIt(string rule, string said)
    {
        var refused = await _operations.CreateAsync(new BdbRecord
        {
            Name = "bad", MemorySize = 1L << 30, ShardsCount = 2, Sharding = true, ShardKeyRegex = ["(?<tag>.*)", rule],
        }, CancellationToken.None);

        Assert.Equal("invalid_sharding", refused.Error!.ErrorCode);
        Assert.Contains("shard_key_regex[1]", refused.Error.Description, StringComparison.Ordinal);
        Assert.Contains(said, refused.Error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_CustomRulesOnSeveralShards_AreAccepted()
    {
        var bdb = await ActiveDatabaseAsync(shards: 3, sharding: true, UserRules);

        Assert.Equal(UserRules, bdb.ShardKeyRegex);
        Assert.Equal(UserRules, Published(bdb.Uid).ShardKeyRegex);
    }
}
