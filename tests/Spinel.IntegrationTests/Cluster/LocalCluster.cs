using System.Net;
using System.Text.Json.Nodes;

using Spinel.IntegrationTests.Infrastructure;

namespace Spinel.IntegrationTests.Cluster;

/// <summary>
/// A cluster of real <c>spinel-node</c> processes on 127.0.&lt;subnet&gt;.1-n, created and joined through the REST API
/// as an operator would. Each test class takes its own subnet so that every node can use the standard ports.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    public const string AdminUser = "admin@spinel.test";
    public const string AdminPassword = "s3cret-Passw0rd";

    private readonly string _root;
    private readonly int _subnet;
    private readonly string[] _extraArgs;
    private readonly List<ClusterNodeProcess> _nodes;

    private LocalCluster(string root, int subnet, string[] extraArgs, List<ClusterNodeProcess> nodes)
    {
        _root = root;
        _subnet = subnet;
        _extraArgs = extraArgs;
        _nodes = nodes;
    }

    /// <summary>The nodes by index; node uids follow the join order, so node i has uid i + 1.</summary>
    public IReadOnlyList<ClusterNodeProcess> Nodes => _nodes;

    public string CaFile => Path.Combine(Nodes[0].DataDir, "cluster-ca.pem");

    public static async Task<LocalCluster> StartAsync(int subnet, int size = 3, params string[] extraArgs)
    {
        var root = Path.Combine(Path.GetTempPath(), $"spinel-cluster-{subnet}-{Guid.NewGuid():N}");
        var cluster = new LocalCluster(root, subnet, extraArgs, []);
        var nodes = Enumerable.Range(1, size).Select(_ => cluster.NewNode()).ToList();
        try
        {
            foreach (var node in nodes)
            {
                node.Start();
            }
            await cluster.CreateAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private async Task CreateAsync()
    {
        using (var first = Bootstrapping(0))
        {
            await WaitForRestAsync(first, Nodes[0]);
            var created = await first.PostAsync("/v1/bootstrap/create_cluster", new JsonObject
            {
                ["action"] = "create_cluster",
                ["cluster"] = new JsonObject { ["name"] = "cluster.test" },
                ["credentials"] = new JsonObject { ["username"] = AdminUser, ["password"] = AdminPassword },
            });
            Assert.True(created.Status == HttpStatusCode.OK, $"create_cluster: {created}");
            await WaitForBootstrapAsync(first, Nodes[0]);
        }
        for (var i = 1; i < Nodes.Count; i++)
        {
            await JoinAsync(i);
        }
    }

    /// <summary>Starts one more node (the next address of the subnet) and joins it to the cluster; returns its index.</summary>
    public async Task<int> AddNodeAsync(int viaIndex = 0)
    {
        var node = NewNode();
        node.Start();
        await JoinAsync(Nodes.Count - 1, viaIndex);
        return Nodes.Count - 1;
    }

    /// <summary>
    /// <c>recover_cluster</c> on node <paramref name="index"/> (a fresh node, or one whose store was wiped) from a saved
    /// cluster store file; waits until the bootstrap completes.
    /// </summary>
    public async Task RecoverOnAsync(int index, string recoveryFile)
    {
        using var node = Bootstrapping(index);
        await WaitForRestAsync(node, Nodes[index]);
        var recovered = await node.PostAsync("/v1/bootstrap/recover_cluster", new JsonObject
        {
            ["action"] = "recover_cluster",
            ["recovery_filename"] = recoveryFile,
            ["credentials"] = new JsonObject { ["username"] = AdminUser, ["password"] = AdminPassword },
        });
        Assert.True(recovered.Status == HttpStatusCode.OK, $"recover_cluster on {Nodes[index].Address}: {recovered}");
        await WaitForBootstrapAsync(node, Nodes[index]);
    }

    private ClusterNodeProcess NewNode()
    {
        var n = _nodes.Count + 1;
        var node = new ClusterNodeProcess($"127.0.{_subnet}.{n}", Path.Combine(_root, $"node{n}"), _extraArgs);
        _nodes.Add(node);
        return node;
    }

    private async Task JoinAsync(int index, int viaIndex = 0)
    {
        using var joiner = Bootstrapping(index);
        await WaitForRestAsync(joiner, Nodes[index]);
        var joined = await joiner.PostAsync("/v1/bootstrap/join_cluster", new JsonObject
        {
            ["action"] = "join_cluster",
            ["cluster"] = new JsonObject { ["nodes"] = new JsonArray(Nodes[viaIndex].Address) },
            ["credentials"] = new JsonObject { ["username"] = AdminUser, ["password"] = AdminPassword },
        });
        Assert.True(joined.Status == HttpStatusCode.OK, $"join_cluster on {Nodes[index].Address}: {joined}");
        await WaitForBootstrapAsync(joiner, Nodes[index]);
    }

    /// <summary>An admin client of node <paramref name="index"/> that verifies the node's certificate against the cluster CA.</summary>
    public RestClient Admin(int index) => new(Nodes[index].RestUrl, AdminUser, AdminPassword, CaFile);

    public RestClient Anonymous(int index) => new(Nodes[index].RestUrl, null, null, null);

    /// <summary>
    /// A client for <c>/v1/bootstrap</c>: a fresh node answers it without credentials, a member only with them, and
    /// before the node is in the cluster its certificate cannot chain to the cluster CA yet.
    /// </summary>
    private RestClient Bootstrapping(int index) => new(Nodes[index].RestUrl, AdminUser, AdminPassword, null);

    public RestClient As(int index, string user, string password) => new(Nodes[index].RestUrl, user, password, CaFile);

    /// <summary>Restarts a stopped or killed node with the same address and data.</summary>
    public async Task RestartAsync(int index)
    {
        Nodes[index].Start();
        using var client = Admin(index);
        await WaitForRestAsync(client, Nodes[index]);
    }

    /// <summary><c>address:port</c> of the first node whose proxy accepts connections on <paramref name="port"/>; null when none does.</summary>
    public string? EndpointServing(int port)
    {
        foreach (var node in Nodes)
        {
            using var probe = new System.Net.Sockets.TcpClient();
            try
            {
                probe.Connect(node.Address, port);
                return $"{node.Address}:{port}";
            }
            catch (System.Net.Sockets.SocketException)
            {
            }
        }
        return null;
    }

    /// <summary>Starts every stopped or killed node at once (as after a power cut), then waits for each REST API.</summary>
    public async Task RestartAllAsync()
    {
        foreach (var node in Nodes.Where(n => !n.IsRunning))
        {
            node.Start();
        }
        for (var i = 0; i < Nodes.Count; i++)
        {
            using var client = Admin(i);
            await WaitForRestAsync(client, Nodes[i]);
        }
    }

    /// <summary>Index of the node that leads, as <c>GET /v1/nodes/status</c> on a live node reports it (node uids follow the join order).</summary>
    public async Task<int> LeaderIndexAsync()
    {
        int leader = -1;
        await Eventually.TrueAsync(async () =>
        {
            for (var i = 0; i < Nodes.Count; i++)
            {
                if (!Nodes[i].IsRunning)
                {
                    continue;
                }
                using var client = Admin(i);
                var status = await client.GetAsync("/v1/nodes/status");
                if (status.Status == HttpStatusCode.OK &&
                    status.Body.AsObject().FirstOrDefault(n => n.Value?["role"]?.GetValue<string>() == "master") is { Key: { } uid } &&
                    int.TryParse(uid, out var leaderUid))
                {
                    leader = leaderUid - 1;
                    return true;
                }
            }
            return false;
        }, "a leader to be known");
        return leader;
    }

    /// <summary>
    /// Waits until every running node has applied the action's completion (followers apply a little after the
    /// leader, and a test reads from any node next) and returns it; fails the test when the action fails.
    /// </summary>
    public async Task<JsonNode> WaitForActionAsync(string actionUid, TimeSpan? timeout = null)
    {
        JsonNode? action = null;
        await Eventually.TrueAsync(async () =>
        {
            var running = Nodes.Select((node, index) => (node, index)).Where(n => n.node.IsRunning).ToList();
            foreach (var (_, index) in running)
            {
                using var client = Admin(index);
                var response = await client.GetAsync($"/v1/actions/{actionUid}");
                if (response.Status != HttpStatusCode.OK)
                {
                    return false;
                }
                action = response.Body;
                var status = action["status"]?.GetValue<string>();
                Assert.True(status != "failed", $"action {actionUid} failed: {action.ToJsonString()}");
                if (status != "completed")
                {
                    return false;
                }
            }
            return running.Count > 0;
        }, $"action {actionUid} to complete on every running node", timeout ?? TimeSpan.FromSeconds(60));
        return action!;
    }

    private static async Task WaitForRestAsync(RestClient client, ClusterNodeProcess node)
    {
        await Eventually.TrueAsync(async () =>
        {
            Assert.True(node.IsRunning, $"node {node.Address} exited:\n{node.Tail()}");
            try
            {
                await client.GetAsync("/v1/bootstrap");
                return true;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, $"the REST API of {node.Address} to answer", TimeSpan.FromSeconds(60));
    }

    private static async Task WaitForBootstrapAsync(RestClient client, ClusterNodeProcess node)
    {
        await Eventually.TrueAsync(async () =>
        {
            var status = await client.GetAsync("/v1/bootstrap");
            var state = status.Json?["bootstrap_status"]?["state"]?.GetValue<string>();
            Assert.True(state != "error", $"bootstrap of {node.Address} failed: {status}\n{node.Tail()}");
            return state == "completed";
        }, $"bootstrap of {node.Address} to complete", TimeSpan.FromSeconds(60));
    }

    /// <summary>The failure-handling lines of every node's log, in time order, for a test's output.</summary>
    public string Events() => string.Join('\n', Nodes
        .SelectMany(n => n.Output.Select(line => $"{line[..Math.Min(12, line.Length)]} [{n.Address}] {(line.Length > 12 ? line[12..] : "")}"))
        .Where(l => l.Contains("ailover", StringComparison.Ordinal) || l.Contains("romot", StringComparison.Ordinal) ||
                    l.Contains("exited", StringComparison.Ordinal) || l.Contains("marked", StringComparison.Ordinal) ||
                    l.Contains("SMFailover", StringComparison.Ordinal) || l.Contains("Held", StringComparison.OrdinalIgnoreCase) ||
                    l.Contains("REPLICAOF", StringComparison.OrdinalIgnoreCase) || l.Contains("lease", StringComparison.OrdinalIgnoreCase) ||
                    l.Contains("leader", StringComparison.OrdinalIgnoreCase) || l.Contains("Shard down", StringComparison.OrdinalIgnoreCase) ||
                    l.Contains("estart", StringComparison.Ordinal) || l.Contains("started with pid", StringComparison.Ordinal) ||
                    l.Contains("relaunch", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal));

    /// <summary>
    /// Runs a test's body; when it fails, writes the failure-handling log lines as they are at that moment and keeps
    /// every node's whole log (<see cref="SaveLogs"/>), then lets the failure through.
    /// </summary>
    public async Task KeepingLogsOnFailureAsync(string testName, Action<string> writeLine, Func<Task> body)
    {
        try
        {
            await body();
        }
        catch
        {
            writeLine("--- at the failure\n" + Events());
            SaveLogs(testName);
            throw;
        }
    }

    /// <summary>Keeps every node's whole log under the test results (CI keeps them as artifacts), one folder per test.</summary>
    public void SaveLogs(string testName)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "cluster-logs", testName);
        Directory.CreateDirectory(folder);
        for (var i = 0; i < Nodes.Count; i++)
        {
            File.WriteAllLines(Path.Combine(folder, $"node{i + 1}.log"), Nodes[i].Output);
        }
    }

    public string Logs() => string.Join("\n\n", Nodes.Select(n => $"--- {n.Address}\n{n.Tail(60)}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            await node.DisposeAsync();
        }
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
