using Spinel.Model;
using Spinel.Proxy.Routing;
using Spinel.Resp.Slots;

namespace Spinel.Proxy.Tests.Routing;

public sealed class RoutingTableTests
{
    private static DatabaseConfig Database(IReadOnlyList<string> rules) => new() { Uid = 1, Name = "db1", Port = 12000, ShardKeyRegex = rules };

    [Fact]
    public void Hashing_NoRules_IsTheHashTagHashing()
    {
        var table = new RoutingTable(1, Database([]), []);

        Assert.Same(KeyHashing.Default, table.Hashing);
    }

    [Fact]
    public void Hashing_DatabaseRules_HashesByThem()
    {
        var table = new RoutingTable(1, Database(["user:(?<tag>[0-9]+):.*"]), []);

        Assert.Equal(["user:(?<tag>[0-9]+):.*"], table.Hashing.Rules);
        Assert.Equal(HashSlot.Compute("42"u8), table.Hashing.SlotOf("user:42:name"u8));
    }
}
