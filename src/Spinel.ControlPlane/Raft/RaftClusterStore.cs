using System.Net;
using DotNext.Net.Cluster.Consensus.Raft;
using DotNext.Net.Cluster.Consensus.Raft.StateMachine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Raft;

/// <summary>
/// <see cref="IClusterStore"/> on DotNext Raft over TCP: a hosted service that runs this node's <see cref="RaftCluster"/>
/// with a write-ahead log in <c>&lt;DataDir&gt;/raft/wal</c>, snapshots in <c>&lt;DataDir&gt;/raft/snapshots</c> and the
/// membership in <c>&lt;DataDir&gt;/raft/members.bin</c>. Thread-safe.
/// </summary>
public sealed partial class RaftClusterStore : IClusterStore, IHostedService, IAsyncDisposable
{
    private readonly ControlPlaneOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly ClusterStatePublisher _publisher = new();
    private readonly SemaphoreSlim _lifecycleGate = new(1, 1);
    private readonly SemaphoreSlim _membershipGate = new(1, 1);
    private volatile Running? _running;

    private readonly RaftTransportCredentials _credentials;

    public RaftClusterStore(IOptions<ControlPlaneOptions> options, ILoggerFactory loggerFactory, TimeProvider timeProvider,
        RaftTransportCredentials? credentials = null)
    {
        _options = options.Value;
        _credentials = credentials ?? new RaftTransportCredentials();
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<RaftClusterStore>();
        _timeProvider = timeProvider;
    }

    public ClusterState Current => _publisher.Current;

    public IChangeToken GetChangeToken() => _publisher.GetChangeToken();

    public bool IsLeader => _running?.Cluster is { } cluster && IsLeading(cluster);

    public EndPoint? LeaderRaftEndPoint => _running?.Cluster.Leader?.EndPoint;

    public bool HasQuorum
    {
        get
        {
            if (_running?.Cluster is not { Leader: not null } cluster)
            {
                return false;
            }
            try
            {
                return !cluster.ConsensusToken.IsCancellationRequested;
            }
            catch (Exception)
            {
                // DotNext throws from a node that is stopping or has failed; such a node has no quorum.
                return false;
            }
        }
    }

    public IReadOnlyCollection<EndPoint> Members => _running?.Cluster.Members.Select(m => m.EndPoint).ToList() ?? [];

    /// <summary>Raft index of the last entry this node applied; for diagnostics and tests.</summary>
    public long LastAppliedIndex => _running?.StateMachine.LastAppliedIndex ?? 0;

    private static bool IsLeading(RaftCluster cluster)
    {
        try
        {
            return !cluster.LeadershipToken.IsCancellationRequested;
        }
        catch (Exception)
        {
            // DotNext throws from a node that is stopping or has failed; such a node does not lead.
            return false;
        }
    }

    /// <summary>Stops the store; safe to call more than once (the container disposes it under each service it is registered as).</summary>
    public ValueTask DisposeAsync() => new(StopAsync(CancellationToken.None));

    /// <summary>Everything that lives from start to stop.</summary>
    private sealed record Running(RaftCluster Cluster, WriteAheadLog Log, ClusterStoreStateMachine StateMachine, MembershipFileStorage Membership);
}
