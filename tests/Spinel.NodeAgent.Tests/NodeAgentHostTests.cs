using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spinel.Model;
using Spinel.NodeAgent.Supervision;
using Spinel.NodeAgent.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Spinel.NodeAgent.Tests;

public class NodeAgentHostTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Integration")]
    public async Task StopAsync_HostWithTwoShards_LeavesNoRedisServerBehind()
    {
        var dataDir = NodeAgentTestContext.CreateDataDir();
        try
        {
            int p1 = TestPorts.NextFree(), p2 = TestPorts.NextFree();
            using var host = BuildHost(dataDir, TestTopology.Snapshot(1, TestTopology.Shard(1, p1), TestTopology.Shard(2, p2)));
            await host.StartAsync();
            var statuses = host.Services.GetRequiredService<IShardStatusProvider>();
            await Eventually.UntilAsync(() => statuses.GetStatuses() is [{ State: ShardState.Running }, { State: ShardState.Running }], "both shards Running");
            var pids = statuses.GetStatuses().Select(s => s.Pid!.Value).ToArray();
            Assert.All(pids, pid => Assert.True(Pids.IsRunning(pid)));

            await host.StopAsync();

            // Stopping returns only once the children are gone: no waiting here.
            Assert.All(pids, pid => Assert.False(Pids.IsRunning(pid), $"redis-server {pid} still runs after the host stopped"));
            Assert.All(statuses.GetStatuses(), s => Assert.Equal((ShardState.Stopped, null), (s.State, s.Pid)));
            Assert.Empty(Directory.EnumerateFiles(dataDir, "redis.pid", SearchOption.AllDirectories));
        }
        finally
        {
            NodeAgentTestContext.KillLeftovers(dataDir);
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task StopAsync_ShardsDieWhileTheHostStops_AreNotRestarted()
    {
        var dataDir = NodeAgentTestContext.CreateDataDir();
        try
        {
            var killer = new ShardKiller();
            using var host = BuildHost(dataDir, TestTopology.Snapshot(1, TestTopology.Shard(1, TestPorts.NextFree())), s => s.AddHostedService(_ => killer));
            await host.StartAsync();
            var statuses = host.Services.GetRequiredService<IShardStatusProvider>();
            await Eventually.UntilAsync(() => statuses.GetStatuses() is [{ State: ShardState.Running }], "the shard Running");
            killer.Pids = statuses.GetStatuses().Select(s => s.Pid!.Value).ToArray();

            // Registered after the agent, the killer stops first: like Ctrl-C reaching the children before the host stops them.
            await host.StopAsync();

            Assert.True(killer.Killed);
            Assert.Equal((ShardState.Stopped, 0), (statuses.GetStatuses()[0].State, statuses.GetStatuses()[0].Restarts));
            Assert.Empty(Pids.RunningUnder(dataDir));
        }
        finally
        {
            NodeAgentTestContext.KillLeftovers(dataDir);
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task StartAsync_OptionsWithoutDataDir_FailsValidation()
    {
        using var host = BuildHost("", TopologySnapshot.Empty);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(nameof(NodeAgentOptions.DataDir), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddNodeAgent_ResolvesOneSupervisorAsHostedServiceAndStatusProvider()
    {
        using var host = BuildHost("/tmp/unused", TopologySnapshot.Empty);

        var hosted = Assert.Single(host.Services.GetServices<IHostedService>().OfType<ShardSupervisor>());

        Assert.Same(hosted, host.Services.GetRequiredService<IShardStatusProvider>());
        Assert.Same(TimeProvider.System, host.Services.GetRequiredService<TimeProvider>());
    }

    private IHost BuildHost(string dataDir, TopologySnapshot topology, Action<IServiceCollection>? more = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddProvider(new XunitLoggerProvider(output)).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<ITopologySource>(new InMemoryTopologySource(topology));
        builder.Services.AddNodeAgent(o =>
        {
            o.NodeUid = TestTopology.ThisNode;
            o.DataDir = dataDir;
        });
        more?.Invoke(builder.Services);
        return builder.Build();
    }

    private sealed class ShardKiller : IHostedService
    {
        public int[] Pids { get; set; } = [];

        public bool Killed { get; private set; }

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            foreach (var pid in Pids)
            {
                Infrastructure.Pids.KillQuietly(pid);
            }
            await Eventually.UntilAsync(() => !Pids.Any(Infrastructure.Pids.IsRunning), "the shards to die");
            Killed = true;
            // A restart would begin within milliseconds of the exit; give one the time to show.
            await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken);
        }
    }
}
