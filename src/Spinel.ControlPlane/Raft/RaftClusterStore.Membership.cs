using System.Net;
using DotNext.Net.Cluster.Consensus.Raft;
using DotNext.Net.Cluster.Consensus.Raft.Membership;

namespace Spinel.ControlPlane.Raft;

public sealed partial class RaftClusterStore
{
    /// <summary>Adds a node to the membership; true when it is a member afterwards (also when it already was one).</summary>
    public async Task<bool> AddMemberAsync(EndPoint raftEndPoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(raftEndPoint);
        var (cluster, membership) = RequireLeader();
        await _membershipGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await IsMemberAsync(membership, raftEndPoint, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
            Log.MemberAdding(_logger, raftEndPoint);
            using var timeout = new CancellationTokenSource(_options.MembershipChangeTimeout, _timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var added = await cluster.AddMemberAsync(raftEndPoint, linked.Token).ConfigureAwait(false);
            if (added)
            {
                Log.MemberAdded(_logger, raftEndPoint);
            }
            else
            {
                Log.MemberAddFailed(_logger, raftEndPoint, "the node did not catch up or the configuration was not committed");
            }
            return added;
        }
        catch (NotLeaderException e)
        {
            throw new NotClusterLeaderException($"This node lost its leadership while adding {raftEndPoint}.", e);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.MemberAddFailed(_logger, raftEndPoint, $"not done within {_options.MembershipChangeTimeout.TotalSeconds:0.###} s");
            return false;
        }
        finally
        {
            _membershipGate.Release();
        }
    }

    /// <summary>Removes a member; false when it is no member or the change was not committed in time.</summary>
    public async Task<bool> RemoveMemberAsync(EndPoint raftEndPoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(raftEndPoint);
        var (cluster, membership) = RequireLeader();
        await _membershipGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!await IsMemberAsync(membership, raftEndPoint, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
            using var timeout = new CancellationTokenSource(_options.MembershipChangeTimeout, _timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var removed = await cluster.RemoveMemberAsync(raftEndPoint, linked.Token).ConfigureAwait(false);
            if (removed)
            {
                Log.MemberRemoved(_logger, raftEndPoint);
            }
            else
            {
                Log.MemberRemoveFailed(_logger, raftEndPoint, "the configuration was not committed");
            }
            return removed;
        }
        catch (NotLeaderException e)
        {
            throw new NotClusterLeaderException($"This node lost its leadership while removing {raftEndPoint}.", e);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.MemberRemoveFailed(_logger, raftEndPoint, $"not done within {_options.MembershipChangeTimeout.TotalSeconds:0.###} s");
            return false;
        }
        finally
        {
            _membershipGate.Release();
        }
    }

    private (RaftCluster Cluster, MembershipFileStorage Membership) RequireLeader()
    {
        var running = _running ?? throw new InvalidOperationException("The cluster store is not started.");
        return IsLeading(running.Cluster)
            ? (running.Cluster, running.Membership)
            : throw new NotClusterLeaderException(running.Cluster.Leader?.EndPoint);
    }

    /// <summary>Whether the committed membership names <paramref name="endPoint"/>; <see cref="Members"/> follows it a moment later.</summary>
    private static async Task<bool> IsMemberAsync(MembershipFileStorage membership, EndPoint endPoint, CancellationToken cancellationToken)
    {
        var configuration = await ((IClusterConfigurationStorage<EndPoint>)membership).LoadConfigurationAsync(cancellationToken).ConfigureAwait(false);
        return configuration.Members.Contains(endPoint);
    }
}
