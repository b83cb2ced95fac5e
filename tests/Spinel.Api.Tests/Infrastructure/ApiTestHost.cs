using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Spinel.Api.Auth;
using Spinel.Api.Bootstrap;
using Spinel.Api.Forwarding;
using Spinel.ControlPlane;
using Spinel.ControlPlane.Health;
using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.Api.Tests.Infrastructure;

/// <summary>
/// The REST API in a test server over in-memory fakes. <see cref="CreateClusterAsync"/> gives it a cluster named
/// <c>cluster.local</c> whose node 1 (127.0.0.1, Raft 127.0.0.1:3333) is the leader, and the admin <c>admin@x.io</c>.
/// </summary>
public sealed class ApiTestHost : IAsyncDisposable
{
    public const string AdminName = "admin@x.io";
    public const string AdminPassword = "s3cret-Admin";
    public const string CaPem = "-----BEGIN CERTIFICATE-----\nTEST\n-----END CERTIFICATE-----";

    // Enough PBKDF2 to be real, little enough to keep tests fast; Verify reads the count from the hash.
    private const int TestIterations = 1000;

    private readonly WebApplication _app;

    private ApiTestHost(WebApplication app, FakeClusterStore store, FakeTimeProvider time, RecordingHandler leader)
    {
        ForwardingHandlers = (RecordingHandlerFactory)app.Services.GetRequiredService<IForwardingHandlerFactory>();
        _app = app;
        Store = store;
        Time = time;
        Leader = leader;
        Databases = (FakeDatabaseOperations)app.Services.GetRequiredService<IDatabaseOperations>();
        Nodes = (FakeNodeOperations)app.Services.GetRequiredService<INodeOperations>();
        Shards = (FakeShardOperations)app.Services.GetRequiredService<IShardOperations>();
        Rebalances = (FakeRebalanceOperations)app.Services.GetRequiredService<IRebalanceOperations>();
        Health = (ClusterHealthRegistry)app.Services.GetRequiredService<IClusterHealth>();
        Bootstrap = (FakeBootstrapService)app.Services.GetRequiredService<IBootstrapService>();
    }

    public FakeClusterStore Store { get; }

    public FakeTimeProvider Time { get; }

    public FakeDatabaseOperations Databases { get; }

    public FakeNodeOperations Nodes { get; }

    public FakeShardOperations Shards { get; }

    public FakeRebalanceOperations Rebalances { get; }

    /// <summary>The real registry on <see cref="Time"/>: tests record heartbeats into it.</summary>
    public ClusterHealthRegistry Health { get; }

    public FakeBootstrapService Bootstrap { get; }

    internal RecordingHandlerFactory ForwardingHandlers { get; }

    /// <summary>Plays the leader's REST API for forwarded writes.</summary>
    public RecordingHandler Leader { get; }

    public static async Task<ApiTestHost> StartAsync(Action<SpinelApiOptions>? configure = null)
    {
        var store = new FakeClusterStore();
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var leader = new RecordingHandler();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IClusterStore>(store);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IDatabaseOperations>(new FakeDatabaseOperations(store));
        builder.Services.AddSingleton<INodeOperations>(new FakeNodeOperations(store));
        builder.Services.AddSingleton<IShardOperations>(new FakeShardOperations());
        builder.Services.AddSingleton<IRebalanceOperations>(new FakeRebalanceOperations());
        // The real one: it only checks the request against the store and proposes to it.
        builder.Services.AddSingleton<IDataTransferOperations>(new DataTransferOperations(store, time));
        builder.Services.AddSingleton<IClusterHealth>(new ClusterHealthRegistry(time));
        builder.Services.AddSingleton<IBootstrapService>(new FakeBootstrapService());
        builder.Services.AddSingleton<IForwardingHandlerFactory>(new RecordingHandlerFactory(leader));
        builder.Services.AddSpinelApi(configure);
        var app = builder.Build();
        app.MapSpinelApi();
        await app.StartAsync();
        return new ApiTestHost(app, store, time, leader);
    }

    /// <summary>Starts a host whose store holds a created cluster, node 1 and the admin.</summary>
    public static async Task<ApiTestHost> StartWithClusterAsync(Action<SpinelApiOptions>? configure = null)
    {
        var host = await StartAsync(configure);
        host.CreateCluster();
        return host;
    }

    public void CreateCluster()
    {
        Store.Apply(new CreateCluster
        {
            Cluster = new ClusterRecord { Name = "cluster.local", CreatedTime = Time.GetUtcNow(), CertificateAuthorityPem = CaPem, CertificateAuthorityKeyPem = "KEY" },
            FirstNode = new NodeRecord { Address = "127.0.0.1", RaftEndPoint = "127.0.0.1:3333", TotalMemory = 8L << 30 },
            Admin = new UserRecord { Name = AdminName, Email = AdminName, Role = UserRole.Admin, PasswordHash = Hash(AdminPassword) },
        });
        Store.LeaderRaftEndPoint = IPEndPoint.Parse("127.0.0.1:3333");
    }

    /// <summary>
    /// Adds node 2 (127.0.0.2) and database 1 <c>cache</c> on port 12000: masters 1 (slots 0-8191) and 2 (8192-16383) on
    /// node 1, their replicas 3 and 4 on node 2, endpoint <c>1:1</c> bound on both nodes, and a running <c>SMCreateBDB</c>.
    /// </summary>
    public void AddDatabase()
    {
        Store.Apply(new AddNode { Node = new NodeRecord { Address = "127.0.0.2", RaftEndPoint = "127.0.0.2:3333", RestPort = 9443, TotalMemory = 4L << 30 } });
        Store.Apply(new PutBdb
        {
            Bdb = new BdbRecord
            {
                Name = "cache", MemorySize = 1L << 30, ShardsCount = 2, Replication = true, Sharding = true,
                ShardKeyRegex = [@".*\{(?<tag>.*)\}.*", "(?<tag>.*)"], Port = 12000, Status = BdbStatus.Active,
                CreatedTime = Time.GetUtcNow(), LastChangedTime = Time.GetUtcNow(),
            },
        });
        Store.Apply(new PutShards
        {
            BdbUid = 1,
            Shards =
            [
                new ShardRecord { BdbUid = 1, NodeUid = 1, Port = 20000, AssignedSlots = [new(0, 8191)] },
                new ShardRecord { BdbUid = 1, NodeUid = 1, Port = 20001, AssignedSlots = [new(8192, 16383)] },
            ],
        });
        Store.Apply(new PutShards
        {
            BdbUid = 1,
            Shards =
            [
                new ShardRecord { BdbUid = 1, NodeUid = 2, Port = 20000, Role = Model.ShardRole.Replica, ReplicaOf = 1, AssignedSlots = [new(0, 8191)] },
                new ShardRecord { BdbUid = 1, NodeUid = 2, Port = 20001, Role = Model.ShardRole.Replica, ReplicaOf = 2, AssignedSlots = [new(8192, 16383)] },
            ],
        });
        Store.Apply(new PutEndpoint { Endpoint = new EndpointRecord { Uid = "1:1", BdbUid = 1, Port = 12000, ProxyPolicy = ProxyPolicy.AllMasterShards, NodeUids = [1, 2] } });
        Store.Apply(new PutAction
        {
            Action = new ActionRecord
            {
                ActionUid = "a-create-1", Name = "SMCreateBDB", ObjectName = "bdb:1", State = "proxy_policy",
                Status = ActionStatus.Active, Progress = 40, CreationTime = Time.GetUtcNow(),
            },
        });
    }

    /// <summary>Makes this node a follower of node 2 (added by <see cref="AddDatabase"/>): writes go to https://127.0.0.2:9443.</summary>
    public void FollowNode2()
    {
        Store.IsLeader = false;
        Store.LeaderRaftEndPoint = IPEndPoint.Parse("127.0.0.2:3333");
    }

    /// <summary>Adds a user straight to the store; returns its uid.</summary>
    public int AddUser(string name, string password, UserRole role, string email = "") =>
        Store.Apply(new PutUser { User = new UserRecord { Name = name, Email = email, Role = role, PasswordHash = Hash(password) } }).AssignedUids[0];

    public static string Hash(string password) => PasswordHashing.Hash(password, TestIterations);

    /// <summary>A client without credentials.</summary>
    public HttpClient Anonymous() => _app.GetTestClient();

    /// <summary>A client that sends Basic credentials (the admin's by default).</summary>
    public HttpClient Client(string user = AdminName, string password = AdminPassword)
    {
        var client = _app.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
