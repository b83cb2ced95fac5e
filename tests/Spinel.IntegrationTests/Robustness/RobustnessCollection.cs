using Spinel.IntegrationTests.Infrastructure;

namespace Spinel.IntegrationTests.Robustness;

/// <summary>
/// The robustness tests run one after another (they load a 2-core machine on purpose) and share one 3-shard node
/// with default limits; tests of other limits start a <see cref="ConfiguredNode"/> of their own as a class fixture.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RobustnessCollection : ICollectionFixture<RobustnessCollection.DefaultNode>
{
    public const string Name = "robustness";

    public sealed class DefaultNode : ConfiguredNode
    {
        protected override Task<SpinelTestNode> StartNodeAsync() => SpinelTestNode.StartAsync(shards: 3);
    }
}
