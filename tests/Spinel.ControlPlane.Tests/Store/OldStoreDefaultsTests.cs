using System.Text;
using System.Text.Json.Nodes;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.ControlPlane.Tests.Infrastructure;

namespace Spinel.ControlPlane.Tests.Store;

/// <summary>
/// Log entries and snapshots written before a field existed lack it: reading them back must give the field's
/// initializer, not its type's default (source-generated JSON metadata gave <c>0</c> and <c>false</c>).
/// </summary>
public sealed class OldStoreDefaultsTests
{
    [Fact]
    public void AStateWithoutAFieldGetsTheFieldsInitializer()
    {
        var state = ClusterState.Empty;
        var json = JsonNode.Parse(StoreSerializer.SerializeState(state))!.AsObject();
        Assert.True(json.Remove("next_node_uid"));

        var old = StoreSerializer.DeserializeState(Encoding.UTF8.GetBytes(json.ToJsonString()));

        Assert.Equal(1, old.NextNodeUid);
        Assert.Equal(state, old);
    }

    [Fact]
    public void ACommandWithoutAFieldGetsTheFieldsInitializer()
    {
        var command = new PutBdb { Bdb = Records.Bdb("old", port: 12005), ExpectedVersion = 0 };
        Assert.True(command.Bdb.SlaveHa);
        var json = JsonNode.Parse(StoreSerializer.SerializeCommand(command))!.AsObject();
        Assert.True(json["bdb"]!.AsObject().Remove("slave_ha"));

        var old = Assert.IsType<PutBdb>(StoreSerializer.DeserializeCommand(Encoding.UTF8.GetBytes(json.ToJsonString())));

        Assert.True(old.Bdb.SlaveHa);
        Assert.Equal(command, old);
    }
}
