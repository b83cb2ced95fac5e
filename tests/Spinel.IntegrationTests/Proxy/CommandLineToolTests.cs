using System.Text;
using Spinel.IntegrationTests.Infrastructure;
using Spinel.Resp.Framing;

namespace Spinel.IntegrationTests.Proxy;

/// <summary>The real redis-cli and redis-benchmark, run as processes against the endpoint.</summary>
[Trait("Category", "Integration")]
public sealed class CommandLineToolTests(PrivateNode fixture) : IClassFixture<PrivateNode>
{
    private SpinelTestNode Node => fixture.Node;

    private async Task<string> RedisCliAsync(params string[] command)
    {
        var result = await ToolProcess.RunAsync("redis-cli", ["-h", "127.0.0.1", "-p", Node.Port.ToString(), .. command]);
        Assert.True(result.ExitCode == 0, $"redis-cli {string.Join(' ', command)} exited {result.ExitCode}: {result.Error}");
        // One line per value; the final newline ends the last line.
        return result.Output.EndsWith('\n') ? result.Output[..^1] : result.Output;
    }

    [Fact]
    public async Task RedisCli_SetGetMgetAcrossShards_PrintsRedisOutput()
    {
        var keys = Enumerable.Range(0, Node.Shards.Count).Select(shard => Node.KeyOnShard("cli:key", shard)).ToArray();

        foreach (var key in keys)
        {
            Assert.Equal("OK", await RedisCliAsync("SET", key, "cli-" + key));
        }

        Assert.Equal("cli-" + keys[2], await RedisCliAsync("GET", keys[2]));
        Assert.Equal(string.Join('\n', keys.Select(k => "cli-" + k).Append("")), await RedisCliAsync(["MGET", .. keys, "cli:missing"]));
        Assert.Equal("PONG", await RedisCliAsync("PING"));
        Assert.Equal("(error) ERR command is not allowed", await RedisCliAsync("--no-raw", "SHUTDOWN"));
    }

    [Fact]
    public async Task RedisCliPipe_TenThousandSets_AllAppliedAndCounted()
    {
        await fixture.FlushShardsAsync();
        var input = new MemoryStream();
        for (var i = 0; i < 10_000; i++)
        {
            input.Write(RespWriter.EncodeCommand("SET", $"pipe:key:{i}", $"value-{i}"));
        }

        var result = await ToolProcess.RunAsync("redis-cli", ["-h", "127.0.0.1", "-p", Node.Port.ToString(), "--pipe"], input.ToArray());

        Assert.True(result.ExitCode == 0, $"redis-cli --pipe exited {result.ExitCode}: {result.Output} {result.Error}");
        Assert.Contains("errors: 0, replies: 10000", result.Output);
        Assert.Equal("10000", await RedisCliAsync("DBSIZE"));
        Assert.Equal("value-9999", await RedisCliAsync("GET", "pipe:key:9999"));
    }

    [Fact]
    public async Task RedisCli_InlineCommandsOnStdin_RunInOrder()
    {
        var key = Node.KeyOnShard("cli:stdin", 2);
        var input = Encoding.ASCII.GetBytes($"DEL {key}\nRPUSH {key} a b c\nLRANGE {key} 0 -1\n");

        var result = await ToolProcess.RunAsync("redis-cli", ["-h", "127.0.0.1", "-p", Node.Port.ToString()], input);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["0", "3", "a", "b", "c"], result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task RedisBenchmark_SetGetLpushLrangeMset_ExitsCleanlyWithoutErrors()
    {
        var result = await ToolProcess.RunAsync("redis-benchmark",
            ["-h", "127.0.0.1", "-p", Node.Port.ToString(), "-t", "set,get,lpush,lrange_100,mset", "-n", "2000", "-q"],
            timeout: TimeSpan.FromSeconds(120));

        var output = result.Output + result.Error;
        Assert.True(result.ExitCode == 0, $"redis-benchmark exited {result.ExitCode}: {output}");
        foreach (var test in new[] { "SET:", "GET:", "LPUSH:", "LRANGE_100", "MSET (10 keys):" })
        {
            Assert.Contains(test, output);
        }
        Assert.DoesNotContain("ERR", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("CROSSSLOT", output);
    }
}
