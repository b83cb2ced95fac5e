using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Primitives;
using Spinel.ControlPlane;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.Api.Tests.Infrastructure;

/// <summary>An in-memory cluster store: proposals run through the real <see cref="ClusterStateMachine"/>; leadership and quorum are settable.</summary>
public sealed class FakeClusterStore : IClusterStore
{
    private readonly Lock _lock = new();
    private readonly ConcurrentQueue<ClusterCommand> _proposals = new();

    public ClusterState Current { get; set; } = ClusterState.Empty;

    public bool IsLeader { get; set; } = true;

    public bool HasQuorum { get; set; } = true;

    public EndPoint? LeaderRaftEndPoint { get; set; }

    public IReadOnlyCollection<EndPoint> Members { get; set; } = [];

    /// <summary>When set, every proposal ends with this status instead of being applied.</summary>
    public ProposeStatus? ForcedStatus { get; set; }

    /// <summary>Runs before each proposal is applied, e.g. to change the state under the proposer.</summary>
    public Action? BeforePropose { get; set; }

    public IReadOnlyList<ClusterCommand> Proposals => [.. _proposals];

    public IChangeToken GetChangeToken() => new CancellationChangeToken(CancellationToken.None);

    /// <summary>Applies a command directly (test setup); throws when the state machine rejects it.</summary>
    public CommandResult Apply(ClusterCommand command)
    {
        lock (_lock)
        {
            var result = ClusterStateMachine.Execute(Current, command);
            if (result.Rejection is { } rejection)
            {
                throw new InvalidOperationException($"setup command rejected: {rejection}");
            }
            Current = result.State;
            return result;
        }
    }

    public Task<ProposeResult> ProposeAsync(ClusterCommand command, CancellationToken cancellationToken)
    {
        _proposals.Enqueue(command);
        BeforePropose?.Invoke();
        if (ForcedStatus is { } forced)
        {
            return Task.FromResult(new ProposeResult { Status = forced, Description = $"forced {forced}" });
        }
        lock (_lock)
        {
            var result = ClusterStateMachine.Execute(Current, command);
            Current = result.State;
            return Task.FromResult(new ProposeResult
            {
                Status = result.Accepted ? ProposeStatus.Applied : ProposeStatus.Rejected,
                State = result.State,
                Rejection = result.Rejection,
                AssignedUids = result.AssignedUids,
                LogIndex = 1,
            });
        }
    }

    public Task<bool> AddMemberAsync(EndPoint raftEndPoint, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> RemoveMemberAsync(EndPoint raftEndPoint, CancellationToken cancellationToken) => throw new NotSupportedException();
}
