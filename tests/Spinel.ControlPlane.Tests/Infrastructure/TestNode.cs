using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spinel.ControlPlane.Raft;
using Xunit.Abstractions;

namespace Spinel.ControlPlane.Tests.Infrastructure;

/// <summary>One control-plane node in this process: a host with <c>AddControlPlane</c>, its own data dir and Raft port.</summary>
internal sealed class TestNode(string name, string dataDir, int port, ITestOutputHelper output, Action<ControlPlaneOptions>? configure) : IAsyncDisposable
{
    private IHost? _host;

    public string Name { get; } = name;

    public string DataDir { get; } = dataDir;

    public IPEndPoint EndPoint { get; } = new(IPAddress.Loopback, port);

    public bool ColdStart { get; set; }

    /// <summary>What the node's Raft transport presents and trusts when <see cref="ControlPlaneOptions.RaftTls"/> is on.</summary>
    public RaftTransportCredentials? Credentials { get; set; }

    public bool IsRunning => _host is not null;

    /// <summary>The running node's store; throws when the node is stopped.</summary>
    public RaftClusterStore Store { get; private set; } = null!;

    public string SnapshotDir => Path.Combine(DataDir, "raft", "snapshots");

    public async Task StartAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        if (Credentials is { } credentials)
        {
            builder.Services.AddSingleton(credentials);
        }
        builder.Logging.AddProvider(new XunitLoggerProvider(output, Name)).SetMinimumLevel(XunitLoggerProvider.MinimumLevel);
        builder.Services.AddControlPlane(o =>
        {
            o.DataDir = DataDir;
            o.RaftEndPoint = EndPoint.ToString();
            o.ColdStart = ColdStart;
            configure?.Invoke(o);
        });
        var host = builder.Build();
        await host.StartAsync();
        Store = (RaftClusterStore)host.Services.GetRequiredService<IClusterStore>();
        _host = host;
    }

    public async Task StopAsync()
    {
        if (_host is not { } host)
        {
            return;
        }
        _host = null;
        await host.StopAsync();
        await ((IAsyncDisposable)host).DisposeAsync();
        Store = null!;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    public override string ToString() => $"{Name} ({EndPoint})";
}
