namespace Spinel.IntegrationTests.Infrastructure;

/// <summary>
/// A 3-shard node of one test class's own (<c>IClassFixture&lt;PrivateNode&gt;</c>), for tests that flush, count or
/// change the whole database and so cannot share <see cref="SharedNode"/>.
/// </summary>
public class PrivateNode : IAsyncLifetime
{
    public SpinelTestNode Node { get; private set; } = null!;

    /// <summary>The database password; null for none.</summary>
    protected virtual string? Password => null;

    public async Task InitializeAsync() => Node = await SpinelTestNode.StartAsync(shards: 3, password: Password);

    public async Task DisposeAsync() => await Node.DisposeAsync();

    /// <summary>Empties every shard directly, without going through the proxy under test.</summary>
    public async Task FlushShardsAsync()
    {
        for (var i = 0; i < Node.Shards.Count; i++)
        {
            await using var shard = await Node.ConnectShardAsync(i);
            Assert.Equal("+OK", await shard.CommandAsync("FLUSHALL"));
        }
    }
}

/// <summary>A <see cref="PrivateNode"/> whose database requires the password <see cref="Secret"/>.</summary>
public sealed class PasswordNode : PrivateNode
{
    public const string Secret = "s3cret-pass";

    protected override string? Password => Secret;
}
