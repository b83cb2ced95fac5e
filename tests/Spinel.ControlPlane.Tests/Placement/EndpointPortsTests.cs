using Spinel.ControlPlane.Placement;
using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Tests.Placement;

public sealed class EndpointPortsTests
{
    private static ClusterState WithPorts(IEnumerable<int> ports)
    {
        var builder = new TestState().Nodes(1);
        var uid = 1;
        foreach (var port in ports)
        {
            builder.With(TestState.Bdb(uid++, port: port));
        }
        return builder.Build();
    }

    [Fact]
    public void NextFree_EmptyCluster_Is12000()
    {
        Assert.Equal(12000, EndpointPorts.NextFree(ClusterState.Empty));
    }

    [Fact]
    public void NextFree_SkipsPortsOfOtherDatabases()
    {
        Assert.Equal(12001, EndpointPorts.NextFree(WithPorts([12000, 12002, 10000])));
    }

    [Fact]
    public void NextFree_SkipsPortsOfEndpoints()
    {
        var state = new TestState().Nodes(1).With(TestState.Bdb(1, port: 12000)).Endpoint("1:1", 1, 12000, 1).Endpoint("1:2", 1, 12001, 1).Build();

        Assert.Equal(12002, EndpointPorts.NextFree(state));
    }

    [Fact]
    public void NextFree_Above12000Taken_WrapsTo10000AndSkips10050()
    {
        var upper = Enumerable.Range(12000, 8000).ToList();

        Assert.Equal(10000, EndpointPorts.NextFree(WithPorts(upper)));
        Assert.Equal(10051, EndpointPorts.NextFree(WithPorts(upper.Concat(Enumerable.Range(10000, 50)))));
    }

    [Fact]
    public void NextFree_EveryPortTaken_IsNull()
    {
        var all = Enumerable.Range(10000, 10000).Where(p => p != 10050);

        Assert.Null(EndpointPorts.NextFree(WithPorts(all)));
    }

    [Theory]
    [InlineData(9999, false)]
    [InlineData(10000, true)]
    [InlineData(10049, true)]
    [InlineData(10050, false)]
    [InlineData(10051, true)]
    [InlineData(12000, true)]
    [InlineData(19999, true)]
    [InlineData(20000, false)]
    [InlineData(0, false)]
    public void IsValid_AcceptsTheEndpointRangeBut10050(int port, bool valid)
    {
        Assert.Equal(valid, EndpointPorts.IsValid(port));
    }

    [Fact]
    public void IsFree_PortOfAnotherDatabase_IsNotFree()
    {
        var state = new TestState().Nodes(1).With(TestState.Bdb(1, port: 12000)).Endpoint("2:1", 2, 12001, 1).Build();

        Assert.False(EndpointPorts.IsFree(state, 12000));
        Assert.False(EndpointPorts.IsFree(state, 12001, bdbUid: 1));
        Assert.True(EndpointPorts.IsFree(state, 12000, bdbUid: 1));
        Assert.True(EndpointPorts.IsFree(state, 12001, bdbUid: 2));
        Assert.True(EndpointPorts.IsFree(state, 12002));
        Assert.False(EndpointPorts.IsFree(state, 10050));
    }
}
