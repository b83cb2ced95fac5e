using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Spinel.Api.Forwarding;
using Spinel.ControlPlane;
using Spinel.ControlPlane.Health;
using Spinel.ControlPlane.Store;
using Spinel.Model;
using Spinel.Node.Cluster;
using Spinel.NodeAgent;

namespace Spinel.Node.Heartbeats;

/// <summary>
/// Sends this node's report to every other node each heartbeat interval, and at once when a shard changes state; keeps
/// its own report in the local view; renews the node's write lease from the leader's grants. A grant renews the lease
/// from the moment the heartbeat was sent, so the lease always ends before the leader could declare the node down.
/// </summary>
internal sealed partial class HeartbeatSender(
    IClusterStore store,
    IClusterHealth health,
    WriteLease lease,
    DataPathHost dataPath,
    ClusterNodeOptions options,
    IForwardingHandlerFactory handlers,
    ILogger<HeartbeatSender> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<int, bool> _inFlight = new();
    private HttpClient? _client;
    private string? _clientCa;
    private string? _clientApiCertificate;
    private readonly ConcurrentDictionary<int, int> _failures = new();
    private bool _leaseHeld;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var state = store.Current;
            var timings = HeartbeatTimings.For(state);
            IChangeToken? shardsChanged = null;
            if (NodeIdentity.Find(state, options) is { } self && dataPath.Services is { } services)
            {
                var shards = services.GetRequiredService<IShardStatusProvider>();
                shardsChanged = shards.GetChangeToken();
                var topology = services.GetRequiredService<ITopologySource>();
                Beat(state, self, NodeReportBuilder.Build(self.Uid, topology.Current.Version, shards.GetStatuses()), timings);
                ReportLeaseChange();
            }
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            try
            {
                var delay = Task.Delay(timings.Interval, stoppingToken);
                var changed = shardsChanged is null ? Task.Delay(Timeout.Infinite, wake.Token) : shardsChanged.WaitAsync(wake.Token);
                await Task.WhenAny(delay, changed).ConfigureAwait(false);
                stoppingToken.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            finally
            {
                await wake.CancelAsync().ConfigureAwait(false);
            }
        }
    }

    // Logged on transitions only: a node that stops taking writes must say so, once.
    private void ReportLeaseChange()
    {
        var held = lease.AllowsWrites;
        if (held == _leaseHeld)
        {
            return;
        }
        _leaseHeld = held;
        if (held)
        {
            LogLeaseRenewed(logger);
        }
        else
        {
            LogLeaseExpired(logger, store.LeaderRaftEndPoint?.ToString() ?? "none");
        }
    }

    public override void Dispose()
    {
        _client?.Dispose();
        base.Dispose();
    }

    private void Beat(ClusterState state, NodeRecord self, NodeReport report, HeartbeatTimings timings)
    {
        var sentAt = Environment.TickCount64;
        var leaseMs = (long)timings.Lease.TotalMilliseconds;
        health.Record(report);
        if (LeaseGrant.SelfLeaseRemaining(store, health, self.Uid) is { } remaining)
        {
            lease.Renew(sentAt + (long)remaining.TotalMilliseconds);
        }
        var body = JsonSerializer.SerializeToUtf8Bytes(report, HeartbeatJsonContext.Default.NodeReport);
        var signature = HeartbeatSignature.Sign(state, body);
        if (signature is null)
        {
            return;
        }
        var client = ClientFor(state);
        foreach (var node in state.Nodes.Values)
        {
            // One heartbeat at a time per peer: a peer that hangs must not collect a pile of them.
            if (node.Uid == self.Uid || !_inFlight.TryAdd(node.Uid, true))
            {
                continue;
            }
            _ = SendAsync(client, node, body, signature, sentAt, leaseMs, timings.NodeTimeout);
        }
    }

    private async Task SendAsync(HttpClient client, NodeRecord node, byte[] body, string signature, long sentAt, long leaseMs, TimeSpan timeout)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"https://{node.Address}:{node.RestPort}{HeartbeatEndpoint.Path}");
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add(HeartbeatSignature.Header, signature);
            using var cancel = new CancellationTokenSource(timeout);
            using var response = await client.SendAsync(request, cancel.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return;
            }
            var reply = await response.Content.ReadFromJsonAsync(HeartbeatJsonContext.Default.HeartbeatReply, cancel.Token).ConfigureAwait(false);
            if (reply is { LeaseGranted: true } && store.Current.Version >= reply.FenceVersion)
            {
                lease.Renew(sentAt + leaseMs);
            }
            if (_failures.TryRemove(node.Uid, out var failed) && failed > 0)
            {
                LogSendRecovered(logger, node.Uid, node.Address, failed);
            }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException or IOException)
        {
            // The first failure, then one in fifty: a dead peer would otherwise fill the log ten times a second.
            if (_failures.AddOrUpdate(node.Uid, 1, (_, n) => n + 1) % 50 == 1)
            {
                LogSendFailed(logger, node.Uid, node.Address, e.Message);
            }
        }
        finally
        {
            _inFlight.TryRemove(node.Uid, out _);
        }
    }

    private HttpClient ClientFor(ClusterState state)
    {
        var ca = state.Cluster?.CertificateAuthorityPem;
        var api = state.Cluster?.ApiCertificate?.CertificatePem;
        if (_client is null || _clientCa != ca || _clientApiCertificate != api)
        {
            _client?.Dispose();
            _client = new HttpClient(handlers.Create(ca, api), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
            _clientCa = ca;
            _clientApiCertificate = api;
        }
        return _client;
    }

    [LoggerMessage(EventId = 3021, Level = LogLevel.Warning, Message = "Write lease expired: no grant from a leader with a majority (leader known: {Leader}); this node's endpoints hold writes")]
    private static partial void LogLeaseExpired(ILogger logger, string leader);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Information, Message = "Write lease renewed: this node's endpoints take writes again")]
    private static partial void LogLeaseRenewed(ILogger logger);

    [LoggerMessage(EventId = 3023, Level = LogLevel.Information, Message = "Heartbeats to node {Uid} ({Address}) go through again after {Failures} failures")]
    private static partial void LogSendRecovered(ILogger logger, int uid, string address, int failures);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Warning, Message = "Heartbeat to node {Uid} ({Address}) failed: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, int uid, string address, string reason);
}
