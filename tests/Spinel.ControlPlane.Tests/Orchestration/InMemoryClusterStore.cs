using System.Net;
using Microsoft.Extensions.Primitives;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.ControlPlane.Tests.Orchestration;

/// <summary>An <see cref="IClusterStore"/> without Raft: commands go straight through the real state machine.</summary>
internal sealed class InMemoryClusterStore(ClusterState initial) : IClusterStore
{
    private readonly Lock _lock = new();
    private ClusterState _state = initial;
    private CancellationTokenSource _changed = new();

    public ClusterState Current => _state;

    public bool IsLeader { get; set; } = true;

    public bool HasQuorum { get; set; } = true;

    public EndPoint? LeaderRaftEndPoint => null;

    public IReadOnlyCollection<EndPoint> Members { get; } = [];

    public List<ClusterCommand> Proposed { get; } = [];

    public IChangeToken GetChangeToken() => new CancellationChangeToken(_changed.Token);

    public Task<ProposeResult> ProposeAsync(ClusterCommand command, CancellationToken cancellationToken)
    {
        if (!IsLeader)
        {
            return Task.FromResult(new ProposeResult { Status = ProposeStatus.NotLeader });
        }
        CancellationTokenSource fire;
        CommandResult result;
        lock (_lock)
        {
            Proposed.Add(command);
            result = ClusterStateMachine.Execute(_state, command);
            if (!result.Accepted)
            {
                return Task.FromResult(new ProposeResult { Status = ProposeStatus.Rejected, State = _state, Rejection = result.Rejection });
            }
            _state = result.State;
            fire = _changed;
            _changed = new CancellationTokenSource();
        }
        fire.Cancel();
        return Task.FromResult(new ProposeResult { Status = ProposeStatus.Applied, State = result.State, AssignedUids = result.AssignedUids });
    }

    public Task<bool> AddMemberAsync(EndPoint raftEndPoint, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<bool> RemoveMemberAsync(EndPoint raftEndPoint, CancellationToken cancellationToken) => Task.FromResult(true);
}
