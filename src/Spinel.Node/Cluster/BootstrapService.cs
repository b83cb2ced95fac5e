using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spinel.Api.Auth;
using Spinel.Api.Bootstrap;
using Spinel.ControlPlane;
using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Raft;
using Spinel.ControlPlane.Recovery;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.Node.Cluster;

/// <summary>
/// Brings the node into a cluster. A node that belonged to one before starts its cluster store at once; a fresh node
/// waits for <c>/v1/bootstrap</c> to create a cluster (it becomes the one-member Raft cluster and writes the cluster,
/// itself and the admin user), to join one (it starts its store empty and asks a member to add it), or to recover one
/// from a saved cluster store file (it becomes the one-member Raft cluster and writes the saved configuration).
/// </summary>
internal sealed partial class BootstrapService(
    RaftClusterStore store, IOptions<ControlPlaneOptions> storeOptions, ClusterNodeOptions options, NodeCertificate certificate, TimeProvider time,
    ILogger<BootstrapService> logger, IHostApplicationLifetime lifetime) : IBootstrapService, IHostedService
{
    private static readonly TimeSpan LeaderTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan JoinRetryDelay = TimeSpan.FromSeconds(1);
    private const int JoinRounds = 4;
    private readonly Lock _lock = new();
    private volatile BootstrapStatus _status = BootstrapStatus.Idle;

    public BootstrapStatus Status => _status;

    private string MarkerPath => Path.Combine(Path.GetFullPath(options.DataDir), "cluster-member");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(MarkerPath))
        {
            LogWaiting(logger, options.Address, options.RestPort);
            return;
        }
        await store.StartAsync(cancellationToken).ConfigureAwait(false);
        _status = new BootstrapStatus("completed", EndTime: time.GetUtcNow());
    }

    public Task StopAsync(CancellationToken cancellationToken) => store.StopAsync(cancellationToken);

    public OperationError? StartCreateCluster(CreateClusterRequest request) =>
        Begin("creating_cluster", ct => CreateAsync(request, ct));

    public OperationError? StartJoinCluster(JoinClusterRequest request) =>
        Begin("joining_cluster", ct => JoinAsync(request, ct));

    public OperationError? StartRecoverCluster(RecoverClusterRequest request) =>
        Begin("recovering_cluster", ct => RecoverAsync(request, ct));

    private OperationError? Begin(string state, Func<CancellationToken, Task> work)
    {
        lock (_lock)
        {
            if (_status.State is not ("idle" or "error"))
            {
                return new OperationError(OperationErrorKind.Conflict, "bootstrap_in_progress",
                    $"the node is {_status.State}; bootstrap is allowed only while it is idle or after an error");
            }
            _status = new BootstrapStatus(state, StartTime: time.GetUtcNow());
        }
        _ = Task.Run(async () =>
        {
            var stopping = lifetime.ApplicationStopping;
            try
            {
                await work(stopping).ConfigureAwait(false);
                // Completed means clients can verify this node against the cluster CA from now on.
                await WaitAsync(() => certificate.IsClusterIssued, JoinTimeout, "internal_error", "the node certificate was not issued", stopping)
                    .ConfigureAwait(false);
                File.WriteAllText(MarkerPath, time.GetUtcNow().ToString("O"));
                _status = _status with { State = "completed", EndTime = time.GetUtcNow() };
                LogCompleted(logger, state);
            }
            catch (BootstrapException e)
            {
                Fail(e.ErrorCode, e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                Fail("internal_error", e.Message);
                LogCrashed(logger, e);
            }
        });
        return null;
    }

    private void Fail(string code, string details)
    {
        LogFailed(logger, code, details);
        _status = _status with { State = "error", EndTime = time.GetUtcNow(), ErrorCode = code, ErrorDetails = details };
    }

    private async Task CreateAsync(CreateClusterRequest request, CancellationToken cancellationToken)
    {
        await ResetStoreAsync(cancellationToken).ConfigureAwait(false);
        storeOptions.Value.ColdStart = true;
        await store.StartAsync(cancellationToken).ConfigureAwait(false);
        await WaitAsync(() => store.IsLeader, LeaderTimeout, "config_error", "the new cluster store did not elect itself leader", cancellationToken)
            .ConfigureAwait(false);
        var (caPem, caKeyPem) = CertificateAuthority.Create(request.ClusterName, time);
        var now = time.GetUtcNow();
        var command = new CreateCluster
        {
            Cluster = new ClusterRecord
            {
                Name = request.ClusterName,
                CreatedTime = now,
                CertificateAuthorityPem = caPem,
                CertificateAuthorityKeyPem = caKeyPem,
            },
            FirstNode = ThisNode(),
            Admin = new UserRecord
            {
                Name = request.Username,
                Email = request.Username.Contains('@', StringComparison.Ordinal) ? request.Username : "",
                Role = UserRole.Admin,
                PasswordHash = PasswordHashing.Hash(request.Password),
                RedisPasswordDigests = [RedisPasswordDigest.Of(request.Password)],
            },
        };
        var result = await store.ProposeAsync(command, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new BootstrapException("config_error", "the cluster could not be written: " + (result.Rejection?.Message ?? result.Description));
        }
    }

    private async Task RecoverAsync(RecoverClusterRequest request, CancellationToken cancellationToken)
    {
        ClusterState saved;
        try
        {
            saved = ClusterStoreFile.Read(request.RecoveryFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new BootstrapException("invalid_recovery_file", $"cannot read {request.RecoveryFile}: {e.Message}");
        }
        // The file holds the cluster's secrets; only an admin of the saved cluster may bring it back.
        var admin = saved.Users.Values.FirstOrDefault(u => string.Equals(u.Name, request.Username, StringComparison.OrdinalIgnoreCase) ||
                                                           string.Equals(u.Email, request.Username, StringComparison.OrdinalIgnoreCase));
        if (admin is not { Role: UserRole.Admin } || !PasswordHashing.Verify(request.Password, admin.PasswordHash))
        {
            throw new BootstrapException("access_denied", "the credentials are not those of an admin of the saved cluster");
        }
        var (recovered, error) = ClusterRecovery.Prepare(saved, ThisNode(), request.NodeUid);
        if (recovered is null)
        {
            throw new BootstrapException("config_error", error!);
        }
        await ResetStoreAsync(cancellationToken).ConfigureAwait(false);
        storeOptions.Value.ColdStart = true;
        await store.StartAsync(cancellationToken).ConfigureAwait(false);
        await WaitAsync(() => store.IsLeader, LeaderTimeout, "config_error", "the recovered cluster store did not elect itself leader", cancellationToken)
            .ConfigureAwait(false);
        var result = await store.ProposeAsync(new RecoverCluster { State = recovered }, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new BootstrapException("config_error", "the recovered configuration could not be written: " + (result.Rejection?.Message ?? result.Description));
        }
        LogRecovered(logger, saved.Cluster!.Name, request.RecoveryFile, recovered.Nodes.Values.Single(n => n.Address == options.Address).Uid,
            recovered.Nodes.Values.Count(n => n.Status == NodeStatus.Down));
    }

    private async Task JoinAsync(JoinClusterRequest request, CancellationToken cancellationToken)
    {
        await ResetStoreAsync(cancellationToken).ConfigureAwait(false);
        storeOptions.Value.ColdStart = false;
        if (storeOptions.Value.RaftTls)
        {
            // The leader that adds this node talks TLS to its Raft port and trusts only the cluster CA: the node needs its
            // certificate (and the CA, to trust the leader) before its store starts.
            await FetchCredentialsAsync(request, cancellationToken).ConfigureAwait(false);
        }
        await store.StartAsync(cancellationToken).ConfigureAwait(false);
        string? lastError = null;
        // A leader that loses its leadership while it adds this node (an election on a busy machine) answers 503; the
        // join is safe to ask again, so a few rounds over the given members are tried before giving up.
        var transient = true;
        for (var round = 1; round <= JoinRounds && transient; round++)
        {
            transient = false;
            foreach (var member in request.Nodes)
            {
                try
                {
                    await PostAsync(member, "/v1/internal/nodes/join",
                        JsonContent.Create(new JoinBody(options.Address, options.RaftEndPoint, options.RestPort, options.EffectiveTotalMemory, options.MaxRedisServers)),
                        request, cancellationToken).ConfigureAwait(false);
                    // Joined means a full member: its record has arrived and it follows a leader with a majority.
                    await WaitAsync(() => NodeIdentity.Find(store.Current, options) is not null && store.HasQuorum, JoinTimeout, "connect_error",
                        "the cluster added this node but its configuration did not arrive", cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (BootstrapException e) when (e.ErrorCode is "connect_error")
                {
                    lastError = e.Message;
                    transient |= e.Transient;
                    LogJoinAttemptFailed(logger, round, JoinRounds, member, e.Message);
                }
            }
            if (transient && round < JoinRounds)
            {
                await Task.Delay(JoinRetryDelay, time, cancellationToken).ConfigureAwait(false);
            }
        }
        throw new BootstrapException("connect_error", lastError ?? "no cluster node was given");
    }

    private async Task FetchCredentialsAsync(JoinClusterRequest request, CancellationToken cancellationToken)
    {
        string? lastError = null;
        foreach (var member in request.Nodes)
        {
            try
            {
                var body = await PostAsync(member, "/v1/internal/nodes/join_credentials", null, request, cancellationToken).ConfigureAwait(false);
                var credentials = JsonSerializer.Deserialize<JoinCredentials>(body)
                    ?? throw new BootstrapException("connect_error", $"{member} answered no credentials");
                certificate.Install(credentials.CaCert, credentials.CaKey, credentials.ClusterName);
                return;
            }
            catch (BootstrapException e) when (e.ErrorCode is "connect_error")
            {
                lastError = e.Message;
            }
            catch (JsonException e)
            {
                lastError = $"{member} answered credentials this node cannot read: {e.Message}";
            }
        }
        throw new BootstrapException("connect_error", lastError ?? "no cluster node was given");
    }

    /// <returns>The body of the member's successful answer.</returns>
    private async Task<string> PostAsync(string member, string path, HttpContent? content, JoinClusterRequest request, CancellationToken cancellationToken)
    {
        // First contact: the joiner cannot know the cluster CA yet, so the member's certificate is taken on trust;
        // the admin credentials are what authorises the join.
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
        using var client = new HttpClient(handler) { Timeout = JoinTimeout };
        var host = member.Contains(':', StringComparison.Ordinal) && !member.StartsWith('[') ? $"[{member}]" : member;
        var port = options.RestPort;
        using var message = new HttpRequestMessage(HttpMethod.Post, $"https://{host}:{port}{path}") { Content = content };
        message.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{request.Username}:{request.Password}")));
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new BootstrapException("connect_error", $"cannot reach {member}:{port}: {e.Message}", transient: true);
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden)
            {
                throw new BootstrapException("access_denied", $"{member} refused the credentials: {body}");
            }
            if (!response.IsSuccessStatusCode)
            {
                throw new BootstrapException("connect_error", $"{member} answered {(int)response.StatusCode}: {body}",
                    transient: response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable);
            }
            return body;
        }
    }

    private NodeRecord ThisNode() => new()
    {
        Address = options.Address,
        RaftEndPoint = options.RaftEndPoint,
        RestPort = options.RestPort,
        TotalMemory = options.EffectiveTotalMemory,
        MaxRedisServers = options.MaxRedisServers,
    };

    /// <summary>A bootstrap that failed half way may have left a store behind; it never became a cluster member, so it goes.</summary>
    private async Task ResetStoreAsync(CancellationToken cancellationToken)
    {
        await store.StopAsync(cancellationToken).ConfigureAwait(false);
        var raftDir = Path.Combine(Path.GetFullPath(options.DataDir), "raft");
        if (Directory.Exists(raftDir))
        {
            Directory.Delete(raftDir, recursive: true);
        }
    }

    private async Task WaitAsync(Func<bool> condition, TimeSpan timeout, string code, string message, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (!condition())
        {
            if (time.GetUtcNow() > deadline)
            {
                throw new BootstrapException(code, message);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed record JoinBody(
        [property: JsonPropertyName("addr")] string Addr,
        [property: JsonPropertyName("raft_endpoint")] string RaftEndpoint,
        [property: JsonPropertyName("rest_port")] int RestPort,
        [property: JsonPropertyName("total_memory")] long TotalMemory,
        [property: JsonPropertyName("max_redis_servers")] int MaxRedisServers);

    private sealed record JoinCredentials(
        [property: JsonPropertyName("cluster_name")] string ClusterName,
        [property: JsonPropertyName("ca_cert")] string CaCert,
        [property: JsonPropertyName("ca_key")] string CaKey);

    private sealed class BootstrapException(string errorCode, string message, bool transient = false) : Exception(message)
    {
        public string ErrorCode { get; } = errorCode;

        /// <summary>True when the same request may succeed a moment later (unreachable, or 503 while a leader changes).</summary>
        public bool Transient { get; } = transient;
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Node is not in a cluster yet: create or join one with POST https://{Address}:{Port}/v1/bootstrap/create_cluster or join_cluster")]
    private static partial void LogWaiting(ILogger logger, string address, int port);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Bootstrap ({State}) completed")]
    private static partial void LogCompleted(ILogger logger, string state);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Bootstrap failed ({Code}): {Details}")]
    private static partial void LogFailed(ILogger logger, string code, string details);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning,
        Message = "Cluster {Name} recovered from {File}: this node is node {Uid}, the only member; {Down} other nodes are down until they join again or are removed")]
    private static partial void LogRecovered(ILogger logger, string name, string file, int uid, int down);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Join attempt {Round} of {Rounds} through {Member} failed: {Details}")]
    private static partial void LogJoinAttemptFailed(ILogger logger, int round, int rounds, string member, string details);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Bootstrap crashed")]
    private static partial void LogCrashed(ILogger logger, Exception exception);
}
