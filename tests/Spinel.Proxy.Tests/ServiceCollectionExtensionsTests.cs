using Microsoft.Extensions.DependencyInjection;
using Spinel.Model;

namespace Spinel.Proxy.Tests;

public class ServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSpinelProxy_NoFenceRegistered_UsesTheAlwaysOpenLease()
    {
        var services = new ServiceCollection().AddSpinelProxy(o => o.NodeUid = 1);

        using var provider = services.BuildServiceProvider();

        Assert.Same(WriteLease.AlwaysOpen, provider.GetRequiredService<IWriteFence>());
    }

    [Fact]
    public void AddSpinelProxy_HostRegisteredAFence_KeepsIt()
    {
        var lease = new WriteLease();
        var services = new ServiceCollection().AddSingleton<IWriteFence>(lease).AddSpinelProxy(o => o.NodeUid = 1);

        using var provider = services.BuildServiceProvider();

        Assert.Same(lease, provider.GetRequiredService<IWriteFence>());
    }
}
