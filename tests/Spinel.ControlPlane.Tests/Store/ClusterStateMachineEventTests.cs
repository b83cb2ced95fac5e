using System.Text;
using System.Text.Json.Nodes;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.ControlPlane.Tests.Infrastructure;
using static Spinel.ControlPlane.Store.ClusterStateMachine;

namespace Spinel.ControlPlane.Tests.Store;

public sealed class ClusterStateMachineEventTests
{
    private readonly ClusterState _created = Records.Created();

    private static EventRecord Event(string type, int minute = 0) => new() { Type = type, Time = Records.Time.AddMinutes(minute) };

    [Fact]
    public void AppendEvents_NumbersEventsInArrivalOrder()
    {
        var state = StateAssert.Accepted(Execute(_created, new AppendEvents { Events = [Event("a"), Event("b")] }));
        state = StateAssert.Accepted(Execute(state, new AppendEvents { Events = [Event("c") with { Uid = 99 }] }));

        Assert.Equal(["a", "b", "c"], state.Events.Select(e => e.Type));
        Assert.Equal([1L, 2L, 3L], state.Events.Select(e => e.Uid));
        Assert.Equal(3, state.LastEventUid);
    }

    [Fact]
    public void AppendEvents_PastTheCapacity_DropsTheOldest()
    {
        var state = _created;
        for (var i = 0; i < EventLogCapacity + 5; i += 10)
        {
            state = Apply(state, new AppendEvents { Events = Enumerable.Range(i, 10).Select(n => Event($"e{n}")).ToValueList() });
        }

        Assert.Equal(EventLogCapacity, state.Events.Count);
        Assert.Equal("e10", state.Events[0].Type);
        Assert.Equal(11, state.Events[0].Uid);
        Assert.Equal($"e{EventLogCapacity + 9}", state.Events[^1].Type);
        Assert.Equal(EventLogCapacity + 10, state.LastEventUid);
    }

    [Fact]
    public void AppendEvents_EmptyOrUntyped_IsRejected()
    {
        StateAssert.Rejected(_created, Execute(_created, new AppendEvents { Events = [] }), RejectionCode.Invalid);
        StateAssert.Rejected(_created, Execute(_created, new AppendEvents { Events = [Event(" ")] }), RejectionCode.Invalid);
    }

    [Fact]
    public void AppendEvents_InABatchWhoseOtherCommandIsRejected_LeavesNoEvent()
    {
        var batch = new Batch { Commands = [new DeleteBdb { Uid = 42 }, new AppendEvents { Events = [Event("cluster_bdb_deleted")] }] };

        StateAssert.Rejected(_created, Execute(_created, batch), RejectionCode.NotFound);
    }

    [Fact]
    public void State_WithEvents_RoundTripsThroughJson()
    {
        var append = (AppendEvents)CommandSamples.All.Single(c => c is AppendEvents) with { ExpectedClusterVersion = null };
        var state = Apply(_created, append);

        var json = StoreSerializer.SerializeState(state);
        var back = StoreSerializer.DeserializeState(json);

        Assert.Equal(state, back);
        Assert.Equal(2, back.LastEventUid);
        var stored = JsonNode.Parse(json)!["events"]![0]!;
        Assert.Equal("WARNING", (string?)stored["severity"]);
        Assert.Equal("auto", (string?)stored["data"]!["mode"]);
    }

    [Fact]
    public void State_WrittenBeforeTheEventLog_ReadsWithAnEmptyLog()
    {
        var json = JsonNode.Parse(StoreSerializer.SerializeState(_created))!.AsObject();
        json.Remove("events");
        json.Remove("last_event_uid");

        var back = StoreSerializer.DeserializeState(Encoding.UTF8.GetBytes(json.ToJsonString()));

        Assert.Empty(back.Events);
        Assert.Equal(0, back.LastEventUid);
        Assert.Equal(_created, back);
    }
}
