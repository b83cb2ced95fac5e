using Spinel.Model;
using Spinel.NodeAgent.Supervision;
using Spinel.NodeAgent.Tests.Infrastructure;

namespace Spinel.NodeAgent.Tests.Supervision;

public class ShardStatusChangesTests
{
    private static readonly ShardStatus Running = new()
    {
        ShardUid = 1,
        Port = 20001,
        Pid = 100,
        State = ShardState.Running,
        Role = ShardRole.Replica,
        MasterLinkUp = true,
        ReplicationOffset = 10,
    };

    [Theory]
    [InlineData("state")]
    [InlineData("role")]
    [InlineData("link")]
    [InlineData("awaiting")]
    [InlineData("pid")]
    [InlineData("generation")]
    public async Task Compare_FieldTheControlPlaneActsOn_FiresTheOutstandingTokenOnce(string field)
    {
        var changes = new ShardStatusChanges();
        var token = changes.GetChangeToken();
        var fired = 0;
        token.RegisterChangeCallback(_ => Interlocked.Increment(ref fired), null);

        var after = Changed(field);
        changes.Compare(Running, after);

        await Eventually.UntilAsync(() => Volatile.Read(ref fired) == 1, $"the token to fire on a {field} change");
        Assert.True(token.HasChanged);
        var next = changes.GetChangeToken();
        Assert.False(next.HasChanged, "a token handed out after the change must wait for the next one");
        changes.Compare(after, Running);
        await Eventually.UntilAsync(() => next.HasChanged, "the next token to fire on the change back");
        Assert.Equal(1, Volatile.Read(ref fired));
    }

    private static ShardStatus Changed(string field) => field switch
    {
        "state" => Running with { State = ShardState.Unresponsive },
        "role" => Running with { Role = ShardRole.Master, MasterLinkUp = null },
        "link" => Running with { MasterLinkUp = false },
        "awaiting" => Running with { AwaitingDecision = true },
        "pid" => Running with { Pid = 101 },
        "generation" => Running with { Generation = 1 },
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    [Fact]
    public async Task Compare_OnlyOffsetErrorAndHealthTimeChanged_DoesNotFire()
    {
        var changes = new ShardStatusChanges();
        var token = changes.GetChangeToken();

        changes.Compare(Running, Running with { ReplicationOffset = 99, LastError = "slow", LastHealthyAt = DateTimeOffset.UnixEpoch, Restarts = 0 });

        await Task.Delay(50);
        Assert.False(token.HasChanged);
    }
}
