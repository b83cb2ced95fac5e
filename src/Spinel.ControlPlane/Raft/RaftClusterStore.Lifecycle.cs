using System.Net;
using DotNext.Net.Cluster.Consensus.Raft;
using DotNext.Net.Cluster.Consensus.Raft.StateMachine;
using Microsoft.Extensions.Logging;

namespace Spinel.ControlPlane.Raft;

public sealed partial class RaftClusterStore
{
    /// <summary>
    /// Restores the newest snapshot, replays the committed log after it and joins the Raft cluster: as its only member when
    /// <see cref="ControlPlaneOptions.ColdStart"/> is set and no membership is stored, as a stored member otherwise, or as a
    /// standby that waits for the leader's <see cref="AddMemberAsync"/> when the membership is empty.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _lifecycleGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_running is not null)
            {
                return;
            }
            _running = await StartCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lifecycleGate.Release();
        }
    }

    private async Task<Running> StartCoreAsync(CancellationToken cancellationToken)
    {
        var endPoint = RaftEndPoints.Parse(_options.RaftEndPoint);
        var raftDir = Path.Combine(Path.GetFullPath(_options.DataDir), "raft");
        Directory.CreateDirectory(raftDir);
        Log.Starting(_logger, endPoint, raftDir, _options.ColdStart);

        var stateMachine = new ClusterStoreStateMachine(
            new DirectoryInfo(Path.Combine(raftDir, "snapshots")), _publisher, _options.SnapshotInterval,
            _loggerFactory.CreateLogger<ClusterStoreStateMachine>());
        WriteAheadLog? log = null;
        MembershipFileStorage? membership = null;
        RaftCluster? cluster = null;
        try
        {
            // The snapshot goes first: the log replays only what came after it.
            await stateMachine.RestoreAsync(cancellationToken).ConfigureAwait(false);
            log = new WriteAheadLog(
                // DotNext 6.12 always flushes a commit to disk (FlushOnCommit is obsolete and always true).
                new WriteAheadLog.Options { Location = Path.Combine(raftDir, "wal") },
                stateMachine);
            membership = new MembershipFileStorage(Path.Combine(raftDir, "members.bin"));
            cluster = new RaftCluster(CreateConfiguration(endPoint, membership)) { AuditTrail = log };
            cluster.LeaderChanged += OnLeaderChanged;
            await cluster.StartAsync(cancellationToken).ConfigureAwait(false);
            Log.Started(_logger, endPoint, Current.Version, cluster.Members.Count);
            return new Running(cluster, log, stateMachine, membership);
        }
        catch
        {
            await StopCoreAsync(cluster, log, stateMachine, membership, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private RaftCluster.TcpConfiguration CreateConfiguration(IPEndPoint endPoint, MembershipFileStorage membership)
    {
        var lower = (int)_options.LowerElectionTimeout.TotalMilliseconds;
        return new RaftCluster.TcpConfiguration(endPoint)
        {
            LowerElectionTimeout = lower,
            UpperElectionTimeout = (int)_options.UpperElectionTimeout.TotalMilliseconds,
            RequestTimeout = _options.RequestTimeout ?? TimeSpan.FromMilliseconds(lower),
            ColdStart = _options.ColdStart,
            ConfigurationStorage = membership,
            // The lease lets ProposeAsync tell at once whether the leader still hears from a majority.
            IsLeaderLeaseEnabled = true,
            LoggerFactory = _loggerFactory,
            SslOptions = _options.RaftTls ? _credentials.CreateSslOptions() : null,
        };
    }

    /// <summary>Leaves the Raft cluster (the membership stays on disk) and closes the log.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _lifecycleGate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (_running is not { } running)
            {
                return;
            }
            _running = null;
            Log.Stopping(_logger, RaftEndPoints.Format(running.Cluster.LocalMemberAddress));
            running.Cluster.LeaderChanged -= OnLeaderChanged;
            await StopCoreAsync(running.Cluster, running.Log, running.StateMachine, running.Membership, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lifecycleGate.Release();
        }
    }

    private async Task StopCoreAsync(
        RaftCluster? cluster, WriteAheadLog? log, ClusterStoreStateMachine stateMachine, MembershipFileStorage? membership,
        CancellationToken cancellationToken)
    {
        try
        {
            if (cluster is not null)
            {
                await cluster.StopAsync(cancellationToken).ConfigureAwait(false);
                await cluster.DisposeAsync().ConfigureAwait(false);
            }
            if (log is not null)
            {
                await log.DisposeAsync().ConfigureAwait(false);
            }
            await stateMachine.DisposeAsync().ConfigureAwait(false);
            membership?.Dispose();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.StopFailed(_logger, e);
        }
    }

    private void OnLeaderChanged(RaftCluster<RaftClusterMember> cluster, RaftClusterMember? leader) =>
        Log.LeaderChanged(_logger, leader?.EndPoint, cluster.Term);
}
