using System.Net;
using DotNext.Net.Cluster.Consensus.Raft;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.ControlPlane.Raft;

public sealed partial class RaftClusterStore
{
    private static readonly TimeSpan LeadershipPollInterval = TimeSpan.FromMilliseconds(10);

    public async Task<ProposeResult> ProposeAsync(ClusterCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var cluster = (_running ?? throw new InvalidOperationException("The cluster store is not started.")).Cluster;
        var payload = StoreSerializer.SerializeCommand(command);

        if (await WaitUntilLeadingAsync(cluster, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var context = new ProposalContext(cluster.Term);
        var entry = new BinaryLogEntry { Content = payload, Term = context.Term, Context = context };
        using var timeout = new CancellationTokenSource(_options.ProposeTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await cluster.ReplicateAsync(entry, linked.Token).ConfigureAwait(false);
        }
        catch (NotLeaderException)
        {
            return Failed(LostLeadership(cluster), mayStillApply: true);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(new ProposeResult
            {
                Status = ProposeStatus.Unknown,
                MayStillApply = true,
                Leader = cluster.Leader?.EndPoint,
                Description = $"the commit was not seen within {_options.ProposeTimeout.TotalSeconds:0.###} s; the command may still be applied",
            });
        }

        // Followers learn the new commit index with the next replication round; start it now rather than at the next
        // heartbeat, so their data paths follow a failover within milliseconds instead of a heartbeat period.
        PushCommitIndex(cluster);

        if (!context.TryGetResult(out var result, out var index))
        {
            return Failed(new ProposeResult
            {
                Status = ProposeStatus.Unknown,
                MayStillApply = true,
                Description = "the entry was committed but its result was not seen on this node",
            });
        }
        return result.Rejection is { } rejection
            ? new ProposeResult
            {
                Status = ProposeStatus.Rejected,
                State = result.State,
                Rejection = rejection,
                LogIndex = index,
                Description = rejection.ToString(),
            }
            : new ProposeResult
            {
                Status = ProposeStatus.Applied,
                State = result.State,
                AssignedUids = result.AssignedUids,
                LogIndex = index,
                Description = $"applied at index {index}, state version {result.State.Version}",
            };
    }

    private static void PushCommitIndex(RaftCluster cluster)
    {
        _ = PushAsync();

        async Task PushAsync()
        {
            try
            {
                await cluster.ForceReplicationAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is NotLeaderException or OperationCanceledException or InvalidOperationException or ObjectDisposedException)
            {
                // Lost leadership or shutting down: the next leader's rounds carry the index.
            }
        }
    }

    /// <summary>
    /// Returns null once this node leads with a live lease (a majority answered within the lease); otherwise the refusal.
    /// Waits at most one upper election timeout, long enough for a new leader to commit its first entry, or for a
    /// leader that lost its majority to step down.
    /// </summary>
    private async Task<ProposeResult?> WaitUntilLeadingAsync(RaftCluster cluster, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        while (true)
        {
            var leader = cluster.Leader;
            if (leader is { IsRemote: true })
            {
                return NotLeader(leader.EndPoint);
            }
            if (leader is not null && IsLeading(cluster) && cluster.TryGetLeaseToken(out var lease) && !lease.IsCancellationRequested)
            {
                return null;
            }
            if (_timeProvider.GetElapsedTime(started) >= _options.UpperElectionTimeout)
            {
                return Failed(NoQuorum(leader is null
                    ? "no leader is known: a majority of the members is unreachable or an election is under way"
                    : "this leader has not heard from a majority of the members"));
            }
            await Task.Delay(LeadershipPollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static ProposeResult NotLeader(EndPoint leader) => new()
    {
        Status = ProposeStatus.NotLeader,
        Leader = leader,
        Description = $"this node is not the leader; the leader is {leader}",
    };

    private static ProposeResult NoQuorum(string description) => new()
    {
        Status = ProposeStatus.NoQuorum,
        Description = description,
    };

    private static ProposeResult LostLeadership(RaftCluster cluster) => cluster.Leader is { IsRemote: true } leader
        ? NotLeader(leader.EndPoint)
        : NoQuorum("this node lost its leadership before the command was committed");

    private ProposeResult Failed(ProposeResult result, bool mayStillApply = false)
    {
        var failed = mayStillApply ? result with { MayStillApply = true } : result;
        Log.ProposalFailed(_logger, failed.Status, failed.Description);
        return failed;
    }
}
