namespace Spinel.IntegrationTests.Infrastructure;

/// <summary>Tests that share one 3-shard node; each test uses its own key prefix.</summary>
[CollectionDefinition(Name)]
public sealed class NodeCollection : ICollectionFixture<SharedNode>
{
    public const string Name = "shared node";
}

/// <summary>The node shared by the <see cref="NodeCollection"/>.</summary>
public sealed class SharedNode : IAsyncLifetime
{
    public SpinelTestNode Node { get; private set; } = null!;

    public async Task InitializeAsync() => Node = await SpinelTestNode.StartAsync(shards: 3);

    public async Task DisposeAsync() => await Node.DisposeAsync();
}
