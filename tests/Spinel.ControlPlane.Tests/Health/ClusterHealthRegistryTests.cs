using Microsoft.Extensions.Time.Testing;
using Spinel.ControlPlane.Health;

namespace Spinel.ControlPlane.Tests.Health;

public sealed class ClusterHealthRegistryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    [Fact]
    public void ANodeHeardFromIsDownOneTimeoutAfterItsLastHeartbeat()
    {
        var time = new FakeTimeProvider();
        var health = new ClusterHealthRegistry(time);
        health.Record(new NodeReport { NodeUid = 2 });

        time.Advance(Timeout - TimeSpan.FromMilliseconds(1));
        Assert.True(health.IsAlive(2, Timeout));
        time.Advance(TimeSpan.FromMilliseconds(2));
        Assert.False(health.IsAlive(2, Timeout));
    }

    [Fact]
    public void ANodeNeverHeardFromGetsSeveralTimeoutsToStartItsHeartbeats()
    {
        var time = new FakeTimeProvider();
        var health = new ClusterHealthRegistry(time);
        Assert.True(health.IsAlive(4, Timeout));

        time.Advance(3 * Timeout);
        Assert.True(health.IsAlive(4, Timeout));
        time.Advance(3 * Timeout);
        Assert.False(health.IsAlive(4, Timeout));
    }
}
