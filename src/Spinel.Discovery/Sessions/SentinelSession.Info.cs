using System.Globalization;
using System.Text;
using Spinel.Resp.Framing;

namespace Spinel.Discovery.Sessions;

internal sealed partial class SentinelSession
{
    private static readonly string[] DefaultSections = ["server", "clients", "sentinel"];

    // INFO as Sentinel answers it: redis_mode:sentinel is how clients (StackExchange.Redis among them) recognise one.
    private void Info()
    {
        var sections = new List<string>();
        if (_request.ArgCount == 1)
        {
            sections.AddRange(DefaultSections);
        }
        for (var i = 1; i < _request.ArgCount; i++)
        {
            var section = Arg(i).ToLowerInvariant();
            if (section is "default" or "all" or "everything")
            {
                sections.AddRange(DefaultSections);
            }
            else if (DefaultSections.Contains(section))
            {
                sections.Add(section);
            }
        }
        var text = new StringBuilder();
        foreach (var section in sections.Distinct())
        {
            if (text.Length > 0)
            {
                text.Append("\r\n");
            }
            switch (section)
            {
                case "server": AppendServer(text); break;
                case "clients": AppendClients(text); break;
                case "sentinel": AppendSentinel(text); break;
            }
        }
        RespWriter.WriteVerbatim(_reply, text.ToString(), Protocol);
    }

    private void AppendServer(StringBuilder text)
    {
        var uptime = (long)(_context.Time.GetUtcNow() - _context.StartedAt).TotalSeconds;
        text.Append("# Server\r\n")
            .Append("redis_version:").Append(RedisVersion).Append("\r\n")
            .Append("redis_mode:sentinel\r\n")
            .Append("os:Spinel discovery service\r\n")
            .Append("arch_bits:64\r\n")
            .Append("run_id:").Append(_context.Views.Current.MyId).Append("\r\n")
            .Append(CultureInfo.InvariantCulture, $"tcp_port:{_context.Port}\r\n")
            .Append(CultureInfo.InvariantCulture, $"uptime_in_seconds:{uptime}\r\n")
            .Append(CultureInfo.InvariantCulture, $"uptime_in_days:{uptime / 86400}\r\n");
    }

    private void AppendClients(StringBuilder text) => text
        .Append("# Clients\r\n")
        .Append(CultureInfo.InvariantCulture, $"connected_clients:{_context.ClientCount}\r\n")
        .Append(CultureInfo.InvariantCulture, $"pubsub_clients:{_context.Subscribers.Count}\r\n");

    private void AppendSentinel(StringBuilder text)
    {
        var view = _context.Views.Current;
        text.Append("# Sentinel\r\n")
            .Append(CultureInfo.InvariantCulture, $"sentinel_masters:{view.Masters.Count}\r\n")
            .Append("sentinel_tilt:0\r\n")
            .Append("sentinel_tilt_since_seconds:-1\r\n")
            .Append("sentinel_running_scripts:0\r\n")
            .Append("sentinel_scripts_queue_length:0\r\n")
            .Append("sentinel_simulate_failure_flags:0\r\n");
        for (var i = 0; i < view.Masters.Count; i++)
        {
            var master = view.Masters[i];
            text.Append(CultureInfo.InvariantCulture,
                $"master{i}:name={master.Name},status=ok,address={master.Address},slaves=0,sentinels={view.Peers.Count + 1}\r\n");
        }
    }
}
