using Spinel.IntegrationTests.Infrastructure;

namespace Spinel.IntegrationTests.Robustness;

/// <summary>A node of one test class's own, started with the limits that class tests.</summary>
public abstract class ConfiguredNode : IAsyncLifetime
{
    public SpinelTestNode Node { get; private set; } = null!;

    public async Task InitializeAsync() => Node = await StartNodeAsync();

    public async Task DisposeAsync() => await Node.DisposeAsync();

    protected abstract Task<SpinelTestNode> StartNodeAsync();
}
